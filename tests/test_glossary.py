"""The glossary file is complete, and its terms explain themselves where used."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros import glossary

# Terms the site cannot do without (issue: the glossary).
REQUIRED = ["年化利率", "罚息", "复利", "违约金", "砍头息", "展期", "停息挂账", "征信", "异议", "失信被执行人",
            "以贷养贷"]


def test_glossary_file_is_complete():
    assert glossary.entries(), "glossary.yml is missing or empty"
    assert glossary.problems() == []


def test_the_terms_readers_meet_are_defined():
    defined = {e["zh"] for e in glossary.entries()}
    missing = [t for t in REQUIRED if t not in defined]
    assert not missing, f"add these to glossary.yml: {missing}"
    english = {e["en"] for e in glossary.entries()}
    assert {"IRR", "LPR"} <= english


@pytest.fixture
def sample(tmp_path, monkeypatch):
    path = tmp_path / "g.yml"
    path.write_text('- zh: 罚息\n  en: penalty interest\n  zh_def: 逾期后多收的利息。\n  en_def: Extra "interest".\n'
                    "- zh: 违约金\n  en: late fee\n  zh_def: 违约时付的钱。\n  en_def: Money for breaking the contract.\n",
                    encoding="utf-8")
    monkeypatch.setattr(glossary, "FILE", Path(path))
    glossary.entries.cache_clear()
    yield
    glossary.entries.cache_clear()


def test_first_use_in_text_gets_a_tooltip_and_nothing_else(sample):
    html = ('<h2>罚息</h2><p>罚息和罚息<a href="x">违约金</a></p>'
            '<div class="calc" data-search-exclude><p>违约金</p></div><p>违约金</p>')
    assert glossary.annotate(html, "zh") == (
        '<h2>罚息</h2><p><abbr title="逾期后多收的利息。">罚息</abbr>和罚息<a href="x">违约金</a></p>'
        '<div class="calc" data-search-exclude><p>违约金</p></div><p><abbr title="违约时付的钱。">违约金</abbr></p>')


def test_english_pages_explain_english_terms_whole_words_only(sample):
    html = "<p>penalty interests, then the penalty interest (罚息)</p>"
    assert glossary.annotate(html, "en") == (
        '<p>penalty interests, then the <abbr title="Extra &quot;interest&quot;.">penalty interest</abbr> (罚息)</p>')


def test_problems_are_reported_for_editors(tmp_path, monkeypatch):
    path = tmp_path / "g.yml"
    path.write_text("- zh: 罚息\n  en: penalty interest\n  zh_def: x\n- zh: 罚息\n  en: p2\n  zh_def: y\n  en_def: z\n",
                    encoding="utf-8")
    monkeypatch.setattr(glossary, "FILE", path)
    glossary.entries.cache_clear()
    try:
        assert glossary.problems() == ["glossary.yml entry 1 (罚息): 'en_def' is missing or empty",
                                       "glossary.yml entry 2: '罚息' is already entry 1"]
    finally:
        glossary.entries.cache_clear()


def test_built_pages_carry_the_tooltips(site):
    html = (site / "calculators" / "overdue-cost" / "index.html").read_text(encoding="utf-8")
    assert "<abbr title=" in html
