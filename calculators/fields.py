"""Field specs: what each form field is, in words a reader understands.

A calculator module lists its fields as ``FIELDS``; the page's form is
generated from them (labels, units, help, limits, defaults, in zh and en) and
``read_field`` turns the text typed into each one into a value, through the one
parser in ``money.py``.

>>> f = Field("months", "count", "期数", "Months", unit="months", default="12", low=1, high=600)
>>> read_field(f, {"months": "24"})
24
>>> read_field(f, {})
12
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from . import money
from .money import InputError

# kind -> what the text becomes
#   money     Decimal yuan, 2 decimals at most
#   rate      Decimal percent (annual, monthly or daily: see ``per``)
#   count     int within [low, high]
#   choice    one of ``choices`` (their keys)
#   date      datetime.date from YYYY-MM-DD
#   yesno     bool from "yes"/"no" (a checkbox)
#   text      a short label (a debt's name)
KINDS = ("money", "rate", "count", "choice", "date", "yesno", "text")

UNITS = {
    # unit key: (zh, en) as shown beside the field
    "yuan": ("元", "¥"),
    "percent": ("%", "%"),
    "months": ("个月", "months"),
    "days": ("天", "days"),
    "": ("", ""),
}


@dataclass(frozen=True)
class Field:
    """One form field. ``default`` is text, exactly as a reader would type it.

    ``required=False`` lets the field be left empty (its value is then None,
    or ``default`` if one is given). ``low``/``high`` are limits in the
    field's own terms (yuan, percent, count). ``per`` says what a rate is per.
    ``choices`` maps each choice's key to its (zh, en) label. ``advanced``
    fields are folded away on the page until the reader opens them.
    """

    name: str
    kind: str
    label_zh: str
    label_en: str
    unit: str = ""
    default: str = ""
    help_zh: str = ""
    help_en: str = ""
    low: Decimal | int | None = None
    high: Decimal | int | None = None
    required: bool = True
    per: str = "year"
    choices: tuple[tuple[str, str, str], ...] = ()
    advanced: bool = False  # shown under "more options" on the page, opened when it holds a value

    def __post_init__(self) -> None:
        assert self.kind in KINDS, self.kind
        assert self.unit in UNITS, self.unit

    def label(self, lang: str) -> str:
        return self.label_zh if lang == "zh" else self.label_en

    def help(self, lang: str) -> str:
        return self.help_zh if lang == "zh" else self.help_en

    def unit_text(self, lang: str) -> str:
        zh, en = UNITS[self.unit]
        return zh if lang == "zh" else en


def text_of(form: Mapping[str, object], name: str) -> str | None:
    """The raw text of a field, or None when it is absent or blank."""
    raw = form.get(name)
    if raw is None:
        return None
    if not isinstance(raw, str):
        raise InputError(name, "这一项的内容无法读取，请重新输入", "This field could not be read; type it again")
    return raw if raw.strip() else None


def read_field(field: Field, form: Mapping[str, object], name: str | None = None):
    """The value of ``field`` from a form of text values.

    A field missing from the form takes its default; a field sent blank is
    empty (an error if it is required), so a cleared field is never silently
    replaced by a number the reader cannot see.
    ``name`` overrides the key looked up (``debts.0.balance`` for list rows)
    and the field named in errors.
    """
    key = name or field.name
    if key not in form:  # not sent at all: the field's default (a widget's preset)
        raw = field.default or None
    else:  # sent blank: the reader cleared it
        raw = text_of(form, key)
    if raw is None:
        if not field.required:
            return None
        return _missing(field, key)
    return parse_text(field, raw, key)


def parse_text(field: Field, raw: str, key: str):
    """Parse one non-empty text according to the field's kind."""
    example = field.default or _EXAMPLES.get(field.kind, "1")
    if field.kind == "money":
        low = Decimal(field.low) if field.low is not None else money.ZERO
        return money.parse_amount(
            key, raw,
            minimum=low,
            allow_zero=field.low is not None and Decimal(field.low) == 0,
            maximum=Decimal(field.high) if field.high is not None else money.MAX_AMOUNT,
            example=example,
        )
    if field.kind == "rate":
        return money.parse_rate(
            key, raw,
            per=field.per,
            maximum=Decimal(field.high) if field.high is not None else Decimal("1000"),
            allow_zero=field.low is None or Decimal(field.low) == 0,
            example=example,
        )
    if field.kind == "count":
        zh, en = UNITS[field.unit]
        return money.parse_count(key, raw, minimum=int(field.low or 0), maximum=int(field.high or 0),
                                 unit_zh=zh, unit_en=en, example=example)
    if field.kind == "choice":
        keys = [c[0] for c in field.choices]
        value = raw.strip()
        if value not in keys:
            zh = "、".join(c[1] for c in field.choices)
            en = ", ".join(c[2] for c in field.choices)
            raise InputError(key, f"请从这些选项中选一个：{zh}", f"Choose one of: {en}")
        return value
    if field.kind == "date":
        return parse_date(key, raw)
    if field.kind == "yesno":
        value = raw.strip().lower()
        if value in ("yes", "true", "1", "on", "是"):
            return True
        if value in ("no", "false", "0", "off", "否"):
            return False
        raise InputError(key, "请选择“是”或“否”", "Choose yes or no")
    if field.kind == "text":
        value = " ".join(raw.split())
        if len(value) > 30:
            raise InputError(key, "名称最多 30 个字", "Keep the name to 30 characters")
        return value
    raise AssertionError(field.kind)  # pragma: no cover


