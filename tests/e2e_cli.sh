#!/bin/sh
# e2e_cli.sh - one command-line layer (common/cli.h): every program refuses a
# bad number the same way (the option and the value named, exit 2) and
# reports a write error on stdout with exit 1.
. tests/lib.sh

IDX=$BIN/minutes-index
SRCH=$BIN/minutes-search
expect_status 0 "$IDX" --quiet --db "$T/db" corpora/sample

# bad_number WHAT CMD...: exit 2 and "invalid OPT: 'VALUE'" on stderr
bad_number() {
	what=$1; shift
	expect_status 2 "$@"
	grep -q "invalid $what" "$T/err" || fail "'$*': no 'invalid $what' in: $(cat "$T/err")"
}
bad_number "--jobs: 'x'" "$IDX" --jobs x --db "$T/db" corpora/sample
bad_number "--timeout: '-1'" "$IDX" --timeout -1 --db "$T/db" corpora/sample
bad_number "--limit: '10k'" "$SRCH" --db "$T/db" --limit 10k budget
bad_number "--offset: '99999999999999999999'" "$SRCH" --db "$T/db" --offset 99999999999999999999 budget
bad_number "--limit: ' 5'" "$SRCH" trends budget --db "$T/db" --limit " 5"
bad_number "--cache: '1e3'" "$SRCH" serve --db "$T/db" --cache 1e3

# a full stdout: exit 1 and "write error", in both programs and a subcommand
expect_status 1 sh -c "'$IDX' --version >/dev/full"
grep -q "write error" "$T/err" || fail "indexer: no write error: $(cat "$T/err")"
expect_status 1 sh -c "'$SRCH' --db '$T/db' budget >/dev/full"
grep -q "write error" "$T/err" || fail "search: no write error: $(cat "$T/err")"
expect_status 1 sh -c "'$SRCH' trends budget --db '$T/db' >/dev/full"
grep -q "write error" "$T/err" || fail "trends: no write error: $(cat "$T/err")"

# expect_refused OPTION VALUE CMD...: CMD OPTION VALUE exits 2 with one message
# naming both and what is wrong, the hint to --help, and nothing on stdout.
expect_refused() {
	opt=$1 val=$2; shift 2
	expect_status 2 "$@" "$opt" "$val"
	grep -qF -- "invalid $opt: '$val': " "$T/err" || fail "'$* $opt $val': $(cat "$T/err")"
	grep -q -- "--help' for more information" "$T/err" || fail "'$* $opt $val': no hint: $(cat "$T/err")"
	[ ! -s "$T/out" ] || fail "'$* $opt $val' wrote to stdout: $(head -c 200 "$T/out")"
}
file=corpora/sample/bramwick-borough-council/cabinet/2023-11-14.txt

# --- minutes-index: explicit bounds, reasons, nothing created -----------------------
expect_refused --jobs -1 "$IDX" --db "$T/new" corpora/sample
grep -qF "invalid --jobs: '-1': negative (0 to 1024)" "$T/err" || fail "jobs: $(cat "$T/err")"
expect_refused --jobs 1025 "$IDX" --db "$T/new" corpora/sample
expect_refused --timeout 5s "$IDX" --db "$T/new" corpora/sample
expect_refused --timeout 86401 "$IDX" --db "$T/new" corpora/sample
expect_refused --commit-every 99999999999999999999999 "$IDX" --db "$T/new" corpora/sample
grep -qF "out of range (0 to 100000000)" "$T/err" || fail "commit-every: $(cat "$T/err")"
expect_refused --commit-every ' 7' "$IDX" --db "$T/new" corpora/sample
[ ! -e "$T/new" ] || fail "a refused run created the database"
expect_status 1 sh -c '"$1" --explain "$2" >/dev/full' sh "$IDX" "$file"
grep -q "^minutes-index: write error" "$T/err" || fail "explain >/dev/full: $(cat "$T/err")"
expect_status 1 sh -c '"$1" --text "$2" >/dev/full' sh "$IDX" "$file"
expect_status 1 sh -c '"$1" --help >/dev/full' sh "$IDX"
expect_status 0 "$IDX" --explain "$file"


