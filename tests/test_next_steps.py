"""Next steps under every result: 2–4 links, chosen by the result, each to a page that exists.

The link checker of the built site (tests/test_content.py) follows every link on the
calculator pages too; here the choice itself is tested, calculator by calculator."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from calculators import next_steps, web
from calculators.views import next_steps as view

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.inside = 0
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "nav" and "calc-next" in (a.get("class") or ""):
            self.inside += 1
        elif tag == "a" and self.inside:
            self.links.append((a["href"], a["data-step"]))

    def handle_endtag(self, tag):
        if tag == "nav" and self.inside:
            self.inside -= 1


def next_links(slug: str, form: dict, lang: str = "zh") -> list[tuple[str, str]]:
    reply = json.loads(web.run(slug, json.dumps(form, ensure_ascii=False), lang))
    assert reply["ok"], reply
    parser = _Links()
    parser.feed(reply["html"])
    return parser.links


def keys(slug: str, form: dict) -> list[str]:
    return [key for _, key in next_links(slug, form)]


def page_of(href: str) -> Path:
    """The Markdown page a ``../../x/y/#anchor`` link from a page two folders deep points at."""
    path = href.removeprefix(view.DEPTH).split("#", 1)[0].rstrip("/")
    return DOCS / f"{path}.md"


@pytest.mark.parametrize("lang", web.LANGS)
@pytest.mark.parametrize("slug", sorted(web.CALCULATORS))
def test_every_result_ends_with_two_to_four_links_to_pages_that_exist(slug, lang):
    # the form the page starts with (every field's starting text), as the widget sends it
    form = {f.name: f.default for f in web.calculator(slug).FIELDS}
    if slug in ("credit-record", "checklist"):
        form["today"] = "2026-11-30"
    links = next_links(slug, form, lang)
    assert next_steps.MIN_STEPS <= len(links) <= next_steps.MAX_STEPS, links
    for href, _ in links:
        assert href.startswith("../../"), href
        assert page_of(href).is_file(), f"{slug}: {href} has no page {page_of(href).relative_to(ROOT)}"


def test_every_key_any_chooser_can_give_has_words_and_a_page():
    for key in set(view.DESTINATIONS) | set(view.LETTER_PAGES):
        for lang in web.LANGS:
            href, words = view.link(key, lang)
            assert words and page_of(href).is_file(), (key, href)


def test_overdue_cost_above_the_24_line_leads_to_challenging_the_charges():
    # 0.05% a day with a 50% penalty mark-up: 27% a year, above the 24% line (法发〔2017〕22号 第二条)
    above = keys("overdue-cost", {"daily_rate": "0.05"})
    # 0.02% a day, no mark-up: 7.2% a year
    below = keys("overdue-cost", {"daily_rate": "0.02", "penalty_markup": "0"})
    assert above[:2] == ["challenge_charges", "complaint"]
    assert "challenge_charges" not in below and "complaint" not in below
    assert above != below


def test_apr_above_the_24_line_leads_to_a_complaint_and_below_it_to_planning():
    # 12 × 950 for 10,000 received: about 24.5% a year (IRR); 12 × 900: about 14.5%
    above = keys("apr", {"principal": "10000", "received": "10000", "months": "12", "payment": "950"})
    below = keys("apr", {"principal": "10000", "received": "10000", "months": "12", "payment": "900"})
    assert "complaint" in above and "complaint" not in below
    assert below[0] == "repayment_calc"


def test_payoff_a_long_plan_leads_to_negotiating_and_a_short_one_to_keeping_to_it():
    debt = {"name": "网贷", "balance": "20000", "annual_rate": "24", "minimum": "500"}
    long_plan = keys("payoff", {"budget": "500", "debts": [debt]})  # 60 months and more at 500 a month
    short_plan = keys("payoff", {"budget": "4000", "debts": [debt]})
    assert long_plan[:2] == ["negotiate", "hardship"]
    assert "negotiate" not in short_plan and "hardship" not in short_plan


def test_payoff_shortfall_counts_the_first_months_minimums():
    from calculators import payoff
    result = payoff.calculate(payoff.read_form({"budget": "1600"}))  # default minimums: 300 + 500 + 800
    assert next_steps.shortfall(result) == 0


def test_negotiation_with_nothing_that_fits_leads_to_the_hardship_statement():
    assert keys("negotiation", {"affordable": "10"})[0] == "hardship"
    assert "hardship" not in keys("negotiation", {})


def test_a_credit_record_always_offers_the_dispute():
    for form in ({"paid": "no"}, {"paid": "yes", "paid_date": "2018-01-01", "overdue_start": "2017-01-01"}):
        assert keys("credit-record", {**form, "today": "2026-11-30"})[0] == "credit_dispute"


def test_letter_steps_lead_to_the_letter_once_its_page_exists_and_to_a_guide_until_then():
    pages = {p.stem for p in (DOCS / "letters").glob("*.md") if not p.name.endswith(".en.md")}
    wanted = {page for page, _ in view.LETTER_PAGES.values()}
    missing = (pages & wanted) - view.LETTERS
    assert not missing, (f"docs/letters has {sorted(missing)}: list them in LETTERS in "
                         "calculators/views/next_steps.py so the next steps link to them")
    assert view.LETTERS <= pages, f"LETTERS lists pages that do not exist: {sorted(view.LETTERS - pages)}"
    for key, (page, stand_in) in view.LETTER_PAGES.items():
        href, _ = view.link(key, "zh")
        expected = f"../../letters/{page}/" if page in view.LETTERS else view.link(stand_in, "zh")[0]
        assert href == expected


def test_the_block_holds_no_markup_from_outside_and_names_itself():
    reply = json.loads(web.run("payoff", json.dumps({"debts": [
        {"name": "<b>card</b>", "balance": "3000", "annual_rate": "18", "minimum": "300"}]}), "en"))
    block = reply["html"][reply["html"].index('<nav class="calc-next"'):]
    assert re.search(r'aria-label="What you can do next"', block)
    assert "<b>" not in block
