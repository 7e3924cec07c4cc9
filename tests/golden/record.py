"""Golden record of everything a reader gets from the calculators, to keep a redesign honest.

What is recorded, each in zh and en, every reply made with a fixed clock (``tools.cases.CLOCK``
for any "today" or letter date left empty, ``STAMP`` for a calendar file's DTSTAMP), so that no
recorded reply depends on the day the suite runs:

- every calculator's reply (``web.CALCULATORS``): its defaults, the typed inputs of the existing
  tests, and 200 forms generated from its ``FIELDS`` with a fixed seed;
- every letter's reply (``web.DOCUMENTS``): the Chinese text a reader copies, prints or
  downloads (``"text"``) and the page's HTML with the English rendering beside it: the empty
  form, forms with amounts, with the stop-and-ask cautions raised, with an input error
  (``LETTERS``), and 20 generated forms each;
- the calendar files (``<slug>.ics``): for each calculator whose result offers "add to
  calendar", its first ``CALENDAR_FORMS`` such forms with the first payment's date typed
  (``CALENDAR_FIRST``), and its defaults without it;
- next steps: for every calculator reply, the links the "what you can do next" block offers
  (step key, address, words), read from the reply's HTML as the reader gets them.

The records and the full JSON replies are stored in ``tests/golden/replies.json.gz``;
``tests/test_golden.py`` compares today's replies to them.

    .venv/bin/python -m tests.golden.record              # record again (the one command)
    .venv/bin/python -m tests.golden.record --check      # compare, print differences
    .venv/bin/python -m tests.golden.record --new-forms  # every form generated afresh

Recording again keeps every form already in the file and records its reply anew; it generates
forms (with fixed seeds) only for what the file does not hold yet (a new calculator, letter or
calendar) and drops what is no longer offered. It refuses, and writes nothing, when any reply is
the generic internal-error reply (a crash inside a calculator, ``web._BROKEN``): a crash is never
frozen as the expected answer. It prints what changed against the file it replaces, per
calculator (and its calendar file and next steps): forms added, changed, removed and the same.
Record again only on purpose, in a commit of its own that says why.
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

from calculators import web
from tests.replies import BROKEN
from tools.cases import CLOCK

FILE = Path(__file__).with_name("replies.json.gz")
SEED = 20261201
GENERATED = 200
# credit-record's and checklist's "today": most recorded forms type it; for the ones that
# leave it empty (the reader's own date on the page), every reply is made with this clock,
# so that no recorded reply depends on the day the suite runs (web.run's ``today``).
DATED = ("credit-record", "checklist")
TODAY = CLOCK  # the date typed into the generated forms' "today" (2026-11-29)
# Every recorded calendar file's DTSTAMP (the moment it is made: web.run's ``stamp``).
STAMP = f"{CLOCK}T08:00:00+00:00"
# The first payment's date typed beside "add to calendar" (a plan without dates of its own).
CALENDAR_FIRST = "2026-12-05"
CALENDAR_FORMS = 10  # per calculator, from its recorded forms that offer a calendar
# Plans with dates of their own, typed as a reader would: a start date on the 31st, debts named with
# the characters a calendar file escapes, the checklist's court deadlines ahead and one passed
# (nothing to add), each with "today" left empty (the record's clock) or typed.
CALENDAR_TYPED: dict[str, list[dict]] = {
    "repayment": [{"principal": "5000", "annual_rate": "18", "months": "12", "start_date": "2026-01-31"}],
    "payoff": [{"budget": "4000", "start_date": "2026-12-10", "debts": [
        {"name": "花呗, 第 1 笔; 分期", "balance": "3000", "annual_rate": "18", "minimum": "300"},
        {"name": "Card \\ B", "balance": "8000", "annual_rate": "12", "minimum": "500"}]}],
    "checklist": [
        {"papers": "payment_order", "papers_date": "2026-11-20"},
        {"papers": "lawsuit", "papers_date": "2026-11-25", "hearing_date": "2027-01-08",
         "notice_deadline": "2026-12-10", "today": "2026-11-29"},
        {"papers": "judgment", "papers_date": "2026-11-22", "today": "2026-11-29"},
        {"papers": "arbitration_award", "papers_date": "2026-11-10"},
        {"papers": "payment_order", "papers_date": "2026-10-01", "today": "2026-11-29"},
    ],
}
LETTER_SEED = 20261206  # the letters' generated forms: a seed of their own, apart from the calculators'
LETTER_GENERATED = 20

# Typed inputs from the existing tests (browser TYPED, Pyodide cases, known values).
TYPED: dict[str, list[dict]] = {
    "repayment": [
        {"principal": "8,000", "months": "18"},
        {"principal": "100万", "annual_rate": "4.9", "months": "360"},
        {"principal": "1000000", "annual_rate": "4.9", "months": "360", "method": "equal_principal"},
        {"principal": "5,000", "annual_rate": "18", "months": "12", "upfront_fee": "300",
         "monthly_fee": "15", "start_date": "2026-01-31"},
        {"principal": "-5"},
    ],
    "overdue-cost": [{"overdue_principal": "2万", "days_overdue": "45"}],
    "apr": [
        {"payment": "9000"},
        {"principal": "100000", "received": "99000", "months": "12", "payment": "8833.3",
         "monthly_fee_rate": ""},
        {"principal": "12000", "received": "", "months": "12", "payment": "", "monthly_fee_rate": "1"},
    ],
    "negotiation": [{"principal": "30000", "affordable": "1500"}],
    "credit-record": [{"paid_date": "2025-01-10"}, {"overdue_amount": "abc"}],
    "payoff": [{"budget": "4000"}],
    "emergency-fund": [{"monthly_expenses": "4500", "savings": "2000"}],
    "affordability": [{"income": "9000", "new_payment": "1500"}],
}

# Each letter's forms as a reader fills them: with amounts, with the reasons to stop and ask before
# sending raised (letters_common.cautions: an unlicensed lender, a loan trap, three years since the
# last payment), fully filled, and with an input error. The empty form is recorded for each too.
LETTERS: dict[str, list[dict]] = {
    "negotiation-letter": [
        {"name": "张三", "id_last4": "123X", "phone": "13800000000", "lender": "某某消费金融",
         "loan_number": "JK-2026-001", "loan_date": "2025-03-10", "principal": "12,000", "received": "11000",
         "owed": "1万", "penalties": "860.5", "overdue_days": "45", "cause": "job_loss",
         "cause_detail": "2026 年 9 月公司裁员，目前在找工作", "income": "3000", "essentials": "2200",
         "other_debts": "500", "plan": "reinstalment", "months": "36", "monthly": "277.78",
         "first_date": "2026-12-15", "waive": "yes", "contact_time": "工作日晚上", "letter_date": "2026-12-01",
         "lender_kind": "consumer_finance"},
        {"owed": "8000", "plan": "frozen", "months": "24", "lender_kind": "unlicensed", "trap": "yes",
         "last_paid": "2022-05-10", "letter_date": "2026-11-29"},
        {"owed": "5000", "overdue_days": "1200", "plan": "pay_now", "lender_kind": "bank"},
        {"owed": "20000", "plan": "extension", "months": "6", "last_demand": "2026-10-01", "cause": "illness"},
        {"name": "<b>A & B</b>", "lender": "花呗", "plan": "frozen"},
        {"last_paid": "2027-01-01", "letter_date": "2026-12-01"},
        {"owed": "abc"},
    ],
    "complaint": [
        {"name": "李四", "lender_kind": "bank", "numbers": "95588、10086", "night_calls": "yes", "fake_legal": "yes",
         "first_date": "2026-10-01", "times": "40"},
        {"lender_kind": "micro_loan", "night_calls": "yes", "threats": "yes", "third_parties": "yes", "insults": "yes",
         "public_posting": "yes", "lender": "某某小贷", "loan_number": "XD-88", "collector": "某某催收公司",
         "numbers": "170 0000 0000", "first_date": "2026-10-01", "last_date": "2026-11-20", "times": "12",
         "detail": "晚上 11 点打电话到我单位，说要上门", "name": "王五", "phone": "13900000000",
         "letter_date": "2026-11-25"},
        {"lender_kind": "private", "threats": "yes"},
        {"lender_kind": "unlicensed", "third_parties": "yes", "times": "3"},
        {"first_date": "2026-11-20", "last_date": "2026-10-01"},
    ],
    "stop-contact": [
        {"name": "王五", "who": "我的父母和单位同事", "how": "打电话", "phone": "13800000000"},
        {"lender_kind": "consumer_finance", "who": "通讯录里的朋友", "how": "发短信、发微信", "first_date": "2026-09-01",
         "last_date": "2026-11-28", "lender": "某某消费金融", "loan_number": "JK-1", "name": "赵六",
         "id_last4": "0427", "phone": "13700000000", "letter_date": "2026-11-29"},
        {"lender_kind": "unlicensed", "who": "家人"},
        {"first_date": "2026-11-20", "last_date": "2026-10-01"},
        {"id_last4": "12a"},
    ],
    "credit-dispute": [
        {"name": "赵六", "error": "not_mine", "police_receipt": "京公(朝)受案字[2026]123号", "police_date": "2026-11-01",
         "lender": "某某银行"},
        {"to": "lender", "error": "paid_on_time", "lender": "某某消费金融", "account": "尾号 1234",
         "shown": "2026 年 3 月逾期 1 期", "actual": "2026 年 3 月 5 日已按时还款", "evidence": "还款记录截图",
         "notified_date": "2026-11-10", "name": "孙七", "id_number": "110101199001011234", "phone": "13600000000",
         "letter_date": "2026-11-29"},
        {"error": "paid_off", "to": "center"},
        {"error": "amount", "shown": "欠款 5 万", "actual": "欠款 5 千"},
        {"error": "other"},
        {"to": "bogus"},
    ],
    "hardship-statement": [
        {"name": "孙七", "wages": "6000", "rent": "2000", "food": "1500", "debt1_name": "信用卡",
         "debt1_monthly": "1200"},
        {"to": "某某银行信用卡中心", "name": "周八", "household": "3", "cause": "illness",
         "cause_detail": "家人住院，收入减少", "wages": "3,000", "other_income": "500", "rent": "2500", "food": "1000",
         "transport": "200", "utilities": "150", "medical": "800", "children": "600", "other_essentials": "100",
         "debt1_name": "花呗", "debt1_monthly": "900", "debt2_name": "借呗", "debt2_monthly": "700",
         "debt3_name": "信用卡", "debt3_monthly": "1,200.50", "letter_date": "2026-11-20", "lender_kind": "bank"},
        {"wages": "4000", "rent": "1500", "lender_kind": "unlicensed", "trap": "yes", "last_paid": "2023-02-01"},
        {"last_demand": "2023-06-01", "letter_date": "2026-11-29", "lender_kind": "micro_loan"},
        {"household": "0"},
    ],
    "card-instalments": [
        {"name": "周八", "bank": "某某银行信用卡中心", "card_last4": "0427", "owed": "52000", "months": "60",
         "monthly": "1000"},
        {"bank": "某某银行", "owed": "3.5万", "overdue_days": "90", "cause": "income_drop", "income": "5000",
         "essentials": "3000", "months": "48", "monthly": "760", "first_date": "2027-01-10",
         "letter_date": "2026-12-02", "last_paid": "2026-08-01"},
        {"owed": "30000", "last_paid": "2023-01-01", "letter_date": "2026-11-29"},
        {"owed": "10000", "overdue_days": "1100"},
        {"card_last4": "12a"},
    ],
    "documents-request": [
        {"name": "吴九", "lender_kind": "bank", "lender": "某某银行", "loan_number": "XD-2026-88",
         "collector": "某某资产管理有限公司", "phone": "13900000000", "reply_days": "20",
         "reply_to": "wujiu@example.com", "letter_date": "2026-12-06"},
        {"lender_kind": "consumer_finance", "reply_days": "15"},
        {"lender_kind": "private", "collector": "某某律师事务所"},
        {"lender_kind": "unlicensed", "reply_days": ""},
        {"reply_days": "abc"},
    ],
}


def _money(rng: random.Random, f) -> str:
    roll = rng.random()
    if roll < 0.06:
        return rng.choice(["abc", "-5", "0", "1e9", "5,00,0", "１２００", "¥3000", "2.5万", "3千", "0.001"])
    low = int(f.low or 0)
    high = int(f.high) if f.high is not None else 200000
    top = min(high, rng.choice([2000, 20000, 200000, 2000000]))
    value = rng.randint(max(low, 1), max(top, low + 1))
    if rng.random() < 0.3:
        return f"{value}.{rng.randint(0, 99):02d}"
    if rng.random() < 0.1:
        return f"{value:,}"
    return str(value)


def _rate(rng: random.Random, f) -> str:
    roll = rng.random()
    if roll < 0.06:
        return rng.choice(["abc", "-1", "2000", "0", "0.05%", "18%"])
    high = float(f.high) if f.high is not None else 40.0
    top = min(high, rng.choice([1.0, 10.0, 40.0, 100.0]))
    return f"{rng.uniform(0, top):.{rng.choice([0, 1, 2, 3])}f}"


def _count(rng: random.Random, f) -> str:
    if rng.random() < 0.05:
        return rng.choice(["abc", "0", "-3", "1.5", "99999"])
    low, high = int(f.low or 0), int(f.high or 0)
    top = min(high, rng.choice([12, 36, 120, high]))
    return str(rng.randint(low, max(low, top)))


def _date(rng: random.Random, f) -> str:
    if rng.random() < 0.04:
        return rng.choice(["2026-02-30", "1980-01-01", "tomorrow"])
    return f"{rng.randint(2016, 2030)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def field_text(rng: random.Random, f) -> str:
    """Text for one field: mostly valid, sometimes blank or bad."""
    if rng.random() < 0.04:
        return ""
    if f.kind == "money":
        return _money(rng, f)
    if f.kind in ("rate", "percent"):
        return _rate(rng, f)
    if f.kind == "count":
        return _count(rng, f)
    if f.kind == "choice":
        return rng.choice([c[0] for c in f.choices] + (["bogus"] if rng.random() < 0.05 else []))
    if f.kind == "date":
        return _date(rng, f)
    if f.kind == "yesno":
        return rng.choice(["yes", "no"])
    return rng.choice(["A", "花呗", "Card <b>", "借呗 2"])


def generate(slug: str, rng: random.Random) -> dict:
    module = web.calculator(slug)
    form: dict = {}
    for f in module.FIELDS:
        if rng.random() < 0.5:
            continue  # not sent: the field's default
        form[f.name] = field_text(rng, f)
    for spec in getattr(module, "LISTS", ()):
        if rng.random() < 0.2:
            continue
        rows = []
        for _ in range(rng.choice([0, 1, 2, 3, 5, spec.high])):
            rows.append({f.name: field_text(rng, f) for f in spec.fields})
        form[spec.name] = rows
    return form


def generated(slug: str, rng: random.Random, count: int = GENERATED) -> list[dict]:
    """``count`` forms, at least three in four of which give a result (the rest an error)."""
    good: list[dict] = []
    bad: list[dict] = []
    want_good = count * 3 // 4
    for _ in range(count * 50):
        form = generate(slug, rng)
        if slug in DATED:
            form.setdefault("today", TODAY)
        ok = reply(slug, form, "en")["ok"]
        if ok and len(good) < want_good:
            good.append(form)
        elif not ok and len(bad) < count - want_good:
            bad.append(form)
        if len(good) + len(bad) == count:
            break
    else:
        raise AssertionError(f"{slug}: could not generate {count} forms")
    return good + bad


def cases() -> list[tuple[str, dict, str]]:
    """The calculators' recorded forms: (slug, form, lang)."""
    rng = random.Random(SEED)
    out = []
    for slug in web.CALCULATORS:
        forms = [{}] + TYPED.get(slug, []) + generated(slug, rng)
        for form in forms:
            if slug in DATED and "today" not in form:
                form = {**form, "today": TODAY}
            for lang in web.LANGS:
                out.append((slug, form, lang))
    return out


