"""One name per page and one English rendering per term (issue 22 item 2; tools/names.py).

A page is called by its navigation name or its heading wherever a link names it (list items, "see …",
见…) in the home page, the FAQ, the guides and the letters; a glossary term's English rendering is
its one rendering, and the ones its entry says to avoid appear on no English page.
"""

from __future__ import annotations

import shutil

import pytest

from tools import names


def test_every_link_that_names_a_page_uses_its_name():
    assert [str(m) for m in names.misnamed()] == []


def test_no_two_pages_share_a_name():
    assert names.shared_names() == []


def test_each_glossary_term_has_one_english_rendering():
    assert names.avoided_renderings() == []


def test_the_names_table_reads_the_navigation_and_the_headings():
    assert names.names("guides/illegal-lending.md", "en") == {'Illegal lenders, "714" loans and loan traps'}
    assert names.names("guides/sued.md", "zh") == {"被起诉了怎么办"}
    assert names.names("guides/sued.md", "en") == {"Sued over a loan: what to do"}
    # a calculator's name is its front matter's nav title
    assert "真实年化利率" in names.names("calculators/apr.md", "zh")


@pytest.fixture
def docs_copy(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    (docs / "guides").mkdir(parents=True)
    for page in ("guides/sued.md", "guides/sued.en.md"):
        shutil.copy(names.DOCS / page, docs / page)
    monkeypatch.setattr(names, "DOCS", docs)
    for cached in (names.nav_names, names.names):
        cached.cache_clear()
    yield docs
    for cached in (names.nav_names, names.names):
        cached.cache_clear()


def test_a_page_called_something_else_is_found(docs_copy):
    (docs_copy / "guides" / "a.en.md").write_text(
        "---\ntitle: A\n---\n\n- [Sued: what to do](sued.md)\n\nIf they sue, see [sued over a loan: what to do](sued.md).\n"
        "Words in a sentence are free: [what happens in court](sued.md), and so is a part: [x](sued.md#part).\n"
        "[Go](sued.md){ .md-button }\n", encoding="utf-8")
    (docs_copy / "guides" / "a.md").write_text("---\ntitle: 甲\n---\n\n详见[被起诉](sued.md)。\n", encoding="utf-8")
    found = {(m.source, m.line, m.text) for m in names.misnamed() if m.source.startswith("guides/a.")}
    assert found == {("guides/a.en.md", 5, "Sued: what to do"), ("guides/a.md", 5, "被起诉")}


def test_an_avoided_rendering_is_found(docs_copy, monkeypatch):
    (docs_copy / "guides" / "b.en.md").write_text("---\ntitle: B\n---\n\nA taolu dai is a crime.\n", encoding="utf-8")
    monkeypatch.setattr(names, "glossary", lambda: ({"zh": "套路贷", "en": "loan trap", "avoid": ["taolu dai"]},))
    assert [p.split(":")[0:2] for p in names.avoided_renderings()] == [["docs/guides/b.en.md", "5"]]
