"""Every calculator page, in zh and en, as a reader uses it: the worked example
is in the HTML, typed inputs give exactly CPython's figures, a bad input gets
its message next to the field, and a shared link restores the inputs."""

from __future__ import annotations

import pytest

from calculators import web
from macros.widgets import UI
from tests.browser.helpers import (
    ANSWER_MS,
    cpython,
    expected_figures,
    figures,
    wait_figures,
    wait_ready,
)
from tools.cases import all_cases

pytestmark = pytest.mark.browser

# What a reader types into each calculator (field → text, as typed): the first known
# value of its cases (calculators/cases/<module>.json), and the mistake the reader makes.
CASES = all_cases()
TYPED = {slug: dict(c.typed[0].form) for slug, c in CASES.items()}
BAD = {slug: c.page_mistake for slug, c in CASES.items()}


def type_into(page, slug: str, name: str, text: str) -> None:
    """What a reader does: open "more options" if the field is folded there, then type or choose."""
    field = page.locator(f'form[data-calculator="{slug}"] [name="{name}"]')
    if not field.is_visible():
        page.locator(f'form[data-calculator="{slug}"] details.calc-more > summary').click()
    if field.evaluate("e => e.tagName") == "SELECT":
        field.select_option(text)
    else:
        field.fill(text)


def page_form(page, examples: bool = False) -> dict:
    """The form exactly as the page would send it (the runtime's own collect()); with
    ``examples``, an optional field left empty takes the example value it shows greyed."""
    return page.evaluate("""(examples) => {
        const form = {}; const lists = {};
        for (const el of document.querySelectorAll('form[data-calculator] [name]')) {
            if (el.closest('template')) continue;
            const value = el.type === 'checkbox' ? (el.checked ? 'yes' : 'no')
                : (el.value || (examples && el.dataset.example) || '');
            const m = /^(\\w+)\\.(\\d+)\\.(\\w+)$/.exec(el.name);
            if (m) { ((lists[m[1]] ??= [])[+m[2]] ??= {})[m[3]] = value; } else form[el.name] = value;
        }
        for (const [k, rows] of Object.entries(lists)) form[k] = rows.filter(Boolean);
        return form;
    }""", examples)


# Every calculator, in Chinese and English, as a returning reader (the engine starts from the kept memory
# snapshot: tests/conftest.py site_page); and two of them in Chinese on a first visit, where the engine boots
# Python. Two are enough: the boot imports every calculator whichever page starts it (calculators/web.py),
# and anything a calculator imports later comes from the same trimmed standard library either way
# (calc-worker.js stdlibUrl); tests/test_pyodide_node.py runs every known case on that library.
FIRST_VISIT = {"repayment", "checklist"}


@pytest.mark.parametrize("slug, lang", [
    pytest.param(slug, lang, marks=[pytest.mark.first_visit] if lang == "zh" and slug in FIRST_VISIT else [])
    for slug in sorted(TYPED) for lang in ("zh", "en")])
