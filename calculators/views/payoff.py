"""The page's words and HTML for payoff: ``render(result, lang)``."""

from __future__ import annotations

from .. import wording
from ..money import ZERO, fen, fen_text
from ..payoff import (
    _STRATEGY_WORDS,
    MAX_MONTHS,
    Debt,
    Result,
    _label,
    monthly_interest,
    plan_texts,
    to_dict,
)
from . import html as ui
from . import links
from .chart import Labels, line_chart


def _explain(result: Result, lang: str) -> list[str]:
    """The plain-language notes: order, the other order, growing debts, method, assumptions."""
    t = ui.t
    i = result.inputs
    notes = []
    zh_s, en_s = _STRATEGY_WORDS[i.strategy]
    if len(result.debts) > 1:
        ordered = sorted(enumerate(result.debts, start=1), key=lambda kd: (kd[1].cleared_month, kd[0]))
        steps = []
        for k, d in ordered:
            when = t(lang, f"第 {d.cleared_month} 个月", f"month {d.cleared_month}")
            if d.cleared_date:
                when += t(lang, f"，{wording.date(d.cleared_date, 'zh')}", f", {wording.date(d.cleared_date, 'en')}")
            steps.append(t(lang, f"{_label(d.debt, k, lang)}（{when}）", f"{_label(d.debt, k, lang)} ({when})"))
        notes.append(t(lang, f"按“{zh_s}”的顺序，还清的先后是：" + " → ".join(steps) + "。",
                       f"{en_s[0].upper()}{en_s[1:]}, the debts are cleared in this order: "
                       + " → ".join(steps) + "."))
        notes.append(_compare(result, lang))
    else:
        notes.append(t(lang, "只有一笔欠款，不存在先还哪笔的问题：多出来的钱都用来还它。",
                       "With one debt there is no order to choose: all the money goes to it."))
    growing = _growing(i.debts, lang)
    if growing:
        notes.append(growing)
    notes.append(t(
        lang,
        "怎么算的：每个月先按“年利率 ÷ 12”给每笔欠款加上利息（四舍五入到分），每笔先还最低还款，"
        "剩下的预算全部给排在最前面的那一笔；它还清了，剩下的钱当月就接着还下一笔。"
        "最后一个月只还剩下的部分，所以会少于每月预算。",
        "How this is worked out: each month every debt is charged interest at the annual rate ÷ 12 "
        "(rounded to the fen), every debt gets its minimum, and the rest of the budget goes to the debt "
        "at the front of the line; once it is paid off, what is left goes to the next one in the same "
        "month. The last month pays only what remains, so it is less than the budget.",
    ))
    notes.append(t(
        lang,
        "这里假设利率不变、不再借新的钱、没有罚息和其他费用。已经逾期的欠款可能还有罚息和费用，"
        "实际金额以合同和账单为准。",
        "This assumes the rates stay the same, no new borrowing, and no penalty interest or other fees. "
        "Overdue debts may carry penalty interest and fees; the contract and the statements give the "
        "actual amounts.",
    ))
    return notes


