"""cdp.py - headless Chromium over the DevTools pipe, for the browser tests

Used by browser_search.py and browser_a11y.py.  Talks the DevTools protocol
over --remote-debugging-pipe (file descriptors 3 and 4, JSON messages ended
by NUL), so it needs nothing beyond Python and Chromium.  Browser.open()
starts Chromium and attaches to its page; call(), eval(), wait() and
click() drive it; close() stops it.  Fail is raised on any failure;
check() prints each passed check as "ok - ..."; run_main() turns a Fail
into a message and exit status 1.
"""
import base64
import fcntl
import json
import os
import select
import subprocess
import sys
import time


class Fail(Exception):
    pass


class ProtocolError(Fail):
    """Chromium refused a command (for example, the page navigated while it ran)."""
    pass


def check(cond, what):
    if not cond:
        raise Fail(what)
    print("ok - " + what)


def run_main(main):
    """Run a test's main(): on Fail print it and exit 1."""
    try:
        main()
    except Fail as e:
        print("FAIL: " + str(e), file=sys.stderr)
        sys.exit(1)


class Browser:
    def __init__(self, chromium, profile):
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()
        # Chromium reads commands on fd 3 and writes replies on fd 4.
        hi_r = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD, 10)
        hi_w = fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD, 10)

        def wire():
            os.dup2(hi_r, 3)
            os.dup2(hi_w, 4)

        args = [chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--disable-dev-shm-usage", "--hide-scrollbars",
                "--mute-audio", "--user-data-dir=" + profile,
                "--remote-debugging-pipe", "about:blank"]
        self.proc = subprocess.Popen(args, preexec_fn=wire, pass_fds=(3, 4, hi_r, hi_w),
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=open(os.path.join(profile, "chromium.log"), "wb"))
        for fd in (to_chrome_r, from_chrome_w, hi_r, hi_w):
            os.close(fd)
        self.buf = b""
        self.next_id = 0
        self.events = []
        self.session = None

    @classmethod
    def open(cls, chromium, profile, width=1280, height=1000):
        """Start Chromium, attach to its page (Page, Runtime and Log enabled) at a desktop size."""
        b = cls(chromium, profile)
        try:
            targets = b.call("Target.getTargets", session=False)["targetInfos"]
            page = [t for t in targets if t["type"] == "page"]
            if page:
                target = page[0]["targetId"]
            else:
                target = b.call("Target.createTarget", {"url": "about:blank"},
                                session=False)["targetId"]
            b.session = b.call("Target.attachToTarget", {"targetId": target, "flatten": True},
                               session=False)["sessionId"]
            for domain in ("Page", "Runtime", "Log"):
                b.call(domain + ".enable")
            b.size(width, height)
        except BaseException:
            b.close()
            raise
        return b

    def size(self, width, height, phone=False):
        """Set the viewport: a desktop window, or a phone (2x pixels, mobile)."""
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 2 if phone else 1,
                   "mobile": phone})

    def _read_message(self, deadline):
        while b"\0" not in self.buf:
            left = deadline - time.time()
            if left <= 0:
                raise Fail("no answer from Chromium (timeout)")
            ready, _, _ = select.select([self.from_chrome], [], [], left)
            if ready:
                chunk = os.read(self.from_chrome, 1 << 16)
                if not chunk:
                    raise Fail("Chromium closed the pipe (see chromium.log)")
                self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method, params=None, session=True, timeout=20):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        os.write(self.to_chrome, json.dumps(msg).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            m = self._read_message(deadline)
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise ProtocolError("%s: %s" % (method, m["error"]))
                return m.get("result", {})
            self.events.append(m)

    def pump(self):
        """Collect pending events without blocking."""
        while True:
            ready, _, _ = select.select([self.from_chrome], [], [], 0)
            if not ready and b"\0" not in self.buf:
                return
            self.events.append(self._read_message(time.time() + 5))

    def eval(self, expr, timeout=20):
        r = self.call("Runtime.evaluate", {"expression": expr, "returnByValue": True,
                                           "awaitPromise": True}, timeout=timeout)
        if "exceptionDetails" in r:
            raise Fail("page script failed: %s: %s" % (expr[:200], r["exceptionDetails"]))
        return r["result"].get("value")

    def wait(self, expr, what, timeout=15):
        deadline = time.time() + timeout
        guarded = "(function(){try{return !!(%s);}catch(e){return false;}})()" % expr
        last_error = ""
        while time.time() < deadline:
            # A click that navigates may tear down the page under an evaluation
            # ("Inspected target navigated or closed"): that is the wait, not a failure.
            try:
                if self.eval(guarded):
                    return
            except ProtocolError as e:
                last_error = " (last: %s)" % e
            time.sleep(0.1)
        raise Fail("timed out waiting for " + what + last_error)

    def click(self, selector):
        rect = self.eval("(function(){var e=document.querySelector(%s); if(!e) return null;"
                         "e.scrollIntoView({block:'center'}); var r=e.getBoundingClientRect();"
                         "return {x:r.x+r.width/2, y:r.y+r.height/2};})()" % json.dumps(selector))
        if not rect:
            raise Fail("nothing to click at " + selector)
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", {"type": kind, "x": rect["x"], "y": rect["y"],
                                                   "button": "left", "clickCount": 1})

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", {"format": "png"})["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def close(self):
        try:
            self.call("Browser.close", session=False, timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
