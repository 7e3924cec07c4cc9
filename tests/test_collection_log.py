"""The collection log (calculators/collection_log.py, issue 24 item 5): the counts, the night calls
(22:00 to 08:00, the China Banking Association's collection guideline of 2026-01-30, as the complaint
letter cites it), the date range, an empty log, a bad entry's message naming its row and field, and the
complaint letter's fields filled from it. Every expected figure is counted by hand from the entries
beside it."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from calculators import collection_log as log
from calculators import letters_complaint, web
from calculators.money import InputError

# Four contacts typed out of order (as a reader adds them later): 23:15 and 07:40 are at night,
# 22:00 is at night (the rule's first minute), 08:00 is not (its end); one has no time.
ENTRIES = [
    {"date": "2026-11-03", "time": "23:15", "number": "13800000001", "who": "某某资产", "said": "再不还就去你单位",
     "third_parties": "no", "threats": "yes", "insults": "no"},
    {"date": "2026-11-01", "time": "08:00", "number": "13800000002", "who": "小王", "third_parties": "yes"},
    {"date": "2026-11-04", "time": "7:40", "number": "13800000001", "insults": "yes"},
    {"date": "2026-11-04", "time": "22:00", "number": "13800000003", "who": "某某资产", "third_parties": "yes"},
    {"date": "2026-11-02", "number": "13800000002"},
]


def result(entries, **more):
    return log.calculate(log.read_form({"entries": entries, **more}))


def test_counts_night_calls_and_date_range():
    r = result(ENTRIES)
    assert len(r.entries) == 5
    assert (r.first_date, r.last_date) == (dt.date(2026, 11, 1), dt.date(2026, 11, 4))
    assert r.night == 3  # 23:15, 07:40, 22:00; not 08:00, not the one without a time
    assert (r.third_parties, r.threats, r.insults) == (2, 1, 1)
    assert r.numbers == ("13800000002", "13800000001", "13800000003")  # each once, in time order
    assert r.collectors == ("小王", "某某资产")
    # in time order; on 11-04, 07:40 before 22:00
    assert [(e.date.day, e.time) for e in r.entries] == [
        (1, dt.time(8, 0)), (2, None), (3, dt.time(23, 15)), (4, dt.time(7, 40)), (4, dt.time(22, 0))]


@pytest.mark.parametrize("typed, night", [("21:59", False), ("22:00", True), ("23:59", True), ("0:00", True),
                                          ("07:59", True), ("08:00", False), ("12：30", False)])
def test_the_night_is_from_22_00_to_08_00(typed, night):
    assert result([{"date": "2026-11-01", "time": typed}]).night == int(night)


def test_an_empty_log_counts_nothing_and_fills_only_the_ticks():
    for form in ({}, {"entries": []}, {"entries": [{"date": "", "time": "", "third_parties": "no"}]}):
        r = log.calculate(log.read_form(form))
        assert r.entries == () and r.first_date is None and r.night == 0
        assert log.complaint_form(r) == {"night_calls": "no", "third_parties": "no", "threats": "no",
                                         "insults": "no"}
    out = json.loads(web.run("collection-log", "{}", "zh"))
    assert out["ok"] and "还没有记录" in out["text"] and "NaN" not in out["html"]


def test_the_complaint_opens_with_the_logs_counts():
    form = log.complaint_form(result(ENTRIES, lender="某某小贷"))
    assert form["first_date"] == "2026-11-01" and form["last_date"] == "2026-11-04" and form["times"] == "5"
    assert form["numbers"] == "13800000002、13800000001、13800000003"
    assert form["collector"] == "小王、某某资产" and form["lender"] == "某某小贷"
    assert (form["night_calls"], form["third_parties"], form["threats"], form["insults"]) == ("yes",) * 4
    assert form["detail"] == ("我记录了 5 次催收联系，其中 3 次在晚上 22:00 到第二天早上 8:00 之间"
                              "（2026年11月3日 23:15、2026年11月4日 07:40、2026年11月4日 22:00）；"
                              "2 次联系了我的家人、朋友或单位；1 次威胁；1 次辱骂。详见所附催收记录。")
    # the complaint letter takes every one of these fields as they are
    complaint = letters_complaint.calculate(letters_complaint.read_form(form, dt.date(2026, 12, 6)))
    assert complaint.events == ("night_calls", "threats", "third_parties", "insults")
    assert "12321" in complaint.channels and "110" in complaint.channels
    text = json.loads(web.run("complaint", json.dumps(form, ensure_ascii=False), "zh", True, "2026-12-06"))["text"]
    assert "从2026年11月1日到2026年11月4日" in text and "大约 5 次" in text and "13800000003" in text


def test_the_complaint_says_no_more_than_the_log_recorded():
    # one contact with family and one threat of exposure: the complaint neither adds that the debt was
    # disclosed nor turns the threat into one to safety; abuse alone is never called a threat
    form = log.complaint_form(result([{"date": "2026-11-01", "third_parties": "yes", "threats": "yes",
                                       "said": "再不还就曝光你"}]))
    text = json.loads(web.run("complaint", json.dumps(form, ensure_ascii=False), "zh", True, "2026-12-06"))["text"]
    assert "联系我的家人、朋友或单位" in text and "透露" not in text
    assert "威胁我或家人（人身安全、上门、曝光等）" in text and "威胁我或家人的人身安全" not in text
    abuse = log.complaint_form(result([{"date": "2026-11-01", "insults": "yes"}]))
    assert (abuse["threats"], abuse["insults"]) == ("no", "yes") and "威胁" not in abuse["detail"]


def test_long_lists_fit_the_complaints_fields():
    many = [{"date": "2026-11-01", "time": "23:00", "number": f"1390000{n:04d}", "who": f"催收员{n:02d}号"}
            for n in range(40)]
    form = log.complaint_form(result(many))
    assert len(form["numbers"]) <= 120 and form["numbers"].endswith("等")
    assert len(form["collector"]) <= 60 and form["collector"].endswith("等")
    assert len(form["detail"]) <= 200 and "2026年11月1日 23:00等" in form["detail"]
    letters_complaint.read_form(form, dt.date(2026, 12, 6))  # and the complaint accepts them


@pytest.mark.parametrize("row, field, zh, en", [
    ({"date": "2026-11-31"}, "entries.1.date", "第 2 条记录的“日期”：请按“年-月-日”输入日期，例如 2026-01-31",
     "Entry 2, “Date”: Enter the date as year-month-day, such as 2026-01-31"),
    ({"time": "23:15"}, "entries.1.date", "第 2 条记录的“日期”：请填写日期，例如 2026-01-31",
     "Entry 2, “Date”: Fill in a date, such as 2026-01-31"),
    ({"date": "2026-11-02", "time": "25:10"}, "entries.1.time",
     "第 2 条记录的“时间（24 小时制）”：请按 24 小时制写时间，例如 23:15 或 07:40",
     "Entry 2, “Time (24-hour clock)”: Write the time on the 24-hour clock, such as 23:15 or 07:40"),
    ({"date": "2026-11-02", "said": "话" * 201}, "entries.1.said",
     "第 2 条记录的“说了什么”：这一项最多 200 个字，现在有 201 个字，请删短一些",
     "Entry 2, “What was said”: Keep this to 200 characters; it has 201"),
    ("not a row", "entries.1", "第 2 条记录无法读取，请重新填写", "Entry 2 could not be read; fill it in again"),
])
def test_a_bad_entry_gets_a_message_naming_its_row_and_field(row, field, zh, en):
    form = {"entries": [{"date": "2026-11-01"}, row]}
    with pytest.raises(InputError) as err:
        log.read_form(form)
    assert (err.value.field, err.value.zh, err.value.en) == (field, zh, en)
    out = json.loads(web.run("collection-log", json.dumps(form, ensure_ascii=False)))
    assert out == {"ok": False, "field": field, "message": {"zh": zh, "en": en}}


def test_the_page_shows_the_table_and_the_link_that_fills_the_complaint():
    out = json.loads(web.run("collection-log", json.dumps({"entries": ENTRIES}, ensure_ascii=False), "en"))
    html = out["html"]
    assert 'data-table="log"' in html and html.count("<tr>") == 6  # the head and five entries
    assert 'href="../../letters/complaint/" data-carry="' in html
    assert 'data-field="night" data-value="3"' in html
    # the text to attach: every entry, in time order, the night ones marked
    text = out["text"]
    assert text.index("2026年11月1日 08:00") < text.index("2026年11月3日 23:15（夜间）")
    assert "2026年11月4日 22:00（夜间）" in text and "08:00（夜间）" not in text
