"""`make bench`: what a reader waits for, measured beside the bare runtime.

Runs against the built site (site/) on a local server in headless Chromium and
prints a markdown report, also written to bench/results.md with the machine,
the versions and the date. Figures:

0. the issue's goals table, each figure against its goal;
1. floor: a bare page that only calls loadPyodide() on the same files (the trimmed
   standard library and small lock), and on Pyodide's own untrimmed files;
2. calculator pages: first contentful paint (the build-time answer is in the
   HTML), time to data-state="ready", ready / floor, and where the start goes
   (the worker's timing marks, re-marked on the page by calc-engine.js);
3. time to ready on a throttled link (CDP Network.emulateNetworkConditions);
4. recalculation at each calculator's heaviest input (tools/cases.py): input
   change → new result in the page (debounce excluded), min / median / p95 / max; and the reader's
   first change on each calculator's page as it opens (no link: the calculator's first run in the
   worker happened at ready, calc-engine.js warm);
5. weight: every request of a guide page and of a calculator page (until ready),
   raw and compressed, from the site's files; and what a first calculator visit costs in
   all, counted at the server with the service worker allowed, to ready and with everything it
   fetches in the background, then what a second calculator page view adds (tools/first_visit.py);
6. repeat visit: a calculator page with the HTTP cache warm and the runtime kept (the snapshot, and the
   wasm, the snapshot's memory and the standard library unpacked, which the start from the snapshot
   kept: calc-worker.js keepUnpacked); and the start before that one (the snapshot kept, nothing unpacked yet);
7. the service worker after a one-page edit (tools/sw_update.py);
8. CPython: each calculator at its heaviest input, the full site build, and with
   BENCH_TEST=1 the test suite's wall time.

``BENCH_ONLY=recalc`` runs only 4 and 8's per-calculator timings and prints them (``BENCH_SLUGS=payoff,repayment``
narrows the browser part), on the site already built: ``.venv/bin/python -m tools.bench``.

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
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from urllib.parse import unquote, urlencode, urlsplit

from calculators import web
from tools import cases, first_visit, site_server, sw_update
from tools.browser import CHROMIUM_ARGS, find_chromium

ROOT = Path(__file__).resolve().parent.parent

SITE = ROOT / "site"
OUT = ROOT / "bench" / "results.md"
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
RECALCS = int(os.environ.get("BENCH_RECALCS", "20"))
SLOW_RUNS = int(os.environ.get("BENCH_SLOW_RUNS", "3"))

# The standard library comes as <zip>.gz (hooks/runtime.py, write_solid); the bare pages unzip it
# as the page's worker does (calc-worker.js), in a fetch that Pyodide's own calls go through.
UNZIP = """const plainFetch = fetch;
globalThis.fetch = async (url, init) => {
  const response = await plainFetch(url, init);
  if (!String(url).endsWith(".zip.gz")) return response;
  const bytes = new Uint8Array(await response.arrayBuffer());
  const zip = bytes[0] === 0x1f && bytes[1] === 0x8b
    ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer() : bytes;
  return new Response(zip, { status: 200, headers: { "Content-Type": "application/zip" } });
};"""

SNAPSHOT_PAGE = b"""<!doctype html><meta charset="utf-8"><title>snapshot</title>
<script type="module">
__UNZIP__
const { loadPyodide } = await import("/pyodide/pyodide.mjs");
const py = await loadPyodide({ indexURL: "/pyodide/", packages: [], stdLibURL: "__STDLIB__",
  _loadSnapshot: fetch("/__bench/snapshot.bin").then((r) => r.arrayBuffer()) });
performance.mark("snapshot-ready");
window.__works = py.runPython("import calculators.web, json; json.loads(calculators.web.run('repayment', '{}'))['ok']");
</script>"""

# The bare floor: loadPyodide() on the main thread and nothing else, on the files the page uses
# (the trimmed standard library and the small lock file) or on Pyodide's own (untrimmed).
FLOOR_PAGE = """<!doctype html><meta charset="utf-8"><title>floor</title>
<script type="module">
__UNZIP__
const { loadPyodide } = await import("/pyodide/pyodide.mjs");
performance.mark("floor-script");
await loadPyodide({ indexURL: "/pyodide/", packages: [], stdLibURL: "__STDLIB__", lockFileURL: "__LOCK__" });
performance.mark("floor-ready");
</script>"""

SLOW = {"offline": False, "latency": 150, "downloadThroughput": 4_000_000 / 8, "uploadThroughput": 1_000_000 / 8}


def heaviest() -> dict[str, dict]:
    """Each calculator's heaviest input: from its cases file (calculators/cases/, read by tools/cases.py)."""
    return cases.heaviest()


# The field each recalculation changes, and two values that set its step (toggle_values): from each
# calculator's cases file (calculators/cases/<module>.json).
TOGGLE: dict[str, tuple[str, str, str]] = {slug: c.toggle for slug, c in cases.all_cases().items()}


