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
DATE_BLANK = "＿＿＿＿年＿＿月＿＿日"  # in the Chinese text that is sent
DATE_BLANK_EN = f"{BLANK} (date)"  # in the English rendering: no Chinese on an English page

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


def count_en(value: int | None, unit: str) -> str:
    """A count in the English rendering (``wording.count``): ``1 instalment``, ``36 instalments``; left
    empty, a blank before the plural: ``＿＿＿＿ instalments``."""
    if value is None or value == "":
        return f"{BLANK} {wording.plural(2, unit).split(' ', 1)[1]}"
    return wording.count(value, unit, "en")


def money_zh(value: Decimal | None) -> str:
    """Money after a Chinese word: `` 5,000.00 元`` (a space before the figure), blank ``＿＿＿＿元``."""
    return f"{BLANK}元" if value is None else f" {wording.money(value, 'zh')}"


def money_en(value: Decimal | None) -> str:
    return fill(value, lambda v: wording.money(v, "en"))


def date_zh(value: dt.date | None) -> str:
    return DATE_BLANK if value is None else wording.date(value, "zh")


def date_en(value: dt.date | None) -> str:
    return DATE_BLANK_EN if value is None else wording.date(value, "en")


def plain(paragraphs: Sequence[Paragraph]) -> str:
    """The Chinese text to send: paragraphs separated by a blank line, no trailing space."""
    return "\n\n".join(zh.strip("\n") for zh, _ in paragraphs if zh)


def _html_para(text: str, cls: str, lang_attr: str) -> str:
    body = "<br>".join(ui.esc(line) for line in text.split("\n"))
    body = body.replace(BLANK, f'<span class="letter-blank">{BLANK}</span>')
    return f'<p class="{cls}" lang="{lang_attr}">{body}</p>'


def render(slug: str, title_zh: str, paragraphs: Sequence[Paragraph], lang: str,
           before: Sequence[str] = (), after: Sequence[str] = (), caution: str = "") -> str:
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
        caution, notes_before, actions, blanks, letter, exact, notes_after,
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
        box = caution_box(getattr(result, "cautions", ()), lang)
        return render(slug, title_zh, paragraphs(result), lang, before=notes, caution=box)

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


# Every letter that states a debt or proposes a plan ends with this: it asks without conceding.
RESERVATION: Paragraph = (
    "说明：本函中的金额是我按账单和记录理解的数字，具体以双方核对一致的为准。本函不代表我确认贵方主张的"
    "欠款金额、利息、罚息、违约金和其他费用，我保留法律规定的全部权利和抗辩。",
    "Note: the amounts in this letter are my reading of the statements and records; the figures are those both "
    "sides agree after checking. This letter does not confirm the amount, interest, penalties, fees or other "
    "charges you claim, and I keep every right and defence the law gives me.",
)

# The same, for a letter that states no amount.
RESERVATION_NO_AMOUNTS: Paragraph = (
    "说明：本函不代表我确认贵方主张的欠款金额、利息、罚息、违约金和其他费用，我保留法律规定的全部权利和抗辩。",
    "Note: this letter does not confirm the amount, interest, penalties, fees or other charges you claim, and I "
    "keep every right and defence the law gives me.",
)

# The guideline of the China Banking Association binds its members (banks, consumer-finance companies).
GUIDELINE_NAME = ("中国银行业协会《金融机构个人消费类贷款催收工作指引（试行）》（2026 年 1 月 30 日发布）",
                  "The China Banking Association's guideline on collecting personal consumer loans (published "
                  "30 January 2026)")
PIPL_10: Paragraph = (
    "《中华人民共和国个人信息保护法》第十条规定：“任何组织、个人不得非法收集、使用、加工、传输他人个人信息，"
    "不得非法买卖、提供或者公开他人个人信息”；第十三条规定，符合该条所列情形之一的，"
    "“个人信息处理者方可处理个人信息”。",
    "Article 10 of the Personal Information Protection Law of the People's Republic of China says: “No "
    "organisation or individual may unlawfully collect, use, process or transmit another person's personal "
    "information, or unlawfully trade, provide or disclose another person's personal information”; article "
    "13 says that “a personal information processor may process personal information only” in one of the "
    "cases it lists.",
)


def legal_hooks(kind: str | None, guideline: Paragraph) -> list[Paragraph]:
    """The rules a collection letter cites, by who lent: the banking association's guideline binds its
    members only (banks, consumer-finance companies); every lender and collector is bound by the
    Personal Information Protection Law. Not sure who lent: both, the guideline said to bind members."""
    if kind in ("bank", "consumer_finance"):
        return [guideline, PIPL_10]
    if kind in (None, "", "unknown"):
        return [PIPL_10, ("如果贷款人是银行或消费金融公司，" + guideline[0],
                          "If the lender is a bank or a consumer-finance company: " + guideline[1])]
    return [PIPL_10]


