#!/bin/sh
# e2e_links.sh - every hit links to its source: --url-prefix and SOURCES.tsv
# stored per document and kept across runs, `url` in --json, --csv,
# /api/search and /api/item (with #page=N for PDFs), no link without a URL,
# the first-indexed time, and `serve --serve-files` sending originals from
# inside the indexed roots only (no traversal, no symlink escape).
. tests/lib.sh

command -v curl >/dev/null 2>&1 || skip "curl not installed"

A="$T/arch"
mkdir -p "$A/plan" "$A/cab" "$A/zip" "$T/outside"
S=corpora/sample
cp "$S/bramwick-borough-council/corporate-parenting-committee/2018-10-16.md" "$A/plan/"
cp "$S/hollinwick-town-council/full-council/2024-01-09-minutes.pdf" "$A/plan/full council.pdf"
cp "$S/bramwick-borough-council/cabinet/2023-11-14.txt" "$A/cab/"
cp "$S/hollinwick-town-council/staffing-committee/2023-staffing-minutes.zip" "$A/zip/"
# The PDF inside a zip and a gzip file (archives of their own: the same text
# is indexed once): their links are the bundle's, with no page to name.
mkdir -p "$T/zipped" "$T/gzipped"
python3 - "$S/hollinwick-town-council/full-council/2024-01-09-minutes.pdf" "$T" <<'EOF' || fail "cannot make bundles"
import gzip, shutil, sys, zipfile
src, d = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(d + '/zipped/pdfs.zip', 'w') as z:
    z.write(src, 'inside/2024-01-09.pdf')
with open(src, 'rb') as i, gzip.open(d + '/gzipped/packed.pdf.gz', 'wb') as o:
    shutil.copyfileobj(i, o)
EOF
cp "$S/westholme-county-council/cabinet/2020-10-22.txt" "$A/cab/moved.txt"
cp "$A/cab/2023-11-14.txt" "$T/outside/secret.txt"
printf '# file\turl\n2023-11-14.txt\thttps://council.example/cab?id=7&x=1\nmoved.txt\tjavascript:alert(1)\n' \
	>"$A/cab/SOURCES.tsv"

# --- bad prefixes are usage errors ----------------------------------------------
expect_status 2 "$BIN/minutes-index" --db "$T/bad" --url-prefix 'javascript:alert(1)' "$A"
grep -q "not an http" "$T/err" || fail "no reason for a javascript: prefix: $(cat "$T/err")"
ok
expect_status 2 "$BIN/minutes-index" --db "$T/bad" --url-prefix "$A=file:///etc" "$A"
[ ! -e "$T/bad" ] || fail "a refused run created the database"
ok

expect_status 0 "$BIN/minutes-index" --quiet --db "$T/db" --url-prefix "https://minutes.example/a/" \
	--url-prefix "$A/plan=https://plans.example/docs" "$A"

# hits NAME: the CLI's JSON of every hit into $T/NAME.json
hits() { "$BIN/minutes-search" --db "$T/db" --json --limit 200 --facet none '' >"$T/$1.json" ||
	fail "search failed"; }
# jq_ FILE EXPR: EXPR over d, the JSON of FILE, with u(path) the set of urls of a path's hits
jq_() {
	python3 - "$1" "$2" <<'EOF' || fail "$2 is not true for $1"
import json, sys
d = json.load(open(sys.argv[1]))
def u(end):
    return sorted({h['url'] for h in d['hits'] if h['path'].endswith(end)}, key=str)
if not eval(sys.argv[2]):
    print({h['path']: h['url'] for h in d['hits']}, file=sys.stderr)
    sys.exit(1)
EOF
	ok
}

hits first
jq_ "$T/first.json" "u('plan/2018-10-16.md') == ['https://plans.example/docs/2018-10-16.md']"
jq_ "$T/first.json" "all(h['url'].startswith('https://plans.example/docs/full%20council.pdf') for h in d['hits'] if h['path'].endswith('.pdf'))"
# A PDF item links to its page; the front matter (no page) to the file itself.
jq_ "$T/first.json" "all(h['url'].endswith('#page=%d' % h['page']) for h in d['hits'] if h['path'].endswith('.pdf') and h['page'])"
jq_ "$T/first.json" "any(h['url'] == 'https://plans.example/docs/full%20council.pdf' for h in d['hits'])"
jq_ "$T/first.json" "all('#' not in h['url'] for h in d['hits'] if not h['path'].endswith('.pdf'))"
# The sidecar wins over the prefix; a javascript: line there is ignored.
jq_ "$T/first.json" "u('cab/2023-11-14.txt') == ['https://council.example/cab?id=7&x=1']"
jq_ "$T/first.json" "u('cab/moved.txt') == ['https://minutes.example/a/cab/moved.txt']"
# A zip member links to its bundle; the sidecar itself is never indexed.
jq_ "$T/first.json" "u('.pdf') and all(h['url'].startswith('https://minutes.example/a/zip/2023-staffing-minutes.zip') for h in d['hits'] if '/zip/' in h['path'])"
jq_ "$T/first.json" "not any('SOURCES' in h['path'] for h in d['hits'])"
for b in zipped gzipped; do
	expect_status 0 "$BIN/minutes-index" --quiet --db "$T/$b.db" --url-prefix https://b.example/ "$T/$b"
	"$BIN/minutes-search" --db "$T/$b.db" --json --limit 50 --facet none '' >"$T/$b.json" || fail "search $b"
