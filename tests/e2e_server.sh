#!/bin/sh
# e2e_server.sh - minutes-search serve on loopback: every endpoint, every
# error, the page's own files only, security headers, the cache, reopening
# after the indexer commits, paths relative to their roots, and a clean
# stop on SIGTERM.
. tests/lib.sh

command -v curl >/dev/null 2>&1 || skip "curl not installed"

# A probe meeting whose text holds markup, to check it stays escaped.
mkdir -p "$T/more" "$T/later"
cp -R tests/data/markup-probe/. "$T/more"

expect_status 0 "$BIN/minutes-index" --quiet --db "$T/db" corpora/sample "$T/more"

# Start on a free port (port 0) and read the port from the banner.
start_server --db "$T/db" --threads 2 --cache 100 --cors https://www.example.gov.uk
ok

# expect_error STATUS PATH TEXT: a JSON error with that status whose message has TEXT.
expect_error() {
	expect_get "$1" "$2"
	jcheck "d['code'] == $1 and $(printf '%s' "$3" | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read()))') in d['error']"
	case "$(header Content-Type)" in application/json*) ok ;; *) fail "$2: error is not JSON" ;; esac
}

# --- /healthz, /api/stats ----------------------------------------------------
expect_get 200 /healthz
jcheck 'd["status"] == "ok" and d["revision"]'
rev1=$(json 'd["revision"]' "$T/body")
expect_get 200 /api/stats
jcheck 'd["meetings"] >= 19 and d["items"] > 100'

# --- /api/search: the CLI's JSON, plus the time taken --------------------------
expect_get 200 '/api/search?q=safeguarding&per_page=50'
cp "$T/body" "$T/api.json"
jcheck 'd["total"] >= 5 and len(d["hits"]) == d["total"] and "took_ms" in d'
jcheck 'all("<mark>" in h["snippet"] and h["id"] for h in d["hits"])'
"$BIN/minutes-search" --db "$T/db" --json --limit 50 safeguarding >"$T/cli.json" ||
	fail "the CLI search failed"
# The CLI (a local user) shows real paths; the API the same path below its
# root, after the root's own name (docs/SERVER.md, "Paths").
python3 - "$T/api.json" "$T/cli.json" "$T" <<'EOF' || fail "API and CLI answers differ"
import json, sys
a, c = (json.load(open(p)) for p in sys.argv[1:3])
roots = (("corpora/sample/", "sample/"), (sys.argv[3] + "/more/", "more/"))
def public(path):
    return next(name + path[len(r):] for r, name in roots if path.startswith(r))
for d in (a, c):
    d.pop("took_ms")
    for h in d["hits"]:
        h.pop("score")
assert all(h["path"].startswith(tuple(r for r, _ in roots)) for h in c["hits"]), c["hits"][0]["path"]
for h in c["hits"]:
    h["path"] = public(h["path"])
