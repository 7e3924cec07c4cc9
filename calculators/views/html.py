"""HTML fragments for results: headline figures, tables, notes.

Every calculator's ``render(result, lang)`` builds its fragment from these, so
the build-time page and the in-browser answer are the same HTML. All text is
escaped here; nothing a reader typed reaches the page as markup.

>>> figures([figure("total", "合计", "5307.27", "5,307.27 元")])
'<dl class="calc-figures"><div class="calc-figure"><dt>合计</dt><dd data-field="total" data-value="5307.27">5,307.27 元</dd></div></dl>'
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ..wording import pick

# Tables longer than this many rows start folded, so the figures stay on screen.
FOLD_AFTER_ROWS = 13


def esc(text: object) -> str:
    return escape(str(text), quote=True)


_PLAIN_CELL = set("0123456789.-,:/ ")


def _cell(text: object) -> str:
    """A table cell's text, escaped unless it is plain digits (most cells are money)."""
    s = str(text)
    return s if _PLAIN_CELL.issuperset(s) else escape(s, quote=True)


t = pick  # the reader's language: t(lang, zh, en)


def figure(field: str, label: str, value: str, display: str, note: str = "") -> str:
    """One headline figure. ``value`` is the machine text (``5307.27``),
    ``display`` what the reader sees; both come from the result."""
    note_html = f'<dd class="calc-figure-note">{esc(note)}</dd>' if note else ""
    return (
        f'<div class="calc-figure"><dt>{esc(label)}</dt>'
        f'<dd data-field="{esc(field)}" data-value="{esc(value)}">{esc(display)}</dd>{note_html}</div>'
    )


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
) -> str:
    """A full table: ``columns`` are (key, label), ``rows`` text cells.

    Long tables start folded inside <details>. ``data-table`` names the table
    for the CSV download (``<slug>-<name>.csv``).
    """
    # Cells carry no attributes (a 600-row table stays small); the stylesheet aligns every
    # column after the first to the right. ``numeric`` is kept for callers, and marks the
    # header of a text column so it can be aligned left.
    numeric = numeric or [i > 0 for i in range(len(columns))]
    text_class = ' class="text"'
    head = "".join(
        f'<th scope="col" data-key="{esc(k)}"{"" if n or i == 0 else text_class}>{esc(label)}</th>'
        for i, ((k, label), n) in enumerate(zip(columns, numeric, strict=True))
    )
    body = "".join("<tr><td>" + "</td><td>".join(map(_cell, row)) + "</td></tr>" for row in rows)
    tbl = (
        f'<div class="calc-table-scroll" tabindex="0" role="region" aria-label="{esc(caption)}">'
        f'<table class="calc-table" data-table="{esc(name)}">'
        f"<caption>{esc(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )
    if len(rows) > FOLD_AFTER_ROWS:
        summary = t(lang, f"{caption}（共 {len(rows)} 行，点开查看）", f"{caption} ({len(rows)} rows, tap to open)")
        return f'<details class="calc-table-wrap"><summary>{esc(summary)}</summary>{tbl}</details>'
    return f'<div class="calc-table-wrap">{tbl}</div>'


def result(lang: str, *parts: str) -> str:
    """The whole result fragment."""
    return f'<div class="calc-result" lang="{"zh-CN" if lang == "zh" else "en"}">{"".join(parts)}</div>'
