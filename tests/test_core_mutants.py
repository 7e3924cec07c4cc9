"""Behaviour of the money and law core (calculators/money, schedules, rates, figures, lines,
fields, checklist, ics) that the mutation run (`make mutation`) found no other test holding."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from calculators import fields
from calculators.fields import Field, ListField
from calculators.money import InputError


def _message(call, *args, **kwargs) -> tuple[str, str, str]:
    with pytest.raises(InputError) as err:
        call(*args, **kwargs)
    return err.value.field, err.value.zh, err.value.en


# ---- fields.py: what each field is called, and the exact message a reader gets ------------------

SHARE = Field("share", "percent", "比例", "Share", low=1, high=50, example="10")
PENALTY = Field("penalty", "percent", "罚息", "Penalty", low=0, high=5, default="0.1", noun_zh="罚息日利率",
                noun_en="the penalty daily rate", means_zh="每天 0.1%", means_en="0.1% a day")
MARKUP = Field("markup", "count", "加价", "Markup", unit="percent", low=0, high=100, default="30")


@pytest.mark.parametrize("field, typed, zh, en", [
    (SHARE, "60", "请输入 1 到 50 之间的百分数，例如 10（表示 10%）",
     "Enter a percent from 1 to 50, such as 10 (meaning 10%)"),
    (SHARE, "0.5", "请输入 1 到 50 之间的百分数，例如 10（表示 10%）",
     "Enter a percent from 1 to 50, such as 10 (meaning 10%)"),
    (SHARE, "", "请输入 1 到 50 之间的百分数，例如 10（表示 10%）",
     "Enter a percent from 1 to 50, such as 10 (meaning 10%)"),
    (PENALTY, "abc", "请输入罚息日利率的百分数，0 到 5 之间，例如 0.1（表示每天 0.1%）",
     "Enter the penalty daily rate in percent, from 0 to 5, such as 0.1 (meaning 0.1% a day)"),
    (MARKUP, "101", "数字请填 0 到 100 之间的整数，例如 30（表示 30%）",
     "Enter a number as a whole percent from 0 to 100, such as 30 (meaning 30%)"),
    (MARKUP, "", "数字请填 0 到 100 之间的整数，例如 30（表示 30%）",
     "Enter a number as a whole percent from 0 to 100, such as 30 (meaning 30%)"),
])
def test_a_percent_field_has_one_message_with_its_name_range_and_example(field, typed, zh, en):
    assert _message(fields.read_field, field, {"x": typed}, "x") == ("x", zh, en)


def test_a_percent_field_without_a_low_starts_its_range_at_zero():
    field = Field("p", "percent", "比例", "Share", high=Decimal("12.5"))
    assert field.range_error().zh == "请输入 0 到 12.5 之间的百分数，例如 5（表示 5%）"
    assert field.range_error("rows.1.p").field == "rows.1.p"
    assert fields.read_field(field, {"p": "0"}) == Decimal("0")
    assert fields.read_field(field, {"p": "12.5"}) == Decimal("12.5")


@pytest.mark.parametrize("field, zh, en", [
    (Field("a", "money", "借款", "Loan"), "请填写金额，例如 5000", "Fill in an amount, such as 5000"),
    (Field("r", "rate", "利率", "Rate"), "请填写利率，例如 4.9", "Fill in a rate, such as 4.9"),
    (Field("m", "count", "期数", "Months", low=1, high=9), "请填写数字，例如 12", "Fill in a number, such as 12"),
    (Field("d", "date", "日期", "Date"), "请填写日期，例如 2026-01-31", "Fill in a date, such as 2026-01-31"),
    (Field("c", "choice", "方式", "Method", choices=(("a", "甲", "A"),)), "请填写这一项，例如 1",
     "Fill in this field, such as 1"),
    (Field("n", "text", "名称", "Name"), "请填写这一项，例如 A", "Fill in this field, such as A"),
    (Field("f", "money", "费用", "Fee", example="99", default="10", noun_zh="手续费", noun_en="the fee",
           zero_zh="没有", zero_en="there is none"),
     "请填写手续费，例如 99；没有就填 0", "Fill in the fee, such as 99, or 0 if there is none"),
])
def test_a_cleared_required_field_names_what_to_fill_in_and_an_example(field, zh, en):
    assert _message(fields.read_field, field, {field.name: "  "}) == (field.name, zh, en)
    assert _message(fields.read_field, field, {"k": ""}, "k") == ("k", zh, en)


def test_a_field_missing_from_the_form_takes_its_default_and_an_optional_cleared_one_is_none():
    months = Field("months", "count", "期数", "Months", default="12", low=1, high=600)
    assert fields.read_field(months, {}) == 12
    assert fields.read_field(months, {"months": "7"}) == 7
    assert fields.read_field(months, {"rows.0.months": "8"}, "rows.0.months") == 8
    fee = Field("fee", "money", "费", "Fee", required=False, default="99", low=0)
    assert fields.read_field(fee, {"fee": ""}) is None
    assert fields.read_field(fee, {}) == Decimal("99")
    assert fields.read_field(Field("fee", "money", "费", "Fee", required=False), {}) is None


def test_text_that_is_not_a_string_cannot_be_read():
    assert fields.text_of({}, "a") is None
    assert fields.text_of({"a": None}, "a") is None
    assert fields.text_of({"a": " \t"}, "a") is None
    assert fields.text_of({"a": " 5 "}, "a") == " 5 "
    assert _message(fields.text_of, {"a": 5}, "a") == ("a", "这一项的内容无法读取，请重新输入",
                                                       "This field could not be read; type it again")


@pytest.mark.parametrize("field, allowed", [
    (Field("a", "money", "", ""), False),
    (Field("a", "money", "", "", low=0), True),
    (Field("a", "money", "", "", low=1), False),
    (Field("a", "money", "", "", low=0, zero=False), False),
    (Field("a", "rate", "", ""), True),
    (Field("a", "rate", "", "", low=Decimal("0.01")), False),
    (Field("a", "rate", "", "", zero=True, low=1), True),
])
def test_zero_is_a_value_when_the_field_says_so_or_its_low_is_zero(field, allowed):
    assert field.zero_allowed is allowed
    if field.kind == "money":
        read = lambda: fields.read_field(field, {"a": "0"})  # noqa: E731
        if allowed:
            assert read() == 0
        else:
            pytest.raises(InputError, read)


def test_the_words_around_a_field_come_in_the_readers_language():
    f = Field("a", "money", "借款", "Loan", unit="yuan", help_zh="合同上的金额", help_en="As in the contract")
    assert (f.label("zh"), f.label("en"), f.help("zh"), f.help("en")) == ("借款", "Loan", "合同上的金额",
                                                                          "As in the contract")
    assert (f.unit_text("zh"), f.unit_text("en")) == ("元", "¥")
    assert Field("m", "count", "期", "M", unit="months", high=9).unit_text("en") == "months"
    assert (f.noun("zh"), f.noun("en")) == ("金额", "an amount")
    assert Field("a", "money", "", "", default="800").example_text == "800"
    assert Field("a", "money", "", "", default="800", example="50").example_text == "50"
    assert Field("a", "yesno", "", "").example_text == "1"


@pytest.mark.parametrize("field, typed, value", [
    (Field("a", "money", "", "", low=100, high=200), "100", Decimal("100")),
    (Field("a", "money", "", "", low=100, high=200), "200", Decimal("200")),
    (Field("r", "rate", "", ""), "1000", Decimal("1000")),
    (Field("r", "rate", "", "", high=36), "36", Decimal("36")),
    (Field("c", "count", "", "", low=2, high=5), "5个月", 5),
    (Field("c", "count", "", "", high=3), "0", 0),
    (Field("c", "choice", "", "", choices=(("equal", "等额", "Equal"), ("flat", "等本", "Flat"))), " flat ", "flat"),
    (Field("y", "yesno", "", ""), "yes", True), (Field("y", "yesno", "", ""), "no", False),  # a checkbox
    (Field("a", "money", "", "", low=0), "0", Decimal("0")),  # zero allowed: its low is 0
    (Field("y", "yesno", "", ""), "是", True), (Field("y", "yesno", "", ""), "On", True),
    (Field("y", "yesno", "", ""), "TRUE", True), (Field("y", "yesno", "", ""), "1", True),
    (Field("y", "yesno", "", ""), "否", False), (Field("y", "yesno", "", ""), "off", False),
    (Field("y", "yesno", "", ""), "False", False), (Field("y", "yesno", "", ""), "0", False),
    (Field("t", "text", "", ""), "  my   card  ", "my card"),
    (Field("t", "text", "", ""), "x" * 30, "x" * 30),
    (Field("d", "date", "", ""), "2026/3/1", dt.date(2026, 3, 1)),
])
def test_each_kind_reads_what_a_reader_types(field, typed, value):
    assert fields.parse_text(field, typed, field.name) == value


@pytest.mark.parametrize("field, typed, zh, en", [
    (Field("a", "money", "", "", low=100, high=200), "99.99", "金额不能少于 100.00 元", "The amount cannot be below ¥100.00"),
    (Field("a", "money", "", "", low=100, high=200), "200.01", "金额不能超过 200.00 元，请检查是否多输了一个 0",
     "The amount cannot be above ¥200.00; check for an extra zero"),
    (Field("r", "rate", "", ""), "1000.1", "年利率不能超过 1000%，请检查小数点的位置",
     "The annual rate cannot be above 1000%; check the decimal point"),
    (Field("r", "rate", "", "", high=36, per="month", low=1), "0", "请输入大于 0 的月利率，例如 4.9",
     "Enter a monthly rate above 0, such as 4.9"),
    (Field("c", "count", "", "", unit="days", low=2, high=5, example="3"), "6",
     "请输入 2 到 5 之间的整数（天），例如 3", "Enter a whole number of days from 2 to 5, such as 3"),
    (Field("c", "count", "", "", unit="months", high=3), "4", "请输入 0 到 3 之间的整数（个月），例如 12",
     "Enter a whole number of months from 0 to 3, such as 12"),
    (Field("c", "choice", "", "", choices=(("equal", "等额", "Equal"), ("flat", "等本", "Flat"))), "other",
     "请从这些选项中选一个：等额、等本", "Choose one of: Equal, Flat"),
    (Field("y", "yesno", "", ""), "maybe", "请选择“是”或“否”", "Choose yes or no"),
    (Field("t", "text", "", ""), "x" * 31, "名称最多 30 个字", "Keep the name to 30 characters"),
])
def test_each_kind_tells_the_reader_what_is_wrong(field, typed, zh, en):
    assert _message(fields.parse_text, field, typed, "k") == ("k", zh, en)


def test_a_remembered_text_is_read_by_its_own_field_and_a_bad_one_is_named_each_time():
    # fields.parsed remembers what a text parsed to: the same text in another field is read by that field
    money_field = Field("a", "money", "", "", low=0, high=200)
    count_field = Field("c", "count", "", "", unit="months", low=1, high=12)
    name_field = Field("t", "text", "", "")
    assert fields.parsed(money_field, "5", "a") == Decimal(5) and fields.parsed(count_field, "5", "c") == 5
    assert type(fields.parsed(count_field, "5", "c")) is int
    assert fields.parsed(name_field, "5", "t") == "5"  # a name, not an amount
    assert fields.parsed(count_field, "12", "c") == 12
    # a text that fails is not remembered: the message names the cell it came from, each time
    assert _message(fields.parsed, count_field, "13", "debts.0.c")[0] == "debts.0.c"
    assert _message(fields.parsed, count_field, "13", "debts.1.c")[0] == "debts.1.c"
    assert _message(fields.parsed, Field("a", "money", "", "", low=0, high=4), "5", "x")[0] == "x"  # high 4 here


BAD_DATE = ("请按“年-月-日”输入日期，例如 2026-01-31", "Enter the date as year-month-day, such as 2026-01-31")
OUT_OF_RANGE = ("请输入 1990 年到 2100 年之间的日期", "Enter a date between 1990 and 2100")


@pytest.mark.parametrize("typed, value", [
    ("1990-01-01", dt.date(1990, 1, 1)), ("2100-12-31", dt.date(2100, 12, 31)), ("2026.1.31", dt.date(2026, 1, 31)),
    ("２０２６－０２－２８", dt.date(2026, 2, 28)), (" 2028-02-29 ", dt.date(2028, 2, 29)),
    ("1989-12-31", OUT_OF_RANGE), ("2101-01-01", OUT_OF_RANGE),
    ("26-01-31", BAD_DATE), ("2026-01", BAD_DATE), ("2026-01-31-1", BAD_DATE), ("2026-02-30", BAD_DATE),
    ("2026-x-01", BAD_DATE), ("12026-01-01", BAD_DATE), ("2026-13-01", BAD_DATE), ("", BAD_DATE),
    ("2026-0٣-01", BAD_DATE),  # an Arabic-Indic 3: a digit to Python, not one a date input sends
])
def test_dates_from_1990_to_2100_in_year_month_day(typed, value):
    if isinstance(value, dt.date):
        assert fields.parse_date("d", typed) == value
    else:
        assert _message(fields.parse_date, "d", typed) == ("d", *value)


def test_a_form_that_is_not_a_mapping_cannot_be_read():
    spec = (Field("a", "money", "", ""), Field("b", "money", "", "", required=False))
    assert fields.not_given(spec, ["x"]) == ["x"]
    assert fields.not_given(spec, {"a": "5"}) == {"b": "", "a": "5"}
    assert fields.not_given(spec, {"b": "7"}) == {"b": "7"}
    assert _message(fields.read_all, spec, "a=5") == ("", "表单内容无法读取，请刷新页面再试",
                                                      "The form could not be read; reload the page and try again")
    assert fields.read_all(spec, {"a": "5", "b": ""}) == {"a": Decimal("5"), "b": None}


def test_a_value_made_in_code_is_checked_as_the_text_a_reader_would_type():
    assert fields.canonical_text(True) == "yes" and fields.canonical_text(False) == "no"
    assert fields.canonical_text(dt.date(2026, 1, 2)) == "2026-01-02"
    assert fields.canonical_text(Decimal("1E+3")) == "1000"
    assert fields.canonical_text(12) == "12"
    with pytest.raises(TypeError, match="^floats are not accepted: pass Decimal or text$"):
        fields.canonical_text(1.5)

    class Inputs:
        a = Decimal("5")
        b = None
        c = 7

    spec = (Field("a", "money", "", ""), Field("b", "money", "", "", required=False),
            Field("c", "count", "", "", low=1, high=6))
    assert _message(fields.check, spec, Inputs)[0] == "c"
    Inputs.c = 6
    fields.check(spec, Inputs)
    Inputs.a = None
    assert _message(fields.check, spec, Inputs) == ("a", "请填写金额，例如 5000", "Fill in an amount, such as 5000")


ROW = (Field("balance", "money", "欠款", "Owed", default="10000"),
       Field("kind", "choice", "种类", "Kind", choices=(("card", "信用卡", "Card"), ("loan", "网贷", "Loan"))))
DEBTS = ListField("debts", ROW, ({"balance": "5000", "kind": "card"},), 3, "第 {n} 笔", "Debt {n}", "欠款", "debt",
                  "再加一笔", "Add a debt", "删除这一笔", "Remove this debt", "请至少填一笔", "Fill in at least one debt",
                  "最多 {high} 笔", "Up to {high} debts")


def test_a_list_of_rows_reads_each_row_and_names_the_exact_cell_in_errors():
    assert DEBTS.row_label(2, "zh") == "第 2 笔" and DEBTS.row_label(12, "en") == "Debt 12"
    assert fields.read_rows(DEBTS, {}) == ({"balance": Decimal("5000"), "kind": "card"},)
    rows = [{"balance": "1", "kind": "loan"}, {"balance": " ", "kind": "card"}, {"balance": "2", "kind": "card"}]
    assert fields.read_rows(DEBTS, {"debts": rows}) == ({"balance": Decimal("1"), "kind": "loan"},
                                                       {"balance": Decimal("2"), "kind": "card"})
    assert fields.read_rows(DEBTS, {"debts": ({"balance": None, "kind": "card"}, {"balance": "3", "kind": "card"})}) \
        == ({"balance": Decimal("3"), "kind": "card"},)
    assert _message(fields.read_rows, DEBTS, {"debts": [{"balance": "x", "kind": "card"}] * 2})[0] == "debts.0.balance"
    assert _message(fields.read_rows, DEBTS, {"debts": [{"balance": "1", "kind": "card"}, {"balance": "1"}]})[0] \
        == "debts.1.kind"
    assert _message(fields.read_rows, DEBTS, {"debts": [{"balance": "1", "kind": "card"}, 5]}) == (
        "debts.1", "第 2 笔欠款无法读取，请重新填写", "Debt 2 could not be read; fill it in again")


@pytest.mark.parametrize("form", [{"debts": None}, {"debts": ""}, {"debts": []},
                                  {"debts": [{"balance": "", "kind": "card"}]}])
def test_a_list_with_no_rows_asks_for_one(form):
    assert _message(fields.read_rows, DEBTS, form) == ("debts", "请至少填一笔", "Fill in at least one debt")


def test_a_list_too_long_or_not_a_list_is_refused_with_its_own_message():
    four = [{"balance": "1", "kind": "card"}] * 4
    assert _message(fields.read_rows, DEBTS, {"debts": four}) == ("debts", "最多 3 笔", "Up to 3 debts")
    assert len(fields.read_rows(DEBTS, {"debts": four[:3]})) == 3
    assert _message(fields.read_rows, DEBTS, {"debts": {"0": {}}}) == (
        "debts", "欠款列表无法读取，请刷新页面再试", "The list of debts could not be read; reload the page and try again")
    two = ListField(*[getattr(DEBTS, n) for n in ("name", "fields", "defaults", "high", "row_zh", "row_en", "noun_zh",
                                                  "noun_en", "add_zh", "add_en", "remove_zh", "remove_en", "empty_zh",
                                                  "empty_en", "too_many_zh", "too_many_en")], low=2)
    assert _message(fields.read_rows, two, {"debts": four[:1]})[0] == "debts"
    assert len(fields.read_rows(two, {"debts": four[:2]})) == 2


# ---- schedules.py: each shape of repayment, month by month, from its definition -----------------

from calculators import rates, schedules  # noqa: E402
from calculators.money import round_money  # noqa: E402


def _replay(principal, rate, plan):
    """Check a schedule against its definition: interest on the balance left (``rate`` in percent a
    year: balance × rate ÷ 1200), balance ends at 0.00."""
    balance = principal
    for part, interest in plan:
        assert interest == round_money(balance * rate / 1200)
        assert Decimal(0) <= part <= balance
        balance -= part
    assert balance == 0


@pytest.mark.parametrize("principal, rate, months", [
    (Decimal("1000"), Decimal("12"), 3), (Decimal("12000"), Decimal("0"), 12),
    (Decimal("0.05"), Decimal("24"), 9), (Decimal("500000"), Decimal("4.9"), 360),
    (Decimal("100"), Decimal("600"), 1), (Decimal("2887.50"), Decimal("3.04"), 2),
])
def test_every_shape_charges_interest_on_the_balance_left_and_ends_at_zero(principal, rate, months):
    level = schedules.level(principal, rate, months)
    payment = schedules.level_payment(principal, rate, months)
    even = round_money(principal / months)
    flat = schedules.equal_principal(principal, rate, months)
    for plan, each in ((level, lambda interest: payment - interest), (flat, lambda interest: even)):
        # each month repays its share, never more than is left; the last settles the rest
        left = [principal - sum(q for q, _ in plan[:k]) for k in range(months)]
        assert all(p == min(each(i), left[k]) for k, (p, i) in enumerate(plan[:-1]))
        assert plan[-1][0] == left[-1]
    only = schedules.interest_only(principal, rate, months)
    assert [p for p, _ in only] == [0] * (months - 1) + [principal]
    bullet = schedules.bullet(principal, rate, months)
    assert bullet == [(0, 0)] * (months - 1) + [(principal, round_money(principal * rate * months / 1200))]
    for plan in (level, flat, only):
        assert len(plan) == months
        _replay(principal, rate, plan)
    assert schedules.METHODS == {"equal_installment": schedules.level, "equal_principal": schedules.equal_principal,
                                 "interest_only": schedules.interest_only, "bullet": schedules.bullet}


def test_the_level_payment_at_zero_interest_is_the_loan_over_the_months():
    assert schedules.level_payment(Decimal("1000"), Decimal(0), 3) == Decimal("333.33")
    assert schedules.level_payment(Decimal("1000"), Decimal(0), 6) == Decimal("166.67")
    # one month: the loan and one month's interest
    assert schedules.level_payment(Decimal("1000"), Decimal("12"), 1) == Decimal("1010.00")
    # the annuity of two months at 10 % a month: 1000·0.1·1.21/0.21
    assert schedules.level_payment(Decimal("1000"), Decimal("120"), 2) == Decimal("576.19")
    # an exact half fen rounds up: one month of 2,025.00 at 7.28 % is 2,037.285 (2,037.28 from
    # 34-digit decimals), two months of 2,887.50 at 3.04 % pay a first interest of 7.315
    assert schedules.level_payment(Decimal("2025.00"), Decimal("7.28"), 1) == Decimal("2037.29")
    assert schedules.equal_principal(Decimal("2887.50"), Decimal("3.04"), 2)[0][1] == Decimal("7.32")


def test_parts_never_take_more_than_is_left_and_add_up_to_the_sum():
    # less than half a fen a part: every part but the last is 0.00, the last is the whole sum
    assert schedules.parts(Decimal("0.01"), 12) == [Decimal("0.00")] * 11 + [Decimal("0.01")]
    assert schedules.parts(Decimal("0.05"), 9) == [Decimal("0.01")] * 5 + [Decimal(0)] * 4
    assert schedules.parts(Decimal("10"), 4) == [Decimal("2.50")] * 4
    assert schedules.parts(Decimal("10"), 3) == [Decimal("3.33"), Decimal("3.33"), Decimal("3.34")]
    assert schedules.parts(Decimal("7"), 1) == [Decimal("7")]
    assert schedules.parts(Decimal("1000"), 600)[-3:] == [Decimal("1.67"), Decimal("1.34"), Decimal(0)]


@settings(max_examples=300, deadline=None)
@given(st.integers(-10**4, 10**10), st.integers(0, 3), st.integers(1, 600))
@example(-1, 0, 201)  # nothing left after the first part: the last part reads 0.00, as month by month
@example(5, 2, 9)
def test_parts_worked_out_as_runs_are_equal_principal_month_by_month(units, places, n):
    total = Decimal(units).scaleb(-places)
    month_by_month = [part for part, _ in schedules.equal_principal(total, Decimal(0), n)]
    assert [str(p) for p in schedules.parts(total, n)] == [str(p) for p in month_by_month]


@pytest.mark.parametrize("day, months, then", [
    (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)), (dt.date(2028, 1, 31), 1, dt.date(2028, 2, 29)),
    (dt.date(2026, 3, 31), 1, dt.date(2026, 4, 30)), (dt.date(2026, 12, 15), 1, dt.date(2027, 1, 15)),
    (dt.date(2026, 11, 30), 14, dt.date(2028, 1, 30)), (dt.date(2026, 3, 31), -1, dt.date(2026, 2, 28)),
    (dt.date(2026, 1, 1), -1, dt.date(2025, 12, 1)), (dt.date(2026, 5, 31), 0, dt.date(2026, 5, 31)),
    (dt.date(2026, 8, 31), 1, dt.date(2026, 9, 30)), (dt.date(2026, 1, 29), 1, dt.date(2026, 2, 28)),
    # the century rule: 2000 (divisible by 400) has a 29 February, 2100 (by 100, not 400) has not
    (dt.date(2000, 1, 31), 1, dt.date(2000, 2, 29)), (dt.date(2100, 1, 31), 1, dt.date(2100, 2, 28)),
    (dt.date(2099, 12, 30), 2, dt.date(2100, 2, 28)), (dt.date(1999, 11, 29), 3, dt.date(2000, 2, 29)),
])
def test_a_month_later_is_the_same_day_or_the_months_last(day, months, then):
    assert schedules.add_months(day, months) == then


@pytest.mark.parametrize("start, end, months", [
    (dt.date(2026, 1, 31), dt.date(2026, 2, 27), 0), (dt.date(2026, 1, 31), dt.date(2026, 2, 28), 1),
    (dt.date(2026, 1, 15), dt.date(2026, 1, 14), 0), (dt.date(2026, 1, 15), dt.date(2026, 1, 15), 0),
    (dt.date(2026, 1, 15), dt.date(2027, 1, 15), 12), (dt.date(2026, 1, 15), dt.date(2027, 1, 14), 11),
    (dt.date(2026, 3, 1), dt.date(2026, 1, 1), -2), (dt.date(2027, 3, 15), dt.date(2026, 1, 15), -14),
])
def test_whole_months_between_two_days(start, end, months):
    assert schedules.months_between(start, end) == months


# ---- rates.py: the IRR and the yearly figures from a monthly or daily rate ----------------------

def test_the_irr_from_the_float_start_is_the_irr_from_one_percent(monkeypatch):
    # Newton's steps in Decimal start where the float ones end; from 1 % they reach the same rate,
    # within the 1e-15 at which either stops (rates are shown to 0.01 %)
    loans = [[Decimal(-99000000)] + [Decimal("3000000.00")] * 600,
             [Decimal(-99000)] + [Decimal("8833.30")] * 12,
             [Decimal(-1000)] + [Decimal(0)] * 359 + [Decimal("5000.01")],
             [Decimal(-5000)] + [Decimal("900.00"), Decimal("850.50"), Decimal(0), Decimal("4000")],
             [Decimal(100)] + [Decimal("-60.50")] * 2,
             # 0 % for 514 months, all at the end: the float steps give way (Newton crawls there)
             [Decimal(-10000)] + [Decimal(0)] * 513 + [Decimal(10000)]]
    fast = [rates.irr(flows) for flows in loans]
    assert all(rates._float_start(flows) is not None for flows in loans[:3])  # a long loan's steps stay Newton's
    monkeypatch.setattr(rates, "_float_start", lambda flows, backwards=None: None)
    for flows, rate in zip(loans, fast, strict=True):
        assert abs(rates.irr(flows) - rate) < Decimal("1e-15"), flows[:3]


def test_the_irr_of_a_loan_paid_back_all_at_the_end_is_the_closed_form():
    # Newton alone crawled here from 1 % (1/514 of 1 + r a step) and stopped after 100 steps at
    # -16.97 % a month: a 0 % loan showed a true annual rate of -203.64 %. r = (back / lent)^(1/n) - 1
    assert abs(rates.irr([Decimal(-10000)] + [Decimal(0)] * 513 + [Decimal(10000)])) < Decimal("1e-15")
    for lent, back, months in ((9000, 10000, 600), (10000, 10000, 600), (1000, 5000, 360), (100, 101, 2)):
        closed = (Decimal(back) / Decimal(lent)) ** (Decimal(1) / months) - 1
        rate = rates.irr([Decimal(-lent)] + [Decimal(0)] * (months - 1) + [Decimal(back)])
        assert abs(rate - closed) < Decimal("1e-15"), (lent, back, months, rate)


def test_an_irr_above_1000_percent_a_month_is_found_not_cut_off_there():
    # 10 received, 2,000 paid back a month later: 19,900 % a month. The bracket stopped at 1,000 % and
    # the apr and repayment pages showed 12,000 % a year for any loan dearer than that.
    for lent, back, months in ((10, 2000, 1), (1, 10**9, 1), (100, 10**6, 2), (1248, 169309, 1)):
        closed = (Decimal(back) / Decimal(lent)) ** (Decimal(1) / months) - 1
        rate = rates.irr([Decimal(-lent)] + [Decimal(0)] * (months - 1) + [Decimal(back)])
        assert abs(rate - closed) < Decimal("1e-12") * (1 + closed), (lent, back, months, rate)


def test_the_float_start_is_only_taken_for_flows_with_one_root():
    assert rates._float_start([Decimal(-100), Decimal(230), Decimal(-132)]) is None  # roots 10 % and 20 %
    assert rates._float_start([Decimal(-100), Decimal(0), Decimal(110)]) is not None
    assert rates.irr([Decimal(-100), Decimal(230), Decimal(-132)]).quantize(Decimal("1e-12")) in (
        Decimal("0.1"), Decimal("0.2"))


def test_the_float_start_gives_way_where_irr_would_bisect():
    # its first step leaves irr's bracket (-99 %, 1,000 % a period): below it, then above it; irr then
    # starts from 1 % as it always did, and finds the root
    below = [Decimal(-1000), Decimal(500), Decimal(5)]
    above = [Decimal(-100), Decimal(1000), Decimal(1000), Decimal(5000), Decimal(0)]
    assert rates._float_start(below) is None and rates._float_start(above) is None
    for flows in (below, above):
        r = rates.irr(flows)
        assert abs(sum(f / (1 + r) ** k for k, f in enumerate(flows))) < Decimal("1e-9")
    # a small sum received between payments is a sign change too: three here, no float start
    assert rates._float_start([Decimal(-100), Decimal("0.5"), Decimal(-1), Decimal(200)]) is None


@pytest.mark.parametrize("rate, flows, above", [
    (10, ["-10", "2000"], True), (100, ["-10", "2000"], True), (1000, ["-10", "2000"], False),  # root 199
    (10, ["-100", "110"], False),  # root 0.1
    (10, ["-1", "11.5"], True), (10, ["-1", "10.9"], False),  # roots 10.5 and 9.9
    (10, ["-1", "11.00001"], True), (10, ["-1", "10.99999"], False),  # roots 10.00001 and 9.99999
    # closer than the floats can tell (within 1e-9 of the flows' size): worked out in Decimal
    (10, ["-1", "11.000000000001"], True), (10, ["-1", "10.999999999999"], False),
    (10, ["-0.01", "0.5"], True), (10, ["-0.01", "0.1100000000001"], True),  # a last flow under 1: roots 49, 10 + 1e-11
    # a root below by less than the floats hold (they round the flow to 11 and 11,000,000): Decimal says so
    (10, ["-1", "10.9999999999999998"], False), (10, ["-1000000", "10999999.99999999998"], False),
    # twelve payments of 1,000,000 against a sum received 1e-12 above their value at 1,000 % a period: the
    # floats' present value (rounding of 1e-10 on flows of 1e6) is no sign to go by; Decimal's is
    (10, ["-99999.99999996813791822896433"] + ["1000000"] * 12, False),
    (10, ["10", "-2000"], True), (10, ["1", "-10.9"], False),  # paid first, received after
])
def test_the_root_lies_above_a_rate_when_the_present_value_keeps_the_sign_near_minus_100(rate, flows, above):
    flows = [Decimal(f) for f in flows]
    f_low = next(f for f in reversed(flows) if f)
    assert rates._root_above(Decimal(rate), flows, [float(f) for f in reversed(flows)], f_low) is above


def test_the_irr_discounts_the_flows_to_zero_and_needs_money_both_ways():
    for flows in ([Decimal(-100), Decimal(110)], [Decimal(100), Decimal(-121) / 2, Decimal(-121) / 2],
                  [Decimal(-1000)] + [Decimal(0)] * 11 + [Decimal(2000)],
                  [Decimal(-1000), Decimal(5000)], [Decimal(-1000), Decimal(20)],
                  [Decimal(-100), Decimal(0), Decimal(0), Decimal(0), Decimal(105)]):
        r = rates.irr(flows)
        npv = sum(f / (1 + r) ** k for k, f in enumerate(flows))
        assert abs(npv) < Decimal("1e-9"), (flows, r)
    assert abs(rates.irr([Decimal(-100), Decimal(110)]) - Decimal("0.1")) < Decimal("1e-16")
    assert rates.irr([Decimal(-100), Decimal(400)]).quantize(Decimal("1e-12")) == Decimal(3)
    assert rates.irr([Decimal(-100), Decimal(50)]).quantize(Decimal("1e-12")) == Decimal("-0.5")
    for flows in ([Decimal(100), Decimal(10)], [Decimal(-1), Decimal(-2)], [Decimal(0), Decimal(5)],
                  [Decimal(0), Decimal(-5)], [Decimal(-5), Decimal(0)], []):
        with pytest.raises(ValueError, match="^cash flows need both signs$"):
            rates.irr(flows)


def test_yearly_figures_from_monthly_and_daily_rates():
    simple, compound = rates.monthly_to_yearly(Decimal("0.02"))
    assert simple == Decimal("0.24") and compound == Decimal("1.02") ** 12 - 1
    assert rates.daily_to_yearly(Decimal("0.1"), 365) == Decimal("36.5")
    assert rates.daily_compounded_yearly(Decimal("1"), 2) == Decimal("2.01")
    assert rates.daily_compounded_yearly(Decimal("0.05")) == ((1 + Decimal("0.0005")) ** 365 - 1) * 100


# ---- figures.py: the LPR and the court line on a given day, from figures.toml itself -------------

from calculators import figures  # noqa: E402


def test_the_lpr_on_a_day_is_the_last_one_announced_by_then():
    series = [(day, Decimal(rate)) for day, rate in figures.data()["lpr_one_year"]["series"]]
    assert figures.lpr_series() == series and figures.latest_lpr() == series[-1]
    assert series == sorted(series) and len(series) > 2
    assert figures.lpr_on(series[0][0] - dt.timedelta(days=1)) is None
    for (start, rate), (_, before) in zip(series[1:], series, strict=False):
        assert figures.lpr_on(start) == rate
        assert figures.lpr_on(start - dt.timedelta(days=1)) == before
    assert figures.lpr_on(dt.date(2100, 1, 1)) == series[-1][1]


def test_the_court_line_is_four_times_the_lpr_and_older_contracts_take_the_first_one():
    cap = figures.entry("private_lending_cap")
    effective, multiple = cap["effective"], Decimal(cap["multiple"])
    assert (effective, multiple) == (dt.date(2020, 8, 20), Decimal(4))
    for day in (effective, dt.date(2023, 6, 20), figures.latest_lpr()[0]):
        assert figures.judicial_cap_on(day) == (multiple * figures.lpr_on(day)).quantize(Decimal("0.01"))
    assert figures.judicial_cap_on(dt.date(2015, 1, 1)) == figures.judicial_cap_on(effective)
    assert str(figures.judicial_cap_on(effective)) == "15.40"


def test_the_regulatory_cost_lines_are_24_and_36_percent():
    assert figures.cost_line("24") == Decimal(24) and figures.cost_line("36") == Decimal(36)
    assert figures.entry("cost_line_24") is figures.data()["cost_line_24"]


def test_dates_that_are_datetimes_or_missing_are_named_and_the_due_list_is_oldest_first():
    moment = dt.datetime(2026, 1, 1, 9, 0)
    sections = {"b": {"checked": dt.date(2026, 1, 1), "recheck": dt.date(2026, 3, 1)},
                "a": {"checked": dt.date(2026, 1, 1), "recheck": dt.date(2026, 3, 1)},
                "c": {"checked": dt.date(2025, 1, 1), "recheck": dt.date(2025, 6, 1)},
                "t": {"checked": moment, "recheck": dt.date(2026, 1, 1)},
                "same": {"checked": dt.date(2026, 1, 1), "recheck": dt.date(2026, 1, 1)},
                "none": {"checked": dt.date(2026, 1, 1), "recheck": "soon"}}
    assert figures.undated(sections) == [
        f"figures.toml [t]: 'checked' is {moment!r}, not a date: write it as YYYY-MM-DD, unquoted",
        "figures.toml [same]: recheck 2026-01-01 is not after checked 2026-01-01",
        "figures.toml [none]: 'recheck' is 'soon', not a date: write it as YYYY-MM-DD, unquoted",
    ]
    assert [row[0] for row in figures.due(dt.date(2026, 3, 2), sections)] == ["c", "same", "t", "a", "b"]
    assert figures.due(dt.date(2025, 6, 1), sections) == []


# ---- lines.py: which line applies to whom, and a rate exactly on a line is not above it -----------

from calculators import lines  # noqa: E402

EFFECTIVE = dt.date(2020, 8, 20)


@pytest.mark.parametrize("lender, applies", [
    (None, []), ("", []), ("unknown", []), ("unlicensed", []), ("bank", ["line_24"]),
    ("consumer_finance", ["line_24"]), ("micro_loan", ["line_24"]), ("private", ["judicial_cap"]),
])
def test_the_line_that_applies_depends_on_who_lent(lender, applies):
    found = lines.compare(Decimal("20"), dt.date(2023, 1, 1), lender)
    assert [x.name for x in found] == ["judicial_cap", "line_24", "line_36"]
    assert [x.name for x in found if x.applies] == applies
    assert lines.lender_of(lender) == (None if lender in (None, "", "unknown") else lender)


def test_a_rate_exactly_on_a_line_is_not_above_it():
    cap = figures.judicial_cap_on(dt.date(2023, 1, 1))
    for rate, above in ((cap, [False, False, False]), (cap + Decimal("0.01"), [True, False, False]),
                        (Decimal(24), [True, False, False]), (Decimal("24.01"), [True, True, False]),
                        (Decimal(36), [True, True, False]), (Decimal("36.01"), [True, True, True])):
        assert [x.above for x in lines.compare(rate, dt.date(2023, 1, 1))] == above, rate
    older = dt.date(2019, 6, 1)
    for rate, above, void in ((Decimal(24), False, False), (Decimal("24.01"), True, False),
                              (Decimal(36), True, False), (Decimal("36.01"), True, True)):
        rule = lines.compare(rate, older, "private")[0]
        assert (rule.name, rule.above, rule.void_above, rule.void_rate) == ("rule_2015", above, void, Decimal(36))
    at_filing = figures.judicial_cap_on(figures.latest_lpr()[0])
    for rate, above in ((at_filing, False), (at_filing + Decimal("0.01"), True)):
        cap = lines.compare(rate, older, "private")[1]
        assert (cap.name, cap.at_filing, cap.above) == ("judicial_cap", True, above)


def test_a_contract_made_the_day_the_cap_took_effect_has_one_private_line_at_that_days_lpr():
    on, before = lines.compare(Decimal(10), EFFECTIVE, "private"), lines.compare(Decimal(10), EFFECTIVE - dt.timedelta(1),
                                                                                  "private")
    assert [x.name for x in on] == ["judicial_cap", "line_24", "line_36"]
    # the LPR in force that day: the announcement of 2020-04-20 (3.85 %)
    assert (on[0].rate, on[0].lpr, on[0].lpr_day) == (Decimal("15.40"), Decimal("3.85"), dt.date(2020, 4, 20))
    assert (on[0].since, on[0].until, on[0].at_filing, on[0].applies) == (None, None, False, True)
    assert [x.name for x in before] == ["rule_2015", "judicial_cap", "line_24", "line_36"]
    rule, cap = before[0], before[1]
    assert (rule.rate, rule.until, rule.since, rule.applies, rule.lpr) == (Decimal(24), EFFECTIVE - dt.timedelta(1),
                                                                            None, True, None)
    newest_day, newest = figures.latest_lpr()
    assert (cap.since, cap.at_filing, cap.lpr_day, cap.lpr, cap.applies) == (EFFECTIVE, True, newest_day, newest, True)
    assert cap.rate == figures.judicial_cap_on(newest_day)
    assert not lines.compare(Decimal(10), EFFECTIVE - dt.timedelta(1), "bank")[0].applies


def test_without_a_contract_date_the_private_line_uses_the_newest_lpr():
    newest_day, newest = figures.latest_lpr()
    cap = lines.compare(Decimal(10))[0]
    assert (cap.name, cap.lpr_day, cap.lpr, cap.rate) == ("judicial_cap", newest_day, newest,
                                                          figures.judicial_cap_on(newest_day))
    first_day = figures.lpr_series()[0][0]
    assert lines.lpr_row(first_day - dt.timedelta(1)) is None
    assert lines.lpr_row(first_day) == figures.lpr_series()[0]


def test_each_line_as_json_and_its_source_entry():
    older = lines.compare(Decimal("30"), dt.date(2019, 6, 1), "private")
    newest_day = figures.latest_lpr()[0]
    assert lines.to_list(older) == [
        {"name": "rule_2015", "rate": "24.00", "above": True, "applies": True, "until": "2020-08-19",
         "void_rate": "36.00", "void_above": False},
        {"name": "judicial_cap", "rate": lines.percent_text(figures.judicial_cap_on(newest_day)), "above": True,
         "applies": True, "since": "2020-08-20", "at_filing": True},
        {"name": "line_24", "rate": "24.00", "above": True, "applies": False},
        {"name": "line_36", "rate": "36.00", "above": False, "applies": False},
    ]
    assert lines.entry(older[0]) is None
    assert lines.entry(older[1]) is figures.entry("private_lending_cap")
    assert lines.entry(older[2]) is figures.entry("cost_line_24")
    assert lines.entry(older[3]) is figures.entry("cost_line_36")


# ---- ics.py: the calendar file a phone imports, line for line ------------------------------------

from calculators import ics  # noqa: E402


def _fnv1a(text: str) -> int:
    digest = 0xCBF29CE484222325
    for byte in text.encode():
        digest = ((digest ^ byte) * 0x100000001B3) % 2**64
    return digest


def test_the_calendar_file_line_for_line_in_both_languages():
    assert (_fnv1a(""), _fnv1a("a"), _fnv1a("foobar")) == (0xCBF29CE484222325, 0xAF63DC4C8601EC8C,
                                                           0x85944171F73967E8)  # FNV-1a's published vectors
    events = [ics.Event(dt.date(2026, 12, 31), "Pay 950.00", "Card, 1 of 2"), ics.Event(dt.date(2027, 1, 31), "Pay")]
    stamp = dt.datetime(2026, 12, 1, 8, 30, 5, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    for lang, soon, tomorrow in (("en", "Pay 950.00 (due in 3 days)", "Pay 950.00 (due tomorrow)"),
                                 ("zh", "Pay 950.00（3 天后到期）", "Pay 950.00（明天到期）")):
        text = ics.calendar(events, key="plan", name="My plan; 2", stamp=stamp, lang=lang)
        uid = [f"{day}-{_fnv1a(f'plan|{iso}|{summary}|{i}'):016x}@overdue-help"
               for i, (day, iso, summary) in enumerate((("20261231", "2026-12-31", "Pay 950.00"),
                                                        ("20270131", "2027-01-31", "Pay")))]
        alarm = lambda trigger, note: ["BEGIN:VALARM", "ACTION:DISPLAY", f"DESCRIPTION:{note}",  # noqa: E731
                                       f"TRIGGER:{trigger}", "END:VALARM"]
        later_soon = "Pay (due in 3 days)" if lang == "en" else "Pay（3 天后到期）"
        later_tomorrow = "Pay (due tomorrow)" if lang == "en" else "Pay（明天到期）"
        assert text.split("\r\n") == [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Overdue Help//calculators//ZH", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:My plan\\; 2",
            "BEGIN:VEVENT", f"UID:{uid[0]}", "DTSTAMP:20261201T003005Z", "DTSTART;VALUE=DATE:20261231",
            "DTEND;VALUE=DATE:20270101", "SUMMARY:Pay 950.00", "DESCRIPTION:Card\\, 1 of 2", "TRANSP:TRANSPARENT",
            *alarm("-P2DT15H", soon), *alarm("-PT15H", tomorrow), "END:VEVENT",
            "BEGIN:VEVENT", f"UID:{uid[1]}", "DTSTAMP:20261201T003005Z", "DTSTART;VALUE=DATE:20270131",
            "DTEND;VALUE=DATE:20270201", "SUMMARY:Pay", "TRANSP:TRANSPARENT",
            *alarm("-P2DT15H", later_soon), *alarm("-PT15H", later_tomorrow), "END:VEVENT",
            "END:VCALENDAR", "",
        ]
    assert ics.calendar([], key="k", name="n", stamp=stamp).split("\r\n")[-2:] == ["END:VCALENDAR", ""]
    with pytest.raises(ValueError, match="timezone-aware"):
        ics.calendar(events, key="plan", name="x", stamp=dt.datetime(2026, 12, 1, 8, 0))


def test_the_same_plan_gives_the_same_uids_and_each_event_its_own():
    day = dt.date(2026, 12, 31)
    one = ics._uid("k", ics.Event(day, "a"), 0)
    assert one == ics._uid("k", ics.Event(day, "a", "another description"), 0)
    assert len({one, ics._uid("k", ics.Event(day, "a"), 1), ics._uid("j", ics.Event(day, "a"), 0),
                ics._uid("k", ics.Event(day, "b"), 0), ics._uid("k", ics.Event(day + dt.timedelta(1), "a"), 0)}) == 5


def test_lines_fold_at_75_octets_and_never_inside_a_character():
    assert ics.fold("x" * 75) == "x" * 75
    assert ics.fold("x" * 76) == "x" * 75 + "\r\n " + "x"
    assert ics.fold("x" * 150) == "x" * 75 + "\r\n " + "x" * 74 + "\r\n " + "x"
    assert ics.fold("x" * 149) == "x" * 75 + "\r\n " + "x" * 74
    assert ics.fold("") == ""
    folded = ics.fold("x" * 74 + "还" + "y")  # the 3-octet character would end at octet 77: it starts the next line
    assert folded == "x" * 74 + "\r\n " + "还y"
    assert ics.fold("x" * 72 + "还") == "x" * 72 + "还"


def test_text_values_escape_what_the_format_reserves():
    assert ics.escape("a\r\nb\rc\nd") == "a\\nb\\nc\\nd"
    assert ics.escape("\\;,") == "\\\\\\;\\,"
    assert ics.escape("plain 文字") == "plain 文字"


# ---- money.py: the messages of the options a field passes, and the text helpers -------------------

from calculators import money  # noqa: E402


@pytest.mark.parametrize("typed, options, zh, en", [
    ("-5", {"allow_zero": True, "example": "800"}, "金额不能是负数，请输入 0 或更大的金额，例如 800",
     "An amount cannot be negative; enter 0 or more, such as 800"),
    ("99.99", {"minimum": Decimal(100)}, "金额不能少于 100.00 元", "The amount cannot be below ¥100.00"),
    ("5001", {"maximum": Decimal(5000)}, "金额不能超过 5,000.00 元，请检查是否多输了一个 0",
     "The amount cannot be above ¥5,000.00; check for an extra zero"),
    ("1万", {"maximum": Decimal(9999)}, "金额不能超过 9,999.00 元，请检查是否多输了一个 0",
     "The amount cannot be above ¥9,999.00; check for an extra zero"),
    ("", {"example": "300"}, "请输入金额，例如 300", "Enter an amount, such as 300"),
    ("x" * 41, {"example": "300"}, "这个数字太长了，请输入例如 300", "That number is too long; enter something like 300"),
    ("abc", {"example": "300"}, "请只输入数字，例如 300", "Enter a number only, such as 300"),
])
def test_an_amounts_message_follows_the_fields_limits_and_example(typed, options, zh, en):
    assert _message(money.parse_amount, "f", typed, **options) == ("f", zh, en)


def test_an_amount_on_its_limits_is_accepted():
    assert money.parse_amount("f", "0", allow_zero=True) == 0
    assert money.parse_amount("f", "100", minimum=Decimal(100)) == 100
    assert money.parse_amount("f", "5000", maximum=Decimal(5000)) == 5000
    assert money.parse_amount("f", "1亿") == money.MAX_AMOUNT
    assert money.parse_amount("f", "0" * 39 + "1") == 1  # 40 characters is not too long
    assert money.parse_amount("f", "cny 2千") == 2000 and money.parse_amount("f", "yuan5") == 5


@pytest.mark.parametrize("typed, options, zh, en", [
    ("abc", {"noun": ("罚息日利率", "the penalty daily rate"), "maximum": Decimal(5), "example": "0.1",
             "means": ("每天 0.1%", "0.1% a day")},
     "请输入罚息日利率的百分数，0 到 5 之间，例如 0.1（表示每天 0.1%）",
     "Enter the penalty daily rate in percent, from 0 to 5, such as 0.1 (meaning 0.1% a day)"),
    ("6", {"noun": ("罚息日利率", "the penalty daily rate"), "maximum": Decimal(5)},
     "罚息日利率不能超过 5%，请检查小数点的位置", "The penalty daily rate cannot be above 5%; check the decimal point"),
    ("6", {"noun": ("违约金比例", "penalty share"), "maximum": Decimal("5.50")},
     "违约金比例不能超过 5.5%，请检查小数点的位置", "The penalty share cannot be above 5.5%; check the decimal point"),
    ("101", {"per": "month", "maximum": Decimal(100)}, "月利率不能超过 100%，请检查小数点的位置",
     "The monthly rate cannot be above 100%; check the decimal point"),
    ("2", {"per": "day", "maximum": Decimal(1)}, "日利率不能超过 1%，请检查小数点的位置",
     "The daily rate cannot be above 1%; check the decimal point"),
    ("0", {"allow_zero": False}, "请输入大于 0 的年利率，例如 4.9", "Enter an annual rate above 0, such as 4.9"),
    ("0%", {"allow_zero": False, "per": "day", "example": "0.05"}, "请输入大于 0 的日利率，例如 0.05",
     "Enter a daily rate above 0, such as 0.05"),
    ("", {"per": "month"}, "请输入月利率的百分数，例如 4.9（表示 4.9%）", "Enter a monthly rate in percent, such as 4.9 (meaning 4.9%)"),
    ("1" * 41, {}, "这个数字太长了，请输入例如 4.9", "That number is too long; enter something like 4.9"),
    ("0.1234567", {"per": "day"}, "利率最多保留 6 位小数，例如 4.9", "Give the rate with at most 6 decimals, such as 4.9"),
    ("-0.5%", {"example": "0.05"}, "利率不能是负数，例如 0.05", "A rate cannot be negative; enter one such as 0.05"),
    ("1.5.5", {}, "请输入年利率的百分数，例如 4.9（表示 4.9%）", "Enter an annual rate in percent, such as 4.9 (meaning 4.9%)"),
])
def test_a_rates_message_names_the_rate_and_its_limit(typed, options, zh, en):
    assert _message(money.parse_rate, "r", typed, **options) == ("r", zh, en)


def test_a_rate_on_its_limits_is_accepted():
    assert money.parse_rate("r", "+5%", maximum=Decimal(5)) == 5
    assert money.parse_rate("r", "0.000001") == Decimal("0.000001")
    assert money.parse_rate("r", "0") == 0


@pytest.mark.parametrize("typed, value", [("3天", 3), ("12天", 12), ("12期", 12), ("12笔", 12), ("12个", 12), ("12月", 12),
                                          ("12个月", 12), ("123个月", 123), ("12 次", 12), ("7", 7)])
def test_a_count_may_carry_its_unit(typed, value):
    assert money.parse_count("n", typed, minimum=1, maximum=999, unit_zh="次", unit_en="times", example="2") == value


def test_a_count_is_whole_ascii_digits_within_its_limits():
    kwargs = {"minimum": 2, "maximum": 9, "unit_zh": "天", "unit_en": "days", "example": "3"}
    assert money.parse_count("n", "2", **kwargs) == 2 and money.parse_count("n", "9", **kwargs) == 9
    for typed in ("1", "10", "٣", "0" * 41, "1" * 41, ""):  # ٣: an Arabic-Indic 3, a digit but not ASCII
        assert _message(money.parse_count, "n", typed, **kwargs) == (
            "n", "请输入 2 到 9 之间的整数（天），例如 3", "Enter a whole number of days from 2 to 9, such as 3")
    assert money.parse_count("n", "0" * 39 + "5", **kwargs) == 5


def test_an_input_error_carries_its_field_and_both_languages():
    err = money.InputError("debts.0.rate", "中文", "English")
    assert (err.field, err.zh, err.en, err.message) == ("debts.0.rate", "中文", "English",
                                                        {"zh": "中文", "en": "English"})
    assert str(err) == "debts.0.rate: 中文" and isinstance(err, ValueError)


def test_typed_text_is_normalised_and_only_text_or_whole_numbers_enter():
    assert money._clean(None) == ""
    assert money._clean(" Ａ　B\t5 000，5。0－1−2 ") == "ab5000,5.0-1-2"
    assert money._clean(12) == "12" and money._clean(Decimal("1.50")) == "1.50"
    for bad, kind in ((True, "bool"), (1.5, "float"), ([1], "list")):
        with pytest.raises(TypeError, match=f"^expected text, got {kind}$"):
            money._clean(bad)


def test_the_text_helpers_round_half_up_and_never_show_minus_zero():
    assert money.money_text(Decimal("0.005")) == "0.01" and money.money_text(Decimal("-0.005")) == "-0.01"
    assert money.money_text(Decimal("12")) == "12.00"
    assert money.grouped(Decimal("1234567.005")) == "1,234,567.01" and money.grouped(Decimal("-0.001")) == "0.00"
    assert money.percent_text(Decimal("1.2345"), 3) == "1.235" and money.percent_text(Decimal("2.5"), 0) == "3"
    assert money.percent_text(Decimal("-0.004"), 2) == "0.00" and money.percent_text(Decimal("-0.005")) == "-0.01"
    assert money.percent_text(Decimal("-1")) == "-1.00"
    assert money.plain(Decimal("1000.00")) == "1000" and money.plain(Decimal("0.50")) == "0.5"
    assert money.plain(Decimal("100")) == "100" and money.plain(Decimal("1E+2")) == "100"
    assert money.round_money(Decimal("-0.005")) == Decimal("-0.01")
    assert str(money.round_money(Decimal("-0.004"))) == "0.00"
    assert money._capital("annual rate") == "The annual rate" and money._capital("the fee") == "The fee"


@pytest.mark.parametrize("options, reason", [
    ({"kind": "money", "noun_zh": "费"}, "fee: a noun in both languages or neither"),
    ({"kind": "money", "noun_en": "the fee"}, "fee: a noun in both languages or neither"),
    ({"kind": "money", "zero_zh": "没有"}, "fee: zero's word in both languages or neither"),
    ({"kind": "money", "zero_en": "there is none"}, "fee: zero's word in both languages or neither"),
    ({"kind": "percent"}, "fee: a percent field needs its high"),
    ({"kind": "amount"}, "amount"),
    ({"kind": "money", "unit": "dollars"}, "dollars"),
])
def test_a_field_defined_with_half_its_words_or_an_unknown_kind_stops_the_build(options, reason):
    with pytest.raises(AssertionError, match=f"^{reason}$"):
        Field("fee", label_zh="费", label_en="Fee", **options)
    # the same field whole is fine
    Field("fee", "money", "费", "Fee", noun_zh="费", noun_en="the fee", zero_zh="没有", zero_en="there is none")
    Field("share", "percent", "比例", "Share", high=5)


# ---- checklist.py: the messages for papers without their dates, and the steps on their edges ------

from calculators import checklist  # noqa: E402

NOV30 = dt.date(2026, 11, 30)


@pytest.mark.parametrize("form, field, zh, en", [
    ({"papers": "judgment"}, "papers_date", "请填写收到文书的日期，才能算出期限，例如 2026-11-20",
     "Enter the date you received the papers so the deadline can be worked out, such as 2026-11-20"),
    ({"papers": "summons"}, "hearing_date", "请填写传票上写的开庭日期，例如 2026-12-10",
     "Enter the hearing date written on the summons, such as 2026-12-10"),
    ({"papers": "summons", "papers_date": "2026-12-01", "hearing_date": "2026-12-20"}, "papers_date",
     "收到文书的日期不能晚于今天", "The date you received the papers cannot be after today"),
    ({"papers": "summons", "papers_date": "2026-11-20", "hearing_date": "2026-11-19"}, "hearing_date",
     "开庭日期不能早于收到文书的日期，请对照传票再填一次",
     "The hearing date cannot be before the day you received the papers; check it against the summons"),
    ({"papers": "court_notice", "papers_date": "2026-11-20", "notice_deadline": "2026-11-19"}, "notice_deadline",
     "通知书上的期限不能早于收到文书的日期，请对照通知书再填一次",
     "The deadline on the notice cannot be before the day you received the papers; check it against the notice"),
])
def test_papers_with_missing_or_impossible_dates_get_their_own_message(form, field, zh, en):
    assert _message(checklist.read_form, {**form, "today": "2026-11-30"}) == (field, zh, en)


def test_a_hearing_or_notice_date_on_the_day_the_papers_came_is_accepted():
    for papers, name, key in (("summons", "hearing_date", "attend_hearing"),
                              ("court_notice", "notice_deadline", "court_deadline")):
        inputs = checklist.read_form({"papers": papers, "papers_date": "2026-11-20", name: "2026-11-20",
                                      "today": "2026-11-20"})
        first = checklist.calculate(inputs).steps[0]
        assert (first.key, first.deadline, first.days_left) == (key, dt.date(2026, 11, 20), 0)
    same_day = checklist.read_form({"papers": "lawsuit", "papers_date": "2026-11-30", "today": "2026-11-30"})
    assert checklist.calculate(same_day).steps[0].days_left == 15


def test_a_court_notice_with_its_date_gives_that_date_instead_of_asking_to_read_the_notice():
    inputs = checklist.read_form({"papers": "court_notice", "papers_date": "2026-11-20",
                                  "notice_deadline": "2026-12-04", "today": "2026-11-30"})
    keys = [s.key for s in checklist.calculate(inputs).steps]
    assert keys[:2] == ["court_deadline", "verify_case"] and "read_court_notice" not in keys


def test_a_date_typed_for_a_court_notice_does_not_remove_another_papers_steps():
    inputs = checklist.read_form({"papers": "arbitration_notice", "notice_deadline": "2026-12-20",
                                  "today": "2026-11-30"})
    keys = [s.key for s in checklist.calculate(inputs).steps]
    assert keys[0] == "check_arbitration" and "court_deadline" not in keys


def test_without_a_day_in_the_form_the_callers_day_counts():
    inputs = checklist.Inputs(papers="payment_order", papers_date=dt.date(2026, 11, 20))
    result = checklist.calculate(inputs, NOV30)
    assert (result.today, result.steps[0].days_left) == (NOV30, 5)
    assert checklist.calculate(checklist.Inputs(today=dt.date(2026, 1, 1)), NOV30).today == dt.date(2026, 1, 1)


@pytest.mark.parametrize("form, has, lacks", [
    ({"can_pay": "500", "minimums": "500"}, ["plan_payoff"], ["negotiate_shortfall"]),
    ({"can_pay": "499.99", "minimums": "500"}, ["negotiate_shortfall"], ["plan_payoff"]),
    ({"situation": "not_yet", "online_loan": "yes", "credit_card": "yes"}, ["talk_before_due"],
     ["check_charges", "credit_card_contact", "plan_payoff"]),
    ({"situation": "under_30", "online_loan": "no"}, ["plan_payoff"], ["check_charges"]),
    ({"situation": "over_90", "online_loan": "yes", "credit_card": "yes", "private_loan": "yes"},
     ["credit_card_contact", "check_charges", "private_loan_cap"], []),
])
def test_the_debts_own_steps_follow_the_situation(form, has, lacks):
    keys = [s.key for s in checklist.calculate(checklist.read_form({**form, "today": "2026-11-30"})).steps]
    assert all(k in keys for k in has) and not any(k in keys for k in lacks), keys
    assert keys[-2:] == ["check_credit_report", "keep_records"]


def test_the_checklist_as_json():
    inputs = checklist.read_form({"papers": "lawsuit", "papers_date": "2026-11-20", "hearing_date": "2026-12-01",
                                  "can_pay": "300", "minimums": "1000.5", "online_loan": "no", "today": "2026-11-30"})
    assert checklist.to_dict(checklist.calculate(inputs)) == {
        "today": "2026-11-30", "count": 7, "first_deadline": "2026-12-01", "shortfall": "700.50",
        "steps": [{"key": "attend_hearing", "deadline": "2026-12-01", "days_left": 1},
                  {"key": "answer_lawsuit", "deadline": "2026-12-05", "days_left": 5},
                  {"key": "read_court_notice"}, {"key": "verify_case"}, {"key": "negotiate_shortfall"},
                  {"key": "check_credit_report"}, {"key": "keep_records"}]}
    plain = checklist.to_dict(checklist.calculate(checklist.read_form({"online_loan": "no", "today": "2026-11-30"})))
    assert plain == {"today": "2026-11-30", "count": 3, "steps": [{"key": "plan_payoff"},
                                                                  {"key": "check_credit_report"},
                                                                  {"key": "keep_records"}]}


def test_the_calendar_is_in_chinese_unless_asked_and_stamps_utc_whatever_the_machines_zone(monkeypatch):
    import time

    event = ics.Event(dt.date(2026, 12, 31), "还款")
    stamp = dt.datetime(2026, 12, 1, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    text = ics.calendar([event], key="k", name="n", stamp=stamp)
    assert "DESCRIPTION:还款（3 天后到期）" in text.split("\r\n")
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        assert "DTSTAMP:20261201T003000Z" in ics.calendar([event], key="k", name="n", stamp=stamp).split("\r\n")
    finally:
        monkeypatch.undo()
        time.tzset()
    with pytest.raises(ValueError, match="^stamp must be timezone-aware$"):
        ics.calendar([event], key="k", name="n", stamp=dt.datetime(2026, 12, 1))


@pytest.mark.parametrize("field, typed, zh, en", [
    (Field("p", "rate", "罚息", "Penalty", per="day", high=5, example="0.1", noun_zh="罚息日利率",
           noun_en="the penalty daily rate", means_zh="每天 0.1%", means_en="0.1% a day"), "abc",
     "请输入罚息日利率的百分数，0 到 5 之间，例如 0.1（表示每天 0.1%）",
     "Enter the penalty daily rate in percent, from 0 to 5, such as 0.1 (meaning 0.1% a day)"),
    (Field("p", "rate", "罚息", "Penalty", per="day", high=5, noun_zh="罚息日利率", noun_en="the penalty daily rate"),
     "6", "罚息日利率不能超过 5%，请检查小数点的位置", "The penalty daily rate cannot be above 5%; check the decimal point"),
    (Field("r", "rate", "利率", "Rate", example="3.6"), "abc", "请输入年利率的百分数，例如 3.6（表示 3.6%）",
     "Enter an annual rate in percent, such as 3.6 (meaning 3.6%)"),
])
def test_a_rate_fields_own_words_reach_its_messages(field, typed, zh, en):
    assert _message(fields.parse_text, field, typed, "k") == ("k", zh, en)


def test_a_percent_on_its_low_is_accepted():
    assert fields.parse_text(SHARE, "1", "share") == Decimal(1)
    assert fields.parse_text(SHARE, "50", "share") == Decimal(50)
