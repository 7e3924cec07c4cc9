"""Tests for calculators/overdue_cost.py: what being D days late costs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from decimal import Decimal
from html import unescape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import figures, rates, web
from calculators import overdue_cost as oc
from calculators.money import InputError, percent_text
from calculators.views import overdue_cost as view
from tests.strategies import amounts

MONEY_TEXT = re.compile(r"\d+\.\d{2}")
MONEY_KEYS = ("penalty_interest", "compound_interest", "late_fee", "total_extra", "total_owed",
              "overdue_amount")


# The page's example daily rate: a field left out is "not given" (issue "The tools a borrower acts on
# must never hurt them", item 10), so the tests that mean the page's example say so.
EXAMPLE = {"daily_rate": "0.05"}
CLOCK = dt.date(2026, 11, 29)  # the day of the demand when a test leaves "today" empty
CLOCK_TEXT = CLOCK.isoformat()


def run(**form: str) -> oc.Result:
    return oc.calculate(oc.read_form({**EXAMPLE, **form}, CLOCK))


def figure_values(html: str) -> list[tuple[str, str]]:
    return re.findall(r'data-field="([^"]+)" data-value="([^"]*)"', html)


# --- known values ---------------------------------------------------------------------------

def test_defaults_worked_example():
    # Form defaults: 10,000 overdue, 30 days, 0.05 % a day, markup 50 % (figures.toml).
    # Arithmetic: penalty daily rate 0.05 % × 1.5 = 0.075 %; 10,000 × 0.00075 × 30 = 225.00;
    # annualized 225 ÷ 10,000 ÷ 30 × 360 = 27.00 %.
    d = oc.to_dict(run())
    assert d["penalty_interest"] == "225.00"
    assert d["compound_interest"] == "0.00"
    assert d["late_fee"] == "0.00"
    assert d["total_extra"] == "225.00"
    assert d["total_owed"] == "10225.00"
    assert d["penalty_daily_rate"] == "0.0750"
    assert d["annualized_rate"] == "27.00"


def test_default_markup_comes_from_figures():
    # 银发〔2003〕251号 §3: bank penalty rate = contract rate + 30–50 %; figures.toml
    # [bank_penalty_markup] high = 50 is the form's default.
    field = next(f for f in oc.FIELDS if f.name == "penalty_markup")
    assert field.default == figures.entry("bank_penalty_markup")["high"] == "50"
    assert run().inputs.penalty_markup == Decimal("50")


@pytest.mark.parametrize(("basis", "yearly"), [("360", "18.00"), ("365", "18.25")])
def test_daily_rate_facts(basis, yearly):
    # Arithmetic: 0.05 % a day = 18.00 % (×360), 18.25 % (×365).
    # With no markup and no fee the charges' annualized rate is the contract's own rate.
    r = run(daily_rate="0.05", day_basis=basis, penalty_markup="0", days_overdue="30")
    d = oc.to_dict(r)
    assert d["contract_annual_rate"] == yearly
    assert d["annualized_rate"] == yearly
    assert d["penalty_annual_rate"] == yearly
    assert percent_text(rates.daily_to_yearly(Decimal("0.05"), int(basis))) == yearly


def test_annual_rate_365_day_year():
    # Arithmetic: 10,000 × 18 % × 1.5 ÷ 365 × 45 = 12,150 ÷ 36.5 = 332.8767… → 332.88.
    r = run(daily_rate="", annual_rate="18", day_basis="365", days_overdue="45")
    assert r.penalty_interest == Decimal("332.88")
    assert oc.to_dict(r)["contract_daily_rate"] == "0.0493"  # 18 ÷ 365 = 0.049315…


def test_annual_rate_on_360_days_equals_daily_rate():
    # 18 % ÷ 360 = 0.05 % a day exactly, so both ways of giving the rate agree.
    by_year = run(daily_rate="", annual_rate="18", day_basis="360", days_overdue="77")
    by_day = run(daily_rate="0.05", day_basis="360", days_overdue="77")
    assert oc.to_dict(by_year)["growth"] == oc.to_dict(by_day)["growth"]
    assert by_year.total_extra == by_day.total_extra


def test_explicit_penalty_rate_replaces_markup():
    # Arithmetic: 10,000 × 0.1 % × 200 = 2,000.00; the contract rate plays no part.
    r = run(penalty_markup="", penalty_daily_rate="0.1", days_overdue="200")
    assert r.penalty_interest == Decimal("2000.00")
    assert oc.to_dict(r)["penalty_annual_rate"] == "36.00"  # 0.1 × 360


def test_rounded_once_not_daily():
    # Arithmetic: 1,000 × 0.0333 % = 0.333 a day; over 30 days exactly 9.99. Rounding every day
    # would give 0.33 × 30 = 9.90: the charge is rounded once, at the end.
    r = run(overdue_principal="1000", penalty_markup="", penalty_daily_rate="0.0333", days_overdue="30")
    assert r.penalty_interest == Decimal("9.99")


def test_compound_interest():
    # Arithmetic: unpaid interest 300 × 0.075 % × 30 = 6.75; total 225 + 6.75 = 231.75;
    # annualized 231.75 ÷ 10,300 ÷ 30 × 360 = 27.00 % (the penalty rate: no fee).
    r = run(unpaid_interest="300", compound="yes")
    assert (r.penalty_interest, r.compound_interest, r.total_extra) == (
        Decimal("225.00"), Decimal("6.75"), Decimal("231.75"))
    assert r.total_owed == Decimal("10531.75")
    assert oc.to_dict(r)["annualized_rate"] == "27.00"
    off = run(unpaid_interest="300", compound="no")
    assert off.compound_interest == Decimal("0.00")
    assert off.total_owed == Decimal("10525.00")


@pytest.mark.parametrize(("principal", "fee"), [("100", "10.00"), ("1000", "50.00")])
def test_credit_card_style_late_fee(principal, fee):
    # A contract term of the kind 银发〔2003〕251号 leaves to the contract: 违约金 = 5 % of the
    # unpaid amount, at least ¥10 (the test's own inputs), worked by hand:
    # 5 % of 100 = 5 → the minimum 10.00; 5 % of 1,000 = 50.00.
    r = run(overdue_principal=principal, late_fee_percent="5", late_fee_minimum="10")
    assert r.late_fee == Decimal(fee)


def test_fixed_and_percent_late_fee():
    # Arithmetic: fixed 20 + 5 % of (10,000 + 300) = 20 + 515 = 535.00, charged once from day 1.
    r = run(unpaid_interest="300", late_fee_fixed="20", late_fee_percent="5", days_overdue="3")
    assert r.late_fee == Decimal("535.00")
    assert [p.extra for p in r.growth] == [
        Decimal("535.00") + Decimal("7.50") * n for n in (1, 2, 3)]  # 10,000 × 0.075 % = 7.50 a day


def test_growth_by_day_up_to_90():
    r = run(days_overdue="90")
    assert r.step == "day"
    assert [p.day for p in r.growth] == list(range(1, 91))
    assert r.growth[-1].extra == r.total_extra


@pytest.mark.parametrize(("days", "expected"), [
    (91, [30, 60, 90, 91]),
    (120, [30, 60, 90, 120]),
    (3650, [*range(30, 3650, 30), 3650]),
])
def test_growth_by_month_after_90(days, expected):
    r = run(days_overdue=str(days))
    assert r.step == "month"
    assert [p.day for p in r.growth] == expected
    assert r.growth[-1].extra == r.total_extra


def test_each_growth_point_is_the_total_for_that_day():
    base = run(unpaid_interest="123.45", compound="yes", late_fee_percent="3", late_fee_minimum="50",
               daily_rate="0.0437", days_overdue="40")
    for point in base.growth:
        same = oc.calculate(dataclasses.replace(base.inputs, days_overdue=point.day))
        assert point.extra == same.total_extra
        assert point.owed == same.total_owed


def test_lines_with_contract_date():
    # 法释〔2020〕17号 art. 25 (4 × LPR) with the LPR announcement of 2020-08-20, 3.85 % → cap 15.40 %.
    d = oc.to_dict(run(contract_date="2020-08-20"))
    assert d["lines"][0] == {"name": "judicial_cap", "rate": "15.40", "above": True, "applies": False}  # 27 > 15.4
    assert [x["name"] for x in d["lines"]] == ["judicial_cap", "line_24", "line_36"]
    assert [x["above"] for x in d["lines"]] == [True, True, False]  # 27 % vs 24 % and 36 %


def test_lines_default_to_newest_lpr():
    newest = figures.judicial_cap_on(figures.latest_lpr()[0])
    d = oc.to_dict(run())
    assert d["lines"][0]["rate"] == percent_text(newest)


def test_zero_rates_cost_nothing():
    r = run(daily_rate="0", days_overdue="10")
    d = oc.to_dict(r)
    assert d["total_extra"] == "0.00"
    assert d["annualized_rate"] == "0.00"
    assert all(not x["above"] for x in d["lines"])


def test_heaviest_input_runs():
    # The largest amounts and rates the fields allow, 3650 days: 122 growth points.
    form = {"overdue_principal": "1亿", "unpaid_interest": "1亿", "days_overdue": "3650",
            "daily_rate": "3", "penalty_markup": "500", "compound": "yes", "late_fee_fixed": "1亿",
            "late_fee_percent": "100", "late_fee_minimum": "1亿", "contract_date": "1990-01-01"}
    r = run(**form)
    assert len(r.growth) == 122
    # 1亿 × 3 % × (1 + 500 %) × 3650 = 10⁸ × 0.18 × 3650 = 65,700,000,000 each on principal and
    # interest; fee 1亿 + max(100 % of 2亿, 1亿) = 3亿
    assert r.penalty_interest == r.compound_interest == Decimal("65700000000.00")
    assert r.late_fee == Decimal("300000000.00")
    html = view.render(r, "zh")
    assert "calc-chart" in html


# --- rendering ----------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
def test_render_headline_figures_match_to_dict(lang):
    r = run(unpaid_interest="300", compound="yes", late_fee_fixed="20")
    d = oc.to_dict(r)
    html = view.render(r, lang)
    shown = figure_values(html)
    assert [k for k, _ in shown[:4]] == ["total_extra", "total_owed", "penalty_interest", "annualized_rate"]
    for key, value in shown:
        assert d[key] == value
    assert {"compound_interest", "late_fee"} <= {k for k, _ in shown}
    assert html.index("calc-figures") < html.index("calc-notes") < html.index("<svg") < html.index("<table")
    shown_rows = html.count("<tr>") - 1  # the header row
    rest = re.search(r'data-rest="([^"]*)"', html)
    assert shown_rows + (len(json.loads(unescape(rest[1]))) if rest else 0) == len(d["growth"])


@pytest.mark.parametrize(("lang", "phrases"), [
    ("zh", ["《民法典》第五百八十五条", "持牌机构", "民间借贷司法保护上限", "罚息 = 逾期本金"]),
    ("en", ["Civil Code art. 585", "licensed lenders", "private-lending cap", "Penalty interest = "]),
])
def test_render_explains(lang, phrases):
    html = view.render(run(), lang)
    for phrase in phrases:
        assert phrase in html


def test_render_formula_is_exact_when_rate_is_rounded():
    # 18 % ÷ 365 × 1.5 = 0.07397… % a day: the formula shows the exact pieces, not 0.074 %.
    html = view.render(run(daily_rate="", annual_rate="18", day_basis="365", days_overdue="45"), "zh")
    assert "10,000.00 元 × 18% × (1 + 50%) ÷ 365 × 45 天 = 332.88 元" in html
    assert "罚息日利率约 0.074%" in html


# --- bad inputs ---------------------------------------------------------------------------
# The bad inputs a reader types, each with its exact message, are data beside the calculator
# (calculators/cases/overdue_cost.json); tests/test_registry.py runs them. Here: the rest.


def test_inputs_built_in_code_get_the_same_messages():
    good = oc.read_form({})
    with pytest.raises(InputError) as caught:
        dataclasses.replace(good, penalty_markup=Decimal(600))
    assert caught.value.zh == "请输入 0 到 500 之间的百分数，例如 50（表示加收 50%）"
    with pytest.raises(InputError) as caught:
        dataclasses.replace(good, days_overdue=0)
    assert caught.value.field == "days_overdue"
    with pytest.raises(TypeError):
        dataclasses.replace(good, overdue_principal=1000.5)  # floats never enter


def test_fields_are_complete():
    names = [f.name for f in oc.FIELDS]
    assert len(names) == len(set(names))
    for f in oc.FIELDS:
        assert f.label_zh and f.label_en and f.help_zh and f.help_en, f.name
    assert oc.SLUG == "overdue-cost" and set(oc.TITLE) == {"zh", "en"}


# --- properties ---------------------------------------------------------------------------

def cents(high: int) -> st.SearchStrategy[Decimal]:
    return amounts("0.01", Decimal(high).scaleb(-2))


@st.composite
def inputs(draw, days: st.SearchStrategy[int] | None = None) -> oc.Inputs:
    daily = draw(st.booleans())
    explicit = draw(st.booleans())
    percent = draw(st.none() | amounts(0, 100))
    return oc.Inputs(
        overdue_principal=draw(cents(10**10)),
        days_overdue=draw(days or st.integers(1, 3650)),
        unpaid_interest=draw(st.none() | st.just(Decimal(0)) | cents(10**10)),
        daily_rate=draw(amounts(0, 3, places=4)) if daily else None,
        annual_rate=None if daily else draw(amounts(0, 1000)),
        day_basis=draw(st.sampled_from(["360", "365"])),
        penalty_markup=None if explicit else draw(amounts(0, 500)),
        penalty_daily_rate=draw(amounts(0, 3, places=4)) if explicit else None,
        compound=draw(st.booleans()),
        late_fee_fixed=draw(st.none() | cents(10**6)),
        late_fee_percent=percent,
        late_fee_minimum=draw(st.none() | cents(10**5)) if percent is not None else None,
        contract_date=draw(st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31))),
    )


def money_values(r: oc.Result) -> list[Decimal]:
    return [r.penalty_interest, r.compound_interest, r.late_fee, r.total_extra, r.total_owed,
            *(p.extra for p in r.growth), *(p.owed for p in r.growth)]


@settings(max_examples=150, deadline=None)
@given(inputs())
def test_total_is_the_sum_of_its_parts(i):
    r = oc.calculate(i)
    assert r.total_extra == r.penalty_interest + r.compound_interest + r.late_fee
    assert r.total_owed == i.overdue_principal + i.interest + r.total_extra
    assert r.growth[-1].day == i.days_overdue
    assert r.growth[-1].extra == r.total_extra and r.growth[-1].owed == r.total_owed
    if not i.compound:
        assert r.compound_interest == 0
    # each point of the series is that day's charges, each worked out by accrued as for the total
    rate = oc.penalty_rate(i)
    for p in r.growth:
        compound = oc.accrued(i.interest, rate, p.day) if i.compound else 0
        assert p.extra == oc.accrued(i.overdue_principal, rate, p.day) + compound + r.late_fee, p.day


@settings(max_examples=150, deadline=None)
@given(inputs(), st.integers(1, 3650), st.integers(1, 3650))
def test_total_grows_with_days(i, a, b):
    early, late = sorted((a, b))
    r1 = oc.calculate(dataclasses.replace(i, days_overdue=early))
    r2 = oc.calculate(dataclasses.replace(i, days_overdue=late))
    assert r1.total_extra <= r2.total_extra
    assert r1.penalty_interest <= r2.penalty_interest
    assert r1.compound_interest <= r2.compound_interest
    extras = [p.extra for p in r2.growth]
    assert extras == sorted(extras)
    days = [p.day for p in r2.growth]
    assert days == sorted(set(days))


@settings(max_examples=150, deadline=None)
@given(inputs())
def test_nothing_negative_and_money_has_two_decimals(i):
    r = oc.calculate(i)
    assert all(v >= 0 for v in money_values(r))
    assert r.annualized_rate >= 0
    d = oc.to_dict(r)
    for key in MONEY_KEYS:
        assert MONEY_TEXT.fullmatch(d[key]), (key, d[key])
    for row in d["growth"]:
        assert MONEY_TEXT.fullmatch(row["extra_cost"]) and MONEY_TEXT.fullmatch(row["total_owed"])
    for key in ("annualized_rate", "contract_annual_rate", "penalty_annual_rate"):
        assert re.fullmatch(r"\d+\.\d{2}", d[key]), (key, d[key])


@settings(max_examples=60, deadline=None)
@given(inputs(), st.sampled_from(["zh", "en"]))
def test_output_has_no_nan_infinity_or_negative_zero(i, lang):
    r = oc.calculate(i)
    text = json.dumps(oc.to_dict(r), ensure_ascii=False) + view.render(r, lang)
    for bad in ("NaN", "Infinity", "-0.00", "None", "E+", "e+"):
        assert bad not in text
    assert not any(isinstance(v, float) for v in oc.to_dict(r).values())


@pytest.mark.parametrize(("lender", "applies", "sentence"), [
    # issue 13, item 7: one line applies per lender type (docs/guides/overdue-costs.md, "先看借钱给你的是谁");
    # the defaults give 27.00 % a year (see test_defaults), above 24 % and above 4 × LPR.
    ("", None, "哪条线管它，要看是谁借给你的"),
    ("bank", "line_24", "银行的贷款打官司时"),
    ("consumer_finance", "line_24", "消费金融公司的贷款打官司时"),
    ("micro_loan", "line_24", "据 2025 年 12 月的报道，小额贷款公司"),
    ("private", "judicial_cap", "法释〔2020〕17号第二十五条"),
    ("unlicensed", None, "是非法放贷"),
])
def test_lender_type_picks_the_line_and_the_sentence(lender, applies, sentence):
    r = run(lender=lender)
    assert [x.name for x in r.lines if x.applies] == ([applies] if applies else [])
    html = view.render(r, "zh")
    assert sentence in html
    if applies == "line_24":
        assert "27.00% 高于 24.00%" in html


# --- a rate left out is not given (issue "The tools a borrower acts on must never hurt them", item 10) ----

def test_a_daily_rate_cleared_is_asked_for_never_filled_in():
    # The page shows 0.05 in the field as a value the reader sees (its help says it is an example);
    # cleared with no annual rate, the reader is asked for the contract's rate on that field.
    assert oc.read_form({}).daily_rate == Decimal("0.05")
    with pytest.raises(InputError) as caught:
        oc.read_form({"overdue_principal": "10000", "daily_rate": ""})
    assert caught.value.field == "daily_rate"
    assert "请填合同日利率" in caught.value.zh and "fill in the daily rate" in caught.value.en
    reply = json.loads(web.run("overdue-cost", json.dumps({"daily_rate": ""}), "en", True, CLOCK_TEXT))
    assert reply["ok"] is False and reply["field"] == "daily_rate"


def test_the_page_shows_the_example_rate_as_a_value_not_a_greyed_hint():
    from macros import widgets

    html = widgets.widget("overdue-cost", "zh", {})
    field = re.search(r'<input[^>]*name="daily_rate"[^>]*>', html).group(0)
    assert 'value="0.05"' in field and "data-example" not in field


def test_what_they_demand_is_checked_without_a_rate():
    form = {"daily_rate": "", "borrowed": "10000", "borrowed_date": "2025-12-06", "demanded": "13500",
            "late_fee_fixed": "20", "today": "2026-12-06"}
    r = oc.calculate(oc.read_form(form, CLOCK))
    assert r.penalty_interest is None and r.late_fee == Decimal("20.00")
    # (13,500 − 10,000) ÷ 10,000 ÷ 365 days × 365 × 100 = 35.00 % a year (arithmetic)
    assert oc.to_dict(r)["demand_rate"] == "35.00"
    for lang, phrase in [("zh", "算不了罚息和复利"), ("en", "cannot be worked out")]:
        html = view.render(r, lang)
        assert phrase in html and "calc-chart" not in html


def test_the_page_still_starts_from_its_example():
    # Every field's starting text, as the widget sends it: the 0.05 example gives the worked example.
    form = {f.name: f.default for f in oc.FIELDS}
    assert oc.to_dict(oc.calculate(oc.read_form(form, CLOCK)))["penalty_interest"] == "225.00"


def test_a_stated_penalty_rate_needs_no_contract_rate():
    # Arithmetic: 10,000 × 0.1 % × 200 = 2,000.00; no contract rate given, none shown.
    r = oc.calculate(oc.read_form({"daily_rate": "", "penalty_markup": "", "penalty_daily_rate": "0.1",
                                   "days_overdue": "200"}))
    d = oc.to_dict(r)
    assert r.penalty_interest == Decimal("2000.00") and d["contract_daily_rate"] is None
    assert "罚息日利率按合同写明的 0.1% 计算" in view.render(r, "zh")


def test_a_contract_rate_still_needs_its_markup():
    with pytest.raises(InputError) as caught:
        oc.read_form({"daily_rate": "0.05", "penalty_markup": ""})
    assert caught.value.field == "penalty_markup"


# --- what they demand -----------------------------------------------------------------------

DEMAND = {"borrowed": "10000", "borrowed_date": "2025-06-01", "demanded": "13500", "today": "2026-06-01"}


@pytest.mark.parametrize(("lender", "line", "rate"), [("private", "judicial_cap", "12.00"), ("bank", "line_24", "24.00")])
def test_they_demand_13500_on_10000(lender, line, rate):
    # Arithmetic: 3,500 ÷ 10,000 ÷ 365 days × 365 × 100 = 35.00 % a year; the line for a loan made on
    # 2025-06-01: 4 × the LPR then in force (3.00 % from 2025-05-20) = 12.00 % (法释〔2020〕17号 第二十五条),
    # or the courts' 24 % for a bank (法发〔2017〕22号 第二条). 35 % is above either.
    r = run(**DEMAND, lender=lender)
    d = oc.to_dict(r)
    assert d["demand_rate"] == d["demand"]["rate"] == "35.00"
    assert (d["demand"]["days"], d["demand"]["extra"]) == (365, "3500.00")
    (applies,) = [x for x in d["demand"]["lines"] if x["applies"]]
    assert (applies["name"], applies["rate"], applies["above"]) == (line, rate, True)
    html = view.render(r, "zh")
    assert ("demand_rate", "35.00") in figure_values(html)
    assert "3,500.00 元 ÷ 10,000.00 元 ÷ 365 天 × 365 = 35.00%" in html
    assert "35.00% 高于" in html


def test_a_demand_needs_no_rate():
    r = oc.calculate(oc.read_form({**DEMAND, "lender": "private", "daily_rate": ""}))
    assert r.penalty_interest is None and r.demand.rate == 35
    html = view.render(r, "en")
    assert "cannot be worked out" in html and "35.00% is above that line" in html


def test_the_demand_rate_rounds_half_up_at_display():
    # 1,234.50 ÷ 10,000 ÷ 365 × 365 × 100 = 12.345 exactly: half up gives 12.35 (half even would give 12.34).
    r = run(borrowed="10000", borrowed_date="2025-06-01", demanded="11234.50", today="2026-06-01")
    assert r.demand.rate == Decimal("12.345")
    assert oc.to_dict(r)["demand_rate"] == "12.35"


def test_a_2019_private_loan_demand_is_placed_against_both_parts():
    # 10,000 lent on 2019-06-01 at 13 % a year simple, demanded on 2026-06-01 (2,557 days):
    # 10,000 × 13 % × 2,557 ÷ 365 = 9,107.12 → 19,107.12; as a yearly rate 13.00 %.
    r = run(borrowed="10000", borrowed_date="2019-06-01", demanded="19107.12", today="2026-06-01", lender="private")
    assert r.demand.days == 2557 and oc.to_dict(r)["demand_rate"] == "13.00"
    found = {x.name: x for x in r.demand.lines}
    assert found["rule_2015"].applies and not found["rule_2015"].above  # below 24 % up to 2020-08-19
    assert found["judicial_cap"].applies and found["judicial_cap"].above  # above 4 × today's LPR from 2020-08-20
    html = view.render(r, "zh")
    for phrase in ("法释〔2020〕17号第三十一条", "法释〔2015〕18号第二十六条", "按起诉时一年期 LPR 的 4 倍",
                   "两段利息适用不同的线"):
        assert phrase in html


def test_an_empty_demand_day_is_the_callers_clock():
    form = {k: v for k, v in DEMAND.items() if k != "today"}
    assert oc.read_form(form, dt.date(2026, 6, 1)).today == dt.date(2026, 6, 1)
    assert oc.demand_of(oc.read_form(form, dt.date(2026, 6, 1))).days == 365


def test_an_older_contract_date_gives_the_charges_both_parts():
    r = run(contract_date="2019-06-01", lender="private")
    assert [x.name for x in r.lines if x.applies] == ["rule_2015", "judicial_cap"]
    html = view.render(r, "en")
    assert "Fa Shi [2020] No. 17, art. 31" in html and "27.00% is above 24.00% but not above 36.00%" in html


@settings(max_examples=60, deadline=None)
@given(cents(10**8), cents(10**8), st.dates(dt.date(1990, 1, 1), dt.date(2026, 11, 28)),
       st.sampled_from(["", "private", "bank", "unlicensed"]), st.sampled_from(["zh", "en"]))
def test_any_demand_without_a_rate_renders_cleanly(borrowed, more, day, lender, lang):
    demanded = min(borrowed + more, Decimal(10**8))
    i = oc.Inputs(overdue_principal=Decimal(1000), days_overdue=30, borrowed=borrowed, borrowed_date=day,
                  demanded=max(demanded, borrowed), today=CLOCK, lender=lender or None)
    r = oc.calculate(i)
    assert r.demand.rate >= 0
    text = json.dumps(oc.to_dict(r), ensure_ascii=False) + view.render(r, lang)
    for bad in ("NaN", "Infinity", "-0.00", "None", "E+", "e+"):
        assert bad not in text
