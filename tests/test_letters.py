"""The document builders (calculators/letters_*.py): what is typed appears exactly, what is left
empty is a visible blank and nothing else, markup stays text, the English page shows the Chinese
text with its English rendering, and the reply and the CLI carry the exact text."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from html import escape

import pytest

from calculators import letters_complaint, letters_hardship, web
from calculators.views.letters import BLANK, RESERVATION_NO_AMOUNTS
from tests.conftest import ROOT
from tests.replies import result_or_message

SLUGS = sorted(web.DOCUMENTS)
MARKUP = '<script>alert("x")</script><b>&amp;'

# For each document: a form as a reader types it, and the texts that must then appear in the letter.
TYPED = {
    "negotiation-letter": ({"name": "张三", "lender": "某某消费金融", "loan_number": "JK-2026-001",
                            "owed": "10000", "plan": "frozen", "months": "36", "monthly": "277.78",
                            "first_date": "2026-12-15", "contact_time": "工作日晚上"},
                           ["张三", "某某消费金融", "JK-2026-001", "10,000.00 元", "分 36 期", "277.78 元",
                            "2026年12月15日", "工作日晚上", "第五百四十三条"]),
    "complaint": ({"name": "李四", "lender_kind": "bank", "numbers": "95588、10086", "night_calls": "yes",
                   "fake_legal": "yes", "first_date": "2026-10-01", "times": "40"},
                  ["李四", "95588、10086", "2026年10月1日", "大约 40 次", "22:00", "律师函", "【证据清单】",
                   "【打电话时可以这样说】"]),
    "stop-contact": ({"name": "王五", "who": "我的父母和单位同事", "how": "打电话", "phone": "13800000000"},
                     ["王五", "我的父母和单位同事", "打电话", "13800000000", "第十条", "第十三条"]),
    "credit-dispute": ({"name": "赵六", "error": "not_mine", "police_receipt": "京公(朝)受案字[2026]123号",
                        "police_date": "2026-11-01", "lender": "某某银行"},
                       ["赵六", "京公(朝)受案字[2026]123号", "2026年11月1日", "某某银行", "第二十五条",
                        "20日内"]),
    "hardship-statement": ({"name": "孙七", "wages": "6000", "rent": "2000", "food": "1500",
                            "debt1_name": "信用卡", "debt1_monthly": "1200"},
                           ["孙七", "6,000.00 元", "2,000.00 元", "信用卡：1,200.00 元", "收入合计：6,000.00 元",
                            "必要开支合计：3,500.00 元", "每月剩余（收入 − 必要开支 − 其他欠款）：1,300.00 元"]),
    "card-instalments": ({"name": "周八", "bank": "某某银行信用卡中心", "card_last4": "0427", "owed": "52000",
                          "months": "60", "monthly": "1000"},
                         ["周八", "某某银行信用卡中心", "0427", "52,000.00 元", "分 60 期", "1,000.00 元",
                          "第七十条"]),
    "documents-request": ({"name": "吴九", "lender_kind": "bank", "lender": "某某银行", "loan_number": "XD-2026-88",
                           "collector": "某某资产管理有限公司", "phone": "13900000000", "reply_days": "20",
                           "reply_to": "wujiu@example.com", "letter_date": "2026-12-06"},
                          ["吴九", "某某银行", "XD-2026-88", "某某资产管理有限公司", "13900000000", "20 日内",
                           "wujiu@example.com", "2026年12月6日", "第四十五条", "第五百四十六条", "第二十八条",
                           "电子签署记录", "债权转让通知"]),
    "collection-log": ({"name": "郑十", "lender": "某某小贷", "entries": [
                           {"date": "2026-11-03", "time": "23:15", "number": "13800000001", "who": "某某资产",
                            "said": "不还就找你单位", "third_parties": "yes"}]},
                       ["郑十", "某某小贷", "2026年11月3日 23:15（夜间）", "13800000001", "某某资产", "不还就找你单位",
                        "联系了我的家人、朋友或单位", "晚上 22:00 到第二天早上 8:00 之间 1 次"]),
}


def reply(slug: str, form: dict, lang: str = "zh") -> dict:
    # a letter date left empty is this fixed day, never the computer's (issue 19 item 1)
    out = json.loads(web.run(slug, json.dumps(form, ensure_ascii=False), lang, today="2026-12-01"))
    assert out["ok"], out
    return out


def test_every_document_has_a_typed_case():
    assert set(TYPED) == set(SLUGS)


@pytest.mark.parametrize("slug", SLUGS)
def test_typed_values_appear_exactly_in_the_text_and_the_page(slug):
    form, expected = TYPED[slug]
    out = reply(slug, form)
    for piece in expected:
        assert piece in out["text"], (slug, piece)
        assert escape(piece, quote=True) in out["html"], (slug, piece)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("slug", SLUGS)
def test_empty_fields_leave_visible_blanks_and_nothing_else(slug, lang):
    out = reply(slug, {}, lang)
    assert BLANK in out["text"]
    for junk in ("None", "none", "undefined", "null", "NaN", "nan", "False", "True", "{", "}"):
        assert junk not in out["text"], (slug, junk)
    visible = out["html"].replace('data-letter-slug="', "")
    for junk in (">None", "None<", "undefined", ">null", "NaN"):
        assert junk not in visible, (slug, junk)
    assert out["text"] == out["text"].strip() and "\n\n\n" not in out["text"]


def _text_fields(slug):
    return [f.name for f in web.DOCUMENTS[slug].FIELDS if f.kind == "text" and int(f.high or 60) >= len(MARKUP)]


@pytest.mark.parametrize("slug", SLUGS)
def test_markup_typed_into_any_field_stays_text(slug):
    names = _text_fields(slug)
    assert names, slug
    for name in names:
        out = reply(slug, {name: MARKUP})
        assert MARKUP in out["text"], (slug, name)  # the text to send carries it exactly
        assert "<script" not in out["html"] and "<b>" not in out["html"], (slug, name)
        assert escape(MARKUP, quote=True) in out["html"], (slug, name)


@pytest.mark.parametrize("slug", SLUGS)
def test_the_page_keeps_the_exact_text_for_copy(slug):
    form, _ = TYPED[slug]
    out = reply(slug, {**form, "name": MARKUP[:20]})
    assert f'<pre class="letter-plain" hidden>{escape(out["text"], quote=True)}</pre>' in out["html"]


@pytest.mark.parametrize("slug", SLUGS)
def test_english_page_shows_the_chinese_text_with_an_english_rendering(slug):
    form, expected = TYPED[slug]
    zh, en = reply(slug, form, "zh"), reply(slug, form, "en")
    assert zh["text"] == en["text"], "the text to send is Chinese on both pages"
    assert "letter-en" not in zh["html"] and 'class="letter-p letter-en" lang="en"' in en["html"]
    paragraphs = zh["text"].split("\n\n")
    assert en["html"].count('class="letter-pair"') == len(paragraphs)
    for para in paragraphs:
        first_line = para.split("\n")[0]
        assert escape(first_line, quote=True) in en["html"]
    assert en["html"].count('lang="en">') == len(paragraphs) + 1  # each paragraph's rendering, and the result


def test_hardship_totals_and_what_is_left():
    # 6,000 + 500 in; 2,000 + 1,500 + 300 essentials; 1,200 + 800 debts: 6,500 − 3,800 − 2,000 = 700
    r = letters_hardship.calculate(letters_hardship.read_form({
        "wages": "6000", "other_income": "500", "rent": "2000", "food": "1500", "transport": "300",
        "debt1_monthly": "1200", "debt2_monthly": "800"}))
    assert (r.income, r.essentials, r.debts, r.left) == (Decimal("6500"), Decimal("3800"), Decimal("2000"),
                                                         Decimal("700"))
    out = reply("hardship-statement", {"wages": "3000", "rent": "2500", "food": "1000"})
    # 3,000 − 3,500 = −500: a shortfall, said as one
    assert "每月缺口：500.00 元" in out["text"] and "每月剩余" not in out["text"]
    empty = reply("hardship-statement", {})
    assert "收入合计：＿＿＿＿元" in empty["text"] and empty["result"]["left"] is None


@pytest.mark.parametrize("kind, events, first, last", [
    ("bank", {}, "12378", "nifa"),
    ("consumer_finance", {"threats": "yes"}, "12378", "110"),
    ("microloan", {"night_calls": "yes"}, "local_regulator", "nifa"),
    ("unknown", {"fake_legal": "yes"}, "12378", "110"),
])
def test_complaint_channel_follows_the_kind_of_lender(kind, events, first, last):
    r = letters_complaint.calculate(letters_complaint.read_form({"lender_kind": kind, **events}))
    assert r.channels[0] == first and r.channels[-1] == last
    if "night_calls" in events:
        assert "12321" in r.channels


@pytest.mark.parametrize("slug, form, field, zh", [
    ("card-instalments", {"months": "61"}, "months", "请输入 1 到 60 之间的整数（个月），例如 12"),
    ("card-instalments", {"card_last4": "12a4"}, "card_last4", "卡号后四位请填 4 位数字，例如 1234"),
    ("negotiation-letter", {"name": "张" * 21}, "name", "这一项最多 20 个字，现在有 21 个字，请删短一些"),
    ("complaint", {"first_date": "2026-10-02", "last_date": "2026-10-01"}, "last_date",
     "最近一次的日期早于第一次的日期，请检查这两个日期"),
    ("negotiation-letter", {"owed": "-5"}, "owed", None),
    # a count without a unit: no empty "（）" and no "a whole number of  from"
    ("hardship-statement", {"household": "0"}, "household", "请输入 1 到 20 之间的整数，例如 3"),
    ("complaint", {"times": "多次"}, "times", "请输入 1 到 10000 之间的整数，例如 10"),
])
def test_bad_input_gets_a_message_next_to_its_field(slug, form, field, zh):
    out = json.loads(web.run(slug, json.dumps(form)))
    assert out["ok"] is False and out["field"] == field
    if zh:
        assert out["message"]["zh"] == zh
    assert out["message"]["en"] and "  " not in out["message"]["en"]


@pytest.mark.parametrize("slug", SLUGS)
def test_hostile_values_never_raise(slug):
    for value in ["", " ", "\n\t", "\x00", "1e400", "NaN", "<", "'\"", "１２３", "🙂" * 5, None, 5, [], {}]:
        form = {f.name: value for f in web.DOCUMENTS[slug].FIELDS}
        result_or_message(json.loads(web.run(slug, json.dumps(form))), slug)


@pytest.mark.parametrize("kind, consumer, conditional", [
    ("bank", True, False), ("consumer_finance", True, False),
    ("micro_loan", False, False), ("private", False, False), ("unlicensed", False, False),
    ("unknown", True, True),
])
def test_the_documents_request_asks_and_concedes_nothing(kind, consumer, conditional):
    text = reply("documents-request", {"lender_kind": kind})["text"]
    # 个人信息保护法 第四十五条 and 民法典 第五百四十六条 quoted in their own words, for every lender
    assert "“个人有权向个人信息处理者查阅、复制其个人信息；有本法第十八条第一款、第三十五条规定情形的除外。”" in text
    assert "“个人请求查阅、复制其个人信息的，个人信息处理者应当及时提供。”" in text
    assert "“债权人转让债权，未通知债务人的，该转让对债务人不发生效力。”" in text
    # 消费者权益保护法 第二十八条 (costs of financial services): banks and consumer-finance companies only
    assert ("消费者权益保护法》第二十八条" in text) is consumer
    assert ("如果贷款人是银行或消费金融公司" in text) is conditional
    # it asks: no amount, no admission, no promise (民法典 第一百九十五条第二项); the reservation before the
    # signature
    for conceding in ("我欠", "欠款是", "愿意还", "承诺还款", "以贵方核实为准", "元"):
        assert conceding not in text, conceding
    assert "不是还款承诺" in text
    assert text.split("\n\n")[-3] == RESERVATION_NO_AMOUNTS[0]  # then only the name and the date


def test_the_documents_request_reply_period_is_a_request():
    assert "请在收到本函后 15 日内" in reply("documents-request", {})["text"]  # the page starts at 15 days
    assert "请在收到本函后及时" in reply("documents-request", {"reply_days": ""})["text"]
    page = reply("documents-request", {}, "en")["html"]
    assert "not a deadline set by law" in page
    bad = json.loads(web.run("documents-request", json.dumps({"reply_days": "61"})))
    assert bad["ok"] is False and bad["field"] == "reply_days"


def test_the_cli_prints_the_document_text():
    form, expected = TYPED["complaint"]
    form = {**form, "letter_date": form.get("letter_date") or "2026-12-01"}  # the day reply() fixes, said to the CLI
    args = [f"{k}={v}" for k, v in form.items()]
    proc = subprocess.run([sys.executable, "-m", "tools.clock", "calculators", "complaint", *args, "--text"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == reply("complaint", form)["text"] + "\n"
    bad = subprocess.run([sys.executable, "-m", "calculators", "repayment", "--text"], cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "not a document" in bad.stderr
