"""card-instalments: 信用卡个性化分期申请, asking the card issuer for a personalised instalment plan.

《商业银行信用卡业务监督管理办法》第七十条: the issuer *may* agree a
personalised instalment plan when the debt exceeds the cardholder's ability to
pay and they still intend to pay; the longest plan is 5 years, so the term
here is at most ``MAX_MONTHS`` (60) months. Nothing is computed.

>>> calculate(read_form({"card_last4": "1234", "months": "60"})).inputs.months
60
"""

from __future__ import annotations

from . import letters_common as common
from .fields import Field

SLUG = "card-instalments"
TITLE = {"zh": "信用卡个性化分期申请", "en": "Credit card personalised instalment request"}

MAX_MONTHS = 60  # 第七十条: 个性化分期还款协议的最长期限不得超过5年


def _validate(i) -> None:
    common.check_cautions(i)
    common.digits("card_last4", i.card_last4, 4, "卡号后四位", "Last 4 digits of the card")
    common.digits("id_last4", i.id_last4, 4, "身份证号后四位", "Last 4 of ID number", allow_x=True)


FIELDS = (
    Field("bank", "text", "发卡银行", "Card issuer", required=False, high=40),
    Field("card_last4", "text", "卡号后四位", "Last 4 digits of the card", required=False, high=4,
          help_zh="只写后四位，不要写完整卡号和密码", help_en="Only the last four; never the full number or PIN"),
    Field("name", "text", "持卡人姓名", "Cardholder's name", required=False, high=20),
    Field("id_last4", "text", "身份证号后四位", "Last 4 characters of your ID number", required=False, high=4),
    Field("phone", "text", "预留手机号", "Phone number on the account", required=False, high=20),
    Field("owed", "money", "目前欠款总额", "Total owed now", unit="yuan", required=False),
    Field("overdue_days", "count", "已经逾期多少天", "Days overdue", unit="days", low=0, high=3650, required=False,
          help_zh="还没逾期就不填", help_en="Leave it empty if you are not overdue yet"),
    *common.cause_fields(),
    Field("income", "money", "每月到手收入", "Monthly take-home income", unit="yuan", low=0, required=False),
    Field("essentials", "money", "每月必要生活开支", "Monthly essential spending", unit="yuan", low=0,
          required=False),
    Field("months", "count", "想分几期", "Months you ask for", unit="months", low=1, high=MAX_MONTHS,
          required=False, help_zh=f"最长 {MAX_MONTHS} 期（5 年，第七十条）",
          help_en=f"At most {MAX_MONTHS} months (5 years, art. 70)"),
    Field("monthly", "money", "每期能还多少", "Amount you can pay each month", unit="yuan", required=False),
    Field("first_date", "date", "第一期还款日", "First payment date", required=False),
    Field("letter_date", "date", "日期", "Date", required=False),
    *common.caution_fields(lender=False),
)

Inputs = common.make_inputs("Inputs", FIELDS, _validate)

Result = common.Filled
read_form, calculate, to_dict = common.plain_parts(FIELDS, Inputs, promise=True)
