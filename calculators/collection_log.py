"""collection-log: 催收记录, each collection contact as a row, and the complaint's counts from it.

Each entry is one contact as the reader typed it: the date, the time (24-hour ``HH:MM``), the number,
who the collector said they were, what was said, and three ticks: whether family, friends or work were
contacted (``third_parties``), whether there were threats (``threats``) and whether there was abuse
(``insults``). ``calculate`` sorts the entries by date and time and counts them; ``complaint_form``
turns the counts into the complaint letter's own fields (calculators/letters_complaint.py), so the
complaint opens filled from the log.

The rule for night calls: the China Banking Association's guideline on collecting personal consumer
loans (《金融机构个人消费类贷款催收工作指引（试行）》, published 2026-01-30; the rule the complaint
letter and docs/guides/collection-rights.md cite) says no collection from 22:00 to 08:00 the next
morning without the borrower's consent. A contact counts as at night when its time is 22:00 or later,
or before 08:00 (``NIGHT_FROM``, ``NIGHT_UNTIL``); a contact without a time is never counted as at night.

Worked example: three contacts, one at 23:15 and one at 07:40 (both at night), one at 14:00 that called
the reader's employer and threatened; two numbers.

>>> r = calculate(read_form({"entries": [
...     {"date": "2026-11-03", "time": "23:15", "number": "13800000001", "who": "某某催收"},
...     {"date": "2026-11-01", "time": "14:00", "number": "13800000002", "third_parties": "yes",
...      "threats": "yes"},
...     {"date": "2026-11-04", "time": "7:40", "number": "13800000001"}]}))
>>> r.first_date, r.last_date, len(r.entries), r.night, r.third_parties, r.threats
(datetime.date(2026, 11, 1), datetime.date(2026, 11, 4), 3, 2, 1, 1)
>>> f = complaint_form(r)
>>> f["times"], f["numbers"], f["night_calls"], f["third_parties"], f["threats"], f["insults"]
('3', '13800000002、13800000001', 'yes', 'yes', 'yes', 'no')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from . import fields
from . import letters_common as common
from .fields import Field
from .money import InputError

SLUG = "collection-log"
TITLE = {"zh": "催收记录", "en": "Collection log"}
# a log holds numbers, names and what was said: no link that carries it in the address
SHARE_LINK = False

NIGHT_FROM = dt.time(22, 0)  # from 22:00 ...
NIGHT_UNTIL = dt.time(8, 0)  # ... to 08:00 the next morning (the guideline above)
MAX_ENTRIES = 200

# Limits of what the complaint letter's fields take (letters_complaint.FIELDS).
COMPLAINT_LIMITS = {"numbers": 120, "collector": 60, "detail": 200}

FIELDS = (
    Field("lender", "text", "平台或机构名称", "Lender or platform", required=False, high=40,
          help_zh="可以不填", help_en="You may leave it empty"),
    Field("name", "text", "你的姓名", "Your name", required=False, high=20),
)

ENTRY_FIELDS = (
    Field("date", "date", "日期", "Date"),
    Field("time", "text", "时间（24 小时制）", "Time (24-hour clock)", required=False, high=5, example="23:15",
          help_zh="例如 23:15；记不清可以不填", help_en="For example 23:15; leave it if you do not remember"),
    Field("number", "text", "对方号码", "Their number", required=False, high=30),
    Field("who", "text", "对方自称是谁", "Who they said they were", required=False, high=40,
          help_zh="姓名、公司或工号", help_en="Name, company or staff number"),
    Field("said", "text", "说了什么", "What was said", required=False, high=200,
          help_zh="尽量写原话，一两句就够", help_en="Their words as far as you remember; a sentence or two"),
    Field("third_parties", "yesno", "联系了我的家人、朋友或单位", "They contacted my family, friends or work",
          required=False),
    Field("threats", "yesno", "威胁（人身安全、上门、曝光等）", "Threats (to safety, of visits, of exposure)",
          required=False),
    Field("insults", "yesno", "辱骂、侮辱", "Abuse or insults", required=False),
)

ENTRIES = fields.ListField(
    "entries", ENTRY_FIELDS, ({},), MAX_ENTRIES,
    row_zh="第 {n} 条", row_en="Entry {n}", noun_zh="记录", noun_en="entry",
    add_zh="再记一条", add_en="Add an entry", remove_zh="删除这一条", remove_en="Remove this entry",
    empty_zh="还没有记录", empty_en="No entries yet",
    too_many_zh="最多可以记 {high} 条；请先导出、打印，再删掉最早的几条",
    too_many_en="You can keep up to {high} entries; export or print them, then remove the oldest",
    low=0,
)
LISTS = (ENTRIES,)
# the page's message when the reader removes the only row (the form keeps one row to type into)
LAST_ROW = {"zh": "至少要留一条。要清空它，直接删掉里面的文字就行。",
            "en": "One entry always stays. To clear it, delete what is typed in it."}
TICKS = ("third_parties", "threats", "insults")
_TIME = re.compile(r"^(\d{1,2})[:：.](\d{2})$")


@dataclass(frozen=True)
class Entry:
    date: dt.date
    time: dt.time | None = None
    number: str | None = None
    who: str | None = None
    said: str | None = None
    third_parties: bool = False
    threats: bool = False
    insults: bool = False

    @property
    def night(self) -> bool:
        """At night: ``NIGHT_FROM <= time`` or ``time < NIGHT_UNTIL`` (22:00 to 08:00); no time, not at night.

        >>> [Entry(dt.date(2026, 11, 3), t).night for t in (dt.time(22, 0), dt.time(7, 59), dt.time(8, 0), None)]
        [True, True, False, False]
        """
        return self.time is not None and (self.time >= NIGHT_FROM or self.time < NIGHT_UNTIL)


@dataclass(frozen=True)
class Inputs:
    entries: tuple[Entry, ...] = ()
    lender: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class Result:
    inputs: Inputs
    entries: tuple[Entry, ...]  # by date, then time (an entry without a time first on its day), as typed
    first_date: dt.date | None
    last_date: dt.date | None
    night: int  # entries between 22:00 and 08:00
    third_parties: int
    threats: int
    insults: int
    numbers: tuple[str, ...]  # every number, once, in the order first seen
    collectors: tuple[str, ...]  # every "who", once, in the order first seen


def _cell_error(i: int, field: Field, err: InputError) -> InputError:
    """The cell's message with its row and field named: "第 2 条记录的“日期”：…"."""
    return InputError(f"{ENTRIES.name}.{i}.{field.name}",
                      f"第 {i + 1} 条记录的“{field.label_zh}”：{err.zh}",
                      f"Entry {i + 1}, “{field.label_en}”: {err.en}")


