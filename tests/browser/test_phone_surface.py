"""The phone surface at 375 × 812, in zh and en (issue 22 item 6): text of 12 px or more, tap targets
of 44 × 44 px, search results padded from the screen's edge with each snippet once, long letter forms
folded with a link that jumps to the letter, nothing fixed on screen over text.

Sizes are measured as laid out (getComputedStyle, getBoundingClientRect) on every page, with its folded
groups open (the sweep in tests/browser/test_reach.py uses SMALL_TEXT and SMALL_TARGETS from here), in
the open navigation drawer, and with search open on results. Exempt, and said where: links inside running text (WCAG 2.5.8's inline exception: their
height is the line's), and the search backdrop (a full-screen overlay, not a button)."""

from __future__ import annotations

import pytest

from calculators import web
from tests.browser.helpers import ANSWER_MS, wait_ready

pytestmark = pytest.mark.browser

LANGS = ["", "en/"]
MIN_TEXT = 12  # px
MIN_TARGET = 44  # px (WCAG 2.5.5); 0.5 px allowed for sub-pixel layout

# Every text node the reader can see, and its size as shown: an SVG chart's text is scaled with the
# chart, so its size is the computed one times the chart's scale. Folded groups are opened first.
SMALL_TEXT = """(min) => {
    document.querySelectorAll('details').forEach((d) => { d.open = true; });
    const small = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        const el = node.parentElement;
        if (!node.textContent.trim() || el.closest('template, script, style, .calc-announce')) continue;
        if (!el.checkVisibility({visibilityProperty: true}) || !el.getClientRects().length) continue;
        let size = parseFloat(getComputedStyle(el).fontSize);
        const svg = el.closest('svg');
        if (svg && svg.viewBox.baseVal && svg.viewBox.baseVal.width)
            size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        if (size < min - 0.05)
            small.push([el.className.baseVal ?? el.className, node.textContent.trim().slice(0, 24), +size.toFixed(1)]);
    }
    return small;
}"""

# Every control the reader can tap, as a rectangle: a form control together with its labels (one
# target: tapping either focuses the control), a link inside running text skipped (WCAG 2.5.8
# inline exception: a link in a sentence is as tall as the line). Off-screen (the closed drawer),
# hidden and pointer-events: none (Material's hidden search buttons) are not targets.
SMALL_TARGETS = """(min) => {
    const blockOf = (el) => {
        let b = el.parentElement;
        while (b && getComputedStyle(b).display.startsWith('inline')) b = b.parentElement;
        return b;
    };
    const squeeze = (s) => s.replace(/\\s+/g, '');
    const inRunningText = (a) => a.tagName === 'A' && getComputedStyle(a).display === 'inline'
        && squeeze(blockOf(a).textContent).length > squeeze(a.textContent).length;
    const union = (rects) => {
        const rs = rects.filter((r) => r.width && r.height);
        const left = Math.min(...rs.map((r) => r.left)), right = Math.max(...rs.map((r) => r.right));
        const top = Math.min(...rs.map((r) => r.top)), bottom = Math.max(...rs.map((r) => r.bottom));
        return {left, right, top, bottom, width: right - left, height: bottom - top};
    };
    const small = [];
    const seen = new Set();
    const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, label, [role=button]';
    for (const el of document.querySelectorAll(selector)) {
        if (el.closest('template') || el.matches('.md-search__overlay')) continue;  // the backdrop
        let parts = [el];
        if (el.tagName === 'LABEL') {
            const control = el.control;
            if (!control) continue;  // a label of nothing is not a target
            parts = [control, ...control.labels];
        } else if (el.labels && el.labels.length) {
            parts = [el, ...el.labels];
        }
        const key = parts[0];
        if (seen.has(key)) continue;
        seen.add(key);
        const shown = parts.filter((p) => p.checkVisibility({visibilityProperty: true})
            && getComputedStyle(p).pointerEvents !== 'none' && p.getClientRects().length);
        if (!shown.length) continue;
        const r = union(shown.map((p) => p.getBoundingClientRect()));
        if (r.right <= 0 || r.left >= innerWidth) continue;  // off screen: the closed drawer
        if (inRunningText(el)) continue;
        if (r.width < min - 0.5 || r.height < min - 0.5)
            small.push([el.tagName, String(el.className).slice(0, 40),
                        (el.getAttribute('aria-label') || el.title || el.textContent).trim().slice(0, 24),
                        Math.round(r.width), Math.round(r.height)]);
    }
    return small;
}"""


