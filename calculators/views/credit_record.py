"""The page's words and HTML for credit-record: ``render(result, lang)``."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from .. import wording
from ..credit_record import Condition, Event, Inputs, Result, _keep, _relief, to_dict
from . import html as ui


def condition_text(c: Condition, inputs: Inputs, lang: str) -> str:
    """Why a relief condition is met, not met or unknown, in a sentence."""
    rule = _relief()
    limit = Decimal(rule["max_single_overdue"])
    deadline, first, last = rule["repaid_by"], rule["overdue_from"], rule["overdue_to"]
    def z(day: dt.date) -> str:
        return wording.date(day, "zh")

    def e(day: dt.date) -> str:
        return wording.date(day, "en")

    span_zh, span_en = f"{z(first)}到{z(last)}", f"{e(first)} to {e(last)}"
    amount = inputs.overdue_amount
    if c.why == "in_period":
        zh, en = f"逾期发生在 {span_zh}之间", f"The overdue arose in the period {span_en}"
    elif c.why in ("before_period", "after_period"):
        when_zh, when_en = ("早于", "before") if c.why == "before_period" else ("晚于", "after")
        zh = f"逾期从 {z(inputs.overdue_start)}开始，{when_zh}政策覆盖的 {span_zh}"
        en = f"The overdue began on {e(inputs.overdue_start)}, {when_en} the period the policy covers ({span_en})"
    elif c.why == "no_amount":
        zh = f"没有填单笔逾期金额：要判断这一条，需要知道信用报告里这个账户每个月的逾期金额是否都不超过 {wording.money_short(limit, 'zh')}"
        en = (f"No overdue amount given: this needs the overdue amount your report shows for this account "
              f"in each month, and whether it stayed at or below {wording.money_short(limit, 'en')}")
    elif c.why == "at_most_limit":
        zh = f"单笔逾期金额 {wording.money_short(amount, 'zh')}，不超过 {wording.money_short(limit, 'zh')}"
        en = f"The overdue amount, {wording.money_short(amount, 'en')}, is at or below {wording.money_short(limit, 'en')}"
    elif c.why == "above_limit":
        zh = (f"单笔逾期金额 {wording.money_short(amount, 'zh')}，超过了 {wording.money_short(limit, 'zh')}；"
              f"逾期金额不超过 {wording.money_short(limit, 'zh')}的那几个月仍可能符合")
        en = (f"The overdue amount, {wording.money_short(amount, 'en')}, is above {wording.money_short(limit, 'en')}; months whose overdue "
              f"amount stayed at or below {wording.money_short(limit, 'en')} may still have been covered")
    elif c.why == "repaid_in_time":
        zh = f"在 {z(deadline)}前已经全部还清（{z(inputs.paid_date)}）"
        en = f"Repaid in full by {e(deadline)} (on {e(inputs.paid_date)})"
    elif c.why == "repaid_late":
        zh = f"{z(inputs.paid_date)}才还清，晚于 {z(deadline)}的期限"
        en = f"Repaid on {e(inputs.paid_date)}, after the {e(deadline)} deadline"
    elif c.why == "deadline_passed":
        zh = f"还没还清，而 {z(deadline)}的还款期限已经过了"
        en = f"Not paid off, and the {e(deadline)} deadline has passed"
    else:  # not_yet_repaid
        zh = f"还没还清：要符合这一条，需要在 {z(deadline)}前全部还清"
        en = f"Not paid off yet: this needs the whole overdue amount repaid by {e(deadline)}"
    return ui.t(lang, zh, en)


def event_text(ev: Event, inputs: Inputs, keep: int, lang: str) -> str:
    """What happens on a day of the timeline."""
    words = {
        "overdue_start": (
            "开始逾期。什么时候出现在信用报告上，取决于放贷机构什么时候报送，通常是它下一次按月报送的时候",
            "The overdue began. When it appears on your credit report depends on when the lender reports; "
            "usually at its next monthly report"),
        "relief_announced": ("中国人民银行公布一次性信用修复政策",
                             "The People's Bank of China announces the one-off credit relief"),
        "relief_deadline": ("一次性信用修复的还款期限：这天之前全部还清的才算",
                            "Deadline of the one-off relief: only overdue repaid in full by this day counts"),
        "paid": (f"逾期的钱全部还清，{keep} 年从这天开始算",
                 f"The overdue amount is paid off; the {keep} years start from this day"),
        "shown_until": (f"满 {keep} 年，这条记录不再展示", f"{keep} years are up; the record is no longer shown"),
        "today": ("计算日期", "The as-of date") if inputs.is_paid else (
            f"计算日期：还没还清，{keep} 年还没开始算",
            f"The as-of date: not paid off yet, so the {keep} years have not started"),
    }
    return ui.t(lang, *words[ev.name])


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
        return wording.date(value, lang)

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
            wording.count(days, "day", lang),
            t(lang, f"从 {day(i.today)}算起", f"from {day(i.today)}") if days else
            t(lang, f"{keep} 年已满", f"the {keep} years are up"),
        ))
    verdict_zh, verdict_en = _VERDICT[result.relief]
    summary = ([c for c in result.conditions if c.status == "not_met"]
               or [c for c in result.conditions if c.status == "unknown"] or list(result.conditions))
    items.append(ui.figure(
        "relief", t(lang, f"{announced.year} 年一次性信用修复", f"{announced.year} one-off credit relief"),
        d["relief"], t(lang, verdict_zh, verdict_en),
        t(lang, "三个条件都满足", "all three conditions met") if result.relief == "yes"
        else condition_text(summary[0], i, lang),
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
            f"until about {day(result.shown_until)}: {wording.count(result.days_remaining, 'day', 'en')} after {day(i.today)}. "
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
        f"{day(rule['overdue_to'])}之间发生、单笔金额不超过 {wording.money_short(limit, 'zh')}的个人逾期记录，"
        f"在 {day(deadline)}前全部还清的，不再展示。它是自动处理的，免费，不用申请，也不用找任何人代办；"
        "以这个政策为名向你收钱的，都是骗子。"
        + (f"还款期限 {day(deadline)}已经过了，在这之后才还清的，不在这次政策范围内。" if closed else ""),
        f"On {day(announced)} the People's Bank of China announced a one-off credit relief: personal overdue records "
        f"arising from {day(rule['overdue_from'])} to {day(rule['overdue_to'])}, with a single overdue "
        f"amount of at most {wording.money_short(limit, 'en')}, are no longer shown if repaid in full by {day(deadline)}. "
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
        why = condition_text(c, i, lang)
        explain.append(t(lang, f"{name_zh}：{state_zh}。{why}。", f"{name_en}: {state_en}. {why}."))
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
    rows = [[day(ev.day), event_text(ev, i, keep, lang)] for ev in result.timeline]
    return ui.result(
        lang,
        ui.figures(items),
        ui.notes(explain),
        ui.table("timeline", columns, rows, t(lang, "时间线", "Timeline"), lang, [False, False]),
    )
