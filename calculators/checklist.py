"""checklist: "what do I do now" — an ordered list of steps, by the paper in hand, with the dates.

The reader says where they stand (overdue or not and for how long; which court,
arbitration or payment-order paper they hold and the day it arrived, and the
dates the court wrote on it; threats or contact with family; which kinds of
debt; what they can pay a month against the minimums). The result is a list of
steps, most urgent first:

1. safety first when someone threatens the reader or their family;
2. the paper in hand, with its last day (or the hearing day) when there is one;
3. the debts' own steps (credit card, a shortfall against the minimums, a private loan);
4. the steps every reader needs (check the credit report, keep records).

Periods counted from receipt follow 《中华人民共和国民事诉讼法》(2023 修正) 第八十五条:
the day the paper arrives is not counted, so "15 日内" from 2026-11-20 ends on
2026-12-05. If that last day is a public holiday the period runs to the next
working day (same article), but a reader should never count on it: the date
shown is the earliest possible last day. Each paper and its rule:

- 起诉状副本 (``lawsuit``): answer within 15 days of receipt in ordinary procedure
  (第一百二十八条), a jurisdiction objection in the same period (第一百三十条). In
  简易程序 and 小额诉讼 the court sets the periods (最高法《关于适用〈民事诉讼法〉的解释》
  (2022) 第二百六十六条; 第二百七十五条: evidence generally ≤ 7 days, a written answer
  ≤ 15 days), so the page says the dates on the court's notices come first;
- 传票 (``summons``): a hearing day, typed by the reader (``hearing_date``); not
  coming lets the court decide without you (第一百四十七条); an online hearing needs
  the parties' consent (第十六条);
- 应诉通知书 / 举证通知书 (``court_notice``): the deadline the court wrote, typed by
  the reader (``notice_deadline``); left empty, the step says to read it on the
  notice. No date is invented;
- 支付令: object in writing within 15 days of receiving it (第二百二十七条);
- 一审判决书 that may be appealed (``judgment``): appeal within 15 days of service (第一百七十一条);
- 小额诉讼判决书 (``small_claims_judgment``): final, no appeal (第一百六十五条; 解释 第二百七十一条);
  a retrial may be asked within 6 months of it taking effect (第二百一十六条), from the
  court that gave it (解释 第四百二十四条). Counted here from receipt;
- 仲裁裁决书: apply to set it aside within 3 months of receipt, 《中华人民共和国仲裁法》
  (2025 修订, 施行 2026-03-01) 第七十二条 as law firms' readings and published
  extracts give it (the official text could not be read here); the 2017 text's
  第五十九条 gave 6 months. The shorter, safer period is used;
- 执行通知书 for an arbitration award (``award_enforcement``): apply not to enforce
  within 15 days of service (最高法《关于人民法院办理仲裁裁决执行案件若干问题的规定》第八条).

Worked example: a payment order received on 2026-11-20, checked on 2026-11-30:

>>> r = calculate(read_form({"papers": "payment_order", "papers_date": "2026-11-20",
...                          "today": "2026-11-30"}))
>>> r.steps[0].key, r.steps[0].deadline, r.steps[0].days_left
('object_payment_order', datetime.date(2026, 12, 5), 5)

A summons: the hearing day is the date that matters.

>>> r = calculate(read_form({"papers": "summons", "hearing_date": "2026-12-10", "today": "2026-11-30"}))
>>> r.steps[0].key, r.steps[0].deadline, r.steps[0].days_left
('attend_hearing', datetime.date(2026, 12, 10), 10)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from . import fields
from .fields import Field
from .money import InputError, money_text
from .schedules import add_months

SLUG = "checklist"
TITLE = {"zh": "我现在该做什么", "en": "What do I do now"}

SITUATIONS = (
    ("not_yet", "还没逾期，担心还不上", "Not overdue yet, but worried"),
    ("under_30", "逾期 30 天以内", "Up to 30 days overdue"),
    ("under_90", "逾期 31 到 90 天", "31 to 90 days overdue"),
    ("over_90", "逾期超过 90 天", "More than 90 days overdue"),
)

PAPERS = (
    ("none", "没有收到", "None"),
    # the keys "lawsuit" and "judgment" are the ones earlier versions used for these papers
    ("lawsuit", "起诉状副本", "A copy of the claim (起诉状副本)"),
    ("summons", "传票（写着开庭时间）", "A summons (传票) with a hearing date"),
    ("court_notice", "应诉通知书或举证通知书", "A notice to respond or a notice on evidence (应诉通知书、举证通知书)"),
    ("payment_order", "法院的支付令", "A court's payment order (支付令)"),
    ("judgment", "一审判决书（写着可以上诉）", "A first-instance judgment that says you may appeal"),
    ("small_claims_judgment", "小额诉讼判决书（写着一审终审）",
     "A small-claims judgment (marked 一审终审: final)"),
    ("arbitration_notice", "仲裁委员会的仲裁通知", "A notice of arbitration"),
    ("arbitration_award", "仲裁裁决书", "An arbitration award"),
    ("enforcement", "法院的执行通知书，或者账户被冻结", "A court's enforcement notice, or a frozen account"),
    ("award_enforcement", "执行仲裁裁决的执行通知书", "An enforcement notice for an arbitration award"),
)

FIELDS = (
    Field("situation", "choice", "现在的情况", "Where you are now", default="under_30", choices=SITUATIONS),
    Field("threats", "yesno", "有人威胁你，或者找你的家人、单位", "Threats, or calls to your family or work",
          default="no"),
    Field("credit_card", "yesno", "有信用卡欠款", "You owe on a credit card", default="no"),
    Field("online_loan", "yesno", "有网贷欠款", "You owe on an online loan", default="yes"),
    Field("private_loan", "yesno", "有向个人借的钱", "You owe a private person", default="no"),
    Field("papers", "choice", "手上是哪一份文书", "Which paper do you have?",
          default="none", choices=PAPERS,
          help_zh="看文书抬头。几份一起收到的，先选起诉状副本，再填下面的几个日期",
          help_en="Look at the heading. If several came together, choose the copy of the claim and fill in "
                  "the dates below"),
    Field("papers_date", "date", "收到文书的日期", "Date you received it", required=False,
          help_zh="签收或者短信、邮件送达的那一天；期限从第二天算起",
          help_en="The day you signed for it or it arrived by text or email; periods start the next day"),
    Field("hearing_date", "date", "传票上的开庭日期", "Hearing date on the summons", required=False,
          help_zh="传票上写的开庭那一天；收到传票必须填", help_en="The day of the hearing written on the summons; "
                                                              "needed for a summons"),
    Field("notice_deadline", "date", "通知书上写的期限", "Deadline written on the notice", required=False,
          help_zh="应诉通知书、举证通知书上写的答辩或举证的最后一天；写了几个日期的，填最早的那一天；没写就留空",
          help_en="The last day for your answer or evidence written on the notice; if it gives several dates, "
                  "enter the earliest; leave empty if none"),
    Field("can_pay", "money", "每月能拿出来还债的钱", "What you can pay each month", unit="yuan", low=0,
          required=False, help_zh="扣掉房租、吃饭、交通等必要开支以后，真正能还的钱",
          help_en="After rent, food, transport and other essentials"),
    Field("minimums", "money", "每月最低要还", "Minimum payments due each month", unit="yuan", low=0,
          required=False, help_zh="所有欠款这个月最少要还的钱加在一起",
          help_en="All your debts' minimum payments this month, added up"),
    Field("today", "date", "今天的日期", "Today's date", required=False, advanced=True,
          help_zh="留空就用今天；用来算还剩几天", help_en="Leave empty for today; used to count the days left"),
)

# papers -> (step key, days or months after receipt, unit): the periods the law counts from receipt
DEADLINES = {
    "payment_order": ("object_payment_order", 15, "days"),  # 民事诉讼法 第二百二十七条
    "lawsuit": ("answer_lawsuit", 15, "days"),  # 第一百二十八条 (ordinary procedure)
    "judgment": ("consider_appeal", 15, "days"),  # 第一百七十一条
    "small_claims_judgment": ("small_claims_retrial", 6, "months"),  # 第二百一十六条
    "arbitration_award": ("challenge_award", 3, "months"),  # 仲裁法 (2025) 第七十二条, as reported
    "award_enforcement": ("refuse_award_enforcement", 15, "days"),  # 仲裁裁决执行规定 第八条
}
# dates the reader types from the paper itself: field -> step key
TYPED = {
    "hearing_date": "attend_hearing",  # the day on the 传票
    "notice_deadline": "court_deadline",  # the day on the 应诉通知书 / 举证通知书
}
# the papers of a court case, which take the typed dates and the "is it real?" step
COURT_CASE = ("lawsuit", "summons", "court_notice")
# papers with steps but no period counted from receipt
UNDATED = {
    "court_notice": ("read_court_notice",),  # when no deadline was typed
    "arbitration_notice": ("check_arbitration",),
    "enforcement": ("talk_to_enforcement",),
    "award_enforcement": ("talk_to_enforcement",),
}
AFTER_JUDGMENT = ("judgment", "small_claims_judgment", "enforcement", "award_enforcement")


@dataclass(frozen=True)
class Inputs:
    situation: str = "under_30"
    papers: str = "none"
    papers_date: dt.date | None = None
    hearing_date: dt.date | None = None
    notice_deadline: dt.date | None = None
    threats: bool = False
    credit_card: bool = False
    online_loan: bool = True
    private_loan: bool = False
    can_pay: Decimal | None = None
    minimums: Decimal | None = None
    today: dt.date | None = None

    def __post_init__(self) -> None:
        fields.check(FIELDS, self)
        if self.papers in DEADLINES and self.papers_date is None:
            raise InputError("papers_date", "请填写收到文书的日期，才能算出期限，例如 2026-11-20",
                             "Enter the date you received the papers so the deadline can be worked "
                             "out, such as 2026-11-20")
        if self.papers == "summons" and self.hearing_date is None:
            raise InputError("hearing_date", "请填写传票上写的开庭日期，例如 2026-12-10",
                             "Enter the hearing date written on the summons, such as 2026-12-10")
        if self.papers_date and self.today and self.papers_date > self.today:
            raise InputError("papers_date", "收到文书的日期不能晚于今天",
                             "The date you received the papers cannot be after today")
        if self.papers in COURT_CASE and self.papers_date:
            if self.hearing_date and self.hearing_date < self.papers_date:
                raise InputError("hearing_date", "开庭日期不能早于收到文书的日期，请对照传票再填一次",
                                 "The hearing date cannot be before the day you received the papers; "
                                 "check it against the summons")
            if self.notice_deadline and self.notice_deadline < self.papers_date:
                raise InputError("notice_deadline", "通知书上的期限不能早于收到文书的日期，请对照通知书再填一次",
                                 "The deadline on the notice cannot be before the day you received the "
                                 "papers; check it against the notice")


@dataclass(frozen=True)
class Step:
    key: str
    deadline: dt.date | None = None
    days_left: int | None = None  # negative once the deadline has passed


@dataclass(frozen=True)
class Result:
    inputs: Inputs
    today: dt.date
    steps: tuple[Step, ...]
    shortfall: Decimal | None  # minimums − can_pay when positive, else None


def read_form(form: Mapping[str, object], today: dt.date | None = None) -> Inputs:
    """Inputs from a form of text values (what a page or a terminal sends); an empty ``today``
    becomes ``today`` (the caller's clock: the reader's date in the browser, a fixed date in
    tests), else the computer's date, so papers dated after it are refused either way."""
    values = fields.read_all(FIELDS, form)
    if values["today"] is None:
        values["today"] = today or dt.date.today()
    return Inputs(**values)


