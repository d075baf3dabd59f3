#!/bin/sh
# tests/e2e_gen.sh - the synthetic archive generator is deterministic and
# its ground truth lists every file it writes
#
# Runs from the repository root. Generates 50 meetings twice with the same
# seed (one worker and two workers) and once with another seed, in every
# format. Exit 0 pass, 1 fail, 77 skip (no python3).
command -v python3 >/dev/null 2>&1 || { echo "e2e_gen: python3 not found"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
fail() { echo "e2e_gen: FAIL: $*"; exit 1; }
fmts=txt,md,html,docx,odt,pdf,gz

python3 corpora/gen --quiet --meetings 50 --seed 7 --formats $fmts --mix 0.4 --jobs 1 "$tmp/a" || fail "gen a"
python3 corpora/gen --quiet --meetings 50 --seed 7 --formats $fmts --mix 0.4 --jobs 2 "$tmp/b" || fail "gen b"
python3 corpora/gen --quiet --meetings 50 --seed 8 --formats $fmts --mix 0.4 "$tmp/c" || fail "gen c"

diff -r "$tmp/a" "$tmp/b" >/dev/null || fail "same seed gave different archives"
cmp -s "$tmp/a.truth.jsonl" "$tmp/b.truth.jsonl" || fail "same seed gave different truth"
diff -r "$tmp/a" "$tmp/c" >/dev/null && fail "different seeds gave the same archive"

# the truth lists every file exactly once, and nothing else; fields well formed
python3 - "$tmp/a" "$tmp/a.truth.jsonl" <<'PY' || fail "truth does not match the archive"
import json, os, re, sys
root, truth = sys.argv[1], sys.argv[2]
files = sorted(os.path.relpath(os.path.join(d, f), root) for d, _, fs in os.walk(root) for f in fs)
recs = [json.loads(l) for l in open(truth, encoding="utf-8")]
paths = sorted(r["path"] for r in recs)
assert len(files) == 50, len(files)
assert paths == files, set(paths) ^ set(files)
for r in recs:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"]), r
    assert r["council"] and r["chair"] and r["items"], r
    assert r["committee"] or "/council/" in r["path"] or r["path"].startswith("council"), r  # full council: none
    assert r["format"].split(".")[0] in ("txt", "md", "html", "docx", "odt", "pdf"), r
    assert all(i["number"] and i["title"] for i in r["items"]), r
assert len({r["format"] for r in recs}) >= 4
PY

# the generated text really holds the truth: each item heading of a plain
# text file is in the file
python3 - "$tmp/a" "$tmp/a.truth.jsonl" <<'PY' || fail "item headings missing from text files"
import json, os, sys
root, truth = sys.argv[1], sys.argv[2]
n = 0
for l in open(truth, encoding="utf-8"):
    r = json.loads(l)
    if r["format"] != "md":
        continue
    text = " ".join(open(os.path.join(root, r["path"]), encoding="utf-8").read().replace("**", "").split())
    assert r["chair"] in text, (r["path"], r["chair"])
    for it in r["items"]:
        n += 1
        assert it["title"].split()[0] in text, (r["path"], it)
assert n > 0
PY
echo "e2e_gen: ok"
