"""When things go wrong: a stuck worker, no network, and what the page keeps
(nothing the reader typed is stored or sent anywhere)."""

from __future__ import annotations

import pytest

from tests.browser.helpers import (
    ANSWER_MS,
    READY_MS,
    cpython,
    expected_figures,
    kept_entry,
    wait_figures,
    wait_ready,
)

pytestmark = [pytest.mark.browser, pytest.mark.own_context]  # what is kept, a listener, going offline

DROP_FIRST_CALL = """
(() => {
  const send = Worker.prototype.postMessage;
  let dropped = false;
  Worker.prototype.postMessage = function (msg, ...rest) {
    if (!dropped && msg && msg.type === "run") { dropped = true; return; }  // the worker never answers
    return send.call(this, msg, ...rest);
  };
})();
"""


def test_a_stuck_worker_is_restarted_and_the_inputs_survive(site_page):
    page, base = site_page
    page.add_init_script(DROP_FIRST_CALL)
    page.goto(f"{base}calculators/repayment/")
    wait_ready(page, "repayment")
    page.fill('[name="principal"]', "7,000")
    # after the 5 s call limit, the page says the engine is restarting…
    page.wait_for_function("() => document.querySelector('.calc-status').textContent.includes('重新启动')",
                           timeout=ANSWER_MS)
    assert page.input_value('[name="principal"]') == "7,000"
    # …and once it is back, the answer for what was typed appears.
    wait_ready(page, "repayment")
    expected = cpython("repayment", {"principal": "7,000"})
    wait_figures(page, expected_figures(expected))
    assert page.input_value('[name="principal"]') == "7,000"


def test_nothing_typed_is_stored_or_sent(site_page):
    page, base = site_page
    sent: list[str] = []
    page.goto(f"{base}calculators/overdue-cost/")
    wait_ready(page, "overdue-cost")
    page.context.on("request", lambda r: sent.append(r.url + " " + (r.post_data or "")))
    page.fill('[name="overdue_principal"]', "73519")
    expected = cpython("overdue-cost", {"overdue_principal": "73519"})
    wait_figures(page, {k: v for k, v in expected_figures(expected).items()})
    stored = page.evaluate("""async () => ({
        cookie: document.cookie,
        local: JSON.stringify({...localStorage}),
        session: JSON.stringify({...sessionStorage}),
        databases: indexedDB.databases ? (await indexedDB.databases()).map(d => d.name) : [],
    })""")
    assert stored["cookie"] == ""
    assert "73519" not in stored["local"] and "73519" not in stored["session"]
    assert stored["databases"] == []
    assert not [u for u in sent if "73519" in u], "what the reader typed left the page"


def test_copy_link_warns_that_the_link_holds_the_numbers(site_page):
    page, base = site_page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{base}calculators/repayment/")
    wait_ready(page, "repayment")
    page.fill('[name="principal"]', "8800")
    page.click('button[data-action="copy-link"]')
    page.wait_for_function("() => document.querySelector('.calc-status').textContent.includes('链接里包含')",
                           timeout=ANSWER_MS)
    link = page.evaluate("navigator.clipboard.readText()")
    assert "principal=8800" in link and link.startswith(page.url.split("?")[0])
    assert "8800" not in page.url  # built for the clipboard, not written into the address bar


def test_after_a_return_visit_pages_and_calculators_work_offline(browser, server):
    """A fresh context with service workers allowed: visit one calculator page and come back
    to it (the pages of the reader's language are kept ahead from the second calculator page
    view on, once it is idle: issue 23), go offline, and other pages of that language and
    another calculator still work."""
    context = browser.new_context(viewport={"width": 375, "height": 812}, service_workers="allow")
    outside: list[str] = []
    context.on("request", lambda r: None if r.url.startswith(server) else outside.append(r.url))
    try:
        page = context.new_page()
        page.set_default_timeout(READY_MS)
        page.goto(f"{server}calculators/repayment/")
        wait_ready(page, "repayment")
        # the service worker has installed, kept the pages, and controls this page after a reload
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.reload()
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=READY_MS)
        wait_ready(page, "repayment")  # the runtime is now kept too
        # …and, once idle, the page asked the worker to keep the Chinese pages ahead
        page.wait_for_selector("html[data-offline='kept']", state="attached", timeout=READY_MS)

        context.set_offline(True)
        page.goto(f"{server}guides/negotiate/")
        assert "协商" in page.title()
        page.goto(f"{server}reference/faq/")
        assert "常见问题" in page.title()
        page.goto(f"{server}calculators/payoff/?budget=4200")
        wait_ready(page, "payoff")
        expected = cpython("payoff", {"budget": "4200"})
        wait_figures(page, expected_figures(expected))
    finally:
        context.close()
    assert not outside


