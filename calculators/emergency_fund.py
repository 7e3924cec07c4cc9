"""emergency-fund: how much to keep for a bad month, and how long it takes to save.

With ``E`` the essential spending a month (the single figure, or the sum of the
itemised lines when any of them is above 0), ``m`` the months to cover and ``b``
the extra margin in percent:

- target ``T = E × m × (1 + b/100)``, rounded to the fen (the goal is set once);
- gap ``max(0, T − S)`` for savings ``S`` already put aside;
- month ``k`` (``k = 1, 2, …``): interest ``round(B × y/12/100)`` on the balance
  ``B`` at the start of the month, credited at its end together with that
  month's saving ``d``: ``B ← B + interest + d``. The money saved in a month earns
  interest from the next month. ``y`` is the yearly yield in percent (0 if none);
- months to reach: the first ``k`` with ``B ≥ T`` (looked for up to 600 months);
- the monthly saving that reaches ``T`` within ``n`` months: the smallest amount
  in fen that does it under the same rules, found from the closed form
  ``d ≈ (T − S·(1+r)^n) · r / ((1+r)^n − 1)`` (``r = y/1200``; ``(T − S)/n`` when
  ``r = 0``) and then checked month by month, so that it reaches ``T`` and one fen
  less does not.

Worked example (3,000 a month × 6 months + 10 %, 5,000 saved; 3,000 × 6 × 1.1 = 19,800 by hand):

>>> r = calculate(read_form({"monthly_expenses": "3000", "months": "6", "buffer": "10",
...                          "savings": "5000", "monthly_saving": "1000"}))
>>> r.target, r.gap, r.months_to_reach, r.rows[-1].balance
(Decimal('19800.00'), Decimal('14800.00'), 15, Decimal('20000.00'))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, localcontext

from . import fields
from .fields import Field
from .money import CENT, ZERO, InputError, dated_row, money_text, round_money
from .schedules import add_months, months_between

SLUG = "emergency-fund"
TITLE = {"zh": "应急金", "en": "Emergency fund"}

MAX_MONTHS = 600  # how far ahead we look: 50 years
PLAN_MONTHS = 12  # the suggestion when the current saving never gets there

# The optional itemised lines: (field name, zh label, en label, zh help, en help).
ITEMS = (
    ("housing", "房租或房贷", "Rent or mortgage", "每月的房租或房贷月供", "Monthly rent or mortgage payment"),
    ("food", "吃饭", "Food", "买菜、吃饭的钱", "Groceries and meals"),
    ("transport", "交通", "Transport", "上班、出门的车费、油费", "Getting to work and around: fares, fuel"),
    ("utilities", "水电燃气和话费", "Utilities and phone", "水费、电费、燃气费、手机和网费",
     "Water, power, gas, phone and internet"),
    ("debt_minimums", "每月最低还款", "Minimum debt payments",
     "各笔欠款每月最少要还的钱；正在和对方协商的，按协商后的金额填",
     "The least you must pay on each debt a month; if you have agreed a new plan, use that amount"),
    ("other", "其他必要开支", "Other essentials", "药费、孩子、赡养老人等省不掉的开支",
     "Medicine, children, support for parents and other costs you cannot cut"),
)

FIELDS = (
    Field("monthly_expenses", "money", "每月必要开支", "Essential spending a month", unit="yuan",
          default="3000", required=False,
          help_zh="房租、吃饭、交通、水电话费、最低还款等每个月省不掉的钱，加在一起填一个数。"
                  "算不清也可以留空，在下面“更多选项”里分项填写",
          help_en="Rent, food, transport, bills, minimum debt payments: what you cannot stop paying, "
                  "as one total. Or leave it empty and fill in the items under “More options”"),
    *(Field(name, "money", zh, en, unit="yuan", low=0, required=False,
            help_zh=f"{hz}。分项里只要有一项大于 0，就按分项合计计算", help_en=f"{he}. If any item is above 0, "
            "the items' total is used", advanced=True)
      for name, zh, en, hz, he in ITEMS),
    Field("months", "count", "准备几个月", "Months to cover", unit="months", default="6", low=1, high=24,
          help_zh="收入稳定、按月发工资的，一般准备 3 到 6 个月；收入不固定（打零工、跑外卖、自由职业）的，"
                  "准备 6 到 12 个月。一下子存不了那么多，可以先定 1 个月的小目标（1 到 24）",
          help_en="With a steady monthly salary, 3 to 6 months is usual; with irregular or gig income, "
                  "6 to 12 months. If that feels far off, start with one month (1 to 24)"),
    Field("buffer", "count", "多留的比例", "Extra margin", unit="percent", default="10", low=0, high=100,
          required=False, noun_zh="多留的比例", noun_en="the extra margin", means_zh="多留 10%",
          means_en="10% more",
          help_zh="在目标上多留一点，应付算漏的开支，例如 10 表示多留 10%；不需要就填 0（0 到 100）",
          help_en="A little extra on top for costs you forgot: 10 means 10% more. Enter 0 for none "
                  "(0 to 100)"),
    Field("savings", "money", "已经存下的钱", "Already saved", unit="yuan", default="5000", low=0,
          required=False, help_zh="现在能随时取用的存款，没有就填 0",
          help_en="Savings you can reach at any time; 0 if none"),
    Field("monthly_saving", "money", "每月能存多少", "Saving each month", unit="yuan", default="1000", low=0,
          required=False, help_zh="每个月能放进应急金的钱，存不了就填 0",
          help_en="What you can put aside each month; 0 if nothing for now"),
    Field("annual_yield", "rate", "存款年收益率", "Yearly interest on savings", unit="percent",
          high=Decimal("20"), required=False, advanced=True,
          help_zh="存款或货币基金的年收益率，例如 1.5；不确定就留空，按没有收益算。收益按月计算，不是保证的",
          help_en="The yearly rate your savings earn, such as 1.5; leave empty if unsure (counted as "
                  "none). Counted monthly, and not guaranteed"),
    Field("start_date", "date", "开始存的日期", "Date you start", required=False, advanced=True,
          help_zh="可不填；填了就显示哪天能存够", help_en="Optional: shows the date you get there"),
    Field("target_date", "date", "想在哪天前存够", "Date you want it by", required=False, advanced=True,
          help_zh="可不填；填了会算出每月至少要存多少（需要同时填开始日期）",
          help_en="Optional: works out the least you need to save each month (needs the start date too)"),
)

ITEM_NAMES = tuple(item[0] for item in ITEMS)


@dataclass(frozen=True)
class Inputs:
    monthly_expenses: Decimal | None = None
    housing: Decimal | None = None
    food: Decimal | None = None
    transport: Decimal | None = None
    utilities: Decimal | None = None
    debt_minimums: Decimal | None = None
    other: Decimal | None = None
    months: int = 6
    buffer: int | None = None
    savings: Decimal | None = None
    monthly_saving: Decimal | None = None
    annual_yield: Decimal | None = None
    start_date: dt.date | None = None
    target_date: dt.date | None = None

    def __post_init__(self) -> None:
        fields.check(FIELDS, self)
        if not self.uses_items and self.monthly_expenses is None:
            raise InputError(
                "monthly_expenses",
                "请填写每月必要开支，例如 3000；也可以在“更多选项”里分项填写",
                "Fill in your essential spending a month, such as 3000, or fill in the items under “More options”",
            )
        if self.target_date is not None:
            if self.start_date is None:
                raise InputError(
                    "start_date",
                    "填了想存够的日期，还需要填开始存的日期，才能算出每月要存多少",
                    "To work out the saving needed by your date, also fill in the date you start",
                )
            n = months_between(self.start_date, self.target_date)
            if n < 1:
                raise InputError(
                    "target_date",
                    "想存够的日期至少要比开始日期晚一个月",
                    "The date you want it by must be at least a month after the start date",
                )
            if n > MAX_MONTHS:
                raise InputError(
                    "target_date",
                    "想存够的日期离开始日期最多 50 年，请检查年份",
                    "The date you want it by can be at most 50 years after the start; check the year",
                )

    @property
    def uses_items(self) -> bool:
        """Whether the itemised lines give the total (any of them above 0)."""
        return any(getattr(self, name) for name in ITEM_NAMES)

    @property
    def essentials(self) -> Decimal:
        """Essential spending a month: the items' sum when any is above 0, else the single figure."""
        if self.uses_items:
            return sum((getattr(self, name) or ZERO for name in ITEM_NAMES), ZERO)
        return self.monthly_expenses or ZERO


