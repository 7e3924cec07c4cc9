"""The page's words and HTML for my action plan: ``render(result, lang)``.

Four parts, the most urgent first: what to do by when (every debt's papers, soonest first, then the
steps for the whole situation), the money this month (when it is short: the legal-risk order beside
the pro-rata offer, with the trade-off in plain words), the letters to send (each opens already
filled), and the other tools opened with these numbers. The links that open a tool carry its form
in ``data-carry`` (pairs from ``plan.fill``); the page's script puts them in the link's fragment
on the tap, so they never reach a server or the history (plan.js).
"""

from __future__ import annotations

import json

from .. import wording
from ..money import money_text
from ..payoff import STRATEGIES
from ..plan import FILLS, Result, Step, fill, first_behind, save_for, to_dict
from . import checklist as steps_view
from . import html as ui
from . import next_steps

# words for the steps only the plan has: (title zh, title en, what to do zh, what to do en, destination)
STEPS: dict[str, tuple[str, str, str, str, str]] = {
    "unlicensed_lender": (
        "有一笔像是没有放贷资格的人或公司借的：先别写信答应还款",
        "One lender looks unlicensed: do not promise to pay in writing yet",
        "没有放贷资格、专门放贷的人或公司借出的钱，借款合同可能无效（法释〔2020〕17号 第十三条第三项），"
        "约定的利息和费用可能得不到法律保护；写信答应还款，可能把本来可以争的钱认下来。"
        "先打 12348 免费问一问；被威胁就报警。",
        "A loan contract made by an unlicensed business lender may be void (SPC private-lending provisions, "
        "Fa Shi [2020] No. 17, art. 13(3)), so its interest and fees may not be protected by law, and a letter "
        "promising to pay can concede money you could dispute. Call the free 12348 line first; if you are "
        "threatened, call the police.",
        "illegal_lending"),
}

# the letters the plan suggests, by their slug, named as their pages are (the letters' own modules are
# not imported here: they load only on letter pages)
LETTER_NAMES = {
    "negotiation-letter": ("协商还款申请", "Asking for a repayment plan"),
    "card-instalments": ("信用卡个性化分期申请", "Credit card instalment request"),
    "stop-contact": ("要求停止联系第三人", "Stop contacting other people"),
    "complaint": ("投诉材料", "Complaint about collection"),
    "hardship-statement": ("困难情况说明和收支表", "Hardship statement and budget"),
}

# the letters that offer to pay (they restart the time limit, and say nothing to a court)
PROMISE_LETTERS = ("negotiation-letter", "card-instalments")

REASONS = {
    "court": ("已在法院或仲裁", "In court or arbitration"),
    "card_threshold": ("信用卡欠款达到 5 万元", "Card debt of ¥50,000 or more"),
    "rate": ("利率高的先保", "Highest rate first"),
}


def _debt_name(result: Result, k: int | None, lang: str) -> str:
    if k is None:
        return ""
    name = result.inputs.debts[k].name
    return name or ui.t(lang, f"第 {k + 1} 笔", f"Debt {k + 1}")


def _row_name(result: Result, k: int, lang: str) -> str:
    """A debt's name in the money table; a plan agreed with its lender says so (its minimum is that plan's)."""
    name = _debt_name(result, k, lang)
    return name + ui.t(lang, "（已谈好）", " (agreed)") if result.inputs.debts[k].agreed else name


def _step_words(key: str) -> tuple[str, str, str, str, str]:
    return STEPS.get(key) or steps_view.STEPS[key]


def _step(result: Result, step: Step, lang: str) -> str:
    zh_title, en_title, zh_do, en_do, dest = _step_words(step.key)
    who = _debt_name(result, step.debt, lang)
    title = ui.t(lang, zh_title, en_title)
    if who:
        title = f"{who}：{title}" if lang == "zh" else f"{who}: {title}"
    parts = [f'<p class="calc-step-title"><strong>{ui.esc(title)}</strong></p>']
    if step.deadline is not None:
        parts.append(steps_view.deadline_html(step, lang))
    parts.append(f"<p>{ui.esc(ui.t(lang, zh_do, en_do))}</p>")
    href, words = next_steps.link(dest, lang)
    parts.append(f'<p class="calc-step-link">{ui.esc(ui.t(lang, "怎么做：", "How: "))}'
                 f'<a href="{ui.esc(href)}" data-step="{ui.esc(dest)}">{ui.esc(words)}</a></p>')
    debt = "" if step.debt is None else f' data-debt="{step.debt}"'
    return f'<li data-step-key="{ui.esc(step.key)}"{debt}>{"".join(parts)}</li>'


