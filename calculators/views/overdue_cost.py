"""The page's words and HTML for overdue-cost: ``render(result, lang)``."""

from __future__ import annotations

from decimal import Decimal

from .. import wording
from ..lines import lender_of
from ..money import ZERO, plain
from ..overdue_cost import _MARKUP, MONTH_DAYS, Result, _daily_text, to_dict
from . import html as ui
from . import lines
from .chart import Labels, line_chart


def _daily_shown(value: Decimal, lang: str) -> tuple[str, str]:
    """A daily percent for reading: (``"约"``/``"about "`` when rounded, the figure).

    >>> _daily_shown(Decimal("0.0750"), "zh"), _daily_shown(Decimal(18) / 365, "en")
    (('', '0.075'), ('about ', '0.0493'))
    """
    shown = Decimal(_daily_text(value))
    return ("" if shown == value else ui.t(lang, "约", "about ")), plain(shown)


def _demand(result: Result, d: dict, lang: str, lender: str | None) -> tuple[list[str], list[str]]:
    """What they demand: its figure, and the sentences that work it out and place it against the line
    for this kind of lender (``lines.verdict``); nothing when the reader did not ask."""
    demand, i, t = result.demand, result.inputs, ui.t
    if demand is None:
        return [], []
    rate = d["demand_rate"]
    item = ui.figure("demand_rate", t(lang, "对方要的钱折合年化", "What they demand, as a yearly rate"),
                     rate, f"{rate}%", t(lang, "(要还的 − 借到的) ÷ 借到的 ÷ 天数 × 365",
                                          "(demanded − borrowed) ÷ borrowed ÷ days × 365"))
    money = wording.money
    since, until = wording.date(i.borrowed_date, lang), wording.date(i.today, lang)
    notes = [t(
        lang,
        f"对方要你还 {money(i.demanded, 'zh')}，比借到手的 {money(i.borrowed, 'zh')}多 {money(demand.extra, 'zh')}。"
        f"从 {since}到 {until}共 {demand.days} 天，折合年化 = {money(demand.extra, 'zh')} ÷ {money(i.borrowed, 'zh')} ÷ "
        f"{demand.days} 天 × 365 = {rate}%。这是按整个期间平均折算的单利；你已经还过的钱没有算进去。",
        f"They demand {money(i.demanded, 'en')}, {money(demand.extra, 'en')} more than the "
        f"{money(i.borrowed, 'en')} you received. From {since} to {until} is {wording.count(demand.days, 'day', 'en')}, so as a "
        f"yearly rate: {money(demand.extra, 'en')} ÷ {money(i.borrowed, 'en')} ÷ {wording.count(demand.days, 'day', 'en')} × 365 = {rate}%. "
        "It is simple interest averaged over the whole time; anything you have already repaid is not counted.",
    )]
    if lender is None:
        notes.append(t(lang, "对方要的钱有没有超线，要看是谁借给你的：在“谁借给你的”里选一项就能看到。",
                       "Whether what they demand is above the line depends on who lent: choose one under "
                       "“Who lent you the money” to see."))
    else:
        notes.append(lines.verdict(demand.rate, list(demand.lines), lender, lang))
        if lender == "private" and any(x.name == "rule_2015" for x in demand.lines):
            notes.append(t(lang, "这里把整段时间的费用平均成一个年化来比；两段利息适用不同的线，"
                                 "合同约定的利率在每一段里都不能超过那一段的线。",
                           "Here the whole time's cost is averaged into one yearly rate; the two parts of the "
                           "interest have different lines, and the rate agreed may not exceed either part's line "
                           "for its own days."))
    return [item], notes