def _growing(debts: tuple[Debt, ...], lang: str) -> str:
    """One note on the debts whose minimum payment does not cover a month's interest (paying only
    the minimum never brings them down), each with its minimum and interest; "" when there are none.
    Several such debts share one note: a reader with many debts reads it once, not once a debt."""
    t = ui.t
    found = []
    for k, debt in enumerate(debts, start=1):
        posted = monthly_interest(debt.balance, debt.annual_rate)
        if posted and debt.minimum <= posted and debt.minimum < debt.balance + posted:
            found.append((_label(debt, k, lang), debt.minimum, posted))
    if not found:
        return ""
    if len(found) == 1:
        label, minimum, posted = found[0]
        return t(
            lang,
            f"{label} 的每月最低还款（{wording.money(minimum, 'zh')}）不比它一个月的利息"
            f"（约 {wording.money(posted, 'zh')}）多，只还最低的话这笔不会变少。这个计划用多出来的预算把它还掉。",
            f"The minimum payment on {label} ({wording.money(minimum, 'en')}) is no more than "
            f"its monthly interest (about {wording.money(posted, 'en')}), so paying only the minimum never brings it "
            "down. This plan uses the rest of the budget to pay it off.",
        )
    alike: dict[tuple, list[str]] = {}  # debts with the same minimum and interest are named together
    for label, minimum, posted in found:
        alike.setdefault((minimum, posted), []).append(label)
    if lang == "zh":
        each = "；".join(f"{'、'.join(labels)}（最低 {wording.money(m, 'zh')}，利息约 {wording.money(p, 'zh')}）"
                        for (m, p), labels in alike.items())
        return (f"这 {len(found)} 笔欠款的每月最低还款都不比各自一个月的利息多，只还最低的话不会变少：{each}。"
                "这个计划用多出来的预算把它们还掉。")
    each = "; ".join(f"{', '.join(labels)} (minimum {wording.money(m, 'en')}, interest about {wording.money(p, 'en')})"
                     for (m, p), labels in alike.items())
    return (f"On these {len(found)} debts the minimum payment is no more than a month's interest, so paying "
            f"only the minimum never brings them down: {each}. This plan uses the rest of the budget to pay "
            "them off.")


def _compare(result: Result, lang: str) -> str:
    """The other order in plain words."""
    t = ui.t
    zh_o, en_o = _STRATEGY_WORDS[result.other_strategy]
    if result.other_months is None or result.other_total_interest is None:
        return t(lang, f"如果改成“{zh_o}”，{MAX_MONTHS} 个月内还不清：按这个预算，先还哪笔差别很大。",
                 f"{en_o[0].upper()}{en_o[1:]} would not clear the debts within {MAX_MONTHS} months: "
                 "with this budget the order matters a lot.")
    months, interest = result.other_months, result.other_total_interest
    head_zh = f"如果改成“{zh_o}”：要 {months} 个月，利息一共 {wording.money(interest, 'zh')}"
    head_en = f"{en_o[0].upper()}{en_o[1:]} would take {wording.count(months, 'month', 'en')} and cost {wording.money(interest, 'en')} in interest"
    diff = interest - result.total_interest
    gap = months - result.months
    if diff == ZERO and gap == 0:
        return t(lang, head_zh + "，和现在的顺序一样。", head_en + ", the same as this order.")
    zh_parts, en_parts = [], []
    if diff > ZERO:
        zh_parts.append(f"比现在多付 {wording.money(diff, 'zh')}利息")
        en_parts.append(f"{wording.money(diff, 'en')} more interest than this order")
    elif diff < ZERO:
        zh_parts.append(f"比现在少付 {wording.money(-diff, 'zh')}利息")
        en_parts.append(f"{wording.money(-diff, 'en')} less interest than this order")
    if gap > 0:
        zh_parts.append(f"晚 {gap} 个月还清")
        en_parts.append(f"debt-free {wording.count(gap, 'month', 'en')} later")
    elif gap < 0:
        zh_parts.append(f"早 {-gap} 个月还清")
        en_parts.append(f"debt-free {wording.count(-gap, 'month', 'en')} sooner")
    text_zh = head_zh + "，" + "、".join(zh_parts) + "。"
    text_en = head_en + ": " + " and ".join(en_parts) + "."
    if result.inputs.strategy == "snowball" and diff < ZERO:
        text_zh += "先还余额最小的虽然多花一点利息，但能更早还清一笔、少一个要操心的账户，有的人因此更容易坚持下去。"
        text_en += (" Smallest balance first costs a little more, but one debt is gone sooner and there is "
                    "one less account to worry about, which helps some people keep going.")
    return t(lang, text_zh, text_en)


_REASON = {
    "court": ("已被起诉或强制执行：先保", "in court or enforcement: first"),
    "card_threshold": ("信用卡欠 5 万元以上：其次", "credit card at ¥50,000 or more: next"),
    "rate": ("按利率从高到低", "by rate, highest first"),
}

