"""What a printed letter puts on paper: the page is printed to PDF by Chromium and the text read back
(pypdf). The letter's own sentences are on paper, in zh and from the English page alike (the Chinese
text is what is sent); the site's header, menus, the form and the English rendering are not.

A print test that checked the layout passed while every letter printed blank: this one reads the
paper."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from calculators import web
from tests.browser.helpers import ANSWER_MS, wait_ready
from tests.browser.test_calculators import type_into
from tools.browser import CHINESE_FONT_PACKAGE, has_chinese_font

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _chinese_font():
    if not has_chinese_font():
        pytest.fail(f"no Chinese font: every Chinese character prints as an empty box; `make test` installs "
                    f"{CHINESE_FONT_PACKAGE} (tools/browser.py --ensure)")


def _paper(page) -> tuple[str, int]:
    """The printed text (white space removed: PDF text comes back in runs) and the page count."""
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False)))
    text = "".join(p.extract_text() or "" for p in reader.pages)
    return re.sub(r"\s+", "", text), len(reader.pages)


def _fill(page, slug: str, values: dict[str, str]) -> None:
    for name, value in values.items():
        type_into(page, slug, name, value)  # a folded field (the sender's name) is unfolded first
    last = list(values.values())[-1]
    page.wait_for_function("v => document.querySelector('.letter-plain')?.textContent.includes(v)", arg=last,
                           timeout=ANSWER_MS)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_printed_letter_is_the_letter_and_only_the_letter(site_page, prefix):
    page, base = site_page
    page.goto(f"{base}{prefix}letters/negotiation-letter/")
    wait_ready(page, "negotiation-letter")
    _fill(page, "negotiation-letter", {"lender": "某某小额贷款", "name": "张三丰"})
    text, pages = _paper(page)
    for sentence in ("协商还款申请", "我是张三丰", "某某小额贷款", "希望和贵方商量一个我能做到的还款办法",
                     "具体以双方核对一致的为准", "我保留法律规定的全部权利和抗辩"):
        assert sentence in text, f"{sentence!r} is not on paper: {text[:300]!r}"
    assert "逾期应对指南" not in text  # the site's header
    assert "你的姓名" not in text and "Yourname" not in text  # the form
    assert "Requesttoagreearepaymentplan" not in text  # the English rendering stays on screen
    assert 1 <= pages <= 2


def test_printing_follows_what_the_reader_typed_last(site_page):
    page, base = site_page
    page.goto(f"{base}letters/stop-contact/")
    wait_ready(page, "stop-contact")
    _fill(page, "stop-contact", {"who": "我的父母"})
    _fill(page, "stop-contact", {"who": "单位同事"})
    text, _ = _paper(page)
    assert "立即停止联系单位同事" in text and "我的父母" not in text


@pytest.mark.parametrize("slug", sorted(web.DOCUMENTS))
def test_every_letter_prints_its_own_text(site_page, slug):
    page, base = site_page
    page.goto(f"{base}letters/{slug}/")
    wait_ready(page, slug)
    page.wait_for_function("() => document.querySelector('body > .letter-print .letter-p')", timeout=ANSWER_MS)
    first = page.text_content("body > .letter-print .letter-p")
    text, pages = _paper(page)
    assert re.sub(r"\s+", "", first) in text, (slug, first, text[:200])
    assert "逾期应对指南" not in text and 1 <= pages <= 3


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_printed_calculator_page_carries_the_result(site_page, prefix):
    page, base = site_page
    page.goto(f"{base}{prefix}calculators/repayment/")
    wait_ready(page, "repayment")
    page.fill('form[data-calculator="repayment"] [name="principal"]', "8000")
    page.wait_for_function("() => document.querySelector('[data-field=first_payment]')"
                           "&& !document.querySelector('.calc').classList.contains('calc-is-example')",
                           timeout=ANSWER_MS)
    shown = page.text_content(".calc-output-body [data-field=first_payment]")
    text, _ = _paper(page)
    assert re.sub(r"\s+", "", shown) in text, (shown, text[:300])
    assert "逾期应对指南" not in text and "OverdueHelp" not in text  # the site's header is not printed
