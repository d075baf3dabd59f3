#!/bin/sh
# e2e_slice.sh - the first end-to-end slice: index the sample archive and the
# real seeds, search them, and check the error paths of both programs.
. tests/lib.sh

# --- the sample archive ---------------------------------------------------
expect_status 0 "$BIN/minutes-index" --quiet --db "$T/db" corpora/sample
expect_status 0 "$BIN/minutes-search" --db "$T/db" --json --limit 50 safeguarding
cp "$T/out" "$T/safe.json"
total=$(json 'd["total"]' "$T/safe.json")
[ "$total" -ge 5 ] || fail "safeguarding: only $total hits in the sample"
# Every hit names its council, committee and date, and a snippet with the word.
json 'all(h["council"] and h["committee"] and h["date"] for h in d["hits"])' "$T/safe.json" | grep -qx True ||
	fail "a hit lacks council, committee or date"
json 'all("<mark>" in h["snippet"] for h in d["hits"])' "$T/safe.json" | grep -qx True ||
	fail "a snippet has no highlighted word"
ok
# Facets cover the whole matching set: committee counts add up to the total
# (every sample document has a committee), and year counts too.
json 'sum(v["count"] for v in d["facets"]["committee"]) == d["total"]' "$T/safe.json" | grep -qx True ||
	fail "committee facet counts do not add up to the total"
json 'sum(v["count"] for v in d["facets"]["year"]) == d["total"]' "$T/safe.json" | grep -qx True ||
	fail "year facet counts do not add up to the total"
ok
# The hits really contain the word: count the sample files mentioning it
# independently and compare with the distinct paths found.
files_grep=$(grep -ril safeguarding corpora/sample | grep -E '\.(txt|md)$' | wc -l)
files_hit=$(json 'len({h["path"] for h in d["hits"] if h["path"].endswith((".txt", ".md"))})' "$T/safe.json")
[ "$files_hit" -eq "$files_grep" ] || fail "safeguarding in $files_grep text files, hits in $files_hit"
ok

# A filter narrows to one committee; a date range to one year.
expect_status 0 "$BIN/minutes-search" --db "$T/db" --json --facet year --filter committee=cabinet --from 2020 --to 2020 ""
json 'all(h["committee"] == "Cabinet" and h["date"].startswith("2020") for h in d["hits"]) and d["total"] > 0' "$T/out" |
	grep -qx True || fail "committee=cabinet 2020 filter returned other meetings"
ok

# Text output to a pipe: no escape codes, facets printed.
expect_status 0 "$BIN/minutes-search" --db "$T/db" safeguarding
grep -q "$(printf '\033')" "$T/out" && fail "escape codes in text output to a pipe"
grep -q '^committee:' "$T/out" || fail "no committee facet line in text output"
ok

# --- a second run opens nothing and writes nothing ---------------------------
expect_status 0 "$BIN/minutes-index" --db "$T/db" corpora/sample
grep -q "0 indexed" "$T/err" || fail "second run re-indexed: $(cat "$T/err")"
nfiles=$(find corpora/sample -type f | wc -l)
grep -q " $nfiles unchanged" "$T/err" || fail "second run, $nfiles files: $(cat "$T/err")"
ok

# --- errors ----------------------------------------------------------------
expect_status 1 "$BIN/minutes-search" --db "$T/nowhere" safeguarding
grep -q "nowhere" "$T/err" || fail "missing database message does not name it"
expect_status 2 "$BIN/minutes-search" --db "$T/db" '"children AND ('
grep -q "never closed" "$T/err" || fail "unbalanced query message unclear: $(cat "$T/err")"
expect_status 2 "$BIN/minutes-search" --db "$T/db" 'children AND'
expect_status 2 "$BIN/minutes-search" --db "$T/db" --sort sideways x
expect_status 2 "$BIN/minutes-index" corpora/sample
expect_status 2 "$BIN/minutes-index" --db "$T/db2" "$T/no-such-archive"
grep -q "no-such-archive" "$T/err" || fail "unreadable root not named"

# --- the real seeds --------------------------------------------------------
[ -d ../shared/seeds ] || { echo "seeds absent: skipping that part"; done_ok; }
expect_status 0 "$BIN/minutes-index" --quiet --db "$T/seeds" ../shared/seeds
expect_status 0 "$BIN/minutes-search" --db "$T/seeds" --json --limit 100 safeguarding
docs=$(json 'len({h["path"] for h in d["hits"] if h["item"]})' "$T/out")
[ "$docs" -eq 5 ] || fail "safeguarding: item hits from $docs of the 5 seeds"
ok
done_ok
