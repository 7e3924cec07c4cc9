"""The text and page of documents-request (要求提供借款材料的函).

Quotes, in their own words: 《个人信息保护法》(2021-08-20) 第四十五条 (first two paragraphs:
a person may consult and copy their personal information, and the processor provides it
promptly) and 第五十条第一款 (a refusal gives reasons); 《民法典》第五百四十六条第一款 (a transfer
of a claim not notified to the debtor has no effect on the debtor); and, for a bank or a
consumer-finance company only (said as conditional when the reader does not know who lent),
《消费者权益保护法》(2013-10-25) 第二十八条 (financial-service providers give consumers the
price or fees). The letter asks; it states no amount and promises nothing, and ends with
``L.RESERVATION_NO_AMOUNTS`` (it states no amount) before the signature."""

from __future__ import annotations

from .. import wording
from ..letters_documents import SLUG, TITLE, Result
from . import letters as L
from .letters import fill

PIPL_45: L.Paragraph = (
    "借款合同、签署记录、放款和还款记录里载有我的个人信息。《中华人民共和国个人信息保护法》第四十五条规定："
    "“个人有权向个人信息处理者查阅、复制其个人信息；有本法第十八条第一款、第三十五条规定情形的除外。”"
    "“个人请求查阅、复制其个人信息的，个人信息处理者应当及时提供。”"
    "第五十条第一款规定：“拒绝个人行使权利的请求的，应当说明理由。”",
    "The loan contract, the signing record and the records of what was lent and repaid hold my personal "
    "information. Article 45 of the Personal Information Protection Law of the People's Republic of China says: "
    "“An individual has the right to consult and copy their personal information from a personal information "
    "processor, except in the cases in article 18, paragraph 1, and article 35 of this Law.” “Where an individual "
    "asks to consult or copy their personal information, the personal information processor shall provide it "
    "promptly.” Article 50, paragraph 1, says: “Where a request by an individual to exercise their rights is "
    "refused, the reasons shall be given.”",
)

CIVIL_546: L.Paragraph = (
    "《中华人民共和国民法典》第五百四十六条第一款规定：“债权人转让债权，未通知债务人的，该转让对债务人不发生效力。”"
    "如果这笔债权已经转让，请提供转让通知；看到通知以前，我无法确认联系我的一方是否有权向我收款。",
    "Article 546, paragraph 1, of the Civil Code of the People's Republic of China says: “Where a creditor "
    "transfers a claim without notifying the debtor, the transfer has no effect on the debtor.” If this claim has "
    "been transferred, please provide the notice of transfer; until I see it, I cannot confirm that whoever has "
    "contacted me is entitled to collect from me.",
)

CONSUMER_28: L.Paragraph = (
    "《中华人民共和国消费者权益保护法》第二十八条规定：“采用网络、电视、电话、邮购等方式提供商品或者服务的经营者，"
    "以及提供证券、保险、银行等金融服务的经营者，应当向消费者提供经营地址、联系方式、商品或者服务的数量和质量、"
    "价款或者费用、履行期限和方式、安全注意事项和风险警示、售后服务、民事责任等信息。”"
    "请据此提供上面第 4、5 项的费用明细。",
    "Article 28 of the Law of the People's Republic of China on the Protection of Consumer Rights and Interests "
    "says: “Business operators that provide goods or services online, by television, by telephone, by mail order "
    "or by similar means, and business operators that provide securities, insurance, banking or other financial "
    "services, shall provide consumers with information on their business address, contact details, the quantity "
    "and quality of the goods or services, the price or fees, the time and manner of performance, safety "
    "precautions and risk warnings, after-sales service, civil liability and the like.” Please provide the "
    "details of the charges in items 4 and 5 above accordingly.",
)


def consumer_hook(kind: str | None) -> list[L.Paragraph]:
    """The consumer-protection article on costs, for a bank or a consumer-finance company; said as
    conditional when the reader does not know who lent; left out for other lenders."""
    if kind in ("bank", "consumer_finance"):
        return [CONSUMER_28]
    if kind in (None, "", "unknown"):
        return [("如果贷款人是银行或消费金融公司，" + CONSUMER_28[0],
                 "If the lender is a bank or a consumer-finance company: " + CONSUMER_28[1])]
    return []


