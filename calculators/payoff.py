"""payoff: which debt to pay first, and when the last one is gone.

One monthly budget for all debts. Each month, for every debt still owed:

1. interest ``balance × annual rate ÷ 12 ÷ 100`` is posted, rounded to the fen
   (half up): a money event, as on a statement;
2. the debt gets its minimum payment, capped at what it owes;
3. whatever is left of the budget goes to the target debt, up to what it owes,
   then to the next, in the same month. The order is recomputed each month:

   - ``avalanche`` (先还利率最高): highest rate first, ties to the smaller balance;
   - ``snowball`` (先还余额最小): smallest balance first, ties to the higher rate.

   "Balance" here is what the debt owes that month once interest is posted.

When the budget does not cover the first month's minimums, there is no payoff
plan, but there is still a plan for this month (``short_plan``): the shortfall,
and the budget shared out in the order that keeps each debt as safe as
possible: first a debt already in court or enforcement, then a credit card at
the amount where 恶意透支 starts to count (50,000, 最高人民法院、最高人民检察院
《关于办理妨害信用卡管理刑事案件具体应用法律若干问题的解释》(2018 修正) 第八条), then
by rate, highest first (ties to the smaller balance). Each debt in that order
gets its minimum while money is left; the minimums that cannot be met are listed.

So every month but the last pays exactly the budget; the last pays what is left
and every balance ends at 0.00. The payments add up to the balances plus the
interest, to the fen. Both orders are worked out, so the result can say what
the other one would cost. A plan that needs more than 600 months (50 years) is
an input error on the budget.

Worked example (2,000 at 21 % a year, 50 a month → 70
payments, interest about 1,470; here each month's interest is rounded to the
fen on the actual balance, the statement convention):

>>> r = calculate(read_form({"budget": "50", "debts": [
...     {"name": "A", "balance": "2000", "annual_rate": "21", "minimum": "50"}]}))
>>> r.months, r.total_interest, r.total_paid, r.rows[-1].total
(70, Decimal('1470.04'), Decimal('3470.04'), Decimal('20.04'))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext
from functools import lru_cache
from itertools import islice, repeat
from typing import NamedTuple

from . import fields
from .fields import Field, ListField
from .money import (
    ZERO,
    InputError,
    dated_row,
    fen,
    fen_text,
    grouped,
    money_text,
    percent_text,
    round_money,
)
from .schedules import add_months
from .wording import count

SLUG = "payoff"
TITLE = {"zh": "先还哪笔、何时还清", "en": "Which debt first, and when you are debt-free"}

MAX_DEBTS = 20
MAX_MONTHS = 600
_PRECISION = 80  # digits for the interest formula: exact for any rate the parser takes
_TWELVE_HUNDRED = Decimal(1200)  # months a year × 100 (rates are in percent)

STRATEGIES = (
    ("avalanche", "先还利率最高的（利息最少）", "Highest rate first (least interest)"),
    ("snowball", "先还余额最小的（更快还清一笔）", "Smallest balance first (one debt gone sooner)"),
)
_STRATEGY_WORDS = {
    "avalanche": ("先还利率最高的", "paying the highest rate first"),
    "snowball": ("先还余额最小的", "paying the smallest balance first"),
}

FIELDS = (
    Field("budget", "money", "每月能拿出来还债的钱", "Money you can put toward debts each month",
          unit="yuan", default="3000",
          help_zh="所有欠款加在一起，每个月能还多少；先留够吃饭、房租、交通的钱",
          help_en="The total for all your debts each month, after food, rent and travel"),
    Field("strategy", "choice", "先还哪一笔", "Which debt to pay first", default="avalanche",
          choices=STRATEGIES,
          help_zh="每笔先还最低还款，多出来的钱集中还一笔。先还利率最高的，总利息最少；先还余额最小的，能更早还清一笔",
          help_en="Every debt gets its minimum; the money left over goes to one debt at a time. "
                  "Highest rate first costs the least interest; smallest balance first clears one "
                  "debt sooner"),
    Field("start_date", "date", "第一次按计划还款的日期", "Date of your first payment on this plan",
          required=False,
          help_zh="可不填；填了就显示每个月的还款日和还清的日期",
          help_en="Optional: gives the date of each month's payment and of the last one"),
)

# What kind of debt a row is: it sets its place when the budget cannot cover every minimum.
KINDS = (
    ("loan", "贷款或网贷", "Loan or online loan"),
    ("card", "信用卡", "Credit card"),
    ("court", "已被起诉或强制执行", "In court or enforcement"),
)
CARD_THRESHOLD = Decimal("50000")  # 恶意透支 "数额较大" starts here (2018 interpretation, art. 8)

# One row of the debts list. A row's cells are named ``debts.<i>.<field>`` (i from 0,
# as the form sends them). The defaults here only serve as examples in messages: a
# cell missing from a row is read as blank, never silently filled in.
DEBT_FIELDS = (
    Field("name", "text", "名称", "Name", required=False,
          help_zh="起个自己认得出的名字，例如“信用卡”“网贷1”", help_en="A name you will recognise, such as “card”"),
    Field("balance", "money", "现在还欠多少", "Amount you owe now", unit="yuan", default="10000",
          help_zh="这笔现在还欠的钱，看 App 或账单上的“剩余应还本金”或“待还金额”",
          help_en="What you still owe on this debt: the balance or amount outstanding in the app or "
                  "on the statement"),
    Field("annual_rate", "rate", "年利率", "Annual interest rate", unit="percent", default="18",
          high=Decimal("1000"),
          help_zh="年化利率，例如 18 表示 18%；日利率 0.05% 约等于年利率 18%",
          help_en="The annual rate: 18 means 18%. A daily 0.05% is about 18% a year"),
    Field("minimum", "money", "每月最低要还", "Minimum payment each month", unit="yuan", default="500",
          low=0, zero_zh="没有固定要求", zero_en="there is none",
          help_zh="这笔每个月至少要还的钱（最低还款额或每期应还）；没有固定要求就填 0",
          help_en="The least you must pay on this debt each month (the minimum payment or the "
                  "instalment); enter 0 if there is none"),
    Field("kind", "choice", "哪一类", "Kind", choices=KINDS, required=False,
          help_zh="钱不够还所有最低还款时，已被起诉或强制执行的先保，其次是欠得多的信用卡",
          help_en="When the money does not cover every minimum, a debt in court or enforcement comes first, "
                  "then a large credit-card debt"),
)

# Three debts like those many readers have: a card at 18 %, a costly cash loan at 36 %
# and an instalment loan at 24 %. The two orders differ here (the smallest balance is
# not the costliest), so the default result shows what the choice is worth. Used when
# the form sends no "debts" at all.
DEFAULT_DEBTS = (
    {"name": "A", "balance": "3000", "annual_rate": "18", "minimum": "300"},
    {"name": "B", "balance": "8000", "annual_rate": "36", "minimum": "500"},
    {"name": "C", "balance": "15000", "annual_rate": "24", "minimum": "800"},
)

DEBTS = ListField(
    "debts", DEBT_FIELDS, DEFAULT_DEBTS, MAX_DEBTS,
    row_zh="第 {n} 笔", row_en="Debt {n}", noun_zh="欠款", noun_en="debt",
    add_zh="再加一笔", add_en="Add a debt", remove_zh="删除这一笔", remove_en="Remove this debt",
    empty_zh="请至少填写一笔欠款：还欠多少、年利率和每月最低要还多少",
    empty_en="Fill in at least one debt: what you owe, its annual rate and its minimum payment",
    too_many_zh="最多可以填 {high} 笔欠款。可以把利率差不多的几笔小额欠款合成一笔来算",
    too_many_en="You can list up to {high} debts. Combine small debts with similar rates into one",
)
# The form's lists of repeated rows (the page, the CLI and the tests read them from here).
LISTS = (DEBTS,)


@dataclass(frozen=True)
class Debt:
    balance: Decimal
    annual_rate: Decimal  # percent a year
    minimum: Decimal
    name: str | None = None
    kind: str | None = None  # KINDS; None: a loan

    def __post_init__(self) -> None:
        fields.check(DEBT_FIELDS, self)


@dataclass(frozen=True)
class Inputs:
    budget: Decimal
    debts: tuple[Debt, ...]
    strategy: str = "avalanche"
    start_date: dt.date | None = None

    def __post_init__(self) -> None:
        fields.check(FIELDS, self)
        if not isinstance(self.debts, tuple) or not all(isinstance(d, Debt) for d in self.debts):
            raise TypeError("debts must be a tuple of Debt")
        if not self.debts:
            raise _no_debts()
        if len(self.debts) > MAX_DEBTS:
            raise _too_many()
        if self.short:
            return  # no payoff plan: calculate gives this month's plan (short_plan)
        if _plan(self.debts, self.budget, self.strategy) is None:
            raise _never_clears(self)


    @property
    def minimums(self) -> Decimal:
        """The first month's minimums, all debts together."""
        return sum((first_minimum(d) for d in self.debts), ZERO)

    @property
    def short(self) -> bool:
        """The budget does not cover the first month's minimums."""
        return self.budget < self.minimums


