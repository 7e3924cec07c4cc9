"""stop-contact: 要求停止联系第三人, asking the lender to stop contacting other people about the debt.

Nothing is computed: the letter carries what the reader typed, and cites the
banking association's collection guideline (2026-01-30) and the Personal
Information Protection Law, arts. 10 and 13, in the view.

>>> calculate(read_form({"who": "我的父母和单位同事"})).inputs.who
'我的父母和单位同事'
"""

from __future__ import annotations

from . import letters_common as common
from .fields import Field
from .money import InputError


def _validate(i) -> None:
    common.digits("id_last4", i.id_last4, 4, "身份证号后四位", "Last 4 of ID number", allow_x=True)
    if i.first_date and i.last_date and i.last_date < i.first_date:
        raise InputError("last_date", "最近一次的日期早于第一次的日期，请检查这两个日期",
                         "The latest date is before the first date; check both dates")


SLUG = "stop-contact"
TITLE = {"zh": "要求停止联系第三人", "en": "Letter asking the lender to stop contacting other people"}

FIELDS = (
    common.LENDER_KIND,
    Field("who", "text", "被联系的人", "Who was contacted", required=False, high=60,
          help_zh="写关系就行，例如：我的父母、单位同事、通讯录里的朋友。不用写他们的姓名和电话",
          help_en="Their relation to you is enough, e.g. my parents, colleagues, friends in my contacts. "
                  "No need for their names or numbers"),
    Field("how", "text", "怎么联系的", "How they were contacted", required=False, high=60,
          help_zh="例如：打电话、发短信、发微信", help_en="For example: calls, text messages, WeChat"),
    Field("first_date", "date", "第一次发生的日期", "Date it first happened", required=False),
    Field("last_date", "date", "最近一次的日期", "Date it last happened", required=False),
    Field("lender", "text", "平台或机构名称", "Lender or platform", required=False, high=40),
    Field("loan_number", "text", "借款合同编号或借款单号", "Contract or loan number", required=False, high=40),
    Field("name", "text", "你的姓名", "Your name", required=False, high=20),
    Field("id_last4", "text", "身份证号后四位", "Last 4 characters of your ID number", required=False, high=4),
    Field("phone", "text", "你的手机号（以后只联系这个号码）", "Your phone (the one number to contact)",
          required=False, high=20),
    Field("letter_date", "date", "写信日期", "Date of the letter", required=False),
)

Inputs = common.make_inputs("Inputs", FIELDS, _validate)

Result = common.Filled
read_form, calculate, to_dict = common.plain_parts(FIELDS, Inputs)
