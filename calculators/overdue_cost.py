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
from . import render as ui
from .chart import line_chart
from .fields import Field
from .money import HUNDRED, ZERO, InputError, grouped, money_text, percent_text, plain, round_money

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
    Field("penalty_markup", "rate", "罚息比合同利率加收", "Penalty rate: markup on the contract rate",
          unit="percent", default=_MARKUP["high"], high=MARKUP_HIGH, required=False,
          help_zh=f"逾期后一般按比合同利率更高的罚息利率计息。银行贷款通常加收 {_MARKUP['low']}% 到 "
                  f"{_MARKUP['high']}%：{_MARKUP['high']} 表示罚息利率是合同利率的 "
                  f"{plain(1 + Decimal(_MARKUP['high']) / 100)} 倍。合同直接写了罚息日利率的，清空这里，填下一项",
          help_en=f"After the due date, interest usually runs at a higher penalty rate. Bank loans add "
                  f"{_MARKUP['low']}% to {_MARKUP['high']}%: {_MARKUP['high']} means the penalty rate is "
                  f"{plain(1 + Decimal(_MARKUP['high']) / 100)} times the contract rate. If the contract "
                  "states a penalty daily rate, clear this and fill in the next field", advanced=True),
    Field("penalty_daily_rate", "rate", "合同写明的罚息日利率", "Penalty daily rate stated in the contract",
          unit="percent", per="day", high=DAILY_HIGH, required=False,
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
    Field("late_fee_percent", "rate", "违约金（逾期金额的百分之几）", "Late fee, a percent of the overdue amount",
          unit="percent", high=FEE_PERCENT_HIGH, required=False,
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
)

# Percent fields that are not a rate per year, month or day: money.parse_rate's
# messages would call them an annual rate, so they get their own words here. The
# penalty daily rate has no default, and parse_rate's fallback example (4.9) is
# absurd as a daily rate, so it gets its own words too.
_PERCENT_MESSAGES = {
    "penalty_daily_rate": (
        f"请输入罚息日利率的百分数，0 到 {plain(DAILY_HIGH)} 之间，例如 0.1（表示每天 0.1%）",
        f"Enter the penalty daily rate in percent, from 0 to {plain(DAILY_HIGH)}, such as 0.1 "
        "(meaning 0.1% a day)",
    ),
    "penalty_markup": (
        f"请输入 0 到 {plain(MARKUP_HIGH)} 之间的百分数，例如 {_MARKUP['high']}（表示加收 {_MARKUP['high']}%）",
        f"Enter a percent from 0 to {plain(MARKUP_HIGH)}, such as {_MARKUP['high']} "
        f"(meaning {_MARKUP['high']}% more)",
    ),
    "late_fee_percent": (
        f"请输入 0 到 {plain(FEE_PERCENT_HIGH)} 之间的百分数，例如 5（表示 5%）",
        f"Enter a percent from 0 to {plain(FEE_PERCENT_HIGH)}, such as 5 (meaning 5%)",
    ),
}


def _reworded(err: InputError) -> InputError:
    if err.field in _PERCENT_MESSAGES:
        return InputError(err.field, *_PERCENT_MESSAGES[err.field])
    return err


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

    def __post_init__(self) -> None:
        try:
            fields.check(FIELDS, self)
        except InputError as err:
            raise _reworded(err) from None
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
    try:
        values = fields.read_all(FIELDS, form)
    except InputError as err:
        raise _reworded(err) from None
    return Inputs(**values)


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
        lines=tuple(lines.compare(yearly, inputs.contract_date)),
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


def _daily_shown(value: Decimal, lang: str) -> tuple[str, str]:
    """A daily percent for reading: (``"约"``/``"about "`` when rounded, the figure).

    >>> _daily_shown(Decimal("0.0750"), "zh"), _daily_shown(Decimal(18) / 365, "en")
    (('', '0.075'), ('about ', '0.0493'))
    """
    shown = Decimal(_daily_text(value))
    return ("" if shown == value else ui.t(lang, "约", "about ")), plain(shown)


def render(result: Result, lang: str, data: dict | None = None) -> str:
    """The result as an HTML fragment in the reader's language."""
    t = ui.t
    d = data if data is not None else to_dict(result)
    i = result.inputs
    days, basis = i.days_overdue, i.basis
    money = ui.money_display
    about_pd, pd = _daily_shown(result.penalty_daily, lang)
    about_cd, cd = _daily_shown(result.contract_daily, lang)
    pd, cd = f"{pd}%", f"{cd}%"
    items = [
        ui.figure("total_extra", t(lang, f"逾期 {days} 天多出的费用", f"Extra cost of {days} days late"),
                  d["total_extra"], money(result.total_extra, lang),
                  t(lang, "罚息 + 复利 + 违约金", "penalty interest + compound interest + late fee")),
        ui.figure("total_owed", t(lang, "到那天一共欠", "Total owed by then"), d["total_owed"],
                  money(result.total_owed, lang),
                  t(lang, f"逾期本金和未还利息 {grouped(i.overdue_amount)} 元，加上逾期费用",
                    f"¥{grouped(i.overdue_amount)} overdue principal and interest, plus the extra cost")),
        ui.figure("penalty_interest", t(lang, "罚息", "Penalty interest"), d["penalty_interest"],
                  money(result.penalty_interest, lang),
                  t(lang, f"罚息日利率{about_pd} {pd}", f"penalty rate {about_pd}{pd} a day")),
        ui.figure("annualized_rate", t(lang, "逾期费用折合年化", "The extra cost as a yearly rate"),
                  d["annualized_rate"], ui.percent_display(result.annualized_rate),
                  t(lang, f"逾期费用 ÷ 逾期金额 ÷ 天数 × {basis}", f"extra cost ÷ amount overdue ÷ days × {basis}")),
    ]
    if i.compound:
        items.append(ui.figure("compound_interest", t(lang, "复利", "Compound interest"), d["compound_interest"],
                               money(result.compound_interest, lang)))
    if result.late_fee:
        items.append(ui.figure("late_fee", t(lang, "违约金", "Late fee"), d["late_fee"],
                               money(result.late_fee, lang)))

    explain = []
    # the penalty daily rate as written in the formulas: exact, so the sums check by hand
    rate_expr = pd
    if i.penalty_daily_rate is not None:
        rate_expr = f"{plain(i.penalty_daily_rate)}%"
        origin_zh = f"罚息日利率按合同写明的 {rate_expr} 计算"
        origin_en = f"The penalty rate is the {rate_expr} a day the contract states"
    else:
        markup = plain(i.penalty_markup)
        if i.annual_rate is not None:
            if about_pd:
                rate_expr = f"{plain(i.annual_rate)}% × (1 + {markup}%) ÷ {basis}"
            origin_zh = (f"合同年利率 {plain(i.annual_rate)}% ÷ {basis} 天，日利率{about_cd} {cd}，"
                         f"加收 {markup}% 后罚息日利率{about_pd} {pd}")
            origin_en = (f"The contract's {plain(i.annual_rate)}% a year ÷ {basis} days is {about_cd}{cd} a "
                         f"day; {markup}% more makes a penalty rate of {about_pd}{pd} a day")
        else:
            if about_pd:
                rate_expr = f"{plain(i.daily_rate)}% × (1 + {markup}%)"
            origin_zh = f"合同日利率 {cd} 加收 {markup}% 后，罚息日利率{about_pd} {pd}"
            origin_en = f"The contract's {cd} a day plus {markup}% makes a penalty rate of {about_pd}{pd} a day"
    explain.append(t(
        lang,
        f"{origin_zh}。罚息 = 逾期本金 {grouped(i.overdue_principal)} 元 × {rate_expr} × {days} 天 = "
        f"{grouped(result.penalty_interest)} 元。这里的罚息按整个罚息利率计算，逾期这些天不另算合同利息。",
        f"{origin_en}. Penalty interest = ¥{grouped(i.overdue_principal)} overdue principal × {rate_expr} × "
        f"{days} days = ¥{grouped(result.penalty_interest)}. It is worked out at the whole penalty rate, "
        "with no ordinary contract interest on top for the same days.",
    ))
    if i.penalty_markup is not None:
        explain.append(t(
            lang,
            f"银行贷款的罚息利率一般是在合同利率上加收 {_MARKUP['low']}% 到 {_MARKUP['high']}%"
            f"（{_MARKUP['source_zh']}）。网贷平台按各自合同收，可以对照合同里“逾期”“罚息”的条款。",
            f"For bank loans the penalty rate is usually the contract rate plus {_MARKUP['low']}% to "
            f"{_MARKUP['high']}% ({_MARKUP['source_en']}). Online lenders charge what their own contracts "
            "say: look for the clauses on being overdue and on penalty interest.",
        ))
    if i.compound:
        explain.append(t(
            lang,
            f"复利 = 未还利息 {grouped(i.interest)} 元 × {rate_expr} × {days} 天 = "
            f"{grouped(result.compound_interest)} 元。",
            f"Compound interest = ¥{grouped(i.interest)} unpaid interest × {rate_expr} × {days} days = "
            f"¥{grouped(result.compound_interest)}.",
        ))
    elif i.interest:
        explain.append(t(
            lang,
            "你选了不计复利：未还的利息本身不再产生罚息。",
            "You chose no compound interest: the unpaid interest does not itself bear penalty interest.",
        ))
    if result.late_fee:
        parts_zh, parts_en = [], []
        if i.late_fee_fixed:
            parts_zh.append(f"固定 {grouped(i.late_fee_fixed)} 元")
            parts_en.append(f"a fixed ¥{grouped(i.late_fee_fixed)}")
        if i.late_fee_percent is not None:
            floor_zh = f"，最低 {grouped(i.late_fee_minimum)} 元" if i.late_fee_minimum else ""
            floor_en = f", at least ¥{grouped(i.late_fee_minimum)}" if i.late_fee_minimum else ""
            parts_zh.append(f"逾期金额 {grouped(i.overdue_amount)} 元的 {plain(i.late_fee_percent)}%{floor_zh}")
            parts_en.append(f"{plain(i.late_fee_percent)}% of the ¥{grouped(i.overdue_amount)} "
                            f"overdue{floor_en}")
        explain.append(t(
            lang,
            f"违约金：{' 加 '.join(parts_zh)}，共 {grouped(result.late_fee)} 元。这里按逾期后收一次计算，"
            "从逾期第一天起就算在费用里。",
            f"Late fee: {' plus '.join(parts_en)}, ¥{grouped(result.late_fee)} in all. It is counted as "
            "charged once, from the first day late.",
        ))
    explain.append(t(
        lang,
        "罚息和复利都按整个逾期期间一次算出，最后四舍五入到分；违约金也只取整一次。平台如果每天记账、每天取整，"
        "结果可能和这里差几分钱。",
        "Penalty and compound interest are each worked out over the whole period and rounded to the fen "
        "once, at the end; the late fee is rounded once too. A lender that posts and rounds every day may "
        "differ by a few fen.",
    ))
    rate_note_zh = f"按日利率计息时，一年按 {basis} 天只用来换算年化。" if i.daily_rate is not None else ""
    rate_note_en = (f" With a daily rate, the {basis}-day year is used only to turn it into a yearly figure."
                    if i.daily_rate is not None else "")
    explain.append(t(
        lang,
        f"折合年化 = 逾期费用 {grouped(result.total_extra)} 元 ÷ 逾期金额 {grouped(i.overdue_amount)} 元 ÷ "
        f"{days} 天 × {basis} = {d['annualized_rate']}%。它只算逾期后多出来的费用，不含逾期前的利息。{rate_note_zh}",
        f"As a yearly rate: ¥{grouped(result.total_extra)} extra cost ÷ ¥{grouped(i.overdue_amount)} overdue "
        f"÷ {days} days × {basis} = {d['annualized_rate']}%. It counts only what being late adds, not the "
        f"interest from before the due date.{rate_note_en}",
    ))
    explain += lines.explain(result.annualized_rate, list(result.lines), lang)
    explain.append(t(
        lang,
        "违约金过分高于实际损失的，可以请求法院或者仲裁机构适当减少（《民法典》第五百八十五条）。"
        "银行、消费金融公司、小额贷款公司等持牌机构收的罚息、复利、违约金和其他费用，"
        "法院会和利息加在一起，对照上面的年化成本线来衡量是否过高。",
        "If a late fee is far above the lender's actual loss, you can ask a court or an arbitration body to "
        "reduce it (Civil Code art. 585). For licensed lenders such as banks, consumer-finance and "
        "micro-loan companies, courts add penalty interest, compound interest, late fees and other charges "
        "to the interest and weigh the total against the yearly cost lines above.",
    ))

    chart_days = [0] + [p.day for p in result.growth]
    chart = line_chart(
        t(lang, "逾期费用随天数增长", "Extra cost as the days go by"),
        [(t(lang, "已产生的逾期费用", "Extra cost so far"), [ZERO] + [p.extra for p in result.growth])],
        [t(lang, f"第{day}天", f"day {day}") for day in chart_days],
        lang,
    )
    columns = [
        ("day", t(lang, "逾期天数", "Days overdue")),
        ("extra_cost", t(lang, "已产生的逾期费用", "Extra cost so far")),
        ("total_owed", t(lang, "一共欠", "Total owed")),
    ]
    rows = [[str(row[k]) for k, _ in columns] for row in d["growth"]]
    caption = (t(lang, "逾期费用逐日变化", "Extra cost day by day") if result.step == "day" else
               t(lang, f"逾期费用每 {MONTH_DAYS} 天（约一个月）的变化",
                 f"Extra cost every {MONTH_DAYS} days (about a month)"))
    return ui.result(
        lang,
        ui.figures(items),
        ui.notes(explain),
        chart,
        ui.table("growth", columns, rows, caption, lang, [True] * len(columns)),
    )
