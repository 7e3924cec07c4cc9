"""The text and page of stop-contact (要求停止联系第三人).

Cites the banking association's guideline as docs/guides/collection-rights.md
does, and the Personal Information Protection Law (个人信息保护法, 2021-08-20)
arts. 10 and 13 in their own words."""

from __future__ import annotations

from ..letters_stop_contact import SLUG, TITLE, Result
from . import letters as L
from .letters import fill


def paragraphs(result: Result) -> list[L.Paragraph]:
    i = result.inputs
    who, how = fill(i.who), fill(i.how)
    out: list[L.Paragraph] = [("关于停止联系第三人的函", "Request to stop contacting other people"),
                              ("您好：", "Dear Sir or Madam,")]
    out.append((
        f"我是{fill(i.name)}，身份证号后四位{fill(i.id_last4)}，手机号{fill(i.phone)}，"
        f"在{fill(i.lender)}的借款合同编号（借款单号）是{fill(i.loan_number)}。",
        f"I am {fill(i.name)}, last four characters of my ID number {fill(i.id_last4)}, phone {fill(i.phone)}; "
        f"my contract (loan) number with {fill(i.lender)} is {fill(i.loan_number)}.",
    ))
    out.append((
        f"从{L.date_zh(i.first_date)}到{L.date_zh(i.last_date)}，贵方或贵方委托的催收人员通过{how}联系了{who}，"
        "向他们催收或透露我的欠款情况。他们不是这笔借款的借款人或担保人，也没有表示愿意替我还款。",
        f"From {L.date_en(i.first_date)} to {L.date_en(i.last_date)}, you or collectors acting for you contacted "
        f"{who} by {how}, asking them to pay or telling them about my debt. They are not borrowers or guarantors "
        "of this loan and have not offered to repay it for me.",
    ))
    out.append((
        "中国银行业协会《金融机构个人消费类贷款催收工作指引（试行）》（2026 年 1 月 30 日发布）要求，"
        "原则上不得向与债务无关的第三人催收，不得向第三人透露债务信息。",
        "The China Banking Association's guideline on collecting personal consumer loans (published 30 January "
        "2026) says that, in principle, debts must not be collected from third parties unrelated to the debt, "
        "and the debt must not be disclosed to third parties.",
    ))
    out.append((
        "《中华人民共和国个人信息保护法》第十条规定：“任何组织、个人不得非法收集、使用、加工、传输他人个人信息，"
        "不得非法买卖、提供或者公开他人个人信息”；第十三条规定，符合该条所列情形之一的，"
        "“个人信息处理者方可处理个人信息”。",
        "Article 10 of the Personal Information Protection Law of the People's Republic of China says: “No "
        "organisation or individual may unlawfully collect, use, process or transmit another person's personal "
        "information, or unlawfully trade, provide or disclose another person's personal information”; article "
        "13 says that “a personal information processor may process personal information only” in one of the "
        "cases it lists.",
    ))
    out.append((
        f"我请求贵方：立即停止联系{who}；今后有关这笔借款的事，只联系我本人（手机号{fill(i.phone)}）。"
        "我愿意就还款和贵方协商。请在收到本函后书面答复处理结果。",
        f"I ask you to stop contacting {who} at once, and from now on to contact only me about this loan (phone "
        f"{fill(i.phone)}). I am willing to discuss repayment with you. Please reply in writing with what you "
        "have done once you receive this letter.",
    ))
    out.extend(L.signature(i.name, i.letter_date))
    return out


BEFORE = [(
    "通过 App 的在线客服、工单或官方邮箱发出，截图留底。家人收到的消息也截图保存。还在继续的，可以用投诉材料向监管投诉。",
    "Send it through the app's online service chat, a ticket or the lender's official email, and screenshot "
    "it. Keep screenshots of what your family received too. If it goes on, use the complaint builder to "
    "complain to the regulator.",
)]  # the note above the letter

text, render = L.letter_view(SLUG, TITLE["zh"], paragraphs, BEFORE)
