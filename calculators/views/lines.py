"""The sentences that place a yearly rate against the cost lines of ``lines.py``."""

from __future__ import annotations

from decimal import Decimal

from .. import wording
from ..lines import Line, entry
from ..money import percent_text


def label(line: Line, lang: str) -> str:
    if line.name == "judicial_cap":
        return "民间借贷司法保护上限" if lang == "zh" else "the private-lending cap"
    key = line.name.removeprefix("line_")
    return f"年化 {key}% 线" if lang == "zh" else f"the {key}% line"


def detail(line: Line, lang: str) -> str:
    if line.lpr is None or line.lpr_day is None:
        return ""
    lpr, day = percent_text(line.lpr), wording.date(line.lpr_day, lang)
    if lang == "zh":
        return f"即 {day} 起执行的一年期 LPR {lpr}% 的 4 倍"
    return f"4 × the one-year LPR of {lpr}% in force from {day}"


def explain(rate: Decimal, lines: list[Line], lang: str) -> list[str]:
    """One plain sentence a line: where the rate stands and whom the line binds. The 36% line is
    history (issue 11): it is given as context, never as above or below."""
    out = []
    shown = percent_text(rate)
    for x in lines:
        binds = entry(x)[f"binds_{lang if lang == 'zh' else 'en'}"]
        more = detail(x, lang)
        if x.name == "line_36":
            # history, not a threshold for licensed lenders: context without a verdict
            out.append(f"作为对照：{binds}。" if lang == "zh" else f"For comparison: {binds}.")
            continue
        if lang == "zh":
            where = "高于" if x.above else "没有超过"
            more = f"（{more}）" if more else ""
            out.append(f"{shown}% {where}{label(x, lang)} {percent_text(x.rate)}%{more}。{binds}。")
        else:
            where = "above" if x.above else "not above"
            more = f" ({more})" if more else ""
            out.append(f"{shown}% is {where} {label(x, lang)} of {percent_text(x.rate)}%{more}. {binds}.")
    return out
