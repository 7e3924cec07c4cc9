"""hardship-statement: 困难情况说明和收支表, a statement of income and spending a lender can read.

Modelled on National Debtline's financial statement: money coming in, essential
spending, other debts' monthly payments, and what is left::

    income     = wages + other income
    essentials = rent + food + transport + utilities + medical + children + other essentials
    debts      = the monthly payments of the other debts listed
    left       = income − essentials − debts        (below zero: a shortfall)

A line left empty is shown as a blank and adds nothing; a total is shown once
at least one of its lines is filled, and what is left once the income is
(empty spending or debts then count as nothing, and the statement shows their
lines as blanks). Worked example: 6,000 wages, 2,000 rent, 1,500 food, 300
transport, 1,200 a month to another debt: 6,000 − 3,800 − 1,200 = 1,000 left.

>>> r = calculate(read_form({"wages": "6000", "rent": "2000", "food": "1500", "transport": "300",
...                          "debt1_monthly": "1200"}))
>>> r.income, r.essentials, r.debts, r.left
(Decimal('6000'), Decimal('3800'), Decimal('1200'), Decimal('1000'))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from . import letters_common as common
from .fields import Field

SLUG = "hardship-statement"
TITLE = {"zh": "困难情况说明和收支表", "en": "Hardship statement with income and spending"}

MAX_DEBTS = 3

INCOME = (
    ("wages", "工资（到手）", "Wages (take-home)"),
    ("other_income", "其他收入（补贴、兼职、家人支持）", "Other income (benefits, side work, family help)"),
)
ESSENTIALS = (
    ("rent", "房租或房贷", "Rent or mortgage"),
    ("food", "吃饭和日用品", "Food and household goods"),
    ("transport", "交通", "Transport"),
    ("utilities", "水电燃气、话费网费", "Utilities, phone and internet"),
    ("medical", "看病买药", "Medical costs"),
    ("children", "子女抚养和教育", "Children: care and school"),
    ("other_essentials", "其他必要开支", "Other essential spending"),
)


def _money(name: str, zh: str, en: str) -> Field:
    return Field(name, "money", zh, en, unit="yuan", low=0, required=False)


FIELDS = (
    Field("to", "text", "写给谁", "Addressed to", required=False, high=40,
          help_zh="平台、银行或机构的名称", help_en="The lender, bank or institution"),
    Field("name", "text", "你的姓名", "Your name", required=False, high=20),
    Field("household", "count", "家里几口人靠这份收入", "People living on this income", low=1, high=20, example="3",
          required=False),
    *common.cause_fields(),
    *(_money(n, zh + "（每月）", en + " (a month)") for n, zh, en in INCOME),
    *(_money(n, zh + "（每月）", en + " (a month)") for n, zh, en in ESSENTIALS),
    *(f for n in range(1, MAX_DEBTS + 1) for f in (
        Field(f"debt{n}_name", "text", f"其他欠款 {n}：名称", f"Other debt {n}: name", required=False, high=30),
        _money(f"debt{n}_monthly", f"其他欠款 {n}：每月要还", f"Other debt {n}: monthly payment"),
    )),
    Field("letter_date", "date", "日期", "Date", required=False),
    *common.caution_fields(lender=True),
)

Inputs = common.make_inputs("Inputs", FIELDS, common.check_cautions)


@dataclass(frozen=True)
class Result:
    inputs: Inputs
    income: Decimal | None  # None when no income line is filled
    essentials: Decimal | None  # None when no essential line is filled
    debts: Decimal | None  # None when no debt payment is filled
    left: Decimal | None  # income − essentials − debts; None when no income is filled
    cautions: tuple[str, ...] = ()  # it asks for time or a plan: letters_common.cautions


def read_form(form: Mapping[str, object], today: dt.date | None = None) -> Inputs:
    """Inputs from a form of text values; an empty date of the letter is ``today`` (the caller's clock)."""
    return Inputs(**common.read_all(FIELDS, common.lender_form(form), today))


def total(values: list[Decimal | None]) -> Decimal | None:
    """The sum of the filled lines, or None when none is filled.

    >>> total([Decimal("1"), None, Decimal("2.5")]), total([None, None])
    (Decimal('3.5'), None)
    """
    filled = [v for v in values if v is not None]
    return sum(filled, Decimal(0)) if filled else None


def calculate(inputs: Inputs) -> Result:
    income = total([getattr(inputs, n) for n, _, _ in INCOME])
    essentials = total([getattr(inputs, n) for n, _, _ in ESSENTIALS])
    debts = total([getattr(inputs, f"debt{n}_monthly") for n in range(1, MAX_DEBTS + 1)])
    left = None if income is None else income - (essentials or 0) - (debts or 0)
    return Result(inputs, income, essentials, debts, left, common.cautions(inputs))


def to_dict(result: Result) -> dict:
    out = common.plain_dict(result.inputs, FIELDS)
    out["cautions"] = list(result.cautions)
    for key in ("income", "essentials", "debts", "left"):
        value = getattr(result, key)
        out[f"total_{key}" if key != "left" else "left"] = None if value is None else common.money_text(value)
    return out
