"""credit-dispute: 征信异议申请, an objection to a wrong record on the credit report.

《征信业管理条例》第二十五条: the person may object to the credit reference
centre or to the lender that reported the record; it is marked as disputed,
checked and answered in writing within 20 days. If the loan was taken out in
the reader's name by someone else (``not_mine``: chosen, or a police report or
notice date filled in), the letter adds the police report and the notice to the lender.

>>> r = calculate(read_form({"error": "not_mine", "police_receipt": "A123"}))
>>> r.not_mine, r.inputs.police_receipt
(True, 'A123')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from . import letters_common as common
from .fields import Field

SLUG = "credit-dispute"
TITLE = {"zh": "征信异议申请", "en": "Objection to a credit report record"}

TO = (
    ("center", "中国人民银行征信中心", "The PBoC Credit Reference Center"),
    ("lender", "报送这条记录的机构", "The lender that reported the record"),
)

ERRORS = (
    ("", "（不选）", "(not chosen)"),
    ("paid_on_time", "按时还了，却显示逾期", "Paid on time but shown as overdue"),
    ("paid_off", "已经还清，却显示没结清", "Paid off but shown as open"),
    ("not_mine", "这笔贷款不是我借的（被人冒用身份）", "Not my loan (someone used my identity)"),
    ("amount", "金额或日期不对", "Wrong amount or date"),
    ("other", "其他错误或遗漏", "Another error or omission"),
)

FIELDS = (
    Field("to", "choice", "交给谁", "Sent to", default="center", choices=TO,
          help_zh="两处都可以提（第二十五条）", help_en="Either may be asked (art. 25)"),
    Field("error", "choice", "哪里不对", "What is wrong", choices=ERRORS, required=False),
    Field("lender", "text", "报送这条记录的机构", "Institution that reported the record", required=False, high=40,
          help_zh="信用报告里这条记录的“管理机构”", help_en="The “managing institution” shown on the record"),
    Field("account", "text", "账户或合同编号", "Account or contract number", required=False, high=40),
    Field("shown", "text", "报告里显示的内容", "What the report shows", required=False, high=120,
          help_zh="例如：2026 年 5 月显示逾期 1 期，金额 1,200 元", help_en="For example: May 2026 shown as 1 "
          "payment overdue, 1,200 yuan"),
    Field("actual", "text", "实际情况", "What actually happened", required=False, high=120,
          help_zh="例如：2026 年 5 月 10 日已按时还款", help_en="For example: paid on time on 10 May 2026"),
    Field("evidence", "text", "能证明的材料", "Your proof", required=False, high=120,
          help_zh="例如：还款凭证、结清证明、和机构的协议", help_en="For example: payment receipts, a settlement "
          "certificate, the agreement with the lender"),
    Field("police_receipt", "text", "报警回执编号（冒名贷款时）", "Police report number (loan in your name)",
          required=False, high=40),
    Field("police_date", "date", "报警日期", "Date reported to the police", required=False),
    Field("notified_date", "date", "通知放贷机构的日期", "Date you told the lender", required=False),
    Field("name", "text", "你的姓名", "Your name", required=False, high=20),
    Field("id_number", "text", "证件号码", "ID number", required=False, high=20,
          help_zh="交给征信中心时需要；这份文字只在你的设备上生成", help_en="Needed by the Credit Reference "
          "Center; this text is made on your device only"),
    Field("phone", "text", "你的手机号", "Your phone number", required=False, high=20),
    Field("letter_date", "date", "日期", "Date", required=False),
)

Inputs = common.make_inputs("Inputs", FIELDS)


@dataclass(frozen=True)
class Result:
    inputs: Inputs
    not_mine: bool  # a loan taken out in the reader's name (chosen, or police details given): those steps apply


def read_form(form: Mapping[str, object], today: dt.date | None = None) -> Inputs:
    """Inputs from a form of text values; an empty date of the letter is ``today`` (the caller's clock)."""
    return Inputs(**common.read_all(FIELDS, form, today))


def calculate(inputs: Inputs) -> Result:
    police = (inputs.police_receipt, inputs.police_date, inputs.notified_date)
    return Result(inputs, inputs.error == "not_mine" or any(v is not None for v in police))


def to_dict(result: Result) -> dict:
    return {**common.plain_dict(result.inputs, FIELDS), "not_mine": result.not_mine}
