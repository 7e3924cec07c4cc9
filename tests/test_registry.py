"""The registry in calculators/web.py is the one list of calculators: every part that
lists calculators (pages, navigation, tests, bench) must cover each one, and each
calculator has the same shape: a math module and a view, apart."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from calculators import web
from tests.browser.test_calculators import TYPED
from tools.bench import HEAVIEST, TOGGLE

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


@pytest.mark.parametrize("lang", web.LANGS)
@pytest.mark.parametrize("slug", SLUGS)
def test_defaults_give_a_result_in_both_languages(slug, lang):
    # The starting text of every field, as the page sends it: a field left out is "not given" (issue 13, item 4).
    form = {f.name: f.default for f in web.calculator(slug).FIELDS}
    reply = json.loads(web.run(slug, json.dumps(form), lang))
    assert reply["ok"], reply
    assert reply["html"].startswith('<div class="calc-result"')


@pytest.mark.parametrize("where, listed", [
    ("browser tests (tests/browser/test_calculators.py TYPED)", set(TYPED)),
    ("bench heaviest inputs (tools/bench.py HEAVIEST)", set(HEAVIEST)),
    ("bench recalculation toggles (tools/bench.py TOGGLE)", set(TOGGLE)),
])
def test_every_list_of_calculators_covers_the_registry(where, listed):
    assert not set(SLUGS) - listed, f"missing from {where}: {sorted(set(SLUGS) - listed)}"
    assert not listed - set(SLUGS), f"{where} lists calculators not in web.CALCULATORS: {sorted(listed - set(SLUGS))}"


@pytest.mark.parametrize("slug", SLUGS)
def test_every_calculator_has_pages_nav_and_tests(slug):
    missing = []
    for page in (f"docs/calculators/{slug}.md", f"docs/calculators/{slug}.en.md",
                 f"tests/test_{_module_name(slug)}.py"):
        if not (ROOT / page).is_file():
            missing.append(page)
    for index in ("docs/calculators/index.md", "docs/calculators/index.en.md"):
        if f"({slug}.md)" not in (ROOT / index).read_text(encoding="utf-8"):
            missing.append(f"a link in {index}")
    if f"calculators/{slug}.md" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8"):
        missing.append("nav in mkdocs.yml")
    assert not missing, f"{slug}: missing {missing}"


# --- model and view apart ------------------------------------------------------------------

# web.py is the door that joins each model to its view (web.VIEWS), by name, without importing views.
MATH_MODULES = sorted(p for p in CALC.glob("*.py"))
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


@pytest.mark.parametrize("path", MATH_MODULES, ids=lambda p: p.name)
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
