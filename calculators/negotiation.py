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
   等额本息 with ``schedules.level_payment``; each month's interest on the
   balance rounded to the fen, the last payment settles the rest.
4. interest frozen (停息挂账-style): ``D`` split into ``n`` parts of ``D ÷ n``
   rounded to the fen; the last part settles the residue, so the parts add up
   to ``D`` exactly.
5. stay overdue ``d`` more days: penalty interest ``P × penalty % ÷ 100 × d ÷
   basis`` (basis 360 or 365 days, rounded once), nothing paid meanwhile; to
   clear it then takes ``D`` plus that.

For each: the first month's payment (and the later one if it differs), how
long, the total paid, the extra cost ``total − D`` (below zero when penalties
are waived), whether every payment fits the monthly amount the borrower can
afford, and how likely the lender is to agree (``LIKELIHOOD``: must, usually,
rarely; from the site's guide docs/guides/negotiate.md). The headline is the
cheapest option that fits among those a lender must or usually grants; the
cheapest that fits of any kind is given beside it as the best case. An
option the guide calls rarely granted (interest frozen) is never the headline.

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
>>> r.best, r.best_case, r.needed_monthly, r.shortfall
(None, 'frozen', Decimal('1008.48'), Decimal('8.48'))
>>> w = calculate(read_form({**form, "waive_penalties": "yes"}))
>>> w.best, w.options[2].first, w.best_case
('reinstalment', Decimal('971.81'), 'frozen')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from . import fields, figures, schedules
from .fields import Field
from .letters_negotiation import MAX_MONTHS as MAX_LETTER_MONTHS
from .money import (
    MAX_AMOUNT,
    ZERO,
    InputError,
    money_text,
    percent_text,
    plain,
    round_money,
)

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

# How likely a lender is to agree to each option, as the site's own guide puts it
# (docs/guides/negotiate.md, section "可以提哪些请求？" and its opening: "展期、重新分期、减免罚息、
# 停息挂账，都要放贷方同意才算数"; docs/guides/credit-card.md, "还不上了，可以申请个性化分期吗？"):
#   must     paying in full needs nobody's consent;
#   usually  an extension (民法典 art. 678: the lender may agree) and a re-instalment (重新分期, the
#            guide's "提出一个每月还得上的分期方案，更容易谈下来"; for cards, 个性化分期 of up to 5 years,
#            商业银行信用卡业务监督管理办法 art. 70): ordinary requests, still the lender's choice;
#   rarely   interest frozen (停息挂账): "这要放贷方同意，不是借款人可以单方面要求的权利。网上说
#            ‘依法申请停息挂账，平台必须同意’，不要当真"; a re-instalment at 0 % is the same thing.
# Staying overdue is not an agreement: it has no likelihood (None).
LIKELIHOOD = {"pay_now": "must", "extension": "usually", "reinstalment": "usually", "frozen": "rarely",
              "stay_overdue": None}
LIKELY = ("must", "usually")


def _penalty_markup() -> Decimal:
    """The markup over the contract rate used when no penalty rate is typed (percent)."""
    return Decimal(figures.entry("bank_penalty_markup")["high"])


FIELDS = (
    Field("principal", "money", "逾期本金", "Overdue principal", unit="yuan", default="10000",
          help_zh="还没还的借款本金，不含利息和罚息。可以在借款 App 的账单或合同里找到",
          help_en="The part of the loan itself still unpaid, without interest or penalties. "
                  "Your loan app's bill or the contract shows it"),
    Field("annual_rate", "rate", "合同年利率", "Contract annual rate", unit="percent", default="18",
          help_zh="例如 18 表示 18%；日利率 0.05% 约等于年利率 18%",
          help_en="18 means 18%. A daily 0.05% is about 18% a year"),
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
    Field("interest", "money", "没还的利息", "Unpaid interest", unit="yuan", low=0, required=False,
          help_zh="到今天为止欠下、还没还的利息；没有或不清楚就留空",
          help_en="Interest owed up to today and not yet paid; leave empty if none or not sure"),
    Field("penalties", "money", "已经产生的罚息和违约金", "Penalties so far", unit="yuan", low=0,
          required=False,
          help_zh="逾期以来已经算出的罚息、违约金等；没有就留空",
          help_en="Penalty interest and late charges added since the loan fell overdue; leave empty if none"),
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
    likelihood: str | None = None  # must | usually | rarely (LIKELIHOOD); None: not an agreement


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
    best: str | None  # the cheapest plan a lender must or usually grants that fits, or None
    best_case: str | None  # the cheapest plan of any kind that fits (may be rarely granted), or None
    needed_monthly: Decimal  # the smallest monthly amount that makes a likely plan fit
    needed_option: str
    shortfall: Decimal  # needed_monthly − affordable when no likely plan fits, else 0
    parts_needed: int | None  # equal interest-free parts that would fit the budget


def read_form(form: Mapping[str, object]) -> Inputs:
    """Inputs from a form of text values (what a page or a terminal sends)."""
    return Inputs(**fields.read_all(FIELDS, form))


def level_schedule(principal: Decimal, annual_rate: Decimal, months: int) -> tuple[Row, ...]:
    """A 等额本息 schedule (``schedules.level``) as rows; ``annual_rate`` in percent a year.

    >>> rows = level_schedule(Decimal(1000), Decimal(12), 3)
    >>> [(x.payment, x.interest, x.balance) for x in rows]  # doctest: +NORMALIZE_WHITESPACE
    [(Decimal('340.02'), Decimal('10.00'), Decimal('669.98')),
     (Decimal('340.02'), Decimal('6.70'), Decimal('336.66')),
     (Decimal('340.03'), Decimal('3.37'), Decimal('0.00'))]
    """
    return _rows(principal, schedules.level(principal, annual_rate, months))


def equal_parts(debt: Decimal, parts: int) -> tuple[Row, ...]:
    """``debt`` in ``parts`` interest-free parts (``schedules.parts``) as rows.

    >>> [x.payment for x in equal_parts(Decimal(100), 3)]
    [Decimal('33.33'), Decimal('33.33'), Decimal('33.34')]
    """
    return _rows(debt, [(part, ZERO) for part in schedules.parts(debt, parts)])


def _rows(principal: Decimal, schedule: schedules.Schedule) -> tuple[Row, ...]:
    balance = principal
    rows = []
    for month, (part, interest) in enumerate(schedule, start=1):
        balance -= part
        rows.append(Row(month, part + interest, part, interest, balance))
    return tuple(rows)


def delay_cost(principal: Decimal, penalty_rate: Decimal, days: int, basis: int) -> Decimal:
    """Penalty interest for ``days`` on the principal: ``P × rate ÷ 100 × days ÷
    basis``, rounded once.

    >>> delay_cost(Decimal(10000), Decimal(27), 30, 360)
    Decimal('225.00')
    """
    return round_money(principal * penalty_rate * days / (100 * basis))


def _growth(debt: Decimal, principal: Decimal, penalty_rate: Decimal, days: int, basis: int) -> tuple[Decimal, ...]:
    """``debt + delay_cost(principal, penalty_rate, day, basis)`` for day 0 to ``days`` (a chart's points).

    In whole fen when that is provably the same: the day's cost is ``P × rate × day ÷ (100 × basis)``
    rounded half up, a fraction ``A ÷ B`` of a fen; delay_cost's 28-digit division is off by less
    than ``A × 5e-28`` fen, while a fraction that is not on a half fen is at least ``1 ÷ 2B`` from it,
    so while ``A < 1e27`` both round alike. Else (or with a negative figure) as delay_cost does.

    >>> g = _growth(Decimal("1000.00"), Decimal(1000), Decimal("18.25"), 3, 365)
    >>> g == tuple(Decimal("1000.00") + delay_cost(Decimal(1000), Decimal("18.25"), day, 365) for day in range(4))
    True
    >>> [str(x) for x in g]
    ['1000.00', '1000.50', '1001.00', '1001.50']
    >>> _growth(Decimal("0.005"), Decimal(1000), Decimal("18.25"), 1, 365)  # tenths of a fen: as delay_cost
    (Decimal('0.005'), Decimal('0.505'))
    """
    per_day, per_year = principal * penalty_rate, 100 * basis
    num, den = per_day.as_integer_ratio()
    exponent = debt.as_tuple().exponent
    if num >= 0 and num * days * 100 < 10 ** 27 and isinstance(exponent, int) and -2 <= exponent and debt >= 0:
        fen_of_debt, whole = int(debt.scaleb(2)), 2 * den * per_year
        return tuple(Decimal(fen_of_debt + (200 * num * day + den * per_year) // whole).scaleb(-2)
                     for day in range(days + 1))
    return tuple(debt + round_money(per_day * day / per_year) for day in range(days + 1))


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
    penalty_rate = i.penalty_rate
    if penalty_rate is None:
        penalty_rate = i.annual_rate * (100 + _penalty_markup()) / 100
    reinstal_rate = i.annual_rate if i.reinstal_rate is None else i.reinstal_rate
    basis = int(i.day_basis)

    pay_now = Option("pay_now", debt, debt, debt, 0, 0, debt, ZERO, debt <= afford)

    n = i.extension_months
    ext_interest = round_money(i.principal * i.annual_rate * n / 1200)  # from the yearly rate: halves round up
    lump = debt + ext_interest
    extension = Option("extension", lump if n == 1 else ZERO, lump, lump, n, 0, lump, ext_interest,
                       lump <= afford)

    base = debt - (i.penalties or ZERO) if i.waive_penalties else debt
    reinstal_rows = level_schedule(base, reinstal_rate, i.reinstal_months)
    reinstal = _from_rows("reinstalment", reinstal_rows, debt, afford)

    frozen_rows = equal_parts(debt, i.frozen_months)
    frozen = _from_rows("frozen", frozen_rows, debt, afford)

    d = i.overdue_days
    cost = delay_cost(i.principal, penalty_rate, d, basis)
    stay = Option("stay_overdue", ZERO, debt + cost, debt + cost, 0, d, debt + cost, cost,
                  debt + cost <= afford)
    growth = _growth(debt, i.principal, penalty_rate, d, basis)

    options = tuple(_with_likelihood(o, i, reinstal_rate) for o in (pay_now, extension, reinstal, frozen, stay))
    plans = [o for o in options if o.key in PLANS]
    likely = [o for o in plans if o.likelihood in LIKELY]
    fitting = [o for o in likely if o.fits]
    best = min(fitting, key=lambda o: o.total_paid).key if fitting else None
    any_fitting = [o for o in plans if o.fits]
    best_case = min(any_fitting, key=lambda o: o.total_paid).key if any_fitting else None
    needed = min(likely, key=lambda o: o.largest)
    shortfall = ZERO if best else max(ZERO, needed.largest - afford)
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
        best_case=best_case,
        needed_monthly=needed.largest,
        needed_option=needed.key,
        shortfall=shortfall,
        parts_needed=_parts_needed(debt, afford),
    )


def _with_likelihood(o: Option, i: Inputs, reinstal_rate: Decimal) -> Option:
    """``o`` labelled from ``LIKELIHOOD``; a re-instalment at 0 % is interest frozen by another name."""
    label = LIKELIHOOD[o.key]
    if o.key == "reinstalment" and reinstal_rate == ZERO and i.annual_rate > ZERO:
        label = LIKELIHOOD["frozen"]
    return replace(o, likelihood=label)


def _option(result: Result, key: str) -> Option:
    return next(o for o in result.options if o.key == key)


def letter_plan(result: Result) -> dict:
    """What "write the letter with this plan" carries into the negotiation letter (as text): the
    debt, and the plan to ask for. When a likely plan fits the budget, that plan (its months and
    first monthly amount). When none fits, the usual case, the request the reader can keep: interest
    frozen, in as many equal parts as it takes for each to fit the budget (``parts_needed``), at most
    the letter's ``MAX_LETTER_MONTHS`` (then each part is the debt over that many months). The
    lender may refuse; the letter asks, and a plan the reader cannot pay would only break again.

    >>> r = calculate(read_form({"principal": "30000", "affordable": "500"}))
    >>> p = letter_plan(r); p["plan"], p["months"], p["monthly"], p["owed"]
    ('frozen', '60', '500.00', '30000.00')
    >>> p = letter_plan(calculate(read_form({"principal": "30000", "affordable": "3000"})))
    >>> p["plan"], p["months"], p["monthly"]
    ('reinstalment', '12', '2750.40')
    """
    plan = {"owed": money_text(result.debt)}
    if result.best is None:
        months = min(result.parts_needed or MAX_LETTER_MONTHS, MAX_LETTER_MONTHS)
        plan.update(plan="frozen", months=str(months), monthly=money_text(equal_parts(result.debt, months)[0].payment))
    else:
        option = _option(result, result.best)
        plan["plan"] = option.key
        if option.key in ("reinstalment", "frozen", "extension"):
            plan["months"] = str(option.months)
        if option.key == "pay_now":
            plan["monthly"] = money_text(option.total_paid)  # the one payment
        elif option.key != "extension":
            plan["monthly"] = money_text(option.first)
    if result.inputs.penalties:
        plan["penalties"] = money_text(result.inputs.penalties)
    if plan["plan"] == "reinstalment" and result.inputs.waive_penalties:
        plan["waive"] = "yes"
    return plan


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
            "likelihood": o.likelihood,
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
    out["best_case_option"] = result.best_case or "none"
    out["letter_plan"] = letter_plan(result)
    out.update(
        needed_monthly=money_text(result.needed_monthly),
        needed_option=result.needed_option,
        shortfall=money_text(result.shortfall),
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