def letter_cases() -> list[tuple[str, dict, str]]:
    """The letters' recorded forms: the empty form, ``LETTERS`` and ``LETTER_GENERATED`` generated ones."""
    rng = random.Random(LETTER_SEED)
    out = []
    for slug in web.DOCUMENTS:
        for form in [{}] + LETTERS.get(slug, []) + generated(slug, rng, LETTER_GENERATED):
            out += [(slug, form, lang) for lang in web.LANGS]
    return out


def reply(slug: str, form: dict, lang: str) -> dict:
    """The reply as the page gets it, with the record's fixed clocks (never the real date)."""
    return json.loads(web.run(slug, json.dumps(form, ensure_ascii=False), lang, True, CLOCK, STAMP))


def offers_calendar(item: dict) -> bool:
    """The recorded reply shows "add to calendar" (views/calendar.py's block)."""
    return item["reply"].get("ok") is True and 'class="calc-calendar"' in item["reply"].get("html", "")


def calendar_cases(replies: list[dict]) -> list[tuple[str, dict, str]]:
    """The calendar files to record, in both languages: ``CALENDAR_TYPED``, then from the
    calculators' recorded replies the first ``CALENDAR_FORMS`` forms that offer a calendar, with
    ``CALENDAR_FIRST`` typed, and the first such form without it (a plan without dates of its own
    then asks for one)."""
    chosen: dict[str, list[dict]] = defaultdict(list)
    for item in replies:
        forms = chosen[item["slug"]]
        if offers_calendar(item) and item["form"] not in forms and len(forms) < CALENDAR_FORMS:
            forms.append(item["form"])
    out = []
    for slug in web.CALCULATORS:
        forms = chosen.get(slug, [])
        typed = CALENDAR_TYPED.get(slug, [])
        mine = typed + ([forms[0]] if forms else []) + [{**f, "calendar_first": CALENDAR_FIRST} for f in forms]
        for form in mine:
            out += [(f"{slug}{web.CALENDAR_SUFFIX}", form, lang) for lang in web.LANGS]
    return out


