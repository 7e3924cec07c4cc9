"""emergency-fund: known values, bad inputs with their messages, and invariants."""

from __future__ import annotations

import datetime as dt
import json
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from calculators import emergency_fund as ef
from calculators import schedules
from calculators.money import InputError
from calculators.views import emergency_fund as view
from tests.strategies import amounts

CENT = Decimal("0.01")
ZERO = Decimal(0)


def run(**form: str) -> ef.Result:
    return ef.calculate(ef.read_form(form))


def reference_balance(savings: Decimal, saving: Decimal, yearly: Decimal, months: int) -> Decimal:
    """Written out again, independently: each month interest on the opening balance
    (yearly % ÷ 12, half up to the fen), then the month's saving."""
    balance = savings
    for _ in range(months):
        interest = (balance * yearly / 1200).quantize(CENT, rounding=ROUND_HALF_UP)
        balance = balance + interest + saving
    return balance


# --- known values ---------------------------------------------------------------------------------


def test_facts_example_target_and_gap():
    # Worked by hand: 3,000 a month × 6 months + 10% buffer, 5,000 saved
    # → target 19,800, gap 14,800.
    r = run(monthly_expenses="3000", months="6", buffer="10", savings="5000", monthly_saving="1000")
    d = ef.to_dict(r)
    assert d["target"] == "19800.00"
    assert d["gap"] == "14800.00"
    # Arithmetic: 5,000 + 14 × 1,000 = 19,000 < 19,800; + 15 × 1,000 = 20,000 ≥ 19,800.
    assert d["months_to_reach"] == 15
    assert d["projection"][13]["balance"] == "19000.00"
    assert d["projection"][-1]["balance"] == "20000.00"
    assert d["total_deposits"] == "15000.00"
    assert d["total_interest"] == "0.00"


def test_starting_text_is_the_facts_example():
    d = ef.to_dict(ef.calculate(ef.read_form({f.name: f.default for f in ef.FIELDS})))
    assert (d["target"], d["gap"]) == ("19800.00", "14800.00")


def test_no_savings_given_counts_zero_and_no_saving_says_what_it_needs():
    # issue 13, item 4: the page's example savings (5,000) and saving (1,000 a month) never stand in.
    r = ef.calculate(ef.read_form({"monthly_expenses": "3000", "months": "6", "buffer": "10"}))
    assert r.inputs.savings is None and r.inputs.monthly_saving is None
    assert (r.target, r.gap) == (Decimal("19800.00"), Decimal("19800.00"))  # 3,000 × 6 × 1.1, nothing saved
    assert r.months_to_reach is None
    assert r.saving_for_12_months == Decimal("1650.00")  # 19,800 ÷ 12
    html = view.render(r, "en")
    assert "no savings given: counted as 0" in html and "You gave no monthly saving" in html


def test_itemised_lines_sum_to_the_total():
    # 1,500 + 800 + 200 + 300 + 200 + 0 = 3,000: the same target as the single figure.
    r = run(monthly_expenses="", housing="1500", food="800", transport="200", utilities="300",
            debt_minimums="200", other="0", months="6", buffer="10", savings="5000")
    assert r.essentials == Decimal("3000")
    assert r.target == Decimal("19800.00")


def test_items_win_over_the_single_figure_and_the_note_says_so():
    r = run(monthly_expenses="9999", housing="2000", food="1000", months="1", buffer="0")
    assert r.essentials == Decimal("3000")
    assert r.target == Decimal("3000.00")
    assert "没有用上面填的 9,999.00 元" in view.render(r, "zh")
    assert "not the ¥9,999.00 above" in view.render(r, "en")


def test_items_all_zero_fall_back_to_the_single_figure():
    r = run(monthly_expenses="2500", housing="0", food="0", months="2", buffer="0")
    assert r.target == Decimal("5000.00")


