#!/bin/sh
# e2e_incremental.sh - the index follows the folder: changed, removed,
# copied and renamed files; killed runs; searches during indexing.
. tests/lib.sh

cp -r corpora/sample "$T/arch"
IDX="$BIN/minutes-index"
SRCH="$BIN/minutes-search"
total() { "$SRCH" --db "$1" --json --facet none --limit 0 "$2" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }

expect_status 0 "$IDX" --db "$T/db" "$T/arch"
all=$(total "$T/db" "")
[ "$all" -gt 100 ] || fail "only $all documents from the sample"

# A changed file: its items replaced, not added.
f="$T/arch/bramwick-borough-council/corporate-parenting-committee/2018-07-24.txt"
before=$(total "$T/db" "")
printf '\nThe committee also discussed the zanzibarite procurement.\n' >> "$f"
expect_status 0 "$IDX" --db "$T/db" "$T/arch"
grep -q "1 indexed" "$T/err" || fail "changed file not re-indexed: $(cat "$T/err")"
[ "$(total "$T/db" zanzibarite)" = 1 ] || fail "new word of the changed file not found once"
[ "$(total "$T/db" "")" = "$before" ] || fail "documents $before -> $(total "$T/db" "") after a change"

# A copy under another name: indexed once, both paths known.
cp "$f" "$T/arch/copy of minutes.txt"
expect_status 0 "$IDX" --db "$T/db" "$T/arch"
grep -q "1 duplicates" "$T/err" || fail "copy not recognised as a duplicate: $(cat "$T/err")"
[ "$(total "$T/db" zanzibarite)" = 1 ] || fail "copied file indexed twice"

# The original removed: the copy survives and its items now show its path.
rm "$f"
expect_status 0 "$IDX" --db "$T/db" "$T/arch"
grep -q "1 removed" "$T/err" || fail "removal not seen: $(cat "$T/err")"
"$SRCH" --db "$T/db" --json zanzibarite > "$T/z.json"
json 'd["total"] == 1 and d["hits"][0]["path"].endswith("copy of minutes.txt")' "$T/z.json" | grep -qx True ||
	fail "surviving duplicate does not show its own path: $(cat "$T/z.json")"
ok

# The last copy removed: its items are gone.
rm "$T/arch/copy of minutes.txt"
expect_status 0 "$IDX" --db "$T/db" "$T/arch"
[ "$(total "$T/db" zanzibarite)" = 0 ] || fail "items of a removed file still found"

# A rename: not indexed twice.
mv "$T/arch/westholme-county-council/cabinet/2020-10-22.txt" "$T/arch/westholme-county-council/cabinet/renamed.txt"
n0=$(total "$T/db" "")
expect_status 0 "$IDX" --db "$T/db" "$T/arch"
[ "$(total "$T/db" "")" = "$n0" ] || fail "rename changed the document count $n0 -> $(total "$T/db" "")"
ok

# Indexing another folder into the same database leaves this one's files alone.
mkdir -p "$T/other"
cp "$T/arch/westholme-county-council/cabinet/renamed.txt" "$T/other/x.txt"
printf '\nA note about quokkarite.\n' >> "$T/other/x.txt"
expect_status 0 "$IDX" --db "$T/db" "$T/other"
grep -q "0 removed" "$T/err" || fail "indexing another root removed files: $(cat "$T/err")"
[ "$(total "$T/db" quokkarite)" -ge 1 ] || fail "second root not indexed"
ok

# --- edited files updated in place equal a fresh build --------------------------
# An edited file's new items take over its old items' documents (only what
# changed is rewritten) and its meeting id; whatever the edit, the index
# must then answer as one built from scratch over the same folder, but for
# the ids of the edited meetings.
cp -r corpora/sample "$T/ed"
# a copy of a file about to be edited: the old text must stay for the copy
cp "$T/ed/bramwick-borough-council/cabinet/2023-11-14.txt" "$T/ed/bramwick-borough-council/copy.txt"
expect_status 0 "$IDX" --db "$T/ed.db" "$T/ed"
python3 - "$T/ed" <<'PY'
import gzip, sys
root = sys.argv[1]
def edit(rel, fn):
    p = root + "/" + rel
    gz = p.endswith(".gz")
    raw = open(p, "rb").read()
    text = (gzip.decompress(raw) if gz else raw).decode("utf-8")
    new = fn(text)
    assert new != text, rel
    data = new.encode("utf-8")
    open(p, "wb").write(gzip.compress(data) if gz else data)
