"""`make bench`: what a reader waits for, measured beside the bare runtime.

Runs against the built site (site/) on a local server in headless Chromium and
prints a markdown report, also written to bench/results.md with the machine,
the versions and the date. Figures:

1. floor: a bare page that only calls loadPyodide() on the same files;
2. calculator pages: first contentful paint (the build-time answer is in the
   HTML) and time to data-state="ready", and ready / floor;
3. recalculation at each calculator's heaviest input: input change → new
   result in the page (debounce excluded), median and p95;
4. weight: bytes a guide page and a calculator page (until ready) transfer;
5. repeat visit: a second calculator page with the HTTP cache warm;
6. CPython: each calculator at its heaviest input, and the full site build.

Cold runs use a fresh browser context each; the floor and the calculator page
are measured alternately so drift in the machine's speed hits both alike.
Nothing here asserts: it reports.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

from calculators import web
from tools import site_server
from tools.browser import CHROMIUM_ARGS, find_chromium

ROOT = Path(__file__).resolve().parent.parent

SITE = ROOT / "site"
OUT = ROOT / "bench" / "results.md"
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
RECALCS = int(os.environ.get("BENCH_RECALCS", "20"))

SNAPSHOT_PAGE = b"""<!doctype html><meta charset="utf-8"><title>snapshot</title>
<script type="module">
const { loadPyodide } = await import("/pyodide/pyodide.mjs");
const py = await loadPyodide({ indexURL: "/pyodide/", packages: [],
  _loadSnapshot: fetch("/__bench/snapshot.bin").then((r) => r.arrayBuffer()) });
performance.mark("snapshot-ready");
window.__works = py.runPython("import calculators.web, json; json.loads(calculators.web.run('repayment', '{}'))['ok']");
</script>"""

FLOOR_PAGE = b"""<!doctype html><meta charset="utf-8"><title>floor</title>
<script type="module">
const { loadPyodide } = await import("/pyodide/pyodide.mjs");
await loadPyodide({ indexURL: "/pyodide/", packages: [] });
performance.mark("floor-ready");
</script>"""


def _debts(n: int) -> list[dict]:
    return [{"name": f"D{i + 1}", "balance": "50000", "annual_rate": "6", "minimum": "200"} for i in range(n)]


# Each calculator at the heaviest input its limits allow (600 months, 20 debts, 3,650 days...).
HEAVIEST: dict[str, dict] = {
    "repayment": {"principal": "100000000", "annual_rate": "36", "months": "600", "method": "equal_principal",
                  "upfront_fee": "1000", "monthly_fee": "10", "start_date": "2026-01-31"},
    "apr": {"principal": "100000000", "received": "99000000", "months": "600", "payment": "",
            "monthly_fee_rate": "1"},
    "overdue-cost": {"overdue_principal": "100000000", "unpaid_interest": "500000", "days_overdue": "3650",
                     "compound": "yes", "late_fee_fixed": "100", "late_fee_percent": "5",
                     "late_fee_minimum": "10"},
    "negotiation": {"principal": "99000000", "interest": "100000", "penalties": "10000", "annual_rate": "36",
                    "affordable": "100", "extension_months": "60", "reinstal_months": "60",
                    "frozen_months": "60", "overdue_days": "730"},
    "payoff": {"budget": "5265", "strategy": "snowball", "start_date": "2026-01-01", "debts": _debts(20)},
    "credit-record": {"overdue_start": "2020-03-15", "paid": "yes", "paid_date": "2026-03-01",
                      "overdue_amount": "9000", "today": "2026-11-29"},
    "emergency-fund": {"monthly_expenses": "100000000", "months": "24", "buffer": "100", "savings": "0",
                       "monthly_saving": "10000000", "annual_yield": "20", "start_date": "2026-01-01",
                       "target_date": "2075-12-01"},
    "affordability": {"income": "100000000", "essentials": "1000", "existing_payments": "1000",
                      "new_payment": "", "principal": "100000000", "annual_rate": "36", "months": "600"},
    "checklist": {"situation": "over_90", "papers": "lawsuit", "papers_date": "2026-11-20", "threats": "yes",
                  "credit_card": "yes", "online_loan": "yes", "private_loan": "yes", "can_pay": "1500",
                  "minimums": "2300", "today": "2026-11-30"},
}
# The field each recalculation changes, and two values it alternates between.
TOGGLE = {
    "repayment": ("annual_rate", "36", "35.5"), "apr": ("monthly_fee_rate", "1", "0.9"),
    "overdue-cost": ("days_overdue", "3650", "3649"), "negotiation": ("affordable", "100", "101"),
    "payoff": ("budget", "5265", "5266"), "credit-record": ("overdue_amount", "9000", "9001"),
    "emergency-fund": ("monthly_saving", "10000000", "10000001"), "affordability": ("income", "100000000", "99999999"),
    "checklist": ("can_pay", "1500", "1501"),
}


def _query(form: dict) -> str:
    flat = {}
    for key, value in form.items():
        if isinstance(value, list):
            for i, row in enumerate(value):
                for k, v in row.items():
                    flat[f"{key}.{i}.{k}"] = v
        else:
            flat[key] = value
    return urlencode(flat)


class _Handler(site_server.SiteHandler):
    """The site, plus the bench's own pages; cached like a static host would."""

    snapshot: bytes = b""

    def do_GET(self):  # noqa: N802
        own = {"/__bench/snapshot.bin": (self.snapshot, "application/octet-stream"),
               "/__bench/snapshot": (SNAPSHOT_PAGE, "text/html; charset=utf-8"),
               "/__bench/floor": (FLOOR_PAGE, "text/html; charset=utf-8")}
        for prefix, (body, kind) in own.items():  # the longest prefix first
            if self.path.startswith(prefix):
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
        super().do_GET()

    def end_headers(self):
        # Let the browser cache like a static host would (for the repeat-visit figure).
        if not self.path.startswith("/__bench"):
            self.send_header("Cache-Control", "public, max-age=3600")
        super().end_headers()


