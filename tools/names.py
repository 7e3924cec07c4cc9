"""The names table: what each page is called, in each language, and where that is checked.

A page has one name per language and one heading:

- its **name** is its navigation entry: ``mkdocs.yml``'s ``nav`` (Chinese) and the i18n plugin's
  ``nav_translations`` (English); for a calculator, ``nav.title`` in each page's front matter
  (hooks/nav.py builds the navigation from there);
- its **heading** is the ``title`` in each page's front matter (the page's H1 and browser tab).

A link that names a page must call it by its name or its heading in that language (the first
letter's case may follow the sentence). A link names a page when it is a list item's first word
("- [Where to get help](...)") or follows "see" / 见 / 详见; other links are words in a sentence
("ask for [the documents](...)") and are free. Links to a section (``page.md#part``) name the part,
and buttons (``{ .md-button }``) are actions. Glossary terms have one English rendering each
(glossary.yml ``en``); the renderings a term must not get are its ``avoid`` list.

``python -m tools.names`` prints every link that calls a page something else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)#\s]+\.md)(#[^)\s]*)?\)(\{[^}\n]*\})?")
_NAMING_BEFORE = re.compile(r"(?:\b[Ss]ee(?: also)?|参见|详见|请看|见)\s*$")
_LIST_LEAD = re.compile(r"(?:[-*+]|\d+\.)")


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    return (yaml.safe_load(match.group(1)) or {}) if match else {}


def page_file(page: str, lang: str) -> Path:
    """docs/<page> for zh, docs/<page minus .md>.en.md for en."""
    return DOCS / (page if lang == "zh" else page[: -len(".md")] + ".en.md")


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's own tags (``!ENV``) read as plain values."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


@cache
def nav_names() -> dict[str, tuple[str, str]]:
    """page -> (zh name, en name), from mkdocs.yml's nav and nav_translations, and the calculators'
    front matter."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), _Loader)  # noqa: S506 - safe loader
    english = next(lang for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin
                   for lang in plugin["i18n"]["languages"] if lang["locale"] == "en")
    translations = english.get("nav_translations") or {}
    out = {}

    def walk(items: list) -> None:
        for item in items:
            for zh, value in (item.items() if isinstance(item, dict) else ()):
                if isinstance(value, list):
                    walk(value)
                else:
                    out[value] = (zh, str(translations.get(zh, zh)))

    walk(config["nav"])
    for path in sorted((DOCS / "calculators").glob("*.md")):
        if path.name.endswith(".en.md"):
            continue
        page = f"calculators/{path.name}"
        zh_nav, en_nav = (_front_matter(page_file(page, lang)).get("nav") for lang in ("zh", "en"))
        if isinstance(zh_nav, dict) and isinstance(en_nav, dict):
            out[page] = (str(zh_nav["title"]), str(en_nav["title"]))
    return out


@cache
def names(page: str, lang: str) -> frozenset[str]:
    """The name and the heading of ``page`` in ``lang`` (empty when the page is not in the nav)."""
    nav = nav_names().get(page)
    if nav is None:
        return frozenset()
    path = page_file(page, lang)
    heading = _front_matter(path).get("title") if path.is_file() else None
    return frozenset({nav[0 if lang == "zh" else 1], *([str(heading)] if heading else [])})


def _same(text: str, name: str) -> bool:
    fold = lambda s: s[:1].lower() + s[1:]  # noqa: E731 - the sentence may lower the first letter
    return text == name or fold(text) == fold(name)


@dataclass(frozen=True)
class Misnamed:
    source: str
    line: int
    text: str
    target: str
    names: tuple[str, ...]

    def __str__(self) -> str:
        return (f"docs/{self.source}:{self.line}: [{self.text}] calls {self.target} something else; "
                f"call it {' or '.join(repr(n) for n in self.names)} (tools/names.py)")


def naming_links(path: Path) -> list[tuple[int, str, str]]:
    """(line, link text, target page) for each link in ``path`` that names a whole page."""
    text = path.read_text(encoding="utf-8")
    out = []
    for match in _LINK.finditer(text):
        label, href, fragment, attrs = match.groups()
        if fragment or (attrs and "md-button" in attrs) or href.startswith(("http:", "https:")):
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        lead = text[line_start:match.start()].strip()
        # "see" may end the line before the link: look back across one line break
        before = text[max(0, line_start - 40):match.start()] if not lead else text[line_start:match.start()]
        if not (_LIST_LEAD.fullmatch(lead) or _NAMING_BEFORE.search(re.sub(r"\s+", " ", before))):
            continue
        target = (path.parent / href).resolve()
        try:
            page = target.relative_to(DOCS.resolve()).as_posix()
        except ValueError:
            continue
        out.append((text.count("\n", 0, match.start()) + 1, label.strip("*").strip(), page))
    return out


def misnamed() -> list[Misnamed]:
    """Every link that names a page by something other than its name or heading."""
    out = []
    for path in sorted(DOCS.rglob("*.md")):
        lang = "en" if path.name.endswith(".en.md") else "zh"
        for line, label, page in naming_links(path):
            allowed = names(page, lang)
            if allowed and not any(_same(label, name) for name in allowed):
                out.append(Misnamed(path.relative_to(DOCS).as_posix(), line, label, page, tuple(sorted(allowed))))
    return out


def shared_names() -> list[str]:
    """Names or headings that two pages share in one language (a name must say which page)."""
    seen: dict[tuple[str, str], str] = {}
    out = []
    for page in nav_names():
        for lang in ("zh", "en"):
            for name in names(page, lang):
                other = seen.setdefault((lang, name.lower()), page)
                if other != page:
                    out.append(f"{lang}: {name!r} names both {other} and {page}")
    return out


@cache
def glossary() -> tuple[dict, ...]:
    return tuple(yaml.safe_load((ROOT / "glossary.yml").read_text(encoding="utf-8")) or ())


def avoided_renderings() -> list[str]:
    """English pages that render a glossary term in a way its entry says to avoid."""
    out = []
    pages = sorted(DOCS.rglob("*.en.md"))
    for entry in glossary():
        for avoid in entry.get("avoid", ()):
            pattern = re.compile(r"(?<![\w-])" + re.escape(avoid) + r"(?![\w-])", re.I)
            for path in pages:
                for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                    if pattern.search(line):
                        out.append(f"docs/{path.relative_to(DOCS).as_posix()}:{no}: {avoid!r} — "
                                   f"{entry['zh']} is {entry['en']!r} in English (glossary.yml)")
    return out


if __name__ == "__main__":
    for problem in [*map(str, misnamed()), *shared_names(), *avoided_renderings()]:
        print(problem)
