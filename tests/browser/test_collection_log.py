"""The collection log in a phone-sized browser (issue 24 item 5): three entries added as rows, kept only
when the reader chooses and back after a reload, the complaint letter opened filled with the counts, the
table downloaded as CSV (a cell that starts like a formula kept as text), the log printed to PDF and read
back, "Delete everything" removing it; and nothing typed in any request."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.helpers import (
    ANSWER_MS,
    cpython,
    expected_figures,
    locked_leaks,
    wait_figures,
    wait_ready,
)
from tests.browser.test_calculators import page_form

pytestmark = [pytest.mark.browser, pytest.mark.own_context]  # the page's clock, what is kept, a listener

KEY = "overdue-help.situation"
LOG = 'form[data-calculator="collection-log"]'
# what nobody else types: if it shows up in a request, it came from here
ENTRIES = [
    {"date": "2026-11-03", "time": "23:15", "number": "13800000001", "who": "Qz9甲", "said": "=Qz9说不还就去单位"},
    {"date": "2026-11-01", "time": "14:00", "number": "13800000002", "who": "Qz9乙", "said": "Qz9打给了我妈",
     "third_parties": True},
    # threats last: it changes a figure the page shows, so waiting for the figures waits for the answer to
    # the whole log (ticked last, insults changes none of them: the CSV was once taken a tick too early)
    {"date": "2026-11-04", "time": "07:40", "number": "13800000001", "who": "Qz9甲", "said": "Qz9骂人",
     "insults": True, "threats": True},
]


@pytest.fixture
def log_page(site_page):
    page, base = site_page
    page.clock.set_fixed_time(dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC))
    sent: list[str] = []
    page.context.on("request", lambda request: sent.append(request.url + " " + (request.post_data or "")))
    page.goto(f"{base}letters/collection-log/")
    wait_ready(page, "collection-log")
    yield page, base
    carried = [s for s in sent if "Qz9" in s or "13800000001" in s or "%E7%94%B2" in s]  # 甲, URL-encoded
    assert carried == [], "a request carried what the reader typed"


def add_entries(page) -> None:
    for i, entry in enumerate(ENTRIES):
        if i:
            page.click(f'{LOG} [data-action="add-row"]')
        for name, value in entry.items():
            selector = f'{LOG} [name="entries.{i}.{name}"]'
            if value is True:
                page.check(selector)
            else:
                page.fill(selector, value)
    # the answer to the whole log (one to the first fields of the last entry counts 3 calls already)
    wait_figures(page, expected_figures(cpython("collection-log", page_form(page))))


def stored(page) -> str | None:
    return page.evaluate(f"localStorage.getItem({json.dumps(KEY)})")


def shown(page) -> dict[str, str]:
    return page.eval_on_selector_all(".calc-output-body [data-field]",
                                      "els => Object.fromEntries(els.map(e => [e.dataset.field, e.dataset.value]))")


def test_the_log_is_kept_when_chosen_opens_the_complaint_and_is_deleted(log_page):
    page, _ = log_page
    add_entries(page)
    # counted by hand: 23:15 and 07:40 are between 22:00 and 08:00; one reached family; one threat and abuse
    assert shown(page) == {"times": "3", "night": "2", "third_parties": "1", "threats": "1"}
    page.wait_for_timeout(600)  # longer than the save's 300 ms debounce
    assert stored(page) is None  # nothing kept until the reader says so
    page.check("[data-store-keep]")
    expect(page.locator("[data-situation-store]")).to_have_attribute("data-state", "saved")
    doc = json.loads(stored(page))
    assert doc["version"] == 2 and doc["pairs"] == [] and dict(doc["log"])["entries.2.who"] == "Qz9甲"

    page.reload()
    wait_ready(page, "collection-log")
    expect(page.locator('.calc-output-body [data-field="night"]')).to_have_attribute(
        "data-value", "2", timeout=ANSWER_MS)
    assert page.input_value(f'{LOG} [name="entries.1.said"]') == "Qz9打给了我妈"
    assert page.is_checked(f'{LOG} [name="entries.2.insults"]')

    page.click(".calc-log-complaint a")
    wait_ready(page, "complaint")
    assert page.evaluate("location.hash") == ""  # taken, and gone from the address at once
    form = 'form[data-calculator="complaint"]'
    assert page.input_value(f'{form} [name="times"]') == "3"
    assert page.input_value(f'{form} [name="first_date"]') == "2026-11-01"
    assert page.input_value(f'{form} [name="last_date"]') == "2026-11-04"
    assert page.input_value(f'{form} [name="numbers"]') == "13800000002、13800000001"
    assert page.input_value(f'{form} [name="collector"]') == "Qz9乙、Qz9甲"
    for tick in ("night_calls", "third_parties", "threats", "insults"):
        assert page.is_checked(f'{form} [name="{tick}"]'), tick
    page.wait_for_function("() => document.querySelector('.letter-plain')?.textContent.includes('大约 3 次')",
                           timeout=ANSWER_MS)
    assert "其中 2 次在晚上 22:00 到第二天早上 8:00 之间" in page.locator(".letter-plain").text_content()

    page.go_back()
    wait_ready(page, "collection-log")
    expect(page.locator("[data-situation-store]")).to_have_attribute("data-state", "saved")
    page.on("dialog", lambda dialog: dialog.accept())
    page.click('[data-store-action="erase"]')
    expect(page.locator("[data-situation-store]")).to_have_attribute("data-state", "erased")
    assert [k for k in page.evaluate("Object.keys(localStorage)") if k.startswith(KEY)] == []
    assert page.input_value(f'{LOG} [name="entries.0.who"]') == ""
    assert page.locator(f"{LOG} .calc-row").count() == 1
    page.reload()
    wait_ready(page, "collection-log")
    assert page.input_value(f'{LOG} [name="entries.0.who"]') == "" and not page.is_checked("[data-store-keep]")


def test_the_table_downloads_as_csv_and_the_log_prints(log_page, tmp_path):
    page, _ = log_page
    add_entries(page)
    with page.expect_download() as info:
        page.click(".calc-output-body .calc-csv")
    path = tmp_path / "log.csv"
    info.value.save_as(path)
    assert info.value.suggested_filename == "collection-log-log.csv"
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte-order mark, for spreadsheet programs
    lines = raw.decode("utf-8-sig").split("\r\n")
    assert lines[0] == "序号,日期,时间,号码,对方自称,说了什么,联系家人、朋友或单位,威胁,辱骂"
    assert lines[1] == "1,2026-11-01,14:00,13800000002,Qz9乙,Qz9打给了我妈,是,,"  # in time order
    assert lines[2] == "2,2026-11-03,23:15,13800000001,Qz9甲,'=Qz9说不还就去单位,,,"  # a formula kept as text
    assert lines[3] == "3,2026-11-04,07:40,13800000001,Qz9甲,Qz9骂人,,是,是"

    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False)))
    text = re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in reader.pages))
    page.emulate_media(media="screen")
    assert "【催收记录】" in text and "共记录3次催收联系" in text
    assert "2026年11月3日23:15（夜间）" in text and "2026年11月1日14:00（夜间）" not in text
    assert "Qz9打给了我妈" in text and "联系了我的家人、朋友或单位" in text and "威胁；辱骂" in text
    assert "对方号码" not in text  # the form is not printed, only the log
    assert len(reader.pages) <= 2


def test_the_log_is_kept_beside_the_situation_and_locked_with_it(log_page):
    page, base = log_page
    page.goto(f"{base}calculators/plan/")
    wait_ready(page, "plan")
    page.fill('form[data-calculator="plan"] [name="debts.0.name"]', "Qz9卡")
    page.check("[data-store-keep]")
    expect(page.locator("[data-situation-store]")).to_have_attribute("data-state", "saved")
    page.goto(f"{base}letters/collection-log/")
    wait_ready(page, "collection-log")
    assert page.is_checked("[data-store-keep]")  # one switch for both: the reader chose it on the plan
    add_entries(page)
    page.wait_for_function(f"() => (localStorage.getItem({json.dumps(KEY)}) || '').includes('Qz9骂人')",
                           timeout=ANSWER_MS)
    doc = json.loads(stored(page))
    assert dict(doc["pairs"])["debts.0.name"] == "Qz9卡"  # the plan is still there beside the log
    page.click(".situation-lock summary")
    page.fill("[data-store-passphrase]", "correct horse")
    page.click('[data-store-action="lock"]')
    expect(page.locator("[data-situation-store]")).to_have_attribute("data-state", "locked", timeout=ANSWER_MS)
    kept = stored(page)
    assert locked_leaks(kept, "Qz9卡", "Qz9骂人", "13800000001") == []  # the lock covers the log
    # the plan's page opens the same lock, and its part is whole
    page.goto(f"{base}calculators/plan/")
    wait_ready(page, "plan")
    page.fill("[data-store-unlock-input]", "correct horse")
    page.click('[data-store-action="unlock"]')
    expect(page.locator("[data-situation-store]")).to_have_attribute("data-state", "locked", timeout=ANSWER_MS)
    assert page.input_value('form[data-calculator="plan"] [name="debts.0.name"]') == "Qz9卡"
    page.goto(f"{base}letters/collection-log/")
    wait_ready(page, "collection-log")
    page.fill("[data-store-unlock-input]", "correct horse")
    page.click('[data-store-action="unlock"]')
    # the answer to the whole log (one to the first fields of the last entry counts 3 calls already)
    wait_figures(page, expected_figures(cpython("collection-log", page_form(page))))
    assert page.input_value(f'{LOG} [name="entries.2.said"]') == "Qz9骂人"
