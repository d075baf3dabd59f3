#!/bin/sh
# e2e_realcorpus.sh - real council archives from ../shared/realcorpus: the
# same minutes published twice are indexed once, scanned PDFs without a text
# layer are reported by name instead of indexed empty.  Skips when absent.
. tests/lib.sh

R=../shared/realcorpus
[ -d "$R" ] || skip "$R absent"

if [ -d "$R/kent-county-council" ]; then
	# Kent published three sets of minutes twice, as PDFs whose bytes differ.
	expect_status 0 "$BIN/minutes-index" --db "$T/kent" "$R/kent-county-council"
	grep -q " 3 duplicates" "$T/err" || fail "kent: the three republished minutes: $(cat "$T/err")"
	expect_status 0 "$BIN/minutes-index" --db "$T/kent" "$R/kent-county-council"
	grep -q " 0 indexed" "$T/err" || fail "kent: second run re-indexed: $(cat "$T/err")"
fi

if [ -d "$R/souldern-parish-council" ]; then
	expect_status 1 "$BIN/minutes-index" --ocr never --db "$T/souldern" "$R/souldern-parish-council"
	n=$(grep -c ": no text layer" "$T/err")
	[ "$n" -ge 10 ] || fail "souldern: $n scanned PDFs reported without a text layer: $(head -5 "$T/err")"
	ok
fi
[ "$checks" -gt 0 ] || skip "$R holds neither kent-county-council nor souldern-parish-council"
done_ok
