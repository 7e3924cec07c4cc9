"""The calculator inputs the runtime is exercised with, from one place.

- `runtime_cases()`: every case the trimmed Python standard library is derived from
  (hooks/runtime.py runs them under Pyodide in Node and keeps only the modules they import)
  and the Pyodide-in-Node parity test compares with CPython (tests/test_pyodide_node.py);
- `heaviest()`: each calculator at the heaviest input its limits allow, for `make bench`.

Both read each calculator's `CASE` in its test module (tests/cases.py) through `_registered()`. A case is `(slug, form, lang)`, the form a dict of texts as typed (lists of rows
for repeated fields).
"""

from __future__ import annotations

import json

from calculators import web

Case = tuple[str, dict, str]

# The clock the tests give a "today" left empty (calculators.web.run's ``today``): a fixed day,
# so that no reply compared between two runs depends on the day the suite runs.
CLOCK = "2026-11-29"


# Known values typed as people type them (units, commas, dates), and one error.
TYPED: list[Case] = [
    ("repayment", {"principal": "1000000", "annual_rate": "4.9", "months": "360"}, "zh"),
    ("repayment", {"principal": "1000000", "annual_rate": "4.9", "months": "360", "method": "equal_principal"},
     "en"),
    ("repayment", {"principal": "5,000", "annual_rate": "18", "months": "12", "upfront_fee": "300",
                   "monthly_fee": "15", "start_date": "2026-01-31"}, "zh"),
    ("repayment", {"principal": "100万", "annual_rate": "4.9", "months": "360"}, "zh"),
    ("apr", {"principal": "100000", "received": "99000", "months": "12", "payment": "8833.3",
             "monthly_fee_rate": ""}, "zh"),
    ("apr", {"principal": "12000", "received": "", "months": "12", "payment": "", "monthly_fee_rate": "1"}, "en"),
    ("repayment", {"principal": "-5"}, "zh"),
]

# Text nobody should type, in every field (tests/test_hardening.py draws from the same kind).
NASTY = ["", "1e999", "NaN", "-0.00", "Infinity", "１２", "١٢٣", "<script>alert(1)</script>", "9" * 400,
         "0." + "0" * 300 + "1", "5千万亿", "1.2万元", "¥-5", "12%%", "😀", "\u200b5000", "5\u00a0000", "５,０００",
         "1_000", "..5", "2026-02-30", "2026-13-01", "1900-01-01", "yes"]

def _registered(slug: str) -> list[dict]:
    """The forms a calculator's test module lists in its `CASE` (tests/cases.py): known values,
    bad inputs (laid over the case's base) and the heaviest input. Empty when the tests are not
    importable (a build without the test packages still derives from the other cases)."""
    try:
        from tests.cases import case

        c = case(slug)
    except Exception:  # noqa: BLE001 - a missing test dependency only narrows the cases
        return []
    return ([dict(k.form) for k in c.typed] + [{**c.base, **form} for form, *_ in c.bad]
            + [dict(c.heaviest)])


def heaviest() -> dict[str, dict]:
    """slug -> the heaviest form (for `make bench`), from each calculator's CASE."""
    from tests.cases import all_cases

    return {slug: dict(c.heaviest) for slug, c in all_cases().items()}


def runtime_cases() -> list[Case]:
    """Every case the Python runtime must answer: every calculator's and letter's defaults in zh
    and en, the typed known values, each calculator's CASE, the calendar files, and hostile text
    in every field."""
    cases: list[Case] = []
    for slug in [*web.CALCULATORS, *web.DOCUMENTS]:
        cases += [(slug, {}, lang) for lang in web.LANGS]
    cases += TYPED
    for slug in web.CALCULATORS:
        cases += [(slug, form, "en") for form in _registered(slug)]
    for slug in web.CALENDAR.SLUGS:
        for form in [{}, *_registered(slug)]:
            cases += [(f"{slug}{web.CALENDAR_SUFFIX}", {**form, "calendar_first": "2026-12-05"}, lang)
                      for lang in web.LANGS]
    for slug in [*web.CALCULATORS, *web.DOCUMENTS]:
        for field in web.calculator(slug).FIELDS:
            cases += [(slug, {field.name: text}, "zh") for text in NASTY]
    return cases


def as_json(cases: list[Case]) -> list[list[str]]:
    """The cases as the Node runners take them: [slug, form JSON text, lang]."""
    return [[slug, json.dumps(form, ensure_ascii=False, sort_keys=True), lang] for slug, form, lang in cases]
