"""Payment schedules, one of each: the shapes every calculator repays, saves or splits with.

With ``y`` the yearly rate in percent, ``r = y ÷ 1200`` the monthly rate and
``P`` the principal over ``n`` months, each schedule is a list of (principal,
interest) per month, interest ``balance × y ÷ 1200`` rounded half up to the fen
on the balance left (worked out from ``y`` at each month, never from an ``r``
rounded first: 2,887.50 at 3.04 % is 7.315 exactly, 7.32, and
``2887.50 × (3.04 ÷ 1200)`` with the quotient cut at 28 digits falls just below
the half, 7.31); the last month
settles what is left, so the balance ends at exactly 0.00 and the principal
parts add up to ``P`` (a lender's statement convention):

- ``level``: 等额本息, the same payment ``P·r·(1+r)^n / ((1+r)^n − 1)`` a month;
- ``equal_principal``: 等额本金, ``P / n`` of principal a month plus interest;
- ``interest_only``: 先息后本, interest a month, the principal with the last;
- ``bullet``: 到期一次还本付息, ``P + P·r·n`` once, at the end;
- ``parts``: a sum in ``n`` parts of ``sum ÷ n``, the last settling the residue.

References: the formulas are the annuity and straight-line amortisation of any
textbook of financial mathematics, e.g. numpy-financial's ``pmt`` (the level
payment) and S. Kellison, *The Theory of Interest*, ch. 5 (amortisation).

>>> level_payment(Decimal(1000000), Decimal("4.9"), 360)
Decimal('5307.27')
>>> parts(Decimal(100), 3)
[Decimal('33.33'), Decimal('33.33'), Decimal('33.34')]
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from .money import ZERO, round_money

Schedule = list[tuple[Decimal, Decimal]]  # (principal, interest) per month


def level_payment(principal: Decimal, annual_rate: Decimal, months: int) -> Decimal:
    """The 等额本息 payment ``P·r·(1+r)^n / ((1+r)^n − 1)`` with ``r = y ÷ 1200`` (``y`` the
    yearly rate in percent), rounded half up to the fen; ``P / n`` at 0 %.

    Worked out in whole numbers, so a payment that is an exact half fen rounds up as the
    interest does (34-digit decimals put some just below: 2,025.00 at 7.28 % for one month is
    2,037.285, not 2,037.28): with ``y = a / b``, ``d = 1200·b`` and ``P = p / q``,
    ``payment = p·a·(d + a)^n / (q·d·((d + a)^n − d^n))``.

    >>> level_payment(Decimal("2025.00"), Decimal("7.28"), 1)
    Decimal('2037.29')
    """
    if annual_rate == ZERO:
        return round_money(principal / months)
    a, b = annual_rate.as_integer_ratio()
    p, q = principal.as_integer_ratio()
    d = 1200 * b
    grown = (d + a) ** months
    num, den = 100 * p * a * grown, q * d * (grown - d ** months)  # the payment in fen: num ÷ den
    return Decimal((2 * num + den) // (2 * den)).scaleb(-2)  # half up (rates and amounts are ≥ 0)


def _amortise(principal: Decimal, annual_rate: Decimal, months: int, part_of) -> Schedule:
    """Interest ``balance × annual_rate ÷ 1200`` each month; ``part_of(interest)`` the principal
    repaid; the last month settles the balance.

    >>> equal_principal(Decimal("2887.50"), Decimal("3.04"), 1)  # 7.315 exactly: half up
    [(Decimal('2887.50'), Decimal('7.32'))]
    """
    balance = principal
    out: Schedule = []
    for month in range(1, months + 1):
        interest = round_money(balance * annual_rate / 1200)
        part = balance if month == months else min(max(part_of(interest), ZERO), balance)
        balance -= part
        out.append((part, interest))
    return out


def level(principal: Decimal, annual_rate: Decimal, months: int) -> Schedule:
    """等额本息.

    >>> level(Decimal(1000), Decimal(12), 3)  # doctest: +NORMALIZE_WHITESPACE
    [(Decimal('330.02'), Decimal('10.00')), (Decimal('333.32'), Decimal('6.70')),
     (Decimal('336.66'), Decimal('3.37'))]
    """
    payment = level_payment(principal, annual_rate, months)
    return _amortise(principal, annual_rate, months, lambda interest: payment - interest)


def equal_principal(principal: Decimal, annual_rate: Decimal, months: int) -> Schedule:
    """等额本金: ``P / n`` (rounded) of principal each month plus interest."""
    even = round_money(principal / months)
    return _amortise(principal, annual_rate, months, lambda interest: even)


def interest_only(principal: Decimal, annual_rate: Decimal, months: int) -> Schedule:
    """先息后本: interest each month, the principal with the last payment."""
    return _amortise(principal, annual_rate, months, lambda interest: ZERO)


def bullet(principal: Decimal, annual_rate: Decimal, months: int) -> Schedule:
    """到期一次还本付息: nothing until the end, then ``P + round(P × annual_rate × n ÷ 1200)``."""
    return [(ZERO, ZERO)] * (months - 1) + [(principal, round_money(principal * annual_rate * months / 1200))]


METHODS = {"equal_installment": level, "equal_principal": equal_principal,
           "interest_only": interest_only, "bullet": bullet}


def parts(total: Decimal, n: int) -> list[Decimal]:
    """``total`` in ``n`` parts of ``total ÷ n`` rounded to the fen, never more than is left;
    the last part settles the residue, so the parts add up to ``total``: the principal parts of
    ``equal_principal(total, 0, n)``, worked out as runs (the parts that are ``total ÷ n``
    whole, then what is left, then nothing) instead of month by month.

    >>> parts(Decimal(1000), 600)[597:]  # 1.67 × 598 = 998.66: 1.34 left, then nothing
    [Decimal('1.67'), Decimal('1.34'), Decimal('0.00')]
    """
    step = max(round_money(total / n), ZERO)
    whole = min(n - 1, int(total // step)) if step and total > ZERO else 0
    out = [step] * whole
    balance = total - step * whole if whole else total
    if whole < n - 1:  # what is left is less than a part (or nothing): it goes next, then nothing
        part = min(step, balance)
        out.append(part)
        balance -= part
        rest = n - 2 - whole
        if rest:  # nothing, month after month; taken off once so the last part reads as it would
            nothing = min(step, balance)
            out += [nothing] * rest
            balance -= nothing
    out.append(balance)
    return out


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the month's last day.

    >>> add_months(dt.date(2026, 1, 31), 1)
    datetime.date(2026, 2, 28)
    """
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    if day.day <= 28:
        return dt.date(year, month, day.day)
    if month == 2:
        last = 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    else:
        last = 30 if month in (4, 6, 9, 11) else 31
    return dt.date(year, month, min(day.day, last))


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to ``end``: the largest ``k`` with ``add_months(start, k) <= end``.

    >>> months_between(dt.date(2026, 1, 31), dt.date(2026, 2, 28)), months_between(dt.date(2026, 1, 15), dt.date(2026, 7, 14))
    (1, 5)
    """
    k = (end.year - start.year) * 12 + end.month - start.month
    while k > 0 and add_months(start, k) > end:
        k -= 1
    return k
