"""The page's words and HTML for apr: ``render(result, lang)``."""

from __future__ import annotations

from .. import wording
from ..apr import Result, to_dict
from ..lines import lender_of
from ..money import money_text, percent_text
from . import html as ui
from . import lines


def render(result: Result, lang: str, data: dict | None = None) -> str:
    t = ui.t
    d = data if data is not None else to_dict(result)
    i = result.inputs
    items = [
        ui.figure("apr_nominal", t(lang, "年化利率（IRR，单利）", "Annual rate (IRR, simple)"), d["apr_nominal"],
                  wording.percent(result.apr_nominal),
                  t(lang, "月 IRR × 12，公告要求标明“单利”", "monthly IRR × 12, labelled “simple”")),
        ui.figure("apr_effective", t(lang, "年化利率（IRR，复利）", "Annual rate (IRR, compound)"),
                  d["apr_effective"], wording.compound_percent(result.apr_effective, lang),
                  t(lang, "(1 + 月 IRR)^12 − 1", "(1 + monthly IRR)^12 − 1")),
        ui.money_figure("total_cost", t(lang, "借款总成本", "Total cost of the loan"), d, result.total_cost, lang,
                  t(lang, f"一共还 {wording.money(result.total_paid, 'zh')}，到手 {wording.money(i.cash_received, 'zh')}",
                    f"{wording.money(result.total_paid, 'en')} repaid for {wording.money(i.cash_received, 'en')} received")),
        ui.figure("irr_monthly", t(lang, "月 IRR", "Monthly IRR"), d["irr_monthly"],
                  wording.percent(result.irr_monthly)),
    ]
    explain = []
    if i.received is not None and i.received < i.principal:
        explain.append(t(
            lang,
            f"放款时少给了 {wording.money(i.principal - i.received, 'zh')}。利息应当按实际到手的钱计算"
            "（《民法典》第六百七十条），所以真实利率要用到手金额来算。",
            f"{wording.money(i.principal - i.received, 'en')} was kept back at the start. Interest should run on what "
            "you actually received (Civil Code art. 670), so the true rate is worked out on that amount.",
        ))
    if i.monthly_fee_rate is not None:
        explain.append(t(
            lang,
            f"月费率 {percent_text(i.monthly_fee_rate)}% 每月都按最初的借款金额收，但你手里的本金越还越少，"
            "所以真实年化利率远高于“月费率 × 12”。",
            f"A {percent_text(i.monthly_fee_rate)}% monthly fee is charged on the original amount every month "
            "while what you still owe keeps falling, so the true annual rate is far above “fee rate × 12”.",
        ))
    lender = lender_of(i.lender)
    explain += lines.explain(result.apr_nominal, list(result.lines), lang, lender)
    rows = [[str(k), money_text(p)] for k, p in enumerate(result.payments, start=1)]
    return ui.result(
        lang,
        ui.figures(items),
        ui.notes(explain),
        lines.lender_links(lender, lang),
        ui.table("payments", [("period", t(lang, "期数", "Month")), ("payment", t(lang, "还款额", "Payment"))],
                 rows, t(lang, "每期还款", "Payments"), lang, money=["payment"]),
    )