# an item removed from the middle (every later item shifts by one) and a
# word put inside a phrase of a later item
edit("fellmarsh-district-council/cabinet/2022-02-16.md",
     lambda t: t.replace("**53. Declarations of Interest**\n\nNone.\n\n", "")
                .replace("small increase in funding", "small increase in quibbleworth funding"))
# text appended (the last item grows)
edit("bramwick-borough-council/cabinet/2023-11-14.txt",
     lambda t: t + "\nAddendum: members noted the revised zanthoric forecast.\n")
# an item added in a gzip-compressed file
edit("hollinwick-town-council/environment-and-allotments-committee/2023-10-03-minutes.txt.gz",
     lambda t: t.replace("The meeting closed", "23/37 Brackenfield hedge laying\n"
                         "RESOLVED: that the hedge be laid by volunteers.\n\nThe meeting closed"))
# the last item cut off
def cut(t):
    i = t.rindex("\n**")
    return t[:i] + "\n"
edit("westholme-county-council/cabinet/2023-10-19.md", cut)
PY
[ $? = 0 ] || fail "could not edit the copied sample"
expect_status 0 "$IDX" --db "$T/ed.db" "$T/ed"
grep -q " 5 indexed" "$T/err" || fail "4 edits and the copy now primary not re-indexed: $(cat "$T/err")"
# same_as_fresh: the edited index answers every query as a fresh build does,
# every item id is unique and --group meeting finds as many meetings.
same_as_fresh() {
	rm -rf "$T/ed.fresh"
	expect_status 0 "$IDX" --db "$T/ed.fresh" "$T/ed"
	for q in "" budget quibbleworth 'committee:cabinet council:bramwick' '"increase in quibbleworth funding"' '"small increase in funding"' \
		zanthoric declarations hedge 'title:brackenfield' 'resolved:volunteers' 'item:53' 'apolog*'; do
		for db in ed.db ed.fresh; do
			"$SRCH" --db "$T/$db" --json --limit 1000 --facet all --facet-limit 0 "$q" > "$T/$db.json" ||
				fail "search '$q' failed on $db"
		done
		python3 - "$T/ed.db.json" "$T/ed.fresh.json" "$q" <<'PY' || fail "edited index and fresh build differ for '$q'"
import json, sys
def norm(path):
    d = json.load(open(path))
    for h in d["hits"]:
        h["score"] = round(h["score"], 9)
        # of two paths holding the same text the documents show the first to hold it
        h["path"] = h["path"].replace("bramwick-borough-council/copy.txt",
                                      "bramwick-borough-council/cabinet/2023-11-14.txt")
        # an edited file keeps its meeting id; a fresh build names it by its new text
        h["id"] = h["path"] + "#" + h["id"].rsplit("-", 1)[1]
        h["meeting"] = h["path"]
        # a fresh build indexes everything now; the edited index keeps first-indexed times
        h.pop("added", None)
    d["hits"].sort(key=lambda h: h["id"])
    d.pop("took_ms", None)
    return d
a, b = norm(sys.argv[1]), norm(sys.argv[2])
if a != b:
    for k in a:
        if a[k] != b.get(k):
            print("%s: %s: incremental %s\n  fresh %s" % (sys.argv[3], k, json.dumps(a[k])[:600],
                  json.dumps(b.get(k))[:600]), file=sys.stderr)
    sys.exit(1)
PY
		ok
	done
	for db in ed.db ed.fresh; do
		"$SRCH" --db "$T/$db" --json --group meeting --limit 1000 --facet none "" > "$T/$db.json" ||
			fail "grouped search failed on $db"
	done
	[ "$(json 'd["total"]' "$T/ed.db.json")" = "$(json 'd["total"]' "$T/ed.fresh.json")" ] ||
		fail "edited index: $(json 'd["total"]' "$T/ed.db.json") meetings, fresh build $(json 'd["total"]' "$T/ed.fresh.json")"
	"$SRCH" --db "$T/ed.db" --json --limit 1000 --facet none "" > "$T/ed.db.json" || fail "search failed"
	json 'len(set(h["id"] for h in d["hits"])) == len(d["hits"]) == d["total"]' "$T/ed.db.json" |
		grep -qx True || fail "two documents share an id"
	ok
}
same_as_fresh
[ "$(total "$T/ed.db" quibbleworth)" = 1 ] || fail "word put into an edited item not found once"

