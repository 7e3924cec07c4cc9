"""credit_record: known dates, bad inputs with their exact messages, and invariants."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal

import pytest
import time_machine
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import credit_record as cr
from calculators import figures, web
from calculators.money import InputError
from calculators.views import credit_record as view

D = dt.date
RELIEF = figures.entry("credit_relief_2025")
KEEP = int(figures.entry("credit_record")["keep_years"])


def form(start="2024-03-15", paid="yes", paid_date="2024-06-10", amount="3000", today="2026-11-29"):
    return {"overdue_start": start, "paid": paid, "paid_date": paid_date, "overdue_amount": amount,
            "today": today}


def run(**kw):
    return cr.calculate(cr.read_form(form(**kw)))


def plus_years(day: D, years: int) -> D:
    """Independent of the module: same month and day, Feb 29 → Feb 28."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return D(day.year + years, 2, 28)


# --- known values -----------------------------------------------------------------------------

def test_worked_example():
    # Arithmetic: 2024-06-10 + 5 years = 2029-06-10; 2026-11-29 → 2029-11-29 is 365 + 366 + 365 =
    # 1096 days, less the 172 days from 2029-06-10 to 2029-11-29 (20+31+31+30+31+29) = 924.
    # Relief (the PBoC's one-off credit relief announced 22 Dec 2025, as publicly reported; figures.toml): 2024 is inside 2020–2025, 3,000 ≤ 10,000, repaid before 2026-03-31.
    r = run()
    assert r.record_start == D(2024, 3, 15)
    assert r.shown_until == D(2029, 6, 10)
    assert r.days_remaining == 924
    assert r.status == "shown"
    assert r.relief == "yes"
    assert [c.status for c in r.conditions] == ["met", "met", "met"]
    d = cr.to_dict(r)
    assert d["shown_until"] == "2029-06-10" and d["days_remaining"] == 924 and d["relief"] == "yes"
    assert [e["event"] for e in d["timeline"]] == [
        "overdue_start", "paid", "relief_announced", "relief_deadline", "today", "shown_until"]


@pytest.mark.parametrize(("paid", "until"), [
    ("2024-02-29", D(2029, 2, 28)),  # leap day, 2029 is a common year: Feb 28
    ("2020-02-29", D(2025, 2, 28)),
    ("2023-03-01", D(2028, 3, 1)),   # 2028 is a leap year; March 1 stays March 1
    ("2024-12-31", D(2029, 12, 31)),
])
def test_shown_until_leap_day(paid, until):
    r = run(start="2020-01-01", paid_date=paid, today="2030-01-01")
    assert r.shown_until == until
    assert cr.add_years(D(2024, 2, 29), 4) == D(2028, 2, 29)  # leap year to leap year


def test_unpaid_clock_not_started():
    # While unpaid the 5 years do not run: no end date, no day count.
    r = run(paid="no", paid_date="", today="2026-11-29")
    assert r.status == "unpaid" and r.shown_until is None and r.days_remaining is None
    assert r.if_paid_today == D(2031, 11, 29)  # arithmetic: 2026-11-29 + 5 years
    d = cr.to_dict(r)
    assert d["shown_until"] is None and d["paid_date"] is None and d["status"] == "unpaid"
    html = view.render(r, "zh")
    assert "未开始计算" in html and 'data-field="status" data-value="unpaid"' in html
    assert "Not counting yet" in view.render(r, "en")
    # After the 2026-03-31 deadline, an unpaid record cannot meet the relief.
    assert r.conditions[2].status == "not_met" and r.relief == "no"


def test_ended_on_the_day():
    r = run(paid_date="2024-06-10", today="2029-06-10")
    assert r.days_remaining == 0 and r.status == "ended"
    r = run(paid_date="2024-06-10", today="2029-06-09")
    assert r.days_remaining == 1 and r.status == "shown"
    assert "1 day<" in view.render(r, "en")


def test_relief_amount_boundary_facts_example():
    # A worked case under the same relief's 10,000-yuan single-overdue limit: 12 × 5,000, November and December missed; December's single overdue
    # amount is 10,000, which is within 10,000. One fen more is not.
    assert run(amount="10000").conditions[1].status == "met"
    assert run(amount="1万").relief == "yes"
    r = run(amount="10000.01")
    assert r.conditions[1].status == "not_met" and r.relief == "no"


