"""Rate arithmetic shared by the calculators: IRR and rate conversions.

The internal rate of return (IRR) of a loan is the periodic rate ``r`` at
which what the borrower received equals the present value of what they pay:

    received = sum(payment_k / (1 + r) ** k  for k = 1..n)

It is the honest price of a loan: 中国人民银行公告〔2021〕第3号 asks lenders to
state the annualized rate this way. A monthly IRR becomes a yearly figure two
ways: simple, ``r × 12`` (the announcement's 单利 figure), or compound,
``(1 + r) ** 12 − 1``.

The announcement's own example: 100,000 lent, a fee of 1,000 taken up front,
twelve payments of 8,833.30:

>>> r = irr([Decimal("-99000")] + [Decimal("8833.30")] * 12)
>>> percent_text(r * 12 * 100), percent_text(((1 + r) ** 12 - 1) * 100)
('12.80', '13.58')
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, localcontext

from .money import percent_text  # noqa: F401  (used in the docstring example)

_TOLERANCE = Decimal("1e-15")


def _npv_and_slope(rate: Decimal, flows: Sequence[Decimal]) -> tuple[Decimal, Decimal]:
    """Present value of ``flows`` (flow k at period k) and its derivative in ``rate``."""
    v = 1 / (1 + rate)
    discount = Decimal(1)
    npv = Decimal(0)
    slope = Decimal(0)
    for k, flow in enumerate(flows):
        if flow:
            npv += flow * discount
            slope -= k * flow * discount * v
        discount *= v
    return npv, slope


_HIGHEST = Decimal(10) ** 12  # irr's widest upper end a period (10^14 %): past any loan the forms take
_NEWTON = 20  # irr's steps that are Newton's alone (inside the bracket); then it bisects every other step


def _float_start(flows: Sequence[Decimal], backwards: Sequence[float] | None = None) -> float | None:
    """Where Newton's method in Decimal starts: where the same steps end in floats (a 600-month
    loan's flows take a few float steps instead of several 28-digit ones), or None (start at 1 %).

    The float steps are ``irr``'s own, from 1 %, with its bracket: at the first step that ``irr``
    would replace by bisection (outside the bracket, or no slope) this gives None and ``irr`` goes
    its own way from 1 %, as it always did. Only for flows whose signs change once (a loan: money
    in, then payments out), which have one root above −100 % (Descartes' rule of signs in
    ``1 / (1 + r)``), so both reach the same root; None too when the float steps do not settle.

    >>> round(_float_start([Decimal(-100), Decimal(110)]), 12)
    0.1
    >>> _float_start([Decimal(-100), Decimal(230), Decimal(-132)]) is None  # two sign changes
    True
    """
    if backwards is None:  # the flows in floats, latest first (irr passes them, made once)
        backwards = [float(f) for f in reversed(flows)]
    signs = [f < 0 for f in backwards if f]
    if sum(a != b for a, b in zip(signs, signs[1:], strict=False)) != 1:
        return None
    low, high = -0.99, 10.0
    f_low = next(f for f in backwards if f)  # irr's: the latest flow gives the sign near −100 %
    rate = 0.01
    try:
        for _ in range(_NEWTON):
            # Horner: npv = p(v) = sum f_k v^k with v = 1 / (1 + r), and its slope in r, -p'(v) v²
            v = 1 / (1 + rate)
            npv = derivative = 0.0
            for f in backwards:
                derivative = derivative * v + npv
                npv = npv * v + f
            slope = -derivative * v * v
            if (npv < 0) == (f_low < 0):
                low, f_low = rate, npv
            else:
                high = rate
            if not slope:
                return None
            candidate = rate - npv / slope
            if not low < candidate < high:
                return None
            if abs(candidate - rate) <= 1e-13 * (1 + abs(rate)):
                return candidate
            rate = candidate
    except (OverflowError, ZeroDivisionError):
        return None
    return None


def _root_above(rate: Decimal, flows: Sequence[Decimal], backwards: Sequence[float], f_low: Decimal) -> bool:
    """The present value at ``rate`` still has ``f_low``'s sign (the sign near −100 %), so the root
    lies above ``rate``. In floats (Horner on ``backwards``, the flows latest first, as
    ``_float_start``) when they are sure of the sign, that is when the value is more than 1e-9 of
    the flows' own size; in 28-digit Decimal otherwise.

    >>> _root_above(Decimal(10), [Decimal(-10), Decimal(2000)], [2000.0, -10.0], Decimal(2000))
    True
    >>> _root_above(Decimal(10), [Decimal(-100), Decimal(110)], [110.0, -100.0], Decimal(110))
    False
    """
    v = 1 / (1 + float(rate))
    npv = size = 0.0
    for f in backwards:
        npv = npv * v + f
        size = size * v + abs(f)
    if abs(npv) > 1e-9 * size:
        return (npv < 0) == (f_low < 0)
    return (_npv_and_slope(rate, flows)[0] < 0) == (f_low < 0)


def irr(flows: Sequence[Decimal]) -> Decimal:
    """The periodic IRR of ``flows``: money out of the borrower's hands negative at
    period 0 (or positive: only the signs must differ), payments after.

    Newton's method, kept inside (−99 %, 1000 %) and falling back to bisection (and after
    ``_NEWTON`` steps bisecting every other step, so that it always ends); the upper end is
    first widened tenfold while the root lies above it (a tiny sum received, a large one paid
    back: 10 received, 2,000 paid a month later is 19,900 % a month), up to ``_HIGHEST``;
    precision 28 digits in a local decimal context. It starts where the same steps in
    floats end (``_float_start``), or else from 1 % a period.

    >>> irr([Decimal(-100), Decimal(110)]).quantize(Decimal("1e-12"))
    Decimal('0.100000000000')
    >>> irr([Decimal(-10), Decimal(2000)]).quantize(Decimal("1e-12"))
    Decimal('199.000000000000')
    """
    if not any(f > 0 for f in flows) or not any(f < 0 for f in flows):
        raise ValueError("cash flows need both signs")
    with localcontext() as ctx:
        ctx.prec = 28
        low, high = Decimal("-0.99"), Decimal("10")
        # Near −100 % the latest flow outweighs all others, so it gives the sign at the low end.
        f_low = next(f for f in reversed(flows) if f)
        # at `high` the present value still has the sign it has near −100 %: the root is above it
        backwards = [float(f) for f in reversed(flows)]
        while high < _HIGHEST and _root_above(high, flows, backwards, f_low):
            high *= 10
        start = _float_start(flows, backwards)
        rate = Decimal("0.01") if start is None else Decimal(start)
        for i in range(_NEWTON + 200):
            npv, slope = _npv_and_slope(rate, flows)
            if abs(npv) < _TOLERANCE:
                return +rate
            # keep a bracket so a wild Newton step can be replaced by bisection
            if (npv < 0) == (f_low < 0):
                low, f_low = rate, npv
            else:
                high = rate
            step = npv / slope if slope else Decimal(0)
            candidate = rate - step
            # after _NEWTON steps every other one bisects: Newton can crawl for hundreds of steps far
            # from the root of a long loan's flows (0 % for 514 months: 1/514 of 1 + r a step)
            if not slope or not low < candidate < high or (i >= _NEWTON and i % 2):
                candidate = (low + high) / 2
            if abs(candidate - rate) < _TOLERANCE:
                return +candidate
            rate = candidate
        return +rate


def monthly_to_yearly(rate: Decimal) -> tuple[Decimal, Decimal]:
    """(simple, compound) yearly figures from a monthly fraction.

    >>> [percent_text(x * 100) for x in monthly_to_yearly(Decimal("0.01"))]
    ['12.00', '12.68']
    """
    with localcontext() as ctx:
        ctx.prec = 28
        return rate * 12, (1 + rate) ** 12 - 1


def daily_to_yearly(daily_percent: Decimal, basis: int) -> Decimal:
    """A daily rate in percent as a simple yearly percent on a 360- or 365-day year.

    >>> daily_to_yearly(Decimal("0.05"), 360), daily_to_yearly(Decimal("0.05"), 365)
    (Decimal('18.00'), Decimal('18.25'))
    """
    return daily_percent * basis


def daily_compounded_yearly(daily_percent: Decimal, basis: int = 365) -> Decimal:
    """A daily rate compounded for a year, in percent.

    >>> percent_text(daily_compounded_yearly(Decimal("0.05")))
    '20.02'
    """
    with localcontext() as ctx:
        ctx.prec = 28
        return ((1 + daily_percent / 100) ** basis - 1) * 100