_CONSEQUENCE = {
    # what an unmet minimum leads to, by kind (docs/guides/enforcement.md, credit-card.md, overdue-costs.md)
    "court": ("已经在诉讼或执行中的欠款不按判决、调解还，可能被列入失信被执行人、限制高消费",
              "a debt already in court or enforcement that is not paid as ordered can lead to the list of "
              "dishonest debtors and limits on spending"),
    "card": ("信用卡逾期会计利息和违约金、记入征信；欠得多、经银行两次有效催收后超过三个月不还的，还可能被认定恶意透支",
             "a late credit card runs up interest and fees and goes on the credit record; a large balance left "
             "unpaid for over three months after two effective collection notices can be treated as "
             "malicious overdraft"),
    "loan": ("贷款逾期会计罚息、记入征信，还会被催收", "a late loan runs up penalty interest, goes on the credit "
             "record and is sent to collection"),
}


def _render_short(result: Result, lang: str, d: dict) -> str:
    """The budget does not cover the minimums: the shortfall, this month's plan, what follows, and where to go."""
    t = ui.t
    i = result.inputs
    money = wording.money
    items = [
        ui.money_figure("shortfall", t(lang, "每月比最低还款少", "Short of the minimum payments"), d, result.shortfall, lang,
                  t(lang, f"最低还款合计 {money(i.minimums, 'zh')}，预算 {money(i.budget, 'zh')}",
                    f"minimums {money(i.minimums, 'en')} a month, budget {money(i.budget, 'en')}")),
    ]
    rows = []
    unmet = []
    for x, xd in zip(result.shares, d["shares"], strict=True):
        debt = i.debts[x.index]
        name = _label(debt, x.index + 1, lang)
        zh_r, en_r = _REASON[x.reason]
        rows.append([name, t(lang, zh_r, en_r), xd["minimum"], xd["paid"], xd["unmet"]])
        if x.unmet:
            zh_c, en_c = _CONSEQUENCE[debt.kind or "loan"]
            unmet.append(t(lang, f"{name}：这个月少还 {money(x.unmet, 'zh')}。{zh_c}。",
                           f"{name}: {money(x.unmet, 'en')} short this month; {en_c}."))
    notes = [t(
        lang,
        f"每月 {money(i.budget, 'zh')} 不够付所有最低还款，还差 {money(result.shortfall, 'zh')}。还不清的计划排不出来，"
        "但这个月的钱可以这样分：先保已被起诉或强制执行的，再保欠 5 万元以上的信用卡，其余按利率从高到低，"
        "每笔先给足最低还款。",
        f"{money(i.budget, 'en')} a month does not cover every minimum payment: it is {money(result.shortfall, 'en')} "
        "short. No payoff plan works yet, but this month's money can go like this: first a debt in court or "
        "enforcement, then a credit card of ¥50,000 or more, then the rest by rate, highest first, each getting "
        "its full minimum while money lasts.",
    )]
    notes += unmet
    notes.append(t(
        lang,
        "最低还款不够的那几笔，现在就联系对方：说明收入，请求重新分期、延长期限或减免罚息，谈成了用新的每月金额再算一次。",
        "For each debt whose minimum you cannot meet, contact the lender now: explain your income and ask to "
        "re-instal, extend or waive penalties; once agreed, work it out again with the new monthly amounts.",
    ))
    table = ui.table(
        "shares",
        [("debt", t(lang, "欠款", "Debt")), ("reason", t(lang, "为什么排在这里", "Why here")),
         ("minimum", t(lang, "最低还款", "Minimum")), ("paid", t(lang, "这个月给", "Pay this month")),
         ("unmet", t(lang, "还差", "Short"))],
        rows, t(lang, "这个月的钱怎么分", "This month's money, debt by debt"), lang,
        [False, False, True, True, True], money=["minimum", "paid", "unmet"])
    more = links.paragraph(
        t(lang, "接下来：", "Next:"),
        [("negotiate", t(lang, "怎样和平台协商还款", "How to negotiate with a lender")),
         ("negotiation", t(lang, "协商还款方案比较", "Compare what you can ask for"))])
    return ui.result(lang, ui.figures(items), ui.notes(notes), more, table)


