#!/bin/sh
# e2e_srvstop.sh - the server's signals: SIGTERM stops accepting, lets the
# responses in flight finish (clients reading slowly get every byte) and
# exits 0; SIGHUP is logged and the server goes on answering.
. tests/lib.sh

command -v curl >/dev/null 2>&1 || skip "curl not installed"
expect_status 0 "$BIN/minutes-index" --quiet --db "$T/db" corpora/sample

# start: a server on a free port; sets pid, port and U.
start() { serve "$T/db" --threads 1 "$@"; }

# --- SIGHUP: logged, and the server still answers --------------------------------
start
kill -HUP $pid
sleep 0.3
kill -0 $pid 2>/dev/null || fail "SIGHUP killed the server"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$U/healthz")" = 200 ] || fail "no answer after SIGHUP"
grep -q "Hangup" "$T/srv.err" || fail "SIGHUP not logged: $(cat "$T/srv.err")"
ok

# --- SIGTERM with requests in flight ---------------------------------------------
# Sixty clients at once on one worker: when SIGTERM comes, one request is
# being answered, others are accepted and waiting, others still in the
# listen queue.  Every one must get its whole answer.
python3 - "$port" 60 >"$T/clients.out" 2>&1 <<'PY2' &
import http.client, sys, threading, time
port, n = int(sys.argv[1]), int(sys.argv[2])
res = [None] * n
go = threading.Event()
def one(i):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        c.connect()
        go.wait()
        c.request("GET", "/api/trends?q=&by=month&split=committee&council=%d" % (i % 3)
                  if i % 2 else "/api/search?q=council&per_page=100&facet=all&page=%d" % (1 + i % 5))
        r = c.getresponse()
        body = r.read()
        res[i] = "ok" if r.status == 200 and len(body) == int(r.getheader("Content-Length")) \
            else "status %d, %d bytes" % (r.status, len(body))
    except Exception as e:
        res[i] = repr(e)
t = [threading.Thread(target=one, args=(i,)) for i in range(n)]
for x in t: x.start()
time.sleep(0.5)
go.set()
print("ready", flush=True)
for x in t: x.join()
bad = [r for r in res if r != "ok"]
print(len(bad), "failed:", bad[:3])
PY2
cpid=$!
for _ in $(seq 50); do grep -q ready "$T/clients.out" && break; sleep 0.02; done
sleep 0.05
kill -TERM $pid
wait $cpid
wait $pid
rc=$?
[ "$rc" = 0 ] || fail "server exited $rc after SIGTERM"
case "$(tail -n 1 "$T/clients.out")" in
"0 failed:"*) ok ;;
*) fail "requests in flight at SIGTERM were cut: $(cat "$T/clients.out")" ;;
esac
curl -s -m 2 -o /dev/null "$U/healthz" && fail "the port still answers after SIGTERM"
ok
done_ok
