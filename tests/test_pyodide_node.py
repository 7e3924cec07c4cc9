"""The same cases under the real Pyodide runtime (Node, offline) give JSON
identical to CPython's: one implementation, run in two places."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from calculators import web
from macros import package
from tests.conftest import ROOT

# Known-value cases from the calculator tests, plus every calculator's defaults and an error.
CASES = [
    ("repayment", {"principal": "1000000", "annual_rate": "4.9", "months": "360"}, "zh"),
    ("repayment", {"principal": "1000000", "annual_rate": "4.9", "months": "360", "method": "equal_principal"},
     "en"),
    ("repayment", {"principal": "5,000", "annual_rate": "18", "months": "12", "upfront_fee": "300",
                   "monthly_fee": "15", "start_date": "2026-01-31"}, "zh"),
    ("apr", {"principal": "100000", "received": "99000", "months": "12", "payment": "8833.3",
             "monthly_fee_rate": ""}, "zh"),
    ("apr", {"principal": "12000", "received": "", "months": "12", "payment": "", "monthly_fee_rate": "1"}, "en"),
    ("repayment", {"principal": "-5"}, "zh"),
] + [(slug, {}, lang) for slug in sorted(web.CALCULATORS) for lang in ("zh", "en")]


@pytest.fixture(scope="module")
def pyodide_replies(tmp_path_factory):
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed for the Pyodide tests (make test installs the npm packages)")
    if not (ROOT / "node_modules" / "pyodide" / "pyodide.asm.wasm").is_file():
        pytest.fail("node_modules/pyodide is missing: run `make test` (it runs npm ci)")
    name, data = package.build()
    zip_path = tmp_path_factory.mktemp("pkg") / name
    zip_path.write_bytes(data)
    stdin = json.dumps({"zip": str(zip_path),
                        "cases": [[s, json.dumps(f, ensure_ascii=False), lang] for s, f, lang in CASES]})
    proc = subprocess.run([node, str(ROOT / "tests" / "pyodide_runner.mjs")], input=stdin, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_runs_on_pyodide_python(pyodide_replies):
    assert pyodide_replies["python"].startswith("3.")


@pytest.mark.parametrize("index", range(len(CASES)))
def test_pyodide_gives_the_same_json_as_cpython(pyodide_replies, index):
    slug, form, lang = CASES[index]
    expected = web.run(slug, json.dumps(form, ensure_ascii=False), lang)
    assert json.loads(pyodide_replies["replies"][index]) == json.loads(expected)