def test_monthly_interest_rule():
    # 10,000 at 1.5% a year: 10,000 × 0.015 / 12 = 12.50 in month 1; the 1,000 saved earns from
    # month 2: 11,012.50 × 0.015 / 12 = 13.765625 → 13.77.
    r = run(monthly_expenses="3000", months="6", buffer="10", savings="10000", monthly_saving="1000",
            annual_yield="1.5")
    first, second = r.rows[0], r.rows[1]
    assert (first.interest, first.balance) == (Decimal("12.50"), Decimal("11012.50"))
    assert (second.interest, second.balance) == (Decimal("13.77"), Decimal("12026.27"))


def test_target_date_saving_without_interest():
    # 14,800 to save in 12 months: 14,800 / 12 = 1,233.33…, so 1,233.34 (12 × 1,233.33 = 14,799.96).
    r = run(monthly_expenses="3000", months="6", buffer="10", savings="5000", monthly_saving="1000",
            start_date="2026-01-01", target_date="2027-01-01")
    assert r.months_to_target_date == 12
    assert r.saving_for_target_date == Decimal("1233.34")
    assert ef.to_dict(r)["saving_for_target_date"] == "1233.34"


def test_target_date_saving_with_interest_is_exact():
    # 0 to 12,000 in 12 months at 2%: the annuity formula gives 12,000 × r / ((1+r)^12 − 1) ≈ 990.87
    # with r = 2/1200; the month-by-month check confirms it and that 990.86 falls short.
    r = run(monthly_expenses="2000", months="6", buffer="0", savings="0", monthly_saving="0",
            annual_yield="2", start_date="2026-03-15", target_date="2027-03-15")
    assert r.saving_for_target_date == Decimal("990.87")
    assert reference_balance(ZERO, Decimal("990.87"), Decimal(2), 12) >= Decimal(12000)
    assert reference_balance(ZERO, Decimal("990.86"), Decimal(2), 12) < Decimal(12000)



def test_date_reached_clamps_to_month_end():
    # Start 2026-01-31, 15 months later: 2027-04-31 does not exist, so 2027-04-30.
    r = run(monthly_expenses="3000", months="6", buffer="10", savings="5000", monthly_saving="1000",
            start_date="2026-01-31")
    assert r.date_reached == dt.date(2027, 4, 30)
    assert ef.to_dict(r)["projection"][0]["date"] == "2026-02-28"


def test_never_reached_with_nothing_saved():
    r = run(monthly_expenses="3000", months="6", buffer="10", savings="5000", monthly_saving="0")
    d = ef.to_dict(r)
    assert d["months_to_reach"] is None
    assert d["projection"] == []
    assert d["saving_for_12_months"] == "1233.34"  # 14,800 / 12 rounded up to the fen
    zh, en = view.render(r, "zh"), view.render(r, "en")
    assert "不会自己补上" in zh and "12 个月能存够" in zh
    assert "will not fill itself" in en and 'data-field="saving_for_12_months"' in en
    assert "<svg" not in zh  # nothing changes, so no chart


def test_interest_alone_can_get_there():
    # 19,000 at 3% with nothing added: interest alone passes 19,800 in the month the reference finds.
    r = run(monthly_expenses="3000", months="6", buffer="10", savings="19000", monthly_saving="0",
            annual_yield="3")
    n = r.months_to_reach
    assert n is not None and n > 0
    assert reference_balance(Decimal(19000), ZERO, Decimal(3), n) >= Decimal(19800)
    assert reference_balance(Decimal(19000), ZERO, Decimal(3), n - 1) < Decimal(19800)
    assert "只靠收益" in view.render(r, "zh") and "With interest alone" in view.render(r, "en")


def test_too_slow_says_not_within_50_years():
    r = run(monthly_expenses="3000", months="6", buffer="10", savings="0", monthly_saving="1")
    assert r.months_to_reach is None
    assert len(r.rows) == ef.MAX_MONTHS
    assert r.saving_for_12_months == Decimal("1650.00")  # 19,800 / 12
    assert "50 年内也存不够" in view.render(r, "zh")


def test_already_there():
    r = run(monthly_expenses="3000", months="6", buffer="10", savings="20000", monthly_saving="500")
    d = ef.to_dict(r)
    assert (d["gap"], d["months_to_reach"], d["projection"]) == ("0.00", 0, [])
    assert "已经存够了" in view.render(r, "zh")


