"""The calculator inputs the runtime is exercised with, from one place.

- `runtime_cases()`: every case the trimmed Python standard library is derived from
  (hooks/runtime.py runs them under Pyodide in Node and keeps only the modules they import)
  and the Pyodide-in-Node parity test compares with CPython (tests/test_pyodide_node.py);
- `heaviest()`: each calculator at the heaviest input its limits allow, for `make bench`.

Both read the calculators' own test modules where those hold cases (their `BAD` lists today);
when each test module carries a `CASE` registry, `_registered()` is the one function to
change. A case is `(slug, form, lang)`, the form a dict of texts as typed (lists of rows
for repeated fields).
"""

from __future__ import annotations

import importlib
import json

from calculators import web

Case = tuple[str, dict, str]


def _debts(n: int) -> list[dict]:
    return [{"name": f"D{i + 1}", "balance": "50000", "annual_rate": "6", "minimum": "200"} for i in range(n)]


# Each calculator at the heaviest input its limits allow (600 months, 20 debts, 3,650 days...).
HEAVIEST: dict[str, dict] = {
    "repayment": {"principal": "100000000", "annual_rate": "36", "months": "600", "method": "equal_principal",
                  "upfront_fee": "1000", "monthly_fee": "10", "start_date": "2026-01-31"},
    "apr": {"principal": "100000000", "received": "99000000", "months": "600", "payment": "",
            "monthly_fee_rate": "1"},
    "overdue-cost": {"overdue_principal": "100000000", "unpaid_interest": "500000", "days_overdue": "3650",
                     "compound": "yes", "late_fee_fixed": "100", "late_fee_percent": "5",
                     "late_fee_minimum": "10"},
    "negotiation": {"principal": "99000000", "interest": "100000", "penalties": "10000", "annual_rate": "36",
                    "affordable": "100", "extension_months": "60", "reinstal_months": "60",
                    "frozen_months": "60", "overdue_days": "730"},
    "payoff": {"budget": "5265", "strategy": "snowball", "start_date": "2026-01-01", "debts": _debts(20)},
    "credit-record": {"overdue_start": "2020-03-15", "paid": "yes", "paid_date": "2026-03-01",
                      "overdue_amount": "9000", "today": "2026-11-29"},
    "emergency-fund": {"monthly_expenses": "100000000", "months": "24", "buffer": "100", "savings": "0",
                       "monthly_saving": "10000000", "annual_yield": "20", "start_date": "2026-01-01",
                       "target_date": "2075-12-01"},
    "affordability": {"income": "100000000", "essentials": "1000", "existing_payments": "1000",
                      "new_payment": "", "principal": "100000000", "annual_rate": "36", "months": "600"},
}

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

_TEST_MODULES = {"overdue-cost": "overdue_cost", "repayment": "repayment", "apr": "apr",
                 "negotiation": "negotiation", "credit-record": "credit_record", "affordability": "affordability",
                 "emergency-fund": "emergency_fund", "payoff": "payoff"}


def _registered(slug: str) -> list[dict]:
    """The forms a calculator's test module lists (its `BAD` cases today): the one place to
    read a per-module `CASE` registry from once there is one. Empty when the tests are not
    importable (a build without the test packages still derives from the other cases)."""
    try:
        module = importlib.import_module(f"tests.test_{_TEST_MODULES.get(slug, slug.replace('-', '_'))}")
    except Exception:  # noqa: BLE001 - a missing test dependency only narrows the cases
        return []
    return [item[0] for item in getattr(module, "BAD", []) if isinstance(item, tuple | list)
            and item and isinstance(item[0], dict)]


def heaviest() -> dict[str, dict]:
    """slug -> the heaviest form (for `make bench`)."""
    return HEAVIEST


def runtime_cases() -> list[Case]:
    """Every case the Python runtime must answer: defaults and heaviest inputs in zh and en,
    the typed known values, each test module's cases, and hostile text in every field."""
    cases: list[Case] = []
    for slug in web.CALCULATORS:
        for lang in web.LANGS:
            cases.append((slug, {}, lang))
            cases.append((slug, HEAVIEST.get(slug, {}), lang))
    cases += TYPED
    for slug in web.CALCULATORS:
        cases += [(slug, form, "en") for form in _registered(slug)]
        for field in web.calculator(slug).FIELDS:
            cases += [(slug, {field.name: text}, "zh") for text in NASTY]
    return cases


def as_json(cases: list[Case]) -> list[list[str]]:
    """The cases as the Node runners take them: [slug, form JSON text, lang]."""
    return [[slug, json.dumps(form, ensure_ascii=False, sort_keys=True), lang] for slug, form, lang in cases]