# Text of 12 px or more and tap targets of 44 px on every page, folded groups open: in the sweep of every
# page (tests/browser/test_reach.py), with SMALL_TEXT and SMALL_TARGETS above. Here: the drawer, open.
@pytest.mark.parametrize("lang", LANGS)
def test_every_tap_target_in_the_open_navigation_drawer_is_44px(site_page, lang):
    page, base = site_page
    page.goto(f"{base}{lang}guides/sued/")
    page.click('label.md-header__button[for="__drawer"]')
    page.wait_for_function("() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0")
    assert page.evaluate(SMALL_TARGETS, MIN_TARGET) == []


def _search(page, query):
    page.fill(".md-search__input", query)
    page.wait_for_function("q => document.querySelector('.md-search-result__meta').dataset.query === q",
                           arg=query, timeout=ANSWER_MS)
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0")


# Queries whose first page was found by one heading alone (the crisis intent and a heading match):
# its entry showed that heading's text a second time.
QUERIES = {"": ["不想活了", "仲裁", "起诉", "征信"], "en/": ["arbitration", "suicide", "sued", "credit report"]}

SEARCH_LAYOUT = """() => {
    const out = {dupes: [], edge: []};
    for (const li of document.querySelectorAll('.md-search-result__item')) {
        const texts = [...li.querySelectorAll('p')].map((p) => p.textContent.trim()).filter(Boolean);
        if (new Set(texts).size < texts.length) out.dupes.push(li.dataset.page);
    }
    // text and boxes of the results at least 12 px from either edge of the screen
    const walker = document.createTreeWalker(document.querySelector('.md-search__output'), NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        if (!walker.currentNode.textContent.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(walker.currentNode);
        for (const r of range.getClientRects())
            if (r.width && (r.left < 12 || r.right > innerWidth - 12))
                out.edge.push([walker.currentNode.textContent.trim().slice(0, 20), Math.round(r.left), Math.round(r.right)]);
    }
    for (const box of document.querySelectorAll('.md-search-result .crisis-line')) {
        const r = box.getBoundingClientRect();
        if (r.left < 12 || r.right > innerWidth - 12) out.edge.push(['crisis line', Math.round(r.left), Math.round(r.right)]);
    }
    return out;
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_search_results_are_padded_each_snippet_once_and_tappable(site_page, lang):
    page, base = site_page
    page.goto(f"{base}{lang}")
    page.click("[data-search-open]")
    for query in QUERIES[lang]:
        _search(page, query)
        page.wait_for_timeout(400)  # Material's panel slides in
        layout = page.evaluate(SEARCH_LAYOUT)
        assert layout == {"dupes": [], "edge": []}, (query, layout)
        assert page.evaluate(SMALL_TEXT, MIN_TEXT) == [], query
        assert page.evaluate(SMALL_TARGETS, MIN_TARGET) == [], query


# ---- letters: the form's details folded, and a link to the letter when it is below the first screen

LETTER_TOP = "() => document.querySelector('.letter-builder .calc-output').getBoundingClientRect().top + scrollY"


@pytest.mark.engine_held  # the form and the build's letter as first shown; no answer is waited for
@pytest.mark.parametrize("lang", LANGS)
def test_long_letter_forms_fold_details_and_jump_to_the_letter(site_page, lang):
    page, base = site_page
    below = []
    for slug in sorted(web.DOCUMENTS):
        page.goto(f"{base}{lang}letters/{slug}/")
        # the sender's own details are folded, like a calculator's 更多选项
        folded = page.eval_on_selector_all("details.calc-more [name]", "els => els.map((e) => e.name)")
        sender = {"name", "letter_date"} & {f.name for f in web.calculator(slug).FIELDS}  # a log has no date of its own
        assert sender and sender <= set(folded), (slug, folded)
        assert page.locator("details.calc-more[open]").count() == 0, slug
        if page.evaluate(LETTER_TOP) <= 812:
            continue
        below.append(slug)
        # the letter starts below the first screen: a link to it is on the first screen ...
        link = page.locator("[data-letter-jump]")
        box = link.bounding_box()
        assert box and box["y"] + box["height"] <= 812 and box["height"] >= MIN_TARGET - 0.5, (slug, box)
        assert link.text_content().strip() == ("Jump to the letter ↓" if lang else "跳到信件 ↓")
        # ... and it brings the letter into view and moves the focus to it, the address unchanged
        url = page.url
        link.click()
        page.wait_for_function("""() => { const r = document.querySelector('.letter-builder .calc-output')
            .getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight / 2; }""", timeout=ANSWER_MS)
        # (the letter's section: its notes on sending, its buttons, then the letter itself)
        assert page.evaluate("document.activeElement.matches('.letter-builder .calc-output')"), slug
        assert page.get_attribute(".letter-builder .calc-output", "aria-label") == ("The letter" if lang else "信件")
        assert page.url == url
    assert "complaint" in below  # the long one the walk-through found 2.7 screens down


def test_a_carried_value_opens_the_folded_details(site_page):
    page, base = site_page
    page.goto(f"{base}letters/complaint/?name=%E5%BC%A0%E4%B8%89")
    wait_ready(page, "complaint")
    assert page.locator("details.calc-more").evaluate("d => d.open")
    assert page.input_value('[name="name"]') == "张三"


# ---- nothing fixed on screen over text -------------------------------------------------------

# Fixed or sticky boxes on screen that overlap text of the page, other than the header (the page's
# text starts below it and anchors scroll clear of it).
COVERED = """() => {
    const fixed = [...document.querySelectorAll('body *')].filter((el) => {
        const pos = getComputedStyle(el).position;
        return (pos === 'fixed' || pos === 'sticky') && !el.closest('.md-header, .md-sidebar')
            && el.checkVisibility({visibilityProperty: true, opacityProperty: true})
            && el.getBoundingClientRect().height > 0 && el.getBoundingClientRect().bottom > 0
            && el.getBoundingClientRect().top < innerHeight;
    });
    return fixed.map((el) => [el.tagName, String(el.className).slice(0, 30)]);
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_no_back_to_top_pill_floats_over_a_guide(site_page, lang):
    page, base = site_page
    page.goto(f"{base}{lang}guides/sued/")
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -800)  # scrolling up is when Material showed its "back to top" pill
    page.wait_for_timeout(500)
    assert page.evaluate(COVERED) == []
    assert page.locator(".md-top").count() == 0


