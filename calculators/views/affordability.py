"""The page's words and HTML for affordability: ``render(result, lang)``."""

from __future__ import annotations

from .. import wording
from ..affordability import BANDS, FUND_MONTHS, Result, to_dict
from ..money import HUNDRED, ZERO, grouped, money_text, percent_text, plain
from . import html as ui


def band_label(band: str, lang: str) -> str:
    for key, zh, en in BANDS:
        if key == band:
            return ui.t(lang, zh, en)
    raise KeyError(band)


def render(result: Result, lang: str, data: dict | None = None) -> str:
    """The result as an HTML fragment in the reader's language."""
    t = ui.t
    d = data if data is not None else to_dict(result)
    i = result.inputs
    left = result.left_each_month
    items = [
        ui.figure("dti", t(lang, "还款占收入的比例", "Debt payments ÷ income"), d["dti"],
                  wording.percent(result.dti),
                  t(lang, f"每月还款共 {wording.money(result.total_payments, 'zh')}",
                    f"{wording.money(result.total_payments, 'en')} of payments a month")),
        ui.money_figure("left_each_month", t(lang, "每月还剩", "Left each month"), d, left, lang,
                  t(lang, f"占收入的 {d['left_percent']}%", f"{d['left_percent']}% of income") if left >= ZERO
                  else t(lang, f"每月差 {wording.money(-left, 'zh')}", f"{wording.money(-left, 'en')} short each month")),
        ui.figure("band", t(lang, "压力评估", "How it looks"), d["band"], band_label(result.band, lang),
                  t(lang, "本站的经验划分，不是法规", "this site's rule of thumb, not a regulation")),
        ui.money_figure("new_payment", t(lang, "新借款每月还", "New loan's monthly payment"), d, result.new_payment, lang),
    ]
    explain = []
    if i.principal is not None and i.annual_rate is not None and i.months is not None:
        explain.append(t(
            lang,
            f"新借款 {wording.money(i.principal, 'zh')}、年利率 {plain(i.annual_rate)}%、分 {i.months} 个月，"
            f"按等额本息每月还 {wording.money(result.new_payment, 'zh')}。如果还另收服务费、会员费等，要加到每月还款里。",
            f"A new loan of {wording.money(i.principal, 'en')} at {plain(i.annual_rate)}% a year over {wording.count(i.months, 'month', 'en')} "
            f"costs {wording.money(result.new_payment, 'en')} a month in equal instalments. Add any service, membership "
            "or other monthly fees to that.",
        ))
    explain.append(t(
        lang,
        f"还款占收入的比例 = 每月所有还款 {wording.money(result.total_payments, 'zh')}（原有 "
        f"{wording.money(result.existing_payments, 'zh')} + 新借款 {wording.money(result.new_payment, 'zh')}）÷ 每月到手收入 "
        f"{wording.money(i.income, 'zh')} = {d['dti']}%。",
        f"Debt payments ÷ income = all payments {wording.money(result.total_payments, 'en')} a month ("
        f"{wording.money(result.existing_payments, 'en')} now + {wording.money(result.new_payment, 'en')} new) ÷ income "
        f"{wording.money(i.income, 'en')} = {d['dti']}%.",
    ))
    explain.append(t(
        lang,
        f"每月还剩 = 收入 {wording.money(i.income, 'zh')} − 必要开支 {wording.money(result.essentials, 'zh')} − 所有还款 "
        f"{wording.money(result.total_payments, 'zh')} = {wording.money(left, 'zh')}。",
        f"Left each month = income {wording.money(i.income, 'en')} − essentials {wording.money(result.essentials, 'en')} − all "
        f"payments {wording.money(result.total_payments, 'en')} = {wording.money(left, 'en')}.",
    ))
    explain.append(_band_note(result, d, lang))
    explain.append(t(
        lang,
        "30% 和 50% 这两条线是本站的经验划分，用来帮你掂量压力大小，不是法律或监管规定。"
        "每个人的情况不一样，结果只供参考。",
        "The 30% and 50% lines are this site's rule of thumb for judging the strain; they are not a law "
        "or a regulator's rule. Everyone's situation differs, so treat this as a guide.",
    ))
    explain.append(_room_note(result, lang))
    explain.append(_savings_note(result, d, lang))
    if result.band in ("high", "short"):
        explain.append(t(
            lang,
            "借之前可以先想想：能不能少借一点，或者先不借；已经有欠款还不上的，先和现在的放贷方商量还款安排，"
            "通常比再借一笔更稳妥。",
            "Before borrowing, consider borrowing less or not now. If you already struggle with a debt, "
            "talking to that lender about a repayment plan is usually safer than another loan.",
        ))

    rows = [
        ("income", t(lang, "每月到手收入", "Income"), i.income),
        ("essentials", t(lang, "减：必要开支", "Less essentials"), result.essentials),
        ("existing_payments", t(lang, "减：现有还款", "Less payments now"), result.existing_payments),
        ("new_payment", t(lang, "减：新借款还款", "Less the new loan"), result.new_payment),
        ("left_each_month", t(lang, "每月还剩", "Left"), left),
    ]
    table_rows = [
        [label, money_text(amount), percent_text(amount * HUNDRED / i.income)] for _, label, amount in rows
    ]
    columns = [("item", t(lang, "项目", "Item")), ("amount", t(lang, "金额", "Amount")),
               ("percent", t(lang, "占收入 %", "% of income"))]
    return ui.result(
        lang,
        ui.figures(items),
        ui.notes(explain),
        ui.table("budget", columns, table_rows, t(lang, "每月收支", "Your month"), lang, money=["amount"]),
    )


