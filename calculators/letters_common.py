"""What the document builders (letters_*.py) share: reading the form, longer text, the causes.

A document is a calculator whose result is a text to send: each ``letters_<x>.py``
has the same parts as a calculator (``FIELDS``, ``Inputs``, ``read_form``,
``calculate``, ``to_dict``) and its view (``views/letters_<x>.py``) writes the
Chinese text and the page's HTML. Every field of a document may be left empty:
the text then shows a visible blank for it, never a made-up value.

Text fields here take up to ``Field.high`` characters (default ``TEXT_LIMIT``),
more than the 30 of a debt's name: a reason or a list of numbers is longer.
What a reader types is kept as typed (only line breaks, tabs and other control
characters become spaces, and the ends are trimmed):

>>> f = Field("name", "text", "姓名", "Name", required=False, high=20)
>>> read_text(f, {"name": "  张三 & 李四\t"})
'张三 & 李四'
>>> read_text(f, {"name": "   "}) is None
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from . import fields
from .fields import Field
from .lines import LENDERS
from .money import InputError, money_text
from .schedules import add_months

TEXT_LIMIT = 60

# The general limitation period, in years (《民法典》第一百八十八条): a letter that promises payment
# or proposes a plan counts as 同意履行, which starts it again (第一百九十五条第二项) and, once it
# has run out, gives up that defence (第一百九十二条第二款).
LIMITATION_YEARS = 3

# Why the reader cannot pay as agreed: key, zh (as it reads in a letter), en.
CAUSES = (
    ("", "（不选）", "(not chosen)"),
    ("job_loss", "失业或被裁员", "I lost my job"),
    ("income_drop", "收入明显减少", "my income fell sharply"),
    ("illness", "本人或家人生病、受伤", "illness or injury, mine or my family's"),
    ("family", "家庭发生变故", "a change in my family circumstances"),
    ("business", "生意经营困难", "my business is in difficulty"),
    ("other", "其他原因（写在下一项）", "another reason (given below)"),
)


def cause_fields(default: str = "") -> tuple[Field, Field]:
    """The two fields every request letter has: the cause (a choice) and a line on it."""
    return (
        Field("cause", "choice", "还不上的主要原因", "Main reason you cannot pay", default=default,
              choices=CAUSES, required=False,
              help_zh="选一个最接近的；不想写可以不选", help_en="Choose the closest; you may leave it"),
        Field("cause_detail", "text", "具体情况（一两句话）", "In a sentence or two", required=False, high=120,
              help_zh="例如：2026 年 9 月公司裁员，目前在找工作。写事实，不用写得很长",
              help_en="For example: laid off in September 2026, now looking for work. Facts, briefly"),
    )


def _clean_text(raw: str) -> str:
    return "".join(" " if (ch.isspace() or not ch.isprintable()) else ch for ch in raw).strip()


def read_text(field: Field, form: Mapping[str, object], name: str | None = None) -> str | None:
    """A text field's value as typed, or None when empty; longer than its limit is an error."""
    key = name or field.name
    raw = fields.text_of(form, key) if key in form else (field.default or None)
    if raw is None:
        return None
    value = _clean_text(raw)
    if not value:
        return None
    _check_length(field, value, key)
    return value


def _check_length(field: Field, value: str, key: str) -> None:
    limit = int(field.high or TEXT_LIMIT)
    if len(value) > limit:
        raise InputError(key, f"这一项最多 {limit} 个字，现在有 {len(value)} 个字，请删短一些",
                         f"Keep this to {limit} characters; it has {len(value)}")


def read_all(fields_: tuple[Field, ...], form: Mapping[str, object], today: dt.date | None = None) -> dict:
    """Every field's value: text through ``read_text``, the rest through the one parser.

    A letter's date left empty is today: ``today`` (the caller's clock) or the computer's date.
    """
    if not isinstance(form, Mapping):
        raise InputError("", "表单内容无法读取，请刷新页面再试", "The form could not be read; reload the page and try again")
    values = {f.name: read_text(f, form) if f.kind == "text" else fields.read_field(f, form) for f in fields_}
    if "letter_date" in values and values["letter_date"] is None:
        values["letter_date"] = today or dt.date.today()
    return values


