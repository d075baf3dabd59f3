#!/bin/sh
# e2e_search.sh - the searcher end to end on the sample archive, a small
# archive written here (synonym passages), and ../shared/seeds when present:
# every query form and field, date boundaries, facets against independent
# counts, synonyms both ways, suggestions, the three output formats,
# grouping, sorting, paging, --stats, malformed queries (exit 2) and a loop
# of strange queries that must never crash (exit 0 or 2 only).
. tests/lib.sh

S="$BIN/minutes-search"
# The shipped synonyms, wherever $BIN is (build/asan/bin has no ../common).
MINUTES_SYNONYMS=common/synonyms.txt; export MINUTES_SYNONYMS
# A leak inside libxapian on some syntax errors (see the file) must not fail the ASan run.
LSAN_OPTIONS="suppressions=$(pwd)/tests/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"; export LSAN_OPTIONS
expect_status 0 "$BIN/minutes-index" --quiet --db "$T/db" corpora/sample
DB="$T/db"

# A failure inside $(...) only ends the subshell: record it in $T/failed,
# which same and check look at first.
subfail() { echo "$*" >>"$T/failed"; fail "$@"; }
# q ARGS...: run a JSON search over the sample (all hits) into $T/q.json.
q() { "$S" --db "$DB" --json --limit 1000 --facet all --facet-limit 0 "$@" >"$T/q.json" 2>"$T/q.err" ||
	subfail "search $* exited $?: $(cat "$T/q.err")"; }
# ids ARGS...: the sorted ids of every hit, one line.
ids() { q "$@"; python3 -c 'import json,sys; print(" ".join(sorted(h["id"] for h in json.load(open(sys.argv[1]))["hits"])))' "$T/q.json"; }
# py EXPR: evaluate over d = $T/q.json; fail unless it prints True.
check() { [ -s "$T/failed" ] && fail "$(cat "$T/failed")"; r=$(json "$1" "$T/q.json") || fail "python: $1"; [ "$r" = True ] || fail "${2:-$1}"; ok; }
# setop 'A op B' IDS_A IDS_B: python set algebra over two id lists.
same() { [ -s "$T/failed" ] && fail "$(cat "$T/failed")"; [ "$1" = "$2" ] || fail "$3: '$1' != '$2'"; ok; }
setexpr() { python3 -c 'import sys; a=set(sys.argv[2].split()); b=set(sys.argv[3].split()); c=set(sys.argv[4].split()); print(" ".join(sorted(eval(sys.argv[1]))))' "$@"; }

# --- query forms ------------------------------------------------------------
A=$(ids safeguarding); B=$(ids children); C=$(ids ofsted)
[ -n "$A" ] && [ -n "$B" ] && [ -n "$C" ] || fail "sample lacks safeguarding/children/ofsted"
same "$(ids safeguarding children)" "$(setexpr 'a & b' "$A" "$B" "")" "implicit AND"
same "$(ids safeguarding AND children)" "$(setexpr 'a & b' "$A" "$B" "")" "AND"
same "$(ids safeguarding and children)" "$(setexpr 'a & b' "$A" "$B" "")" "lower-case and"
same "$(ids safeguarding OR children)" "$(setexpr 'a | b' "$A" "$B" "")" "OR"
same "$(ids safeguarding or children)" "$(setexpr 'a | b' "$A" "$B" "")" "lower-case or"
same "$(ids safeguarding NOT children)" "$(setexpr 'a - b' "$A" "$B" "")" "NOT"
same "$(ids safeguarding not children)" "$(setexpr 'a - b' "$A" "$B" "")" "lower-case not"
same "$(ids -- +safeguarding -children)" "$(setexpr 'a - b' "$A" "$B" "")" "+ and -"
same "$(ids '(safeguarding OR ofsted) AND children')" "$(setexpr '(a | c) & b' "$A" "$B" "$C")" "parentheses"
same "$(ids 'safeguarding OR (ofsted AND children)')" "$(setexpr 'a | (c & b)' "$A" "$B" "$C")" "parentheses 2"
# NEAR narrows AND; a phrase narrows NEAR; a tight window narrows a wide one.
AND=$(ids children AND care); NEAR=$(ids children NEAR care); PH=$(ids '"children in care"')
N2=$(ids children NEAR/2 care)
same "$(setexpr 'b - a' "$AND" "$NEAR" "")" "" "NEAR outside AND"
same "$(setexpr 'b - a' "$NEAR" "$PH" "")" "" "phrase outside NEAR"
same "$(setexpr 'b - a' "$NEAR" "$N2" "")" "" "NEAR/2 outside NEAR"
[ -n "$PH" ] || fail "no \"children in care\" phrase hits"
# Every phrase hit really holds the phrase (case-insensitive, any spacing).
q '"children in care"'
check 'all(__import__("re").search(r"children\s+in\s+care", open(h["path"]).read(), __import__("re").I) for h in d["hits"])' \
	"a phrase hit's file lacks the phrase"
