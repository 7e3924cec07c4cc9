"""The mutation score of the money and law core, after ``mutmut run`` (``make mutation``).

mutmut (pinned in requirements.lock; configured in pyproject.toml [tool.mutmut]) changes the
eight core modules one small edit at a time (``<`` for ``<=``, ``+ 1`` for ``- 1``, a string for
another) and runs their unit tests against each change. A mutant the tests notice is *killed*; one
they pass is a *survivor*. Every survivor must be either killed by a new test or listed, with the
reason it cannot change behaviour, in tests/mutation-survivors.toml.

    python -m tools.mutation --date 2026-12-06

reads mutmut's results in ./mutants, writes mutation.json (killed/total per module and overall,
and the day measured: the day is passed in, never read from a clock here) for the quality page,
and lists every survivor that the survivors file does not explain. It exits 1 when one is left, or
when the run stopped before checking every mutant (those count as not killed: a lower bound).
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import json
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORE = ROOT / "mutation.json"
SURVIVORS = ROOT / "tests" / "mutation-survivors.toml"
GOAL = 0.90

KILLED = {1, 3}  # pytest: a test failed (1) or pytest stopped with an internal error (3)
SURVIVED = {0, 5, 33}  # the tests passed (0), or no test reached the mutant at all (5, 33: "no tests")
TIMEOUT = {24, -24, 36, 152, 255}  # an endless loop the mutant made: counted as killed by mutmut too


def modules() -> list[str]:
    """The modules mutmut changes, as pyproject.toml lists them."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(data["tool"]["mutmut"]["only_mutate"])


def results(mutants: Path, names: list[str]) -> dict[str, dict[str, int | None]]:
    """{module: {mutant name: exit code}} from mutmut's .meta files."""
    out = {}
    for name in names:
        meta = mutants / (name + ".meta")
        if not meta.is_file():
            raise SystemExit(f"{meta}: no mutmut results; run `make mutation` (mutmut run) first")
        out[name] = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    return out


def score(codes: dict[str, dict[str, int | None]], day: dt.date) -> dict:
    """killed/total per module and overall. A mutant not yet checked (the run was stopped before it)
    counts as not killed and is reported as ``unchecked``: the score is then a lower bound."""
    per_module = {}
    for name, by_key in codes.items():
        unchecked = sum(code is None or code == 2 for code in by_key.values())
        killed = sum(code in KILLED or code in TIMEOUT for code in by_key.values())
        survived = sum(code in SURVIVED for code in by_key.values())
        other = len(by_key) - killed - survived - unchecked
        per_module[name] = {"killed": killed, "survived": survived, "unchecked": unchecked, "other": other,
                            "total": len(by_key)}
    killed = sum(m["killed"] for m in per_module.values())
    total = sum(m["total"] for m in per_module.values())
    unchecked = sum(m["unchecked"] for m in per_module.values())
    return {"measured": day.isoformat(), "tool": "mutmut 3.8.1", "killed": killed, "total": total,
            "unchecked": unchecked, "modules": per_module}


def _function_lines(source: str, function: str, cls: str | None) -> tuple[int, int]:
    """First (decorators included) and last line of a top-level function or a method."""
    tree = ast.parse(source)
    scope = tree.body
    if cls is not None:
        scope = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls).body
    node = next(n for n in scope if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef) and n.name == function)
    first = min([node.lineno] + [d.lineno for d in node.decorator_list])
    return first, node.end_lineno


def describe(key: str, module: str, diff: str, source: str) -> dict:
    """A survivor as the survivors file names it: module, function, the line changed (counted from the
    diff's hunk within the function, so two identical lines in one function are told apart), and the
    line before and after."""
    from mutmut.utils.format_utils import orig_function_and_class_names_from_key

    function, cls = orig_function_and_class_names_from_key(key)
    body = [line for line in diff.splitlines() if not line.startswith(("---", "+++"))]
    removed = [line[1:].strip() for line in body if line.startswith("-")]
    added = [line[1:].strip() for line in body if line.startswith("+")]
    first, _ = _function_lines(source, function, cls)
    line = first
    for text in body:
        if text.startswith("@@"):
            line = first + int(text.split()[1].lstrip("-").split(",")[0]) - 1
        elif text.startswith("-"):
            break
        elif not text.startswith("+"):
            line += 1
    return {"module": module, "function": f"{cls}.{function}" if cls else function, "line": line,
            "was": " / ".join(removed), "now": " / ".join(added), "mutant": key}


def explained(entries: list[dict], survivor: dict) -> bool:
    return any(e["module"] == survivor["module"] and e["function"] == survivor["function"]
               and e["line"] == survivor["line"] and e["was"] == survivor["was"] and e["now"] == survivor["now"] and e.get("reason", "").strip()
               for e in entries)


def survivors_file(path: Path = SURVIVORS) -> list[dict]:
    return tomllib.loads(path.read_text(encoding="utf-8")).get("survivor", []) if path.is_file() else []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--date", required=True, type=dt.date.fromisoformat,
                        help="the day of the run (make mutation passes it)")
    parser.add_argument("--mutants", type=Path, default=ROOT / "mutants")
    args = parser.parse_args(argv)

    names = modules()
    codes = results(args.mutants, names)
    data = score(codes, args.date)

    from mutmut.mutation.diff_apply import get_diff_for_mutant

    entries = survivors_file()
    open_ones = []
    for name, by_key in codes.items():
        source = (ROOT / name).read_text(encoding="utf-8")
        for key, code in sorted(by_key.items()):
            if code in SURVIVED:
                survivor = describe(key, name, get_diff_for_mutant(key, path=name), source)
                if not explained(entries, survivor):
                    open_ones.append(survivor)
    data["unexplained"] = len(open_ones)
    SCORE.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    for name, m in data["modules"].items():
        print(f"{name:28} {m['killed']:4}/{m['total']:<4} killed ({m['killed'] / m['total']:.1%}), "
              f"{m['survived']} survived")
    share = data["killed"] / data["total"]
    print(f"{'overall':28} {data['killed']:4}/{data['total']:<4} killed ({share:.1%}); goal {GOAL:.0%}; "
          f"measured {data['measured']}; written to {SCORE.name}")
    if data["unchecked"]:
        print(f"{data['unchecked']} mutants were not checked (the run stopped before them): the score is a lower "
              "bound; run `make mutation` again to finish")
    if open_ones:
        print(f"\n{len(open_ones)} survivors neither killed by a test nor explained in "
              f"{SURVIVORS.relative_to(ROOT)} (kill each with a test of real behaviour, or add):\n")
        for s in open_ones:
            print("[[survivor]]  # " + s["mutant"])
            for field in ("module", "function", "line", "was", "now"):
                print(f"{field} = {json.dumps(s[field], ensure_ascii=False)}")
            print('reason = ""\n')
        return 1
    return 1 if data["unchecked"] else 0


if __name__ == "__main__":
    sys.exit(main())
