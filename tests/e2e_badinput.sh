#!/bin/sh
# e2e_badinput.sh - whatever the folder holds, the indexer reports bad files
# by name, skips them, indexes the rest, and leaves a consistent index.
. tests/lib.sh

A="$T/arch"
mkdir -p "$A/sub"
good=corpora/sample/bramwick-borough-council/corporate-parenting-committee/2018-07-24.txt
cp "$good" "$A/good.txt"
: > "$A/empty.txt"
head -c 20000 /dev/urandom > "$A/junk.pdf"
pdf=$(find corpora/sample -name '*.pdf' | head -n 1)
[ -n "$pdf" ] && head -c 600 "$pdf" > "$A/truncated.pdf"
docx=$(find corpora/sample -name '*.docx' | head -n 1)
[ -n "$docx" ] && head -c 900 "$docx" > "$A/truncated.docx"
# Latin-1 text: the pound sign and an e acute as single bytes.
printf 'MINUTES\nFinance Committee\n1 Budget\nA grant of \243500 to the caf\351 was agreed; zebraword.\n' > "$A/latin1.txt"
printf 'BAD \377\376\375 bytes then wombatword.\n' > "$A/sub/invalid-utf8.txt"
cp "$good" "$A/name with spaces.txt"
printf '\nnewt newlineword\n' >> "$A/name with spaces.txt"
cp "$good" "$A/$(printf 'new\nline.txt')"
printf '\nnewt linefeedword\n' >> "$A/$(printf 'new\nline.txt')"
cp "$good" "$A/$(printf 'caf\351.txt')"
printf '\nnon utf8 nameword\n' >> "$A/$(printf 'caf\351.txt')"
ln -s . "$A/sub/loop"
ln -s "$A/sub/b" "$A/sub/a"
ln -s "$A/sub/a" "$A/sub/b"
ln -s /etc/passwd "$A/outside"
printf 'hidden hiddenword\n' > "$A/.hidden.txt"
printf 'lock lockword\n' > "$A/~\$lock.docx"
printf 'backup backupword\n' > "$A/old.txt~"
# A large text file: 30 MB of minutes-like lines.
python3 -c "
import sys
line = 'The committee noted the report on highways maintenance and the capital programme. '
sys.stdout.write('BIG COUNCIL\nHighways Committee\n1 Roads\n' + line * (30 * 1024 * 1024 // len(line)) + ' bigfileword\n')
" > "$A/big.txt"

expect_status 1 "$BIN/minutes-index" --db "$T/db" --json-report "$T/report.json" "$A"
for name in empty.txt junk.pdf; do
	grep -q "$name: " "$T/err" || fail "no 'path: reason' line for $name: $(cat "$T/err")"
done
[ -n "$pdf" ] && { grep -q "truncated.pdf: " "$T/err" || fail "truncated pdf not reported"; }
grep -q "symlink loop" "$T/err" || fail "symlink loop not reported: $(cat "$T/err")"
ok
# The report is JSON and lists the same failures.
json 'sorted(f["path"].rsplit("/",1)[-1] for f in d["failures"])' "$T/report.json" > "$T/failed"
grep -q junk.pdf "$T/failed" && grep -q empty.txt "$T/failed" || fail "report misses failures: $(cat "$T/failed")"
json 'd["failed"] == len(d["failures"]) and d["indexed"] >= 6' "$T/report.json" | grep -qx True ||
	fail "report counts wrong: $(cat "$T/report.json")"
ok

S="$BIN/minutes-search"
for w in zebraword wombatword newlineword linefeedword nameword bigfileword; do
	"$S" --db "$T/db" --facet none "$w" > "$T/o" 2>&1 || fail "search $w failed"
	grep -q "^1 item match" "$T/o" || fail "$w not indexed exactly once: $(head -3 "$T/o")"
done
# Latin-1 converted, not mangled: the search finds the pound sign's sentence.
"$S" --db "$T/db" --json --facet none zebraword > "$T/o"
json 'u"\u00a3500" in d["hits"][0]["snippet"] and u"caf\u00e9" in d["hits"][0]["snippet"]' "$T/o" | grep -qx True ||
	fail "Latin-1 text not converted: $(cat "$T/o")"
ok
for w in hiddenword lockword backupword root; do
	"$S" --db "$T/db" --facet none "$w" | grep -q "^0 items match" || fail "$w should not be indexed"
done
ok
# Failed files are not retried while unchanged; the run reports them, exit 0.
expect_status 0 "$BIN/minutes-index" --db "$T/db" "$A"
grep -q "failed in an earlier run" "$T/err" || fail "earlier failures not mentioned: $(cat "$T/err")"
expect_status 1 "$BIN/minutes-index" --strict --db "$T/db" "$A"
# Fixed, a failed file is indexed on the next run.
printf 'MINUTES\nFinance Committee\n1 Budget\nNow with text: phoenixword.\n' > "$A/empty.txt"
expect_status 0 "$BIN/minutes-index" --db "$T/db" "$A"
"$S" --db "$T/db" --facet none phoenixword | grep -q "^1 item match" || fail "fixed file not indexed"
ok
# File names that look like options reach converters as operands; an index
# kept inside the archive is not crawled as minutes.
mkdir -p "$T/dash"
[ -n "$pdf" ] && cp "$pdf" "$T/dash/-x.pdf"
rtf=$(find corpora/sample -name '*.rtf' | head -n 1)
[ -n "$rtf" ] && cp "$rtf" "$T/dash/-y.rtf"
expect_status 0 "$BIN/minutes-index" --db "$T/dash/index" "$T/dash"
expect_status 0 "$BIN/minutes-index" --db "$T/dash/index" "$T/dash"
grep -q " 0 failed" "$T/err" || fail "the index inside the archive was crawled: $(cat "$T/err")"
want=$(ls "$T/dash" | grep -c '^-')
grep -q "$want files seen" "$T/err" || fail "dash-named files: $(cat "$T/err")"
ok
done_ok
