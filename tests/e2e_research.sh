#!/bin/sh
# tests/e2e_research.sh - trends, recurring, themes and related end to end
#
# A generated archive (tests/research_archive.py) with known recurring
# items and a term seeded into 2021 checks every command against its
# truth file, the denominators against the generator's item counts, and
# again after a file is deleted (incremental run).  The sample archive's
# ground truth checks trend numerators; ../shared/seeds (when present)
# bounds a trend by what grep finds.  The SVG is parsed as XML.
. tests/lib.sh

MS="$BIN/minutes-search"
tests/research_archive.py "$T/ra" || fail "cannot generate the archive"
expect_status 0 "$BIN/minutes-index" --db "$T/db" "$T/ra"

# ---- trends: numerators and denominators per year ----------------------
expect_status 0 "$MS" trends zorblaxian --db "$T/db" --by year --json
cp "$T/out" "$T/trends.json"
python3 - "$T/trends.json" "$T/ra.truth.json" <<'EOF' || fail "trends disagree with the archive"
import json, sys
t = json.load(open(sys.argv[1])); truth = json.load(open(sys.argv[2]))
pts = {p["period"]: p for p in t["series"][0]["points"]}
assert t["periods"] == ["2019", "2020", "2021"], t["periods"]
assert t["denominators"] == "stored", t["denominators"]
for y, n in truth["items_per_year"].items():
    assert pts[y]["all_items"] == n, (y, pts[y]["all_items"], n)
    assert pts[y]["all_meetings"] == 8, (y, pts[y])
    want = truth["seeded_items"].get(y, 0)
    assert pts[y]["items"] == want and pts[y]["meetings"] == want, (y, pts[y])
assert abs(pts["2021"]["item_share"] - 100.0 * 8 / 44) < 1e-3, pts["2021"]
assert pts["2019"]["item_share"] == 0
assert t["items"] == 8
EOF
ok

# split by committee, monthly, with an SVG chart parsed as XML
expect_status 0 "$MS" trends "work programme" --db "$T/db" --by municipal-year \
	--split committee --svg "$T/chart.svg" --csv
head -1 "$T/out" | grep -q '^period,series,items,meetings' || fail "trends CSV header"
cp "$T/out" "$T/trends.csv"
# One CSV dialect for every command (RFC 4180: CRLF, quoted only when needed):
# the same reader takes the trends, recurring and search CSV.
csv_check() {
	python3 - "$@" <<'PY' || fail "CSV of $1 is not RFC 4180: $(head -c 300 "$2" | od -c | head -5)"
import csv, io, sys
data = open(sys.argv[2], "rb").read().decode("utf-8")
rows = list(csv.reader(io.StringIO(data, newline="")))
assert len(rows) >= 2 and all(len(r) == len(rows[0]) for r in rows), [len(r) for r in rows]
assert rows[0][0] == sys.argv[3], rows[0]
def field(f):
    return '"%s"' % f.replace('"', '""') if any(c in f for c in ',"\r\n') else f
again = "".join(",".join(field(f) for f in r) + "\r\n" for r in rows)
assert again == data, "not the RFC 4180 form: %r" % next(
    (x for x in zip(again.splitlines(True), data.splitlines(True)) if x[0] != x[1]), None)
PY
	ok
}
csv_check trends "$T/trends.csv" period
python3 - "$T/chart.svg" <<'EOF' || fail "SVG chart is wrong"
import sys, xml.etree.ElementTree as ET
ns = {"s": "http://www.w3.org/2000/svg"}
root = ET.parse(sys.argv[1]).getroot()
groups = root.findall(".//s:g[@class='series']", ns)
names = sorted(g.get("data-name") for g in groups)
assert names == ["Cabinet", "Corporate Parenting Panel"], names
for g in groups:
    paths = g.findall("s:path", ns)
    # municipal years 2018/19 .. 2021/22: four points in one unbroken stroke
    assert len(paths) == 1, [p.get("d") for p in paths]
    d = paths[0].get("d")
    pts = d.replace("M", " ").replace("L", " ").split()
    assert len(pts) == 8 and d.count("M") == 1, d
dashes = {g.find("s:path", ns).get("stroke-dasharray") for g in groups}
assert len(dashes) == 2, dashes           # readable without colour
labels = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
assert "2019/20" in labels and "Cabinet" in labels, labels
EOF
ok

# ---- recurring ------------------------------------------------------------
expect_status 0 "$MS" recurring --db "$T/db" --json
cp "$T/out" "$T/recur.json"
python3 - "$T/recur.json" "$T/ra.truth.json" <<'EOF' || fail "recurring items are wrong"
import json, sys
r = json.load(open(sys.argv[1])); truth = json.load(open(sys.argv[2]))
g = {x["key"]: x for x in r["groups"]}
for key, n in truth["recurring"].items():
    assert g[key]["meetings"] == n, (key, g[key]["meetings"], n)
    assert len(g[key]["occurrences"]) == n
