"""Links carrying markup, the CSV download, a blocked runtime, phones, and accessibility."""

from __future__ import annotations

import csv
import gzip
import io
import re
from urllib.parse import quote

import pytest
import zstandard
from axe_playwright_python.sync_playwright import Axe

from hooks import offline
from tests.browser.helpers import (
    ANSWER_MS,
    cpython,
    expected_figures,
    figures,
    wait_figures,
    wait_kept,
    wait_ready,
)
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

@pytest.mark.parametrize("where", ["shared", pytest.param("own", marks=pytest.mark.own_context)])
def test_a_request_to_another_host_is_refused_and_recorded(site_page, request, where):
    """The guard every browser test runs under (tests/conftest.py NO_OTHER_HOST, site_page), in the
    shared context and in one of a test's own: the browser refuses a request to another host, named
    or by its address (the proxy that is not there), and it is recorded; the fixture fails a test
    whose record is not empty (this one empties it once checked)."""
    page, base = site_page
    failures: list[tuple[str, str]] = []
    page.on("requestfailed", lambda r: failures.append((r.url, r.failure)))
    page.goto(base + "robots.txt")  # no Content-Security-Policy here to stop the request first
    others = ["https://example.org/probe.js", "http://192.0.2.7/probe.js"]  # 192.0.2.0/24: TEST-NET-1
    got = page.evaluate("urls => Promise.all(urls.map(u => fetch(u, {mode: 'no-cors'})"
                        ".then(() => 'answered', () => 'refused')))", others)
    assert got == ["refused", "refused"]
    assert sorted(failures) == [(url, "net::ERR_PROXY_CONNECTION_FAILED") for url in sorted(others)]
    recorded = request.node.outside_requests
    assert sorted(recorded) == sorted(others)
    recorded.clear()


def test_the_shared_context_forgets_what_a_test_left_but_the_kept_snapshot(_shared_context, server):
    """What one test leaves in the shared context (tests/conftest.py SharedContext) is gone for the
    next: the site's local storage and IndexedDB, a granted permission, its pages; the kept snapshot
    stays (every test there starts from it)."""
    page = _shared_context.new_page()
    page.goto(server + "robots.txt")
    _shared_context.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.evaluate("""async () => {
        localStorage.setItem("left-behind", "1");
        await new Promise((done) => { const r = indexedDB.open("left-behind"); r.onsuccess = done; });
    }""")
    _shared_context.reset()
    assert _shared_context.context.pages == []
    page = _shared_context.new_page()
    page.goto(server + "robots.txt")
    left = page.evaluate(r"""async () => ({
        local: localStorage.getItem("left-behind"),
        databases: (await indexedDB.databases()).map((d) => d.name),
        clipboard: (await navigator.permissions.query({ name: "clipboard-read" })).state,
        snapshot: (await (await caches.open("runtime")).keys()).map((r) => r.url)
            .filter((u) => /snapshot-.*\.bin\.gz$/.test(u)).length,
    })""")
    _shared_context.reset()
    assert left == {"local": None, "databases": [], "clipboard": "prompt", "snapshot": 1}


PAYLOADS = ['<img src=x onerror="window.__pwned=1">', '"><script>window.__pwned=1</script>']


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markup_in_a_shared_link_is_shown_as_text_and_runs_nothing(site_page, payload):
    page, base = site_page
    page.goto(f"{base}calculators/repayment/?principal={quote(payload)}")
    wait_ready(page, "repayment")
    assert page.input_value('[name="principal"]') == payload
    error = page.locator('.calc-field[data-field-name="principal"] .calc-error')
    error.wait_for(state="visible", timeout=ANSWER_MS)
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".calc img, .calc script").count() == 0


