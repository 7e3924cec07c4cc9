"""credit_record: when an overdue record leaves the credit report (征信), dates in, timeline out.

The rule (《征信业管理条例》 art. 16, ``figures.toml`` entry ``credit_record``):
negative information is kept for ``keep_years`` (5) years from the day the bad
behaviour ends. For an overdue loan, in practice the credit reference centre
counts from the day the overdue amount is paid off, so::

    shown_until    = add_years(paid_date, keep_years)      (Feb 29 → Feb 28)
    days_remaining = max(0, shown_until − today)           (in days)

While the overdue is unpaid the clock does not run: there is no end date yet.

The 2025 one-off relief (entry ``credit_relief_2025``) covered a record when
all three held: the overdue arose between ``overdue_from`` and ``overdue_to``;
the single overdue amount was at most ``max_single_overdue``; it was repaid in
full by ``repaid_by``. Each condition is met, not met, or unknown (amount not
given, or not yet repaid while the deadline is still ahead); the verdict is
``yes`` only if all three are met, ``no`` if any is not met, else ``unknown``.

Worked example: overdue from 2024-03-15, paid off 2024-06-10, 3,000 overdue,
as of 2026-11-29. 2024-06-10 + 5 years = 2029-06-10. From 2026-11-29 to
2029-11-29 is 365 + 366 + 365 = 1096 days (2028 is a leap year); 2029-06-10 is
20 + 31 + 31 + 30 + 31 + 29 = 172 days before that, so 924 days remain.
All three relief conditions hold (2024 is inside 2020–2025, 3,000 ≤ 10,000,
repaid before 2026-03-31):

>>> r = calculate(read_form({"overdue_start": "2024-03-15", "paid": "yes", "paid_date": "2024-06-10",
...                          "overdue_amount": "3000", "today": "2026-11-29"}))
>>> r.shown_until, r.days_remaining, r.relief
(datetime.date(2029, 6, 10), 924, 'yes')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from . import fields, figures, wording
from .fields import Field
from .money import InputError
from .schedules import add_months

SLUG = "credit-record"
TITLE = {"zh": "逾期记录什么时候消除", "en": "When an overdue record leaves your credit report"}

PAID_CHOICES = (
    ("yes", "已经还清", "Paid off"),
    ("no", "还没还清", "Not paid off yet"),
)

_RELIEF_YEAR = figures.entry("credit_relief_2025")["announced"].year

FIELDS = (
    Field("overdue_start", "date", "开始逾期的日期", "Date the overdue began", default="2024-03-15",
          help_zh="第一次没有按时还上的那一期的应还款日",
          help_en="The due date of the first payment you missed"),
    Field("paid", "choice", "逾期的钱还清了吗", "Is the overdue amount paid off?", default="yes",
          choices=PAID_CHOICES,
          help_zh="逾期的本金、利息、罚息都还上了，就选“已经还清”",
          help_en="Choose “Paid off” once the overdue principal, interest and penalties are all repaid"),
    Field("paid_date", "date", "还清的日期", "Date it was paid off", default="2024-06-10", required=False,
          help_zh="把逾期的钱全部还上的那一天。选了“已经还清”才需要填",
          help_en="The day the whole overdue amount was repaid. Only needed if you chose “Paid off”"),
    Field("overdue_amount", "money", "单笔逾期金额", "Overdue amount (one account, one month)",
          unit="yuan", default="3000", required=False,
          help_zh="信用报告里这个贷款或信用卡账户某个月显示的“逾期金额”；逾期了好几个月就填最大的那个月。"
                  f"只用来判断 {_RELIEF_YEAR} 年的一次性信用修复，不知道可以留空",
          help_en="The “overdue amount” your credit report shows for this loan or card in one month; if "
                  f"several months were overdue, the largest. Only used for the {_RELIEF_YEAR} one-off "
                  "relief check; leave it empty if you do not know"),
    Field("today", "date", "计算日期", "As-of date", required=False,
          help_zh="一般不用改，页面会填上今天的日期。想看某一天的情况，可以改成那一天",
          help_en="Usually leave it: the page fills in today's date. Change it to see how things "
                  "stand on another day", advanced=True),
)

def add_years(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later; Feb 29 becomes Feb 28 in a common year.

    >>> add_years(dt.date(2024, 2, 29), 5), add_years(dt.date(2024, 2, 29), 4)
    (datetime.date(2029, 2, 28), datetime.date(2028, 2, 29))
    """
    return add_months(day, 12 * years)