@dataclass(frozen=True)
class Row:
    month: int
    date: dt.date | None
    deposit: Decimal
    interest: Decimal
    balance: Decimal


@dataclass(frozen=True)
class Result:
    inputs: Inputs
    essentials: Decimal
    target: Decimal
    gap: Decimal
    months_to_reach: int | None  # 0 if already there; None if not within MAX_MONTHS
    date_reached: dt.date | None
    rows: tuple[Row, ...]
    total_deposits: Decimal
    total_interest: Decimal
    saving_for_12_months: Decimal | None  # only when the current saving does not get there
    months_to_target_date: int | None
    saving_for_target_date: Decimal | None


def read_form(form: Mapping[str, object]) -> Inputs:
    """Inputs from a form of text values."""
    # An optional field left out is "not given", as if sent blank: its default is only the
    # page's starting text (issue 13, item 4). No savings given: 0; no monthly saving: 0.
    return Inputs(**fields.read_all(FIELDS, fields.not_given(FIELDS, form)))


def target_of(essentials: Decimal, months: int, buffer: int) -> Decimal:
    """``essentials × months × (1 + buffer/100)``, rounded to the fen.

    >>> target_of(Decimal(3000), 6, 10)
    Decimal('19800.00')
    """
    return round_money(essentials * months * (100 + buffer) / 100)