def toggle_values(slug: str, count: int) -> list[str]:
    """The values the recalculations type into the toggle field, in turn: ``a + k × (b − a)`` for
    k = 0 … count, each a new value (nothing a calculator remembers, such as payoff's last plans, is
    reused), when every one of them is a result in CPython; otherwise ``a`` and ``b`` alternated.

    >>> toggle_values("payoff", 3)
    ['5265', '5266', '5267', '5268']
    """
    field, a, b = TOGGLE[slug]
    step = Decimal(b) - Decimal(a)
    values = [str(Decimal(a) + k * step) for k in range(count + 1)]
    form = heaviest()[slug]
    if all(web.compute(slug, {**form, field: v}, "zh", dt.date.fromisoformat(cases.CLOCK))["ok"] for v in values):
        return values
    return [a if k % 2 == 0 else b for k in range(count + 1)]


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


def _brotli():
    try:
        import brotli  # optional: `pip install brotli` to see brotli sizes too
    except ImportError:
        return None
    return brotli


_SIZES: dict[Path, tuple[int, int, int | None]] = {}


def sizes(path: Path) -> tuple[int, int, int | None]:
    """(raw, gzip -6, brotli -11 or None) bytes of a file as a static host would send it."""
    if path not in _SIZES:
        data = path.read_bytes()
        if not site_server.compressed(path):  # sent as it is (the server's rule)
            _SIZES[path] = (len(data), len(data), len(data) if _brotli() else None)
        else:
            br = _brotli()
            _SIZES[path] = (len(data), len(gzip.compress(data, site_server.GZIP_LEVEL)),
                            len(br.compress(data, quality=11)) if br else None)
    return _SIZES[path]


def site_file(url: str, base: str) -> Path | None:
    """The site file a URL of the local server names (None for the bench's own pages)."""
    if not url.startswith(base):
        return None
    rel = unquote(urlsplit(url).path).lstrip("/")
    if rel.startswith("__bench"):
        return None
    path = SITE / rel
    if rel == "" or rel.endswith("/"):
        path = path / "index.html"
    return path if path.is_file() else None


class _Handler(site_server.SiteHandler):
    """The site as tools/site_server.py serves it (gzip as a static host), plus the bench's own pages."""

    snapshot: bytes = b""
    stdlib: str = ""

    def _own(self) -> tuple[bytes, str] | None:
        def floor(stdlib: str, lock: str) -> bytes:
            return (FLOOR_PAGE.replace("__UNZIP__", UNZIP).replace("__STDLIB__", stdlib)
                    .replace("__LOCK__", lock).encode())

        html = "text/html; charset=utf-8"
        own = {"/__bench/snapshot.bin": (self.snapshot, "application/octet-stream"),
               "/__bench/snapshot": (SNAPSHOT_PAGE.replace(b"__UNZIP__", UNZIP.encode())
                                     .replace(b"__STDLIB__", self.stdlib.encode()), html),
               "/__bench/floor-full": (floor("/pyodide/python_stdlib.zip", "/__bench/full-lock.json"), html),
               "/__bench/floor": (floor(self.stdlib, "/pyodide/pyodide-lock.json"), html),
               "/__bench/full-lock.json": ((ROOT / "node_modules/pyodide/pyodide-lock.json").read_bytes(),
                                           "application/json")}
        for prefix, answer in own.items():  # the longest prefix first
            if self.path.startswith(prefix):
                return answer
        return None

    def do_GET(self):  # noqa: N802
        own = self._own()
        if own is None:
            super().do_GET()
            return
        body, kind = own
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


# Let the browser cache like a static host would (for the repeat-visit figure); the bench's own pages not.
CACHE_CONTROL = "public, max-age=3600"


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

# Whether the page's worker has kept Pyodide's wasm unpacked (calc-worker.js keepUnpacked: the wasm last).
WASM_KEPT = """async () => (await (await caches.open("runtime")).keys())
    .some((request) => /\\/pyodide\\.asm-[0-9a-f]+\\.wasm$/.test(request.url))"""

OWN_FILES = ("/calculator.js", "/calc-engine.js", "/calc-worker.js", "/zstd-worker.js", "/boot.mjs", "/site.css", "/sw.js")


def kind(path: Path) -> str:
    """What a site file is, for the weight tables."""
    name = path.name
    if path.parent.name == "pyodide":
        return {"pyodide.asm.wasm": "Pyodide wasm", "pyodide.asm.wasm.gz": "Pyodide wasm",
                "pyodide.asm.wasm.zst": "Pyodide wasm", "fzstd.mjs": "zstd decoder (fzstd)",
                "pyodide.asm.mjs": "Pyodide asm.mjs",
                "python_stdlib.zip": "standard library (full)", "pyodide-lock.json": "Pyodide lock file"}.get(
                    name, "Pyodide pyodide.mjs")
    if name.startswith("stdlib-"):
        return "standard library (trimmed)"
    if name.startswith(("calculators-", "page-")):
        return "calculators package"
    if name.startswith("snapshot-"):
        return "snapshot"
    if "/" + name in OWN_FILES:
        return "our JS + CSS"
    if name == "search_index.json":
        return "search index"
    if name.endswith((".js", ".css", ".mjs")):
        return "theme JS + CSS"
    if name.endswith(".html"):
        return "HTML"
    return "other"


