"""affordability: known values, bad inputs with their messages, and invariants."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import affordability as af
from calculators.money import MAX_AMOUNT, InputError
from calculators.views import affordability as view
from tests.strategies import amounts

ZERO = Decimal(0)


def run(**form: str) -> af.Result:
    return af.calculate(af.read_form(form))


# --- known values ---------------------------------------------------------------------------------


def test_defaults_worked_example():
    # Arithmetic: (1,500 + 1,200) ÷ 8,000 = 33.75%; 8,000 − 3,500 − 2,700 = 1,800 (22.50% of income);
    # 30% of 8,000 is 2,400, minus 1,500 already paid: 900; 50%: 4,000 − 1,500 = 2,500;
    # 8,000 − 3,500 − 1,500 = 3,000 before the month runs short; 3 × 3,500 = 10,500 ÷ 1,800 = 5.8 → 6.
    d = af.to_dict(af.calculate(af.read_form({})))
    assert d == {
        "income": "8000.00", "essentials": "3500.00", "existing_payments": "1500.00",
        "new_payment": "1200.00", "total_payments": "2700.00", "dti": "33.75",
        "left_each_month": "1800.00", "left_percent": "22.50", "band": "tight",
        "new_payment_within_30": "900.00", "new_payment_within_50": "2500.00",
        "new_payment_break_even": "3000.00", "months_to_3_month_fund": 6,
    }


def test_new_payment_from_loan_terms():
    # 10,000 at 18% over 12 months, equal instalments: r = 0.015,
    # 10,000 × 0.015 × 1.015^12 / (1.015^12 − 1) = 916.7999… → 916.80 (schedules.level_payment).
    r = run(new_payment="", principal="10000", annual_rate="18", months="12")
    assert r.new_payment == Decimal("916.80")
    # (1,500 + 916.80) ÷ 8,000 = 30.21%
    assert af.to_dict(r)["dti"] == "30.21"
    assert "按等额本息每月还 916.80 元" in view.render(r, "zh")


def test_interest_free_loan_terms():
    # 3,000 over 7 months at 0%: 428.571… → 428.57.
    assert run(new_payment="", principal="3000", annual_rate="0", months="7").new_payment == Decimal("428.57")


@pytest.mark.parametrize(("new", "dti", "band"), [
    ("3000", "30.00", "ok"),        # exactly 30%: not above the line
    ("3000.40", "30.00", "ok"),     # 30.004% shows as 30.00%: the band follows what is shown
    ("3000.50", "30.01", "tight"),  # 30.005% → 30.01%
    ("5000", "50.00", "tight"),
    ("5000.50", "50.01", "high"),
    ("9000", "90.00", "high"),
])
def test_band_boundaries(new, dti, band):
    # income 10,000, nothing else: the ratio is the new payment ÷ 10,000.
    d = af.to_dict(run(income="10000", essentials="0", existing_payments="0", new_payment=new))
    assert (d["dti"], d["band"]) == (dti, band)


def test_short_each_month_whatever_the_ratio():
    # 10,000 − 8,000 − 2,000.01 = −0.01: short, although 20.00% alone would be manageable.
    r = run(income="10000", essentials="8000", existing_payments="0", new_payment="2000.01")
    d = af.to_dict(r)
    assert (d["dti"], d["left_each_month"], d["band"]) == ("20.00", "-0.01", "short")
    assert "每月差 0.01 元" in view.render(r, "zh")
    even = af.to_dict(run(income="10000", essentials="8000", existing_payments="0", new_payment="2000"))
    assert (even["left_each_month"], even["band"]) == ("0.00", "ok")


def test_short_month_shows_the_shortfall_plainly():
    # Defaults with a 5,000 income: 5,000 − 3,500 − 1,500 = 0 before the loan; 3,000 more: −3,000.
    r = run(income="5000", new_payment="3000")
    en, zh = view.render(r, "en"), view.render(r, "zh")
    assert 'data-value="-3000.00">−¥3,000.00<' in en and "¥3,000.00 short each month" in en
    assert "每月差 3,000.00 元" in zh
    assert "收入刚好够付必要开支和现有还款" in zh  # break-even is exactly 0, not below


def test_room_when_current_payments_are_already_high():
    # 5,000 income, 2,600 already paid: 52% before borrowing; room under both lines is 0.
    r = run(income="5000", essentials="1000", existing_payments="2600", new_payment="100")
    d = af.to_dict(r)
    assert (d["new_payment_within_30"], d["new_payment_within_50"]) == ("0.00", "0.00")
    assert d["new_payment_break_even"] == "1400.00"
    assert "现有还款已经占收入的 52.00%，再借一笔就会超过 50%" in view.render(r, "zh")


def test_render_order_and_rule_of_thumb():
    r = af.calculate(af.read_form({}))
    for lang, words in (("zh", "本站的经验划分"), ("en", "rule of thumb")):
        html = view.render(r, lang)
        assert html.index('data-field="dti"') < html.index('data-field="left_each_month"') < html.index(
            'data-field="band"') < html.index("calc-notes") < html.index('data-table="budget"')
        assert words in html
        assert 'data-value="tight"' in html


# --- bad inputs -----------------------------------------------------------------------------------
# The bad inputs a reader types, each with its exact message, are data beside the calculator
# (calculators/cases/affordability.json); tests/test_registry.py runs them. Here: the rest.


def test_inputs_built_in_code_meet_the_same_rules():
    with pytest.raises(InputError) as err:
        af.Inputs(income=Decimal("-1"), new_payment=Decimal(1))
    assert err.value.field == "income"
    assert af.Inputs(income=Decimal(8000), essentials=Decimal(3500), existing_payments=Decimal(1500),
                     new_payment=Decimal(1200)) == af.read_form({})


# --- properties -----------------------------------------------------------------------------------

cents = amounts(0)
positive = amounts("0.01")
half = amounts("0.01", 50_000_000)  # two add up to ≤ 1亿


def text(x: Decimal) -> str:
    return f"{x:f}"


def form_of(income, essentials, existing, new) -> dict:
    return {"income": text(income), "essentials": text(essentials), "existing_payments": text(existing),
            "new_payment": text(new)}


def rank(band: str) -> int:
    return af.BAND_RANK[band]


@settings(max_examples=200, deadline=None)
@given(positive, cents, cents, positive)
def test_ratio_and_leftover_match_the_inputs_exactly(income, essentials, existing, new):
    r = af.calculate(af.read_form(form_of(income, essentials, existing, new)))
    d = af.to_dict(r)
    total = existing + new
    assert r.total_payments == total
    assert r.left_each_month == income - essentials - total
    assert Decimal(d["left_each_month"]) == income - essentials - total  # money is exact: no rounding
    assert d["dti"] == f"{(total * 100 / income).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):.2f}"
    assert abs(r.dti * income - total * 100) <= total * Decimal("1e-24")  # unrounded, 28 digits
    shown = Decimal(d["dti"])
    expected = ("short" if r.left_each_month < 0 else "ok" if shown <= 30 else "tight" if shown <= 50
                else "high")
    assert d["band"] == expected


@settings(max_examples=200, deadline=None)
@given(positive, cents, cents, half, half)
def test_band_is_monotone_in_the_new_payment(income, essentials, existing, new, more):
    lower = af.calculate(af.read_form(form_of(income, essentials, existing, new)))
    higher = af.calculate(af.read_form(form_of(income, essentials, existing, new + more)))
    assert rank(lower.band) <= rank(higher.band)
    assert higher.dti > lower.dti and higher.left_each_month < lower.left_each_month


@settings(max_examples=200, deadline=None)
@given(positive, cents, cents)
def test_room_figures_are_the_exact_limits(income, essentials, existing):
    r = af.calculate(af.read_form(form_of(income, essentials, existing, Decimal(1))))
    for room, line in ((r.within_comfort, 30), (r.within_strain, 50)):
        if room > 0:
            assert (existing + room) * 100 <= income * line  # the room keeps within the line …
        assert (existing + room + Decimal("0.01")) * 100 > income * line  # … and one fen more does not
    if r.break_even > 0:
        at = af.calculate(af.read_form(form_of(income, essentials, existing, r.break_even)))
        assert at.left_each_month == 0 and at.band != "short"
    if r.break_even < MAX_AMOUNT:
        over = af.calculate(af.read_form(form_of(income, essentials, existing, r.break_even + Decimal("0.01"))))
        assert over.band == "short"


@settings(max_examples=100, deadline=None)
@given(positive, cents, cents, positive, st.sampled_from(["zh", "en"]))
def test_output_is_clean(income, essentials, existing, new, lang):
    r = af.calculate(af.read_form(form_of(income, essentials, existing, new)))
    d = af.to_dict(r)
    blob = json.dumps(d, ensure_ascii=False)
    html = view.render(r, lang)
    for bad in ("NaN", "Infinity", "-0.00", "E+"):
        assert bad not in blob and bad not in html
    for key in ("dti", "left_each_month", "band"):
        assert f'data-field="{key}" data-value="{d[key]}"' in html
    if r.months_to_fund is not None:
        assert Decimal(r.months_to_fund - 1) * r.left_each_month < r.essentials * af.FUND_MONTHS
        assert Decimal(r.months_to_fund) * r.left_each_month >= r.essentials * af.FUND_MONTHS
