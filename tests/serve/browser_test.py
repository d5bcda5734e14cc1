#!/usr/bin/env python3
"""The what-if page in a real browser: starts `salesfab serve` on a free port of 127.0.0.1,
opens the page in Debian's headless chromium driven over the DevTools protocol (python3-websocket),
moves a lever with the keyboard, runs, reads the scorecard from the page and checks it against
the API's own answer for the same what-if; then switches the page to Dutch.

Usage: browser_test.py SALESFAB [--screenshot PNG]   (PNG: the page after the run, as the README
shows it). Exit status 0 passed, 1 failed, 77 skipped: chromium or python3-websocket missing.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

CHROMIUM = "/usr/bin/chromium"
SKIP = 77
WIDTH, HEIGHT = 1600, 1250
LEVER = "staff.account_manager.headcount"


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def wait_for_line(stream, pattern, what, seconds=60):
    """The first match of `pattern` in the lines of `stream`."""
    end = time.time() + seconds
    while time.time() < end:
        line = stream.readline()
        if not line:
            break
        m = re.search(pattern, line)
        if m:
            return m
    fail("no %s within %d s" % (what, seconds))


class DevTools:
    """One page of chromium, spoken to over its DevTools websocket."""

    def __init__(self, websocket, url):
        self.ws = websocket.create_connection(url, timeout=120, suppress_origin=True)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    fail("%s: %s" % (method, message["error"]))
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True,
                           awaitPromise=True)
        if "exceptionDetails" in result:
            fail("the page threw on %s: %s" % (expression, result["exceptionDetails"]))
        return result["result"].get("value")

    def wait_until(self, expression, what, seconds=120):
        end = time.time() + seconds
        while time.time() < end:
            if self.evaluate(expression):
                return
            time.sleep(0.1)
        fail("%s: not within %d s (status: %s)" % (what, seconds,
                                                   self.evaluate("$('status').textContent")))

    def key(self, key, code, text=None):
        for kind in ("keyDown", "keyUp"):
            params = {"type": kind, "key": key, "code": code, "windowsVirtualKeyCode": code_of(key)}
            if text and kind == "keyDown":
                params["text"] = text
            self.call("Input.dispatchKeyEvent", **params)


def code_of(key):
    return {"ArrowRight": 39, "Enter": 13, "Tab": 9}[key]


def api_compare(port, body):
    request = urllib.request.Request("http://127.0.0.1:%d/api/compare" % port,
                                     data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=300) as response:
        return json.load(response)


def number(text):
    """A number as the English page writes it: 2 572 282 (or 2,572,282) or -0.0123."""
    for group in (",", " ", "\u00a0", "\u202f", "\u2009"):
        text = text.replace(group, "")
    return float(text.replace("\u2212", "-").replace("\u2013", "nan"))


def check_page(page, port, screenshot):
    page.call("Page.enable")
    page.call("Runtime.enable")
    page.call("Emulation.setDeviceMetricsOverride", width=WIDTH, height=HEIGHT,
              deviceScaleFactor=1, mobile=False)
    page.call("Page.navigate", url="http://127.0.0.1:%d/#lang=en" % port)
    page.wait_until("document.querySelectorAll('#levers .lever').length > 10", "the levers")
    if page.evaluate("$('scenario').value") != "basis":
        fail("the first scenario is not the built-in basis")

    # The lever with the keyboard: focus its slider, one step to the right.
    slider = "document.querySelector('.lever[data-key=\"%s\"] input[type=range]')" % LEVER
    field = "document.querySelector('.lever[data-key=\"%s\"] input[type=number]')" % LEVER
    page.evaluate(slider + ".focus()")
    page.key("ArrowRight", "ArrowRight")
    if page.evaluate(field + ".value") != "2":
        fail("the arrow key did not move the slider to 2: %s" % page.evaluate(field + ".value"))
    if not page.evaluate(slider + ".closest('.lever').classList.contains('moved')"):
        fail("a moved lever is not marked")
    if not page.evaluate("document.querySelector('label[for=\"' + %s.id + '\"]') !== null" % slider):
        fail("the slider has no label")
    page.evaluate("$('replications').value = '6'")

    # Run with the keyboard: focus the button, Enter.
    page.evaluate("$('run').focus()")
    page.key("Enter", "Enter", "\r")
    page.wait_until("$('status').textContent === 'Done' && !$('results').hidden", "the results")

    cells = page.evaluate("Array.from(document.querySelector('tr[data-metric=revenue_per_year]')"
                          ".cells).map(c => c.textContent)")
    judgement = page.evaluate("document.querySelector('tr[data-metric=revenue_per_year]').className")
    address = page.evaluate("location.hash")
    sentences = page.evaluate("$('sentences').textContent")
    print("revenue per year on the page:", cells, judgement)
    print("address:", address)
    print("in words:", sentences)
    if "set.%s=2" % LEVER.replace("[", "%5B").replace("]", "%5D") not in address:
        fail("the address does not hold the what-if: " + address)

    api = api_compare(port, {"scenario": "basis", "set": {LEVER: 2}, "replications": 6, "seed": 1})
    revenue = next(m for m in api["metrics"] if m["metric"] == "revenue_per_year")
    for column, key in ((2, "base_mean"), (3, "alternative_mean"), (4, "difference")):
        shown = number(cells[column])
        if abs(shown - revenue[key]) > 0.5 + 1e-9 * abs(revenue[key]):
            fail("the page shows %s = %s, the API %s" % (key, cells[column], revenue[key]))
    if revenue["significant"] and judgement != "better":
        fail("a significant rise in revenue is not marked better: " + judgement)
    if not sentences:
        fail("no sentence in plain words")
    if not page.evaluate("$('factory-base').querySelector('svg') !== null"):
        fail("the factory is not drawn")

    if screenshot:
        page.evaluate("window.scrollTo(0, 0)")
        shot = page.call("Page.captureScreenshot", format="png")
        import base64
        with open(screenshot, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
        print("screenshot:", screenshot)

    # Dutch, without running again.
    page.evaluate("$('lang').value = 'nl'; $('lang').dispatchEvent(new Event('change'))")
    page.wait_until("$('th-metric').textContent === 'maatstaf' && $('status').textContent === 'Klaar'"
                    " && document.querySelector('tr[data-metric=revenue_per_year]').cells[0]"
                    ".textContent === 'omzet per jaar'", "the page in Dutch")
    if page.evaluate(field + ".value") != "2":
        fail("switching the language lost the what-if")


def main():
    if len(sys.argv) < 2:
        fail("usage: browser_test.py SALESFAB [--screenshot PNG]")
    salesfab = sys.argv[1]
    screenshot = sys.argv[sys.argv.index("--screenshot") + 1] if "--screenshot" in sys.argv else None
    if not os.path.exists(CHROMIUM):
        print("SKIP: %s is not installed (apt-get install chromium)" % CHROMIUM)
        sys.exit(SKIP)
    try:
        import websocket
    except ImportError:
        # Debian's module is for Debian's python3; another python3 first on PATH lacks it.
        if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != \
                os.path.realpath("/usr/bin/python3"):
            os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
        print("SKIP: python3-websocket is not installed (apt-get install python3-websocket)")
        sys.exit(SKIP)

    profile = tempfile.mkdtemp(prefix="salesfab-browser-")
    server = subprocess.Popen([salesfab, "serve", "--port", "0", "--threads", "2"],
                              stdout=subprocess.PIPE, text=True)
    browser = None
    try:
        port = int(wait_for_line(server.stdout, r"http://127\.0\.0\.1:(\d+)/", "server address")
                   .group(1))
        browser = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--remote-debugging-port=0", "--remote-allow-origins=*",
             "--user-data-dir=" + profile, "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        devtools = wait_for_line(browser.stderr, r"DevTools listening on ws://([^/]+)/",
                                 "DevTools address").group(1)
        with urllib.request.urlopen("http://%s/json/list" % devtools, timeout=30) as response:
            targets = json.load(response)
        target = next(t for t in targets if t.get("type") == "page")
        page = DevTools(websocket, target["webSocketDebuggerUrl"])
        check_page(page, port, screenshot)
        page.ws.close()
    finally:
        if browser:
            browser.terminate()
            browser.wait(timeout=30)
        server.send_signal(2)
        server.wait(timeout=30)
        shutil.rmtree(profile, ignore_errors=True)
    if server.returncode != 0:
        fail("the server ended with status %d" % server.returncode)
    print("PASS: the page ran a what-if in chromium and showed the API's numbers")


if __name__ == "__main__":
    main()
