"""The shared assertion (tests/replies.py) catches a crash: a calculator patched to raise makes the
hostile-input, letter and checklist tests fail, instead of passing on the generic reply."""

from __future__ import annotations

import json

import pytest

from calculators import web
from tests import test_checklist, test_hardening, test_letters
from tests.replies import BROKEN, result_or_message


def _boom(*args, **kwargs):
    raise ZeroDivisionError("a bug inside the calculator")


def test_the_generic_reply_is_refused(monkeypatch):
    monkeypatch.setattr(web.CALCULATORS["repayment"], "calculate", _boom)
    reply = json.loads(web.run("repayment", json.dumps({"principal": "5000"}), "zh"))
    assert reply["message"] == BROKEN  # the page stays alive ...
    with pytest.raises(AssertionError, match="crashed"):
        result_or_message(reply, "repayment")  # ... but a test fails


def test_a_result_and_a_fields_own_message_pass():
    result_or_message(json.loads(web.run("repayment", json.dumps({"principal": "5000"}))), "repayment")
    result_or_message(json.loads(web.run("repayment", json.dumps({"principal": "-5"}))), "repayment")


def test_a_message_on_a_field_the_calculator_does_not_have_fails():
    with pytest.raises(AssertionError, match="unknown field"):
        result_or_message({"ok": False, "field": "nonsense", "message": {"zh": "x", "en": "y"}}, "repayment")


def test_the_hostile_input_tests_fail_on_a_crashing_calculator(monkeypatch):
    monkeypatch.setattr(web.CALCULATORS["payoff"], "calculate", _boom)
    property_test = test_hardening.test_any_text_in_any_field_gives_a_result_or_a_message.hypothesis.inner_test
    with pytest.raises(AssertionError, match="crashed"):
        property_test(("payoff", {"budget": "4000"}), "zh")
    not_text = test_hardening.test_values_that_are_not_text_are_refused_politely.hypothesis.inner_test
    monkeypatch.setattr(web.CALCULATORS["payoff"], "read_form", _boom)  # values that are not text stop there
    with pytest.raises(AssertionError, match="crashed"):
        not_text("payoff", None)


def test_the_letter_and_checklist_tests_fail_on_a_crash(monkeypatch):
    monkeypatch.setattr(web.DOCUMENTS["stop-contact"], "calculate", _boom)
    with pytest.raises(AssertionError, match="crashed"):
        test_letters.test_hostile_values_never_raise("stop-contact")
    monkeypatch.setattr(web.CALCULATORS["checklist"], "calculate", _boom)
    door = test_checklist.test_any_form_through_the_door_gives_a_page_or_a_message.hypothesis.inner_test
    with pytest.raises(AssertionError, match="crashed"):
        door({"papers": "none"}, "checklist", "zh")
