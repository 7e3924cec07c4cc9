"""repayment: known schedules (with their source and convention) and invariants."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import repayment
from calculators.money import InputError
from calculators.views import repayment as view
from tests.cases import Case, Known
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


BAD = [
    ({"principal": "0"}, "principal", "请输入大于 0 的金额，例如 10000", "Enter an amount above 0, such as 10000"),
    ({"months": "0"}, "months", "请输入 1 到 600 之间的整数（个月），例如 12",
     "Enter a whole number of months from 1 to 600, such as 12"),
    ({"months": "601"}, "months", "请输入 1 到 600 之间的整数（个月），例如 12",
     "Enter a whole number of months from 1 to 600, such as 12"),
    ({"method": "weekly"}, "method",
     "请从这些选项中选一个：等额本息（每月还款额相同）、等额本金（每月本金相同，还款额递减）、先息后本（每月付息，最后还本）、到期一次还本付息",
     "Choose one of: Equal instalments (same payment each month), Equal principal (payments fall each month), "
     "Interest only, principal at the end, Everything at the end (bullet)"),
    ({"upfront_fee": "10000"}, "upfront_fee", "放款时扣的费用不能等于或超过借款本金",
     "The fee taken at the start must be less than the amount borrowed"),
    ({"start_date": "2026-02-30"}, "start_date", "请按“年-月-日”输入日期，例如 2026-01-31",
     "Enter the date as year-month-day, such as 2026-01-31"),
    ({"annual_rate": ""}, "annual_rate", "请填写利率，例如 18", "Fill in a rate, such as 18"),
]


CASE = Case(
    typed=(
        Known({"principal": "100万", "annual_rate": "4.9", "months": "360"},
              {"first_payment": "5307.27", "total_interest": "910615.12"},
              "The standard mortgage example (1,000,000 at 4.9 % over 360 months): the annuity formula "
              "gives 5,307.267… → 5,307.27 as bank calculators print it; total interest under the "
              "statement convention, see test_equal_installment_million_at_4_9_over_30_years."),
    ),
    bad=tuple(BAD),
    heaviest={"principal": "100000000", "annual_rate": "36", "months": "600", "method": "equal_principal",
              "upfront_fee": "1000", "monthly_fee": "10", "start_date": "2026-01-31"},
    toggle=("annual_rate", "36", "35.5"),
)


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


@settings(max_examples=60, deadline=None)
@given(principals, rates, st.integers(1, 120), methods)
def test_the_true_rate_discounts_the_flows_to_zero(principal, rate, months, method):
    r = repayment.calculate(repayment.Inputs(principal, rate, months, method))
    irr = r.apr_nominal / 1200
    pv = sum(row.payment / (1 + irr) ** row.period for row in r.rows)
    assert abs(pv - r.received) < Decimal("0.01")
