"""The registry in calculators/web.py is the one list of calculators, one record each (model,
view, next-steps chooser, calendar plan, cases): every part that lists calculators (pages,
navigation, tests, bench, the build) must cover each one, nothing else keeps a table by slug,
and each calculator has the same shape: a math module and a view, apart."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from calculators import web
from calculators.money import InputError
from calculators.views import calendar
from macros.pages import calculator_index, front_matter
from tools import cases as case_files
from tools.cases import Case, CaseError, all_cases, case

ROOT = Path(__file__).resolve().parent.parent
CALC = ROOT / "calculators"
SLUGS = sorted(web.CALCULATORS)
MODEL_PARTS = ("SLUG", "TITLE", "FIELDS", "Inputs", "Result", "read_form", "calculate", "to_dict")


def _module_name(slug: str) -> str:
    return web.CALCULATORS[slug].__name__.rsplit(".", 1)[-1]


@pytest.mark.parametrize("slug", SLUGS)
def test_each_calculator_has_the_model_parts_and_a_view(slug):
    module = web.CALCULATORS[slug]
    missing = [name for name in MODEL_PARTS if not hasattr(module, name)]
    assert not missing, f"{module.__name__} lacks {missing}"
    assert module.SLUG == slug
    assert set(module.TITLE) == {"zh", "en"}
    assert not hasattr(module, "render"), f"{module.__name__}.render belongs in calculators/views/"
    assert callable(web.VIEWS[slug].render)


@pytest.mark.parametrize("slug", sorted(web.REGISTRY))
def test_each_record_holds_all_of_its_calculator(slug):
    entry = web.REGISTRY[slug]
    assert entry.slug == slug and entry.model.SLUG == slug
    assert entry.view.__name__ == f"calculators.views.{entry.model.__name__.rsplit('.', 1)[-1]}", (
        f"{slug}: its view is calculators/views/<the model's module name>.py")
    if entry.document:
        assert callable(entry.view.text) and entry.steps is None and entry.calendar is None
        return
    assert callable(entry.steps), f"{slug}: no next-steps chooser in its record (calculators/next_steps.py)"
    assert entry.calendar is None or isinstance(entry.calendar, calendar.Plan)
    assert (CALC / entry.cases).is_file(), f"{slug}: no cases file calculators/{entry.cases}"


@pytest.mark.parametrize("slug", sorted(web.REGISTRY))
def test_a_record_saves_back_exactly_when_the_plan_takes_its_result(slug):
    from calculators import plan

    assert web.REGISTRY[slug].saves == (plan.save_for(slug) is not None), (
        f"{slug}: its record's saves= and plan.SAVES disagree")


# A fresh Python: import the door, answer one calculator, list which calculators' modules were imported.
_IMPORTED = """
import json, sys
from calculators import web
before = sorted(m for m in sys.modules if m.startswith("calculators."))
reply = json.loads(web.run(sys.argv[1], "{}", "zh", False, "2026-12-07"))
after = sorted(m for m in sys.modules if m.startswith("calculators."))
print(json.dumps({"ok": reply["ok"], "before": before, "after": after}))
"""


@pytest.mark.parametrize("slug", ["repayment", "negotiation"])
def test_a_page_imports_only_its_own_calculator(slug):
    """The browser's first import (calculators.web) brings the shared modules and no calculator; the
    first answer imports that calculator's model and view, and no other calculator's (bench/notes.md:
    the page's Python is ready sooner). Negotiation's result can be saved to My situation, so its
    answer also brings the plan's view (views/plan.py, which needs the plan and what it reads)."""
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-c", _IMPORTED, slug], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=True)
    got = json.loads(proc.stdout)
    assert got["ok"]
    models = {c.model.__name__ for c in web.REGISTRY.values()}
    assert not models & set(got["before"]), sorted(models & set(got["before"]))
    own = web.REGISTRY[slug]
    assert {own.model.__name__, own.view.__name__} <= set(got["after"])
    if not own.saves:
        assert models & set(got["after"]) == {own.model.__name__}, sorted(models & set(got["after"]))


def test_the_registry_imports_nothing_by_name():
    """web.py joins each model to its view, chooser and calendar through its record: plain imports,
    no importlib (a view found by a name built from a string fails only when it is asked for)."""
    for path in sorted(CALC.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert "importlib" not in text and "__import__" not in text, f"{path.relative_to(ROOT)} imports by name"


# Where tables of calculators by slug used to hide: a literal holding two or more slugs is one.
SCANNED = sorted([*CALC.rglob("*.py"), *(ROOT / "macros").glob("*.py"), *(ROOT / "hooks").glob("*.py")])


def _slug_tables(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        items = (node.keys if isinstance(node, ast.Dict) else node.elts
                 if isinstance(node, (ast.Tuple, ast.List, ast.Set)) else [])
        slugs = {n.value for n in items if isinstance(n, ast.Constant) and n.value in web.CALCULATORS}
        if len(slugs) >= 2:
            found.append(ast.unparse(node)[:80])
    return found


def test_the_scan_finds_a_table_by_slug():
    assert _slug_tables(ast.parse('NAMES = {"repayment": 1, "payoff": 2}\nSLUGS = ("apr", "payoff")')) == [
        "{'repayment': 1, 'payoff': 2}", "('apr', 'payoff')"]
    assert not _slug_tables(ast.parse('PAGES = {"negotiation": "calculators/negotiation/", "x": "y"}'))


@pytest.mark.parametrize("path", SCANNED, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_table_keyed_by_slug_outside_the_registry(path):
    tables = _slug_tables(ast.parse(path.read_text(encoding="utf-8")))
    assert not tables, f"{path.relative_to(ROOT)} keeps calculators by slug {tables}: put it in their records"


@pytest.mark.parametrize("lang", web.LANGS)
@pytest.mark.parametrize("slug", SLUGS)
def test_defaults_give_a_result_in_both_languages(slug, lang):
    # The starting text of every field, as the page sends it: a field left out is "not given" (issue 13, item 4).
    form = {f.name: f.default for f in web.calculator(slug).FIELDS}
    reply = json.loads(web.run(slug, json.dumps(form), lang))
    assert reply["ok"], reply
    assert reply["html"].startswith('<div class="calc-result"')


def test_the_browser_pyodide_and_bench_read_every_case():
    from tests.browser.test_calculators import TYPED
    from tests.test_pyodide_node import ALL_CASES
    from tools.bench import TOGGLE, heaviest

    pyodide = {c[0] for c in ALL_CASES if c[0] in web.CALCULATORS}
    for where, listed in [("browser tests (TYPED)", set(TYPED)), ("Pyodide parity (ALL_CASES)", pyodide),
                          ("bench (heaviest)", set(heaviest())), ("bench (TOGGLE)", set(TOGGLE))]:
        assert listed == set(SLUGS), f"{where}: {sorted(listed ^ set(SLUGS))}"


# --- each calculator's cases (calculators/cases/<module>.json) ----------------------------------

CASES = all_cases()
KNOWN = [(slug, i) for slug in SLUGS for i in range(len(CASES[slug].typed))]
BAD = [(slug, i) for slug in SLUGS for i in range(len(CASES[slug].bad))]


@pytest.mark.parametrize("slug", SLUGS)
def test_every_calculator_has_a_case_of_the_one_shape(slug):
    c = case(slug)
    assert isinstance(c, Case)
    assert c.typed and c.bad, f"{slug}: its cases need known values and bad inputs"
    names = {f.name for f in web.calculator(slug).FIELDS} | {s.name for s in getattr(web.calculator(slug), "LISTS", ())}
    for known in c.typed:
        assert known.expect, f"{slug}: {known.form} expects no figure"
        assert len(known.source) > 20 and "shared/" not in known.source, f"{slug}: name the public source"
        assert set(known.form) <= names, f"{slug}: {set(known.form) - names} are not fields"
    assert set(c.heaviest) <= names and c.toggle[0] in names
    field, text = c.page_mistake
    assert field in names and not web.compute(slug, {**c.typed[0].form, field: text})["ok"]


@pytest.mark.parametrize("slug, index", KNOWN)
def test_known_values_give_their_figures(slug, index):
    known = CASES[slug].typed[index]
    for lang in web.LANGS:
        reply = web.compute(slug, dict(known.form), lang)
        assert reply["ok"], reply
        got = {key: reply["result"].get(key) for key in known.expect}
        assert got == dict(known.expect), f"{slug} {known.form}: {known.source}"


@pytest.mark.parametrize("slug, index", BAD)
def test_bad_inputs_get_their_exact_message(slug, index):
    c = CASES[slug]
    form, field, zh, en = c.bad[index]
    module = web.calculator(slug)
    with pytest.raises(InputError) as err:
        module.calculate(module.read_form({**c.base, **form}))
    assert (err.value.field, err.value.zh, err.value.en) == (field, zh, en)
    reply = json.loads(web.run(slug, json.dumps({**c.base, **form}, ensure_ascii=False), "en"))
    assert (reply["ok"], reply["field"], reply["message"]) == (False, field, {"zh": zh, "en": en})


@pytest.mark.parametrize("slug", SLUGS)
def test_the_heaviest_input_gives_a_result(slug):
    reply = web.compute(slug, dict(CASES[slug].heaviest), "zh")
    assert reply["ok"], reply
    field, a, b = CASES[slug].toggle
    assert CASES[slug].heaviest.get(field) == a
    assert web.compute(slug, {**CASES[slug].heaviest, field: b}, "zh")["ok"]


def test_a_missing_or_broken_cases_file_stops_the_build_naming_the_file(tmp_path, monkeypatch):
    """The build derives the browser's standard library from every case (tools/cases.py via
    macros/package.py and hooks/runtime.py): a case it cannot read fails it, never narrows it."""
    import subprocess

    from hooks import runtime  # noqa: F401 - the hook whose fallback must not swallow it

    slug = SLUGS[0]
    name = web.REGISTRY[slug].cases
    (tmp_path / "cases").mkdir()
    for file in (CALC / "cases").glob("*.json"):
        if file.name != Path(name).name:
            (tmp_path / "cases" / file.name).write_bytes(file.read_bytes())
    monkeypatch.setattr(case_files, "PACKAGE", tmp_path)
    with pytest.raises(CaseError, match=re.escape(str(tmp_path / name))):
        case_files.runtime_cases()  # missing
    good = json.loads((CALC / name).read_text(encoding="utf-8"))
    for broken in ("{not json", json.dumps({**good, "typed": []}), json.dumps({**good, "slug": "other"}),
                   json.dumps({k: v for k, v in good.items() if k != "heaviest"}),
                   json.dumps({**good, "bad": [{"form": {}, "field": "x"}]})):
        (tmp_path / name).write_text(broken, encoding="utf-8")
        with pytest.raises(CaseError, match=re.escape(str(tmp_path / name))):
            case_files.runtime_cases()
    # what hooks/runtime.py catches to ship the full library instead is none of it
    assert not issubclass(CaseError, (OSError, ValueError, KeyError, subprocess.SubprocessError))
    (tmp_path / name).write_text(json.dumps(good), encoding="utf-8")
    assert case_files.case(slug) == CASES[slug]  # the same file whole: read as before


@pytest.mark.parametrize("slug", SLUGS)
def test_every_calculator_has_pages_nav_and_tests(slug):
    missing = []
    for page in (f"docs/calculators/{slug}.md", f"docs/calculators/{slug}.en.md",
                 f"tests/test_{_module_name(slug)}.py", f"calculators/{web.REGISTRY[slug].cases}"):
        if not (ROOT / page).is_file():
            missing.append(page)
    for page in (f"docs/calculators/{slug}.md", f"docs/calculators/{slug}.en.md"):
        if (ROOT / page).is_file() and not isinstance((front_matter(ROOT / page)[0] or {}).get("index"), dict):
            missing.append(f"'index: {{order, question, name}}' in {page}'s front matter (the index page's row)")
        if (ROOT / page).is_file() and not isinstance((front_matter(ROOT / page)[0] or {}).get("nav"), dict):
            missing.append(f"'nav: {{order, title}}' in {page}'s front matter (its entry in the navigation)")
    assert not missing, f"{slug}: missing {missing}"


@pytest.mark.parametrize("lang", web.LANGS)
def test_the_index_page_lists_every_calculator_once_in_its_order(lang):
    table = calculator_index(lang, ROOT / "docs").splitlines()[2:]
    assert sorted(line.rsplit("](", 1)[1][:-len(".md) |")] for line in table) == SLUGS
    index = (ROOT / "docs" / "calculators" / ("index.md" if lang == "zh" else "index.en.md")).read_text(encoding="utf-8")
    assert "{{ calculator_index() }}" in index


# --- model and view apart ------------------------------------------------------------------

# web.py is the door that joins each model to its view (its record); no math module imports views.
MATH_MODULES = sorted(p for p in CALC.glob("*.py"))
DOOR = CALC / "web.py"
HTML_TAGS = ("a|abbr|b|br|caption|code|dd|details|div|dl|dt|em|h[1-6]|i|input|label|li|line|ol|p|polyline|"
             "section|small|span|strong|summary|svg|table|tbody|td|text|th|thead|title|tr|ul")
TAG = re.compile(rf"</?(?:{HTML_TAGS})(?:\s[^<>]*)?/?>")


def _strings(tree: ast.AST) -> list[str]:
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def test_the_scan_finds_html_when_it_is_there():
    assert TAG.search('<p class="calc-explain">') and TAG.search("</li>")
    assert not TAG.search("a < b and c > d") and not TAG.search("python -m calculators <slug>")


@pytest.mark.parametrize("path", MATH_MODULES, ids=lambda p: p.name)
def test_no_module_outside_the_views_writes_html(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    tags = [m.group(0) for s in _strings(tree) for m in TAG.finditer(s)]
    assert not tags, f"{path.name} writes HTML {tags[:3]}: it belongs in calculators/views/"


@pytest.mark.parametrize("path", [p for p in MATH_MODULES if p != DOOR], ids=lambda p: p.name)
def test_math_modules_import_nothing_from_the_views(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            names = [a.name for a in node.names]
            if module.startswith("views") or module.startswith("calculators.views") or (
                    node.level and not module and "views" in names):
                bad.append(ast.unparse(node))
        elif isinstance(node, ast.Import):
            bad += [a.name for a in node.names if a.name.startswith("calculators.views")]
    assert not bad, f"{path.name} imports views: {bad}"


def test_a_calculator_page_without_its_nav_entry_fails_the_build_naming_the_page(tmp_path):
    from hooks.nav import entries

    calcs = tmp_path / "calculators"
    calcs.mkdir()
    for page in (ROOT / "docs" / "calculators").glob("*.md"):
        (calcs / page.name).write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    assert len(entries(tmp_path)) == len(SLUGS)
    page = calcs / f"{SLUGS[0]}.en.md"
    page.write_text(re.sub(r"\nnav:.*?\n(?=\S)", "\n", page.read_text(encoding="utf-8"), count=1, flags=re.S),
                    encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(str(page))):
        entries(tmp_path)
