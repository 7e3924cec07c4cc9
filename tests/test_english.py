"""English that reads right: a count of one takes the singular ("1 day", never "1 days"), and an
English rendering never shows a Chinese blank (a letter's date left empty is "＿＿＿＿ (date)").

Every calculator and every letter runs in English with 1 and then 2 in every count field, over each
of its test forms and each answer of each choice field; the replies (HTML, messages, calendar events)
are scanned. A letter's Chinese text (the paragraphs sent, and the exact text kept for copying)
legitimately keeps its Chinese blanks and is left out of the blank check.
"""

from __future__ import annotations

import html
import json
import re

import pytest

from calculators import web, wording
from tests.test_letters import TYPED
from tools.cases import all_cases

TODAY = "2026-12-06"
ONE_PLURAL = re.compile(r"\b1 (days|months|years|times|parts|instalments|payments|debts|rows|people|periods)\b")
CHINESE_BLANK = "＿＿＿＿年"
# The Chinese side of a letter on an English page: what is sent, shown beside its rendering, and its exact text.
CHINESE_SIDE = re.compile(r'<p class="letter-p letter-zh"[^>]*>.*?</p>|<pre class="letter-plain"[^>]*>.*?</pre>', re.S)
TAG = re.compile(r"<[^>]+>")


def base_forms(slug: str) -> list[dict]:
    """The forms a slug is tried with: empty (every default or blank), its test forms, and each choice
    field's every answer laid over the first test form."""
    if slug in web.CALCULATORS:
        case = all_cases()[slug]
        typed = [{**case.base, **k.form} for k in case.typed]
    else:
        typed = [TYPED[slug][0]]
    forms = [{}, *typed]
    for f in web.calculator(slug).FIELDS:
        if f.kind == "choice":
            forms += [{**typed[0], f.name: key} for key, _, _ in f.choices]
    return forms


def count_fields(slug: str) -> list[str]:
    return [f.name for f in web.calculator(slug).FIELDS if f.kind == "count"]


def english_texts(slug: str, form: dict) -> list[tuple[str, str]]:
    """(where, text) of every English reply to this form: the page's reply and, for a plan, its calendar."""
    out = []
    targets = [slug] + ([slug + web.CALENDAR_SUFFIX] if web.REGISTRY[slug].calendar else [])
    for target in targets:
        reply = json.loads(web.run(target, json.dumps(form, ensure_ascii=False), "en", True, TODAY))
        if not reply["ok"]:
            out.append((f"{target} message", reply["message"]["en"]))
        elif "ics" in reply:
            out.append((f"{target} calendar", reply["ics"]))
        else:
            out.append((f"{target} html", reply["html"]))
    return out


def test_count_helper_reads_one_and_many():
    assert wording.count(1, "day", "en") == "1 day"
    assert wording.count(2, "month", "en") == "2 months"
    assert wording.count(1, "instalment", "en") == "1 instalment"
    assert wording.count(1, "time", "en") == "1 time"
    assert wording.count(1, "person", "en") == "1 person"
    assert wording.count(3, "person", "en") == "3 people"
    assert wording.count(1, "time", "zh") == "1 次"
    assert wording.count(2, "equal part", "en") == "2 equal parts"


@pytest.mark.parametrize("slug", sorted(web.CALCULATORS) + sorted(web.DOCUMENTS))
def test_english_counts_of_one_are_singular_and_no_chinese_blank(slug):
    counts = count_fields(slug)
    bad = []
    for form in base_forms(slug):
        for n in (1, 2):
            for where, text in english_texts(slug, {**form, **{name: str(n) for name in counts}}):
                shown = html.unescape(TAG.sub("", CHINESE_SIDE.sub("", text)))
                for found in ONE_PLURAL.finditer(shown):
                    bad.append(f"{where} n={n} {form}: …{shown[max(found.start() - 60, 0):found.end() + 20]}…")
                if CHINESE_BLANK in shown:
                    k = shown.index(CHINESE_BLANK)
                    bad.append(f"{where} n={n} {form}: Chinese blank …{shown[max(k - 60, 0):k + 20]}…")
    assert not bad, "\n".join(sorted(set(bad))[:40])