@dataclass(frozen=True)
class Share:
    """One debt's part of a budget that does not cover every minimum (``short_plan``)."""

    index: int  # the debt's position as entered, from 0
    reason: str  # court | card_threshold | rate: why it stands where it does
    minimum: Decimal  # the first month's minimum
    paid: Decimal  # what it gets this month
    unmet: Decimal  # minimum − paid


class Row(NamedTuple):
    """One month of the plan. A tuple (600 are made every recalculation, faster than a dataclass); its
    date is worked out when asked for (the page shows a dozen months' dates, not 600)."""

    month: int
    payments: tuple[Decimal, ...]  # one per debt, in the order entered
    fen: tuple[int, ...]  # what each debt owes after this month's payment, in fen
    total: Decimal  # paid this month, all debts
    start: dt.date | None = None  # the plan's first month, when it has a start date

    @property
    def date(self) -> dt.date | None:
        """The month's date: ``start`` and ``month - 1`` months (None without a start date)."""
        return add_months(self.start, self.month - 1) if self.start else None

    @property
    def balances(self) -> tuple[Decimal, ...]:
        """What each debt owes after this month's payment, in yuan."""
        return tuple(map(_yuan, self.fen))


@dataclass(frozen=True)
class DebtResult:
    debt: Debt
    cleared_month: int
    cleared_date: dt.date | None
    interest: Decimal


