"""Search as a reader on a phone uses it: nothing fetched for search until the box is used,
results in the page's own language, plurals found, Chinese typed through an input method."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

INPUT = ".md-search__input"
RESULT_LINKS = ".md-search-result__list .md-search-result__link"


def _search_requests(page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url) if re.search(r"/search[/_-]", r.url) else None)
    return seen


def _wait_results(page, timeout: int = 15000) -> list[str]:
    """Hrefs of the page-level results once the list has settled on the box's current text."""
    page.wait_for_function(
        """() => { const m = document.querySelector('.md-search-result__meta');
                   return m.dataset.query === document.querySelector('.md-search__input').value; }""",
        timeout=timeout)
    # each result's own link (a crisis result starts with the crisis line, then its link)
    return page.eval_on_selector_all(
        ".md-search-result__item",
        "els => els.map(li => li.querySelector(':scope > .md-search-result__link')?.href).filter(Boolean)")


def _open(page) -> None:
    """A tap on the header's search icon (the box itself is hidden on a phone until then)."""
    page.click("button.md-header__button[data-search-open]")
    page.wait_for_function("() => document.activeElement?.classList.contains('md-search__input')", timeout=5000)


def _ime_type(page, text: str) -> None:
    """What a Chinese input method does: compositionstart, updates while the reader picks
    characters (input events marked isComposing), the chosen text, then compositionend."""
    page.evaluate(
        """text => {
            const el = document.querySelector('.md-search__input');
            el.focus();
            el.dispatchEvent(new CompositionEvent('compositionstart', {data: ''}));
            const pinyin = 'xie shang';
            for (let i = 1; i <= pinyin.length; i++) {
                el.value = pinyin.slice(0, i);
                el.dispatchEvent(new CompositionEvent('compositionupdate', {data: el.value}));
                el.dispatchEvent(new InputEvent('input', {data: el.value, isComposing: true, inputType: 'insertCompositionText'}));
            }
            el.value = text;
            el.dispatchEvent(new InputEvent('input', {data: text, isComposing: true, inputType: 'insertCompositionText'}));
            el.dispatchEvent(new CompositionEvent('compositionend', {data: text}));
        }""", text)


def test_a_guide_page_fetches_nothing_for_search_until_the_box_is_focused(site_page):
    page, base = site_page
    seen = _search_requests(page)
    page.goto(f"{base}guides/negotiate/")
    page.wait_for_load_state("networkidle")
    assert page.is_visible("button.md-header__button[data-search-open]")
    assert not seen, f"fetched before any interaction: {seen}"
    with page.expect_response(re.compile(r"/search/zh\.json$")) as response:
        page.focus(INPUT)
    assert response.value.ok
    page.wait_for_load_state("networkidle")
    assert not [u for u in seen if "search_index" in u or "en.json" in u], seen


def test_the_header_search_icon_opens_search_and_loads_the_index(site_page):
    page, base = site_page
    page.goto(f"{base}en/guides/get-help/")
    page.wait_for_load_state("networkidle")
    with page.expect_response(re.compile(r"/search/en\.json$")):
        page.click("button.md-header__button[data-search-open]")
    page.wait_for_function("() => document.activeElement?.classList.contains('md-search__input')", timeout=5000)
    assert page.is_checked("#__search")


@pytest.mark.parametrize("word,expected", [
    ("collectors", "en/guides/collection-rights/"),
    ("loans", "en/guides/how-loans-work/"),
    ("debts", "en/calculators/payoff/"),
])
def test_english_plurals_find_the_right_page_first_and_only_english_pages(site_page, word, expected):
    page, base = site_page
    page.goto(f"{base}en/guides/negotiate/")
    _open(page)
    page.keyboard.type(word)
    hrefs = _wait_results(page)
    assert hrefs, f"{word}: no results"
    assert hrefs[0] == base + expected, f"{word}: {hrefs[:3]}"
    assert all(h.startswith(base + "en/") for h in hrefs), hrefs