def weigh(context, page, url: str, base: str, until_ready: bool) -> dict[str, list[int]]:
    """kind -> [raw, gzip, brotli, requests] of what the page asks for until ready (a calculator
    page) or until the network is idle (a guide page), counted from the site's files."""
    asked: list[str] = []
    context.on("request", lambda r: asked.append(r.url))
    page.goto(url)
    if until_ready:
        mark(page, "calc-engine-ready", timeout=120000)
    else:
        page.wait_for_load_state("networkidle")
    seen = list(asked)
    out: dict[str, list[int]] = {}
    for u in seen:
        path = site_file(u, base)
        if path is None or kind(path) == "snapshot":
            continue  # the snapshot is kept after ready, in the background: not waited for
        raw, gz, br = sizes(path)
        row = out.setdefault(kind(path), [0, 0, 0, 0])
        row[0] += raw
        row[1] += gz
        row[2] += br or 0
        row[3] += 1
    return out


def make_snapshot() -> bytes:
    """The snapshot the build made (site/assets/py/snapshot-*.bin.gz), unzipped for the bare page."""
    made = sorted((SITE / "assets" / "py").glob("snapshot-*.bin.gz"))
    if not made:
        print("site/ has no snapshot (the build could not make one)", file=sys.stderr)
        return b""
    return gzip.decompress(made[0].read_bytes())


def recalculations(fresh, base: str, slugs=None) -> dict[str, list[float]]:
    """Each calculator's page at its heaviest input; the toggle field changed RECALCS times
    (``toggle_values``: a new value each time where it can); the page's own ``calc-update:<slug>`` measure of each change:
    the worker's computation and the DOM update, debounce excluded."""
    recalc: dict[str, list[float]] = {}
    for slug in slugs or web.CALCULATORS:
        ctx = fresh()
        page = ctx.new_page()
        field = TOGGLE[slug][0]
        values = toggle_values(slug, RECALCS)
        page.goto(f"{base}calculators/{slug}/?{_query({**heaviest()[slug], field: values[0]})}")
        mark(page, "calc-engine-ready")
        page.wait_for_function(f"() => performance.getEntriesByName('calc-update:{slug}').length >= 1",
                               timeout=60000)
        selector = f'form[data-calculator="{slug}"] [name="{field}"]'
        cdp = ctx.new_cdp_session(page)
        cdp.send("Performance.enable")
        before = _render_seconds(cdp)
        for i in range(RECALCS):
            page.fill(selector, values[i + 1])
            page.wait_for_function(f"() => performance.getEntriesByName('calc-update:{slug}').length >= {i + 2}",
                                   timeout=60000)
            page.evaluate("() => document.body.offsetHeight")  # this change's style and layout, done now
        RENDERING[slug] = (_render_seconds(cdp) - before) * 1000 / RECALCS
        durations = page.evaluate(f"performance.getEntriesByName('calc-update:{slug}').map(e => e.duration)")
        recalc[slug] = durations[1:]
        python = page.evaluate(f"performance.getEntriesByName('calc-python:{slug}').map(e => e.duration)")
        if len(python) == len(durations):
            IN_PYTHON[slug] = python[1:]
        # long tables' hidden rows arrive after the answer (calculator.js loadRest): from the input change
        page.wait_for_timeout(500)
        whole = page.evaluate(f"performance.getEntriesByName('calc-rest:{slug}').map(e => e.duration)")
        if whole:
            WHOLE_TABLES[slug] = whole[1:] or whole
        ctx.close()
    return recalc


# The field the first change is made in where the toggle field does not suit the page as it opens (apr's
# monthly fee rate is empty there and may not be filled beside the payment already given).
FIRST_FIELD = {"apr": "principal"}


def first_changes(fresh, base: str, slugs=None) -> dict[str, dict[str, float | None]]:
    """Each calculator's own page opened as a reader finds it (no link: the build's example shown), left
    until the worker has run the calculator once at ready (``calc-warm:<slug>``, calc-engine.js warm), then
    one field changed once (``FIRST_FIELD`` or the toggle field: its value plus one, else the toggle's
    value): that change's ``calc-update`` (input → new answer in the page, debounce
    excluded), Python's part of it, and the warm-up run's own time. One run each, a fresh context each
    (a first visit: the engine starts fresh, not from the snapshot)."""
    out: dict[str, dict[str, float | None]] = {}
    for slug in slugs or web.CALCULATORS:
        ctx = fresh()
        page = ctx.new_page()
        field = FIRST_FIELD.get(slug, TOGGLE[slug][0])
        page.goto(f"{base}calculators/{slug}/")
        mark(page, "calc-engine-ready")
        measure = "(name) => (performance.getEntriesByName(name)[0] || {}).duration ?? null"
        try:
            page.wait_for_function(f"() => performance.getEntriesByName('calc-warm:{slug}').length >= 1", timeout=15000)
        except Exception:  # noqa: BLE001 - a build without the warm-up: the change is measured all the same
            pass
        warm = page.evaluate(measure, f"calc-warm:{slug}")
        form = f'form[data-calculator="{slug}"]'
        # the field as the page has it plus one (a reader's small correction), else the toggle's value
        now = page.input_value(f'{form} [name="{field}"]')
        value = str(Decimal(now) + 1) if now.replace(".", "", 1).isdigit() else toggle_values(slug, 2)[1]
        page.fill(f'{form} [name="{field}"]', value)
        try:  # an answer, or a message (next to a field or for the whole form): then "—"
            page.wait_for_function(
                f"() => performance.getEntriesByName('calc-update:{slug}').length >= 1 || [...document.querySelectorAll("
                f"'{form} .calc-error, {form} .calc-form-error')].some(e => e.textContent.trim())", timeout=60000)
        except Exception:  # noqa: BLE001 - one calculator's figure missing does not lose the whole run
            pass
        out[slug] = {"update": page.evaluate(measure, f"calc-update:{slug}"),
                     "python": page.evaluate(measure, f"calc-python:{slug}"), "warm": warm}
        ctx.close()
    return out


