"""The legal and regulatory cost lines a yearly rate is compared against.

Three lines, each binding different lenders (figures from ``figures.toml``):

- 4 × the one-year LPR at the contract date: what courts support in private
  lending (民间借贷); licensed lenders are outside it.
- 24 % a year: courts may cut a financial loan's total cost above it, and
  regulators push licensed lenders' total cost below it.
- 36 % a year: the regulators' 2017 red line for cash loans.

>>> [(line.name, line.rate, line.above) for line in compare(Decimal("18"), datetime.date(2020, 8, 20))]
[('judicial_cap', Decimal('15.40'), True), ('line_24', Decimal('24'), False), ('line_36', Decimal('36'), False)]
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from . import figures
from .money import percent_text


@dataclass(frozen=True)
class Line:
    name: str
    rate: Decimal  # percent a year
    above: bool  # the compared rate is above this line
    label_zh: str
    label_en: str
    detail_zh: str
    detail_en: str
    binds_zh: str
    binds_en: str
    source_zh: str
    source_en: str


def compare(rate: Decimal, contract_date: datetime.date | None = None) -> list[Line]:
    """Each line with whether ``rate`` (percent a year) is above it.

    Without a contract date, the private-lending line uses the newest LPR in
    the figures file.
    """
    day = contract_date or figures.latest_lpr()[0]
    cap = figures.judicial_cap_on(day)
    lpr_day = max(day, figures.entry("private_lending_cap")["effective"])
    lpr = figures.lpr_on(lpr_day)
    cap_entry = figures.entry("private_lending_cap")
    lines = []
    if cap is not None:
        lines.append(Line(
            "judicial_cap", cap, rate > cap,
            "民间借贷司法保护上限", "the private-lending cap",
            f"即 {lpr_day.isoformat()} 起执行的一年期 LPR {percent_text(lpr)}% 的 4 倍",
            f"4 × the one-year LPR of {percent_text(lpr)}% in force from {lpr_day.isoformat()}",
            cap_entry["binds_zh"], cap_entry["binds_en"], cap_entry["source_zh"], cap_entry["source_en"],
        ))
    for key in ("24", "36"):
        entry = figures.entry(f"cost_line_{key}")
        line = figures.cost_line(key)
        lines.append(Line(
            f"line_{key}", line, rate > line,
            f"年化 {key}% 线", f"the {key}% line", "", "",
            entry["binds_zh"], entry["binds_en"], entry["source_zh"], entry["source_en"],
        ))
    return lines


def to_list(lines: list[Line]) -> list[dict]:
    """JSON-ready: ``[{"name": ..., "rate": "15.40", "above": true}, ...]``."""
    return [{"name": x.name, "rate": percent_text(x.rate), "above": x.above} for x in lines]


def explain(rate: Decimal, lines: list[Line], lang: str) -> list[str]:
    """One plain sentence a line: where the rate stands and whom the line binds."""
    out = []
    shown = percent_text(rate)
    for x in lines:
        if lang == "zh":
            where = "高于" if x.above else "没有超过"
            detail = f"（{x.detail_zh}）" if x.detail_zh else ""
            out.append(f"{shown}% {where}{x.label_zh} {percent_text(x.rate)}%{detail}。{x.binds_zh}。")
        else:
            where = "above" if x.above else "not above"
            detail = f" ({x.detail_en})" if x.detail_en else ""
            out.append(f"{shown}% is {where} {x.label_en} of {percent_text(x.rate)}%{detail}. {x.binds_en}.")
    return out