class _Steps(HTMLParser):
    """The links of the "what you can do next" block (views/next_steps.py), as the reader gets them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <nav class="calc-next">
        self.steps: list[list[str]] = []
        self._link: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "nav" and "calc-next" in (attrs.get("class") or "").split():
            self.depth = 1
        elif self.depth and tag == "nav":
            self.depth += 1
        elif self.depth and tag == "a" and "data-step" in attrs:
            self._link = [attrs["data-step"] or "", attrs.get("href") or "", ""]

    def handle_endtag(self, tag):
        if self.depth and tag == "nav":
            self.depth -= 1
        elif tag == "a" and self._link is not None:
            self.steps.append(self._link)
            self._link = None

    def handle_data(self, data):
        if self._link is not None:
            self._link[2] += data


def next_steps(reply_: dict) -> list[list[str]]:
    """``[[step key, href, words], ...]`` offered under a calculator's result; [] for an error."""
    if reply_.get("ok") is not True:
        return []
    html = reply_.get("html", "")
    start = html.find('<nav class="calc-next"')  # the block comes last: no need to read a long table
    parser = _Steps()
    parser.feed(html[start:] if start >= 0 else "")
    parser.close()
    return parser.steps


Case = tuple[str, dict, str]  # (slug, form, lang)


def _grouped(cases_: list[Case]) -> dict[str, list[Case]]:
    out: dict[str, list[Case]] = defaultdict(list)
    for case in cases_:
        out[case[0]].append(case)
    return out


