#!/bin/sh
# e2e_shards.sh - shards searched as one: locally, over xapian-tcpsrv, with
# shards down or slow; incremental runs and kills in the sharded layout.
#
# Every comparison is of the JSON the searcher prints, byte for byte but for
# took_ms: the same hits in the same order, scores, totals, facet counts and
# suggestions from one database and from shards built from the same archive.
. tests/lib.sh

IDX="$BIN/minutes-index"
SRCH="$BIN/minutes-search"

mkdir -p "$T/arch"
cp -r corpora/sample "$T/arch/sample"
[ -d ../shared/seeds ] && cp -r ../shared/seeds "$T/arch/seeds"

# A set of searches covering ranking, filters, facets, sorting, grouping,
# paging, phrases, wildcards, dates and spelling; one per line.  Lines
# starting "~" compare totals and facets only: Xapian 1.4 expands a wildcard
# in each shard apart, so its synonym weights (not its matches) differ.
cat > "$T/queries" <<'EOF'
--facet all --limit 50
--facet all --limit 20 safeguarding
--facet all --limit 20 budget
--facet all --limit 30 --sort date
--facet all --limit 30 --sort -date
--facet all --limit 15 --sort -date council
--facet all --limit 10 --group meeting children
--facet all --offset 7 --limit 9 council
--facet all --limit 10 --filter year=2019
--facet all --limit 10 --from 2019 --to 2020 --sort date
--facet all --limit 10 council:bramwick
--facet all --limit 10 "children in care"
~ --facet all --limit 10 safeguard*
--facet all --limit 10 safegaurding
--facet all --limit 10 apologies OR minutes
--facet none --limit 5 title:apologies
EOF

# answers DB FILE: run every query against DB, one JSON answer per line.
answers() {
	db=$1 out=$2
	: > "$out"
	while IFS= read -r q; do
		loose=${q%%" "*}
		[ "$loose" = "~" ] && q=${q#"~ "}
		eval "set -- $q"
		"$SRCH" --db "$db" --json "$@" > "$T/one.json" 2>"$T/one.err" ||
			fail "search '$q' on $db failed: $(cat "$T/one.err")"
		python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
d.pop("took_ms")
if sys.argv[2] == "~":
    d = {k: d[k] for k in ("total", "estimated", "facets", "facets_exact")}
for h in d.get("hits", []):
    # Which passage MSet::snippet picks depends on the index layout (it
    # differs between one database built with one thread and with two), so
    # only "a passage with the match highlighted" is compared.
    s = h.pop("snippet", "")
    # Each build stamps its items with the second it first indexed them.
    h.pop("added", None)
    # Xapian shapes an OR of three or more branches (a stemmed word is a
    # synonym group, an acronym expands to several) by the term frequencies
    # of each shard, so the same weights are summed in another order and may
    # differ in the last bit of a double (seen in the ASan build, at -O1).
    if "score" in h:
        h["score"] = float("%.12g" % h["score"])
    if sys.argv[3] != "1":
        h["snippet_marked"] = "<mark>" in s
print(json.dumps(d, sort_keys=True))' "$T/one.json" "$loose" "${NOSNIP:-0}" >> "$out"
	done < "$T/queries"
}

# same REF DB WHAT: DB answers every query exactly as REF's answers (a file).
same() {
	answers "$2" "$T/got.jsonl"
	if ! cmp -s "$1" "$T/got.jsonl"; then
		python3 - "$1" "$T/got.jsonl" "$T/queries" <<'EOF' >&2
import json, sys
a, b, q = (open(p).read().splitlines() for p in sys.argv[1:4])
for i, (x, y) in enumerate(zip(a, b)):
    if x != y:
        x, y = json.loads(x), json.loads(y)
        print("query:", q[i])
        for k in sorted(set(x) | set(y)):
            if x.get(k) != y.get(k):
                print(" ", k, "\n    want:", json.dumps(x.get(k))[:600], "\n    got: ", json.dumps(y.get(k))[:600])
        break
EOF
		fail "$3: answers differ from one database"
	fi
	ok
}

stats() { "$SRCH" --db "$1" --json --stats | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin), sort_keys=True))'; }

# --- one database and shards from the same archive ----------------------------
expect_status 0 "$IDX" --quiet --db "$T/one" "$T/arch"
expect_status 0 "$IDX" --quiet --db "$T/bycouncil" --shard-by council "$T/arch"
expect_status 0 "$IDX" --quiet --db "$T/byyear" --shard-by year "$T/arch"
[ -f "$T/bycouncil/XAPIANDB" ] && [ -d "$T/bycouncil/control" ] || fail "no stub or control database"
n=$(grep -c '^auto shards/' "$T/bycouncil/XAPIANDB")
[ "$n" -ge 4 ] || fail "only $n council shards: $(cat "$T/bycouncil/XAPIANDB")"
grep -q '^auto shards/bramwick-borough-council$' "$T/bycouncil/XAPIANDB" || fail "no bramwick shard"
grep -q '^auto shards/2019$' "$T/byyear/XAPIANDB" || fail "no 2019 shard: $(cat "$T/byyear/XAPIANDB")"
ok
answers "$T/one" "$T/ref.jsonl"
[ "$(head -1 "$T/ref.jsonl" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')" -gt 100 ] ||
	fail "the reference database is nearly empty"