assert sorted(a) == sorted(c), (sorted(a), sorted(c))
assert a == c, [(x["path"], y["path"]) for x, y in zip(a["hits"], c["hits"]) if x != y][:3]
EOF
ok
case "$(header Content-Type)" in application/json*) ok ;; *) fail "search is not JSON" ;; esac
[ "$(header X-Content-Type-Options)" = nosniff ] || fail "no nosniff header"
header Content-Security-Policy | grep -q "default-src 'none'" || fail "no CSP on the API"
[ "$(header Access-Control-Allow-Origin)" = https://www.example.gov.uk ] || fail "no CORS header"
[ -n "$(header Referrer-Policy)" ] || fail "no Referrer-Policy"
ok

# Repeated parameters: OR within a field, AND across fields (as --filter).
expect_get 200 '/api/search?committee=cabinet&per_page=100&facet=council'
cab=$(json 'd["total"]' "$T/body")
expect_get 200 '/api/search?committee=planning&per_page=100&facet=council'
plan=$(json 'd["total"]' "$T/body")
expect_get 200 '/api/search?committee=cabinet&committee=planning&per_page=100&facet=committee'
jcheck "d['total'] == $cab + $plan and d['total'] > 0"
expect_get 200 '/api/search?committee=cabinet&council=westholme&per_page=100'
jcheck "0 < d['total'] < $cab and all(h['council'] == 'Westholme County Council' and h['committee'] == 'Cabinet' for h in d['hits'])"
# Dates, sort, paging, grouping, the year facet.
expect_get 200 '/api/search?q=budget&from=2020-01-01&to=2021-12-31&sort=-date&per_page=100'
jcheck 'd["hits"] and all("2020-01-01" <= h["date"] <= "2021-12-31" for h in d["hits"])'
jcheck '[h["date"] for h in d["hits"]] == sorted((h["date"] for h in d["hits"]), reverse=True)'
expect_get 200 '/api/search?year=2019&per_page=5&page=2'
jcheck 'len(d["hits"]) == 5 and all(h["date"].startswith("2019") for h in d["hits"])'
p2=$(json '[h["id"] for h in d["hits"]]' "$T/body")
expect_get 200 '/api/search?year=2019&per_page=10'
jcheck "[h['id'] for h in d['hits']][5:] == $p2"
expect_get 200 '/api/search?q=safeguarding&group=meeting&per_page=100'
jcheck 'len({h["meeting"] for h in d["hits"]}) == len(d["hits"])'
expect_get 200 '/api/search?q=safegaurding'
jcheck 'd["suggestion"] == "safeguarding"'
# + is a space, %-escapes decode, UTF-8 is fine.
expect_get 200 '/api/search?q=children+in+care&per_page=1'
jcheck 'd["query"] == "children in care" and d["total"] > 0'
expect_get 200 '/api/search?q=%22children%20in%20care%22&per_page=1'
jcheck 'd["query"] == "\"children in care\"" and d["total"] > 0'
expect_get 200 '/api/search?q=caf%C3%A9'
jcheck 'd["query"] == "caf\u00e9"'

# Snippets are HTML-escaped by Xapian, with only <mark> added: safe as HTML.
# (The minutes parser drops tag-like text, so what reaches the index is
# lone < > & -- which must come back as entities.)
expect_get 200 '/api/search?q=scriptprobe'
jcheck 'd["total"] == 1'
jcheck '"&lt; 5000" in d["hits"][0]["snippet"] and "&gt; 3000" in d["hits"][0]["snippet"] and "&amp;" in d["hits"][0]["snippet"]'
jcheck '__import__("re").sub("</?mark>", "", d["hits"][0]["snippet"]).count("<") == 0'
jcheck '"<script" not in d["hits"][0]["snippet"] and "<img" not in d["hits"][0]["snippet"]'
probe=$(json 'd["hits"][0]["id"]' "$T/body")

# --- /api/item/ID ---------------------------------------------------------------
expect_get 200 "/api/item/$probe"
jcheck 'd["council"] == "Hollinwick Town Council" and "spending < 5000" in d["text"] and d["date"] == "2022-05-10"'
id=$(json 'd["hits"][0]["id"]' "$T/api.json")
expect_get 200 "/api/item/$id"
jcheck '"safeguarding" in d["text"].lower() and "resolutions" in d and d["committee"]'

# --- paths: below the archive root, never the indexing machine's ------------------------
# corpora/sample was indexed by a relative path, $T/more by an absolute one.
expect_get 200 '/api/search?q=&per_page=100&facet=none'
jcheck 'd["total"] > 100 and all(h["path"].startswith(("sample/", "more/")) for h in d["hits"])'
expect_get 200 "/api/item/$probe"
jcheck 'd["path"] == "more/hollinwick-town-council/finance-committee/2022-05-10.txt"'
pmeeting=$(json 'd["meeting"]' "$T/body")
expect_get 200 "/api/meeting/$pmeeting"
jcheck 'd["path"] == "more/hollinwick-town-council/finance-committee/2022-05-10.txt"'
jcheck 'd["front"] and all(i["path"] == d["path"] for i in d["items"] + [d["front"]])'
# No answer of any endpoint names the temporary folder or this checkout.
here=$(pwd -P)
for p in "/api/search?q=scriptprobe" "/api/search?q=&per_page=100&group=meeting" \
	"/api/item/$probe" "/api/item/$id" "/api/meeting/$pmeeting" "/meeting/$pmeeting" \
	"/item/$probe" "/feed" "/feed?q=scriptprobe" "/api/facets" "/api/stats" \
	"/api/trends?q=scriptprobe" "/healthz" "/" "/opensearch.xml" "/api/item/x-1" "/meeting/x"; do
	get "$p" >/dev/null
	for abs in "$T" "$here"; do
		grep -qF "$abs" "$T/body" && fail "$p names $abs: $(grep -F "$abs" "$T/body" | head -c 300)"
	done
	ok
done

# --- /api/facets: the whole index ------------------------------------------------
expect_get 200 /api/facets
jcheck 'sum(v["count"] for v in d["facets"]["council"]) == d["total"] and len(d["facets"]["council"]) == 4'
jcheck 'set(d["facets"]) == {"council", "committee", "year", "person", "format", "kind"} and d["hits"] == []'
expect_get 200 '/api/facets?facet=year&facet_limit=3'
jcheck 'list(d["facets"]) == ["year"] and len(d["facets"]["year"]) == 3'

# --- /api/trends: the same JSON as the CLI's trends --json, cached like a search ---
expect_get 200 '/api/trends?q=safeguarding&by=year&council=westholme'
[ "$(header X-Cache)" = miss ] || fail "first trends request was not a cache miss"
cp "$T/body" "$T/trends.json"
"$BIN/minutes-search" trends safeguarding --db "$T/db" --by year -f council=westholme --json \
	>"$T/trends.cli.json" || fail "minutes-search trends failed"
python3 - "$T/trends.json" "$T/trends.cli.json" <<'EOP' || fail "/api/trends differs from the CLI"
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:3])
a.pop("ms"); b.pop("ms")
assert a == b, (a, b)
assert a["series"][0]["name"] == "all" and a["items"] > 0 and a["periods"], a
EOP
ok
expect_get 200 '/api/trends?council=westholme&by=year&q=safeguarding'
[ "$(header X-Cache)" = hit ] || fail "the same trends (parameters reordered) was not a cache hit"
expect_get 200 '/api/trends?q=safeguarding&by=municipal-year&split=committee'
jcheck 'd["by"] == "municipal-year" and d["split"] == "committee" and len(d["series"]) > 1 and all("/" in p for p in d["periods"])'
expect_error 400 '/api/trends?q=budget&by=week' 'by must be year, month or municipal-year'
expect_error 400 '/api/trends?q=budget&split=person' 'split must be none, committee or council'
expect_error 400 '/api/trends?q=budget&sort=date' '/api/trends takes q, from, to, by, split and filters'
expect_error 400 '/api/trends?q=(budget' 'never closed'
expect_error 400 '/api/search?q=budget&by=year' 'by and split are parameters of /api/trends'