def stats(values: list[float]) -> str:
    if not values:
        return "—"
    return f"{min(values):.0f} / {statistics.median(values):.0f} / {max(values):.0f}"


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def mark(page, name: str, timeout: float = 60000) -> float:
    page.wait_for_function(f"() => performance.getEntriesByName({json.dumps(name)}).length > 0", timeout=timeout)
    return page.evaluate(f"performance.getEntriesByName({json.dumps(name)})[0].startTime")


def fcp(page) -> float:
    page.wait_for_function("() => performance.getEntriesByName('first-contentful-paint').length > 0", timeout=20000)
    return page.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime")


KEEP_SNAPSHOT = """async () => {
    const form = document.querySelector("form[data-calculator]");
    const script = document.querySelector('script[src*="calculator.js"]').src;
    const url = new URL(form.dataset.snapshot, new URL("../py/", script)).href;
    const cache = await caches.open("runtime");
    if (!(await cache.match(url))) await cache.put(url, await fetch(url));
}"""

OWN_FILES = ("/calculator.js", "/calc-engine.js", "/calc-worker.js", "/boot.mjs", "/site.css", "/sw.js")


def weigh(context, page, url: str, until_ready: bool) -> dict[str, int]:
    sizes = {"pyodide": 0, "own js+css": 0, "theme js+css": 0, "html+other": 0, "snapshot": 0, "requests": 0}

    def done(request):
        try:
            body = request.sizes()["responseBodySize"]
        except Exception:
            body = 0
        u = request.url
        sizes["requests"] += 1
        if "/pyodide/" in u:
            sizes["pyodide"] += body
        elif "/snapshot-" in u:
            sizes["snapshot"] += body  # kept in the background after ready, not waited for
        elif u.endswith(OWN_FILES):
            sizes["own js+css"] += body
        elif u.endswith((".js", ".css", ".mjs")):
            sizes["theme js+css"] += body
        else:
            sizes["html+other"] += body

    context.on("requestfinished", done)
    page.goto(url)
    if until_ready:
        mark(page, "calc-engine-ready")
    else:
        page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    context.remove_listener("requestfinished", done)
    return sizes


def make_snapshot() -> bytes:
    """The snapshot the build made (site/assets/py/snapshot-*.bin.gz), unzipped for the bare page."""
    made = sorted((SITE / "assets" / "py").glob("snapshot-*.bin.gz"))
    if not made:
        print("site/ has no snapshot (the build could not make one)", file=sys.stderr)
        return b""
    return gzip.decompress(made[0].read_bytes())