def _band_note(result: Result, d: dict, lang: str) -> str:
    t = ui.t
    dti = d["dti"]
    if result.band == "short":
        return t(
            lang,
            f"收入不够付必要开支和还款，每月差 {wording.money(-result.left_each_month, 'zh')}，所以是“入不敷出”"
            f"（还款占比 {dti}%）。差的钱如果靠再借一笔来补，欠款会越滚越多。",
            f"Income does not cover essentials and payments: you would be {wording.money(-result.left_each_month, 'en')} "
            f"short each month (payments are {dti}% of income), so the band is “short each month”. Covering "
            "the gap with another loan makes the debt grow.",
        )
    if result.band == "ok":
        return t(lang, f"{dti}% 不超过 30%，所以是“较稳妥”。",
                 f"{dti}% is not above 30%, so the band is “manageable”.")
    if result.band == "tight":
        return t(
            lang,
            f"{dti}% 超过 30%、不超过 50%，所以是“偏紧”：收入稍有波动，还款就可能吃力。",
            f"{dti}% is above 30% but not above 50%, so the band is “tight”: a small dip in income could make "
            "payments hard.",
        )
    return t(
        lang,
        f"{dti}% 超过 50%，所以是“风险高”：一半以上的收入要拿去还款，碰上意外开支就容易逾期。",
        f"{dti}% is above 50%, so the band is “high risk”: more than half your income goes on payments, and one "
        "unexpected cost could put you behind.",
    )


def _room_note(result: Result, lang: str) -> str:
    t = ui.t
    i = result.inputs
    if result.break_even == ZERO:
        if i.income - result.essentials - result.existing_payments == ZERO:
            return t(
                lang,
                "不算这笔新借款，收入刚好够付必要开支和现有还款；再借任何一笔，每月都会不够。",
                "Without this loan, income just covers essentials and current payments; any new "
                "monthly payment leaves you short.",
            )
        return t(
            lang,
            "不算这笔新借款，收入已经不够付必要开支和现有还款，再借任何一笔每月都会更紧。",
            "Even without this loan, income does not cover essentials and current payments; any new "
            "monthly payment makes the month tighter.",
        )
    c, s, b = (grouped(x) for x in (result.within_comfort, result.within_strain, result.break_even))
    now = percent_text(result.existing_payments * HUNDRED / i.income)
    if result.within_comfort > ZERO:
        zh = f"新借款每月还款不超过 {c} 元，还款占比在 30% 以内；不超过 {s} 元，在 50% 以内；"
        en = f"A new payment of at most ¥{c} a month keeps the ratio within 30%, and at most ¥{s} within 50%. "
    elif result.within_strain > ZERO:
        zh = f"现有还款已经占收入的 {now}%，再借一笔就会超过 30%；新借款每月还款不超过 {s} 元，还在 50% 以内；"
        en = (f"Current payments are already {now}% of income, so any new loan takes the ratio above 30%; "
              f"a new payment of at most ¥{s} a month keeps it within 50%. ")
    else:
        zh = f"现有还款已经占收入的 {now}%，再借一笔就会超过 50%；"
        en = f"Current payments are already {now}% of income, so any new loan takes the ratio above 50%. "
    return t(lang, zh + f"每月还款超过 {b} 元，就会入不敷出。",
             en + f"A new payment above ¥{b} a month leaves you short each month.")


def _savings_note(result: Result, d: dict, lang: str) -> str:
    t = ui.t
    left = result.left_each_month
    if left < ZERO:
        return t(lang, "每月没有余钱，暂时存不了应急金。",
                 "Nothing is left each month for savings or an emergency fund for now.")
    if left == ZERO:
        return t(lang, "每月刚好收支相抵，没有余钱存应急金、应付意外。",
                 "The month just balances: nothing is left for savings or an emergency.")
    text_zh = f"每月剩下的 {wording.money(left, 'zh')}（收入的 {d['left_percent']}%）是用来存钱、应付意外的。"
    text_en = (f"The {wording.money(left, 'en')} left each month ({d['left_percent']}% of income) is what you have "
               "for savings and emergencies.")
    if result.months_to_fund is not None:
        goal = grouped(result.essentials * FUND_MONTHS)
        text_zh += (f"如果全部存起来，大约 {result.months_to_fund} 个月能存够 {FUND_MONTHS} 个月的必要开支"
                    f"（{goal} 元）作为应急金；可以用“应急金”计算器细算。")
        text_en += (f" Saved in full, it would build an emergency fund of {FUND_MONTHS} months' essentials "
                    f"(¥{goal}) in about {wording.count(result.months_to_fund, 'month', 'en')}; the emergency-fund calculator "
                    "works it out in detail.")
    return t(lang, text_zh, text_en)
