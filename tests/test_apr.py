"""apr: the PBoC example, flat monthly fees, and the messages for bad inputs."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import apr, rates
from calculators.money import percent_text
from calculators.views import apr as view


def result(**form):
    return apr.calculate(apr.read_form({"received": "", "payment": "", "monthly_fee_rate": "", **form}))


def test_the_announcement_example():
    # 中国人民银行公告〔2021〕第3号 (annex example): 100,000, 1,000 fee up front, 12 × 8,833.3
    # → 12.80 % simple, 13.58 % IRR compound.
    r = result(principal="100000", received="99000", months="12", payment="8833.3")
    assert percent_text(r.apr_nominal) == "12.80"
    assert percent_text(r.apr_effective) == "13.58"
    assert apr.to_dict(r)["total_cost"] == "6999.60"  # 12 × 8,833.30 − 99,000


def test_flat_monthly_fee_is_far_above_fee_times_twelve():
    # A 1 % flat monthly fee on 12,000 over 12 months: 1,120 a month (1,000 principal + 120 fee).
    r = result(principal="12000", months="12", monthly_fee_rate="1")
    assert set(r.payments) == {Decimal("1120.00")}
    # Its IRR is about 1.79 % a month (21.5 % simple), not 12 %: a well-known result for flat fees.
    assert Decimal("21") < r.apr_nominal < Decimal("22")


def test_comparison_with_the_legal_lines_is_part_of_the_result():
    r = apr.to_dict(result(principal="100000", received="99000", months="12", payment="8833.3"))
    assert [line["name"] for line in r["lines"]] == ["judicial_cap", "line_24", "line_36"]
    assert r["lines"][1] == {"name": "line_24", "rate": "24.00", "above": False, "applies": False}


@settings(max_examples=100, deadline=None)
@given(
    st.decimals(min_value=Decimal("100"), max_value=Decimal("1000000"), places=2),
    st.integers(1, 600),
    st.decimals(min_value=Decimal("0"), max_value=Decimal("0.2"), places=3),
    st.decimals(min_value=Decimal("0"), max_value=Decimal("0.1"), places=3),
)
def test_irr_makes_the_present_value_zero_within_a_cent(principal, months, markup, kept_back):
    received = (principal * (1 - kept_back)).quantize(Decimal("0.01"))
    payment = (principal * (1 + markup) / months).quantize(Decimal("0.01")) + Decimal("0.01")
    if payment * months < received:
        return
    r = result(principal=str(principal), received=str(received), months=str(months), payment=str(payment))
    monthly = r.irr_monthly / 100
    pv = sum(p / (1 + monthly) ** k for k, p in enumerate(r.payments, start=1))
    assert abs(pv - received) < Decimal("0.01")


def test_a_loan_dearer_than_1000_percent_a_month_shows_its_true_rate():
    # 10 received, 2,000 paid back a month later: 19,900 % a month, 238,800 % a year simple. The page
    # said 12,000 % (the IRR's old upper end); the compound figure (4.1 × 10^29 %) is shown as "more than".
    r = result(principal="1000", received="10", months="1", payment="2000")
    d = apr.to_dict(r)
    assert (d["irr_monthly"], d["apr_nominal"]) == ("19900.00", "238800.00")
    for lang, words in (("zh", "超过 1,000,000,000%"), ("en", "more than 1,000,000,000%")):
        html = view.render(r, lang)
        assert 'data-value="238800.00">238800.00%<' in html
        assert f">{words}<" in html


def test_daily_rate_conversions():
    # Arithmetic, checked independently in float: 0.05 % a day → 18.00 % (×360), 18.25 % (×365), 20.02 % compounded daily.
    assert rates.daily_to_yearly(Decimal("0.05"), 360) == Decimal("18.00")
    assert rates.daily_to_yearly(Decimal("0.05"), 365) == Decimal("18.25")
    assert percent_text(rates.daily_compounded_yearly(Decimal("0.05"))) == "20.02"


def test_a_monthly_fee_rate_alone_computes_with_received_as_principal():
    # issue 13, item 4: 12,000 over 12 months at 0.6 % a month, nothing else given (fields left out).
    # 12 × (1,000 + 72) = 1,072 a month. Independently (float bisection outside the project) the r with
    # 12,000 = 1,072 × (1 − (1 + r)^−12) / r is 1.0861853 % a month: × 12 = 13.034 %, (1 + r)^12 − 1 = 13.842 %.
    r = apr.calculate(apr.read_form({"principal": "12000", "months": "12", "monthly_fee_rate": "0.6"}))
    assert r.inputs.received is None and r.inputs.cash_received == Decimal("12000")
    assert (percent_text(r.apr_nominal), percent_text(r.apr_effective)) == ("13.03", "13.84")
    assert r.payments == (Decimal("1072.00"),) * 12


def notes_of(lender, lang="zh", rate="0.6"):
    form = {"principal": "12000", "months": "12", "monthly_fee_rate": rate, "lender": lender}
    return view.render(apr.calculate(apr.read_form(form)), lang)


# issue 13, item 7: the lender type picks the line that applies and says it in one sentence with its rule
# (docs/guides/overdue-costs.md, "利率多高算超线？先看借钱给你的是谁"). 13.03 % (above) is used throughout,
# and 3 % a month (~ 50 % a year, above every line) for the "above" wording.
def test_no_lender_chosen_gives_no_verdict_and_asks_who_lent():
    html = notes_of("")
    assert "哪条线管它，要看是谁借给你的" in html
    assert "% 高于" not in html and "% 没有超过" not in html
    assert notes_of("unknown") == html


def test_bank():
    html = notes_of("bank")
    assert "银行的贷款打官司时" in html and "法发〔2017〕22号第二条" in html and "13.03% 没有超过 24.00%" in html
    assert "金规〔2025〕9号" in html and "作为对照：民间借贷司法保护上限" in html
    assert "高于 24.00%" in notes_of("bank", rate="3")


def test_consumer_finance():
    html = notes_of("consumer_finance", "en")
    assert "a consumer-finance company&#x27;s loan" in html and "13.03% is not above 24.00%" in html
    assert "Fa Fa [2017] No. 22, art. 2" in html and "Jin Gui" not in html.split("For comparison")[0]


def test_micro_loan():
    html = notes_of("micro_loan")
    assert "据 2025 年 12 月的报道，小额贷款公司" in html and "13.03% 没有超过 24.00%" in html


def test_private_person():
    html = notes_of("private")
    # 4 × the newest LPR in figures.toml (3.00 % from 2025-05-20) = 12.00 %: 13.03 % is above it
    assert "法释〔2020〕17号第二十五条" in html and "即 12.00%" in html and "13.03% 高于这条线" in html
    assert "作为对照：年化 24% 线" in html


def test_unlicensed():
    html = notes_of("unlicensed")
    assert "是非法放贷" in html and "法释〔2020〕17号第十三条" in html
    assert '<a href="../../guides/illegal-lending/">' in html


def test_the_36_line_is_context_for_every_lender():
    for lender in ("", "bank", "consumer_finance", "micro_loan", "private", "unlicensed"):
        html = notes_of(lender)
        assert "作为对照：年化 36% 是历史上的线" in html
        assert "36.00%" not in html
