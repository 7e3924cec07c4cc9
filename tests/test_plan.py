"""My action plan (issue 24 item 4): the model composed of the checklist, payoff and the letters."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import checklist, negotiation, payoff, plan, web, wording
from calculators.money import InputError

TODAY = dt.date(2026, 12, 1)
THREE_DEBTS = [
    {"name": "卡", "kind": "card", "lender": "bank", "balance": "3000", "annual_rate": "18", "minimum": "300"},
    {"name": "网贷B", "lender": "micro_loan", "balance": "8000", "annual_rate": "36", "minimum": "500",
     "days_overdue": "40", "contact": "third_parties"},
    {"name": "网贷C", "lender": "consumer_finance", "balance": "15000", "annual_rate": "24", "minimum": "1400",
     "papers": "payment_order", "papers_date": "2026-11-25"},
]


def situation(**over) -> plan.Result:
    form = {"income": "4000", "essentials": "2200", "household": "3", "debts": THREE_DEBTS, **over}
    return plan.calculate(plan.read_form(form, TODAY))


@given(st.integers(0, 10**9), st.lists(st.integers(1, 10**9), min_size=1, max_size=10))
def test_pro_rata_shares_add_up_to_the_money_to_the_fen(fen, weights):
    amount = Decimal(fen) / 100
    weights = [Decimal(w) / 100 for w in weights]
    shares = plan.pro_rata(amount, weights)
    assert sum(shares) == amount
    total = sum(weights)
    for share, weight in zip(shares, weights, strict=True):
        assert share >= 0 and share == share.quantize(Decimal("0.01"))
        assert abs(share - amount * weight / total) < Decimal("0.01")  # within a fen of the exact share


def test_a_payment_order_and_a_shortfall():
    r = situation()
    assert (r.money, r.minimums, r.shortfall) == (Decimal("1800"), Decimal("2200"), Decimal("400"))
    # the debt in court is kept safe first; the pro-rata offer shares the same 1,800 by what is owed
    assert [s.index for s in r.shares][0] == 2
    assert sum(s.paid for s in r.shares) == Decimal("1800")
    assert r.pro_rata == (Decimal("207.69"), Decimal("553.85"), Decimal("1038.46"))
    # the payment order's deadline is the checklist's, counted from the day after receipt
    first = r.steps[0]
    expected = checklist.calculate(checklist.Inputs(papers="payment_order", papers_date=dt.date(2026, 11, 25),
                                                    today=TODAY))
    assert (first.key, first.debt) == ("object_payment_order", 2)
    assert first.deadline == expected.steps[0].deadline == dt.date(2026, 12, 10)
    assert first.days_left == 9
    assert "negotiate_shortfall" in [s.key for s in r.steps]


def test_each_debt_gets_the_letter_that_fits_it_and_each_letter_reads_its_form():
    r = situation()
    letters = [(x.slug, x.debt) for x in r.letters]
    assert letters == [("card-instalments", 0), ("negotiation-letter", 1), ("stop-contact", 1),
                       ("negotiation-letter", 2), ("hardship-statement", None)]
    negotiation = dict(r.letters[1].form)
    assert negotiation["owed"] == "8000.00" and negotiation["monthly"] == "553.85"
    assert negotiation["lender_kind"] == "micro_loan"  # so the letter's cautions about who lent apply
    assert negotiation["other_debts"] == "1700.00"  # the other two minimums: 300 + 1,400
    for letter in r.letters:
        reply = web.compute(letter.slug, {**letter.form}, "zh", today=TODAY)
        assert reply["ok"], (letter.slug, reply)


def test_no_letter_goes_to_an_unlicensed_lender():
    debts = [{**THREE_DEBTS[1], "lender": "unlicensed", "contact": "threats"}]
    r = situation(debts=debts)
    assert [x.slug for x in r.letters if x.debt == 0] == []
    keys = [s.key for s in r.steps]
    assert keys[0] == "report_threats" and "unlicensed_lender" in keys


def test_when_the_money_covers_the_minimums_it_follows_payoff():
    r = situation(income="9000")
    debts = tuple(d.for_payoff() for d in r.inputs.debts)
    expected = payoff.simulate(debts, Decimal("6800"), "avalanche")
    assert not r.short and r.this_month == expected.payments[0] and r.months == expected.months
    assert sum(r.this_month) == Decimal("6800")
    assert "plan_payoff" in [s.key for s in r.steps]
    # nobody is behind: no letter asks for new terms
    debts_on_time = [{k: v for k, v in d.items() if k not in ("days_overdue", "papers", "papers_date")}
                     for d in THREE_DEBTS]
    assert [x.slug for x in situation(income="9000", debts=debts_on_time).letters] == ["stop-contact"]


def test_a_debts_paper_error_is_shown_next_to_that_debts_field():
    debts = [THREE_DEBTS[0], {**THREE_DEBTS[2], "papers_date": ""}]
    with pytest.raises(InputError) as e:
        situation(debts=debts)
    assert e.value.field == "debts.1.papers_date"
    assert "收到文书的日期" in e.value.message["zh"]


def test_the_plan_as_json_carries_money_as_text():
    data = plan.to_dict(situation())
    assert data["shortfall"] == "400.00" and data["pro_rata"] == ["207.69", "553.85", "1038.46"]
    assert data["first_deadline"] == "2026-12-10"
    assert data["letters"][-1] == {"slug": "hardship-statement", "form": {
        "household": "3", "wages": "4000.00", "other_essentials": "2200.00", "debt1_name": "网贷C",
        "debt1_monthly": "1400.00", "debt2_name": "网贷B", "debt2_monthly": "500.00", "debt3_name": "卡",
        "debt3_monthly": "300.00"}}


@pytest.mark.parametrize("slug", [*(m.SLUG for m, _ in plan.FILLS), "negotiation-letter", "card-instalments", "stop-contact",
                                  "hardship-statement"])
def test_every_tool_fills_from_the_situation_and_reads_what_it_gets(slug):
    r = situation()
    # the page sets what the fill gives over what its form holds (its own starting text)
    form = {f.name: f.default for f in web.REGISTRY[slug].model.FIELDS if f.default is not None}
    form.update(plan.fill(slug, r))
    reply = web.compute(slug, form, "en", today=TODAY)
    assert reply["ok"], (slug, form, reply)


def test_the_line_check_gets_who_lent_and_keeps_the_loans_own_terms():
    r = situation()
    assert plan.fill("apr", r) == {"lender": "consumer_finance"}  # the debt in court comes first
    assert plan.fill("apr", r, 0) == {"lender": "bank"}
    bare = plan.calculate(plan.read_form({"income": "4000", "essentials": "2200", "debts": [
        {"balance": "5000", "minimum": "300"}]}, TODAY))
    assert plan.fill("apr", bare) == {"lender": "unknown"}


def test_a_one_debt_tool_opens_with_the_debt_that_needs_it_first():
    r = situation()
    # money is short: the debt in court comes first; its papers go to the checklist
    assert plan.fill("negotiation", r)["principal"] == "15000.00"
    checklist_form = plan.fill("checklist", r)
    assert (checklist_form["papers"], checklist_form["papers_date"]) == ("payment_order", "2026-11-25")
    assert checklist_form["credit_card"] == "yes" and checklist_form["threats"] == "yes"
    # another debt on request; its pro-rata share is what it can be offered
    assert plan.fill("negotiation", r, debt=1) == {"principal": "8000.00", "annual_rate": "36",
                                                   "affordable": "553.85"}
    assert plan.fill("overdue-cost", r, debt=1) == {"overdue_principal": "8000.00", "days_overdue": "40",
                                                    "daily_rate": "", "annual_rate": "36"}
    with pytest.raises(InputError):
        plan.fill("negotiation", r, debt=3)
    with pytest.raises(InputError):
        plan.fill("complaint", r)  # nobody threatened: the plan suggests no complaint to fill


def test_the_plan_page_shows_steps_money_and_letters_that_open_filled():
    from calculators.views import plan as view

    r = situation()
    html = view.render(r, "zh")
    assert html.index('data-step-key="object_payment_order"') < html.index('data-step-key="negotiate_shortfall"')
    assert "网贷C：对支付令有异议" in html
    assert 'data-value="1038.46">1,038.46</td>' in html  # the pro-rata offer, money as the tables show it
    # each letter link carries its filled form for the tap (plan.js puts it in the fragment)
    assert html.count("data-carry=") == len(r.letters) + len(plan.FILLS)
    assert "&quot;debts.0.balance&quot;,&quot;3000.00&quot;" in html  # payoff's rows, named as its page names them


def test_a_letter_to_a_lender_already_in_court_says_to_answer_the_court_first():
    from calculators.views import plan as view

    # 网贷C has a payment order and is offered a negotiation letter: the plan says the court comes first
    html = view.render(situation(), "zh")
    caution = "网贷C已经到了法院、仲裁或执行这一步：先按上面的期限回应"
    assert caution in html and "只写在给对方的信里不算" in html
    assert html.index('class="calc-plan-letters"') < html.index(caution)
    en = view.render(situation(), "en")
    assert "网贷C: already in court, arbitration or enforcement. Answer first" in en
    # no papers anywhere: no such caution
    debts = [{k: v for k, v in d.items() if not k.startswith("papers")} for d in THREE_DEBTS]
    assert "已经到了法院" not in view.render(situation(debts=debts), "zh")


def test_the_english_plan_has_no_chinese_but_the_names_typed():
    from calculators.views import plan as view

    debts = [{**d, "name": f"Debt{n}"} for n, d in enumerate(THREE_DEBTS)]
    html = view.render(situation(debts=debts), "en")
    text = re.sub(r"<[^>]+>", " ", html)
    assert re.findall(r"[\u4e00-\u9fff]+", text) == []



def test_every_letter_the_plan_suggests_has_its_pages_name():
    from calculators.views import plan as view
    from tools import names

    for slug, (zh, en) in view.LETTER_NAMES.items():
        assert web.calculator(slug)  # a letter the site has
        assert zh in names.names(f"letters/{slug}.md", "zh") and en in names.names(f"letters/{slug}.md", "en")


# ---- a result saved back, the chosen order, payments in the calendar (issue 24 items 3 and 4) ----

STAMP = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
ENOUGH = {"income": "6000", "essentials": "2200", "debts": [
    {"name": "A", "balance": "3000", "annual_rate": "18", "minimum": "300"},
    {"name": "B", "balance": "8000", "annual_rate": "36", "minimum": "500", "days_overdue": "20"}]}


def _apply(pairs, row: int, form: dict) -> dict:
    """What situation.js does with a saved block: the pairs replace those fields of one debt's row."""
    debts = [dict(d) for d in form["debts"]]
    debts[row].update(dict(pairs))
    return {**form, "debts": debts}