def _no_rate(result: Result, d: dict, lang: str, lender: str | None) -> str:
    """Without a rate: no penalty interest, said so, and what needs no rate (the late fee, the demand)."""
    t = ui.t
    items, demand_notes = _demand(result, d, lang, lender)
    if result.late_fee:
        items.append(ui.money_figure("late_fee", t(lang, "违约金", "Late fee"), d, result.late_fee, lang))
    explain = [t(
        lang,
        "没有填合同的日利率或年利率，算不了罚息和复利：请在“合同日利率”或“合同年利率”里填上合同写的利率；"
        "合同直接写了罚息日利率的，也可以在“更多选项”里填那个利率。",
        "With neither the contract's daily rate nor its annual rate, the penalty and compound interest cannot "
        "be worked out: fill in the rate your contract states under “Daily rate in the contract” or “Annual "
        "rate in the contract”, or, if the contract states a penalty daily rate, that rate under more options.",
    )]
    if result.demand is None:
        explain.append(t(lang, "不知道利率的，可以填借到手的钱、借到钱的日期和对方现在要你还多少，看看对方要的钱折合年化多少、合不合法。",
                         "If you do not know the rate, fill in the amount borrowed, the date you got it and the "
                         "sum they demand now, to see what that demand costs a year and whether it is lawful."))
    explain += demand_notes
    return ui.result(lang, ui.figures(items) if items else "", ui.notes(explain), lines.lender_links(lender, lang))


