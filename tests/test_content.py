"""Content checks: front matter, twins, links and anchors that resolve. Each
failure names the file and line and says what to do."""

from __future__ import annotations

import datetime as dt

import pytest

from tools import content


def test_every_page_has_complete_front_matter():
    errors = [p for path in content.pages() for p in content.check_front_matter(path)]
    assert not errors, "\n".join(map(str, errors))


def test_every_page_has_its_other_language_twin():
    errors = [p for path in content.pages() for p in content.check_twin(path)]
    assert not errors, "\n".join(map(str, errors))


def test_no_computed_figure_is_typed_by_hand():
    errors = [p for path in content.pages() for p in content.check_hand_typed(path)]
    assert not errors, "\n".join(map(str, errors))


def test_the_checks_catch_what_they_should(tmp_path, monkeypatch):
    (tmp_path / "a.md").write_text("# no front matter\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: t\ndescription: d\nreviewed: 2020-01-01\nsources: []\n---\n"
                                   "利息大约 1,470 元。\n", encoding="utf-8")
    (tmp_path / "b.en.md").write_text("---\ntitle: t\n---\n", encoding="utf-8")
    monkeypatch.setattr(content, "DOCS", tmp_path)
    monkeypatch.setattr(content, "ROOT", tmp_path)
    errors, warns = content.problems(today=dt.date(2026, 11, 29))
    text = "\n".join(map(str, errors))
    assert "a.md:1: no front matter" in text
    assert "a.md:1: no English twin" in text
    assert "b.en.md:1: front matter has no 'description'" in text
    assert "b.md:7: a computed figure seems typed by hand" in text
    assert [str(w) for w in warns] == ["b.md:1: reviewed 2020-01-01, more than 12 months ago: check the facts "
                                       "and sources, then update 'reviewed'"]


def test_internal_links_and_anchors_resolve(site):
    broken = content.broken_links(site)
    assert not broken, "\n".join(broken)


def test_the_link_check_finds_broken_links_and_anchors(tmp_path, monkeypatch):
    monkeypatch.setattr(content, "DOCS", tmp_path / "docs")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2><a href="#here">ok</a>'
                                               '<a href="../b/">gone</a><a href="#nowhere">bad</a>'
                                               '<a href="https://example.org/">outside</a>', encoding="utf-8")
    assert content.broken_links(tmp_path) == [
        "docs/a.md: link to '#nowhere': no heading or anchor #nowhere on that page",
        "docs/a.md: link to '../b/' goes nowhere: fix the path",
    ]


@pytest.mark.parametrize("slug", ["repayment"])
def test_new_guide_command_makes_a_complete_pair(tmp_path, monkeypatch, slug):
    from tools import new_guide
    monkeypatch.setattr(new_guide, "DOCS", tmp_path)
    zh, en = new_guide.create("guides/test-page", today=dt.date(2026, 11, 29))
    monkeypatch.setattr(content, "DOCS", tmp_path)
    for path in (zh, en):
        assert content.check_front_matter(path) == []
        assert content.check_twin(path) == []


def test_every_cited_document_is_listed_in_sources_yml():
    from macros import sources
    missing = sources.unmatched()
    assert not missing, "\n".join(missing)


def test_sources_yml_entries_are_complete():
    from macros import sources
    for no, doc in enumerate(sources.documents(), start=1):
        for key in ("zh", "en", "date", "zh_says", "en_says"):
            assert isinstance(doc.get(key), str) and doc[key].strip(), f"sources.yml entry {no}: '{key}' is missing"
        for key in ("match", "match_en"):
            assert sources.keys(doc, "zh" if key == "match" else "en"), f"sources.yml entry {no}: '{key}' is missing"