# Why to stop before sending a letter that promises payment (letters_common.cautions), in the page's words.
CAUTIONS = {
    "unlicensed": (
        "你选的是“没有放贷资格、专门放贷的人或公司”。这样借出的钱，借款合同可能无效"
        "（法释〔2020〕17号 第十三条第三项）。写信承认欠款、承诺还款，可能被对方拿去当作证据。",
        "You chose “an unlicensed lender in the business of lending”. A loan contract made by such a lender may be "
        "void (Supreme People's Court, Fa Shi [2020] No. 17, article 13(3)). A letter that accepts the debt or "
        "promises to pay could be used against you.",
    ),
    "trap": (
        "你说对方像套路贷或非法放贷。这种情况先别承认任何金额：保留合同、转账记录和聊天记录，可以向 110 报警。",
        "You said it looks like a loan trap or illegal lending. Do not accept any amount yet: keep the contract, "
        "the transfer records and the messages, and you can report it to the police on 110.",
    ),
    "old": (
        "你填的最后一次还款（没填的，按逾期天数或对方最后一次催款，取更早的那个）已经是三年前或更早。借款一般有三年的诉讼时效"
        "（《民法典》第一百八十八条）。三年还没过完时对方催过你，三年从催款那天重新算（第一百九十五条），"
        "所以不一定已经过了；但三年过完以后再催，不会让时效重新开始。这封信提出还款，会被看作“同意履行”"
        "（最高法诉讼时效规定第十四条）：还没过的，三年从头算；已经过了的，发出以后就不能再用时效抗辩"
        "（《民法典》第一百九十二条第二款；诉讼时效规定第十九条）。",
        "The last payment you entered (or, if none, the days overdue or the lender's last demand, whichever is "
        "earlier) was three or more years ago. There "
        "is usually a three-year time limit for suing over a loan (Civil Code, article 188). A demand made while "
        "the three years were still running starts them again from that day (article 195), so the limit may not "
        "have run out; but a demand made after the three years ended does not restart it. This letter offers to "
        "pay, which counts as agreeing to pay (Supreme People's Court rules on limitation, article 14): if the "
        "limit has not run out, the three years start again; if it has, you can no longer rely on it once you "
        "send this (Civil Code, article 192, second paragraph; the same rules, article 19).",
    ),
}
CAUTION_HEAD = ("发这封信之前，先停一下", "Before you send this letter, stop and check")
CAUTION_ASK = (
    "先免费问一下：12348 公共法律服务热线，或当地的法律援助中心。问清楚再决定发不发、怎么写。",
    "Ask first, for free: the 12348 public legal service line, or your local legal aid centre. Decide whether "
    "and how to send it after that.",
)
# Above letters whose written answer from the lender would be a demand it can prove reached the
# reader (民法典 第一百九十五条第一项; 诉讼时效规定 第八条), and a reminder of the one paper never to
# sign once three years have passed (诉讼时效规定 第十九条第三款).
REPLY_IS_A_DEMAND = (
    "对方按这封信书面答复“欠多少”或要你还款，就是一次能证明送到你手上的催款：三年还没过完的，诉讼时效从答复送到那天"
    "重新算（《民法典》第一百九十五条第一项；最高法诉讼时效规定第八条）。最后一次还款快满三年的，先打 12348 问一问再发。"
    "已经满三年的，对方再催不会让时效重新开始；但对方寄来的催收通知单、还款确认书不要签字（诉讼时效规定第十九条第三款）。"
    "对方寄来债权转让通知的，三年还没过完的，也从通知送到那天重新算（诉讼时效规定第十七条）。",
    "If the lender answers this letter in writing with what it says you owe, or asks you to pay, that is a demand "
    "it can prove reached you: if the three years are still running, they start again from the day its answer "
    "arrives (Civil Code art. 195(1); SPC rules on limitation art. 8). If your last payment was nearly three years "
    "ago, call 12348 before sending. If three years have already passed, a new demand does not restart them, but "
    "do not sign any collection notice or repayment confirmation they send (SPC rules on limitation art. 19, "
    "third paragraph). An assignment notice they send also restarts a period still running, from the day it "
    "reaches you (SPC rules on limitation art. 17).",
)

# Above every letter that promises payment or proposes a plan, whatever the answers.
PROMISE_NOTE = (
    "这封信提出还款方案或请求延期，会被看作你同意还这笔钱（最高法诉讼时效规定第十四条）：诉讼时效（一般三年）"
    "从发出时重新计算；如果三年已经过了，发出以后就不能再用时效抗辩（《民法典》第一百九十二条第二款）。"
    "最后一次还款已经是三年前或更早，或者对方可能没有放贷资格的，先打 12348 问一问再决定；"
    "也可以先在上面的表格里填“最后一次还款”等几项，看看提示。",
    "This letter proposes a way to repay or asks for more time, which counts as agreeing to pay (Supreme "
    "People's Court rules on limitation, article 14): the time limit for suing (usually three years) starts "
    "again when you send it, and if it had already run out you can no longer rely on it (Civil Code, article "
    "192, second paragraph). If your last payment was three or more years ago, or the lender may have no "
    "licence, call 12348 first; or fill in “last payment” and the other questions above and read what it says.",
)


def caution_box(cautions: Sequence[str], lang: str) -> str:
    """The stop-and-ask box shown before the letter, or nothing when there is no reason to stop."""
    if not cautions:
        return ""
    items = "".join(f"<li>{ui.esc(wording.pick(lang, *CAUTIONS[key]))}</li>" for key in cautions)
    return (f'<div class="letter-caution admonition warning" role="note" data-cautions="{ui.esc(" ".join(cautions))}">'
            f'<p class="admonition-title">{ui.esc(wording.pick(lang, *CAUTION_HEAD))}</p>'
            f'<ul>{items}</ul><p>{ui.esc(wording.pick(lang, *CAUTION_ASK))}</p></div>')


def signature(name: str | None, day: dt.date | None) -> list[Paragraph]:
    return [(fill(name), fill(name)), (date_zh(day), date_en(day))]
