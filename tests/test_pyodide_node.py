"""The same cases under the real Pyodide runtime (Node, offline) give JSON
identical to CPython's: one implementation, run in two places."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import zipfile

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
    # a payment order received 2026-11-20: object by 2026-12-05 (民事诉讼法 第八十五条、第二百二十七条)
    ("checklist", {"papers": "payment_order", "papers_date": "2026-11-20", "today": "2026-11-30",
                   "threats": "yes", "can_pay": "1500", "minimums": "2300"}, "zh"),
] + [(slug, {}, lang) for slug in sorted(web.CALCULATORS) for lang in ("zh", "en")]


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed for the Pyodide tests (make test installs the npm packages)")
    if not (ROOT / "node_modules" / "pyodide" / "pyodide.asm.wasm").is_file():
        pytest.fail("node_modules/pyodide is missing: run `make test` (it runs npm ci)")
    return node


def _run_pyodide(request: dict) -> subprocess.CompletedProcess:
    """tests/pyodide_runner.mjs: boots Python through the page's boot routine (boot.mjs)."""
    return subprocess.run([_node(), str(ROOT / "tests" / "pyodide_runner.mjs")], input=json.dumps(request), cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def _cases() -> list[list[str]]:
    return [[s, json.dumps(f, ensure_ascii=False), lang] for s, f, lang in CASES]


@pytest.fixture(scope="module")
def package_zip(tmp_path_factory):
    name, data = package.build()
    zip_path = tmp_path_factory.mktemp("pkg") / name
    zip_path.write_bytes(data)
    return zip_path


@pytest.fixture(scope="module")
def pyodide_replies(package_zip):
    proc = _run_pyodide({"zip": str(package_zip), "cases": _cases()})
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def snapshot_replies(package_zip, tmp_path_factory):
    """The build's snapshot (tools/snapshot.mjs), started the way the page's worker starts a kept one."""
    snapshot = tmp_path_factory.mktemp("snapshot") / "snapshot.bin.gz"
    made = subprocess.run([_node(), str(ROOT / "tools" / "snapshot.mjs"), str(package_zip), str(snapshot)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stderr
    proc = _run_pyodide({"zip": str(package_zip), "snapshot": str(snapshot), "cases": _cases()})
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_runs_on_pyodide_python(pyodide_replies):
    assert pyodide_replies["python"].startswith("3.")
    assert pyodide_replies["how"] == "fresh"


def test_the_build_snapshot_starts_through_the_same_boot_and_gives_the_same_json(snapshot_replies, pyodide_replies):
    assert snapshot_replies["how"] == "snapshot"
    assert snapshot_replies["replies"] == pyodide_replies["replies"]


def test_a_snapshot_that_does_not_fit_is_refused_and_python_starts_the_ordinary_way(package_zip, tmp_path):
    bad = tmp_path / "bad.bin.gz"
    bad.write_bytes(gzip.compress(b"not a memory snapshot"))
    proc = _run_pyodide({"zip": str(package_zip), "snapshot": str(bad), "cases": [["repayment", "{}", "en"]]})
    assert proc.returncode == 0, proc.stderr
    assert "snapshot refused" in proc.stderr
    out = json.loads(proc.stdout)
    assert out["how"] == "fresh"
    assert json.loads(out["replies"][0]) == json.loads(web.run("repayment", "{}", "en"))


def test_boot_fails_loudly_when_the_package_lacks_the_calculators(tmp_path):
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as z:
        z.writestr("README.txt", "no calculators here")
    proc = _run_pyodide({"zip": str(empty), "cases": [["repayment", "{}", "zh"]]})
    assert proc.returncode != 0
    assert "boot failed" in proc.stderr and "No module named 'calculators'" in proc.stderr
    assert proc.stdout == ""


@pytest.mark.parametrize("index", range(len(CASES)))
def test_pyodide_gives_the_same_json_as_cpython(pyodide_replies, index):
    slug, form, lang = CASES[index]
    expected = web.run(slug, json.dumps(form, ensure_ascii=False), lang)
    assert json.loads(pyodide_replies["replies"][index]) == json.loads(expected)
