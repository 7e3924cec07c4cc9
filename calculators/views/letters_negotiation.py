"""The text and page of negotiation-letter (协商还款申请): ``text(result)``, ``render(result, lang)``.

The wording is the letter of the negotiate guide (docs/guides/negotiate.md#template),
filled from the fields."""

from __future__ import annotations

from .. import wording
from ..letters_negotiation import SLUG, TITLE, Result
from . import letters as L
from .letters import fill


def paragraphs(result: Result) -> list[L.Paragraph]:
    i = result.inputs
    out: list[L.Paragraph] = [(TITLE["zh"], "Request to agree a repayment plan"), ("您好：", "Dear Sir or Madam,")]
    lender = fill(i.lender)
    out.append((
        f"我是{fill(i.name)}，身份证号后四位{fill(i.id_last4)}，手机号{fill(i.phone)}。"
        f"我在{lender}的借款合同编号（借款单号）是{fill(i.loan_number)}，借款日期{L.date_zh(i.loan_date)}，"
        f"合同写的借款金额{L.money_zh(i.principal)}"
        + (f"，实际到账{L.money_zh(i.received)}" if i.received is not None else "") + "。",
        f"I am {fill(i.name)}, last four characters of my ID number {fill(i.id_last4)}, phone {fill(i.phone)}. "
        f"My contract (loan) number with {lender} is {fill(i.loan_number)}, borrowed on {L.date_en(i.loan_date)}, "
        f"amount on the contract {L.money_en(i.principal)}"
        + (f", actually received {L.money_en(i.received)}" if i.received is not None else "") + ".",
    ))
    if i.overdue_days:
        state_zh = f"这笔借款已逾期 {i.overdue_days} 天"
        state_en = f"This loan is {wording.count(i.overdue_days, 'day', 'en')} overdue"
    else:
        state_zh, state_en = "关于这笔借款的还款，我需要和贵方商量", "I need to discuss repaying this loan with you"
    out.append((
        f"{state_zh}。按我对账单的理解，账单显示的欠款是{L.money_zh(i.owed)}，其中罚息和违约金"
        f"{L.money_zh(i.penalties)}；具体金额以双方核对一致的为准。",
        f"{state_en}. As I read the statement, it shows {L.money_en(i.owed)} owed, of which penalties and fees "
        f"are {L.money_en(i.penalties)}; the figures are those both sides agree after checking.",
    ))
    cause = L.cause_pair(i.cause, i.cause_detail)
    out.append((cause[0] + "希望和贵方商量一个我能做到的还款办法。",
                cause[1] + " I would like to agree with you a way of repaying that I can keep to."))
    out.append((
        f"我现在每月到手收入{L.money_zh(i.income)}，必要生活开支{L.money_zh(i.essentials)}，"
        f"其他欠款每月要还{L.money_zh(i.other_debts)}。",
        f"My monthly take-home income is {L.money_en(i.income)}, essential spending {L.money_en(i.essentials)}, "
        f"and other debts take {L.money_en(i.other_debts)} a month.",
    ))
    first_zh, first_en = L.date_zh(i.first_date), L.date_en(i.first_date)
    months, monthly_zh, monthly_en = fill(i.months), L.money_zh(i.monthly), L.money_en(i.monthly)
    instalments_en, months_en = L.count_en(i.months, "instalment"), L.count_en(i.months, "month")
    if i.plan == "frozen":
        ask = (f"停止计收利息和罚息，把经双方核对一致的欠款从{first_zh}起分 {months} 期还清，每期{monthly_zh}",
               f"to stop charging interest and penalties and let me repay what we agree is owed after checking in {instalments_en} "
               f"of {monthly_en} from {first_en}")
    elif i.plan == "extension":
        ask = (f"将这笔借款展期 {months} 个月，到期后一次还清",
               f"to extend this loan by {months_en}, repaying it in full at the end")
    elif i.plan == "pay_now":
        ask = (f"减免部分欠款后，由我在{first_zh}前一次还清{monthly_zh}",
               f"to reduce the debt so that I pay {monthly_en} in one payment by {first_en}")
    else:
        ask = (f"从{first_zh}起分 {months} 期还款，每期{monthly_zh}",
               f"to let me repay in {instalments_en} of {monthly_en} from {first_en}")
    waive_zh = "，并减免罚息和违约金" if i.waive else ""
    waive_en = ", and to waive the penalties and fees" if i.waive else ""
    out.append((f"我的请求是：{ask[0]}{waive_zh}。", f"My request is {ask[1]}{waive_en}."))
    out.append((
        "《中华人民共和国民法典》第五百四十三条规定：“当事人协商一致，可以变更合同。”"
        "希望贵方考虑我的实际情况，和我协商变更还款安排。",
        "Article 543 of the Civil Code of the People's Republic of China says: “The parties may modify a contract "
        "by agreement.” I ask you to consider my situation and agree a change to the repayment arrangement "
        "with me.",
    ))
    out.append((
        "如果贵方同意，请书面确认（协议、确认函，或官方 App 里的记录），写明：每期金额、期数、每期还款日、"
        "是否还计算利息和罚息、按约定还完后这笔借款是否结清。收到书面确认后，我会按约定按时还款。",
        "If you agree, please confirm in writing (an agreement, a letter, or a record in the official app) "
        "stating: the amount of each payment, the number of payments, each due date, whether interest and "
        "penalties are still charged, and whether the loan is settled once the plan is paid. Once I have your "
        "written confirmation I will pay on time as agreed.",
    ))
    out.append((f"方便联系的时间：{fill(i.contact_time)}。", f"When I can be reached: {fill(i.contact_time)}."))
    out.append(L.RESERVATION)
    out.extend(L.signature(i.name, i.letter_date))
    return out


BEFORE = [L.PROMISE_NOTE, (
    "通过 App 的在线客服、工单或官方邮箱发出，自己留一份。只写身份证号后四位就够了，不要发身份证照片、"
    "银行卡密码和验证码。",
    "Send it through the app's online service chat, a ticket or the lender's official email, and keep a copy. "
    "The last four characters of your ID number are enough; never send a photo of your ID, a card PIN or a "
    "verification code.",
)]  # the note above the letter

text, render = L.letter_view(SLUG, TITLE["zh"], paragraphs, BEFORE)