@pytest.mark.parametrize(("start", "status"), [
    ("2019-12-31", "not_met"), ("2020-01-01", "met"), ("2025-12-31", "met"), ("2026-01-01", "not_met"),
])
def test_relief_period_boundaries(start, status):
    # figures.toml credit_relief_2025: overdue_from 2020-01-01, overdue_to 2025-12-31, inclusive.
    r = run(start=start, paid_date="2026-01-02", today="2026-11-29")
    assert r.conditions[0].status == status


@pytest.mark.parametrize(("paid", "status"), [("2026-03-31", "met"), ("2026-04-01", "not_met")])
def test_relief_repaid_by_boundary(paid, status):
    r = run(start="2025-06-01", paid_date=paid, today="2026-11-29")
    assert r.conditions[2].status == status
    assert r.relief == ("yes" if status == "met" else "no")


def test_relief_unknown_without_amount():
    r = run(amount="")
    assert r.conditions[1].status == "unknown" and r.relief == "unknown"
    assert r.conditions[1].why == "no_amount"
    assert "要判断这一条" in view.condition_text(r.conditions[1], r.inputs, "zh")
    assert 'data-value="unknown"' in view.render(r, "zh")


def test_relief_still_open_before_deadline():
    # As of 2026-01-15, an unpaid 2025 overdue could still have been repaid by 2026-03-31.
    r = run(start="2025-10-01", paid="no", today="2026-01-15")
    assert r.conditions[2].status == "unknown" and r.relief == "unknown"
    assert "已经过了" not in view.render(r, "zh")  # the window-closed sentence only after the deadline
    assert "已经过了" in view.render(run(), "zh")


def test_paid_no_ignores_a_leftover_paid_date():
    # A date left in the hidden field while "not paid off yet" is chosen must not block the answer.
    r = run(paid="no", paid_date="1900-01-01")
    assert r.status == "unpaid"
    assert cr.read_form(form(paid="no", paid_date="abc")).paid_date is None


def test_an_empty_today_is_the_clock_given_else_the_computers_date():
    f = form()
    del f["today"]
    assert cr.read_form(form(today=""), D(2027, 3, 1)).today == D(2027, 3, 1)
    assert cr.read_form(f, D(2028, 2, 29)).today == D(2028, 2, 29)
    with time_machine.travel(dt.datetime(2031, 5, 6, 10, tzinfo=dt.UTC), tick=False):
        assert cr.read_form(form(today="")).today == D(2031, 5, 6)  # the page: the reader's date
        assert cr.read_form(f).today == D(2031, 5, 6)
    # a typed date always wins over the clock
    assert cr.read_form(form(today="2026-01-31"), D(2028, 2, 29)).today == D(2026, 1, 31)


def test_web_run_takes_the_clock_for_an_empty_today():
    reply = json.loads(web.run("credit-record", json.dumps(form(paid="no", paid_date="", today="")), "en",
                               True, "2027-01-15"))
    assert reply["result"]["today"] == "2027-01-15"


def test_defaults_make_a_valid_form():
    f = {k: v for k, v in form().items() if k != "overdue_amount"}
    del f["paid_date"]
    r = cr.calculate(cr.read_form(f | {"today": "2026-11-29"}))
    assert r.shown_until == D(2029, 6, 10)  # the field defaults: paid 2024-06-10


def test_inputs_from_code_equal_inputs_from_form():
    made = cr.Inputs(overdue_start=D(2024, 3, 15), paid="yes", today=D(2026, 11, 29),
                     paid_date=D(2024, 6, 10), overdue_amount=Decimal("3000"))
    assert made == cr.read_form(form())


def test_figures_come_from_the_figures_file(monkeypatch):
    # Change the keep period and the relief limit in the figures and the answer follows.
    real = figures.entry

    def fake(name):
        entry = dict(real(name))
        if name == "credit_record":
            entry["keep_years"] = 7
        if name == "credit_relief_2025":
            entry["max_single_overdue"] = "2000"
        return entry

    monkeypatch.setattr(figures, "entry", fake)
    r = run()
    assert r.shown_until == D(2031, 6, 10)
    assert r.conditions[1].status == "not_met"
    assert "7 年" in view.render(r, "zh") and "2,000" in view.render(r, "en")


def test_timeline_same_day_order():
    # Paid on the deadline day and computed that day: paid, then deadline, then the as-of date.
    r = run(start="2026-03-31", paid_date="2026-03-31", today="2026-03-31")
    names = [e.name for e in r.timeline]
    assert names == ["overdue_start", "paid", "today", "shown_until"]  # 2026 overdue: no relief rows
    r = run(start="2025-03-31", paid_date="2026-03-31", today="2026-03-31")
    assert [e.name for e in r.timeline] == [
        "overdue_start", "relief_announced", "paid", "relief_deadline", "today", "shown_until"]