def deadline(papers: str, received: dt.date) -> dt.date:
    """The last day of the period for these papers: the day of receipt is not counted.

    >>> deadline("payment_order", dt.date(2026, 11, 20))
    datetime.date(2026, 12, 5)
    >>> deadline("arbitration_award", dt.date(2026, 11, 30))
    datetime.date(2027, 2, 28)
    """
    _, amount, unit = DEADLINES[papers]
    if unit == "days":
        return received + dt.timedelta(days=amount)
    return add_months(received, amount)


def paper_steps(inputs: Inputs, day: dt.date) -> list[Step]:
    """The steps of the paper in hand: its dated steps, soonest first, then the undated ones."""
    dated: list[Step] = []
    if inputs.papers in DEADLINES:
        assert inputs.papers_date is not None
        last = deadline(inputs.papers, inputs.papers_date)
        dated.append(Step(DEADLINES[inputs.papers][0], last, (last - day).days))
    if inputs.papers in COURT_CASE:
        for name, key in TYPED.items():
            typed = getattr(inputs, name)
            if typed is not None:
                dated.append(Step(key, typed, (typed - day).days))
    steps = sorted(dated, key=lambda s: s.deadline)  # stable: the receipt's period first on a tie
    undated = UNDATED.get(inputs.papers, ())
    if inputs.papers == "court_notice" and inputs.notice_deadline is not None:
        undated = ()
    if inputs.papers == "lawsuit" and inputs.notice_deadline is None:
        # the copy of the claim comes with a notice whose dates (7 days for evidence in a small
        # claim: 民诉法解释 第二百七十五条) may come before the 15 days
        undated = ("read_court_notice",)
    steps += [Step(key) for key in undated]
    if inputs.papers in COURT_CASE:
        steps.append(Step("verify_case"))
    if inputs.papers in AFTER_JUDGMENT:
        steps.append(Step("report_assets"))
    return steps