def _pairs(slug: str, form: dict) -> str:
    """The form as [name, value] pairs the way the tool's page names its fields (rows as debts.0.name)."""
    pairs: list[list[str]] = [["calc", slug]]
    for name, value in form.items():
        if isinstance(value, list):
            pairs += [[f"{name}.{i}.{k}", v] for i, row in enumerate(value) for k, v in row.items()]
        else:
            pairs.append([name, value])
    return ui.esc(json.dumps(pairs, ensure_ascii=False, separators=(",", ":")))


def _money_table(result: Result, lang: str) -> str:
    t = ui.t
    debts = result.inputs.debts
    if result.short:
        by_debt = {s.index: s for s in result.shares}
        rows = [[_row_name(result, k, lang), money_text(debts[k].minimum), money_text(by_debt[k].paid),
                 t(lang, *REASONS[by_debt[k].reason]), money_text(result.pro_rata[k])]
                for k in [s.index for s in result.shares]]
        columns = [("debt", t(lang, "欠款", "Debt")), ("minimum", t(lang, "最低要还", "Minimum")),
                   ("risk", t(lang, "按法律风险排", "Legal-risk order")), ("why", t(lang, "为什么", "Why")),
                   ("pro_rata", t(lang, "按比例分", "Pro-rata offer"))]
        return ui.table("money", columns, rows, t(lang, "这个月的钱怎么分：两种分法", "This month's money: two ways to share it"),
                        lang, [False, True, True, False, True], money=("minimum", "risk", "pro_rata"))
    rows = [[_row_name(result, k, lang), money_text(d.minimum), money_text(result.this_month[k])]
            for k, d in enumerate(debts)]
    columns = [("debt", t(lang, "欠款", "Debt")), ("minimum", t(lang, "最低要还", "Minimum")),
               ("pay", t(lang, "这个月还", "Pay this month"))]
    return ui.table("money", columns, rows, t(lang, "这个月每笔还多少", "What each debt gets this month"), lang,
                    money=("minimum", "pay"))


def _letters(result: Result, lang: str) -> str:
    if not result.letters:
        return ""
    items = []
    for n, letter in enumerate(result.letters):
        zh, en = LETTER_NAMES[letter.slug]
        who = _debt_name(result, letter.debt, lang)
        label = ui.t(lang, zh, en) + (ui.t(lang, f"（{who}）", f" ({who})") if who else "")
        items.append(f'<li><a href="../../letters/{ui.esc(letter.slug)}/" data-carry="{_pairs(letter.slug, dict(letter.form))}" '
                     f'data-letter-index="{n}">{ui.esc(label)}</a></li>')
    # a debt already in court, arbitration or enforcement: a letter to the lender never stops the court's clock
    sued = list(dict.fromkeys(x.debt for x in result.letters
                              if x.slug in PROMISE_LETTERS and x.debt is not None and result.inputs.debts[x.debt].in_court))
    court = ""
    if sued:
        names = ui.t(lang, "、", ", ").join(_debt_name(result, k, lang) for k in sued)
        court = ui.paragraph(ui.t(
            lang,
            f"{names}已经到了法院、仲裁或执行这一步：先按上面的期限回应（书面异议、答辩、上诉或申报财产），再写信谈。"
            "和对方谈，法院的期限不会停下来；对金额、利息、费用有异议的，要在期限内向法院或仲裁委员会书面提出，"
            "只写在给对方的信里不算。",
            f"{names}: already in court, arbitration or enforcement. Answer first, by the deadlines above (a written "
            "objection, a defence, an appeal or your asset report), then write to the lender. Talking to the lender "
            "does not stop the court's deadlines; if you dispute the amount, interest or charges, say so in writing "
            "to the court or arbitration commission in time: a letter to the lender does not count."))
    return (f'<h3>{ui.esc(ui.t(lang, "要寄的信（打开时已经填好）", "Letters to send (they open filled in)"))}</h3>'
            f'<ul class="calc-plan-letters">{"".join(items)}</ul>' + court
            + ui.paragraph(ui.t(lang, "每封信寄出前都看一遍：金额、日期和对方名称以你手上的材料为准。答应还款的信会让诉讼时效重新起算，"
                                "信的页面上会提醒你什么时候要先问一问。",
                                "Read each letter before you send it: your own papers decide the amounts, dates and "
                                "names. A letter promising to pay restarts the time limit for suing; each letter's page "
                                "says when to ask for advice first.")))


