"""When the calculators' engine starts (issue 23, "start at the first byte"): from the head of a
calculator's or letter's own page, without waiting for the page's scripts, an idle moment or a touch;
elsewhere (a guide with a calculator in it) never later than the reader's first touch of a form; at
once for a shared link; with Save-Data only on the reader's touch.

These pages' idle callback never fires (an init script replaces requestIdleCallback): a page that
waits for idle would never get ready here."""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from hooks import offline
from tests.browser.helpers import (
    cpython,
    expected_figures,
    gunzipped,
    kept_entry,
    snapshot_image,
    wait_figures,
    wait_kept,
    wait_ready,
)
from tests.conftest import _returning_reader

pytestmark = [pytest.mark.browser, pytest.mark.first_visit]

NEVER_IDLE = "window.requestIdleCallback = () => 0;"
# Each worker the page makes, by the document's readyState at that moment.
WORKERS_BORN = """{
  const Real = window.Worker;
  window.__workersBorn = [];
  window.Worker = function (...args) { window.__workersBorn.push(document.readyState); return new Real(...args); };
  window.Worker.prototype = Real.prototype;
}"""
SLUG = "repayment"


def _worker_asked(requests: list[str]) -> bool:
    return any("/calc-worker.js" in url for url in requests)


def _engine_booted(requests: list[str]) -> bool:
    """The engine was told to start: the worker asks for the standard library and our package only then
    (it may have been fetching the runtime itself since the page's head)."""
    return any("/assets/py/" in url for url in requests)


