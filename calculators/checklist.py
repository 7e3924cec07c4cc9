"""checklist: "what do I do now" — an ordered list of steps, with the dates the law sets.

The reader says where they stand (overdue or not and for how long; court,
arbitration or payment-order papers and the day they arrived; threats or
contact with family; which kinds of debt; what they can pay a month against the
minimums). The result is a list of steps, most urgent first:

1. safety first when someone threatens the reader or their family;
2. papers with a legal deadline, each with its last day;
3. the debts' own steps (credit card, a shortfall against the minimums, a private loan);
4. the steps every reader needs (check the credit report, keep records).

Deadlines follow 《中华人民共和国民事诉讼法》(2023 修正) 第八十五条: the day the
papers arrive is not counted, so "15 日内" from 2026-11-20 ends on 2026-12-05.
If that last day is a public holiday the period runs to the next working day
(same article), but a reader should never count on it: the date shown is the
earliest possible last day. The periods:

- 支付令: object in writing within 15 days of receiving it (第二百二十七条);
- 起诉状副本 (being sued): defence within 15 days of receiving it (第一百二十八条),
  a jurisdiction objection within the same period (第一百三十条);
- 一审判决书: appeal within 15 days of service (第一百七十一条);
- 仲裁裁决书: apply to set it aside within 3 months of receipt. The 2017 text
  (《中华人民共和国仲裁法》第五十九条) gave 6 months; the 2025 revision (in force
  2026-03-01) shortens it to 3 months in its 第七十二条 according to law firms'
  readings (大成 2025-10-20, 道可特 2026-02-25); we could not read the official
  text, so the shorter, safer period is used.

Worked example: a payment order received on 2026-11-20, checked on 2026-11-30:

>>> r = calculate(read_form({"papers": "payment_order", "papers_date": "2026-11-20",
...                          "today": "2026-11-30"}))
>>> r.steps[0].key, r.steps[0].deadline, r.steps[0].days_left
('object_payment_order', datetime.date(2026, 12, 5), 5)
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
    ("lawsuit", "法院的起诉状副本、传票或应诉通知", "A court's copy of a claim, summons or notice to respond"),
    ("payment_order", "法院的支付令", "A court's payment order (支付令)"),
    ("judgment", "一审判决书", "A first-instance judgment"),
    ("arbitration_notice", "仲裁委员会的仲裁通知", "A notice of arbitration"),
    ("arbitration_award", "仲裁裁决书", "An arbitration award"),
    ("enforcement", "执行通知，或者账户被冻结", "An enforcement notice, or a frozen account"),
)

FIELDS = (
    Field("situation", "choice", "现在的情况", "Where you are now", default="under_30", choices=SITUATIONS),
    Field("papers", "choice", "收到过法院或仲裁的文书吗", "Any court or arbitration papers?",
          default="none", choices=PAPERS,
          help_zh="看文书抬头：起诉状、传票、支付令、判决书、仲裁通知、裁决书、执行通知",
          help_en="Look at the heading of the papers: claim, summons, payment order, judgment, "
                  "arbitration notice, award, enforcement notice"),
    Field("papers_date", "date", "收到文书的日期", "Date you received them", required=False,
          help_zh="签收或者短信、邮件送达的那一天；期限从第二天算起",
          help_en="The day you signed for them or they arrived by text or email; periods start the next day"),
    Field("threats", "yesno", "有人威胁你，或者找你的家人、单位", "Threats, or calls to your family or work",
          default="no"),
    Field("credit_card", "yesno", "有信用卡欠款", "You owe on a credit card", default="no"),
    Field("online_loan", "yesno", "有网贷欠款", "You owe on an online loan", default="yes"),
    Field("private_loan", "yesno", "有向个人借的钱", "You owe a private person", default="no"),
    Field("can_pay", "money", "每月能拿出来还债的钱", "What you can pay each month", unit="yuan", low=0,
          required=False, help_zh="扣掉房租、吃饭、交通等必要开支以后，真正能还的钱",
          help_en="After rent, food, transport and other essentials"),
    Field("minimums", "money", "每月最低要还", "Minimum payments due each month", unit="yuan", low=0,
          required=False, help_zh="所有欠款这个月最少要还的钱加在一起",
          help_en="All your debts' minimum payments this month, added up"),
    Field("today", "date", "今天的日期", "Today's date", required=False, advanced=True,
          help_zh="留空就用今天；用来算还剩几天", help_en="Leave empty for today; used to count the days left"),
)

# papers -> (step key, days or months after receipt, unit)
DEADLINES = {
    "payment_order": ("object_payment_order", 15, "days"),
    "lawsuit": ("answer_lawsuit", 15, "days"),
    "judgment": ("consider_appeal", 15, "days"),
    "arbitration_award": ("challenge_award", 3, "months"),  # 仲裁法 (2025) 第七十二条, as reported
}
# papers with a step but no period the law fixes for every case
UNDATED = {
    "arbitration_notice": "check_arbitration",
    "enforcement": "talk_to_enforcement",
}


@dataclass(frozen=True)
class Inputs:
    situation: str = "under_30"
    papers: str = "none"
    papers_date: dt.date | None = None
    threats: bool = False
    credit_card: bool = False
    online_loan: bool = True
    private_loan: bool = False
    can_pay: Decimal | None = None
    minimums: Decimal | None = None
    today: dt.date | None = None

    def __post_init__(self) -> None:
        fields.check(FIELDS, self)
        if self.papers != "none" and self.papers_date is None:
            raise InputError("papers_date", "请填写收到文书的日期，才能算出期限，例如 2026-11-20",
                             "Enter the date you received the papers so the deadline can be worked "
                             "out, such as 2026-11-20")
        if self.papers_date and self.today and self.papers_date > self.today:
            raise InputError("papers_date", "收到文书的日期不能晚于今天",
                             "The date you received the papers cannot be after today")


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


def calculate(inputs: Inputs, today: dt.date | None = None) -> Result:
    """The ordered steps for this reader, with deadlines and days left."""
    day = inputs.today or today or dt.date.today()
    steps: list[Step] = []
    if inputs.threats:
        steps.append(Step("report_threats"))
    if inputs.papers in DEADLINES:
        assert inputs.papers_date is not None
        last = deadline(inputs.papers, inputs.papers_date)
        steps.append(Step(DEADLINES[inputs.papers][0], last, (last - day).days))
        if inputs.papers == "lawsuit":
            steps.append(Step("verify_case"))
    elif inputs.papers in UNDATED:
        steps.append(Step(UNDATED[inputs.papers]))
    if inputs.papers in ("judgment", "enforcement"):
        steps.append(Step("report_assets"))
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
