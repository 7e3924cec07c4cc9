"""Each calculator's test case, in one shape, kept in its own test module as ``CASE``.

``tests/test_<module>.py`` holds ``CASE = Case(...)``: what a reader types, with the
figures it must give and where they come from; bad inputs with the exact message each
gets; and the heaviest input the calculator takes. The contract test
(``tests/test_registry.py``), the browser tests (``tests/browser/test_calculators.py``),
Pyodide parity (``tests/test_pyodide_node.py``) and the bench (``tools/bench.py``) all
read them from here, so a new calculator is listed once, in its own test module.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from calculators import web


@dataclass(frozen=True)
class Known:
    """Inputs as typed (field → text; the rest keep their defaults), figures of the
    reply's ``result`` they must give (key → value as ``to_dict`` writes it), and
    the public source of those figures (document, article, page, or the
    independent computation and how it was done)."""

    form: Mapping[str, object]
    expect: Mapping[str, object]
    source: str


@dataclass(frozen=True)
class Case:
    """One calculator's test case.

    ``typed``: known values; the first is what the browser test types into the page.
    ``bad``: (form, field, zh, en): each form, laid over ``base``, gets exactly this
    message on this field. ``heaviest``: the input that costs the most to compute
    (the bench's); ``toggle``: (field, a, b), what the bench's recalculations
    alternate. ``page_bad``: (field, text) the browser types as a mistake; by
    default "abc" in the first typed field.
    """

    typed: tuple[Known, ...]
    bad: tuple[tuple[Mapping[str, object], str, str, str], ...]
    heaviest: Mapping[str, object]
    toggle: tuple[str, str, str]
    base: Mapping[str, object] = field(default_factory=dict)
    page_bad: tuple[str, str] | None = None

    @property
    def page_mistake(self) -> tuple[str, str]:
        return self.page_bad or (next(iter(self.typed[0].form)), "abc")


def module_name(slug: str) -> str:
    return web.CALCULATORS[slug].__name__.rsplit(".", 1)[-1]


def case(slug: str) -> Case:
    """The ``CASE`` of ``tests/test_<module>.py``; a missing one fails naming the file."""
    name = f"tests.test_{module_name(slug)}"
    try:
        module = importlib.import_module(name)
    except ModuleNotFoundError as err:
        raise AssertionError(f"{slug}: no test module {name.replace('.', '/')}.py") from err
    found = getattr(module, "CASE", None)
    if not isinstance(found, Case):
        raise AssertionError(f"{slug}: {name.replace('.', '/')}.py has no CASE = Case(...)")
    return found


def all_cases() -> dict[str, Case]:
    """Every registered calculator's case, by slug, in the registry's order."""
    return {slug: case(slug) for slug in web.CALCULATORS}
