#!/bin/sh
# e2e_feed.sh - following a search: /feed as Atom 1.0 (parsed by a real feed
# parser, Debian's python3-feedparser, and checked for the Atom schema's
# required elements), newest first by first-indexed time, with the search's
# filters; the page's "Follow this search" link; and the CLI's
# --added-since TIME|@FILE for cron alerts.
. tests/lib.sh

command -v curl >/dev/null 2>&1 || skip "curl not installed"
python3 -c 'import feedparser' 2>/dev/null || skip "python3-feedparser not installed"

M="$T/more/hollinwick-town-council/finance-committee"
mkdir -p "$M"
# meeting NAME DATE WORD: a small Finance Committee meeting whose items say WORD.
meeting() {
	cat >"$M/$1.txt" <<EOF
HOLLINWICK TOWN COUNCIL

FINANCE COMMITTEE

Minutes of the meeting held on $2 at 7.00 pm

Present: Councillor A Probert (Chair)

1 Precept & "reserves" <review>

The committee reviewed the $3 precept & reserves for the year.

RESOLVED: that the $3 precept be approved.

2 Grants

The $3 grants were noted.
EOF
}
meeting first "Tuesday, 10 May 2022" zorbleflux
expect_status 0 "$BIN/minutes-index" --quiet --db "$T/db" corpora/sample "$T/more"
t1=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
sleep 1.2

# --- the CLI: --added-since TIME|@FILE -------------------------------------------------
S() { "$BIN/minutes-search" --db "$T/db" "$@"; }
expect_status 0 S --added-since "@$T/state" --json --limit 500 --facet none ''
cp "$T/out" "$T/all.json"
[ "$(json 'd["total"]' "$T/all.json")" = "$(S --json --facet none --limit 0 '' | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')" ] ||
	fail "a missing state file does not list everything"
ok
[ -s "$T/state" ] || fail "the state file was not written"
stored=$(cat "$T/state")
python3 - "$stored" "$T/all.json" <<'EOF' || fail "the state file does not hold the newest first-indexed time"
import json, sys
d = json.load(open(sys.argv[2]))
sys.exit(0 if sys.argv[1] == max(h["added"] for h in d["hits"]) else 1)
EOF
ok
# Nothing new: nothing listed, the state stays.
expect_status 0 S --added-since "@$T/state" --json zorbleflux
[ "$(json 'd["total"]' "$T/out")" = 0 ] || fail "an unchanged index lists items again"
[ "$(cat "$T/state")" = "$stored" ] || fail "the state moved without new items"
ok

# A new meeting, indexed later: only its items are new, newest first.
meeting second "Tuesday, 14 June 2022" zorbleflux
expect_status 0 "$BIN/minutes-index" --quiet --db "$T/db" corpora/sample "$T/more"
expect_status 0 S --added-since "@$T/state" --json zorbleflux
cp "$T/out" "$T/new.json"
json 'd["total"] == 2 and {h["date"] for h in d["hits"]} == {"2022-06-14"} and all(h["added"] > "'"$stored"'" for h in d["hits"])' "$T/new.json" |
	grep -qx True || fail "--added-since @FILE did not list exactly the new meeting: $(head -c 600 "$T/new.json")"
ok
[ "$(cat "$T/state")" \> "$stored" ] || fail "the state did not move on: $(cat "$T/state")"
ok
expect_status 0 S --added-since "@$T/state" zorbleflux
grep -q '^0 items match' "$T/out" || fail "listed twice: $(head -3 "$T/out")"
ok
# Each commit's new items are stamped later than everything committed before
# it, so an alert reading a half-committed run misses nothing: three meetings
# indexed in one run, a commit after each, have three times.
meeting third "Tuesday, 12 July 2022" quuxwidget
meeting fourth "Tuesday, 9 August 2022" quuxwidget
meeting fifth "Tuesday, 13 September 2022" quuxwidget
expect_status 0 "$BIN/minutes-index" --quiet --commit-every 1 --db "$T/db" corpora/sample "$T/more"
expect_status 0 S --json --limit 50 --facet none quuxwidget
json 'len(d["hits"]) == 6 and len({h["added"] for h in d["hits"]}) == 3 and len({(h["added"], h["date"]) for h in d["hits"]}) == 3' "$T/out" |
	grep -qx True || fail "one run's commits share a first-indexed time: $(head -c 500 "$T/out")"
