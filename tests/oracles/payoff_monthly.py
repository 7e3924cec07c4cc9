"""payoff's plan worked out month by month, every month: the oracle for ``calculators.payoff.simulate``.

This is the implementation ``calculators/payoff.py`` used before it learnt to jump over runs of
months where nothing changes (issue 23): the same rules, stepped one month at a time for every
debt, with Decimal arithmetic at 80 digits. ``tests/test_payoff.py`` checks that the fast plan
gives exactly these payments, balances, totals, payoff months and interest, to the fen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext
from itertools import repeat
from operator import add, mul, sub, truediv

from calculators.money import ZERO, round_money
from calculators.payoff import _PRECISION, _TWELVE_HUNDRED, MAX_MONTHS, Debt


@dataclass(frozen=True)
class MonthlyPlan:
    """One order's plan: per month, per debt (in the order entered)."""

    strategy: str
    payments: tuple[tuple[Decimal, ...], ...]
    balances: tuple[tuple[Decimal, ...], ...]  # after the month's payment
    totals: tuple[Decimal, ...]
    cleared: tuple[int, ...]  # per debt: the month it is paid off
    interest: tuple[Decimal, ...]  # per debt


def simulate(debts: Sequence[Debt], budget: Decimal, strategy: str) -> MonthlyPlan | None:
    """The month-by-month plan for one order, or None if it needs more than 600 months.

    Each month: ``interest = round(balance × rate ÷ 1200)`` is added; each debt
    pays ``min(minimum, owed)``; the rest of the budget goes to debts in order
    (see the module docstring), each up to what it owes. The budget must cover
    the first month's minimums (``Inputs`` checks it).

    >>> d = (Debt(Decimal("1000"), Decimal("12"), Decimal("100")), Debt(Decimal("500"), Decimal("24"), Decimal("50")))
    >>> p = simulate(d, Decimal("400"), "avalanche")
    >>> p.totals, p.cleared, p.interest
    ((Decimal('400.00'), Decimal('400.00'), Decimal('400.00'), Decimal('344.04')), (4, 2), (Decimal('29.84'), Decimal('14.20')))
    """
    n = len(debts)
    # The debts still owed, as parallel lists: position k is debt idx[k] (in the order
    # entered). Whole-list steps go through map(), so 20 debts × 600 months stay fast.
    idx = list(range(n))
    bal = [d.balance for d in debts]
    rate = [d.annual_rate for d in debts]
    neg_rate = [-r for r in rate]
    mins = [d.minimum for d in debts]
    acc = [ZERO] * n  # interest so far, by position
    interest = [ZERO] * n  # by debt, set when it is cleared
    cleared = [0] * n
    payments: list[tuple[Decimal, ...]] = []
    balances: list[tuple[Decimal, ...]] = []
    totals: list[Decimal] = []
    avalanche = strategy == "avalanche"
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        for month in range(1, MAX_MONTHS + 1):
            # Each month pays at most the budget and interest only adds: past this,
            # the months left cannot clear what is owed (and balances stay small).
            if sum(bal, ZERO) > budget * (MAX_MONTHS - month + 1):
                return None
            # Interest posted (a money event), then each minimum, capped at what is owed.
            posted = list(map(round_money, map(truediv, map(mul, bal, rate), repeat(_TWELVE_HUNDRED))))
            acc = list(map(add, acc, posted))
            owed = list(map(add, bal, posted))
            paid = list(map(min, mins, owed))
            bal = list(map(sub, owed, paid))
            left = budget - sum(paid, ZERO)
            if left:  # the rest of the budget, one debt at a time, in the order's priority
                positions = range(len(idx))
                keys = (zip(neg_rate, owed, idx, positions, strict=True) if avalanche
                        else zip(owed, neg_rate, idx, positions, strict=True))
                for *_, k in sorted(keys):
                    b = bal[k]
                    if b:
                        extra = left if left < b else b
                        paid[k] += extra
                        bal[k] = b - extra
                        left -= extra
                        if not left:
                            break
            if len(idx) == n:
                payments.append(tuple(paid))
                balances.append(tuple(bal))
            else:
                pay_row = [ZERO] * n
                bal_row = [ZERO] * n
                for k, j in enumerate(idx):
                    pay_row[j] = paid[k]
                    bal_row[j] = bal[k]
                payments.append(tuple(pay_row))
                balances.append(tuple(bal_row))
            totals.append(round_money(budget - left))
            if not all(bal):
                keep = []
                for k, j in enumerate(idx):
                    if bal[k]:
                        keep.append(k)
                    else:
                        cleared[j] = month
                        interest[j] = acc[k]
                if not keep:
                    return MonthlyPlan(strategy, tuple(payments), tuple(balances), tuple(totals),
                                       tuple(cleared), tuple(interest))
                idx, bal, rate, neg_rate, mins, acc = (
                    [column[k] for k in keep] for column in (idx, bal, rate, neg_rate, mins, acc))
    return None