def test_months_between():
    assert schedules.months_between(dt.date(2026, 1, 31), dt.date(2026, 2, 28)) == 1
    assert schedules.months_between(dt.date(2026, 1, 15), dt.date(2026, 2, 14)) == 0
    assert schedules.months_between(dt.date(2026, 1, 15), dt.date(2076, 1, 15)) == 600


def test_render_headline_and_chart():
    r = run(monthly_expenses="3000", months="6", buffer="10", savings="5000", monthly_saving="1000")
    html = view.render(r, "zh")
    assert html.index('data-field="target"') < html.index('data-field="gap"') < html.index("calc-notes")
    assert 'data-value="19800.00"' in html and 'data-value="15"' in html
    assert html.index("calc-notes") < html.index("<svg") < html.index('data-table="projection"')
    assert 'class="series series-1"' in html and "■ 目标" in html  # the target line is the second series


# --- bad inputs -----------------------------------------------------------------------------------
# The bad inputs a reader types, each with its exact message, are data beside the calculator
# (calculators/cases/emergency_fund.json); tests/test_registry.py runs them. Here: the rest.


def test_inputs_built_in_code_meet_the_same_rules():
    with pytest.raises(InputError) as err:
        ef.Inputs(monthly_expenses=Decimal(3000), months=6, buffer=120)
    assert err.value.field == "buffer" and "0 到 100" in err.value.zh
    assert ef.Inputs(monthly_expenses=Decimal(3000), months=6, buffer=10) == ef.read_form(
        {"monthly_expenses": "3000", "months": "6", "buffer": "10", "savings": "", "monthly_saving": "",
         "annual_yield": ""})


# --- properties -----------------------------------------------------------------------------------

money = amounts(0, 10_000_000)
positive = amounts("0.01", 1_000_000)
yearly = st.sampled_from(["0", "0.35", "1.5", "2.1", "3", "20"]) | st.integers(0, 2000).map(
    lambda b: f"{Decimal(b) / 100:f}")


def text(x: Decimal) -> str:
    return f"{x:f}"


@st.composite
def forms(draw):
    form = {
        "monthly_expenses": text(draw(positive)),
        "months": str(draw(st.integers(1, 24))),
        "buffer": str(draw(st.integers(0, 100))),
        "savings": text(draw(money)),
        "monthly_saving": text(draw(st.one_of(st.just(ZERO), money, positive))),
        "annual_yield": draw(yearly),
    }
    if draw(st.booleans()):
        form["start_date"] = "2026-01-31"
        if draw(st.booleans()):
            form["target_date"] = (dt.date(2026, 1, 31) + dt.timedelta(days=draw(st.integers(31, 600 * 30)))
                                   ).isoformat()
    return form


FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(forms())
# month 249's interest is exactly half a fen over 7.31 (2,887.50 × 3.04 ÷ 1200 = 7.315): half up is 7.32
@example({"monthly_expenses": "1335.67", "months": "19", "buffer": "95", "savings": "1541.72",
          "monthly_saving": "0", "annual_yield": "3.04"})
def test_target_gap_and_projection_follow_the_rules(form):
    r = ef.calculate(ef.read_form(form))
    i = r.inputs
    exact = i.monthly_expenses * i.months * (100 + i.buffer) / 100
    assert r.target == exact.quantize(CENT, rounding=ROUND_HALF_UP)
    assert r.gap == max(ZERO, r.target - i.savings)
    balance = i.savings
    for k, row in enumerate(r.rows, start=1):
        assert row.month == k
        assert row.interest == (balance * i.annual_yield / 1200).quantize(CENT, rounding=ROUND_HALF_UP)
        assert row.deposit == i.monthly_saving
        assert row.balance == balance + row.interest + row.deposit
        if k < len(r.rows):
            assert row.balance < r.target  # it stops in the month it gets there
        balance = row.balance
    if r.months_to_reach is None:
        assert balance < r.target and r.saving_for_12_months is not None
    else:
        assert balance >= r.target and r.months_to_reach == len(r.rows)
        assert r.saving_for_12_months is None
    assert r.total_deposits == sum((row.deposit for row in r.rows), ZERO)
    assert r.total_interest == sum((row.interest for row in r.rows), ZERO)