# Who lent, with the keys every calculator and letter uses (lines.LENDERS).
LENDER_KIND = Field(
    "lender_kind", "choice", "借款合同上的贷款人是哪一类", "What kind of lender is named in the contract",
    default="unknown", choices=LENDERS, required=False,
    help_zh="看合同或 App 里的“借款协议”：贷款人是某某银行、某某消费金融有限公司、某某小额贷款有限公司，还是个人",
    help_en="Look at the loan agreement in the contract or app: is the lender a bank, a consumer-finance "
            "company, a small-loan company, or a person?",
)
# Older spellings of the same keys, still read (a link or a saved form may carry them).
LENDER_ALIASES = {"microloan": "micro_loan"}


def lender_form(form: Mapping[str, object]) -> Mapping[str, object]:
    """``form`` with an older spelling of ``lender_kind`` read as today's key."""
    kind = form.get("lender_kind") if isinstance(form, Mapping) else None
    if isinstance(kind, str) and kind in LENDER_ALIASES:
        return {**form, "lender_kind": LENDER_ALIASES[kind]}
    return form


def caution_fields(lender: bool = True) -> tuple[Field, ...]:
    """The optional questions asked before a letter that promises payment: who lent (and whether it
    looks like a loan trap), the last payment and the lender's last demand."""
    asked = (
        Field("last_paid", "date", "最后一次还款的日期", "Date of your last payment", required=False,
              help_zh="不记得可以不填。用来提醒你注意诉讼时效", help_en="Leave it if you do not remember. "
              "Used to warn you about the time limit for suing"),
        Field("last_demand", "date", "对方最后一次催你还款的日期", "Date the lender last asked you to pay",
              required=False, help_zh="电话、短信、App 消息、律师函都算。不记得可以不填",
              help_en="Calls, texts, app messages and lawyers' letters all count. Leave it if you do not remember"),
    )
    if not lender:
        return asked
    return (
        LENDER_KIND,
        Field("trap", "yesno", "对方像套路贷或非法放贷吗", "Does it look like a loan trap or illegal lending",
              required=False,
              help_zh="例如：到手的钱比合同写的少很多，逼你签虚高的借条，逼你借新还旧，没有放贷资格",
              help_en="For example: you got much less than the contract says, you were made to sign an inflated "
                      "IOU, you were pushed to borrow again to repay, the lender has no licence"),
        *asked,
    )


def check_cautions(i) -> None:
    """The last payment and the last demand cannot come after the letter's date."""
    day = getattr(i, "letter_date", None)
    for name, zh, en in (("last_paid", "最后一次还款的日期", "The date of your last payment"),
                         ("last_demand", "对方最后一次催款的日期", "The date of the lender's last demand")):
        value = getattr(i, name, None)
        if value is not None and day is not None and value > day:
            raise InputError(name, f"{zh}不能晚于写信日期，请检查这两个日期",
                             f"{en} cannot be after the date of the letter; check both dates")


def cautions(inputs: object) -> tuple[str, ...]:
    """Why the reader should stop and ask before sending a letter that promises payment, in order:

    - ``unlicensed``: the lender has no licence to lend (a private lending contract by an
      unlicensed business lender is void: 法释〔2020〕17号 第十三条第三项);
    - ``trap``: the reader says it looks like a loan trap (套路贷) or illegal lending;
    - ``old``: the last payment (or, when it is not given, the earlier of the lender's last demand
      and the start of the days overdue the reader typed) is at least
      ``LIMITATION_YEARS`` years before the letter's date. The period may have run out; it may not
      (a demand made while it was running starts it again, and dates the reader does not remember
      count too), so the view never says it has. A demand made after it ran out restarts nothing.

    >>> from types import SimpleNamespace as N
    >>> cautions(N(lender_kind="bank", trap=None, last_paid=dt.date(2022, 1, 5), last_demand=None,
    ...            letter_date=dt.date(2025, 1, 5)))
    ('old',)
    >>> cautions(N(lender_kind="unlicensed", trap=True, last_paid=dt.date(2022, 1, 5),
    ...            last_demand=dt.date(2024, 6, 1), letter_date=dt.date(2025, 1, 5)))
    ('unlicensed', 'trap', 'old')
    >>> cautions(N(lender_kind="bank", trap=None, last_paid=None, last_demand=dt.date(2024, 6, 1),
    ...            letter_date=dt.date(2025, 1, 5)))
    ()
    """
    out = []
    if getattr(inputs, "lender_kind", None) == "unlicensed":
        out.append("unlicensed")
    if getattr(inputs, "trap", None):
        out.append("trap")
    # the last payment counts; only when it is not given, the lender's last demand. A demand made
    # after the three years had run out does not start them again (民法典 第一百九十二条第一款:
    # the defence stays; 第一百九十五条 interrupts only a period still running), so a recent demand
    # never hides an old last payment.
    day = getattr(inputs, "letter_date", None)
    since = getattr(inputs, "last_paid", None)
    if since is None:
        # no payment date: the earlier of the lender's last demand and the start of the days overdue
        # the reader typed (a later demand restarts nothing once three years have passed)
        candidates = [getattr(inputs, "last_demand", None)]
        if day is not None and getattr(inputs, "overdue_days", None):
            candidates.append(day - dt.timedelta(days=inputs.overdue_days))
        since = min((d for d in candidates if d is not None), default=None)
    if since is not None and day is not None and add_months(since, 12 * LIMITATION_YEARS) <= day:
        out.append("old")
    return tuple(out)


