"""The text and page of complaint (投诉材料): where to send it, the complaint, the evidence list, a call script.

Channels and wording follow docs/guides/collection-rights.md."""

from __future__ import annotations

from .. import wording
from ..letters_complaint import EVENTS, KINDS, SLUG, TITLE, Result
from . import letters as L
from .letters import BLANK, fill

CHANNELS = {
    "12378": ("国家金融监督管理总局 12378 银行保险消费者投诉维权热线（银行、消费金融公司）",
              "12378, the NFRA's consumer complaint line (banks, consumer-finance companies)"),
    "12345": ("当地 12345 政务服务便民热线（拿不准归谁管时，由热线转给主管部门）",
              "Your local 12345 government service line (when unsure who supervises the lender; it passes it on)"),
    "local_regulator": ("当地地方金融管理局，或当地 12345 政务服务便民热线（小额贷款公司由地方金融管理部门监管）",
                        "The local financial regulatory bureau, or the local 12345 line (small-loan companies are "
                        "supervised locally)"),
    "12321": ("12321 网络不良与垃圾信息举报受理中心（骚扰电话、骚扰短信）",
              "12321, the reporting centre for harassing calls and messages"),
    "nifa": ("中国互联网金融协会互联网金融举报信息平台（网上举报）",
             "The National Internet Finance Association's reporting platform (online)"),
    "110": ("110：威胁人身安全、伪造法律文书或冒充公检法，直接报警",
            "110: for threats, fake legal papers or people posing as police or a court, call the police"),
}

EVIDENCE = {
    "always": [("通话记录截图（能看到号码和时间）", "Screenshots of the call log (numbers and times visible)"),
               ("通话录音", "Call recordings"),
               ("短信、微信、App 消息截图（带号码和时间）", "Screenshots of texts, WeChat and app messages "
                "(with numbers and times)"),
               ("自己记的时间表：日期、时间、号码、对方自称谁、说了什么", "Your own log: date, time, number, who "
                "they said they were, what they said"),
               ("借款合同或账单截图", "The loan contract or a statement")],
    "third_parties": [("家人、朋友、同事收到的消息截图或他们的说明", "Messages your family, friends or colleagues "
                       "received, or their account of it")],
    "fake_legal": [("收到的“律师函”“传票”等文书的照片", "Photos of the “lawyer's letters” or court papers you "
                    "received")],
    "public_posting": [("张贴或发布内容的照片、截图，以及地点和网址", "Photos or screenshots of what was posted, "
                        "with the place or web address")],
    "threats": [("威胁内容的录音或截图", "Recordings or screenshots of the threats")],
}


def evidence(result: Result) -> list[tuple[str, str]]:
    items = list(EVIDENCE["always"])
    for key in ("threats", "third_parties", "fake_legal", "public_posting"):
        if key in result.events:
            items += EVIDENCE[key]
    return items


GUIDELINE: L.Paragraph = (
    L.GUIDELINE_NAME[0] + "对催收的时间、对象和方式提出了要求，例如未经同意不在晚上 22:00 到第二天早上 8:00 催收，"
    "原则上不向与债务无关的人催收，不得恐吓、辱骂、威胁，不得冒用司法机关、行政机关的名义。",
    L.GUIDELINE_NAME[1] + " sets rules on when, from whom and how debts are collected: for example, no "
    "collection from 22:00 to 08:00 without consent, in principle no collection from people unrelated to the "
    "debt, no intimidation, abuse or threats, and no use of the name of a court or government body.",
)