def test_the_order_chosen_on_payoff_is_kept_and_the_plan_follows_it():
    budget = {"budget": "3800", "debts": [{k: d[k] for k in ("name", "balance", "annual_rate", "minimum")}
                                         for d in ENOUGH["debts"]]}
    for order in ("avalanche", "snowball"):
        chosen = payoff.calculate(payoff.read_form({**budget, "strategy": order}))
        saved = dict(plan.saved_order(chosen))
        assert saved == {"order": order}
        r = plan.calculate(plan.read_form({**ENOUGH, **saved}, TODAY))
        assert r.this_month == chosen.rows[0].payments and r.months == chosen.months  # payoff's own plan
        assert r.payoff_plan.payments == payoff.simulate(tuple(d.for_payoff() for d in r.inputs.debts),
                                                         r.money, order).payments
    avalanche = plan.calculate(plan.read_form(ENOUGH, TODAY))
    snowball = plan.calculate(plan.read_form({**ENOUGH, "order": "snowball"}, TODAY))
    assert avalanche.this_month != snowball.this_month  # B (36 %) first, then A (the smaller) first
    assert avalanche.this_month[1] > snowball.this_month[1]


def test_an_agreed_plan_saved_from_negotiation_becomes_that_debts_minimum_and_needs_no_letter():
    before = plan.calculate(plan.read_form(ENOUGH, TODAY))
    assert [x.slug for x in before.letters if x.debt == 1] == ["negotiation-letter"]  # B is overdue
    agreed = negotiation.calculate(negotiation.read_form({"principal": "8000", "affordable": "400"}))
    pairs = plan.saved_agreement(agreed)
    asked = negotiation.letter_plan(agreed)
    assert dict(pairs) == {"balance": "8000.00", "annual_rate": "0", "minimum": asked["monthly"], "agreed": "yes"}
    after = plan.calculate(plan.read_form(_apply(pairs, 1, ENOUGH), TODAY))
    assert after.inputs.debts[1].minimum == Decimal(asked["monthly"]) and after.inputs.debts[1].agreed
    assert not [x for x in after.letters if x.debt == 1]
    html = web.compute("plan", _apply(pairs, 1, ENOUGH), "en", today=TODAY)["html"]
    assert "B (agreed)" in html and "no letter asking for a plan is suggested" in html


