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
from decimal import Decimal
from functools import cache
from pathlib import Path

_FILE = Path(__file__).with_name("figures.toml")


@cache
def data() -> dict:
    """The whole figures file as a dict (dates as ``datetime.date``, figures as text).

    In the browser's zip the file comes already read, as ``figures_data.py`` (macros/package.py
    writes it from figures.toml): the page then needs no TOML parser from the standard library."""
    try:
        from .figures_data import DATA  # only in the browser's zip
    except ImportError:
        import tomllib

        with _FILE.open("rb") as fh:
            return tomllib.load(fh)
    return DATA


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


# ---- When each figure was confirmed and when to look again ------------------------------------
# Every section of figures.toml carries `checked` (the day its figures were last confirmed against
# their source) and `recheck` (the day to confirm them again: about 3 months on for the LPR, which can
# move every month, about 12 months for rules). Nothing here reads the clock: callers pass the day.

DATES = ("checked", "recheck")


def undated(sections: dict | None = None) -> list[str]:
    """Every problem with the `checked`/`recheck` dates, one line each naming the section.

    >>> undated({"ok": {"checked": datetime.date(2026, 1, 1), "recheck": datetime.date(2026, 4, 1)},
    ...          "bare": {"rate": "3"}})
    ["figures.toml [bare]: no 'checked': add checked = YYYY-MM-DD (the day its figures were confirmed)", "figures.toml [bare]: no 'recheck': add recheck = YYYY-MM-DD (the day to confirm them again)"]
    """
    sections = data() if sections is None else sections
    what = {"checked": "the day its figures were confirmed", "recheck": "the day to confirm them again"}
    out = []
    for name, section in sections.items():
        for key in DATES:
            value = section.get(key)
            if value is None:
                out.append(f"figures.toml [{name}]: no '{key}': add {key} = YYYY-MM-DD ({what[key]})")
            elif type(value) is not datetime.date:
                out.append(f"figures.toml [{name}]: '{key}' is {value!r}, not a date: write it as YYYY-MM-DD, unquoted")
        checked, recheck = section.get("checked"), section.get("recheck")
        if type(checked) is datetime.date and type(recheck) is datetime.date and recheck <= checked:
            out.append(f"figures.toml [{name}]: recheck {recheck} is not after checked {checked}")
    return out


def due(today: datetime.date, sections: dict | None = None) -> list[tuple[str, datetime.date, datetime.date]]:
    """(section, checked, recheck) for every section whose re-check date is before ``today``, oldest first.

    A section is due the day after its `recheck` date: on that day itself it is still in time.

    >>> s = {"lpr": {"checked": datetime.date(2026, 2, 24), "recheck": datetime.date(2026, 5, 24)},
    ...      "rule": {"checked": datetime.date(2026, 11, 30), "recheck": datetime.date(2027, 11, 30)}}
    >>> due(datetime.date(2026, 12, 6), s)
    [('lpr', datetime.date(2026, 2, 24), datetime.date(2026, 5, 24))]
    >>> due(datetime.date(2026, 5, 24), s)
    []
    """
    sections = data() if sections is None else sections
    out = [(name, s["checked"], s["recheck"]) for name, s in sections.items()
           if type(s.get("recheck")) is datetime.date and s["recheck"] < today]
    return sorted(out, key=lambda row: (row[2], row[0]))


if __name__ == "__main__":
    # python -m calculators.figures [YYYY-MM-DD]: the figures past their re-check date on that day (default today)
    import sys

    day = datetime.date.fromisoformat(sys.argv[1]) if len(sys.argv) > 1 else datetime.date.today()
    problems = undated()
    for line in problems:
        print(line)
    for name, checked, recheck in due(day):
        print(f"warning: figures.toml [{name}]: checked {checked}, re-check was due {recheck}: confirm it and "
              "update checked and recheck")
    sys.exit(1 if problems else 0)
