# tests/lib.sh - helpers for the end-to-end tests (sourced, POSIX sh)
#
# Each e2e test runs from the repository root with $BIN set, makes its own
# temporary directory (removed on exit) and calls fail/skip.

BIN=${BIN:-bin}
T=$(mktemp -d "${TMPDIR:-/tmp}/minutes-e2e.XXXXXX") || exit 1
# Background processes (kill_at_exit PID) are killed when the script ends.
bgpids=""
trap 'kill $bgpids 2>/dev/null; chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT INT TERM
kill_at_exit() { bgpids="$bgpids $*"; }

# Debian's python3 starts in a tenth of the time of a pyenv shim; tests call it
# often.  A PATH entry, not a shell function: "python3 ... &" must leave $! the
# python process itself, so that tests can kill what they start in the background.
if [ -x /usr/bin/python3 ]; then
	mkdir -p "$T/.bin" && ln -sf /usr/bin/python3 "$T/.bin/python3" && PATH="$T/.bin:$PATH"
fi

checks=0
fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*" >&2; exit 77; }
ok()   { checks=$((checks + 1)); }

# expect_status WANT CMD...: run CMD, fail unless its exit status is WANT.
expect_status() {
	want=$1; shift
	"$@" >"$T/out" 2>"$T/err"
	got=$?
	[ "$got" = "$want" ] || fail "'$*' exited $got, expected $want; stderr: $(head -c 400 "$T/err")"
	ok
}

# json EXPR FILE: evaluate a Python expression over the JSON document d in FILE.
json() { python3 -c "import json,sys; d=json.load(open(sys.argv[2])); print($1)" "$1" "$2"; }

# done_ok: the script's end.  A script that checked nothing has not passed.
done_ok() {
	[ "$checks" -gt 0 ] || fail "no check ran"
	echo "$(basename "$0"): $checks checks passed"
	exit 0
}

# start_server ARGS...: `minutes-search serve --listen 127.0.0.1:0 ARGS` in
# the background, its stderr in $T/srv.err; waits for the port in its banner
# and sets $pid, $port and $U (the base URL).  The server is killed at exit.
start_server() {
	# Emptied here, not by the child's redirection: read before the child runs,
	# the previous server's banner would give its (closed) port (as in scripts/bench-server).
	: >"$T/srv.err"
	"$BIN/minutes-search" serve --listen 127.0.0.1:0 "$@" 2>>"$T/srv.err" &
	pid=$!
	kill_at_exit $pid
	port=""
	for _ in $(seq 100); do
		port=$(sed -n 's|.*on http://127.0.0.1:\([0-9]*\)/$|\1|p' "$T/srv.err")
		[ -n "$port" ] && break
		kill -0 $pid 2>/dev/null || fail "server exited: $(cat "$T/srv.err")"
		sleep 0.1
	done
	[ -n "$port" ] || fail "no port in the server's banner: $(cat "$T/srv.err")"
	U="http://127.0.0.1:$port"
}

# HTTP against the server at $U (start_server sets it):
# get PATH [CURL ARGS...]: body to $T/body, headers to $T/head, status echoed.
get() {
	p=$1; shift
	curl -s --path-as-is -o "$T/body" -D "$T/head" -w '%{http_code}' "$@" "$U$p"
}
# expect_get STATUS PATH [CURL ARGS...]
expect_get() {
	want=$1; shift
	got=$(get "$@")
	if [ "$got" = 000 ]; then
		# no answer at all: what curl and the server said (a crash, a refused connection)
		p=$1; shift
		curl -sS --path-as-is -o /dev/null "$@" "$U$p" 2>"$T/curl.err"
		fail "GET $p: no answer ($(head -c 200 "$T/curl.err")); server: $(tail -c 600 "$T/srv.err" 2>/dev/null)"
	fi
	[ "$got" = "$want" ] || fail "GET $1: status $got, expected $want; body: $(head -c 300 "$T/body")"
	ok
}
# header NAME: the last answer's header NAME (case ignored).
header() { tr -d '\r' <"$T/head" | sed -n "s/^$1: //Ip" | head -n 1; }
# jcheck EXPR: a Python expression over the JSON body d must be true.
jcheck() {
	[ "$(json "bool($1)" "$T/body")" = True ] || fail "$1 is not true for: $(head -c 400 "$T/body")"
	ok
}

# need_chromium: set $chromium to a headless Chromium, or skip (with python3,
# which drives it: tests/cdp.py).
need_chromium() {
	chromium=""
	for c in chromium chromium-browser google-chrome; do
		if command -v "$c" >/dev/null 2>&1; then chromium=$(command -v "$c"); break; fi
	done
	[ -n "$chromium" ] || skip "chromium not installed (EXTRA_DEPS=chromium make deps)"
	command -v python3 >/dev/null 2>&1 || skip "python3 not installed"
}