grep -q '"suggestion": "safeguarding"' "$T/ref.jsonl" || fail "no spelling suggestion from one database"
same "$T/ref.jsonl" "$T/bycouncil" "shards by council"
same "$T/ref.jsonl" "$T/byyear" "shards by year"
[ "$(stats "$T/one")" = "$(stats "$T/bycouncil")" ] || fail "--stats differ: $(stats "$T/bycouncil")"
ok

# --- modes never mix --------------------------------------------------------------
expect_status 2 "$IDX" --quiet --db "$T/bycouncil" "$T/arch"
grep -q "sharded by council" "$T/err" || fail "unsharded run on shards: $(cat "$T/err")"
expect_status 2 "$IDX" --quiet --db "$T/bycouncil" --shard-by year "$T/arch"
grep -q "not year" "$T/err" || fail "year run on council shards: $(cat "$T/err")"
expect_status 2 "$IDX" --quiet --db "$T/one" --shard-by council "$T/arch"
grep -q "single database" "$T/err" || fail "sharded run on one database: $(cat "$T/err")"
expect_status 0 "$IDX" --quiet --db "$T/bycouncil" --shard-by council "$T/arch"

# --- incremental runs go to the right shard ---------------------------------------
# step CHANGE...: apply a change to the archive, re-index both, compare answers.
step() {
	expect_status 0 "$IDX" --quiet --db "$T/one" "$T/arch"
	expect_status 0 "$IDX" --quiet --db "$T/bycouncil" --shard-by council "$T/arch"
	answers "$T/one" "$T/ref.jsonl"
	same "$T/ref.jsonl" "$T/bycouncil" "after $1"
}
f="$T/arch/sample/bramwick-borough-council/corporate-parenting-committee/2018-07-24.txt"
printf '\nThe committee also discussed the zanzibarite procurement and its budget.\n' >> "$f"
step "a change"
cp "$f" "$T/arch/copy of minutes.txt"
step "a copy"
rm "$f"
step "removing the primary path of a duplicate"
rm "$T/arch/copy of minutes.txt"
step "removing the last copy"
mv "$T/arch/sample/westholme-county-council/cabinet/2020-10-22.txt" "$T/arch/renamed.txt"
step "a rename"
[ "$("$SRCH" --db "$T/bycouncil" --json --facet none zanzibarite | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')" = 0 ] ||
	fail "items of a removed file still found in the shards"
ok

# --- killed at any moment -----------------------------------------------------------
mkdir -p "$T/big"
i=0
for src in $(find corpora/sample -name '*.txt' -o -name '*.md' | sort); do
	for k in $(seq 1 8); do
		i=$((i + 1))
		{ cat "$src"; printf '\nUnique marker zq%dx.\n' "$i"; } > "$T/big/f$i.${src##*.}"
	done
done
expect_status 0 "$IDX" --quiet --db "$T/bigone" "$T/big"
for delay in 0.2 0.5 0.9; do
	"$IDX" --quiet --jobs 2 --commit-every 40 --shard-by council --db "$T/killed" "$T/big" >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	if [ -e "$T/killed/XAPIANDB" ]; then
		"$SRCH" --db "$T/killed" --facet none --limit 1 zq1x >/dev/null 2>"$T/err" ||
			fail "shards unusable after kill -9 at ${delay}s: $(cat "$T/err")"
	fi
done
expect_status 0 "$IDX" --quiet --shard-by council --db "$T/killed" "$T/big"
cp "$T/queries" "$T/queries.sample"
printf '%s\n' "--facet all --limit 40" "--facet all --limit 10 zq1x" "--facet all --limit 10 zq${i}x" \
	"--facet all --limit 25 --sort -date marker" > "$T/queries"
answers "$T/bigone" "$T/bigref.jsonl"
same "$T/bigref.jsonl" "$T/killed" "kills and a final run"

# A run killed after making a shard (its iamglass written) but before the
# stub named it: the next runs fill that shard, so they must name it, or
# its meetings are indexed yet never found (seen once in make check).
grep -v '/unknown$' "$T/killed/XAPIANDB" > "$T/stub" && cat "$T/stub" > "$T/killed/XAPIANDB"
expect_status 0 "$IDX" --quiet --shard-by council --db "$T/killed" "$T/big"
same "$T/bigref.jsonl" "$T/killed" "a shard the stub did not name"
cp "$T/queries.sample" "$T/queries"

# A run killed while making a new shard leaves its folder without iamglass:
# the next run makes it again instead of failing on it.
mkdir -p "$T/half/zedford/cabinet" "$T/killed/shards/zedford-town-council"
: >"$T/killed/shards/zedford-town-council/postlist.glass"
printf 'ZEDFORD TOWN COUNCIL\n\nCABINET\n\nMinutes of the meeting held on 3 May 2022\n\n1. Quokkas\n\nThe quokka report was noted.\n' \
	>"$T/half/zedford/cabinet/2022-05-03.txt"
