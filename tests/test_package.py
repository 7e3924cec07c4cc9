"""The browser's zips (macros/package.py): the calculators' zip every calculator page loads, the
letters' zip only letter pages add (issue 23), both the sources without comments and docstrings.
Each is unpacked and run by a fresh CPython, and answers every runtime case exactly as the
sources do."""

from __future__ import annotations

import gzip
import html
import io
import json
import re
import subprocess
import sys
import zipfile

import pytest

from calculators import web
from macros import package
from tools import cases

TODAY = "2026-06-15"  # a fixed reader's date: no reply depends on the day the test runs
RUN_ALL = f"""
import json, sys
import calculators.web as web
replies = [web.run(slug, form, lang, True, {TODAY!r}) for slug, form, lang in json.load(sys.stdin)]
print(json.dumps({{"documents": sorted(web.DOCUMENTS), "replies": replies}}))
"""


@pytest.fixture(scope="module")
def zips():
    return package.build_split()


@pytest.fixture(scope="module")
def runtime_cases():
    # not the calendar files: their DTSTAMP is the moment they are made
    return [c for c in cases.as_json(cases.runtime_cases()) if not c[0].endswith(web.CALENDAR_SUFFIX)]


def _unpack(tmp_path, *parts: bytes):
    for data in parts:
        zipfile.ZipFile(io.BytesIO(data)).extractall(tmp_path)


def _run(where, case_list) -> dict:
    proc = subprocess.run([sys.executable, "-c", RUN_ALL], cwd=where, input=json.dumps(case_list),
                          capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout)


def test_the_letters_are_their_own_zip(zips):
    (core_name, core), (letters_name, letters) = zips
    assert core_name.startswith("calculators-") and letters_name.startswith("letters-")
    in_core = set(zipfile.ZipFile(io.BytesIO(core)).namelist())
    in_letters = set(zipfile.ZipFile(io.BytesIO(letters)).namelist())
    assert not in_core & in_letters
    for module in web.DOCUMENTS.values():
        name = module.__name__.rsplit(".", 1)[-1]
        if name != "letters_negotiation":  # the negotiation calculator reads its MAX_MONTHS
            assert f"calculators/{name}.py" in in_letters and f"calculators/views/{name}.py" in in_letters
    for module in web.CALCULATORS.values():
        name = module.__name__.rsplit(".", 1)[-1]
        assert f"calculators/{name}.py" in in_core and f"calculators/views/{name}.py" in in_core
    assert len(core) < len(package.build()[1]) * 0.75  # a calculator page moves far less than the whole


def test_the_calculators_zip_alone_answers_every_calculator_as_the_sources_do(zips, runtime_cases, tmp_path):
    _unpack(tmp_path, zips[0][1])
    mine = [c for c in runtime_cases if c[0] in web.CALCULATORS]
    got = _run(tmp_path, mine)
    assert got["documents"] == []  # no letter in it
    assert got["replies"] == [web.run(slug, form, lang, True, TODAY) for slug, form, lang in mine]


def test_both_zips_answer_every_case_as_the_sources_do(zips, runtime_cases, tmp_path):
    _unpack(tmp_path, zips[0][1], zips[1][1])
    got = _run(tmp_path, runtime_cases)
    assert got["documents"] == sorted(web.DOCUMENTS)
    assert got["replies"] == [web.run(slug, form, lang, True, TODAY) for slug, form, lang in runtime_cases]


def test_stripping_removes_comments_and_docstrings_only():
    source = '''"""Module doc."""
from __future__ import annotations

X = "# not a comment"  # trailing remark


def f(a):
    """Only a docstring."""


class C:
    """Doc."""

    y = 1
'''
    out = package.strip(source)
    assert "Module doc" not in out and "trailing remark" not in out and "Only a docstring" not in out
    assert '"# not a comment"' in out
    namespace: dict = {}
    exec(compile(out, "<stripped>", "exec"), namespace)  # noqa: S102 - our own test source
    assert namespace["X"] == "# not a comment" and namespace["C"].y == 1 and namespace["f"](1) is None


def _runtime_bytes(page) -> dict[str, list[int]]:
    found = re.search(r'data-runtime-bytes="([^"]+)"', page.read_text(encoding="utf-8"))
    assert found, page
    return json.loads(html.unescape(found.group(1)))


@pytest.mark.parametrize("page, letters", [("calculators/repayment/index.html", False),
                                           ("en/letters/complaint/index.html", True)])
def test_the_progress_line_knows_what_the_worker_fetches_as_a_host_sends_it(site, page, letters):
    sizes = _runtime_bytes(site / page)
    py = site / "assets" / "py"
    expected = {"pyodide.asm.wasm": site / "pyodide" / "pyodide.asm.wasm",
                "pyodide-lock.json": site / "pyodide" / "pyodide-lock.json",
                **{p.name: p for p in py.glob("stdlib-*.zip")}, **{p.name: p for p in py.glob("calculators-*.zip")}}
    if letters:
        expected.update({p.name: p for p in py.glob("letters-*.zip")})
    assert set(sizes) == set(expected)
    for name, path in expected.items():
        data = path.read_bytes()
        sent = len(data) if name.endswith(".zip") else len(gzip.compress(data, 6))
        assert sizes[name] == [len(data), sent], name