# Wildcards: safeguard* covers safeguarding; exact quoting does not stem.
same "$(setexpr 'b - a' "$(ids 'safeguard*')" "$A" "")" "" "safeguard* misses safeguarding hits"
same "$(setexpr 'b - a' "$(ids children)" "$(ids '"children"')" "")" "" "quoted word outside stemmed"
q 'child*'; check 'd["total"] >= 40' "child* found too little"
# A stemmed word finds every form the index holds (through its stem's
# synonyms); each quoted form is exact and found by the stem.
P=$(ids placement)
[ -n "$P" ] || fail "sample lacks placement"
for form in placement placements; do
	same "$(setexpr 'b - a' "$P" "$(ids "\"$form\"")" "")" "" "\"$form\" outside placement"
done
same "$(setexpr 'a ^ (b | c)' "$P" "$(ids '"placement"')" "$(ids '"placements"')")" "" "placement is not its forms"
# Stopwords are not indexed: a phrase with one is found as the phrase without it.
q '"cost of living"'
check 'd["total"] > 0 and all(__import__("re").search(r"cost\W+(\w+\W+)?living", open(h["path"]).read(), __import__("re").I) for h in d["hits"])' \
	"a \"cost of living\" hit's file lacks the words"
same "$(ids '"cost of living"')" "$(ids '"cost living"')" "stopword in a phrase"
same "$(ids 'cost-of-living')" "$(ids '"cost living"')" "stopword in a compound"
same "$(ids 'the budget of the council')" "$(ids budget council)" "stopwords in a list of words"
# Nothing but stopwords (or one that must match) is refused, by name.
expect_status 2 "$S" --db "$DB" the
grep -q 'too common to be indexed ("the")' "$T/err" || fail "stopword-only query: $(cat "$T/err")"
expect_status 2 "$S" --db "$DB" '"of the"'
expect_status 2 "$S" --db "$DB" 'budget AND the'
grep -q 'leave out "the"' "$T/err" || fail "required stopword: $(cat "$T/err")"
# Wildcards together expand to a bounded number of words: a query of
# many wildcards is refused at once, one or two short ones still run.
wild=$(python3 -c 'import string; print(" OR ".join(c + "*" for c in string.ascii_lowercase[:23] * 7))')
t0=$(date +%s)
expect_status 2 "$S" --db "$DB" "$wild"
grep -q 'wildcards match too many words' "$T/err" || fail "many wildcards: $(head -c 300 "$T/err")"
[ $(($(date +%s) - t0)) -le 2 ] || fail "refusing many wildcards took $(($(date +%s) - t0)) s"
q 'safe* OR child*'; check 'd["total"] > 0' "two wildcards"

# --- fields -----------------------------------------------------------------
q council:westholme; check 'd["total"] > 0 and all(h["council"] == "Westholme County Council" for h in d["hits"])' "council: partial name"
q 'committee:"corporate parenting"'; check 'd["total"] > 0 and all(h["committee"] == "Corporate Parenting Committee" for h in d["hits"])' "committee: quoted partial"
q 'committee:audit'; check 'd["total"] > 0 and all(h["committee"] == "Audit and Governance Committee" for h in d["hits"])' "committee: one word"
expect_status 2 "$S" --db "$DB" 'committee:scrutiny'      # a panel and a committee
grep -q "ambiguous" "$T/err" || fail "ambiguous committee message: $(cat "$T/err")"
grep -q "services scrutiny committee" "$T/err" && grep -q "scrutiny panel" "$T/err" || fail "ambiguity message lists no candidates"
q person:okafor
# Present or chairing: every meeting Okafor chaired, only files naming Okafor,
# and not the one where Okafor only sent apologies.
check 'd["total"] > 0 and {"corpora/sample/" + f["path"] for f in __import__("json").load(open("corpora/sample.truth.json")) if f["chair"] == "Okafor"} <= {h["path"] for h in d["hits"]} <= set(__import__("subprocess").run(["grep", "-ril", "okafor", "corpora/sample"], capture_output=True, text=True).stdout.split()) and not any(h["path"].endswith("2024-06-18.txt") for h in d["hits"])' \
	"person:okafor is not the meetings Okafor attended"
