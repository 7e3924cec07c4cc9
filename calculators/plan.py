"""plan: my action plan — one situation (each debt, income, essential spending) turned into what to
do, by when, what each lender gets this month, and which letters to send, already filled.

It is composed of the other calculators; it has no law or arithmetic of its own except the
pro-rata share:

1. **Money this month.** What is left for debts is ``income − essentials`` (never below 0). When it
   covers every minimum payment, each debt gets its minimum and the rest goes to the highest rate
   first (``payoff.simulate``, the avalanche order, month 1). When it does not, there are two ways
   to share it, shown side by side:

   - the **legal-risk order** (``payoff.short_plan``): a debt in court or enforcement first, then a
     credit card at the amount where 恶意透支 starts to count, then the highest rate;
   - a **pro-rata offer** (``pro_rata``): the money shared in proportion to what each debt owes, in
     whole fen, adding up to the money exactly — what debt advisers propose to every lender when
     there is not enough for all.

2. **Dates.** Each debt's court or arbitration papers give its steps and deadlines exactly as the
   checklist gives them (``checklist.paper_steps``), merged and sorted by date, soonest first;
   then the steps for the whole situation (threats, a shortfall, private loans, the credit report).

3. **Letters.** For each debt, the letter that fits it, filled from the situation: the card
   instalment request for a card, the negotiation letter for a loan that is overdue or cannot be
   paid in full (with who lent, so the letter's cautions show), a stop-contact letter when family,
   friends or work were contacted, a complaint when there were threats; the hardship statement once
   when money is short. No letter to an unlicensed lender: a letter that promises payment can
   confirm a debt the law does not protect (法释〔2020〕17号 第十三条); the plan says to get advice
   instead.

Worked example: income 4,000, essentials 2,200, so 1,800 a month for three debts whose minimums
add up to 2,200 (a shortfall of 400):

>>> r = calculate(read_form({"income": "4000", "essentials": "2200", "today": "2026-12-01", "debts": [
...     {"name": "A", "balance": "3000", "annual_rate": "18", "minimum": "300"},
...     {"name": "B", "balance": "8000", "annual_rate": "36", "minimum": "500", "days_overdue": "40"},
...     {"name": "C", "balance": "15000", "annual_rate": "24", "minimum": "1400",
...      "papers": "payment_order", "papers_date": "2026-11-25"}]}))
>>> r.money, r.minimums, r.shortfall
(Decimal('1800'), Decimal('2200'), Decimal('400'))
>>> [(s.index, s.paid) for s in r.shares]  # C is in court: it is paid first
[(2, Decimal('1400')), (1, Decimal('400')), (0, Decimal('0'))]
>>> r.pro_rata  # 1,800 × 3,000 ÷ 26,000 = 207.69…; the three add up to 1,800.00
(Decimal('207.69'), Decimal('553.85'), Decimal('1038.46'))
>>> r.steps[0].key, r.steps[0].deadline, r.steps[0].days_left  # object to the payment order
('object_payment_order', datetime.date(2026, 12, 10), 9)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from . import apr, checklist, fields, negotiation, overdue_cost, payoff
from .fields import Field, ListField
from .lines import LENDERS
from .money import ZERO, InputError, money_text

SLUG = "plan"
TITLE = {"zh": "我的行动计划", "en": "My action plan"}

MAX_DEBTS = 10
# no "copy link" on its page: a link would carry a person's whole situation in its address
SHARE_LINK = False
FEN = Decimal("0.01")

KINDS = (("loan", "贷款或网贷", "A loan or online loan"), ("card", "信用卡", "A credit card"))
CONTACT = (
    ("none", "没有越线", "Nothing out of line"),
    ("third_parties", "找过我的家人、朋友或单位", "They contacted my family, friends or work"),
    ("threats", "威胁、辱骂，或者半夜打电话", "Threats, abuse, or calls at night"),
)
# papers that put a debt in court, arbitration or enforcement: first in the legal-risk order
IN_COURT = tuple(key for key, _, _ in checklist.PAPERS if key != "none")
# lenders a letter may go to: not an unlicensed lender (法释〔2020〕17号 第十三条)
LETTER_LENDERS = ("unknown", "bank", "consumer_finance", "micro_loan", "private")

FIELDS = (
    Field("income", "money", "每月到手收入", "Monthly take-home income", unit="yuan", default="4000", low=0,
          help_zh="工资、补贴、兼职、家人给的，每月实际到手的钱加在一起",
          help_en="Pay, benefits, side work, help from family: what actually reaches you each month"),
    Field("essentials", "money", "每月必要开支", "Essential spending each month", unit="yuan", default="2200",
          low=0, help_zh="房租、吃饭、交通、水电、话费、看病、孩子", help_en="Rent, food, transport, utilities, "
          "phone, medical costs, children"),
    Field("household", "count", "家里几口人靠这份收入", "People living on this income", low=1, high=20,
          required=False),
    Field("order", "choice", "钱够的时候，多出来的先还哪一笔", "When there is enough, extra money goes first to",
          choices=payoff.STRATEGIES, default="avalanche", required=False, advanced=True,
          help_zh="和“先还哪一笔”计算器一样；在那里选好的顺序可以存回这里",
          help_en="As in the debt payoff calculator; the order you choose there can be saved back here"),
    Field("today", "date", "今天的日期", "Today's date", required=False, advanced=True,
          help_zh="留空就用今天；用来算还剩几天", help_en="Leave empty for today; used to count the days left"),
)

DEBT_FIELDS = (
    Field("name", "text", "名称", "Name", required=False, high=30,
          help_zh="平台、App 或银行的名字", help_en="The platform, app or bank"),
    Field("lender", "choice", "借给你钱的是谁", "Who lent", choices=LENDERS, default="unknown", required=False,
          help_zh="看借款合同上的贷款人", help_en="The lender named in the loan contract"),
    Field("kind", "choice", "哪一类", "Kind", choices=KINDS, default="loan", required=False),
    Field("balance", "money", "现在还欠多少", "Amount you owe now", unit="yuan", default="10000",
          help_zh="App 或账单上的待还金额", help_en="The amount outstanding in the app or on the statement"),
    Field("annual_rate", "rate", "年利率", "Annual interest rate", unit="percent", default="18",
          high=Decimal("1000"), required=False,
          help_zh="不知道可以不填；不填的排在知道利率的后面", help_en="Leave it if you do not know; "
          "debts without a rate come after those with one"),
    Field("minimum", "money", "每月最低要还", "Minimum payment each month", unit="yuan", default="500", low=0,
          zero_zh="没有固定要求", zero_en="there is none"),
    Field("days_overdue", "count", "已经逾期多少天", "Days overdue", unit="days", low=0, high=3650,
          required=False, help_zh="还没逾期就不填", help_en="Leave it empty if you are not overdue"),
    Field("papers", "choice", "收到的法院或仲裁文书", "Court or arbitration papers received",
          choices=checklist.PAPERS, default="none", required=False),
    Field("papers_date", "date", "收到文书的日期", "Date you received them", required=False),
    Field("hearing_date", "date", "传票上的开庭日期", "Hearing date on the summons", required=False),
    Field("notice_deadline", "date", "通知书上写的期限", "Deadline written on the notice", required=False),
    Field("contact", "choice", "催收有没有越线", "Has collection crossed the line?", choices=CONTACT,
          default="none", required=False),
    Field("agreed", "yesno", "已经和对方谈好了新的还款计划", "You have agreed a new plan with this lender",
          default="no", required=False,
          help_zh="谈好了，上面就填新计划的欠款、年利率和每月还款；协商计算器里的结果可以一键存到这里",
          help_en="If so, enter the new plan's amount, rate and monthly payment above; the negotiation "
                  "calculator can save its plan here in one tap"),
)

DEFAULT_DEBTS = (
    {"name": "A", "balance": "3000", "annual_rate": "18", "minimum": "300"},
    {"name": "B", "balance": "8000", "annual_rate": "36", "minimum": "500"},
    {"name": "C", "balance": "15000", "annual_rate": "24", "minimum": "800"},
)

DEBTS = ListField(
    "debts", DEBT_FIELDS, DEFAULT_DEBTS, MAX_DEBTS,
    row_zh="第 {n} 笔", row_en="Debt {n}", noun_zh="欠款", noun_en="debt",
    add_zh="再加一笔", add_en="Add a debt", remove_zh="删除这一笔", remove_en="Remove this debt",
    empty_zh="请至少填写一笔欠款：还欠多少和每月最低要还多少",
    empty_en="Fill in at least one debt: what you owe and its minimum payment",
    too_many_zh="最多可以填 {high} 笔欠款", too_many_en="You can list up to {high} debts",
)
LISTS = (DEBTS,)


@dataclass(frozen=True)
class Debt:
    balance: Decimal
    minimum: Decimal
    name: str | None = None
    lender: str | None = "unknown"
    kind: str | None = "loan"
    annual_rate: Decimal | None = None
    days_overdue: int | None = None
    papers: str | None = "none"
    papers_date: dt.date | None = None
    hearing_date: dt.date | None = None
    notice_deadline: dt.date | None = None
    contact: str | None = "none"
    agreed: bool | None = False

    def __post_init__(self) -> None:
        fields.check(DEBT_FIELDS, self)

    @property
    def in_court(self) -> bool:
        return (self.papers or "none") in IN_COURT

    def for_payoff(self) -> payoff.Debt:
        """The debt as payoff sees it: court papers make it a court debt; no rate counts as 0 %."""
        kind = "court" if self.in_court else ("card" if self.kind == "card" else "loan")
        return payoff.Debt(self.balance, self.annual_rate or ZERO, self.minimum, self.name, kind)


@dataclass(frozen=True)
class Inputs:
    income: Decimal
    essentials: Decimal
    debts: tuple[Debt, ...]
    household: int | None = None
    order: str | None = "avalanche"
    today: dt.date | None = None

    def __post_init__(self) -> None:
        fields.check(FIELDS, self)
        if not self.debts:
            raise DEBTS.empty()
        if len(self.debts) > MAX_DEBTS:
            raise DEBTS.too_many()
        for i, debt in enumerate(self.debts):
            try:
                _checklist_inputs(debt, self.today)
            except InputError as e:  # the checklist's message, put next to this debt's own field
                raise InputError(f"debts.{i}.{e.field}", e.message["zh"], e.message["en"]) from None


@dataclass(frozen=True)
class Step:
    key: str
    debt: int | None = None  # the debt it belongs to (its position as entered), None: the whole situation
    deadline: dt.date | None = None
    days_left: int | None = None


@dataclass(frozen=True)
class Letter:
    slug: str  # the letter's calculator (web.DOCUMENTS)
    debt: int | None  # the debt it is about, None: the whole situation
    form: Mapping[str, str]  # its fields, filled from the situation, as text


@dataclass(frozen=True)
class Result:
    inputs: Inputs
    today: dt.date
    money: Decimal  # income − essentials, at least 0
    minimums: Decimal
    shortfall: Decimal  # minimums − money when positive, else 0
    shares: tuple[payoff.Share, ...]  # when short: the legal-risk order
    pro_rata: tuple[Decimal, ...]  # when short: each debt's pro-rata share, in the order entered
    this_month: tuple[Decimal, ...]  # when not short: each debt's payment this month, in the order entered
    months: int | None  # when not short: months to debt-free at this budget (None: over 50 years)
    # when not short: the payoff plan to debt-free in the plan's order (the calendar's monthly reminders);
    # None when short or over 50 years
    payoff_plan: payoff.Plan | None
    steps: tuple[Step, ...]
    letters: tuple[Letter, ...]

    @property
    def short(self) -> bool:
        return self.shortfall > 0


def read_form(form: Mapping[str, object], today: dt.date | None = None) -> Inputs:
    """Inputs from a form of text values; an empty ``today`` becomes the caller's clock (see
    checklist.read_form)."""
    values = fields.read_all(FIELDS, form)
    if values["today"] is None:
        values["today"] = today or dt.date.today()
    return Inputs(debts=tuple(Debt(**row) for row in fields.read_rows(DEBTS, form)), **values)


def pro_rata(amount: Decimal, weights: Sequence[Decimal]) -> tuple[Decimal, ...]:
    """``amount`` shared in proportion to ``weights``, in whole fen, adding up to ``amount`` exactly.

    Each share is ``amount × weight ÷ total`` rounded down to the fen; the fen left over go one
    each to the shares that lost the most in rounding (ties: the one entered first).

    >>> pro_rata(Decimal("1000"), [Decimal("3000"), Decimal("8000"), Decimal("15000")])
    (Decimal('115.39'), Decimal('307.69'), Decimal('576.92'))
    >>> pro_rata(Decimal("0.02"), [Decimal("1"), Decimal("1"), Decimal("1")])
    (Decimal('0.01'), Decimal('0.01'), Decimal('0.00'))
    """
    total = sum(weights, ZERO)
    if total <= 0:
        raise ValueError("pro_rata needs a positive total weight")
    exact = [amount * w / total for w in weights]
    shares = [x.quantize(FEN, rounding=ROUND_DOWN) for x in exact]
    left = int((amount.quantize(FEN) - sum(shares, ZERO)) / FEN)
    by_loss = sorted(range(len(weights)), key=lambda k: (-(exact[k] - shares[k]), k))
    for k in by_loss[:left]:
        shares[k] += FEN
    return tuple(shares)


def _situation(days_overdue: int | None) -> str:
    if not days_overdue:
        return "not_yet"
    return "under_30" if days_overdue <= 30 else "under_90" if days_overdue <= 90 else "over_90"


def _checklist_inputs(debt: Debt, today: dt.date | None) -> checklist.Inputs:
    return checklist.Inputs(situation=_situation(debt.days_overdue), papers=debt.papers or "none",
                            papers_date=debt.papers_date, hearing_date=debt.hearing_date,
                            notice_deadline=debt.notice_deadline, today=today)


def _steps(inputs: Inputs, day: dt.date, short: bool) -> tuple[Step, ...]:
    debts = inputs.debts
    dated: list[Step] = []
    undated: list[Step] = []
    for i, debt in enumerate(debts):
        for s in checklist.paper_steps(_checklist_inputs(debt, day), day):
            (dated if s.deadline else undated).append(Step(s.key, i, s.deadline, s.days_left))
    dated.sort(key=lambda s: (s.deadline, s.debt))
    whole: list[Step] = []
    if any(d.contact == "threats" for d in debts):
        whole.append(Step("report_threats"))
    if any(d.lender == "unlicensed" for d in debts):
        whole.append(Step("unlicensed_lender"))
    whole.append(Step("negotiate_shortfall" if short else "plan_payoff"))
    if any(d.lender == "private" for d in debts):
        whole.append(Step("private_loan_cap"))
    if any(d.days_overdue for d in debts):
        whole.append(Step("check_charges"))
    whole += [Step("check_credit_report"), Step("keep_records")]
    threats = [s for s in whole if s.key == "report_threats"]
    return tuple(threats + dated + undated + [s for s in whole if s.key != "report_threats"])


def _text(value: object) -> str:
    """A value as a reader would type it: money with two decimals, dates as YYYY-MM-DD, "" for none."""
    if isinstance(value, Decimal):
        return money_text(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def _letters(inputs: Inputs, short: bool, offer: Sequence[Decimal]) -> tuple[Letter, ...]:
    """The letters that fit each debt, filled from the situation (see the module's docstring)."""
    out: list[Letter] = []
    minimums = sum((payoff.first_minimum(d.for_payoff()) for d in inputs.debts), ZERO)
    for i, d in enumerate(inputs.debts):
        if (d.lender or "unknown") not in LETTER_LENDERS:  # left empty: the form's own default, not known
            continue
        # a plan agreed with the lender needs no letter asking for one
        behind = (short or bool(d.days_overdue)) and not d.agreed
        common = {"income": inputs.income, "essentials": inputs.essentials, "overdue_days": d.days_overdue}
        if behind and d.kind == "card":
            out.append(Letter("card-instalments", i, {k: _text(v) for k, v in {
                "bank": d.name, "owed": d.balance, **common, "monthly": offer[i] or None}.items()}))
        elif behind:
            own = payoff.first_minimum(d.for_payoff())
            out.append(Letter("negotiation-letter", i, {k: _text(v) for k, v in {
                "lender": d.name, "owed": d.balance, **common, "other_debts": minimums - own,
                "plan": "reinstalment" if offer[i] else None, "monthly": offer[i] or None,
                "lender_kind": d.lender}.items()}))
        if d.contact in ("third_parties", "threats"):
            out.append(Letter("stop-contact", i, {"lender": _text(d.name)}))
        if d.contact == "threats":
            out.append(Letter("complaint", i, {"lender": _text(d.name)}))
    if short:
        # the statement's table: income as wages, essentials as one line (the reader can split them on the
        # letter's page), and up to three debts, the largest minimums first
        others = sorted(range(len(inputs.debts)), key=lambda k: (-inputs.debts[k].minimum, k))[:3]
        form = {"household": inputs.household, "wages": inputs.income, "other_essentials": inputs.essentials}
        for n, k in enumerate(others, start=1):
            form[f"debt{n}_name"] = inputs.debts[k].name or f"{k + 1}"
            form[f"debt{n}_monthly"] = inputs.debts[k].minimum
        out.append(Letter("hardship-statement", None, {k: _text(v) for k, v in form.items()}))
    return tuple(out)


def calculate(inputs: Inputs, today: dt.date | None = None) -> Result:
    """The money this month (both shares when it is short), the dated steps and the letters."""
    day = inputs.today or today or dt.date.today()
    money = max(inputs.income - inputs.essentials, ZERO)
    debts = tuple(d.for_payoff() for d in inputs.debts)
    minimums = sum((payoff.first_minimum(d) for d in debts), ZERO)
    shortfall = max(minimums - money, ZERO)
    shares: tuple[payoff.Share, ...] = ()
    shares_pro_rata: tuple[Decimal, ...] = ()
    this_month: tuple[Decimal, ...] = ()
    payoff_plan = None
    months = None
    if shortfall > 0:
        shares = payoff.short_plan(debts, money)
        weights = [d.balance for d in inputs.debts]
        shares_pro_rata = pro_rata(money, weights) if money > 0 else tuple(ZERO for _ in weights)
        offer = shares_pro_rata
    else:
        plan = payoff.simulate(debts, money, inputs.order or "avalanche")
        if plan is not None:
            this_month, months, payoff_plan = plan.payments[0], plan.months, plan
        else:  # the minimums are covered, but at this budget the debts outlast 50 years
            this_month = tuple(payoff.first_minimum(d) for d in debts)
        offer = this_month
    steps = _steps(inputs, day, shortfall > 0)
    return Result(inputs=inputs, today=day, money=money, minimums=minimums, shortfall=shortfall, shares=shares,
                  pro_rata=shares_pro_rata, this_month=this_month, months=months, payoff_plan=payoff_plan, steps=steps,
                  letters=_letters(inputs, shortfall > 0, offer))


def to_dict(result: Result) -> dict:
    """JSON-ready: money as text with two decimals, dates as YYYY-MM-DD."""
    data: dict = {
        "today": result.today.isoformat(), "money": money_text(result.money),
        "minimums": money_text(result.minimums), "shortfall": money_text(result.shortfall),
        "steps": [{"key": s.key, **({"debt": s.debt} if s.debt is not None else {}),
                   **({"deadline": s.deadline.isoformat(), "days_left": s.days_left} if s.deadline else {})}
                  for s in result.steps],
        "letters": [{"slug": x.slug, **({"debt": x.debt} if x.debt is not None else {}), "form": dict(x.form)}
                    for x in result.letters],
    }
    if result.short:
        data["order"] = [{"debt": s.index, "reason": s.reason, "paid": money_text(s.paid),
                          "unmet": money_text(s.unmet)} for s in result.shares]
        data["pro_rata"] = [money_text(x) for x in result.pro_rata]
    else:
        data["this_month"] = [money_text(x) for x in result.this_month]
        data["months"] = result.months
    dated = [s for s in result.steps if s.deadline]
    if dated:
        data["first_deadline"] = dated[0].deadline.isoformat()
    return data


# ---- filling the other tools from the situation (issue 24 item 3) ------------------------------

def _rate(value: Decimal | None) -> str:
    """A rate exactly as read (18 → "18", 7.125 → "7.125"), never rounded like money."""
    return "" if value is None else fields.canonical_text(value)


def first_behind(result: Result) -> int:
    """The debt a one-debt tool opens with: the first in the legal-risk order when money is short, else the
    first entered that is overdue or has papers, else the first entered."""
    if result.short:
        return result.shares[0].index
    debts = result.inputs.debts
    return next((i for i, d in enumerate(debts) if d.days_overdue or d.in_court), 0)


def _fill_payoff(result: Result, d: Debt, offer: Decimal) -> dict:
    return {"budget": _text(result.money), "debts": [
        {"name": _text(x.name), "balance": _text(x.balance), "annual_rate": _rate(x.annual_rate),
         "minimum": _text(x.minimum), "kind": x.for_payoff().kind} for x in result.inputs.debts]}


def _fill_negotiation(result: Result, d: Debt, offer: Decimal) -> dict:
    return {"principal": _text(d.balance), "annual_rate": _rate(d.annual_rate), "affordable": _text(offer)}


def _fill_overdue_cost(result: Result, d: Debt, offer: Decimal) -> dict:
    # what the situation does not know stays as the reader left it on that page
    form = {k: v for k, v in {"overdue_principal": _text(d.balance),
                              "days_overdue": _text(d.days_overdue or None)}.items() if v}
    if d.annual_rate is not None:  # the tool takes a daily or an annual rate: the annual one, then
        form.update(daily_rate="", annual_rate=_rate(d.annual_rate))
    return form


def _fill_checklist(result: Result, d: Debt, offer: Decimal) -> dict:
    debts = result.inputs.debts
    return {"situation": _situation(d.days_overdue), "papers": d.papers or "none",
            "papers_date": _text(d.papers_date), "hearing_date": _text(d.hearing_date),
            "notice_deadline": _text(d.notice_deadline),
            "threats": "yes" if any(x.contact != "none" for x in debts) else "no",
            "credit_card": "yes" if any(x.kind == "card" for x in debts) else "no",
            "online_loan": "yes" if any(x.kind != "card" and x.lender != "private" for x in debts) else "no",
            "private_loan": "yes" if any(x.lender == "private" for x in debts) else "no",
            "can_pay": _text(result.money), "minimums": _text(result.minimums)}


def _fill_apr(result: Result, d: Debt, offer: Decimal) -> dict:
    # the line check: which rate line applies depends on who lent; the loan's own terms (amount, months,
    # payment) are not part of the situation and stay as the reader typed them on that page
    return {"lender": d.lender or "unknown"}


# the tools the plan opens filled, in the order the page lists them: (module, how its form is filled)
FILLS = ((payoff, _fill_payoff), (negotiation, _fill_negotiation), (overdue_cost, _fill_overdue_cost),
         (checklist, _fill_checklist), (apr, _fill_apr))


def fill(slug: str, result: Result, debt: int | None = None) -> dict:
    """The form of another tool (one of ``FILLS`` or a letter the plan suggests), filled from the
    situation, as text the way a reader types it. A one-debt tool takes ``debt`` (its position as
    entered; by default the one ``first_behind`` picks).

    >>> r = calculate(read_form({"income": "4000", "essentials": "2200", "today": "2026-12-01", "debts": [
    ...     {"name": "A", "balance": "3000", "annual_rate": "18", "minimum": "300"}]}))
    >>> fill("payoff", r)
    {'budget': '1800.00', 'debts': [{'name': 'A', 'balance': '3000.00', 'annual_rate': '18', 'minimum': '300.00', 'kind': 'loan'}]}
    """
    k = first_behind(result) if debt is None else debt
    if not 0 <= k < len(result.inputs.debts):
        raise InputError("debt", "没有这一笔欠款，请回到“我的情况”看一下",
                         "There is no such debt; go back to My situation and check")
    for module, make in FILLS:
        if module.SLUG == slug:
            return make(result, result.inputs.debts[k], (result.pro_rata or result.this_month)[k])
    letters = [x for x in result.letters if x.slug == slug]
    chosen = next((x for x in letters if x.debt == debt), None) if debt is not None else None
    if chosen or letters:
        return dict((chosen or letters[0]).form)
    raise InputError("slug", "“我的情况”填不了这个工具", "My situation cannot fill this tool")


# ---- saving a tool's result back into the situation (issue 24 item 3) --------------------------

def saved_order(result: payoff.Result) -> tuple[tuple[str, str], ...]:
    """What "save to My situation" on the payoff page keeps: the order the reader chose there.

    >>> r = payoff.calculate(payoff.read_form({"budget": "900", "strategy": "snowball"}))
    >>> saved_order(r)
    (('order', 'snowball'),)
    """
    return (("order", result.inputs.strategy),)


def saved_agreement(result: negotiation.Result) -> tuple[tuple[str, str], ...]:
    """What "save to My situation" on the negotiation page writes into one debt once the lender agrees
    to the plan the page suggests (``negotiation.letter_plan``, the plan the letter asks for): the new
    plan's amount, annual rate and monthly payment, and that it is agreed — so the action plan counts
    the agreed payment as that debt's minimum and suggests no letter asking for a plan. Only a plan
    paid month by month can be kept: re-instalment (the amount less penalties waived, at its rate)
    or interest frozen (the whole amount at 0 %); () for paying in full or an extension.

    >>> r = negotiation.calculate(negotiation.read_form({"principal": "30000", "affordable": "500"}))
    >>> saved_agreement(r)  # nothing likely fits 500: the letter asks for 60 interest-free parts
    (('balance', '30000.00'), ('annual_rate', '0'), ('minimum', '500.00'), ('agreed', 'yes'))
    """
    asked = negotiation.letter_plan(result)
    if asked["plan"] == "frozen":
        balance, rate = result.debt, ZERO
    elif asked["plan"] == "reinstalment":
        waived = result.inputs.penalties if result.inputs.waive_penalties and result.inputs.penalties else ZERO
        balance, rate = result.debt - waived, result.reinstal_rate
    else:
        return ()
    return (("balance", money_text(balance)), ("annual_rate", fields.canonical_text(rate)),
            ("minimum", asked["monthly"]), ("agreed", "yes"))


@dataclass(frozen=True)
class Save:
    """A tool whose result can be saved back: what it keeps, whether into one debt, and what the block says."""

    module: object
    keep: object  # result -> pairs (empty: nothing worth keeping in this result)
    one_debt: bool
    words_zh: str
    words_en: str


SAVES = (
    Save(payoff, saved_order, False, "把这个顺序存到“我的情况”，行动计划以后按它分多出来的钱。",
         "Save this order to My situation: your action plan will use it for any money left over."),
    Save(negotiation, saved_agreement, True,
         "对方已经同意这个计划了？把它存到“我的情况”里的那一笔欠款：行动计划会按新的每月还款来算，"
         "也不再建议为这一笔写协商信。还没谈成就先别存。",
         "Has the lender agreed to this plan? Save it to that debt in My situation: your action plan will count "
         "the new monthly payment and stop suggesting a letter asking for a plan. If it is not agreed yet, do not "
         "save it."),
)


def save_for(slug: str) -> Save | None:
    """The tool's entry in ``SAVES``, or None when its result is not saved back."""
    return next((x for x in SAVES if x.module.SLUG == slug), None)
