"""The "how we calculate" sections, generated from the calculators themselves
(docstring, field specs) so the page cannot drift from the code."""

from __future__ import annotations

import inspect
from html import escape

from calculators import web


def _limits(f, lang: str) -> str:
    parts = []
    if f.low is not None:
        parts.append(("最小 " if lang == "zh" else "min ") + str(f.low))
    if f.high is not None:
        parts.append(("最大 " if lang == "zh" else "max ") + str(f.high))
    if f.kind == "money" and f.high is None:
        parts.append("最多 1 亿元，两位小数" if lang == "zh" else "up to ¥100,000,000, two decimals")
    if not f.required:
        parts.append("选填" if lang == "zh" else "optional")
    return "，".join(parts) if lang == "zh" else ", ".join(parts)


def section(slug: str, lang: str) -> str:
    """Markdown: the calculator's fields with limits, then its docstring verbatim."""
    module = web.calculator(slug)
    title = module.TITLE[lang]
    head = ("| 输入 | 单位 | 默认 | 范围 |" if lang == "zh" else "| Input | Unit | Default | Limits |")
    rows = [head, "| --- | --- | --- | --- |"]
    fields = list(module.FIELDS)
    for spec in getattr(module, "LISTS", ()):
        fields += list(spec.fields)
    for f in fields:
        cells = [f.label(lang), f.unit_text(lang) or "—", f.default or "—", _limits(f, lang) or "—"]
        rows.append("| " + " | ".join(escape(c).replace("|", "\\|") for c in cells) + " |")
    doc = inspect.getdoc(module) or ""
    label = "程序中的说明（英文原文，含公式和算例）" if lang == "zh" else "From the code (formula and worked example)"
    link = f"../calculators/{slug}.md"
    go = "打开计算器" if lang == "zh" else "Open the calculator"
    return (f"## {title} {{ #{slug} }}\n\n[{go}]({link}){{ .method-open }}\n\n" + "\n".join(rows) +
            f"\n\n??? note method-doc \"{label}\"\n\n" + "\n".join("    " + line if line else "" for line in
                                                     ["```text", *doc.splitlines(), "```"]) + "\n")


def all_sections(lang: str) -> str:
    return "\n".join(section(slug, lang) for slug in web.CALCULATORS)
