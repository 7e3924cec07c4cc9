"""The calculators' part of the navigation comes from the registry (calculators/web.py).

mkdocs.yml's nav holds the "计算器" section with its index page only; before
each build this hook adds one entry per registered calculator, so a new
calculator needs no line in mkdocs.yml. Each calculator page says in its front
matter where it stands and what the navigation calls it::

    nav:  # its entry under 计算器 (hooks/nav.py)
      order: 3
      title: 逾期费用

The Chinese page's title is the entry; the English page's title is added to the
i18n plugin's nav_translations for English (the plugin keeps an entry's
Chinese title when it finds no translation). A registered calculator whose
pages lack the key fails the build, naming the page.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

SECTION = "计算器"


def entries(docs: Path) -> list[tuple[str, str, str]]:
    """(Chinese title, English title, page path) for each registered calculator, in nav order."""
    from calculators import web
    from macros.pages import front_matter

    rows = []
    for slug in web.CALCULATORS:
        titles = []
        order = None
        for suffix in (".md", ".en.md"):
            page = docs / "calculators" / f"{slug}{suffix}"
            if not page.is_file():
                raise ValueError(f"hooks/nav.py: {slug} is registered but {page} does not exist")
            nav = (front_matter(page)[0] or {}).get("nav")
            if not isinstance(nav, dict) or not {"order", "title"} <= set(nav):
                raise ValueError(f"hooks/nav.py: {page} needs 'nav: {{order, title}}' in its front matter")
            titles.append(str(nav["title"]))
            order = nav["order"] if order is None else order
        rows.append((order, titles[0], titles[1], f"calculators/{slug}.md"))
    return [row[1:] for row in sorted(rows)]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Fill the 计算器 section of the nav and the English nav translations (again on every build)."""
    section = next((item for item in config.nav or [] if isinstance(item, dict) and SECTION in item), None)
    if section is None:
        raise ValueError(f"hooks/nav.py: mkdocs.yml's nav has no '{SECTION}' section")
    rows = entries(Path(config.docs_dir))
    pages = {path for _, _, path in rows}
    kept = [entry for entry in section[SECTION]
            if not (isinstance(entry, dict) and set(entry.values()) <= pages)]
    section[SECTION] = kept + [{zh: path} for zh, _, path in rows]
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        english = i18n.get_language_config("en")
        if english.nav_translations is None:
            english.nav_translations = {}
        english.nav_translations.update({zh: en for zh, en, _ in rows})
    return config
