"""Golden record of every calculator's reply, to keep a redesign honest.

For each calculator in ``web.CALCULATORS``: its defaults, the typed inputs of
the existing tests, and 200 forms generated from its ``FIELDS`` with a fixed
seed; each in zh and en. The forms and the full JSON reply (result and HTML)
are stored in ``tests/golden/replies.json.gz``; ``tests/test_golden.py``
compares today's replies to them.

    .venv/bin/python -m tests.golden.record          # write the file again
    .venv/bin/python -m tests.golden.record --check  # compare, print differences

Regenerate only on purpose, in a commit of its own that says why.
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from pathlib import Path

from calculators import web
from tools.cases import CLOCK

FILE = Path(__file__).with_name("replies.json.gz")
SEED = 20261201
GENERATED = 200
# credit-record's and checklist's "today": most recorded forms type it; for the ones that
# leave it empty (the reader's own date on the page), every reply is made with this clock,
# so that no recorded reply depends on the day the suite runs (web.run's ``today``).
DATED = ("credit-record", "checklist")
TODAY = CLOCK  # the date typed into the generated forms' "today" (2026-11-29)

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


def generated(slug: str, rng: random.Random) -> list[dict]:
    """GENERATED forms, at least three in four of which give a result (the rest an error)."""
    good: list[dict] = []
    bad: list[dict] = []
    want_good = GENERATED * 3 // 4
    for _ in range(GENERATED * 50):
        form = generate(slug, rng)
        if slug in DATED:
            form.setdefault("today", TODAY)
        ok = reply(slug, form, "en")["ok"]
        if ok and len(good) < want_good:
            good.append(form)
        elif not ok and len(bad) < GENERATED - want_good:
            bad.append(form)
        if len(good) + len(bad) == GENERATED:
            break
    else:
        raise AssertionError(f"{slug}: could not generate {GENERATED} forms")
    return good + bad


def cases() -> list[tuple[str, dict, str]]:
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


def reply(slug: str, form: dict, lang: str) -> dict:
    """The reply as the page gets it, with the record's fixed clock (never the real date)."""
    return json.loads(web.run(slug, json.dumps(form, ensure_ascii=False), lang, True, CLOCK))


def record() -> list[dict]:
    return [{"slug": s, "lang": lang, "form": form, "reply": reply(s, form, lang)} for s, form, lang in cases()]


def load() -> list[dict]:
    with gzip.open(FILE, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def write(records: list[dict]) -> None:
    text = json.dumps(records, ensure_ascii=False, separators=(",", ":"))
    # mtime=0: the same records give the same bytes
    FILE.write_bytes(gzip.compress(text.encode(), compresslevel=9, mtime=0))


def differences(records: list[dict]) -> list[str]:
    out = []
    for item in records:
        now = reply(item["slug"], item["form"], item["lang"])
        if now != item["reply"]:
            out.append(f"{item['slug']} {item['lang']} {json.dumps(item['form'], ensure_ascii=False)}")
    return out


if __name__ == "__main__":
    if "--check" in sys.argv:
        diffs = differences(load())
        print("\n".join(diffs) or "all replies identical")
        sys.exit(1 if diffs else 0)
    records = record()
    write(records)
    print(f"{len(records)} replies written to {FILE}")
