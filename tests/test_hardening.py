"""Hostile input for every calculator: whatever text arrives in any field, the
only outcomes are a result or a message in both languages. Never another
exception, never NaN, Infinity or -0.00 in a result or its HTML."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import web

NASTY = ["", " ", "1e999", "NaN", "nan", "-0", "-0.00", "Infinity", "-Infinity", "０", "１２", "١٢٣",
         "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "9" * 400, "0." + "0" * 300 + "1",
         "5千万亿", "1.2万元", "¥-5", "12%%", "😀", "\u200b5000", "5\u00a0000", "５,０００", "1,2,3", "0x10",
         "1_000", "+", "-", ".", "..5", "5..", "2026-02-30", "2026-13-01", "1900-01-01", "yes", "no", "on"]


def texts():
    return st.one_of(st.sampled_from(NASTY), st.text(max_size=40),
                     st.from_regex(r"-?[0-9０-９]{0,12}(\.[0-9]{0,6})?[万千亿%元]?", fullmatch=True))


def field_names(slug: str) -> list[str]:
    return [f.name for f in web.calculator(slug).FIELDS]


@st.composite
def forms(draw):
    slug = draw(st.sampled_from(sorted(web.CALCULATORS)))
    names = field_names(slug)
    form = draw(st.dictionaries(st.sampled_from(names), texts(), max_size=len(names)))
    module = web.calculator(slug)
    for spec in getattr(module, "LISTS", ()):
        if draw(st.booleans()):
            rows = draw(st.lists(st.dictionaries(st.sampled_from([f.name for f in spec.fields]), texts()),
                                 max_size=spec.high + 2))
            form[spec.name] = rows
    return slug, form


BAD_IN_OUTPUT = ("NaN", "Infinity", "-0.00", "Traceback", "undefined", "None")


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(forms(), st.sampled_from(["zh", "en"]))
def test_any_text_in_any_field_gives_a_result_or_a_message(case, lang):
    slug, form = case
    reply = json.loads(web.run(slug, json.dumps(form, ensure_ascii=False), lang))
    if reply["ok"]:
        text = json.dumps(reply["result"], ensure_ascii=False) + reply["html"]
        for bad in BAD_IN_OUTPUT:
            assert bad not in text, (slug, form, bad)
        assert "<script" not in reply["html"] and "onerror=" not in reply["html"]
    else:
        assert reply["message"]["zh"] and reply["message"]["en"], reply
        assert reply["field"] == "" or reply["field"].split(".")[0] in field_names(slug) + [
            spec.name for spec in getattr(web.calculator(slug), "LISTS", ())], reply
        assert "Traceback" not in reply["message"]["en"]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(sorted(web.CALCULATORS)),
       st.one_of(st.none(), st.integers(), st.floats(allow_nan=True), st.lists(st.integers(), max_size=3),
                 st.dictionaries(st.text(max_size=5), st.integers(), max_size=3)))
def test_values_that_are_not_text_are_refused_politely(slug, value):
    form = {name: value for name in field_names(slug)}
    reply = json.loads(web.run(slug, json.dumps(form), "zh"))
    assert reply["ok"] in (True, False)
    if not reply["ok"]:
        assert reply["message"]["zh"] and reply["message"]["en"]
