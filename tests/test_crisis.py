"""At the worst moment: the crisis line is on every built page of both languages, at the top of the
content, with numbers to call in one tap, in the page's language (issue: crisis help from every page)."""

from __future__ import annotations

import re

CALLS = ('href="tel:12356"', 'href="tel:110"', 'href="tel:120"')


def _pages(site):
    return [p for p in sorted(site.rglob("*.html")) if "assets" not in p.parts and p.name != "sitemap.html"]


def test_every_page_carries_the_crisis_line_with_numbers_to_call(site):
    pages = _pages(site)
    assert len(pages) > 80
    missing = []
    for page in pages:
        html = page.read_text(encoding="utf-8")
        line = re.search(r'<aside class="crisis-line"[^>]*data-crisis-line>(.*?)</aside>', html, re.S)
        if not line or not all(call in line.group(1) for call in CALLS):
            missing.append(str(page.relative_to(site)))
    assert not missing, f"{len(missing)} pages without the crisis line: {missing[:10]}"


def test_the_crisis_line_speaks_the_pages_language_and_comes_before_the_page_title(site):
    for rel, words, more in (("index.html", "撑不住时", "guides/get-help/#crisis"),
                             ("guides/sued/index.html", "撑不住时", "guides/get-help/#crisis"),
                             ("en/index.html", "Struggling?", "en/guides/get-help/#crisis"),
                             ("en/calculators/payoff/index.html", "Struggling?", "en/guides/get-help/#crisis")):
        html = (site / rel).read_text(encoding="utf-8")
        assert words in html, rel
        assert more in html, rel
        assert html.index("data-crisis-line") < html.index("<h1"), f"{rel}: the crisis line comes after the title"
    assert "Struggling" not in (site / "index.html").read_text(encoding="utf-8").split("data-crisis-line")[1][:600]


def test_the_home_page_crisis_box_is_near_the_top(site):
    for rel, box in (("index.html", "现在压力很大？"), ("en/index.html", "Under a lot of pressure right now?")):
        html = (site / rel).read_text(encoding="utf-8")
        content = html[html.index("<article"):]  # the page itself, not the table of contents
        where = "你现在是哪种情况" if rel == "index.html" else "Where are you now"
        assert box in content and content.index(box) < content.index(where), rel
