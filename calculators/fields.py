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
#   percent   Decimal percent that is not an interest rate (a markup, a share of a sum)
#   count     int within [low, high]
#   choice    one of ``choices`` (their keys)
#   date      datetime.date from YYYY-MM-DD
#   yesno     bool from "yes"/"no" (a checkbox)
#   text      a short label (a debt's name)
KINDS = ("money", "rate", "percent", "count", "choice", "date", "yesno", "text")

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

    The field's own words for messages:

    - ``example``: the value messages offer ("such as 0.1"); without it the
      default, then a plain example of the kind;
    - ``noun_zh``/``noun_en``: what messages call it ("罚息日利率", "the penalty
      daily rate"); without it the kind's word ("金额", "an amount");
    - ``means_zh``/``means_en``: what the example means, for percents ("每天 0.1%",
      "0.1% a day"); without it "0.1%";
    - ``zero``: whether 0 is a value (True/False); without it, 0 is allowed when
      ``low`` is 0 (and, for rates, when there is no ``low``);
      ``zero_zh``/``zero_en`` say what 0 stands for ("没有固定要求", "there is
      none"), and the message for a cleared field offers it ("…; or 0 if there is none").

    A ``percent`` field, or a ``count`` in percent, gets one message for every
    mistake: its name, its range and its example.
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
    example: str = ""
    noun_zh: str = ""
    noun_en: str = ""
    means_zh: str = ""
    means_en: str = ""
    zero: bool | None = None
    zero_zh: str = ""
    zero_en: str = ""

    def __post_init__(self) -> None:
        assert self.kind in KINDS, self.kind
        assert self.unit in UNITS, self.unit
        assert bool(self.noun_zh) == bool(self.noun_en), f"{self.name}: a noun in both languages or neither"
        assert bool(self.zero_zh) == bool(self.zero_en), f"{self.name}: zero's word in both languages or neither"
        assert self.kind != "percent" or self.high is not None, f"{self.name}: a percent field needs its high"

    @property
    def example_text(self) -> str:
        """The value messages offer as an example."""
        return self.example or self.default or _EXAMPLES.get(self.kind, "1")

    @property
    def zero_allowed(self) -> bool:
        if self.zero is not None:
            return self.zero
        if self.kind == "money":
            return self.low is not None and Decimal(self.low) == 0
        return self.low is None or Decimal(self.low) == 0

    def noun(self, lang: str) -> str:
        """What messages call this field."""
        zh, en = (self.noun_zh, self.noun_en) if self.noun_zh else _KIND_WORDS.get(self.kind, ("这一项", "this field"))
        return zh if lang == "zh" else en

    def missing(self, key: str | None = None) -> InputError:
        """The message for this field left empty: its name, an example, and what 0 stands for.

        >>> Field("minimum", "money", "最低", "Minimum", default="500", low=0, zero_zh="没有固定要求",
        ...       zero_en="there is none").missing().en
        'Fill in an amount, such as 500, or 0 if there is none'
        """
        example = self.example_text
        zh = f"请填写{self.noun('zh')}，例如 {example}"
        en = f"Fill in {self.noun('en')}, such as {example}"
        if self.zero_zh:
            zh += f"；{self.zero_zh}就填 0"
            en += f", or 0 if {self.zero_en}"
        return InputError(key or self.name, zh, en)

    def range_error(self, key: str | None = None) -> InputError:
        """The one message of a percent field or a count in percent: its name, range and example."""
        low = _plain(self.low if self.low is not None else 0)
        high = _plain(self.high)
        example = self.example_text
        zh_means = self.means_zh or f" {example}%"
        en_means = self.means_en or f"{example}%"
        if self.kind == "count":
            zh = f"{self.noun('zh')}请填 {low} 到 {high} 之间的整数，例如 {example}（表示{zh_means}）"
            en = f"Enter {self.noun('en')} as a whole percent from {low} to {high}, such as {example} " \
                 f"(meaning {en_means})"
        elif self.noun_zh:
            zh = f"请输入{self.noun_zh}的百分数，{low} 到 {high} 之间，例如 {example}（表示{zh_means}）"
            en = f"Enter {self.noun_en} in percent, from {low} to {high}, such as {example} (meaning {en_means})"
        else:
            zh = f"请输入 {low} 到 {high} 之间的百分数，例如 {example}（表示{zh_means}）"
            en = f"Enter a percent from {low} to {high}, such as {example} (meaning {en_means})"
        return InputError(key or self.name, zh, en)

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
    return parsed(field, raw, key)


# field id, text -> (field, value): what a text has parsed to (``parsed``); a recalculation re-reads
# every field but the reader changes one, and ``check`` re-reads them all again
_PARSED: dict[tuple[int, str], tuple[Field, object]] = {}
_PARSED_MAX = 4096


def parsed(field: Field, raw: str, key: str):
    """``parse_text(field, raw, key)``, remembered: the value depends only on the field and the text
    (``key`` only names the field in a message), and a value is never changed (a Decimal, an int, a
    date, a text, a bool). A text that fails is parsed each time, so its message names ``key``.

    >>> f = Field("a", "money", "金额", "Amount")
    >>> parsed(f, "1,000", "a") is parsed(f, "1,000", "b")  # the same Decimal, not a second one
    True
    >>> parse_text(f, "1,000", "a") is parse_text(f, "1,000", "a")
    False
    """
    remembered = _PARSED.get((id(field), raw))
    if remembered is not None and remembered[0] is field:
        return remembered[1]
    value = parse_text(field, raw, key)
    if len(_PARSED) >= _PARSED_MAX:
        _PARSED.clear()
    _PARSED[id(field), raw] = (field, value)
    return value


def parse_text(field: Field, raw: str, key: str):
    """Parse one non-empty text according to the field's kind."""
    example = field.example_text
    if field.kind == "money":
        low = Decimal(field.low) if field.low is not None else money.ZERO
        return money.parse_amount(
            key, raw,
            minimum=low,
            allow_zero=field.zero_allowed,
            maximum=Decimal(field.high) if field.high is not None else money.MAX_AMOUNT,
            example=example,
        )
    if field.kind in ("rate", "percent"):
        try:
            value = money.parse_rate(
                key, raw,
                per=field.per,
                maximum=Decimal(field.high) if field.high is not None else Decimal("1000"),
                allow_zero=field.zero_allowed,
                example=example,
                noun=(field.noun_zh, field.noun_en) if field.noun_zh else None,
                means=(field.means_zh, field.means_en) if field.means_zh else None,
            )
        except InputError:
            if field.kind == "percent":
                raise field.range_error(key) from None
            raise
        if field.kind == "percent" and field.low is not None and value < Decimal(field.low):
            raise field.range_error(key)
        return value
    if field.kind == "count":
        zh, en = UNITS[field.unit]
        try:
            return money.parse_count(key, raw, minimum=int(field.low or 0), maximum=int(field.high or 0),
                                     unit_zh=zh, unit_en=en, example=example)
        except InputError:
            if field.unit == "percent":
                raise field.range_error(key) from None
            raise
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
    if field.kind == "percent" or (field.kind == "count" and field.unit == "percent"):
        raise field.range_error(key)
    raise field.missing(key)


_EXAMPLES = {"money": "5000", "rate": "4.9", "percent": "5", "count": "12", "date": "2026-01-31", "text": "A"}
_KIND_WORDS = {"money": ("金额", "an amount"), "rate": ("利率", "a rate"), "percent": ("百分数", "a percent"),
               "count": ("数字", "a number"), "date": ("日期", "a date")}


def _plain(value: Decimal | int) -> str:
    return money.plain(Decimal(value))


def not_given(specs: tuple[Field, ...], form: Mapping[str, object]) -> Mapping[str, object]:
    """``form`` with every optional field it leaves out sent blank: "not given", so a field's
    ``default`` (the page's starting text) never stands in for a value the reader did not give.

    >>> not_given((Field("fee", "money", "费", "Fee", default="99", required=False),), {})
    {'fee': ''}
    """
    if not isinstance(form, Mapping):
        return form  # read_all says the form cannot be read
    return {**{f.name: "" for f in specs if not f.required and f.name not in form}, **form}


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
        parsed(f, canonical_text(value), f.name)


@dataclass(frozen=True)
class ListField:
    """A list of repeated rows (payoff's debts), each row made of ``fields``.

    The form sends it as a list of rows of text; on the page each cell is named
    ``<name>.N.<field>`` (N from 0), and so are the fields named in errors.
    ``defaults`` are the rows used when the form sends no list at all (a row's
    own defaults only serve as examples in messages: a cell missing from a row
    is read as blank, never silently filled in). ``low``/``high`` are the least
    and most rows. The words: ``row_zh``/``row_en`` label row n ("第 {n} 笔",
    "Debt {n}"), ``noun_zh``/``noun_en`` name one row ("欠款", "debt") and the
    list ("the list of debts"); ``add_*``/``remove_*`` are the page's buttons;
    ``empty_*`` is the message for no rows, ``too_many_*`` for more than ``high``
    (``{high}`` stands for the number).
    """

    name: str
    fields: tuple[Field, ...]
    defaults: tuple[Mapping[str, str], ...]
    high: int
    row_zh: str
    row_en: str
    noun_zh: str
    noun_en: str
    add_zh: str
    add_en: str
    remove_zh: str
    remove_en: str
    empty_zh: str
    empty_en: str
    too_many_zh: str
    too_many_en: str
    low: int = 1

    def row_label(self, n: int, lang: str) -> str:
        """Row n's label, n from 1: "第 2 笔", "Debt 2"."""
        return (self.row_zh if lang == "zh" else self.row_en).replace("{n}", str(n))

    def empty(self) -> InputError:
        return InputError(self.name, self.empty_zh, self.empty_en)

    def too_many(self) -> InputError:
        return InputError(self.name, self.too_many_zh.replace("{high}", str(self.high)),
                          self.too_many_en.replace("{high}", str(self.high)))


def read_rows(spec: ListField, form: Mapping[str, object]) -> tuple[dict, ...]:
    """The rows of a list field, each a dict of values read through its fields.

    Errors name the exact cell (``debts.2.balance``, rows counted from 0 as
    sent); a row left entirely blank is skipped; no list at all means the
    default rows.

    >>> row = Field("balance", "money", "欠款", "Owed", default="10000")
    >>> spec = ListField("debts", (row,), ({"balance": "5000"},), 3, "第 {n} 笔", "Debt {n}", "欠款", "debt",
    ...                  "再加一笔", "Add a debt", "删除这一笔", "Remove this debt", "请至少填一笔",
    ...                  "Fill in at least one debt", "最多 {high} 笔", "Up to {high} debts")
    >>> read_rows(spec, {"debts": [{"balance": "1.2万"}, {"balance": ""}]})
    ({'balance': Decimal('12000.0')},)
    >>> read_rows(spec, {"debts": ["x"]})
    Traceback (most recent call last):
    ...
    calculators.money.InputError: debts.0: 第 1 笔欠款无法读取，请重新填写
    """
    rows = form.get(spec.name) if spec.name in form else spec.defaults
    if rows is None or rows == "":
        raise spec.empty()
    if not isinstance(rows, list | tuple):
        raise InputError(spec.name, f"{spec.noun_zh}列表无法读取，请刷新页面再试",
                         f"The list of {spec.noun_en}s could not be read; reload the page and try again")
    if len(rows) > spec.high:
        raise spec.too_many()
    out = []
    for i, row in enumerate(rows):
        if not isinstance(row, Mapping):
            raise InputError(f"{spec.name}.{i}", f"{spec.row_label(i + 1, 'zh')}{spec.noun_zh}无法读取，请重新填写",
                             f"{spec.row_label(i + 1, 'en')} could not be read; fill it in again")
        cells = {f"{spec.name}.{i}.{f.name}": row.get(f.name, "") for f in spec.fields}
        # a row is blank when nothing was typed: a choice (a select always sends one) does not count
        typed = [cells[f"{spec.name}.{i}.{f.name}"] for f in spec.fields if f.kind != "choice"]
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in typed):
            continue
        out.append({f.name: read_field(f, cells, name=f"{spec.name}.{i}.{f.name}") for f in spec.fields})
    if len(out) < spec.low:
        raise spec.empty()
    return tuple(out)
