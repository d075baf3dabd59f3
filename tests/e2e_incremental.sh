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
done_ok
