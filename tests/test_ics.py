"""The calendar file: read back by a real iCalendar parser (the `icalendar` package),
so what we write is what a phone's calendar app reads."""

from __future__ import annotations

import datetime as dt

import icalendar
from hypothesis import given, settings
from hypothesis import strategies as st

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
