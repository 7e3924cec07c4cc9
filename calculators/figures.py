"""The dated legal and market figures, read from ``figures.toml``.

One place for every figure that can move: the calculators read it here and the
guides read it through the build's macros, so prose and results never disagree.

>>> lpr_on(datetime.date(2020, 8, 20))
Decimal('3.85')
>>> judicial_cap_on(datetime.date(2020, 8, 20))
Decimal('15.40')
"""

from __future__ import annotations

import datetime
import tomllib
from decimal import Decimal
from functools import cache
from pathlib import Path

_FILE = Path(__file__).with_name("figures.toml")


@cache
def data() -> dict:
    """The whole figures file as a dict (dates as ``datetime.date``, figures as text)."""
    with _FILE.open("rb") as fh:
        return tomllib.load(fh)


def lpr_series() -> list[tuple[datetime.date, Decimal]]:
    return [(day, Decimal(rate)) for day, rate in data()["lpr_one_year"]["series"]]


def lpr_on(day: datetime.date) -> Decimal | None:
    """The one-year LPR in force on ``day`` (percent), or None before the series starts."""
    current = None
    for start, rate in lpr_series():
        if start <= day:
            current = rate
    return current


def latest_lpr() -> tuple[datetime.date, Decimal]:
    return lpr_series()[-1]


def judicial_cap_on(day: datetime.date) -> Decimal | None:
    """4 × the one-year LPR at the contract date: the private-lending cap (percent).

    Contracts made before 2020-08-20 follow the old rule for interest up to 2020-08-19;
    for them this returns the cap from 2020-08-20 on (法释〔2020〕17号 art. 31).
    """
    cap = data()["private_lending_cap"]
    effective = cap["effective"]
    rate = lpr_on(max(day, effective))
    if rate is None:
        return None
    return (Decimal(cap["multiple"]) * rate).quantize(Decimal("0.01"))


def cost_line(name: str) -> Decimal:
    """``24`` or ``36``: the regulatory cost lines, percent a year."""
    return Decimal(data()[f"cost_line_{name}"]["rate"])


def entry(name: str) -> dict:
    """One section of the file, e.g. ``entry("credit_relief_2025")``."""
    return data()[name]