def _kept(old: list[dict]) -> dict[str, list[Case]]:
    """The forms already recorded, per part (a slug, or a slug's next steps), in their order."""
    out: dict[str, list[Case]] = defaultdict(list)
    for item in old:
        out[part(item)].append((item["slug"], item["form"], item["lang"]))
    return out


def _choose(slugs, kept: dict[str, list[Case]], make) -> list[Case]:
    """For each slug, the forms already recorded, or (a slug not recorded yet) ``make()``'s."""
    made: dict[str, list[Case]] | None = None
    out: list[Case] = []
    for slug in slugs:
        if slug in kept:
            out += kept[slug]
            continue
        if made is None:
            made = _grouped(make())  # the whole seeded sequence, so a slug's forms never depend on the others'
        out += made.get(slug, [])
    return out


def _replies(cases_: list[Case]) -> list[dict]:
    return [{"slug": s, "lang": lang, "form": form, "reply": reply(s, form, lang)} for s, form, lang in cases_]


def record(old: list[dict] | None = None) -> list[dict]:
    """Every record: calculators' replies, letters' replies, calendar files, then next steps.

    The forms of ``old`` (the file being replaced) are kept and answered again, so a re-record
    shows what changed for the same forms; forms are generated (seeded) only for what ``old``
    does not hold yet (a new calculator, letter or calendar), and a part no longer offered is
    dropped. With ``old`` None every form is generated afresh.
    """
    kept = _kept(old or [])
    replies = _replies(_choose(web.CALCULATORS, kept, cases))
    letters = _replies(_choose(web.DOCUMENTS, kept, letter_cases))
    offered = _grouped(calendar_cases(replies))  # the calculators whose replies offer a calendar now
    calendars = _replies(_choose(offered, kept, lambda: [c for slug in offered for c in offered[slug]]))
    steps = [{"slug": item["slug"], "lang": item["lang"], "form": item["form"], "steps": next_steps(item["reply"])}
             for item in replies]
    return replies + letters + calendars + steps


