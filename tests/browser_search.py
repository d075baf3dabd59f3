#!/usr/bin/env python3
"""browser_search.py - drive the search page in headless Chromium (for e2e_browser.sh)

Usage: browser_search.py CHROMIUM BASE_URL PROFILE_DIR SHOT_DESKTOP SHOT_PHONE

Drives Chromium over the DevTools pipe (cdp.py).  It types a query,
presses Enter, clicks a facet with the mouse, checks that the results
changed and narrowed, that the URL reproduces the search, that nothing from
the index ran as script, that the page logged no errors (CSP violations
included), and saves a desktop and a phone screenshot.  Prints what it
checked; exits non-zero on the first failure.
"""
import json
import os
import sys
import urllib.request

from cdp import Browser, check, run_main


STATE_DONE = "document.body.getAttribute('data-state') === 'done'"
SNAPSHOT = """(function(){
  var hits = Array.prototype.map.call(document.querySelectorAll('#hits .hit'), function(li){
    return {id: li.getAttribute('data-id'), meta: li.querySelector('.meta').textContent,
            marks: li.querySelectorAll('.snippet mark').length};
  });
  return {status: document.getElementById('status').textContent, hits: hits,
          url: location.search, imgs: document.querySelectorAll('#hits img, #hits script').length,
          xss: typeof window.__xss !== 'undefined'};
})()"""


CHART_DONE = "document.getElementById('chart').getAttribute('data-state') === 'done'"
CHART = """(function(){
  var l = document.querySelectorAll('#chart > svg path.line');
  return {lines: l.length,
          points: l.length ? parseInt(l[0].getAttribute('data-points'), 10) : 0,
          dashed: document.querySelectorAll('#chart > svg path.line[stroke-dasharray]').length,
          legend: document.querySelectorAll('#chart .legend li').length,
          labels: Array.prototype.map.call(document.querySelectorAll('#chart svg text'),
                                           function(t){return t.textContent;}),
          hidden_hits: document.getElementById('hits').hidden};
})()"""