done
jq_ "$T/zipped.json" "d['hits'] and u('inside/2024-01-09.pdf') == ['https://b.example/pdfs.zip'] and any(h['page'] for h in d['hits'])"
jq_ "$T/gzipped.json" "d['hits'] and u('packed.pdf.gz') == ['https://b.example/packed.pdf.gz'] and any(h['page'] for h in d['hits'])"
# Every item knows when it was first indexed.
jq_ "$T/first.json" "all(len(h['added']) == 24 and h['added'].endswith('Z') for h in d['hits'])"

"$BIN/minutes-search" --db "$T/db" --csv --limit 3 --sort date cabinet >"$T/out.csv" || fail "csv"
head -n 1 "$T/out.csv" | grep -q ',url' || fail "no url column in CSV: $(head -n 1 "$T/out.csv")"
grep -q 'https://' "$T/out.csv" || fail "no URL in the CSV rows"
ok
"$BIN/minutes-search" --db "$T/db" --limit 1 'council:bramwick' 2>&1 | grep -q 'https://' ||
	fail "the text output shows no link"
ok

# --- the mapping is kept: a later run without options changes nothing ------------
sleep 1
expect_status 0 "$BIN/minutes-index" --db "$T/db" "$A"
grep -q " 0 indexed" "$T/err" || fail "an unchanged archive was re-indexed: $(cat "$T/err")"
ok
hits second
python3 -c "import json,sys; a,b=(json.load(open(p)) for p in sys.argv[1:]); [h.pop('took_ms',0) for h in (a,b)]; sys.exit(a!=b)" "$T/first.json" "$T/second.json" || { diff "$T/first.json" "$T/second.json" | head -5; fail "a run without options changed the hits"; }
ok

# --- a new sidecar URL rewrites that file's items, and keeps their first-indexed time
printf '2023-11-14.txt\thttps://council.example/cab?id=8\n' >"$A/cab/SOURCES.tsv"
expect_status 0 "$BIN/minutes-index" --quiet --db "$T/db" "$A"
hits third
jq_ "$T/third.json" "u('cab/2023-11-14.txt') == ['https://council.example/cab?id=8']"
python3 - "$T/first.json" "$T/third.json" <<'EOF' || fail "first-indexed times changed"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
ta = {h['id']: h['added'] for h in a['hits']}
tb = {h['id']: h['added'] for h in b['hits']}
sys.exit(0 if ta == tb else 1)
EOF
ok

# --- 'none' clears the prefixes: no URL means no link, never a broken one ---------
expect_status 0 "$BIN/minutes-index" --quiet --db "$T/db" --url-prefix none "$A"
hits fourth
jq_ "$T/fourth.json" "u('plan/2018-10-16.md') == [None] and u('cab/moved.txt') == [None]"
jq_ "$T/fourth.json" "u('cab/2023-11-14.txt') == ['https://council.example/cab?id=8']"

# --- the server: url in /api/search and /api/item; /file/ only with --serve-files ---
stop_server() { kill $pid 2>/dev/null; wait $pid 2>/dev/null; pid=""; }

start_server --db "$T/db" --threads 1
expect_get 200 '/api/search?q=&per_page=100&facet=none'
cp "$T/body" "$T/api.json"
jq_ "$T/api.json" "u('cab/2023-11-14.txt') == ['https://council.example/cab?id=8'] and u('plan/2018-10-16.md') == [None]"
id=$(json '[h["id"] for h in d["hits"] if h["path"].endswith("cab/2023-11-14.txt")][0]' "$T/api.json")
expect_get 200 "/api/item/$id"
[ "$(json 'd["url"]' "$T/body")" = "https://council.example/cab?id=8" ] || fail "/api/item has no url"
ok
md=$(json '[h["id"] for h in d["hits"] if h["path"].endswith("plan/2018-10-16.md")][0]' "$T/api.json")
expect_get 404 "/file/$md"
stop_server