def parse_date(key: str, raw: str) -> dt.date:
    """A date typed as YYYY-MM-DD (what a date input sends), 1990 to 2100.

    >>> parse_date("start", "2026-01-31")
    datetime.date(2026, 1, 31)
    """
    value = money._clean(raw).replace("/", "-").replace(".", "-")
    bad = InputError(key, "请按“年-月-日”输入日期，例如 2026-01-31",
                     "Enter the date as year-month-day, such as 2026-01-31")
    parts = value.split("-")
    if len(parts) != 3 or not all(p.isascii() and p.isdigit() for p in parts) or len(parts[0]) != 4:
        raise bad
    try:
        day = dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        raise bad from None
    if not dt.date(1990, 1, 1) <= day <= dt.date(2100, 12, 31):
        raise InputError(key, "请输入 1990 年到 2100 年之间的日期", "Enter a date between 1990 and 2100")
    return day


def _missing(field: Field, key: str):
    example = field.default or _EXAMPLES.get(field.kind, "1")
    zh_what = {"money": "金额", "rate": "利率", "count": "数字", "date": "日期"}.get(field.kind, "这一项")
    en_what = {"money": "an amount", "rate": "a rate", "count": "a number", "date": "a date"}.get(
        field.kind, "this field")
    raise InputError(key, f"请填写{zh_what}，例如 {example}", f"Fill in {en_what}, such as {example}")


_EXAMPLES = {"money": "5000", "rate": "4.9", "count": "12", "date": "2026-01-31", "text": "A"}


def read_all(fields: tuple[Field, ...], form: Mapping[str, object]) -> dict:
    """Every field's value from a form of text, keyed by field name."""
    if not isinstance(form, Mapping):
        raise InputError("", "表单内容无法读取，请刷新页面再试", "The form could not be read; reload the page and try again")
    return {f.name: read_field(f, form) for f in fields}


def canonical_text(value: object) -> str:
    """The text a value would be typed as, for re-checking it against its field."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        raise TypeError("floats are not accepted: pass Decimal or text")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:f}"
    return str(value)


def check(fields: tuple[Field, ...], inputs: object) -> None:
    """Check a built ``Inputs`` against its fields' kinds and limits.

    Each value is turned back into text and parsed as a reader's text would
    be, so an ``Inputs`` made in code meets exactly the rules a form meets.
    """
    for f in fields:
        value = getattr(inputs, f.name)
        if value is None:
            if f.required:
                _missing(f, f.name)
            continue
        parse_text(f, canonical_text(value), f.name)