def _keep() -> dict:
    return figures.entry("credit_record")


def _relief() -> dict:
    return figures.entry("credit_relief_2025")


@dataclass(frozen=True)
class Inputs:
    overdue_start: dt.date
    paid: str
    today: dt.date
    paid_date: dt.date | None = None
    overdue_amount: Decimal | None = None

    def __post_init__(self) -> None:
        fields.check(FIELDS, self)
        if self.today is None:
            raise InputError("today", "请填写计算日期，例如 2026-01-31",
                             "Fill in the as-of date, such as 2026-01-31")
        start = self.overdue_start
        if self.is_paid:
            if self.paid_date is None:
                raise InputError(
                    "paid_date",
                    "选了“已经还清”，请填写还清的日期，例如 2024-06-10",
                    "You chose “Paid off”: fill in the date it was paid off, such as 2024-06-10",
                )
            if self.paid_date < start:
                raise InputError(
                    "paid_date",
                    f"还清的日期早于开始逾期的日期（{wording.date(start, 'zh')}），请检查这两个日期",
                    f"The date paid off is before the date the overdue began ({wording.date(start, 'en')}); "
                    "check both dates",
                )
        if start > self.today:
            raise InputError(
                "overdue_start",
                f"开始逾期的日期晚于计算日期（{wording.date(self.today, 'zh')}），请检查日期",
                f"The date the overdue began is after the as-of date ({wording.date(self.today, 'en')}); "
                "check the dates",
            )
        if self.is_paid and self.paid_date > self.today:
            raise InputError(
                "paid_date",
                f"还清的日期晚于计算日期（{wording.date(self.today, 'zh')}）。如果还没还清，请选“还没还清”",
                f"The date paid off is after the as-of date ({wording.date(self.today, 'en')}). If it is not "
                "paid off yet, choose “Not paid off yet”",
            )

    @property
    def is_paid(self) -> bool:
        return self.paid == "yes"


@dataclass(frozen=True)
class Condition:
    """One condition of the 2025 relief: ``status`` is ``met``, ``not_met`` or ``unknown``."""

    name: str  # period | amount | repaid
    status: str
    why: str  # in_period | before_period | after_period | no_amount | at_most_limit | above_limit |
    #           repaid_in_time | repaid_late | deadline_passed | not_yet_repaid


@dataclass(frozen=True)
class Event:
    day: dt.date
    name: str  # one of _ORDER


@dataclass(frozen=True)
class Result:
    inputs: Inputs
    record_start: dt.date
    status: str  # unpaid | shown | ended
    shown_until: dt.date | None  # None while unpaid
    days_remaining: int | None  # None while unpaid
    if_paid_today: dt.date | None  # while unpaid: the end date if it were paid off on ``today``
    keep_years: int
    relief: str  # yes | no | unknown
    conditions: tuple[Condition, ...]
    timeline: tuple[Event, ...]


def read_form(form: Mapping[str, object], today: dt.date | None = None) -> Inputs:
    """Inputs from a form of text values; an empty ``today`` becomes ``today`` (the caller's
    clock: the reader's date in the browser, a fixed date in tests), else the computer's date.

    A paid-off date left in the form while "not paid off yet" is chosen is ignored.
    """
    if isinstance(form, Mapping) and fields.read_field(FIELDS[1], form) == "no":
        form = {**form, "paid_date": ""}
    values = fields.read_all(FIELDS, form)
    if values["today"] is None:
        values["today"] = today or dt.date.today()
    return Inputs(**values)


def shown_until(paid_date: dt.date, keep_years: int) -> dt.date:
    """``paid_date + keep_years`` years: when the record should stop being shown.

    >>> shown_until(dt.date(2024, 6, 10), 5)
    datetime.date(2029, 6, 10)
    """
    return add_years(paid_date, keep_years)


def days_between(today: dt.date, end: dt.date) -> int:
    """Whole days from ``today`` to ``end``, never negative: ``max(0, end − today)``.

    >>> days_between(dt.date(2026, 11, 29), dt.date(2029, 6, 10)), days_between(dt.date(2030, 1, 1), dt.date(2029, 6, 10))
    (924, 0)
    """
    return max(0, (end - today).days)


