"""Adding a calculator takes the files CONTRIBUTING.md says, and no others.

A throwaway calculator ("rent-arrears": rent owed for the months unpaid, and a calendar of the
months to pay it back) is added to a copy of the tree with exactly the files CONTRIBUTING lists
under "Add a calculator" (and the one more it says a calendar takes); the contract tests
(tests/test_registry.py, tests/test_web.py), its own test module and the page macros then pass
in that copy. A part of the machinery that kept a table of its own by slug, or found a view by
name, would fail here. Only the contract tests run in the copy (a few seconds), not the build.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap

from calculators import web
from tests.tree import ROOT, clean_env, copy_tree

SLUG, MODULE = "rent-arrears", "rent_arrears"

MODEL = '''\
"""rent_arrears: the rent owed for the months left unpaid (a throwaway calculator of
tests/test_new_calculator.py).

owed = monthly rent × months unpaid

>>> to_dict(calculate(read_form({"rent": "2000", "months": "3"})))["owed"]
'6000.00'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from . import fields
from .fields import Field
from .money import money_text

SLUG = "rent-arrears"
TITLE = {"zh": "欠了多少房租", "en": "Rent owed"}

FIELDS = (
    Field("rent", "money", "每月房租", "Monthly rent", unit="yuan", default="2000"),
    Field("months", "count", "欠了几个月", "Months unpaid", unit="months", default="3", low=1, high=120),
)


@dataclass(frozen=True)
class Inputs:
    rent: Decimal
    months: int

    def __post_init__(self) -> None:
        fields.check(FIELDS, self)


@dataclass(frozen=True)
class Result:
    inputs: Inputs
    owed: Decimal


def read_form(form: Mapping[str, object]) -> Inputs:
    return Inputs(**fields.read_all(FIELDS, form))


def calculate(inputs: Inputs) -> Result:
    return Result(inputs, inputs.rent * inputs.months)


def to_dict(result: Result) -> dict:
    return {"owed": money_text(result.owed), "months": result.inputs.months}
'''

VIEW = '''\
"""The page's words and HTML for rent_arrears: ``render(result, lang)``."""

from __future__ import annotations

from ..rent_arrears import Result, to_dict
from . import html as ui


def render(result: Result, lang: str, data: dict | None = None) -> str:
    d = data if data is not None else to_dict(result)
    return ui.result(lang, ui.figures([ui.money_figure("owed", ui.t(lang, "一共欠", "Owed in all"), d,
                                                       result.owed, lang)]))
'''

CASES = {
    "slug": SLUG,
    "typed": [{"form": {"rent": "2,500", "months": "4"}, "expect": {"owed": "10000.00", "months": 4},
               "source": "Arithmetic checked by hand: 2,500 a month for 4 months is 10,000."}],
    "bad": [{"form": {"months": "0"}, "field": "months", "zh": "请输入 1 到 120 之间的整数（个月），例如 3",
             "en": "Enter a whole number of months from 1 to 120, such as 3"},
            {"form": {"rent": "-5"}, "field": "rent", "zh": "金额不能是负数，请输入大于 0 的金额，例如 2000",
             "en": "An amount cannot be negative; enter an amount above 0, such as 2000"}],
    "heaviest": {"rent": "100000000", "months": "120"},
    "toggle": ["months", "120", "119"],
}

# its plan in views/calendar.py: one payment of the month's rent a month, from the date the reader gives
CALENDAR = '''

def _rent_arrears(result, lang: str, first: dt.date | None) -> list[Event]:
    rent = result.inputs.rent
    return [Event(add_months(first, k), ui.t(lang, f"补交房租 {_money(rent, 'zh')}", f"Pay back rent {_money(rent, 'en')}"))
            for k in range(result.inputs.months)]