# Edited again; the first version published again under a new name (its
# content id is the meeting id the edited file kept: it must get another);
# an edit undone (the text the copy still holds: a duplicate again).
python3 - "$T/ed" corpora/sample <<'PY'
import shutil, sys
root, orig = sys.argv[1], sys.argv[2]
p = root + "/fellmarsh-district-council/cabinet/2022-02-16.md"
t = open(p, encoding="utf-8").read()
open(p, "w", encoding="utf-8").write(t.replace("medium term financial strategy", "medium term zorblewick strategy"))
shutil.copy(orig + "/fellmarsh-district-council/cabinet/2022-02-16.md",
            root + "/fellmarsh-district-council/cabinet/republished.md")
shutil.copy(orig + "/bramwick-borough-council/cabinet/2023-11-14.txt",
            root + "/bramwick-borough-council/cabinet/2023-11-14.txt")
PY
expect_status 0 "$IDX" --db "$T/ed.db" "$T/ed"
grep -q " 1 duplicates" "$T/err" || fail "undone edit not seen as the copy's text: $(cat "$T/err")"
same_as_fresh
[ "$(total "$T/ed.db" zorblewick)" = 1 ] || fail "word of the second edit not found once"
[ "$(total "$T/ed.db" '"small increase in funding"')" -ge 1 ] || fail "republished first version not searchable"

# --- killed at any moment -----------------------------------------------------
# A bigger archive: 12 variants of every sample file, each with a unique word.
mkdir -p "$T/big"
i=0
for src in $(find corpora/sample -name '*.txt' -o -name '*.md' | sort); do
	for k in $(seq 1 12); do
		i=$((i + 1))
		{ cat "$src"; printf '\nUnique marker zq%dx.\n' "$i"; } > "$T/big/f$i.${src##*.}"
	done
done
expect_status 0 "$IDX" --quiet --db "$T/ref" "$T/big"
ref=$(total "$T/ref" "")
for delay in 0.2 0.4 0.8; do
	"$IDX" --quiet --jobs 2 --commit-every 50 --db "$T/killed" "$T/big" >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	# The database opens and answers: it holds its last commit.
	"$SRCH" --db "$T/killed" --facet none --limit 1 zq1x >/dev/null 2>"$T/err" ||
		{ [ ! -e "$T/killed" ] || grep -q "no database" "$T/err" ||
			fail "database unusable after kill -9 at ${delay}s: $(cat "$T/err")"; }
done
expect_status 0 "$IDX" --quiet --db "$T/killed" "$T/big"
[ "$(total "$T/killed" "")" = "$ref" ] || fail "after kills and a final run: $(total "$T/killed" "") documents, want $ref"
# None missing, none duplicated: every marker is found exactly once.
for k in 1 7 100 333 $i; do
	[ "$(total "$T/killed" "zq${k}x")" = "$(total "$T/ref" "zq${k}x")" ] || fail "marker zq${k}x differs after kills"
done
ok

# --- searches during indexing see the last commit -------------------------------
rm -rf "$T/live"
"$IDX" --quiet --jobs 1 --commit-every 50 --db "$T/live" "$T/big" >/dev/null 2>&1 &
pid=$!
searched=0
while kill -0 "$pid" 2>/dev/null; do
	if [ -e "$T/live" ]; then
		"$SRCH" --db "$T/live" --limit 1 safeguarding >/dev/null 2>"$T/err" ||
			grep -q "no database" "$T/err" || fail "search during indexing failed: $(cat "$T/err")"
		searched=$((searched + 1))
	fi
	sleep 0.1
