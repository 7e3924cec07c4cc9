"""Tests for calculators/negotiation.py: known values, bad inputs, invariants."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import figures, negotiation, repayment
from calculators.money import InputError, round_money
from calculators.views import negotiation as view
from tests.strategies import amounts, as_text

D = Decimal


def run(**form: str) -> negotiation.Result:
    return negotiation.calculate(negotiation.read_form(form))


def option(result: negotiation.Result, key: str) -> negotiation.Option:
    return next(o for o in result.options if o.key == key)


# ---------------------------------------------------------------- known values


def test_defaults():
    # Defaults: 10,000 principal, 18 % a year, 1,000 a month affordable.
    r = run()
    assert r.debt == D(10000)
    # extension: 10,000 × 18 % ÷ 12 × 6 = 900 (bullet interest, rounded once)
    ext = option(r, "extension")
    assert (ext.first, ext.last, ext.total_paid, ext.extra_cost) == (D(0), D("10900.00"), D("10900.00"), D("900.00"))
    # re-instalment: 10,000 at 18 % over 12 months: the textbook 等额本息 payment 916.80
    # (10000 × 0.015 × 1.015^12 ÷ (1.015^12 − 1) = 916.7999…); the last settles the rest.
    re_ = option(r, "reinstalment")
    assert (re_.first, re_.last, re_.total_paid) == (D("916.80"), D("916.81"), D("11001.61"))
    # frozen: 10,000 ÷ 36 = 277.777… → 277.78 × 35 = 9,722.30, last part 277.70
    fr = option(r, "frozen")
    assert (fr.first, fr.last, fr.total_paid, fr.extra_cost) == (D("277.78"), D("277.70"), D("10000.00"), D("0.00"))
    # stay overdue: penalty rate left empty = 18 % × (1 + markup); 10,000 × 27 % × 30 ÷ 360 = 225
    markup = D(figures.entry("bank_penalty_markup")["high"])
    assert r.penalty_rate == D(18) * (100 + markup) / 100
    assert markup == D(50)  # so the 225.00 below is 27 % (figures.toml, bank_penalty_markup.high)
    assert r.delay_cost == D("225.00")
    # only the re-instalment (916.81 at most) and the frozen parts fit 1,000; frozen is cheaper but
    # rarely granted (docs/guides/negotiate.md), so the headline is the re-instalment, frozen the best case
    assert [o.fits for o in r.options] == [False, False, True, True, False]
    assert r.best == "reinstalment" and r.best_case == "frozen"
    # 10,000 ÷ 1,000 = 10 equal parts would each fit exactly
    assert r.parts_needed == 10


def test_worked_example_with_waiver():
    # Module docstring: debt 10,000 + 600 + 400 = 11,000 at 18 % over 12 months:
    # 11000 × 0.015 × 1.015^12 ÷ (1.015^12 − 1) = 1008.48; without penalties, 10,600 → 971.81.
    form = dict(principal="10000", interest="600", penalties="400", annual_rate="18", affordable="1000")
    r = run(**form)
    assert option(r, "reinstalment").first == D("1008.48")
    assert not option(r, "reinstalment").fits
    w = run(**form, waive_penalties="yes")
    re_ = option(w, "reinstalment")
    assert re_.first == D("971.81") and re_.fits
    assert w.reinstal_rows[-1].balance == D("0.00")
    assert sum(x.principal for x in w.reinstal_rows) == D(10600)
    # 11 × 971.81 + 971.78 (last settles the rest) = 11,661.69; extra cost against the 11,000 owed
    # today = 661.69, i.e. 1,061.69 of interest on 10,600 less the 400 waived
    assert (re_.last, re_.total_paid, re_.extra_cost) == (D("971.78"), D("11661.69"), D("661.69"))
    assert sum(x.interest for x in w.reinstal_rows) == D("1061.69")
    # the waived re-instalment (total 11,661.69) is dearer than frozen parts (11,000), but frozen parts are
    # rarely granted: the re-instalment is the headline, frozen the best case beside it
    assert (w.best, w.best_case) == ("reinstalment", "frozen")
    assert r.best is None and (r.needed_option, r.needed_monthly, r.shortfall) == ("reinstalment", D("1008.48"),
                                                                                   D("8.48"))


def test_zero_rate_reinstalment():
    # 21,500 at 0 %: 21500 ÷ 12 = 1791.666… → 1791.67 × 11 = 19,708.37, last 1,791.63
    r = run(principal="20000", interest="1500", reinstal_rate="0", affordable="500")
    re_ = option(r, "reinstalment")
    assert (re_.first, re_.last, re_.total_paid) == (D("1791.67"), D("1791.63"), D("21500.00"))
    assert all(x.interest == 0 for x in r.reinstal_rows)
    # waived and interest-free: 10,000 + 600 repaid against 11,000 owed, 400 less than today's debt
    w = run(principal="10000", interest="600", penalties="400", reinstal_rate="0", waive_penalties="yes")
    assert to_json(w)["options"][2]["extra_cost"] == "-400.00"
    assert "a negative extra cost" in view.render(w, "en")


def test_365_day_basis():
    # 10,000 × 27 % × 30 ÷ 365 = 221.917… → 221.92
    assert run(day_basis="365").delay_cost == D("221.92")
    # a penalty rate typed in is used as it is: 10,000 × 36 % × 90 ÷ 360 = 900
    assert run(penalty_rate="36", overdue_days="90").delay_cost == D("900.00")


def test_pay_now_is_best_when_it_fits():
    r = run(affordable="10000")
    assert r.best == "pay_now"
    assert to_json(r)["best_total_paid"] == "10000.00"
    assert "对方不一定同意" not in view.render(r, "zh")


def test_nothing_fits():
    # 1,000 a month cannot carry 200,000 even in 60 interest-free parts (3,333.33 each)
    r = run(principal="200000", affordable="1000", frozen_months="60", reinstal_months="60")
    d = to_json(r)
    assert r.best is None and d["best_option"] == "none"
    assert "best_monthly" not in d
    # smallest monthly need among the likely options: the 60-month re-instalment at 18 %,
    # 200,000 × 0.015 × 1.015^60 ÷ (1.015^60 − 1) = 5,078.6855 (standard annuity formula) → 5,078.69
    assert (r.needed_option, d["needed_monthly"]) == ("reinstalment", "5078.69")
    assert d["shortfall"] == "4078.69"  # 5,078.69 − 1,000
    assert r.parts_needed is None and d["frozen_parts_needed"] is None
    html = view.render(r, "en")
    assert "Nothing fits ¥1,000.00 a month" in html and "12348" in html
    assert '<a href="../../guides/negotiate/">' in html


def test_nothing_fits_with_zero_budget():
    r = run(affordable="0")
    assert r.best is None and r.parts_needed is None
    assert not any(o.fits for o in r.options)


def test_extension_of_one_month_is_one_payment():
    # 10,000 × 18 % ÷ 12 = 150
    ext = option(run(extension_months="1"), "extension")
    assert ext.first == ext.last == D("10150.00")


def test_tiny_debt_in_many_parts():
    # 0.07 in 12 parts: 0.07 ÷ 12 → 0.01 a part until it runs out; never a negative part
    r = run(principal="0.07", frozen_months="12", reinstal_months="12")
    assert [x.payment for x in r.frozen_rows][:8] == [D("0.01")] * 7 + [D("0.00")]
    assert all(x.payment >= 0 for x in r.frozen_rows + r.reinstal_rows)
    assert sum(x.payment for x in r.frozen_rows) == D("0.07")


def test_schedule_matches_repayment_module():
    # the same 等额本息 convention as repayment.py, row for row
    rows = negotiation.level_schedule(D("11000"), D(18), 24)
    ref = repayment.calculate(repayment.read_form({"principal": "11000", "annual_rate": "18", "months": "24"}))
    assert [(x.payment, x.principal, x.interest, x.balance) for x in rows] == [
        (x.payment, x.principal, x.interest, x.balance) for x in ref.rows]


def test_headline_fields_are_to_dict_keys():
    for form in ({}, {"affordable": "0"}, {"affordable": "50000", "waive_penalties": "yes", "penalties": "300"}):
        r = run(**form)
        d = to_json(r)
        for lang in ("zh", "en"):
            html = view.render(r, lang)
            pairs = re.findall(r'data-field="([^"]+)" data-value="([^"]*)"', html)
            assert pairs
            for field, value in pairs:
                assert d[field] == value, field


def test_render_words_and_notes():
    r = run()
    zh, en = view.render(r, "zh"), view.render(r, "en")
    for word in ("能承受", "超出", "停息挂账", "不是借款人可以要求的权利", "书面", "代理协商", "反催收", "<svg"):
        assert word in zh
    for word in ("within budget", "over budget", "not a right", "in writing", "scam", "<svg"):
        assert word in en
    assert 'data-table="options"' in zh and 'data-table="reinstalment"' in zh and 'data-table="frozen"' in zh


def test_json_shape():
    d = to_json(run())
    assert [o["option"] for o in d["options"]] == list(negotiation.OPTIONS)
    for o in d["options"]:
        assert isinstance(o["fits"], bool)
        assert isinstance(o["months"], int) and isinstance(o["days"], int)
        for key in ("monthly", "last_payment", "largest_payment", "total_paid", "extra_cost"):
            assert isinstance(o[key], str) and re.fullmatch(r"-?\d+\.\d\d", o[key])


def to_json(result: negotiation.Result) -> dict:
    """to_dict through a JSON round trip, as the page receives it."""
    return json.loads(json.dumps(negotiation.to_dict(result), ensure_ascii=False))


# ---------------------------------------------------------------- bad inputs
# The bad inputs a reader types, each with its exact message, are data beside the calculator
# (calculators/cases/negotiation.json); tests/test_registry.py runs them. Here: the rest.


def test_inputs_made_in_code_are_checked():
    with pytest.raises(InputError) as info:
        negotiation.Inputs(principal=D(1000), annual_rate=D(18), affordable=D(100), frozen_months=0)
    assert info.value.field == "frozen_months"


def test_empty_optional_fields_mean_zero_and_contract_rate():
    r = run(interest="", penalties="", penalty_rate="", reinstal_rate="")
    assert r.debt == D(10000)
    assert r.reinstal_rate == D(18)


# ---------------------------------------------------------------- properties


def money(low: int, high: int) -> st.SearchStrategy[str]:
    """Amounts as text, in fen from ``low`` to ``high`` yuan."""
    return as_text(amounts(low, high))


rates = as_text(amounts(0, 1000))  # 0.00 to 1000.00

forms = st.fixed_dictionaries({
    "principal": money(0, 50_000_000).filter(lambda s: D(s) > 0),
    "interest": money(0, 10_000_000) | st.just(""),
    "penalties": money(0, 10_000_000) | st.just(""),
    "annual_rate": rates,
    "penalty_rate": rates | st.just(""),
    "day_basis": st.sampled_from(["360", "365"]),
    "affordable": money(0, 10_000_000),
    "extension_months": st.integers(1, 60).map(str),
    "reinstal_months": st.integers(1, 60).map(str),
    "reinstal_rate": rates | st.just(""),
    "waive_penalties": st.sampled_from(["yes", "no"]),
    "frozen_months": st.integers(1, 60).map(str),
    "overdue_days": st.integers(1, 730).map(str),
})


@settings(max_examples=150, deadline=None)
@given(forms)
def test_invariants(form):
    r = negotiation.calculate(negotiation.read_form(form))
    i = r.inputs
    debt = i.principal + (i.interest or 0) + (i.penalties or 0)
    assert r.debt == debt
    base = debt - (i.penalties or 0) if i.waive_penalties else debt
    for o in r.options:
        # every option pays at least the debt it repays (the waived re-instalment: the debt less penalties)
        repays = base if o.key == "reinstalment" else debt
        assert o.total_paid >= repays, o.key
        assert o.extra_cost == o.total_paid - debt
        assert o.fits == (o.largest <= i.affordable)
        assert o.largest >= max(o.first, o.last)
    # the frozen parts add up to the debt exactly, none negative; both schedules end at 0.00
    assert sum(x.payment for x in r.frozen_rows) == debt
    assert all(x.payment >= 0 for x in r.frozen_rows + r.reinstal_rows)
    assert len(r.frozen_rows) == i.frozen_months and len(r.reinstal_rows) == i.reinstal_months
    assert r.frozen_rows[-1].balance == D("0.00") and str(r.frozen_rows[-1].balance) == "0.00"
    assert r.reinstal_rows[-1].balance == D("0.00") and str(r.reinstal_rows[-1].balance) == "0.00"
    assert sum(x.principal for x in r.reinstal_rows) == base
    for x in r.reinstal_rows + r.frozen_rows:
        assert x.payment == round_money(x.payment)
    # the debt keeps growing while it stays overdue
    assert all(a <= b for a, b in zip(r.growth, r.growth[1:], strict=False))
    assert r.growth[0] == debt and r.growth[-1] == option(r, "stay_overdue").total_paid
    # each day's figure is the debt plus that day's penalty interest, worked out as delay_cost does
    assert list(r.growth) == [debt + negotiation.delay_cost(i.principal, r.penalty_rate, day, r.day_basis)
                              for day in range(i.overdue_days + 1)]
    # the headline is the cheapest plan that fits; with none, the smallest need is reported
    plans = [o for o in r.options if o.key in negotiation.PLANS]
    fitting = [o for o in plans if o.fits]
    likely = [o for o in plans if o.likelihood in ("must", "usually")]
    if fitting:
        assert option(r, r.best_case).total_paid == min(o.total_paid for o in fitting)
    if [o for o in likely if o.fits]:
        assert option(r, r.best).fits and option(r, r.best).likelihood != "rarely"
        assert option(r, r.best).total_paid == min(o.total_paid for o in likely if o.fits)
        assert r.shortfall == 0
    else:
        assert r.best is None
        assert r.shortfall == max(0, r.needed_monthly - i.affordable)
    assert r.needed_monthly == min(o.largest for o in likely)
    if r.parts_needed is not None:
        assert max(x.payment for x in negotiation.equal_parts(debt, r.parts_needed)) <= i.affordable
    # nothing odd in what the page gets
    text = json.dumps(negotiation.to_dict(r), ensure_ascii=False)
    for lang in ("zh", "en"):
        text += view.render(r, lang)
    for bad in ("NaN", "Infinity", "-0.00"):
        assert bad not in text


@settings(max_examples=60, deadline=None)
@given(money(0, 100_000_000).filter(lambda s: D(s) > 0), rates, st.integers(1, 60))
def test_level_schedule_is_repayments(principal, rate, months):
    # the helper here builds exactly the schedule repayment.py builds for 等额本息
    rows = negotiation.level_schedule(D(principal), D(rate), months)
    ref = repayment.calculate(repayment.read_form({"principal": principal, "annual_rate": rate,
                                                   "months": str(months)}))
    assert [(x.payment, x.principal, x.interest, x.balance) for x in rows] == [
        (x.payment, x.principal, x.interest, x.balance) for x in ref.rows]


def test_never_headlines_a_rarely_granted_option():
    # issue 13, item 6: 停息分 36 期 is what the guide says lenders need not grant (docs/guides/negotiate.md,
    # "可以提哪些请求？"). 10,000 at 18 %, 300 a month: only the 36 interest-free parts (277.78) fit.
    r = run(affordable="300")
    assert option(r, "frozen").fits and option(r, "frozen").likelihood == "rarely"
    assert r.best is None and r.best_case == "frozen"
    html = view.render(r, "zh")
    assert 'data-field="best_option" data-value="none"' in html
    assert "最好的情况（对方很少同意）" in html and "停息分 36 期" in html
    # a re-instalment at 0 % is interest frozen by another name: rarely granted too
    z = run(affordable="900", reinstal_rate="0")
    assert option(z, "reinstalment").likelihood == "rarely" and z.best != "reinstalment"


def test_every_option_is_labelled_from_the_guide():
    d = to_json(run())
    assert [o["likelihood"] for o in d["options"]] == ["must", "usually", "usually", "rarely", None]
    html = view.render(run(), "en")
    assert "needs no one&#x27;s consent" in html and "rarely granted" in html
