"""repayment: known schedules (with their source and convention) and invariants."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from calculators import repayment
from calculators.money import InputError
from calculators.views import repayment as view
from tests.strategies import amounts


def schedule(**form):
    return repayment.calculate(repayment.read_form({k: str(v) for k, v in form.items()}))


def test_equal_installment_million_at_4_9_over_30_years():
    # The standard mortgage example, 1,000,000 at 4.9 % over 360 months, checked independently
    # with the annuity formula in float arithmetic (5307.267… → 5,307.27). Payment 5,307.27 and month 1 interest
    # 4,083.33 as bank calculators print them. Statement convention (interest rounded each month on the
    # balance, last payment settles the rest): total interest 910,615.12, last payment 5,305.19.
    # (Bank calculators print 910,616.19 from the unrounded payment × 360; month 1 principal 1,223.93
    # there is 5,307.2652 − 4,083.3333; on a statement it is 5,307.27 − 4,083.33 = 1,223.94.)
    r = schedule(principal="1000000", annual_rate="4.9", months=360)
    assert r.first_payment == Decimal("5307.27")
    assert r.rows[0].interest == Decimal("4083.33")
    assert r.rows[0].principal == Decimal("1223.94")
    assert r.total_interest == Decimal("910615.12")
    assert r.rows[-1].payment == Decimal("5305.19")
    assert r.rows[-1].balance == Decimal("0.00")


def test_equal_principal_million_at_4_9_over_30_years():
    # Equal principal, by hand: month 1 = 1e6/360 + 1e6 × 0.049/12 = 6,861.11, falling by
    # 1e6/360 × 0.049/12 = 11.34 a month; statement convention: last month
    # 2,788.32, total interest 737,041.08 (calculators print 2,789.12 and 737,041.67 unrounded).
    r = schedule(principal="1000000", annual_rate="4.9", months=360, method="equal_principal")
    assert r.rows[0].payment == Decimal("6861.11")
    assert r.rows[0].payment - r.rows[1].payment == Decimal("11.34")
    assert r.rows[-1].payment == Decimal("2788.32")
    assert r.total_interest == Decimal("737041.08")


def test_interest_only_and_bullet():
    # arithmetic: 12,000 at 12 % a year is 120.00 interest a month.
    r = schedule(principal="12000", annual_rate="12", months=6, method="interest_only")
    assert [row.payment for row in r.rows] == [Decimal("120.00")] * 5 + [Decimal("12120.00")]
    b = schedule(principal="12000", annual_rate="12", months=6, method="bullet")
    assert len(b.rows) == 1 and b.rows[0].period == 6
    assert b.rows[0].payment == Decimal("12720.00")  # 12,000 × 1 % × 6 = 720 simple interest


def test_fees_raise_the_true_rate():
    # 10,000 at 0 % for 12 months with 500 kept back: received 9,500, repay 10,000.
    r = schedule(principal="10000", annual_rate="0", months=12, upfront_fee="500")
    assert r.received == Decimal("9500")
    assert r.total_interest == Decimal("0.00")
    assert Decimal("9") < r.apr_nominal < Decimal("10")  # IRR: about 9.5 % simple
    assert repayment.to_dict(r)["total_paid"] == "10500.00"  # 10,000 repaid + the 500 fee


def test_dates_follow_the_start_date_month_by_month():
    r = schedule(principal="3000", annual_rate="10", months=3, start_date="2026-01-31")
    assert [row.date for row in r.rows] == [dt.date(2026, 2, 28), dt.date(2026, 3, 31), dt.date(2026, 4, 30)]


def test_inputs_built_in_code_meet_the_same_rules():
    with pytest.raises(InputError):
        repayment.Inputs(principal=Decimal("-1"), annual_rate=Decimal("5"), months=12)
    with pytest.raises(TypeError):
        repayment.Inputs(principal=5000.0, annual_rate=Decimal("5"), months=12)


methods = st.sampled_from([m[0] for m in repayment.METHODS])
principals = amounts(1)
rates = amounts(0, 100)


@settings(max_examples=150, deadline=None)
@given(principals, rates, st.integers(1, 600), methods)
def test_schedules_end_at_zero_and_principal_parts_sum_to_the_loan(principal, rate, months, method):
    r = repayment.calculate(repayment.Inputs(principal, rate, months, method))
    assert r.rows[-1].balance == Decimal("0.00")
    assert sum(row.principal for row in r.rows) == principal
    for row in r.rows:
        assert row.interest >= 0 and row.principal >= 0
        for amount in (row.payment, row.principal, row.interest, row.balance):
            assert amount == amount.quantize(Decimal("0.01"))
    assert r.total_paid == sum(row.payment for row in r.rows)
    text = view.render(r, "zh") + view.render(r, "en") + str(repayment.to_dict(r))
    assert "NaN" not in text and "Infinity" not in text and "-0.00" not in text


def _half_up(value: Fraction) -> Decimal:
    """``value`` (≥ 0) rounded half up to the fen, in exact fractions: the oracle's own rounding."""
    fen = value * 100
    return Decimal((2 * fen.numerator + fen.denominator) // (2 * fen.denominator)) / 100


@settings(max_examples=150, deadline=None)
@given(principals, rates, st.integers(1, 120), methods)
@example(Decimal("2887.50"), Decimal("3.04"), 2, "equal_principal")  # first interest 7.315 exactly
@example(Decimal("2025.00"), Decimal("7.28"), 1, "equal_installment")  # payment 2,037.285 exactly
def test_each_month_charges_the_exact_interest_on_the_balance_left(principal, rate, months, method):
    # an oracle in exact fractions: a month's interest is balance × rate ÷ 1200 rounded half up (an
    # exact half fen up, not one a hair below it), the 等额本息 payment is the annuity rounded so
    # (each month repays payment − interest of the principal, never more than is left)
    r = repayment.calculate(repayment.Inputs(principal, rate, months, method))
    y = Fraction(rate) / 1200
    if method == "bullet":
        assert r.rows[-1].interest == _half_up(Fraction(principal) * y * months)
        return
    payment = None
    if method == "equal_installment" and rate:
        grown = (1 + y) ** months
        payment = _half_up(Fraction(principal) * y * grown / (grown - 1))
    balance = principal
    for row in r.rows:
        assert row.interest == _half_up(Fraction(balance) * y)
        if payment is not None and row.period < months:
            assert row.principal == min(max(payment - row.interest, Decimal(0)), balance)
        balance -= row.principal


@settings(max_examples=60, deadline=None)
@given(principals, rates, st.integers(1, 120), methods)
def test_the_true_rate_discounts_the_flows_to_zero(principal, rate, months, method):
    r = repayment.calculate(repayment.Inputs(principal, rate, months, method))
    irr = r.apr_nominal / 1200
    pv = sum(row.payment / (1 + irr) ** row.period for row in r.rows)
    assert abs(pv - r.received) < Decimal("0.01")