FOCUS_CLEAR = """() => {
    const el = document.activeElement;
    const bar = document.querySelector('.calc-jump');
    if (!bar || bar.hidden) return true;
    const b = bar.getBoundingClientRect();
    const parts = [el, ...(el.labels || [])];
    return parts.every((p) => { const r = p.getBoundingClientRect(); return r.bottom <= b.top + 0.5 || r.top >= b.bottom; });
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_the_result_bar_never_covers_the_field_being_filled(site_page, lang):
    """The phone's result bar floats at the bottom while the form is on screen (and never once the
    result is): the field that has the focus and its label are scrolled clear above it (WCAG 2.4.11,
    site.css scroll-padding-bottom)."""
    page, base = site_page
    for slug in ("repayment", "checklist", "negotiation"):
        page.goto(f"{base}{lang}calculators/{slug}/")
        page.evaluate("() => document.querySelectorAll('details.calc-more').forEach((d) => { d.open = true; })")
        names = page.eval_on_selector_all(
            "form[data-calculator] input:not([type=hidden]), form[data-calculator] select",
            "els => els.filter((e) => !e.closest('template')).map((e) => e.id)")
        assert len(names) >= 3
        for ident in names:
            page.focus(f"#{ident}")
            page.wait_for_timeout(60)  # the observer shows or hides the bar
            assert page.evaluate(FOCUS_CLEAR), (slug, ident)
