"""The "what do I do now" checklist: known situations give the expected first step and
deadline; the periods come from the articles named beside each expectation."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import checklist, web
from calculators.money import InputError
from tests.replies import result_or_message


def steps(**form):
    result = checklist.calculate(checklist.read_form({k: str(v) for k, v in form.items()}))
    return result, [s.key for s in result.steps]


def test_a_payment_order_comes_first_with_its_15_days():
    # 民事诉讼法(2023) 第二百二十七条: 15 日内; 第八十五条: the day of receipt is not counted
    result, keys = steps(papers="payment_order", papers_date="2026-11-20", today="2026-11-30")
    first = result.steps[0]
    assert (first.key, first.deadline, first.days_left) == ("object_payment_order", dt.date(2026, 12, 5), 5)
    assert keys[-2:] == ["check_credit_report", "keep_records"]


# The paper in hand → its first step, its date and the article the zh page cites for it.
# Counting from receipt: 民事诉讼法(2023) 第八十五条, the day of receipt is not counted.
SCENARIOS = [
    # (form, first step key, date, article in the zh text of that step)
    # 起诉状副本: 15 日内答辩, 普通程序 — 民事诉讼法 第一百二十八条
    ({"papers": "lawsuit", "papers_date": "2026-11-20"}, "answer_lawsuit", dt.date(2026, 12, 5), "第一百二十八条"),
    # 传票: the hearing day on it; absent without cause → 缺席判决 — 第一百四十七条
    ({"papers": "summons", "hearing_date": "2026-12-10"}, "attend_hearing", dt.date(2026, 12, 10), "第一百四十七条"),
    # 应诉通知书/举证通知书: the court's own date — 第八十五条 (人民法院指定的期间)
    ({"papers": "court_notice", "notice_deadline": "2026-12-03"}, "court_deadline", dt.date(2026, 12, 3),
     "第八十五条"),
    # 应诉通知书 without a typed date: no date invented; read it on the notice — 解释 第二百七十五条
    ({"papers": "court_notice"}, "read_court_notice", None, "第二百七十五条"),
    # 支付令: 15 日内书面异议 — 第二百二十七条
    ({"papers": "payment_order", "papers_date": "2026-11-20"}, "object_payment_order", dt.date(2026, 12, 5),
     "第二百二十七条"),
    # 一审判决 (可上诉): 15 日内上诉 — 第一百七十一条
    ({"papers": "judgment", "papers_date": "2026-11-20"}, "consider_appeal", dt.date(2026, 12, 5), "第一百七十一条"),
    # 小额诉讼判决: 一审终审, no appeal (第一百六十五条); 再审 within 6 months — 第二百一十六条, 解释 第四百二十四条
    ({"papers": "small_claims_judgment", "papers_date": "2026-11-20"}, "small_claims_retrial",
     dt.date(2027, 5, 20), "第二百一十六条"),
    # 仲裁通知: no period counted from receipt; deny the agreement before the first hearing —
    # 仲裁法 (2025 修订) 第二十七条 as reported (2017 text 第二十条)
    ({"papers": "arbitration_notice"}, "check_arbitration", None, "第二十七条"),
    # 仲裁裁决: 3 个月 — 仲裁法 (2025 修订) 第七十二条, as reported; 2017 text 第五十九条 (6 个月) as history
    ({"papers": "arbitration_award", "papers_date": "2026-11-30"}, "challenge_award", dt.date(2027, 2, 28),
     "第七十二条"),
    # 执行通知书 (a court judgment): no period; what must be left to live on — 第二百五十四条、第二百五十五条
    ({"papers": "enforcement"}, "talk_to_enforcement", None, "第二百五十四条"),
    # 执行通知书 for an arbitration award: 不予执行 within 15 日 — 仲裁裁决执行规定 第八条
    ({"papers": "award_enforcement", "papers_date": "2026-11-20"}, "refuse_award_enforcement",
     dt.date(2026, 12, 5), "第八条"),
]


@pytest.mark.parametrize("form, key, last, article", SCENARIOS, ids=[s[0]["papers"] for s in SCENARIOS])
def test_each_paper_gets_its_own_first_step_date_and_article(form, key, last, article):
    result, _ = steps(**form, today="2026-11-30")
    first = result.steps[0]
    assert (first.key, first.deadline) == (key, last)
    if last is not None:
        assert first.days_left == (last - dt.date(2026, 11, 30)).days
    html = page({**form, "today": "2026-11-30"})["html"]
    item = html[html.index(f'<li data-step-key="{key}"'):].split("</li>")[0]
    assert article in item


def test_every_paper_choice_is_in_the_scenario_table_and_has_both_labels():
    papers = next(f for f in checklist.FIELDS if f.name == "papers")
    assert {k for k, _, _ in papers.choices} == {"none"} | {s[0]["papers"] for s in SCENARIOS}
    assert all(zh and en for _, zh, en in papers.choices)


def test_the_old_keys_still_mean_the_claim_and_an_appealable_judgment():
    # earlier pages and records sent "lawsuit" and "judgment": 第一百二十八条 and 第一百七十一条 still apply
    _, keys = steps(papers="lawsuit", papers_date="2026-11-20", today="2026-11-30")
    # the notice that comes with the claim may set an earlier date (解释 第二百七十五条): read it first
    assert keys[:3] == ["answer_lawsuit", "read_court_notice", "verify_case"]
    _, keys = steps(papers="lawsuit", papers_date="2026-11-20", notice_deadline="2026-11-27", today="2026-11-30")
    assert "read_court_notice" not in keys
    _, keys = steps(papers="judgment", papers_date="2026-11-20", today="2026-11-30")
    assert keys[:2] == ["consider_appeal", "report_assets"]


def test_the_claim_says_15_days_is_ordinary_procedure_and_the_courts_dates_come_first():
    # 第一百二十八条 (ordinary); 解释 第二百六十六条、第二百七十五条: the court sets the periods in
    # 简易程序 and 小额诉讼 (evidence in a small claim generally ≤ 7 days)
    html = page({"papers": "lawsuit", "papers_date": "2026-11-20", "today": "2026-11-30"})["html"]
    item = html[html.index('<li data-step-key="answer_lawsuit"'):].split("</li>")[0]
    assert "普通程序" in item and "第二百六十六条" in item and "第二百七十五条" in item and "7 日" in item
    en = page({"papers": "lawsuit", "papers_date": "2026-11-20", "today": "2026-11-30"}, "en")["html"]
    assert "ordinary procedure, Civil Procedure Law art. 128" in en


def test_a_summons_counts_the_days_to_the_hearing_and_offers_an_online_hearing():
    # the hearing day typed from the 传票; 第十六条: online with the parties' consent; 第一百四十七条
    result, keys = steps(papers="summons", hearing_date="2026-12-10", today="2026-11-30")
    assert keys[:2] == ["attend_hearing", "verify_case"]
    assert (result.steps[0].deadline, result.steps[0].days_left) == (dt.date(2026, 12, 10), 10)
    html = page({"papers": "summons", "hearing_date": "2026-12-10", "today": "2026-11-30"})["html"]
    item = html[html.index('<li data-step-key="attend_hearing"'):].split("</li>")[0]
    assert "开庭日期：2026年12月10日" in item and "在线开庭" in item and "第十六条" in item
    assert "还剩 10 天" in item
    assert "最后一天" not in item
    en = page({"papers": "summons", "hearing_date": "2026-12-10", "today": "2026-11-30"}, "en")["html"]
    assert "Hearing: 10 December 2026" in en and "online" in en
    today = page({"papers": "summons", "hearing_date": "2026-11-30", "today": "2026-11-30"})["html"]
    assert "今天开庭" in today
    passed = page({"papers": "summons", "hearing_date": "2026-11-20", "today": "2026-11-30"})["html"]
    assert "开庭日期已经过了 10 天" in passed and 'role="alert"' in passed


def test_a_summons_without_a_hearing_date_asks_for_it_in_both_languages():
    with pytest.raises(InputError) as err:
        steps(papers="summons", today="2026-11-30")
    assert err.value.field == "hearing_date"
    assert "开庭日期" in err.value.message["zh"] and "hearing date" in err.value.message["en"]
    reply = page({"papers": "summons", "today": "2026-11-30"})
    assert reply["ok"] is False and reply["field"] == "hearing_date"
    assert reply["message"]["zh"] and reply["message"]["en"]


def test_a_hearing_or_a_notice_date_before_the_papers_arrived_is_refused():
    with pytest.raises(InputError) as err:
        steps(papers="summons", papers_date="2026-11-25", hearing_date="2026-11-20", today="2026-11-30")
    assert err.value.field == "hearing_date"
    with pytest.raises(InputError) as err:
        steps(papers="court_notice", papers_date="2026-11-25", notice_deadline="2026-11-20", today="2026-11-30")
    assert err.value.field == "notice_deadline"
    assert err.value.message["zh"] and err.value.message["en"]


def test_a_court_notice_without_its_date_invents_none():
    result, keys = steps(papers="court_notice", today="2026-11-30")
    assert keys[:2] == ["read_court_notice", "verify_case"]
    assert all(s.deadline is None for s in result.steps)
    html = page({"papers": "court_notice", "today": "2026-11-30"})["html"]
    assert "最后一天" not in html and "通知书上写的期限" in html


def test_several_court_papers_together_come_soonest_first():
    # 起诉状副本 on 11-20 (→ 12-05, 第一百二十八条), a notice's evidence deadline 11-27, a hearing 12-01
    result, keys = steps(papers="lawsuit", papers_date="2026-11-20", notice_deadline="2026-11-27",
                         hearing_date="2026-12-01", today="2026-11-25")
    assert keys[:4] == ["court_deadline", "attend_hearing", "answer_lawsuit", "verify_case"]
    assert [s.deadline for s in result.steps[:3]] == [dt.date(2026, 11, 27), dt.date(2026, 12, 1),
                                                      dt.date(2026, 12, 5)]
    assert checklist.to_dict(result)["first_deadline"] == "2026-11-27"


def test_typed_dates_do_not_attach_to_papers_outside_a_court_case():
    _, keys = steps(papers="payment_order", papers_date="2026-11-20", hearing_date="2026-12-10",
                    today="2026-11-30")
    assert "attend_hearing" not in keys


def test_a_small_claims_judgment_says_no_appeal_and_points_to_a_retrial():
    # 第一百六十五条: 一审终审; 第二百一十六条: 6 个月; 解释 第四百二十四条: to the court that decided it
    result, keys = steps(papers="small_claims_judgment", papers_date="2026-11-20", today="2026-11-30")
    assert "consider_appeal" not in keys and keys[:2] == ["small_claims_retrial", "report_assets"]
    html = page({"papers": "small_claims_judgment", "papers_date": "2026-11-20", "today": "2026-11-30"})["html"]
    item = html[html.index('<li data-step-key="small_claims_retrial"'):].split("</li>")[0]
    assert "不能上诉" in item and "第一百六十五条" in item and "第四百二十四条" in item
    assert "最后一天：2027年5月20日（6 个月内" in item
    en = page({"papers": "small_claims_judgment", "papers_date": "2026-11-20", "today": "2026-11-30"}, "en")["html"]
    assert "cannot be appealed" in en


def test_an_appealable_judgment_warns_that_a_small_claim_cannot_be_appealed():
    html = page({"papers": "judgment", "papers_date": "2026-11-20", "today": "2026-11-30"})["html"]
    item = html[html.index('<li data-step-key="consider_appeal"'):].split("</li>")[0]
    assert "一审终审" in item and "不能上诉" in item


def test_the_award_cites_the_2025_article_and_the_2017_one_only_as_history():
    html = page({"papers": "arbitration_award", "papers_date": "2026-11-30", "today": "2026-11-30"})["html"]
    item = html[html.index('<li data-step-key="challenge_award"'):].split("</li>")[0]
    assert "《仲裁法》（2025 年修订）第七十二条" in item and "2017 年文本第五十九条为 6 个月" in item
    assert "非官方公报" in item  # the official gazette text could not be read: said, not hidden


def test_enforcing_an_award_gives_15_days_to_ask_not_to_enforce():
    # 仲裁裁决执行规定 第八条: 执行通知书送达之日起十五日内; grounds: 民事诉讼法 第二百四十八条
    result, keys = steps(papers="award_enforcement", papers_date="2026-11-20", today="2026-11-30")
    assert keys[:3] == ["refuse_award_enforcement", "talk_to_enforcement", "report_assets"]
    assert result.steps[0].days_left == 5
    _, keys = steps(papers="enforcement", today="2026-11-30")
    assert keys[:2] == ["talk_to_enforcement", "report_assets"]


def test_the_calendar_names_a_hearing_as_a_hearing():
    from calculators.views import calendar

    result, _ = steps(papers="summons", hearing_date="2026-12-10", today="2026-11-30")
    (event,) = calendar.CHECKLIST.events(result, "zh")
    assert event.day == dt.date(2026, 12, 10) and event.summary.startswith("开庭日期：")


def test_threats_come_before_any_deadline():
    _, keys = steps(threats="yes", papers="lawsuit", papers_date="2026-11-25", today="2026-11-30")
    assert keys[:4] == ["report_threats", "answer_lawsuit", "read_court_notice", "verify_case"]


def test_a_deadline_already_passed_shows_negative_days():
    result, _ = steps(papers="payment_order", papers_date="2026-10-01", today="2026-11-30")
    assert result.steps[0].days_left == -45


def test_a_shortfall_leads_to_negotiating_and_enough_leads_to_a_payoff_plan():
    result, keys = steps(can_pay="1500", minimums="2300", today="2026-11-30")
    assert "negotiate_shortfall" in keys and "plan_payoff" not in keys
    assert str(result.shortfall) == "800"
    _, keys = steps(can_pay="3000", minimums="2300", today="2026-11-30")
    assert "plan_payoff" in keys and "negotiate_shortfall" not in keys


def test_not_yet_overdue_means_talking_before_the_due_date():
    _, keys = steps(situation="not_yet", credit_card="yes", today="2026-11-30")
    assert keys[0] == "talk_before_due"
    assert "credit_card_contact" not in keys


def test_papers_without_a_date_get_a_message_in_both_languages():
    with pytest.raises(InputError) as err:
        steps(papers="payment_order")
    assert err.value.field == "papers_date"
    assert "日期" in err.value.message["zh"] and "date" in err.value.message["en"]


def test_papers_dated_after_today_are_refused():
    with pytest.raises(InputError) as err:
        steps(papers="lawsuit", papers_date="2026-12-10", today="2026-11-30")
    assert err.value.field == "papers_date"


def test_an_empty_today_is_the_clock_given_and_papers_after_it_are_refused():
    form = {"papers": "payment_order", "papers_date": "2026-11-20", "today": ""}
    result = checklist.calculate(checklist.read_form(form, dt.date(2026, 11, 30)))
    assert (result.today, result.steps[0].days_left) == (dt.date(2026, 11, 30), 5)
    with pytest.raises(InputError) as err:
        checklist.read_form(form, dt.date(2026, 11, 19))  # received "tomorrow"
    assert err.value.field == "papers_date"
    reply = json.loads(web.run("checklist", json.dumps(form), "zh", True, "2026-12-01"))
    assert "还剩 4 天" in reply["html"]


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from([f.name for f in checklist.FIELDS]),
                       st.one_of(st.text(max_size=20), st.sampled_from(
                           ["payment_order", "lawsuit", "summons", "court_notice", "small_claims_judgment",
                            "award_enforcement", "2026-11-20", "2026-12-10", "yes", "no", "5000", "-1"]))))
def test_hostile_input_gives_a_result_or_a_message_never_an_exception(form):
    try:
        result = checklist.calculate(checklist.read_form(form, dt.date(2026, 11, 30)))
    except InputError as err:
        assert err.message["zh"] and err.message["en"]
    else:
        assert result.steps[-1].key == "keep_records"
        checklist.to_dict(result)


# --- the page: the view and the browser's door ------------------------------------------------


def page(form: dict, lang: str = "zh") -> dict:
    return json.loads(web.run("checklist", json.dumps(form, ensure_ascii=False), lang))


def test_the_page_states_the_last_day_the_period_and_its_rule():
    # 民事诉讼法(2023) 第二百二十七条: 15 日内; 第八十五条: received 2026-11-20 → last day 2026-12-05
    reply = page({"papers": "payment_order", "papers_date": "2026-11-20", "today": "2026-11-30"})
    assert reply["ok"]
    html = reply["html"]
    first = html[html.index('<li data-step-key="object_payment_order"'):]
    assert "最后一天：2026年12月5日（15 日内，《民事诉讼法》第二百二十七条）" in first
    assert "还剩 5 天" in first
    assert 'href="../../guides/payment-order/#payment-order"' in first.split("</li>")[0]
    assert "第八十五条" in html
    en = page({"papers": "payment_order", "papers_date": "2026-11-20", "today": "2026-11-30"}, "en")["html"]
    assert "Last day: 5 December 2026 (within 15 days, Civil Procedure Law art. 227)" in en


def test_a_passed_deadline_is_a_warning_with_the_legal_aid_line():
    html = page({"papers": "payment_order", "papers_date": "2026-10-01", "today": "2026-11-30"})["html"]
    warning = re.search(r'<p class="calc-step-deadline calc-step-passed" role="alert"[^>]*>([^<]*)</p>', html)
    assert warning and "45 天" in warning.group(1) and "12348" in warning.group(1)


def test_every_step_links_to_a_page_and_steps_come_in_order():
    reply = page({"threats": "yes", "papers": "lawsuit", "papers_date": "2026-11-25", "today": "2026-11-30",
                  "credit_card": "yes", "private_loan": "yes", "can_pay": "1000", "minimums": "2000"}, "en")
    html = reply["html"]
    order = re.findall(r'<li data-step-key="([a-z_]+)"', html)
    assert order == [s["key"] for s in reply["result"]["steps"]]
    assert order[:4] == ["report_threats", "answer_lawsuit", "read_court_notice", "verify_case"]
    assert len(re.findall(r'<p class="calc-step-link">', html)) == len(order)


def test_the_default_example_does_not_depend_on_the_day_it_is_built():
    # the build-time example (no papers) shows no date, so the page is the same whatever the build date
    one, two = page({"today": "2026-11-30"}), page({"today": "2031-02-28"})
    assert one["html"] == two["html"]


@pytest.mark.parametrize("form", [
    {"papers": "payment_order"},
    {"papers": "lawsuit", "papers_date": "2026-12-10", "today": "2026-11-30"},
    {"papers": "<script>", "papers_date": "x"},
    {"papers": "summons"},
    {"papers": "summons", "hearing_date": "not a date"},
    {"papers": "court_notice", "notice_deadline": "2026-13-01"},
    {"can_pay": "abc"},
    {"situation": ["not", "text"]},
    {"today": "2026-02-30"},
])
def test_hostile_forms_through_the_door_give_a_message(form):
    reply = page(form)
    assert reply["ok"] is False
    result_or_message(reply, "checklist")


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.sampled_from([f.name for f in checklist.FIELDS] + ["calendar_first"]),
                       st.one_of(st.text(max_size=20), st.sampled_from(
                           ["payment_order", "judgment", "summons", "court_notice", "2026-11-20", "yes",
                            "<b>x</b>"]))),
       st.sampled_from(["checklist", "checklist.ics"]), st.sampled_from(web.LANGS))
def test_any_form_through_the_door_gives_a_page_or_a_message(form, slug, lang):
    form.setdefault("today", "2026-11-30")
    reply = json.loads(web.run(slug, json.dumps(form), lang))
    result_or_message(reply, slug)
    if reply["ok"]:
        assert "<b>" not in reply.get("html", "")


def test_the_headline_deadline_says_a_courts_notice_may_set_an_earlier_day():
    # a summons fixes the hearing, but the claim's 15 days (第一百二十八条) or a small claim's 7-day
    # evidence period (解释 第二百七十五条) may come first: the headline must not look final
    for form in ({"papers": "summons", "papers_date": "2026-12-01", "hearing_date": "2026-12-20"},
                 {"papers": "lawsuit", "papers_date": "2026-12-01"}):
        html = page({**form, "today": "2026-12-06"})["html"]
        assert "以法院通知书、传票上写的为准，可能更早" in html
    typed = page({"papers": "lawsuit", "papers_date": "2026-12-01", "notice_deadline": "2026-12-20",
                  "today": "2026-12-06"})["html"]
    assert "可能更早" in typed.split("calc-figures")[1].split("</dl>")[0]  # a later date typed: still said
    html = page({"papers": "payment_order", "papers_date": "2026-12-01", "today": "2026-12-06"})["html"]
    assert "可能更早" not in html.split("calc-figures")[1].split("</dl>")[0]
