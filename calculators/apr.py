"""apr: the true annualized rate behind a quoted price.

中国人民银行公告〔2021〕第3号 asks every lender to show the annualized rate:
all borrowing costs over the principal actually in the borrower's hands, per
year. For an instalment loan that is the IRR of the cash flows (``rates.irr``):
what the borrower received at the start against each month's payment.

Two ways a price is quoted, and the flows each gives:

- a level monthly ``payment`` for ``n`` months: ``n`` equal flows;
- a flat ``monthly_fee_rate`` on the original principal, principal repaid in
  equal parts: ``P/n + P × fee rate`` each month (the last part settles the
  rounding).

``received`` is what reached the borrower (less than ``principal`` when a fee
or interest was kept back up front: 砍头息). Results: the monthly IRR, the
simple yearly figure ``IRR × 12`` (单利) and the compound ``(1 + IRR)^12 − 1``.

The announcement's example: 100,000 lent, 1,000 fee up front, 12 × 8,833.30:

>>> r = calculate(read_form({"principal": "100000", "received": "99000", "months": "12", "payment": "8833.30"}))
>>> percent_text(r.apr_nominal), percent_text(r.apr_effective)
('12.80', '13.58')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from . import fields, lines, rates, schedules
from .fields import Field
from .money import ZERO, InputError, grouped, money_text, percent_text, round_money
from .wording import count

SLUG = "apr"
TITLE = {"zh": "真实年化利率", "en": "True annual rate"}

FIELDS = (
    Field("principal", "money", "合同借款金额", "Loan amount in the contract", unit="yuan", default="100000",
          help_zh="借款合同或借款页面上写的金额", help_en="The amount the contract or loan page states"),
    Field("received", "money", "实际到手金额", "Amount you actually received", unit="yuan", default="99000",
          required=False,
          help_zh="打到你银行卡上的钱。如果放款时扣了服务费、利息，这里会比合同金额少；留空表示全额到手",
          help_en="What reached your bank account. Less than the contract amount if fees or interest were "
                  "kept back; leave empty if you got the full amount"),
    Field("months", "count", "分几期还", "Number of monthly payments", unit="months", default="12",
          low=1, high=600, help_zh="一个月一期", help_en="One payment a month"),
    Field("payment", "money", "每期还款额", "Monthly payment", unit="yuan", default="8833.30", required=False,
          help_zh="每月要还的钱（本金、利息、各种费用加在一起）。和下面的“月费率”二选一",
          help_en="What you pay each month, interest and fees included. Fill in this or the monthly fee "
                  "rate below, not both"),
    Field("monthly_fee_rate", "rate", "月费率（按合同金额收）", "Monthly fee rate (on the full amount)",
          unit="percent", per="month", required=False, high=Decimal("100"),
          help_zh="有的平台说“月费率 0.6%”“每月手续费”：按最初的借款金额每月收一次，本金分期还。和上面的“每期还款额”二选一",
          help_en="Some platforms quote a monthly fee such as 0.6% charged on the original amount every "
                  "month while the principal is repaid in parts. Fill in this or the monthly payment, not both"),
    lines.LENDER_FIELD,
)


@dataclass(frozen=True)
class Inputs:
    principal: Decimal
    months: int
    received: Decimal | None = None
    payment: Decimal | None = None
    monthly_fee_rate: Decimal | None = None
    lender: str | None = None  # lines.LENDERS; None or "unknown": not given, no verdict

    def __post_init__(self) -> None:
        fields.check(FIELDS, self)
        if self.received is not None and self.received > self.principal:
            raise InputError("received", "实际到手金额不能超过合同借款金额",
                             "The amount received cannot be above the loan amount")
        if self.payment is None and self.monthly_fee_rate is None:
            raise InputError("payment", "请填写每期还款额（或者填月费率），例如 8833.30",
                             "Fill in the monthly payment (or the monthly fee rate), such as 8833.30")
        if self.payment is not None and self.monthly_fee_rate is not None:
            raise InputError("monthly_fee_rate", "每期还款额和月费率只填一项，请清空其中一项",
                             "Fill in the monthly payment or the monthly fee rate, not both: clear one")
        if self.payment is not None and self.payment * self.months < self.cash_received:
            raise InputError(
                "payment",
                f"{self.months} 期加起来只有 {grouped(self.payment * self.months)} 元，比到手的钱还少，请检查每期还款额",
                f"{count(self.months, 'payment', 'en')} {'adds' if self.months == 1 else 'add'} up to "
                f"¥{grouped(self.payment * self.months)}, less than you "
                "received; check the monthly payment",
            )

    @property
    def cash_received(self) -> Decimal:
        return self.principal if self.received is None else self.received


@dataclass(frozen=True)
class Result:
    inputs: Inputs
    payments: tuple[Decimal, ...]
    total_paid: Decimal
    total_cost: Decimal
    irr_monthly: Decimal  # percent
    apr_nominal: Decimal  # percent
    apr_effective: Decimal  # percent
    lines: tuple[lines.Line, ...]


def read_form(form: Mapping[str, object]) -> Inputs:
    """Inputs from a form of text values.

    An optional field left out of the form is "not given", exactly as if it
    were sent blank: a field's ``default`` is only the page's starting text
    (issue 13, item 4). So no ``received`` means the whole principal reached
    the borrower, and a monthly fee rate alone is not met by the page's
    example payment:

    >>> r = calculate(read_form({"principal": "12000", "months": "12", "monthly_fee_rate": "0.6"}))
    >>> r.inputs.cash_received, percent_text(r.apr_nominal), percent_text(r.apr_effective)
    (Decimal('12000'), '13.03', '13.84')
    """
    return Inputs(**fields.read_all(FIELDS, fields.not_given(FIELDS, form)))


def payments_of(inputs: Inputs) -> list[Decimal]:
    """Each month's payment: the level payment, or principal part + flat fee.

    >>> payments_of(read_form({"principal": "1000", "received": "", "months": "3", "payment": "", "monthly_fee_rate": "1"}))
    [Decimal('343.33'), Decimal('343.33'), Decimal('343.34')]
    """
    n = inputs.months
    if inputs.payment is not None:
        return [inputs.payment] * n
    fee = round_money(inputs.principal * inputs.monthly_fee_rate / 100)
    return [p + fee for p in schedules.parts(inputs.principal, n)]


def calculate(inputs: Inputs) -> Result:
    """The IRR of the loan and its yearly figures, compared with the cost lines."""
    payments = payments_of(inputs)
    received = inputs.cash_received
    monthly = rates.irr([-received, *payments])
    nominal, effective = rates.monthly_to_yearly(monthly)
    total = sum(payments, ZERO)
    return Result(
        inputs=inputs,
        payments=tuple(payments),
        total_paid=total,
        total_cost=total - received,
        irr_monthly=monthly * 100,
        apr_nominal=nominal * 100,
        apr_effective=effective * 100,
        lines=tuple(lines.compare(nominal * 100, lender=inputs.lender)),
    )


def to_dict(result: Result) -> dict:
    return {
        "payments": [money_text(p) for p in result.payments],
        "total_paid": money_text(result.total_paid),
        "total_cost": money_text(result.total_cost),
        "irr_monthly": percent_text(result.irr_monthly),
        "apr_nominal": percent_text(result.apr_nominal),
        "apr_effective": percent_text(result.apr_effective),
        "lines": lines.to_list(list(result.lines)),
    }
