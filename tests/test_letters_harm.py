"""Letters a borrower signs must not hurt them (issue: the tools a borrower acts on): amounts are the
reader's reading, never the lender's figures conceded; every letter that states a debt or proposes a
plan reserves every defence; a letter that promises payment first asks about the limitation period
and the lender, and stops the reader when sending it could cost a defence; the rule a letter cites
against collection is the one that binds that kind of lender. Each expectation names its article."""

from __future__ import annotations

import json

import pytest

from calculators import letters_common, web
from calculators.lines import LENDERS
from calculators.views.letters import RESERVATION

CLOCK = "2026-12-06"  # the date a letter's empty date takes in these tests (web.run's ``today``)


def reply(slug: str, form: dict, lang: str = "zh") -> dict:
    out = json.loads(web.run(slug, json.dumps(form, ensure_ascii=False), lang, True, CLOCK))
    assert out["ok"], out
    return out


# Letters that state a debt or propose a plan: each ends with the reservation before the signature. The
# request for documents states no amount but answers a claimed debt, so it reserves every defence too.
STATING = ["negotiation-letter", "card-instalments"]


@pytest.mark.parametrize("slug", STATING)
def test_letters_that_state_a_debt_reserve_every_defence(slug):
    text = reply(slug, {"owed": "13500", "name": "张三"})["text"]
    # nothing in the letter accepts the lender's figures (the reservation does not undo 同意履行, which is
    # why a letter that proposes payment also warns: see the cautions below)
    assert RESERVATION[0] in text
    assert "以双方核对一致的为准" in text and "保留法律规定的全部权利和抗辩" in text


@pytest.mark.parametrize("slug", ["documents-request", "credit-dispute", "complaint", "stop-contact",
                                  "hardship-statement"])
def test_letters_that_state_no_debt_still_concede_nothing(slug):
    text = reply(slug, {"lender": "某某小贷"})["text"]
    assert "不代表我确认" in text
    assert "请以贵方核实为准" not in text and "以贵方" not in text


@pytest.mark.parametrize("slug", sorted(web.DOCUMENTS))
def test_no_letter_concedes_the_lenders_figures_or_promises_unasked(slug):
    text = reply(slug, {})["text"]
    assert "以贵方核实为准" not in text
    if slug in ("complaint", "stop-contact"):
        # a complaint or a request to stop contacting others needs no promise to pay (同意履行,
        # 民法典 第一百九十五条第二项)
        assert "愿意还" not in text and "愿意按自己的能力还款" not in text and "愿意就还款" not in text


def test_negotiation_letter_gives_the_amount_as_the_readers_reading():
    text = reply("negotiation-letter", {"owed": "13500", "penalties": "3500"})["text"]
    assert "按我对账单的理解，账单显示的欠款是 13,500.00 元" in text
    assert "其中罚息和违约金 3,500.00 元；具体金额以双方核对一致的为准" in text


# (form, the cautions expected): 民法典 第一百八十八条 (3 years), 第一百九十五条 (a demand starts it again),
# 第一百九十二条第二款 (agreeing to pay after it ran out gives up the defence); 法释〔2020〕17号 第十三条第三项
# (an unlicensed business lender's contract is void).
SCENARIOS = [
    ({}, ()),
    ({"last_paid": "2023-12-07"}, ()),  # 3 years less a day before the letter: not yet
    # the period's last day (第二百零一条、第二百零二条): close enough to warn
    ({"last_paid": "2023-12-06"}, ("old",)),
    # a demand after the three years ran out restarts nothing (第一百九十二条第一款): still warned
    ({"last_paid": "2019-01-01", "last_demand": "2025-06-01"}, ("old",)),
    ({"last_paid": "2021-05-01", "last_demand": "2022-03-01"}, ("old",)),
    ({"last_demand": "2022-03-01"}, ("old",)),  # no payment given: the last demand counts
    ({"last_demand": "2024-03-01"}, ()),
    # no dates given, but more than three years overdue (1,300 days before 2026-12-06 is 2023-05-16)
    ({"overdue_days": "1300"}, ("old",)),
    ({"overdue_days": "400"}, ()),
    # a recent demand does not hide three years overdue (第一百九十二条第一款: it restarts nothing)
    ({"overdue_days": "1300", "last_demand": "2026-11-01"}, ("old",)),
    ({"lender_kind": "unlicensed"}, ("unlicensed",)),
    ({"trap": "yes"}, ("trap",)),
    ({"lender_kind": "unlicensed", "trap": "yes", "last_demand": "2020-01-01"}, ("unlicensed", "trap", "old")),
    ({"lender_kind": "micro_loan", "last_paid": "2025-01-01"}, ()),
]