def parse_time(key: str, raw: str) -> dt.time:
    """A time as typed, 24-hour: ``23:15``, ``7:40``, ``23：15`` (a Chinese colon).

    >>> parse_time("t", "7:40"), parse_time("t", "23：15")
    (datetime.time(7, 40), datetime.time(23, 15))
    """
    m = _TIME.match(raw.strip())
    if m and int(m[1]) < 24 and int(m[2]) < 60:
        return dt.time(int(m[1]), int(m[2]))
    raise InputError(key, "请按 24 小时制写时间，例如 23:15 或 07:40", "Write the time on the 24-hour clock, "
                     "such as 23:15 or 07:40")


def _read_entry(i: int, row: object) -> Entry | None:
    if not isinstance(row, Mapping):
        raise InputError(f"{ENTRIES.name}.{i}", f"第 {i + 1} 条记录无法读取，请重新填写",
                         f"Entry {i + 1} could not be read; fill it in again")
    cells = {f"{ENTRIES.name}.{i}.{f.name}": row.get(f.name, "") for f in ENTRY_FIELDS}
    # a row is blank when nothing was typed (an unticked box sends "no")
    typed = [v for (k, v), f in zip(cells.items(), ENTRY_FIELDS, strict=True)
             if not (f.kind == "yesno" and v in ("no", "", None))]
    if all(v is None or (isinstance(v, str) and not v.strip()) for v in typed):
        return None
    values = {}
    for f in ENTRY_FIELDS:
        key = f"{ENTRIES.name}.{i}.{f.name}"
        try:
            if f.name == "time":
                raw = fields.text_of(cells, key)
                values[f.name] = parse_time(key, raw) if raw else None
            elif f.kind == "text":
                values[f.name] = common.read_text(f, cells, name=key)
            else:
                value = fields.read_field(f, cells, name=key)
                values[f.name] = bool(value) if f.kind == "yesno" else value
        except InputError as err:
            raise _cell_error(i, f, err) from None
    return Entry(**values)


def read_form(form: Mapping[str, object]) -> Inputs:
    """Inputs from a form of text values: ``lender``, ``name`` and ``entries`` (a list of rows of text).

    A row left blank is skipped; no list at all is an empty log. A bad cell's message names its row
    and field, in zh and en.

    >>> read_form({"entries": [{"date": "2026-11-31"}]})
    Traceback (most recent call last):
    ...
    calculators.money.InputError: entries.0.date: 第 1 条记录的“日期”：请按“年-月-日”输入日期，例如 2026-01-31
    """
    values = common.read_all(FIELDS, form)
    rows = form.get(ENTRIES.name, [])
    if rows in (None, ""):
        rows = []
    if not isinstance(rows, list | tuple):
        raise InputError(ENTRIES.name, "记录列表无法读取，请刷新页面再试",
                         "The list of entries could not be read; reload the page and try again")
    if len(rows) > ENTRIES.high:
        raise ENTRIES.too_many()
    entries = tuple(e for e in (_read_entry(i, row) for i, row in enumerate(rows)) if e is not None)
    return Inputs(entries=entries, **values)


