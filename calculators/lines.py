"""The legal and regulatory cost lines a yearly rate is compared against.

Three lines, each binding different lenders (figures from ``figures.toml``):

- 4 × the one-year LPR at the contract date: what courts support in private
  lending (民间借贷); licensed lenders are outside it.
- 24 % a year: courts may cut a financial loan's total cost above it at the
  borrower's request (法发〔2017〕22号 第二条); regulators' own cost rules differ
  by kind of lender (see figures.toml).
- 36 % a year: history, not a current line for licensed lenders (the 2015
  private-lending rule, the 2017 cash-loan notice); views give it as context
  only, never as above or below.

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
    name: str  # judicial_cap | line_24 | line_36: the entry in figures.toml names its binding and source
    rate: Decimal  # percent a year
    above: bool  # the compared rate is above this line
    lpr: Decimal | None = None  # judicial_cap only: the LPR it is 4 times
    lpr_day: datetime.date | None = None  # ... and the day that LPR took effect


def compare(rate: Decimal, contract_date: datetime.date | None = None) -> list[Line]:
    """Each line with whether ``rate`` (percent a year) is above it.

    Without a contract date, the private-lending line uses the newest LPR in
    the figures file.
    """
    day = contract_date or figures.latest_lpr()[0]
    cap = figures.judicial_cap_on(day)
    lpr_day = max(day, figures.entry("private_lending_cap")["effective"])
    lines = []
    if cap is not None:
        lines.append(Line("judicial_cap", cap, rate > cap, figures.lpr_on(lpr_day), lpr_day))
    for key in ("24", "36"):
        line = figures.cost_line(key)
        lines.append(Line(f"line_{key}", line, rate > line))
    return lines


def entry(line: Line) -> dict:
    """The figures.toml entry of a line: whom it binds and its source (``binds_zh``, ``source_en`` ...)."""
    return figures.entry("private_lending_cap" if line.name == "judicial_cap" else f"cost_{line.name}")


def to_list(lines: list[Line]) -> list[dict]:
    """JSON-ready: ``[{"name": ..., "rate": "15.40", "above": true}, ...]``."""
    return [{"name": x.name, "rate": percent_text(x.rate), "above": x.above} for x in lines]
