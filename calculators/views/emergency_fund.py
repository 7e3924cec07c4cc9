"""The page's words and HTML for emergency-fund: ``render(result, lang)``."""

from __future__ import annotations

from .. import wording
from ..emergency_fund import Result, projection_cells, to_dict
from ..money import ZERO, grouped, plain
from . import html as ui
from .chart import Labels, line_chart


def _months_display(n: int, lang: str) -> str:
    if n == 0:
        return ui.t(lang, "已经存够了", "Already there")
    return wording.count(n, "month", lang)


def render(result: Result, lang: str, data: dict | None = None) -> str:
    """The result as an HTML fragment in the reader's language."""
    t = ui.t
    d = data if data is not None else to_dict(result)
    i = result.inputs
    buffer = i.buffer or 0
    saving = i.monthly_saving or ZERO
    money = wording.money
    items = [
        ui.money_figure("target", t(lang, "应急金目标", "Emergency fund target"), d, result.target, lang,
                  t(lang, f"{wording.money(result.essentials, 'zh')} × {i.months} 个月 × (1 + {buffer}%)",
                    f"{wording.money(result.essentials, 'en')} × {wording.count(i.months, 'month', 'en')} × (1 + {buffer}%)")),
        ui.money_figure("gap", t(lang, "还差", "Still to save"), d, result.gap, lang,
                  t(lang, f"已存 {wording.money(i.savings, 'zh')}", f"{wording.money(i.savings, 'en')} saved")
                  if i.savings is not None else
                  t(lang, "没有填已经存下的钱，按 0 算", "no savings given: counted as 0")),
    ]
    if result.months_to_reach is not None:
        note = ""
        if result.date_reached and result.months_to_reach:
            note = t(lang, f"大约在 {wording.date(result.date_reached, 'zh')} 存够",
                     f"around {wording.date(result.date_reached, 'en')}")
        items.append(ui.figure("months_to_reach", t(lang, "存够需要", "Time to get there"),
                               str(d["months_to_reach"]), _months_display(result.months_to_reach, lang), note))
    else:
        plan = result.saving_for_12_months or ZERO
        items.append(ui.figure(
            "saving_for_12_months", t(lang, "一年存够，每月要存", "To get there in a year, save"),
            d["saving_for_12_months"], money(plan, lang),
            t(lang, "没有填每月能存多少：按 0 算，存不够", "no monthly saving given: counted as 0, it never gets there")
            if i.monthly_saving is None else
            t(lang, "按现在每月存的钱，50 年内存不够", "at your current saving, not within 50 years")))
    if result.saving_for_target_date is not None and i.target_date is not None:
        n = result.months_to_target_date or 0
        items.append(ui.figure(
            "saving_for_target_date",
            t(lang, f"{wording.date(i.target_date, 'zh')} 前存够，每月至少存",
              f"To get there by {wording.date(i.target_date, 'en')}, save at least"),
            d["saving_for_target_date"], money(result.saving_for_target_date, lang),
            t(lang, f"共存 {n} 次，每月一次", wording.count(n, 'monthly deposit', 'en'))))

    explain = [_target_note(result, lang)]
    if i.uses_items and i.monthly_expenses is not None and i.monthly_expenses != result.essentials:
        explain.append(t(
            lang,
            f"你填了分项，所以按分项合计 {wording.money(result.essentials, 'zh')}计算，"
            f"没有用上面填的 {wording.money(i.monthly_expenses, 'zh')}。",
            f"You filled in items, so their total of {wording.money(result.essentials, 'en')} is used, not the "
            f"{wording.money(i.monthly_expenses, 'en')} above.",
        ))
    explain.append(_progress_note(result, lang))
    if result.saving_for_target_date is not None and i.target_date is not None:
        need = result.saving_for_target_date
        n = result.months_to_target_date or 0
        if need == ZERO:
            explain.append(t(
                lang, f"不用再存钱，到 {wording.date(i.target_date, 'zh')} 也能达到目标。",
                f"You reach the target by {wording.date(i.target_date, 'en')} without saving more."))
        else:
            enough = saving >= need
            explain.append(t(
                lang,
                f"要在 {wording.date(i.target_date, 'zh')} 前存够，{n} 个月里每月至少存 {wording.money(need, 'zh')}"
                f"（少存 1 分钱就会差一点）。"
                + ("你现在每月存的钱够了。" if enough else f"比你现在每月存的多 {wording.money(need - saving, 'zh')}。"),
                f"To get there by {wording.date(i.target_date, 'en')}, save at least {wording.money(need, 'en')} a month "
                f"for {wording.count(n, 'month', 'en')} (one fen less falls just short). "
                + ("What you save now is enough." if enough
                   else f"That is {wording.money(need - saving, 'en')} more than you save now."),
            ))
    if i.annual_yield:
        explain.append(t(
            lang,
            f"收益按年收益率 {plain(i.annual_yield)}% ÷ 12 每月计算一次：用月初的余额乘以月利率，"
            "四舍五入到分；当月存进去的钱从下个月开始算收益。收益率会变，这里只是估算。",
            f"Interest is counted monthly at {plain(i.annual_yield)}% ÷ 12 on the balance at the start of "
            "the month, rounded to the fen; money saved in a month earns from the next month. Rates "
            "change, so this is an estimate.",
        ))
    explain.append(t(
        lang,
        "应急金放在随时能取、不会亏本的地方，和日常花的钱分开，只在丢了工作、生病这类急事时动用。"
        "如果你正在还逾期的欠款，先保证吃住和最低还款，再从一个月开支的小目标存起。",
        "Keep the fund where you can get at it at once and it will not lose value, apart from everyday "
        "money, and use it only for emergencies such as losing work or falling ill. If you are "
        "behind on debts, cover food, housing and minimum payments first, then start with one month.",
    ))

    parts = [ui.figures(items), ui.notes(explain)]
    if result.rows:
        labels = Labels(len(result.rows) + 1, lambda m: t(lang, f"第{m}月", f"m{m}"))
        balances = [i.savings or ZERO] + [row.balance for row in result.rows]
        parts.append(line_chart(
            t(lang, "应急金增长", "Fund growth"),
            [(t(lang, "已存", "Saved"), balances),
             (t(lang, "目标", "Target"), [result.target] * len(balances))],
            labels,
            lang,
        ))
        # the table's cells from the result (the page's data leaves the projection out)
        columns = [("month", t(lang, "月份", "Month")), ("date", t(lang, "日期", "Date")),
                   ("deposit", t(lang, "存入", "Saved")), ("interest", t(lang, "收益", "Interest")),
                   ("balance", t(lang, "余额", "Balance"))]
        if i.start_date is None:  # no dates: no date column
            columns.remove(columns[1])
        parts.append(ui.cells_table("projection", columns, projection_cells(result),
                                    t(lang, "逐月存款", "Month by month"), lang))
    return ui.result(lang, *parts)