RENT_ARREARS = Plan("补交房租", "Rent arrears", _rent_arrears, own_dates=lambda result: False)
'''

TESTS = '''\
"""rent_arrears: the owed sum is the rent times the months (a throwaway calculator)."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from calculators import rent_arrears


@given(st.integers(1, 10**6), st.integers(1, 120))
def test_owed_is_rent_times_months(rent, months):
    r = rent_arrears.calculate(rent_arrears.read_form({"rent": str(rent), "months": str(months)}))
    assert r.owed == Decimal(rent) * months
'''


def page(lang: str) -> str:
    zh = lang == "zh"
    return textwrap.dedent(f"""\
        ---
        title: {"欠了多少房租" if zh else "Rent owed"}
        description: {"算一算欠了多少房租。" if zh else "Work out the rent you owe."}
        reviewed: 2026-12-06
        sources: []
        nav:
          order: 99
          title: {"欠了多少房租" if zh else "Rent owed"}
        index:
          order: 99
          question: {"欠了几个月房租，一共多少？" if zh else "How much rent do I owe?"}
          name: {"房租欠款" if zh else "Rent owed"}
        ---

        # {"欠了多少房租" if zh else "Rent owed"}

        {{{{ calculator("{SLUG}") }}}}
        """)


def add_to(source: str, anchor: str, addition: str, before: bool = False) -> str:
    """``source`` with ``addition`` put after (or before) the line starting ``anchor``."""
    lines = source.splitlines(keepends=True)
    at = next((i for i, line in enumerate(lines) if line.startswith(anchor)), None)
    assert at is not None, f"no line starting {anchor!r}: update this test with CONTRIBUTING"
    lines.insert(at if before else at + 1, addition)
    return "".join(lines)


def files_to_add(tree) -> dict[str, str]:
    """path -> its whole text after the change: every file a new calculator touches."""
    web_py = (tree / "calculators" / "web.py").read_text(encoding="utf-8")
    web_py = add_to(web_py, "# The registry: one record per calculator",
                    f"def _{MODULE}():\n    from . import {MODULE}\n    from .views import {MODULE} as view\n"
                    f"    return {MODULE}, view\n\n\n", before=True)
    web_py = add_to(web_py, "    # documents:", f'    Calculator("{SLUG}", _{MODULE}, next_steps.{MODULE}, '
                                                f"calendar_view.{MODULE.upper()}),\n", before=True)
    steps = (tree / "calculators" / "next_steps.py").read_text(encoding="utf-8")
    steps += f'\n\ndef {MODULE}(result) -> list[str]:\n    return ["negotiation_calc", "get_help"]\n'
    calendar = (tree / "calculators" / "views" / "calendar.py").read_text(encoding="utf-8") + CALENDAR
    return {
        f"calculators/{MODULE}.py": MODEL,
        f"calculators/views/{MODULE}.py": VIEW,
        "calculators/web.py": web_py,
        "calculators/next_steps.py": steps,
        "calculators/views/calendar.py": calendar,
        f"calculators/cases/{MODULE}.json": json.dumps(CASES, ensure_ascii=False, indent=1) + "\n",
        f"tests/test_{MODULE}.py": TESTS,
        f"docs/calculators/{SLUG}.md": page("zh"),
        f"docs/calculators/{SLUG}.en.md": page("en"),
    }


def test_contributing_says_how_many_files_a_calculator_touches_and_that_is_all_it_takes(tmp_path):
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    said = re.search(r"It touches\s+\*\*(\d+) files\*\*", contributing)
    assert said, "CONTRIBUTING.md: 'Add a calculator' says how many files a calculator touches"
    assert re.search(r"calendar[^.]*touches one file more,\s+`calculators/views/calendar.py`", contributing)
    assert SLUG not in web.REGISTRY

    tree = copy_tree(tmp_path / "tree")
    files = files_to_add(tree)
    assert len(files) == int(said.group(1)) + 1, (  # + its calendar
        f"CONTRIBUTING says {said.group(1)} files and one more for a calendar; it takes {len(files)}")
    for path in files:
        assert f"`{path.replace(MODULE, 'rent_arrears').replace(SLUG, 'rent-arrears')}`" in contributing, (
            f"CONTRIBUTING.md does not name {path}")
    for path, text in files.items():
        (tree / path).write_text(text, encoding="utf-8")

    contract = subprocess.run(
        # (not the golden record's forms through the page door: the record holds none of the new one's)
        [sys.executable, "-m", "pytest", "-v", "-x", "-p", "no:cacheprovider", "tests/test_registry.py",
         "tests/test_web.py", f"tests/test_{MODULE}.py", f"calculators/{MODULE}.py",
         "-k", "not every_recorded_form"],
        cwd=tree, capture_output=True, text=True, timeout=300, env=clean_env())
    assert contract.returncode == 0, contract.stdout[-4000:] + contract.stderr[-2000:]
    # the contract ran on the new calculator itself, not only on the others
    for test in ("test_each_record_holds_all_of_its_calculator", "test_known_values_give_their_figures",
                 "test_bad_inputs_get_their_exact_message", "test_the_heaviest_input_gives_a_result",
                 "test_every_calculator_has_pages_nav_and_tests",
                 "test_every_calculator_answers_its_starting_form_in_both_languages",
                 "test_the_page_gets_the_same_html_without_the_result_data"):
        assert re.search(rf"{test}\[[^]]*{SLUG}[^]]*\] PASSED", contract.stdout), f"{test} did not run on {SLUG}"

    macros = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""\
        import json
        from pathlib import Path
        from calculators import web
        from hooks.nav import entries
        from macros import pages, widgets
        from tools import cases
        docs = Path("docs")
        print(json.dumps({{
            "registered": "{SLUG}" in web.CALCULATORS,
            "zh": widgets.widget("{SLUG}", "zh", {{}}),
            "en": widgets.widget("{SLUG}", "en", {{"months": "4"}}),
            "figure": widgets.value("{SLUG}", "owed", "en", {{"rent": "2500", "months": "4"}}),
            "index": [pages.calculator_index(lang, docs) for lang in ("zh", "en")],
            "nav": [row for row in entries(docs) if "{SLUG}" in row[2]],
            "runtime": sorted({{slug for slug, _, _ in cases.runtime_cases()}}),
            "ics": json.loads(web.run("{SLUG}.ics", json.dumps({{"months": "2", "calendar_first": "2027-01-31"}}),
                                      "en", True, "2026-12-06")),
        }}, ensure_ascii=False))
        """)], cwd=tree, capture_output=True, text=True, timeout=120, env=clean_env())
    assert macros.returncode == 0, macros.stderr[-3000:]
    got = json.loads(macros.stdout)
    assert got["registered"]
    assert f'data-calculator="{SLUG}"' in got["zh"] and "6000.00" in got["zh"]  # its default result
    assert "8000.00" in got["en"]  # 2,000 × 4
    assert got["figure"] == "¥10,000.00"
    assert all(f"]({SLUG}.md)" in table for table in got["index"])
    assert got["nav"] == [["欠了多少房租", "Rent owed", f"calculators/{SLUG}.md"]]
    assert {SLUG, f"{SLUG}.ics"} <= set(got["runtime"])  # the build derives the browser's runtime from its cases too
    assert f'data-calendar="{SLUG}"' in got["zh"]  # the "add to calendar" button under its result
    assert got["ics"]["ok"] and got["ics"]["events"] == 2 and got["ics"]["filename"] == f"{SLUG}.ics"
    lines = got["ics"]["ics"].split("\r\n")
    assert [x for x in lines if x.startswith(("DTSTART", "SUMMARY"))] == [
        "DTSTART;VALUE=DATE:20270131", "SUMMARY:Pay back rent ¥2\\,000.00",
        "DTSTART;VALUE=DATE:20270228", "SUMMARY:Pay back rent ¥2\\,000.00"]  # ics.py escapes the comma
