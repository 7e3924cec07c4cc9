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
from tests.cases import Case, Known


def steps(**form):
    result = checklist.calculate(checklist.read_form({k: str(v) for k, v in form.items()}))
    return result, [s.key for s in result.steps]


def test_a_payment_order_comes_first_with_its_15_days():
    # 民事诉讼法(2023) 第二百二十七条: 15 日内; 第八十五条: the day of receipt is not counted
    result, keys = steps(papers="payment_order", papers_date="2026-11-20", today="2026-11-30")
    first = result.steps[0]
    assert (first.key, first.deadline, first.days_left) == ("object_payment_order", dt.date(2026, 12, 5), 5)
    assert keys[-2:] == ["check_credit_report", "keep_records"]


@pytest.mark.parametrize("papers, received, key, last", [
    ("lawsuit", "2026-11-20", "answer_lawsuit", dt.date(2026, 12, 5)),  # 第一百二十八条: 15 日
    ("judgment", "2026-12-31", "consider_appeal", dt.date(2027, 1, 15)),  # 第一百七十一条: 15 日
    # 仲裁法 (2025 修订) 第七十二条: 3 个月, per law firms' readings (2017 text 第五十九条: 6 个月)
    ("arbitration_award", "2026-11-30", "challenge_award", dt.date(2027, 2, 28)),
])
def test_each_kind_of_papers_gets_its_own_period(papers, received, key, last):
    result, _ = steps(papers=papers, papers_date=received, today=received)
    assert (result.steps[0].key, result.steps[0].deadline) == (key, last)


def test_threats_come_before_any_deadline():
    _, keys = steps(threats="yes", papers="lawsuit", papers_date="2026-11-25", today="2026-11-30")
    assert keys[:3] == ["report_threats", "answer_lawsuit", "verify_case"]


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
                           ["payment_order", "lawsuit", "2026-11-20", "yes", "no", "5000", "-1"]))))
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
    assert order[:3] == ["report_threats", "answer_lawsuit", "verify_case"]
    assert len(re.findall(r'<p class="calc-step-link">', html)) == len(order)


def test_the_default_example_does_not_depend_on_the_day_it_is_built():
    # the build-time example (no papers) shows no date, so the page is the same whatever the build date
    one, two = page({"today": "2026-11-30"}), page({"today": "2031-02-28"})
    assert one["html"] == two["html"]


@pytest.mark.parametrize("form", [
    {"papers": "payment_order"},
    {"papers": "lawsuit", "papers_date": "2026-12-10", "today": "2026-11-30"},
    {"papers": "<script>", "papers_date": "x"},
    {"can_pay": "abc"},
    {"situation": ["not", "text"]},
    {"today": "2026-02-30"},
])
def test_hostile_forms_through_the_door_give_a_message(form):
    reply = page(form)
    assert reply["ok"] is False and reply["message"]["zh"] and reply["message"]["en"]


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.sampled_from([f.name for f in checklist.FIELDS] + ["calendar_first"]),
                       st.one_of(st.text(max_size=20), st.sampled_from(
                           ["payment_order", "judgment", "2026-11-20", "yes", "<b>x</b>"]))),
       st.sampled_from(["checklist", "checklist.ics"]), st.sampled_from(web.LANGS))
def test_any_form_through_the_door_gives_a_page_or_a_message(form, slug, lang):
    form.setdefault("today", "2026-11-30")
    reply = json.loads(web.run(slug, json.dumps(form), lang))
    if reply["ok"]:
        assert "<b>" not in reply.get("html", "")
    else:
        assert reply["message"]["zh"] and reply["message"]["en"]


CASE = Case(
    typed=(
        Known({"papers": "payment_order", "papers_date": "2026-11-20", "today": "2026-11-30"},
              {"first_deadline": "2026-12-05", "count": 5},
              "民事诉讼法 (2023) 第二百二十七条: object within 15 days of receipt; 第八十五条: the day of "
              "receipt is not counted, so 2026-11-20 + 15 days = 2026-12-05."),
    ),
    bad=(
        ({"papers": "payment_order", "papers_date": ""}, "papers_date",
         "请填写收到文书的日期，才能算出期限，例如 2026-11-20",
         "Enter the date you received the papers so the deadline can be worked out, such as 2026-11-20"),
        ({"papers": "lawsuit", "papers_date": "2026-12-10", "today": "2026-11-30"}, "papers_date",
         "收到文书的日期不能晚于今天", "The date you received the papers cannot be after today"),
    ),
    heaviest={"situation": "over_90", "papers": "lawsuit", "papers_date": "2026-11-20", "threats": "yes",
              "credit_card": "yes", "online_loan": "yes", "private_loan": "yes", "can_pay": "1500",
              "minimums": "2300", "today": "2026-11-30"},
    toggle=("can_pay", "1500", "1501"),
    page_bad=("can_pay", "abc"),
)
