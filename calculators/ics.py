"""ics: a plan's due dates as an iCalendar file (RFC 5545) for the phone's calendar.

Each event is an all-day event on its date (``DTSTART;VALUE=DATE`` and the next
day as ``DTEND``), with two reminders: 09:00 three days before and 09:00 the day
before (``TRIGGER:-P2DT15H`` and ``TRIGGER:-PT15H``, counted back from the start
of the day, which is midnight where the reader is).

The format's rules, applied here and nowhere else:

- lines end in CRLF, and a line longer than 75 octets is folded: CRLF and one
  space, never inside a UTF-8 character (RFC 5545 §3.1);
- in text values a backslash, semicolon, comma and newline are escaped as
  ``\\\\``, ``\\;``, ``\\,`` and ``\\n`` (§3.3.11);
- every event has a UID and a DTSTAMP (§3.6.1). The UID is made from the
  calendar's key, the date and the summary, so importing the same plan twice
  updates the events instead of doubling them.

Nothing here reads the clock: the caller passes the moment the file is made.

>>> import datetime as dt
>>> text = calendar([Event(dt.date(2026, 12, 5), "还款 950.00 元; 第1期", "借呗, 第 1 期")],
...                 key="repayment", name="还款计划", stamp=dt.datetime(2026, 11, 30, 8, 0, tzinfo=dt.UTC))
>>> [line for line in text.split("\\r\\n") if line.startswith(("DTSTART", "SUMMARY", "TRIGGER"))]
['DTSTART;VALUE=DATE:20261205', 'SUMMARY:还款 950.00 元\\\\; 第1期', 'TRIGGER:-P2DT15H', 'TRIGGER:-PT15H']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

PRODID = "-//Overdue Help//calculators//ZH"
LINE_OCTETS = 75
# (trigger, zh, en): 09:00 three days before, 09:00 the day before
ALARMS = (
    ("-P2DT15H", "3 天后到期", "due in 3 days"),
    ("-PT15H", "明天到期", "due tomorrow"),
)


@dataclass(frozen=True)
class Event:
    """One all-day event: its date, a one-line summary and an optional longer description."""

    day: dt.date
    summary: str
    description: str = ""


def escape(text: str) -> str:
    r"""A TEXT value with ``\ ; ,`` and newlines escaped (RFC 5545 §3.3.11).

    >>> escape('a,b;c\\d\ne')
    'a\\,b\\;c\\\\d\\ne'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def fold(line: str) -> str:
    """One content line folded at 75 octets, never splitting a UTF-8 character.

    >>> folded = fold("SUMMARY:" + "还" * 40)
    >>> [len(part.encode()) for part in folded.split("\\r\\n")]
    [74, 55]
    """
    parts: list[str] = []
    current, size, limit = [], 0, LINE_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, LINE_OCTETS - 1  # the leading space counts
        current.append(char)
        size += octets
    parts.append("".join(current))
    return "\r\n ".join(parts)


def _uid(key: str, event: Event, index: int) -> str:
    """A stable UID: FNV-1a (64-bit) of the calendar key, date, summary and position."""
    digest = 0xCBF29CE484222325
    for byte in f"{key}|{event.day.isoformat()}|{event.summary}|{index}".encode():
        digest = ((digest ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{event.day:%Y%m%d}-{digest:016x}@overdue-help"


def calendar(events: Iterable[Event], *, key: str, name: str, stamp: dt.datetime,
             lang: str = "zh") -> str:
    """The calendar file's text: CRLF lines, folded, one VEVENT per event with two VALARMs.

    ``stamp`` must be timezone-aware; it is written in UTC as every event's DTSTAMP.
    """
    if stamp.tzinfo is None:
        raise ValueError("stamp must be timezone-aware")
    utc = stamp.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
    ]
    for index, event in enumerate(events):
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_uid(key, event, index)}",
            f"DTSTAMP:{utc}",
            f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{event.day + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape(event.summary)}",
        ]
        if event.description:
            lines.append(f"DESCRIPTION:{escape(event.description)}")
        lines.append("TRANSP:TRANSPARENT")
        for trigger, zh, en in ALARMS:
            note = zh if lang == "zh" else en
            lines += [
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                f"DESCRIPTION:{escape(f'{event.summary} ({note})' if lang != 'zh' else f'{event.summary}（{note}）')}",
                f"TRIGGER:{trigger}",
                "END:VALARM",
            ]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
