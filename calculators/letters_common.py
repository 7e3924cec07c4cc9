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
from .money import InputError, money_text

TEXT_LIMIT = 60

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


def read_all(fields_: tuple[Field, ...], form: Mapping[str, object]) -> dict:
    """Every field's value: text through ``read_text``, the rest through the one parser."""
    if not isinstance(form, Mapping):
        raise InputError("", "表单内容无法读取，请刷新页面再试", "The form could not be read; reload the page and try again")
    return {f.name: read_text(f, form) if f.kind == "text" else fields.read_field(f, form) for f in fields_}


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
    """The result of a letter that computes nothing: the checked inputs, which its view writes out."""

    inputs: object


def plain_parts(fields_: tuple[Field, ...], inputs_type: type) -> tuple:
    """``read_form``, ``calculate`` and ``to_dict`` of a letter whose result is only its inputs (:class:`Filled`)."""

    def read_form(form: Mapping[str, object]):
        return inputs_type(**read_all(fields_, form))

    def calculate(inputs: object) -> Filled:
        return Filled(inputs)

    def to_dict(result: Filled) -> dict:
        return plain_dict(result.inputs, fields_)

    return read_form, calculate, to_dict
