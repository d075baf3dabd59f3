#!/usr/bin/python3
# check_sample_truth.py - consistency check of corpora/sample.truth.json
#
# Checks that the hand-written ground truth matches the hand-written sample
# archive: every file is listed exactly once, the listed fields are well
# formed, and every item "number title" appears, in order, in the file once
# Markdown emphasis, heading marks, "Item " prefixes and line breaks are
# removed. Usage: corpora/check_sample_truth.py [SAMPLE_DIR [TRUTH_JSON]]
# Exit 0 when consistent, 1 otherwise (problems on stderr).
import json, os, re, sys

here = os.path.dirname(os.path.abspath(__file__))
root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "sample")
truth_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "sample.truth.json")

def norm(s):
    s = re.sub(r"</?u>|\*\*|^#+ ", " ", s, flags=re.M)
    s = re.sub(r"\bItem (\d)", r"\1", s)
    s = re.sub(r"\b(\d+)\. ", r"\1 ", s)
    return " ".join(s.split())

bad = 0
def fail(msg):
    global bad
    bad += 1
    print("check_sample_truth: " + msg, file=sys.stderr)

truth = json.load(open(truth_path, encoding="utf-8"))
files = sorted(os.path.relpath(os.path.join(d, f), root)
               for d, _, fs in os.walk(root) for f in fs)
listed = [t["path"] for t in truth]
# Files in binary formats (corpora/make-formats) have their truth in
# formats.truth.json, keyed by logical path (zip members as bundle.zip/member);
# their text needs an extractor, so only their presence is checked here.
formats_path = os.path.join(os.path.dirname(truth_path), "formats.truth.json")
if os.path.exists(formats_path):
    for t in json.load(open(formats_path, encoding="utf-8")):
        physical = t["path"].split(".zip/")[0] + ".zip" if ".zip/" in t["path"] else t["path"]
        if physical not in files:
            fail("%s: listed in formats.truth.json but missing" % t["path"])
        elif physical not in listed:
            listed.append(physical)
for p in files:
    if listed.count(p) != 1:
        fail("%s listed %d times" % (p, listed.count(p)))
for t in truth:
    p = t["path"]
    if p not in files:
        fail("%s: listed but missing" % p)
        continue
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", t["date"]) or t["date"] not in p:
        fail("%s: date %s" % (p, t["date"]))
    text = norm(open(os.path.join(root, p), encoding="utf-8").read())
    for key in ("council", "committee", "chair"):
        if key == "council" and t.get("council_in_text") is False:
            continue
        if t[key].lower() not in text.lower():
            fail("%s: %s %r not in text" % (p, key, t[key]))
    pos = 0
    for it in t["items"]:
        needle = it["number"] + " " + it["title"]
        i = text.find(needle, pos)
        if i < 0:
            fail("%s: item %r not found after offset %d" % (p, needle, pos))
        else:
            pos = i + len(needle)
sys.exit(1 if bad else 0)