# --- the cache --------------------------------------------------------------------
expect_get 200 '/api/search?q=minutes&council=bramwick&committee=corporate'
[ "$(header X-Cache)" = miss ] || fail "first search was not a cache miss"
cp "$T/body" "$T/first.json"
expect_get 200 '/api/search?committee=corporate&q=minutes&council=bramwick'
[ "$(header X-Cache)" = hit ] || fail "same search (filters reordered) was not a cache hit"
cmp -s "$T/body" "$T/first.json" || fail "cached answer differs"
ok

# --- errors: 400 with the reason -------------------------------------------------------
expect_error 400 '/api/search?q=budget&per_page=101' 'per_page'
expect_error 400 '/api/search?q=budget&per_page=-1' 'per_page'
expect_error 400 '/api/search?q=budget&per_page=ten' 'per_page'
expect_error 400 '/api/search?q=budget&page=0' 'page'
expect_error 400 '/api/search?q=budget&page=99999' 'too deep'
expect_error 400 '/api/search?q=budget&sort=price' 'sort must be relevance, date or -date'
expect_error 400 '/api/search?q=(budget' 'never closed'
expect_error 400 '/api/search?q=%22budget' 'never closed'
expect_error 400 '/api/search?q=budget&from=2020-13-45' 'bad date range'
expect_error 400 '/api/search?q=budget&group=council' 'group'
expect_error 400 '/api/search?q=budget&facet=colour' 'unknown facet'
expect_error 400 '/api/search?q=budget&colour=red' "unknown parameter 'colour'"
expect_error 400 '/api/search?q=a&q=b' 'more than once'
expect_error 400 '/api/search?q=%ff%fe' 'UTF-8'
expect_error 400 '/api/search?q=a%00b' 'NUL'
expect_error 400 '/api/facets?q=budget' 'facet'
long=$(python3 -c 'print("a" * 1001)')
expect_error 400 "/api/search?q=$long" 'too long'
many=$(python3 -c 'print("&".join("council=c%d" % i for i in range(70)))')
expect_error 400 "/api/search?$many" 'too many parameters'
# A request too big for the connection's memory is refused before it is read.
huge=$(python3 -c 'print("a" * 40000)')
code=$(get "/api/search?q=$huge")
case $code in 414|431|413|400) ok ;; *) fail "a 40 kB URL got $code" ;; esac

