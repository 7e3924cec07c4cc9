"""The present value and its slope as a plain loop over the flows: the oracle for
``calculators.rates._Flows`` (the same products and sums, in the same order, run through map)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal


def npv_and_slope(rate: Decimal, flows: Sequence[Decimal]) -> tuple[Decimal, Decimal]:
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
