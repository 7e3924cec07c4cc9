"""The page's words for numbers: money, percent, dates, durations, plurals.

One style each, used by the views, by error messages that name a figure, and by
the guides' ``calc()`` macro, so a figure reads the same everywhere.

>>> money(Decimal("5307.27"), "zh"), money(Decimal("-3000"), "en")
('5,307.27 元', '−¥3,000.00')
>>> money_short(Decimal("10000"), "zh"), money_short(Decimal("3000.5"), "en")
('1 万元', '¥3,000.50')
>>> date(datetime.date(2026, 10, 31), "zh"), date(datetime.date(2026, 10, 31), "en")
('2026年10月31日', '31 October 2026')
>>> months(70, "zh"), months(70, "en"), count(1, "day", "en"), count(3, "day", "en")
('5 年 10 个月', '5 years 10 months', '1 day', '3 days')
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from .money import grouped, percent_text, plain

MINUS = "−"  # U+2212: the one sign in front of a negative amount in English
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")


def pick(lang: str, zh: str, en: str) -> str:
    """The reader's language."""
    return zh if lang == "zh" else en


def money(value: Decimal, lang: str, *, cents: bool = True) -> str:
    """Money as a reader sees it: ``5,307.27 元`` / ``¥5,307.27``; negative ``-3,000.00 元`` / ``−¥3,000.00``.

    ``cents=False`` for whole amounts (limits, thresholds): ``10,000 元`` / ``¥10,000``.
    """
    text = grouped(value) if cents else f"{value:,.0f}"
    if lang == "zh":
        return f"{text} 元"
    return f"{MINUS}¥{text[1:]}" if text.startswith("-") else f"¥{text}"


def money_short(value: Decimal, lang: str) -> str:
    """Money in a sentence, without ``.00``; Chinese counts whole 万: ``1 万元``, ``3,000.50 元``."""
    if lang == "zh" and value >= 10000 and value % 10000 == 0:
        return f"{plain(value / 10000)} 万元"
    text = money(value, lang)
    return text.replace(".00", "", 1) if ".00" in text else text


def percent(value: Decimal, places: int = 2) -> str:
    """``13.58%``."""
    return f"{percent_text(value, places)}%"


# Past this a compound yearly rate is a string of digits that tells the reader nothing more (10
# received and 2,000 paid back a month later compounds to 4.1 × 10^29 %), and it would not fit a phone.
COMPOUND_SHOWN_UP_TO = Decimal(10) ** 9


def compound_percent(value: Decimal, lang: str) -> str:
    """A compound yearly rate as the reader sees it: ``percent``, or "more than 1,000,000,000%".

    >>> compound_percent(Decimal("13.84"), "zh"), compound_percent(Decimal("4.096E+29"), "zh")
    ('13.84%', '超过 1,000,000,000%')
    >>> compound_percent(Decimal("1000000000.01"), "en")
    'more than 1,000,000,000%'
    """
    if value > COMPOUND_SHOWN_UP_TO:
        return f"超过 {COMPOUND_SHOWN_UP_TO:,}%" if lang == "zh" else f"more than {COMPOUND_SHOWN_UP_TO:,}%"
    return percent(value)


def date(day: datetime.date, lang: str) -> str:
    """A date in a sentence or headline: ``2026年10月31日`` / ``31 October 2026``."""
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def plural(n: int, word: str) -> str:
    """``1 month``, ``2 months``: English only (Chinese has no plural). ``word`` may be several words,
    the last one counted: ``1 equal part``, ``2 equal parts``; ``person`` becomes ``people``."""
    if n == 1:
        return f"{n:,} {word}"
    head, _, last = word.rpartition(" ")
    many = _IRREGULAR.get(last, last + "s")
    return f"{n:,} {head} {many}" if head else f"{n:,} {many}"


_IRREGULAR = {"person": "people"}

# unit -> its Chinese measure word; the English is the unit itself, pluralised by ``plural``
UNITS_ZH = {
    "day": "天", "month": "个月", "year": "年", "debt": "笔", "time": "次", "person": "人",
    "instalment": "期", "payment": "期", "part": "期", "row": "行", "deposit": "次",
}


def count(n: int, unit: str, lang: str) -> str:
    """A count with its unit, in the reader's language: ``45 天`` / ``45 days``, ``1 day``.

    Every English count on the page goes through here, so one is never "1 days". The unit is one of
    ``UNITS_ZH`` (day, month, year, debt, time, person, instalment, payment, part, row, deposit), in English
    it may come with words before it (``more day``, ``equal part``, ``monthly instalment``), which
    the Chinese leaves out.

    >>> count(1, "time", "en"), count(40, "time", "en"), count(1, "person", "en"), count(3, "person", "en")
    ('1 time', '40 times', '1 person', '3 people')
    >>> count(1, "equal part", "en"), count(36, "monthly instalment", "en"), count(36, "instalment", "zh")
    ('1 equal part', '36 monthly instalments', '36 期')
    """
    zh = UNITS_ZH[unit.rpartition(" ")[2]]
    return f"{n:,} {zh}" if lang == "zh" else plural(n, unit)


def months(n: int, lang: str) -> str:
    """A span of months in years and months: ``5 年 10 个月`` / ``5 years 10 months``."""
    years, rest = divmod(n, 12)
    parts = ([count(years, "year", lang)] if years else []) + ([count(rest, "month", lang)] if rest else [])
    return " ".join(parts)
