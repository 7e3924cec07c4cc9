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

from . import fields, figures
from . import render as ui
from .fields import Field, add_months
from .money import InputError, grouped, plain

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

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")


def date_text(day: dt.date, lang: str) -> str:
    """A date as a reader writes it: ``2024年6月10日`` or ``10 June 2024``.

    >>> date_text(dt.date(2024, 6, 10), "zh"), date_text(dt.date(2024, 6, 10), "en")
    ('2024年6月10日', '10 June 2024')
    """
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later; Feb 29 becomes Feb 28 in a common year.

    >>> add_years(dt.date(2024, 2, 29), 5), add_years(dt.date(2024, 2, 29), 4)
    (datetime.date(2029, 2, 28), datetime.date(2028, 2, 29))
    """
    return add_months(day, 12 * years)


def _yuan_zh(value: Decimal) -> str:
    """An amount in yuan for Chinese prose: ``1 万元``, ``3,000.50 元``.

    >>> _yuan_zh(Decimal("10000")), _yuan_zh(Decimal("3000.5"))
    ('1 万元', '3,000.50 元')
    """
    if value >= 10000 and value % 10000 == 0:
        return f"{plain(value / 10000)} 万元"
    text = grouped(value)
    return f"{text[:-3] if text.endswith('.00') else text} 元"


def _yuan_en(value: Decimal) -> str:
    text = grouped(value)
    return f"¥{text[:-3] if text.endswith('.00') else text}"


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
                    f"还清的日期早于开始逾期的日期（{date_text(start, 'zh')}），请检查这两个日期",
                    f"The date paid off is before the date the overdue began ({date_text(start, 'en')}); "
                    "check both dates",
                )
        if start > self.today:
            raise InputError(
                "overdue_start",
                f"开始逾期的日期晚于计算日期（{date_text(self.today, 'zh')}），请检查日期",
                f"The date the overdue began is after the as-of date ({date_text(self.today, 'en')}); "
                "check the dates",
            )
        if self.is_paid and self.paid_date > self.today:
            raise InputError(
                "paid_date",
                f"还清的日期晚于计算日期（{date_text(self.today, 'zh')}）。如果还没还清，请选“还没还清”",
                f"The date paid off is after the as-of date ({date_text(self.today, 'en')}). If it is not "
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
    zh: str
    en: str


@dataclass(frozen=True)
class Event:
    day: dt.date
    name: str
    zh: str
    en: str


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


def read_form(form: Mapping[str, object]) -> Inputs:
    """Inputs from a form of text values; an empty ``today`` becomes the computer's date.

    A paid-off date left in the form while "not paid off yet" is chosen is ignored.
    """
    if isinstance(form, Mapping) and fields.read_field(FIELDS[1], form) == "no":
        form = {**form, "paid_date": ""}
    values = fields.read_all(FIELDS, form)
    if values["today"] is None:
        values["today"] = dt.date.today()
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
    """The three conditions of the 2025 one-off relief, each met / not met / unknown."""
    rule = _relief()
    start, first, last = inputs.overdue_start, rule["overdue_from"], rule["overdue_to"]
    limit = Decimal(rule["max_single_overdue"])
    deadline = rule["repaid_by"]
    z, e = date_text, date_text
    span_zh = f"{z(first, 'zh')}到{z(last, 'zh')}"
    span_en = f"{e(first, 'en')} to {e(last, 'en')}"

    if first <= start <= last:
        period = Condition("period", "met", f"逾期发生在 {span_zh}之间",
                           f"The overdue arose in the period {span_en}")
    else:
        when_zh, when_en = ("早于", "before") if start < first else ("晚于", "after")
        period = Condition(
            "period", "not_met",
            f"逾期从 {z(start, 'zh')}开始，{when_zh}政策覆盖的 {span_zh}",
            f"The overdue began on {e(start, 'en')}, {when_en} the period the policy covers ({span_en})",
        )

    amount = inputs.overdue_amount
    if amount is None:
        cond_amount = Condition(
            "amount", "unknown",
            f"没有填单笔逾期金额：要判断这一条，需要知道信用报告里这个账户每个月的逾期金额是否都不超过 {_yuan_zh(limit)}",
            f"No overdue amount given: this needs the overdue amount your report shows for this account "
            f"in each month, and whether it stayed at or below {_yuan_en(limit)}",
        )
    elif amount <= limit:
        cond_amount = Condition(
            "amount", "met",
            f"单笔逾期金额 {_yuan_zh(amount)}，不超过 {_yuan_zh(limit)}",
            f"The overdue amount, {_yuan_en(amount)}, is at or below {_yuan_en(limit)}",
        )
    else:
        cond_amount = Condition(
            "amount", "not_met",
            f"单笔逾期金额 {_yuan_zh(amount)}，超过了 {_yuan_zh(limit)}；逾期金额不超过 {_yuan_zh(limit)}的那几个月仍可能符合",
            f"The overdue amount, {_yuan_en(amount)}, is above {_yuan_en(limit)}; months whose overdue "
            f"amount stayed at or below {_yuan_en(limit)} may still have been covered",
        )

    if inputs.is_paid and inputs.paid_date <= deadline:
        repaid = Condition(
            "repaid", "met",
            f"在 {z(deadline, 'zh')}前已经全部还清（{z(inputs.paid_date, 'zh')}）",
            f"Repaid in full by {e(deadline, 'en')} (on {e(inputs.paid_date, 'en')})",
        )
    elif inputs.is_paid:
        repaid = Condition(
            "repaid", "not_met",
            f"{z(inputs.paid_date, 'zh')}才还清，晚于 {z(deadline, 'zh')}的期限",
            f"Repaid on {e(inputs.paid_date, 'en')}, after the {e(deadline, 'en')} deadline",
        )
    elif inputs.today > deadline:
        repaid = Condition(
            "repaid", "not_met",
            f"还没还清，而 {z(deadline, 'zh')}的还款期限已经过了",
            f"Not paid off, and the {e(deadline, 'en')} deadline has passed",
        )
    else:
        repaid = Condition(
            "repaid", "unknown",
            f"还没还清：要符合这一条，需要在 {z(deadline, 'zh')}前全部还清",
            f"Not paid off yet: this needs the whole overdue amount repaid by {e(deadline, 'en')}",
        )
    return (period, cond_amount, repaid)


def verdict(conditions: tuple[Condition, ...]) -> str:
    """``yes`` if every condition is met, ``no`` if any is not met, else ``unknown``.

    >>> verdict((Condition("a", "met", "", ""), Condition("b", "unknown", "", "")))
    'unknown'
    """
    statuses = {c.status for c in conditions}
    if "not_met" in statuses:
        return "no"
    return "yes" if statuses == {"met"} else "unknown"


# Order of events that fall on the same day.
_ORDER = ("overdue_start", "relief_announced", "paid", "relief_deadline", "shown_until", "today")


def _timeline(inputs: Inputs, end: dt.date | None, keep: int, period_met: bool) -> tuple[Event, ...]:
    events = [Event(
        inputs.overdue_start, "overdue_start",
        "开始逾期。什么时候出现在信用报告上，取决于放贷机构什么时候报送，通常是它下一次按月报送的时候",
        "The overdue began. When it appears on your credit report depends on when the lender reports; "
        "usually at its next monthly report",
    )]
    if period_met:
        rule = _relief()
        events.append(Event(rule["announced"], "relief_announced",
                            "中国人民银行公布一次性信用修复政策",
                            "The People's Bank of China announces the one-off credit relief"))
        events.append(Event(rule["repaid_by"], "relief_deadline",
                            "一次性信用修复的还款期限：这天之前全部还清的才算",
                            "Deadline of the one-off relief: only overdue repaid in full by this day counts"))
    if inputs.is_paid:
        events.append(Event(inputs.paid_date, "paid",
                            f"逾期的钱全部还清，{keep} 年从这天开始算",
                            f"The overdue amount is paid off; the {keep} years start from this day"))
    if end is not None:
        events.append(Event(end, "shown_until",
                            f"满 {keep} 年，这条记录不再展示",
                            f"{keep} years are up; the record is no longer shown"))
    if inputs.is_paid:
        now_zh, now_en = "计算日期", "The as-of date"
    else:
        now_zh = f"计算日期：还没还清，{keep} 年还没开始算"
        now_en = f"The as-of date: not paid off yet, so the {keep} years have not started"
    events.append(Event(inputs.today, "today", now_zh, now_en))
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
        timeline=_timeline(inputs, end, keep, conditions[0].status == "met"),
    )


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def to_dict(result: Result) -> dict:
    """JSON-ready: dates as ``YYYY-MM-DD`` (null while unpaid), days as an int, texts in zh and en."""
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
            {"condition": c.name, "status": c.status, "reason": {"zh": c.zh, "en": c.en}}
            for c in result.conditions
        ],
        "timeline": [
            {"date": ev.day.isoformat(), "event": ev.name, "text": {"zh": ev.zh, "en": ev.en}}
            for ev in result.timeline
        ],
    }


_CONDITION_NAMES = {
    "period": ("逾期发生的时间", "When the overdue arose"),
    "amount": ("单笔逾期金额", "The overdue amount"),
    "repaid": ("还清的时间", "When it was repaid"),
}

_STATUS_NAMES = {
    "met": ("满足", "met"),
    "not_met": ("不满足", "not met"),
    "unknown": ("还不确定", "not known yet"),
}

_VERDICT = {
    "yes": ("符合", "Covered"),
    "no": ("不符合", "Not covered"),
    "unknown": ("还不能确定", "Cannot tell yet"),
}


def render(result: Result, lang: str, data: dict | None = None) -> str:
    """The result as an HTML fragment in the reader's language."""
    t = ui.t
    d = data if data is not None else to_dict(result)
    i = result.inputs
    keep = result.keep_years
    keep_entry = _keep()
    rule = _relief()
    deadline, announced = rule["repaid_by"], rule["announced"]
    limit = Decimal(rule["max_single_overdue"])

    def day(value: dt.date) -> str:
        return date_text(value, lang)

    items = []
    if result.shown_until is None:
        items.append(ui.figure(
            "status", t(lang, "这条记录显示到", "Shown until"), d["status"],
            t(lang, "未开始计算", "Not counting yet"),
            t(lang, f"还清那天才开始算 {keep} 年", f"the {keep} years start on the day it is paid off"),
        ))
    else:
        items.append(ui.figure(
            "shown_until", t(lang, "这条记录大约显示到", "Shown until about"), d["shown_until"],
            day(result.shown_until),
            t(lang, f"还清那天（{day(i.paid_date)}）加 {keep} 年",
              f"the day it was paid off ({day(i.paid_date)}) plus {keep} years"),
        ))
        days = result.days_remaining
        items.append(ui.figure(
            "days_remaining", t(lang, "还剩", "Days left"), str(d["days_remaining"]),
            t(lang, f"{days:,} 天", f"{days:,} day" + ("" if days == 1 else "s")),
            t(lang, f"从 {day(i.today)}算起", f"from {day(i.today)}") if days else
            t(lang, f"{keep} 年已满", f"the {keep} years are up"),
        ))
    verdict_zh, verdict_en = _VERDICT[result.relief]
    summary = ([c for c in result.conditions if c.status == "not_met"]
               or [c for c in result.conditions if c.status == "unknown"] or list(result.conditions))
    items.append(ui.figure(
        "relief", t(lang, f"{announced.year} 年一次性信用修复", f"{announced.year} one-off credit relief"),
        d["relief"], t(lang, verdict_zh, verdict_en),
        t(lang, "三个条件都满足" if result.relief == "yes" else summary[0].zh,
          "all three conditions met" if result.relief == "yes" else summary[0].en),
    ))

    explain = []
    if result.status == "unpaid":
        explain.append(t(
            lang,
            f"这笔逾期还没还清，{keep} 年还没开始算：还清之前，这条记录会一直留在信用报告上。"
            f"如果在 {day(i.today)}还清，按 {keep} 年计算，大约会显示到 {day(result.if_paid_today)}。",
            f"This overdue is not paid off, so the {keep} years have not started: until it is paid off, "
            f"the record stays on your credit report. If it were paid off on {day(i.today)}, it would be "
            f"shown until about {day(result.if_paid_today)}.",
        ))
    elif result.status == "shown":
        explain.append(t(
            lang,
            f"从还清那天（{day(i.paid_date)}）算 {keep} 年，这条记录大约显示到 {day(result.shown_until)}，"
            f"离 {day(i.today)}还有 {result.days_remaining:,} 天。这期间按时还其他贷款，新的记录都是正常的。",
            f"Counting {keep} years from the day it was paid off ({day(i.paid_date)}), the record is shown "
            f"until about {day(result.shown_until)}: {result.days_remaining:,} days after {day(i.today)}. "
            "Meanwhile, every loan you repay on time adds records that are in good standing.",
        ))
    else:
        explain.append(t(
            lang,
            f"从还清那天（{day(i.paid_date)}）算，{keep} 年在 {day(result.shown_until)}已经满了，"
            "这条记录应当不再展示。如果报告上还能看到，可以提出异议（见下面）。",
            f"Counting from the day it was paid off ({day(i.paid_date)}), the {keep} years were up on "
            f"{day(result.shown_until)}, so the record should no longer be shown. If your report still "
            "shows it, you can raise an objection (see below).",
        ))
    explain.append(t(
        lang,
        f"{keep_entry['source_zh']}：不良信息从不良行为或者事件终止之日起保存 {keep} 年，期满删除。"
        f"对逾期的贷款，实际做法是征信中心从逾期的钱还清那天开始算这 {keep} 年；没还清之前不开始算。"
        "具体以征信中心的说明为准。",
        f"{keep_entry['source_en']}: negative information is kept for {keep} years from the day the "
        f"bad behaviour or event ends, then deleted. For an overdue loan, in practice the credit "
        f"reference centre counts the {keep} years from the day the overdue is paid off, and not at all "
        "while it is unpaid. The centre's own word is what counts.",
    ))
    explain.append(t(
        lang,
        f"逾期从 {day(i.overdue_start)}开始。它什么时候出现在信用报告上，取决于放贷机构什么时候报送，"
        "通常是在它下一次按月报送的时候。放贷机构报送不良信息之前，应当先告诉你（同一条例第十五条）。",
        f"The overdue began on {day(i.overdue_start)}. When it appears on your credit report depends on "
        "when the lender reports; usually at its next monthly report. A lender must tell you before it "
        "reports negative information (art. 15 of the same regulations).",
    ))
    closed = i.today > deadline
    explain.append(t(
        lang,
        f"{day(announced)}，中国人民银行公布了一次性信用修复：{day(rule['overdue_from'])}到"
        f"{day(rule['overdue_to'])}之间发生、单笔金额不超过 {_yuan_zh(limit)}的个人逾期记录，"
        f"在 {day(deadline)}前全部还清的，不再展示。它是自动处理的，免费，不用申请，也不用找任何人代办；"
        "以这个政策为名向你收钱的，都是骗子。"
        + (f"还款期限 {day(deadline)}已经过了，在这之后才还清的，不在这次政策范围内。" if closed else ""),
        f"On {day(announced)} the People's Bank of China announced a one-off credit relief: personal overdue records "
        f"arising from {day(rule['overdue_from'])} to {day(rule['overdue_to'])}, with a single overdue "
        f"amount of at most {_yuan_en(limit)}, are no longer shown if repaid in full by {day(deadline)}. "
        "It is automatic and free: no application, no agent. Anyone asking you for money in its name "
        "is a fraudster."
        + (f" The {day(deadline)} deadline has passed: overdue repaid after it is not covered." if closed
           else ""),
    ))
    if result.relief == "yes":
        verdict_note = t(
            lang,
            "这条记录满足下面三个条件，按政策不再展示，不用你做任何事。"
            f"上面的日期是按 {keep} 年规则算的。",
            "This record meets the three conditions below, so under the policy it is no longer shown; "
            f"you need do nothing. The dates above follow the {keep}-year rule.",
        )
    elif result.relief == "no":
        verdict_note = t(lang, "这条记录不在一次性信用修复的范围内，原因见下面的条件。",
                         "The one-off relief does not cover this record; the conditions below say why.")
    else:
        verdict_note = t(lang, "还不能确定一次性信用修复是否覆盖这条记录，要看下面还没确定的条件。",
                         "Whether the one-off relief covers this record cannot be told yet: it depends "
                         "on the conditions below that are still open.")
    if result.shown_until is not None and result.shown_until <= announced:
        verdict_note += t(
            lang, f"不过按 {keep} 年规则，它在政策公布之前就已经不再展示了，这个政策对它没有影响。",
            f" In any case, under the {keep}-year rule it had stopped being shown before the policy "
            "was announced, so the policy makes no difference to it.")
    explain.append(verdict_note)
    for c in result.conditions:
        name_zh, name_en = _CONDITION_NAMES[c.name]
        state_zh, state_en = _STATUS_NAMES[c.status]
        explain.append(t(lang, f"{name_zh}：{state_zh}。{c.zh}。", f"{name_en}: {state_en}. {c.en}."))
    explain.append(t(
        lang,
        "每人每年可以免费查询两次自己的信用报告（同一条例第十七条）。发现记录有错，可以免费向征信中心或放贷机构"
        "提出异议，对方应当在 20 天内书面答复（第二十五条）。",
        "Everyone may get their own credit report free twice a year (art. 17 of the same regulations). "
        "If a record is wrong, you can object, free, to the credit reference centre or the lender; they "
        "must answer in writing within 20 days (art. 25).",
    ))
    explain.append(t(
        lang,
        "收费的“征信修复”“洗白”“铲单”都是骗局：如实报送的记录，谁也没办法花钱删掉。",
        "Paid “credit repair” or “record cleaning” is a scam: nobody can remove a correctly reported "
        "record for money.",
    ))

    columns = [("date", t(lang, "日期", "Date")), ("event", t(lang, "发生了什么", "What happens"))]
    rows = [[day(ev.day), t(lang, ev.zh, ev.en)] for ev in result.timeline]
    return ui.result(
        lang,
        ui.figures(items),
        ui.notes(explain),
        ui.table("timeline", columns, rows, t(lang, "时间线", "Timeline"), lang, [False, False]),
    )
