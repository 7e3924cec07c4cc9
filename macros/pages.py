"""A page's front matter: the YAML between the two `---` lines at its top.

The one reader of it, for the build (macros/sources.py: which pages cite a
document) and for the editors' checks (tools/content.py).
"""

from __future__ import annotations

from pathlib import Path

import yaml

# libyaml's parser when PyYAML has it (the same documents, about ten times faster)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
    data = yaml.load(text[4:end], Loader=_LOADER) or {}
    return (data if isinstance(data, dict) else None), text[:end].count("\n") + 2


def calculator_index(lang: str, docs: Path) -> str:
    """The calculators' index table: one row for each calculator in the registry.

    Each calculator page gives its row in its front matter (``index: {order,
    question, name}``), so a new calculator lists itself; a registered one whose
    page lacks it fails the build, naming the page.
    """
    from calculators import web

    suffix = ".md" if lang == "zh" else ".en.md"
    rows = []
    for slug in web.CALCULATORS:
        page = docs / "calculators" / f"{slug}{suffix}"
        if not page.is_file():
            raise ValueError(f"calculator_index: {slug} is registered but {page} does not exist")
        data, _ = front_matter(page)
        row = (data or {}).get("index")
        if not isinstance(row, dict) or not {"order", "question", "name"} <= set(row):
            raise ValueError(f"calculator_index: {page} needs 'index: {{order, question, name}}' in its front matter")
        rows.append((row["order"], row["question"], row["name"], slug))
    head = "| 你想知道的 | 计算器 |" if lang == "zh" else "| Your question | Calculator |"
    lines = [head, "| --- | --- |"]
    lines += [f"| {question} | [{name}]({slug}.md) |" for _, question, name, slug in sorted(rows)]
    return "\n".join(lines)
