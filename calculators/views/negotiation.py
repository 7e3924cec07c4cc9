"""The page's words and HTML for negotiation: ``render(result, lang)``."""

from __future__ import annotations

from .. import figures, wording
from ..money import ZERO, grouped, percent_text, plain
from ..negotiation import MAX_MONTHS, Option, Result, _option, _penalty_markup, to_dict
from . import html as ui
from . import links
from .chart import Labels, line_chart


def option_name(result: Result, key: str, lang: str) -> str:
    """An option's name in the reader's language, with its months or days."""
    t = ui.t
    i = result.inputs
    if key == "pay_now":
        return t(lang, "现在一次还清", "Pay it all now")
    if key == "extension":
        n = i.extension_months
        return t(lang, f"展期 {n} 个月，到期一次还", f"Extension of {wording.count(n, 'month', 'en')}, all due at the end")
    if key == "reinstalment":
        n = i.reinstal_months
        rate = percent_text(result.reinstal_rate)
        if i.waive_penalties:
            return t(lang, f"重新分 {n} 期（年利率 {rate}%，免罚息）",
                     f"Re-instalment over {wording.count(n, 'month', 'en')} ({rate}% a year, penalties waived)")
        return t(lang, f"重新分 {n} 期（年利率 {rate}%）", f"Re-instalment over {wording.count(n, 'month', 'en')} ({rate}% a year)")
    if key == "frozen":
        n = i.frozen_months
        return t(lang, f"停息分 {n} 期（不再计息）", f"Interest frozen, {wording.count(n, 'equal part', 'en')}")
    return t(lang, f"继续逾期 {i.overdue_days} 天", f"Stay overdue {wording.count(i.overdue_days, 'more day', 'en')}")


def likelihood_words(key: str | None, lang: str) -> str:
    """How likely the lender is to agree, in words (negotiation.LIKELIHOOD)."""
    t = ui.t
    if key == "must":
        return t(lang, "不需要对方同意", "needs no one's consent")
    if key == "usually":
        return t(lang, "常见，要对方同意", "usually granted; the lender's choice")
    if key == "rarely":
        return t(lang, "对方很少同意", "rarely granted")
    return t(lang, "不是协商方案", "not an agreement")


def _then(o: Option, lang: str) -> str:
    """What is paid after the first month, when it differs from the first payment."""
    t = ui.t
    last = wording.money(o.last, lang)
    if o.key == "stay_overdue":
        return t(lang, f"{o.days} 天后要还清 {last}", f"{last} to clear it after {wording.count(o.days, 'day', 'en')}")
    if o.months <= 1 or o.first == o.last:
        return "—"
    if o.key == "extension":
        return t(lang, f"第 {o.months} 个月还 {last}", f"{last} in month {o.months}")
    return t(lang, f"最后一期 {last}", f"last payment {last}")


def _how_long(o: Option, lang: str) -> str:
    t = ui.t
    if o.key == "pay_now":
        return t(lang, "现在", "now")
    if o.key == "stay_overdue":
        return wording.count(o.days, "day", lang)
    return wording.count(o.months, "month", lang)


