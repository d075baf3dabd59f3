#!/bin/sh
# tests/e2e_accuracy.sh - the parser against the sample archive's ground truth
# (corpora/sample.truth.json and corpora/formats.truth.json) through
# scripts/accuracy-sample: council, committee, date, chair and the exact
# ordered item numbers must be right for every document, titles for 95% of
# items.  Exit 0 pass, 1 fail, 77 skip.
. tests/lib.sh
command -v python3 >/dev/null 2>&1 || skip "python3 not found"
[ -x "$BIN/minutes-index" ] || skip "$BIN/minutes-index not built"
scripts/accuracy-sample --bin "$BIN/minutes-index" \
	--require council=100 --require committee=100 --require date=100 \
	--require chair=100 --require numbers=100 --require titles=95 >"$T/report" 2>&1
st=$?
[ "$st" = 0 ] || { cat "$T/report" >&2; fail "accuracy-sample exited $st"; }
ok
# the report covers every document of both truth files
n=$(python3 -c "import json; print(len(json.load(open('corpora/sample.truth.json'))) + len(json.load(open('corpora/formats.truth.json'))))")
grep -q "^council *100.0% *$n/$n" "$T/report" || { cat "$T/report" >&2; fail "report does not cover $n documents"; }
ok
done_ok
