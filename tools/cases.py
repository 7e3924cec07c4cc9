"""The calculator inputs the runtime is exercised with, from one place.

- `case(slug)` / `all_cases()`: each calculator's cases, kept beside it as data
  (`calculators/cases/<module>.json`, named by its record in calculators/web.py): known values as
  typed with the figures they give and their public source, bad inputs with their exact messages,
  the heaviest input and what the bench toggles. The contract tests (tests/test_registry.py), the
  browser tests, the Pyodide parity test and the bench read them here, and so does the build:
- `runtime_cases()`: every case the trimmed Python standard library is derived from
  (hooks/runtime.py runs them under Pyodide in Node and keeps only the modules they import)
  and the Pyodide-in-Node parity test compares with CPython (tests/test_pyodide_node.py);
- `heaviest()`: each calculator at the heaviest input its limits allow, for `make bench`.

Nothing here imports the tests: a build without `tests/` derives the same runtime. A missing or
broken cases file raises `CaseError` naming the file, which fails the build (never a narrower
runtime). A case is `(slug, form, lang)`, the form a dict of texts as typed (lists of rows for
repeated fields).

A cases file is one JSON object:

    {"slug": "rent-arrears",
     "typed": [{"form": {field: text}, "expect": {result key: value as to_dict writes it},
                "source": "the public source of those figures"}, ...],
     "bad": [{"form": {field: text}, "field": "...", "zh": "...", "en": "...", "note": "optional"}, ...],
     "base": {field: text},            (optional: what every bad form is laid over)
     "heaviest": {field: text},        (the input that costs the most to compute)
     "toggle": [field, a, b],          (what the bench's recalculations alternate; a is heaviest's)
     "page_bad": [field, text]}        (optional: the mistake the browser test types; default
                                        "abc" in the first typed field)
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from calculators import web

Form = tuple[str, dict, str]  # (slug, form, lang)
PACKAGE = Path(web.__file__).resolve().parent  # calculators/: the records' `cases` are below it

# The clock the tests give a "today" left empty (calculators.web.run's ``today``): a fixed day,
# so that no reply compared between two runs depends on the day the suite runs.
CLOCK = "2026-11-29"


class CaseError(Exception):
    """A calculator's cases file is missing or not of the one shape (names the file).
    Not a ValueError: nothing on the build's way catches it and ships a narrower runtime."""


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
    """One calculator's cases.

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


def path(slug: str) -> Path:
    """The cases file of a registered calculator (its record's ``cases``)."""
    return PACKAGE / web.REGISTRY[slug].cases


def _object(value, where: str) -> dict:
    if not isinstance(value, dict):
        raise CaseError(f"{where}: expected an object {{...}}, found {type(value).__name__}")
    return value


def _texts(value, n: int, where: str) -> tuple[str, ...]:
    if not (isinstance(value, list) and len(value) == n and all(isinstance(x, str) for x in value)):
        raise CaseError(f"{where}: expected a list of {n} texts")
    return tuple(value)


def load(file: Path, slug: str) -> Case:
    """The ``Case`` in ``file``; `CaseError` naming the file and the part when it is missing,
    not JSON, or not of the one shape."""
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CaseError(f"{slug}: no cases file {file} (known values, bad inputs, heaviest input)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise CaseError(f"{file}: cannot be read as JSON: {err}") from None
    data = _object(data, str(file))
    if data.get("slug") != slug:
        raise CaseError(f"{file}: \"slug\" is {data.get('slug')!r}, expected {slug!r}")
    required = {"slug", "typed", "bad", "heaviest", "toggle"}
    missing = required - set(data)
    unknown = set(data) - required - {"base", "page_bad"}
    if missing or unknown:
        raise CaseError(f"{file}: missing {sorted(missing)}, unknown {sorted(unknown)}")
    try:
        typed = tuple(Known(_object(k["form"], f"{file} typed"), _object(k["expect"], f"{file} typed"),
                            str(k["source"])) for k in data["typed"])
        bad = tuple((_object(b["form"], f"{file} bad"), str(b["field"]), str(b["zh"]), str(b["en"]))
                    for b in data["bad"])
    except (KeyError, TypeError) as err:
        raise CaseError(f"{file}: a known value or bad input lacks {err}") from None
    if not typed or not bad:
        raise CaseError(f"{file}: needs at least one known value (\"typed\") and one bad input (\"bad\")")
    return Case(typed=typed, bad=bad, heaviest=_object(data["heaviest"], f"{file} heaviest"),
                toggle=_texts(data["toggle"], 3, f"{file} toggle"),  # type: ignore[arg-type]
                base=_object(data.get("base", {}), f"{file} base"),
                page_bad=_texts(data["page_bad"], 2, f"{file} page_bad") if "page_bad" in data else None)  # type: ignore[arg-type]


def case(slug: str) -> Case:
    """The cases of one registered calculator, from its file."""
    return load(path(slug), slug)


def all_cases() -> dict[str, Case]:
    """Every registered calculator's cases, by slug, in the registry's order."""
    return {slug: case(slug) for slug in web.CALCULATORS}


# Known values typed as people type them (units, commas, dates), and one error.
TYPED: list[Form] = [
    ("repayment", {"principal": "1000000", "annual_rate": "4.9", "months": "360"}, "zh"),
    ("repayment", {"principal": "1000000", "annual_rate": "4.9", "months": "360", "method": "equal_principal"},
     "en"),
    ("repayment", {"principal": "5,000", "annual_rate": "18", "months": "12", "upfront_fee": "300",
                   "monthly_fee": "15", "start_date": "2026-01-31"}, "zh"),
    ("repayment", {"principal": "100万", "annual_rate": "4.9", "months": "360"}, "zh"),
    ("apr", {"principal": "100000", "received": "99000", "months": "12", "payment": "8833.3",
             "monthly_fee_rate": ""}, "zh"),
    ("apr", {"principal": "12000", "received": "", "months": "12", "payment": "", "monthly_fee_rate": "1"}, "en"),
    ("repayment", {"principal": "-5"}, "zh"),
]

# Text nobody should type, in every field (tests/test_hardening.py draws from the same kind).
NASTY = ["", "1e999", "NaN", "-0.00", "Infinity", "１２", "١٢٣", "<script>alert(1)</script>", "9" * 400,
         "0." + "0" * 300 + "1", "5千万亿", "1.2万元", "¥-5", "12%%", "😀", "\u200b5000", "5\u00a0000", "５,０００",
         "1_000", "..5", "2026-02-30", "2026-13-01", "1900-01-01", "yes"]


def _registered(slug: str) -> list[dict]:
    """The forms a calculator's cases file lists: known values, bad inputs (laid over the
    case's base) and the heaviest input. A missing or broken file raises `CaseError`."""
    c = case(slug)
    return ([dict(k.form) for k in c.typed] + [{**c.base, **form} for form, *_ in c.bad]
            + [dict(c.heaviest)])


def heaviest() -> dict[str, dict]:
    """slug -> the heaviest form (for `make bench`), from each calculator's cases."""
    return {slug: dict(c.heaviest) for slug, c in all_cases().items()}


def runtime_cases() -> list[Form]:
    """Every case the Python runtime must answer: every calculator's and letter's defaults in zh
    and en, the typed known values, each calculator's cases, the calendar files, and hostile text
    in every field."""
    cases: list[Form] = []
    for slug in [*web.CALCULATORS, *web.DOCUMENTS]:
        cases += [(slug, {}, lang) for lang in web.LANGS]
    cases += TYPED
    for slug in web.CALCULATORS:
        cases += [(slug, form, "en") for form in _registered(slug)]
    for slug in [s for s, c in web.REGISTRY.items() if c.calendar]:
        for form in [{}, *_registered(slug)]:
            cases += [(f"{slug}{web.CALENDAR_SUFFIX}", {**form, "calendar_first": "2026-12-05"}, lang)
                      for lang in web.LANGS]
    for slug in [*web.CALCULATORS, *web.DOCUMENTS]:
        for one in web.calculator(slug).FIELDS:
            cases += [(slug, {one.name: text}, "zh") for text in NASTY]
    return cases


def as_json(cases: list[Form]) -> list[list[str]]:
    """The cases as the Node runners take them: [slug, form JSON text, lang]."""
    return [[slug, json.dumps(form, ensure_ascii=False, sort_keys=True), lang] for slug, form, lang in cases]