def test_csv_download_has_the_rows_of_the_table(site_page):
    page, base = site_page
    page.goto(f"{base}calculators/repayment/?principal=6000&months=6")
    wait_ready(page, "repayment")
    page.wait_for_function("() => document.querySelectorAll('table[data-table=payments] tbody tr').length === 6",
                           timeout=ANSWER_MS)
    # the page groups money (1,053.15, the unit in the header); the CSV keeps the plain figure (data-value)
    shown = page.eval_on_selector_all('table[data-table="payments"] tr',
                                      "trs => trs.map(tr => [...tr.children].map(c => c.textContent.trim()))")
    plain = page.eval_on_selector_all('table[data-table="payments"] tr',
                                      "trs => trs.map(tr => [...tr.children].map(c => c.dataset.value ?? c.textContent.trim()))")
    with page.expect_download(timeout=ANSWER_MS) as info:
        page.click('button.calc-csv[data-table="payments"]')
    download = info.value
    assert download.suggested_filename == "repayment-payments.csv"
    raw = open(download.path(), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM for spreadsheet programs"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows == plain
    assert rows[0][:2] == shown[0][:2] == ["期数", "还款额（元）"]
    assert "," in shown[1][1] and shown[1][1].replace(",", "") == rows[1][1]


@pytest.mark.snapshot_only  # the wasm is downloaded
def test_blocked_runtime_says_so_and_keeps_the_example(site_page):
    page, base = site_page
    page.route("**/*.wasm*", lambda route: route.abort())  # the wasm and its .gz
    page.goto(f"{base}calculators/repayment/")
    example = figures(page)
    page.wait_for_selector('form[data-calculator="repayment"][data-state="error"]', state="attached",
                           timeout=40000)
    status = page.text_content(".calc-status")
    assert "没能" in status
    assert figures(page) == example


_NOT_WASM = b"\0asm" + bytes(range(256)) * 64


@pytest.mark.snapshot_only  # the wasm is downloaded
@pytest.mark.parametrize("damage", ["zstd of what is no wasm", "no zstd at all"])
def test_a_damaged_wasm_says_so_at_once_and_keeps_the_example(site_page, damage):
    # Bytes that arrive whole but are no WebAssembly, or no zstd (a host or a proxy that mangled the file):
    # the unpacking or the compile the worker started as they came fails, and the page says the engine
    # could not start (not that the network failed), at once: not a spinner until the 90 s without an
    # answer (Pyodide itself only logs a failed instantiation and waits).
    page, base = site_page
    body = zstandard.ZstdCompressor().compress(_NOT_WASM) if damage.startswith("zstd") else gzip.compress(_NOT_WASM)
    page.route("**/pyodide/pyodide.asm.wasm.zst", lambda route: route.fulfill(
        status=200, body=body, content_type="application/zstd"))
    page.goto(f"{base}calculators/repayment/")
    example = figures(page)
    page.wait_for_selector('form[data-calculator="repayment"][data-state="error"]', state="attached",
                           timeout=30000)
    assert page.get_attribute("form[data-calculator]", "data-engine-error") == "runtime-failed"
    assert figures(page) == example


@pytest.mark.snapshot_only  # the wasm is downloaded
@pytest.mark.parametrize("lost", [(".zst",), (".zst", ".gz")])
def test_a_host_without_the_packed_wasm_starts_from_the_next_one(site_page, lost):
    # pyodide.asm.wasm.zst and .gz and the standard library's .zst are the build's (hooks/runtime.py); a
    # host that lost them answers 404, and the worker asks for the next one (the .gz, then the plain wasm;
    # the library's .gz): the calculator starts and computes all the same.
    page, base = site_page
    asked: list[str] = []
    gone = re.compile(r".*/(pyodide/pyodide\.asm\.wasm|assets/py/stdlib-[0-9a-f]+\.zip)(" +
                      "|".join(re.escape(s) for s in lost) + ")$")
    page.route(gone, lambda route: route.fulfill(status=404, body="not here"))
    page.on("request", lambda r: asked.append(r.url.rsplit("/", 1)[1]) if re.search(r"/(pyodide\.asm\.wasm|stdlib-)", r.url)
            else None)
    page.goto(f"{base}calculators/repayment/?principal=8800")
    wait_ready(page, "repayment")
    wasm = [name for name in asked if name.startswith("pyodide.asm.wasm")]
    found = ["pyodide.asm.wasm.zst", "pyodide.asm.wasm.gz", "pyodide.asm.wasm"][:len(lost) + 1]
    assert wasm[:len(found)] == found, asked
    # after the start, only the one found again (from the browser's cache, to keep it unpacked: keepWasm)
    assert set(wasm[len(found):]) <= {found[-1]}, asked
    assert [name.split(".", 1)[1] for name in asked if name.startswith("stdlib-")] == [
        "zip.zst", "zip.gz", "zip"][:len(lost) + 1], asked
    wait_figures(page, expected_figures(cpython("repayment", {"principal": "8800"})))


@pytest.mark.snapshot_only  # the wasm is downloaded
def test_the_wasm_is_unpacked_in_a_second_worker_or_without_it_in_the_first(site_page, site):
    # calc-worker.js hands the wasm's zstd to zstd-worker.js (its own thread: on a repeat visit the kept
    # snapshot is read meanwhile); where that worker cannot be had, it unpacks the wasm itself. Both start.
    page, base = site_page
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url.rsplit("/", 1)[1].split("?")[0]))
    page.goto(f"{base}calculators/repayment/?principal=8800")
    wait_ready(page, "repayment")
    assert "zstd-worker.js" in asked and "pyodide.asm.wasm.zst" in asked, asked
    wait_figures(page, expected_figures(cpython("repayment", {"principal": "8800"})))
    # the first start kept the wasm unpacked (keepUnpacked): dropped, so that the next downloads it again
    kept = base + offline.kept_wasm(site)
    # kept once the page was ready: wait for it, or it could be kept after the drop (and before the route
    # below: a route put in while the keep reads the browser's cache can hold that read up for good)
    wait_kept(page, kept, (site / "pyodide" / "pyodide.asm.wasm").read_bytes())
    assert page.evaluate("async (key) => (await caches.open('runtime')).delete(key)", kept)
    page.route("**/assets/javascripts/zstd-worker.js*", lambda route: route.abort())
    asked.clear()
    page.goto(f"{base}calculators/repayment/?principal=9900")
    wait_ready(page, "repayment")
    assert "pyodide.asm.wasm.zst" in asked and "pyodide.asm.wasm.gz" not in asked, asked
    wait_figures(page, expected_figures(cpython("repayment", {"principal": "9900"})))