def check(fields_: tuple[Field, ...], inputs: object) -> None:
    """``fields.check`` for documents: text fields against their own length limits."""
    others = tuple(f for f in fields_ if f.kind != "text")
    fields.check(others, inputs)
    for f in fields_:
        if f.kind != "text":
            continue
        value = getattr(inputs, f.name)
        if value is None:
            continue
        if not isinstance(value, str):
            raise TypeError(f"{f.name}: expected text")
        _check_length(f, value, f.name)


def plain_dict(inputs: object, fields_: tuple[Field, ...]) -> dict:
    """The typed values as JSON-ready text (money with two decimals, dates ISO, empty as None)."""
    out: dict = {}
    for f in fields_:
        value = getattr(inputs, f.name)
        if value is None:
            out[f.name] = None
        elif isinstance(value, bool):
            out[f.name] = value
        elif isinstance(value, Decimal):
            out[f.name] = money_text(value)
        elif isinstance(value, dt.date):
            out[f.name] = value.isoformat()
        else:
            out[f.name] = value
    return out


def make_inputs(name: str, fields_: tuple[Field, ...], validate=None) -> type:
    """A frozen dataclass with one attribute per field (each may be None), checked on creation:
    every value against its field, then ``validate(inputs)`` for rules between fields."""
    from dataclasses import field as dc_field
    from dataclasses import make_dataclass

    def __post_init__(self) -> None:
        check(fields_, self)
        if validate is not None:
            validate(self)

    return make_dataclass(name, [(f.name, object, dc_field(default=None)) for f in fields_],
                          frozen=True, namespace={"__post_init__": __post_init__})


def digits(key: str, value: str | None, count: int, zh_what: str, en_what: str, allow_x: bool = False) -> None:
    """Check that a short number (a card's last 4 digits) is exactly ``count`` digits."""
    if value is None:
        return
    ok = len(value) == count and all(ch.isdigit() or (allow_x and ch in "xX") for ch in value)
    if not ok:
        raise InputError(key, f"{zh_what}请填 {count} 位数字，例如 1234", f"{en_what}: enter {count} digits, such as 1234")


@dataclass(frozen=True)
class Filled:
    """The result of a letter that computes nothing: the checked inputs, which its view writes out,
    and the reasons to stop and ask before sending it (:func:`cautions`; empty for most letters)."""

    inputs: object
    cautions: tuple[str, ...] = ()


def plain_parts(fields_: tuple[Field, ...], inputs_type: type, promise: bool = False) -> tuple:
    """``read_form``, ``calculate`` and ``to_dict`` of a letter whose result is only its inputs (:class:`Filled`);
    a letter that promises payment or proposes a plan (``promise``) also gets its :func:`cautions`."""

    def read_form(form: Mapping[str, object], today: dt.date | None = None):
        return inputs_type(**read_all(fields_, lender_form(form), today))

    def calculate(inputs: object) -> Filled:
        return Filled(inputs, cautions(inputs) if promise else ())

    def to_dict(result: Filled) -> dict:
        return {**plain_dict(result.inputs, fields_), "cautions": list(result.cautions)}

    return read_form, calculate, to_dict
