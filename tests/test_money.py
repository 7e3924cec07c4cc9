"""money.py: what people type, and the exact message for what we cannot use."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators.money import (
    InputError,
    money_text,
    parse_amount,
    parse_count,
    parse_rate,
    percent_text,
    round_money,
)


@pytest.mark.parametrize("typed,value", [
    ("5000", "5000"),
    ("5,000", "5000"),
    ("5 000", "5000"),
    ("５０００", "5000"),          # full-width digits
    ("¥5000", "5000"),
    ("￥5,000.50", "5000.50"),
    ("5000元", "5000"),
    ("5千", "5000"),
    ("1.2万", "12000"),
    ("0.5亿", "50000000"),
    ("１．２万", "12000"),          # full-width point
    ("  5000  ", "5000"),
    ("+5000", "5000"),
    ("1,234,567.89", "1234567.89"),
    ("RMB 800", "800"),
])
def test_amounts_people_type(typed, value):
    assert parse_amount("amount", typed) == Decimal(value)


BAD_AMOUNTS = [
    ("", "请输入金额，例如 5000", "Enter an amount, such as 5000"),
    ("   ", "请输入金额，例如 5000", "Enter an amount, such as 5000"),
    ("abc", "请只输入数字，例如 5000", "Enter a number only, such as 5000"),
    ("五千", "请只输入数字，例如 5000", "Enter a number only, such as 5000"),
    ("1e5", "请只输入数字，例如 5000", "Enter a number only, such as 5000"),
    ("NaN", "请只输入数字，例如 5000", "Enter a number only, such as 5000"),
    ("Infinity", "请只输入数字，例如 5000", "Enter a number only, such as 5000"),
    ("5,00", "请只输入数字，例如 5000", "Enter a number only, such as 5000"),
    ("1.2.3", "请只输入数字，例如 5000", "Enter a number only, such as 5000"),
    ("-5", "金额不能是负数，请输入大于 0 的金额，例如 5000",
     "An amount cannot be negative; enter an amount above 0, such as 5000"),
    ("0", "请输入大于 0 的金额，例如 5000", "Enter an amount above 0, such as 5000"),
    ("12.345", "金额最多精确到分（两位小数），例如 5000.50",
     "Amounts go to the fen at most (two decimals), such as 5000.50"),
    ("1.0000001万", "金额最多精确到分（两位小数），例如 5000.50",
     "Amounts go to the fen at most (two decimals), such as 5000.50"),
    ("100000000.01", "金额不能超过 100,000,000.00 元，请检查是否多输了一个 0",
     "The amount cannot be above ¥100,000,000.00; check for an extra zero"),
    ("2亿", "金额不能超过 100,000,000.00 元，请检查是否多输了一个 0",
     "The amount cannot be above ¥100,000,000.00; check for an extra zero"),
    ("1" + "0" * 26, "金额不能超过 100,000,000.00 元，请检查是否多输了一个 0",
     "The amount cannot be above ¥100,000,000.00; check for an extra zero"),  # found by hypothesis
    ("9" * 41, "这个数字太长了，请输入例如 5000", "That number is too long; enter something like 5000"),
]


@pytest.mark.parametrize("typed,zh,en", BAD_AMOUNTS)
def test_bad_amounts_get_a_clear_message_in_both_languages(typed, zh, en):
    with pytest.raises(InputError) as err:
        parse_amount("amount", typed)
    assert err.value.field == "amount"
    assert err.value.message == {"zh": zh, "en": en}


def test_floats_never_enter():
    with pytest.raises(TypeError):
        parse_amount("amount", 5000.0)


@pytest.mark.parametrize("typed,value", [("4.9", "4.9"), ("4.9%", "4.9"), ("４.９％", "4.9"), ("0", "0"),
                                         (" 18 % ", "18")])
def test_rates_people_type(typed, value):
    assert parse_rate("rate", typed) == Decimal(value)


BAD_RATES = [
    ("", "year", "请输入年利率的百分数，例如 4.9（表示 4.9%）", "Enter an annual rate in percent, such as 4.9 (meaning 4.9%)"),
    ("abc", "day", "请输入日利率的百分数，例如 4.9（表示 4.9%）", "Enter a daily rate in percent, such as 4.9 (meaning 4.9%)"),
    ("-1", "year", "利率不能是负数，例如 4.9", "A rate cannot be negative; enter one such as 4.9"),
    ("1001", "year", "年利率不能超过 1000%，请检查小数点的位置", "The annual rate cannot be above 1000%; check the decimal point"),
    ("0.1234567", "day", "利率最多保留 6 位小数，例如 4.9", "Give the rate with at most 6 decimals, such as 4.9"),
    ("nan%", "year", "请输入年利率的百分数，例如 4.9（表示 4.9%）", "Enter an annual rate in percent, such as 4.9 (meaning 4.9%)"),
]


@pytest.mark.parametrize("typed,per,zh,en", BAD_RATES)
def test_bad_rates_get_a_clear_message(typed, per, zh, en):
    with pytest.raises(InputError) as err:
        parse_rate("rate", typed, per=per)
    assert err.value.message == {"zh": zh, "en": en}


@pytest.mark.parametrize("typed,value", [("12", 12), ("１２", 12), ("12个月", 12), ("600", 600), ("1", 1)])
def test_counts(typed, value):
    assert parse_count("months", typed, minimum=1, maximum=600, unit_zh="个月", unit_en="months",
                       example="12") == value


@pytest.mark.parametrize("typed", ["0", "601", "1.5", "-3", "", "十二", "1e2"])
def test_bad_counts(typed):
    with pytest.raises(InputError) as err:
        parse_count("months", typed, minimum=1, maximum=600, unit_zh="个月", unit_en="months", example="12")
    assert err.value.message == {
        "zh": "请输入 1 到 600 之间的整数（个月），例如 12",
        "en": "Enter a whole number of months from 1 to 600, such as 12",
    }


def test_rounding_is_half_up_to_the_fen_and_never_negative_zero():
    assert round_money(Decimal("0.005")) == Decimal("0.01")
    assert round_money(Decimal("2.675")) == Decimal("2.68")  # a float would give 2.67
    assert str(round_money(Decimal("-0.001"))) == "0.00"
    assert money_text(Decimal("-0.004")) == "0.00"
    assert percent_text(Decimal("-0.001")) == "0.00"


@given(st.integers(-10**12, 10**12), st.integers(-4, 6))
def test_money_text_is_the_value_rounded_half_up_to_the_fen_whatever_its_exponent(units, exponent):
    # money_text skips the rounding for a value already at the fen: the text must not change for it
    value = Decimal(units).scaleb(-exponent)
    rounded = str(value.quantize(Decimal("0.01"), rounding="ROUND_HALF_UP"))
    assert money_text(value) == ("0.00" if rounded == "-0.00" else rounded)
    assert money_text(Decimal("-0.00")) == money_text(Decimal("-0E-5")) == "0.00"
    assert money_text(Decimal("1E+3")) == "1000.00" and money_text(Decimal("2.675")) == "2.68"


@given(st.text(max_size=60))
def test_any_text_is_a_value_or_a_message(text):
    try:
        value = parse_amount("amount", text)
    except InputError as err:
        assert err.zh and err.en
    else:
        assert Decimal(0) < value <= Decimal(100000000)
        assert value == value.quantize(Decimal("0.01"))


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("100000000"), places=2))
def test_every_valid_amount_reads_back_as_typed(value):
    assert parse_amount("amount", f"{value:,f}") == value
    assert parse_amount("amount", str(value)) == value


def test_a_count_without_a_unit_names_none_in_its_message():
    # people, times: no "（）" and no "of  from" in the message
    with pytest.raises(InputError) as raised:
        parse_count("people", "x", minimum=1, maximum=9, unit_zh="", unit_en="", example="2")
    assert (raised.value.zh, raised.value.en) == ("请输入 1 到 9 之间的整数，例如 2",
                                                  "Enter a whole number from 1 to 9, such as 2")