def interest_for(balance: Decimal, annual_yield: Decimal) -> Decimal:
    """One month's interest: ``round(balance × y ÷ 1200)``, half up to the fen, worked out from the
    yearly percent ``y`` itself: a monthly rate ``y ÷ 1200`` rounded first would put an exact half fen
    just below it (2,887.50 at 3.04 %: 7.315 is 7.32, not 7.31).

    >>> interest_for(Decimal("10000"), Decimal("1.5"))
    Decimal('12.50')
    >>> interest_for(Decimal("2887.50"), Decimal("3.04"))
    Decimal('7.32')
    """
    return round_money(balance * annual_yield / 1200)


def reaches(savings: Decimal, saving: Decimal, annual_yield: Decimal, months: int, target: Decimal) -> bool:
    """Whether ``savings`` plus ``saving`` a month reaches ``target`` within ``months``,
    month by month as in the projection (interest on the opening balance, then the saving).

    >>> reaches(Decimal(5000), Decimal(1000), Decimal(0), 15, Decimal(19800))
    True
    >>> reaches(Decimal(5000), Decimal(1000), Decimal(0), 14, Decimal(19800))
    False
    """
    balance = savings
    if not annual_yield and saving >= ZERO:  # no interest: the balance only grows, by the saving a month
        return balance + saving * months >= target
    if min(savings, saving, annual_yield) >= ZERO and _in_fen(savings) and _in_fen(saving):
        # the same months in whole fen (this loop runs up to 600 times a search step, and a step of
        # saving_needed's search calls it again): with y = a / d, a month's interest on b fen is
        # round(b × a ÷ (1200·d)) half up = (2·b·a + 1200·d) // (2400·d), as interest_for gives it
        a, d = annual_yield.as_integer_ratio()
        b, add, twice_a, half, whole = int(savings * 100), int(saving * 100), 2 * a, 1200 * d, 2400 * d
        goal = int((target * 100).to_integral_value(rounding=ROUND_CEILING))  # fewest whole fen ≥ target
        for _ in range(months):
            if b >= goal:
                return True
            interest = (b * twice_a + half) // whole
            if not interest and not add:  # nothing grows (nothing saved yet): it stays short
                return False
            b += interest + add
        return b >= goal
    for _ in range(months):  # anything else (a negative amount, part of a fen), in decimals
        if balance >= target:
            return True
        interest = interest_for(balance, annual_yield)
        if not interest and not saving:
            return False
        balance += interest + saving
    return balance >= target


def _in_fen(amount: Decimal) -> bool:
    """Whether ``amount`` is a whole number of fen (two decimals at most)."""
    return amount == amount.quantize(CENT)


def saving_needed(savings: Decimal, target: Decimal, annual_yield: Decimal, months: int) -> Decimal:
    """The smallest monthly saving, in fen, that reaches ``target`` within ``months``.

    First guess from the closed form ``(T − S·(1+r)^n) · r / ((1+r)^n − 1)``
    (``r = y ÷ 1200``; ``(T − S)/n`` when ``r = 0``), rounded up to the fen; then checked month by
    month. Rounding each month's interest can move the answer by a fen or so, so
    the search steps out from the guess (1, 2, 4 … fen) until one amount falls
    short and one reaches, then halves the gap down to one fen. Reaching is
    monotone in the saving (rounding half up never lowers a larger balance), so
    the answer is exact.

    >>> saving_needed(Decimal(5000), Decimal(19800), Decimal(0), 12)
    Decimal('1233.34')
    >>> saving_needed(Decimal(0), Decimal(12000), Decimal(2), 12)
    Decimal('990.87')
    """
    if reaches(savings, ZERO, annual_yield, months, target):
        return ZERO
    # Without interest, (T − S)/n a month always gets there; interest only helps.
    high = ((target - savings) / months).quantize(CENT, rounding=ROUND_CEILING)
    if annual_yield == ZERO:
        guess = high
    else:
        with localcontext() as ctx:
            ctx.prec = 34
            monthly_rate = annual_yield / 1200  # only for the first guess: reaches() decides
            growth = (1 + monthly_rate) ** months
            exact = (target - savings * growth) * monthly_rate / (growth - 1)
        guess = min(max(exact.quantize(CENT, rounding=ROUND_CEILING), CENT), high)
    # Step outwards from the guess, doubling the step, until one amount falls short and one reaches.
    step = CENT
    if reaches(savings, guess, annual_yield, months, target):
        high = guess
        while True:
            low = max(high - step, ZERO)
            if low == ZERO or not reaches(savings, low, annual_yield, months, target):
                break
            high, step = low, step * 2
    else:
        low = guess
        while True:
            candidate = min(low + step, high)
            if candidate == high or reaches(savings, candidate, annual_yield, months, target):
                high = candidate
                break
            low, step = candidate, step * 2
    while high - low > CENT:  # low falls short, high reaches
        mid = ((low + high) / 2).quantize(CENT, rounding=ROUND_FLOOR)
        if reaches(savings, mid, annual_yield, months, target):
            high = mid
        else:
            low = mid
    return high