@FAST
@given(forms())
def test_savings_needed_reach_the_target_and_one_fen_less_does_not(form):
    r = ef.calculate(ef.read_form(form))
    i = r.inputs
    checks = []
    if r.saving_for_12_months is not None:
        checks.append((r.saving_for_12_months, ef.PLAN_MONTHS))
    if r.saving_for_target_date is not None:
        checks.append((r.saving_for_target_date, r.months_to_target_date))
    for need, n in checks:
        assert need >= ZERO and need == need.quantize(CENT)
        assert reference_balance(i.savings, need, i.annual_yield, n) >= r.target
        if need > ZERO:
            assert reference_balance(i.savings, need - CENT, i.annual_yield, n) < r.target


@settings(max_examples=40, deadline=None)
@given(forms(), money)
def test_saving_more_never_takes_longer(form, extra):
    form = dict(form, target_date="", start_date="")
    slow = ef.calculate(ef.read_form(form))
    fast = ef.calculate(ef.read_form(dict(form, monthly_saving=text(Decimal(form["monthly_saving"]) + extra))))
    never = ef.MAX_MONTHS + 1
    assert (fast.months_to_reach if fast.months_to_reach is not None else never) <= (
        slow.months_to_reach if slow.months_to_reach is not None else never)


@settings(max_examples=40, deadline=None)
@given(forms(), st.sampled_from(["zh", "en"]))
def test_output_is_clean(form, lang):
    r = ef.calculate(ef.read_form(form))
    d = ef.to_dict(r)
    blob = json.dumps(d, ensure_ascii=False)
    html = view.render(r, lang)
    for bad in ("NaN", "Infinity", "-0.00", "E+", "e+"):
        assert bad not in blob
        assert bad not in html
    assert all(isinstance(v, str) for k, v in d.items() if k in ("target", "gap", "monthly_expenses"))
    assert f'data-value="{d["target"]}"' in html


def test_heaviest_input_runs():
    # Largest amounts, longest horizon, a tiny saving and the highest yield: 600 months projected
    # and a 600-month saving solved (timed in the report, not asserted here).
    r = run(monthly_expenses="1亿", months="24", buffer="100", savings="0", monthly_saving="0.01",
            annual_yield="20", start_date="2026-01-01", target_date="2076-01-01")
    assert len(r.rows) == ef.MAX_MONTHS and r.months_to_target_date == 600
    assert reference_balance(ZERO, r.saving_for_target_date, Decimal(20), 600) >= r.target


def _reaches_month_by_month(savings, saving, annual_yield, months, target):
    balance = savings
    for _ in range(months):
        if balance >= target:
            return True
        balance += ef.interest_for(balance, annual_yield) + saving
    return balance >= target


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10**9), st.integers(0, 10**8),
       st.one_of(st.sampled_from(["0", "0.5", "2", "20", "35.5"]), st.integers(0, 10**6).map(lambda n: str(Decimal(n).scaleb(-4)))),
       st.integers(0, 600), st.integers(0, 10**12).map(lambda n: Decimal(n).scaleb(-3)))
@example(288750, 0, "3.04", 2, Decimal("2894.82"))  # 7.315 of interest, half up: 2,894.82 is reached
@example(288750, 0, "3.04", 1, Decimal("2894.815"))  # a target between two fen: the next fen reaches it
@example(1000, 0, "1", 0, Decimal("10.001"))  # 10.00 is a tenth of a fen short: not reached
def test_reaches_with_its_short_cuts_is_the_month_by_month_rule(savings, saving, rate, months, target):
    # reaches() skips the months without interest, stops once nothing grows and counts in whole fen:
    # the answer is the same as the month-by-month rule in decimals (any yield to 4 decimals, a target
    # to a tenth of a fen)
    args = (Decimal(savings).scaleb(-2), Decimal(saving).scaleb(-2), Decimal(rate), months, target)
    assert ef.reaches(*args) == _reaches_month_by_month(*args)
