"""What every document's view shares: blanks, the plain text, and the page's HTML.

A document is a list of paragraphs, each a pair ``(zh, en)``: the Chinese text
that is sent, and an English rendering shown beside it on English pages. A
paragraph may hold line breaks (``\\n``); paragraphs are separated by a blank
line in the plain text. What the reader typed goes in as typed; what they left
empty shows as ``BLANK``. The plain text (``plain``) is what copy, print and
the .txt download use, exactly; the HTML escapes every character of it.

>>> paras = [("协商还款申请", "Request to agree a repayment plan"), (f"我是{fill(None)}。", f"I am {fill(None)}.")]
>>> plain(paras)
'协商还款申请\\n\\n我是＿＿＿＿。'
>>> fill("<b>张三</b>")
'<b>张三</b>'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal

from .. import wording
from . import html as ui

BLANK = "＿＿＿＿"
DATE_BLANK = "＿＿＿＿年＿＿月＿＿日"

Paragraph = tuple[str, str]

# The buttons and their messages, in the page's language (the JS holds no words).
UI = {
    "zh": {
        "copy": "复制全文", "print": "打印", "download": "下载 .txt 文件",
        "copied": "已复制。可以粘贴到 App 的在线客服、工单或邮件里。",
        "copy_failed": "没能自动复制：请长按下面的文字，全选后复制。",
        "saved": "已下载。文件在手机或电脑的“下载”文件夹里。",
        "letter": "要发出的文字", "pairs": "要发出的中文文字和英文对照",
        "blanks": "＿＿＿＿ 是还没填的地方：可以在上面的表格里填，也可以复制后自己补上。",
        "zh_head": "中文（发给对方）", "en_head": "英文对照（只给你看）",
        "plain": "全文（可以选中复制）",
    },
    "en": {
        "copy": "Copy the text", "print": "Print", "download": "Download as .txt",
        "copied": "Copied. Paste it into the app's online service chat, a ticket or an email.",
        "copy_failed": "Could not copy automatically: press and hold the text below, select all and copy.",
        "saved": "Downloaded. The file is in your phone's or computer's Downloads folder.",
        "letter": "The text to send", "pairs": "The Chinese text to send, with an English rendering",
        "blanks": "＿＿＿＿ marks what is not filled in yet: fill it in the form above, or by hand after copying.",
        "zh_head": "Chinese (what you send)", "en_head": "English rendering (for you only)",
        "plain": "The whole text (select it to copy)",
    },
}


def fill(value: object, show: Callable[[object], str] = str) -> str:
    """The value as it reads in the letter, or a visible blank when it is empty."""
    if value is None or value == "":
        return BLANK
    return show(value)


def money_zh(value: Decimal | None) -> str:
    """Money after a Chinese word: `` 5,000.00 元`` (a space before the figure), blank ``＿＿＿＿元``."""
    return f"{BLANK}元" if value is None else f" {wording.money(value, 'zh')}"


def money_en(value: Decimal | None) -> str:
    return fill(value, lambda v: wording.money(v, "en"))


def date_zh(value: dt.date | None) -> str:
    return DATE_BLANK if value is None else wording.date(value, "zh")


def date_en(value: dt.date | None) -> str:
    return DATE_BLANK if value is None else wording.date(value, "en")


def plain(paragraphs: Sequence[Paragraph]) -> str:
    """The Chinese text to send: paragraphs separated by a blank line, no trailing space."""
    return "\n\n".join(zh.strip("\n") for zh, _ in paragraphs if zh)


def _html_para(text: str, cls: str, lang_attr: str) -> str:
    body = "<br>".join(ui.esc(line) for line in text.split("\n"))
    body = body.replace(BLANK, f'<span class="letter-blank">{BLANK}</span>')
    return f'<p class="{cls}" lang="{lang_attr}">{body}</p>'


def render(slug: str, title_zh: str, paragraphs: Sequence[Paragraph], lang: str,
           before: Sequence[str] = (), after: Sequence[str] = ()) -> str:
    """The page's HTML: the buttons, then the Chinese text (zh pages) or the Chinese text with
    its English rendering paragraph by paragraph (en pages), then the exact text, hidden, for
    the page's script. ``before``/``after`` are notes in the page's language around the letter."""
    words = UI[lang]
    text = plain(paragraphs)
    actions = (
        f'<div class="letter-actions" data-msg-copied="{ui.esc(words["copied"])}" '
        f'data-msg-copy-failed="{ui.esc(words["copy_failed"])}" data-msg-saved="{ui.esc(words["saved"])}">'
        f'<button type="button" class="calc-button" data-letter-action="copy">{ui.esc(words["copy"])}</button>'
        f'<button type="button" class="calc-button" data-letter-action="print">{ui.esc(words["print"])}</button>'
        f'<button type="button" class="calc-button" data-letter-action="download" '
        f'data-filename="{ui.esc(title_zh)}.txt">{ui.esc(words["download"])}</button>'
        '<p class="letter-status" role="status"></p></div>'
    )
    shown = [zh_en for zh_en in paragraphs if zh_en[0]]
    if lang == "zh":
        body = "".join(_html_para(zh, "letter-p", "zh-CN") for zh, _ in shown)
        letter = f'<article class="letter-body" lang="zh-CN" aria-label="{ui.esc(words["letter"])}">{body}</article>'
    else:
        rows = "".join(
            f'<div class="letter-pair">{_html_para(zh, "letter-p letter-zh", "zh-CN")}'
            f'{_html_para(en, "letter-p letter-en", "en")}</div>'
            for zh, en in shown
        )
        head = (f'<div class="letter-pair letter-pair-head" aria-hidden="true"><p class="letter-zh">'
                f'{ui.esc(words["zh_head"])}</p><p class="letter-en">{ui.esc(words["en_head"])}</p></div>')
        letter = (f'<article class="letter-body letter-bilingual" aria-label="{ui.esc(words["pairs"])}">'
                  f'{head}{rows}</article>')
    notes_before = ui.notes(list(before), "calc-notes letter-notes") if before else ""
    blanks = ui.paragraph(words["blanks"], "letter-hint") if BLANK in text else ""
    notes_after = ui.notes(list(after), "calc-notes letter-notes") if after else ""
    exact = f'<pre class="letter-plain" hidden>{ui.esc(text)}</pre>'
    return ui.result(
        lang,
        f'<div class="letter" data-letter-slug="{ui.esc(slug)}">',
        notes_before, actions, blanks, letter, exact, notes_after,
        "</div>",
    )


def letter_view(slug: str, title_zh: str, paragraphs: Callable[[object], list[Paragraph]],
                before: Sequence[Paragraph] | Callable[[object, str], list[str]]) -> tuple:
    """A letter's ``text(result)`` and ``render(result, lang, data=None)``: ``paragraphs(result)`` is the
    letter; ``before`` the notes above it, as (zh, en) pairs or a function of (result, lang) that
    gives them in the page's language."""

    def text(result: object) -> str:
        return plain(paragraphs(result))

    def render_page(result: object, lang: str, data: dict | None = None) -> str:
        notes = before(result, lang) if callable(before) else [wording.pick(lang, zh, en) for zh, en in before]
        return render(slug, title_zh, paragraphs(result), lang, before=notes)

    return text, render_page


def cause_pair(cause: str | None, detail: str | None) -> Paragraph:
    """“还不上的原因是：……” with the chosen cause and the reader's own line."""
    from ..letters_common import CAUSES
    names = {key: (zh, en) for key, zh, en in CAUSES}
    if cause and cause != "other":
        zh, en = names[cause]
        zh_text = zh + (f"。{detail}" if detail else "")
        en_text = en + (f". {detail}" if detail else "")
    elif detail:
        zh_text = en_text = detail
    else:
        zh_text = en_text = BLANK
    return (f"还不上的原因是：{zh_text}。", f"The reason I cannot pay: {en_text}.")


def signature(name: str | None, day: dt.date | None) -> list[Paragraph]:
    return [(fill(name), fill(name)), (date_zh(day), date_en(day))]
