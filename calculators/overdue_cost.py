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

Without a rate (no contract rate and no penalty daily rate) there is no
penalty interest to compute: the result says so, and gives only what needs no
rate (the late fee, the demand below). An optional field left out of the form is
"not given", never the page's example; only the penalty markup keeps its
documented bank default (figures.toml ``bank_penalty_markup``) when left out.

What they demand (optional): with the amount borrowed ``B`` (the money actually
received), the date borrowed, the sum demanded now ``S`` and the days ``N`` from
the date borrowed to the day of the demand (``today``: empty means the caller's
clock), the implied yearly cost, simple and annualised on 365 days, is::

    demand rate = (S − B) ÷ B ÷ N × 365 × 100      (percent a year)

computed at 40 significant digits and rounded only for display, to 2 places
half up. It is compared with the line for the kind of lender chosen
(``lines.compare`` with the date borrowed as the contract date; ``lines.APPLIES``).
¥13,500 demanded on ¥10,000 borrowed 365 days earlier: 3,500 ÷ 10,000 ÷ 365 × 365
× 100 = 35.00 % a year:

>>> d = demand_of(read_form({"borrowed": "10000", "borrowed_date": "2025-06-01", "demanded": "13500",
...                          "today": "2026-06-01", "lender": "private"}))
>>> d.days, d.extra, d.rate.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
(365, Decimal('3500'), Decimal('35.00'))
>>> [(x.name, x.rate, x.above) for x in d.lines if x.applies]
[('judicial_cap', Decimal('12.00'), True)]

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
from decimal import ROUND_HALF_UP, Decimal, localcontext

from . import fields, figures, lines, wording
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
          help_zh="合同或借款页面写的日利率，例如 0.05 表示每天 0.05%（万分之五）。页面先填的 0.05 只是示例，"
                  "请改成你合同上的数。和下面的年利率二选一",
          help_en="The daily rate on the contract or loan page: 0.05 means 0.05% a day. The 0.05 the page "
                  "starts with is only an example: change it to your contract's. Fill in this or the annual "
                  "rate below, not both"),
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
    Field("borrowed", "money", "借到手的钱", "Amount borrowed", unit="yuan", required=False, example="10000",
          help_zh="可不填。想知道对方现在要的钱合不合法，就填实际借到手的钱；先扣掉的利息、手续费不算"
                  "（法释〔2020〕17号第二十六条：预先在本金中扣除利息的，按实际出借的金额认定本金）",
          help_en="Optional. To check what they now demand, the money you actually received; interest or "
                  "fees taken off at the start do not count (Fa Shi [2020] No. 17, art. 26)"),
    Field("borrowed_date", "date", "借到钱的日期", "Date you got the money", required=False,
          help_zh="可不填。和“借到手的钱”“对方现在要你还多少”一起用",
          help_en="Optional. Goes with the amount borrowed and the sum they demand"),
    Field("demanded", "money", "对方现在要你还多少", "Sum they demand now", unit="yuan", required=False,
          example="13500",
          help_zh="可不填。对方现在一共要你还的钱：本金、利息、罚息、违约金和各种费用都算在内",
          help_en="Optional. The whole sum they now demand: principal, interest, penalties, fees and all"),
    Field("today", "date", "对方要钱的日期", "Date of the demand", required=False,
          help_zh="一般不用填：不填就是今天。对方要求在某一天前还清的，可以填那一天",
          help_en="Usually leave it empty: it means today. If they demand payment by a set day, you can "
                  "enter that day", advanced=True),
)

