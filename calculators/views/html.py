"""HTML fragments for results: headline figures, tables, notes.

Every calculator's ``render(result, lang)`` builds its fragment from these, so
the build-time page and the in-browser answer are the same HTML. All text is
escaped here; nothing a reader typed reaches the page as markup.

>>> figures([figure("total", "合计", "5307.27", "5,307.27 元")])
'<dl class="calc-figures"><div class="calc-figure"><dt>合计</dt><dd data-field="total" data-value="5307.27">5,307.27 元</dd></div></dl>'
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Sequence
from decimal import Decimal

from ..wording import money, pick


def escape(s: str, quote: bool = True) -> str:
    """``html.escape``, the same replacements in the same order (a test holds them equal), without
    importing ``html``: its entity table (html.entities, 14 KB) would be downloaded with the
    trimmed standard library on every calculator page for nothing."""
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return s.replace('"', "&quot;").replace("'", "&#x27;") if quote else s

# Long tables (a 600-month schedule) show their first rows; the rest come as data in the
# table's data-rest attribute and the page adds them when the reader asks ("show all"), for
# the CSV download and for printing. Recalculating then rebuilds a dozen rows, not 600.
# In the page's replies (``rows_apart``) the rest is not in the HTML at all: it travels beside it
# as columns of text (``rest_columns``), and the table carries an empty ``data-rest`` as the mark.
WINDOW_ROWS = 12
# Tables with this many columns or more become one card per row on a phone (site.css).
CARD_COLUMNS = 4


def esc(text: object) -> str:
    return escape(str(text), quote=True)


_PLAIN_CELL = set("0123456789.-,:/ ")


def _cell(text: object) -> str:
    """A table cell's text, escaped unless it is plain digits (most cells are money)."""
    s = str(text)
    return s if _PLAIN_CELL.issuperset(s) else escape(s, quote=True)


t = pick  # the reader's language: t(lang, zh, en)

_PLAIN_NUMBER = re.compile(r"(-?)(\d+)(\.\d+)?")


def money_label(label: str, lang: str) -> str:
    """A money column's header, with the unit: ``还款额（元）`` / ``Payment (¥)``."""
    return f"{label}（元）" if lang == "zh" else f"{label} (¥)"


def money_cell(text: str) -> str:
    """A money cell as the page shows it: ``9233.20`` → ``9,233.20`` (the unit is in the header);
    anything else (``—``) as it is. The rows the page adds later carry this text too (``data-rest-shown``).

    >>> money_cell("1234567.80"), money_cell("-1000.00"), money_cell("—"), money_cell("999.99"), money_cell("12.")
    ('1,234,567.80', '-1,000.00', '—', '999.99', '12.')
    """
    head, dot, tail = text.partition(".")
    if head.isascii() and head.isdecimal() and (tail.isdecimal() or not dot):  # most cells: a plain amount
        return text if len(head) <= 3 and head[0] != "0" else f"{int(head):,}{dot}{tail}"
    m = _PLAIN_NUMBER.fullmatch(text)
    return f"{m[1]}{int(m[2]):,}{m[3] or ''}" if m else text


class _Shown(dict):
    """text -> ``money_cell(text)``, each worked out once (a plan's cells repeat a lot)."""

    def __missing__(self, text: str) -> str:
        shown = self[text] = money_cell(text)
        return shown


