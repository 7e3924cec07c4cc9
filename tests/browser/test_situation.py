"""My situation and action plan in a phone-sized browser (issue 24): entered once, kept only when the
reader chooses, locked with a passphrase, exported and imported, deleted in one tap, opening the
other tools and letters filled, printed as a plan; and nothing of it in any request."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.helpers import ANSWER_MS, locked_leaks, wait_ready

pytestmark = [pytest.mark.browser, pytest.mark.own_context]  # the page's clock, what is kept, a listener

KEY = "overdue-help.situation"
# names nobody else types: if any of them shows up in a request or in storage, it came from here
DEBTS = [
    {"name": "Qx7卡", "kind": "card", "lender": "bank", "balance": "3000", "annual_rate": "18", "minimum": "300"},
    {"name": "Qx7B", "lender": "micro_loan", "balance": "8000", "annual_rate": "36", "minimum": "500",
     "days_overdue": "40", "contact": "third_parties"},
    {"name": "Qx7C", "lender": "consumer_finance", "balance": "15000", "annual_rate": "24", "minimum": "1400",
     "papers": "payment_order", "papers_date": "2026-11-25"},
]
CHOICES = ("kind", "lender", "papers", "contact")
PLAN = 'form[data-calculator="plan"]'


@pytest.fixture
def plan_page(site_page):
    page, base = site_page
    page.clock.set_fixed_time(dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC))  # deadlines count from here
    sent: list[str] = []

    def watch(request):
        sent.append(request.url + " " + (request.post_data or ""))

    page.context.on("request", watch)
    page.goto(f"{base}calculators/plan/")
    wait_ready(page, "plan")
    yield page, base, sent
    carried = [s for s in sent if "Qx7" in s or "%E5%8D%A1" in s]  # a name, or its URL-encoded 卡
    assert carried == [], "a request carried what the reader typed"


def fill(page) -> None:
    page.fill(f'{PLAN} [name="income"]', "4000")
    page.fill(f'{PLAN} [name="essentials"]', "2200")
    for i, debt in enumerate(DEBTS):
        for name, value in debt.items():
            selector = f'{PLAN} [name="debts.{i}.{name}"]'
            if name in CHOICES:
                page.select_option(selector, value)
            else:
                page.fill(selector, value)
    expect(page.locator('.calc-output-body [data-field="shortfall"]')).to_have_attribute(
        "data-value", "400.00", timeout=ANSWER_MS)
    # the answer to the last field too (the shortfall is there from Qx7C's minimum on; the payment
    # order's deadline only once its date is in): a tool opened before it would get another debt
    expect(page.locator('.calc-output-body [data-field="first_deadline"]')).to_have_attribute(
        "data-value", "2026-12-10", timeout=ANSWER_MS)


def stored(page) -> str | None:
    return page.evaluate(f"localStorage.getItem({json.dumps(KEY)})")


def state(page):
    return page.locator("[data-situation-store]")


def test_nothing_is_kept_until_the_reader_chooses_then_it_comes_back(plan_page):
    page, _, _ = plan_page
    fill(page)
    page.wait_for_timeout(600)  # longer than the save's 300 ms debounce
    assert stored(page) is None
    page.reload()
    wait_ready(page, "plan")
    assert page.input_value(f'{PLAN} [name="debts.0.name"]') == "A"  # the page's own example again
    fill(page)
    page.check("[data-store-keep]")
    expect(state(page)).to_have_attribute("data-state", "saved")
    assert "Qx7C" in stored(page)
    page.reload()
    wait_ready(page, "plan")
    assert page.input_value(f'{PLAN} [name="debts.2.name"]') == "Qx7C"
    expect(page.locator('.calc-output-body [data-field="first_deadline"]')).to_have_attribute(
        "data-value", "2026-12-10", timeout=ANSWER_MS)
    page.uncheck("[data-store-keep]")
    expect(state(page)).to_have_attribute("data-state", "removed")
    assert stored(page) is None


def test_a_passphrase_locks_it_and_a_wrong_one_opens_nothing(plan_page):
    page, _, _ = plan_page
    fill(page)
    page.click(".situation-lock summary")  # folded: most readers need no passphrase
    page.fill("[data-store-passphrase]", "correct horse")
    page.click('[data-store-action="lock"]')
    expect(state(page)).to_have_attribute("data-state", "locked", timeout=ANSWER_MS)
    kept = stored(page)
    assert kept and locked_leaks(kept, "Qx7卡", "Qx7B", "Qx7C", "15000") == []
    page.reload()
    wait_ready(page, "plan")
    expect(page.locator("[data-store-unlock]")).to_be_visible()
    page.fill("[data-store-unlock-input]", "wrong horse")
    page.click('[data-store-action="unlock"]')
    expect(state(page)).to_have_attribute("data-state", "wrong", timeout=ANSWER_MS)
    assert page.input_value(f'{PLAN} [name="debts.0.name"]') == "A"
    page.fill("[data-store-unlock-input]", "correct horse")
    page.click('[data-store-action="unlock"]')
    expect(state(page)).to_have_attribute("data-state", "locked", timeout=ANSWER_MS)
    assert page.input_value(f'{PLAN} [name="debts.0.name"]') == "Qx7卡"


def test_delete_everything_leaves_no_trace(plan_page):
    page, _, _ = plan_page
    fill(page)
    page.check("[data-store-keep]")
    expect(state(page)).to_have_attribute("data-state", "saved")
    page.on("dialog", lambda dialog: dialog.accept())
    page.click('[data-store-action="erase"]')
    expect(state(page)).to_have_attribute("data-state", "erased")
    left = page.evaluate("""async () => {
        const keys = [...Object.keys(localStorage), ...Object.keys(sessionStorage)];
        const cached = [];
        for (const name of await caches.keys()) {
            for (const request of await (await caches.open(name)).keys()) cached.push(request.url);
        }
        return {keys, cached};
    }""")
    assert [k for k in left["keys"] if k.startswith(KEY)] == []
    assert [u for u in left["cached"] if "Qx7" in u] == []
    assert page.input_value(f'{PLAN} [name="debts.0.name"]') == "A"  # the form is cleared too
    assert not page.is_checked("[data-store-keep]")


def test_export_and_import_in_a_fresh_browser_give_the_same_plan(plan_page, browser, tmp_path):
    page, base, _ = plan_page
    fill(page)
    with page.expect_download() as info:
        page.click('[data-store-action="export"]')
    exported = tmp_path / "my-situation.json"
    info.value.save_as(exported)
    doc = json.loads(exported.read_text(encoding="utf-8"))
    assert doc["format"] == "overdue-help/situation" and doc["version"] == 2 and doc["log"] == []
    shown = page.locator(".calc-output-body").inner_text()

    other = browser.new_context(viewport={"width": 375, "height": 812}, service_workers="block")
    try:
        fresh = other.new_page()
        fresh.clock.set_fixed_time(dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC))
        fresh.goto(f"{base}calculators/plan/")
        wait_ready(fresh, "plan")
        (tmp_path / "broken.json").write_text('{"format": "overdue-help/situation", "version": 1, "pairs": 5}')
        fresh.set_input_files("[data-store-import]", str(tmp_path / "broken.json"))
        expect(fresh.locator("[data-situation-store]")).to_have_attribute("data-state", "bad-file")
        assert fresh.input_value(f'{PLAN} [name="debts.0.name"]') == "A"  # nothing changed
        (tmp_path / "newer.json").write_text('{"format": "overdue-help/situation", "version": 99, "pairs": []}')
        fresh.set_input_files("[data-store-import]", str(tmp_path / "newer.json"))
        expect(fresh.locator("[data-situation-store]")).to_have_attribute("data-state", "new-file")
        fresh.set_input_files("[data-store-import]", str(exported))
        expect(fresh.locator("[data-situation-store]")).to_have_attribute("data-state", "imported")
        expect(fresh.locator('.calc-output-body [data-field="shortfall"]')).to_have_attribute(
            "data-value", "400.00", timeout=ANSWER_MS)
        assert fresh.locator(".calc-output-body").inner_text() == shown
        # an older file (before the format had a version) is read through its migration
        old = {"form": dict(doc["pairs"])}
        (tmp_path / "old.json").write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
        fresh.reload()
        wait_ready(fresh, "plan")
        fresh.set_input_files("[data-store-import]", str(tmp_path / "old.json"))
        expect(fresh.locator("[data-situation-store]")).to_have_attribute("data-state", "imported")
        assert fresh.input_value(f'{PLAN} [name="debts.2.name"]') == "Qx7C"
        # a version 1 file (before the collection log joined the format) is read through its migration
        one = {"format": "overdue-help/situation", "version": 1, "pairs": doc["pairs"]}
        (tmp_path / "one.json").write_text(json.dumps(one, ensure_ascii=False), encoding="utf-8")
        fresh.reload()
        wait_ready(fresh, "plan")
        fresh.set_input_files("[data-store-import]", str(tmp_path / "one.json"))
        expect(fresh.locator("[data-situation-store]")).to_have_attribute("data-state", "imported")
        assert fresh.input_value(f'{PLAN} [name="debts.2.name"]') == "Qx7C"
    finally:
        other.close()


def test_the_plan_opens_the_other_tools_and_its_letters_filled(plan_page):
    page, _, _ = plan_page
    fill(page)
    page.click(".calc-plan-tools a[href$='calculators/payoff/']")
    wait_ready(page, "payoff")
    assert page.evaluate("location.hash") == ""  # taken, and gone from the address at once
    assert page.input_value('form[data-calculator="payoff"] [name="budget"]') == "1800.00"
    assert page.input_value('form[data-calculator="payoff"] [name="debts.2.name"]') == "Qx7C"
    page.go_back()
    wait_ready(page, "plan")
    fill(page)
    letter = page.locator(".calc-plan-letters a", has_text="Qx7B").first
    letter.click()
    wait_ready(page, "negotiation-letter")
    assert page.evaluate("location.hash") == ""
    assert page.input_value('form[data-calculator="negotiation-letter"] [name="owed"]') == "8000.00"
    assert page.input_value('form[data-calculator="negotiation-letter"] [name="monthly"]') == "553.85"


def test_the_plan_prints_with_its_deadlines_and_amounts(plan_page):
    page, _, _ = plan_page
    fill(page)
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False)))
    text = re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in reader.pages))
    page.emulate_media(media="screen")
    assert "2026年12月10日" in text and "对支付令有异议" in text  # the deadline, on paper
    assert "1,038.46" in text and "400.00" in text  # the pro-rata offer and the shortfall
    assert "Qx7B" in text and "协商还款申请" in text  # which letter to send, for which debt
    assert "每月到手收入" not in text  # the form is not printed, only the plan
    assert len(reader.pages) <= 2


def test_a_tool_opened_on_its_own_fills_from_the_kept_situation_in_one_tap(plan_page):
    page, base, _ = plan_page
    page.goto(f"{base}calculators/negotiation/")
    wait_ready(page, "negotiation")
    expect(page.locator(".calc-fill-situation")).to_be_hidden()  # nothing kept: nothing offered
    page.goto(f"{base}calculators/plan/")
    wait_ready(page, "plan")
    fill(page)
    page.check("[data-store-keep]")
    expect(state(page)).to_have_attribute("data-state", "saved")
    page.goto(f"{base}en/calculators/negotiation/")
    wait_ready(page, "negotiation")
    page.click("[data-fill-situation]")
    # money is short: the debt in court opens first, with its pro-rata share as what can be paid
    expect(page.locator('form[data-calculator="negotiation"] [name="principal"]')).to_have_value("15000.00")
    assert page.input_value('form[data-calculator="negotiation"] [name="affordable"]') == "1038.46"
    expect(page.locator(".calc-fill-situation [role=status]")).to_contain_text("Filled in from My situation")


def _kept_pairs(page) -> dict[str, str]:
    return dict(json.loads(stored(page))["pairs"])


def test_a_negotiated_plan_and_a_chosen_order_saved_back_change_the_plan(plan_page):
    from calculators import negotiation, plan

    page, base, _ = plan_page
    fill(page)
    page.check("[data-store-keep]")
    expect(state(page)).to_have_attribute("data-state", "saved")
    # money is short: the plan opens negotiation with the debt in court (Qx7C, the third), filled
    page.click(".calc-plan-tools a[href$='calculators/negotiation/']")
    wait_ready(page, "negotiation")
    expect(page.locator('form[data-calculator="negotiation"] [name="principal"]')).to_have_value("15000.00")
    box = page.locator(".calc-save-situation")
    expect(box).to_be_visible(timeout=ANSWER_MS)
    assert box.locator("[data-save-debt] option").all_text_contents() == ["Qx7卡", "Qx7B", "Qx7C"]
    assert box.locator("[data-save-debt]").input_value() == "2"  # the debt this tool was opened for
    situation = plan.calculate(plan.read_form({"income": "4000", "essentials": "2200", "debts": DEBTS},
                                              dt.date(2026, 12, 1)))
    asked = negotiation.calculate(negotiation.read_form(plan.fill("negotiation", situation)))
    expected = {f"debts.2.{name}": value for name, value in plan.saved_agreement(asked)}
    expect(page.locator(".calc-output-body .calc-save-situation")).to_have_attribute(
        "data-save", re.compile(re.escape(expected["debts.2.minimum"])), timeout=ANSWER_MS)
    box.locator("[data-save-situation]").click()
    expect(box.locator("[role=status]")).to_contain_text("已经存到")
    kept = _kept_pairs(page)
    assert {k: kept[k] for k in expected} == expected and kept["debts.0.name"] == "Qx7卡"
    # payoff: the reader picks the other order and keeps it
    page.goto(f"{base}calculators/payoff/")
    wait_ready(page, "payoff")
    page.select_option('form[data-calculator="payoff"] [name="strategy"]', "snowball")
    expect(page.locator(".calc-save-situation")).to_have_attribute("data-save", re.compile("snowball"),
                                                                   timeout=ANSWER_MS)
    page.click("[data-save-situation]")
    expect(page.locator(".calc-save-situation [role=status]")).to_contain_text("已经存到")
    assert _kept_pairs(page)["order"] == "snowball"
    # the plan reads both back: Qx7C agreed (no letter asking for a plan), the order kept
    page.goto(f"{base}calculators/plan/")
    wait_ready(page, "plan")
    expect(page.locator(f'{PLAN} [name="debts.2.agreed"]')).to_be_checked()
    assert page.input_value(f'{PLAN} [name="order"]') == "snowball"
    expect(page.locator(".calc-output-body table")).to_contain_text("Qx7C（已谈好）", timeout=ANSWER_MS)
    expect(page.locator(".calc-plan-letters a", has_text="Qx7C")).to_have_count(0)


def test_a_situation_locked_in_the_first_format_opens_with_its_passphrase(plan_page):
    """A version 1 lock (the pairs alone inside) opens, fills the form, and is kept as version 2, still locked."""
    page, _, _ = plan_page
    pairs = [["income", "4100"], ["essentials", "2200"], ["debts.0.name", "Qx7旧"], ["debts.0.balance", "6000"],
             ["debts.0.minimum", "400"]]
    page.evaluate("""async ([key, pairs]) => {
        const b64 = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
        const salt = crypto.getRandomValues(new Uint8Array(16)), iv = crypto.getRandomValues(new Uint8Array(12));
        const material = await crypto.subtle.importKey("raw", new TextEncoder().encode("old passphrase 1"),
                                                       "PBKDF2", false, ["deriveKey"]);
        const k = await crypto.subtle.deriveKey({name: "PBKDF2", salt, iterations: 600000, hash: "SHA-256"},
                                                material, {name: "AES-GCM", length: 256}, false, ["encrypt"]);
        const data = await crypto.subtle.encrypt({name: "AES-GCM", iv}, k,
                                                 new TextEncoder().encode(JSON.stringify(pairs)));
        localStorage.setItem(key, JSON.stringify({format: "overdue-help/situation", version: 1,
                                                  locked: {salt: b64(salt), iv: b64(iv), data: b64(data)}}));
    }""", [KEY, pairs])
    page.reload()
    wait_ready(page, "plan")
    expect(page.locator("[data-store-unlock]")).to_be_visible()
    page.fill("[data-store-unlock-input]", "old passphrase 1")
    page.click('[data-store-action="unlock"]')
    expect(state(page)).to_have_attribute("data-state", "locked", timeout=ANSWER_MS)
    assert page.input_value(f'{PLAN} [name="debts.0.name"]') == "Qx7旧"
    assert page.input_value(f'{PLAN} [name="income"]') == "4100"
    page.fill(f'{PLAN} [name="income"]', "4200")  # any change saves, in the current format, locked again
    page.wait_for_function("(key) => JSON.parse(localStorage.getItem(key)).version === 2", arg=KEY,
                           timeout=ANSWER_MS)
    kept = stored(page)
    assert locked_leaks(kept, "Qx7旧", "4200") == []
