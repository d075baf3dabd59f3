#!/bin/sh
# e2e_layouts.sh - the parser on real documents from councils with other
# layouts (../shared/realcorpus2, hand-written TRUTH.json): every field must
# stay at or above the scores reached (scripts/accuracy-truth), and
# --explain must say where fields came from.  Skips when the folder is absent.
. tests/lib.sh

R=../shared/realcorpus2
[ -f "$R/TRUTH.json" ] || skip "$R/TRUTH.json absent"

expect_status 0 python3 scripts/accuracy-truth --root "$R" --bin "$BIN" --quiet \
	--require council=97 --require date=100 --require committee=95 --require kind=100 \
	--require items-p=99 --require items-r=94 --require titles=92 --require phrases=100
grep -q "| council |" "$T/out" || fail "accuracy-truth printed no table: $(head -5 "$T/out")"

# --explain: sources of the header fields, agenda item references, null for unnumbered items
f="$R/uk-haresfield/Feb 2020 Minutes final.docx"
expect_status 0 "$BIN/minutes-index" --explain "$f"
[ "$(json 'd["sources"]["council"]' "$T/out")" = text ] || fail "sources.council: $(cat "$T/out" | head -c 300)"
[ "$(json 'd["items"][0]["number"]' "$T/out")" = None ] || fail "unnumbered item has a number"
[ "$(json 'd["items"][0]["title"]' "$T/out")" = Apologies ] || fail "first unnumbered item"
ok
expect_status 0 "$BIN/minutes-index" --council "Oxley Parish Council" --explain "$f"
[ "$(json 'd["sources"]["council"]' "$T/out")" = option ] || fail "sources.council with --council"
ok

# --text: what the parser reads, Word's automatic numbers included
expect_status 0 "$BIN/minutes-index" --text "$R/uk-govan/23NOVEMBERMINUTEGovanCC.docx"
grep -q "^1\. MINUTES OF THE OCTOBER MEETING" "$T/out" || fail "--text lacks Word's numbering: $(head -12 "$T/out")"
ok

K=../shared/realcorpus/kent-county-council/full_council_2025-01-09
if [ -d "$K" ]; then
	expect_status 0 "$BIN/minutes-index" --explain "$K/Printed minutes 09th-Jan-2025 10.00 County Council.pdf"
	[ "$(json '",".join(i["number"] for i in d["items"])' "$T/out")" = "283,284,285" ] ||
		fail "kent full council items: $(json '[i["number"] for i in d["items"]]' "$T/out")"
	[ "$(json 'd["items"][0]["agenda_item"]' "$T/out")" = 1 ] || fail "kent: agenda_item of minute 283"
	ok
fi
done_ok
