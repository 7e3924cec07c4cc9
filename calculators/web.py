"""The one door the browser uses: ``run(slug, form_json, lang) -> json text``.

The page sends the form as JSON text (every value a string, as typed); the
reply is JSON text too, so nothing but strings crosses between JavaScript and
Python:

- ``{"ok": true, "result": {...}, "html": "..."}``: money in ``result`` is
  text with two decimals (``"5307.27"``), never a JSON number; the page's
  replies (``with_result=False``) name long tables whose hidden rows are made
  only when asked for, in ``"rest_later"``;
- ``{"ok": false, "field": "...", "message": {"zh": "...", "en": "..."}}``.

Every result's HTML ends with what to do next (``views/next_steps.py``: 2–4
links chosen by the result, and the "add to calendar" button for a plan). A
slug ending in ``.ics`` asks for the plan's calendar instead:
``{"ok": true, "ics": "BEGIN:VCALENDAR...", "filename": "repayment.ics"}``; one
ending in ``.rest``, for the hidden rows of the same form's long tables (the page
asks once the result is shown): ``{"ok": true, "rest": {table name: columns}}``.

>>> reply = json.loads(run("repayment", '{"principal": "100万", "annual_rate": "4.9", "months": "360"}'))
>>> reply["ok"], reply["result"]["first_payment"]
(True, '5307.27')
>>> json.loads(run("repayment", '{"principal": "-5"}'))["message"]["en"]
'An amount cannot be negative; enter an amount above 0, such as 10000'
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from types import ModuleType

from . import ics, next_steps
from .money import InputError
from .views import calendar as calendar_view
from .views import next_steps as next_steps_view
from .views.html import rows_apart


@dataclass(frozen=True)
class Calculator:
    """Everything about one calculator, in one record: its slug, its parts (``parts()`` imports and
    returns the model, the math module, and the view, ``render``: its words and HTML), the
    next-steps chooser (``next_steps.py``: result -> 2–4 step keys), the calendar plan when its result
    has dates (``views/calendar.py``), whether its result can be saved back to My situation
    (``saves``: ``plan.SAVES``, ``views/plan.save_block``), and its cases (``cases``: known values,
    bad inputs, heaviest input, beside it as data).

    A page imports only its own calculator: the model and view are imported when first asked for
    (``model``, ``view``), so the browser's first import of this module brings the shared modules
    and not the ten calculators (bench/notes.md).

    A letter is a record with ``document=True``: its view also has ``text(result)``, and the
    reply carries that exact text as ``"text"``; it has no next steps, calendar or cases file.
    """

    slug: str
    parts: Callable[[], tuple[ModuleType, ModuleType]]
    steps: Callable[[object], list[str]] | None = None
    calendar: calendar_view.Plan | None = None
    document: bool = False
    saves: bool = False

    @property
    def model(self) -> ModuleType:
        return self.parts()[0]

    @property
    def view(self) -> ModuleType:
        return self.parts()[1]

    @property
    def cases(self) -> str:
        """Its cases file, relative to this package: ``cases/<module>.json``. The build
        (tools/cases.py, hooks/runtime.py) and the tests read it; the browser never does."""
        return f"cases/{self.model.__name__.rsplit('.', 1)[-1]}.json"


# Each calculator's parts, imported when first asked for (plain imports; Python keeps each module once).
def _overdue_cost():
    from . import overdue_cost
    from .views import overdue_cost as view
    return overdue_cost, view


def _repayment():
    from . import repayment
    from .views import repayment as view
    return repayment, view


def _apr():
    from . import apr
    from .views import apr as view
    return apr, view


def _negotiation():
    from . import negotiation
    from .views import negotiation as view
    return negotiation, view


def _credit_record():
    from . import credit_record
    from .views import credit_record as view
    return credit_record, view


def _affordability():
    from . import affordability
    from .views import affordability as view
    return affordability, view


def _emergency_fund():
    from . import emergency_fund
    from .views import emergency_fund as view
    return emergency_fund, view


def _payoff():
    from . import payoff
    from .views import payoff as view
    return payoff, view


def _checklist():
    from . import checklist
    from .views import checklist as view
    return checklist, view


def _plan():
    from . import plan
    from .views import plan as view
    return plan, view


# The registry: one record per calculator, in the order the site lists them. A calculator is
# listed here once it is complete; tests/test_registry.py checks each record has all its parts.
REGISTRY: dict[str, Calculator] = {c.slug: c for c in (
    Calculator("overdue-cost", _overdue_cost, next_steps.overdue_cost),
    Calculator("repayment", _repayment, next_steps.repayment, calendar_view.REPAYMENT),
    Calculator("apr", _apr, next_steps.apr),
    Calculator("negotiation", _negotiation, next_steps.negotiation, calendar_view.NEGOTIATION, saves=True),
    Calculator("credit-record", _credit_record, next_steps.credit_record),
    Calculator("affordability", _affordability, next_steps.affordability),
    Calculator("emergency-fund", _emergency_fund, next_steps.emergency_fund),
    Calculator("payoff", _payoff, next_steps.payoff, calendar_view.PAYOFF, saves=True),
    Calculator("checklist", _checklist, next_steps.checklist, calendar_view.CHECKLIST),
    Calculator("plan", _plan, next_steps.plan, calendar_view.PLAN),
    # documents: the letters, added below (in the browser they come in a zip of their own)
)}


def _letters_negotiation():
    from . import letters_negotiation
    from .views import letters_negotiation as view
    return letters_negotiation, view


def _letters_complaint():
    from . import letters_complaint
    from .views import letters_complaint as view
    return letters_complaint, view


def _letters_stop_contact():
    from . import letters_stop_contact
    from .views import letters_stop_contact as view
    return letters_stop_contact, view


def _letters_credit_dispute():
    from . import letters_credit_dispute
    from .views import letters_credit_dispute as view
    return letters_credit_dispute, view


def _letters_hardship():
    from . import letters_hardship
    from .views import letters_hardship as view
    return letters_hardship, view


def _letters_card_instalments():
    from . import letters_card_instalments
    from .views import letters_card_instalments as view
    return letters_card_instalments, view


def _letters_documents():
    from . import letters_documents
    from .views import letters_documents as view
    return letters_documents, view


def _collection_log():
    from . import collection_log
    from .views import collection_log as view
    return collection_log, view


# documents: a letter filled from its fields (letters_common.py). In the browser they come in their own
# zip, loaded only on letter pages (macros/package.py); elsewhere the registry holds the calculators alone.
try:
    # the letters' shared view, which every letter page needs: here to know whether the letters are there
    from .views import letters as _letters_view  # noqa: F401
except ImportError:  # the browser's calculators zip without the letters' zip (it ships in theirs)
    pass
else:
    REGISTRY.update({c.slug: c for c in (
        Calculator("negotiation-letter", _letters_negotiation, document=True),
        Calculator("complaint", _letters_complaint, document=True),
        Calculator("stop-contact", _letters_stop_contact, document=True),
        Calculator("credit-dispute", _letters_credit_dispute, document=True),
        Calculator("hardship-statement", _letters_hardship, document=True),
        Calculator("card-instalments", _letters_card_instalments, document=True),
        Calculator("documents-request", _letters_documents, document=True),
        Calculator("collection-log", _collection_log, document=True),
    )})


class _Parts(Mapping):
    """slug -> one part of each record (``model`` or ``view``) of the calculators or the documents,
    each imported when first asked for; iterating gives the slugs in the registry's order."""

    def __init__(self, part: str, documents: bool | None) -> None:
        self._part, self._documents = part, documents

    def _slugs(self) -> list[str]:
        return [s for s, c in REGISTRY.items() if self._documents is None or c.document == self._documents]

    def __getitem__(self, slug: str) -> ModuleType:
        if slug not in self._slugs():
            raise KeyError(slug)
        return getattr(REGISTRY[slug], self._part)

    def __contains__(self, slug: object) -> bool:
        return slug in self._slugs()

    def __iter__(self) -> Iterator[str]:
        return iter(self._slugs())

    def __len__(self) -> int:
        return len(self._slugs())


