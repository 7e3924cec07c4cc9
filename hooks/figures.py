"""A fact of calculators/figures.toml past its re-check date: a warning in the build's output, never a failure.

Each section of figures.toml records when it was last confirmed (`checked`) and when to confirm it
again (`recheck`). After a build, every section whose `recheck` is before the build's day is printed
to stderr as ``warning: figures.toml [section]: ...``, in the same form as the content checks'
warnings (tools/content.py). It goes around mkdocs' logger on purpose: `--strict` fails on every
mkdocs WARNING, and a fact awaiting its re-check must never stop a build or a deploy. The quality
page lists the same facts (macros/quality.py). The day is the build's own: under ``TEST_TODAY``
(tools/clock.py) it is the moved day.
"""

from __future__ import annotations

import datetime as dt
import sys
import weakref

from mkdocs.config.defaults import MkDocsConfig

_last: weakref.ref[MkDocsConfig] | None = None  # one notice per site build (i18n builds twice with one config)


def notices(today: dt.date, sections: dict | None = None) -> list[str]:
    """The warning lines for ``today``: sections without their dates, then sections past their re-check date."""
    from calculators import figures  # imported afresh on every build (hooks/reload.py)

    lines = [f"warning: {problem}" for problem in figures.undated(sections)]
    lines += [f"warning: figures.toml [{name}]: last confirmed {checked.isoformat()}, re-check was due "
              f"{recheck.isoformat()}: confirm it against its source, then update checked and recheck"
              for name, checked, recheck in figures.due(today, sections)]
    return lines


def build_day() -> dt.date:
    """The day of this build (the only place this hook reads the clock; tests replace it)."""
    return dt.date.today()


def on_post_build(config: MkDocsConfig) -> None:
    global _last
    if _last is not None and _last() is config:
        return
    _last = weakref.ref(config)
    for line in notices(build_day()):
        print(line, file=sys.stderr)