@dataclass(frozen=True)
class Result:
    inputs: Inputs
    rows: tuple[Row, ...]
    months: int
    debt_free_date: dt.date | None
    total_interest: Decimal
    total_paid: Decimal
    debts: tuple[DebtResult, ...]
    other_strategy: str
    other_months: int | None  # None: the other order needs more than 600 months
    other_total_interest: Decimal | None
    other_total_paid: Decimal | None
    shortfall: Decimal = ZERO  # minimums − budget when the budget does not cover them
    shares: tuple[Share, ...] = ()  # then: this month's plan, in the order paid


@dataclass(frozen=True)
class Plan:
    """One order's plan, without dates (see ``simulate``)."""

    strategy: str
    payments: tuple[tuple[Decimal, ...], ...]  # per month, per debt (alike months share one tuple)
    fen: tuple[tuple[int, ...], ...]  # per month, per debt, after payment, in fen
    totals: tuple[Decimal, ...]  # per month
    cleared: tuple[int, ...]  # per debt: the month it is paid off
    interest: tuple[Decimal, ...]  # per debt

    @property
    def balances(self) -> tuple[tuple[Decimal, ...], ...]:
        """Per month, per debt, what it owes after payment, in yuan."""
        return tuple(tuple(map(_yuan, row)) for row in self.fen)

    @property
    def months(self) -> int:
        """Months to debt-free: one payment a month."""
        return len(self.totals)

    @property
    def total_interest(self) -> Decimal:
        """The sum of every debt's interest."""
        return sum(self.interest, ZERO)

    @property
    def total_paid(self) -> Decimal:
        """The sum of every month's payments: the balances plus the interest."""
        return sum(self.totals, ZERO)