def now(item: dict) -> dict | list:
    """What a record's form gets today: the reply, or the next steps of the reply."""
    answer = reply(item["slug"], item["form"], item["lang"])
    return next_steps(answer) if "steps" in item else answer


def recorded(item: dict) -> dict | list:
    return item["steps"] if "steps" in item else item["reply"]


def part(item: dict) -> str:
    """What a record holds, for the summary: the slug, and "next steps" for a next-steps record."""
    return f"{item['slug']} next steps" if "steps" in item else item["slug"]


def broken(records: list[dict]) -> list[str]:
    """The records whose reply is the generic internal-error reply (a crash), described."""
    return [f"{item['slug']} {item['lang']} {json.dumps(item['form'], ensure_ascii=False)}"
            for item in records if "reply" in item and item["reply"].get("message") == BROKEN]


class BrokenReply(AssertionError):
    """A reply to be recorded is the internal-error reply: nothing is written."""


def refuse_broken(records: list[dict]) -> None:
    found = broken(records)
    if found:
        shown = "\n  ".join(found[:20]) + (f"\n  … and {len(found) - 20} more" if len(found) > 20 else "")
        raise BrokenReply(f"{len(found)} replies are the internal-error reply (a calculator crashed); "
                          f"nothing was written. Fix the crash first:\n  {shown}")