ok
expect_status 0 S --added-since "@$T/state" --json --limit 50 --facet none quuxwidget
[ "$(json 'd["total"]' "$T/out")" = 6 ] || fail "the new meetings were not listed"
ok

# A rebuild from scratch is no news: items keep the time they were first indexed.
sleep 1.1
expect_status 0 "$BIN/minutes-index" --quiet --full --db "$T/db" corpora/sample "$T/more"
expect_status 0 S --added-since "@$T/state" --json --limit 0 --facet none ''
[ "$(json 'd["total"]' "$T/out")" = 0 ] || fail "--full made $(json 'd["total"]' "$T/out") items new"
ok
# A plain time: everything first indexed after it, whatever the query.
expect_status 0 S --added-since "$t1" --json --limit 100 --facet none ''
json 'd["total"] == 12 and {h["date"] for h in d["hits"]} == {"2022-06-14", "2022-07-12", "2022-08-09", "2022-09-13"}' "$T/out" | grep -qx True ||
	fail "--added-since TIME: $(head -c 400 "$T/out")"
ok
expect_status 0 S --added-since 0 --json --limit 0 --facet none ''
[ "$(json 'd["total"]' "$T/out")" = "$(($(json 'd["total"]' "$T/all.json") + 12))" ] || fail "--added-since 0 is not everything"
ok
# Filters and the query still apply; --sort still wins.
expect_status 0 S --added-since 2000-01-01 --filter committee=cabinet --json --limit 5 --facet none budget
json 'd["total"] > 0 and all(h["committee"] == "Cabinet" for h in d["hits"])' "$T/out" | grep -qx True ||
	fail "--added-since ignores filters"
ok
expect_status 2 S --added-since yesterday zorbleflux
grep -q "not a time" "$T/err" || fail "no reason for a bad time"
ok
printf 'garbage\n' >"$T/bad-state"
expect_status 2 S --added-since "@$T/bad-state" zorbleflux
mkdir -p "$T/ro" && chmod 0555 "$T/ro"
if [ "$(id -u)" != 0 ]; then
	expect_status 1 S --added-since "@$T/ro/state" zorbleflux
fi
chmod 0755 "$T/ro"

# --- the feed ------------------------------------------------------------------------
start_server --db "$T/db" --threads 1 --cache 50

