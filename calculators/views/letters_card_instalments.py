"""The text and page of card-instalments (信用卡个性化分期申请): 《商业银行信用卡业务监督管理办法》第七十条,
quoted as docs/guides/credit-card.md does."""

from __future__ import annotations

from .. import wording
from ..letters_card_instalments import SLUG, TITLE, Result
from . import letters as L
from .letters import fill

ART70 = ("《商业银行信用卡业务监督管理办法》第七十条规定：“在特殊情况下，确认信用卡欠款金额超出持卡人还款能力、"
         "且持卡人仍有还款意愿的，发卡银行可以与持卡人平等协商，达成个性化分期还款协议。个性化分期还款协议的"
         "最长期限不得超过5年。”")
ART70_EN = ("Article 70 of the Measures for the Supervision and Administration of the Credit Card Business of "
            "Commercial Banks says: “In special circumstances, where it is confirmed that the credit card debt "
            "exceeds the cardholder's ability to repay and the cardholder still intends to repay, the card issuer "
            "may negotiate with the cardholder on an equal footing and reach a personalised instalment repayment "
            "agreement. The longest term of such an agreement shall not exceed 5 years.”")


def paragraphs(result: Result) -> list[L.Paragraph]:
    i = result.inputs
    bank = fill(i.bank)
    out: list[L.Paragraph] = [(TITLE["zh"], "Request for a personalised instalment plan"), (f"{bank}：", f"To {bank}:")]
    out.append((
        f"我是持卡人{fill(i.name)}，身份证号后四位{fill(i.id_last4)}，预留手机号{fill(i.phone)}，"
        f"信用卡卡号后四位{fill(i.card_last4)}。账单显示这张卡目前欠款{L.money_zh(i.owed)}（具体以双方核对一致的为准）"
        + (f"，已逾期 {i.overdue_days} 天" if i.overdue_days else "") + "。",
        f"I am the cardholder {fill(i.name)}, last four characters of my ID number {fill(i.id_last4)}, phone on "
        f"the account {fill(i.phone)}, card ending {fill(i.card_last4)}. The statement shows "
        f"{L.money_en(i.owed)} owed on this card (the figure is the one both sides agree after checking)" + (f", {wording.count(i.overdue_days, 'day', 'en')} overdue" if i.overdue_days
                                   else "") + ".",
    ))
    cause = L.cause_pair(i.cause, i.cause_detail)
    out.append((
        f"{cause[0]}我现在每月到手收入{L.money_zh(i.income)}，必要生活开支{L.money_zh(i.essentials)}，"
        "按原来的方式已经还不上，但我愿意还款。",
        f"{cause[1]} My monthly take-home income is {L.money_en(i.income)} and essential spending "
        f"{L.money_en(i.essentials)}. I can no longer pay as before, but I want to repay.",
    ))
    out.append((ART70, ART70_EN))
    out.append((
        f"我申请办理个性化分期：把欠款分 {fill(i.months)} 期偿还，每期{L.money_zh(i.monthly)}，"
        f"从{L.date_zh(i.first_date)}开始还款。",
        f"I apply for a personalised instalment plan: the debt repaid in {L.count_en(i.months, 'monthly instalment')} of "
        f"{L.money_en(i.monthly)}, starting on {L.date_en(i.first_date)}.",
    ))
    out.append((
        "请书面答复是否同意。同意的，请在协议里写明欠款余额、期数、每期金额和还款日，以及还款期间是否收取年费、"
        "利息和其他费用。我可以提供收入和困难情况的证明材料。",
        "Please reply in writing whether you agree. If you do, please state in the agreement the balance, the "
        "number of instalments, each amount and due date, and whether annual fees, interest or other charges "
        "apply during the plan. I can provide proof of my income and circumstances.",
    ))
    out.append(L.RESERVATION)
    out.extend(L.signature(i.name, i.letter_date))
    return out


BEFORE = [L.PROMISE_NOTE, (
    "通过银行官方客服电话、官方 App 或网点提出，这份文字可以在客服里发送，或打印后带去。"
    "银行可以同意，也可以不同意：这不是持卡人可以单方面要求的权利。",
    "Ask through the bank's official service line, its app or a branch: send this text in the app, or print "
    "it and take it. The bank may agree or refuse: it is not something a cardholder can insist on.",
)]  # the note above the letter

text, render = L.letter_view(SLUG, TITLE["zh"], paragraphs, BEFORE)