def _target_note(result: Result, lang: str) -> str:
    i = result.inputs
    buffer = i.buffer or 0
    if lang == "zh":
        base = f"{wording.money(result.essentials, 'zh')} × {i.months}"
        extra = f"，多留 {buffer}% 应付算漏的开支" if buffer else ""
        return (f"目标 = 每月必要开支 × 准备的月数 × (1 + 多留的比例) = {base} × (1 + {buffer}%) = "
                f"{wording.money(result.target, 'zh')}{extra}。必要开支是收入断了也得付的钱：吃、住、交通、"
                "水电话费、最低还款。")
    base = f"{wording.money(result.essentials, 'en')} × {i.months}"
    extra = f"; the {buffer}% extra covers costs you forgot" if buffer else ""
    return (f"Target = essential spending × months × (1 + margin) = {base} × (1 + {buffer}%) = "
            f"{wording.money(result.target, 'en')}{extra}. Essentials are what you must pay even if your income "
            "stops: food, housing, transport, bills, minimum debt payments.")


def _progress_note(result: Result, lang: str) -> str:
    i = result.inputs
    saving = i.monthly_saving or ZERO
    n = result.months_to_reach
    if n == 0:
        return ui.t(lang, "你已经存下的钱够了这个目标，继续保持。",
                    "What you have saved already covers this target. Well done; keep it there.")
    if n is not None:
        deposits, interest = grouped(result.total_deposits), grouped(result.total_interest)
        if saving == ZERO:
            return ui.t(
                lang,
                f"不再存钱、只靠收益，第 {n} 个月存够，收益一共 {interest} 元。",
                f"With interest alone you get there in month {n}: ¥{interest} of interest in all.",
            )
        zh_interest = f"，收益 {interest} 元" if result.total_interest else ""
        en_interest = f" and ¥{interest} interest" if result.total_interest else ""
        return ui.t(
            lang,
            f"每月存 {wording.money(saving, 'zh')}，第 {n} 个月存够，一共存入 {deposits} 元{zh_interest}。"
            "最后一个月可能会超过目标一点。",
            f"Saving {wording.money(saving, 'en')} a month, you get there in month {n}: ¥{deposits} saved{en_interest}. "
            "The last month may take you a little past the target.",
        )
    plan = grouped(result.saving_for_12_months or ZERO)
    if saving == ZERO:
        return ui.t(
            lang,
            ("你没有填每月能存多少，这里按 0 算。" if i.monthly_saving is None else "")
            + f"现在每月不存钱，还差的 {wording.money(result.gap, 'zh')}不会自己补上。"
            f"如果每月存 {plan} 元，12 个月能存够；存少一点也没关系，时间长一些而已。",
            ("You gave no monthly saving, so it is counted as 0. " if i.monthly_saving is None else "")
            + f"With nothing saved each month, the {wording.money(result.gap, 'en')} still to go will not fill itself. "
            f"Saving ¥{plan} a month gets you there in 12 months; less is fine too, it just takes longer.",
        )
    return ui.t(
        lang,
        f"每月存 {wording.money(saving, 'zh')}，50 年内也存不够。如果每月存 {plan} 元，12 个月能存够；"
        "也可以先把目标降到 1 个月的开支。",
        f"Saving {wording.money(saving, 'en')} a month does not get there within 50 years. Saving ¥{plan} a month "
        "gets you there in 12 months; or start with a target of one month's spending.",
    )
