"""The letters in a real browser: copy puts the exact text on the clipboard, the .txt is UTF-8 with
BOM and CRLF, typed markup stays text, the English page pairs each paragraph, the negotiation
calculator's link carries its numbers into the letter, and every letter page passes axe."""

from __future__ import annotations

import pytest

from tests.browser.helpers import ANSWER_MS, cpython, expected_figures, wait_figures, wait_ready
from tests.browser.test_calculators import page_form

MARKUP = '<img src=x onerror="window.__pwned=1">张三'


def _type_and_wait(page, slug, name, value):
    page.fill(f'form[data-calculator="{slug}"] [name="{name}"]', value)
    page.wait_for_function("v => document.querySelector('.letter-plain')?.textContent.includes(v)", arg=value,
                           timeout=ANSWER_MS)


@pytest.mark.first_visit  # a letter page on a first visit: the letters' own zip, Python booted
def test_copy_puts_the_exact_text_on_the_clipboard(site_page):
    page, base = site_page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
    page.goto(f"{base}letters/complaint/")
    wait_ready(page, "complaint")
    _type_and_wait(page, "complaint", "numbers", MARKUP)
    page.click('button[data-letter-action="copy"]')
    page.wait_for_function("() => document.querySelector('.letter-status').textContent.length > 0",
                           timeout=ANSWER_MS)
    copied = page.evaluate("navigator.clipboard.readText()")
    expected = cpython("complaint", {"numbers": MARKUP})["text"]
    assert copied == expected
    assert MARKUP in copied
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".letter-body img").count() == 0
    assert "?" not in page.url and "name=" not in page.url, "typed text stays out of the address"


def test_download_is_the_exact_text_with_bom_and_crlf(site_page):
    page, base = site_page
    page.goto(f"{base}letters/card-instalments/")
    wait_ready(page, "card-instalments")
    _type_and_wait(page, "card-instalments", "bank", "<b>某某银行</b>")
    with page.expect_download(timeout=ANSWER_MS) as info:
        page.click('button[data-letter-action="download"]')
    download = info.value
    assert download.suggested_filename == "信用卡个性化分期申请.txt"
    raw = open(download.path(), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf")
    body = raw.decode("utf-8-sig")
    assert "\n" not in body.replace("\r\n", "")
    assert body == cpython("card-instalments", {"bank": "<b>某某银行</b>"})["text"].replace("\n", "\r\n") + "\r\n"


def test_english_page_shows_the_chinese_text_and_the_english_rendering(site_page):
    page, base = site_page
    page.goto(f"{base}en/letters/stop-contact/")
    zh = page.locator(".letter-body .letter-zh[lang=zh-CN]")
    en = page.locator(".letter-body .letter-en[lang=en]")
    assert zh.count() == en.count() > 5
    assert "个人信息保护法" in page.text_content(".letter-body")
    assert "Personal Information Protection Law" in page.text_content(".letter-body")


def test_the_negotiation_calculator_carries_its_numbers_into_the_letter(site_page):
    page, base = site_page
    page.goto(f"{base}calculators/negotiation/")
    wait_ready(page, "negotiation")
    page.fill('form[data-calculator="negotiation"] [name="principal"]', "12000")
    # 1,500 a month fits a re-instalment over 12 months (1,100.19), an option lenders usually grant
    page.fill('form[data-calculator="negotiation"] [name="affordable"]', "1500")
    # the answer to both fills (one to the principal alone has a best option too)
    wait_figures(page, expected_figures(cpython("negotiation", page_form(page))))
    assert page.get_attribute("[data-field=debt]", "data-value") == "12000.00"
    best = page.get_attribute("[data-field=best_option]", "data-value")
    monthly = page.get_attribute("[data-field=best_monthly]", "data-value")
    page.click("a[data-letter-carry]")
    page.wait_for_url("**/letters/negotiation-letter/**", timeout=ANSWER_MS)
    form = 'form[data-calculator="negotiation-letter"]'
    assert page.input_value(f'{form} [name="owed"]') == "12000.00"
    assert page.input_value(f'{form} [name="plan"]') == best
    assert page.input_value(f'{form} [name="monthly"]') == monthly
    wait_ready(page, "negotiation-letter")
    page.wait_for_function("() => document.querySelector('.letter-plain').textContent.includes('12,000.00 元')",
                           timeout=ANSWER_MS)
    assert "#" not in page.url, "the carried numbers do not stay in the address"


def test_when_nothing_fits_the_letter_asks_for_the_plan_the_reader_can_keep(site_page):
    """The usual case: no plan fits ¥500 a month. The letter gets the calculator's realistic request
    (interest frozen, 60 equal parts of 500.00: negotiation.letter_plan), not blanks."""
    page, base = site_page
    page.goto(f"{base}calculators/negotiation/")
    wait_ready(page, "negotiation")
    page.fill('form[data-calculator="negotiation"] [name="principal"]', "30000")
    page.fill('form[data-calculator="negotiation"] [name="affordable"]', "500")
    # the answer to both fills: the debt alone was there from the first fill on, with the example's
    # ¥1,000 a month (a shortfall too; its letter asks for 30 parts), and a click then carried that
    wait_figures(page, expected_figures(cpython("negotiation", page_form(page))))
    page.click("a[data-letter-carry]")
    page.wait_for_url("**/letters/negotiation-letter/**", timeout=ANSWER_MS)
    form = 'form[data-calculator="negotiation-letter"]'
    assert page.input_value(f'{form} [name="plan"]') == "frozen"
    assert page.input_value(f'{form} [name="months"]') == "60"
    assert page.input_value(f'{form} [name="monthly"]') == "500.00"
    wait_ready(page, "negotiation-letter")
    page.wait_for_function("() => document.querySelector('.letter-plain').textContent.includes('分 60 期')",
                           timeout=ANSWER_MS)
    text = page.text_content(".letter-plain")
    assert "每期 500.00 元" in text and "分 ＿＿＿＿ 期" not in text
    assert "#" not in page.url


def test_the_documents_request_copies_and_downloads_like_the_others(site_page):
    page, base = site_page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
    page.goto(f"{base}letters/documents-request/")
    wait_ready(page, "documents-request")
    _type_and_wait(page, "documents-request", "lender", "某某小额贷款")
    page.click('button[data-letter-action="copy"]')
    page.wait_for_function("() => document.querySelector('.letter-status').textContent.length > 0",
                           timeout=ANSWER_MS)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "某某小额贷款" in copied and "个人信息保护法" in copied
    with page.expect_download(timeout=ANSWER_MS) as info:
        page.click('button[data-letter-action="download"]')
    raw = open(info.value.path(), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.decode("utf-8-sig").replace("\r\n", "\n").strip() == copied.strip()


# Axe on every letter page (and the letters' index): the sweep of every page in tests/browser/test_reach.py.