def render(result: Result, lang: str, data: dict | None = None) -> str:
    """The result as an HTML fragment in the reader's language."""
    t = ui.t
    d = data if data is not None else to_dict(result)
    if result.shares:
        return _render_short(result, lang, d)
    i = result.inputs
    items = [
        ui.figure("months", t(lang, "多久能还清", "Debt-free in"), str(d["months"]),
                  t(lang, f"{result.months} 个月", wording.count(result.months, 'month', 'en')),
                  t(lang, f"也就是 {wording.months(result.months, lang)}", f"that is {wording.months(result.months, lang)}")
                  if result.months >= 12 else ""),
    ]
    if result.debt_free_date:
        items.append(ui.figure("debt_free_date", t(lang, "还清日期", "Last payment"), d["debt_free_date"],
                               wording.date(result.debt_free_date, lang)))
    items += [
        ui.money_figure("total_interest", t(lang, "利息合计", "Total interest"), d, result.total_interest, lang),
        ui.money_figure("total_paid", t(lang, "一共要还", "Total to repay"), d, result.total_paid, lang),
    ]
    labels = [_label(debt, k, lang) for k, debt in enumerate(i.debts, start=1)]
    # each debt's balance at the start and after each month, in fen as the plan has them, up to the
    # month it is paid off (its line stops at zero there)
    columns = zip(*(row.fen for row in result.rows), strict=True)
    series = [
        (label, (fen(debt.balance), *column[:cleared.cleared_month]))
        for label, debt, column, cleared in zip(labels, i.debts, columns, result.debts, strict=True)
    ]
    chart = line_chart(
        t(lang, "每笔欠款的余额变化", "What each debt owes, month by month"),
        series,
        Labels(result.months + 1, lambda m: t(lang, f"第{m}月", f"m{m}")),
        lang,
        scale=100,
    )
    debt_columns = [("name", t(lang, "欠款", "Debt")), ("balance", t(lang, "现在欠", "Owed now")),
                    ("annual_rate", t(lang, "年利率（%）", "Annual rate (%)")),
                    ("minimum", t(lang, "每月最低", "Minimum")),
                    ("cleared_month", t(lang, "第几个月还清", "Cleared in month"))]
    if result.debt_free_date:
        debt_columns.append(("cleared_date", t(lang, "还清日期", "Cleared on")))
    debt_columns.append(("interest", t(lang, "这笔的利息", "Interest on it")))
    debt_rows = [
        [labels[k] if key == "name" else str(item[key]) for key, _ in debt_columns]
        for k, item in enumerate(d["debts"])
    ]
    plan_columns = [("month", t(lang, "月份", "Month"))]
    if result.debt_free_date:
        plan_columns.append(("date", t(lang, "还款日", "Date")))
    # One column a debt (what it gets this month), then the month's total and what is left in
    # all; each debt's balance is in the chart and the JSON, keeping the table phone-sized.
    for j, label in enumerate(labels):
        plan_columns.append((f"payment_{j}", t(lang, f"{label} 还款", f"{label} paid")))
    plan_columns.append(("total", t(lang, "本月合计", "Total paid")))
    plan_columns.append(("left", t(lang, "还欠合计", "Left in all")))
    # the months' texts from the result, as to_dict writes them (the page's data leaves the plan out)
    dated = result.debt_free_date is not None

    def plan_cells(start: int, stop: int) -> list[list[str]]:
        rows = []
        for row, payments, total in plan_texts(result, start, stop):
            cells = [str(row.month), row.date.isoformat()] if dated else [str(row.month)]
            cells += payments
            cells.append(total)
            cells.append(fen_text(sum(row.fen)))
            rows.append(cells)
        return rows

    plan_rows = ui.Rows(len(result.rows), plan_cells)  # the hidden months made only when asked for
    return ui.result(
        lang,
        ui.figures(items),
        ui.notes(_explain(result, lang)),
        chart,
        ui.table("debts", debt_columns, debt_rows, t(lang, "每笔欠款", "Each debt"), lang,
                 [k not in ("name", "cleared_date") for k, _ in debt_columns], money=["balance", "minimum", "interest"]),
        ui.table("plan", plan_columns, plan_rows, t(lang, "每月还款计划", "Month-by-month plan"), lang,
                 [k != "date" for k, _ in plan_columns],
                 money=[k for k, _ in plan_columns if k not in ("month", "date")]),
    )