def _once(values) -> tuple[str, ...]:
    """The values given, each once, in the order first seen, empty ones left out.

    >>> _once(["138", "", "139", "138"])
    ('138', '139')
    """
    return tuple(dict.fromkeys(v for v in values if v))


def calculate(inputs: Inputs) -> Result:
    """The log in time order (an entry without a time first on its day) and its counts: contacts at
    night (``Entry.night``), ticked as calling third parties, threatening or insulting; the numbers
    and collectors, each once.

    >>> e = (Entry(dt.date(2026, 11, 4), dt.time(7, 40), "138", threats=True),
    ...      Entry(dt.date(2026, 11, 1), dt.time(14, 0), "139", third_parties=True),
    ...      Entry(dt.date(2026, 11, 3), dt.time(23, 15), "138"))
    >>> r = calculate(Inputs(entries=e))
    >>> [x.date.day for x in r.entries], r.night, r.third_parties, r.threats, r.numbers
    ([1, 3, 4], 2, 1, 1, ('139', '138'))
    """
    entries = tuple(sorted(inputs.entries, key=lambda e: (e.date, e.time or dt.time.min)))
    dates = [e.date for e in entries]
    return Result(
        inputs=inputs,
        entries=entries,
        first_date=min(dates) if dates else None,
        last_date=max(dates) if dates else None,
        night=sum(e.night for e in entries),
        third_parties=sum(e.third_parties for e in entries),
        threats=sum(e.threats for e in entries),
        insults=sum(e.insults for e in entries),
        numbers=_once(e.number for e in entries),
        collectors=_once(e.who for e in entries),
    )


def _joined(items: tuple[str, ...], limit: int) -> str:
    """Items joined with "、", as many as fit in ``limit`` characters ("等" when some are left out)."""
    out = ""
    for n, item in enumerate(items):
        more = "等" if n + 1 < len(items) else ""
        candidate = f"{out}、{item}" if out else item
        if len(candidate) + len(more) > limit:
            return f"{out}等" if out else ""
        out = candidate
    return out


def _when(e: Entry) -> str:
    day = f"{e.date.year}年{e.date.month}月{e.date.day}日"
    return f"{day} {e.time:%H:%M}" if e.time else day


def detail(result: Result) -> str:
    """The complaint's "anything else", in Chinese (the complaint is written in Chinese), at most 200
    characters: the counts, and the first night contacts by date and time."""
    if not result.entries:
        return ""
    parts = [f"我记录了 {len(result.entries)} 次催收联系"]
    if result.night:
        nights = [_when(e) for e in result.entries if e.night]
        shown = "、".join(nights[:3]) + ("等" if len(nights) > 3 else "")
        parts.append(f"其中 {result.night} 次在晚上 22:00 到第二天早上 8:00 之间（{shown}）")
    if result.third_parties:
        parts.append(f"{result.third_parties} 次联系了我的家人、朋友或单位")
    if result.threats:
        parts.append(f"{result.threats} 次威胁")
    if result.insults:
        parts.append(f"{result.insults} 次辱骂")
    text = "，".join(parts[:2]) + ("；" + "；".join(parts[2:]) if parts[2:] else "") + "。详见所附催收记录。"
    if len(text) > COMPLAINT_LIMITS["detail"]:  # only the night list can make it long: drop it
        text = text.split("（", 1)[0] + text.split("）", 1)[1]
    return text


def complaint_form(result: Result) -> dict[str, str]:
    """The complaint letter's fields (letters_complaint.FIELDS) from the log, as text a form holds.

    Empty log: only the ticks, all "no". Counts come from the log only; nothing is estimated.
    """
    r = result
    form = {"night_calls": "yes" if r.night else "no",
            "third_parties": "yes" if r.third_parties else "no",
            "threats": "yes" if r.threats else "no",
            "insults": "yes" if r.insults else "no"}
    if r.entries:
        form |= {"first_date": r.first_date.isoformat(), "last_date": r.last_date.isoformat(),
                 "times": str(len(r.entries)), "detail": detail(r)}
    for key, items in (("numbers", r.numbers), ("collector", r.collectors)):
        text = _joined(items, COMPLAINT_LIMITS[key])
        if text:
            form[key] = text
    for key in ("lender", "name"):
        value = getattr(r.inputs, key)
        if value:
            form[key] = value
    return form


def to_dict(result: Result) -> dict:
    r = result
    return {
        "lender": r.inputs.lender, "name": r.inputs.name,
        "entries": [{"date": e.date.isoformat(), "time": e.time.strftime("%H:%M") if e.time else None,
                     "number": e.number, "who": e.who, "said": e.said, "night": e.night,
                     **{t: getattr(e, t) for t in TICKS}} for e in r.entries],
        "first_date": r.first_date.isoformat() if r.first_date else None,
        "last_date": r.last_date.isoformat() if r.last_date else None,
        "times": len(r.entries), "night": r.night, "third_parties": r.third_parties, "threats": r.threats,
        "insults": r.insults, "numbers": list(r.numbers), "collectors": list(r.collectors),
        "complaint": complaint_form(r),
    }