ITEMS = (
    ("借款合同，以及我签署过的全部协议（包括担保、保险、会员等协议）和电子签署记录（签署的时间和方式）；",
     "the loan contract and every agreement I signed (including any guarantee, insurance or membership "
     "agreement), with the electronic signing record (when and how each was signed);"),
    ("放款记录：每一笔借款的金额、放款日期，以及实际打到哪个账户、到账多少；",
     "the lending record: the amount and date of each loan, and the account it was paid into and how much "
     "actually arrived;"),
    ("还款记录：我每一次还款的日期和金额，以及每一笔分别抵了本金、利息、罚息和费用各多少；",
     "the repayment record: the date and amount of each payment I made, and how much of each went to principal, "
     "interest, penalty interest and fees;"),
    ("全部收费的明细：利息、罚息（逾期利息）、违约金，以及手续费、服务费、担保费、保险费、会员费等各项费用，"
     "每一项的金额、收取日期、计算方法和合同依据；",
     "every charge in detail: interest, penalty (overdue) interest, penalties, and every fee (handling, service, "
     "guarantee, insurance, membership and others), each with its amount, date, how it was worked out and the "
     "contract term it rests on;"),
    ("如果贵方认为我有欠款，这个金额是怎么组成的：本金、利息、罚息、违约金和各项费用各多少，分别算到哪一天；",
     "if you consider that I owe anything, how that amount is made up: how much is principal, interest, "
     "penalty interest, penalties and "
     "each fee, and up to which date each is counted;"),
    ("如果这笔债权已经转让：债权转让通知（通知的日期和方式），以及现在的债权人是谁、怎么联系。",
     "if this claim has been transferred: the notice of transfer (its date and how it was given), and who the "
     "creditor now is and how to contact them."),
)


def paragraphs(result: Result) -> list[L.Paragraph]:
    i = result.inputs
    out: list[L.Paragraph] = [("关于要求提供借款材料的函", "Request for the loan documents"),
                              ("您好：", "Dear Sir or Madam,")]
    zh = (f"我是{fill(i.name)}，身份证号后四位{fill(i.id_last4)}，手机号{fill(i.phone)}。"
          f"关于贵方所称的{fill(i.lender)}的一笔借款（合同编号或借款单号：{fill(i.loan_number)}），我需要先看到下列材料。")
    en = (f"I am {fill(i.name)}, last four characters of my ID number {fill(i.id_last4)}, phone {fill(i.phone)}. "
          f"Regarding the loan with {fill(i.lender)} that you say exists (contract or loan number: "
          f"{fill(i.loan_number)}), I first need to see the documents below.")
    if i.collector:
        zh += f"目前以贵方名义联系我的是{i.collector}，请说明它是受贵方委托，还是已经受让了这笔债权。"
        en += (f" The one now contacting me in your name is {i.collector}; please say whether it acts for you "
               "or has taken over this claim.")
    out.append((zh, en))
    out.append((
        "为了核对清楚，请贵方以书面或电子文件的形式向我提供以下材料：\n"
        + "\n".join(f"{n}. {item_zh}" for n, (item_zh, _) in enumerate(ITEMS, start=1)),
        "So that I can check it, please provide me, in writing or as electronic files, with:\n"
        + "\n".join(f"{n}. {item_en}" for n, (_, item_en) in enumerate(ITEMS, start=1)),
    ))
    out.append(PIPL_45)
    out.append(CIVIL_546)
    out.extend(consumer_hook(i.lender_kind))
    if i.reply_days is None:
        when_zh, when_en = "请在收到本函后及时", "Please send the documents promptly after receiving this letter"
    else:
        when_zh = f"请在收到本函后 {i.reply_days} 日内"
        when_en = f"Please send the documents within {wording.count(i.reply_days, 'day', 'en')} of receiving this letter"
    out.append((
        f"{when_zh}把上述材料发送到{fill(i.reply_to)}。其中哪一项不能提供的，请书面说明理由。",
        f"{when_en}, to {fill(i.reply_to)}. If any item cannot be provided, please say why in writing.",
    ))
    out.append((
        "本函只是请求提供材料和信息，不是对贵方主张的债务或任何金额的确认，也不是还款承诺。",
        "This letter only asks for documents and information. It does not accept the debt you claim or any "
        "amount, and it is not a promise to pay.",
    ))
    out.append(L.RESERVATION_NO_AMOUNTS)
    out.extend(L.signature(i.name, i.letter_date))
    return out


BEFORE = [
    L.REPLY_IS_A_DEMAND,
    ("通过 App 的在线客服、工单或官方邮箱发出，截图留底；寄纸质信的，寄到合同或官网上写的地址，"
     "用 EMS 或挂号信，保留寄件凭证和一份复印件。",
     "Send it through the app's online service chat, a ticket or the lender's official email, and screenshot it; "
     "for a paper letter, post it to the address in the contract or on the official website by EMS or registered "
     "mail, and keep the receipt and a copy."),
    ("这封信只是要材料、要信息：不承认任何欠款或金额，也不承诺还款。拿到材料以后，对照自己的还款记录，再决定下一步。",
     "This letter only asks for documents and information: it accepts no debt or amount and promises no payment. "
     "Once you have the documents, check them against your own payment records before deciding what to do next."),
    ("答复天数（默认 15 天）是你提出的请求，不是法律规定的期限；个人信息保护法第四十五条说的是“及时提供”。",
     "The number of days (15 to start with) is your request, not a deadline set by law; article 45 of the "
     "Personal Information Protection Law says “promptly”."),
    ("向你要钱的人你不认识的，弄清楚以前，不要往对方给的个人账户转钱；要还，只还到合同或官方 App 里的还款渠道。",
     "If you do not recognise whoever is asking you to pay, send no money to an account they give you until this "
     "is clear; any payment goes only through the repayment channels in the contract or the official app."),
]  # the notes above the letter

text, render = L.letter_view(SLUG, TITLE["zh"], paragraphs, BEFORE)
