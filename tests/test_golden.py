"""Everything a reader gets from the calculators is exactly as recorded in tests/golden/replies.json.gz:
every calculator's reply (defaults, the tests' typed inputs and 200 generated forms each), every
letter's text and page, the calendar files and the next steps, in zh and en, all made with fixed
clocks (tests/golden/record.py says what and how). A redesign may move code, not change what a
reader gets; a re-record never freezes a crash."""

from __future__ import annotations

import difflib
import json

import pytest

from calculators import web
from tests.golden import record

RECORDS = record.load()
REPLIES = [r for r in RECORDS if "reply" in r]
STEPS = [r for r in RECORDS if "steps" in r]
# the letters that can ask the reader to stop and check before sending (letters_common.caution_fields)
WITH_CAUTIONS = sorted(slug for slug in web.DOCUMENTS if any(f.name == "last_paid" for f in web.DOCUMENTS[slug].FIELDS))


def test_every_calculator_and_letter_is_recorded_in_both_languages():
    for slug in [*web.CALCULATORS, *web.DOCUMENTS]:
        assert {r["lang"] for r in REPLIES if r["slug"] == slug} == set(web.LANGS), slug
    assert {r["slug"] for r in REPLIES} - {f"{s}{web.CALENDAR_SUFFIX}" for s in web.CALCULATORS} == {
        *web.CALCULATORS, *web.DOCUMENTS}


def test_every_calculator_that_offers_a_calendar_has_its_files_recorded():
    offering = {r["slug"] for r in REPLIES if r["slug"] in web.CALCULATORS and record.offers_calendar(r)}
    offering |= set(record.CALENDAR_TYPED)  # the checklist's deadlines ahead are typed there
    assert offering, "no recorded reply offers a calendar"
    files = [r for r in REPLIES if r["slug"].endswith(web.CALENDAR_SUFFIX)]
    assert {r["slug"].removesuffix(web.CALENDAR_SUFFIX) for r in files} == offering
    for slug in offering:
        made = [r["reply"] for r in files if r["slug"] == f"{slug}{web.CALENDAR_SUFFIX}" and r["reply"]["ok"]]
        assert len(made) >= 2 * 3, slug  # several plans, in both languages
        for reply in made:
            assert reply["ics"].startswith("BEGIN:VCALENDAR\r\n") and f"DTSTAMP:{record.STAMP[:10].replace('-', '')}" \
                in reply["ics"], slug


def test_every_letter_is_recorded_empty_with_amounts_and_with_its_cautions():
    assert WITH_CAUTIONS, "no letter asks about the last payment"
    for slug in web.DOCUMENTS:
        mine = [r for r in REPLIES if r["slug"] == slug]
        assert any(r["form"] == {} for r in mine), slug
        ok = [r["reply"] for r in mine if r["reply"]["ok"]]
        assert {r["lang"] for r in mine if r["reply"]["ok"]} == set(web.LANGS), slug
        assert all(reply["text"] and reply["html"] for reply in ok), slug
        assert any(not r["reply"]["ok"] for r in mine), f"{slug}: no input error recorded"
        if any(f.kind == "money" for f in web.DOCUMENTS[slug].FIELDS):
            assert any(" 元" in reply["text"] and "＿＿＿＿元" not in reply["text"] for reply in ok), slug
        if slug in WITH_CAUTIONS:
            names = {f.name for f in web.DOCUMENTS[slug].FIELDS}
            expected = {"old"} | ({"trap", "unlicensed"} if "trap" in names else set())
            raised = [reply for reply in ok if reply["result"]["cautions"]]
            assert {c for reply in raised for c in reply["result"]["cautions"]} >= expected, slug
            assert all('class="letter-caution' in reply["html"] for reply in raised), slug
            assert any(not reply["result"]["cautions"] for reply in ok), slug


def test_next_steps_are_recorded_for_every_calculator():
    for slug in web.CALCULATORS:
        offered = [r["steps"] for r in STEPS if r["slug"] == slug and r["steps"]]
        assert offered, slug
        assert all(2 <= len(steps) <= 4 and all(key and href and words for key, href, words in steps)
                   for steps in offered), slug


def test_no_recorded_reply_is_an_internal_error():
    assert record.broken(RECORDS) == []


def _near(line: str, other: str, around: int = 150) -> str:
    """A long diff line (a page's HTML) cut to the part around where it first differs from ``other``."""
    sign, line, other = line[:1], line[1:], other[1:]
    if len(line) <= 2 * around:
        return sign + line
    at = next((k for k, (x, y) in enumerate(zip(line, other, strict=False)) if x != y), min(len(line), len(other)))
    start = max(0, at - around)
    return sign + ("…" if start else "") + line[start:at + around] + ("…" if at + around < len(line) else "")


