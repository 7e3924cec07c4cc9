"""Every page loads clean (no failed request, no console error), fits a phone's width and passes axe,
the language selector asks for no sitemap, and Chromium finds the site installable."""

from __future__ import annotations

import gzip
from urllib.parse import urljoin

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.helpers import wait_ready
from tests.browser.test_phone_surface import MIN_TARGET, MIN_TEXT, SMALL_TARGETS, SMALL_TEXT

pytestmark = pytest.mark.browser


def _all_pages(site) -> list[str]:
    found = sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html") if "pyodide" not in p.parts)
    return [p[: -len("index.html")] for p in found] + ["404.html"]


SHARDS = 6  # every page, in tests the workers share (every sixth page each)


@pytest.mark.engine_held
@pytest.mark.parametrize("shard", range(SHARDS))
def test_every_page_loads_clean_fits_a_phone_and_has_no_serious_axe_violation(site_page, site, shard):
    """One context, every built page in turn at 375 px (guides, calculators, letters, reference pages,
    the 404 page), each visited once for all of these: responses >= 400 and console errors are
    collected; any page wider than the phone (it would scroll sideways); axe's serious or critical
    violations, on the page as it is at its load event; then, with every folded group opened, text
    under 12 px and tap targets under 44 × 44 px (test_phone_surface.py says how they are measured).

    The engine is held (``engine_held``): a calculator or letter page is checked as a reader sees it
    while the engine loads, with the build's worked example. An engine starting in the background
    took half the sweep's processor time, and each of those pages' engine is started elsewhere:
    every calculator in both languages (test_calculators.py), every letter in Chinese and one in
    English (test_print.py); the engine's code is the same on every page."""
    page, base = site_page
    failed: list[str] = []
    errors: list[str] = []
    wide: list[tuple[str, int]] = []
    problems: list[tuple] = []
    small: dict[str, tuple] = {}
    axe = Axe()
    current = {"path": ""}
    page.on("response", lambda r: r.status >= 400 and failed.append(f"{current['path']}: {r.status} {r.url}"))
    page.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED" and failed.append(
        f"{current['path']}: {r.failure} {r.url}"))
    page.on("console", lambda m: m.type == "error" and errors.append(f"{current['path']}: {m.text}"))
    paths = _all_pages(site)
    assert len(paths) >= 70
    for path in paths[shard::SHARDS]:
        current["path"] = path
        page.goto(base + path, wait_until="load")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 375:
            wide.append((path, width))
        # violations in full; passes and the rest one node each (what makes axe's reply slow)
        for v in axe.run(page, options={"resultTypes": ["violations"]}).response["violations"]:
            if v["impact"] in ("serious", "critical"):
                problems.append((path, v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]))
        text, targets = page.evaluate(SMALL_TEXT, MIN_TEXT), page.evaluate(SMALL_TARGETS, MIN_TARGET)
        if text or targets:
            small[path] = (text[:5], targets[:6])
    page.goto(base + "404.html", wait_until="load")  # the last page's late messages arrive before this
    assert not failed, "\n".join(failed)
    assert not errors, "\n".join(errors)
    assert not wide, f"pages wider than a 375 px phone: {wide}"
    assert not problems, problems
    assert not small, f"text under {MIN_TEXT} px, targets under {MIN_TARGET} px (text, targets): {small}"


@pytest.mark.parametrize("path, twin", [("", "en/"), ("en/", ""), ("en/guides/sued/", "guides/sued/")])
def test_language_selector_fetches_no_sitemap_and_hreflang_links_stay(site_page, path, twin):
    page, base = site_page
    asked: list[str] = []
    page.on("request", lambda r: "sitemap" in r.url and asked.append(r.url))
    page.goto(base + path, wait_until="load")
    page.wait_for_function("() => document.querySelectorAll('link[rel=alternate][hreflang]').length === 3",
                           timeout=10000)
    assert not asked, asked
    # the selector still goes to this page's twin
    other = "zh" if path.startswith("en/") else "en"
    href = page.get_attribute(f'.md-select__link[hreflang="{other}"]', "href")
    assert urljoin(page.url, href) == base + twin


def test_chromium_finds_no_installability_errors(browser_type, browser_type_launch_args, server, tmp_path):
    """A profile on disk: Chromium never offers to install from an incognito-like context."""
    context = browser_type.launch_persistent_context(str(tmp_path / "profile"), **browser_type_launch_args)
    outside: list[str] = []

    def guard(route):
        if route.request.url.startswith(server):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    try:
        page = context.new_page()
        for path in ("", "en/"):
            page.goto(server + path, wait_until="load")
            cdp = context.new_cdp_session(page)
            manifest = cdp.send("Page.getAppManifest")
            assert manifest["url"] == f"{server}{path}manifest.json"
            assert not manifest.get("errors"), manifest["errors"]
            result = cdp.send("Page.getInstallabilityErrors")
            assert result["installabilityErrors"] == [], f"{path or '/'}: {result}"
    finally:
        context.close()
    assert not outside, outside


@pytest.mark.first_visit
def test_the_runtime_arrives_compressed_as_a_static_host_sends_it_and_starts(site_page, site_http, site):
    """The test server sends what a host sends (tools/site_server.py): the page gzip-compressed, the wasm's
    and the standard library's .zst and the packages' .gz (packed once at the build, smaller than a host's
    gzip) as they are, and the page unpacks them as they arrive; neither the plain wasm nor its .gz is asked
    for. The calculator starts and computes."""
    page, base = site_page
    before = len(site_http.served)
    page.goto(f"{base}calculators/repayment/")
    wait_ready(page, "repayment")
    served = {s.path: s for s in site_http.served[before:] if s.method == "GET"}
    wasm = served["/pyodide/pyodide.asm.wasm.zst"]
    assert (wasm.status, wasm.encoding) == (200, "")
    assert wasm.length == (site / "pyodide" / "pyodide.asm.wasm.zst").stat().st_size
    assert wasm.length < (site / "pyodide" / "pyodide.asm.wasm.gz").stat().st_size < len(
        gzip.compress((site / "pyodide" / "pyodide.asm.wasm").read_bytes(), 6))
    assert "/pyodide/pyodide.asm.wasm" not in served and "/pyodide/pyodide.asm.wasm.gz" not in served
    assert [path for path in served if path.startswith("/assets/py/stdlib-")] == [
        next(p for p in served if p.endswith(".zip.zst"))]
    assert served["/calculators/repayment/"].encoding == "gzip"
    zips = [s for path, s in served.items() if path.endswith((".zip", ".zip.gz", ".zip.zst"))]  # unpacked by the page
    assert zips and all(s.encoding == "" and s.status == 200 for s in zips), zips
