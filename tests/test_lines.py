"""Tests for calculators/lines.py: which cost line a yearly rate meets, for every contract date.

The rule for private loans (民间借贷), checked against the text of 法释〔2020〕17号 as revised on
2020-12-29 (LawRefBook/Laws, 司法解释/最高人民法院关于审理民间借贷案件适用法律若干问题的规定(2020-12-29).md):

- 第二十五条: courts support interest up to 4 × the one-year LPR "合同成立时" (when the contract was made);
- 第三十一条 第二款: a contract made before 2020-08-20 may have its interest up to 2020-08-19 worked out
  under the interpretation of the time (法释〔2015〕18号 第二十六条: supported up to 24 % a year, void
  above 36 %), and its interest from 2020-08-20 on "适用起诉时本规定的利率保护标准": 4 × the LPR when
  the suit is filed. We cannot know that day: "if filed today", the newest LPR in figures.toml.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from calculators import figures, lines
from calculators.views import lines as view

OLD = dt.date(2019, 6, 1)


def by_name(found: list[lines.Line]) -> dict[str, lines.Line]:
    return {x.name: x for x in found}


def newest_cap() -> Decimal:
    return Decimal(figures.entry("private_lending_cap")["multiple"]) * figures.latest_lpr()[1]


def test_a_2019_private_loan_at_13_percent_is_above_the_line_from_2020_08_20():
    # 4 × the newest LPR (3.00 % from 2025-05-20 in figures.toml: 12.00 %) < 13 %.
    found = by_name(lines.compare(Decimal("13"), OLD, "private"))
    cap = found["judicial_cap"]
    assert cap.rate == newest_cap() == Decimal("12.00")
    assert cap.above and cap.applies and cap.at_filing
    assert (cap.since, cap.lpr_day, cap.lpr) == (dt.date(2020, 8, 20), *figures.latest_lpr())


def test_a_2019_loan_at_13_percent_is_below_the_2015_lines_before_2020_08_20():
    old = by_name(lines.compare(Decimal("13"), OLD, "private"))["rule_2015"]
    assert (old.rate, old.void_rate) == (Decimal("24"), Decimal("36"))
    assert not old.above and not old.void_above and old.applies
    assert old.until == dt.date(2020, 8, 19)


def test_the_old_cap_of_15_40_no_longer_stands_for_a_2019_contract():
    # before: 4 × the LPR of 2020-08-20 (3.85 % → 15.40 %), a line no article gives for these loans
    caps = [x.rate for x in lines.compare(Decimal("13"), OLD) if x.name == "judicial_cap"]
    assert caps == [newest_cap()]


@pytest.mark.parametrize(("rate", "above", "void_above"), [
    ("24", False, False), ("24.01", True, False), ("36", True, False), ("36.5", True, True)])
def test_the_2015_rule_has_two_lines(rate, above, void_above):
    old = by_name(lines.compare(Decimal(rate), OLD))["rule_2015"]
    assert (old.above, old.void_above) == (above, void_above)


@pytest.mark.parametrize(("day", "lpr_day", "cap"), [
    (dt.date(2020, 8, 20), dt.date(2020, 4, 20), "15.40"),  # the first day of the LPR rule: 3.85 %
    (dt.date(2022, 3, 5), dt.date(2022, 1, 20), "14.80"),  # the announcement in force: 3.70 %
    (dt.date(2022, 8, 22), dt.date(2022, 8, 22), "14.60"),  # made on an announcement day: that day's 3.65 %
    (dt.date(2022, 8, 21), dt.date(2022, 1, 20), "14.80"),  # the day before it: still 3.70 %
])
def test_a_contract_from_2020_08_20_on_takes_the_lpr_in_force_when_it_was_made(day, lpr_day, cap):
    found = lines.compare(Decimal("10"), day, "private")
    assert [x.name for x in found] == ["judicial_cap", "line_24", "line_36"]
    assert (found[0].rate, found[0].lpr_day, found[0].at_filing) == (Decimal(cap), lpr_day, False)
    assert found[0].since is None


def test_a_contract_before_the_lpr_series_still_gets_both_parts():
    found = lines.compare(Decimal("20"), dt.date(2015, 1, 1), "private")
    assert [x.name for x in found if x.applies] == ["rule_2015", "judicial_cap"]


def test_only_private_loans_have_the_private_lines_apply():
    for lender, applies in [("bank", ["line_24"]), ("micro_loan", ["line_24"]), (None, []), ("unlicensed", [])]:
        assert [x.name for x in lines.compare(Decimal("13"), OLD, lender) if x.applies] == applies


def test_to_list_says_which_part_of_the_interest_a_line_covers():
    assert lines.to_list(lines.compare(Decimal("13"), OLD))[:2] == [
        {"name": "rule_2015", "rate": "24.00", "above": False, "applies": False, "until": "2020-08-19",
         "void_rate": "36.00", "void_above": False},
        {"name": "judicial_cap", "rate": "12.00", "above": True, "applies": False, "since": "2020-08-20",
         "at_filing": True},
    ]
    assert lines.to_list(lines.compare(Decimal("13"), dt.date(2021, 1, 1)))[0] == {
        "name": "judicial_cap", "rate": "15.40", "above": False, "applies": False}


@pytest.mark.parametrize(("lang", "phrases"), [
    ("zh", ["法释〔2020〕17号第三十一条", "法释〔2015〕18号第二十六条", "13.00% 没有超过 24.00%",
            "按起诉时一年期 LPR 的 4 倍", "12.00%", "13.00% 高于这条线"]),
    ("en", ["Fa Shi [2020] No. 17, art. 31", "Fa Shi [2015] No. 18, art. 26", "13.00% is not above 24.00%",
            "when the suit is filed", "12.00%", "13.00% is above that line"]),
])
def test_the_view_says_both_parts_for_an_older_private_loan(lang, phrases):
    text = " ".join(view.explain(Decimal("13"), lines.compare(Decimal("13"), OLD, "private"), lang, "private"))
    for phrase in phrases:
        assert phrase in text


def test_the_view_places_a_rate_between_24_and_36_under_the_2015_rule():
    text = view.verdict(Decimal("30"), lines.compare(Decimal("30"), OLD, "private"), "private", "zh")
    assert "30.00% 高于 24.00%、没有超过 36.00%" in text


def test_an_older_loan_without_a_lender_gives_the_2015_rule_as_context_only():
    text = view.explain(Decimal("13"), lines.compare(Decimal("13"), OLD), "en")
    assert text[0].startswith("This loan costs about 13.00% a year")
    assert any(t.startswith("For comparison: for a private loan made before 20 August 2020") for t in text)


def test_a_cap_from_the_newest_lpr_says_when_the_lpr_was_last_checked_and_an_older_one_does_not():
    """The figures file is only as new as its last check: a line worked out from its newest LPR says
    so (a later announcement would move it); one from an LPR since replaced needs no such word."""
    checked = figures.entry("lpr_one_year")["checked"]
    newest = by_name(lines.compare(Decimal("13"), OLD, "private"))["judicial_cap"]  # "if filed today"
    older = lines.compare(Decimal("10"), dt.date(2022, 3, 5), "private")[0]  # 3.70 % from 2022-01-20
    assert view.detail(newest, "zh").endswith(
        f"；本站的 LPR 数据核对到 {checked.year}年{checked.month}月{checked.day}日，之后如果 LPR 有调整，这条线也会变")
    assert f"last checked on {checked.day} " in view.detail(newest, "en")
    assert view.detail(older, "zh") == "即 2022年1月20日 起执行的一年期 LPR 3.70% 的 4 倍"
    assert view.detail(older, "en") == "4 × the one-year LPR of 3.70% in force from 20 January 2022"
