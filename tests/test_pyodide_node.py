"""The same cases under the real Pyodide runtime (Node, offline) give JSON
identical to CPython's: one implementation, run in two places. The page starts
Python on a trimmed standard library (hooks/runtime.py): every case runs on it
too, and every module the calculators import is importable from it."""

from __future__ import annotations

import ast
import gzip
import importlib.util
import io
import json
import re
import shutil
import subprocess
import sys
import zipfile

import pytest

from calculators import web
from hooks import runtime
from macros import package
from tests.conftest import ROOT
from tools import cases as known
from tools import pysource

# A few known values and every calculator's defaults (the quick checks below), and every case
# the runtime must answer (tools/cases.py: defaults, heaviest, typed, each calculator's cases file, hostile).
CASES = known.TYPED + [(slug, {}, lang) for slug in sorted(web.CALCULATORS) for lang in ("zh", "en")]
ALL_CASES = known.runtime_cases()

# `make test` runs on several workers (pytest-xdist, --dist loadgroup): this file's tests stay on
# one, so its module fixtures (Pyodide in Node over every case, a snapshot) are made once.
pytestmark = pytest.mark.xdist_group("pyodide-node")


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
    return known.as_json(CASES)


@pytest.fixture(scope="module")
def package_zip(site, tmp_path_factory):
    """What the browser gets: the calculators' zip and the letters' zip the build wrote (their
    modules compiled), in one as the build derives the runtime from them (hooks/runtime.py, both_zips)."""
    out = site / "assets" / "py"
    names = [name for name, _ in package.build_split()]
    assert all((out / name).is_file() for name in names), names
    return runtime.both_zips(out, names, tmp_path_factory.mktemp("pkg"))


def test_our_packages_ship_compiled_and_their_names_are_their_sources_hash(site):
    """The zips hold a .pyc for each module (the standard library's way: tools/pyc.mjs) and every
    other file as the sources' zip has it; their names are those of the sources' zips."""
    for name, sources in package.build_split():
        with zipfile.ZipFile(io.BytesIO(sources)) as src, zipfile.ZipFile(site / "assets" / "py" / name) as shipped:
            expected = [n + "c" if n.endswith(".py") else n for n in src.namelist()]
            assert shipped.namelist() == expected
            assert not [n for n in shipped.namelist() if n.endswith(".py")]
            assert all(shipped.read(n) == src.read(n) for n in src.namelist() if not n.endswith(".py"))
            assert {shipped.read(n)[4:8] for n in shipped.namelist() if n.endswith(".pyc")} == {b"\x01\0\0\0"}


@pytest.fixture(scope="module")
def trimmed_stdlib(site):
    """The trimmed standard library the build wrote and the site ships (hooks/runtime.py
    write_stdlib: derived under Pyodide in Node from every case)."""
    _node()
    (path,) = (site / "assets" / "py").glob("stdlib-*.zip")
    return path


@pytest.fixture(scope="module")
def stdlib_files(trimmed_stdlib):
    """The standard-library files the build kept: path inside the zip -> bytes as shipped (each
    module compiled: its .pyc in place of its .py)."""
    with zipfile.ZipFile(trimmed_stdlib) as z:
        return {name: z.read(name) for name in z.namelist() if not name.endswith("/")}