def test_render_notes_cover_the_brief():
    zh, en = view.render(run(), "zh"), view.render(run(), "en")
    assert "第十六条" in zh and "art. 16" in en            # the 5-year rule and its source
    assert "实际做法" in zh and "in practice" in en        # the [verify] caveat stays
    assert "第十七条" in zh and "twice a year" in en       # free report twice a year
    assert "骗局" in zh and "scam" in en                   # paid credit repair
    assert "骗子" in zh and "fraudster" in en              # anyone charging for the relief
    assert 'data-table="timeline"' in zh


# --- bad inputs -------------------------------------------------------------------------------
# The bad inputs a reader types, each with its exact message, are data beside the calculator
# (calculators/cases/credit_record.json); tests/test_registry.py runs them. Here: the rest.


def test_bad_inputs_made_in_code():
    with pytest.raises(InputError) as err:
        cr.Inputs(overdue_start=D(2024, 3, 15), paid="no", today=None)
    assert err.value.message == {"zh": "请填写计算日期，例如 2026-01-31",
                                 "en": "Fill in the as-of date, such as 2026-01-31"}
    with pytest.raises(InputError) as err:
        cr.Inputs(overdue_start=D(1989, 1, 1), paid="no", today=D(2026, 1, 1))
    assert err.value.field == "overdue_start"


# --- properties -------------------------------------------------------------------------------

DAYS = st.dates(min_value=D(1990, 1, 1), max_value=D(2100, 12, 31))
AMOUNTS = st.one_of(st.none(), st.decimals(min_value=Decimal("0.01"), max_value=Decimal("100000000"),
                                           places=2, allow_nan=False, allow_infinity=False))


@st.composite
def cases(draw):
    a, b, c = sorted(draw(st.lists(DAYS, min_size=3, max_size=3)))
    paid = draw(st.booleans())
    amount = draw(AMOUNTS)
    return cr.Inputs(overdue_start=a, paid="yes" if paid else "no", today=c,
                     paid_date=b if paid else None, overdue_amount=amount)


def expected_conditions(i: cr.Inputs) -> tuple[bool | None, bool | None, bool | None]:
    """The three relief conditions, computed here from the figures file: True/False/None (unknown)."""
    period = RELIEF["overdue_from"] <= i.overdue_start <= RELIEF["overdue_to"]
    limit = Decimal(RELIEF["max_single_overdue"])
    amount = None if i.overdue_amount is None else i.overdue_amount <= limit
    if i.paid == "yes":
        repaid = i.paid_date <= RELIEF["repaid_by"]
    else:
        repaid = False if i.today > RELIEF["repaid_by"] else None
    return period, amount, repaid


@settings(max_examples=300, deadline=None)
@given(cases())
def test_properties(inputs):
    r = cr.calculate(inputs)
    if inputs.paid == "yes":
        assert r.shown_until == plus_years(inputs.paid_date, KEEP)
        assert r.days_remaining >= 0
        assert r.days_remaining == max(0, (r.shown_until - inputs.today).days)
        assert r.status == ("shown" if r.days_remaining else "ended")
    else:
        assert r.shown_until is None and r.days_remaining is None and r.status == "unpaid"
    want = expected_conditions(inputs)
    got = tuple({"met": True, "not_met": False, "unknown": None}[c.status] for c in r.conditions)
    assert got == want
    assert (r.relief == "yes") == all(w is True for w in want)
    assert (r.relief == "no") == any(w is False for w in want)
    days = [e.day for e in r.timeline]
    assert days == sorted(days)
    names = [e.name for e in r.timeline]
    assert names.count("overdue_start") == 1 and names.count("today") == 1
    assert ("shown_until" in names) == (inputs.paid == "yes")


@settings(max_examples=100, deadline=None)
@given(cases())
def test_output_is_clean(inputs):
    r = cr.calculate(inputs)
    d = cr.to_dict(r)
    text = json.dumps(d, ensure_ascii=False, allow_nan=False)
    assert not any(isinstance(v, float) for v in d.values())
    for lang in ("zh", "en"):
        html = view.render(r, lang)
        for bad in ("NaN", "Infinity", "-0.00", "None"):
            assert bad not in text and bad not in html
        # every headline figure's machine value is exactly to_dict's text
        for field, value in re.findall(r'data-field="([^"]+)" data-value="([^"]*)"', html):
            assert str(d[field]) == value
