#!/bin/sh
# e2e_bulkparts.sh - a bulk build split into many parts (each worker starts
# a new part every $MINUTES_PART_DOCS documents; ingest.c) answers exactly
# as one built in one part per worker: hits, facets, totals, stems,
# spelling suggestions, statistics and research counts.
. tests/lib.sh

command -v python3 >/dev/null 2>&1 || skip "python3 not installed"
corpora/gen --meetings 150 --seed 5 --quiet "$T/gen" || fail "corpora/gen failed"
parts() { json 'd["bulk_parts"]' "$1"; }
MINUTES_PART_DOCS=0 expect_status 0 "$BIN/minutes-index" --quiet --jobs 2 --db "$T/one" \
	--json-report "$T/one.json" corpora/sample "$T/gen"
[ "$(parts "$T/one.json")" = 2 ] || fail "no part limit: $(parts "$T/one.json") parts, not one per worker"; ok
MINUTES_PART_DOCS=97 expect_status 0 "$BIN/minutes-index" --quiet --jobs 2 --db "$T/many" \
	--json-report "$T/many.json" corpora/sample "$T/gen"
[ "$(parts "$T/many.json")" -ge 10 ] || fail "97 documents a part: only $(parts "$T/many.json") parts"; ok

python3 - "$BIN/minutes-search" "$T/one" "$T/many" <<'PY' || fail "many parts and one part differ"
import json, re, subprocess, sys
search, one, many = sys.argv[1:4]
cases = [["budget"], ["planned"], ["safeguard*"], ['"looked after children"'], ["cse"],
         ["budgte"], ["--group", "meeting", "children"], ["--sort", "date", "--limit", "30", "housing"],
         ["year:2019 planning"], [""]]
def run(db, args):
    r = subprocess.run([search, "--db", db, "--json", "--facet", "all", "--facet-limit", "0",
                        "--limit", "50"] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True)
    if r.returncode:
        return r.stderr
    d = json.loads(r.stdout)
    d.pop("took_ms")
    for h in d["hits"]:
        h.pop("added")                   # when it was indexed: the two builds differ
    return json.dumps(d, sort_keys=True)
def plain(db, args):
    r = subprocess.run([search] + args + ["--db", db], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    return r.returncode, re.sub(r"[0-9.]+ ms\b", "", r.stdout)   # its own timing aside
bad = 0
for c in cases:
    a, b = run(one, c), run(many, c)
    if a != b:
        bad += 1
        print("%s:\n one  %s\n many %s" % (c, a[:300], b[:300]), file=sys.stderr)
for c in [["--stats"], ["trends", "budget", "--by", "year"], ["recurring"], ["themes", "--period", "2019"]]:
    if plain(one, c) != plain(many, c):
        bad += 1
        print("%s differs" % c, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
ok
done_ok