DEMAND_FIELDS = ("borrowed", "borrowed_date", "demanded")

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
    borrowed: Decimal | None = None  # what they demand: all three given, or none
    borrowed_date: dt.date | None = None
    demanded: Decimal | None = None
    today: dt.date | None = None  # the day of the demand; read_form fills in the caller's clock

    def __post_init__(self) -> None:
        fields.check(FIELDS, self)
        if self.daily_rate is not None and self.annual_rate is not None:
            raise InputError("annual_rate", "日利率和年利率只填一项，请清空其中一项",
                             "Fill in the daily rate or the annual rate, not both: clear one")
        self._check_demand()
        if not self.has_rate and self.demanded is None:
            # nothing to work out without a rate; a demand alone is checked without one
            raise InputError("daily_rate", "罚息按合同的利率算：请填合同日利率（看合同或 App 的借款详情），例如 0.05；"
                             "合同写的是年利率，就填在下面的年利率里",
                             "Penalty interest follows the contract's rate: fill in the daily rate (see the "
                             "contract or the loan's page in the app), such as 0.05; if the contract gives an "
                             "annual rate, put it in the annual rate below")
        if self.has_rate and self.penalty_markup is None and self.penalty_daily_rate is None:
            # a contract rate is given: the markup turns it into the penalty rate (no rate: not needed)
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

    def _check_demand(self) -> None:
        """What they demand needs all three of its fields, a date borrowed before the demand, and a
        demand no smaller than the amount borrowed; each mistake is said on its own field."""
        given = [getattr(self, name) is not None for name in DEMAND_FIELDS]
        if not any(given):
            return
        if not given[0]:
            raise InputError("borrowed", "要看对方要的钱合不合法，请填借到手的钱，例如 10000",
                             "To check what they demand, fill in the amount borrowed, such as 10000")
        if not given[1]:
            raise InputError("borrowed_date", "要看对方要的钱合不合法，请填借到钱的日期，例如 2025-06-01",
                             "To check what they demand, fill in the date you got the money, such as 2025-06-01")
        if not given[2]:
            raise InputError("demanded", "要看对方要的钱合不合法，请填对方现在一共要你还多少，例如 13500",
                             "To check what they demand, fill in the whole sum they demand now, such as 13500")
        if self.today is None:
            raise InputError("today", "请填写对方要钱的日期，例如 2026-01-31",
                             "Fill in the date of the demand, such as 2026-01-31")
        if self.borrowed_date >= self.today:
            day_zh, day_en = wording.date(self.today, "zh"), wording.date(self.today, "en")
            raise InputError("borrowed_date", f"借到钱的日期要早于对方要钱的日期（{day_zh}），请检查日期",
                             f"The date you got the money must be before the date of the demand ({day_en}); "
                             "check the date")
        if self.demanded < self.borrowed:
            raise InputError("demanded", "对方要的比借到手的还少：这里算的是对方多要了多少。如果你已经还过一部分，"
                             "这个算法不适用；请填对方现在一共要你还的钱",
                             "They demand less than you borrowed: this works out how much more they ask "
                             "for. If you have already repaid part, it does not apply; enter the whole sum "
                             "they now demand")

    @property
    def has_rate(self) -> bool:
        """A rate the penalty interest can be worked out from: the contract's, or the penalty rate stated."""
        return self.daily_rate is not None or self.annual_rate is not None or self.penalty_daily_rate is not None

    @property
    def has_demand(self) -> bool:
        return self.demanded is not None

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
class Demand:
    """What they demand, against what was borrowed: the implied yearly cost and the lines it meets."""
    days: int  # from the date borrowed to the day of the demand
    extra: Decimal  # demanded − borrowed
    rate: Decimal  # percent a year, simple, on 365 days; unrounded
    lines: tuple[lines.Line, ...]  # compared with the date borrowed as the contract date


@dataclass(frozen=True)
class Result:
    inputs: Inputs
    # Without a rate (``inputs.has_rate`` false) the charges cannot be worked out: every field from
    # contract_daily to annualized_rate is None (contract_daily also when only a penalty rate is given),
    # growth and lines are empty and step is "".
    contract_daily: Decimal | None  # percent a day, unrounded
    penalty_daily: Decimal | None  # percent a day, unrounded
    penalty_interest: Decimal | None
    compound_interest: Decimal | None
    late_fee: Decimal
    total_extra: Decimal | None
    total_owed: Decimal | None
    annualized_rate: Decimal | None  # percent a year, unrounded
    step: str  # "day" or "month": the spacing of the growth series
    growth: tuple[Point, ...]
    lines: tuple[lines.Line, ...]  # the charges' yearly rate against the lines
    demand: Demand | None = None


def read_form(form: Mapping[str, object], today: dt.date | None = None) -> Inputs:
    """Inputs from a form of text values.

    An optional field left out of the form is "not given" (``fields.not_given``), except two that
    the page shows filled in, as values the reader sees and changes: the contract's daily rate
    (0.05, said to be an example in its help) and the penalty markup (the bank rule's high end,
    figures.toml). A daily rate cleared, with no annual rate, is a message on that field (unless
    only what they demand is checked), never a hidden 0.05. An empty ``today`` becomes ``today``
    (the caller's clock), else the computer's date.

    >>> read_form({}).daily_rate, read_form({"daily_rate": "", "annual_rate": "18"}).daily_rate
    (Decimal('0.05'), None)
    """
    values = fields.read_all(FIELDS, fields.not_given(_NOT_GIVEN, form))
    if values["today"] is None:
        values["today"] = today or dt.date.today()
    return Inputs(**values)


_NOT_GIVEN = tuple(f for f in FIELDS if f.name not in ("penalty_markup", "daily_rate"))


def penalty_rate(inputs: Inputs) -> tuple[Decimal, Decimal]:
    """The penalty daily rate as an exact fraction ``(numerator, denominator)``.

    ``daily × (100 + markup) / 10000``, ``annual × (100 + markup) / (basis × 10000)``
    or ``penalty daily / 100``; kept as a pair so no division happens before the
    charge is computed.

    >>> penalty_rate(read_form({"daily_rate": "0.05", "penalty_markup": "50"}))
    (Decimal('7.50'), Decimal('10000'))
    >>> penalty_rate(read_form({"daily_rate": "", "annual_rate": "18", "day_basis": "365"}))
    (Decimal('2700'), Decimal('3650000'))
    """
    if inputs.penalty_daily_rate is not None:
        return inputs.penalty_daily_rate, HUNDRED
    if not inputs.has_rate:
        raise ValueError("no rate: the penalty interest cannot be worked out")
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


