#!/bin/sh
# e2e_phrases.sh - glossary phrases answered from their one term (glossary.h)
# find exactly what the phrase queries found: for every acronym of the
# shipped synonyms and every phrase of two words or more, the total and the
# set of matching items are the same with phrase terms and without
# (MINUTES_NO_PHRASE_TERMS=1, which makes the searcher ask for the phrase),
# on the sample archive and a generated one.
. tests/lib.sh

command -v python3 >/dev/null 2>&1 || skip "python3 not installed"
corpora/gen --meetings 300 --seed 7 --quiet "$T/gen" || fail "corpora/gen failed"
expect_status 0 "$BIN/minutes-index" --quiet --db "$T/db" corpora/sample "$T/gen"

python3 - "$BIN/minutes-search" "$T/db" <<'PY' || fail "phrase terms and phrase queries differ"
import json, os, re, subprocess, sys
search, db = sys.argv[1], sys.argv[2]
queries = []
for line in open("common/synonyms.txt", encoding="utf-8"):
    if line.startswith("#") or " = " not in line:
        continue
    alts = [a.strip() for a in line.split(" = ")]
    queries.append(alts[0])
    queries += ['"%s"' % a for a in alts[1:] if " " in a]
queries += ['"looked after children" budget', 'cse OR "county lines"', 'ofsted -inspection']

def run(q, env):
    r = subprocess.run([search, "--db", db, "--json", "--limit", "5000", q], env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        return ("error", r.stderr.strip())
    d = json.loads(r.stdout)
    return (d["total"], sorted(h["id"] for h in d["hits"]))

plain = dict(os.environ, MINUTES_NO_PHRASE_TERMS="1")
found = differ = 0
for q in queries:
    a, b = run(q, os.environ), run(q, plain)
    if a != b:
        differ += 1
        print("differs: %s: terms %s, phrases %s" % (q, a[0], b[0]), file=sys.stderr)
    elif a[0] not in (0, "error"):
        found += 1
print("%d queries, %d with matches, %d differ" % (len(queries), found, differ), file=sys.stderr)
sys.exit(1 if differ or found < 10 else 0)
PY
ok
# the index holds the terms and says which phrases it has them for
"$BIN/minutes-search" --db "$T/db" --json 'glossary:Child_sexual_exploitation' >"$T/out" ||
	fail "a phrase term cannot be searched"
[ "$(json 'd["total"]' "$T/out")" -gt 0 ] || fail "no item holds the child sexual exploitation term"
ok
done_ok