def _rest_attributes(rows: Sequence[Sequence[str]], is_money: Sequence[bool]) -> tuple[str, str | None]:
    """The hidden rows' JSON, escaped for an attribute (``data-rest``), and the same with every
    money cell as ``money_cell`` shows it (``data-rest-shown``; None without money columns).

    When every cell is text without a quote, a backslash or a character HTML escapes, the JSON
    split at its quotes holds the cells at the odd places in order: the money cells are grouped
    there, and escaping for the attribute is only joining at ``&quot;`` (a 600-row plan has
    thousands of cells); else cell by cell, and ``esc``.

    >>> rows = [["1000", "1234.50", "—"], ["2", "-98765.00", "0.00"]]
    >>> _rest_attributes(rows, [False, True, True])[1]
    '[[&quot;1000&quot;,&quot;1,234.50&quot;,&quot;—&quot;],[&quot;2&quot;,&quot;-98,765.00&quot;,&quot;0.00&quot;]]'
    >>> rows[0][2] = 'say "hi" & go'  # a quote and an ampersand in a cell: cell by cell
    >>> print(_rest_attributes(rows, [False, True, True])[1])
    [[&quot;1000&quot;,&quot;1,234.50&quot;,&quot;say \\&quot;hi\\&quot; &amp; go&quot;],[&quot;2&quot;,&quot;-98,765.00&quot;,&quot;0.00&quot;]]
    """
    data = json.dumps([list(r) for r in rows], ensure_ascii=False, separators=(",", ":"))
    width = len(is_money)
    parts = data.split('"')
    if len(parts) == 2 * width * len(rows) + 1 and not any(c in data for c in "\\&<>'"):
        plain = "&quot;".join(parts)
        if not any(is_money):
            return plain, None
        cells = parts[1::2]
        shown = _Shown().__getitem__
        for column, money in enumerate(is_money):
            if money:
                cells[column::width] = map(shown, cells[column::width])
        parts[1::2] = cells
        return plain, "&quot;".join(parts)
    if not any(is_money):
        return esc(data), None
    grouped = [[money_cell(str(c)) if m else c for c, m in zip(r, is_money, strict=True)] for r in rows]
    return esc(data), esc(json.dumps(grouped, ensure_ascii=False, separators=(",", ":")))


# Columns of the hidden rows travel as one text each, cells joined by this (a column with a cell
# holding it travels as a list of its cells instead).
REST_SEP = "\n"
# money_cell leaves a cell as it is unless it has four digits in a row, a number's leading zero
# (``05``, ``-05``), or a character outside ASCII but the dash (digits of another script):
# ``_may_group`` says whether a column (cells joined by REST_SEP) may hold such a cell.
_DIGITS = str.maketrans("123456789", "000000000")
_AMOUNTS = re.compile(r"(?:[0-9]+\.[0-9]+\n)*")  # cells of digits, a point, digits, each ending in REST_SEP
_OTHER = re.compile(r"[^\x00-\x7f—]")


def _may_group(text: str) -> bool:
    """False only when money_cell shows every cell of this column as it is (checked with whole-text
    operations, not cell by cell; True may be said of a column that has none).

    >>> [_may_group(t) for t in ("200.00\\n0.50\\n—\\n-999.99\\n0", "1000.00", "05.00", "1.00\\n-05", "٣.00")]
    [False, True, True, True, True]
    """
    if "0000" in text.translate(_DIGITS) or (not text.isascii() and _OTHER.search(text)):
        return True
    t = f"{REST_SEP}{text}{REST_SEP}"
    # cells starting "0" (after a minus or not) that are not "0" or "0.…"; counted from below
    # (a count of non-overlapping "\n0\n" may miss some, so this may say True of a column without)
    return (t.count(f"{REST_SEP}0") - t.count(f"{REST_SEP}0.") - t.count(f"{REST_SEP}0{REST_SEP}")
            + t.count("-0") - t.count("-0.") - t.count(f"-0{REST_SEP}")) > 0


