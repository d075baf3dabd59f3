#!/bin/sh
# e2e_bench_smoke.sh - a tiny run of the benchmark and accuracy harnesses
#
# scripts/bench on a 10-meeting archive with five queries and one round, and
# scripts/accuracy on 5 generated meetings plus corpora/sample: checks that
# every stage ran and measured what it claims (files indexed, no-op re-run
# indexing nothing, the 1% change re-indexed, query latencies for each engine),
# that the work directory is removed, and that a BENCHMARKS.md section is
# replaced in place.  Never installs packages; peers that are not installed
# are left out.  The real benchmark is `make bench`, outside `make check`.
. tests/lib.sh

command -v python3 >/dev/null 2>&1 || skip "python3 not installed"
[ -x /usr/bin/time ] || skip "GNU time not installed"
[ -x "$BIN/minutes-index" ] && [ -x "$BIN/minutes-search" ] || fail "programs not built in $BIN"
mkdir "$T/work"

BENCH_DIR="$T/work" expect_status 0 scripts/bench --meetings 10 --rounds 1 --queries 5 \
	--server-duration 1 --no-install --no-write --bin "$BIN" --json-out "$T/b.json"
[ -z "$(ls -A "$T/work")" ] || fail "bench left files behind: $(ls "$T/work")"
ok

check() {
	got=$(json "$1" "$T/b.json") || fail "cannot evaluate $1"
	[ "$got" = True ] || fail "bench: $1 is false: $(json "$2" "$T/b.json" 2>/dev/null)"
	ok
}
check 'd["archive"]["files"] == 10 and d["archive"]["text_mb"] > 0' 'd["archive"]'
check 'd["ours"]["full"]["report"]["indexed"] == 10' 'd["ours"]["full"]["report"]'
check 'd["ours"]["full"]["report"]["items"] > 50 and d["ours"]["size_mb"] > 0' 'd["ours"]["full"]["report"]'
check 'd["ours"]["noop"]["report"]["indexed"] == 0 and d["ours"]["noop"]["report"]["unchanged"] == 10' 'd["ours"]["noop"]["report"]'
check 'd["changed"] == 1 and d["ours"]["change"]["report"]["indexed"] == 1' 'd["ours"]["change"]["report"]'
check 'len(d["q"]["ours"]) == 5 and all(x > 0 for x in d["q"]["ours"])' 'd["q"]'
check 'd["totals"][0] > 0' 'd["totals"]'
check 'len(d["q"]["fts5_facets"]) == 5 and d["fts5_totals"][0] > 0 and d["fts5"]["size_mb"] > 0' 'd["fts5"]'
check 'len(d["q"]["grep"]) == 5' 'd["q"]'
check '"themes --period" in d["research_text"] and "MISSED" not in d["research_text"]' 'd["research_text"]'
if command -v wrk >/dev/null 2>&1; then
	check '{l.split()[0] for l in d["server_text"].splitlines() if l.split()} >= {"no-cache", "no-cache@8", "cache"}' 'd["server_text"]'
fi
if command -v omindex >/dev/null 2>&1; then
	check 'd["omindex"]["size_mb"] > 0 and len(d["q"]["quest"]) == 5' 'd["omindex"]'
fi

BENCH_DIR="$T/work" expect_status 0 scripts/accuracy --meetings 5 --no-write --bin "$BIN" \
	--json-out "$T/a.json"
[ -z "$(ls -A "$T/work")" ] || fail "accuracy left files behind: $(ls "$T/work")"
got=$(json '[s["files"] for s in d["sets"]]' "$T/a.json")
want=$(json '"[5, %d]" % len(d)' corpora/sample.truth.json)
[ "$got" = "$want" ] || fail "accuracy explained $got files, expected $want"
ok
# The sample's councils are right in every file (two name it only in the folder).
got=$(json 'd["sets"][1]["exact"]["council"] >= 50 and d["sets"][1]["failed"] == 0' "$T/a.json")
[ "$got" = True ] || fail "accuracy on corpora/sample: $(json 'd["sets"][1]' "$T/a.json")"
ok

# The doc writer replaces its own section and leaves the others alone.
printf '# Benchmarks\n\n<!-- other begin -->\n## Other\nkeep me\n<!-- other end -->\n' >"$T/doc.md"
python3 - "$T/doc.md" <<'EOF' || fail "update_doc"
import sys
sys.path.insert(0, "scripts")
import benchlib
benchlib.update_doc(sys.argv[1], "k", "Mine", "first\n")
benchlib.update_doc(sys.argv[1], "k", "Mine", "second\n")
d = open(sys.argv[1]).read()
assert d.count("<!-- k begin -->") == 1 and "second" in d and "first" not in d, d
assert "keep me" in d and d.index("keep me") < d.index("second"), d
EOF
ok

done_ok