# The registry's parts by slug, for the callers that want one kind (derived, never edited):
CALCULATORS: Mapping[str, ModuleType] = _Parts("model", documents=False)
DOCUMENTS: Mapping[str, ModuleType] = _Parts("model", documents=True)
VIEWS: Mapping[str, ModuleType] = _Parts("view", documents=None)

# The block after every result (next steps, calendar button) and the calendar's events.
NEXT_STEPS = next_steps_view
CALENDAR = calendar_view
CALENDAR_SUFFIX = ".ics"
REST_SUFFIX = ".rest"

LANGS = ("zh", "en")

_BROKEN = {
    "zh": "计算时出了问题。你输入的内容还在，请检查后再试；如果一直这样，请告诉我们。",
    "en": "Something went wrong with the calculation. What you typed is still there; check it and try "
          "again, and tell us if it keeps happening.",
}


def calculator(slug: str) -> ModuleType:
    try:
        return REGISTRY[slug].model
    except KeyError:
        raise KeyError(f"no calculator named {slug!r}; known: {', '.join(CALCULATORS)}") from None


# Fields that, left empty, mean the caller's today: a calculator's "as of" date, a letter's date.
CLOCK_FIELDS = ("today", "letter_date")


def dated(module: ModuleType) -> bool:
    """The calculator has a field that, left empty, means the caller's clock (``CLOCK_FIELDS``)."""
    return any(f.name in CLOCK_FIELDS for f in module.FIELDS)