def test_a_reinstalment_with_penalties_waived_is_saved_without_them_and_paying_in_full_saves_nothing():
    r = negotiation.calculate(negotiation.read_form({"principal": "10000", "penalties": "600", "annual_rate": "12",
                                                      "affordable": "1000", "reinstal_months": "12",
                                                      "waive_penalties": "yes"}))
    assert negotiation.letter_plan(r)["plan"] == "reinstalment"
    saved = dict(plan.saved_agreement(r))
    assert saved["balance"] == "10000.00" and saved["annual_rate"] == "12"  # the debt less the 600 waived
    assert saved["minimum"] == negotiation.letter_plan(r)["monthly"]
    in_full = negotiation.calculate(negotiation.read_form({"principal": "1000", "affordable": "5000"}))
    assert plan.saved_agreement(in_full) == ()
    assert "calc-save-situation" not in web.compute("negotiation", {"principal": "1000", "affordable": "5000"})["html"]
    block = web.compute("negotiation", {"principal": "10000", "affordable": "400"}, "zh")["html"]
    assert 'data-save-row="debts"' in block and "存到“我的情况”" in block
    assert "calc-save-situation" in web.compute("payoff", {}, "en")["html"]
    assert "calc-save-situation" not in web.compute("repayment", {}, "en")["html"]