def render(result: Result, lang: str, data: dict | None = None) -> str:
    """The comparison as an HTML fragment in the reader's language."""
    t = ui.t
    d = data if data is not None else to_dict(result)
    i = result.inputs
    money = wording.money
    afford = grouped(i.affordable)
    items = []
    if result.best:
        best = _option(result, result.best)
        then = _then(best, lang)
        items += [
            ui.figure("best_option", t(lang, "能承受、对方也可能同意的方案里最省钱的",
                                       "Cheapest option within your budget that a lender is likely to agree to"),
                      d["best_option"], option_name(result, best.key, lang), likelihood_words(best.likelihood, lang)),
            ui.money_figure("best_monthly", t(lang, "这个方案第一个月还", "First month's payment"), d, best.first, lang, "" if then == "—" else then),
            ui.figure("best_total_paid", t(lang, "这个方案一共还", "Total paid in this option"),
                      d["best_total_paid"], money(best.total_paid, lang)),
            ui.figure("best_extra_cost", t(lang, "比现在欠的多付", "Paid on top of what you owe now"),
                      d["best_extra_cost"], money(best.extra_cost, lang)),
        ]
    else:
        needed = option_name(result, result.needed_option, lang)
        items += [
            ui.figure("best_option", t(lang, "能承受、对方也可能同意的方案", "Likely options within your budget"),
                      d["best_option"],
                      t(lang, f"没有一个方案每月在 {afford} 元以内", f"Nothing fits ¥{afford} a month")),
            ui.figure("needed_monthly", t(lang, "最少每月需要", "Smallest monthly amount needed"),
                      d["needed_monthly"], money(result.needed_monthly, lang),
                      t(lang, f"按“{needed}”", f"for “{needed}”")),
            ui.money_figure("shortfall", t(lang, "每月还差", "Short each month"), d, result.shortfall, lang,
                      t(lang, f"比你每月能拿出的 {afford} 元多", f"more than the ¥{afford} you can pay")),
        ]
    if result.best_case and result.best_case != result.best:
        case = _option(result, result.best_case)
        items.append(ui.figure(
            "best_case_option", t(lang, "最好的情况（对方很少同意）", "Best case (rarely granted)"),
            d["best_case_option"], option_name(result, case.key, lang),
            t(lang, f"第一个月还 {money(case.first, 'zh')}，一共还 {money(case.total_paid, 'zh')}",
              f"{money(case.first, 'en')} the first month, {money(case.total_paid, 'en')} in all")))
    items += [
        ui.money_figure("debt", t(lang, "现在一共欠", "Owed today"), d, result.debt, lang,
                  t(lang, "本金 + 利息 + 罚息", "principal + interest + penalties")),
        ui.figure("delay_cost", t(lang, f"再逾期 {i.overdue_days} 天多出的罚息",
                                  f"Penalty interest for {wording.count(i.overdue_days, 'more day', 'en')}"),
                  d["delay_cost"], money(result.delay_cost, lang),
                  t(lang, f"按罚息年利率 {d['penalty_rate']}%、一年 {result.day_basis} 天",
                    f"at a penalty rate of {d['penalty_rate']}% a year, {result.day_basis}-day year")),
    ]

    explain = _notes(result, lang)

    chart = line_chart(
        t(lang, f"如果继续逾期：{i.overdue_days} 天里欠款的变化", f"If it stays overdue: what you owe over {wording.count(i.overdue_days, 'day', 'en')}"),
        [(t(lang, "欠款合计", "Total owed"), list(result.growth))],
        Labels(len(result.growth), lambda day: t(lang, f"第{day}天", f"day {day}")),
        lang,
    )

    columns = [
        ("option", t(lang, "方案", "Option")),
        ("likelihood", t(lang, "对方会不会同意", "Will the lender agree")),
        ("monthly", t(lang, "第一个月还", "First month")),
        ("then", t(lang, "之后", "Then")),
        ("months", t(lang, "多久", "How long")),
        ("total_paid", t(lang, "一共还", "Total paid")),
        ("extra_cost", t(lang, "多付", "Extra cost")),
        ("fits", t(lang, "每月能否承受", "Fits your budget")),
    ]
    rows = []
    for o, od in zip(result.options, d["options"], strict=True):
        rows.append([
            option_name(result, o.key, lang), likelihood_words(o.likelihood, lang), od["monthly"], _then(o, lang), _how_long(o, lang),
            od["total_paid"], od["extra_cost"],
            t(lang, "能承受", "within budget") if o.fits else t(lang, "超出", "over budget"),
        ])
    comparison = ui.table("options", columns, rows, t(lang, "各方案比较", "The options side by side"), lang,
                          [False, False, True, False, False, True, True, False],
                          money=["monthly", "total_paid", "extra_cost"])

    re_columns = [
        ("period", t(lang, "期数", "Month")),
        ("payment", t(lang, "还款额", "Payment")),
        ("principal", t(lang, "本金", "Principal")),
        ("interest", t(lang, "利息", "Interest")),
        ("balance", t(lang, "剩余欠款", "Left to pay")),
    ]
    reinstal_table = ui.data_table(
        "reinstalment", re_columns, d["reinstalment"],
        t(lang, "重新分期的还款计划", "Re-instalment schedule"), lang)
    fr_columns = [column for column in re_columns if column[0] in ("period", "payment", "balance")]  # no interest
    frozen_table = ui.data_table(
        "frozen", fr_columns, d["frozen"],
        t(lang, "停息分期的每期金额", "Interest-frozen parts"), lang)
    more = ""
    if result.best is None:
        more = links.paragraph(
            t(lang, "每月的钱不够时，先和对方谈：", "When the money does not cover it, talk to the lender first:"),
            [("negotiate", t(lang, "怎样和平台协商还款", "How to negotiate with a lender"))])
    # what "write the letter with this plan" carries (negotiation.letter_plan): data only, for letter.js
    carry = " ".join(f'data-{k}="{ui.esc(v)}"' for k, v in d["letter_plan"].items())
    plan = f'<div class="calc-letter-plan" hidden {carry}></div>'
    return ui.result(lang, ui.figures(items), ui.notes(explain), more, comparison, chart, reinstal_table,
                     frozen_table, plan)


