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

Which line applies depends on who lent (``LENDERS``; docs/guides/overdue-costs.md,
"利率多高算超线？先看借钱给你的是谁"): banks, consumer-finance and micro-loan
companies are licensed lenders, for which the 24 % court rule is the line in a
dispute; a private person or ordinary company lends under the private-lending
rule (4 × LPR); an unlicensed business lender is illegal lending, whatever the
rate (法释〔2020〕17号 第十三条). Without a lender type no line applies: the views
then give the rates without a verdict and ask who lent.

>>> [(line.name, line.rate, line.above) for line in compare(Decimal("18"), datetime.date(2020, 8, 20))]
[('judicial_cap', Decimal('15.40'), True), ('line_24', Decimal('24'), False), ('line_36', Decimal('36'), False)]
>>> [line.name for line in compare(Decimal("18"), lender="private") if line.applies]
['judicial_cap']
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from . import figures
from .fields import Field
from .money import percent_text

# Who lent: (key, zh, en). "unknown" comes first, so a page's select starts there: no verdict.
LENDERS = (
    ("unknown", "不清楚 / 先不选", "Not sure / not chosen"),
    ("bank", "银行", "A bank"),
    ("consumer_finance", "消费金融公司", "A consumer-finance company"),
    ("micro_loan", "小额贷款公司（包括网络小贷）", "A micro-loan company (online micro-loans included)"),
    ("private", "个人或一般公司（民间借贷）", "A private person or an ordinary company"),
    ("unlicensed", "没有放贷资格、专门放贷的人或公司", "An unlicensed lender in the business of lending"),
)

# lender -> the line that applies to it (None: no line; for "unlicensed" the loan itself is the issue)
APPLIES = {"bank": "line_24", "consumer_finance": "line_24", "micro_loan": "line_24",
           "private": "judicial_cap", "unlicensed": None, "unknown": None}

LENDER_FIELD = Field(
    "lender", "choice", "谁借给你的", "Who lent you the money", choices=LENDERS, required=False,
    help_zh="看借款合同里“贷款人”“出借人”写的是谁。选了，才能说哪条利率线管这笔借款",
    help_en="The lender named in the contract. Choose one to see which rate line applies to this loan",
)


def lender_of(value: str | None) -> str | None:
    """The lender type, or None when it is not given ("unknown" or empty)."""
    return None if value in (None, "", "unknown") else value


@dataclass(frozen=True)
class Line:
    name: str  # judicial_cap | line_24 | line_36: the entry in figures.toml names its binding and source
    rate: Decimal  # percent a year
    above: bool  # the compared rate is above this line
    lpr: Decimal | None = None  # judicial_cap only: the LPR it is 4 times
    lpr_day: datetime.date | None = None  # ... and the day that LPR took effect
    applies: bool = False  # the line that applies to the lender chosen (at most one)


def compare(rate: Decimal, contract_date: datetime.date | None = None, lender: str | None = None) -> list[Line]:
    """Each line with whether ``rate`` (percent a year) is above it, and which applies to ``lender``.

    Without a contract date, the private-lending line uses the newest LPR in
    the figures file.
    """
    applies = APPLIES.get(lender_of(lender) or "unknown")
    day = contract_date or figures.latest_lpr()[0]
    cap = figures.judicial_cap_on(day)
    lpr_day = max(day, figures.entry("private_lending_cap")["effective"])
    lines = []
    if cap is not None:
        lines.append(Line("judicial_cap", cap, rate > cap, figures.lpr_on(lpr_day), lpr_day,
                          applies == "judicial_cap"))
    for key in ("24", "36"):
        line = figures.cost_line(key)
        lines.append(Line(f"line_{key}", line, rate > line, applies=applies == f"line_{key}"))
    return lines


def entry(line: Line) -> dict:
    """The figures.toml entry of a line: whom it binds and its source (``binds_zh``, ``source_en`` ...)."""
    return figures.entry("private_lending_cap" if line.name == "judicial_cap" else f"cost_{line.name}")


def to_list(lines: list[Line]) -> list[dict]:
    """JSON-ready: ``[{"name": ..., "rate": "15.40", "above": true, "applies": false}, ...]``."""
    return [{"name": x.name, "rate": percent_text(x.rate), "above": x.above, "applies": x.applies} for x in lines]