def read(module: ModuleType, form: dict, today: dt.date | None = None):
    """``module.read_form(form)``; a calculator that counts days from today gets the clock
    ``today`` (None: the computer's date). Tests and the golden record always pass one."""
    return module.read_form(form, today) if dated(module) else module.read_form(form)


def compute(slug: str, form: dict, lang: str = "zh", today: dt.date | None = None,
            with_result: bool = True, rest_later: dict | None = None) -> dict:
    """The reply as a dict (the build's macros use this directly); ``today`` is the clock
    for a "today" left empty (None: the computer's date, i.e. the reader's in the browser).

    ``with_result=False``: the caller drops ``result`` (see :func:`run`), so a calculator may
    leave out of it what its HTML does not use: ``PAGE_DATA``, if it has one, is passed to its
    ``to_dict`` (payoff's month-by-month balances). The page's reply then also carries long
    tables' hidden rows beside the HTML, as ``"rest"`` (table name -> columns of text,
    ``views/html.py`` ``rest_columns``), instead of in their ``data-rest`` attributes; put back,
    the HTML is the same either way (tests/test_web.py).

    ``rest_later`` (a dict, with ``with_result=False``): the hidden rows are not made now; the
    reply names their tables in ``"rest_later"``, and ``rest_later`` gets, per table, the function
    that makes them (``rows_apart``). The page's recalculation then writes a dozen rows, not 600.
    """
    module = calculator(slug)
    lang = lang if lang in LANGS else "zh"
    try:
        inputs = read(module, form, today)
        result = module.calculate(inputs)
    except InputError as err:
        return {"ok": False, "field": err.field, "message": err.message}
    entry = REGISTRY[slug]
    data = module.to_dict(result, **({} if with_result else getattr(module, "PAGE_DATA", {})))
    if with_result:
        html, rest = entry.view.render(result, lang, data), None
    else:
        with rows_apart() as rest:
            html = entry.view.render(result, lang, data)
    if entry.document:
        reply = {"ok": True, "result": data, "html": html, "text": entry.view.text(result)}
    else:
        button = entry.calendar.button(slug, result, lang) if entry.calendar else ""
        if entry.saves:
            # the plan's own view, imported only for the tools whose result it saves
            from .views import plan as plan_view

            button += plan_view.save_block(slug, result, lang)
        html += NEXT_STEPS.block(entry.steps(result) if entry.steps else [], lang, button)
        reply = {"ok": True, "result": data, "html": html}
    if rest and rest_later is not None:
        rest_later.update(rest)
        reply["rest_later"] = list(rest)
    elif rest:
        reply["rest"] = {name: make() for name, make in rest.items()}
    return reply


# The page's last reply whose long tables' rows were left for later: (slug, form text, language,
# clock) -> the functions that make them. One is kept: the page asks for them right after the reply.
_later: tuple[tuple, dict] = ((), {})


