"""What a first visit to a calculator page costs, counted at the server: every byte it sends.

Shared by the browser test (tests/browser/test_data_cost.py asserts on it) and `make bench`
(reports it). The built site is served with gzip -6 as a static host sends it
(tools/site_server.py); the server counts the bytes it writes (headers and bodies) for every
request, the service worker's included. A fresh browser context with service workers allowed
opens one calculator page and waits until it is ready (bytes to ready), then until everything
the page does in the background is over: the engine's snapshot decision
(form[data-snapshot-kept]) and the pages kept ahead for offline use (<html data-offline> is
"kept" or "failed", or "later"/"off" when the page did not ask) — instead of a fixed 30 s, so no wall clock.

    .venv/bin/python -m tools.first_visit [site] [page]      # prints the figures
    .venv/bin/python -m tools.first_visit site page --seconds 25
        (for a site built before these states existed: wait that long after ready instead)
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tools import site_server
from tools.browser import CHROMIUM_ARGS, find_chromium

ROOT = Path(__file__).resolve().parent.parent
PAGE = "calculators/repayment/"
SETTLED = """() => {
  const form = document.querySelector("form[data-calculator]");
  const offline = document.documentElement.dataset.offline;
  return (!form || form.dataset.snapshotKept || form.dataset.state === "error")
    && ["kept", "failed", "later", "off"].includes(offline);
}"""
# Save-Data, as a phone that saves data reports it to the page (navigator.connection.saveData)
SAVE_DATA = """Object.defineProperty(Object.getPrototypeOf(navigator.connection), "saveData",
  { get: () => true, configurable: true });"""


class _Meter:
    """A connection's writer that counts what goes through it, into its log entry."""

    def __init__(self, raw, entry: list):
        self.raw = raw
        self.entry = entry

    def write(self, data) -> int:
        n = self.raw.write(data)
        self.entry[1] += len(data)
        return n

    def __getattr__(self, name):
        return getattr(self.raw, name)


class CountingHandler(site_server.SiteHandler):
    """The site server's handler (gzip like a static host), logging [path, bytes sent so far] for every connection (one request
    each: HTTP/1.0). Bytes are counted as they are written, so whatever the browser has
    received is already in the log."""

    log: list[list]

    def setup(self):
        super().setup()
        self.entry = ["", 0]
        self.log.append(self.entry)
        self.wfile = _Meter(self.wfile, self.entry)

    def send_head(self):
        self.entry[0] = unquote(urlsplit(self.path).path)
        return super().send_head()


@dataclass
class Visit:
    site: Path
    to_ready: list[tuple[str, int]] = field(default_factory=list)  # (path, bytes sent) until ready
    after: list[tuple[str, int]] = field(default_factory=list)  # … after ready, until settled
    outside: list[str] = field(default_factory=list)  # requests to other hosts (must stay empty)
    snapshot: str = ""  # the engine's snapshot decision (form[data-snapshot-kept])
    offline: str = ""  # <html data-offline> at the end

    def raw(self, requests: list[tuple[str, int]]) -> int:
        """The same requests as the site's files weigh uncompressed (a directory by its index.html)."""
        total = 0
        for path, _ in requests:
            rel = path.lstrip("/")
            file = self.site / rel / "index.html" if rel == "" or rel.endswith("/") else self.site / rel
            total += file.stat().st_size if file.is_file() else 0
        return total

    @property
    def sent_to_ready(self) -> int:
        return sum(n for _, n in self.to_ready)

    @property
    def sent_total(self) -> int:
        return self.sent_to_ready + sum(n for _, n in self.after)

    def fetched(self, part: str) -> bool:
        """Whether any request's path contains ``part`` (e.g. "/snapshot-")."""
        return any(part in path for path, _ in self.to_ready + self.after)


def serve(site: Path):
    """The counting server on a free port: (server, base URL, log of [path, bytes sent])."""
    log: list[list] = []
    handler = type("Counting", (CountingHandler,), {"log": log})
    httpd = site_server.start(site, handler)
    return httpd, httpd.url, log


def _copy(entries: list[list]) -> list[tuple[str, int]]:
    return [(path, n) for path, n in list(entries) if path or n]


def visit(browser, site: Path, pages: tuple[str, ...] = (PAGE,), save_data: bool = False,
          timeout_ms: float = 120000, seconds_after: float | None = None) -> list[Visit]:
    """Open ``pages`` one after the other in one fresh context (service workers allowed): a
    Visit per page. With Save-Data each page's engine is started by a tap on its first field
    (the page waits for one then). ``seconds_after``: wait that long after ready instead of for
    the page's settled state (only for measuring a site built before it had one)."""
    httpd, base, log = serve(site)
    context = browser.new_context(viewport={"width": 375, "height": 812}, service_workers="allow")
    outside: list[str] = []
    context.on("request", lambda r: None if r.url.startswith((base, "data:", "blob:")) else outside.append(r.url))
    if save_data:
        context.add_init_script(SAVE_DATA)
    visits = []
    try:
        page = context.new_page()
        page.set_default_timeout(timeout_ms)
        for path in pages:
            log.clear()
            page.goto(base + path)
            if save_data:
                page.locator("form[data-calculator] input").first.focus()
            page.wait_for_selector("form[data-calculator][data-state='ready']", state="attached")
            one = Visit(site=site)
            # bytes sent by the time it was seen ready; the snapshot is asked for only after ready (the
            # worker keeps it once it has said so), but on loopback it may be sent before this line runs
            ready = [(entry, entry[1]) for entry in list(log) if "/snapshot-" not in entry[0]]
            if seconds_after is None:
                page.wait_for_function(SETTLED, timeout=timeout_ms)
            else:
                page.wait_for_timeout(seconds_after * 1000)
            one.to_ready = _copy([[entry[0], n] for entry, n in ready])
            seen = {id(entry) for entry, _ in ready}
            one.after = _copy([[entry[0], entry[1] - n] for entry, n in ready if entry[1] > n]
                              + [entry for entry in list(log) if id(entry) not in seen])
            one.outside = list(outside)
            one.snapshot = page.get_attribute("form[data-calculator]", "data-snapshot-kept") or ""
            one.offline = page.evaluate("document.documentElement.dataset.offline || ''")
            visits.append(one)
    finally:
        context.close()
        httpd.stop()
    return visits


def describe(one: Visit) -> str:
    return (f"to ready: {one.sent_to_ready:,} bytes sent ({len(one.to_ready)} requests; "
            f"{one.raw(one.to_ready):,} raw); in all: {one.sent_total:,} bytes sent "
            f"({len(one.to_ready) + len(one.after)} requests; {one.raw(one.to_ready + one.after):,} raw); "
            f"snapshot: {one.snapshot or '?'}; offline: {one.offline or '?'}")


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    site = Path(argv[0]) if argv else ROOT / "site"
    page = argv[1] if len(argv) > 1 else PAGE
    seconds = float(argv[argv.index("--seconds") + 1]) if "--seconds" in argv else None
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        try:
            for one in visit(browser, site, (page,), seconds_after=seconds):
                print(describe(one))
                for path, n in sorted(one.to_ready + one.after, key=lambda r: -r[1])[:12]:
                    print(f"  {n:>10,}  {path}")
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
