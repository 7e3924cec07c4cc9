"""negotiation: what each thing a borrower can ask for (协商还款) would cost.

The debt today is ``D = P + I + F``: overdue principal ``P``, unpaid interest
``I`` and penalties so far ``F``. With ``r = annual % ÷ 12 ÷ 100`` a month, five
options side by side:

1. pay in full now: one payment of ``D``.
2. extension (展期) of ``n`` months: interest goes on at the contract rate on
   the principal only, ``P·r·n`` rounded once (the bullet convention of
   ``repayment.py``); everything, the interest and penalties so far included,
   is due in one payment at the end: ``D + P·r·n``.
3. re-instalment over ``n`` months at an annual rate (the contract rate if
   left empty): ``D`` (or ``P + I`` when the penalties are waived) repaid
   等额本息 with ``repayment.level_payment``; each month's interest on the
   balance rounded to the fen, the last payment settles the rest.
4. interest frozen (停息挂账-style): ``D`` split into ``n`` parts of ``D ÷ n``
   rounded to the fen; the last part settles the residue, so the parts add up
   to ``D`` exactly.
5. stay overdue ``d`` more days: penalty interest ``P × penalty % ÷ 100 × d ÷
   basis`` (basis 360 or 365 days, rounded once), nothing paid meanwhile; to
   clear it then takes ``D`` plus that.

For each: the first month's payment (and the later one if it differs), how
long, the total paid, the extra cost ``total − D`` (below zero when penalties
are waived), and whether every payment fits the monthly amount the borrower
can afford. The headline is the cheapest of options 1–4 that fits.

Worked example: 10,000 principal, 600 unpaid interest, 400 penalties, 18 % a
year, 1,000 a month affordable. Re-instalment over 12 months costs 1,008.48 a
month (over budget); with the penalties waived, 971.81 (within budget):

>>> form = {"principal": "10000", "interest": "600", "penalties": "400", "annual_rate": "18",
...         "affordable": "1000"}
>>> r = calculate(read_form(form))
>>> [(o.key, o.first, o.total_paid, o.fits) for o in r.options]  # doctest: +NORMALIZE_WHITESPACE
[('pay_now', Decimal('11000'), Decimal('11000'), False),
 ('extension', Decimal('0'), Decimal('11900.00'), False),
 ('reinstalment', Decimal('1008.48'), Decimal('12101.76'), False),
 ('frozen', Decimal('305.56'), Decimal('11000.00'), True),
 ('stay_overdue', Decimal('0'), Decimal('11225.00'), False)]
>>> r.best, calculate(read_form({**form, "waive_penalties": "yes"})).options[2].first
('frozen', Decimal('971.81'))
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from . import fields, figures
from . import render as ui
from .chart import line_chart
from .fields import Field
from .money import (
    MAX_AMOUNT,
    ZERO,
    InputError,
    grouped,
    money_text,
    percent_text,
    plain,
    round_money,
)
from .repayment import level_payment

SLUG = "negotiation"
TITLE = {"zh": "协商还款方案比较", "en": "Compare what you can ask for"}

MAX_MONTHS = 60  # the longest plan any field takes (5 years)
MAX_DAYS = 730  # two years of staying overdue

BASES = (
    ("360", "一年按 360 天", "360-day year"),
    ("365", "一年按 365 天", "365-day year"),
)

# The options in the order they are shown; ties for "cheapest" go to the earlier one.
OPTIONS = ("pay_now", "extension", "reinstalment", "frozen", "stay_overdue")
PLANS = OPTIONS[:4]  # the options that settle the debt by agreement


def _penalty_markup() -> Decimal:
    """The markup over the contract rate used when no penalty rate is typed (percent)."""
    return Decimal(figures.entry("bank_penalty_markup")["high"])


FIELDS = (
    Field("principal", "money", "逾期本金", "Overdue principal", unit="yuan", default="10000",
          help_zh="还没还的借款本金，不含利息和罚息。可以在借款 App 的账单或合同里找到",
          help_en="The part of the loan itself still unpaid, without interest or penalties. "
                  "Your loan app's bill or the contract shows it"),
    Field("interest", "money", "没还的利息", "Unpaid interest", unit="yuan", low=0, required=False,
          help_zh="到今天为止欠下、还没还的利息；没有或不清楚就留空",
          help_en="Interest owed up to today and not yet paid; leave empty if none or not sure"),
    Field("penalties", "money", "已经产生的罚息和违约金", "Penalties so far", unit="yuan", low=0,
          required=False,
          help_zh="逾期以来已经算出的罚息、违约金等；没有就留空",
          help_en="Penalty interest and late charges added since the loan fell overdue; leave empty if none"),
    Field("annual_rate", "rate", "合同年利率", "Contract annual rate", unit="percent", default="18",
          help_zh="合同写的年利率，例如 18 表示 18%；日利率 0.05% 约等于年利率 18%",
          help_en="The annual rate in the contract: 18 means 18%. A daily 0.05% is about 18% a year"),
    Field("penalty_rate", "rate", "罚息年利率", "Penalty annual rate", unit="percent", required=False,
          help_zh=f"逾期后按多少年利率计罚息。留空就按合同年利率上浮 {plain(_penalty_markup())}% 估算，"
                  "以合同写的为准",
          help_en=f"The yearly rate charged on overdue money. Leave empty to estimate it as the contract "
                  f"rate plus {plain(_penalty_markup())}%; your contract is what counts", advanced=True),
    Field("day_basis", "choice", "罚息按一年多少天算", "Days in a year for penalties", default="360",
          choices=BASES,
          help_zh="日利率 = 年利率 ÷ 360 还是 ÷ 365，看合同怎么写；看不出来就用默认的 360",
          help_en="Whether the daily rate is the annual rate ÷ 360 or ÷ 365, as the contract says; "
                  "keep 360 if you cannot tell", advanced=True),
    Field("affordable", "money", "每月最多能还", "Most you can pay a month", unit="yuan", default="1000",
          low=0,
          help_zh="留出房租、吃饭、交通等必需开支以后，每个月真正能拿出来还这笔钱的金额",
          help_en="What you can really set aside for this debt each month after rent, food, transport "
                  "and other essentials"),
    Field("extension_months", "count", "展期几个月", "Extension: months", unit="months", default="6",
          low=1, high=MAX_MONTHS,
          help_zh="请对方把还款日往后推几个月（1 到 60），到期一次还清",
          help_en="How many months to push the due date back (1 to 60); everything is due at the end", advanced=True),
    Field("reinstal_months", "count", "重新分期：分几期", "Re-instalment: months", unit="months",
          default="12", low=1, high=MAX_MONTHS,
          help_zh="把欠款重新分成几个月还（1 到 60），每月还款额相同",
          help_en="Over how many months to repay the debt again (1 to 60), the same payment each month", advanced=True),
    Field("reinstal_rate", "rate", "重新分期：年利率", "Re-instalment: annual rate", unit="percent",
          required=False,
          help_zh="重新分期按多少年利率计息；留空就按合同年利率，谈到免息就填 0",
          help_en="The annual rate for the new instalments; leave empty for the contract rate, "
                  "enter 0 if it is interest-free", advanced=True),
    Field("waive_penalties", "yesno", "重新分期时免除罚息", "Penalties waived in the re-instalment",
          default="no",
          help_zh="如果对方同意免掉已经产生的罚息，重新分期只还本金和利息",
          help_en="If the lender agrees to drop the penalties so far, the instalments cover only the "
                  "principal and interest", advanced=True),
    Field("frozen_months", "count", "停息分期：分几期", "Interest frozen: equal parts", unit="months",
          default="36", low=1, high=MAX_MONTHS,
          help_zh="不再计息、把欠款平均分成几个月还（1 到 60）",
          help_en="Over how many months to split the debt into equal parts with no more interest (1 to 60)", advanced=True),
    Field("overdue_days", "count", "继续逾期几天", "Days more overdue", unit="days", default="30",
          low=1, high=MAX_DAYS,
          help_zh="如果先不还，再拖多少天（1 到 730），看看要多付多少",
          help_en="If you pay nothing for now, how many more days (1 to 730), to see what it adds", advanced=True),
)


@dataclass(frozen=True)
class Inputs:
    principal: Decimal
    annual_rate: Decimal
    affordable: Decimal
    interest: Decimal | None = None
    penalties: Decimal | None = None
    penalty_rate: Decimal | None = None
    day_basis: str = "360"
    extension_months: int = 6
    reinstal_months: int = 12
    reinstal_rate: Decimal | None = None
    waive_penalties: bool = False
    frozen_months: int = 36
    overdue_days: int = 30

    def __post_init__(self) -> None:
        fields.check(FIELDS, self)
        if self.debt > MAX_AMOUNT:
            raise InputError(
                "principal",
                f"本金、利息和罚息加起来超过了 {MAX_AMOUNT:,} 元，请检查是否多输了一个 0",
                f"Principal, interest and penalties together come to more than ¥{MAX_AMOUNT:,}; "
                "check for an extra zero",
            )

    @property
    def debt(self) -> Decimal:
        """``P + I + F``: everything owed today."""
        return self.principal + (self.interest or ZERO) + (self.penalties or ZERO)


@dataclass(frozen=True)
class Row:
    """One month of a schedule; ``balance`` is what is left after the payment."""

    period: int
    payment: Decimal
    principal: Decimal
    interest: Decimal
    balance: Decimal


@dataclass(frozen=True)
class Option:
    key: str
    first: Decimal  # the first month's payment (0 when nothing is due at first)
    last: Decimal  # the last payment
    largest: Decimal  # the biggest single payment: what has to fit the budget
    months: int  # 0: now (pay in full) or counted in days (stay overdue)
    days: int  # stay overdue only
    total_paid: Decimal
    extra_cost: Decimal  # total_paid − the debt today
    fits: bool


@dataclass(frozen=True)
class Result:
    inputs: Inputs
    debt: Decimal
    penalty_rate: Decimal  # percent a year, as used
    reinstal_rate: Decimal  # percent a year, as used
    day_basis: int
    options: tuple[Option, ...]
    reinstal_rows: tuple[Row, ...]
    frozen_rows: tuple[Row, ...]
    extension_interest: Decimal
    delay_cost: Decimal
    growth: tuple[Decimal, ...]  # owed on day 0..d if it stays overdue
    best: str | None  # the cheapest plan that fits, or None
    needed_monthly: Decimal  # the smallest monthly amount that makes some plan fit
    needed_option: str
    parts_needed: int | None  # equal interest-free parts that would fit the budget


def read_form(form: Mapping[str, object]) -> Inputs:
    """Inputs from a form of text values (what a page or a terminal sends)."""
    return Inputs(**fields.read_all(FIELDS, form))


def level_schedule(principal: Decimal, monthly_rate: Decimal, months: int) -> tuple[Row, ...]:
    """A 等额本息 schedule as ``repayment.py`` builds it: payment from
    ``level_payment``; each month interest = balance × r rounded to the fen, the
    rest of the payment is principal; the last payment settles what is left.

    >>> rows = level_schedule(Decimal(1000), Decimal(1) / 100, 3)
    >>> [(x.payment, x.interest, x.balance) for x in rows]  # doctest: +NORMALIZE_WHITESPACE
    [(Decimal('340.02'), Decimal('10.00'), Decimal('669.98')),
     (Decimal('340.02'), Decimal('6.70'), Decimal('336.66')),
     (Decimal('340.03'), Decimal('3.37'), Decimal('0.00'))]
    """
    payment = level_payment(principal, monthly_rate, months)
    balance = principal
    rows = []
    for month in range(1, months + 1):
        interest = round_money(balance * monthly_rate)
        part = balance if month == months else min(max(payment - interest, ZERO), balance)
        balance -= part
        rows.append(Row(month, part + interest, part, interest, balance))
    return tuple(rows)


def equal_parts(debt: Decimal, parts: int) -> tuple[Row, ...]:
    """``debt`` in ``parts`` interest-free parts of ``debt ÷ parts`` rounded to the
    fen (never more than what is left); the last part settles the residue.

    >>> [x.payment for x in equal_parts(Decimal(100), 3)]
    [Decimal('33.33'), Decimal('33.33'), Decimal('33.34')]
    """
    even = round_money(debt / parts)
    balance = debt
    rows = []
    for month in range(1, parts + 1):
        part = balance if month == parts else min(even, balance)
        balance -= part
        rows.append(Row(month, part, part, ZERO, balance))
    return tuple(rows)


def delay_cost(principal: Decimal, penalty_rate: Decimal, days: int, basis: int) -> Decimal:
    """Penalty interest for ``days`` on the principal: ``P × rate ÷ 100 × days ÷
    basis``, rounded once.

    >>> delay_cost(Decimal(10000), Decimal(27), 30, 360)
    Decimal('225.00')
    """
    return round_money(principal * penalty_rate * days / (100 * basis))


def _from_rows(key: str, rows: tuple[Row, ...], debt: Decimal, affordable: Decimal) -> Option:
    total = sum((x.payment for x in rows), ZERO)
    largest = max(x.payment for x in rows)
    return Option(key, rows[0].payment, rows[-1].payment, largest, len(rows), 0, total,
                  total - debt, largest <= affordable)


def _parts_needed(debt: Decimal, affordable: Decimal) -> int | None:
    """The fewest equal interest-free parts (at most 60) whose largest fits, or None."""
    if affordable <= ZERO:
        return None
    whole, rest = divmod(debt, affordable)
    start = max(1, int(whole) + (1 if rest else 0))  # debt ÷ affordable, rounded up
    for parts in range(start, MAX_MONTHS + 1):
        if max(x.payment for x in equal_parts(debt, parts)) <= affordable:
            return parts
    return None


def calculate(inputs: Inputs) -> Result:
    """Every option's payments and totals, and the cheapest plan that fits the budget."""
    i = inputs
    debt = i.debt
    afford = i.affordable
    r = i.annual_rate / 1200
    penalty_rate = i.penalty_rate
    if penalty_rate is None:
        penalty_rate = i.annual_rate * (100 + _penalty_markup()) / 100
    reinstal_rate = i.annual_rate if i.reinstal_rate is None else i.reinstal_rate
    basis = int(i.day_basis)

    pay_now = Option("pay_now", debt, debt, debt, 0, 0, debt, ZERO, debt <= afford)

    n = i.extension_months
    ext_interest = round_money(i.principal * r * n)
    lump = debt + ext_interest
    extension = Option("extension", lump if n == 1 else ZERO, lump, lump, n, 0, lump, ext_interest,
                       lump <= afford)

    base = debt - (i.penalties or ZERO) if i.waive_penalties else debt
    reinstal_rows = level_schedule(base, reinstal_rate / 1200, i.reinstal_months)
    reinstal = _from_rows("reinstalment", reinstal_rows, debt, afford)

    frozen_rows = equal_parts(debt, i.frozen_months)
    frozen = _from_rows("frozen", frozen_rows, debt, afford)

    d = i.overdue_days
    cost = delay_cost(i.principal, penalty_rate, d, basis)
    stay = Option("stay_overdue", ZERO, debt + cost, debt + cost, 0, d, debt + cost, cost,
                  debt + cost <= afford)
    growth = tuple(debt + delay_cost(i.principal, penalty_rate, day, basis) for day in range(d + 1))

    options = (pay_now, extension, reinstal, frozen, stay)
    plans = [o for o in options if o.key in PLANS]
    fitting = [o for o in plans if o.fits]
    best = min(fitting, key=lambda o: o.total_paid).key if fitting else None
    needed = min(plans, key=lambda o: o.largest)
    return Result(
        inputs=i,
        debt=debt,
        penalty_rate=penalty_rate,
        reinstal_rate=reinstal_rate,
        day_basis=basis,
        options=options,
        reinstal_rows=reinstal_rows,
        frozen_rows=frozen_rows,
        extension_interest=ext_interest,
        delay_cost=cost,
        growth=growth,
        best=best,
        needed_monthly=needed.largest,
        needed_option=needed.key,
        parts_needed=_parts_needed(debt, afford),
    )


