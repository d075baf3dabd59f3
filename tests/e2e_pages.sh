#!/bin/sh
# e2e_pages.sh - pages a reader can land on and share: /meeting/ID and
# /api/meeting/ID (every item in order, the meeting's people, the source),
# /item/ID with a link to its meeting, all server-rendered and escaped, in
# the search page's style, without script; /opensearch.xml and
# <link rel="search"> on every page.
. tests/lib.sh

command -v curl >/dev/null 2>&1 || skip "curl not installed"

mkdir -p "$T/more/hollinwick-town-council/finance-committee"
cat >"$T/more/hollinwick-town-council/finance-committee/2022-05-10.txt" <<'EOF'
HOLLINWICK TOWN COUNCIL

FINANCE COMMITTEE

Minutes of the meeting held on Tuesday, 10 May 2022 at 7.00 pm in the Council Chamber, Town Hall

Present: Councillor A Probert (Chair), Councillors B O'Hara and C Lee

Apologies: Councillor D Quist

1 Scriptprobe

The scriptprobe item noted that spending < 5000 pounds and income > 3000 pounds & "quotes" from a web form <img src=x onerror="window.__xss=1">.

RESOLVED: that the budget of < 100 & "alert(1)" be noted.

2 Second item

The second item followed the first.

3 Third item

The third item came last.
EOF

expect_status 0 "$BIN/minutes-index" --quiet --db "$T/db" --url-prefix "https://minutes.example/" \
	corpora/sample "$T/more"

start_server --db "$T/db" --threads 1

# page_check EXPR: EXPR over the HTML page in $T/body, parsed: text (all text),
# links (every href), tags (start tags seen), links_in(cls) (hrefs of <a class=cls>).
page_check() {
	python3 - "$T/body" "$1" <<'EOF' || fail "page check failed: $1"
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.links, self.tags, self.cls = [], [], [], {}
        self.stack = []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if 'href' in a:
            self.links.append(a['href'])
            self.cls.setdefault(a.get('class', ''), []).append(a['href'])
    def handle_data(self, d):
        self.text.append(d)
p = P()
src = open(sys.argv[1], encoding='utf-8').read()
p.feed(src)
text = ' '.join(' '.join(p.text).split())
links, tags = p.links, p.tags
def links_in(c): return p.cls.get(c, [])
def has_tag(t, **kw): return any(n == t and all(a.get(k) == v for k, v in kw.items()) for n, a in tags)
ok = eval(sys.argv[2])
if not ok:
    print(text[:600], links[:20], file=sys.stderr)
sys.exit(0 if ok else 1)
EOF
	ok
}
html_page() {
	case "$(header Content-Type)" in text/html*) ok ;; *) fail "$1 is not HTML: $(header Content-Type)" ;; esac
	case "$(header Content-Security-Policy)" in *"default-src 'self'"*) ok ;; *) fail "$1: no page CSP" ;; esac
	# Same style as the search page, a search box, a search description, and no script at all.
	page_check "has_tag('link', rel='stylesheet', href='../app.css') and has_tag('link', rel='search', href='../opensearch.xml') and has_tag('form', action='../') and not has_tag('script')"
	page_check "all(l.startswith(('../', 'https://minutes.example/', '#')) for l in links)"
}

# --- the probe meeting: found through the API, then its pages ------------------------
expect_get 200 '/api/search?q=scriptprobe'
pid_item=$(json 'd["hits"][0]["id"]' "$T/body")
mid=$(json 'd["hits"][0]["meeting"]' "$T/body")
[ -n "$mid" ] && [ -n "$pid_item" ] || fail "probe not found"
ok

expect_get 200 "/api/meeting/$mid"
cp "$T/body" "$T/meeting.json"
jcheck 'd["id"] == "'"$mid"'" and d["council"] == "Hollinwick Town Council" and d["date"] == "2022-05-10"'
jcheck '"Probert" in d["chair"] and any("Quist" in a for a in d["apologies"]) and any("Hara" in p for p in d["present"])'
jcheck '[i["item"] for i in d["items"]] == ["1", "2", "3"] and [i["title"] for i in d["items"]][1:] == ["Second item", "Third item"]'
jcheck 'all(i["id"].startswith(d["id"] + "-") and i["meeting"] == d["id"] for i in d["items"])'
jcheck 'd["items"][0]["resolutions"] and "< 100 & " in d["items"][0]["resolutions"][0] and d["url"].startswith("https://minutes.example/")'
case "$(header Content-Type)" in application/json*) ok ;; *) fail "/api/meeting is not JSON" ;; esac

expect_get 200 "/meeting/$mid"
cp "$T/body" "$T/meeting.html"
html_page "/meeting/$mid"
# Every item in order with its resolutions, the people, and the source.
page_check "'Finance Committee' in text and 'Hollinwick Town Council' in text and '2022-05-10' in text"
page_check "'Probert' in text and 'Quist' in text and 'Apologies' in text and 'Present' in text"
page_check "text.index('Scriptprobe') < text.index('Second item') < text.index('Third item')"
page_check "'Resolved' in text and 'alert(1)' in text"
page_check "links_in('source') and links_in('source')[0].startswith('https://minutes.example/')"
page_check "[l for l in links if l.startswith('../item/')] == ['../item/$mid-1', '../item/$mid-2', '../item/$mid-3']"
# Escaped: the markup in the minutes is text on the page, never markup.
grep -q '<img src=x' "$T/body" && fail "raw <img> on the meeting page"
grep -q '<script>alert' "$T/body" && fail "raw <script> on the meeting page"
grep -q '<b>Town Hall' "$T/body" && fail "raw <b> on the meeting page"
grep -q 'spending &lt; 5000 pounds and income &gt; 3000 pounds &amp; &quot;quotes&quot;' "$T/body" ||
	fail "the probe is not escaped as text"
