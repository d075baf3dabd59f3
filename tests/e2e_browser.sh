#!/bin/sh
# e2e_browser.sh - the search page in Debian's headless Chromium: type a
# query, click a facet, check the results changed, save screenshots.
#
# `make check` installs Debian's Chromium first (check-deps); where it could
# not (not root), this skips (77) and says so.  SCREENSHOT_DIR=docs keeps the
# screenshots (docs/screenshot-search.png, docs/screenshot-search-phone.png).
. tests/lib.sh

need_chromium

# The sample archive plus a meeting whose text holds < > & and a tag.
mkdir -p "$T/more" "$T/profile"
cp -R tests/data/markup-probe/. "$T/more"
expect_status 0 "$BIN/minutes-index" --quiet --db "$T/db" corpora/sample "$T/more"

start_server --db "$T/db"

shots=${SCREENSHOT_DIR:-$T}
python3 tests/browser_search.py "$chromium" "http://127.0.0.1:$port" "$T/profile" \
	"$shots/screenshot-search.png" "$shots/screenshot-search-phone.png" ||
	fail "browser test failed (Chromium log: $(tail -c 600 "$T/profile/chromium.log" 2>/dev/null))"
ok
kill -TERM $pid
wait $pid || fail "server did not stop cleanly"
ok
done_ok