# --- 404: unknown paths and items; no path traversal ---------------------------------
expect_error 404 /api/item/no-such-item "no item with id 'no-such-item'"
expect_error 404 /api/nothing 'no such page'
expect_error 404 /etc/passwd 'no such page'
for p in '/../../etc/passwd' '/%2e%2e/%2e%2e/etc/passwd' '/..%2f..%2fetc%2fpasswd' \
	'/%2e%2e%2f%2e%2e%2fetc%2fpasswd' '/app.js/../../../etc/passwd' '/.%2e/Makefile' \
	'/searcher/www/app.js' '/www/index.html' '/%252e%252e/etc/passwd' '//etc/passwd' \
	'/api/item/../../../etc/passwd'; do
	code=$(get "$p")
	if [ "$code" = 200 ]; then
		cmp -s "$T/body" searcher/www/index.html || fail "$p: status 200 and not the page"
	else
		[ "$code" = 404 ] || [ "$code" = 400 ] || fail "$p: status $code"
	fi
	grep -q 'root:' "$T/body" && fail "$p served /etc/passwd"
	ok
done

# The whole decoded path is compared: a NUL in it is refused, not cut short at.
for p in '/healthz%00x' '/index.html%00.txt' '/api/stats%00.js' '/%00' '/api/item/x%00y'; do
	expect_error 400 "$p" 'the path contains a NUL byte'
done

# --- 405: other methods ------------------------------------------------------------
expect_get 405 /api/search -X POST -d 'q=budget'
[ "$(header Allow)" = "GET, HEAD, OPTIONS" ] || fail "405 without Allow"
jcheck 'd["code"] == 405'
expect_get 405 / -X DELETE
expect_get 405 /api/search -X PUT --data-binary @/dev/null
# A GET carrying a body is refused without reading it.
expect_get 400 '/api/search?q=budget' -X GET -H 'Content-Type: text/plain' --data-binary 'xxxx'
# HEAD and the CORS preflight.
code=$(curl -s -o /dev/null -w '%{http_code}' -I "$U/api/search?q=budget")
[ "$code" = 200 ] || fail "HEAD: $code"
expect_get 204 /api/search -X OPTIONS -H 'Origin: https://www.example.gov.uk' \
	-H 'Access-Control-Request-Method: GET'
[ "$(header Access-Control-Allow-Origin)" = https://www.example.gov.uk ] || fail "preflight without CORS"
header Access-Control-Allow-Methods | grep -q GET || fail "preflight without methods"
ok

# --- the page: its own files, with headers ----------------------------------------------
expect_get 200 /
grep -q '<input id="q"' "$T/body" || fail "/ is not the search page"
case "$(header Content-Type)" in text/html*) ok ;; *) fail "/ is not HTML" ;; esac
header Content-Security-Policy | grep -q "default-src 'self'" || fail "page CSP"
header Content-Security-Policy | grep -q "frame-ancestors 'self'" || fail "page frame-ancestors"
[ "$(header X-Frame-Options)" = SAMEORIGIN ] || fail "page X-Frame-Options"
[ "$(header X-Content-Type-Options)" = nosniff ] || fail "page nosniff"
grep -Eq '<script>|[[:space:]]style=|[[:space:]]on[a-z]+=|https?://' "$T/body" && fail "inline code or outside URL in the page"
etag=$(header ETag)
expect_get 304 / -H "If-None-Match: $etag"
expect_get 200 '/?q=budget&committee=cabinet'
grep -q '<input id="q"' "$T/body" || fail "/?q= is not the search page"
for f in index.html app.js app.css favicon.svg; do
	expect_get 200 "/$f"
	cmp -s "$T/body" "searcher/www/$f" || fail "/$f differs from searcher/www/$f"
done
case "$(get /app.js; header Content-Type)" in *text/javascript*) ok ;; *) fail "app.js type" ;; esac
case "$(get /app.css; header Content-Type)" in *text/css*) ok ;; *) fail "app.css type" ;; esac
# The SVG namespace name is an identifier, never fetched; anything else would be an outside URL.
sed 's|http://www.w3.org/2000/svg||g' searcher/www/app.js searcher/www/app.css | grep -Eq 'https?://' &&
	fail "outside URL in app.js/app.css"
ok