def main():
    chromium, base, profile, shot, shot_phone = sys.argv[1:6]
    b = Browser.open(chromium, profile)
    try:
        b.call("Page.navigate", {"url": base + "/"})
        b.wait(STATE_DONE, "the first page of results")
        first = b.eval(SNAPSHOT)
        check(len(first["hits"]) == 10, "the page opens with the newest items listed")

        # Type a query and press Enter, as a person would.
        b.eval("document.getElementById('q').focus()")
        b.call("Input.insertText", {"text": "safeguarding"})
        for kind in ("keyDown", "keyUp"):
            b.call("Input.dispatchKeyEvent", {"type": kind, "key": "Enter", "code": "Enter",
                                              "windowsVirtualKeyCode": 13, "text": "\r"})
        b.wait("location.search.indexOf('q=safeguarding') >= 0 && " + STATE_DONE,
               "results for the typed query")
        typed = b.eval(SNAPSHOT)
        check(typed["hits"] and all(h["marks"] > 0 for h in typed["hits"]),
              "every hit for 'safeguarding' has a highlighted snippet (%d hits)" % len(typed["hits"]))
        check(typed["status"] != first["status"], "the status line changed: " + typed["status"])

        # Click the biggest committee that still narrows the results, with the mouse.
        facet = b.eval("""(function(){
          var n = function(b){return parseInt(b.querySelector('.count').textContent.replace(/,/g,''));};
          var total = document.querySelectorAll('#hits .hit').length;
          var bs = Array.prototype.slice.call(document.querySelectorAll('[data-facet=committee] button'));
          bs.sort(function(a,b){return n(b) - n(a);});
          var pick = bs.filter(function(b){return n(b) < total;})[0] || bs[bs.length - 1];
          pick.setAttribute('data-pick', '1');
          return pick.querySelector('.label').textContent;})()""")
        b.click("[data-pick='1']")
        b.wait("location.search.indexOf('committee=') >= 0 && " + STATE_DONE,
               "results filtered by committee")
        narrowed = b.eval(SNAPSHOT)
        check(narrowed["hits"] and all(facet in h["meta"] for h in narrowed["hits"]),
              "after clicking '%s' every hit is from that committee" % facet)
        check([h["id"] for h in narrowed["hits"]] != [h["id"] for h in typed["hits"]],
              "the results changed after the click")
        check(narrowed["status"] != typed["status"], "the total changed: " + narrowed["status"])
        pressed = b.eval("document.querySelector('[data-facet=committee] button[aria-pressed=true]')"
                         " !== null && document.querySelectorAll('#active .chip').length === 1")
        check(pressed, "the chosen value is shown pressed and as a removable chip")

        # The URL reproduces the search: load it afresh and compare.
        url = narrowed["url"]
        b.call("Page.navigate", {"url": base + "/" + url})
        b.wait("location.search === %s && %s" % (json.dumps(url), STATE_DONE), "the shared URL")
        again = b.eval(SNAPSHOT)
        check([h["id"] for h in again["hits"]] == [h["id"] for h in narrowed["hits"]],
              "loading the URL %s gives the same hits" % url)
        check(b.eval("document.getElementById('q').value") == "safeguarding",
              "the search box shows the query from the URL")

        # A hit links to its own page and its meeting; the search has a feed to follow.
        links = b.eval("""(function(){var h = document.querySelector('#hits .hit');
          var m = h.querySelector('a.meeting-link');
          return {title: h.querySelector('h3 a').getAttribute('href'),
                  meeting: m ? m.getAttribute('href') : '',
                  follow: document.getElementById('follow').getAttribute('href'),
                  alt: document.getElementById('feed-link').getAttribute('href')};})()""")
        check(links["title"].startswith("item/") and links["meeting"].startswith("meeting/"),
              "a hit's title opens its item page, and it links to all items of its meeting")
        check(links["follow"] == links["alt"] and links["follow"].startswith("feed?")
              and "q=safeguarding" in links["follow"] and "committee=" in links["follow"]
              and "page=" not in links["follow"],
              "'Follow this search' is the feed of the search shown: " + links["follow"])
        b.click("#hits .hit h3 a")
        b.wait("location.pathname.indexOf('/item/') === 0 && document.readyState === 'complete'",
               "the item page")
        check(b.eval("document.querySelector('a.meeting-link') !== null && "
                     "document.scripts.length === 0"),
              "the item page is served without script and links to its meeting")
        b.click("a.meeting-link")
        b.wait("location.pathname.indexOf('/meeting/') === 0 && document.readyState === 'complete'",
               "the meeting page")
        check(b.eval("document.querySelectorAll('ol.items > li').length > 0 && "
                     "document.querySelector('ol.items > li:target') !== null"),
              "the meeting page lists its items and lands on the one followed")

        # Text from the index never becomes markup or script.
        b.call("Page.navigate", {"url": base + "/?q=scriptprobe"})
        b.wait("location.search === '?q=scriptprobe' && " + STATE_DONE, "the probe search")
        probe = b.eval(SNAPSHOT)
        snippet = b.eval("(document.querySelector('#hits .snippet')||{}).textContent || ''")
        check(probe["hits"] and probe["imgs"] == 0 and not probe["xss"] and "< 5000" in snippet
              and "> 3000" in snippet and "&" in snippet,
              "< > & in a document show as text, nothing becomes an element")

        # "Did you mean" for a misspelling.
        b.call("Page.navigate", {"url": base + "/?q=safegaurding"})
        b.wait("location.search === '?q=safegaurding' && " + STATE_DONE, "the misspelt search")
        check(b.eval("!document.getElementById('suggest').hidden && "
                     "document.getElementById('suggest-link').textContent") == "safeguarding",
              "a misspelling offers 'did you mean safeguarding'")

        # A bad query shows the server's message.
        b.call("Page.navigate", {"url": base + "/?q=%28budget"})
        b.wait("document.body.getAttribute('data-state') === 'error'", "the error message")
        msg = b.eval("document.getElementById('status').textContent")
        check("never closed" in msg, "an unbalanced query shows the parser's message: " + msg)

        # The trends view: one click draws the chart of the same search from api/trends.
        b.call("Page.navigate", {"url": base + "/?q=safeguarding"})
        b.wait("location.search === '?q=safeguarding' && " + STATE_DONE, "the search before trends")
        b.click("#view-trends")
        b.wait("location.search.indexOf('view=trends') >= 0 && " + CHART_DONE, "the trends chart")
        api = json.load(urllib.request.urlopen(base + "/api/trends?q=safeguarding&by=year"))
        drawn = b.eval(CHART)
        want = sum(1 for p in api["series"][0]["points"] if p["item_share"] is not None)
        check(drawn["lines"] == 1 and drawn["points"] == want and drawn["legend"] == 1,
              "'Trends over time' draws one line with a point per year of api/trends (%d)" % want)
        check(drawn["hidden_hits"] and api["periods"][0] in drawn["labels"],
              "the chart replaces the hits and labels its years")
        b.eval("var s=document.getElementById('split'); s.value='committee';"
               " s.dispatchEvent(new Event('change'))")
        b.wait("location.search.indexOf('split=committee') >= 0 && " + CHART_DONE,
               "the chart split by committee")
        api = json.load(urllib.request.urlopen(
            base + "/api/trends?q=safeguarding&by=year&split=committee"))
        drawn = b.eval(CHART)
        lines = min(7, len(api["series"]))
        check(lines > 1 and drawn["lines"] == lines and drawn["legend"] == lines and
              drawn["dashed"] == lines - 1,
              "split by committee: %d lines, each in the legend, told apart by dashes" % lines)
        trends_url = b.eval("location.search")
        b.call("Page.navigate", {"url": base + "/" + trends_url})
        b.wait("location.search === %s && %s" % (json.dumps(trends_url), CHART_DONE),
               "the shared trends URL")
        check(b.eval(CHART)["lines"] == lines and
              b.eval("document.getElementById('split').value") == "committee",
              "loading the URL %s draws the same chart" % trends_url)
        b.screenshot(shot.replace("search.png", "trends.png"))
        check(os.path.getsize(shot.replace("search.png", "trends.png")) > 10000,
              "trends screenshot saved to " + shot.replace("search.png", "trends.png"))

        # The screenshot: the facet click again, at desktop and phone sizes.
        b.call("Page.navigate", {"url": base + "/" + url})
        b.wait("location.search === %s && %s" % (json.dumps(url), STATE_DONE), "the screenshot page")
        b.screenshot(shot)
        check(os.path.getsize(shot) > 10000, "desktop screenshot saved to " + shot)
        b.size(390, 844, phone=True)
        b.call("Page.navigate", {"url": base + "/?q=children+in+care"})
        b.wait("location.search === '?q=children+in+care' && " + STATE_DONE, "the phone page")
        width = b.eval("document.documentElement.scrollWidth")
        check(width <= 390, "nothing wider than a phone screen (scrollWidth %s)" % width)
        b.screenshot(shot_phone)
        check(os.path.getsize(shot_phone) > 10000, "phone screenshot saved to " + shot_phone)

        b.pump()
        errors = []
        for e in b.events:
            m, p = e.get("method"), e.get("params", {})
            if m == "Runtime.exceptionThrown":
                errors.append(p["exceptionDetails"].get("text", "exception"))
            elif m == "Log.entryAdded" and p["entry"]["level"] == "error":
                text = p["entry"].get("text", "")
                # The deliberate bad query answers 400; that is not a page error.
                if "status of 400" not in text:
                    errors.append(text)
        check(not errors, "no script errors or CSP violations logged" +
              ("" if not errors else ": " + "; ".join(errors)))
    finally:
        b.close()


if __name__ == "__main__":
    run_main(main)
