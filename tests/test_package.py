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


def test_the_solid_zip_holds_the_same_files_in_fewer_bytes(zips):
    """<zip>.gz (what a browser with DecompressionStream fetches) unzips to a zip of exactly the
    same entries, and is smaller than the zip it stands for: it is the reason it exists."""
    for _, data in zips:
        solid = package.solid(data)
        inner = zipfile.ZipFile(io.BytesIO(gzip.decompress(solid)))
        plain = zipfile.ZipFile(io.BytesIO(data))
        assert inner.namelist() == plain.namelist()
        assert all(inner.read(n) == plain.read(n) for n in plain.namelist())
        assert all(i.flag_bits & 0x800 for i in inner.infolist())  # UTF-8 names: no cp437 codec to unpack
        # and in each local header (zipfile reads it there when it unpacks), bit 3 left clear
        flags = [int.from_bytes(gzip.decompress(solid)[i.header_offset + 6:i.header_offset + 8], "little")
                 for i in inner.infolist()]
        assert all(f & 0x800 and not f & 0x8 for f in flags)
        assert len(solid) < len(data) * 0.9
        assert package.solid(data) == solid  # the same bytes every time


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
    # as the worker fetches them: the wasm and the standard library as their .zst (packed once at the
    # build), the packages' zips as their .gz
    expected = {"pyodide.asm.wasm.zst": site / "pyodide" / "pyodide.asm.wasm.zst",
                "pyodide-lock.json": site / "pyodide" / "pyodide-lock.json",
                **{p.name: p for p in py.glob("stdlib-*.zip.zst")}}
    # the page's own packages: the repayment page its calculator's zip alone, a letter page the
    # calculators' whole zip and the letters'
    packages = re.search(r'data-package="([^"]+)"', (site / page).read_text(encoding="utf-8")).group(1).split()
    assert [re.sub(r"-[0-9a-f]{12}\.zip$", "", name) for name in packages] == (
        ["calculators", "letters"] if letters else ["page-repayment"])
    expected.update({name + ".gz": py / (name + ".gz") for name in packages})
    assert set(sizes) == set(expected) and len(expected) == 4 + letters
    for name, path in expected.items():
        data = path.read_bytes()
        sent = len(data) if name.endswith((".gz", ".zst")) else len(gzip.compress(data, 6))
        assert sizes[name] == [len(data), sent], name


def test_the_small_source_means_the_same():
    """tools/pysource.small: no blank lines, one space a level; a string's own lines and blank lines
    inside it untouched; the syntax tree is the stripped source's."""
    from tools import pysource

    source = '''def f(x):
    """Doc."""

    if x:

        text = """keep

    these   lines"""
        return [1,
                2]  # a list
    return None
'''
    out = pysource.small(source)
    assert "\n\n" not in out.split('"""keep')[0] and "Doc." not in out and "a list" not in out
    assert '"""keep\n\n    these   lines"""' in out
    assert "\n  text" in out  # two levels, a space each
    namespace: dict = {}
    exec(compile(out, "<small>", "exec"), namespace)  # noqa: S102 - our own test source
    assert namespace["f"](1) == [1, 2] and namespace["f"](0) is None


def test_a_docstring_in_chinese_is_stripped_too():
    """The syntax tree counts columns in UTF-8 bytes: the stripper must cut in characters."""
    out = package.strip(  # noqa: B005 - our own function, not str.strip
        'def f():\n    """等额本息 payment."""\n    return 1\n')
    assert "等额本息" not in out and "return 1" in out


def test_the_figures_come_already_read_in_the_browsers_zip(zips):
    """figures.toml ships as figures_data.py (no TOML parser in the browser), holding exactly what
    tomllib reads from the file; the zip holds no .toml."""
    import tomllib

    names = zipfile.ZipFile(io.BytesIO(zips[0][1])).namelist()
    assert "calculators/figures_data.py" in names and not [n for n in names if n.endswith(".toml")]
    namespace: dict = {}
    exec(zipfile.ZipFile(io.BytesIO(zips[0][1])).read("calculators/figures_data.py"), namespace)  # noqa: S102
    with (package.SOURCE / "figures.toml").open("rb") as fh:
        assert namespace["DATA"] == tomllib.load(fh)