def _rest_column(cells: Sequence[str], money: bool) -> tuple[str | list[str], str | list[str] | None]:
    """One column of the hidden rows: its cells as one text (``REST_SEP`` between them), and for a
    money column the same as ``money_cell`` shows them (None when that is the same text).
    A column with ``REST_SEP`` (or something that is not text) in a cell comes as lists.

    >>> _rest_column(["1000.00", "-98765.40", "0.50", "—"], True)
    ('1000.00\\n-98765.40\\n0.50\\n—', '1,000.00\\n-98,765.40\\n0.50\\n—')
    >>> _rest_column(["12", "999.99"], True), _rest_column(["a\\nb", "1000"], True)
    (('12\\n999.99', None), (['a\\nb', '1000'], [None, '1,000']))
    """
    try:
        text = REST_SEP.join(cells)
    except TypeError:
        text = None
    if text is None or text.count(REST_SEP) != len(cells) - 1:
        plain = [str(c) for c in cells]
        if not money:
            return plain, None
        grouped = [money_cell(c) for c in plain]
        return plain, None if grouped == plain else [g if g != c else None for g, c in zip(grouped, plain, strict=True)]
    if not money or not _may_group(text):
        return text, None
    distinct = list(dict.fromkeys(cells))  # a plan's cells repeat a lot: each text worked out once
    few = REST_SEP.join(distinct)
    if "-" not in few and _AMOUNTS.fullmatch(few + REST_SEP):
        # every cell digits, a point, digits: money_cell groups the whole part as int does, so all at once
        parts = few.replace(".", REST_SEP).split(REST_SEP)
        grouped = dict(zip(distinct, map("{:,}.{}".format, map(int, parts[0::2]), parts[1::2]), strict=True))
    else:
        grouped = {c: money_cell(c) for c in distinct}
    shown = REST_SEP.join(map(grouped.__getitem__, cells))
    return text, None if shown == text else shown


class Rows(Sequence):
    """A long table's rows, each made only when asked for: ``Rows(n, cells)``, where ``cells(start, stop)``
    gives the list of rows ``start`` to ``stop - 1``. A page's reply shows the first ``WINDOW_ROWS`` rows
    and makes the others only when the page asks for them (``rows_apart``), so a 600-month schedule's
    recalculation writes a dozen rows, not 600.

    >>> rows = Rows(600, lambda start, stop: [[str(m)] for m in range(start + 1, stop + 1)])
    >>> len(rows), rows[:2], rows[598:], rows[-1], list(rows[5:7]) == list(rows)[5:7]
    (600, [['1'], ['2']], [['599'], ['600']], ['600'], True)
    """

    def __init__(self, n: int, cells) -> None:
        self.n, self.cells = n, cells

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, k):
        if isinstance(k, slice):
            start, stop, step = k.indices(self.n)
            if step != 1:
                return self[start:stop][::step] if stop > start else []
            return self.cells(start, stop) if stop > start else []
        if not -self.n <= k < self.n:
            raise IndexError(k)
        k %= self.n
        return self.cells(k, k + 1)[0]


def rest_columns(rows: Sequence[Sequence[str]], is_money: Sequence[bool]) -> dict:
    """A long table's hidden rows as the page's reply carries them (``rows_apart``):
    ``{"rows": n, "cells": [column, ...], "shown": [column or None, ...]}``, a column as
    ``_rest_column`` gives it. The page's script only cuts the texts at ``REST_SEP`` and places
    each cell: one money formatter, ``money_cell`` (the same rows and texts as ``data-rest`` and
    ``data-rest-shown``; tests/test_web.py puts them back and compares).

    >>> rest_columns([["13", "1234.00"], ["14", "0.00"]], [False, True])
    {'rows': 2, 'cells': ['13\\n14', '1234.00\\n0.00'], 'shown': [None, '1,234.00\\n0.00']}
    """
    columns = [_rest_column(column, money) for column, money in zip(zip(*rows, strict=True), is_money, strict=True)]
    return {"rows": len(rows), "cells": [c for c, _ in columns], "shown": [s for _, s in columns]}


class rows_apart:  # noqa: N801 (used as a ``with`` block, like open)
    """``with rows_apart() as rest:`` tables made inside leave their hidden rows out of the HTML,
    and carry an empty ``data-rest`` instead; ``rest`` maps each table's name to a function that
    makes its ``rest_columns`` when called (not before: the rows of a ``Rows`` are made then).
    The page's replies are made so (calculators/web.py); the build's pages keep ``data-rest``."""

    current: dict | None = None

    def __enter__(self) -> dict:
        self.outer, rows_apart.current = rows_apart.current, {}
        return rows_apart.current

    def __exit__(self, *exc) -> None:
        rows_apart.current = self.outer


