#!/bin/sh
# e2e_rebuild.sh - a running server sees `minutes-index --full` without a
# restart.  The rebuild is swapped in as a new directory whose Xapian
# revision can equal the old one's, which Xapian's reopen() takes for "no
# change"; the searcher notices the new directory instead (search.c).
# Also the symlink flip of docs/SCALING.md and docs/DEPLOY.md.
. tests/lib.sh

command -v curl >/dev/null 2>&1 || skip "curl not installed"
mkdir -p "$T/arch/hollinwick-town-council/finance-committee"
meeting() { # FILE DATE WORD
	cat > "$1" <<EOM
Hollinwick Town Council
Finance Committee
Minutes of the meeting held on $2

Present: Councillor A. Bell (Chair), Councillor C. Dunn

1 Apologies
None.

2 $3 allotments
The $3 allotment lease was renewed.
EOM
}
D=$T/arch/hollinwick-town-council/finance-committee
meeting "$D/2022-05-10.txt" "10 May 2022" Zebrafinch
expect_status 0 "$BIN/minutes-index" --quiet --db "$T/db" "$T/arch"

serve "$T/db" --threads 1 --cache 100
total() { curl -s "http://127.0.0.1:$port/api/search?q=$1&facet=none" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }
# wait_total WORD N WHAT: the server answers N hits for WORD within 5 s.
wait_total() {
	for _ in $(seq 50); do
		[ "$(total "$1")" = "$2" ] && { ok; return; }
		sleep 0.1
	done
	fail "$3: '$1' still has $(total "$1") hits, expected $2"
}
wait_total zebrafinch 1 "first index"

# Twice: the second rebuild of the same archive has the same revision.
for word in Quagmire Kestrel; do
	meeting "$D/2022-05-10.txt" "10 May 2022" $word
	expect_status 0 "$BIN/minutes-index" --quiet --full --db "$T/db" "$T/arch"
	lc=$(echo $word | tr A-Z a-z)
	wait_total "$lc" 1 "after --full"
	wait_total zebrafinch 0 "after --full"
done

# A symlink flipped to another database (a restore, a swapped copy).
meeting "$D/2022-05-10.txt" "10 May 2022" Heron
expect_status 0 "$BIN/minutes-index" --quiet --db "$T/db2" "$T/arch"
mv "$T/db" "$T/db1" && ln -s db2 "$T/db.new" && mv -T "$T/db.new" "$T/db"
wait_total heron 1 "after the symlink flip"

kill $pid && wait $pid || fail "server exit status $? after SIGTERM"
ok
done_ok
