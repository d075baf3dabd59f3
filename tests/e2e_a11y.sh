#!/bin/sh
# e2e_a11y.sh - axe-core in headless Chromium over the search page (empty,
# results, a facet, no results, a query error, phone width), the trends
# view, a meeting page, an item page and a 404 page: no serious or critical
# violation.
#
# axe-core comes from npm (`npm install axe-core@4` into $AXE_DIR, by default
# ~/.cache/minutes-search/axe, done here when missing).  `make check` installs
# Chromium and npm first (check-deps); without either, or without the
# network for npm, this skips (77) and says why.
. tests/lib.sh

need_chromium
AXE_DIR=${AXE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/minutes-search/axe}
axe_js=$AXE_DIR/node_modules/axe-core/axe.min.js
if [ ! -f "$axe_js" ]; then
	command -v npm >/dev/null 2>&1 || skip "npm not installed (EXTRA_DEPS=npm make deps), needed for axe-core"
	# Without the network npm retries for minutes: give it one short try.
	timeout 300 npm install --prefix "$AXE_DIR" --no-audit --no-fund --fetch-retries=1 \
		--fetch-timeout=30000 axe-core@4 >"$T/npm.log" 2>&1 ||
		skip "npm could not install axe-core@4 (network?): $(grep -m 2 -i 'err' "$T/npm.log" | tr '\n' ' ')"
	[ -f "$axe_js" ] || skip "npm installed axe-core@4 without $axe_js"
fi

mkdir -p "$T/profile"
expect_status 0 "$BIN/minutes-index" --quiet --db "$T/db" corpora/sample
start_server --db "$T/db"

python3 tests/browser_a11y.py "$chromium" "http://127.0.0.1:$port" "$T/profile" "$axe_js"
case $? in
0) ;;
3) fail "axe-core found serious or critical violations (listed above)" ;;
*) fail "accessibility check did not run (Chromium log: $(tail -c 600 "$T/profile/chromium.log" 2>/dev/null))" ;;
esac
ok
kill -TERM $pid
wait $pid || fail "server did not stop cleanly"
ok
done_ok
