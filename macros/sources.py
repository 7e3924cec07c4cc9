"""The documents the site relies on (sources.yml), and which pages cite them.

A page cites a document by naming it in its `sources` front matter; the
regulations page lists every document with the pages that cite it, so the
list cannot drift from the pages.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from macros.pages import front_matter

ROOT = Path(__file__).resolve().parent.parent
FILE = ROOT / "sources.yml"
DOCS = ROOT / "docs"


@cache
def documents() -> tuple[dict, ...]:
    return tuple(yaml.safe_load(FILE.read_text(encoding="utf-8")) or ())


def _front(path: Path) -> dict:
    return front_matter(path)[0] or {}


def _pages(lang: str) -> list[Path]:
    if lang == "en":
        return sorted(DOCS.rglob("*.en.md"))
    return sorted(p for p in DOCS.rglob("*.md") if not p.name.endswith(".en.md"))


def keys(doc: dict, lang: str) -> list[str]:
    """The texts that name ``doc`` in a page's sources (one, or a list of alternatives)."""
    value = doc["match_en"] if lang == "en" else doc["match"]
    return [value] if isinstance(value, str) else list(value)


def _names(doc: dict, lang: str, source: object) -> bool:
    return any(k in str(source) for k in keys(doc, lang))


def _fronts(lang: str) -> dict[Path, dict]:
    """Every page in ``lang`` with its front matter, each file read once."""
    return {path: _front(path) for path in _pages(lang)}


def cited_by(doc: dict, lang: str, fronts: dict[Path, dict] | None = None) -> list[tuple[Path, str]]:
    """(page path, page title) of every page in ``lang`` whose sources name ``doc``.

    ``fronts``: the pages' front matter as :func:`_fronts` gives it, when the caller
    asks for many documents (read once, not once per document).
    """
    out = []
    for path, front in (fronts if fronts is not None else _fronts(lang)).items():
        sources = front.get("sources") or []
        if any(_names(doc, lang, s) for s in sources):
            out.append((path, str(front.get("title", path.stem))))
    return out


def unmatched() -> list[str]:
    """Sources named in front matter that no document in sources.yml matches."""
    out = []
    for lang in ("zh", "en"):
        for path in _pages(lang):
            for source in _front(path).get("sources") or []:
                if not any(_names(doc, lang, source) for doc in documents()):
                    out.append(f"{path.relative_to(ROOT)}: source {source!r} is not in sources.yml: add the document "
                               f"there (with match/match_en) or cite it by the name used there")
    return out


def page(lang: str, here: Path) -> str:
    """Markdown for the regulations page: each document, what it says, who cites it."""
    blocks = []
    fronts = _fronts(lang)
    for doc in documents():
        name = doc["en"] if lang == "en" else doc["zh"]
        says = doc["en_says"] if lang == "en" else doc["zh_says"]
        pages = cited_by(doc, lang, fronts)
        if pages:
            links = ", ".join(f"[{title}]({Path(_rel(path, here))})" for path, title in pages)
        else:
            links = "—"
        used = "Used on" if lang == "en" else "引用页面"
        date = "Date" if lang == "en" else "日期"
        blocks.append(f"### {name}\n\n- {date}：{doc['date']}\n- {says}\n- {used}：{links}\n"
                      if lang == "zh" else
                      f"### {name}\n\n- {date}: {doc['date']}\n- {says}\n- {used}: {links}\n")
    return "\n".join(blocks)


def _rel(path: Path, here: Path) -> str:
    """A Markdown link from the page ``here`` to the zh source ``path`` (i18n maps en)."""
    target = path
    if target.name.endswith(".en.md"):
        target = target.with_name(target.name[: -len(".en.md")] + ".md")
    import os
    return os.path.relpath(target, here.parent).replace(os.sep, "/")
