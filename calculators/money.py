"""The one parser for what people type, the rounding helpers, and InputError.

Every amount and rate a reader types passes through here. Floats never enter:
text in, ``Decimal`` out, or an ``InputError`` whose message a stressed reader
can act on, in Chinese and in English.

What people type, and what it becomes:

>>> parse_amount("amount", "5,000")
Decimal('5000')
>>> parse_amount("amount", "１.２万")
Decimal('12000.0')
>>> parse_amount("amount", "¥5000元")
Decimal('5000')
>>> parse_rate("rate", "0.05%")
Decimal('0.05')
>>> parse_amount("amount", "-5")
Traceback (most recent call last):
...
calculators.money.InputError: amount: 金额不能是负数，请输入大于 0 的金额，例如 5000

Rounding happens at money events (interest posted, a payment set) with
``round_money`` (half up to the fen), and for display with ``money_text``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

CENT = Decimal("0.01")
ZERO = Decimal("0")
HUNDRED = Decimal("100")
MAX_AMOUNT = Decimal("100000000")  # 1亿 yuan: the largest amount any field takes
MAX_INPUT_CHARS = 40  # longer text is not a number anyone means
RATE_PLACES = 6  # 0.000001 % is finer than any contract states

_MULTIPLIERS = {"千": Decimal(1000), "万": Decimal(10000), "亿": Decimal(100000000)}
_CURRENCY = ("¥", "￥", "元", "人民币", "rmb", "cny", "yuan")
_PLAIN = re.compile(r"\d+(\.\d+)?")
_GROUPED = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?")


class InputError(ValueError):
    """A value a reader typed that we cannot use, with a message in zh and en.

    ``field`` names the form field (``debts.2.balance`` for a row of a list),
    so the page can put the message next to it.
    """

    def __init__(self, field: str, zh: str, en: str) -> None:
        super().__init__(f"{field}: {zh}")
        self.field = field
        self.zh = zh
        self.en = en

    @property
    def message(self) -> dict[str, str]:
        return {"zh": self.zh, "en": self.en}


def _clean(text: object) -> str:
    """Normalise typed text: full-width to ASCII, no spaces, lower case."""
    if text is None:
        return ""
    if not isinstance(text, str):
        # Only text crosses from forms; an int from Python code is fine too.
        if isinstance(text, bool) or not isinstance(text, int | Decimal):
            raise TypeError(f"expected text, got {type(text).__name__}")
        text = str(text)
    s = unicodedata.normalize("NFKC", text)
    s = "".join(s.split())  # drop every kind of space, including 5 000
    s = s.replace("，", ",").replace("。", ".").replace("－", "-").replace("−", "-")
    return s.lower()


def _decimal(field: str, s: str, zh_example: str, en_example: str) -> Decimal:
    """A plain or thousands-grouped decimal number, or an InputError."""
    if _GROUPED.fullmatch(s):
        s = s.replace(",", "")
    if not _PLAIN.fullmatch(s):
        raise InputError(
            field,
            f"请只输入数字，例如 {zh_example}",
            f"Enter a number only, such as {en_example}",
        )
    try:
        return Decimal(s)
    except InvalidOperation:  # pragma: no cover - the pattern above admits only digits
        raise InputError(field, f"请只输入数字，例如 {zh_example}",
                         f"Enter a number only, such as {en_example}") from None


def _too_long(field: str, s: str, zh_example: str, en_example: str) -> None:
    if len(s) > MAX_INPUT_CHARS:
        raise InputError(
            field,
            f"这个数字太长了，请输入例如 {zh_example}",
            f"That number is too long; enter something like {en_example}",
        )


def parse_amount(
    field: str,
    text: object,
    *,
    minimum: Decimal = ZERO,
    allow_zero: bool = False,
    maximum: Decimal = MAX_AMOUNT,
    example: str = "5000",
) -> Decimal:
    """An amount of money in yuan, as typed: ``5000``, ``5,000``, ``５０００``,
    ``¥5000``, ``5000元``, ``5千``, ``1.2万``, ``0.5亿``.

    At most two decimals (fen) once the unit is applied. Empty text is an error:
    an optional field checks for emptiness before calling this.

    >>> parse_amount("p", "0.5亿")
    Decimal('50000000.0')
    >>> parse_amount("p", "12.345")
    Traceback (most recent call last):
    ...
    calculators.money.InputError: p: 金额最多精确到分（两位小数），例如 5000.50
    """
    s = _clean(text)
    if not s:
        raise InputError(field, f"请输入金额，例如 {example}", f"Enter an amount, such as {example}")
    _too_long(field, s, example, example)
    for word in _CURRENCY:
        s = s.replace(word, "")
    if s.startswith("-"):
        if allow_zero:
            raise InputError(
                field,
                f"金额不能是负数，请输入 0 或更大的金额，例如 {example}",
                f"An amount cannot be negative; enter 0 or more, such as {example}",
            )
        raise InputError(
            field,
            f"金额不能是负数，请输入大于 0 的金额，例如 {example}",
            f"An amount cannot be negative; enter an amount above 0, such as {example}",
        )
    if s.startswith("+"):
        s = s[1:]
    multiplier = Decimal(1)
    if s and s[-1] in _MULTIPLIERS:
        multiplier = _MULTIPLIERS[s[-1]]
        s = s[:-1]
    value = _decimal(field, s, example, example) * multiplier
    if value > maximum:  # before any rounding: a 40-digit number must not reach quantize()
        raise InputError(
            field,
            f"金额不能超过 {grouped(maximum)} 元，请检查是否多输了一个 0",
            f"The amount cannot be above ¥{grouped(maximum)}; check for an extra zero",
        )
    if value != value.quantize(CENT, rounding=ROUND_HALF_UP):
        raise InputError(
            field,
            "金额最多精确到分（两位小数），例如 5000.50",
            "Amounts go to the fen at most (two decimals), such as 5000.50",
        )
    if value == ZERO and not allow_zero:
        raise InputError(
            field,
            f"请输入大于 0 的金额，例如 {example}",
            f"Enter an amount above 0, such as {example}",
        )
    if value < minimum:
        raise InputError(
            field,
            f"金额不能少于 {money_text(minimum)} 元",
            f"The amount cannot be below ¥{money_text(minimum)}",
        )
    if value > maximum:
        raise InputError(
            field,
            f"金额不能超过 {grouped(maximum)} 元，请检查是否多输了一个 0",
            f"The amount cannot be above ¥{grouped(maximum)}; check for an extra zero",
        )
    return value


def parse_rate(
    field: str,
    text: object,
    *,
    per: str = "year",
    maximum: Decimal = Decimal("1000"),
    allow_zero: bool = True,
    example: str = "4.9",
    noun: tuple[str, str] | None = None,
    means: tuple[str, str] | None = None,
) -> Decimal:
    """A rate in percent, as typed: ``4.9``, ``4.9%``, ``0.05%``; returns the
    percent figure (``Decimal('4.9')`` means 4.9 %). ``per`` is ``year``,
    ``month`` or ``day`` and only shapes the messages; ``noun`` (zh, en) names
    the rate in them instead ("罚息日利率", "the penalty daily rate"), and then
    the message for text that is not a rate gives the range; ``means`` (zh, en)
    says what the example means ("每天 0.1%", "0.1% a day").

    >>> parse_rate("r", "4.9%")
    Decimal('4.9')
    >>> parse_rate("r", "0.05%", per="day")
    Decimal('0.05')
    >>> parse_rate("r", "abc", per="day", example="0.05")
    Traceback (most recent call last):
    ...
    calculators.money.InputError: r: 请输入日利率的百分数，例如 0.05（表示 0.05%）
    """
    zh_per = {"year": "年利率", "month": "月利率", "day": "日利率"}[per]
    en_per = {"year": "an annual rate", "month": "a monthly rate", "day": "a daily rate"}[per]
    zh_means, en_means = means or (f" {example}%", f"{example}%")
    s = _clean(text)
    if noun:
        zh_per, en_per = noun
        bad = InputError(
            field,
            f"请输入{zh_per}的百分数，0 到 {plain(maximum)} 之间，例如 {example}（表示{zh_means}）",
            f"Enter {en_per} in percent, from 0 to {plain(maximum)}, such as {example} (meaning {en_means})",
        )
    else:
        bad = InputError(
            field,
            f"请输入{zh_per}的百分数，例如 {example}（表示{zh_means}）",
            f"Enter {en_per} in percent, such as {example} (meaning {en_means})",
        )
    if not s:
        raise bad
    _too_long(field, s, example, example)
    if s.endswith("%"):
        s = s[:-1]
    if s.startswith("-"):
        raise InputError(field, f"利率不能是负数，例如 {example}",
                         f"A rate cannot be negative; enter one such as {example}")
    if s.startswith("+"):
        s = s[1:]
    if not _PLAIN.fullmatch(s):
        raise bad
    value = Decimal(s)
    if value.as_tuple().exponent < -RATE_PLACES:
        raise InputError(field, f"利率最多保留 {RATE_PLACES} 位小数，例如 {example}",
                         f"Give the rate with at most {RATE_PLACES} decimals, such as {example}")
    if value == ZERO and not allow_zero:
        raise InputError(field, f"请输入大于 0 的{zh_per}，例如 {example}",
                         f"Enter {en_per} above 0, such as {example}")
    if value > maximum:
        raise InputError(
            field,
            f"{zh_per}不能超过 {plain(maximum)}%，请检查小数点的位置",
            f"{_capital(en_per.split(' ', 1)[1] if not noun else en_per)} cannot be above {plain(maximum)}%; "
            "check the decimal point",
        )
    return value


def _capital(noun: str) -> str:
    """``the annual rate`` → ``The annual rate``; ``annual rate`` → ``The annual rate``."""
    noun = noun if noun.startswith("the ") else f"the {noun}"
    return noun[0].upper() + noun[1:]


def parse_count(
    field: str,
    text: object,
    *,
    minimum: int,
    maximum: int,
    unit_zh: str,
    unit_en: str,
    example: str,
) -> int:
    """A whole number of months, days or debts, within the field's limits.

    >>> parse_count("months", "１２", minimum=1, maximum=600, unit_zh="个月", unit_en="months", example="12")
    12
    >>> parse_count("months", "601", minimum=1, maximum=600, unit_zh="个月", unit_en="months", example="12")
    Traceback (most recent call last):
    ...
    calculators.money.InputError: months: 请输入 1 到 600 之间的整数（个月），例如 12
    """
    s = _clean(text)
    for suffix in (unit_zh, "个月", "月", "天", "期", "笔", "个"):
        if suffix and s.endswith(suffix):
            s = s[: -len(suffix)]
    bad = InputError(  # a count without a unit (people, times) says none, not "（）" or "of  from"
        field,
        f"请输入 {minimum} 到 {maximum} 之间的整数{f'（{unit_zh}）' if unit_zh else ''}，例如 {example}",
        f"Enter a whole number{f' of {unit_en}' if unit_en else ''} from {minimum} to {maximum}, such as {example}",
    )
    if not s or len(s) > MAX_INPUT_CHARS or not s.isascii() or not s.isdigit():
        raise bad
    value = int(s)
    if not minimum <= value <= maximum:
        raise bad
    return value


def round_money(value: Decimal) -> Decimal:
    """Round to the fen, half up: the rule at every money event.

    >>> round_money(Decimal("4083.3333"))
    Decimal('4083.33')
    >>> round_money(Decimal("-0.004"))
    Decimal('0.00')
    """
    rounded = value.quantize(CENT, rounding=ROUND_HALF_UP)
    return rounded + ZERO if rounded == ZERO else rounded  # never -0.00


def money_text(value: Decimal) -> str:
    """Money as JSON text: two decimals, no grouping, never ``-0.00``.

    >>> money_text(Decimal("5307.2652"))
    '5307.27'
    """
    # str() of a Decimal quantized to the fen is plain fixed-point text (values here are
    # at most 1e8 or so); it is about twice as fast as formatting, which matters for
    # 600-month tables recomputed as the reader types. Most values are already at the fen
    # (exponent -2, never written with an exponent): their str() is that text, with no quantize.
    text = str(value)
    if text[-3:-2] != ".":  # not two decimals ("12.345", "12", "1E+3", "NaN"): round it
        text = str(value.quantize(CENT, rounding=ROUND_HALF_UP))
    return "0.00" if text == "-0.00" else text


def fen(amount: Decimal) -> int:
    """Yuan to a whole number of fen, exactly (amounts here have at most two decimals).

    >>> fen(Decimal("5307.27")), fen(Decimal("50000"))
    (530727, 5000000)
    """
    return int(amount * 100)


def fen_text(value: int) -> str:
    """A whole number of fen as money text, the same as ``money_text`` of it in yuan.

    >>> fen_text(530727), fen_text(5), fen_text(0), fen_text(-1005)
    ('5307.27', '0.05', '0.00', '-10.05')
    """
    whole, part = divmod(-value if value < 0 else value, 100)
    return f"-{whole}.{part:02d}" if value < 0 else f"{whole}.{part:02d}"


def grouped(value: Decimal) -> str:
    """Money for people: thousands separators and two decimals.

    >>> grouped(Decimal("910615.1"))
    '910,615.10'
    """
    return f"{round_money(value):,.2f}"


def percent_text(value: Decimal, places: int = 2) -> str:
    """A percent figure with a fixed number of decimals, half up.

    >>> percent_text(Decimal("13.5806"))
    '13.58'
    >>> percent_text(Decimal("4.096E+29"))  # more digits than the context holds
    '409600000000000000000000000000.00'
    """
    q = Decimal(1).scaleb(-places)
    with localcontext() as ctx:
        ctx.prec = max(ctx.prec, value.adjusted() + places + 2)
        text = f"{value.quantize(q, rounding=ROUND_HALF_UP):.{places}f}"
    return text[1:] if text.startswith("-") and Decimal(text) == ZERO else text


def plain(value: Decimal) -> str:
    """A decimal without trailing zeros or exponent, for messages.

    >>> plain(Decimal("1000.00"))
    '1000'
    """
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def dated_row(key: str, number: int, date: dt.date | None, **values: object) -> dict:
    """One row of a plan as JSON: its number under ``key``, its date (ISO) where it has one, then ``values``.

    >>> dated_row("month", 1, dt.date(2026, 12, 1), total="10.00")
    {'month': 1, 'date': '2026-12-01', 'total': '10.00'}
    >>> dated_row("month", 2, None, total="10.00")
    {'month': 2, 'total': '10.00'}
    """
    row: dict = {key: number}
    if date:
        row["date"] = date.isoformat()
    row.update(values)
    return row
