"""Calendar reminders for a plan: its events in words, and the "add to calendar" button.

A plan's due dates become all-day events (``ics.py`` writes the file): each
repayment, each month of a payoff plan with what each debt gets (by the names
the reader gave), the negotiation plan that fits, and the checklist's legal
deadlines still ahead. A plan without dates of its own (no start date given)
asks for the first payment's date beside the button.

>>> from calculators import repayment
>>> r = repayment.calculate(repayment.read_form({"principal": "1200", "annual_rate": "0", "months": "2"}))
>>> [(e.day.isoformat(), e.summary) for e in REPAYMENT.events(r, "zh", dt.date(2026, 12, 5))]
[('2026-12-05', '还款 600.00 元（第 1/2 期）'), ('2027-01-05', '还款 600.00 元（第 2/2 期）')]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from .. import fields, wording
from ..fields import Field
from ..ics import Event
from ..money import InputError
from ..schedules import add_months
from . import html as ui

FIRST = Field("calendar_first", "date", "第一次还款日期", "Date of the first payment", required=False)


def _money(value, lang: str) -> str:
    return wording.money(value, lang)


def _repayment(result, lang: str, first: dt.date | None) -> list[Event]:
    n = len(result.rows)
    out = []
    for row in result.rows:
        day = row.date or add_months(first, row.period - 1)
        summary = ui.t(lang, f"还款 {_money(row.payment, 'zh')}（第 {row.period}/{n} 期）",
                       f"Pay {_money(row.payment, 'en')} (payment {row.period} of {n})")
        description = ui.t(
            lang,
            f"本金 {_money(row.principal, 'zh')}，利息 {_money(row.interest, 'zh')}"
            + (f"，费用 {_money(row.fee, 'zh')}" if row.fee else "")
            + f"；还后剩余本金 {_money(row.balance, 'zh')}",
            f"Principal {_money(row.principal, 'en')}, interest {_money(row.interest, 'en')}"
            + (f", fee {_money(row.fee, 'en')}" if row.fee else "")
            + f"; balance after {_money(row.balance, 'en')}",
        )
        out.append(Event(day, summary, description))
    return out


def _debt_name(debt, index: int, lang: str) -> str:
    return debt.name or ui.t(lang, f"第 {index + 1} 笔", f"debt {index + 1}")


def _payoff(result, lang: str, first: dt.date | None) -> list[Event]:
    debts = result.inputs.debts
    out = []
    for row in result.rows:
        day = row.date or add_months(first, row.month - 1)
        parts = [(_debt_name(d, k, lang), paid) for k, (d, paid) in enumerate(zip(debts, row.payments, strict=True))
                 if paid > 0]
        sep = "、" if lang == "zh" else ", "
        owed = sep.join(f"{name} {_money(paid, lang)}" for name, paid in parts)
        summary = ui.t(lang, f"还款 {_money(row.total, 'zh')}：{owed}",
                       f"Pay {_money(row.total, 'en')}: {owed}")
        description = ui.t(lang, f"还债计划第 {row.month}/{result.months} 个月",
                           f"Month {row.month} of {result.months} of your payoff plan")
        out.append(Event(day, summary, description))
    return out


def _negotiation(result, lang: str, first: dt.date | None) -> list[Event]:
    if result.best is None:
        return []
    rows = {"reinstalment": result.reinstal_rows, "frozen": result.frozen_rows}.get(result.best)
    name = ui.t(lang, "协商还款", "Negotiated plan")
    if rows is None:  # one payment: paying in full, or the lump at the end of an extension
        option = next(o for o in result.options if o.key == result.best)
        return [Event(first, ui.t(lang, f"{name}：还 {_money(option.total_paid, 'zh')}",
                                  f"{name}: pay {_money(option.total_paid, 'en')}"))]
    n = len(rows)
    return [Event(add_months(first, row.period - 1),
                  ui.t(lang, f"{name}：还 {_money(row.payment, 'zh')}（第 {row.period}/{n} 期）",
                       f"{name}: pay {_money(row.payment, 'en')} (payment {row.period} of {n})"),
                  ui.t(lang, f"还后剩余 {_money(row.balance, 'zh')}", f"Left after: {_money(row.balance, 'en')}"))
            for row in rows]


def _checklist(result, lang: str, first: dt.date | None) -> list[Event]:
    from . import checklist as words

    out = []
    for step in result.steps:
        if step.deadline is None or step.days_left is None or step.days_left < 0:
            continue
        out.append(Event(step.deadline, ui.t(lang, f"{words.lead(step.key, 'zh')}：{words.title(step.key, 'zh')}",
                                             f"{words.lead(step.key, 'en')}: {words.title(step.key, 'en')}"),
                         words.deadline_text(step, lang)))
    return out


def _plan(result, lang: str, first: dt.date | None) -> list[Event]:
    """My action plan: its deadlines still ahead, each with the name of the debt it belongs to; and, when
    the first payment's date is given, the payments: every month to debt-free when the money covers the
    minimums (what each debt gets, as the plan's order says), or, when it is short, this month's (the
    legal-risk order, and the pro-rata shares the letters offer) and a reminder a month later to look at
    the plan again (a shortfall is worked out month by month, after talking to the lenders)."""
    from . import checklist as words

    out = []
    for step in result.steps:
        if step.deadline is None or step.days_left is None or step.days_left < 0:
            continue
        debt = result.inputs.debts[step.debt]
        who = debt.name or ui.t(lang, f"第 {step.debt + 1} 笔", f"debt {step.debt + 1}")
        out.append(Event(step.deadline, ui.t(lang, f"{who}，{words.lead(step.key, 'zh')}：{words.title(step.key, 'zh')}",
                                             f"{who}, {words.lead(step.key, 'en')}: {words.title(step.key, 'en')}"),
                         words.deadline_text(step, lang)))
    if first is None:
        return out
    debts = result.inputs.debts
    sep = "、" if lang == "zh" else ", "

    def owed(amounts) -> str:
        return sep.join(f"{_debt_name(debts[k], k, lang)} {_money(paid, lang)}" for k, paid in amounts if paid > 0)

    if result.short:
        order = owed((s.index, s.paid) for s in result.shares)
        shares = owed(enumerate(result.pro_rata))
        out.append(Event(first, ui.t(lang, f"还款日：这个月能还 {_money(result.money, 'zh')}，不够所有最低还款",
                                     f"Payment day: {_money(result.money, 'en')} this month, short of the minimums"),
                         ui.t(lang, f"按法律风险先后：{order or '无'}。按比例的提议（信里写的）：{shares or '无'}。"
                                    "已经谈好的，按谈好的还。",
                              f"By legal risk: {order or 'none'}. The pro-rata offer (as in your letters): "
                              f"{shares or 'none'}. Where a plan is agreed, pay as agreed.")))
        out.append(Event(add_months(first, 1),
                         ui.t(lang, "重新看一下我的行动计划", "Look at your action plan again"),
                         ui.t(lang, "钱不够的时候，每个月按新的情况重新分；谈好的计划可以存到“我的情况”。",
                              "When money is short, share it again each month as things change; save any "
                              "agreed plan to My situation.")))
        return out
    if result.payoff_plan is None:
        return out
    n = result.payoff_plan.months
    for month, (row, total) in enumerate(zip(result.payoff_plan.payments, result.payoff_plan.totals,
                                             strict=True)):
        out.append(Event(add_months(first, month),
                         ui.t(lang, f"还款 {_money(total, 'zh')}：{owed(enumerate(row))}",
                              f"Pay {_money(total, 'en')}: {owed(enumerate(row))}"),
                         ui.t(lang, f"行动计划第 {month + 1}/{n} 个月", f"Month {month + 1} of {n} of your action plan")))
    return out


# any day: only whether a plan has events at all is asked of it
_PROBE = dt.date(2000, 1, 1)


def first_date(form) -> dt.date | None:
    """The first payment's date typed beside the calendar button, if any."""
    return fields.read_field(FIRST, form) if isinstance(form, dict) else None


@dataclass(frozen=True)
class Plan:
    """A calculator's calendar (its record in calculators/web.py holds it): the file's name in
    zh and en, what makes its events from a result, and whether the result carries its own dates
    (a start date was given, or deadlines are dates) or needs the first payment's date."""

    name_zh: str
    name_en: str
    make: Callable[[object, str, dt.date | None], list[Event]]
    own_dates: Callable[[object], bool]
    # whether the result has any event, without writing them all (a 600-month plan's 600 summaries
    # would cost more than the rest of the reply); None: make them and see
    has_events: Callable[[object], bool] | None = None
    # the first payment's date may be given beside the button though the plan has dates of its own
    # (my action plan: deadlines without it, payments too with it); the words said beside it
    first_optional: tuple[str, str] | None = None

    def name(self, lang: str) -> str:
        return ui.t(lang, self.name_zh, self.name_en)

    def events(self, result, lang: str, first: dt.date | None = None) -> list[Event]:
        """The plan's events; ``first`` is the first payment's date when the plan has no dates of its own."""
        ask = InputError(FIRST.name, "请填写第一次还款的日期，才能把每期还款加到日历，例如 2026-12-05",
                         "Enter the date of your first payment so each payment can go into your calendar, "
                         "such as 2026-12-05")
        if first is None and not self.own_dates(result):
            raise ask
        events = self.make(result, lang, first)
        if not events and first is None and self.first_optional:
            raise ask  # nothing dated yet: the payments need their first date
        return events

    def button(self, slug: str, result, lang: str) -> str:
        """The "add to calendar" block, or nothing when this result has no dates to remind of."""
        # no button that leads nowhere: a plan with no payments (money short of the minimums, no
        # plan within reach) or a checklist with no date ahead offers nothing to add
        if self.has_events is not None:
            if not self.has_events(result):
                return ""
        elif not self.make(result, lang, None if self.own_dates(result) else _PROBE):
            return ""
        hint = ui.t(lang, *self.first_optional) if self.first_optional else ""
        return _button(slug, lang, date_input=bool(hint) or not self.own_dates(result), hint=hint)


def _start_given(result) -> bool:
    return result.inputs.start_date is not None


REPAYMENT = Plan("还款计划", "Repayment plan", _repayment, own_dates=_start_given,
                 has_events=lambda result: bool(result.rows))
PAYOFF = Plan("还债计划", "Debt payoff plan", _payoff, own_dates=_start_given, has_events=lambda result: bool(result.rows))
NEGOTIATION = Plan("协商还款计划", "Negotiated repayment plan", _negotiation, own_dates=lambda result: False)
CHECKLIST = Plan("法律期限", "Legal deadlines", _checklist, own_dates=lambda result: True)
PLAN = Plan("我的行动计划", "My action plan", _plan, own_dates=lambda result: True,
            has_events=lambda result: True,
            first_optional=("填上第一次还款的日期，日历里还会有每个月的还款提醒；不填就只有期限。",
                            "Give the date of your first payment to add a reminder for each month's payment "
                            "too; leave it empty for the deadlines only."))


def _button(slug: str, lang: str, date_input: bool, hint: str = "") -> str:
    label = ui.t(lang, "加到手机日历", "Add to calendar")
    note = ui.t(lang, "生成一个日历文件（.ics），在你的设备上生成，不会发送到任何地方；每个日期提前 3 天和 1 天提醒。",
                "Makes a calendar file (.ics) on your device; nothing is sent anywhere. Each date reminds "
                "you 3 days and 1 day before.")
    msgs = {
        "working": ui.t(lang, "正在生成日历文件…", "Making the calendar file…"),
        "done": ui.t(lang, "日历文件已生成：打开下载的文件，加到手机日历。",
                     "Calendar file made: open the downloaded file to add it to your calendar."),
        "failed": ui.t(lang, "没能生成日历文件：计算引擎还没就绪，请稍后再试。",
                       "Could not make the calendar file: the calculator is not ready yet; try again shortly."),
    }
    date_field = ""
    if date_input:
        date_field = (f'<label class="calc-calendar-first">{ui.esc(FIRST.label(lang))} '
                      f'<input type="date" name="{FIRST.name}" data-calendar-first></label>')
        if hint:
            date_field += f'<p class="calc-calendar-hint">{ui.esc(hint)}</p>'
    data = " ".join(f'data-msg-{k}="{ui.esc(v)}"' for k, v in msgs.items())
    return (f'<div class="calc-calendar" data-calendar="{ui.esc(slug)}" {data}>{date_field}'
            f'<button type="button" class="calc-button" data-action="calendar">{ui.esc(label)}</button>'
            f'<p class="calc-calendar-note">{ui.esc(note)}</p>'
            f'<p class="calc-calendar-msg" role="status"></p></div>')