def figure(field: str, label: str, value: str, display: str, note: str = "") -> str:
    """One headline figure. ``value`` is the machine text (``5307.27``),
    ``display`` what the reader sees; both come from the result."""
    note_html = f'<dd class="calc-figure-note">{esc(note)}</dd>' if note else ""
    return (
        f'<div class="calc-figure"><dt>{esc(label)}</dt>'
        f'<dd data-field="{esc(field)}" data-value="{esc(value)}">{esc(display)}</dd>{note_html}</div>'
    )


def money_figure(field: str, label: str, data: dict, amount: Decimal, lang: str, note: str = "") -> str:
    """A headline sum: ``data[field]`` is its machine text (from ``to_dict``), the reader sees ``amount`` as money."""
    return figure(field, label, data[field], money(amount, lang), note)


def figures(items: Sequence[str]) -> str:
    return f'<dl class="calc-figures">{"".join(items)}</dl>'


def paragraph(text: str, cls: str = "calc-explain") -> str:
    return f'<p class="{cls}">{esc(text)}</p>'


def notes(items: Sequence[str], cls: str = "calc-notes") -> str:
    """A list of plain-language explanations."""
    if not items:
        return ""
    return f'<ul class="{cls}">' + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>"


def table(
    name: str,
    columns: Sequence[tuple[str, str]],
    rows: Sequence[Sequence[str]],
    caption: str,
    lang: str,
    numeric: Sequence[bool] | None = None,
    money: Collection[str] = (),
) -> str:
    """A full table: ``columns`` are (key, label), ``rows`` text cells.

    ``money`` names the columns that hold money as plain text (``money_text``): their header
    gets the unit (``money_label``) and a ``data-money`` mark, their cells show thousands
    separators and keep the plain figure in ``data-value``, which the CSV download uses; the
    rows in ``data-rest`` stay plain, and their shown text, grouped here, is in ``data-rest-shown``
    (the script only places it: one money formatter, this one).

    ``data-table`` names the table for the CSV download (``<slug>-<name>.csv``). A table
    longer than ``WINDOW_ROWS`` + 1 rows shows its first ``WINDOW_ROWS`` rows; the others are
    in ``data-rest`` (JSON) with a "show all" button, which the page's script expands.

    >>> t = table("p", [("m", "月"), ("x", "金额")], [[str(i), "1.00"] for i in range(20)], "表", "zh")
    >>> t.count("<tr>"), "data-rest" in t, "显示全部 20 行" in t
    (13, True, True)
    >>> t = table("p", [("m", "月"), ("x", "金额")], [[str(i), "1234.00"] for i in range(20)], "表", "zh", money=["x"])
    >>> "[[&quot;12&quot;,&quot;1,234.00&quot;]" in t, "[[&quot;12&quot;,&quot;1234.00&quot;]" in t
    (True, True)
    >>> t = table("p", [("m", "Month"), ("x", "Payment")], [["1", "1234.50"]], "T", "en", money=["x"])
    >>> 'data-money="1">Payment (¥)</th>' in t, '<td data-label="Payment (¥)" data-value="1234.50">1,234.50</td>' in t
    (True, True)
    """
    # Cells carry only their column's label (data-label, shown on a phone's cards), and only
    # the shown rows. The stylesheet aligns columns after the first to the right, except the
    # text columns, named by the table's calc-text-N classes (N counts from 1).
    numeric = numeric or [i > 0 for i in range(len(columns))]
    text_cols = [i for i, n in enumerate(numeric) if i > 0 and not n]
    classes = ["calc-table"] + [f"calc-text-{i + 1}" for i in text_cols]
    if len(columns) >= CARD_COLUMNS:
        classes.append("calc-cards")
    text_class = ' class="text"'
    is_money = [k in money for k, _ in columns]
    columns = [(k, money_label(label, lang) if m else label) for (k, label), m in zip(columns, is_money, strict=True)]
    money_mark = ' data-money="1"'
    head = "".join(
        f'<th scope="col" data-key="{esc(k)}"{text_class if i in text_cols else ""}'
        f'{money_mark if is_money[i] else ""}>{esc(label)}</th>'
        for i, (k, label) in enumerate(columns)
    )
    labels = [f' data-label="{esc(label)}"' for _, label in columns]
    windowed = len(rows) > WINDOW_ROWS + 1
    shown = rows[:WINDOW_ROWS] if windowed else rows

    def cell(lab: str, text: str, m: bool) -> str:
        s = str(text)
        if m:
            shown = money_cell(s)
            if shown != s:
                return f'<td{lab} data-value="{_cell(s)}">{_cell(shown)}</td>'
        return f"<td{lab}>{_cell(s)}</td>"

    body = "".join(
        "<tr>" + "".join(cell(lab, c, m) for lab, c, m in zip(labels, row, is_money, strict=True)) + "</tr>"
        for row in shown
    )
    rest = ""
    more = ""
    apart = rows_apart.current
    if windowed and apart is not None and name not in apart:
        apart[name] = lambda: rest_columns(rows[WINDOW_ROWS:], is_money)  # made when the page asks
        rest = f' data-rest="" data-rows="{len(rows)}"'
    elif windowed:
        plain, shown_rest = _rest_attributes(rows[WINDOW_ROWS:], is_money)
        rest = f' data-rest="{plain}" data-rows="{len(rows)}"'
        if shown_rest is not None:
            rest += f' data-rest-shown="{shown_rest}"'
    if windowed:
        more = (
            f'<button type="button" class="calc-button calc-show-all" data-action="show-all" '
            f'data-table="{esc(name)}">'
            f"{esc(t(lang, f'显示全部 {len(rows)} 行', f'Show all {len(rows)} rows'))}</button>"
        )
    tbl = (
        f'<div class="calc-table-scroll" tabindex="0" role="region" aria-label="{esc(caption)}">'
        f'<table class="{" ".join(classes)}" data-table="{esc(name)}"{rest}>'
        f"<caption>{esc(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )
    return f'<div class="calc-table-wrap">{tbl}{more}</div>'


def data_table(name: str, columns: Sequence[tuple[str, str]], rows: Sequence[dict], caption: str, lang: str) -> str:
    """A table of ``to_dict`` rows: ``columns`` are (key, label); a ``date`` column shows only where
    the rows carry dates (``money.dated_row``). Every column but the date holds numbers: the first
    counts (month, day), the others are money.

    >>> t = data_table("p", [("month", "月"), ("date", "日期"), ("x", "金额")], [{"month": 1, "x": "1.00"}], "表", "zh")
    >>> "日期" in t, "<td" in t
    (False, True)
    """
    dated = any("date" in row for row in rows)
    columns = [column for column in columns if column[0] != "date" or dated]
    return cells_table(name, columns, [[str(row[key]) for key, _ in columns] for row in rows], caption, lang)


def cells_table(name: str, columns: Sequence[tuple[str, str]], cells: Sequence[Sequence[str]], caption: str,
                lang: str) -> str:
    """``data_table``'s table from its text cells, a row per list in the order of ``columns`` (a view
    that writes its long schedule's cells from the result, not from ``to_dict`` rows; leave the
    ``date`` column out of both when the rows have no dates)."""
    money = [key for key, _ in columns[1:] if key != "date"]
    return table(name, columns, cells, caption, lang, [key != "date" for key, _ in columns], money)


def result(lang: str, *parts: str) -> str:
    """The whole result fragment."""
    return f'<div class="calc-result" lang="{"zh-CN" if lang == "zh" else "en"}">{"".join(parts)}</div>'