def _open(page, url: str, *init_scripts: str) -> list[str]:
    """Open ``url`` with ``init_scripts`` run first; the URLs the page (and its workers) ask for, as
    they are asked for, from the start until the end of the test."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    for script in init_scripts:
        page.add_init_script(script)
    page.goto(url)
    page.wait_for_load_state("load")
    return requests


def _open_holding(page, url: str, held_pattern: str, until) -> tuple[list[str], list]:
    """Open ``url`` with every request matching ``held_pattern`` held (not answered); poll (at most 20 s)
    until ``until(requests, held)``. The URLs asked for so far (the list keeps growing), and the held
    routes: ``_release`` lets them go."""
    held: list = []
    page.route(held_pattern, lambda route: held.append(route))
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url, wait_until="commit")
    for _ in range(200):
        if until(requests, held):
            break
        page.wait_for_timeout(100)
    return requests, held


def _release(page, held_pattern: str, held: list) -> None:
    for route in held:
        route.continue_()
    page.unroute(held_pattern)


def _answers_what_the_reader_types(page, slug: str = SLUG, field: str = "principal") -> None:
    page.locator(f'form[data-calculator="{slug}"] [name="{field}"]').fill("8800")
    page.wait_for_function("(slug) => Number(document.querySelector(`form[data-calculator='${slug}']`).dataset.asked) >= 1",
                           arg=slug, timeout=15000)


GUIDE = "guides/negotiate/"  # a guide with a calculator in it: no worker from its head
GUIDE_SLUG = "negotiation"


def test_typing_starts_the_engine_without_waiting_for_idle(site_page):
    page, base = site_page
    requests = _open(page, base + GUIDE, NEVER_IDLE)
    form = page.locator(f'form[data-calculator="{GUIDE_SLUG}"]').first
    assert not _worker_asked(requests) and not _engine_booted(requests)  # idle never came: nothing started yet
    assert form.get_attribute("data-state") not in ("loading", "ready")
    form.locator("input").first.fill("8800")
    page.wait_for_selector(f'form[data-calculator="{GUIDE_SLUG}"][data-state="ready"]', state="attached",
                           timeout=60000)
    assert _engine_booted(requests)


# When the page's own scripts have run (calc-engine.js evaluated), on the page's clock, or None.
ENGINE_LOADED = "(performance.getEntriesByName('calc-engine-loaded')[0] || {}).startTime ?? null"


def test_a_calculator_page_starts_its_engine_from_its_head(site_page):
    # The worker starts from the page's head (overrides/main.html) and is told there to start Python with
    # the page's packages: it asks for the wasm, the standard library and our package before the page's
    # own scripts have run, and the page gets ready with no idle callback (it never comes here) and no
    # touch. Held: the page's scripts arrive only when the test lets them, so "before" is not a race.
    page, base = site_page
    page.add_init_script(NEVER_IDLE)
    page.add_init_script(WORKERS_BORN)
    scripts = "**/assets/javascripts/calculator.js*"
    requests, held = _open_holding(page, base + f"calculators/{SLUG}/", scripts,
                                   lambda requests, held: _engine_booted(requests) and held)
    assert any("/pyodide/pyodide.asm.wasm" in url for url in requests), requests
    assert _engine_booted(requests), requests  # the standard library and our package: Python is starting
    assert page.evaluate(ENGINE_LOADED) is None  # the page's scripts have not run (calculator.js is held)
    _release(page, scripts, held)
    wait_ready(page, SLUG)  # the engine took that worker over, and with it what the worker had said
    assert sum("/calc-worker.js" in url for url in requests) == 1, [u for u in requests if "calc-worker" in u]
    # booted once: the engine did not boot it again (the package: this calculator's own zip)
    assert sum(f"/assets/py/page-{SLUG}-" in url for url in requests) == 1, [u for u in requests if "/py/" in u]
    assert not [url for url in requests if "/assets/py/calculators-" in url]  # and not the whole one
    # one worker, made while the page was still being parsed (its module scripts run only after that);
    # not read from clocks: with TEST_TODAY the page's clock is fixed
    assert page.evaluate("window.__workersBorn") == ["loading"]
    _answers_what_the_reader_types(page)


# The worker's timing marks, re-marked on the page (calc-engine.js): step -> time, all on the worker's clock.
WORKER_MARKS = """Object.fromEntries(performance.getEntriesByType("mark").filter((m) => m.name.startsWith("calc-worker:"))
  .map((m) => [m.name.slice("calc-worker:".length), m.startTime]))"""


def test_the_wasm_is_compiled_as_it_arrives_and_loadpyodide_instantiates_that_compile(site_page):
    # calc-worker.js compiles the wasm from its first bytes, before loadPyodide can ask for it: pyodide.mjs
    # (loadPyodide's own script) is held here until the wasm has been asked for and a second more. Then
    # loadPyodide's instantiation takes the module compiled early ("wasm-handed"), and the wasm is fetched once.
    page, base = site_page
    script = "**/pyodide/pyodide.mjs"
    requests, held = _open_holding(page, base + f"calculators/{SLUG}/", script, lambda requests, held: held and any(
        "/pyodide/pyodide.asm.wasm" in url for url in requests))
    assert held, requests
    page.wait_for_timeout(1000)
    _release(page, script, held)
    wait_ready(page, SLUG)
    marks = page.evaluate(WORKER_MARKS)
    assert {"wasm-compiling", "wasm-handed", "pyodide-script"} <= set(marks), marks
    assert marks["wasm-compiling"] < marks["pyodide-script"], marks  # compiling while loadPyodide could not run
    assert marks["pyodide-script"] < marks["wasm-handed"], marks
    assert len([url for url in requests if "/pyodide/pyodide.asm.wasm" in url]) == 1, requests
    _answers_what_the_reader_types(page)


def test_with_save_data_nothing_of_the_runtime_is_asked_for_until_the_reader_touches_the_form(site_page):
    from tools.first_visit import SAVE_DATA

    page, base = site_page
    requests = _open(page, base + f"calculators/{SLUG}/", SAVE_DATA)
    page.wait_for_timeout(300)  # a head-started worker would have asked by now
    assert not _worker_asked(requests) and not any("/pyodide/" in url for url in requests), requests
    page.locator(f'form[data-calculator="{SLUG}"] [name="principal"]').fill("8800")
    wait_ready(page, SLUG)


def test_a_guide_with_a_calculator_does_not_start_the_engine_from_its_head(site_page):
    page, base = site_page
    requests = _open(page, base + "guides/negotiate/", NEVER_IDLE)
    assert page.locator("form[data-calculator]").count() > 0
    assert page.locator('meta[name="calc-worker"]').count() == 0 and not _worker_asked(requests)


def test_a_shared_link_starts_the_engine_at_once(site_page):
    page, base = site_page
    page.add_init_script(NEVER_IDLE)
    page.add_init_script(WORKER_LOG)
    page.goto(base + f"calculators/{SLUG}/?principal=8800&annual_rate=18&months=12")
    wait_ready(page, SLUG)  # no idle callback, no touch: the link's values started it
    wait_figures(page, expected_figures(cpython(SLUG, {"principal": "8800", "annual_rate": "18", "months": "12"})))
    page.wait_for_timeout(300)  # a warm-up queued behind the link's question would be sent by now
    log = page.evaluate("window.__workerLog")
    assert "sent:run" in log and "sent:warm" not in log, log  # the link's own answer is the calculator's first run


# The worker's run of the page's calculator at ready, before the reader's first change (calc-engine.js
# warm): how many the page was told of (its measure, calc-engine.js "warmed").
def _warmed(page, slug: str) -> int:
    return page.evaluate("(slug) => performance.getEntriesByName(`calc-warm:${slug}`).length", slug)


@pytest.mark.parametrize("slug, field, value", [("payoff", "budget", "6100"), ("complaint", "numbers", "Qx7-123")])
def test_once_ready_the_page_runs_its_calculator_ahead_of_the_readers_first_change_and_shows_nothing_of_it(
        site_page, slug, field, value):
    # The first run of a calculator's code in the worker costs several times the next (the wasm's
    # functions compiled on first use, the calculator's modules imported: 290 against 37 ms for the
    # reader's first change at payoff's heaviest input, bench/notes.md). So once ready, before the
    # reader has changed anything, the worker runs the page's calculator on the form as it stands and
    # drops the reply. Nothing of that run may reach the reader: what the page shows stays as it was,
    # no question goes out, what is in the form stays; their first change then gets CPython's answer.
    page, base = site_page
    letter = slug == "complaint"
    page.goto(base + (f"letters/{slug}/" if letter else f"calculators/{slug}/"))
    form = f'form[data-calculator="{slug}"]'
    fields = f"{form} input, {form} select, {form} textarea"
    widget = f"{form} >> xpath=ancestor::*[contains(concat(' ', @class, ' '), ' calc ')][1]"
    shown = page.inner_html(f"{widget} >> .calc-output-body")  # the build's example (a letter: its text)
    typed = page.eval_on_selector_all(fields, "els => els.map(e => e.value)")
    wait_ready(page, slug)
    page.wait_for_function("(slug) => performance.getEntriesByName(`calc-warm:${slug}`).length === 1", arg=slug,
                           timeout=15000)
    page.wait_for_timeout(200)  # a reply that reached the page would be shown by now
    assert page.get_attribute(form, "data-asked") is None  # no question went out
    assert page.eval_on_selector_all(fields, "els => els.map(e => e.value)") == typed
    assert page.inner_html(f"{widget} >> .calc-output-body") == shown
    assert "calc-is-example" in page.get_attribute(widget, "class").split()  # still labelled the example
    page.fill(f"{form} [name={field}]", value)
    if letter:
        page.wait_for_function("v => document.querySelector('.letter-plain')?.textContent.includes(v)", arg=value,
                               timeout=15000)
    else:
        asked = page.evaluate("(f) => document.querySelector(f).calcCollect()", form)
        wait_figures(page, expected_figures(cpython(slug, asked)))
    assert _warmed(page, slug) == 1  # once: not again for the reader's change


# What each worker the page makes is sent and says, by message type, in order ("sent:run", "got:reply").
WORKER_LOG = """{
  const Real = window.Worker;
  window.__workerLog = [];
  window.Worker = function (...args) {
    const worker = new Real(...args);
    worker.addEventListener("message", (e) => window.__workerLog.push(`got:${e.data?.type}`));
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (msg, ...rest) => { window.__workerLog.push(`sent:${msg?.type}`); return post(msg, ...rest); };
    return worker;
  };
  window.Worker.prototype = Real.prototype;
}"""


def test_a_page_with_two_calculators_warms_each_once_one_after_the_other(site_page):
    # One worker runs both: the second warm-up is sent only once the first is done, so a reader's change
    # made meanwhile waits for at most one of them (calc-engine.js warmNext). Nothing of either is shown.
    page, base = site_page
    page.add_init_script(WORKER_LOG)
    page.goto(base + "guides/prevent/")
    slugs = page.eval_on_selector_all("form[data-calculator]", "fs => fs.map(f => f.dataset.calculator)")
    assert len(set(slugs)) == 2, slugs
    shown = page.eval_on_selector_all(".calc-output-body", "els => els.map(e => e.innerHTML)")
    page.locator(f'form[data-calculator="{slugs[0]}"] input').first.focus()  # the reader's touch starts it
    wait_ready(page, slugs[0])
    page.wait_for_function("(slugs) => slugs.every(s => performance.getEntriesByName(`calc-warm:${s}`).length)",
                           arg=slugs, timeout=15000)
    page.wait_for_timeout(200)
    log = [e for e in page.evaluate("window.__workerLog") if e in ("sent:warm", "got:warmed", "sent:run")]
    assert log == ["sent:warm", "got:warmed", "sent:warm", "got:warmed"], log
    assert [page.evaluate(f"performance.getEntriesByName('calc-warm:{s}').length") for s in slugs] == [1, 1]
    assert page.eval_on_selector_all(".calc-output-body", "els => els.map(e => e.innerHTML)") == shown


def test_a_head_told_other_packages_than_the_forms_need_is_not_taken_over(site_page):
    # The head reads the first form's packages (overrides/main.html); if the page's forms need others
    # (a letter form after a calculator's), the engine must not take over a worker booted without them.
    # Here the head is told the calculators' zip alone on a letter page: the letter still fills.
    page, base = site_page

    def without_letters(route):
        html = route.fetch().text()
        start = html.index('<meta name="calc-worker"')
        end = html.index(">", start) + 1
        meta = re.sub(r" letters-[0-9a-f]+\.zip", "", html[start:end])
        assert meta != html[start:end], "the letter page's head should name the letters' zip"
        route.fulfill(body=html[:start] + meta + html[end:], content_type="text/html; charset=utf-8")

    page.route("**/letters/complaint/", without_letters)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{base}letters/complaint/")
    wait_ready(page, "complaint")
    page.fill('form[data-calculator="complaint"] [name="numbers"]', "Qx7-123")
    page.wait_for_function("v => document.querySelector('.letter-plain')?.textContent.includes(v)", arg="Qx7-123",
                           timeout=15000)
    assert sum("/calc-worker.js" in url for url in requests) == 2  # the head's, dropped; the engine's own


# ---- a repeat visit: the runtime kept unpacked (calc-worker.js keepUnpacked) ------------------------

WASM_ASKED = re.compile(r"/pyodide/pyodide\.asm\.wasm(\.zst|\.gz)?$")
STDLIB_ASKED = re.compile(r"/assets/py/stdlib-[0-9a-f]+\.zip(\.zst|\.gz)?$")


def _marked(page, step: str) -> bool:
    return page.evaluate("(step) => performance.getEntriesByName(`calc-worker:${step}`).length", step) == 1


def test_a_start_from_the_snapshot_keeps_the_runtime_unpacked_and_the_next_start_reads_it_from_there(site_page, site):
    page, base = site_page
    wasm_key, memory_key, stdlib_key = (base + key for key in offline.kept_unpacked(site))
    # the service worker keeps what the page's worker keeps (a key it does not know would be dropped)
    assert f"const KEPT = {json.dumps(offline.kept_unpacked(site))};" in (site / "sw.js").read_text(encoding="utf-8")
    wasm = (site / "pyodide" / "pyodide.asm.wasm").read_bytes()
    snapshot = next((site / "assets" / "py").glob("snapshot-*.bin.gz"))
    stdlib = gunzipped(next((site / "assets" / "py").glob("stdlib-*.zip.gz")))  # the zip the worker unpacks
    older = [base + "assets/py/pyodide.asm-000000000000.wasm", base + "assets/py/snapshot-000000000000.bin.gz",
             base + "assets/py/snapshot-000000000000.mem", base + "assets/py/stdlib-000000000000.kept.zip"]
    _returning_reader(page, base, site, keep_wasm=False)  # a reader who came back: the snapshot kept, nothing unpacked
    page.evaluate("""async (older) => {
        const cache = await caches.open("runtime");
        for (const key of older) await cache.put(key, new Response("kept by an older build"));
    }""", older)
    assert kept_entry(page, wasm_key) is None

    first = _open(page, base + f"calculators/{SLUG}/")
    wait_ready(page, SLUG)
    assert page.get_attribute(f'form[data-calculator="{SLUG}"]', "data-engine") == "snapshot"
    assert any(WASM_ASKED.search(url) for url in first), "no wasm was downloaded, yet none was kept"
    assert not _marked(page, "memory-from-kept") and not _marked(page, "stdlib-from-kept")
    kept = wait_kept(page, wasm_key, wasm)  # kept last: the memory and the library are there by now
    assert kept == {"size": len(wasm), "sha256": hashlib.sha256(wasm).hexdigest(), "type": "application/wasm"}
    # the memory image made in the browser is the one tests/browser/helpers.py makes on its own, and
    # leaves out most of the 31 MB; the library is the zip the worker unpacked
    image = snapshot_image(snapshot)
    assert len(image) < len(gunzipped(snapshot)) * 0.6
    assert kept_entry(page, memory_key) == {"size": len(image), "sha256": hashlib.sha256(image).hexdigest(),
                                            "type": "application/octet-stream"}
    assert kept_entry(page, stdlib_key) == {"size": len(stdlib), "sha256": hashlib.sha256(stdlib).hexdigest(),
                                            "type": "application/zip"}
    # what an older build kept is dropped with it; this build's snapshot stays
    left = page.evaluate("async () => (await (await caches.open('runtime')).keys()).map((r) => r.url)")
    assert not set(older) & set(left) and base + "assets/py/" + snapshot.name in left, left

    again = _open(page, base + "calculators/overdue-cost/?overdue_principal=8000&days_overdue=70")
    wait_ready(page, "overdue-cost")
    assert page.get_attribute('form[data-calculator="overdue-cost"]', "data-engine") == "snapshot"
    assert not [url for url in again if WASM_ASKED.search(url) or STDLIB_ASKED.search(url)], \
        "the kept wasm and library were not used"
    assert _marked(page, "wasm-from-kept") and _marked(page, "memory-from-kept") and _marked(page, "stdlib-from-kept")
    wait_figures(page, expected_figures(cpython("overdue-cost", {"overdue_principal": "8000", "days_overdue": "70"})))
    page.fill('[name="unpaid_interest"]', "120")  # and it keeps answering as the reader types
    wait_figures(page, expected_figures(cpython(
        "overdue-cost", {"overdue_principal": "8000", "days_overdue": "70", "unpaid_interest": "120"})))


def test_a_kept_memory_that_does_not_read_is_dropped_and_the_snapshot_gunzipped(site_page, site):
    page, base = site_page
    wasm_key, memory_key, _ = (base + key for key in offline.kept_unpacked(site))
    wasm = (site / "pyodide" / "pyodide.asm.wasm").read_bytes()
    image = snapshot_image(next((site / "assets" / "py").glob("snapshot-*.bin.gz")))
    _returning_reader(page, base, site)
    # a memory image without its last span (cut where the span's head starts, so what is left is a
    # well-formed image: only the span count tells): a start from it would restore a broken interpreter
    at, last = 12, 12
    while at < len(image):
        last = at
        at += 8 + int.from_bytes(image[at + 4:at + 8], "little")
    page.evaluate("""async ([key, wasm, cut]) => {
        const cache = await caches.open("runtime");
        const image = await (await cache.match(key)).arrayBuffer();
        await cache.put(key, new Response(image.slice(0, cut)));
        await cache.delete(wasm);  // so the worker keeps it again (the wasm last): the moment to look
    }""", [memory_key, wasm_key, last])

    _open(page, base + f"calculators/{SLUG}/?principal=6600")
    wait_ready(page, SLUG)
    assert page.get_attribute(f'form[data-calculator="{SLUG}"]', "data-engine") == "snapshot"
    assert not _marked(page, "memory-from-kept")
    wait_figures(page, expected_figures(cpython(SLUG, {"principal": "6600"})))
    wait_kept(page, wasm_key, wasm)
    assert kept_entry(page, memory_key)["sha256"] == hashlib.sha256(image).hexdigest()  # made again, whole


def test_a_kept_wasm_that_does_not_compile_is_dropped_and_the_wasm_downloaded(site_page, site):
    page, base = site_page
    key = base + offline.kept_wasm(site)
    wasm = (site / "pyodide" / "pyodide.asm.wasm").read_bytes()
    _returning_reader(page, base, site, keep_wasm=False)
    page.evaluate("""async (key) => (await caches.open("runtime")).put(key,
        new Response("not a wasm", { headers: { "Content-Type": "application/wasm" } }))""", key)

    requests = _open(page, base + f"calculators/{SLUG}/")
    wait_ready(page, SLUG)
    assert any(WASM_ASKED.search(url) for url in requests), "the damaged kept wasm was not replaced by a download"
    _answers_what_the_reader_types(page)
    assert wait_kept(page, key, wasm)["sha256"] == hashlib.sha256(wasm).hexdigest()