@pytest.mark.snapshot_only  # the wasm is downloaded
def test_without_the_zstd_decoder_the_worker_takes_the_gz_files(site_page):
    # fzstd.mjs could not be had (blocked, or a host that lost it): the wasm and the library come as their
    # .gz (a .zst already asked for is dropped unread), and the calculator starts and computes.
    page, base = site_page
    page.route("**/pyodide/fzstd.mjs", lambda route: route.abort())
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url.rsplit("/", 1)[1]) if re.search(r"/(pyodide\.asm\.wasm|stdlib-)", r.url)
            else None)
    page.goto(f"{base}calculators/repayment/?principal=8800")
    wait_ready(page, "repayment")
    assert "pyodide.asm.wasm.gz" in asked and any(name.endswith(".zip.gz") for name in asked), asked
    assert not any(name.endswith(".zip.zst") for name in asked), asked  # asked for only once the decoder is known
    wait_figures(page, expected_figures(cpython("repayment", {"principal": "8800"})))


@pytest.mark.parametrize("lang_prefix, failed_text", [("", "没能下载计算引擎"), ("en/", "could not be downloaded")])
def test_an_unreachable_package_is_a_network_failure_told_in_the_pages_language(site_page, lang_prefix, failed_text):
    page, base = site_page
    # the page's package, the zip or its .gz: its own calculator's (page-repayment-*) on this page
    page.route(re.compile(r".*/assets/py/(calculators|page)-[^/]*\.zip(\.gz)?$"), lambda route: route.abort())
    page.goto(f"{base}{lang_prefix}calculators/repayment/")
    example = figures(page)
    page.wait_for_selector('form[data-calculator="repayment"][data-state="error"]', state="attached",
                           timeout=40000)
    assert page.get_attribute("form[data-calculator]", "data-engine-error") == "network"
    assert failed_text in page.text_content(".calc-status")
    assert figures(page) == example