def cpython_timings() -> list[tuple[str, float, float]]:
    rows = []
    for slug in web.CALCULATORS:
        module = web.calculator(slug)
        form = HEAVIEST[slug]
        inputs = module.read_form(form)
        times_calc, times_all = [], []
        for _ in range(7):
            t = time.perf_counter()
            module.calculate(inputs)
            times_calc.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            web.run(slug, json.dumps(form), "zh")
            times_all.append((time.perf_counter() - t) * 1000)
        rows.append((slug, statistics.median(times_calc), statistics.median(times_all)))
    return rows


def build_time() -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir",
                    str(ROOT / ".bench" / "site")], cwd=ROOT, check=True, capture_output=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return time.perf_counter() - t


def main() -> int:
    from playwright.sync_api import sync_playwright

    if not (SITE / "index.html").is_file():
        print("site/ is not built: run `make bench` (it builds first)", file=sys.stderr)
        return 1
    chromium = find_chromium()
    snapshot = make_snapshot()
    _Handler.snapshot = snapshot
    httpd = site_server.start(SITE, _Handler)
    base = httpd.url
    calc_page = "calculators/repayment/"
    # a guide page without a calculator on it
    plain = [p for p in sorted((SITE / "guides").glob("*/index.html"))
             if "data-calculator" not in p.read_text(encoding="utf-8")]
    guide_page = plain[0].parent.relative_to(SITE).as_posix() + "/" if plain else ""
    report: list[str] = []

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        version = browser.version

        def fresh():
            return browser.new_context(viewport={"width": 375, "height": 812}, service_workers="block")

        floor, paint, ready, snap = [], [], [], []
        snapshot_works = False
        for _ in range(RUNS):  # alternate the pages, a fresh context each
            ctx = fresh()
            page = ctx.new_page()
            page.goto(base + "__bench/floor.html")
            floor.append(mark(page, "floor-ready"))
            ctx.close()
            ctx = fresh()
            page = ctx.new_page()
            page.goto(base + calc_page)
            paint.append(fcp(page))
            ready.append(mark(page, "calc-engine-ready"))
            ctx.close()
            ctx = fresh()
            page = ctx.new_page()
            page.goto(base + "__bench/snapshot.html")
            snap.append(mark(page, "snapshot-ready"))
            page.wait_for_function("() => window.__works !== undefined", timeout=20000)
            snapshot_works = page.evaluate("window.__works") is True
            ctx.close()

        recalc: dict[str, list[float]] = {}
        for slug in web.CALCULATORS:
            ctx = fresh()
            page = ctx.new_page()
            page.goto(f"{base}calculators/{slug}/?{_query(HEAVIEST[slug])}")
            mark(page, "calc-engine-ready")
            page.wait_for_function(f"() => performance.getEntriesByName('calc-update:{slug}').length >= 1",
                                   timeout=60000)
            field, a, b = TOGGLE[slug]
            selector = f'form[data-calculator="{slug}"] [name="{field}"]'
            for i in range(RECALCS):
                page.fill(selector, b if i % 2 == 0 else a)
                page.wait_for_function(f"() => performance.getEntriesByName('calc-update:{slug}').length >= {i + 2}",
                                       timeout=60000)
            durations = page.evaluate(f"performance.getEntriesByName('calc-update:{slug}').map(e => e.duration)")
            recalc[slug] = durations[1:]
            ctx.close()

        ctx = fresh()
        guide_weight = weigh(ctx, ctx.new_page(), base + guide_page, until_ready=False)
        ctx.close()
        ctx = fresh()
        calc_weight = weigh(ctx, ctx.new_page(), base + calc_page, until_ready=True)
        ctx.close()

        repeat, repeat_engines = [], set()
        for _ in range(RUNS):
            ctx = fresh()
            page = ctx.new_page()
            page.goto(base + calc_page)
            mark(page, "calc-engine-ready")
            # the worker keeps the snapshot in the background on a fast link; make sure it is there
            page.evaluate(KEEP_SNAPSHOT)
            page.goto(base + "calculators/overdue-cost/")
            repeat.append(mark(page, "calc-engine-ready"))
            repeat_engines.add(page.get_attribute("form[data-calculator]", "data-engine"))
            ctx.close()
        browser.close()

    cpython = cpython_timings()
    build_seconds = build_time()
    httpd.stop()

    med_floor = statistics.median(floor)
    med_ready = statistics.median(ready)
    report += [
        "# Benchmark results",
        "",
        f"- date: {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}, Chromium {version}, "
        f"Pyodide {json.loads((ROOT / 'node_modules/pyodide/package.json').read_text())['version']}",
        f"- runs: {RUNS} cold runs per page figure (fresh browser context each, pages alternated); "
        f"{RECALCS} recalculations per calculator",
        "- times in milliseconds from navigation start unless stated; min / median / max",
        "",
        "## Waiting for an answer (cold, headless Chromium, local server)",
        "",
        "| figure | min / median / max (ms) |",
        "| --- | --- |",
        f"| floor: bare page, `loadPyodide()` ready | {stats(floor)} |",
        f"| repayment page: first contentful paint (answer already in the HTML) | {stats(paint)} |",
        f"| repayment page: calculator ready (`data-state=\"ready\"`) | {stats(ready)} |",
        f"| ready / floor (medians; goal ≤ 1.10) | {med_ready / med_floor:.2f} |",
        f"| repeat visit: a second calculator page, HTTP cache warm, snapshot kept "
        f"(engine: {', '.join(sorted(e or '?' for e in repeat_engines))}) | {stats(repeat)} |",
        "",
        "For comparison: the bare page loading the memory snapshot the build made and the site ships "
        "(Pyodide with the calculators imported, tools/snapshot.mjs), on the main thread like the floor.",
        "",
        "| figure | value |",
        "| --- | --- |",
        f"| ready from the snapshot (ms, min / median / max) | {stats(snap)} |",
        f"| snapshot size | {len(snapshot):,} bytes raw, {len(gzip.compress(snapshot, 6)):,} gzipped |",
        f"| calculators work from the snapshot | {'yes' if snapshot_works else 'no'} |",
        "",
        "## Recalculation at the heaviest input (input change → new result in the page, debounce excluded)",
        "",
        "| calculator | median (ms) | p95 (ms) | goal |",
        "| --- | --- | --- | --- |",
    ]
    for slug, values in recalc.items():
        report.append(f"| {slug} | {statistics.median(values):.1f} | {p95(values):.1f} | ≤ 10 / ≤ 30 |")
    report += [
        "",
        "## Weight (bytes of response bodies, uncompressed as served by the local server)",
        "",
        "| page | Pyodide | our JS + CSS (goal < 100 KB) | theme JS + CSS | HTML and other | requests "
        "| snapshot kept after ready (not waited for) |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        f"| guide page without a calculator (`/{guide_page}`) | {guide_weight['pyodide']:,} | "
        f"{guide_weight['own js+css']:,} | {guide_weight['theme js+css']:,} | {guide_weight['html+other']:,} | "
        f"{guide_weight['requests']} | {guide_weight['snapshot']:,} |",
        f"| calculator page, first visit | {calc_weight['pyodide']:,} | {calc_weight['own js+css']:,} | "
        f"{calc_weight['theme js+css']:,} | {calc_weight['html+other']:,} | {calc_weight['requests']} | "
        f"{calc_weight['snapshot']:,} |",
        "",
        "## CPython, heaviest input of each calculator (median of 7)",
        "",
        "| calculator | calculate() (ms) | whole web.run with HTML (ms) |",
        "| --- | --- | --- |",
    ]
    for slug, calc_ms, run_ms in cpython:
        report.append(f"| {slug} | {calc_ms:.2f} | {run_ms:.2f} |")
    report += ["", f"Full site build (`mkdocs build --strict`): {build_seconds:.1f} s", ""]
    text = "\n".join(report)
    print(text)
    OUT.parent.mkdir(exist_ok=True)
    notes = OUT.parent / "notes.md"
    OUT.write_text(text + ("\nSee bench/notes.md for what was tried and kept.\n" if notes.exists() else ""),
                   encoding="utf-8")
    print(f"\nwritten to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
