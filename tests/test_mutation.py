"""`make mutation`: the score tools/mutation.py computes from mutmut's results, the survivors file
that explains every mutant the tests let through, and how the quality page shows the score.
Nothing here runs mutmut (that takes an hour); the results are made up or the committed ones."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from macros import quality
from tools import mutation

DAY = dt.date(2026, 12, 6)


def _meta(tmp_path, name, codes):
    path = tmp_path / (name + ".meta")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"exit_code_by_key": codes}), encoding="utf-8")


def test_the_score_counts_failed_tests_and_timeouts_as_killed_and_passing_or_untested_ones_as_survived(tmp_path):
    _meta(tmp_path, "calculators/a.py", {"a.x_f__mutmut_1": 1, "a.x_f__mutmut_2": 0, "a.x_f__mutmut_3": 36,
                                         "a.x_f__mutmut_4": 3, "a.x_f__mutmut_5": 33})
    _meta(tmp_path, "calculators/b.py", {"b.x_g__mutmut_1": 0, "b.x_g__mutmut_2": 5, "b.x_g__mutmut_3": -11})
    codes = mutation.results(tmp_path, ["calculators/a.py", "calculators/b.py"])
    data = mutation.score(codes, DAY)
    assert data["modules"]["calculators/a.py"] == {"killed": 3, "survived": 2, "unchecked": 0, "other": 0, "total": 5}
    assert data["modules"]["calculators/b.py"] == {"killed": 0, "survived": 2, "unchecked": 0, "other": 1, "total": 3}
    assert (data["killed"], data["total"], data["measured"]) == (3, 8, "2026-12-06")


@pytest.mark.parametrize("code", [None, 2])
def test_a_mutant_the_run_did_not_reach_counts_as_missed_and_is_reported(tmp_path, code):
    _meta(tmp_path, "calculators/a.py", {"a.x_f__mutmut_1": 1, "a.x_f__mutmut_2": code})
    data = mutation.score(mutation.results(tmp_path, ["calculators/a.py"]), DAY)
    assert (data["killed"], data["total"], data["unchecked"]) == (1, 2, 1)
    assert data["modules"]["calculators/a.py"]["unchecked"] == 1
    for lang, words in (("zh", "还有 **1** 处没有检查"), ("en", "**1** were not checked and count as missed")):
        assert words in quality.mutation_score(lang, {**data, "unexplained": 0})
        assert words not in quality.mutation_score(lang, {**data, "unchecked": 0, "unexplained": 0})


def test_a_survivor_is_described_by_its_module_function_line_and_change():
    source = "def f(x):\n    y = x + 1\n    return y\n\n\nclass C:\n    def m(self):\n        return 1 <= 2\n"
    diff = "--- a\n+++ a\n@@ -1,3 +1,3 @@\n def f(x):\n-    y = x + 1\n+    y = x - 1\n     return y"
    s = mutation.describe("calculators.a.x_f__mutmut_3", "calculators/a.py", diff, source)
    assert (s["function"], s["line"], s["was"], s["now"]) == ("f", 2, "y = x + 1", "y = x - 1")
    diff = "@@ -1,2 +1,2 @@\n def m(self):\n-    return 1 <= 2\n+    return 1 < 2"
    s = mutation.describe("calculators.a.xǁCǁm__mutmut_1", "calculators/a.py", diff, source)
    assert (s["function"], s["line"], s["was"], s["now"]) == ("C.m", 8, "return 1 <= 2", "return 1 < 2")
    entry = {"module": "calculators/a.py", "function": "C.m", "line": 8, "was": "return 1 <= 2", "now": "return 1 < 2"}
    assert mutation.explained([{**entry, "reason": "the two sides are never equal"}], s)
    assert not mutation.explained([{**entry, "reason": "  "}], s), "an entry without a reason explains nothing"
    assert not mutation.explained([{**entry, "now": "return 1 > 2", "reason": "x"}], s)
    assert not mutation.explained([{**entry, "line": 9, "reason": "x"}], s)


def test_two_identical_lines_in_one_function_are_told_apart_by_their_line():
    source = "def f(x):\n    if x:\n        raise E(\n            key,\n        )\n    raise E(\n        key,\n    )\n"
    diff = "@@ -4,4 +4,4 @@\n             key,\n         )\n     raise E(\n-        key,\n+        None,\n     )"
    s = mutation.describe("calculators.a.x_f__mutmut_9", "calculators/a.py", diff, source)
    assert (s["line"], s["was"], s["now"]) == (7, "key,", "None,")


def test_every_listed_survivor_names_a_mutated_module_a_line_of_it_and_why_it_changes_nothing():
    names = set(mutation.modules())
    entries = mutation.survivors_file()
    for e in entries:
        where = f"{e.get('module')}:{e.get('line')}"
        assert e["module"] in names, where
        lines = (mutation.ROOT / e["module"]).read_text(encoding="utf-8").splitlines()
        assert 1 <= e["line"] <= len(lines), where
        assert e["was"] and e["was"] != e["now"], where
        assert len(e["reason"].split()) >= 5, f"{where}: say why this change cannot alter any result"


def test_the_committed_score_covers_the_eight_core_modules_and_adds_up():
    data = json.loads(mutation.SCORE.read_text(encoding="utf-8"))
    assert list(data["modules"]) == mutation.modules()
    assert data["killed"] == sum(m["killed"] for m in data["modules"].values())
    assert data["total"] == sum(m["total"] for m in data["modules"].values())
    dt.date.fromisoformat(data["measured"])
    assert data["unchecked"] == 0 and data["unexplained"] == 0, "the committed run checked and explained every mutant"
    listed = len(mutation.survivors_file())
    assert listed == sum(m["survived"] for m in data["modules"].values()), "one survivors-file entry per survivor"


SCORE = {"measured": "2026-12-06", "tool": "mutmut 3.8.1", "killed": 1850, "total": 1900, "unexplained": 0,
         "modules": {"calculators/money.py": {"killed": 400, "survived": 11, "other": 0, "total": 411},
                     "calculators/ics.py": {"killed": 1450, "survived": 39, "other": 0, "total": 1489}}}


@pytest.mark.parametrize("lang, heading, line, total", [
    ("zh", "## 变异测试：故意改错代码，测试能不能发现", "| `calculators/money.py` | 400 | 411 | 97.3% |",
     "| **合计** | **1,850** | **1,900** | **97.4%** |"),
    ("en", "## Mutation testing: do the tests notice when the code is wrong?",
     "| `calculators/money.py` | 400 | 411 | 97.3% |", "| **all** | **1,850** | **1,900** | **97.4%** |"),
])
def test_the_quality_page_shows_the_mutation_score_per_module_and_the_day_it_was_measured(lang, heading, line,
                                                                                          total):
    text = quality.mutation_score(lang, SCORE)
    assert text.startswith(heading + "\n")
    assert line in text.splitlines() and total in text.splitlines()
    assert "2026-12-06" in text and "1,900" in text and "97.4%" in text
    assert ("没被发现的 50 处，每一处都在 `tests/mutation-survivors.toml` 里写明了为什么" if lang == "zh" else
            "Each of the 50 changes they missed is listed in `tests/mutation-survivors.toml`") in text
    assert "没有解释" not in text and "not explained" not in text
    open_ones = quality.mutation_score(lang, {**SCORE, "unexplained": 3})
    assert ("没被发现的 50 处里，还有 **3** 处没有解释" if lang == "zh" else
            "Of the 50 changes they missed, **3** are not explained yet") in open_ones
    assert "mutation-survivors.toml" not in open_ones


def test_the_quality_page_says_when_no_mutation_run_is_recorded(tmp_path, monkeypatch):
    monkeypatch.setattr(quality, "MUTATION", tmp_path / "none.json")
    assert "`make mutation`" in quality.mutation_score("zh")
    assert "No mutation run recorded yet" in quality.mutation_score("en")