def _option(result: Result, key: str) -> Option:
    return next(o for o in result.options if o.key == key)


def _rows_dict(rows: tuple[Row, ...], interest: bool) -> list[dict]:
    out = []
    for x in rows:
        item = {"period": x.period, "payment": money_text(x.payment)}
        if interest:
            item.update(principal=money_text(x.principal), interest=money_text(x.interest))
        item["balance"] = money_text(x.balance)
        out.append(item)
    return out


def to_dict(result: Result) -> dict:
    """The result as JSON-ready text: money with two decimals, rates in percent."""
    options = [
        {
            "option": o.key,
            "monthly": money_text(o.first),
            "last_payment": money_text(o.last),
            "largest_payment": money_text(o.largest),
            "months": o.months,
            "days": o.days,
            "total_paid": money_text(o.total_paid),
            "extra_cost": money_text(o.extra_cost),
            "fits": o.fits,
        }
        for o in result.options
    ]
    out = {
        "debt": money_text(result.debt),
        "options": options,
        "best_option": result.best or "none",
    }
    if result.best:
        best = _option(result, result.best)
        out.update(
            best_monthly=money_text(best.first),
            best_total_paid=money_text(best.total_paid),
            best_extra_cost=money_text(best.extra_cost),
        )
    out.update(
        needed_monthly=money_text(result.needed_monthly),
        needed_option=result.needed_option,
        frozen_parts_needed=result.parts_needed,
        delay_cost=money_text(result.delay_cost),
        extension_interest=money_text(result.extension_interest),
        penalty_rate=percent_text(result.penalty_rate),
        reinstal_rate=percent_text(result.reinstal_rate),
        day_basis=result.day_basis,
        reinstalment=_rows_dict(result.reinstal_rows, interest=True),
        frozen=_rows_dict(result.frozen_rows, interest=False),
    )
    return out


