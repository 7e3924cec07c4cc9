"""The end-to-end path: a calculator page answers before any script runs, then
Python in a module Web Worker on the self-hosted Pyodide answers as the reader
types, with exactly the figures CPython gives."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from calculators import web
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

READY = 60000  # ms: generous for a cold Pyodide start on a slow CI machine


def cpython(slug: str, **form: str) -> dict:
    """What `python -m calculators` prints for the same form."""
    args = [f"{k}={v}" for k, v in form.items()]
    proc = subprocess.run([sys.executable, "-m", "calculators", slug, *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    return json.loads(proc.stdout)


def figures(page) -> dict[str, str]:
    return page.eval_on_selector_all(
        ".calc-output-body [data-field]",
        "els => Object.fromEntries(els.map(e => [e.dataset.field, e.dataset.value]))",
    )


@pytest.mark.parametrize("lang_prefix,lang", [("", "zh"), ("en/", "en")])
def test_repayment_page_computes_in_the_worker_like_cpython(site_page, lang_prefix, lang):
    page, base = site_page
    defaults = web.compute("repayment", {}, lang)["result"]
    page.goto(f"{base}{lang_prefix}calculators/repayment/")
    # The build-time answer is there before any script has run.
    shown = figures(page)
    assert shown["first_payment"] == defaults["first_payment"]
    assert shown["total_interest"] == defaults["total_interest"]
    page.wait_for_selector('form[data-calculator="repayment"][data-state="ready"]', timeout=READY)

    page.fill('input[name="principal"]', "5,000")
    page.fill('input[name="months"]', "24")
    page.select_option('select[name="method"]', "equal_principal")
    expected = cpython("repayment", principal="5,000", months="24", method="equal_principal")["result"]
    page.wait_for_function(
        "v => document.querySelector('[data-field=\"total_interest\"]')?.dataset.value === v",
        arg=expected["total_interest"], timeout=10000,
    )
    shown = figures(page)
    for field, value in shown.items():
        assert value == expected[field], field
    # The schedule's last row ends at 0.00 in the page too (once "show all" has added the rest).
    page.click('button.calc-show-all[data-table="payments"]')
    last_balance = page.eval_on_selector(
        'table[data-table="payments"] tbody tr:last-child td:last-child', "td => td.textContent")
    assert last_balance == "0.00"
