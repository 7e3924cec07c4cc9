"""The calendar file: read back by a real iCalendar parser (the `icalendar` package),
so what we write is what a phone's calendar app reads."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import web
from calculators.ics import Event, calendar

STAMP = dt.datetime(2026, 11, 30, 8, 30, tzinfo=dt.UTC)


def parse(text: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(text)


def test_each_event_is_an_all_day_event_with_two_reminders():
    events = [Event(dt.date(2026, 12, 5), "还款 950.00 元", "第 1 期"),
              Event(dt.date(2027, 1, 5), "还款 950.00 元", "第 2 期")]
    cal = parse(calendar(events, key="repayment", name="还款计划", stamp=STAMP))
    found = list(cal.walk("VEVENT"))
    assert [e.decoded("DTSTART") for e in found] == [dt.date(2026, 12, 5), dt.date(2027, 1, 5)]
    assert [e.decoded("DTEND") for e in found] == [dt.date(2026, 12, 6), dt.date(2027, 1, 6)]
    assert [str(e["SUMMARY"]) for e in found] == ["还款 950.00 元", "还款 950.00 元"]
    assert all(e.decoded("DTSTAMP") == STAMP for e in found)
    assert len({str(e["UID"]) for e in found}) == 2
    for event in found:
        triggers = sorted(a.decoded("TRIGGER") for a in event.walk("VALARM"))
        # 09:00 three days before and 09:00 the day before, counted from midnight of the due date
        assert triggers == [-dt.timedelta(days=2, hours=15), -dt.timedelta(hours=15)]


def test_same_plan_gives_same_uids_so_a_second_import_updates():
    events = [Event(dt.date(2026, 12, 5), "还款 950.00 元")]
    first = parse(calendar(events, key="payoff", name="x", stamp=STAMP))
    later = parse(calendar(events, key="payoff", name="x", stamp=STAMP + dt.timedelta(days=3)))
    assert [str(e["UID"]) for e in first.walk("VEVENT")] == [str(e["UID"]) for e in later.walk("VEVENT")]


def test_a_600_month_plan_stays_well_formed():
    start = dt.date(2026, 12, 31)
    events = [Event(start + dt.timedelta(days=30 * i), f"第 {i + 1} 期 还款 5,305.19 元", "等额本息")
              for i in range(600)]
    text = calendar(events, key="repayment", name="还款计划", stamp=STAMP)
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    cal = parse(text)
    assert len(list(cal.walk("VEVENT"))) == 600
    assert len(list(cal.walk("VALARM"))) == 1200


def test_commas_semicolons_newlines_and_chinese_survive_escaping_and_folding():
    summary = "还款；本金 1,000.00, 利息 5.00; 标记 \\ 完"
    description = "第一行\n第二行，含逗号, 分号; 还有一段很长很长的中文说明" * 3
    text = calendar([Event(dt.date(2026, 12, 5), summary, description)], key="k", name="名,字;",
                    stamp=STAMP)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    cal = parse(text)
    event = next(iter(cal.walk("VEVENT")))
    assert str(event["SUMMARY"]) == summary
    assert str(event["DESCRIPTION"]) == description
    # the parser leaves unknown X- properties raw: it is written escaped as TEXT
    assert str(cal["X-WR-CALNAME"]) == "名\\,字\\;"


def test_a_naive_timestamp_is_refused():
    try:
        calendar([], key="k", name="n", stamp=dt.datetime(2026, 11, 30))
    except ValueError as err:
        assert "timezone" in str(err)
    else:
        raise AssertionError("a naive DTSTAMP was accepted")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=200))
def test_any_text_reads_back_exactly(text):
    """Any printable text (CJK, emoji, punctuation) in a summary reads back unchanged."""
    out = calendar([Event(dt.date(2027, 2, 28), text, text)], key="k", name="n", stamp=STAMP)
    assert all(len(line.encode()) <= 75 for line in out.split("\r\n"))
    event = next(iter(parse(out).walk("VEVENT")))
    assert str(event["SUMMARY"]) == text
    assert str(event["DESCRIPTION"]) == text


# --- the plans' calendars, as the page and the terminal ask for them --------------------------


def plan_calendar(slug: str, form: dict, lang: str = "zh") -> tuple[dict, icalendar.Calendar]:
    reply = web.calendar(slug, form, lang, stamp=STAMP)
    assert reply["ok"], reply
    return reply, parse(reply["ics"])


def vevents(cal) -> list:
    return list(cal.walk("VEVENT"))


def alarms_are_3_days_and_1_day_before(event) -> bool:
    return sorted(a.decoded("TRIGGER") for a in event.walk("VALARM")) == [
        -dt.timedelta(days=2, hours=15), -dt.timedelta(hours=15)]


def test_repayment_one_event_per_payment_on_its_due_date_with_the_amount():
    # 1,200 at 0% in 2 parts: 600.00 each; paid out 2026-11-05, so due 2026-12-05 and 2027-01-05
    form = {"principal": "1200", "annual_rate": "0", "months": "2", "start_date": "2026-11-05"}
    reply, cal = plan_calendar("repayment", form)
    found = vevents(cal)
    assert reply["events"] == 2 and len(found) == 2
    assert [e.decoded("DTSTART") for e in found] == [dt.date(2026, 12, 5), dt.date(2027, 1, 5)]
    assert [str(e["SUMMARY"]) for e in found] == ["还款 600.00 元（第 1/2 期）", "还款 600.00 元（第 2/2 期）"]
    assert all(alarms_are_3_days_and_1_day_before(e) for e in found)


def test_repayment_amounts_match_the_schedule_and_a_600_month_plan_stays_well_formed():
    form = {"principal": "1000000", "annual_rate": "4.9", "months": "600", "start_date": "2026-01-31"}
    schedule = web.compute("repayment", form)["result"]["payments"]
    reply, cal = plan_calendar("repayment", form, "en")
    found = vevents(cal)
    assert len(found) == 600 and len(list(cal.walk("VALARM"))) == 1200
    assert all(len(line.encode()) <= 75 for line in reply["ics"].split("\r\n"))
    for event, row in zip(found, schedule, strict=True):
        assert event.decoded("DTSTART") == dt.date.fromisoformat(row["date"])
        assert f"¥{Decimal(row['payment']):,.2f}" in str(event["SUMMARY"])
    # 2026-01-31 + 1 month: the end of February (schedules.add_months)
    assert found[0].decoded("DTSTART") == dt.date(2026, 2, 28)


def test_a_plan_without_dates_asks_for_the_first_payment_date_and_then_counts_from_it():
    reply = web.calendar("repayment", {"principal": "1200", "annual_rate": "0", "months": "3"})
    assert reply["ok"] is False and reply["field"] == "calendar_first"
    assert "日期" in reply["message"]["zh"] and "date" in reply["message"]["en"]
    _, cal = plan_calendar("repayment", {"principal": "1200", "annual_rate": "0", "months": "3",
                                         "calendar_first": "2026-12-31"})
    assert [e.decoded("DTSTART") for e in vevents(cal)] == [
        dt.date(2026, 12, 31), dt.date(2027, 1, 31), dt.date(2027, 2, 28)]
    bad = web.calendar("repayment", {"calendar_first": "2026-02-30"})
    assert bad["ok"] is False and bad["field"] == "calendar_first"


def test_payoff_names_each_debt_and_what_it_gets_that_month():
    form = {"budget": "1000", "start_date": "2026-12-10", "debts": [
        {"name": "花呗, 分期; A", "balance": "1000", "annual_rate": "0", "minimum": "400"},
        {"name": "", "balance": "1000", "annual_rate": "0", "minimum": "100"}]}
    result = web.compute("payoff", form)["result"]
    _, cal = plan_calendar("payoff", form)
    found = vevents(cal)
    assert len(found) == result["months"] == 2
    assert found[0].decoded("DTSTART") == dt.date(2026, 12, 10)
    # avalanche with equal rates: the smaller balance... both 1,000: the first gets 400 + the 500 left over
    assert str(found[0]["SUMMARY"]) == "还款 1,000.00 元：花呗, 分期; A 900.00 元、第 2 笔 100.00 元"
    assert str(found[1]["SUMMARY"]) == "还款 1,000.00 元：花呗, 分期; A 100.00 元、第 2 笔 900.00 元"
    assert all(alarms_are_3_days_and_1_day_before(e) for e in found)


def test_negotiation_puts_the_plan_that_fits_into_the_calendar():
    from calculators import negotiation
    form = {"principal": "10000", "affordable": "1000", "calendar_first": "2026-12-15"}
    result = negotiation.calculate(negotiation.read_form(form))
    rows = {"reinstalment": result.reinstal_rows, "frozen": result.frozen_rows}[result.best]
    _, cal = plan_calendar("negotiation", form)
    found = vevents(cal)
    assert len(found) == len(rows) > 1
    assert found[0].decoded("DTSTART") == dt.date(2026, 12, 15)
    assert found[1].decoded("DTSTART") == dt.date(2027, 1, 15)
    for event, row in zip(found, rows, strict=True):
        assert f"{row.payment:,.2f} 元" in str(event["SUMMARY"])
    nothing_fits = web.calendar("negotiation", {"affordable": "10", "calendar_first": "2026-12-15"})
    assert nothing_fits["ok"] is False


def test_checklist_deadlines_ahead_go_into_the_calendar_and_passed_ones_do_not():
    form = {"papers": "payment_order", "papers_date": "2026-11-20", "today": "2026-11-30"}
    _, cal = plan_calendar("checklist", form)
    (event,) = vevents(cal)
    assert event.decoded("DTSTART") == dt.date(2026, 12, 5)  # 民诉法 第八十五条、第二百二十七条
    assert "第二百二十七条" in str(event["DESCRIPTION"])
    assert alarms_are_3_days_and_1_day_before(event)
    passed = web.calendar("checklist", {**form, "papers_date": "2026-10-01"})
    assert passed["ok"] is False


@pytest.mark.parametrize("slug", ["apr", "overdue-cost"])
def test_calculators_without_a_plan_have_no_calendar(slug):
    assert web.calendar(slug, {})["ok"] is False
    assert json.loads(web.run(f"{slug}.ics", "{}"))["ok"] is False


def test_the_browser_door_returns_the_calendar_as_text():
    form = {"principal": "1200", "annual_rate": "0", "months": "2", "start_date": "2026-11-05"}
    reply = json.loads(web.run("repayment.ics", json.dumps(form), "en", with_result=False))
    assert reply["ok"] and reply["filename"] == "repayment.ics"
    assert [str(e["SUMMARY"]) for e in vevents(parse(reply["ics"]))][0] == "Pay ¥600.00 (payment 1 of 2)"


def test_the_browser_door_takes_the_files_moment_and_today_from_its_caller():
    # the golden record's calendar files: DTSTAMP and "today" both given, nothing read from the clock
    form = {"papers": "payment_order", "papers_date": "2026-11-20"}  # today left empty: the caller's
    reply = json.loads(web.run("checklist.ics", json.dumps(form), "zh", True, "2026-11-30",
                               "2026-11-30T16:30:00+08:00"))
    (event,) = vevents(parse(reply["ics"]))
    assert event.decoded("DTSTAMP") == dt.datetime(2026, 11, 30, 8, 30, tzinfo=dt.UTC)
    assert event.decoded("DTSTART") == dt.date(2026, 12, 5)
    # the same form a week later: the deadline has passed, and there is nothing to add
    later = json.loads(web.run("checklist.ics", json.dumps(form), "zh", True, "2026-12-07", "2026-12-07T08:00:00+00:00"))
    assert later["ok"] is False and later["message"]["en"] == "This result has no dates ahead to add to a calendar."


def test_the_terminal_prints_a_plans_calendar():
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.run([sys.executable, "-m", "calculators", "repayment", "principal=1200", "annual_rate=0",
                           "months=2", "start_date=2026-11-05", "--ics"], cwd=root, capture_output=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert len(vevents(parse(text))) == 2
    wrong = subprocess.run([sys.executable, "-m", "calculators", "apr", "--ics"], cwd=root, capture_output=True,
                           timeout=60)
    assert wrong.returncode == 2 and b"calendar" in wrong.stderr
