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
done_ok