def _notes(result: Result, lang: str) -> list[str]:
    """Plain-language explanations for the comparison."""
    t = ui.t
    i = result.inputs
    afford = grouped(i.affordable)
    out = [t(
        lang,
        "下面是按你填的数字算的账，方便你和对方协商时心里有数。对方同意哪种方式、按什么条件，要双方谈定，"
        "这里的结果不是对方的承诺。",
        "This is arithmetic on the figures you entered, so you know where you stand when you talk to the "
        "lender. Which option the lender accepts, and on what terms, is for the two of you to agree; "
        "nothing here is the lender's promise.",
    )]
    if result.best is None:
        short = grouped(result.shortfall)
        needed = option_name(result, result.needed_option, lang)
        out.append(t(
            lang,
            f"每月 {afford} 元，对方可能同意的方案都不够：最省力的“{needed}”每月要 "
            f"{wording.money(result.needed_monthly, 'zh')}，还差 {short} 元。可以请对方把期数拉长、免掉罚息，"
            "谈成了再用新条件算一次；同时看看别的开支能不能再省一点。",
            f"At ¥{afford} a month none of the options a lender is likely to agree to fits: the lightest, "
            f"“{needed}”, needs {wording.money(result.needed_monthly, 'en')} a month, ¥{short} more. Ask for "
            "more months or for the penalties to be waived, then work it out again with the new terms; and see "
            "whether any other spending can give way.",
        ))
        if result.parts_needed is not None:
            out.append(t(
                lang,
                f"如果对方同意不再计息（很少同意），至少要分 "
                f"{result.parts_needed} 期，每期才不超过 {afford} 元。",
                f"If the lender agreed to stop interest (rarely granted), it would take at least "
                f"{wording.count(result.parts_needed, 'equal part', 'en')} to keep each within ¥{afford}.",
            ))
        else:
            out.append(t(
                lang,
                f"每月 {afford} 元，哪个方案都不够，分 {MAX_MONTHS} 期不计息也不够。可以先向对方说明实际收入，"
                "也可以拨打 12348 公共法律服务热线，免费咨询下一步怎么办。",
                f"At ¥{afford} a month none of the options fits, not even {MAX_MONTHS} interest-free parts. "
                "You can explain your real income to the lender, and call 12348, the public legal service "
                "line, for free advice on what to do next.",
            ))
    out.append(t(
        lang,
        "停息挂账（停止计息、把欠款分期还）是对方可以同意的安排，不是借款人可以要求的权利；能不能谈成、"
        "分几期，由对方决定。《民法典》第六百七十八条也只是说借款人可以在到期前申请展期，贷款人同意的才能展期。",
        "Freezing interest and splitting the debt (停息挂账) is something the lender may agree to, not a "
        "right you can demand; whether it happens and over how many months is the lender's decision. "
        "Likewise the Civil Code (art. 678) lets a borrower ask for an extension before the due date; it "
        "happens only if the lender agrees.",
    ))
    out.append(t(
        lang,
        "谈好的条件一定要让对方书面确认（协议、盖章文件或官方 App 里的记录），写清每期金额、期数、"
        "是否还计息和罚息，并保存好；电话里口头答应的减免，事后很难证明。",
        "Get whatever you agree in writing (an agreement, a stamped letter or a record in the lender's "
        "official app) stating each payment, the number of months and whether interest or penalties still "
        "run, and keep it: a waiver promised on the phone is hard to prove later.",
    ))
    out.append(t(
        lang,
        "协商可以自己直接找对方的官方客服，不用花钱。自称能“代理协商”“反催收”“包办停息挂账”并先收费的人，"
        "常见的是骗局：不要付钱，不要交出身份证、银行卡、验证码。",
        "You can negotiate yourself, free, through the lender's official customer service. People who "
        "offer to “negotiate for you” or “stop the collectors” for a fee up front are often running a "
        "scam: do not pay them or hand over your ID, bank card or verification codes.",
    ))
    ext = _option(result, "extension")
    n = i.extension_months
    saved = i.affordable * n
    enough = saved >= ext.total_paid
    out.append(t(
        lang,
        f"展期只是把还款日往后推：这 {n} 个月利息照算（{wording.money(result.extension_interest, 'zh')}），"
        f"到期要一次还 {wording.money(ext.total_paid, 'zh')}。每月存 {afford} 元，{n} 个月能存 {wording.money(saved, 'zh')}，"
        + ("够还。" if enough else "不够还。"),
        f"An extension only moves the due date: interest still runs for the {wording.count(n, 'month', 'en')} "
        f"({wording.money(result.extension_interest, 'en')}) and {wording.money(ext.total_paid, 'en')} is due in one payment at "
        f"the end. Saving ¥{afford} a month gives {wording.money(saved, 'en')} in {wording.count(n, 'month', 'en')}, which "
        + ("covers it." if enough else "does not cover it."),
    ))
    re = _option(result, "reinstalment")
    if i.waive_penalties and i.penalties:
        out.append(t(
            lang,
            f"重新分期免除罚息 {wording.money(i.penalties, 'zh')}后，只还本金和利息；"
            "“多付”一栏是负数，表示比现在一次还清要还的少。",
            f"With the {wording.money(i.penalties, 'en')} of penalties waived, the instalments cover the principal and "
            "interest only; a negative extra cost means less than paying everything now.",
        ))
    elif re.extra_cost > ZERO:
        out.append(t(
            lang,
            f"重新分期按年利率 {percent_text(result.reinstal_rate)}% 对整笔欠款计息，利息合计 "
            f"{wording.money(re.extra_cost, 'zh')}。可以请对方降低利率或免掉罚息，谈成了再用新条件算一次。",
            f"The re-instalment charges {percent_text(result.reinstal_rate)}% a year on the whole debt: "
            f"{wording.money(re.extra_cost, 'en')} of interest. You can ask for a lower rate or for the penalties to "
            "be waived, then work it out again with the new terms.",
        ))
    if i.penalty_rate is None:
        out.append(t(
            lang,
            f"你没有填罚息年利率，这里按合同年利率上浮 {plain(_penalty_markup())}% 估算为 "
            f"{percent_text(result.penalty_rate)}%，实际以合同为准。",
            f"You left the penalty rate empty, so it is estimated as the contract rate plus "
            f"{plain(_penalty_markup())}%: {percent_text(result.penalty_rate)}%. Your contract is what counts.",
        ))
    keep = figures.entry("credit_record")["keep_years"]
    out.append(t(
        lang,
        f"如果先不还，{i.overdue_days} 天后罚息会多出 {wording.money(result.delay_cost, 'zh')}，欠款每天都在增加"
        f"（这里只按本金计罚息；有的合同对没还的利息也计罚息，会更多）。逾期会记入征信，"
        f"不良记录从逾期结束之日起保留 {keep} 年。",
        f"Paying nothing for {wording.count(i.overdue_days, 'day', 'en')} adds {wording.money(result.delay_cost, 'en')} of penalty interest, "
        "and the debt grows every day (this counts penalties on the principal only; some contracts also "
        "charge them on unpaid interest, which adds more). Overdue loans are reported to the credit "
        f"record, and the negative record is kept for {keep} years from the day the overdue ends.",
    ))
    out.append(t(
        lang,
        "分期的每期利息按剩余欠款计算并四舍五入到分，停息分期按平均金额四舍五入到分，最后一期结清零头，"
        "所以最后一期可能和前面差几分钱。",
        "Each month's interest is on what is left, rounded to the fen, and interest-free parts are the "
        "even share rounded to the fen; the last payment settles what remains, so it can differ from the "
        "others by a few fen.",
    ))
    return out