def render(result: Result, lang: str, data: dict | None = None) -> str:
    """The result as an HTML fragment in the reader's language."""
    t = ui.t
    d = data if data is not None else to_dict(result)
    i = result.inputs
    if result.penalty_interest is None:
        return _no_rate(result, d, lang, lender_of(i.lender))
    days, basis = i.days_overdue, i.basis
    money = wording.money
    about_pd, pd = _daily_shown(result.penalty_daily, lang)
    about_cd, cd = _daily_shown(result.contract_daily, lang) if result.contract_daily is not None else ("", "")
    pd, cd = f"{pd}%", f"{cd}%"
    items = [
        ui.figure("total_extra", t(lang, f"逾期 {days} 天多出的费用", f"Extra cost of {wording.count(days, 'day', 'en')} late"),
                  d["total_extra"], money(result.total_extra, lang),
                  t(lang, "罚息 + 复利 + 违约金", "penalty interest + compound interest + late fee")),
        ui.money_figure("total_owed", t(lang, "到那天一共欠", "Total owed by then"), d, result.total_owed, lang,
                  t(lang, f"逾期本金和未还利息 {wording.money(i.overdue_amount, 'zh')}，加上逾期费用",
                    f"{wording.money(i.overdue_amount, 'en')} overdue principal and interest, plus the extra cost")),
        ui.money_figure("penalty_interest", t(lang, "罚息", "Penalty interest"), d, result.penalty_interest, lang,
                  t(lang, f"罚息日利率{about_pd} {pd}", f"penalty rate {about_pd}{pd} a day")),
        ui.figure("annualized_rate", t(lang, "逾期费用折合年化", "The extra cost as a yearly rate"),
                  d["annualized_rate"], wording.percent(result.annualized_rate),
                  t(lang, f"逾期费用 ÷ 逾期金额 ÷ 天数 × {basis}", f"extra cost ÷ amount overdue ÷ days × {basis}")),
    ]
    if i.compound:
        items.append(ui.money_figure("compound_interest", t(lang, "复利", "Compound interest"), d, result.compound_interest, lang))
    if result.late_fee:
        items.append(ui.money_figure("late_fee", t(lang, "违约金", "Late fee"), d, result.late_fee, lang))

    explain = []
    # the penalty daily rate as written in the formulas: exact, so the sums check by hand
    rate_expr = pd
    if i.penalty_daily_rate is not None:
        rate_expr = f"{plain(i.penalty_daily_rate)}%"
        origin_zh = f"罚息日利率按合同写明的 {rate_expr} 计算"
        origin_en = f"The penalty rate is the {rate_expr} a day the contract states"
    else:
        markup = plain(i.penalty_markup)
        if i.annual_rate is not None:
            if about_pd:
                rate_expr = f"{plain(i.annual_rate)}% × (1 + {markup}%) ÷ {basis}"
            origin_zh = (f"合同年利率 {plain(i.annual_rate)}% ÷ {basis} 天，日利率{about_cd} {cd}，"
                         f"加收 {markup}% 后罚息日利率{about_pd} {pd}")
            origin_en = (f"The contract's {plain(i.annual_rate)}% a year ÷ {basis} days is {about_cd}{cd} a "
                         f"day; {markup}% more makes a penalty rate of {about_pd}{pd} a day")
        else:
            if about_pd:
                rate_expr = f"{plain(i.daily_rate)}% × (1 + {markup}%)"
            origin_zh = f"合同日利率 {cd} 加收 {markup}% 后，罚息日利率{about_pd} {pd}"
            origin_en = f"The contract's {cd} a day plus {markup}% makes a penalty rate of {about_pd}{pd} a day"
    explain.append(t(
        lang,
        f"{origin_zh}。罚息 = 逾期本金 {wording.money(i.overdue_principal, 'zh')} × {rate_expr} × {days} 天 = "
        f"{wording.money(result.penalty_interest, 'zh')}。这里的罚息按整个罚息利率计算，逾期这些天不另算合同利息。",
        f"{origin_en}. Penalty interest = {wording.money(i.overdue_principal, 'en')} overdue principal × {rate_expr} × "
        f"{wording.count(days, 'day', 'en')} = {wording.money(result.penalty_interest, 'en')}. It is worked out at the whole penalty rate, "
        "with no ordinary contract interest on top for the same days.",
    ))
    if i.penalty_markup is not None:
        explain.append(t(
            lang,
            f"银行贷款的罚息利率一般是在合同利率上加收 {_MARKUP['low']}% 到 {_MARKUP['high']}%"
            f"（{_MARKUP['source_zh']}）。网贷平台按各自合同收，可以对照合同里“逾期”“罚息”的条款。",
            f"For bank loans the penalty rate is usually the contract rate plus {_MARKUP['low']}% to "
            f"{_MARKUP['high']}% ({_MARKUP['source_en']}). Online lenders charge what their own contracts "
            "say: look for the clauses on being overdue and on penalty interest.",
        ))
    if i.compound:
        explain.append(t(
            lang,
            f"复利 = 未还利息 {wording.money(i.interest, 'zh')} × {rate_expr} × {days} 天 = "
            f"{wording.money(result.compound_interest, 'zh')}。",
            f"Compound interest = {wording.money(i.interest, 'en')} unpaid interest × {rate_expr} × {wording.count(days, 'day', 'en')} = "
            f"{wording.money(result.compound_interest, 'en')}.",
        ))
    elif i.interest:
        explain.append(t(
            lang,
            "你选了不计复利：未还的利息本身不再产生罚息。",
            "You chose no compound interest: the unpaid interest does not itself bear penalty interest.",
        ))
    if result.late_fee:
        parts_zh, parts_en = [], []
        if i.late_fee_fixed:
            parts_zh.append(f"固定 {wording.money(i.late_fee_fixed, 'zh')}")
            parts_en.append(f"a fixed {wording.money(i.late_fee_fixed, 'en')}")
        if i.late_fee_percent is not None:
            floor_zh = f"，最低 {wording.money(i.late_fee_minimum, 'zh')}" if i.late_fee_minimum else ""
            floor_en = f", at least {wording.money(i.late_fee_minimum, 'en')}" if i.late_fee_minimum else ""
            parts_zh.append(f"逾期金额 {wording.money(i.overdue_amount, 'zh')}的 {plain(i.late_fee_percent)}%{floor_zh}")
            parts_en.append(f"{plain(i.late_fee_percent)}% of the {wording.money(i.overdue_amount, 'en')} "
                            f"overdue{floor_en}")
        explain.append(t(
            lang,
            f"违约金：{' 加 '.join(parts_zh)}，共 {wording.money(result.late_fee, 'zh')}。这里按逾期后收一次计算，"
            "从逾期第一天起就算在费用里。",
            f"Late fee: {' plus '.join(parts_en)}, {wording.money(result.late_fee, 'en')} in all. It is counted as "
            "charged once, from the first day late.",
        ))
    explain.append(t(
        lang,
        "罚息和复利都按整个逾期期间一次算出，最后四舍五入到分；违约金也只取整一次。平台如果每天记账、每天取整，"
        "结果可能和这里差几分钱。",
        "Penalty and compound interest are each worked out over the whole period and rounded to the fen "
        "once, at the end; the late fee is rounded once too. A lender that posts and rounds every day may "
        "differ by a few fen.",
    ))
    rate_note_zh = f"按日利率计息时，一年按 {basis} 天只用来换算年化。" if i.daily_rate is not None else ""
    rate_note_en = (f" With a daily rate, the {basis}-day year is used only to turn it into a yearly figure."
                    if i.daily_rate is not None else "")
    explain.append(t(
        lang,
        f"折合年化 = 逾期费用 {wording.money(result.total_extra, 'zh')} ÷ 逾期金额 {wording.money(i.overdue_amount, 'zh')} ÷ "
        f"{days} 天 × {basis} = {d['annualized_rate']}%。它只算逾期后多出来的费用，不含逾期前的利息。{rate_note_zh}",
        f"As a yearly rate: {wording.money(result.total_extra, 'en')} extra cost ÷ {wording.money(i.overdue_amount, 'en')} overdue "
        f"÷ {wording.count(days, 'day', 'en')} × {basis} = {d['annualized_rate']}%. It counts only what being late adds, not the "
        f"interest from before the due date.{rate_note_en}",
    ))
    lender = lender_of(i.lender)
    explain += lines.explain(result.annualized_rate, list(result.lines), lang, lender)
    demand_items, demand_notes = _demand(result, d, lang, lender)
    items += demand_items
    explain += demand_notes
    explain.append(t(
        lang,
        "违约金过分高于实际损失的，可以请求法院或者仲裁机构适当减少（《民法典》第五百八十五条）。"
        "银行、消费金融公司、小额贷款公司等持牌机构收的罚息、复利、违约金和其他费用，"
        "法院会和利息加在一起计算；合计超过年化 24% 的部分，借款人请求调减的，法院应予支持（法发〔2017〕22号第二条）。",
        "If a late fee is far above the lender's actual loss, you can ask a court or an arbitration body to "
        "reduce it (Civil Code art. 585). For licensed lenders such as banks, consumer-finance and "
        "micro-loan companies, courts add penalty interest, compound interest, late fees and other charges "
        "to the interest; the part of the total above 24% a year is to be cut if the borrower asks (SPC Opinions, Fa Fa [2017] No. 22, art. 2).",
    ))

    chart_days = [0] + [p.day for p in result.growth]
    chart = line_chart(
        t(lang, "逾期费用随天数增长", "Extra cost as the days go by"),
        [(t(lang, "已产生的逾期费用", "Extra cost so far"), [ZERO] + [p.extra for p in result.growth])],
        Labels(len(chart_days), lambda k: t(lang, f"第{chart_days[k]}天", f"day {chart_days[k]}")),
        lang,
    )
    columns = [
        ("day", t(lang, "逾期天数", "Days overdue")),
        ("extra_cost", t(lang, "已产生的逾期费用", "Extra cost so far")),
        ("total_owed", t(lang, "一共欠", "Total owed")),
    ]
    caption = (t(lang, "逾期费用逐日变化", "Extra cost day by day") if result.step == "day" else
               t(lang, f"逾期费用每 {MONTH_DAYS} 天（约一个月）的变化",
                 f"Extra cost every {MONTH_DAYS} days (about a month)"))
    return ui.result(
        lang,
        ui.figures(items),
        ui.notes(explain),
        lines.lender_links(lender, lang),
        chart,
        ui.data_table("growth", columns, d["growth"], caption, lang),
    )
