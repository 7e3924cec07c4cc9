"""The text and page of stop-contact (要求停止联系第三人).

Cites the Personal Information Protection Law (个人信息保护法, 2021-08-20) arts. 10
and 13 in their own words, and the banking association's guideline only where it binds
the lender (its members: banks and consumer-finance companies; ``L.legal_hooks``)."""

from __future__ import annotations

from ..letters_stop_contact import SLUG, TITLE, Result
from . import letters as L
from .letters import fill

GUIDELINE: L.Paragraph = (
    L.GUIDELINE_NAME[0] + "要求，原则上不得向与债务无关的第三人催收，不得向第三人透露债务信息。",
    L.GUIDELINE_NAME[1] + " says that, in principle, debts must not be collected from third parties unrelated "
    "to the debt, and the debt must not be disclosed to third parties.",
)


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
        "向他们催收或透露这笔借款的情况。据我所知，他们不是这笔借款的借款人或担保人，也没有表示愿意替我还款。",
        f"From {L.date_en(i.first_date)} to {L.date_en(i.last_date)}, you or collectors acting for you contacted "
        f"{who} by {how}, asking them to pay or telling them about this loan. As far as I know, they are not "
        "borrowers or guarantors "
        "of this loan and have not offered to repay it for me.",
    ))
    out.extend(L.legal_hooks(i.lender_kind, GUIDELINE))
    out.append((
        f"我请求贵方：立即停止联系{who}；今后有关这笔借款的事，只联系我本人（手机号{fill(i.phone)}）。"
        "请在收到本函后书面答复处理结果。",
        f"I ask you to stop contacting {who} at once, and from now on to contact only me about this loan (phone "
        f"{fill(i.phone)}). Please reply in writing with what you have done once you receive this letter.",
    ))
    out.append(L.RESERVATION_NO_AMOUNTS)
    out.extend(L.signature(i.name, i.letter_date))
    return out


BEFORE = [L.REPLY_IS_A_DEMAND, (
    "通过 App 的在线客服、工单或官方邮箱发出，截图留底。家人收到的消息也截图保存。还在继续的，可以用投诉材料向监管投诉。",
    "Send it through the app's online service chat, a ticket or the lender's official email, and screenshot "
    "it. Keep screenshots of what your family received too. If it goes on, use the complaint builder to "
    "complain to the regulator.",
)]  # the note above the letter

text, render = L.letter_view(SLUG, TITLE["zh"], paragraphs, BEFORE)
