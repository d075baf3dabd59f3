#!/usr/bin/env python3
"""browser_a11y.py - axe-core over every page of the server in headless Chromium (for e2e_a11y.sh)

Usage: browser_a11y.py CHROMIUM BASE_URL PROFILE_DIR AXE_JS

Loads each page in the states a reader sees it (the search page empty,
with results and an item's text open, with a facet chosen, with no
results, with a query error, at phone width; the trends view; a meeting
page, also at phone width; an item page; a 404 page), injects axe-core
(AXE_JS, axe.min.js) through the DevTools protocol, which the pages'
Content-Security-Policy does not apply to, and runs its default rules.
Fails listing every serious or critical violation (rule, impact, elements)
and exits 3; moderate and minor ones are printed and counted, not failed.
Exits 1 when the pages could not be checked.
"""
import json
import sys
import urllib.parse
import urllib.request

from cdp import Browser, check, run_main

BLOCKING = ("serious", "critical")
VIOLATIONS = 3          # the exit status when axe found any (1: the test itself failed)

STATE_DONE = "document.body.getAttribute('data-state') === 'done'"
CHART_DONE = "document.getElementById('chart').getAttribute('data-state') === 'done'"
LOADED = "document.readyState === 'complete'"

# Violations only, each as {id, impact, help, targets: [selector, ...]}.
RUN_AXE = """axe.run(document, {resultTypes: ['violations']}).then(function (r) {
  return r.violations.map(function (v) {
    return {id: v.id, impact: v.impact, help: v.help,
            targets: v.nodes.map(function (n) { return n.target.join(' '); })};
  });
})"""


def api(base, path):
    with urllib.request.urlopen(base + path) as r:
        return json.load(r)


def audit(b, axe_js, name, found):
    """Run axe on the page as it is; record blocking violations in found[name]."""
    if not b.eval("typeof axe !== 'undefined'"):
        b.eval(axe_js + "\n;true", timeout=60)
    violations = b.eval(RUN_AXE, timeout=120)
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    other = [v for v in violations if v["impact"] not in BLOCKING]
    if blocking:
        found[name] = blocking
        print("not ok - %s: %d serious or critical" % (name, len(blocking)))
    else:
        print("ok - %s: no serious or critical violation" % name)
    for v in other:
        print("#   %s %s (%d): %s" % (v["impact"], v["id"], len(v["targets"]), v["help"]))
    return other


def visit(b, url, ready, what):
    """Load url and wait until it is there and the expression ready holds."""
    b.call("Page.navigate", {"url": url})
    b.wait("location.href === %s && %s" % (json.dumps(url), ready), what)


def main():
    chromium, base, profile, axe_path = sys.argv[1:5]
    with open(axe_path, encoding="utf-8") as f:
        axe_js = f.read()

    # A meeting with items, and one of its items, ideally one with resolutions.
    hits = api(base, "/api/search?q=resolved&per_page=20&facet=none")["hits"]
    check(hits, "the index has items to open (%d hits for 'resolved')" % len(hits))
    item = hits[0]
    meeting = item["meeting"]
    none_q = "zzqxjvwk"
    check(api(base, "/api/search?facet=none&q=" + none_q)["total"] == 0,
          "'%s' matches nothing" % none_q)

    found = {}
    lesser = {}             # moderate and minor violations (rules) by impact
    b = Browser.open(chromium, profile)
    try:
        def run(name):
            for v in audit(b, axe_js, name, found):
                lesser[v["impact"]] = lesser.get(v["impact"], 0) + 1

        visit(b, base + "/", STATE_DONE, "the search page")
        run("search page, no query")

        visit(b, base + "/?q=safeguarding", STATE_DONE, "results")
        b.click("#hits .hit .show-text")
        b.wait("document.querySelector('#hits .item h4') !== null", "an item's text")
        run("search page, results and an item's text")

        b.eval("document.querySelector('[data-facet=committee] button').setAttribute('data-pick', '1')")
        b.click("[data-pick='1']")
        b.wait("location.search.indexOf('committee=') >= 0 && " + STATE_DONE, "a facet chosen")
        run("search page, a facet chosen")

        visit(b, base + "/?q=" + none_q, STATE_DONE, "no results")
        run("search page, no results")

        visit(b, base + "/?q=%28budget", "document.body.getAttribute('data-state') === 'error'",
              "a query error")
        run("search page, a query error")

        visit(b, base + "/?q=safeguarding&view=trends&split=committee", CHART_DONE, "the trends chart")
        run("trends view")

        visit(b, base + "/meeting/" + urllib.parse.quote(meeting, safe=""), LOADED,
              "the meeting page")
        b.eval("document.querySelectorAll('details').forEach(function (d) { d.open = true; })")
        run("meeting page")

        visit(b, base + "/item/" + urllib.parse.quote(item["id"], safe=""), LOADED, "the item page")
        run("item page")

        visit(b, base + "/item/no-such-item",
              LOADED + " && document.title.indexOf('Not found') === 0", "the 404 page")
        run("404 page")

        b.size(390, 844, phone=True)
        visit(b, base + "/?q=children+in+care", STATE_DONE, "the phone page")
        run("search page, phone width")
        visit(b, base + "/meeting/" + urllib.parse.quote(meeting, safe=""), LOADED,
              "the meeting page at phone width")
        run("meeting page, phone width")
    finally:
        b.close()

    print("# moderate: %d, minor: %d (not failed)" % (lesser.get("moderate", 0),
                                                     lesser.get("minor", 0)))
    if found:
        lines = []
        for page, vs in found.items():
            for v in vs:
                lines.append("%s: %s (%s): %s\n    %s" % (page, v["id"], v["impact"], v["help"],
                                                       "\n    ".join(v["targets"])))
        print("FAIL: serious or critical accessibility violations:\n" + "\n".join(lines),
              file=sys.stderr)
        sys.exit(VIOLATIONS)


if __name__ == "__main__":
    run_main(main)