def _tools(result: Result, lang: str) -> str:
    items = []
    debt = first_behind(result)  # the debt a one-debt tool opens with (a result saved back goes to it)
    for module, _ in FILLS:
        form = fill(module.SLUG, result)
        items.append(f'<li><a href="../../calculators/{module.SLUG}/" data-carry="{_pairs(module.SLUG, form)}" '
                     f'data-carry-debt="{debt}">'
                     f'{ui.esc(module.TITLE[lang])}</a></li>')
    return (f'<div class="calc-plan-tools"><h3>{ui.esc(ui.t(lang, "用这些数字打开其他工具", "Open the other tools with these numbers"))}</h3>'
            f'<ul>{"".join(items)}</ul></div>')


def render(result: Result, lang: str, data: dict | None = None) -> str:
    """The plan as an HTML fragment in the reader's language."""
    t = ui.t
    d = data if data is not None else to_dict(result)
    items = [ui.money_figure("money", t(lang, "每月能拿来还债的钱", "Money for debts each month"), d, result.money, lang,
                             t(lang, "到手收入减去必要开支", "Take-home income less essential spending")),
             ui.money_figure("minimums", t(lang, "每月最低要还", "Minimum payments each month"), d, result.minimums, lang)]
    if result.short:
        items.append(ui.money_figure("shortfall", t(lang, "每月差多少", "Short each month"), d, result.shortfall, lang))
    elif result.months is not None:
        items.append(ui.figure("months", t(lang, "按这个计划还清要", "Debt-free in"), str(result.months),
                               wording.count(result.months, "month", lang)))
    dated = [s for s in result.steps if s.deadline]
    if dated:
        first = dated[0]
        items.append(ui.figure("first_deadline", t(lang, "最早的期限", "Earliest deadline"), d["first_deadline"],
                               wording.date(first.deadline, lang), steps_view.days_left_text(first, lang)[0]))
    steps = "".join(_step(result, s, lang) for s in result.steps)
    explain = []
    if result.short:
        explain.append(t(lang,
                         "钱不够还所有最低还款。两种分法：按法律风险排，先保已经在法院或仲裁的、达到 5 万元的信用卡，"
                         "再保利率高的，能少一些法律上的风险，但别的几笔这个月可能一分也拿不到；按比例分，每一笔都按欠的多少拿到一部分，"
                         "可以拿着这个数去和每一家谈，但已经起诉的那一笔拿到的可能不够。两种都不是法律规定，选你能坚持下去的。"
                         "5 万元这条线：只是还不上，不算恶意透支，要有非法占有的目的，经银行两次有效催收超过三个月仍不还才算；"
                         "数额只算没还的本金，不算利息和费用（妨害信用卡管理刑事案件解释第六条、第九条，2018 年修改）。",
                         "The money does not cover every minimum. Two ways to share it: the legal-risk order keeps the "
                         "debt in court or arbitration and a card at ¥50,000 or more safe first, then the highest rate, "
                         "which lowers the legal risk, but the others may get nothing this month; the pro-rata offer gives "
                         "every debt a share in proportion to what it is owed, a figure you can take to each lender, but "
                         "the debt already in court may get less than it needs. Neither is a rule of law: choose the one you "
                         "can keep to. On the ¥50,000 line: simply being unable to pay is not malicious overdraft; it takes "
                         "an intent to keep the money and still not paying three months after two proper demands from the "
                         "bank, and only the unpaid principal counts, not interest or fees (SPC and SPP interpretation on "
                         "credit-card crimes, arts. 6 and 9, as amended in 2018)."))
    else:
        label = next(c for c in STRATEGIES if c[0] == (result.inputs.order or "avalanche"))
        explain.append(t(lang, f"每一笔先还最低还款，多出来的钱：{label[1]}。", f"Every debt gets its minimum; money "
                         f"left over: {label[2][0].lower()}{label[2][1:]}."))
    if any(x.agreed for x in result.inputs.debts):
        explain.append(t(lang, "标着“已谈好”的，最低要还就是和对方谈好的每月还款；这一笔不再建议写协商信。",
                         "For a debt marked agreed, the minimum is the monthly payment agreed with the lender; "
                         "no letter asking for a plan is suggested for it."))
    if dated:
        explain.append(t(lang, *steps_view.COUNTING))
        explain.append(t(lang, f"按 {wording.date(result.today, 'zh')} 计算还剩几天。",
                         f"Days left are counted from {wording.date(result.today, 'en')}."))
    explain.append(t(lang, "这份计划是一般性的信息，不是法律意见。拿不准的，打 12348 公共法律服务热线免费咨询。",
                     "This plan is general information, not legal advice. If unsure, call the free 12348 public "
                     "legal-service line."))
    return ui.result(
        lang,
        ui.figures(items),
        f'<h3>{ui.esc(t(lang, "要做的事，按先后", "What to do, in order"))}</h3>',
        f'<ol class="calc-checklist">{steps}</ol>',
        _money_table(result, lang),
        ui.notes(explain),
        _letters(result, lang),
        _tools(result, lang),
    )