def test_calculator_page_in_use(site_page, slug, lang):
    page, base = site_page
    prefix = "" if lang == "zh" else "en/"
    page.goto(f"{base}{prefix}calculators/{slug}/")

    # 1. The build-time example is in the HTML and is what CPython gives for the form's starting
    #    text and the example values its empty optional fields show.
    before = page_form(page, examples=True)
    assert figures(page) == {k: v for k, v in expected_figures(cpython(slug, before)).items()
                             if k in figures(page)}
    wait_ready(page, slug)

    # 2. Typed inputs give exactly CPython's figures.
    for name, text in TYPED[slug].items():
        type_into(page, slug, name, text)
    form = page_form(page)
    expected = cpython(slug, form)
    assert expected["ok"], expected
    known = CASES[slug].typed[0].expect  # the figures with their public source
    assert {k: expected["result"][k] for k in known} == dict(known)
    wait_figures(page, expected_figures(expected))
    # the answer is placed (the example's figures may equal the typed form's: plan's do)
    page.wait_for_function("() => !document.querySelector('.calc.calc-is-example')", timeout=ANSWER_MS)
    assert figures(page)  # something was compared

    # 3. A bad input: its message next to the field, in the page's language; the field is marked.
    field, bad = BAD[slug]
    selector = f'form[data-calculator="{slug}"] [name="{field}"]'
    page.fill(selector, bad)
    message = cpython(slug, {**form, field: bad})["message"][lang]
    error = page.locator(f'.calc-field[data-field-name="{field}"] .calc-error')
    error.wait_for(state="visible", timeout=ANSWER_MS)
    assert error.text_content() == message
    assert page.get_attribute(selector, "aria-invalid") == "true"
    described = page.get_attribute(selector, "aria-describedby").split()
    assert error.get_attribute("id") in described
    assert page.locator(".calc-stale-note").is_visible()
    assert figures(page)  # the last good result stays
    # on a phone the headline after the inputs keeps that result too, greyed and tagged "out of date"
    headline = page.locator("form .calc-headline")
    if headline.count():
        tag = headline.locator(".calc-headline-tag")
        assert tag.is_visible() and tag.text_content() == UI[lang]["stale_short"]
        assert headline.locator(".calc-headline-value").evaluate("e => getComputedStyle(e).opacity") == "0.55"

    # 4. Fixing it clears the message and brings the result back up to date.
    page.fill(selector, TYPED[slug].get(field) or form[field])
    error.wait_for(state="hidden", timeout=ANSWER_MS)
    assert page.get_attribute(selector, "aria-invalid") is None
    wait_figures(page, expected_figures(expected))
    assert not page.locator(".calc-stale-note").is_visible()
    assert not page.locator("form .calc-headline-tag").is_visible()

    # 5. The address bar holds nothing typed; "copy link" builds a link that restores the inputs.
    assert "?" not in page.url
    if not getattr(web.calculator(slug), "SHARE_LINK", True):
        # a person's whole situation never goes into a link (calculators/plan.py SHARE_LINK)
        assert page.locator('button[data-action="copy-link"]').count() == 0
    elif lang == "en":  # once per calculator (the link is the same either way), in the cheaper browser
        page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        page.click('button[data-action="copy-link"]')
        page.wait_for_function("() => document.querySelector('.calc-link input').value !== ''", timeout=ANSWER_MS)
        link = page.input_value(".calc-link input")
        other = page.context.new_page()
        other.goto(link)
        for name, text in TYPED[slug].items():  # restored at once, before the engine is ready
            assert other.input_value(f'form[data-calculator] [name="{name}"]') == text
        wait_ready(other, slug)
        wait_figures(other, expected_figures(expected))
        other.close()


def test_debts_can_be_added_and_removed(site_page):
    page, base = site_page
    page.goto(f"{base}calculators/payoff/")
    wait_ready(page, "payoff")
    rows = page.locator('[data-list="debts"] .calc-row')
    start = rows.count()
    page.click('[data-list="debts"] button[data-action="add-row"]')
    assert rows.count() == start + 1
    assert rows.nth(start).locator("legend").text_content() == f"第 {start + 1} 笔"
    page.fill(f'[name="debts.{start}.name"]', "新的一笔")
    page.fill(f'[name="debts.{start}.balance"]', "1200")
    page.fill(f'[name="debts.{start}.annual_rate"]', "24")
    page.fill(f'[name="debts.{start}.minimum"]', "100")
    page.fill('[name="budget"]', "5000")
    expected = cpython("payoff", page_form(page))
    assert expected["ok"], expected
    wait_figures(page, expected_figures(expected))
    # remove the first debt: the others are renumbered and the answer follows
    page.click('[data-list="debts"] .calc-row >> nth=0 >> button[data-action="remove-row"]')
    assert rows.count() == start
    assert rows.nth(0).locator("legend").text_content() == "第 1 笔"
    assert page.get_attribute(f'[data-list="debts"] .calc-row >> nth={start - 1} >> input[name$=".name"]',
                              "name") == f"debts.{start - 1}.name"
    expected = cpython("payoff", page_form(page))
    wait_figures(page, expected_figures(expected))