@pytest.mark.parametrize("word,expected", [
    ("罚息", "guides/overdue-costs/"),
    ("协商", "guides/negotiate/"),
    ("爆通讯录", "guides/collection-rights/"),
])
def test_chinese_typed_with_an_input_method_finds_the_right_page_first(site_page, word, expected):
    page, base = site_page
    page.goto(f"{base}guides/how-loans-work/")
    page.focus(INPUT)
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').dataset.query === ''",
                           timeout=15000)  # index loaded
    _ime_type(page, word)
    hrefs = _wait_results(page)
    assert hrefs and hrefs[0] == base + expected, f"{word}: {hrefs[:3]}"
    assert not [h for h in hrefs if h.startswith(base + "en/")], hrefs
    # the result lists are Material's own markup
    assert page.locator(".md-search-result__item .md-search-result__article--document h1").first.is_visible()


def test_no_search_while_composing_only_at_compositionend(site_page):
    page, base = site_page
    page.goto(f"{base}guides/how-loans-work/")
    page.focus(INPUT)
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').dataset.query === ''",
                           timeout=15000)
    page.evaluate("""() => {
        const el = document.querySelector('.md-search__input');
        el.dispatchEvent(new CompositionEvent('compositionstart', {data: ''}));
        el.value = 'xie';
        el.dispatchEvent(new InputEvent('input', {data: 'xie', isComposing: true}));
    }""")
    assert page.eval_on_selector(".md-search-result__meta", "m => m.dataset.query") == ""
    assert page.locator(".md-search-result__item").count() == 0
    page.evaluate("""() => {
        const el = document.querySelector('.md-search__input');
        el.value = '协商';
        el.dispatchEvent(new CompositionEvent('compositionend', {data: '协商'}));
    }""")
    assert _wait_results(page)


def test_keyboard_moves_through_results_and_opens_one(site_page):
    page, base = site_page
    page.goto(f"{base}en/")
    page.keyboard.press("/")  # the shortcut Material readers know
    page.wait_for_function("() => document.activeElement?.classList.contains('md-search__input')", timeout=5000)
    page.keyboard.type("collectors")
    hrefs = _wait_results(page)
    page.keyboard.press("ArrowDown")
    assert page.evaluate("() => document.activeElement.href") == hrefs[0]
    page.keyboard.press("ArrowDown")
    second = page.evaluate("() => document.activeElement.href")
    assert second != hrefs[0]
    page.keyboard.press("ArrowUp")
    assert page.evaluate("() => document.activeElement.href") == hrefs[0]
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == hrefs[0]


@pytest.mark.parametrize("prefix,says", [("", "没有"), ("en/", "No matching")])
def test_no_results_are_said_in_the_pages_language(site_page, prefix, says):
    page, base = site_page
    page.goto(f"{base}{prefix}reference/faq/")
    _open(page)
    page.keyboard.type("zzqxv")
    _wait_results(page)
    assert says in page.inner_text(".md-search-result__meta")
    assert page.locator(".md-search-result__item").count() == 0
    page.keyboard.press("Escape")
    assert not page.is_checked("#__search")


def test_everyday_questions_typed_into_the_box_find_their_answer_first(site_page):
    """Every everyday question of tests/test_search.py, typed into the search box as a reader does
    (Chinese through an input method, English key by key): its answer comes first; crisis words
    bring the crisis line with numbers to call to the top of the results."""
    from tests.test_search import EVERYDAY_EN, EVERYDAY_ZH

    page, base = site_page
    for prefix, table, typing in (("", EVERYDAY_ZH, "ime"), ("en/", EVERYDAY_EN, "keys")):
        page.goto(f"{base}{prefix}guides/how-loans-work/")
        _open(page)
        page.wait_for_function("() => document.querySelector('.md-search-result__meta').dataset.query === ''",
                               timeout=15000)  # index loaded
        wrong = {}
        for question, url in table.items():
            page.fill(INPUT, "")
            if typing == "ime":
                _ime_type(page, question)
            else:
                page.type(INPUT, question)
            hrefs = _wait_results(page)
            if not hrefs or hrefs[0] != base + url:
                wrong[question] = hrefs[:2]
            elif url.endswith("guides/get-help/"):
                first = page.locator(".md-search-result__item").first
                assert first.locator('.crisis-line a[href="tel:12356"]').count() == 1, question
        assert not wrong, f"{len(wrong)} of {len(table)} typed questions find another page first: {wrong}"
