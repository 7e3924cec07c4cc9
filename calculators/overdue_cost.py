"""overdue_cost: what being ``D`` days late costs.

The penalty daily rate ``r`` (a fraction a day) is either the contract's daily
rate raised by a markup ``m`` (percent), or a penalty daily rate the contract
states outright::

    r = contract daily % × (100 + m) / 10000       (contract gives a daily rate)
    r = contract annual % ÷ basis × (100 + m) / 10000   (annual rate; basis 360 or 365)
    r = penalty daily % / 100                      (the contract states it)

With ``P`` the overdue principal, ``U`` the unpaid interest and ``D`` the days:

- 罚息 penalty interest ``= P × r × D``;
- 复利 compound interest (only when chosen) ``= U × r × D``;
- 违约金 late fee ``= fixed + max((P + U) × percent / 100, minimum)``, charged
  once (the percent part and its minimum only when a percent is given);
- total extra cost ``= 罚息 + 复利 + 违约金``; total owed ``= P + U + extra``;
- annualized rate of the charges ``= extra ÷ (P + U) ÷ D × basis`` (percent).

Rounding: penalty interest and compound interest are each computed exactly
over the whole period (one division, at 120 significant digits) and rounded
once, half up to the fen, at the end: the money event is the charge posted.
The late fee is rounded once too. Each point of the growth series (by day up
to 90 days, then every 30 days) is computed the same way for its own number of
days, so the last point is exactly the total.

Worked example: 10,000 overdue and 300 of unpaid interest, 0.05 % a day, the
penalty rate 50 % above it (0.075 % a day), 30 days, compound interest on:

>>> r = calculate(read_form({"overdue_principal": "10000", "unpaid_interest": "300", "days_overdue": "30",
...                          "daily_rate": "0.05", "compound": "yes"}))
>>> r.penalty_interest, r.compound_interest, r.total_extra, r.total_owed
(Decimal('225.00'), Decimal('6.75'), Decimal('231.75'), Decimal('10531.75'))
>>> percent_text(r.annualized_rate)
'27.00'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, localcontext

from . import fields, figures, lines
from .fields import Field
from .money import HUNDRED, ZERO, InputError, money_text, percent_text, plain, round_money

SLUG = "overdue-cost"
TITLE = {"zh": "逾期费用计算", "en": "What being late costs"}

_MARKUP = figures.entry("bank_penalty_markup")
_CAP = figures.entry("private_lending_cap")
DAILY_STEP_UNTIL = 90  # up to this many days the growth series has a point a day
MONTH_DAYS = 30  # after that, a point every 30 days (about a month) and one at the last day
# Significant digits for the charges: more than the longest product of typed values
# (each at most 40 characters), so every product is exact and only the one division rounds.
_PREC = 120

MARKUP_HIGH = Decimal(500)
FEE_PERCENT_HIGH = Decimal(100)
DAILY_HIGH = Decimal(3)

BASES = (
    ("360", "一年按 360 天", "360 days a year"),
    ("365", "一年按 365 天", "365 days a year"),
)

FIELDS = (
    Field("overdue_principal", "money", "逾期本金", "Overdue principal", unit="yuan", default="10000",
          help_zh="到期没还上的本金。分期借款只填已经逾期的那几期里的本金",
          help_en="The principal that fell due and was not repaid. For an instalment loan, only the "
                  "principal in the instalments already overdue"),
    Field("days_overdue", "count", "逾期天数", "Days overdue", unit="days", default="30", low=1, high=3650,
          help_zh="已经逾期多少天，或者你想看到第几天（1 到 3650 天）",
          help_en="How many days late, or how far ahead you want to look (1 to 3650 days)"),
    Field("unpaid_interest", "money", "逾期未还的利息", "Unpaid interest", unit="yuan", low=0, required=False,
          help_zh="到期没还的利息，没有就留空。只有选了下面的“复利”，这部分才会再产生罚息",
          help_en="Interest that fell due and is still unpaid; leave empty if none. It is charged "
                  "penalty interest itself only if you choose compound interest below"),
    Field("daily_rate", "rate", "合同日利率", "Daily rate in the contract", unit="percent", per="day",
          default="0.05", high=DAILY_HIGH, required=False,
          help_zh="合同或借款页面写的日利率，例如 0.05 表示每天 0.05%（万分之五）。和下面的年利率二选一",
          help_en="The daily rate on the contract or loan page: 0.05 means 0.05% a day. Fill in this or "
                  "the annual rate below, not both"),
    Field("annual_rate", "rate", "合同年利率", "Annual rate in the contract", unit="percent",
          high=Decimal(1000), required=False,
          help_zh="合同写的是年利率就填这里，例如 18 表示 18%，并清空上面的日利率",
          help_en="If the contract gives an annual rate, put it here (18 means 18%) and clear the daily "
                  "rate above"),
    Field("day_basis", "choice", "一年按多少天算", "Days in a year", default="360", choices=BASES,
          help_zh="日利率和年利率之间按多少天换算。很多平台按 360 天算（合同里常写“日利率 = 年利率 ÷ 360”）；不确定就选 360",
          help_en="How daily and annual rates convert. Many platforms use 360 days (the contract may say "
                  "“daily rate = annual rate ÷ 360”); if unsure, keep 360", advanced=True),
    Field("penalty_markup", "percent", "罚息比合同利率加收", "Penalty rate: markup on the contract rate",
          unit="percent", default=_MARKUP["high"], high=MARKUP_HIGH, required=False,
          means_zh=f"加收 {_MARKUP['high']}%", means_en=f"{_MARKUP['high']}% more",
          help_zh=f"逾期后一般按比合同利率更高的罚息利率计息。银行贷款通常加收 {_MARKUP['low']}% 到 "
                  f"{_MARKUP['high']}%：{_MARKUP['high']} 表示罚息利率是合同利率的 "
                  f"{plain(1 + Decimal(_MARKUP['high']) / 100)} 倍。合同直接写了罚息日利率的，清空这里，填下一项",
          help_en=f"After the due date, interest usually runs at a higher penalty rate. Bank loans add "
                  f"{_MARKUP['low']}% to {_MARKUP['high']}%: {_MARKUP['high']} means the penalty rate is "
                  f"{plain(1 + Decimal(_MARKUP['high']) / 100)} times the contract rate. If the contract "
                  "states a penalty daily rate, clear this and fill in the next field", advanced=True),
    Field("penalty_daily_rate", "rate", "合同写明的罚息日利率", "Penalty daily rate stated in the contract",
          unit="percent", per="day", high=DAILY_HIGH, required=False, example="0.1",
          noun_zh="罚息日利率", noun_en="the penalty daily rate", means_zh="每天 0.1%", means_en="0.1% a day",
          help_zh="合同直接写了逾期后每天按多少收罚息（例如 0.1 表示每天 0.1%），就填这里，并清空上面的加收比例",
          help_en="If the contract states a daily penalty rate (0.1 means 0.1% a day), put it here and "
                  "clear the markup above", advanced=True),
    Field("compound", "yesno", "未还利息也收罚息（复利）", "Penalty interest on unpaid interest too (compound)",
          default="no",
          help_zh="有的合同对逾期没还的利息也按罚息利率计息，这叫复利。合同没写就选“否”",
          help_en="Some contracts charge the penalty rate on unpaid interest too: compound interest. If "
                  "yours does not say so, choose no", advanced=True),
    Field("late_fee_fixed", "money", "违约金（固定金额）", "Late fee, a fixed sum", unit="yuan", low=0,
          required=False,
          help_zh="合同写“逾期收 X 元违约金”就填这里；没有就留空",
          help_en="If the contract charges a fixed sum for paying late (违约金), put it here; leave empty "
                  "if none", advanced=True),
    Field("late_fee_percent", "percent", "违约金（逾期金额的百分之几）", "Late fee, a percent of the overdue amount",
          unit="percent", high=FEE_PERCENT_HIGH, required=False, example="5",
          help_zh="合同写“按逾期金额的 5% 收违约金”就填 5。逾期金额是逾期本金加未还利息；没有就留空",
          help_en="If the contract charges, say, 5% of the overdue amount, enter 5. The overdue amount is "
                  "the overdue principal plus unpaid interest; leave empty if none", advanced=True),
    Field("late_fee_minimum", "money", "按比例收的违约金最低多少", "Least the percent late fee can be",
          unit="yuan", low=0, required=False,
          help_zh="合同写了“最低 10 元”这类下限就填这里，和上面的比例一起用；没有就留空",
          help_en="If the contract sets a floor such as “at least ¥10”, put it here; it goes with the "
                  "percent above. Leave empty if none", advanced=True),
    Field("contract_date", "date", "借款合同日期", "Date of the loan contract", required=False,
          help_zh=f"可不填。民间借贷受法院保护的利率上限是签合同时一年期 LPR 的 {_CAP['multiple']} 倍；不填就按最新的 LPR",
          help_en=f"Optional. The cap courts apply to private loans is {_CAP['multiple']} × the one-year "
                  "LPR when the contract was made; if empty, the newest LPR is used", advanced=True),
    lines.LENDER_FIELD,
)

@dataclass(frozen=True)
class Inputs:
    overdue_principal: Decimal
    days_overdue: int
    unpaid_interest: Decimal | None = None
    daily_rate: Decimal | None = None
    annual_rate: Decimal | None = None
    day_basis: str = "360"
    penalty_markup: Decimal | None = None
    penalty_daily_rate: Decimal | None = None
    compound: bool = False
    late_fee_fixed: Decimal | None = None
    late_fee_percent: Decimal | None = None
    late_fee_minimum: Decimal | None = None
    contract_date: dt.date | None = None
    lender: str | None = None  # lines.LENDERS; None or "unknown": not given, no verdict

    def __post_init__(self) -> None:
        fields.check(FIELDS, self)
        if self.daily_rate is None and self.annual_rate is None:
            raise InputError("daily_rate", "请填写合同的日利率（或者年利率），例如 0.05",
                             "Fill in the contract's daily rate (or its annual rate), such as 0.05")
        if self.daily_rate is not None and self.annual_rate is not None:
            raise InputError("annual_rate", "日利率和年利率只填一项，请清空其中一项",
                             "Fill in the daily rate or the annual rate, not both: clear one")
        if self.penalty_markup is None and self.penalty_daily_rate is None:
            raise InputError(
                "penalty_markup",
                f"请填写罚息加收的比例（例如 {_MARKUP['high']}），或者填合同写明的罚息日利率",
                f"Fill in the penalty markup (such as {_MARKUP['high']}) or the penalty daily rate the "
                "contract states",
            )
        if self.penalty_markup is not None and self.penalty_daily_rate is not None:
            raise InputError("penalty_daily_rate", "加收比例和罚息日利率只填一项，请清空其中一项",
                             "Fill in the markup or the penalty daily rate, not both: clear one")
        if self.late_fee_minimum is not None and self.late_fee_percent is None:
            raise InputError("late_fee_minimum", "最低金额要和违约金比例一起用：请填上比例，或者清空最低金额",
                             "The minimum goes with a percent late fee: fill in the percent or clear "
                             "the minimum")

    @property
    def basis(self) -> int:
        return int(self.day_basis)

    @property
    def interest(self) -> Decimal:
        return self.unpaid_interest or ZERO

    @property
    def overdue_amount(self) -> Decimal:
        return self.overdue_principal + self.interest


@dataclass(frozen=True)
class Point:
    day: int
    extra: Decimal  # extra cost accrued by this day
    owed: Decimal  # principal + unpaid interest + extra


@dataclass(frozen=True)
class Result:
    inputs: Inputs
    contract_daily: Decimal  # percent a day, unrounded
    penalty_daily: Decimal  # percent a day, unrounded
    penalty_interest: Decimal
    compound_interest: Decimal
    late_fee: Decimal
    total_extra: Decimal
    total_owed: Decimal
    annualized_rate: Decimal  # percent a year, unrounded
    step: str  # "day" or "month": the spacing of the growth series
    growth: tuple[Point, ...]
    lines: tuple[lines.Line, ...]


def read_form(form: Mapping[str, object]) -> Inputs:
    """Inputs from a form of text values."""
    return Inputs(**fields.read_all(FIELDS, form))


def penalty_rate(inputs: Inputs) -> tuple[Decimal, Decimal]:
    """The penalty daily rate as an exact fraction ``(numerator, denominator)``.

    ``daily × (100 + markup) / 10000``, ``annual × (100 + markup) / (basis × 10000)``
    or ``penalty daily / 100``; kept as a pair so no division happens before the
    charge is computed.

    >>> penalty_rate(read_form({"daily_rate": "0.05"}))
    (Decimal('7.50'), Decimal('10000'))
    >>> penalty_rate(read_form({"daily_rate": "", "annual_rate": "18", "day_basis": "365"}))
    (Decimal('2700'), Decimal('3650000'))
    """
    if inputs.penalty_daily_rate is not None:
        return inputs.penalty_daily_rate, HUNDRED
    factor = HUNDRED + inputs.penalty_markup
    if inputs.daily_rate is not None:
        return inputs.daily_rate * factor, HUNDRED * HUNDRED
    return inputs.annual_rate * factor, inputs.basis * HUNDRED * HUNDRED


def accrued(amount: Decimal, rate: tuple[Decimal, Decimal], days: int) -> Decimal:
    """``amount × rate × days``, computed exactly and rounded once to the fen.

    >>> accrued(Decimal("1000"), (Decimal("0.0333"), HUNDRED), 30)  # 0.333 a day; 9.90 if rounded daily
    Decimal('9.99')
    """
    numerator, denominator = rate
    with localcontext() as ctx:
        ctx.prec = _PREC
        exact = amount * numerator * days / denominator
        return round_money(exact)


def late_fee(inputs: Inputs) -> Decimal:
    """违约金: ``fixed + max((P + U) × percent / 100, minimum)``, rounded once.

    >>> late_fee(read_form({"overdue_principal": "100", "late_fee_percent": "5", "late_fee_minimum": "10"}))
    Decimal('10.00')
    """
    with localcontext() as ctx:
        ctx.prec = _PREC
        fee = inputs.late_fee_fixed or ZERO
        if inputs.late_fee_percent is not None:
            part = inputs.overdue_amount * inputs.late_fee_percent / HUNDRED
            fee += max(part, inputs.late_fee_minimum or ZERO)
        return round_money(fee)


def growth_days(days: int) -> list[int]:
    """The days of the growth series: every day up to 90, else every 30 days and the last.

    >>> growth_days(3)
    [1, 2, 3]
    >>> growth_days(100)
    [30, 60, 90, 100]
    """
    if days <= DAILY_STEP_UNTIL:
        return list(range(1, days + 1))
    return list(range(MONTH_DAYS, days, MONTH_DAYS)) + [days]


def annualized(extra: Decimal, base: Decimal, days: int, basis: int) -> Decimal:
    """The charges as a simple yearly rate: ``extra ÷ base ÷ days × basis``, in percent.

    >>> percent_text(annualized(Decimal("225"), Decimal("10000"), 30, 360))
    '27.00'
    """
    with localcontext() as ctx:
        ctx.prec = 40
        return extra * basis * HUNDRED / (base * days)


def calculate(inputs: Inputs) -> Result:
    """The charges for the days overdue, their growth, and the cost lines they meet."""
    rate = penalty_rate(inputs)
    fee = late_fee(inputs)
    base = inputs.overdue_amount

    def charges(days: int) -> tuple[Decimal, Decimal]:
        penalty = accrued(inputs.overdue_principal, rate, days)
        compound = accrued(inputs.interest, rate, days) if inputs.compound else ZERO
        return penalty, compound

    growth = []
    for day in growth_days(inputs.days_overdue):
        penalty, compound = charges(day)
        extra = penalty + compound + fee
        growth.append(Point(day, extra, base + extra))
    penalty, compound = charges(inputs.days_overdue)
    total = penalty + compound + fee
    yearly = annualized(total, base, inputs.days_overdue, inputs.basis)
    with localcontext() as ctx:
        ctx.prec = _PREC
        penalty_daily = rate[0] * HUNDRED / rate[1]
        if inputs.daily_rate is not None:
            contract_daily = inputs.daily_rate
        else:
            contract_daily = inputs.annual_rate / inputs.basis
    return Result(
        inputs=inputs,
        contract_daily=contract_daily,
        penalty_daily=penalty_daily,
        penalty_interest=penalty,
        compound_interest=compound,
        late_fee=fee,
        total_extra=total,
        total_owed=base + total,
        annualized_rate=yearly,
        step="day" if inputs.days_overdue <= DAILY_STEP_UNTIL else "month",
        growth=tuple(growth),
        lines=tuple(lines.compare(yearly, inputs.contract_date, inputs.lender)),
    )


def _daily_text(value: Decimal) -> str:
    """A daily percent with four decimals."""
    return percent_text(value, 4)


def to_dict(result: Result) -> dict:
    """The result as JSON-ready text: money with two decimals, rates in percent."""
    i = result.inputs
    return {
        "penalty_interest": money_text(result.penalty_interest),
        "compound_interest": money_text(result.compound_interest),
        "late_fee": money_text(result.late_fee),
        "total_extra": money_text(result.total_extra),
        "total_owed": money_text(result.total_owed),
        "overdue_amount": money_text(i.overdue_amount),
        "annualized_rate": percent_text(result.annualized_rate),
        "contract_daily_rate": _daily_text(result.contract_daily),
        "contract_annual_rate": percent_text(result.contract_daily * i.basis),
        "penalty_daily_rate": _daily_text(result.penalty_daily),
        "penalty_annual_rate": percent_text(result.penalty_daily * i.basis),
        "days_overdue": i.days_overdue,
        "day_basis": i.basis,
        "step": result.step,
        "growth": [
            {"day": p.day, "extra_cost": money_text(p.extra), "total_owed": money_text(p.owed)}
            for p in result.growth
        ],
        "lines": lines.to_list(list(result.lines)),
    }