def paragraphs(result: Result) -> list[L.Paragraph]:
    i = result.inputs
    kinds = {k: (zh, en) for k, zh, en in KINDS}
    kind_zh, kind_en = kinds[i.lender_kind] if i.lender_kind not in (None, "unknown") else ("不清楚", "not sure")
    lender = fill(i.lender)
    out: list[L.Paragraph] = [("【投诉材料】", "[Complaint]")]
    out.append((
        f"投诉人：{fill(i.name)}，手机号：{fill(i.phone)}\n"
        f"被投诉机构：{lender}（机构类型：{kind_zh}）\n借款合同编号：{fill(i.loan_number)}",
        f"Complainant: {fill(i.name)}, phone: {fill(i.phone)}\n"
        f"Complaint against: {lender} (kind of lender: {kind_en})\nContract number: {fill(i.loan_number)}",
    ))
    times_zh = f"，大约 {i.times} 次" if i.times else ""
    times_en = f", about {wording.count(i.times, 'time', 'en')}" if i.times else ""
    out.append((
        f"从{L.date_zh(i.first_date)}到{L.date_zh(i.last_date)}，{fill(i.collector)}"
        f"用 {fill(i.numbers)} 向我催收{times_zh}。其中有以下做法：",
        f"From {L.date_en(i.first_date)} to {L.date_en(i.last_date)}, {fill(i.collector)} pursued me for the debt "
        f"from {fill(i.numbers)}{times_en}. This included:",
    ))
    chosen = [(zh, en) for name, zh, en in EVENTS if name in result.events]
    if chosen:
        out.append(("\n".join(f"{n}. {zh}；" if n < len(chosen) else f"{n}. {zh}。"
                              for n, (zh, _) in enumerate(chosen, 1)),
                    "\n".join(f"{n}. {en};" if n < len(chosen) else f"{n}. {en}."
                              for n, (_, en) in enumerate(chosen, 1))))
    else:
        out.append((BLANK, BLANK))
    if i.detail:
        out.append((f"其他情况：{i.detail}", f"Other details: {i.detail}"))
    out.extend(L.legal_hooks(i.lender_kind, GUIDELINE))
    out.append((
        "不论欠款多少、是否有争议，催收都应当合法。我请求：核实上述情况，要求该机构及其委托的催收方停止上述做法，"
        "并把处理结果告诉我。证据见下面的清单，可以按要求提供。本投诉不代表我确认该机构主张的欠款金额、利息和费用。",
        "Whatever is owed, and whether or not it is disputed, collection must be lawful. I ask you to look into the "
        "above, to require the lender and any collector acting for it to stop these practices, and to tell me the "
        "outcome. The evidence is listed below and can be provided on request. This complaint does not confirm "
        "the amount, interest or fees the lender claims.",
    ))
    out.extend(L.signature(i.name, i.letter_date))
    out.append(("【证据清单】", "[Evidence checklist]"))
    items = evidence(result)
    out.append(("\n".join(f"□ {zh}" for zh, _ in items), "\n".join(f"□ {en}" for _, en in items)))
    out.append(("【打电话时可以这样说】", "[What to say on the phone]"))
    what_zh = "、".join(zh for zh, _ in chosen) if chosen else BLANK
    what_en = "; ".join(en.lower() for _, en in chosen) if chosen else BLANK
    out.append((
        f"“您好，我要投诉{lender}的催收。我叫{fill(i.name)}，合同编号{fill(i.loan_number)}。"
        f"从{L.date_zh(i.first_date)}起，对方用 {fill(i.numbers)} 联系我，有这些情况：{what_zh}。"
        "我有录音和截图。请求停止这些做法。请帮我登记，告诉我受理编号和多久答复。”",
        f"“Hello, I want to complain about collection by {lender}. My name is {fill(i.name)}, contract number "
        f"{fill(i.loan_number)}. Since {L.date_en(i.first_date)} they have contacted me from {fill(i.numbers)}, "
        f"with: {what_en}. I have recordings and screenshots. I ask for this to stop. "
        "Please register my complaint and tell me the reference number and when I will hear back.”",
    ))
    out.append((
        "记下接线员的工号、受理编号和日期。",
        "Note the operator's number, the reference number and the date.",
    ))
    return out


def _before(result: Result, lang: str) -> list[str]:
    """The notes above the letter, in the page's language."""
    where = [wording.pick(lang, *CHANNELS[c]) for c in result.channels]
    before = [wording.pick(lang, "先向平台官方客服投诉，留下记录；再按下面的顺序找监管或举报"
                                 "（最后一次还款快满或已满三年的，先看最后一条）：",
                           "First complain to the lender's official customer service and keep a record; then, "
                           "in this order (if your last payment was nearly or more than three years ago, read the "
                           "last note first):")] + where
    # a signed, dated "they pursued me" can later prove a demand reached you (民法典 第一百九十五条第一项;
    # 诉讼时效规定 第八条), which restarts a time limit still running
    before.append(wording.pick(
        lang, "投诉里写的“向我催收”和日期，对方以后可能用来证明曾向你催款，让还没过完的诉讼时效从那天重新算。"
              "交给监管部门的投诉一般也会转给被投诉机构处理，对方一样看得到。最后一次还款快满或已满三年的，"
              "先打 12348 问一问，再决定投不投、怎么写；威胁人身安全的，直接打 110。",
        "The dates on which you say they pursued you could later be used to prove they demanded payment, which "
        "restarts a time limit still running. A complaint to a regulator is usually passed on to the lender, so "
        "the lender will see it too. If your last payment was nearly or more than three years ago, call 12348 "
        "before deciding whether and how to complain; for threats to your safety, call 110."))
    return before


text, render = L.letter_view(SLUG, TITLE["zh"], paragraphs, _before)
