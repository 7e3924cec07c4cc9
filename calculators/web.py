"""The one door the browser uses: ``run(slug, form_json, lang) -> json text``.

The page sends the form as JSON text (every value a string, as typed); the
reply is JSON text too, so nothing but strings crosses between JavaScript and
Python:

- ``{"ok": true, "result": {...}, "html": "..."}``: money in ``result`` is
  text with two decimals (``"5307.27"``), never a JSON number;
- ``{"ok": false, "field": "...", "message": {"zh": "...", "en": "..."}}``.

Every result's HTML ends with what to do next (``views/next_steps.py``: 2–4
links chosen by the result, and the "add to calendar" button for a plan). A
slug ending in ``.ics`` asks for the plan's calendar instead:
``{"ok": true, "ics": "BEGIN:VCALENDAR...", "filename": "repayment.ics"}``.

>>> reply = json.loads(run("repayment", '{"principal": "100万", "annual_rate": "4.9", "months": "360"}'))
>>> reply["ok"], reply["result"]["first_payment"]
(True, '5307.27')
>>> json.loads(run("repayment", '{"principal": "-5"}'))["message"]["en"]
'An amount cannot be negative; enter an amount above 0, such as 10000'
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import sys
from types import ModuleType

from . import (
    affordability,
    apr,
    checklist,
    credit_record,
    emergency_fund,
    ics,
    negotiation,
    overdue_cost,
    payoff,
    repayment,
)
from .money import InputError

# slug -> module: the registry. A calculator is listed here once it is complete.
CALCULATORS: dict[str, ModuleType] = {
    "overdue-cost": overdue_cost,
    "repayment": repayment,
    "apr": apr,
    "negotiation": negotiation,
    "credit-record": credit_record,
    "affordability": affordability,
    "emergency-fund": emergency_fund,
    "payoff": payoff,
    "checklist": checklist,
}

# slug -> document builder: a calculator whose result is a text to send (letters_common.py);
# its view also has ``text(result)``, and the reply carries that exact text as ``"text"``.
DOCUMENTS: dict[str, ModuleType] = {}
try:
    from . import (
        letters_card_instalments,
        letters_complaint,
        letters_credit_dispute,
        letters_documents,
        letters_hardship,
        letters_negotiation,
        letters_stop_contact,
    )
except ImportError:  # the browser's calculators zip: only letter pages load the letters' zip too (macros/package.py)
    pass
else:
    DOCUMENTS.update({
        "negotiation-letter": letters_negotiation,
        "complaint": letters_complaint,
        "stop-contact": letters_stop_contact,
        "credit-dispute": letters_credit_dispute,
        "hardship-statement": letters_hardship,
        "card-instalments": letters_card_instalments,
        "documents-request": letters_documents,
    })

# slug -> its view (calculators/views/<module>.py): the page's words and HTML.
VIEWS: dict[str, ModuleType] = {
    slug: importlib.import_module(f"{__package__}.views.{module.__name__.rsplit('.', 1)[-1]}")
    for slug, module in {**CALCULATORS, **DOCUMENTS}.items()
}

# The block after every result (next steps, calendar button) and the calendar's events: views too,
# found by name like the others.
NEXT_STEPS = importlib.import_module(f"{__package__}.views.next_steps")
CALENDAR = importlib.import_module(f"{__package__}.views.calendar")
CALENDAR_SUFFIX = ".ics"

LANGS = ("zh", "en")

_BROKEN = {
    "zh": "计算时出了问题。你输入的内容还在，请检查后再试；如果一直这样，请告诉我们。",
    "en": "Something went wrong with the calculation. What you typed is still there; check it and try "
          "again, and tell us if it keeps happening.",
}


def calculator(slug: str) -> ModuleType:
    try:
        return CALCULATORS[slug] if slug in CALCULATORS else DOCUMENTS[slug]
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


def compute(slug: str, form: dict, lang: str = "zh", today: dt.date | None = None) -> dict:
    """The reply as a dict (the build's macros use this directly); ``today`` is the clock
    for a "today" left empty (None: the computer's date, i.e. the reader's in the browser)."""
    module = calculator(slug)
    lang = lang if lang in LANGS else "zh"
    try:
        inputs = read(module, form, today)
        result = module.calculate(inputs)
    except InputError as err:
        return {"ok": False, "field": err.field, "message": err.message}
    data = module.to_dict(result)
    html = VIEWS[slug].render(result, lang, data)
    if slug in DOCUMENTS:
        return {"ok": True, "result": data, "html": html, "text": VIEWS[slug].text(result)}
    html += NEXT_STEPS.block(slug, result, lang, CALENDAR.button(slug, result, lang))
    return {"ok": True, "result": data, "html": html}


def calendar(slug: str, form: dict, lang: str = "zh", stamp: dt.datetime | None = None,
             today: dt.date | None = None) -> dict:
    """The plan's calendar file as a reply: ``{"ok": true, "ics": ..., "filename": ...}`` or an input error.

    ``stamp`` (timezone-aware) is the file's DTSTAMP; by default the moment it is made.
    ``today``: as for :func:`compute`.
    """
    module = calculator(slug)
    lang = lang if lang in LANGS else "zh"
    if slug not in CALENDAR.SLUGS:
        return {"ok": False, "field": "", "message": {
            "zh": "这个计算器没有可以加到日历的日期。", "en": "This calculator has no dates to add to a calendar."}}
    try:
        result = module.calculate(read(module, form, today))
        events = CALENDAR.events(slug, result, lang, CALENDAR.first_date(form))
    except InputError as err:
        return {"ok": False, "field": err.field, "message": err.message}
    if not events:
        return {"ok": False, "field": "", "message": {
            "zh": "这个结果里没有以后的日期可以加到日历。", "en": "This result has no dates ahead to add to a calendar."}}
    text = ics.calendar(events, key=slug, name=CALENDAR.name(slug, lang),
                        stamp=stamp or dt.datetime.now(dt.UTC), lang=lang)
    return {"ok": True, "ics": text, "filename": f"{slug}{CALENDAR_SUFFIX}", "events": len(events)}


def run(slug: str, form_json: str, lang: str = "zh", with_result: bool = True,
        today: str | None = None) -> str:
    """The browser's door: JSON text in, JSON text out; never raises.

    The page shows only the HTML, so its worker passes ``with_result=False`` and
    the reply leaves out ``result`` (a 600-month plan's data is large to encode).
    ``today`` ("YYYY-MM-DD") fixes the clock for a "today" left empty; the page passes
    none (the reader's own date), tests pass one so that no reply depends on the day.
    """
    try:
        clock = dt.date.fromisoformat(today) if today else None
        if slug.removesuffix(CALENDAR_SUFFIX) not in {**CALCULATORS, **DOCUMENTS}:
            raise InputError("", "没有这个计算器，请刷新页面再试", "There is no such calculator; reload the page and try again")
        try:
            form = json.loads(form_json)
        except (TypeError, ValueError):
            form = None
        if not isinstance(form, dict):
            raise InputError("", "表单内容无法读取，请刷新页面再试",
                             "The form could not be read; reload the page and try again")
        if slug.endswith(CALENDAR_SUFFIX):
            reply = calendar(slug.removesuffix(CALENDAR_SUFFIX), form, lang, today=clock)
        else:
            reply = compute(slug, form, lang, clock)
        if not with_result:
            reply.pop("result", None)
    except InputError as err:
        reply = {"ok": False, "field": err.field, "message": err.message}
    except Exception as err:  # never a traceback on the page
        print(f"calculators.web.run({slug!r}): {type(err).__name__}: {err}", file=sys.stderr)
        reply = {"ok": False, "field": "", "message": dict(_BROKEN)}
    return json.dumps(reply, ensure_ascii=False)
