#!/bin/sh
# e2e_arrays.sh - the arrays the indexer stores for one-shot searches
# (common/xw_arrays.cc): the command line counts over bitmaps from them,
# with answers byte for byte those of Xapian's spies (the file moved away);
# a run that changes the index writes them again, a no-op run leaves them;
# a file of another revision or a truncated one is not used, arrays with
# ids out of range are built again from the index, and the answers stay right.
. tests/lib.sh

command -v python3 >/dev/null 2>&1 || skip "python3 not installed"
corpora/gen --meetings 200 --seed 11 --quiet "$T/gen" || fail "corpora/gen failed"
mkdir -p "$T/in"
cp -r corpora/sample "$T/in/sample"
expect_status 0 "$BIN/minutes-index" --quiet --db "$T/db" "$T/in" "$T/gen"
A="$T/db/minutes-arrays"
[ -s "$A" ] || fail "no $A after a full build"; ok

# how SEARCH counts: "arrays" or "spy", from --explain-query
counted() {
	"$BIN/minutes-search" --db "$T/db" --explain-query --facet all budget 2>&1 >/dev/null |
		sed -n 's/^minutes-search: facets counted \(over bitmaps\|by Xapian\).*/\1/p' |
		sed 's/over bitmaps/arrays/; s/by Xapian/spy/'
}
[ "$(counted)" = arrays ] || fail "the CLI does not count from the stored arrays ($(counted))"; ok
# What the file holds: value ids (kind 1), the tie slot's ranks (2), the people split (3).
kinds=$(python3 - "$A" <<'PY'
import struct, sys
b = open(sys.argv[1], "rb").read()
n, klen = struct.unpack_from("=II", b, 16)
at = (24 + klen + 7) & ~7
print(" ".join(sorted(set(str(struct.unpack_from("=I", b, at + 32 * i)[0]) for i in range(n)))))
PY
)
[ "$kinds" = "1 2 3" ] || fail "arrays file sections: '$kinds', want '1 2 3'"; ok

# Every answer the same from the arrays and from the spies.
compare() {
	python3 - "$BIN/minutes-search" "$T/db" "$A" "$1" <<'PY' || fail "$1: arrays and spies differ"
import json, os, subprocess, sys
search, db, arrays, label = sys.argv[1:5]
cases = [
    ["budget"], ["council tax"], ["safeguard*"], ['"looked after children"'], ["cse"],
    ["planning NOT appeal"], ["title:budget"], ["year:2023 housing"],
    ["--from", "2022-01-01", "--to", "2023-06-30", "budget"], ["date:2021..2022"],
    ["--group", "meeting", "budget"], ["--group", "meeting", "--limit", "3", "--offset", "2", "children"],
    ["--sort", "date", "budget"], ["--sort", "-date", "--limit", "20", "planning"],
    ["--filter", "council=Westholme County Council", "budget"], ["--offset", "40", "planning"],
    ["nosuchwordanywhere"], [""],
]
def run(args):
    r = subprocess.run([search, "--db", db, "--json", "--facet", "all", "--facet-limit", "0"] + args,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode:
        return r.returncode, "", r.stderr
    d = json.loads(r.stdout)
    d.pop("took_ms")                      # the one field that may differ
    return 0, json.dumps(d, sort_keys=True), ""

fast = [run(a) for a in cases]
os.rename(arrays, arrays + ".away")
try:
    slow = [run(a) for a in cases]
finally:
    os.rename(arrays + ".away", arrays)
bad = 0
for a, f, s in zip(cases, fast, slow):
    if f != s:
        bad += 1
        print("%s: %s differs:\n arrays %s\n spy    %s" % (label, a, f[1][:300] or f[2], s[1][:300] or s[2]),
              file=sys.stderr)
sys.exit(1 if bad else 0)
PY
	ok
}
compare "full build"

# A no-op run keeps the file; a change writes it again, for the new revision.
before=$(stat -c %Y.%s "$A")
sleep 1
expect_status 0 "$BIN/minutes-index" --quiet --db "$T/db" "$T/in" "$T/gen"
[ "$(stat -c %Y.%s "$A")" = "$before" ] || fail "a no-op run rewrote the arrays"; ok
# ...but writes them when they are missing (a copy made by xapian-compact has none).
mv "$A" "$T/kept-arrays"
expect_status 0 "$BIN/minutes-index" --quiet --db "$T/db" "$T/in" "$T/gen"
cmp -s "$A" "$T/kept-arrays" || fail "a no-op run did not write the missing arrays as they were"; ok
cp "$A" "$T/old-arrays"
f=$(find "$T/in/sample" -name '*.md' | head -1)
printf '\n\n99 Budget Monitoring Addendum\n\nThe budget monitoring addendum was noted.\n' >>"$f"
rm "$(find "$T/gen" -type f | head -1)"
expect_status 0 "$BIN/minutes-index" --quiet --db "$T/db" "$T/in" "$T/gen"
cmp -s "$A" "$T/old-arrays" && fail "an edit and a removal left the arrays as they were"; ok
[ "$(counted)" = arrays ] || fail "after an incremental run the CLI does not use the arrays"; ok
compare "incremental run"

# Not used: another revision's file, a truncated one; ids past the names are rebuilt.
good="$T/good-arrays"
cp "$A" "$good"
cp "$T/old-arrays" "$A"
[ "$(counted)" = spy ] || fail "arrays of an older revision were used"; ok
head -c "$(($(stat -c %s "$good") / 2))" "$good" >"$A"
[ "$(counted)" = spy ] || fail "a truncated arrays file was used"; ok
compare "truncated file"
python3 - "$good" "$A" <<'PY' || fail "could not damage the arrays file"
import struct, sys
b = bytearray(open(sys.argv[1], "rb").read())
n = struct.unpack_from("=I", b, 16)[0]
klen = struct.unpack_from("=I", b, 20)[0]
at = (24 + klen + 7) & ~7
for i in range(n):
    kind, slot, count, _, off, size = struct.unpack_from("=IIIIQQ", b, at + 32 * i)
    if kind == 1:
        # the last document's id in every value array: past every name
        struct.pack_into("=I", b, off + size - 4, 0xFFFFFFF0)
    if kind == 3:
        # the first member id of the split: past every member
        struct.pack_into("=I", b, off + 4 * (count + 1), 0xFFFFFFF0)
open(sys.argv[2], "wb").write(b)
PY
compare "ids out of range"
: >"$A"
[ "$(counted)" = spy ] || fail "an empty arrays file was used"; ok
cp "$good" "$A"
[ "$(counted)" = arrays ] || fail "the good file is not used again"; ok

done_ok