start_server --db "$T/db" --threads 1 --serve-files
expect_get 200 '/api/search?q=&per_page=100&facet=none'
cp "$T/body" "$T/api2.json"
# Hits without a URL link to the server's own copy; the others keep theirs.
jq_ "$T/api2.json" "u('plan/2018-10-16.md') == ['file/' + [h['id'] for h in d['hits'] if h['path'].endswith('plan/2018-10-16.md')][0]] or len(u('plan/2018-10-16.md')) > 1"
jq_ "$T/api2.json" "all(h['url'] == 'file/' + h['id'] for h in d['hits'] if h['path'].endswith('2018-10-16.md'))"
jq_ "$T/api2.json" "u('cab/2023-11-14.txt') == ['https://council.example/cab?id=8']"
# Paths are shown below the root, after its name, a zip member with its member
# part; /file/ still finds the file from the path the index holds.
jq_ "$T/api2.json" "all(h['path'].startswith('arch/') for h in d['hits']) and 'arch/plan/2018-10-16.md' in {h['path'] for h in d['hits']}"
jq_ "$T/api2.json" "any(h['path'].startswith('arch/zip/2023-staffing-minutes.zip/') for h in d['hits'])"
# no_abs PATH...: GET each, and none of the answers names the temporary folder.
no_abs() {
	for p in "$@"; do
		expect_get 200 "$p"
		grep -qF "$T" "$T/body" && fail "$p names $T: $(grep -F "$T" "$T/body" | head -c 300)"
		ok
	done
}
mid=$(json '[h["meeting"] for h in d["hits"] if "/zip/" in h["path"]][0]' "$T/api2.json")
zid0=$(json '[h["id"] for h in d["hits"] if "/zip/" in h["path"]][0]' "$T/api2.json")
no_abs '/api/search?q=&per_page=100&facet=none' "/api/item/$zid0" "/api/meeting/$mid" \
	"/meeting/$mid" "/item/$zid0" /feed '/feed?per_page=100' /api/stats
expect_get 200 "/file/$md"
cmp -s "$T/body" "$A/plan/2018-10-16.md" || fail "/file/ sent something else than the original"
ok
case "$(header Content-Type)" in text/plain*) ok ;; *) fail "markdown not sent as text: $(header Content-Type)" ;; esac
case "$(header Content-Security-Policy)" in *sandbox*) ok ;; *) fail "no sandbox on a served file" ;; esac
[ "$(header X-Content-Type-Options)" = nosniff ] || fail "no nosniff on a served file"
ok
pdf=$(json '[h["id"] for h in d["hits"] if h["path"].endswith(".pdf") and "/plan/" in h["path"]][0]' "$T/api2.json")
expect_get 200 "/file/$pdf"
cmp -s "$T/body" "$A/plan/full council.pdf" || fail "the PDF differs"
[ "$(header Content-Type)" = application/pdf ] || fail "PDF type: $(header Content-Type)"
ok
zid=$(json '[h["id"] for h in d["hits"] if "/zip/" in h["path"]][0]' "$T/api2.json")
expect_get 200 "/file/$zid"
cmp -s "$T/body" "$A/zip/2023-staffing-minutes.zip" || fail "a zip member does not send its bundle"
case "$(header Content-Disposition)" in attachment*) ok ;; *) fail "a bundle is not an attachment" ;; esac
# Nothing but an item id names a file: paths, traversal and unknown ids are 404.
for p in "/file/" "/file/../../etc/passwd" "/file/%2e%2e%2f%2e%2e%2fetc%2fpasswd" \
	"/file/nosuchid-1" "/file/$md/x" "/file/$md?path=/etc/passwd" "/file$A/plan/2018-10-16.md"; do
	expect_get 404 "$p"
done
# A file replaced by a symlink out of the archive after indexing is not followed.
mv "$A/cab/moved.txt" "$T/moved.keep"
ln -s "$T/outside/secret.txt" "$A/cab/moved.txt"
mv_id=$(json '[h["id"] for h in d["hits"] if h["path"].endswith("cab/moved.txt")][0]' "$T/api2.json")
expect_get 404 "/file/$mv_id"
grep -q "$T" "$T/body" && fail "the error names a real path: $(cat "$T/body")"
ok
rm "$A/cab/moved.txt"
ln -s ../plan/2018-10-16.md "$A/cab/moved.txt"
expect_get 200 "/file/$mv_id"
cmp -s "$T/body" "$A/plan/2018-10-16.md" || fail "a symlink inside the archive was not followed"
ok
stop_server

# A sharded index keeps its roots in the control database: still served.
rm "$A/cab/moved.txt"
mv "$T/moved.keep" "$A/cab/moved.txt"
mkdir -p "$T/shd"
expect_status 0 "$BIN/minutes-index" --quiet --shard-by council --db "$T/shd/db" "$A"
start_server --db "$T/shd/db" --threads 1 --serve-files
expect_get 200 "/api/search?q=&per_page=100&facet=none"
jq_ "$T/body" "d['hits'] and all(h['path'].startswith('arch/') for h in d['hits'])"
sid=$(json '[h["id"] for h in d["hits"] if h["path"].endswith("plan/2018-10-16.md")][0]' "$T/body")
expect_get 200 "/file/$sid"
cmp -s "$T/body" "$A/plan/2018-10-16.md" || fail "a sharded index does not serve its file"
ok
stop_server

done_ok