q 'item:"01/18"'; check 'd["total"] == 1 and d["hits"][0]["item"] == "01/18"' "item:"
q 'title:apologies'; check 'd["total"] >= 10 and all("apolog" in h["title"].lower() for h in d["hits"])' "title:"
RES=$(ids resolved:noted); ALL=$(ids noted)
[ -n "$RES" ] || fail "resolved:noted found nothing"
same "$(setexpr 'b - a' "$ALL" "$RES" "")" "" "resolved: hits outside the words' hits"
q format:markdown; check 'd["total"] > 0 and all(h["path"].endswith(".md") for h in d["hits"])' "format:"
q kind:agenda; check 'd["total"] > 0 and all(h["kind"] == "agenda" for h in d["hits"])' "kind:"
q year:2021; check 'd["total"] > 0 and all(h["date"].startswith("2021") for h in d["hits"])' "year:"
same "$(ids year:2021)" "$(ids date:2021..2021)" "year: != date:YYYY..YYYY"
# Filters: AND across fields, OR within one.
q --filter committee=cabinet --filter committee=audit --filter council=fellmarsh
check 'd["total"] > 0 and all(h["council"] == "Fellmarsh District Council" and h["committee"] in ("Cabinet", "Audit and Governance Committee") for h in d["hits"])' "--filter combination"
expect_status 2 "$S" --db "$DB" --filter colour=red x

# --- dates at the boundaries ---------------------------------------------------
q ''
D=$(json 'sorted({h["date"] for h in d["hits"] if h["date"]})[len({h["date"] for h in d["hits"] if h["date"]})//2]' "$T/q.json")
prev=$(python3 -c "import datetime,sys; print(datetime.date.fromisoformat(sys.argv[1]) - datetime.timedelta(days=1))" "$D")
next=$(python3 -c "import datetime,sys; print(datetime.date.fromisoformat(sys.argv[1]) + datetime.timedelta(days=1))" "$D")
q "date:$D..$D"; check "d['total'] > 0 and all(h['date'] == '$D' for h in d['hits'])" "date:D..D"
ONE=$(ids "date:$D..$D")
same "$(ids --from "$D" --to "$D" '')" "$ONE" "--from/--to one day"
same "$(ids "date:$prev..$D")" "$ONE" "range ending on D (inclusive)"
same "$(ids "date:$D..$next")" "$ONE" "range starting on D (inclusive)"
same "$(ids "date:$next..")" "$(ids "date:$D.." NOT "date:$D..$D")" "open end"
q "date:$D.."; check "d['total'] > 0 and all(h['date'] >= '$D' for h in d['hits'])" "date:D.."
q "date:..$D"; check "d['total'] > 0 and all(h['date'] <= '$D' for h in d['hits'])" "date:..D"
q --from "$D" ''; check "all(h['date'] >= '$D' for h in d['hits'])" "--from"
q --to "$D" ''; check "all(h['date'] <= '$D' for h in d['hits'])" "--to"
M=$(echo "$D" | cut -c1-7)
q "date:$M..$M"; check "d['total'] > 0 and all(h['date'].startswith('$M') for h in d['hits'])" "date:YYYY-MM"
expect_status 2 "$S" --db "$DB" 'date:2019-13-01..2020'
expect_status 2 "$S" --db "$DB" --from yesterday x

