"""What a reader pays in data (issue 23): every byte the server sends, counted at the server
(tools/first_visit.py: the site served with gzip -6 as a static host sends it, service worker
allowed and counted too).

"The 30 s after ready" is not waited for by the clock: a page is settled once its engine has
decided about the snapshot (form[data-snapshot-kept]) and the pages kept ahead for offline use
are kept or put off (<html data-offline>), which is everything it does in the background."""

from __future__ import annotations

import pytest

from tests.browser.helpers import READY_MS
from tools import first_visit

pytestmark = pytest.mark.browser

BUDGET = 5_000_000  # bytes, a first calculator visit with everything it does in the background


def test_a_first_calculator_visit_costs_at_most_5_mb_in_all(browser, site, capsys):
    (one,) = first_visit.visit(browser, site, ("calculators/repayment/",), timeout_ms=2 * READY_MS)
    with capsys.disabled():
        print(f"\nfirst calculator visit: {first_visit.describe(one)}")
    assert not one.outside
    # no runtime file is downloaded twice before ready (a preload in the page that the worker's own
    # fetch could not use would show here as a second request for the same file)
    asked = [path for path, _ in one.to_ready if path.startswith(("/pyodide/", "/assets/py/"))]
    assert not [path for path in set(asked) if asked.count(path) > 1], sorted(asked)
    assert one.fetched("/pyodide/pyodide.asm.wasm.zst")  # counted: the runtime went through this server
    assert one.sent_total <= BUDGET, sorted(one.to_ready + one.after, key=lambda r: -r[1])[:10]
    # nothing of the letters, the snapshot or the other language on a calculator's first visit
    assert not one.fetched("/letters-") and not one.fetched("/snapshot-")
    assert not one.fetched("/en/") and not one.fetched("/search/")
    assert one.snapshot == "skipped" and one.offline == "later"


def test_the_snapshot_is_kept_only_for_a_reader_who_comes_back(browser, site):
    first, second = first_visit.visit(browser, site, ("calculators/repayment/", "calculators/overdue-cost/"),
                                      timeout_ms=2 * READY_MS)
    assert first.snapshot == "skipped" and not first.fetched("/snapshot-")
    assert second.snapshot == "kept" and second.fetched("/snapshot-")
    # the second view keeps the reader's language ahead for offline use, and only it
    assert second.offline == "kept"
    assert second.fetched("/search/zh.json") and second.fetched("/guides/negotiate/")
    assert not second.fetched("/en/") and not second.fetched("/search/en.json")


def test_with_save_data_the_snapshot_and_the_pages_ahead_are_never_fetched(browser, site):
    visits = first_visit.visit(browser, site, ("calculators/repayment/", "calculators/overdue-cost/"),
                               save_data=True, timeout_ms=2 * READY_MS)
    for one in visits:
        assert one.snapshot == "skipped" and not one.fetched("/snapshot-")
        assert one.offline == "off" and not one.fetched("/search/")