FIRST_CHANGE_HEAD = [
    "### The reader's first change on a calculator's page (no link; one run each, first visit)",
    "",
    "The page as a reader opens it, with the build's example; once ready the worker runs the calculator once on "
    "that form and drops the reply (calc-engine.js warm), so the first change does not pay for the first run of "
    "the calculator's code (the wasm's functions compiled on first use, its modules imported).",
    "",
]


def first_change_rows(first: dict[str, dict[str, float | None]]) -> list[str]:
    """The first-change table: per calculator, the change, Python's part, the warm-up run before it."""
    def ms(value: float | None) -> str:
        return "—" if value is None else f"{value:.1f}"

    rows = ["| calculator | the reader's first change: input → new answer (ms) | of which Python in the worker (ms) "
            "| the warm-up run at ready, in the worker (ms) |", "| --- | --- | --- | --- |"]
    # "—" for the change: the page answered it with a message (no new answer to time)
    for slug, f in first.items():
        rows.append(f"| {slug} | {ms(f['update'])} | {ms(f['python'])} | {ms(f['warm'])} |")
    return rows


# per calculator: the Python call's own time in the worker for each change (ms), of the calc-update measure
IN_PYTHON: dict[str, list[float]] = {}
# per calculator with long tables: input change → their hidden rows at hand (after the answer)
WHOLE_TABLES: dict[str, list[float]] = {}
# per calculator: the browser's style and layout work per change, mean over the changes (ms). The page's
# calc-update measure ends when its script has put the new HTML in; restyling and laying it out comes
# after, before the reader sees it (Chromium's own counters, CDP Performance.getMetrics).
RENDERING: dict[str, float] = {}


def _render_seconds(cdp) -> float:
    """Seconds the page's renderer has spent restyling and laying out so far."""
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return metrics["RecalcStyleDuration"] + metrics["LayoutDuration"]


def recalc_rows(recalc: dict[str, list[float]]) -> list[str]:
    """The recalculation table: per calculator, min / median / p95 / max against the goal, and when
    its long tables' hidden rows were at hand (median, after the answer: "show all", CSV, print)."""
    rows = ["| calculator | min (ms) | median (ms) | p95 (ms) | max (ms) | goal | met | of which Python in the worker, "
            "median (ms) | long tables whole, median (ms) | then style + layout, mean (ms) |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for slug, values in recalc.items():
        med, top = statistics.median(values), p95(values)
        whole = f"{statistics.median(WHOLE_TABLES[slug]):.1f}" if WHOLE_TABLES.get(slug) else "—"
        drawn = f"{RENDERING[slug]:.1f}" if slug in RENDERING else "—"
        python = f"{statistics.median(IN_PYTHON[slug]):.1f}" if IN_PYTHON.get(slug) else "—"
        rows.append(f"| {slug} | {min(values):.1f} | {med:.1f} | {top:.1f} | {max(values):.1f} | ≤ 10 / ≤ 30 | "
                    f"{'yes' if med <= 10 and top <= 30 else 'no'} | {python} | {whole} | {drawn} |")
    return rows


CPYTHON_RUNS = int(os.environ.get("BENCH_CPYTHON_RUNS", "50"))


def cpython_timings() -> list[tuple[str, list[float], list[float]]]:
    """Per calculator at its heaviest input: ``calculate()`` alone, and ``web.run`` as the page's
    worker calls it (no result data, HTML and all), the toggle field changed as in the browser
    (``toggle_values``);
    CPYTHON_RUNS runs each, milliseconds."""
    rows = []
    for slug in web.CALCULATORS:
        module = web.calculator(slug)
        form = heaviest()[slug]
        inputs = module.read_form(form)
        field = TOGGLE[slug][0]
        texts = [json.dumps({**form, field: value}, ensure_ascii=False) for value in toggle_values(slug, CPYTHON_RUNS)]
        times_calc, times_all = [], []
        for i in range(CPYTHON_RUNS):
            t = time.perf_counter()
            module.calculate(inputs)
            times_calc.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            web.run(slug, texts[i], "zh", False, cases.CLOCK)
            times_all.append((time.perf_counter() - t) * 1000)
        rows.append((slug, times_calc, times_all))
    return rows


def ms3(values: list[float]) -> str:
    return f"{min(values):.2f} / {statistics.median(values):.2f} / {max(values):.2f}"


def cpython_rows(cpython: list[tuple[str, list[float], list[float]]]) -> list[str]:
    rows = [f"## CPython, heaviest input of each calculator ({CPYTHON_RUNS} runs, min / median / max, ms)",
            "",
            "| calculator | calculate() | web.run as the page calls it (HTML, no result data) |",
            "| --- | --- | --- |"]
    rows += [f"| {slug} | {ms3(calc)} | {ms3(run)} |" for slug, calc, run in cpython]
    return rows


def recalc_only() -> int:
    """``BENCH_ONLY=recalc``: only the recalculation figures (browser and CPython), printed, not written.
    ``BENCH_SLUGS=payoff,repayment`` narrows the browser part."""
    from playwright.sync_api import sync_playwright

    if not (SITE / "index.html").is_file():
        print("site/ is not built: run `make build` first", file=sys.stderr)
        return 1
    slugs = [s for s in os.environ.get("BENCH_SLUGS", "").split(",") if s] or None
    httpd = site_server.start(SITE, _Handler)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)

        def fresh():
            return browser.new_context(viewport={"width": 375, "height": 812}, service_workers="block")

        recalc = recalculations(fresh, httpd.url, slugs)
        first = first_changes(fresh, httpd.url, slugs)
        browser.close()
    httpd.stop()
    report = [f"## Recalculation at the heaviest input ({RECALCS} changes each; input change → new result "
              "in the page, debounce excluded)", "", *recalc_rows(recalc), "", *FIRST_CHANGE_HEAD,
              *first_change_rows(first), "", *cpython_rows(cpython_timings())]
    print("\n".join(report))
    return 0