def hidden_rows(slug: str, form_json: str, form: dict, lang: str, today: dt.date | None) -> dict:
    """The hidden rows of a form's long tables: ``{"ok": true, "rest": {table: rest_columns}}``
    (``{}`` when it has none), made from the last page reply when it was for this very form,
    worked out afresh otherwise; an input error as for :func:`compute`."""
    key, makers = _later
    if key == (slug, form_json, lang, today):
        return {"ok": True, "rest": {name: make() for name, make in makers.items()}}
    reply = compute(slug, form, lang, today, with_result=False)
    return {"ok": True, "rest": reply.get("rest", {})} if reply["ok"] else reply


def calendar(slug: str, form: dict, lang: str = "zh", stamp: dt.datetime | None = None,
             today: dt.date | None = None) -> dict:
    """The plan's calendar file as a reply: ``{"ok": true, "ics": ..., "filename": ...}`` or an input error.

    ``stamp`` (timezone-aware) is the file's DTSTAMP; by default the moment it is made.
    ``today``: as for :func:`compute`.
    """
    module = calculator(slug)
    lang = lang if lang in LANGS else "zh"
    plan = REGISTRY[slug].calendar
    if plan is None:
        return {"ok": False, "field": "", "message": {
            "zh": "这个计算器没有可以加到日历的日期。", "en": "This calculator has no dates to add to a calendar."}}
    try:
        result = module.calculate(read(module, form, today))
        events = plan.events(result, lang, CALENDAR.first_date(form))
    except InputError as err:
        return {"ok": False, "field": err.field, "message": err.message}
    if not events:
        return {"ok": False, "field": "", "message": {
            "zh": "这个结果里没有以后的日期可以加到日历。", "en": "This result has no dates ahead to add to a calendar."}}
    text = ics.calendar(events, key=slug, name=plan.name(lang),
                        stamp=stamp or dt.datetime.now(dt.UTC), lang=lang)
    return {"ok": True, "ics": text, "filename": f"{slug}{CALENDAR_SUFFIX}", "events": len(events)}


def run(slug: str, form_json: str, lang: str = "zh", with_result: bool = True,
        today: str | None = None, stamp: str | None = None) -> str:
    """The browser's door: JSON text in, JSON text out; never raises.

    The page shows only the HTML, so its worker passes ``with_result=False`` and
    the reply leaves out ``result`` (a 600-month plan's data is large to encode), and
    long tables' hidden rows (``"rest_later"``); ``<slug>.rest`` with the same form then
    gives those (:func:`hidden_rows`).
    ``today`` ("YYYY-MM-DD") fixes the clock for a "today" left empty; the page passes
    none (the reader's own date), tests pass one so that no reply depends on the day.
    ``stamp`` (ISO date and time with its offset, e.g. "2026-11-29T08:00:00+00:00") is a
    calendar file's DTSTAMP; the page passes none (the moment the file is made).
    """
    global _later
    try:
        clock = dt.date.fromisoformat(today) if today else None
        moment = dt.datetime.fromisoformat(stamp) if stamp else None
        suffix = next((x for x in (CALENDAR_SUFFIX, REST_SUFFIX) if slug.endswith(x)), "")
        if slug.removesuffix(suffix) not in REGISTRY:
            raise InputError("", "没有这个计算器，请刷新页面再试", "There is no such calculator; reload the page and try again")
        try:
            form = json.loads(form_json)
        except (TypeError, ValueError):
            form = None
        if not isinstance(form, dict):
            raise InputError("", "表单内容无法读取，请刷新页面再试",
                             "The form could not be read; reload the page and try again")
        if suffix == CALENDAR_SUFFIX:
            reply = calendar(slug.removesuffix(suffix), form, lang, stamp=moment, today=clock)
        elif suffix == REST_SUFFIX:
            reply = hidden_rows(slug.removesuffix(suffix), form_json, form, lang, clock)
        elif with_result:
            reply = compute(slug, form, lang, clock)
        else:
            makers: dict = {}
            _later = ((), {})
            reply = compute(slug, form, lang, clock, False, rest_later=makers)
            if makers:
                _later = ((slug, form_json, lang, clock), makers)
        if not with_result:
            reply.pop("result", None)
    except InputError as err:
        reply = {"ok": False, "field": err.field, "message": err.message}
    except Exception as err:  # never a traceback on the page
        print(f"calculators.web.run({slug!r}): {type(err).__name__}: {err}", file=sys.stderr)
        reply = {"ok": False, "field": "", "message": dict(_BROKEN)}
    return json.dumps(reply, ensure_ascii=False)
