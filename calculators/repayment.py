"""repayment: the schedule of a loan, month by month, and its true annual rate.

Four ways to repay, with ``r`` the monthly rate (annual % ÷ 12 ÷ 100) and
``P`` the principal over ``n`` months:

- 等额本息 equal instalments: payment ``P·r·(1+r)^n / ((1+r)^n − 1)``, rounded
  to the fen; each month interest = balance × r (rounded), the rest is principal.
- 等额本金 equal principal: principal ``P / n`` (rounded) a month plus interest on
  the balance, so payments fall.
- 先息后本 interest only: interest each month, the principal with the last.
- 到期一次还本付息 bullet: ``P + P·r·n`` once, at the end.

The last payment settles what is left, so the balance ends at exactly 0.00 and
the principal parts add up to the loan (a lender's statement convention). Fees:
an upfront fee is kept back from what the borrower receives; a monthly fee is
added to each payment. The true rate is the IRR of what was received against
everything paid (see ``rates.py``).

Worked example (the standard mortgage example, 1,000,000 at 4.9 % over 360 months; the
payment checked independently with the annuity formula in float arithmetic,
1e6·r·(1+r)^360/((1+r)^360−1) with r = 0.049/12 = 5307.267…):

>>> r = calculate(read_form({"principal": "100万", "annual_rate": "4.9", "months": "360"}))
>>> r.first_payment, r.rows[0].interest, r.rows[0].principal
(Decimal('5307.27'), Decimal('4083.33'), Decimal('1223.94'))
>>> r.total_interest, r.rows[-1].payment, r.rows[-1].balance
(Decimal('910615.12'), Decimal('5305.19'), Decimal('0.00'))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from . import fields, rates, schedules
from .fields import Field
from .money import ZERO, InputError, dated_row, money_text, percent_text
from .schedules import add_months

SLUG = "repayment"
TITLE = {"zh": "还款计划", "en": "Repayment schedule"}

METHODS = (
    ("equal_installment", "等额本息（每月还款额相同）", "Equal instalments (same payment each month)"),
    ("equal_principal", "等额本金（每月本金相同，还款额递减）", "Equal principal (payments fall each month)"),
    ("interest_only", "先息后本（每月付息，最后还本）", "Interest only, principal at the end"),
    ("bullet", "到期一次还本付息", "Everything at the end (bullet)"),
)

FIELDS = (
    Field("principal", "money", "借款本金", "Amount borrowed", unit="yuan", default="10000",
          help_zh="合同上写的借款金额", help_en="The loan amount in the contract"),
    Field("annual_rate", "rate", "年利率", "Annual interest rate", unit="percent", default="18",
          high=Decimal("1000"), help_zh="合同写的年利率，例如 18 表示 18%；日利率 0.05% 约等于年利率 18%",
          help_en="The annual rate in the contract: 18 means 18%. A daily 0.05% is about 18% a year"),
    Field("months", "count", "期数", "Number of months", unit="months", default="12", low=1, high=600,
          help_zh="分几个月还完（1 到 600）", help_en="How many months to repay (1 to 600)"),
    Field("method", "choice", "还款方式", "Repayment method", default="equal_installment", choices=METHODS),
    Field("upfront_fee", "money", "放款时扣的费用", "Fee taken at the start", unit="yuan", low=0,
          required=False, help_zh="服务费、砍头息等：放款时直接扣掉、没到你手里的钱，没有就留空",
          help_en="Service fees or interest kept back when the loan was paid out; leave empty if none",
          advanced=True),
    Field("monthly_fee", "money", "每月另收的费用", "Fee added each month", unit="yuan", low=0,
          required=False, help_zh="会员费、担保费等每期另外收的钱，没有就留空",
          help_en="Membership, guarantee or other fees charged every month; leave empty if none",
          advanced=True),
    Field("start_date", "date", "放款日期", "Date the loan was paid out", required=False,
          help_zh="可不填；填了就按月显示每期的还款日", help_en="Optional: gives each payment's date",
          advanced=True),
)


@dataclass(frozen=True)
class Inputs:
    principal: Decimal
    annual_rate: Decimal
    months: int
    method: str = "equal_installment"
    upfront_fee: Decimal | None = None
    monthly_fee: Decimal | None = None
    start_date: dt.date | None = None

    def __post_init__(self) -> None:
        fields.check(FIELDS, self)
        if self.upfront_fee is not None and self.upfront_fee >= self.principal:
            raise InputError(
                "upfront_fee",
                "放款时扣的费用不能等于或超过借款本金",
                "The fee taken at the start must be less than the amount borrowed",
            )


class Row(NamedTuple):
    """One payment of the schedule. A tuple (up to 600 are made every recalculation, faster than a
    dataclass); its date is worked out when asked for (the page shows a dozen rows' dates, not 600)."""

    period: int
    payment: Decimal
    principal: Decimal
    interest: Decimal
    fee: Decimal
    balance: Decimal
    start: dt.date | None = None  # the loan's start date, when given

    @property
    def date(self) -> dt.date | None:
        """The payment's due date: ``period`` months after ``start`` (None without a start date)."""
        return add_months(self.start, self.period) if self.start else None


@dataclass(frozen=True)
class Result:
    inputs: Inputs
    rows: tuple[Row, ...]
    first_payment: Decimal
    total_interest: Decimal
    total_fees: Decimal
    total_paid: Decimal
    received: Decimal
    apr_nominal: Decimal  # percent, unrounded
    apr_effective: Decimal  # percent, unrounded


def read_form(form: Mapping[str, object]) -> Inputs:
    """Inputs from a form of text values (what a page or a terminal sends)."""
    return Inputs(**fields.read_all(FIELDS, form))


def calculate(inputs: Inputs) -> Result:
    """The full schedule, its totals, and its true annual rate (IRR)."""
    fee = inputs.monthly_fee or ZERO
    upfront = inputs.upfront_fee or ZERO
    rows = []
    balance = inputs.principal
    schedule = schedules.METHODS[inputs.method](inputs.principal, inputs.annual_rate, inputs.months)
    for month, (principal, interest) in enumerate(schedule, start=1):
        balance -= principal
        paid = principal + interest + fee
        if inputs.method == "bullet" and month < inputs.months:
            continue  # nothing due until the end
        rows.append(Row(month, paid, principal, interest, fee, balance, inputs.start_date))
    total_interest = sum((row.interest for row in rows), ZERO)
    total_fees = sum((row.fee for row in rows), ZERO) + upfront
    total_paid = sum((row.payment for row in rows), ZERO)
    received = inputs.principal - upfront
    flows = [-received] + [ZERO] * inputs.months
    for row in rows:
        flows[row.period] = row.payment
    monthly = rates.irr(flows)
    nominal, effective = rates.monthly_to_yearly(monthly)
    return Result(
        inputs=inputs,
        rows=tuple(rows),
        first_payment=rows[0].payment,
        total_interest=total_interest,
        total_fees=total_fees,
        total_paid=total_paid + upfront,
        received=received,
        apr_nominal=nominal * 100,
        apr_effective=effective * 100,
    )


# web.compute, for a reply without the result data (the page's): its HTML takes the schedule's texts
# from the result (``schedule_cells``), so the schedule is not written as data at all.
PAGE_DATA = {"payments": False}


def schedule_cells(result: Result, fee: bool = True, start: int = 0, stop: int | None = None) -> list[list[str]]:
    """The schedule as the table's text cells, a row a month: period, date (when the loan has a start
    date), payment, principal, interest, fee (``fee=False``: left out), balance; money as ``to_dict``
    writes it. A figure that stays the same object month after month (equal principal, the fee) is
    written once. ``start``, ``stop``: only those rows (as a slice of the schedule).

    >>> schedule_cells(calculate(read_form({"principal": "1000", "annual_rate": "12", "months": "2"})), fee=False)
    [['1', '507.51', '497.51', '10.00', '502.49'], ['2', '507.51', '502.49', '5.02', '0.00']]
    """
    rows = []
    seen: dict[int, tuple[Decimal, str]] = {}  # id -> (the figure, kept alive, and its text)

    def text(value: Decimal) -> str:
        known = seen.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        seen[id(value)] = (value, written := money_text(value))
        return written

    for row in result.rows[start:stop]:
        cells = [str(row.period), row.date.isoformat()] if row.date else [str(row.period)]
        cells += (money_text(row.payment), text(row.principal), money_text(row.interest))
        if fee:
            cells.append(text(row.fee))
        cells.append(money_text(row.balance))
        rows.append(cells)
    return rows


def to_dict(result: Result, payments: bool = True) -> dict:
    """The result as JSON-ready text: money with two decimals, rates in percent.
    ``payments=False`` leaves out the month-by-month schedule (``PAGE_DATA``)."""
    rows = [dated_row("period", row.period, row.date, payment=money_text(row.payment),
                      principal=money_text(row.principal), interest=money_text(row.interest),
                      fee=money_text(row.fee), balance=money_text(row.balance))
            for row in (result.rows if payments else ())]
    return {
        **({"payments": rows} if payments else {}),
        "first_payment": money_text(result.first_payment),
        "total_interest": money_text(result.total_interest),
        "total_fees": money_text(result.total_fees),
        "total_paid": money_text(result.total_paid),
        "received": money_text(result.received),
        "apr_nominal": percent_text(result.apr_nominal),
        "apr_effective": percent_text(result.apr_effective),
    }
