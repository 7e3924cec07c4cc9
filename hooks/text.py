"""Each page's HTML, after Markdown: Chinese line breaks joined, glossary tooltips added."""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_CJK_BREAK = re.compile(f"(?<=[{_CJK}])\n[ \t]*(?=[{_CJK}])")
_PRE = re.compile(r"(<pre\b.*?</pre>)", re.S)


def join_cjk_lines(html: str) -> str:
    r"""Markdown keeps an author's line breaks, and a browser shows a line break
    between two Chinese characters as a stray space: join such lines (not in <pre>).

    >>> join_cjk_lines("<p>第一行\n第二行</p><li>一。\n   二</li><pre>代码\n保留</pre>")
    '<p>第一行第二行</p><li>一。二</li><pre>代码\n保留</pre>'
    """
    parts = _PRE.split(html)
    return "".join(p if p.startswith("<pre") else _CJK_BREAK.sub("", p) for p in parts)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Chinese lines joined; tooltips on the first use of each glossary term
    (not on the glossary page itself)."""
    from macros import glossary  # imported per build: see hooks/__init__.py

    html = join_cjk_lines(html)
    url = page.url or ""
    if url.rstrip("/").endswith("reference/glossary"):
        return html
    return glossary.annotate(html, "en" if url.startswith("en/") else "zh")