def _first_difference(old, new) -> str:
    a = json.dumps(old, ensure_ascii=False, indent=1, sort_keys=True).splitlines()
    b = json.dumps(new, ensure_ascii=False, indent=1, sort_keys=True).splitlines()
    lines = list(difflib.unified_diff(a, b, lineterm="", n=1))[:20]
    minus = [line for line in lines if line.startswith("-") and not line.startswith("---")]
    plus = [line for line in lines if line.startswith("+") and not line.startswith("+++")]
    if minus and plus:  # cut the first changed pair to where it differs
        first_minus, first_plus = minus[0], plus[0]
        lines = [_near(first_minus, first_plus) if line is first_minus else
                 _near(first_plus, first_minus) if line is first_plus else _near(line, "") for line in lines]
    return "\n".join(lines)


def _key(item: dict) -> tuple[str, str, str]:
    return item["slug"], item["lang"], json.dumps(item["form"], ensure_ascii=False, sort_keys=True)


STEPS_OF = {_key(item): item for item in STEPS}


def test_every_next_steps_record_belongs_to_a_recorded_reply():
    assert set(STEPS_OF) == {_key(item) for item in REPLIES if item["slug"] in web.CALCULATORS}


def _fail(what: str, changed: list, total: int) -> str:
    item, old, new = changed[0]
    return (f"{len(changed)} of {total} {what} changed; first: {item['lang']} "
            f"{json.dumps(item['form'], ensure_ascii=False)}\n{_first_difference(old, new)}")


@pytest.mark.parametrize("slug", sorted({r["slug"] for r in REPLIES}))
def test_replies_and_next_steps_are_as_recorded(slug):
    """Each reply (a calculator's, a letter's, a calendar file) as recorded; for a calculator, the
    next steps its reply offers too (from the same reply: each form is answered once)."""
    mine = [r for r in REPLIES if r["slug"] == slug]
    assert mine
    replies, steps = [], []
    for item in mine:
        now = record.reply(slug, item["form"], item["lang"])
        if now != item["reply"]:
            replies.append((item, item["reply"], now))
        step = STEPS_OF.get(_key(item))
        if step is not None and record.next_steps(now) != step["steps"]:
            steps.append((item, step["steps"], record.next_steps(now)))
    problems = ([_fail("replies", replies, len(mine))] if replies else []) + (
        [_fail("next steps", steps, len(mine))] if steps else [])
    if problems:
        pytest.fail("\n\n".join(problems))


# ---- the recorder itself ------------------------------------------------------------------


def test_re_recording_refuses_a_crash_and_writes_nothing(monkeypatch, tmp_path, capsys):
    module = web.calculator("repayment")

    def crash(inputs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(module, "calculate", crash)
    items = [{"slug": "apr", "lang": "zh", "form": {}, "reply": record.reply("apr", {}, "zh")},
             {"slug": "repayment", "lang": "zh", "form": {}, "reply": record.reply("repayment", {}, "zh")}]
    assert record.broken(items) == ["repayment zh {}"]
    with pytest.raises(record.BrokenReply, match="1 replies are the internal-error reply"):
        record.refuse_broken(items)
    # the whole command: it stops before writing
    monkeypatch.setattr(record, "record", lambda old=None: items)
    file = tmp_path / "replies.json.gz"
    with pytest.raises(record.BrokenReply):
        record.main([], file)
    assert not file.exists()


def test_re_recording_prints_what_changed_per_calculator(monkeypatch, tmp_path, capsys):
    old = [{"slug": "apr", "lang": "zh", "form": {"a": "1"}, "reply": {"ok": True, "html": "x"}},
           {"slug": "apr", "lang": "zh", "form": {"a": "2"}, "reply": {"ok": True, "html": "y"}},
           {"slug": "apr", "lang": "en", "form": {"a": "3"}, "reply": {"ok": True, "html": "z"}},
           {"slug": "apr", "lang": "zh", "form": {"a": "1"}, "steps": [["k", "h", "w"]]}]
    new = [old[0], {**old[1], "reply": {"ok": True, "html": "Y"}},
           {"slug": "complaint", "lang": "zh", "form": {}, "reply": {"ok": True, "text": "t"}}, old[3]]
    rows = {line.split()[0] if "next steps" not in line else "apr next steps": line.split()[-4:]
            for line in record.summary(old, new)[1:]}
    assert rows == {"apr": ["0", "1", "1", "1"], "apr next steps": ["0", "0", "0", "1"],
                    "complaint": ["1", "0", "0", "0"]}
    file = tmp_path / "replies.json.gz"
    record.write(old, file)
    monkeypatch.setattr(record, "record", lambda old=None: new)
    assert record.main([], file) == 0
    assert record.load(file) == new
    out = capsys.readouterr().out
    assert "added changed removed" in out and "4 records written" in out