done
wait "$pid" || fail "indexing with concurrent searches failed"
[ "$searched" -gt 0 ] || echo "note: indexing finished before a search could run"
ok

# --- duplicates: the same folder gives the same answers however it was reached --
# The primary path of a duplicate (the one its items show, and what the
# council is read from when the text does not say) is the least path, in a
# clean build and after copies, moves and deletes alike.
snap() {
	"$SRCH" --db "$1" --json --limit 1000 --facet all --facet-limit 0 '' | python3 -c '
import json, sys; d = json.load(sys.stdin)
print(json.dumps({"facets": d["facets"], "hits": sorted((h["id"], h["council"], h["committee"],
      h["path"], h["title"]) for h in d["hits"])}, sort_keys=True))'
}
same_as_full() {
	rm -rf "$T/dfull"
	expect_status 0 "$IDX" --quiet --db "$T/dfull" "$T/dup"
	[ "$(snap "$T/dinc")" = "$(snap "$T/dfull")" ] || fail "after $1, incremental differs from a clean build: $(snap "$T/dinc" | head -c 300)"
}
rm -rf "$T/dup" "$T/dinc"
cp -R corpora/sample "$T/dup"
expect_status 0 "$IDX" --quiet --db "$T/dinc" "$T/dup"
f=bramwick-borough-council/cabinet/2023-11-14.txt
cp "$T/dup/$f" "$T/dup/aaa-copy.txt"            # a copy that sorts first, at the root
expect_status 0 "$IDX" --quiet --db "$T/dinc" "$T/dup"
same_as_full "a copy to the root"
cp "$T/dup/$f" "$T/dup/zzz-copy.txt"
expect_status 0 "$IDX" --quiet --db "$T/dinc" "$T/dup"
same_as_full "a copy that sorts last"
rm "$T/dup/aaa-copy.txt"
expect_status 0 "$IDX" --quiet --db "$T/dinc" "$T/dup"
same_as_full "deleting the primary copy"
mv "$T/dup/$f" "$T/dup/bramwick-borough-council/moved.txt"
expect_status 0 "$IDX" --quiet --db "$T/dinc" "$T/dup"
same_as_full "moving the original"
mkdir -p "$T/dup/a"
cp "$T/dup/bramwick-borough-council/moved.txt" "$T/dup/a/again.txt"
cp "$T/dup/zzz-copy.txt" "$T/dup/0-first.txt"
expect_status 0 "$IDX" --quiet --db "$T/dinc" "$T/dup"
same_as_full "two more copies at once"
ok

# --- two builds on one --db: the second is refused at once, the first finishes --
for how in new --full; do
	[ "$how" = new ] && rm -rf "$T/race"
	flag=; [ "$how" = --full ] && flag=--full
	"$IDX" --quiet $flag --db "$T/race" "$T/big" >"$T/race1.out" 2>&1 &
	pid=$!
	sleep 0.05
	"$IDX" --quiet $flag --db "$T/race" "$T/big" >"$T/race2.out" 2>&1
	rc2=$?
	kill -0 "$pid" 2>/dev/null || echo "note: the first build ($how) ended within 50 ms"
	wait "$pid" || fail "first build ($how) failed: $(head -c 400 "$T/race1.out")"
	[ "$rc2" = 2 ] && grep -q "database is locked" "$T/race2.out" ||
		fail "second build ($how) exited $rc2: $(head -c 400 "$T/race2.out")"
	"$SRCH" --db "$T/race" --json safeguarding >"$T/race.json" || fail "no index after the race ($how)"
	[ "$(json 'd["total"] > 0' "$T/race.json")" = True ] || fail "empty index after the race ($how)"
	[ ! -e "$T/.race.lock" ] && [ ! -e "$T/race.bulk" ] || fail "lock or parts left behind ($how)"
	ok
done
done_ok