@pytest.mark.parametrize("form, expected", SCENARIOS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_letter_that_promises_payment_stops_the_reader_when_it_could_cost_a_defence(form, expected, lang):
    out = reply("negotiation-letter", form, lang)
    assert tuple(out["result"]["cautions"]) == expected
    if expected:
        assert f'data-cautions="{" ".join(expected)}"' in out["html"]
        assert "12348" in out["html"]  # where to ask first, for free
        # the box comes before the letter itself
        assert out["html"].index("letter-caution") < out["html"].index("letter-body")
        # never says the debt is time-barred: only that it may be, and why it may not
        if "old" in expected:
            assert ("不一定已经过了" if lang == "zh" else "it may not have run out") in out["html"]
    else:
        assert "letter-caution" not in out["html"]


@pytest.mark.parametrize("slug", ["card-instalments", "hardship-statement"])
def test_every_letter_asking_for_time_or_a_plan_asks_about_the_limitation_too(slug):
    # 诉讼时效规定 第十四条: 请求延期履行、制定清偿债务计划 count as agreeing to pay
    out = reply(slug, {"last_paid": "2022-01-01"})
    assert out["result"]["cautions"] == ["old"]
    assert "letter-caution" in out["html"]


@pytest.mark.parametrize("slug", ["negotiation-letter", "card-instalments", "hardship-statement"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_letter_that_proposes_payment_says_what_sending_it_means(slug, lang):
    html = reply(slug, {}, lang)["html"]
    if lang == "zh":
        assert "诉讼时效" in html and "重新计算" in html and "不能再用时效抗辩" in html and "12348" in html
    else:
        assert "time limit" in html and "can no longer rely on it" in html and "12348" in html


def test_the_documents_request_records_no_demand_and_states_no_amount():
    text = reply("documents-request", {"lender": "某某小贷", "collector": "某某催收"})["text"]
    assert "向我要求还款" not in text  # a demand put in writing by the borrower would help the lender prove one
    assert "贵方所称的某某小贷的一笔借款" in text and "以贵方名义联系我的是某某催收" in text
    assert "本函中的金额" not in text and "保留法律规定的全部权利和抗辩" in text


def test_the_credit_dispute_concerns_the_record_only():
    assert "本申请只针对信用报告记录" in reply("credit-dispute", {})["text"]


def test_a_last_payment_after_the_letter_is_refused_on_its_field():
    out = json.loads(web.run("negotiation-letter", json.dumps({"last_paid": "2027-01-01"}), "en", True, CLOCK))
    assert out["ok"] is False and out["field"] == "last_paid"
    assert "cannot be after the date of the letter" in out["message"]["en"]
    assert "不能晚于写信日期" in out["message"]["zh"]


def test_the_date_of_a_letter_left_empty_is_today_and_a_typed_one_stays():
    assert "2026年12月6日" in reply("negotiation-letter", {})["text"]
    assert "2026年11月2日" in reply("negotiation-letter", {"letter_date": "2026-11-02"})["text"]


# The banking association's guideline binds its members (banks, consumer-finance companies); the
# Personal Information Protection Law (第十条、第十三条) binds every lender and collector.
@pytest.mark.parametrize("slug", ["complaint", "stop-contact"])
@pytest.mark.parametrize("kind, guideline, conditional", [
    ("bank", True, False), ("consumer_finance", True, False),
    ("micro_loan", False, False), ("private", False, False), ("unlicensed", False, False),
    ("unknown", True, True),
])
def test_the_rule_cited_against_collection_binds_that_kind_of_lender(slug, kind, guideline, conditional):
    text = reply(slug, {"lender_kind": kind})["text"]
    assert "个人信息保护法》第十条" in text
    assert ("催收工作指引" in text) is guideline
    assert ("如果贷款人是银行或消费金融公司" in text) is conditional


def test_one_set_of_lender_keys_across_calculators_and_letters():
    keys = [k for k, _, _ in LENDERS]
    for slug in ("complaint", "stop-contact", "negotiation-letter"):
        field = next(f for f in web.calculator(slug).FIELDS if f.name == "lender_kind")
        assert [c[0] for c in field.choices] == keys
    # an older link's spelling still reads as the same lender
    old = reply("complaint", {"lender_kind": "microloan"})
    assert old["result"]["lender_kind"] == "micro_loan" and old["result"]["channels"][0] == "local_regulator"
    assert letters_common.LENDER_ALIASES == {"microloan": "micro_loan"}


@pytest.mark.parametrize("slug", ["documents-request", "stop-contact"])
def test_letters_whose_answer_is_a_demand_say_so(slug):
    # the lender's written answer would prove a demand reached the reader (民法典 第一百九十五条第一项;
    # 诉讼时效规定 第八条); a collection notice signed after three years waives the defence (第十九条第三款)
    html = reply(slug, {})["html"]
    assert "第十九条第三款" in html and "12348" in html
    assert "第十七条" in html  # an assignment notice restarts a running period too


def test_the_complaint_does_not_promise_the_lender_will_not_see_it():
    html = reply("complaint", {})["html"]
    assert "可以只交给监管部门" not in html and "一般也会转给被投诉机构处理" in html
