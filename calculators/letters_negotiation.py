"""negotiation-letter: 协商还款申请, a request to the lender to agree a repayment plan.

Nothing is computed: the letter carries what the reader typed (and what the
negotiation calculator's "write the letter" link carries in: the plan, the
amount owed, the monthly amount and the number of months). Every field may be
left empty; the text then shows a blank for it.

>>> r = calculate(read_form({"name": "张三", "plan": "frozen", "months": "36", "monthly": "277.78"}))
>>> r.inputs.name, r.inputs.months, r.inputs.monthly, r.inputs.owed is None
('张三', 36, Decimal('277.78'), True)
"""

from __future__ import annotations

from . import letters_common as common
from .fields import Field

SLUG = "negotiation-letter"
TITLE = {"zh": "协商还款申请", "en": "Letter asking the lender for a repayment plan"}

MAX_MONTHS = 60

PLANS = (
    ("", "（不选）", "(not chosen)"),
    ("reinstalment", "重新分期还款", "Repay in instalments"),
    ("frozen", "停息分期（不再计息）", "Instalments with interest stopped"),
    ("extension", "展期（延后还款）", "Extension (pay later)"),
    ("pay_now", "减免后一次还清", "Pay in one go after a reduction"),
)


def _validate(i) -> None:
    common.check_cautions(i)
    common.digits("id_last4", i.id_last4, 4, "身份证号后四位", "Last 4 of ID number", allow_x=True)


FIELDS = (
    Field("name", "text", "你的姓名", "Your name", required=False, high=20),
    Field("id_last4", "text", "身份证号后四位", "Last 4 characters of your ID number", required=False, high=4,
          help_zh="只写后四位就够了，不要发身份证照片", help_en="The last four are enough; never send a photo of your ID"),
    Field("phone", "text", "借款时用的手机号", "Phone number on the loan", required=False, high=20),
    Field("lender", "text", "平台或机构名称", "Lender or platform", required=False, high=40,
          help_zh="写合同上的贷款人名称，或 App 的名称", help_en="The lender named in the contract, or the app's name"),
    Field("loan_number", "text", "借款合同编号或借款单号", "Contract or loan number", required=False, high=40),
    Field("loan_date", "date", "借款日期", "Date borrowed", required=False),
    Field("principal", "money", "合同写的借款金额", "Amount on the contract", unit="yuan", required=False),
    Field("received", "money", "实际到账", "Amount actually received", unit="yuan", required=False,
          help_zh="合同金额和实际到账不一样（比如先被扣了费用）的，两个都写",
          help_en="If the contract amount and what you actually received differ (fees taken first, say), give both"),
    Field("owed", "money", "目前尚欠（按账单）", "Owed now (per the statement)", unit="yuan", required=False),
    Field("penalties", "money", "其中罚息和违约金", "Of which penalties and fees", unit="yuan", low=0, required=False),
    Field("overdue_days", "count", "已经逾期多少天", "Days overdue", unit="days", low=0, high=3650, required=False,
          help_zh="还没逾期就不填", help_en="Leave it empty if you are not overdue yet"),
    *common.cause_fields(),
    Field("income", "money", "每月到手收入", "Monthly take-home income", unit="yuan", low=0, required=False),
    Field("essentials", "money", "每月必要生活开支", "Monthly essential spending", unit="yuan", low=0,
          required=False, help_zh="房租、吃饭、交通、水电、看病、孩子", help_en="Rent, food, transport, utilities, "
          "medical, children"),
    Field("other_debts", "money", "其他欠款每月要还", "Other debts, monthly payments", unit="yuan", low=0,
          required=False),
    Field("plan", "choice", "你想提的方案", "What you ask for", choices=PLANS, required=False),
    Field("months", "count", "分几期（或展期几个月）", "Months (or months of extension)", unit="months", low=1,
          high=MAX_MONTHS, required=False),
    Field("monthly", "money", "每期还款金额（一次还清就填总额）", "Amount each month (or the one payment)",
          unit="yuan", required=False),
    Field("first_date", "date", "第一期还款日（或还清日）", "First payment (or payment) date", required=False),
    Field("waive", "yesno", "同时申请减免罚息和违约金", "Also ask for penalties and fees to be waived",
          required=False),
    Field("contact_time", "text", "方便联系的时间", "When you can be reached", required=False, high=40,
          help_zh="例如：工作日 18:00—21:00", help_en="For example: weekdays 18:00–21:00"),
    Field("letter_date", "date", "写信日期", "Date of the letter", required=False),
    *common.caution_fields(lender=True),
)

Inputs = common.make_inputs("Inputs", FIELDS, _validate)

Result = common.Filled
read_form, calculate, to_dict = common.plain_parts(FIELDS, Inputs, promise=True)
