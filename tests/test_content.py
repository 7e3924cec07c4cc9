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


def test_the_guides_a_reader_lands_on_open_with_a_today_box_in_both_languages():
    pairs = [(content.DOCS / f"{slug}.md", content.DOCS / f"{slug}.en.md") for slug in content.TODAY_BOX_GUIDES]
    missing = [str(p) for pair in pairs for p in pair if not p.is_file()]
    assert not missing, "TODAY_BOX_GUIDES names pages that do not exist: " + ", ".join(missing)
    errors = [p for pair in pairs for path in pair for p in content.check_today_box(path)]
    assert not errors, "\n".join(map(str, errors))


def test_the_today_box_check_catches_a_missing_late_or_thin_box(tmp_path, monkeypatch):
    guides = tmp_path / "guides"
    guides.mkdir()
    head = "---\ntitle: t\ndescription: d\nreviewed: 2026-12-06\nsources: []\n---\n\n# T\n\nShort answer.\n\n"
    box = '!!! tip "{}"\n    - one\n    - two\n      still two\n{}\n'
    pages = {
        "sued.md": head + box.format("今天就可以做的事", "    - three\n") + "## 一节\n",
        "sued.en.md": head + "## A section\n\n" + box.format("What you can do today", "    - three\n"),
        "scams.md": head + box.format("今天可以做的", "") + "## 一节\n",
        "scams.en.md": head + '!!! tip "Getting help"\n    - a\n    - b\n    - c\n\n## A section\n',
        "family.md": head + "## 一节\n",
    }
    for name, text in pages.items():
        (guides / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(content, "DOCS", tmp_path)
    monkeypatch.setattr(content, "ROOT", tmp_path)
    monkeypatch.setattr(content, "TODAY_BOX_GUIDES", ("guides/sued", "guides/scams"))
    found = {name: [str(p) for p in content.check_today_box(guides / name)] for name in pages}
    assert found["sued.md"] == []
    assert found["sued.en.md"] == ["guides/sued.en.md:1: no 'what to do today' box before the first section: add "
                                   '!!! tip "What you can do today" after the short answer, with 3 to 5 first steps '
                                   "(see docs/guides/sued.md)"]
    assert found["scams.md"] == ["guides/scams.md:12: the 'what to do today' box has 2 steps: give 3 to 5, "
                                 "one list item each"]
    assert len(found["scams.en.md"]) == 1 and "no 'what to do today' box" in found["scams.en.md"][0]
    assert found["family.md"] == []


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
