"""When the calculators' engine starts (issue 23, "start at the first byte"): never later than the
reader's first touch of a form, and at once for a shared link, whatever the idle callback does.

These pages' idle callback never fires (an init script replaces requestIdleCallback), so only the
reader's own action, or a link's values, can start the engine: a page that waits for idle
would never get ready here."""

from __future__ import annotations

import pytest

from tests.browser.helpers import wait_ready

pytestmark = [pytest.mark.browser, pytest.mark.first_visit]

NEVER_IDLE = "window.requestIdleCallback = () => 0;"
SLUG = "repayment"


def _worker_asked(requests: list[str]) -> bool:
    return any("/calc-worker.js" in url for url in requests)


def test_typing_starts_the_engine_without_waiting_for_idle(site_page):
    page, base = site_page
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.add_init_script(NEVER_IDLE)
    page.goto(base + f"calculators/{SLUG}/")
    page.wait_for_load_state("load")
    form = page.locator(f'form[data-calculator="{SLUG}"]')
    assert not _worker_asked(requests)  # idle never came: nothing started the engine yet
    assert form.get_attribute("data-state") not in ("loading", "ready")
    page.locator(f'form[data-calculator="{SLUG}"] [name="principal"]').fill("8800")
    wait_ready(page, SLUG)
    assert _worker_asked(requests)


def test_a_shared_link_starts_the_engine_at_once(site_page):
    page, base = site_page
    page.add_init_script(NEVER_IDLE)
    page.goto(base + f"calculators/{SLUG}/?principal=8800&annual_rate=18&months=12")
    wait_ready(page, SLUG)  # no idle callback, no touch: the link's values started it