def _events(ics_text: str) -> list[tuple[str, str]]:
    unfolded = re.sub(r"\r?\n ", "", ics_text)
    out, day = [], None
    for line in unfolded.splitlines():
        if line.startswith("DTSTART"):
            day = line.split(":")[1]
        elif line.startswith("SUMMARY:"):
            out.append((day, line.removeprefix("SUMMARY:").replace("\\,", ",")))
    return out


def test_the_plans_calendar_has_every_months_payment_exactly_as_payoff_plans_it():
    form = {**ENOUGH, "order": "snowball", "debts": [dict(ENOUGH["debts"][0]), {
        **ENOUGH["debts"][1], "papers": "payment_order", "papers_date": "2026-11-28"}]}
    deadlines_only = web.calendar("plan", form, "zh", stamp=STAMP, today=TODAY)
    assert deadlines_only["ok"] and deadlines_only["events"] == 1  # the objection, 2026-12-13
    reply = web.calendar("plan", {**form, "calendar_first": "2026-12-15"}, "en", stamp=STAMP, today=TODAY)
    r = plan.calculate(plan.read_form(form, TODAY))
    events = _events(reply["ics"])
    assert events[0] == ("20261213", "B, Last day: If you dispute the payment order: object to the court in writing in time")
    payments = events[1:]
    assert len(payments) == r.months == reply["events"] - 1
    same = payoff.calculate(payoff.read_form({"budget": "3800", "strategy": "snowball", "start_date": "2026-12-15",
                                              "debts": [{k: d[k] for k in ("name", "balance", "annual_rate", "minimum")}
                                                        for d in ENOUGH["debts"]]}))
    theirs = _events(web.calendar("payoff", {"budget": "3800", "strategy": "snowball", "start_date": "2026-12-15",
                                             "debts": [{k: d[k] for k in ("name", "balance", "annual_rate", "minimum")}
                                                       for d in ENOUGH["debts"]]}, "en", stamp=STAMP)["ics"])
    assert same.months == r.months and [day for day, _ in payments] == [day for day, _ in theirs]
    assert [s for _, s in payments] == [s for _, s in theirs]  # the same amounts, to the fen, by the same names


def test_when_money_is_short_the_calendar_reminds_of_this_months_shares_and_to_look_again():
    reply = web.calendar("plan", {"income": "4000", "essentials": "2200", "debts": THREE_DEBTS,
                                  "calendar_first": "2026-12-20"}, "zh", stamp=STAMP, today=TODAY)
    r = situation()
    text = re.sub(r"\r?\n ", "", reply["ics"])
    assert "SUMMARY:还款日：这个月能还 1\\,800.00 元，不够所有最低还款" in text
    for k, share in enumerate(r.pro_rata):
        assert f"{r.inputs.debts[k].name} {wording.money(share, 'zh')}".replace(",", "\\,") in text
    assert ("20270120", "重新看一下我的行动计划") in _events(reply["ics"])


def test_a_plan_with_no_deadline_asks_for_the_first_payment_date_beside_the_button():
    reply = web.calendar("plan", ENOUGH, "zh", stamp=STAMP, today=TODAY)
    assert reply == {"ok": False, "field": "calendar_first", "message": reply["message"]}
    assert "第一次还款的日期" in reply["message"]["zh"]
    html = web.compute("plan", ENOUGH, "zh", today=TODAY)["html"]
    assert 'name="calendar_first"' in html and "不填就只有期限" in html


def test_a_debt_whose_lender_is_left_empty_still_gets_its_letter():
    form = {**ENOUGH, "debts": [{k: v for k, v in d.items() if k != "lender"} for d in ENOUGH["debts"]]}
    r = plan.calculate(plan.read_form(form, TODAY))
    assert [(x.slug, x.debt) for x in r.letters] == [("negotiation-letter", 1)]
