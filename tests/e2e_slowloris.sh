#!/bin/sh
# e2e_slowloris.sh - slow clients cannot take the server: 1,100 connections
# from one address, each sending a header line every second, never finishing
# a request.  /healthz from another address still answers at once; the slow
# connections are refused past the per-address limit and dropped when a
# whole request has not arrived within --timeout; the log stays short.
. tests/lib.sh

command -v curl >/dev/null 2>&1 || skip "curl not installed"
expect_status 0 "$BIN/minutes-index" --quiet --db "$T/db" corpora/sample
serve "$T/db" --threads 2 --timeout 3
trap 'kill $pid $cpid 2>/dev/null; chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT INT TERM

# The slow clients, from 127.0.0.2 (all of 127/8 is this machine).
python3 - "$port" 1100 8 >"$T/slow.out" 2>&1 <<'PY' &
import resource, socket, sys, time
port, n, secs = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, n + 100)), hard))
socks = []
for i in range(n):
    s = socket.socket()
    s.setblocking(False)
    s.bind(("127.0.0.2", 0))
    s.connect_ex(("127.0.0.1", port))
    socks.append(s)
time.sleep(0.5)
for s in socks:
    try: s.send(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
    except OSError: pass
print("ready", flush=True)
end, k = time.time() + secs, 0
while time.time() < end:
    time.sleep(1)
    k += 1
    for s in socks:
        try: s.send(b"X-Slow-%d: %d\r\n" % (k, k))
        except OSError: pass
open_ = 0
for s in socks:
    try:
        s.setblocking(True); s.settimeout(0.01)
        d = s.recv(1)
        if d == b"": continue           # closed by the server
    except socket.timeout:
        open_ += 1
        continue
    except OSError:
        continue
print("open", open_)
PY
cpid=$!
for _ in $(seq 100); do grep -q ready "$T/slow.out" && break; sleep 0.1; done
grep -q ready "$T/slow.out" || fail "slow clients did not start: $(cat "$T/slow.out")"
sleep 2
for i in 1 2 3; do
	t=$(curl -s -m 10 -o /dev/null -w '%{http_code} %{time_total}' "http://127.0.0.1:$port/healthz")
	case "$t" in
	"200 0."*|"200 1."*) ok ;;
	*) fail "/healthz with 1,100 slow clients: $t" ;;
	esac
	sleep 1
done
wait $cpid
cpid=""
# After 8 s, with --timeout 3, no slow connection is left open.
[ "$(tail -n 1 "$T/slow.out")" = "open 0" ] || fail "slow connections kept: $(tail -n 1 "$T/slow.out")"
ok
lines=$(wc -l <"$T/srv.err")
[ "$lines" -le 30 ] || fail "the log grew by $lines lines: $(head -n 5 "$T/srv.err")"
ok
done_ok
