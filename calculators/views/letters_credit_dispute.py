"""The text and page of credit-dispute (征信异议申请): 《征信业管理条例》第二十五条, quoted."""

from __future__ import annotations

from .. import wording
from ..letters_credit_dispute import ERRORS, SLUG, TITLE, TO, Result
from . import letters as L
from .letters import BLANK, fill

ART25 = ("《征信业管理条例》第二十五条规定：“信息主体认为征信机构采集、保存、提供的信息存在错误、遗漏的，"
         "有权向征信机构或者信息提供者提出异议，要求更正。”“征信机构或者信息提供者收到异议，应当按照国务院征信业"
         "监督管理部门的规定对相关信息作出存在异议的标注，自收到异议之日起20日内进行核查和处理，并将结果书面答复"
         "异议人。”")
ART25_EN = ("Article 25 of the Regulations on the Administration of the Credit Reporting Industry says that a "
            "person who considers that information collected, kept or provided by a credit reporting agency is "
            "wrong or incomplete may object to the agency or to the information provider and ask for it to be "
            "corrected; on receiving the objection, the agency or provider must mark the information as disputed, "
            "check and deal with it within 20 days of receiving the objection, and answer the objector in writing.")


def paragraphs(result: Result) -> list[L.Paragraph]:
    i = result.inputs
    to = {k: (zh, en) for k, zh, en in TO}[i.to or "center"]
    errors = {k: (zh, en) for k, zh, en in ERRORS}
    err_zh, err_en = errors[i.error] if i.error else (BLANK, BLANK)
    out: list[L.Paragraph] = [(TITLE["zh"], "Objection to a credit report record"),
                              (f"{to[0]}：", f"To: {to[1]}")]
    out.append((
        f"申请人：{fill(i.name)}，证件号码：{fill(i.id_number)}，手机号：{fill(i.phone)}。",
        f"Applicant: {fill(i.name)}, ID number: {fill(i.id_number)}, phone: {fill(i.phone)}.",
    ))
    out.append((
        f"我的信用报告中，由{fill(i.lender)}报送的账户（编号{fill(i.account)}）有一条记录有误：{err_zh}。\n"
        f"报告显示：{fill(i.shown)}\n实际情况：{fill(i.actual)}",
        f"On my credit report, a record of the account (number {fill(i.account)}) reported by {fill(i.lender)} "
        f"is wrong: {err_en}.\nThe report shows: {fill(i.shown)}\nWhat actually happened: {fill(i.actual)}",
    ))
    if result.not_mine:
        out.append((
            "这笔贷款不是我本人办理的，是他人冒用我的身份办理的。"
            f"我已于{L.date_zh(i.police_date)}向公安机关报案，报警回执编号{fill(i.police_receipt)}；"
            f"已于{L.date_zh(i.notified_date)}通知{fill(i.lender)}，这笔贷款不是我本人办理，请其核查并停止向我催收。",
            "I did not take out this loan; someone else used my identity. "
            f"I reported it to the police on {L.date_en(i.police_date)}, report number {fill(i.police_receipt)}, "
            f"and told {fill(i.lender)} on {L.date_en(i.notified_date)} that I did not take out this loan, asking "
            "it to check and to stop pursuing me.",
        ))
    out.append((ART25, ART25_EN))
    out.append((
        "我请求：对这条记录作出异议标注，核查后更正，并在 20 日内把处理结果书面答复我。",
        "I ask you to mark this record as disputed, correct it after checking, and answer me in writing within "
        "20 days.",
    ))
    out.append((f"附：{fill(i.evidence)}" + ("；报警回执复印件" if result.not_mine else "") + "；身份证件复印件。",
                f"Enclosed: {fill(i.evidence)}" + ("; a copy of the police report" if result.not_mine else "")
                + "; a copy of my ID."))
    out.append(("说明：本申请只针对信用报告记录，不代表我确认报送机构主张的欠款金额、利息和费用，我保留法律规定的全部权利和抗辩。",
                "Note: this objection concerns the credit record only; it does not confirm the amount, interest or "
                "fees claimed by the institution that reported it, and I keep every right and defence the law gives "
                "me."))
    out.extend(L.signature(i.name, i.letter_date))
    return out


def _before(result: Result, lang: str) -> list[str]:
    """The notes above the letter, in the page's language."""
    t = wording.pick
    before = [t(lang, "提异议免费，自己就能办，不需要任何中介。记录如实反映了你的逾期，异议不会让它消失。",
                "An objection is free and you can make it yourself; no agent is needed. A record that truly "
                "reflects your overdue will not disappear through an objection.")]
    if result.not_mine:
        before += [
            t(lang, "贷款不是你借的：1. 先到派出所报案，拿到报警回执；", "Not your loan: 1. report it to the police "
              "and get the report receipt;"),
            t(lang, "2. 书面通知放贷机构（在线客服、工单或邮件，截图留底），说明不是你本人办理，要求核查、停止催收；",
              "2. tell the lender in writing (online chat, a ticket or email, screenshot it) that you did not take "
              "out the loan, and ask it to check and stop pursuing you;"),
            t(lang, "3. 用这份申请向征信中心或放贷机构提异议，附上报警回执。不要为“消除记录”付钱给任何人。",
              "3. object to the Credit Reference Center or the lender with this letter and the police receipt. "
              "Pay no one to “remove the record”."),
        ]
    return before


text, render = L.letter_view(SLUG, TITLE["zh"], paragraphs, _before)