# ---- "save to My situation" after a tool's result (plan.SAVES) ----------------------------------

def save_block(slug: str, result, lang: str) -> str:
    """The hidden "save to My situation" block after a tool's result (situation.js shows it only when a
    situation is kept unlocked on this device): the pairs to write, from ``plan.SAVES``; a block for one
    debt also lets the reader choose which. Nothing when the tool has nothing to save or this result
    has nothing worth keeping (negotiation: paying in full or an extension)."""
    entry = save_for(slug)
    if entry is None:
        return ""
    one_debt = entry.one_debt
    pairs = entry.keep(result)
    if not pairs:
        return ""
    msgs = {
        "saved": ui.t(lang, "已经存到“我的情况”。打开“我的行动计划”，就能看到按它更新的计划。",
                      "Saved to My situation. Open My action plan to see the plan with it."),
        "not-saved": ui.t(lang, "没能存：这台设备上没有保存“我的情况”，或者它已加密（先在“我的行动计划”页面打开它）。",
                          "Not saved: My situation is not kept on this device, or it is locked (open it on the My "
                          "action plan page first)."),
        "unnamed": ui.t(lang, "第 {n} 笔", "Debt {n}"),
    }
    data = " ".join(f'data-msg-{k}="{ui.esc(v)}"' for k, v in msgs.items())
    saved = ui.esc(json.dumps([list(p) for p in pairs], ensure_ascii=False, separators=(",", ":")))
    choose = ""
    if one_debt:
        choose = (f'<label class="calc-save-debt">{ui.esc(ui.t(lang, "存到哪一笔欠款", "Which debt"))} '
                  f'<select data-save-debt></select></label> ')
    row = ' data-save-row="debts"' if one_debt else ""
    return (f'<div class="calc-save-situation" hidden data-save="{saved}"{row} {data}>'
            f'<p>{ui.esc(ui.t(lang, entry.words_zh, entry.words_en))}</p><p>{choose}'
            f'<button type="button" class="calc-button" data-save-situation>'
            f'{ui.esc(ui.t(lang, "存到“我的情况”", "Save to My situation"))}</button> '
            f'<span role="status"></span></p></div>')
