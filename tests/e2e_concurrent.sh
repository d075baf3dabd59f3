#!/bin/sh
# e2e_concurrent.sh - the server answers every kind of read while another
# process commits to its database in a loop: wildcards, synonyms, a
# misspelling, an item, trends and facets must never give a 5xx (Xapian's
# DatabaseModifiedError is retried after a reopen inside xw).
. tests/lib.sh

command -v curl >/dev/null 2>&1 || skip "curl not installed"
SECS=${CONCURRENT_SECS:-8}

cp -R corpora/sample "$T/arch"
expect_status 0 "$BIN/minutes-index" --quiet --db "$T/db" "$T/arch"

start_server --db "$T/db" --threads 1 --cache 0
curl -s -o "$T/hit.json" "$U/api/search?q=safeguarding&per_page=1" || fail "no first search"
id=$(json 'd["hits"][0]["id"]' "$T/hit.json")
ok

# All of a query's wildcards together are bounded: many of them are a 400 at once.
wild=$(python3 -c 'import string; print("+OR+".join(c + "*" for c in string.ascii_lowercase[:23] * 7))')
code=$(curl -s -o "$T/wild.json" -w '%{http_code}' "$U/api/search?q=$wild")
[ "$code" = 400 ] && grep -q 'wildcards match too many words' "$T/wild.json" ||
	fail "many wildcards: $code $(head -c 300 "$T/wild.json")"
ok

# The writer: copy a file in, append to one, delete one, re-index; commit
# after every document so that revisions are discarded under the readers.
src=corpora/sample/bramwick-borough-council/cabinet/2023-11-14.txt
(
	i=0
	end=$(($(date +%s) + SECS))
	while [ "$(date +%s)" -lt "$end" ]; do
		i=$((i + 1))
		cp "$src" "$T/arch/copy-$i.txt"
		printf '\n%s Appended paragraph %s on safeguarding.\n' "$i" "$i" >>"$T/arch/copy-1.txt"
		[ $i -gt 2 ] && rm -f "$T/arch/copy-$((i - 1)).txt"
		"$BIN/minutes-index" --quiet --commit-every 1 --db "$T/db" "$T/arch" >/dev/null 2>&1
	done
) &
wpid=$!
kill_at_exit $wpid

python3 - "$U" "$id" "$SECS" >"$T/client.out" <<'PY' || fail "client: $(cat "$T/client.out")"
import sys, time, urllib.request, urllib.error
base, item, secs = sys.argv[1], sys.argv[2], float(sys.argv[3])
paths = ["/api/search?q=safe*", "/api/search?q=s*+OR+c*+OR+b*", "/api/search?q=safegaurding",
         "/api/search?q=SEND", "/api/search?q=ofsted+looked+after", "/api/item/" + item,
         "/api/trends?q=safeguarding", "/api/facets", "/api/search?q=%22children+in+care%22",
         "/api/stats", "/healthz"]
n = bad = 0
msgs = {}
end = time.time() + secs
while time.time() < end:
    for p in paths:
        n += 1
        try:
            with urllib.request.urlopen(base + p, timeout=30) as r:
                r.read()
        except urllib.error.HTTPError as e:
            if e.code >= 500:
                bad += 1
                m = e.read()[:200].decode("utf-8", "replace")
                msgs[m] = msgs.get(m, 0) + 1
            # a 404 for an item replaced under us is fine
        except Exception as e:
            bad += 1
            msgs[repr(e)] = msgs.get(repr(e), 0) + 1
print(n, bad)
for m, c in msgs.items():
    print(c, m)
PY
wait $wpid
wpid=""
read -r n bad <"$T/client.out"
[ "$n" -gt 50 ] || fail "only $n requests in ${SECS}s"
[ "$bad" = 0 ] || fail "$bad of $n requests failed with 5xx: $(tail -n +2 "$T/client.out" | head -c 600); the server logged: $(grep ': 5[0-9][0-9] ' "$T/srv.err" | head -c 600)"
ok
echo "$n requests, 0 errors"
done_ok
