"""The text and page of the collection log (催收记录): the counts, the table (CSV), the link that opens the
complaint filled from it, and the log as text to print, copy or download.

The log's text is Chinese (it is attached to a complaint), with an English rendering on English pages,
like every document (views/letters.py). The table above it is in the page's language; its CSV
download is the page script's (calculator.js, the same as every table of a result).
"""

from __future__ import annotations

import json

from .. import wording
from ..collection_log import SLUG, TITLE, Result, complaint_form
from . import html as ui
from . import letters as L
from .letters import fill

COLUMNS = (
    ("n", "序号", "No."), ("date", "日期", "Date"), ("time", "时间", "Time"), ("number", "号码", "Number"),
    ("who", "对方自称", "Who they said they were"), ("said", "说了什么", "What was said"),
    ("third_parties", "联系家人、朋友或单位", "Family, friends or work contacted"),
    ("threats", "威胁", "Threats"), ("insults", "辱骂", "Abuse"),
)
YES = {"zh": ("是", ""), "en": ("yes", "")}


def _ticks_zh(e) -> str:
    said = [zh for key, zh in (("third_parties", "联系了我的家人、朋友或单位"), ("threats", "威胁"),
                               ("insults", "辱骂")) if getattr(e, key)]
    return "；".join(said)


def _ticks_en(e) -> str:
    said = [en for key, en in (("third_parties", "contacted my family, friends or work"), ("threats", "threats"),
                               ("insults", "abuse")) if getattr(e, key)]
    return "; ".join(said)


def _summary(r: Result) -> L.Paragraph:
    if not r.entries:
        return ("还没有记录。", "No entries yet.")
    zh = (f"从{L.date_zh(r.first_date)}到{L.date_zh(r.last_date)}，共记录 {len(r.entries)} 次催收联系："
          f"晚上 22:00 到第二天早上 8:00 之间 {r.night} 次；联系我的家人、朋友或单位 {r.third_parties} 次；"
          f"威胁 {r.threats} 次；辱骂 {r.insults} 次。\n用过的号码：{fill('、'.join(r.numbers))}")
    en = (f"From {L.date_en(r.first_date)} to {L.date_en(r.last_date)}, "
          f"{wording.plural(len(r.entries), 'collection contact')} logged: "
          f"between 22:00 and 08:00: {r.night}; family, friends or work contacted: {r.third_parties}; "
          f"threats: {r.threats}; abuse: {r.insults}.\nNumbers used: {fill(', '.join(r.numbers))}")
    return zh, en


def paragraphs(result: Result) -> list[L.Paragraph]:
    r = result
    i = r.inputs
    out: list[L.Paragraph] = [("【催收记录】", "[Collection log]"),
                              (f"记录人：{fill(i.name)}\n平台或机构：{fill(i.lender)}",
                               f"Kept by: {fill(i.name)}\nLender or platform: {fill(i.lender)}"),
                              _summary(r)]
    for n, e in enumerate(r.entries, 1):
        when_zh = wording.date(e.date, "zh") + (f" {e.time:%H:%M}" if e.time else "")
        when_en = wording.date(e.date, "en") + (f" {e.time:%H:%M}" if e.time else "")
        night_zh, night_en = ("（夜间）", " (at night)") if e.night else ("", "")
        zh = [f"{n}. {when_zh}{night_zh}", f"号码：{fill(e.number)}", f"对方自称：{fill(e.who)}",
              f"说了什么：{fill(e.said)}"]
        en = [f"{n}. {when_en}{night_en}", f"Number: {fill(e.number)}", f"Who they said they were: {fill(e.who)}",
              f"What was said: {fill(e.said)}"]
        if _ticks_zh(e):
            zh.append(f"情况：{_ticks_zh(e)}")
            en.append(f"What happened: {_ticks_en(e)}")
        out.append(("\n".join(zh), "\n".join(en)))
    return out


def _row(n: int, e, lang: str) -> list[str]:
    yes = YES[lang]
    return [str(n), e.date.isoformat(), f"{e.time:%H:%M}" if e.time else "", e.number or "", e.who or "",
            e.said or "", *(yes[0] if getattr(e, key) else yes[1] for key in ("third_parties", "threats", "insults"))]


def _complaint_link(result: Result, lang: str) -> str:
    pairs = json.dumps(sorted(complaint_form(result).items()), ensure_ascii=False)
    label = wording.pick(lang, "用这些记录打开投诉材料（已经填好次数、日期和号码）",
                         "Open the complaint filled from this log (counts, dates and numbers)")
    return (f'<p class="calc-log-complaint"><a href="../../letters/complaint/" data-carry="{ui.esc(pairs)}">'
            f"{ui.esc(label)}</a></p>")


def _table(result: Result, lang: str) -> str:
    if not result.entries:
        return ui.paragraph(wording.pick(lang, "还没有记录。在上面填第一条：日期必填，其他知道多少写多少。",
                                         "No entries yet. Fill in the first one above: the date is needed, "
                                         "the rest as far as you know."))
    columns = [(key, zh if lang == "zh" else en) for key, zh, en in COLUMNS]
    rows = [_row(n, e, lang) for n, e in enumerate(result.entries, 1)]
    caption = wording.pick(lang, "催收记录（按时间排列）", "Collection log (in time order)")
    return ui.table("log", columns, rows, caption, lang, numeric=[False] * len(columns))


def text(result: Result) -> str:
    return L.plain(paragraphs(result))


def render(result: Result, lang: str, data: dict | None = None) -> str:
    r = result
    harmed = sum(1 for e in r.entries if e.threats or e.insults)
    figures = ui.figures([
        ui.figure("times", wording.pick(lang, "记录的次数", "Contacts logged"), str(len(r.entries)),
                  str(len(r.entries))),
        ui.figure("night", wording.pick(lang, "晚上 22:00 到早上 8:00", "Between 22:00 and 08:00"), str(r.night),
                  str(r.night)),
        ui.figure("third_parties", wording.pick(lang, "联系家人、朋友或单位", "Family, friends or work contacted"),
                  str(r.third_parties), str(r.third_parties)),
        ui.figure("threats", wording.pick(lang, "威胁或辱骂", "Threats or abuse"), str(harmed), str(harmed)),
    ])
    page = L.render(SLUG, TITLE["zh"], paragraphs(r), lang)
    head = figures + _table(r, lang) + (_complaint_link(r, lang) if r.entries else "")
    # the counts, the table and the complaint link first; then the log as text (print, copy, .txt)
    marker = f'<div class="letter" data-letter-slug="{SLUG}">'
    return page.replace(marker, head + marker, 1)
