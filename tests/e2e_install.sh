#!/bin/sh
# e2e_install.sh - `make install` into a DESTDIR: the programs, the synonyms,
# the systemd units (with ExecStart under PREFIX) and the settings file; an
# edited settings file survives a reinstall; `make uninstall` removes the rest.
# Uses the programs already built in $BIN (skipped when there are none).
. tests/lib.sh

[ -x "$BIN/minutes-index" ] && [ -x "$BIN/minutes-search" ] || skip "no programs in $BIN"
command -v make >/dev/null 2>&1 || skip "no make"
D=$T/dest
P=/opt/minutes
inst() { make -s --no-print-directory BIN="$BIN" BUILD="${BUILD:-build}" PREFIX=$P DESTDIR="$D" "$@"; }

inst install >"$T/log" 2>&1 || fail "make install: $(tail -n 5 "$T/log")"
for f in bin/minutes-index bin/minutes-search bin/minutes-search-serve share/minutes-search/synonyms.txt \
	 share/doc/minutes-search/DEPLOY.md lib/systemd/system/minutes-search.service \
	 lib/systemd/system/minutes-index.service lib/systemd/system/minutes-index.timer; do
	[ -s "$D$P/$f" ] || fail "make install did not install $P/$f"
	ok
done
[ -x "$D$P/bin/minutes-search" ] || fail "minutes-search is not executable"
# `minutes-search serve` (what the unit runs) finds the server beside itself, installed.
"$D$P/bin/minutes-search" serve --help >"$T/help" 2>&1 || fail "installed 'minutes-search serve --help': $(head -n 3 "$T/help")"
grep -q "^Usage: minutes-search serve" "$T/help" || fail "installed serve --help: $(head -n 1 "$T/help")"
[ -s "$D/etc/default/minutes-search" ] || fail "no /etc/default/minutes-search"
ok

U=$D$P/lib/systemd/system
grep -qx "ExecStart=$P/bin/minutes-search serve --db \${MINUTES_DB} --listen \${MINUTES_LISTEN} \$MINUTES_SERVE_OPTS" \
	"$U/minutes-search.service" || fail "server ExecStart: $(grep ExecStart "$U/minutes-search.service")"
grep -qx "ExecStart=$P/bin/minutes-index --db \${MINUTES_DB} \$MINUTES_INDEX_OPTS \$MINUTES_ARCHIVE" \
	"$U/minutes-index.service" || fail "indexer ExecStart: $(grep ExecStart "$U/minutes-index.service")"
ok
for u in minutes-search.service minutes-index.service; do
	grep -qx "EnvironmentFile=/etc/default/minutes-search" "$U/$u" || fail "$u: EnvironmentFile"
	grep -qx "DynamicUser=yes" "$U/$u" || fail "$u: not a dynamic user"
	grep -qx "User=minutes-search" "$U/$u" || fail "$u: the two units must share User="
	ok
done
grep -q '@[A-Z]*@' "$U"/* && fail "unsubstituted @VARIABLE@ in $(grep -l '@[A-Z]*@' "$U"/*)"
ok
# Every variable the units use is set in the settings file.
for v in $(grep -ho '\${\{0,1\}MINUTES_[A-Z_]*' "$U"/*.service | tr -d '${' | sort -u); do
	grep -q "^$v=" "$D/etc/default/minutes-search" || fail "$v is not in /etc/default/minutes-search"
	ok
done

# The units are valid for systemd (when it is here to say so).  verify
# checks that ExecStart's binary exists, so it runs with the DESTDIR paths.
if command -v systemd-analyze >/dev/null 2>&1; then
	mkdir -p "$T/verify"
	for u in minutes-search.service minutes-index.service minutes-index.timer; do
		sed -e "s|$P/bin/|$D$P/bin/|g" -e "s|EnvironmentFile=/etc/|EnvironmentFile=$D/etc/|" \
			"$U/$u" > "$T/verify/$u"
	done
	# Only lines about our units: on a machine without systemd as PID 1,
	# verify also complains about the host's own units.
	(cd "$T/verify" && SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no \
		minutes-search.service minutes-index.service minutes-index.timer) >"$T/verify.log" 2>&1
	if grep -i 'minutes-' "$T/verify.log" | grep -v 'Documentation' >"$T/verify.bad"; [ -s "$T/verify.bad" ]; then
		fail "systemd-analyze verify: $(cat "$T/verify.bad")"
	fi
	ok
fi

# An edited settings file is kept by a reinstall.
echo "MINUTES_LISTEN=127.0.0.1:9999" >> "$D/etc/default/minutes-search"
inst install >"$T/log" 2>&1 || fail "second make install: $(tail -n 5 "$T/log")"
grep -q 9999 "$D/etc/default/minutes-search" || fail "reinstall overwrote the settings"
ok

inst uninstall >"$T/log" 2>&1 || fail "make uninstall: $(tail -n 5 "$T/log")"
left=$(cd "$D" && find . -type f ! -path ./etc/default/minutes-search)
[ -z "$left" ] || fail "make uninstall left: $left"
ok
done_ok