assert g["work programme"]["committees"] == ["Cabinet", "Corporate Parenting Panel"]
assert g["work programme"]["first"] == "2019-01-10" and g["work programme"]["last"] == "2021-10-11"
assert g["budget monitoring quarter"]["committees"] == ["Cabinet"]
assert not any(k.startswith(("apologies", "declarations", "minutes")) for k in g), list(g)
assert r["groups"][0]["key"] == "work programme"
EOF
ok
expect_status 0 "$MS" recurring --db "$T/db" --all --json
json 'sorted(g["key"] for g in d["groups"] if g["meetings"] == 24)' "$T/out" >"$T/procs"
grep -q "apologies" "$T/procs" && grep -q "declarations of interest" "$T/procs" ||
	fail "recurring --all lost procedural items: $(cat "$T/procs")"
ok
expect_status 0 "$MS" recurring --db "$T/db" --min-meetings 13 --csv
[ "$(wc -l <"$T/out")" = 2 ] || fail "--min-meetings 13 should keep only the work programme"
ok
csv_check recurring "$T/out" title
expect_status 0 "$MS" --db "$T/db" --csv --limit 5 "work programme"
csv_check search "$T/out" id

# ---- themes ---------------------------------------------------------------
expect_status 0 "$MS" themes --db "$T/db" --period 2021 --json
python3 - "$T/out" <<'EOF' || fail "themes missed the seeded term"
import json, sys
t = json.load(open(sys.argv[1]))
terms = {x["term"]: x for x in t["terms"]}
z = terms["zorblaxian"]
assert z["target"] == 8 and z["background"] == 0, z
assert z["g2"] == max(x["g2"] for x in t["terms"]), t["terms"][:3]
assert "zorblaxian pilot" in terms and terms["zorblaxian pilot"]["phrase"], list(terms)
assert t["target_documents"] == 44 + 8 and t["background_documents"] == 2 * (44 + 8)
EOF
ok
expect_status 2 "$MS" themes --db "$T/db" --period 20x1
expect_status 2 "$MS" themes --db "$T/db"

# ---- related --------------------------------------------------------------
expect_status 0 "$MS" related zorblaxian --db "$T/db" --json
python3 - "$T/out" <<'EOF' || fail "related terms are wrong"
import json, sys
t = json.load(open(sys.argv[1]))
terms = [x["term"] for x in t["terms"]]
assert "pilot" in terms and "zorblaxian" not in terms, terms
assert all(x["with_term"] <= 8 for x in t["terms"])
EOF
ok

# ---- incremental: delete a 2021 meeting, the shares follow ----------------
rm "$T/ra/cabinet/2021-04-10.txt"
expect_status 0 "$BIN/minutes-index" --db "$T/db" "$T/ra"
expect_status 0 "$MS" trends zorblaxian --db "$T/db" --json
json '[[p["all_items"], p["items"], p["all_meetings"]] == [44 - 6, 7, 7] and
      d["denominators"] == "stored" for p in [d["series"][0]["points"][-1]]][0]' "$T/out" |
	grep -q True ||
	fail "denominators not updated after a deletion: $(cat "$T/out")"
ok

# ---- the sample archive: title matches per year against its ground truth --
expect_status 0 "$BIN/minutes-index" --db "$T/sample" corpora/sample
expect_status 0 "$MS" trends 'title:monitoring' --db "$T/sample" --json
python3 - "$T/out" corpora/sample.truth.json <<'EOF' || fail "sample trend disagrees with the truth"
import collections, json, re, sys
t = json.load(open(sys.argv[1])); truth = json.load(open(sys.argv[2]))
want = collections.Counter((m["date"] or "")[:4] for m in truth for it in m["items"]
                           if re.search(r"\bmonitor", it["title"], re.I))
got = {p["period"]: p["items"] for p in t["series"][0]["points"] if p["items"]}
assert got == dict(want), (got, want)
EOF
ok

# ---- seeds: a trend's meetings never exceed the files grep finds ----------
if [ -d ../shared/seeds ]; then
	expect_status 0 "$BIN/minutes-index" --db "$T/seeds" ../shared/seeds
	expect_status 0 "$MS" trends safeguarding --db "$T/seeds" --json
	files=$(grep -ilw 'safeguard\(ing\|s\|ed\)\?' ../shared/seeds/* | wc -l)
	meetings=$(json 'd["meetings"]' "$T/out")
	[ "$meetings" -ge 1 ] && [ "$meetings" -le "$files" ] ||
		fail "seeds: $meetings meetings match 'safeguarding', grep finds $files files"
	ok
fi

# ---- usage errors ---------------------------------------------------------
expect_status 2 "$MS" trends --db "$T/db"
expect_status 2 "$MS" trends x --db "$T/db" --by fortnight
expect_status 2 "$MS" recurring --db "$T/db" --period 2020
done_ok
