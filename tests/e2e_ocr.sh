#!/bin/sh
# e2e_ocr.sh - unusable PDF text layers: a gibberish layer (broken font
# encoding) is OCR'd under --ocr auto and its words become findable, never
# indexed as "Wkh Frxqflo"; without OCR it is reported, not indexed; a page
# drawn as outlines inside a PDF with text is OCR'd.  The synthetic PDFs of
# tests/data need only tesseract; the real part uses ../shared and is left
# out when it is absent.  Skips when tesseract or pdftoppm is missing.
. tests/lib.sh

command -v tesseract >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 ||
	skip "tesseract or pdftoppm not installed"

# found DB QUERY: the query matches at least one item
found() {
	"$BIN/minutes-search" --db "$1" --json --facet none "$2" >"$T/q.json" 2>"$T/q.err" ||
		fail "search '$2' failed: $(cat "$T/q.err")"
	[ "$(json "d['total']" "$T/q.json")" -gt 0 ]
}

mkdir "$T/synth"
cp tests/data/broken-caesar.pdf tests/data/broken-mixed.pdf "$T/synth/"

# Without OCR: the all-gibberish file fails by name, the mixed one keeps its clean page only.
expect_status 1 "$BIN/minutes-index" --ocr never -v --db "$T/never" "$T/synth"
grep -q "broken-caesar.pdf: gibberish text layer (ocr disabled)" "$T/err" ||
	fail "never: gibberish not reported: $(cat "$T/err")"
grep -q "broken-mixed.pdf: gibberish text layer dropped (pages 2-3)" "$T/err" ||
	fail "never: dropped pages not reported: $(cat "$T/err")"
found "$T/never" '"Apologies for absence"' || fail "never: clean page of broken-mixed.pdf lost"; ok
found "$T/never" 'Frxqflo' && fail "never: gibberish indexed"; ok

# --ocr auto: the gibberish pages are read from their images.
expect_status 0 "$BIN/minutes-index" --ocr auto --db "$T/auto" --json-report "$T/r.json" "$T/synth"
[ "$(json "d['ocr']" "$T/r.json")" = 2 ] || fail "auto: ocr count: $(cat "$T/r.json")"
json "sorted(n['note'] for n in d['text_layer_notes'])" "$T/r.json" | grep -q "'ocr: gibberish text layer (pages 2-3)'" ||
	fail "auto: report lacks the gibberish note: $(cat "$T/r.json")"
for q in '"new playground"' '"Church Street"' '"quarterly accounts"' '"Apologies for absence"'; do
	found "$T/auto" "$q" || fail "auto: $q not found after ocr"; ok
done
found "$T/auto" 'Frxqflo OR sodbjurxqg' && fail "auto: gibberish indexed"; ok

R2=../shared/realcorpus2
R1=../shared/realcorpus
if [ -d "$R2" ] && [ -d "$R1/souldern-parish-council" ] && command -v pdfunite >/dev/null 2>&1 &&
   command -v pdfseparate >/dev/null 2>&1; then
	# A real PDF with text, then one page drawn as vector outlines (Souldern).
	mkdir "$T/real" "$T/pages"
	pdfseparate -f 1 -l 1 "$R1/souldern-parish-council/minutes/2019-02-28 SPC minutes.pdf" "$T/pages/o%d.pdf" ||
		fail "pdfseparate"
	pdfunite "$R2/uk-burton-cum-walden/minutes-2025-06-03.pdf" "$T/pages/o1.pdf" "$T/real/mixed.pdf" ||
		fail "pdfunite"
	# The scan whose TRUTH.json phrases were read from its images.
	cp "$R2/us-alameda/2007-04-18.pdf" "$T/real/"
	expect_status 0 "$BIN/minutes-index" --ocr auto --db "$T/real.db" --json-report "$T/r2.json" "$T/real"
	json "[n['note'] for n in d['text_layer_notes'] if n['path'].endswith('mixed.pdf')]" "$T/r2.json" |
		grep -q "ocr: no text layer (page 3)" || fail "outline page not ocr'd: $(cat "$T/r2.json")"
	python3 -c "
import json
for o in json.load(open('$R2/TRUTH.json')):
    if o['file'] in ('us-alameda/2007-04-18.pdf', 'uk-burton-cum-walden/minutes-2025-06-03.pdf'):
        for p in o['phrases']:
            print(p)" >"$T/phrases"
	[ -s "$T/phrases" ] || fail "no TRUTH.json phrases"
	while IFS= read -r p; do
		found "$T/real.db" "\"$p\"" || fail "real: phrase \"$p\" not found"; ok
	done <"$T/phrases"
	found "$T/real.db" 'souldern' || fail "real: the outline page's words not found"; ok
fi
done_ok