def option_name(result: Result, key: str, lang: str) -> str:
    """An option's name in the reader's language, with its months or days."""
    t = ui.t
    i = result.inputs
    if key == "pay_now":
        return t(lang, "现在一次还清", "Pay it all now")
    if key == "extension":
        n = i.extension_months
        return t(lang, f"展期 {n} 个月，到期一次还", f"Extension of {n} months, all due at the end")
    if key == "reinstalment":
        n = i.reinstal_months
        rate = percent_text(result.reinstal_rate)
        if i.waive_penalties:
            return t(lang, f"重新分 {n} 期（年利率 {rate}%，免罚息）",
                     f"Re-instalment over {n} months ({rate}% a year, penalties waived)")
        return t(lang, f"重新分 {n} 期（年利率 {rate}%）", f"Re-instalment over {n} months ({rate}% a year)")
    if key == "frozen":
        n = i.frozen_months
        return t(lang, f"停息分 {n} 期（不再计息）", f"Interest frozen, {n} equal parts")
    return t(lang, f"继续逾期 {i.overdue_days} 天", f"Stay overdue {i.overdue_days} more days")


def _then(o: Option, lang: str) -> str:
    """What is paid after the first month, when it differs from the first payment."""
    t = ui.t
    last = ui.money_display(o.last, lang)
    if o.key == "stay_overdue":
        return t(lang, f"{o.days} 天后要还清 {last}", f"{last} to clear it after {o.days} days")
    if o.months <= 1 or o.first == o.last:
        return "—"
    if o.key == "extension":
        return t(lang, f"第 {o.months} 个月还 {last}", f"{last} in month {o.months}")
    return t(lang, f"最后一期 {last}", f"last payment {last}")


