"""Run the tests as if today were another day: ``TEST_TODAY=2028-02-29 make test``.

No test may depend on the day it runs: calculators take "today" from the form or from an
explicit argument (``calculators.web.run(..., today=...)``), and every comparison the tests
make passes a fixed clock (``tools.cases.CLOCK``). This proves it: with ``TEST_TODAY`` set, the
test process (``conftest.py``) and the site build it starts (``python -m tools.clock mkdocs
build ...``) run with their clock moved to that day, 10:00 UTC (18:00 in Beijing, the same date
in both), ticking from there (time-machine). Without it, nothing changes.

    TEST_TODAY=2027-12-06 make test
    TEST_TODAY=2028-02-29 make test
"""

from __future__ import annotations

import datetime as dt
import os
import runpy
import sys

VARIABLE = "TEST_TODAY"


def moved_day() -> dt.date | None:
    """The day ``TEST_TODAY`` names, or None; a malformed value stops the run with its reason."""
    text = os.environ.get(VARIABLE, "").strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise SystemExit(f"{VARIABLE}={text!r}: write a date as YYYY-MM-DD, e.g. 2028-02-29") from None


def travel():
    """Move this process's clock to ``TEST_TODAY`` (if set) and return the traveller, else None."""
    day = moved_day()
    if day is None:
        return None
    import time_machine  # test dependency, pinned in requirements.lock

    traveller = time_machine.travel(dt.datetime.combine(day, dt.time(10, 0), tzinfo=dt.UTC), tick=True)
    traveller.start()
    return traveller


if __name__ == "__main__":
    # python -m tools.clock MODULE ARGS...: run MODULE as __main__ under the moved clock.
    if len(sys.argv) < 2:
        raise SystemExit("usage: python -m tools.clock MODULE [ARGS...]")
    travel()
    module = sys.argv[1]
    sys.argv = [module, *sys.argv[2:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)