def build_time() -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir",
                    str(ROOT / ".bench" / "site")], cwd=ROOT, check=True, capture_output=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return time.perf_counter() - t


def test_time() -> float | None:
    """`make test`'s pytest run, timed (only with BENCH_TEST=1: it takes minutes)."""
    if os.environ.get("BENCH_TEST") != "1":
        return None
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pytest", "-q"], cwd=ROOT, capture_output=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return time.perf_counter() - t


# The start, step by step: (label, from mark, to mark), marks on the page's clock
# (calc-engine.js re-marks the worker's steps as calc-worker:<step>).
STEPS = [
    ("page scripts run (navigation → calc-engine.js evaluated)", None, "calc-engine-loaded"),
    ("the page's engine takes the worker over (after calc-engine.js evaluated)", "calc-engine-loaded",
     "calc-engine-start"),
    ("worker running (navigation → calc-worker.js run; started from the page's head, it asks for the runtime then)",
     None, "calc-worker:worker-start"),
    ("boot message reaches the worker (navigation → the message; sent from the page's head)", None,
     "calc-worker:boot-message"),
    ("wasm compiled (navigation → done; compiled as it arrives, from the worker's start)", None,
     "calc-worker:wasm-compiled"),
    ("pyodide.mjs (and pyodide.asm.mjs, fetched alongside)", "calc-worker:boot-message", "calc-worker:pyodide-script"),
    ("loadPyodide: wasm + standard library download, compile, interpreter start", "calc-worker:pyodide-script",
     "calc-worker:python-started"),
    ("unpack the calculators package", "calc-worker:python-started", "calc-worker:package-unpacked"),
    ("first import (calculators.web)", "calc-worker:package-unpacked", "calc-worker:calculators-imported"),
    ("ready known to the page (the message, or the engine taking over a worker that was ready first)",
     "calc-worker:calculators-imported", "calc-engine-ready"),
]
FETCHES = [("pyodide.asm.wasm", "pyodide.asm.wasm"), ("pyodide.asm.mjs", "pyodide.asm.mjs"),
           ("standard library", "/stdlib-"), ("calculators package (the page's own zip)", "/assets/py/page-")]

TIMELINE = """() => {
    const at = {};
    for (const e of performance.getEntriesByType("mark")) at[e.name] ??= e.startTime;
    const fetches = performance.getEntriesByType("measure").filter((e) => e.name.startsWith("calc-fetch:"))
        .map((e) => [e.name.slice(11), e.startTime, e.duration]);
    const update = performance.getEntriesByType("measure").find((e) => e.name.startsWith("calc-update:"));
    return { at, fetches, update: update ? [update.startTime, update.duration] : null };
}"""


def timeline(page) -> dict:
    page.wait_for_function("() => performance.getEntriesByType('measure').some(e => e.name.startsWith('calc-update:'))",
                           timeout=60000)
    return page.evaluate(TIMELINE)


def breakdown(timelines: list[dict]) -> list[tuple[str, list[float]]]:
    rows = []
    for label, a, b in STEPS:
        rows.append((label, [t["at"][b] - (t["at"][a] if a else 0) for t in timelines
                             if b in t["at"] and (a is None or a in t["at"])]))
    for label, part in FETCHES:
        rows.append((f"  of which: {label} fetch (start → end)",
                     [next((d for n, _, d in t["fetches"] if part in n), 0) for t in timelines]))
    rows.append(("first answer: compute in the worker + DOM update (`calc-update`)",
                 [t["update"][1] for t in timelines if t["update"]]))
    rows.append(("ready → first answer shown", [t["update"][0] + t["update"][1] - t["at"]["calc-engine-ready"]
                                               for t in timelines if t["update"]]))
    return rows


def kb(n: float) -> str:
    return f"{n / 1000:,.0f} KB" if n < 1_000_000 else f"{n / 1_000_000:,.2f} MB"


