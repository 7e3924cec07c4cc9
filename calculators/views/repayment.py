"""The page's words and HTML for repayment: ``render(result, lang)``."""

from __future__ import annotations

from .. import wording
from ..money import ZERO, percent_text
from ..repayment import Result, schedule_cells, to_dict
from . import html as ui
from .chart import Labels, line_chart


def render(result: Result, lang: str, data: dict | None = None) -> str:
    """The result as an HTML fragment in the reader's language."""
    t = ui.t
    d = data if data is not None else to_dict(result)
    i = result.inputs
    level = i.method == "equal_installment"
    first_label = t(lang, "每月还款", "Monthly payment") if level and not i.monthly_fee else t(
        lang, "第一期还款", "First payment")
    if i.method == "bullet":
        first_label = t(lang, "到期一次还", "Paid at the end")
    items = [
        ui.money_figure("first_payment", first_label, d, result.first_payment, lang),
        ui.money_figure("total_interest", t(lang, "利息合计", "Total interest"), d, result.total_interest, lang),
    ]
    if result.total_fees:
        items.append(ui.money_figure("total_fees", t(lang, "费用合计", "Total fees"), d, result.total_fees, lang))
    items += [
        ui.money_figure("total_paid", t(lang, "一共要还", "Total to repay"), d, result.total_paid, lang),
        ui.figure("apr_nominal", t(lang, "真实年化利率（IRR，单利）", "True annual rate (IRR, simple)"),
                  d["apr_nominal"], wording.percent(result.apr_nominal),
                  t(lang, f"按复利计为 {wording.compound_percent(result.apr_effective, 'zh')}",
                    f"compounded: {wording.compound_percent(result.apr_effective, 'en')}")),
    ]
    explain = []
    if result.total_fees:
        explain.append(t(
            lang,
            f"你实际拿到 {wording.money(result.received, 'zh')}。把各种费用算进去，真实年化利率是 {d['apr_nominal']}%，"
            f"合同写的是 {percent_text(i.annual_rate)}%。比较贷款时要看真实年化利率。",
            f"You actually received {wording.money(result.received, 'en')}. Counting the fees, the true annual rate is "
            f"{d['apr_nominal']}%; the contract says {percent_text(i.annual_rate)}%. Compare loans on the true rate.",
        ))
    explain.append(t(
        lang,
        "每期利息按剩余本金计算并四舍五入到分，最后一期结清余下的零头，所以末期金额可能和前面略有不同。",
        "Each month's interest is on the balance left, rounded to the fen; the last payment settles what "
        "remains, so it can differ slightly from the others.",
    ))
    chart_rows = [(0, i.principal, ZERO)]
    paid_interest = ZERO
    for row in result.rows:
        paid_interest += row.interest + row.fee
        chart_rows.append((row.period, row.balance, paid_interest))
    chart = line_chart(
        t(lang, "剩余本金与累计利息费用", "Balance left and interest and fees paid so far"),
        [(t(lang, "剩余本金", "Balance"), [c[1] for c in chart_rows]),
         (t(lang, "累计利息和费用", "Interest and fees paid"), [c[2] for c in chart_rows])],
        Labels(len(chart_rows), lambda k: t(lang, f"第{chart_rows[k][0]}月", f"m{chart_rows[k][0]}")),
        lang,
    )
    columns = [
        ("period", t(lang, "期数", "Month")),
        ("date", t(lang, "还款日", "Due date")),
        ("payment", t(lang, "还款额", "Payment")),
        ("principal", t(lang, "本金", "Principal")),
        ("interest", t(lang, "利息", "Interest")),
    ]
    if i.monthly_fee:
        columns.append(("fee", t(lang, "费用", "Fee")))
    columns.append(("balance", t(lang, "剩余本金", "Balance")))
    # the table's cells from the result (the page's data leaves the schedule out)
    if i.start_date is None:  # no dates: no date column
        columns.remove(columns[1])
    # the hidden months made only when asked for (ui.Rows)
    rows = ui.Rows(len(result.rows), lambda start, stop: schedule_cells(result, bool(i.monthly_fee), start, stop))
    table = ui.cells_table("payments", columns, rows, t(lang, "还款计划表", "Repayment schedule"), lang)
    return ui.result(lang, ui.figures(items), ui.notes(explain), chart, table)
