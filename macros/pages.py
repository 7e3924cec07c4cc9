"""A page's front matter: the YAML between the two `---` lines at its top.

The one reader of it, for the build (macros/sources.py: which pages cite a
document) and for the editors' checks (tools/content.py).
"""

from __future__ import annotations

from pathlib import Path

import yaml


def front_matter(path: Path) -> tuple[dict | None, int]:
    """The front matter of the page at ``path``: see :func:`parse`."""
    return parse(path.read_text(encoding="utf-8"))


def parse(text: str) -> tuple[dict | None, int]:
    r"""(front matter, line number of its closing ``---``); (None, 1) if there is none.

    >>> parse("---\ntitle: 标题\nsources: []\n---\n# 标题\n")
    ({'title': '标题', 'sources': []}, 4)
    >>> parse("# no front matter\n")
    (None, 1)
    """
    if not text.startswith("---\n"):
        return None, 1
    end = text.find("\n---\n", 4)
    if end < 0:
        return None, 1
    data = yaml.safe_load(text[4:end]) or {}
    return (data if isinstance(data, dict) else None), text[:end].count("\n") + 2