def weight_rows(weights: dict[str, list[int]], with_brotli: bool) -> list[str]:
    rows = []
    total = [0, 0, 0, 0]
    for k, (raw, gz, br, n) in sorted(weights.items(), key=lambda kv: -kv[1][1]):
        rows.append(f"| {k} | {n} | {raw:,} | {gz:,} |" + (f" {br:,} |" if with_brotli else ""))
        total = [total[0] + raw, total[1] + gz, total[2] + br, total[3] + n]
    rows.append(f"| **total** | {total[3]} | {total[0]:,} | {total[1]:,} |"
                + (f" {total[2]:,} |" if with_brotli else ""))
    return rows


def main() -> int:
    from playwright.sync_api import sync_playwright

    if not (SITE / "index.html").is_file():
        print("site/ is not built: run `make bench` (it builds first)", file=sys.stderr)
        return 1
    chromium = find_chromium()
    snapshot = make_snapshot()
    trimmed = sorted((SITE / "assets" / "py").glob("stdlib-*.zip.gz"))
    _Handler.snapshot = snapshot
    _Handler.stdlib = f"/assets/py/{trimmed[0].name}" if trimmed else "/pyodide/python_stdlib.zip"
    httpd = site_server.start(SITE, _Handler, cache_control=CACHE_CONTROL)
    base = httpd.url
    calc_page = "calculators/repayment/"
    shared_link = calc_page + "?principal=8800&annual_rate=18&months=12"  # computes at ready
    # a guide page without a calculator on it
    plain = [p for p in sorted((SITE / "guides").glob("*/index.html"))
             if "data-calculator" not in p.read_text(encoding="utf-8")]
    guide_page = plain[0].parent.relative_to(SITE).as_posix() + "/" if plain else ""
    with_brotli = _brotli() is not None

    # the machine may be shared: its load average beside the figures it may have slowed
    loads = [("start", os.getloadavg())]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        version = browser.version

        def fresh():
            return browser.new_context(viewport={"width": 375, "height": 812}, service_workers="block")

        def cold(url: str, name: str, throttle: dict | None = None) -> tuple[float | None, object]:
            ctx = fresh()
            page = ctx.new_page()
            if throttle:
                cdp = ctx.new_cdp_session(page)
                cdp.send("Network.enable")
                cdp.send("Network.emulateNetworkConditions", throttle)
            page.goto(url)
            try:
                return mark(page, name, timeout=120000), (ctx, page)
            except Exception:  # noqa: BLE001 - a start that never gets ready is reported as such
                return None, (ctx, page)

        floor, floor_full, paint, ready, answer, snap, timelines, floor_script = [], [], [], [], [], [], [], []
        snapshot_works = False
        for _ in range(RUNS):  # alternate the pages, a fresh context each
            t, (ctx, page) = cold(base + "__bench/floor.html", "floor-ready")
            floor.append(t)
            floor_script.append(mark(page, "floor-script"))
            ctx.close()
            t, (ctx, page) = cold(base + shared_link, "calc-engine-ready")
            ready.append(t)
            paint.append(fcp(page))
            tl = timeline(page)
            timelines.append(tl)
            answer.append(tl["update"][0] + tl["update"][1])
            ctx.close()
            t, (ctx, page) = cold(base + "__bench/floor-full.html", "floor-ready")
            floor_full.append(t)
            ctx.close()
            t, (ctx, page) = cold(base + "__bench/snapshot.html", "snapshot-ready")
            snap.append(t)
            page.wait_for_function("() => window.__works !== undefined", timeout=20000)
            snapshot_works = page.evaluate("window.__works") is True
            ctx.close()

        loads.append(("after the cold runs", os.getloadavg()))
        slow, slow_errors = [], []
        for _ in range(SLOW_RUNS):
            t, (ctx, page) = cold(base + calc_page, "calc-engine-ready", throttle=SLOW)
            if t is None:
                slow_errors.append(page.get_attribute("form[data-calculator]", "data-engine-error") or "none")
            else:
                slow.append(t)
            ctx.close()
        slow_floor = []
        for _ in range(SLOW_RUNS):
            t, (ctx, page) = cold(base + "__bench/floor.html", "floor-ready", throttle=SLOW)
            if t is not None:
                slow_floor.append(t)
            ctx.close()

        loads.append(("after the throttled runs", os.getloadavg()))
        recalc = recalculations(fresh, base)
        first_change = first_changes(fresh, base)

        ctx = fresh()
        guide_weight = weigh(ctx, ctx.new_page(), base + guide_page, base, until_ready=False)
        ctx.close()
        ctx = fresh()
        calc_weight = weigh(ctx, ctx.new_page(), base + calc_page, base, until_ready=True)
        ctx.close()
        first, back = first_visit.visit(browser, SITE, (calc_page, "calculators/overdue-cost/"))

        repeat, second, repeat_engines, repeat_kept = [], [], set(), []
        for _ in range(RUNS):
            ctx = fresh()
            page = ctx.new_page()
            page.goto(base + calc_page)
            mark(page, "calc-engine-ready")
            # the worker keeps the snapshot in the background on a fast link; make sure it is there
            page.evaluate(KEEP_SNAPSHOT)
            page.goto(base + "calculators/overdue-cost/")
            second.append(mark(page, "calc-engine-ready"))
            # that start keeps the runtime unpacked, in the background (the wasm last): wait for it
            for _ in range(300):
                if page.evaluate(WASM_KEPT):
                    break
                page.wait_for_timeout(200)
            page.goto(base + "calculators/apr/")
            repeat.append(mark(page, "calc-engine-ready"))
            repeat_engines.add(page.get_attribute("form[data-calculator]", "data-engine"))
            repeat_kept.append(page.evaluate("""['wasm', 'memory', 'stdlib'].every((what) =>
                performance.getEntriesByName(`calc-worker:${what}-from-kept`).length > 0)"""))
            ctx.close()
        loads.append(("after the repeat visits", os.getloadavg()))
        httpd.stop()

        with tempfile.TemporaryDirectory() as work:
            update = sw_update.run(browser, Path(work), built=SITE)
        browser.close()

    cpython = cpython_timings()
    build_seconds = build_time()
    suite_seconds = test_time()

    med_floor = statistics.median(floor)
    med_ready = statistics.median(ready)
    guide_gz = sum(v[1] for v in guide_weight.values())
    guide_raw = sum(v[0] for v in guide_weight.values())
    calc_gz = sum(v[1] for v in calc_weight.values())
    calc_raw = sum(v[0] for v in calc_weight.values())
    worst = max(recalc, key=lambda s: statistics.median(recalc[s]))
    worst95 = max(recalc, key=lambda s: p95(recalc[s]))
    report = [
        "# Benchmark results",
        "",
        f"- date: {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}, Chromium {version}, "
        f"Pyodide {json.loads((ROOT / 'node_modules/pyodide/package.json').read_text())['version']}",
        f"- runs: {RUNS} cold runs per page figure (fresh browser context each, pages alternated: floor, "
        f"calculator page, untrimmed floor, snapshot); {SLOW_RUNS} throttled runs; {RECALCS} recalculations "
        "per calculator",
        "- the local server sends files gzip -6 compressed (as a static host does; .zip and .gz as they are)",
        "- bytes: counted from the site's files for every request the page made: raw, gzip -6"
        + (", brotli -11" if with_brotli else " (install the `brotli` pip package to see brotli sizes too)"),
        "- times in milliseconds from navigation start unless stated; min / median / max",
        "- load average (1 / 5 / 15 min; the machine is shared): "
        + "; ".join(f"{when} {a:.2f} / {b:.2f} / {c:.2f}" for when, (a, b, c) in loads),
        "",
        "## The goals (issues 15 and 23)",
        "",
        "| figure | measured | goal | met |",
        "| --- | --- | --- | --- |",
        f"| guide page, bytes before any interaction (gzip) | {kb(guide_gz)} ({kb(guide_raw)} raw) | ≤ 100 KB | "
        f"{'yes' if guide_gz <= 100_000 else 'no'} |",
        f"| calculator first visit, bytes to ready (gzip) | {kb(calc_gz)} ({kb(calc_raw)} raw) | ≤ 4.3 MB | "
        f"{'yes' if calc_gz <= 4_300_000 else 'no'} |",
        f"| calculator first visit in all, with what it fetches in the background (sent by the server, "
        f"service worker included) | {kb(first.sent_total)} ({kb(first.raw(first.to_ready + first.after))} raw) "
        f"| ≤ 5 MB | {'yes' if first.sent_total <= 5_000_000 else 'no'} |",
        f"| time to ready at 4 Mbit/s, 150 ms latency, first visit (ms) | "
        f"{stats(slow) if slow else 'never ready'}"
        + (f"; {len(slow_errors)} of {SLOW_RUNS} runs not ready ({', '.join(slow_errors)})" if slow_errors else "")
        + f" | ≤ 10 s | {'yes' if slow and not slow_errors and max(slow) <= 10000 else 'no'} |",
        f"| repeat visit: a calculator page, runtime kept (snapshot, wasm, memory, library), HTTP cache warm (ms) | {stats(repeat)} | ≤ 1 s | "
        f"{'yes' if repeat and max(repeat) <= 1000 else 'no'} |",
        f"| cold ready / bare `loadPyodide()` floor, same files, alternating runs | "
        f"{med_ready / med_floor:.2f} (medians {med_ready:.0f} / {med_floor:.0f} ms) | ≤ 1.10 | "
        f"{'yes' if med_ready / med_floor <= 1.10 else 'no'} |",
        f"| recalculation at the heaviest input, median / p95 (worst calculator) | "
        f"{statistics.median(recalc[worst]):.1f} ms ({worst}) / {p95(recalc[worst95]):.1f} ms ({worst95}) | "
        f"≤ 10 / ≤ 30 ms | {'yes' if statistics.median(recalc[worst]) <= 10 and p95(recalc[worst95]) <= 30 else 'no'} |",
        "| service worker after a one-page edit | __SW__ | only the changed files | __SWOK__ |",
        f"| `make test` wall time on this machine | "
        f"{f'{suite_seconds / 60:.1f} min' if suite_seconds else 'not timed in this run (BENCH_TEST=1 times it)'}"
        f" | ≤ 6 min | {('yes' if suite_seconds <= 360 else 'no') if suite_seconds else '—'} |",
        "",
        "## Waiting for an answer (cold, headless Chromium, local server)",
        "",
        "| figure | min / median / max (ms) |",
        "| --- | --- |",
        f"| floor: bare page, `loadPyodide()` ready, trimmed standard library + small lock (the site's files) | "
        f"{stats(floor)} |",
        f"| floor, untrimmed: Pyodide's own python_stdlib.zip and pyodide-lock.json | {stats(floor_full)} |",
        f"| repayment page (a shared link): first contentful paint (answer already in the HTML) | {stats(paint)} |",
        f"| repayment page: calculator ready (`data-state=ready`) | {stats(ready)} |",
        f"| repayment page: the link's answer shown | {stats(answer)} |",
        f"| ready / floor (medians; goal ≤ 1.10) | {med_ready / med_floor:.2f} |",
        f"| throttled (4 Mbit/s down, 1 Mbit/s up, 150 ms latency, CDP): calculator ready | "
        f"{stats(slow) if slow else 'never ready'} |",
        f"| throttled: floor ready (same files) | {stats(slow_floor)} |",
        f"| repeat visit: a calculator page, HTTP cache warm, runtime kept: the snapshot, and the wasm, its memory "
        f"and the standard library unpacked (engine: {', '.join(sorted(e or '?' for e in repeat_engines))}; "
        f"all three read from where they were kept in {sum(repeat_kept)} of {len(repeat_kept)} runs) | {stats(repeat)} |",
        f"| the start before it: a second calculator page, snapshot kept, the wasm downloaded (HTTP cache) and "
        f"unpacked, the snapshot gunzipped (all kept unpacked after this start) | {stats(second)} |",
        "",
        "### Where the cold start goes (repayment page, medians of the cold runs above)",
        "",
        "| step | min / median / max (ms) |",
        "| --- | --- |",
    ]
    for label, values in breakdown(timelines):
        report.append(f"| {label} | {stats(values)} |")
    report += [
        f"| for comparison, the floor: pyodide.mjs imported | {stats(floor_script)} |",
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
        *recalc_rows(recalc),
        "",
        *FIRST_CHANGE_HEAD,
        *first_change_rows(first_change),
    ]
    head = "| kind | requests | raw bytes | gzip -6 |" + (" brotli -11 |" if with_brotli else "")
    rule = "| --- | --- | --- | --- |" + (" --- |" if with_brotli else "")
    report += [
        "",
        "## Weight (every request until the figure's end, sizes from the site's files)",
        "",
        f"### Guide page without a calculator (`/{guide_page}`), until the network is idle, no service worker",
        "",
        head, rule, *weight_rows(guide_weight, with_brotli),
        "",
        "### Calculator page, first visit, until ready (the snapshot kept afterwards is not counted)",
        "",
        head, rule, *weight_rows(calc_weight, with_brotli),
        "",
        "### What a reader pays: counted at the server (gzip -6 as sent, headers included), service worker "
        "allowed (tools/first_visit.py)",
        "",
        "A first calculator page view keeps nothing ahead: no snapshot, no pages for offline use. A second "
        "calculator page view (the reader came back) keeps the snapshot (unless Save-Data) and, once idle, the "
        "pages of the reader's language. Bytes are the same on every run: one run each.",
        "",
        "| visit | to ready, sent (raw) | in all, with background fetches, sent (raw) | requests | snapshot | "
        "pages kept ahead |",
        "| --- | --- | --- | --- | --- | --- |",
        *(f"| {label} | {one.sent_to_ready:,} ({one.raw(one.to_ready):,}) | {one.sent_total:,} "
          f"({one.raw(one.to_ready + one.after):,}) | {len(one.to_ready) + len(one.after)} | {one.snapshot} | "
          f"{one.offline} |"
          for label, one in (("first calculator page (`/" + calc_page + "`)", first),
                             ("then a second calculator page (`/calculators/overdue-cost/`)", back))),
        "",
        "## Service worker",
        "",
        "| figure | value |",
        "| --- | --- |",
        f"| files kept ahead for a Chinese reader (in the background, once a page is idle) | {len(update.ahead)} files, "
        f"__AHEADGZ__ gzip ({kb(update.ahead_bytes)} raw) |",
        f"| one page edited and the site rebuilt: files whose bytes changed | {len(update.changed)}: "
        f"{', '.join(sorted(update.changed))} |",
        f"| fetched by the installed worker's update | {len(update.fetched)} requests: "
        f"{', '.join(sorted(update.fetched))} |",
        "",
        *cpython_rows(cpython),
    ]
    report += ["", f"Full site build (`mkdocs build --strict`, runtime files from .cache/runtime): "
               f"{build_seconds:.1f} s", ""]
    ahead_gz = sum(sizes(SITE / rel)[1] for rel in update.ahead if (SITE / rel).is_file())
    expected = {update.served(rel) for rel in update.changed} | {"/sw.js"}
    sw_text = (f"{len(update.fetched)} files fetched ({len(update.changed)} changed + sw.js) of "
               f"{len(update.ahead)} kept; {kb(update.changed_bytes)} raw instead of {kb(update.ahead_bytes)}")
    text = "\n".join(report).replace("__SW__", sw_text).replace(
        "__SWOK__", "yes" if update.fetched == expected else "no").replace("__AHEADGZ__", kb(ahead_gz))
    print(text)
    OUT.parent.mkdir(exist_ok=True)
    notes = OUT.parent / "notes.md"
    OUT.write_text(text + ("\nSee bench/notes.md for what was tried and kept.\n" if notes.exists() else ""),
                   encoding="utf-8")
    print(f"\nwritten to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(recalc_only() if os.environ.get("BENCH_ONLY") == "recalc" else main())