def demand_rate(borrowed: Decimal, demanded: Decimal, days: int) -> Decimal:
    """The implied yearly cost of a demand: ``(demanded − borrowed) ÷ borrowed ÷ days × 365 × 100``.

    >>> demand_rate(Decimal("10000"), Decimal("13500"), 730).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    Decimal('17.50')
    """
    with localcontext() as ctx:
        ctx.prec = 40
        return (demanded - borrowed) * DEMAND_YEAR_DAYS * HUNDRED / (borrowed * days)


DEMAND_YEAR_DAYS = 365  # the demand's rate is annualised on a calendar year


def demand_of(inputs: Inputs) -> Demand | None:
    """What they demand, as a yearly cost against the lines; None when not asked."""
    if not inputs.has_demand:
        return None
    days = (inputs.today - inputs.borrowed_date).days
    rate = demand_rate(inputs.borrowed, inputs.demanded, days)
    return Demand(days, inputs.demanded - inputs.borrowed, rate,
                  tuple(lines.compare(rate, inputs.borrowed_date, inputs.lender)))


def calculate(inputs: Inputs) -> Result:
    """The charges for the days overdue, their growth, and the cost lines they meet; and what they demand."""
    fee = late_fee(inputs)
    demand = demand_of(inputs)
    if not inputs.has_rate:
        return Result(inputs=inputs, contract_daily=None, penalty_daily=None, penalty_interest=None,
                      compound_interest=None, late_fee=fee, total_extra=None, total_owed=None,
                      annualized_rate=None, step="", growth=(), lines=(), demand=demand)
    rate = penalty_rate(inputs)
    base = inputs.overdue_amount

    def charges(days: int) -> tuple[Decimal, Decimal]:
        penalty = accrued(inputs.overdue_principal, rate, days)
        compound = accrued(inputs.interest, rate, days) if inputs.compound else ZERO
        return penalty, compound

    # charges(day) for each day of the series: accrued's steps in one context for them all, the
    # products that do not change with the day worked out once
    days = growth_days(inputs.days_overdue)
    numerator, denominator = rate
    with localcontext() as ctx:
        ctx.prec = _PREC
        per_day = inputs.overdue_principal * numerator
        penalties = [round_money(per_day * day / denominator) for day in days]
        if inputs.compound:
            per_day = inputs.interest * numerator
            compounds = [round_money(per_day * day / denominator) for day in days]
        else:
            compounds = [ZERO] * len(days)
    growth = []
    for day, penalty, compound in zip(days, penalties, compounds, strict=True):
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
        elif inputs.annual_rate is not None:
            contract_daily = inputs.annual_rate / inputs.basis
        else:  # only the penalty rate the contract states
            contract_daily = None
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
        demand=demand,
    )


def _daily_text(value: Decimal) -> str:
    """A daily percent with four decimals."""
    return percent_text(value, 4)


def _or_none(value: Decimal | None, text) -> str | None:
    return None if value is None else text(value)


def to_dict(result: Result) -> dict:
    """The result as JSON-ready text: money with two decimals, rates in percent. Without a rate the
    charges are null (``"penalty_interest": null`` ...) and ``growth`` and ``lines`` empty; ``demand``
    is null unless the reader asked what they demand."""
    i = result.inputs
    cd = result.contract_daily
    pd = result.penalty_daily
    out = {
        "penalty_interest": _or_none(result.penalty_interest, money_text),
        "compound_interest": _or_none(result.compound_interest, money_text),
        "late_fee": money_text(result.late_fee),
        "total_extra": _or_none(result.total_extra, money_text),
        "total_owed": _or_none(result.total_owed, money_text),
        "overdue_amount": money_text(i.overdue_amount),
        "annualized_rate": _or_none(result.annualized_rate, percent_text),
        "contract_daily_rate": _or_none(cd, _daily_text),
        "contract_annual_rate": None if cd is None else percent_text(cd * i.basis),
        "penalty_daily_rate": _or_none(pd, _daily_text),
        "penalty_annual_rate": None if pd is None else percent_text(pd * i.basis),
        "days_overdue": i.days_overdue,
        "day_basis": i.basis,
        "step": result.step,
        "growth": [
            {"day": p.day, "extra_cost": money_text(p.extra), "total_owed": money_text(p.owed)}
            for p in result.growth
        ],
        "lines": lines.to_list(list(result.lines)),
        "demand_rate": None,
        "demand": None,
    }
    d = result.demand
    if d is not None:
        # rounded once, for display: 2 places, half up (never negative: demanded ≥ borrowed)
        out["demand_rate"] = f"{d.rate.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):.2f}"
        out["demand"] = {
            "borrowed": money_text(i.borrowed),
            "demanded": money_text(i.demanded),
            "extra": money_text(d.extra),
            "days": d.days,
            "rate": out["demand_rate"],
            "lines": lines.to_list(list(d.lines)),
        }
    return out