def _key(item: dict) -> tuple[str, str, str]:
    return part(item), item["lang"], json.dumps(item["form"], ensure_ascii=False, sort_keys=True)


def summary(old: list[dict], new: list[dict]) -> list[str]:
    """Per calculator (and its calendar and next steps): forms added, changed, removed and the same."""
    before: dict[tuple, list[dict]] = defaultdict(list)
    after: dict[tuple, list[dict]] = defaultdict(list)
    for item in old:
        before[_key(item)].append(item)
    for item in new:
        after[_key(item)].append(item)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # added, changed, removed, same
    for key in before.keys() | after.keys():
        was, now_ = before.get(key, []), after.get(key, [])
        row = counts[key[0]]
        for a, b in zip(was, now_, strict=False):
            row[1 if recorded(a) != recorded(b) else 3] += 1
        row[0] += max(0, len(now_) - len(was))
        row[2] += max(0, len(was) - len(now_))
    width = max([len(name) for name in counts] + [10])
    lines = [f"{'':{width}}  added changed removed   same"]
    for name in sorted(counts):
        added, changed, removed, same = counts[name]
        lines.append(f"{name:{width}}  {added:5d} {changed:7d} {removed:7d} {same:6d}")
    return lines


def load(file: Path = FILE) -> list[dict]:
    with gzip.open(file, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def write(records: list[dict], file: Path = FILE) -> None:
    text = json.dumps(records, ensure_ascii=False, separators=(",", ":"))
    # mtime=0: the same records give the same bytes
    file.write_bytes(gzip.compress(text.encode(), compresslevel=9, mtime=0))


def differences(records: list[dict]) -> list[str]:
    out = []
    for item in records:
        if now(item) != recorded(item):
            out.append(f"{part(item)} {item['lang']} {json.dumps(item['form'], ensure_ascii=False)}")
    return out


def main(argv: list[str], file: Path = FILE) -> int:
    if "--check" in argv:
        diffs = differences(load(file))
        print("\n".join(diffs) or "all replies identical")
        return 1 if diffs else 0
    old = load(file) if file.is_file() else []
    records = record(None if "--new-forms" in argv else old)
    refuse_broken(records)  # raises: nothing written
    write(records, file)
    print("\n".join(summary(old, records)))
    print(f"{len(records)} records written to {file}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenReply as err:
        print(err, file=sys.stderr)
        sys.exit(1)
