"""Links from a result to the site's own pages.

A result fragment is the same HTML wherever the calculator sits, and every page
that holds one is two levels below its language's root (``calculators/<slug>/``,
``guides/<name>/``; zh at ``/``, en at ``/en/``), so ``../../`` is that root on
every one of them and the link stays in the reader's language.
"""

from __future__ import annotations

from collections.abc import Sequence

from .html import esc

# page key -> path below the language root
PAGES = {
    "negotiate": "guides/negotiate/",
    "negotiation": "calculators/negotiation/",
    "illegal-lending": "guides/illegal-lending/",
    "enforcement": "guides/enforcement/",
    "malicious-overdraft": "guides/credit-card/#malicious-overdraft",
    "overdue-costs": "guides/overdue-costs/",
}


def link(page: str, text: str) -> str:
    """``<a>`` to one of ``PAGES``.

    >>> link("negotiate", "协商")
    '<a href="../../guides/negotiate/">协商</a>'
    """
    return f'<a href="../../{PAGES[page]}">{esc(text)}</a>'


def paragraph(lead: str, items: Sequence[tuple[str, str]], cls: str = "calc-links") -> str:
    """A line of text followed by links: ``lead`` then each (page, text)."""
    return f'<p class="{cls}">{esc(lead)} ' + " · ".join(link(p, s) for p, s in items) + "</p>"