expect_status 0 "$IDX" --quiet --shard-by council --db "$T/killed" "$T/big" "$T/half"
[ "$("$SRCH" --db "$T/killed" --json --facet none quokka | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')" = 1 ] ||
	fail "the half-made shard was not made again"
ok

# --- remote shards over xapian-tcpsrv -----------------------------------------------
command -v xapian-tcpsrv >/dev/null 2>&1 || { echo "note: no xapian-tcpsrv, remote part skipped"; done_ok; }
answers "$T/one" "$T/ref.jsonl"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# wait_port PORT: until something listens there (5 s at most).
wait_port() {
	python3 - "$1" <<'EOF' || fail "nothing listening on port $1"
import socket, sys, time
for _ in range(100):
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), 0.2).close()
        sys.exit(0)
    except OSError:
        time.sleep(0.05)
sys.exit(1)
EOF
}
pids=""
cleanup_servers() { for p in $pids; do kill "$p" 2>/dev/null; done; }
trap 'cleanup_servers; chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT INT TERM

# In sessions of their own: xapian-tcpsrv signals its whole process group when it stops.
set -- $(sed -n 's/^auto //p' "$T/bycouncil/XAPIANDB")
[ $# -ge 3 ] || fail "need three shards for the remote test, have $#"
p1=$(free_port)
setsid xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$p1" "$T/bycouncil/$1" >/dev/null 2>&1 &
tcp1=$!
p2=$(free_port)
setsid xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$p2" "$T/bycouncil/$2" >/dev/null 2>&1 &
tcp2=$!
pids="$tcp1 $tcp2"
wait_port "$p1"
wait_port "$p2"
mkdir -p "$T/web"
shift 2
{
	echo "# two remote shards and the rest local"
	echo "remote 127.0.0.1:$p1"
	echo "remote 127.0.0.1:$p2"
	for s in "$@"; do echo "auto $T/bycouncil/$s"; done
} > "$T/web/stub"
# Without the control database beside it, a stub with remote shards is refused:
# the remote protocol carries no synonym table, so stemmed words would find nothing.
expect_status 1 "$SRCH" --db "$T/web/stub" --json safeguarding
grep -q "remote shards need the index's control database" "$T/err" ||
	fail "a stub of remote shards without control/ was not refused: $(cat "$T/err")"
ok
# The spelling table and the stems travel beside the stub (the remote protocol has neither).
ln -s "$T/bycouncil/control" "$T/web/control"
# Over remote shards snippets are placed by the query's terms alone (the
# background model would cost a round trip per word): all else is the same.
NOSNIP=1
answers "$T/one" "$T/ref.jsonl"
same "$T/ref.jsonl" "$T/web/stub" "two remote shards and local ones"
NOSNIP=0

# --- a shard that is down -------------------------------------------------------------
kill "$tcp1"
wait "$tcp1" 2>/dev/null
expect_status 1 "$SRCH" --db "$T/web/stub" --json --shard-timeout 500 budget
grep -q "remote 127.0.0.1:$p1" "$T/err" || fail "error does not name the shard that is down: $(cat "$T/err")"
expect_status 0 "$SRCH" --db "$T/web/stub" --json --shard-timeout 500 --allow-partial --facet all --limit 0 ""
json 'd["partial"] is True and d["missing_shards"] == ["remote 127.0.0.1:'"$p1"'"]' "$T/out" | grep -qx True ||
	fail "partial result does not name the missing shard: $(head -c 400 "$T/out")"
grep -q "warning: partial results.*remote 127.0.0.1:$p1" "$T/err" || fail "no warning line: $(cat "$T/err")"
all=$(head -1 "$T/ref.jsonl" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
part=$(json 'd["total"]' "$T/out")
[ "$part" -gt 0 ] && [ "$part" -lt "$all" ] || fail "partial total $part of $all"
ok

# --- a shard that accepts but never answers ---------------------------------------------
p3=$(free_port)
python3 -c '
import socket, sys, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(16)
conns = []
while True:
    c, _ = s.accept(); conns.append(c)   # hold it open, say nothing
' "$p3" &
pids="$pids $!"
wait_port "$p3"
{ echo "remote 127.0.0.1:$p2"; echo "remote 127.0.0.1:$p3"; for s in "$@"; do echo "auto $T/bycouncil/$s"; done; } > "$T/web/slow"
t0=$(date +%s)
expect_status 1 "$SRCH" --db "$T/web/slow" --json --shard-timeout 500 budget
grep -q "remote 127.0.0.1:$p3" "$T/err" || fail "error does not name the slow shard: $(cat "$T/err")"
expect_status 0 "$SRCH" --db "$T/web/slow" --json --shard-timeout 500 --allow-partial budget
json 'd["partial"] is True and d["missing_shards"] == ["remote 127.0.0.1:'"$p3"'"] and d["total"] > 0' "$T/out" |
	grep -qx True || fail "slow shard not reported as missing: $(head -c 400 "$T/out")"
[ $(( $(date +%s) - t0 )) -lt 15 ] || fail "a slow shard held searches for $(( $(date +%s) - t0 )) s"
ok
cleanup_servers
done_ok
