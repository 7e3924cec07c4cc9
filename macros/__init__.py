"""Build-time glue for the macros plugin: widgets and computed figures in pages.

Editors write, in any Markdown page:

    {{ calculator("repayment") }}
    {{ calculator("repayment", principal="5000", months="12") }}
    {{ letter("complaint") }}   → a document builder (a letter filled from its fields)
    {{ calc("repayment", "total_interest", principal="5000") }}   → the figure as a reader sees it
    {{ lpr() }}  {{ lpr_date() }}  {{ judicial_cap() }}  {{ cost_line("24") }}
    {{ setting("affordability", "COMFORT_LINE") }}   → a calculator's own constant, as plain text
    {{ calculator_index() }}   → the table of every calculator, from the registry and each page's `index`
    {{ situation_store() }}   → my situation's "keep on this device" panel (docs/calculators/plan*.md)

Every number comes from calculators/ (the same code the browser runs).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from macros import glossary, method, pages, quality, sources, store, widgets

ROOT = Path(__file__).resolve().parent.parent


def define_env(env) -> None:
    """Register the functions pages may call."""

    def lang() -> str:
        page = env.page
        url = getattr(page, "url", "") or ""
        return "en" if url == "en/" or url.startswith("en/") else "zh"

    @env.macro
    def calculator(slug: str, **presets: str) -> str:
        return widgets.widget(slug, lang(), presets, page_key=getattr(env.page, "url", ""))

    @env.macro
    def letter(slug: str) -> str:
        """A document builder (calculators/letters_*.py): the widget, marked as a letter for letter.js."""
        html = widgets.widget(slug, lang(), {}, page_key=getattr(env.page, "url", ""), letter=True)
        return f'<div class="letter-builder" data-letter="{slug}">{html}</div>'

    @env.macro
    def situation_store(part: str = "situation") -> str:
        """My situation's "keep on this device" panel (situation.js); ``part="log"`` on the collection log."""
        return store.panel(lang(), part)

    @env.macro
    def calc(slug: str, field: str, **form: str) -> str:
        return widgets.value(slug, field, lang(), form)

    @env.macro
    def setting(slug: str, name: str) -> str:
        return widgets.setting_text(slug, name)

    @env.macro
    def glossary_list() -> str:
        return glossary.page(lang())

    @env.macro
    def regulations() -> str:
        return sources.page(lang(), ROOT / "docs" / env.page.file.src_uri)

    @env.macro
    def calculator_index() -> str:
        return pages.calculator_index(lang(), ROOT / "docs")

    @env.macro
    def methods() -> str:
        return method.all_sections(lang())

    @env.macro
    def quality_report() -> str:
        # the build's day (moved by TEST_TODAY under tools.clock): which facts are past their re-check date
        return quality.report(lang(), dt.date.today())

    @env.macro
    def lpr() -> str:
        return widgets.lpr_text()

    @env.macro
    def lpr_date() -> str:
        return widgets.lpr_date_text()

    @env.macro
    def lpr_checked() -> str:
        return widgets.lpr_checked_text()

    @env.macro
    def judicial_cap(date: str = "") -> str:
        return widgets.judicial_cap_text(date)

    @env.macro
    def cost_line(name: str) -> str:
        return widgets.cost_line_text(name)

    @env.macro
    def fact(section: str, key: str) -> str:
        return widgets.fact_text(section, key, lang())
