"""complaint: 投诉材料, a complaint about collection, where to send it, the evidence and a call script.

``calculate`` decides, from the kind of lender and what happened, where the
complaint goes (values only; the view says them in words), following the
collection-rights guide (docs/guides/collection-rights.md):

- bank or consumer-finance company → ``12378`` (NFRA's consumer line);
- small-loan company (including online micro-loans) → ``local_regulator``
  (the local 地方金融管理局, or ``12345``, which passes it on);
- a private person → ``12345``; an unlicensed lender → ``110`` and ``local_regulator``;
- not sure which → both ``12378`` and ``12345``, to ask;
- night calls, insults or calls to other people (harassing calls and texts) → ``12321``;
- always: ``nifa``, the internet-finance association's reporting platform;
- threats, or fake legal papers / posing as police or a court → ``110``.

>>> r = calculate(read_form({"lender_kind": "micro_loan", "night_calls": "yes", "threats": "yes"}))
>>> r.channels, r.events
(('local_regulator', '12321', 'nifa', '110'), ('night_calls', 'threats'))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from . import letters_common as common
from .fields import Field
from .money import InputError

SLUG = "complaint"
TITLE = {"zh": "投诉材料", "en": "Complaint about collection"}

KINDS = common.LENDER_KIND.choices  # one set of keys with the calculators (lines.LENDERS)
# The banking association's collection guideline binds its members: banks and consumer-finance companies.
GUIDELINE_MEMBERS = ("bank", "consumer_finance")

# What happened: field name, zh label (also the line in the complaint), en label.
EVENTS = (
    ("night_calls", "晚上 22:00 到第二天早上 8:00 之间打电话或发信息催收",
     "Calls or messages between 22:00 and 08:00"),
    # as broad as the log's tick (人身安全、上门、曝光等), which fills it
    ("threats", "威胁我或家人（人身安全、上门、曝光等）", "Threats to me or my family (to our safety, of visits, of exposure)"),
    # only the contact itself: the collection log's tick fills this, and it records no more than that
    ("third_parties", "联系我的家人、朋友或单位", "Contacting my family, friends or employer"),
    ("insults", "辱骂、侮辱", "Abuse and insults"),
    ("fake_legal", "发来伪造的“律师函”“法院传票”等文书，或冒充法院、公安",
     "Fake “lawyer's letters” or court papers, or posing as a court or the police"),
    ("public_posting", "在公共场所张贴或在网上公开我的信息", "Posting my details in public or online"),
)


def _validate(i) -> None:
    if i.first_date and i.last_date and i.last_date < i.first_date:
        raise InputError("last_date", "最近一次的日期早于第一次的日期，请检查这两个日期",
                         "The latest date is before the first date; check both dates")


FIELDS = (
    common.LENDER_KIND,
    *(Field(name, "yesno", zh, en, required=False) for name, zh, en in EVENTS),
    Field("lender", "text", "平台或机构名称", "Lender or platform", required=False, high=40),
    Field("loan_number", "text", "借款合同编号", "Contract number", required=False, high=40),
    Field("collector", "text", "催收方自称是谁", "Who the collector said they were", required=False, high=60,
          help_zh="机构名称、姓名或工号，知道多少写多少", help_en="Company, name or staff number: whatever you know"),
    Field("numbers", "text", "对方用的电话号码", "Numbers they used", required=False, high=120,
          help_zh="几个号码用顿号隔开", help_en="Separate several numbers with commas"),
    Field("first_date", "date", "第一次发生的日期", "Date it first happened", required=False),
    Field("last_date", "date", "最近一次的日期", "Date it last happened", required=False),
    Field("times", "count", "大约多少次", "About how many times", low=1, high=10000, required=False, example="10"),
    Field("detail", "text", "其他情况（一两句话）", "Anything else (a sentence or two)", required=False, high=200),
    Field("name", "text", "你的姓名", "Your name", required=False, high=20),
    Field("phone", "text", "你的手机号", "Your phone number", required=False, high=20),
    Field("letter_date", "date", "日期", "Date", required=False),
)

Inputs = common.make_inputs("Inputs", FIELDS, _validate)


@dataclass(frozen=True)
class Result:
    inputs: Inputs
    channels: tuple[str, ...]  # where to send it, in order (see the module docstring)
    events: tuple[str, ...]  # what happened: the EVENTS keys ticked, in their order


def read_form(form: Mapping[str, object], today: dt.date | None = None) -> Inputs:
    """Inputs from a form of text values; an empty date of the letter is ``today`` (the caller's clock)."""
    return Inputs(**common.read_all(FIELDS, common.lender_form(form), today))


def channels(inputs: Inputs) -> tuple[str, ...]:
    kind = inputs.lender_kind or "unknown"
    out = {"bank": ["12378"], "consumer_finance": ["12378"], "micro_loan": ["local_regulator"],
           "private": ["12345"], "unlicensed": ["110", "local_regulator"]}.get(kind, ["12378", "12345"])
    if inputs.night_calls or inputs.insults or inputs.third_parties:
        out.append("12321")
    out.append("nifa")
    if (inputs.threats or inputs.fake_legal) and "110" not in out:
        out.append("110")
    return tuple(out)


def calculate(inputs: Inputs) -> Result:
    events = tuple(name for name, _, _ in EVENTS if getattr(inputs, name))
    return Result(inputs, channels(inputs), events)


def to_dict(result: Result) -> dict:
    return {**common.plain_dict(result.inputs, FIELDS), "channels": list(result.channels),
            "events": list(result.events)}