def _how_long(o: Option, lang: str) -> str:
    t = ui.t
    if o.key == "pay_now":
        return t(lang, "现在", "now")
    if o.key == "stay_overdue":
        return t(lang, f"{o.days} 天", f"{o.days} days")
    return t(lang, f"{o.months} 个月", f"{o.months} months")


def render(result: Result, lang: str, data: dict | None = None) -> str:
    """The comparison as an HTML fragment in the reader's language."""
    t = ui.t
    d = data if data is not None else to_dict(result)
    i = result.inputs
    money = ui.money_display
    afford = grouped(i.affordable)
    items = []
    if result.best:
        best = _option(result, result.best)
        caveat = "" if best.key == "pay_now" else t(
            lang, "这只是算账，对方不一定同意", "This is arithmetic only: the lender may not agree")
        then = _then(best, lang)
        items += [
            ui.figure("best_option", t(lang, "每月能承受的方案里最省钱的", "Cheapest option within your budget"),
                      d["best_option"], option_name(result, best.key, lang), caveat),
            ui.figure("best_monthly", t(lang, "这个方案第一个月还", "First month's payment"), d["best_monthly"],
                      money(best.first, lang), "" if then == "—" else then),
            ui.figure("best_total_paid", t(lang, "这个方案一共还", "Total paid in this option"),
                      d["best_total_paid"], money(best.total_paid, lang)),
            ui.figure("best_extra_cost", t(lang, "比现在欠的多付", "Paid on top of what you owe now"),
                      d["best_extra_cost"], money(best.extra_cost, lang)),
        ]
    else:
        items += [
            ui.figure("best_option", t(lang, "每月能承受的方案", "Options within your budget"), d["best_option"],
                      t(lang, f"没有一个方案每月在 {afford} 元以内", f"None fits ¥{afford} a month")),
            ui.figure("needed_monthly", t(lang, "最少每月需要", "Smallest monthly amount needed"),
                      d["needed_monthly"], money(result.needed_monthly, lang),
                      t(lang, f"按“{option_name(result, result.needed_option, lang)}”",
                        f"for “{option_name(result, result.needed_option, lang)}”")),
        ]
    items += [
        ui.figure("debt", t(lang, "现在一共欠", "Owed today"), d["debt"], money(result.debt, lang),
                  t(lang, "本金 + 利息 + 罚息", "principal + interest + penalties")),
        ui.figure("delay_cost", t(lang, f"再逾期 {i.overdue_days} 天多出的罚息",
                                  f"Penalty interest for {i.overdue_days} more days"),
                  d["delay_cost"], money(result.delay_cost, lang),
                  t(lang, f"按罚息年利率 {d['penalty_rate']}%、一年 {result.day_basis} 天",
                    f"at a penalty rate of {d['penalty_rate']}% a year, {result.day_basis}-day year")),
    ]

    explain = _notes(result, lang)

    chart = line_chart(
        t(lang, f"如果继续逾期：{i.overdue_days} 天里欠款的变化", f"If it stays overdue: what you owe over {i.overdue_days} days"),
        [(t(lang, "欠款合计", "Total owed"), list(result.growth))],
        [t(lang, f"第{day}天", f"day {day}") for day in range(len(result.growth))],
        lang,
    )

    columns = [
        ("option", t(lang, "方案", "Option")),
        ("monthly", t(lang, "第一个月还", "First month")),
        ("then", t(lang, "之后", "Then")),
        ("months", t(lang, "多久", "How long")),
        ("total_paid", t(lang, "一共还", "Total paid")),
        ("extra_cost", t(lang, "多付", "Extra cost")),
        ("fits", t(lang, "每月能否承受", "Fits your budget")),
    ]
    rows = []
    for o, od in zip(result.options, d["options"], strict=True):
        rows.append([
            option_name(result, o.key, lang), od["monthly"], _then(o, lang), _how_long(o, lang),
            od["total_paid"], od["extra_cost"],
            t(lang, "能承受", "within budget") if o.fits else t(lang, "超出", "over budget"),
        ])
    comparison = ui.table("options", columns, rows, t(lang, "各方案比较", "The options side by side"), lang,
                          [False, True, False, False, True, True, False])

    re_columns = [
        ("period", t(lang, "期数", "Month")),
        ("payment", t(lang, "还款额", "Payment")),
        ("principal", t(lang, "本金", "Principal")),
        ("interest", t(lang, "利息", "Interest")),
        ("balance", t(lang, "剩余欠款", "Left to pay")),
    ]
    reinstal_table = ui.table(
        "reinstalment", re_columns, [[str(row[k]) for k, _ in re_columns] for row in d["reinstalment"]],
        t(lang, "重新分期的还款计划", "Re-instalment schedule"), lang)
    fr_columns = [
        ("period", t(lang, "期数", "Month")),
        ("payment", t(lang, "还款额", "Payment")),
        ("balance", t(lang, "剩余欠款", "Left to pay")),
    ]
    frozen_table = ui.table(
        "frozen", fr_columns, [[str(row[k]) for k, _ in fr_columns] for row in d["frozen"]],
        t(lang, "停息分期的每期金额", "Interest-frozen parts"), lang)
    return ui.result(lang, ui.figures(items), ui.notes(explain), comparison, chart, reinstal_table,
                     frozen_table)


