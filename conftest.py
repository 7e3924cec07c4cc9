"""Root pytest plugin: the moved clock of ``TEST_TODAY`` (tools/clock.py) and the
quality report (it sees every test, doctests included)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent


def pytest_configure(config):
    """``TEST_TODAY=YYYY-MM-DD``: the whole run happens on that day (tools/clock.py)."""
    from tools import clock

    clock.travel()


@pytest.fixture(autouse=True)
def _fields_read_afresh():
    """Each test reads its fields afresh: a text remembered by an earlier test (calculators.fields.parsed)
    would answer for the reading code, and mutation testing would not see a change made there (mutmut
    forks every mutant's run from a process that has run the tests once)."""
    from calculators import fields

    fields._PARSED.clear()


def pytest_addoption(parser):
    parser.addoption(
        "--max-examples", type=int, default=None,
        help="at most this many generated inputs per property test (`make mutation` only: it runs the "
             "core's tests once per mutant; every other run keeps each test's own number)")


def pytest_report_header(config):
    from tools import clock

    day = clock.moved_day()
    return f"clock moved to {day.isoformat()} (TEST_TODAY)" if day else None

# ---- The quality report: figures from this test run ----------------------------
# `make quality` sets QUALITY_REPORT=1: after a passing run of the whole suite,
# the number of generated cases each property test ran, the failure modes the
# browser tests cover, and the totals are written to quality.json, which the
# "quality" page of the site shows; it is committed, so the published page shows
# a recorded run. `make test` leaves it alone. Nothing there is typed by hand.

import datetime as _dt  # noqa: E402
import json as _json  # noqa: E402

_EXAMPLES: dict[str, int] = {}
_PASSED: dict[str, int] = {}


def _first_line(obj) -> str:
    doc = (getattr(obj, "__doc__", None) or "").strip()
    return " ".join(doc.split("\n\n")[0].split())


def pytest_collection_modifyitems(session, config, items):
    cap = config.getoption("--max-examples", default=None)
    for item in items:
        if cap is not None:
            _cap_examples(item, cap)
        if not hasattr(item, "module") or not hasattr(item, "originalname"):
            continue  # doctests
        handle = getattr(getattr(item, "obj", None), "hypothesis", None)
        if handle is None or getattr(handle.inner_test, "_counting", False):
            continue
        inner = handle.inner_test
        key = f"{item.module.__name__.split('.')[-1]}::{item.originalname}"

        def counting(*args, _inner=inner, _key=key, **kwargs):
            _EXAMPLES[_key] = _EXAMPLES.get(_key, 0) + 1
            return _inner(*args, **kwargs)

        counting._counting = True
        handle.inner_test = counting


def _cap_examples(item, cap: int) -> None:
    """Lower a property test's number of generated inputs to ``cap`` (hypothesis keeps a test's
    settings on the test function; ``@settings(max_examples=...)`` there would otherwise win)."""
    from hypothesis import settings

    test = getattr(item, "obj", None)
    current = getattr(test, "_hypothesis_internal_use_settings", None)
    if current is not None and current.max_examples > cap:
        test._hypothesis_internal_use_settings = settings(current, max_examples=cap)


def pytest_runtest_logreport(report):
    if report.when == "call" and report.passed:
        group = report.nodeid.split("::")[0]
        _PASSED[group] = _PASSED.get(group, 0) + 1


def pytest_sessionfinish(session, exitstatus):
    if os.environ.get("QUALITY_REPORT") != "1" or exitstatus != 0:
        return
    properties, browser = [], []
    seen = set()
    for item in session.items:
        if not hasattr(item, "module") or not hasattr(item, "originalname"):
            continue  # doctests
        name = f"{item.module.__name__.split('.')[-1]}::{item.originalname}"
        if name in seen:
            continue
        seen.add(name)
        if name in _EXAMPLES:
            properties.append({"test": name, "checks": _first_line(item.obj), "cases": _EXAMPLES[name]})
        elif item.get_closest_marker("browser"):
            browser.append({"test": name, "checks": _first_line(item.obj)})
    data = {
        "run": _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "tests_passed": sum(_PASSED.values()),
        "tests_by_file": dict(sorted(_PASSED.items())),
        "generated_cases": sum(_EXAMPLES.values()),
        "properties": properties,
        "browser": browser,
    }
    try:
        (ROOT / "quality.json").write_text(_json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    except OSError:
        pass  # a read-only checkout: the report is a by-product, never a reason to fail


def pytest_terminal_summary(terminalreporter):
    """Pages reviewed more than 12 months ago, and facts of calculators/figures.toml past their re-check
    date (the same lines the build prints): listed as warnings for editors, not failures. This is the run's
    report, not a test: it uses the run's day (moved by TEST_TODAY)."""
    try:
        from tools import content
    except ImportError:
        return
    today = _dt.date.today()
    stale = [str(p) for path in content.pages() for p in content.stale(path, today)]
    if stale:
        terminalreporter.section("pages to review again")
        for line in stale:
            terminalreporter.write_line(f"warning: {line}")
    try:
        from calculators import figures
    except ImportError:
        return
    due = [f"figures.toml [{name}]: last confirmed {checked.isoformat()}, re-check was due {recheck.isoformat()}"
           for name, checked, recheck in figures.due(today)]
    if due:
        terminalreporter.section("facts past their re-check date (calculators/figures.toml)")
        for line in due:
            terminalreporter.write_line(f"warning: {line}")