# --- minutes-search: a search -------------------------------------------------------
expect_refused --limit 10001 "$SRCH" --db "$T/db" budget
grep -q "^minutes-search: invalid --limit: '10001': out of range (0 to 10000)$" "$T/err" ||
	fail "search message: $(cat "$T/err")"
expect_refused --limit -1 "$SRCH" --db "$T/db" budget
expect_refused --offset x "$SRCH" --db "$T/db" budget
expect_refused --facet-limit +3 "$SRCH" --db "$T/db" budget
expect_refused --snippet-length 1k "$SRCH" --db "$T/db" budget
expect_refused --count-limit 0x10 "$SRCH" --db "$T/db" budget
expect_refused --time-limit 2.5 "$SRCH" --db "$T/db" budget
expect_refused --shard-timeout 0 "$SRCH" --db "$T/db" budget
# Bounds are inclusive, and --count-limit 0 still means one match.
expect_status 0 "$SRCH" --db "$T/db" --limit 10000 --facet-limit 0 --count-limit 0 budget
expect_status 0 "$SRCH" --db "$T/db" --shard-timeout 1 --time-limit 3600000 budget
# $MINUTES_DB is the default, and --db wins over it.
MINUTES_DB="$T/db" expect_status 0 "$SRCH" budget
MINUTES_DB="$T/nodb" expect_status 0 "$SRCH" --db "$T/db" budget
MINUTES_DB= expect_status 2 "$SRCH" budget
grep -q "no database: give --db DIR or set MINUTES_DB" "$T/err" || fail "no db: $(cat "$T/err")"
# Write errors: 1 for --stats, --version and --help too.
expect_status 1 sh -c '"$1" --db "$2" --stats --json >/dev/full' sh "$SRCH" "$T/db"
expect_status 1 sh -c '"$1" --help >/dev/full' sh "$SRCH"
# An alert whose list could not be written keeps its state: the next run lists it again.
expect_status 1 sh -c '"$1" --db "$2" --added-since "@$3" budget >/dev/full' sh "$SRCH" "$T/db" "$T/since"
[ "$(grep -c "write error" "$T/err")" = 1 ] || fail "write error reported twice: $(cat "$T/err")"
[ ! -e "$T/since" ] || fail "state stored after a failed write"

# --- minutes-search serve: refused before it listens ---------------------------------
expect_refused --threads 999 "$SRCH" serve --db "$T/db" --listen 127.0.0.1:0
expect_refused --cache -1 "$SRCH" serve --db "$T/db" --listen 127.0.0.1:0
expect_refused --timeout 0 "$SRCH" serve --db "$T/db" --listen 127.0.0.1:0
expect_refused --search-time 10s "$SRCH" serve --db "$T/db" --listen 127.0.0.1:0
grep -q "^minutes-search serve: invalid --search-time: '10s': not a number (0 to 600000)$" "$T/err" ||
	fail "serve message: $(cat "$T/err")"
expect_status 1 sh -c '"$1" serve --help >/dev/full' sh "$SRCH"
# The server is its own program beside minutes-search: without it, a clear failure.
mkdir -p "$T/alone"
cp "$SRCH" "$T/alone/minutes-search"
expect_status 1 "$T/alone/minutes-search" serve --db "$T/db"
grep -q "^minutes-search serve: cannot run $T/alone/minutes-search-serve: No such file or directory$" "$T/err" ||
	fail "serve without its program: $(cat "$T/err")"


# --- minutes-search trends|recurring|themes|related ----------------------------------
expect_refused --limit abc "$SRCH" recurring --db "$T/db"
grep -q "^minutes-search recurring: invalid --limit: 'abc'" "$T/err" || fail "prefix: $(cat "$T/err")"
expect_refused --min-meetings -2 "$SRCH" recurring --db "$T/db"
expect_refused --rset 1e3 "$SRCH" related --db "$T/db" budget
expect_refused --min-count 100000001 "$SRCH" themes --db "$T/db"
expect_status 1 sh -c '"$1" themes --help >/dev/full' sh "$SRCH"
MINUTES_DB= expect_status 2 "$SRCH" recurring
grep -q "no database: give --db DIR or set MINUTES_DB" "$T/err" || fail "no db: $(cat "$T/err")"

done_ok
