"""The dates of calculators/figures.toml: every section says when it was confirmed (`checked`) and when to
confirm it again (`recheck`); a section past its re-check date is listed (quality page, build output,
`make test`/`make quality`) and never fails anything. Every day here is fixed: no test reads the clock."""

from __future__ import annotations

import datetime as dt
import tomllib

import pytest

from calculators import figures

D = dt.date
# A small figures file of our own: one fact due on the fixed day, one not yet, one due on that very day.
SECTIONS = tomllib.loads("""
[old_rate]
checked = 2026-02-24
recheck = 2026-05-24
source_zh = "某公告"
source_en = "An announcement"

[new_rule]
checked = 2026-11-30
recheck = 2027-11-30
source_zh = "某规定"
source_en = "A rule"

[today_rule]
checked = 2025-12-06
recheck = 2026-12-06
""")
DAY = D(2026, 12, 6)


def test_every_section_of_figures_toml_has_its_checked_and_recheck_dates():
    problems = figures.undated()
    assert not problems, "\n".join(problems)


def test_a_section_without_its_dates_fails_by_name():
    sections = tomllib.loads('[bare]\nrate = "3"\n[half]\nchecked = 2026-01-01\n'
                             '[quoted]\nchecked = "2026-01-01"\nrecheck = 2026-04-01\n'
                             '[backwards]\nchecked = 2026-04-01\nrecheck = 2026-01-01\n')
    assert figures.undated(sections) == [
        "figures.toml [bare]: no 'checked': add checked = YYYY-MM-DD (the day its figures were confirmed)",
        "figures.toml [bare]: no 'recheck': add recheck = YYYY-MM-DD (the day to confirm them again)",
        "figures.toml [half]: no 'recheck': add recheck = YYYY-MM-DD (the day to confirm them again)",
        "figures.toml [quoted]: 'checked' is '2026-01-01', not a date: write it as YYYY-MM-DD, unquoted",
        "figures.toml [backwards]: recheck 2026-01-01 is not after checked 2026-04-01",
    ]


def test_a_fact_past_its_recheck_date_is_listed_and_one_not_yet_due_is_not():
    assert figures.due(DAY, SECTIONS) == [("old_rate", D(2026, 2, 24), D(2026, 5, 24))]
    # the re-check day itself is still in time; the day after, it is due
    assert figures.due(D(2026, 12, 7), SECTIONS) == [("old_rate", D(2026, 2, 24), D(2026, 5, 24)),
                                                     ("today_rule", D(2025, 12, 6), D(2026, 12, 6))]
    assert figures.due(D(2026, 5, 24), SECTIONS) == []


@pytest.mark.parametrize("lang, heading, old, new", [
    ("zh", "## 到了复核日期的数据", "| `old_rate` | 某公告 | 2026-02-24 | 2026-05-24 |", "new_rule"),
    ("en", "## Facts past their re-check date", "| `old_rate` | An announcement | 2026-02-24 | 2026-05-24 |",
     "new_rule"),
])
def test_the_quality_page_lists_the_facts_past_their_recheck_date(lang, heading, old, new):
    from macros import quality

    text = quality.due_facts(lang, DAY, SECTIONS)
    assert text.startswith(heading)
    assert "2026-12-06" in text  # the day the page was built, said on the page
    assert old in text
    assert new not in text and "today_rule" not in text
    quiet = quality.due_facts(lang, D(2026, 5, 1), SECTIONS)
    assert "`old_rate`" not in quiet and "|" not in quiet


def test_the_quality_page_names_the_due_facts_of_the_real_file_on_a_fixed_day():
    from macros import quality

    # far enough ahead that every real fact is due, whatever its dates: the page lists each by name
    text = quality.report("en", D(2100, 1, 1))
    for name in figures.data():
        assert f"| `{name}` |" in text


def test_the_build_warns_but_never_fails_for_a_past_recheck_date():
    from hooks import figures as hook

    lines = hook.notices(DAY, SECTIONS)
    assert lines == ["warning: figures.toml [old_rate]: last confirmed 2026-02-24, re-check was due 2026-05-24: "
                     "confirm it against its source, then update checked and recheck"]
    # printed beside mkdocs' log, never through it: --strict fails on mkdocs' own WARNING lines only
    assert all("WARNING" not in line for line in lines)
    assert hook.notices(D(2026, 5, 1), SECTIONS) == []
    assert hook.notices(DAY, {"bare": {}})[0].startswith("warning: figures.toml [bare]: no 'checked'")


def test_the_on_post_build_hook_prints_to_stderr_and_returns(monkeypatch, capsys):
    from hooks import figures as hook

    real = hook.notices
    monkeypatch.setattr(hook, "build_day", lambda: DAY)  # the build's day, fixed
    monkeypatch.setattr(hook, "notices", lambda today, sections=None: real(today, SECTIONS))
    monkeypatch.setattr(hook, "_last", None)
    config = type("Config", (), {})()
    assert hook.on_post_build(config) is None
    assert hook.on_post_build(config) is None  # the second build of the same site (i18n) says nothing again
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err == ("warning: figures.toml [old_rate]: last confirmed 2026-02-24, re-check was due 2026-05-24: "
                       "confirm it against its source, then update checked and recheck\n")