def test_builds_side_by_side_gzip_the_wasm_once_and_get_the_same_bytes(tmp_path, monkeypatch):
    """The tests' build and `mkdocs serve`'s in a copy of the tree (test_serve_reload.py) share
    .cache/: on a clean clone both need the wasm's .gz at about the same time. The second waits for
    the first one's (hooks/runtime.py, ``_one_at_a_time``) instead of running zopfli again."""
    import threading
    import time

    from hooks import runtime

    made: list[int] = []

    def slow_gzip(data: bytes) -> bytes:  # zopfli's 11-15 s, shortened
        made.append(1)
        time.sleep(0.5)
        return gzip.compress(data, 1, mtime=0)

    monkeypatch.setattr(runtime, "CACHE", tmp_path / "cache")
    monkeypatch.setattr(runtime, "wasm_gz", slow_gzip)
    wasms = []
    for side in ("one", "two"):
        (tmp_path / side).mkdir()
        wasm = tmp_path / side / runtime.WASM
        wasm.write_bytes(b"\0asm" + bytes(range(256)) * 64)
        wasms.append(wasm)
    builds = [threading.Thread(target=runtime.write_wasm_gz, args=(w,)) for w in wasms]
    for build in builds:
        build.start()
    for build in builds:
        build.join(timeout=60)  # a lock never released fails here instead of hanging the suite
    assert not any(build.is_alive() for build in builds), "a build still waits for the lock after 60 s"
    assert len(made) == 1
    one, two = (w.with_name(w.name + ".gz").read_bytes() for w in wasms)
    assert one == two and gzip.decompress(one) == wasms[0].read_bytes()
    assert [p.name for p in (tmp_path / "cache").glob("*.gz")] == [f"{runtime.WASM}-{_sha(wasms[0])}.gz"]


def _sha(path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


# Each case as a page asks it: with and without the result data, the hidden long-table rows, and the
# calendar file (at a fixed moment: its DTSTAMP).
RUN_PAGE = f"""
import json, sys
sys.path.insert(0, sys.argv[1])
import calculators.web as web
replies = []
for slug, form, lang in json.load(sys.stdin):
    if slug.endswith(web.CALENDAR_SUFFIX):
        replies.append(web.run(slug, form, lang, True, {TODAY!r}, "2026-06-15T08:00:00+00:00"))
        continue
    replies += [web.run(slug, form, lang, True, {TODAY!r}), web.run(slug, form, lang, False, {TODAY!r}),
                web.run(slug + web.REST_SUFFIX, form, lang, True, {TODAY!r})]
outside = sorted(m for m, mod in sys.modules.items() if m.startswith("calculators")
                 and not (mod.__file__ or "").startswith(sys.argv[1]))
print(json.dumps({{"replies": replies, "outside": outside}}))
"""


def test_a_calculator_page_s_own_zip_answers_all_of_that_calculator_from_nothing_else(site, tmp_path):
    """A page whose only calculator is one loads that calculator's own zip (hooks/runtime.py
    write_page_zips: the modules its cases import), not the whole package. Each shipped page zip,
    as its sources, in a Python that sees nothing else (``-I``: no project, no tests): every case the
    runtime answers for that calculator (tools/cases.py runtime_cases, hostile text in every field
    included), as the page asks it, gives exactly the whole package's reply and imports nothing
    from anywhere else."""
    py = site / "assets" / "py"
    own = {re.fullmatch(r"page-(.+)-[0-9a-f]{12}\.zip", p.name).group(1): p for p in py.glob("page-*.zip")}
    assert set(own) == set(web.CALCULATORS)
    whole = zipfile.ZipFile(io.BytesIO(package.current()[1]))
    every = cases.as_json(cases.runtime_cases())
    for slug, path in sorted(own.items()):
        shipped = set(zipfile.ZipFile(path).namelist())
        assert "calculators/web.pyc" in shipped
        assert not [n for n in shipped if package.is_letters(n.removeprefix("calculators/").removesuffix("c"))]
        where = tmp_path / slug
        for name in whole.namelist():
            if name + "c" in shipped or name in shipped:
                whole.extract(name, where)
        asked = [c for c in every if c[0] in (slug, slug + web.CALENDAR_SUFFIX)]
        proc = subprocess.run([sys.executable, "-I", "-c", RUN_PAGE, str(where)], cwd=where, input=json.dumps(asked),
                              capture_output=True, text=True, timeout=300, check=False)
        assert proc.returncode == 0, f"{slug}: {proc.stderr[-2000:]}"
        got = json.loads(proc.stdout)
        assert got["outside"] == [], slug
        expected = []
        for asked_slug, form, lang in asked:
            if asked_slug.endswith(web.CALENDAR_SUFFIX):
                expected.append(web.run(asked_slug, form, lang, True, TODAY, "2026-06-15T08:00:00+00:00"))
                continue
            expected += [web.run(asked_slug, form, lang, True, TODAY), web.run(asked_slug, form, lang, False, TODAY),
                         web.run(asked_slug + web.REST_SUFFIX, form, lang, True, TODAY)]
        differ = [k for k, (a, b) in enumerate(zip(got["replies"], expected, strict=True)) if a != b]
        assert not differ, f"{slug}: {len(differ)} of {len(expected)} replies differ, e.g. {got['replies'][differ[0]][:300]}"
        assert len(shipped) < len(whole.namelist())