def calculate(inputs: Inputs, today: dt.date | None = None) -> Result:
    """The ordered steps for this reader, with deadlines and days left."""
    day = inputs.today or today or dt.date.today()
    steps: list[Step] = []
    if inputs.threats:
        steps.append(Step("report_threats"))
    steps += paper_steps(inputs, day)
    shortfall = None
    if inputs.can_pay is not None and inputs.minimums is not None and inputs.minimums > inputs.can_pay:
        shortfall = inputs.minimums - inputs.can_pay
    if inputs.credit_card and inputs.situation != "not_yet":
        steps.append(Step("credit_card_contact"))
    if inputs.situation == "not_yet":
        steps.append(Step("talk_before_due"))
    elif shortfall is not None:
        steps.append(Step("negotiate_shortfall"))
    else:
        steps.append(Step("plan_payoff"))
    if inputs.private_loan:
        steps.append(Step("private_loan_cap"))
    if inputs.online_loan and inputs.situation != "not_yet":
        steps.append(Step("check_charges"))
    steps.append(Step("check_credit_report"))
    steps.append(Step("keep_records"))
    return Result(inputs=inputs, today=day, steps=tuple(steps), shortfall=shortfall)


def to_dict(result: Result) -> dict:
    """JSON-ready: how many steps, each step's key, its deadline (YYYY-MM-DD) and days left when it
    has one, and the earliest deadline."""
    steps = []
    for step in result.steps:
        item: dict = {"key": step.key}
        if step.deadline is not None:
            item["deadline"] = step.deadline.isoformat()
            item["days_left"] = step.days_left
        steps.append(item)
    data: dict = {"today": result.today.isoformat(), "count": len(steps), "steps": steps}
    dated = [s for s in result.steps if s.deadline is not None]
    if dated:
        data["first_deadline"] = dated[0].deadline.isoformat()
    if result.shortfall is not None:
        data["shortfall"] = money_text(result.shortfall)
    return data