def calculate(inputs: Inputs) -> Result:
    """The target, the gap, the month-by-month projection and the savings needed."""
    essentials = inputs.essentials
    target = target_of(essentials, inputs.months, inputs.buffer or 0)
    savings = inputs.savings or ZERO
    saving = inputs.monthly_saving or ZERO
    y = inputs.annual_yield or ZERO
    gap = max(ZERO, target - savings)
    rows: list[Row] = []
    balance = savings
    reached_at: int | None = 0 if balance >= target else None
    month = 0
    while reached_at is None and month < MAX_MONTHS:
        month += 1
        interest = interest_for(balance, y)
        if interest == ZERO and saving == ZERO:
            break  # nothing changes from here on: it is never reached
        balance += interest + saving
        day = add_months(inputs.start_date, month) if inputs.start_date else None
        rows.append(Row(month, day, saving, interest, balance))
        if balance >= target:
            reached_at = month
    date_reached = None
    if reached_at is not None and inputs.start_date is not None:
        date_reached = add_months(inputs.start_date, reached_at)
    plan = saving_needed(savings, target, y, PLAN_MONTHS) if reached_at is None else None
    by_date = saving_for_date = None
    if inputs.target_date is not None and inputs.start_date is not None:
        by_date = months_between(inputs.start_date, inputs.target_date)
        saving_for_date = saving_needed(savings, target, y, by_date)
    return Result(
        inputs=inputs,
        essentials=essentials,
        target=target,
        gap=gap,
        months_to_reach=reached_at,
        date_reached=date_reached,
        rows=tuple(rows),
        total_deposits=sum((row.deposit for row in rows), ZERO),
        total_interest=sum((row.interest for row in rows), ZERO),
        saving_for_12_months=plan,
        months_to_target_date=by_date,
        saving_for_target_date=saving_for_date,
    )


def _money_or_none(value: Decimal | None) -> str | None:
    return None if value is None else money_text(value)


# web.compute, for a reply without the result data (the page's): its HTML takes the projection's
# texts from the result (``projection_cells``), so the projection is not written as data at all.
PAGE_DATA = {"projection": False}


def projection_cells(result: Result) -> list[list[str]]:
    """The projection as the table's text cells, a row a month: month, date (when there is a start
    date), deposit, interest, balance; money as ``to_dict`` writes it (the deposit, the same every
    month, written once).

    >>> projection_cells(calculate(read_form({"monthly_expenses": "100", "months": "1", "monthly_saving": "60"})))
    [['1', '60.00', '0.00', '60.00'], ['2', '60.00', '0.00', '120.00']]
    """
    cells = []
    deposit, deposit_text = None, ""
    for row in result.rows:
        if row.deposit is not deposit:
            deposit, deposit_text = row.deposit, money_text(row.deposit)
        first = [str(row.month), row.date.isoformat()] if row.date else [str(row.month)]
        cells.append([*first, deposit_text, money_text(row.interest), money_text(row.balance)])
    return cells


def to_dict(result: Result, projection: bool = True) -> dict:
    """The result as JSON-ready text: money with two decimals; counts as ints; null when not reached.
    ``projection=False`` leaves out the month-by-month projection (``PAGE_DATA``)."""
    rows = [dated_row("month", row.month, row.date, deposit=money_text(row.deposit),
                      interest=money_text(row.interest), balance=money_text(row.balance))
            for row in (result.rows if projection else ())]
    return {
        "monthly_expenses": money_text(result.essentials),
        "target": money_text(result.target),
        "gap": money_text(result.gap),
        "months_to_reach": result.months_to_reach,
        "date_reached": result.date_reached.isoformat() if result.date_reached else None,
        "saving_for_12_months": _money_or_none(result.saving_for_12_months),
        "months_to_target_date": result.months_to_target_date,
        "saving_for_target_date": _money_or_none(result.saving_for_target_date),
        "total_deposits": money_text(result.total_deposits),
        "total_interest": money_text(result.total_interest),
        **({"projection": rows} if projection else {}),
    }