# --- facets: the whole matching set, checked independently ---------------------
for query in '' safeguarding 'children OR council' 'date:2019..2021'; do
	q "$query"
	check 'all({v["value"]: v["count"] for v in d["facets"][f]} == {k: n for k, n in __import__("collections").Counter(h[key] for h in d["hits"] if h[key]).items()} for f, key in (("council", "council"), ("committee", "committee"), ("kind", "kind")))' \
		"facets of '$query' differ from counts over its hits"
	check 'sum(v["count"] for v in d["facets"]["year"]) == sum(1 for h in d["hits"] if h["date"]) and d["facets_exact"]' \
		"year facet of '$query' does not add up"
done
# Against the truth written by hand: items + front matter per council and format.
q ''
check 'sorted((v["value"], v["count"]) for v in d["facets"]["council"]) == sorted(__import__("functools").reduce(lambda c, f: c.update({f["council"].replace(" (from folder only)", ""): len(f["items"]) + 1}) or c, __import__("json").load(open("corpora/sample.truth.json")) + __import__("json").load(open("corpora/formats.truth.json")), __import__("collections").Counter()).items())' \
	"council facet differs from corpora/sample.truth.json + formats.truth.json"
check '{v["value"]: v["count"] for v in d["facets"]["format"]} == dict(__import__("functools").reduce(lambda c, f: c.update({{"txt": "text", "txt.gz": "text", "zip/txt": "text", "md": "markdown", "zip/md": "markdown"}.get(f["format"], f["format"]): len(f["items"]) + 1}) or c, __import__("json").load(open("corpora/sample.truth.json")) + __import__("json").load(open("corpora/formats.truth.json")), __import__("collections").Counter()))' \
	"format facet differs from the truth"
# The person facet counts surnames, so a facet value used as a filter gives its count.
python3 -c 'import json,sys; [print(v["value"], v["count"]) for v in json.load(open(sys.argv[1]))["facets"]["person"][:8]]' "$T/q.json" >"$T/people"
while read -r name n; do
	q "person:$name"; check "d['total'] == $n" "person facet $name ($n) != person:$name"
done <"$T/people"
# Cut short: marked in JSON and in text.
q --count-limit 3 --limit 2 children; check 'not d["facets_exact"]' "count-limit did not mark facets inexact"
expect_status 0 "$S" --db "$DB" --count-limit 3 children
grep -q "estimates" "$T/out" || fail "text output does not mark inexact facets"

# --- synonyms both ways, on passages written here -------------------------------
mkdir -p "$T/syn/westby-borough-council/corporate-parenting-committee" "$T/syn/westby-borough-council/scrutiny-panel" "$T/syn/eastby-district-council/cabinet"
printf 'WESTBY BOROUGH COUNCIL\n\nCORPORATE PARENTING COMMITTEE\n\nTuesday 15th January 2019\n\nPresent: Councillor Ashworth (Chair)\nCouncillors Brindle and Calloway\n\n1/19 Apologies\n\nNone.\n\n2/19 Missing Children\n\nThe Head of Service reported on the multi-agency response to CSE in the borough.\n' \
	>"$T/syn/westby-borough-council/corporate-parenting-committee/2019-01-15.txt"
printf 'WESTBY BOROUGH COUNCIL\n\nSCRUTINY PANEL\n\nTuesday 31st December 2019\n\nPresent: Councillor Brindle (Chair)\nCouncillors Ashworth and Fairclough\n\n10/19 Apologies\n\nNone.\n\n11/19 Exploitation Strategy\n\nMembers scrutinised the strategy on child sexual exploitation and training for taxi drivers.\n\n12/19 Care Leavers\n\nThe panel heard about unaccompanied asylum seeking children leaving care.\n' \
	>"$T/syn/westby-borough-council/scrutiny-panel/2019-12-31.txt"
printf 'EASTBY DISTRICT COUNCIL\n\nCABINET\n\nWednesday 1st January 2020\n\nPresent: Councillor Gorton (Chair)\nCouncillors Holt and Ibbotson\n\n5 Apologies\n\nNone.\n\n6 Annual Report\n\nThe Cabinet received the annual report, which covered UASC placements.\n' \
	>"$T/syn/eastby-district-council/cabinet/2020-01-01.txt"