def _no_debts() -> InputError:
    return DEBTS.empty()


def _too_many() -> InputError:
    return DEBTS.too_many()


def _label(debt: Debt, k: int, lang: str) -> str:
    """The name the reader gave, or "第 k 笔" / "Debt k" (k from 1)."""
    return debt.name or DEBTS.row_label(k, lang)


def read_form(form: Mapping[str, object]) -> Inputs:
    """Inputs from a form of text values; ``debts`` is a list of rows of text.

    >>> read_form({"debts": [{"balance": "1.2万", "annual_rate": "24%", "minimum": "0", "name": ""}]}).debts
    (Debt(balance=Decimal('12000.0'), annual_rate=Decimal('24'), minimum=Decimal('0'), name=None, kind=None),)
    """
    values = fields.read_all(FIELDS, form)
    return Inputs(debts=tuple(Debt(**row) for row in fields.read_rows(DEBTS, form)), **values)


def monthly_interest(balance: Decimal, annual_rate: Decimal) -> Decimal:
    """One month's interest, ``balance × annual_rate ÷ 1200``, rounded half up to the fen.

    >>> monthly_interest(Decimal("2000"), Decimal("21"))
    Decimal('35.00')
    >>> monthly_interest(Decimal("0.60"), Decimal("10"))  # exactly 0.005: half up
    Decimal('0.01')
    """
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        return round_money(balance * annual_rate / 1200)


def first_minimum(debt: Debt) -> Decimal:
    """The first month's minimum payment: ``min(minimum, balance + interest)``.

    No later month asks more of all debts together, so a budget that covers
    the sum of these covers every month.

    >>> first_minimum(Debt(Decimal("100"), Decimal("12"), Decimal("500")))
    Decimal('101.00')
    """
    return min(debt.minimum, debt.balance + monthly_interest(debt.balance, debt.annual_rate))


def _yuan(amount: int) -> Decimal:
    """Fen to yuan, two decimals: ``_yuan(12345)`` is ``Decimal('123.45')``."""
    return Decimal(amount).scaleb(-2)


def _steady(balance: int, num: int, den: int, pay: int, limit: int,
            rival: list[int] | None = None, tie: bool = False) -> list[int]:
    """One debt through a run of months where its payment stays ``pay``: the balance after each month.

    Each month, in fen: ``owed = balance + (balance × num + den ÷ 2) ÷ den`` (integer division:
    the interest ``balance × rate ÷ 1200`` rounded half up, the rate being ``num / den × 1200``),
    then ``balance = owed − pay``. At most ``limit`` months; it stops before a month where the
    debt would be paid off (``owed ≤ pay``) or, given the target's owed per month ``rival``, where
    it would come before the target in the order (owing less, or as much and ``tie``).

    >>> _steady(200000, 21, 1200, 5000, 3)  # 2,000 at 21 %, 50 a month: owed 2,035.00, then 2,019.74 …
    [198500, 196974, 195421]
    >>> _steady(10000, 0, 1200, 3000, 9)  # 100 at 0 %, 30 a month: the fourth month pays it off
    [7000, 4000, 1000]
    """
    out: list[int] = []
    append = out.append
    half = den // 2
    if rival is None:
        if num == 0 and pay > 0:  # no interest: a straight line down to the month it is paid off
            return list(range(balance - pay, 0, -pay)[:limit])
        for _ in range(limit):
            owed = balance + (balance * num + half) // den
            if owed <= pay:
                break
            balance = owed - pay
            append(balance)
        return out
    for k in range(limit):
        owed = balance + (balance * num + half) // den
        if owed <= pay or owed < rival[k] or (tie and owed == rival[k]):
            break
        balance = owed - pay
        append(balance)
    return out