def relief_conditions(inputs: Inputs) -> tuple[Condition, ...]:
    """The three conditions of the 2025 one-off relief, each met / not met / unknown, with why."""
    rule = _relief()
    start, first, last = inputs.overdue_start, rule["overdue_from"], rule["overdue_to"]
    limit = Decimal(rule["max_single_overdue"])
    deadline = rule["repaid_by"]
    if first <= start <= last:
        period = Condition("period", "met", "in_period")
    else:
        period = Condition("period", "not_met", "before_period" if start < first else "after_period")
    amount = inputs.overdue_amount
    if amount is None:
        cond_amount = Condition("amount", "unknown", "no_amount")
    elif amount <= limit:
        cond_amount = Condition("amount", "met", "at_most_limit")
    else:
        cond_amount = Condition("amount", "not_met", "above_limit")
    if inputs.is_paid and inputs.paid_date <= deadline:
        repaid = Condition("repaid", "met", "repaid_in_time")
    elif inputs.is_paid:
        repaid = Condition("repaid", "not_met", "repaid_late")
    elif inputs.today > deadline:
        repaid = Condition("repaid", "not_met", "deadline_passed")
    else:
        repaid = Condition("repaid", "unknown", "not_yet_repaid")
    return (period, cond_amount, repaid)


def verdict(conditions: tuple[Condition, ...]) -> str:
    """``yes`` if every condition is met, ``no`` if any is not met, else ``unknown``.

    >>> verdict((Condition("a", "met", ""), Condition("b", "unknown", "")))
    'unknown'
    """
    statuses = {c.status for c in conditions}
    if "not_met" in statuses:
        return "no"
    return "yes" if statuses == {"met"} else "unknown"


# Order of events that fall on the same day.
_ORDER = ("overdue_start", "relief_announced", "paid", "relief_deadline", "shown_until", "today")


def _timeline(inputs: Inputs, end: dt.date | None, period_met: bool) -> tuple[Event, ...]:
    """The dates the page's timeline shows, in date order (same day: ``_ORDER``): the overdue start;
    the relief's announcement and repay-by date when its period is met; the day paid; the last day
    the record is shown (``end``, when known); today."""
    events = [Event(inputs.overdue_start, "overdue_start")]
    if period_met:
        rule = _relief()
        events.append(Event(rule["announced"], "relief_announced"))
        events.append(Event(rule["repaid_by"], "relief_deadline"))
    if inputs.is_paid:
        events.append(Event(inputs.paid_date, "paid"))
    if end is not None:
        events.append(Event(end, "shown_until"))
    events.append(Event(inputs.today, "today"))
    return tuple(sorted(events, key=lambda ev: (ev.day, _ORDER.index(ev.name))))


def calculate(inputs: Inputs) -> Result:
    """The record's end date, days left, relief verdict and timeline (see the module docstring)."""
    keep = int(_keep()["keep_years"])
    end = shown_until(inputs.paid_date, keep) if inputs.is_paid else None
    if end is None:
        status, days = "unpaid", None
    else:
        days = days_between(inputs.today, end)
        status = "shown" if days > 0 else "ended"
    conditions = relief_conditions(inputs)
    return Result(
        inputs=inputs,
        record_start=inputs.overdue_start,
        status=status,
        shown_until=end,
        days_remaining=days,
        if_paid_today=None if inputs.is_paid else shown_until(inputs.today, keep),
        keep_years=keep,
        relief=verdict(conditions),
        conditions=conditions,
        timeline=_timeline(inputs, end, conditions[0].status == "met"),
    )


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def to_dict(result: Result) -> dict:
    """JSON-ready: dates as ``YYYY-MM-DD`` (null while unpaid), days as an int; words are the view's."""
    i = result.inputs
    return {
        "record_start": result.record_start.isoformat(),
        "status": result.status,
        "paid_date": _iso(i.paid_date) if i.is_paid else None,
        "shown_until": _iso(result.shown_until),
        "days_remaining": result.days_remaining,
        "today": i.today.isoformat(),
        "keep_years": result.keep_years,
        "relief": result.relief,
        "relief_conditions": [
            {"condition": c.name, "status": c.status, "why": c.why}
            for c in result.conditions
        ],
        "timeline": [
            {"date": ev.day.isoformat(), "event": ev.name}
            for ev in result.timeline
        ],
    }