expect_status 0 "$BIN/minutes-index" --quiet --db "$T/syndb" "$T/syn"
sq() { "$S" --db "$T/syndb" --json --limit 100 "$@" >"$T/q.json" 2>"$T/q.err" || fail "search $* failed: $(cat "$T/q.err")"; }
sq child sexual exploitation; check '{h["title"] for h in d["hits"]} == {"Missing Children", "Exploitation Strategy"}' "child sexual exploitation does not find the CSE-only item"
sq CSE; check '{h["title"] for h in d["hits"]} == {"Missing Children", "Exploitation Strategy"}' "CSE does not find the phrase-only item"
sq unaccompanied asylum seeking children; check '{h["title"] for h in d["hits"]} == {"Care Leavers", "Annual Report"}' "UASC-only minutes not found"
sq --no-synonyms CSE; check '{h["title"] for h in d["hits"]} == {"Missing Children"}' "--no-synonyms still expands"
printf 'taxi = hackney carriage\n' >"$T/user-syn.txt"
sq --synonyms "$T/user-syn.txt" hackney carriage; check '{h["title"] for h in d["hits"]} == {"Exploitation Strategy"}' "user synonyms file ignored"

# --- suggestions ---------------------------------------------------------------
q safegaurding; check 'd["suggestion"] == "safeguarding" and d["total"] == 0' "no 'did you mean' for safegaurding"
q safeguarding; check 'd["suggestion"] is None' "suggestion for a correct word"
expect_status 0 "$S" --db "$DB" 'childern AND safegaurding'
grep -q "Did you mean: children AND safeguarding" "$T/out" || fail "text suggestion: $(head -3 "$T/out")"

# --- output formats ------------------------------------------------------------
expect_status 0 "$S" --db "$DB" --json --limit 7 safeguarding
json 'set(d) >= {"query","total","estimated","hits","facets","facets_exact","suggestion"} and len(d["hits"]) == 7 and all(set(h) >= {"id","council","committee","date","item","title","path","snippet","score"} for h in d["hits"])' "$T/out" | grep -qx True ||
	fail "JSON lacks documented keys"
ok
expect_status 0 "$S" --db "$DB" --csv --limit 7 safeguarding
python3 -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1], newline=""))); assert r[0][:4]==["id","council","committee","date"], r[0]; assert len(r)==8, len(r); assert all(len(x)==len(r[0]) for x in r); assert all("safeguard" in x[-1].lower() for x in r[1:])' "$T/out" ||
	fail "CSV does not parse as 7 rows of the header's width"
ok
expect_status 0 "$S" --db "$DB" --limit 3 safeguarding
grep -q "items match" "$T/out" && grep -q "^council:" "$T/out" || fail "text output: $(head -5 "$T/out")"
grep -q "$(printf '\033')" "$T/out" && fail "escape codes when not a terminal"
ok

# --- grouping, sorting, paging ---------------------------------------------------
q --group meeting children
check 'len({h["meeting"] for h in d["hits"]}) == len(d["hits"]) > 1' "--group meeting repeats a meeting"
q --sort date children; check '[h["date"] or "" for h in d["hits"]] == sorted(h["date"] or "" for h in d["hits"])' "--sort date"
q --sort -date children; check '[h["date"] or "" for h in d["hits"]] == sorted((h["date"] or "" for h in d["hits"]), reverse=True)' "--sort -date"
for sort in relevance date -date; do
	"$S" --db "$DB" --json --sort "$sort" --limit 40 children >"$T/all.json" || fail "paging base"
	: >"$T/pages"
	for off in 0 5 10 15 20 25 30 35; do
		"$S" --db "$DB" --json --sort "$sort" --limit 5 --offset "$off" children >"$T/p.json" || fail "page $off"
		json '"\n".join(h["id"] for h in d["hits"])' "$T/p.json" >>"$T/pages"
	done
	json '"\n".join(h["id"] for h in d["hits"])' "$T/all.json" >"$T/whole"
	diff "$T/whole" "$T/pages" >/dev/null || fail "--offset pages differ from one page (sort $sort)"
	ok
done

# --- statistics ----------------------------------------------------------------------
expect_status 0 "$S" --db "$DB" --stats --json
# Meetings and councils as the hand-written truth files list them.
TRUTH='__import__("json").load(open("corpora/sample.truth.json")) + (__import__("json").load(open("corpora/formats.truth.json")) if __import__("os").path.exists("corpora/formats.truth.json") else [])'
NMEET=$(python3 -c "print(len($TRUTH))")
NCOUNCIL=$(python3 -c "print(len({f['council'].replace(' (from folder only)', '') for f in $TRUTH}))")
json "d['meetings'] == $NMEET and d['items'] + d['meetings'] == d['documents'] and d['first_date'] <= d['last_date'] and len(d['councils']) == $NCOUNCIL" "$T/out" | grep -qx True ||
	fail "--stats --json: $(cat "$T/out")"