@pytest.fixture(scope="module")
def pyodide_replies(package_zip, trimmed_stdlib):
    """Every case on the trimmed runtime the page starts (one Node run), after importing every
    module the calculators import."""
    proc = _run_pyodide({"zip": str(package_zip), "stdlib": str(trimmed_stdlib), "today": known.CLOCK,
                         "imports": _imported_by_calculators(), "cases": known.as_json(ALL_CASES)})
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def snapshot_replies(package_zip, trimmed_stdlib, tmp_path_factory):
    """The build's snapshot (tools/snapshot.mjs, on the trimmed standard library), started the way
    the page's worker starts a kept one."""
    snapshot = tmp_path_factory.mktemp("snapshot") / "snapshot.bin.gz"
    made = subprocess.run([_node(), str(ROOT / "tools" / "snapshot.mjs"), str(package_zip), str(snapshot),
                           str(trimmed_stdlib)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stderr
    proc = _run_pyodide({"zip": str(package_zip), "snapshot": str(snapshot), "stdlib": str(trimmed_stdlib),
                         "today": known.CLOCK, "cases": _cases()})
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_runs_on_pyodide_python(pyodide_replies):
    assert pyodide_replies["python"].startswith("3.")
    assert pyodide_replies["how"] == "fresh"


def test_the_build_snapshot_starts_through_the_same_boot_and_gives_the_same_json(snapshot_replies):
    assert snapshot_replies["how"] == "snapshot"
    assert snapshot_replies["replies"] == [web.run(slug, form, lang, True, known.CLOCK)
                                           for slug, form, lang in _cases()]


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


# ---- the trimmed standard library -------------------------------------------------------

def test_the_trimmed_standard_library_is_much_smaller_and_holds_the_start_up(trimmed_stdlib, stdlib_files):
    assert trimmed_stdlib.stat().st_size < runtime.FULL_STDLIB.stat().st_size / 2
    for needed in ("decimal.pyc", "json/__init__.pyc", "numbers.pyc", "pyodide/__init__.pyc",
                   "_pyodide/__init__.pyc", "encodings/__init__.pyc", "importlib/__init__.pyc"):
        assert needed in stdlib_files
    assert "unittest/__init__.pyc" not in stdlib_files and "email/__init__.pyc" not in stdlib_files
    # not needed in the browser: modules built into the runtime (frozen: their files are never read),
    # html (views/html.py escapes by itself), tomllib (figures_data.py), cp437 (zips with UTF-8 names)
    for left_out in ("os.pyc", "importlib/_bootstrap.pyc", "zipimport.pyc", "codecs.pyc", "html/entities.pyc",
                     "tomllib/__init__.pyc", "encodings/cp437.pyc"):
        assert left_out not in stdlib_files


def test_the_trimmed_standard_library_is_the_same_bytes_for_the_same_list(stdlib_files, trimmed_stdlib):
    assert runtime.trimmed_stdlib(stdlib_files) == runtime.trimmed_stdlib(dict(reversed(stdlib_files.items())))
    assert runtime.trimmed_stdlib(stdlib_files) == trimmed_stdlib.read_bytes()  # as the build wrote it


def test_every_module_ships_compiled_by_the_runtimes_python_and_nothing_as_source(stdlib_files):
    """Python starts without compiling its library (tools/pyc.mjs): every module a .pyc, none a .py,
    each headed as an unchecked hash-based .pyc (PEP 552) with the runtime's own magic number."""
    assert not [name for name in stdlib_files if name.endswith(".py")]
    magic = {data[:4] for data in stdlib_files.values()}
    assert len(magic) == 1 and magic != {importlib.util.MAGIC_NUMBER}  # Pyodide's 3.14, not this CPython
    assert {int.from_bytes(data[4:8], "little") for data in stdlib_files.values()} == {1}


def test_a_shipped_module_is_its_squeezed_source_compiled(stdlib_files):
    # decimal.py as the build squeezes it (comments and docstrings out: tools/pysource.py), compiled as
    # the build compiles it: the very bytes shipped. Its code, not its text: the same syntax tree.
    with zipfile.ZipFile(runtime.FULL_STDLIB) as full:
        original = full.read("decimal.py").decode("utf-8")
    squeezed = pysource.small(original)
    assert "from _decimal import *" in squeezed
    assert ast.dump(ast.parse(squeezed)) == ast.dump(ast.parse(package.strip(original)))
    assert runtime.compiled({"decimal.py": squeezed}) == {"decimal.pyc": stdlib_files["decimal.pyc"]}


def test_every_case_on_the_trimmed_runtime_gives_exactly_cpythons_json(pyodide_replies):
    replies = pyodide_replies["replies"]
    assert len(replies) == len(ALL_CASES)
    differ = [(slug, form, lang) for (slug, form, lang), reply in zip(ALL_CASES, replies, strict=True)
              if _stamp(reply) != _stamp(web.run(slug, json.dumps(form, ensure_ascii=False, sort_keys=True), lang,
                                                 True, known.CLOCK))]
    assert not differ, f"{len(differ)} of {len(ALL_CASES)} cases differ, e.g. {differ[:3]}"
    assert {slug for slug, _, _ in ALL_CASES} >= {*web.CALCULATORS, *web.DOCUMENTS}


def test_the_pages_replies_on_the_trimmed_runtime_are_exactly_cpythons(package_zip, trimmed_stdlib):
    # As the page's worker asks (no result data; long tables' hidden rows left for later):
    # every calculator's heaviest input and defaults, in both languages.
    # Each followed by the page's next question: its long tables' hidden rows (<slug>.rest).
    cases = [(slug, dict(case.heaviest), lang) for slug, case in known.all_cases().items() for lang in web.LANGS]
    cases += [(slug, {}, lang) for slug in web.CALCULATORS for lang in web.LANGS]
    cases = [asked for slug, form, lang in cases for asked in ((slug, form, lang), (f"{slug}.rest", form, lang))]
    proc = _run_pyodide({"zip": str(package_zip), "stdlib": str(trimmed_stdlib), "today": known.CLOCK,
                         "page": True, "cases": known.as_json(cases)})
    assert proc.returncode == 0, proc.stderr
    replies = json.loads(proc.stdout)["replies"]
    expected = [web.run(slug, json.dumps(form, ensure_ascii=False, sort_keys=True), lang, False, known.CLOCK)
                for slug, form, lang in cases]
    assert replies == expected
    assert sum('"rest_later"' in reply for reply in replies[0::2]) >= 6  # the long tables came apart
    assert sum(len(json.loads(reply).get("rest", {})) for reply in replies[1::2]) >= 6  # and their rows came after


def _stamp(reply: str) -> str:
    """A calendar file's DTSTAMP is the moment it was made: the one part two runs may not share."""
    return re.sub(r"DTSTAMP:\d{8}T\d{6}Z", "DTSTAMP:-", reply)


def _imported_by_calculators() -> list[str]:
    """Every standard-library module the calculators package imports anywhere (also inside
    functions), read from the source with ast."""
    names = set()
    for path in sorted((ROOT / "calculators").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
    # tomllib: figures.py reads figures.toml with it only where the file is there (the source tree);
    # the browser's zip carries the figures already read (figures_data.py, tests/test_package.py)
    return sorted(n for n in names if n.split(".")[0] in sys.stdlib_module_names and n != "tomllib")


def test_every_module_the_calculators_import_is_in_the_trimmed_runtime(pyodide_replies):
    # pyodide_replies imported each of them by name first (the runner exits on a failed import)
    assert {"decimal", "json", "datetime"} <= set(_imported_by_calculators())
    assert pyodide_replies["imported"] == _imported_by_calculators()


def test_the_build_without_the_tests_makes_the_same_trimmed_runtime(stdlib_files, tmp_path):
    """The build never imports tests/: it reads each calculator's cases beside it
    (calculators/cases/). A copy of the tree without tests/ derives the standard library as the build
    does (hooks/runtime.py: the package, then the modules found under Pyodide in Node from every case)
    and gets the same modules, under the same library name, as this tree shipped. It stops at their
    names (``runtime.stdlib_names``): squeezing and compiling them reads no case (half of the
    derivation's time and 14 s of a cold build here); test_a_shipped_module_is_its_squeezed_source_compiled
    checks those steps."""
    from tests.tree import clean_env, copy_tree

    tree = copy_tree(tmp_path / "tree", leave_out=("tests",))
    script = (
        "import importlib.util, json, sys\n"
        "from pathlib import Path\n"
        "assert importlib.util.find_spec('tests') is None, 'tests/ is importable'\n"
        "from hooks import runtime\n"
        "from macros import package\n"
        "out = Path(sys.argv[1])\n"
        "import tempfile\n"
        "names = runtime.write_package(out)\n"
        "with tempfile.TemporaryDirectory() as work:\n"
        "    files = runtime.stdlib_names(runtime.both_zips(out, names, Path(work)))\n"
        "print(json.dumps({'name': package.stdlib_name(), 'files': files,\n"
        "                  'tests': sorted(m for m in sys.modules if m.split('.')[0] == 'tests')}))\n"
    )
    proc = subprocess.run([sys.executable, "-c", script, str(tmp_path / "out")], cwd=tree, capture_output=True,
                          text=True, timeout=600, env=clean_env())
    assert proc.returncode == 0, proc.stderr[-3000:]
    made = json.loads(proc.stdout)
    assert made["tests"] == []
    assert made["name"] == package.stdlib_name()  # the same package, Pyodide and cases
    assert sorted(name + "c" if name.endswith(".py") else name for name in made["files"]) == sorted(stdlib_files)


def test_a_module_left_out_of_the_trimmed_runtime_fails_the_import_check(package_zip, stdlib_files, tmp_path):
    short = tmp_path / "short.zip"
    short.write_bytes(runtime.trimmed_stdlib({f: data for f, data in stdlib_files.items() if f != "numbers.pyc"}))
    proc = _run_pyodide({"zip": str(package_zip), "stdlib": str(short), "imports": ["numbers"],
                         "cases": []})
    assert proc.returncode != 0  # at boot (decimal imports numbers) or at the import check
    assert "numbers" in proc.stderr