KEEP = """async (url) => {
    const cache = await caches.open("runtime");
    if (!(await cache.match(url))) {
        const response = await fetch(url);
        if (!response.ok) return false;
        await cache.put(url, response);
    }
    return !!(await cache.match(url));
}"""


def _snapshot_url(page) -> str:
    return page.evaluate("""() => new URL(document.querySelector('form[data-calculator]').dataset.snapshot,
        new URL('py/', document.querySelector('script[src*="calculator.js"]').src.replace(/javascripts\\/calculator\\.js.*$/, ''))).href""")


def test_a_kept_snapshot_starts_the_engine_and_gives_the_same_answers(site_page):
    page, base = site_page
    page.goto(f"{base}calculators/overdue-cost/")
    wait_ready(page, "overdue-cost")
    assert page.get_attribute("form[data-calculator]", "data-engine") in ("fresh", "snapshot")
    url = _snapshot_url(page)
    assert page.evaluate(KEEP, url)
    page.goto(f"{base}calculators/overdue-cost/?overdue_principal=8000&days_overdue=70")
    wait_ready(page, "overdue-cost")
    assert page.get_attribute("form[data-calculator]", "data-engine") == "snapshot"
    expected = cpython("overdue-cost", {"overdue_principal": "8000", "days_overdue": "70"})
    wait_figures(page, expected_figures(expected))
    page.fill('[name="unpaid_interest"]', "120")  # and it keeps answering as the reader types
    expected = cpython("overdue-cost", {"overdue_principal": "8000", "days_overdue": "70", "unpaid_interest": "120"})
    wait_figures(page, expected_figures(expected))


def test_a_snapshot_that_does_not_fit_is_dropped_and_the_engine_starts_anyway(site_page):
    page, base = site_page
    page.goto(f"{base}calculators/repayment/")
    url = _snapshot_url(page)
    memory = url.replace(".bin.gz", ".mem")  # its memory kept unpacked (calc-worker.js keepUnpacked)
    # a snapshot that is empty, and a memory image of nothing (as an older or foreign one would not fit)
    page.evaluate("""async ([url, memory]) => {
        const cache = await caches.open("runtime");
        await cache.put(url, new Response(new Blob([new Uint8Array([31, 139, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0])])));
        await cache.put(memory, new Response(new Blob([new TextEncoder().encode("OHM1"), new Uint8Array(4)])));
    }""", [url, memory])
    page.reload()
    wait_ready(page, "repayment")
    assert page.get_attribute("form[data-calculator]", "data-engine") == "fresh"
    # the image that did not fit was dropped with its snapshot (this start may keep them again, whole)
    left = kept_entry(page, memory)
    assert left is None or left["size"] > 8, "the memory kept of a snapshot that did not fit was not dropped with it"
    page.fill('[name="principal"]', "6,600")
    wait_figures(page, expected_figures(cpython("repayment", {"principal": "6,600"})))


def test_the_suites_returning_reader_starts_from_the_kept_snapshot(site_page):
    # tests/conftest.py site_page: unless a test is marked first_visit, its browser holds the snapshot
    page, base = site_page
    page.goto(f"{base}calculators/repayment/")
    wait_ready(page, "repayment")
    assert page.get_attribute("form[data-calculator]", "data-engine") == "snapshot"


@pytest.mark.first_visit
def test_a_first_visit_boots_python_with_nothing_kept(site_page):
    page, base = site_page
    page.goto(f"{base}calculators/repayment/")
    wait_ready(page, "repayment")
    assert page.get_attribute("form[data-calculator]", "data-engine") == "fresh"