# --- reopen after the indexer commits, without a restart ------------------------------
mkdir -p "$T/later/hollinwick-town-council/finance-committee"
sed -e 's/10 May 2022/14 June 2022/' -e 's/Scriptprobe/Zebrafinch allotments/' \
	-e 's/The scriptprobe item noted.*/The zebrafinch allotment lease was renewed./' \
	"$T/more/hollinwick-town-council/finance-committee/2022-05-10.txt" \
	>"$T/later/hollinwick-town-council/finance-committee/2022-06-14.txt"
expect_get 200 '/api/search?q=zebrafinch'
jcheck 'd["total"] == 0'
expect_get 200 '/api/search?q=zebrafinch'
[ "$(header X-Cache)" = hit ] || fail "repeat before reindexing was not cached"
expect_status 0 "$BIN/minutes-index" --quiet --db "$T/db" corpora/sample "$T/more" "$T/later"
found=""
for _ in $(seq 40); do
	get '/api/search?q=zebrafinch' >/dev/null
	if [ "$(json 'd["total"]' "$T/body")" = 1 ]; then found=yes; break; fi
	sleep 0.1
done
[ -n "$found" ] || fail "the new meeting never appeared (cache or handles not reopened)"
ok
get /healthz >/dev/null
[ "$(json 'd["revision"]' "$T/body")" != "$rev1" ] || fail "revision unchanged after indexing"
ok

# --- concurrency: many parallel clients, all answered ---------------------------------
seq 40 | xargs -P 20 -I N curl -s -o /dev/null -w '%{http_code}\n' \
	"$U/api/search?q=budget&page=N&per_page=2" >"$T/codes"
[ "$(grep -c '^200$' "$T/codes")" = 40 ] || fail "parallel requests: $(sort "$T/codes" | uniq -c)"
ok

# --- the index gone: 503 everywhere, and the answers name no path of this machine ---
# (the details, which do, go to the log).  A missing item is then no 404 either.
mv "$T/db" "$T/db.away"
sleep 1.2                          # handles reopen when more than a second old
for p in /healthz "/api/search?q=budget" /api/stats /api/facets "/api/item/$probe" \
	"/api/meeting/$pmeeting" "/item/$probe" "/meeting/$pmeeting" /feed "/api/trends?q=budget"; do
	expect_get 503 "$p"
	grep -qF "$T" "$T/body" && fail "$p names $T: $(head -c 300 "$T/body")"
	ok
done
grep -q "503 .*$T/db" "$T/srv.err" || fail "the log lacks the details: $(tail -n 3 "$T/srv.err")"
ok
mv "$T/db.away" "$T/db"
found=""
for _ in $(seq 40); do
	[ "$(get /healthz)" = 200 ] && { found=yes; break; }
	sleep 0.1
done
[ -n "$found" ] || fail "the index came back and the server did not see it: $(cat "$T/body")"
ok

# --- options and startup errors -----------------------------------------------------
expect_status 2 "$BIN/minutes-search" serve --db "$T/db" --listen nonsense
expect_status 2 "$BIN/minutes-search" serve --db "$T/db" --cors 'https://a.example
X-Evil: 1'
expect_status 2 "$BIN/minutes-search" serve --db "$T/db" --threads x
expect_status 2 "$BIN/minutes-search" serve
expect_status 1 "$BIN/minutes-search" serve --db "$T/nodb" --listen 127.0.0.1:0
# The port taken (by the server above): refused, not shared (the daemons use SO_REUSEPORT).
expect_status 1 "$BIN/minutes-search" serve --db "$T/db" --listen "127.0.0.1:$port"
grep -q "in use" "$T/err" || fail "second server on a taken port: $(cat "$T/err")"
expect_status 0 "$BIN/minutes-search" serve --help
grep -q -- '--listen' "$T/out" || fail "serve --help does not describe --listen"
expect_status 0 "$BIN/minutes-search" --help
grep -q 'serve' "$T/out" || fail "--help does not mention serve"

# --- SIGTERM stops it cleanly (exit 0), and SIGINT too ------------------------------
kill -TERM $pid
wait $pid
rc=$?
[ "$rc" = 0 ] || fail "server exited $rc after SIGTERM: $(cat "$T/srv.err")"
grep -q stopping "$T/srv.err" || fail "no stopping message"
ok
"$BIN/minutes-search" serve --db "$T/db" --listen 127.0.0.1:0 --quiet 2>"$T/srv2.err" &
pid=$!
sleep 0.5
kill -INT $pid
wait $pid
rc=$?
[ "$rc" = 0 ] || fail "server exited $rc after SIGINT: $(cat "$T/srv2.err")"
ok

done_ok