# Words for readers come from Python's replies or the page's data-msg-* attributes, never from our scripts.
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_TEXT_LITERAL = re.compile(r"""(?:textContent|innerText|innerHTML)\s*=\s*(["'`])(?!\1)|message\s*:\s*\{""")


def test_our_scripts_hold_no_words_for_readers():
    scripts = sorted((ROOT / "docs" / "assets" / "javascripts").glob("*.*js"))
    assert {p.name for p in scripts} >= {"calculator.js", "calc-engine.js", "calc-worker.js", "boot.mjs"}
    for path in scripts:
        text = path.read_text(encoding="utf-8")
        assert not _CJK.search(text), f"{path.name} holds Chinese text"
        assert not _TEXT_LITERAL.search(text), f"{path.name} writes its own words: {_TEXT_LITERAL.search(text)[0]}"


# No page scrolls sideways on a phone, and no page has a serious axe violation: both checked on every
# page (calculators included) in the sweep of tests/browser/test_reach.py.


def test_print_shows_inputs_figures_and_table_without_the_site_chrome(site_page):
    page, base = site_page
    page.goto(f"{base}calculators/repayment/")
    page.emulate_media(media="print")
    shown = page.evaluate("""() => Object.fromEntries(
        ['.md-header', '.md-sidebar--primary', '.md-footer', '.calc-actions', '.calc-form input[name=principal]',
         '.calc-figures', 'table[data-table=payments]'].map(s => {
            const el = document.querySelector(s);
            return [s, el ? getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0 : null];
        }))""")
    assert shown == {
        ".md-header": False, ".md-sidebar--primary": False, ".md-footer": False, ".calc-actions": False,
        ".calc-form input[name=principal]": True, ".calc-figures": True, "table[data-table=payments]": True,
    }


PHONE_SAMPLE = ["", "guides/sued/", "letters/complaint/", "calculators/repayment/", "calculators/checklist/"]


@pytest.mark.parametrize("lang_prefix", ["", "en/"])
def test_a_phone_sample_passes_axe_with_target_size_folds_and_search_open(site_page, lang_prefix):
    """At 375 px (the session's viewport; issue 22 item 6): a sample of pages with their folded options
    open, then search open on results, with axe's target-size rule (WCAG 2.2, 2.5.8) asked for by name,
    so it runs whatever axe's defaults become; no serious or critical violation."""
    page, base = site_page
    axe = Axe()
    options = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}
    problems = []
    ran = set()

    def check(where):
        response = axe.run(page, options=options).response
        ran.update(r["id"] for kind in ("passes", "violations", "incomplete") for r in response.get(kind, []))
        for v in response["violations"]:
            if v["impact"] in ("serious", "critical"):
                problems.append((where, v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]))

    for path in PHONE_SAMPLE:
        page.goto(f"{base}{lang_prefix}{path}")
        page.evaluate("() => document.querySelectorAll('details').forEach((d) => { d.open = true; })")
        check(path)
    page.click("[data-search-open]")
    query = "sued" if lang_prefix else "起诉"
    page.fill(".md-search__input", query)
    page.wait_for_function("q => document.querySelector('.md-search-result__meta').dataset.query === q",
                           arg=query, timeout=ANSWER_MS)
    page.wait_for_timeout(400)  # Material's panel slides in
    check("search")
    assert "target-size" in ran, "axe did not run its target-size rule"
    assert not problems, problems