# feed_check FILE EXPR: the Atom feed in FILE parsed by feedparser (f) and by
# ElementTree (root); the schema's required elements are checked first.
feed_check() {
	python3 - "$1" "$2" "$U" <<'EOF' || fail "feed check failed: $2"
import re, sys, feedparser
import xml.etree.ElementTree as ET
A = '{http://www.w3.org/2005/Atom}'
raw = open(sys.argv[1], 'rb').read()
f = feedparser.parse(raw)
assert not f.bozo, f.get('bozo_exception')
assert f.version == 'atom10', f.version
root = ET.fromstring(raw)
assert root.tag == A + 'feed'
rfc3339 = re.compile(r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$')
iri = re.compile(r'^[a-z][a-z0-9+.-]*:\S+$')
def one(el, tag):
    found = el.findall(A + tag)
    assert len(found) == 1, (tag, len(found))
    return found[0]
# RFC 4287 4.1.1: exactly one id, title, updated; an author (here on the feed); a self link.
assert iri.match(one(root, 'id').text)
assert one(root, 'title').text
assert rfc3339.match(one(root, 'updated').text)
assert root.findall(A + 'author') and root.find(A + 'author').find(A + 'name').text
assert any(l.get('rel') == 'self' for l in root.findall(A + 'link'))
ids = []
for e in root.findall(A + 'entry'):
    ids.append(one(e, 'id').text)
    assert iri.match(ids[-1])
    assert one(e, 'title').text
    assert rfc3339.match(one(e, 'updated').text)
    # 4.1.1.1: an entry without content has an alternate link
    assert any(l.get('rel', 'alternate') == 'alternate' and l.get('href') for l in e.findall(A + 'link'))
    for l in e.findall(A + 'link'):
        assert l.get('href')
assert len(ids) == len(set(ids)), 'duplicate entry ids'
entries = f.entries
U = sys.argv[3]
ok = eval(sys.argv[2])
if not ok:
    print([(e.title, e.updated) for e in entries][:10], file=sys.stderr)
sys.exit(0 if ok else 1)
EOF
	ok
}

expect_get 200 '/feed?q=zorbleflux'
cp "$T/body" "$T/feed.xml"
case "$(header Content-Type)" in application/atom+xml*) ok ;; *) fail "feed type: $(header Content-Type)" ;; esac
feed_check "$T/feed.xml" "len(entries) == 4 and f.feed.title == 'Council minutes: zorbleflux'"
# Newest first by first-indexed time: the June meeting (indexed later) leads.
feed_check "$T/feed.xml" "[e.updated for e in entries] == sorted((e.updated for e in entries), reverse=True) and entries[0].updated > entries[-1].updated"
feed_check "$T/feed.xml" "all(e.link.startswith(U + '/item/') for e in entries) and all(e.id == e.link for e in entries)"
feed_check "$T/feed.xml" "entries[0].title.startswith(('1 Precept', '2 Grants')) and 'Precept & \"reserves\"' in ' '.join(e.title for e in entries)"
feed_check "$T/feed.xml" "all('zorbleflux' in e.summary for e in entries) and all(t.term == 'Finance Committee' for e in entries for t in e.tags)"
# Every entry's link is a page that answers.
for link in $(python3 -c 'import feedparser,sys; print(" ".join(e.link for e in feedparser.parse(open(sys.argv[1],"rb").read()).entries))' "$T/feed.xml"); do
	expect_get 200 "${link#"$U"}"
done
# The search's filters apply; per_page sets the number of entries; paging and sort are ignored.
expect_get 200 '/feed?q=budget&committee=cabinet&per_page=3&sort=date&page=2'
cp "$T/body" "$T/feed2.xml"
feed_check "$T/feed2.xml" "len(entries) == 3 and all(t.term == 'Cabinet' for e in entries for t in e.tags)"
feed_check "$T/feed2.xml" "'committee=cabinet' in f.feed.id and 'page' not in f.feed.id and any(l.rel == 'self' and 'q=budget' in l.href for l in f.feed.links)"
# Nothing matches: still a valid feed.
expect_get 200 '/feed?q=nosuchwordanywhere'
cp "$T/body" "$T/feed3.xml"
feed_check "$T/feed3.xml" "len(entries) == 0"
# Everything (no parameters): the newest items of the archive.
expect_get 200 '/feed'
cp "$T/body" "$T/feed4.xml"
feed_check "$T/feed4.xml" "len(entries) == 20 and entries[0].updated >= entries[-1].updated"
# Bad parameters are 400s, as for the API.
expect_get 400 '/feed?q=%22unbalanced'
expect_get 400 '/feed?nosuch=1'
expect_get 400 '/feed?per_page=1000'
# The cache answers a second time with the same feed.
expect_get 200 '/feed?q=zorbleflux'
cmp -s "$T/body" "$T/feed.xml" || fail "a repeated feed request differs"
ok

# --- the page links to the feed of its search -------------------------------------------
expect_get 200 /
grep -q 'id="follow"' "$T/body" && grep -q 'rel="alternate" type="application/atom+xml"' "$T/body" ||
	fail "no 'Follow this search' link on the page"
ok
expect_get 200 /app.js
grep -q "'feed'" "$T/body" || fail "the page does not set the feed link"
ok

done_ok
