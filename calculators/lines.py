"""The legal and regulatory cost lines a yearly rate is compared against.

The lines, each binding different lenders (figures from ``figures.toml``):

- 4 × the one-year LPR: what courts support in private lending (民间借贷,
  法释〔2020〕17号 第二十五条); licensed lenders are outside it. Which LPR
  depends on when the contract was made (第三十一条, as revised 2020-12-29):

  - made on or after 2020-08-20: the LPR in force when the contract was made
    (``figures.lpr_on``: the newest announcement on or before that day, so a
    contract made on an announcement day takes that day's figure);
  - made before 2020-08-20: the interest is split in two. Interest up to
    2020-08-19 may follow the rule of the time (``rule_2015``: 法释〔2015〕18号
    第二十六条, courts support up to 24 % a year and interest agreed above 36 %
    is void); interest from 2020-08-20 on is capped at 4 × the LPR *at the time
    the suit is filed*. We cannot know that day, so "if filed today": the
    newest LPR in the figures file (``Line.at_filing``).

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
rule (4 × LPR; for an older contract both parts of it apply, each to its own
days); an unlicensed business lender is illegal lending, whatever the rate
(法释〔2020〕17号 第十三条). Without a lender type no line applies: the views
then give the rates without a verdict and ask who lent.

>>> [(line.name, line.rate, line.above) for line in compare(Decimal("18"), datetime.date(2020, 8, 20))]
[('judicial_cap', Decimal('15.40'), True), ('line_24', Decimal('24'), False), ('line_36', Decimal('36'), False)]
>>> [line.name for line in compare(Decimal("18"), lender="private") if line.applies]
['judicial_cap']

Worked example of an older contract: a private loan made on 2019-06-01 at 13 % a
year. Up to 2020-08-19 it is under the 2015 rule's 24 % (and 36 %); from
2020-08-20 on it is above 4 × the newest LPR (4 × 3.00 % = 12.00 %, the
announcement of 2025-05-20 in figures.toml):

>>> old = compare(Decimal("13"), datetime.date(2019, 6, 1), "private")
>>> [(x.name, x.rate, x.above, x.applies) for x in old[:2]]
[('rule_2015', Decimal('24'), False, True), ('judicial_cap', Decimal('12.00'), True, True)]
>>> old[0].until, old[1].since, old[1].at_filing, old[1].lpr_day
(datetime.date(2020, 8, 19), datetime.date(2020, 8, 20), True, datetime.date(2025, 5, 20))
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


# 法释〔2015〕18号 第二十六条 (the rule for interest up to 2020-08-19 on contracts made before
# 2020-08-20, 法释〔2020〕17号 第三十一条): courts support interest up to 24 % a year; interest agreed
# above 36 % is void. History that cannot move, so kept here rather than in figures.toml.
RULE_2015_SUPPORTED = Decimal("24")
RULE_2015_VOID = Decimal("36")


@dataclass(frozen=True)
class Line:
    name: str  # judicial_cap | rule_2015 | line_24 | line_36 (figures.toml names the last three's binding)
    rate: Decimal  # percent a year
    above: bool  # the compared rate is above this line
    lpr: Decimal | None = None  # judicial_cap only: the LPR it is 4 times
    lpr_day: datetime.date | None = None  # ... and the day that LPR took effect (its announcement)
    applies: bool = False  # a line that applies to the lender chosen (two for an older private loan)
    since: datetime.date | None = None  # it covers interest from this day on (None: from the start)
    until: datetime.date | None = None  # it covers interest up to this day, inclusive (None: to the end)
    void_rate: Decimal | None = None  # rule_2015 only: interest agreed above this is void (36)
    void_above: bool = False  # ... and the compared rate is above it
    at_filing: bool = False  # judicial_cap: 4 × the LPR when the suit is filed ("if filed today")


def lpr_row(day: datetime.date) -> tuple[datetime.date, Decimal] | None:
    """The LPR announcement in force on ``day``: (the day it took effect, percent), or None before the series.

    >>> lpr_row(datetime.date(2022, 3, 5))
    (datetime.date(2022, 1, 20), Decimal('3.70'))
    """
    found = None
    for start, rate in figures.lpr_series():
        if start <= day:
            found = (start, rate)
    return found


def compare(rate: Decimal, contract_date: datetime.date | None = None, lender: str | None = None) -> list[Line]:
    """Each line with whether ``rate`` (percent a year) is above it, and which apply to ``lender``.

    Without a contract date, the private-lending line uses the newest LPR in the
    figures file. A contract made before the private-lending cap took effect
    (2020-08-20) gets two private-lending lines, one for each part of its
    interest (法释〔2020〕17号 第三十一条): ``rule_2015`` up to 2020-08-19 and
    ``judicial_cap`` at the newest LPR ("if the suit were filed today") from 2020-08-20.
    """
    applies = APPLIES.get(lender_of(lender) or "unknown")
    private = applies == "judicial_cap"
    effective = figures.entry("private_lending_cap")["effective"]
    lines = []
    if contract_date is not None and contract_date < effective:
        lines.append(Line("rule_2015", RULE_2015_SUPPORTED, rate > RULE_2015_SUPPORTED, applies=private,
                          until=effective - datetime.timedelta(days=1), void_rate=RULE_2015_VOID,
                          void_above=rate > RULE_2015_VOID))
        lpr_day, lpr = figures.latest_lpr()
        cap = figures.judicial_cap_on(lpr_day)
        lines.append(Line("judicial_cap", cap, rate > cap, lpr, lpr_day, private, since=effective, at_filing=True))
    else:
        row = lpr_row(contract_date or figures.latest_lpr()[0])
        if row is not None:
            lpr_day, lpr = row
            cap = figures.judicial_cap_on(contract_date or lpr_day)
            lines.append(Line("judicial_cap", cap, rate > cap, lpr, lpr_day, private))
    for key in ("24", "36"):
        line = figures.cost_line(key)
        lines.append(Line(f"line_{key}", line, rate > line, applies=applies == f"line_{key}"))
    return lines


def entry(line: Line) -> dict | None:
    """The figures.toml entry of a line: whom it binds and its source (``binds_zh``, ``source_en`` ...).
    ``rule_2015`` has none (its figures are the constants above)."""
    if line.name == "rule_2015":
        return None
    return figures.entry("private_lending_cap" if line.name == "judicial_cap" else f"cost_{line.name}")


def to_list(lines: list[Line]) -> list[dict]:
    """JSON-ready: ``[{"name": ..., "rate": "15.40", "above": true, "applies": false}, ...]``; a line
    covering only part of the interest also has ``since``/``until`` (YYYY-MM-DD), the 2015 rule its
    ``void_rate`` and ``void_above``, and the cap at the time of suing ``at_filing``."""
    out = []
    for x in lines:
        item = {"name": x.name, "rate": percent_text(x.rate), "above": x.above, "applies": x.applies}
        if x.since is not None:
            item["since"] = x.since.isoformat()
        if x.until is not None:
            item["until"] = x.until.isoformat()
        if x.void_rate is not None:
            item["void_rate"] = percent_text(x.void_rate)
            item["void_above"] = x.void_above
        if x.at_filing:
            item["at_filing"] = True
        out.append(item)
    return out
