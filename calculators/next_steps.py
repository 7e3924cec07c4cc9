"""next_steps: what to do after a result, chosen by the result itself.

One function per calculator (its record in ``web.py`` names it) takes that
calculator's ``Result`` and returns 2 to 4 step keys, most useful first. The
keys name a destination (a guide, a calculator, a letter); ``views/next_steps.py``
turns them into links with words in the reader's language. No words or HTML here.

The choices, and why:

- charges above the court's 24% line (法发〔2017〕22号 第二条: a court may cut a
  financial loan's total cost above 24% a year at the borrower's request) →
  how to challenge them, and a complaint; at or below it → plan and negotiate;
- a payoff plan that runs long (over ``LONG_PLAN_MONTHS``) or a budget below the
  minimums → negotiating and a hardship statement; a short plan → stay on it;
- a negotiation where nothing fits the budget → the hardship statement and help;
- a credit-record date → the 征信异议 (dispute) when the record is wrong, always.

>>> from calculators import apr as apr_model
>>> apr(apr_model.calculate(apr_model.read_form({"principal": "10000", "received": "10000", "months": "12", "payment": "950"})))
['challenge_charges', 'complaint', 'repayment_calc']
>>> apr(apr_model.calculate(apr_model.read_form({"principal": "10000", "received": "10000", "months": "12", "payment": "900"})))
['repayment_calc', 'affordability_calc', 'payoff_calc']
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from .money import ZERO

# A plan longer than this is worth renegotiating: lenders' own hardship plans
# (个性化分期, 《商业银行信用卡业务监督管理办法》第七十条) run up to 5 years, so a reader
# facing more than 3 years on their own has room to ask for less.
LONG_PLAN_MONTHS = 36
MIN_STEPS, MAX_STEPS = 2, 4


def _above_court_line(lines: Iterable) -> bool:
    """The rate is above the line that applies to this lender (lines.APPLIES); when the reader has
    not said who lent, above the 24% line courts apply to financial loans."""
    lines = list(lines)
    chosen = [x for x in lines if getattr(x, "applies", False)]
    return any(x.above for x in chosen) if chosen else any(x.name == "line_24" and x.above for x in lines)


def overdue_cost(result) -> list[str]:
    if _above_court_line(result.lines):
        return ["challenge_charges", "complaint", "negotiation_calc"]
    return ["negotiation_calc", "payoff_calc", "credit_record_calc"]


def apr(result) -> list[str]:
    if _above_court_line(result.lines):
        return ["challenge_charges", "complaint", "repayment_calc"]
    return ["repayment_calc", "affordability_calc", "payoff_calc"]


def repayment(result) -> list[str]:
    from . import lines  # the same comparison the apr page makes

    if _above_court_line(lines.compare(result.apr_nominal, result.inputs.start_date)):
        return ["apr_calc", "challenge_charges", "complaint"]
    return ["apr_calc", "affordability_calc", "repayment_plan"]


def negotiation(result) -> list[str]:
    if result.best is None:  # no plan on offer fits what the reader can pay
        return ["hardship", "negotiate", "get_help"]
    return ["negotiate", "payoff_calc", "credit_record_calc"]


def shortfall(result) -> Decimal:
    """How much the payoff budget falls short of the first month's minimums (0 if none)."""
    # imported here, not above: a page imports only its own calculator (web.py)
    from . import payoff as payoff_model

    need = sum((payoff_model.first_minimum(d) for d in result.inputs.debts), ZERO)
    return max(ZERO, need - result.inputs.budget)


def payoff(result) -> list[str]:
    if shortfall(result) > 0 or result.months > LONG_PLAN_MONTHS:
        return ["negotiate", "hardship", "negotiation_calc"]
    return ["repayment_plan", "credit_record_calc", "emergency_fund_calc"]


def credit_record(result) -> list[str]:
    if result.status == "unpaid":
        return ["credit_dispute", "negotiation_calc", "payoff_calc"]
    if result.status == "shown":
        return ["credit_dispute", "credit_report"]
    return ["credit_dispute", "prevent"]


def affordability(result) -> list[str]:
    if result.band in ("high", "short"):
        return ["dont_borrow", "payoff_calc", "emergency_fund_calc"]
    return ["apr_calc", "emergency_fund_calc"]


def emergency_fund(result) -> list[str]:
    if result.gap > 0:
        return ["affordability_calc", "prevent"]
    return ["payoff_calc", "prevent"]


PAPERS_GUIDE = {"payment_order": "payment_order", "lawsuit": "sued", "judgment": "sued",
                "summons": "sued", "court_notice": "sued", "small_claims_judgment": "sued",
                "arbitration_notice": "arbitration", "arbitration_award": "arbitration",
                "award_enforcement": "arbitration", "enforcement": "enforcement"}


# papers whose next step also has a guide of its own on the everyday question behind it
PAPERS_MORE = {"enforcement": "court_freeze", "judgment": "court_costs", "lawsuit": "court_costs",
               "summons": "court_costs", "small_claims_judgment": "court_costs"}


def checklist(result) -> list[str]:
    if result.inputs.papers in PAPERS_GUIDE:
        more = PAPERS_MORE.get(result.inputs.papers)
        return ["get_help", PAPERS_GUIDE[result.inputs.papers], *([more] if more else [])]
    if result.inputs.threats:
        return ["get_help", "collection_rights", "home_and_work"]
    if result.shortfall is not None:
        return ["negotiation_calc", "negotiate_in_practice", "hardship", "income_help"]
    return ["payoff_calc", "get_help"]


def plan(result) -> list[str]:
    """My action plan: help first when papers came; when money is short, negotiating in practice and
    income help; else keep a plan and a cushion."""
    papers = [d.papers for d in result.inputs.debts if d.papers in PAPERS_GUIDE]
    if papers:
        return ["get_help", PAPERS_GUIDE[papers[0]], *(["negotiate_in_practice"] if result.short else [])]
    if result.short:
        return ["negotiate_in_practice", "income_help", "get_help"]
    return ["repayment_plan", "emergency_fund_calc"]
