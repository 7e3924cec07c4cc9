"""The glossary: one data file (glossary.yml at the repository root) shown as
the glossary pages and as tap/hover tooltips wherever a term is used.

Python-Markdown's abbreviations match whole words only, which never happens
inside Chinese text (no spaces between words), so the tooltips are added here:
the first use of each term on a page becomes <abbr title="definition">, outside
headings, links, code, buttons and the calculator widgets.
"""

from __future__ import annotations

import re
from functools import cache
from html import escape
from pathlib import Path

import yaml

FILE = Path(__file__).resolve().parent.parent / "glossary.yml"
KEYS = ("zh", "en", "zh_def", "en_def")

# Elements whose text is never annotated.
SKIP = {"a", "abbr", "code", "pre", "kbd", "script", "style", "svg", "textarea", "select", "option",
        "button", "label", "title", "h1", "h2", "h3", "h4", "h5", "h6", "summary", "dt", "figcaption"}
VOID = {"br", "hr", "img", "input", "meta", "link", "source", "wbr", "col", "area", "base", "embed", "track"}
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>|<!--.*?-->", re.S)


@cache
def entries() -> tuple[dict, ...]:
    data = yaml.safe_load(FILE.read_text(encoding="utf-8")) if FILE.is_file() else []
    return tuple(data or ())


def problems() -> list[str]:
    """What is wrong with the glossary file, in words an editor can act on."""
    out = []
    seen: dict[str, int] = {}
    for no, entry in enumerate(entries(), start=1):
        if not isinstance(entry, dict):
            out.append(f"glossary.yml entry {no}: not a term (write zh:, en:, zh_def:, en_def:)")
            continue
        for key in KEYS:
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                out.append(f"glossary.yml entry {no} ({entry.get('zh', '?')}): '{key}' is missing or empty")
        for key in ("zh", "en"):
            term = entry.get(key)
            if isinstance(term, str):
                if term in seen:
                    out.append(f"glossary.yml entry {no}: '{term}' is already entry {seen[term]}")
                seen[term] = no
    return out


def terms(lang: str) -> list[tuple[str, str, str]]:
    """(term, definition, entry key) to annotate on a page in ``lang``, longest first.

    English pages also explain the Chinese terms they quote (罚息 in brackets).
    """
    out = []
    for e in entries():
        if lang == "zh":
            out.append((e["zh"], e["zh_def"], e["zh"]))
        else:
            out.append((e["en"], e["en_def"], e["zh"]))
            out.append((e["zh"], e["en_def"], e["zh"]))
    return sorted(out, key=lambda p: -len(p[0]))


def annotate(html: str, lang: str) -> str:
    """Wrap the first use of each glossary term in <abbr title="…"> (an English
    term and the Chinese term it translates count as one)."""
    pending = terms(lang)
    if not pending:
        return html
    pattern = re.compile("|".join(re.escape(t) for t, _, _ in pending)
                         if lang == "zh" else
                         "|".join(rf"(?<![\w-]){re.escape(t)}(?![\w-])" for t, _, _ in pending))
    definition = {t: (d, key) for t, d, key in pending}
    keys = {key for _, _, key in pending}
    done: set[str] = set()
    out = []
    skip_depth = 0
    stack: list[tuple[str, bool]] = []  # (tag, opened inside a skipped element)
    pos = 0

    def text(chunk: str) -> str:
        if skip_depth or len(done) == len(keys):
            return chunk

        def wrap(m: re.Match) -> str:
            term = m.group(0)
            if term not in definition or definition[term][1] in done:
                return term
            text_, key = definition[term]
            done.add(key)
            return f'<abbr title="{escape(text_, quote=True)}">{term}</abbr>'

        return pattern.sub(wrap, chunk)

    for m in _TAG.finditer(html):
        out.append(text(html[pos:m.start()]))
        out.append(m.group(0))
        pos = m.end()
        if m.group(0).startswith("<!--"):
            continue
        closing, name, attrs = m.group(1), m.group(2).lower(), m.group(3)
        if name in VOID or attrs.rstrip().endswith("/"):
            continue
        if not closing:
            counted = bool(skip_depth) or name in SKIP or "data-search-exclude" in attrs
            stack.append((name, counted))
            if counted:
                skip_depth += 1
        elif any(open_name == name for open_name, _ in stack):
            # close up to the matching open tag (tolerates unclosed <p>, <li>)
            while stack:
                top, counted = stack.pop()
                if counted:
                    skip_depth -= 1
                if top == name:
                    break
    out.append(text(html[pos:]))
    return "".join(out)


def page(lang: str) -> str:
    """The glossary as a definition list, sorted for the reader's language."""
    items = sorted(entries(), key=lambda e: e["en"].lower() if lang == "en" else e["zh"])
    rows = []
    for e in items:
        term = e["zh"] if lang == "zh" else e["en"]
        other = e["en"] if lang == "zh" else e["zh"]
        definition = e["zh_def"] if lang == "zh" else e["en_def"]
        anchor = "term-" + re.sub(r"[^a-z0-9]+", "-", e["en"].lower()).strip("-")
        rows.append(f'<dt id="{anchor}">{escape(term)} <span class="glossary-other">{escape(other)}</span></dt>'
                    f"<dd>{escape(definition)}</dd>")
    return '<dl class="glossary">' + "".join(rows) + "</dl>"
