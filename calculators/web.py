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
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from . import (
    affordability,
    apr,
    checklist,
    credit_record,
    emergency_fund,
    ics,
    negotiation,
    next_steps,
    overdue_cost,
    payoff,
    plan,
    repayment,
)
from .money import InputError
from .views import affordability as affordability_view
from .views import apr as apr_view
from .views import calendar as calendar_view
from .views import checklist as checklist_view
from .views import credit_record as credit_record_view
from .views import emergency_fund as emergency_fund_view
from .views import negotiation as negotiation_view
from .views import next_steps as next_steps_view
from .views import overdue_cost as overdue_cost_view
from .views import payoff as payoff_view
from .views import plan as plan_view
from .views import repayment as repayment_view
from .views.html import rows_apart


@dataclass(frozen=True)
class Calculator:
    """Everything about one calculator, in one record: the model (the math module), the view
    (``render``: its words and HTML), the next-steps chooser (``next_steps.py``: result -> 2–4
    step keys), the calendar plan when its result has dates (``views/calendar.py``), and its
    cases (``cases``: known values, bad inputs, heaviest input, beside it as data).

    A letter is a record with ``document=True``: its view also has ``text(result)``, and the
    reply carries that exact text as ``"text"``; it has no next steps, calendar or cases file.
    """

    model: ModuleType
    view: ModuleType
    steps: Callable[[object], list[str]] | None = None
    calendar: calendar_view.Plan | None = None
    document: bool = False

    @property
    def slug(self) -> str:
        return self.model.SLUG

    @property
    def cases(self) -> str:
        """Its cases file, relative to this package: ``cases/<module>.json``. The build
        (tools/cases.py, hooks/runtime.py) and the tests read it; the browser never does."""
        return f"cases/{self.model.__name__.rsplit('.', 1)[-1]}.json"


# The registry: one record per calculator, in the order the site lists them. A calculator is
# listed here once it is complete; tests/test_registry.py checks each record has all its parts.
REGISTRY: dict[str, Calculator] = {c.slug: c for c in (
    Calculator(overdue_cost, overdue_cost_view, next_steps.overdue_cost),
    Calculator(repayment, repayment_view, next_steps.repayment, calendar_view.REPAYMENT),
    Calculator(apr, apr_view, next_steps.apr),
    Calculator(negotiation, negotiation_view, next_steps.negotiation, calendar_view.NEGOTIATION),
    Calculator(credit_record, credit_record_view, next_steps.credit_record),
    Calculator(affordability, affordability_view, next_steps.affordability),
    Calculator(emergency_fund, emergency_fund_view, next_steps.emergency_fund),
    Calculator(payoff, payoff_view, next_steps.payoff, calendar_view.PAYOFF),
    Calculator(checklist, checklist_view, next_steps.checklist, calendar_view.CHECKLIST),
    Calculator(plan, plan_view, next_steps.plan, calendar_view.PLAN),
    # documents: the letters, added below (in the browser they come in a zip of their own)
)}

# documents: a letter filled from its fields (letters_common.py). In the browser they come in their own
# zip, loaded only on letter pages (macros/package.py); elsewhere the registry holds the calculators alone.
try:
    from . import (
        collection_log,
        letters_card_instalments,
        letters_complaint,
        letters_credit_dispute,
        letters_documents,
        letters_hardship,
        letters_negotiation,
        letters_stop_contact,
    )
    from .views import collection_log as collection_log_view
    from .views import letters_card_instalments as card_instalments_view
    from .views import letters_complaint as complaint_view
    from .views import letters_credit_dispute as credit_dispute_view
    from .views import letters_documents as documents_view
    from .views import letters_hardship as hardship_view
    from .views import letters_negotiation as negotiation_letter_view
    from .views import letters_stop_contact as stop_contact_view
except ImportError:  # the browser's calculators zip without the letters' zip
    pass
else:
    REGISTRY.update({c.slug: c for c in (
        Calculator(letters_negotiation, negotiation_letter_view, document=True),
        Calculator(letters_complaint, complaint_view, document=True),
        Calculator(letters_stop_contact, stop_contact_view, document=True),
        Calculator(letters_credit_dispute, credit_dispute_view, document=True),
        Calculator(letters_hardship, hardship_view, document=True),
        Calculator(letters_card_instalments, card_instalments_view, document=True),
        Calculator(letters_documents, documents_view, document=True),
        Calculator(collection_log, collection_log_view, document=True),
    )})

# The registry's parts by slug, for the callers that want one kind (derived, never edited):
CALCULATORS: dict[str, ModuleType] = {s: c.model for s, c in REGISTRY.items() if not c.document}
DOCUMENTS: dict[str, ModuleType] = {s: c.model for s, c in REGISTRY.items() if c.document}
VIEWS: dict[str, ModuleType] = {s: c.view for s, c in REGISTRY.items()}

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