def simulate(debts: Sequence[Debt], budget: Decimal, strategy: str, monthly: bool = True) -> Plan | None:
    """The plan for one order, or None if it needs more than 600 months. ``monthly=False``: without
    each month's payments and balances (``Plan.payments`` and ``Plan.fen`` empty): the other order's
    totals, for the comparison, are the same either way.

    Each month: ``interest = round(balance × rate ÷ 1200)`` is added; each debt
    pays ``min(minimum, owed)``; the rest of the budget goes to debts in order
    (see the module docstring), each up to what it owes. The budget must cover
    the first month's minimums (``Inputs`` checks it).

    Months where nothing changes are worked out as a run: while no debt is paid off, no
    minimum is capped and the debt first in the order stays first, every debt pays the same
    each month (its minimum, the first also the rest of the budget), so each debt's balances
    follow from its own alone (``_steady``), interest still posted and rounded month by month.
    A month where something changes (a debt paid off, a minimum capped at what is owed, the
    order turning) is worked out debt by debt as the rules say. Money is counted in fen, in
    integers: exact, like Decimal, and faster. The same plan, month by month and to the fen,
    comes from ``tests/oracles/payoff_monthly.py``, which steps every month for every debt.

    >>> d = (Debt(Decimal("1000"), Decimal("12"), Decimal("100")), Debt(Decimal("500"), Decimal("24"), Decimal("50")))
    >>> p = simulate(d, Decimal("400"), "avalanche")
    >>> p.totals, p.cleared, p.interest
    ((Decimal('400.00'), Decimal('400.00'), Decimal('400.00'), Decimal('344.04')), (4, 2), (Decimal('29.84'), Decimal('14.20')))
    """
    n = len(debts)
    rate = [d.annual_rate for d in debts]
    ratios = [r.as_integer_ratio() for r in rate]
    num = [p for p, _ in ratios]
    den = [1200 * q for _, q in ratios]  # interest in fen: balance × num ÷ den, half up (den is even)
    mins = [fen(d.minimum) for d in debts]
    bal = [fen(d.balance) for d in debts]
    whole = fen(budget)
    acc = [0] * n  # interest so far, by debt
    cleared = [0] * n
    live = list(range(n))  # the debts still owed, in the order entered
    payments: list[tuple[Decimal, ...]] = []
    owes: list[tuple[int, ...]] = []  # per month, per debt, in fen
    totals: list[Decimal] = []
    full = _yuan(whole)  # a month that pays the whole budget
    avalanche = strategy == "avalanche"

    def first(owed: list[int]):
        """The order's sort key of debt j, given what each debt owes this month."""
        if avalanche:
            return lambda j: (-rate[j], owed[j], j)
        return lambda j: (owed[j], -rate[j], j)

    month = 1
    while month <= MAX_MONTHS:
        # Each month pays at most the budget and interest only adds: past this,
        # the months left cannot clear what is owed (and balances stay small).
        if sum(bal) > whole * (MAX_MONTHS - month + 1):
            return None
        owed = bal[:]
        for j in live:
            owed[j] += (bal[j] * num[j] + den[j] // 2) // den[j]
        spare = whole - sum(mins[j] for j in live)
        target = None
        steady = spare >= 0 and all(owed[j] > mins[j] for j in live)
        if steady and spare:
            target = min(live, key=first(owed))
            steady = owed[target] - mins[target] > spare
        if steady:
            # A run: every debt pays its minimum (the target also the spare) until something changes.
            pay = {j: mins[j] for j in live}
            length = MAX_MONTHS - month + 1
            rival = None
            columns: dict[int, list[int]] = {}
            if target is not None:
                pay[target] += spare
                columns[target] = _steady(bal[target], num[target], den[target], pay[target], length)
                length = len(columns[target])
                rival = [b + pay[target] for b in columns[target]]
            same: dict[tuple, list[int]] = {}  # debts alike in every figure run alike
            for j in live:
                if j == target:
                    continue
                contest = target is not None and (not avalanche or rate[j] == rate[target])
                tie = contest and ((-rate[j], j) < (-rate[target], target) if not avalanche else j < target)
                key = (bal[j], num[j], den[j], pay[j], contest, tie)
                column = same.get(key)
                if column is None:
                    column = same[key] = _steady(bal[j], num[j], den[j], pay[j], length,
                                                 rival if contest else None, tie)
                    length = min(length, len(column))
                columns[j] = column
            # length >= 1: this month was checked above, and nothing stops a run in its first month.
            # The check at the start of each month inside the run, made once: a run pays the whole
            # budget each month and interest only adds, so what is owed falls by at most the budget a
            # month while the bound falls by exactly that; a month past the bound keeps every later
            # month past it, and the run's last month inside it says whether any was.
            if length >= 2 and sum(columns[j][length - 2] for j in live) > whole * (MAX_MONTHS - month - (length - 2)):
                return None
            if monthly:
                paid = tuple(_yuan(pay[j]) if j in pay else ZERO for j in range(n))
                payments += repeat(paid, length)
                owes += islice(zip(*(columns[j] if j in columns else repeat(0) for j in range(n)), strict=False),
                               length)
            totals += repeat(full, length)
            for j in live:
                end = columns[j][length - 1]
                acc[j] += end - bal[j] + length * pay[j]
                bal[j] = end
            month += length
            continue
        # A month where something changes, debt by debt. Interest posted, then each minimum,
        # capped at what is owed.
        paid_fen = [0] * n
        for j in live:
            acc[j] += owed[j] - bal[j]
            paid_fen[j] = min(mins[j], owed[j])
            bal[j] = owed[j] - paid_fen[j]
        left = whole - sum(paid_fen)
        if left:  # the rest of the budget, one debt at a time, in the order's priority
            for j in sorted(live, key=first(owed)):
                b = bal[j]
                if b:
                    extra = left if left < b else b
                    paid_fen[j] += extra
                    bal[j] = b - extra
                    left -= extra
                    if not left:
                        break
        if monthly:
            payments.append(tuple(_yuan(paid_fen[j]) if j in live else ZERO for j in range(n)))
            owes.append(tuple(bal))
        totals.append(_yuan(whole - left))
        for j in live:
            if not bal[j]:
                cleared[j] = month
        live = [j for j in live if bal[j]]
        if not live:
            return Plan(strategy, tuple(payments), tuple(owes), tuple(totals), tuple(cleared),
                        tuple(_yuan(a) for a in acc))
        month += 1
    return None


@lru_cache(maxsize=4)
def _plan(debts: tuple[Debt, ...], budget: Decimal, strategy: str, monthly: bool = True) -> Plan | None:
    """``simulate``, remembered: ``Inputs`` checks the plan finishes, ``calculate`` uses it
    (``monthly=False``: the other order's totals only)."""
    return simulate(debts, budget, strategy, monthly)


def _other(strategy: str) -> str:
    return "snowball" if strategy == "avalanche" else "avalanche"


def _never_clears(inputs: Inputs) -> InputError:
    """The message for a budget that does not clear the debts within 600 months."""
    b = grouped(inputs.budget)
    first_interest = sum((monthly_interest(d.balance, d.annual_rate) for d in inputs.debts), ZERO)
    zh = f"按每月 {b} 元，{MAX_MONTHS} 个月（{MAX_MONTHS // 12} 年）内也还不清这些欠款"
    en = f"At ¥{b} a month these debts would not be paid off within {MAX_MONTHS} months ({MAX_MONTHS // 12} years)"
    if inputs.budget < first_interest:
        zh += f"：它还不够付一个月的利息（约 {grouped(first_interest)} 元），欠款会越滚越多"
        en += f": it does not cover one month's interest (about ¥{grouped(first_interest)}), so the debts keep growing"
    zh += "。请提高每月预算，或者先联系贷款方商量减免利息、延长还款时间。"
    en += ". Raise the budget, or first ask your lenders about cutting the interest or giving you longer to pay."
    other = _other(inputs.strategy)
    plan = _plan(inputs.debts, inputs.budget, other, monthly=False)
    if plan is not None:
        zh_o, en_o = _STRATEGY_WORDS[other]
        zh += f"换成“{zh_o}”，{plan.months} 个月可以还清。"
        en += f" {en_o[0].upper()}{en_o[1:]} would clear them in {count(plan.months, 'month', 'en')}."
    return InputError("budget", zh, en)


def reason_of(debt: Debt) -> str:
    """Why a debt stands where it does when money is short: court, card_threshold or rate."""
    if debt.kind == "court":
        return "court"
    if debt.kind == "card" and debt.balance >= CARD_THRESHOLD:
        return "card_threshold"
    return "rate"


_RANK = {"court": 0, "card_threshold": 1, "rate": 2}


def short_plan(debts: Sequence[Debt], budget: Decimal) -> tuple[Share, ...]:
    """This month's budget shared out when it does not cover every minimum.

    Order: court or enforcement, then a card at 50,000 or more, then the highest
    rate (ties: smaller balance, then as entered). Each gets its minimum while
    money is left; the last one reached gets what remains.

    >>> d = (Debt(Decimal("3000"), Decimal("18"), Decimal("300"), "A"),
    ...      Debt(Decimal("8000"), Decimal("36"), Decimal("500"), "B"),
    ...      Debt(Decimal("15000"), Decimal("24"), Decimal("800"), "C", "court"))
    >>> [(x.index, x.reason, x.paid, x.unmet) for x in short_plan(d, Decimal("1000"))]  # doctest: +NORMALIZE_WHITESPACE
    [(2, 'court', Decimal('800'), Decimal('0')), (1, 'rate', Decimal('200'), Decimal('300')),
     (0, 'rate', Decimal('0'), Decimal('300'))]
    """
    order = sorted(range(len(debts)), key=lambda k: (_RANK[reason_of(debts[k])], -debts[k].annual_rate,
                                                      debts[k].balance, k))
    left = budget
    shares = []
    for k in order:
        need = first_minimum(debts[k])
        paid = min(need, left)
        left -= paid
        shares.append(Share(k, reason_of(debts[k]), need, paid, need - paid))
    return tuple(shares)


def calculate(inputs: Inputs) -> Result:
    """The plan for the chosen order, each debt's payoff month, and the other order's totals;
    when the budget does not cover the minimums, the shortfall and this month's plan instead."""
    if inputs.short:
        return Result(inputs=inputs, rows=(), months=0, debt_free_date=None, total_interest=ZERO,
                      total_paid=ZERO, debts=(), other_strategy=_other(inputs.strategy), other_months=None,
                      other_total_interest=None, other_total_paid=None,
                      shortfall=inputs.minimums - inputs.budget, shares=short_plan(inputs.debts, inputs.budget))
    plan = _plan(inputs.debts, inputs.budget, inputs.strategy)
    assert plan is not None  # Inputs checked that it finishes
    other_strategy = _other(inputs.strategy)
    other = _plan(inputs.debts, inputs.budget, other_strategy, monthly=False)  # its totals only
    start = inputs.start_date

    def date_of(month: int) -> dt.date | None:
        return add_months(start, month - 1) if start else None

    rows = tuple(
        Row(m, pay, bal, total, start)
        for m, (pay, bal, total) in enumerate(zip(plan.payments, plan.fen, plan.totals, strict=True), start=1)
    )
    debts = tuple(
        DebtResult(debt, month, date_of(month), interest)
        for debt, month, interest in zip(inputs.debts, plan.cleared, plan.interest, strict=True)
    )
    return Result(
        inputs=inputs,
        rows=rows,
        months=plan.months,
        debt_free_date=date_of(plan.months),
        total_interest=plan.total_interest,
        total_paid=plan.total_paid,
        debts=debts,
        other_strategy=other_strategy,
        other_months=other.months if other else None,
        other_total_interest=other.total_interest if other else None,
        other_total_paid=other.total_paid if other else None,
    )


class _FenTexts(dict):
    """fen -> ``fen_text(fen)``, each written once (a plan's balances repeat: debts alike, zeros)."""

    def __missing__(self, amount: int) -> str:
        text = self[amount] = fen_text(amount)
        return text


# web.compute, for a reply without the result data (the page's): its HTML takes the months from
# the result (``views/payoff.py`` ``plan_cells``), so the plan is not written as data at all.
PAGE_DATA = {"plan": False}


def plan_texts(result: Result, start: int = 0, stop: int | None = None):
    """Each month of the plan (or of its rows ``start`` to ``stop - 1``) as text: (row, its payments
    as money text, its total as money text). A run of alike months shares its payments' texts (and
    its total's, while the total stays the same)."""
    last: tuple[Decimal, ...] = ()
    shown: list[str] = []
    total = None
    total_text = ""
    for row in result.rows[start:stop]:
        if row.payments is not last:
            last = row.payments
            shown = [money_text(p) for p in last]
        if row.total is not total:
            total = row.total
            total_text = money_text(total)
        yield row, shown, total_text


def to_dict(result: Result, balances: bool = True, plan: bool = True) -> dict:
    """The result as JSON-ready text: money with two decimals, rates in percent, months as ints.
    ``balances=False`` leaves out each month's balances; ``plan=False`` the whole plan (``PAGE_DATA``)."""
    i = result.inputs
    if result.shares:
        return {
            "short": True,
            "minimums": money_text(i.minimums),
            "budget": money_text(i.budget),
            "shortfall": money_text(result.shortfall),
            "shares": [{"debt": x.index, "name": i.debts[x.index].name or "", "kind": i.debts[x.index].kind or "loan",
                        "reason": x.reason, "minimum": money_text(x.minimum), "paid": money_text(x.paid),
                        "unmet": money_text(x.unmet)} for x in result.shares],
        }
    months = []
    texts = _FenTexts()
    for row, shown, total in plan_texts(result) if plan else ():
        if balances:
            months.append(dated_row("month", row.month, row.date, payments=shown[:],
                                    balances=list(map(texts.__getitem__, row.fen)), total=total))
        else:
            months.append(dated_row("month", row.month, row.date, payments=shown[:], total=total))
    debts = []
    for d in result.debts:
        item = {
            "name": d.debt.name or "",
            "balance": money_text(d.debt.balance),
            "annual_rate": percent_text(d.debt.annual_rate),
            "minimum": money_text(d.debt.minimum),
            "cleared_month": d.cleared_month,
        }
        if d.cleared_date:
            item["cleared_date"] = d.cleared_date.isoformat()
        item["interest"] = money_text(d.interest)
        debts.append(item)
    out: dict = {
        "strategy": result.inputs.strategy,
        "months": result.months,
    }
    if result.debt_free_date:
        out["debt_free_date"] = result.debt_free_date.isoformat()
    out.update(
        total_interest=money_text(result.total_interest),
        total_paid=money_text(result.total_paid),
        other_strategy=result.other_strategy,
        other_months=result.other_months,
        other_total_interest=(money_text(result.other_total_interest)
                              if result.other_total_interest is not None else None),
        other_total_paid=(money_text(result.other_total_paid)
                          if result.other_total_paid is not None else None),
        debts=debts,
    )
    if plan:
        out["plan"] = months
    return out
