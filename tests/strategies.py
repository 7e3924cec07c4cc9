"""The Hypothesis strategies the calculator tests share: amounts and rates as
``Decimal`` or as the text a reader types, and hostile text for any field.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from calculators import web


def amounts(low: int | str = 0, high: int | str = 100_000_000, places: int = 2) -> st.SearchStrategy[Decimal]:
    """Decimals from ``low`` to ``high`` in steps of ``10**-places`` (the fen by default)."""
    scale = 10 ** places
    return st.integers(int(Decimal(low) * scale), int(Decimal(high) * scale)).map(
        lambda n: Decimal(n).scaleb(-places))


def as_text(values: st.SearchStrategy[Decimal]) -> st.SearchStrategy[str]:
    """The same values as the plain text a reader types (``1234.50``)."""
    return values.map(lambda d: f"{d:f}")


NASTY = ["", " ", "1e999", "NaN", "nan", "-0", "-0.00", "Infinity", "-Infinity", "０", "１２", "١٢٣",
         "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "9" * 400, "0." + "0" * 300 + "1",
         "5千万亿", "1.2万元", "¥-5", "12%%", "😀", "\u200b5000", "5\u00a0000", "５,０００", "1,2,3", "0x10",
         "1_000", "+", "-", ".", "..5", "5..", "2026-02-30", "2026-13-01", "1900-01-01", "yes", "no", "on"]


def texts() -> st.SearchStrategy[str]:
    """Any text at all, weighted toward what breaks parsers."""
    return st.one_of(st.sampled_from(NASTY), st.text(max_size=40),
                     st.from_regex(r"-?[0-9０-９]{0,12}(\.[0-9]{0,6})?[万千亿%元]?", fullmatch=True))


@st.composite
def hostile_forms(draw) -> tuple[str, dict]:
    """A registered calculator and a form of any text in any of its fields and lists."""
    slug = draw(st.sampled_from(sorted(web.CALCULATORS)))
    module = web.calculator(slug)
    names = [f.name for f in module.FIELDS]
    form = draw(st.dictionaries(st.sampled_from(names), texts(), max_size=len(names)))
    for spec in getattr(module, "LISTS", ()):
        if draw(st.booleans()):
            rows = draw(st.lists(st.dictionaries(st.sampled_from([f.name for f in spec.fields]), texts()),
                                 max_size=spec.high + 2))
            form[spec.name] = rows
    return slug, form
