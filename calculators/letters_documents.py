"""documents-request: 要求提供借款材料, asking the lender (or whoever now claims the debt) for the papers.

The reader asks, in writing, for the loan contract and every agreement signed (with the
electronic signing record), what was lent and received, every payment and every charge
with its date, how the amount now claimed is made up and, if the claim was transferred,
the notice of transfer and who the creditor now is. Nothing is computed and nothing is
conceded: the letter states no amount, promises nothing, and ends with the reservation.

The view cites 《个人信息保护法》第四十五条 (a person may consult and copy their
personal information) and 第五十条 (a refusal must give reasons), 《民法典》第五百四十六条
(a transfer binds the debtor only once notified) and, where the lender is a bank or a
consumer-finance company, 《消费者权益保护法》第二十八条 (financial-service providers
give consumers the prices or fees).

>>> r = calculate(read_form({"collector": "某某资产管理公司", "reply_days": "15"}))
>>> r.inputs.collector, r.inputs.reply_days, r.cautions
('某某资产管理公司', 15, ())
>>> read_form({}).reply_days  # the page starts at 15 days; the reader may clear it
15
"""

from __future__ import annotations

from . import letters_common as common
from .fields import Field


def _validate(i) -> None:
    common.digits("id_last4", i.id_last4, 4, "身份证号后四位", "Last 4 of ID number", allow_x=True)


SLUG = "documents-request"
TITLE = {"zh": "要求提供借款材料的函", "en": "Letter asking for the loan documents"}

# How long the reader asks the lender to take: a request, not a period the law sets.
REPLY_DAYS = 15
MAX_REPLY_DAYS = 60

FIELDS = (
    common.LENDER_KIND,
    Field("lender", "text", "平台或机构名称", "Lender or platform", required=False, high=40,
          help_zh="合同或 App 上写的借款平台或贷款机构", help_en="The lender or platform named in the contract or app"),
    Field("loan_number", "text", "借款合同编号或借款单号", "Contract or loan number", required=False, high=40,
          help_zh="不知道可以不填", help_en="Leave it if you do not know it"),
    Field("collector", "text", "现在是谁在向你要钱", "Who is now asking you to pay", required=False, high=60,
          help_zh="例如：某某资产管理公司、某某律师事务所、自称受让了债权的公司。就是原平台的，可以不填",
          help_en="For example: an asset management company, a law firm, a company that says it bought the "
                  "debt. Leave it if it is the original lender"),
    Field("name", "text", "你的姓名", "Your name", required=False, high=20),
    Field("id_last4", "text", "身份证号后四位", "Last 4 characters of your ID number", required=False, high=4),
    Field("phone", "text", "你的手机号", "Your phone number", required=False, high=20),
    Field("reply_days", "count", "请对方在几天内答复", "Days you ask them to reply within", unit="days",
          default=str(REPLY_DAYS), low=1, high=MAX_REPLY_DAYS, required=False,
          help_zh="这是你提出的请求，不是法律规定的期限。不想写可以清空",
          help_en="This is your request, not a deadline set by law. Clear it to leave it out"),
    Field("reply_to", "text", "材料发到哪里（邮箱或地址）", "Where to send the documents (email or address)",
          required=False, high=60,
          help_zh="写一个你常用的电子邮箱，或者能收到邮件的地址",
          help_en="An email address you check, or a postal address where you receive mail"),
    Field("letter_date", "date", "写信日期", "Date of the letter", required=False),
)

Inputs = common.make_inputs("Inputs", FIELDS, _validate)

Result = common.Filled
read_form, calculate, to_dict = common.plain_parts(FIELDS, Inputs)
