"""affordability: before borrowing, can the budget carry one more monthly payment?

With ``I`` the monthly income after tax, ``E`` the essential spending a month,
``D`` the monthly payments on existing debts and ``p`` the new loan's monthly
payment (typed in, or the 等额本息 level payment of its amount, annual rate and
months, from ``schedules.level_payment``):

- debt-to-income ratio ``dti = (D + p) / I × 100`` (percent, shown to 2 decimals);
- left each month ``L = I − E − D − p``, also as a share of income ``L / I × 100``;
- band, on the ratio as shown: ``≤ 30 %`` 较稳妥 (manageable), ``30–50 %`` 偏紧
  (tight), ``> 50 %`` 风险高 (high risk); whatever the ratio, ``L < 0`` is
  入不敷出 (short each month). The 30 % and 50 % lines are this site's rule of
  thumb, not a regulation;
- the largest new payment that keeps the ratio within 30 % and 50 %:
  ``⌊I × 30/100 − D⌋`` and ``⌊I × 50/100 − D⌋`` to the fen, and before the budget
  runs short: ``I − E − D`` (never below 0).

Worked example (arithmetic: 8,000 income, 3,500 essentials, 1,500 existing
payments, a new 1,200 a month: 2,700 ÷ 8,000 = 33.75 %, 8,000 − 3,500 − 2,700 = 1,800):

>>> r = calculate(read_form({"income": "8000", "essentials": "3500", "existing_payments": "1500",
...                          "new_payment": "1200"}))
>>> percent_text(r.dti), r.left_each_month, r.band
('33.75', Decimal('1800'), 'tight')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from . import fields
from .fields import Field
from .money import CENT, HUNDRED, ZERO, InputError, money_text, percent_text
from .schedules import level_payment

SLUG = "affordability"
TITLE = {"zh": "借之前算一算：还得起吗", "en": "Before you borrow: can you afford it?"}

# The site's rule of thumb (not a regulation): debt payments as a share of income.
COMFORT_LINE = Decimal(30)
STRAIN_LINE = Decimal(50)
FUND_MONTHS = 3  # the smallest emergency fund suggested for a steady income

# Bands from least to most strained: (key, zh, en).
BANDS = (
    ("ok", "较稳妥", "Manageable"),
    ("tight", "偏紧", "Tight"),
    ("high", "风险高", "High risk"),
    ("short", "入不敷出", "Short each month"),
)
BAND_RANK = {key: rank for rank, (key, _, _) in enumerate(BANDS)}

FIELDS = (
    Field("income", "money", "每月到手收入", "Monthly income after tax", unit="yuan", default="8000",
          help_zh="扣完个税、社保后实际拿到手的钱。收入不固定的，按最近几个月里最少的那个月填",
          help_en="What you actually receive after tax and social insurance. If it varies, use the "
                  "lowest month of the last few"),
    Field("essentials", "money", "每月必要开支（不含还款）", "Essential spending a month (not debt payments)",
          unit="yuan", default="3500", low=0, required=False,
          help_zh="房租、吃饭、交通、水电话费、养家等省不掉的钱；还款不要算在这里",
          help_en="Rent, food, transport, bills, family support: what you cannot cut. Leave debt "
                  "payments out of this"),
    Field("existing_payments", "money", "现在每月要还的钱", "Monthly payments on debts you have now",
          unit="yuan", default="1500", low=0, required=False,
          help_zh="已有的贷款、信用卡分期、网贷等每月要还的钱加在一起；没有就填 0",
          help_en="Everything you already repay each month (loans, card instalments, online loans), "
                  "added up; 0 if none"),
    Field("new_payment", "money", "新借款每月要还", "New loan: monthly payment", unit="yuan", default="1200",
          required=False,
          help_zh="借款页面上写的每月还款额（含利息和各种费用）。不知道的话清空这一项，"
                  "在下面“更多选项”里填借款金额、年利率和期数",
          help_en="The monthly payment the loan page shows, interest and fees included. If you do not "
                  "know it, clear this and fill in the amount, annual rate and months under “More options”"),
    Field("principal", "money", "新借款金额", "New loan: amount", unit="yuan", required=False, advanced=True,
          help_zh="和上面的“每月要还”二选一：填了借款金额，就按等额本息算出每月还款",
          help_en="Instead of the monthly payment above: with the amount, the monthly payment is worked "
                  "out as equal instalments"),
    Field("annual_rate", "rate", "新借款年利率", "New loan: annual rate", unit="percent", high=Decimal("1000"),
          required=False, advanced=True,
          help_zh="填了借款金额时才用，例如 18 表示 18%；日利率 0.05% 约等于年利率 18%；没有利息填 0",
          help_en="Used only with the amount: 18 means 18%. A daily 0.05% is about 18% a year; 0 if "
                  "there is no interest"),
    Field("months", "count", "新借款分几个月还", "New loan: months to repay", unit="months", low=1, high=600,
          required=False, advanced=True, help_zh="填了借款金额时才用（1 到 600）",
          help_en="Used only with the amount (1 to 600)"),
)


@dataclass(frozen=True)
class Inputs:
    income: Decimal
    essentials: Decimal | None = None
    existing_payments: Decimal | None = None
    new_payment: Decimal | None = None
    principal: Decimal | None = None
    annual_rate: Decimal | None = None
    months: int | None = None

    def __post_init__(self) -> None:
        fields.check(FIELDS, self)
        if self.new_payment is None and self.principal is None:
            raise InputError(
                "new_payment",
                "请填写新借款每月要还多少，例如 1200；也可以在“更多选项”里填借款金额、年利率和期数",
                "Fill in the new loan's monthly payment, such as 1200, or its amount, annual rate and "
                "months under “More options”",
            )
        if self.new_payment is not None and self.principal is not None:
            raise InputError(
                "principal",
                "每月要还的钱和借款金额只填一项，请清空其中一项",
                "Fill in the monthly payment or the amount borrowed, not both: clear one",
            )
        if self.principal is not None:
            if self.annual_rate is None:
                raise InputError("annual_rate", "请填写新借款的年利率，例如 18；没有利息就填 0",
                                 "Fill in the new loan's annual rate, such as 18, or 0 if there is no interest")
            if self.months is None:
                raise InputError("months", "请填写新借款分几个月还，例如 12",
                                 "Fill in how many months the new loan runs, such as 12")


@dataclass(frozen=True)
class Result:
    inputs: Inputs
    essentials: Decimal
    existing_payments: Decimal
    new_payment: Decimal
    total_payments: Decimal
    dti: Decimal  # percent, unrounded
    left_each_month: Decimal
    left_percent: Decimal  # percent of income, unrounded
    band: str
    within_comfort: Decimal  # the largest new payment keeping dti within COMFORT_LINE
    within_strain: Decimal  # ... within STRAIN_LINE
    break_even: Decimal  # ... keeping the month from running short
    months_to_fund: int | None  # saving all that is left: months to FUND_MONTHS of essentials


def read_form(form: Mapping[str, object]) -> Inputs:
    """Inputs from a form of text values."""
    return Inputs(**fields.read_all(FIELDS, form))


def new_payment_of(inputs: Inputs) -> Decimal:
    """The new loan's monthly payment: as typed, or the level payment of its terms.

    >>> new_payment_of(read_form({"new_payment": "", "principal": "10000", "annual_rate": "18", "months": "12"}))
    Decimal('916.80')
    """
    if inputs.new_payment is not None:
        return inputs.new_payment
    assert inputs.principal is not None and inputs.annual_rate is not None and inputs.months is not None
    return level_payment(inputs.principal, inputs.annual_rate, inputs.months)


def band_of(dti: Decimal, left: Decimal) -> str:
    """The band for a ratio (percent) and what is left each month.

    The ratio is compared as the reader sees it, rounded to 2 decimals; a month
    that runs short is 入不敷出 whatever the ratio.

    >>> band_of(Decimal("30.004"), Decimal(1)), band_of(Decimal("30.005"), Decimal(1)), band_of(Decimal(10), Decimal("-0.01"))
    ('ok', 'tight', 'short')
    """
    if left < ZERO:
        return "short"
    shown = Decimal(percent_text(dti))
    if shown <= COMFORT_LINE:
        return "ok"
    if shown <= STRAIN_LINE:
        return "tight"
    return "high"


def room_under(income: Decimal, existing: Decimal, line: Decimal) -> Decimal:
    """The largest new payment, to the fen (rounded down), keeping ``(D + p) / I`` within ``line`` %.

    ``⌊I × line / 100 − D⌋``, never below 0.

    >>> room_under(Decimal("8000.01"), Decimal(1500), Decimal(30))
    Decimal('900.00')
    """
    room = (income * line / HUNDRED - existing).quantize(CENT, rounding=ROUND_FLOOR)
    return max(room, ZERO) + ZERO


def calculate(inputs: Inputs) -> Result:
    """The ratio, what is left, the band and the room for a new payment."""
    income = inputs.income
    essentials = inputs.essentials or ZERO
    existing = inputs.existing_payments or ZERO
    new = new_payment_of(inputs)
    total = existing + new
    dti = total * HUNDRED / income
    left = income - essentials - total
    months_to_fund = None
    if left > ZERO and essentials > ZERO:
        goal_fen, left_fen = int(essentials * FUND_MONTHS * 100), int(left * 100)  # exact: money is in fen
        months_to_fund = -(-goal_fen // left_fen)  # ceiling of goal / left
    return Result(
        inputs=inputs,
        essentials=essentials,
        existing_payments=existing,
        new_payment=new,
        total_payments=total,
        dti=dti,
        left_each_month=left,
        left_percent=left * HUNDRED / income,
        band=band_of(dti, left),
        within_comfort=room_under(income, existing, COMFORT_LINE),
        within_strain=room_under(income, existing, STRAIN_LINE),
        break_even=max(income - essentials - existing, ZERO) + ZERO,
        months_to_fund=months_to_fund,
    )


def to_dict(result: Result) -> dict:
    """The result as JSON-ready text: money with 2 decimals, percents with 2, the band as its key."""
    return {
        "income": money_text(result.inputs.income),
        "essentials": money_text(result.essentials),
        "existing_payments": money_text(result.existing_payments),
        "new_payment": money_text(result.new_payment),
        "total_payments": money_text(result.total_payments),
        "dti": percent_text(result.dti),
        "left_each_month": money_text(result.left_each_month),
        "left_percent": percent_text(result.left_percent),
        "band": result.band,
        "new_payment_within_30": money_text(result.within_comfort),
        "new_payment_within_50": money_text(result.within_strain),
        "new_payment_break_even": money_text(result.break_even),
        "months_to_3_month_fund": result.months_to_fund,
    }
