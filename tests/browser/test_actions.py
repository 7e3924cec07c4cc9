"""From an answer to an action, in the browser at 375 px: the checklist page with its dated
deadline, the next-step links that follow the result, and the calendar file the button downloads."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import icalendar
import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.helpers import (
    ANSWER_MS,
    cpython,
    expected_figures,
    wait_figures,
    wait_ready,
)
from tests.browser.test_calculators import page_form

SHOTS = os.environ.get("SCREENSHOTS")  # a folder: save the screenshots there to look at them


def shot(page, name: str, locator=None) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        (locator or page).screenshot(path=str(Path(SHOTS) / f"{name}.png"), **({} if locator else {"full_page": True}))


def serious(page) -> list:
    results = Axe().run(page)
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")]


def test_home_page_links_the_checklist_first(site_page):
    page, base = site_page
    for prefix in ("", "en/"):
        page.goto(f"{base}{prefix}")
        # the crisis line comes before everything on every page (tests/test_crisis.py); after it, the
        # page's first link is the checklist
        first = page.locator("article a[href]:not(.headerlink):not(.crisis-line a)").first
        assert first.get_attribute("href").rstrip("/").endswith("calculators/checklist")


@pytest.mark.own_context  # it sets the page's clock
def test_checklist_gives_the_payment_order_deadline_and_its_calendar(site_page):
    page, base = site_page
    # no answer on the way counts from the machine's real date: the page's clock is fixed (to a day
    # that would give 还剩 10 天, so an answer that ignored the field fails), and "today" is filled
    # before the papers (an answer computed between two fills could otherwise be the one read below)
    page.clock.set_fixed_time(dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC))
    page.goto(f"{base}calculators/checklist/")
    wait_ready(page, "checklist")
    form = 'form[data-calculator="checklist"]'
    page.locator(f"{form} details.calc-more > summary").click()
    page.fill(f'{form} [name="today"]', "2026-11-30")
    page.select_option(f'{form} [name="papers"]', "payment_order")
    page.fill(f'{form} [name="papers_date"]', "2026-11-20")
    # the step with its date (an answer before the papers' date is typed has no deadline to count)
    deadline = page.locator('.calc-output-body li[data-step-key="object_payment_order"] .calc-step-deadline[data-deadline]')
    deadline.wait_for(timeout=ANSWER_MS)
    # 民事诉讼法 第八十五条 (the day received is not counted) and 第二百二十七条 (15 日内)
    assert deadline.get_attribute("data-deadline") == "2026-12-05"
    assert "15 日内" in deadline.text_content() and "第二百二十七条" in deadline.text_content()
    assert "还剩 5 天" in deadline.text_content()
    link = page.locator('.calc-output-body li[data-step-key="object_payment_order"] .calc-step-link a')
    assert link.get_attribute("href") == "../../guides/payment-order/#payment-order"
    assert serious(page) == []
    shot(page, "checklist-375")

    button = page.locator('.calc-calendar[data-calendar="checklist"] button[data-action="calendar"]')
    with page.expect_download(timeout=ANSWER_MS) as info:
        button.click()
    download = info.value
    assert download.suggested_filename == "checklist.ics"
    cal = icalendar.Calendar.from_ical(Path(download.path()).read_bytes())
    (event,) = list(cal.walk("VEVENT"))
    assert event.decoded("DTSTART") == dt.date(2026, 12, 5)
    assert len(list(event.walk("VALARM"))) == 2


def test_repayment_calendar_button_downloads_every_payment(site_page):
    page, base = site_page
    page.goto(f"{base}calculators/repayment/")
    wait_ready(page, "repayment")
    form = 'form[data-calculator="repayment"]'
    page.fill(f'{form} [name="principal"]', "1200")
    page.fill(f'{form} [name="annual_rate"]', "0")
    page.fill(f'{form} [name="months"]', "3")
    page.wait_for_function("() => document.querySelectorAll('table[data-table=payments] tbody tr').length === 3",
                           timeout=ANSWER_MS)
    block = page.locator('.calc-calendar[data-calendar="repayment"]')
    # no start date: pressing asks for the first payment's date, next to the button
    block.locator('button[data-action="calendar"]').click()
    message = block.locator(".calc-calendar-msg.is-error")
    message.wait_for(timeout=ANSWER_MS)
    assert "日期" in message.text_content()
    assert block.locator("[data-calendar-first]").get_attribute("aria-invalid") == "true"
    block.locator("[data-calendar-first]").fill("2026-12-31")
    # a recompute re-renders the result (here the same loan written another way): the date stays
    page.evaluate("document.querySelector('.calc-output-body > .calc-result').dataset.old = '1'")
    page.fill(f'{form} [name="principal"]', "1,200")
    page.wait_for_function("() => !document.querySelector('.calc-output-body > .calc-result[data-old]')",
                           timeout=ANSWER_MS)
    assert block.locator("[data-calendar-first]").input_value() == "2026-12-31"
    shot(page, "calendar-button-375", block)
    with page.expect_download(timeout=ANSWER_MS) as info:
        block.locator('button[data-action="calendar"]').click()
    download = info.value
    assert download.suggested_filename == "repayment.ics"
    raw = Path(download.path()).read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n")
    events = list(icalendar.Calendar.from_ical(raw).walk("VEVENT"))
    # 1,200 at 0% in 3 parts of 400.00, from 2026-12-31 (month ends carry over: schedules.add_months)
    assert [e.decoded("DTSTART") for e in events] == [dt.date(2026, 12, 31), dt.date(2027, 1, 31),
                                                       dt.date(2027, 2, 28)]
    assert all("400.00 元" in str(e["SUMMARY"]) for e in events)
    block.locator(".calc-calendar-msg:not(.is-error)").wait_for(timeout=ANSWER_MS)


def test_payoff_next_steps_follow_the_result(site_page):
    page, base = site_page
    page.goto(f"{base}en/calculators/payoff/")
    wait_ready(page, "payoff")
    steps = page.locator(".calc-output-body .calc-next")
    assert "negotiate" not in steps.get_attribute("data-steps").split()
    shown = page.locator(".calc-output-body .calc-next a").count()
    assert 2 <= shown <= 4
    # one debt of 20,000 at 24% and 500 a month: more than three years, so negotiating comes first
    form = 'form[data-calculator="payoff"]'
    while page.locator(f"{form} .calc-row").count() > 1:
        page.locator(f'{form} .calc-row:last-of-type button[data-action="remove-row"]').click()
    page.fill(f'{form} [name="debts.0.balance"]', "20000")
    page.fill(f'{form} [name="debts.0.annual_rate"]', "24")
    page.fill(f'{form} [name="debts.0.minimum"]', "500")
    page.fill(f'{form} [name="budget"]', "500")
    page.wait_for_function(
        "() => (document.querySelector('.calc-output-body .calc-next')?.dataset.steps || '').startsWith('negotiate')",
        timeout=ANSWER_MS)


@pytest.mark.own_context  # it sets the page's clock
def test_a_today_left_empty_is_the_readers_own_date(site_page):
    """The page sends the reader's date (its own clock, its own time zone) with every calculation:
    with the page's clock on 2031-05-06, the credit record counts from that day, not from the
    server's or the Python runtime's idea of today."""
    page, base = site_page
    page.clock.set_fixed_time(dt.datetime(2031, 5, 6, 10, 0, tzinfo=dt.UTC))
    page.goto(f"{base}calculators/credit-record/")
    wait_ready(page, "credit-record")
    page.fill('form[data-calculator="credit-record"] [name="overdue_amount"]', "3000")
    expected = cpython("credit-record", {**page_form(page), "today": "2031-05-06"})
    other = cpython("credit-record", {**page_form(page), "today": "2026-12-06"})
    assert expected["result"]["days_remaining"] != other["result"]["days_remaining"]  # the date matters here
    wait_figures(page, expected_figures(expected))


@pytest.mark.own_context  # it sets the page's clock
def test_a_result_from_an_earlier_day_is_worked_out_again_when_the_page_comes_back(site_page):
    """A tab left open overnight: when the reader comes back to it (the page shown again), a result
    whose "today" was left empty is asked again for the new day; days left count from today, not
    from the day the page was opened."""
    page, base = site_page
    page.clock.set_fixed_time(dt.datetime(2027, 5, 6, 10, 0, tzinfo=dt.UTC))
    page.goto(f"{base}calculators/credit-record/")
    wait_ready(page, "credit-record")
    page.fill('form[data-calculator="credit-record"] [name="overdue_amount"]', "3000")
    form = page_form(page)
    first = cpython("credit-record", {**form, "today": "2027-05-06"})
    wait_figures(page, expected_figures(first))
    page.clock.set_fixed_time(dt.datetime(2027, 5, 7, 10, 0, tzinfo=dt.UTC))
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")  # the tab is shown again
    later = cpython("credit-record", {**form, "today": "2027-05-07"})
    assert later["result"]["days_remaining"] != first["result"]["days_remaining"]
    wait_figures(page, expected_figures(later))