ok
page_check "not has_tag('img') and not has_tag('b') and not has_tag('i')"

# --- the item page links to its meeting ----------------------------------------------
expect_get 200 "/item/$pid_item"
html_page "/item/$pid_item"
page_check "links_in('meeting-link') == ['../meeting/$mid#item-$pid_item']"
page_check "'Scriptprobe' in text and 'Resolved' in text and 'spending < 5000 pounds' in text"
grep -q '<img src=x' "$T/body" && fail "raw <img> on the item page"
ok
# The anchor the item page links to exists on the meeting page.
grep -q "id=\"item-$pid_item\"" "$T/meeting.html" || fail "no anchor item-$pid_item on the meeting page"
ok

# A sample meeting with a real chair, present and apologies, and items with resolutions.
expect_get 200 '/api/search?q=%22missing+from+care%22+CSE&per_page=1'
smid=$(json 'd["hits"][0]["meeting"]' "$T/body")
expect_get 200 "/api/meeting/$smid"
jcheck 'd["chair"] and len(d["present"]) >= 3 and d["apologies"] and len(d["items"]) >= 5 and any(i["resolutions"] for i in d["items"])'
n_items=$(json 'len(d["items"])' "$T/body")
expect_get 200 "/api/search?q=&per_page=100&facet=none&committee=$(json 'd["committee"].replace(" ", "+")' "$T/body")"
[ "$(json 'len([h for h in d["hits"] if h["meeting"] == "'"$smid"'" and h["item"]])' "$T/body")" = "$n_items" ] ||
	fail "the meeting page does not list every item of the meeting"
ok
expect_get 200 "/meeting/$smid" -I
case "$(header Content-Type)" in text/html*) ok ;; *) fail "HEAD of a meeting page" ;; esac

# --- not found: an HTML page for pages, JSON for the API ---------------------------------
for p in /meeting/nosuch /meeting/ "/meeting/$mid/x" "/meeting/$mid?x=1" /item/nosuch-1 /item/ \
	"/meeting/$(head -c 400 /dev/zero | tr '\0' a)" '/meeting/%3Cscript%3E'; do
	expect_get 404 "$p"
	case "$(header Content-Type)" in text/html*) ok ;; *) fail "$p: 404 is not a page" ;; esac
	grep -q '<script>' "$T/body" && fail "$p: the 404 page echoes markup"
done
expect_get 404 /api/meeting/nosuch
jcheck 'd["code"] == 404'

# --- the search page and OpenSearch --------------------------------------------------------
expect_get 200 /
grep -q '<link rel="search" type="application/opensearchdescription+xml" href="opensearch.xml"' "$T/body" ||
	fail "no <link rel=search> on the search page"
ok
expect_get 200 /opensearch.xml
case "$(header Content-Type)" in application/opensearchdescription+xml*) ok ;; *) fail "opensearch type" ;; esac
python3 - "$T/body" "$U/" <<'EOF' || fail "opensearch.xml is not a valid description"
import sys, xml.etree.ElementTree as ET
ns = '{http://a9.com/-/spec/opensearch/1.1/}'
r = ET.parse(sys.argv[1]).getroot()
assert r.tag == ns + 'OpenSearchDescription', r.tag
assert 0 < len(r.find(ns + 'ShortName').text) <= 16
assert r.find(ns + 'Description').text
urls = {u.get('type'): u.get('template') for u in r.findall(ns + 'Url')}
assert urls['text/html'] == sys.argv[2] + '?q={searchTerms}', urls
assert urls['application/atom+xml'].startswith(sys.argv[2] + 'feed?'), urls
EOF
ok
expect_get 400 '/opensearch.xml?x=1'
# A forged Host header cannot inject markup into the description.
expect_get 200 /opensearch.xml -H 'Host: evil"><x'
grep -q 'evil' "$T/body" && fail "the Host header went into opensearch.xml"
ok
kill $pid; wait $pid 2>/dev/null

# --- --public-url and --serve-files links on the pages --------------------------------------
expect_status 2 "$BIN/minutes-search" serve --db "$T/db" --public-url 'javascript:x'
start_server --db "$T/db" --threads 1 --serve-files --public-url https://www.example.gov.uk/minutes/
expect_get 200 /opensearch.xml
grep -q 'template="https://www.example.gov.uk/minutes/?q={searchTerms}"' "$T/body" ||
	fail "--public-url not used: $(cat "$T/body")"
ok
rm -rf "$T/db2"
expect_status 0 "$BIN/minutes-index" --quiet --db "$T/db2" "$T/more"
kill $pid; wait $pid 2>/dev/null
start_server --db "$T/db2" --threads 1 --serve-files
expect_get 200 "/meeting/$mid"
page_check "links_in('source') == ['../file/$mid-0']"
expect_get 200 "/file/$mid-0"
cmp -s "$T/body" "$T/more/hollinwick-town-council/finance-committee/2022-05-10.txt" || fail "file link"
ok

done_ok