def _notes(result: Result, lang: str) -> list[str]:
    """Plain-language explanations for the comparison."""
    t = ui.t
    i = result.inputs
    afford = grouped(i.affordable)
    out = [t(
        lang,
        "下面是按你填的数字算的账，方便你和对方协商时心里有数。对方同意哪种方式、按什么条件，要双方谈定，"
        "这里的结果不是对方的承诺。",
        "This is arithmetic on the figures you entered, so you know where you stand when you talk to the "
        "lender. Which option the lender accepts, and on what terms, is for the two of you to agree; "
        "nothing here is the lender's promise.",
    )]
    if result.best is None:
        if result.parts_needed is not None:
            out.append(t(
                lang,
                f"每月 {afford} 元，哪个方案都不够。如果对方同意不再计息，至少要分 "
                f"{result.parts_needed} 期，每期才不超过 {afford} 元。",
                f"At ¥{afford} a month none of the options fits. If the lender agreed to stop interest, "
                f"it would take at least {result.parts_needed} equal parts to keep each within ¥{afford}.",
            ))
        else:
            out.append(t(
                lang,
                f"每月 {afford} 元，哪个方案都不够，分 {MAX_MONTHS} 期不计息也不够。可以先向对方说明实际收入，"
                "也可以拨打 12348 公共法律服务热线，免费咨询下一步怎么办。",
                f"At ¥{afford} a month none of the options fits, not even {MAX_MONTHS} interest-free parts. "
                "You can explain your real income to the lender, and call 12348, the public legal service "
                "line, for free advice on what to do next.",
            ))
    out.append(t(
        lang,
        "停息挂账（停止计息、把欠款分期还）是对方可以同意的安排，不是借款人可以要求的权利；能不能谈成、"
        "分几期，由对方决定。《民法典》第六百七十八条也只是说借款人可以在到期前申请展期，贷款人同意的才能展期。",
        "Freezing interest and splitting the debt (停息挂账) is something the lender may agree to, not a "
        "right you can demand; whether it happens and over how many months is the lender's decision. "
        "Likewise the Civil Code (art. 678) lets a borrower ask for an extension before the due date; it "
        "happens only if the lender agrees.",
    ))
    out.append(t(
        lang,
        "谈好的条件一定要让对方书面确认（协议、盖章文件或官方 App 里的记录），写清每期金额、期数、"
        "是否还计息和罚息，并保存好；电话里口头答应的减免，事后很难证明。",
        "Get whatever you agree in writing (an agreement, a stamped letter or a record in the lender's "
        "official app) stating each payment, the number of months and whether interest or penalties still "
        "run, and keep it: a waiver promised on the phone is hard to prove later.",
    ))
    out.append(t(
        lang,
        "协商可以自己直接找对方的官方客服，不用花钱。自称能“代理协商”“反催收”“包办停息挂账”并先收费的人，"
        "常见的是骗局：不要付钱，不要交出身份证、银行卡、验证码。",
        "You can negotiate yourself, free, through the lender's official customer service. People who "
        "offer to “negotiate for you” or “stop the collectors” for a fee up front are often running a "
        "scam: do not pay them or hand over your ID, bank card or verification codes.",
    ))
    ext = _option(result, "extension")
    n = i.extension_months
    saved = i.affordable * n
    enough = saved >= ext.total_paid
    out.append(t(
        lang,
        f"展期只是把还款日往后推：这 {n} 个月利息照算（{grouped(result.extension_interest)} 元），"
        f"到期要一次还 {grouped(ext.total_paid)} 元。每月存 {afford} 元，{n} 个月能存 {grouped(saved)} 元，"
        + ("够还。" if enough else "不够还。"),
        f"An extension only moves the due date: interest still runs for the {n} months "
        f"(¥{grouped(result.extension_interest)}) and ¥{grouped(ext.total_paid)} is due in one payment at "
        f"the end. Saving ¥{afford} a month gives ¥{grouped(saved)} in {n} months, which "
        + ("covers it." if enough else "does not cover it."),
    ))
    re = _option(result, "reinstalment")
    if i.waive_penalties and i.penalties:
        out.append(t(
            lang,
            f"重新分期免除罚息 {grouped(i.penalties)} 元后，只还本金和利息；"
            "“多付”一栏是负数，表示比现在一次还清要还的少。",
            f"With the ¥{grouped(i.penalties)} of penalties waived, the instalments cover the principal and "
            "interest only; a negative extra cost means less than paying everything now.",
        ))
    elif re.extra_cost > ZERO:
        out.append(t(
            lang,
            f"重新分期按年利率 {percent_text(result.reinstal_rate)}% 对整笔欠款计息，利息合计 "
            f"{grouped(re.extra_cost)} 元。可以请对方降低利率或免掉罚息，谈成了再用新条件算一次。",
            f"The re-instalment charges {percent_text(result.reinstal_rate)}% a year on the whole debt: "
            f"¥{grouped(re.extra_cost)} of interest. You can ask for a lower rate or for the penalties to "
            "be waived, then work it out again with the new terms.",
        ))
    if i.penalty_rate is None:
        out.append(t(
            lang,
            f"你没有填罚息年利率，这里按合同年利率上浮 {plain(_penalty_markup())}% 估算为 "
            f"{percent_text(result.penalty_rate)}%，实际以合同为准。",
            f"You left the penalty rate empty, so it is estimated as the contract rate plus "
            f"{plain(_penalty_markup())}%: {percent_text(result.penalty_rate)}%. Your contract is what counts.",
        ))
    keep = figures.entry("credit_record")["keep_years"]
    out.append(t(
        lang,
        f"如果先不还，{i.overdue_days} 天后罚息会多出 {grouped(result.delay_cost)} 元，欠款每天都在增加"
        f"（这里只按本金计罚息；有的合同对没还的利息也计罚息，会更多）。逾期会记入征信，"
        f"不良记录从逾期结束之日起保留 {keep} 年。",
        f"Paying nothing for {i.overdue_days} days adds ¥{grouped(result.delay_cost)} of penalty interest, "
        "and the debt grows every day (this counts penalties on the principal only; some contracts also "
        "charge them on unpaid interest, which adds more). Overdue loans are reported to the credit "
        f"record, and the negative record is kept for {keep} years from the day the overdue ends.",
    ))
    out.append(t(
        lang,
        "分期的每期利息按剩余欠款计算并四舍五入到分，停息分期按平均金额四舍五入到分，最后一期结清零头，"
        "所以最后一期可能和前面差几分钱。",
        "Each month's interest is on what is left, rounded to the fen, and interest-free parts are the "
        "even share rounded to the fen; the last payment settles what remains, so it can differ from the "
        "others by a few fen.",
    ))
    return out