ok
expect_status 0 "$S" --db "$DB" --stats
grep -q "^meetings: *$NMEET\$" "$T/out" || fail "--stats text: $(head -2 "$T/out")"

# --- malformed queries ----------------------------------------------------------------
for bad in '"children AND (' 'children AND' 'OR' '(care OR' 'care)' '"sexual exploitation" NEAR children' '+' '()' 'committee:scrutiny'; do
	expect_status 2 "$S" --db "$DB" "$bad"
	[ -s "$T/err" ] || fail "no message for '$bad'"
done

# --- strange queries never crash ------------------------------------------------------
python3 - "$T/fuzz" <<'PY'
import random, sys
random.seed(5)
qs = ["a" * 10240, "(" * 500 + "x" + ")" * 500, "AND OR NOT NEAR ADJ", "NEAR", "NOT", "-" * 50,
      "\"" * 7, "*", "a*" * 300, "title:", "date:..", "date:x..y", "committee:", "::::", "\\",
      "x NEAR/999999999999 y", "safeguarding\x01\x02\x7f", "\xff\xfe", "名古屋 委員会", "café NEAR naïve",
      "\U0001F600" * 100, "person:\"\"", "year:abcd", "OR OR OR x", "x AND (y OR (z NOT", "%s%n%x",
      "'; DROP TABLE items; --", "date:2019-02-30..2019-03-01", "+-+-x", "title:\"a\" NEAR b"]
ops = ["AND", "OR", "NOT", "NEAR", "NEAR/3", "ADJ", "(", ")", "\"", "+", "-", "*", "council:", "date:", "year:"]
for _ in range(60):
    qs.append(" ".join(random.choice(ops + ["children", "care", "cse", "x"]) for _ in range(random.randint(1, 12))))
with open(sys.argv[1], "wb") as f:
    for q in qs:
        b = q.encode("utf-8", "surrogateescape") if isinstance(q, str) else q
        f.write(b.replace(b"\n", b" ").replace(b"\0", b" ") + b"\n")
PY
printf 'bad\377\376bytes\n' >>"$T/fuzz"
n=0
while IFS= read -r line; do
	"$S" --db "$DB" --json -- "$line" >/dev/null 2>"$T/ferr"
	rc=$?
	[ "$rc" = 0 ] || [ "$rc" = 2 ] || fail "query #$n exited $rc: $(head -c 300 "$T/ferr")"
	n=$((n + 1))
done <"$T/fuzz"
[ "$n" -ge 90 ] || fail "fuzz loop ran only $n queries"
ok

# --- the real seeds ------------------------------------------------------------------
[ -d ../shared/seeds ] || { echo "seeds absent: skipping that part"; done_ok; }
expect_status 0 "$BIN/minutes-index" --quiet --db "$T/seeds" ../shared/seeds
DB="$T/seeds"
q safeguarding; check 'd["total"] > 0 and d["facets_exact"] and sum(v["count"] for v in d["facets"]["council"]) == sum(1 for h in d["hits"] if h["council"])' "seeds: safeguarding"
SA=$(ids safeguarding); SB=$(ids children)
same "$(ids safeguarding AND children)" "$(setexpr 'a & b' "$SA" "$SB" "")" "seeds: AND"
same "$(ids safeguarding OR children)" "$(setexpr 'a | b' "$SA" "$SB" "")" "seeds: OR"
same "$(ids safeguarding NOT children)" "$(setexpr 'a - b' "$SA" "$SB" "")" "seeds: NOT"
q --sort -date 'safeguard*'; check 'd["total"] > 0 and [h["date"] or "" for h in d["hits"]] == sorted((h["date"] or "" for h in d["hits"]), reverse=True)' "seeds: wildcard, -date"
q --group meeting children; check 'len({h["meeting"] for h in d["hits"]}) == len(d["hits"])' "seeds: group"
done_ok
