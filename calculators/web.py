"""The one door the browser uses: ``run(slug, form_json, lang) -> json text``.

The page sends the form as JSON text (every value a string, as typed); the
reply is JSON text too, so nothing but strings crosses between JavaScript and
Python:

- ``{"ok": true, "result": {...}, "html": "..."}``: money in ``result`` is
  text with two decimals (``"5307.27"``), never a JSON number;
- ``{"ok": false, "field": "...", "message": {"zh": "...", "en": "..."}}``.

>>> reply = json.loads(run("repayment", '{"principal": "100万", "annual_rate": "4.9", "months": "360"}'))
>>> reply["ok"], reply["result"]["first_payment"]
(True, '5307.27')
>>> json.loads(run("repayment", '{"principal": "-5"}'))["message"]["en"]
'An amount cannot be negative; enter an amount above 0, such as 10000'
"""

from __future__ import annotations

import importlib
import json
import sys
from types import ModuleType

from . import (
    affordability,
    apr,
    credit_record,
    emergency_fund,
    letters_card_instalments,
    letters_complaint,
    letters_credit_dispute,
    letters_hardship,
    letters_negotiation,
    letters_stop_contact,
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
}

# slug -> document builder: a calculator whose result is a text to send (letters_common.py);
# its view also has ``text(result)``, and the reply carries that exact text as ``"text"``.
DOCUMENTS: dict[str, ModuleType] = {
    "negotiation-letter": letters_negotiation,
    "complaint": letters_complaint,
    "stop-contact": letters_stop_contact,
    "credit-dispute": letters_credit_dispute,
    "hardship-statement": letters_hardship,
    "card-instalments": letters_card_instalments,
}

# slug -> its view (calculators/views/<module>.py): the page's words and HTML.
VIEWS: dict[str, ModuleType] = {
    slug: importlib.import_module(f"{__package__}.views.{module.__name__.rsplit('.', 1)[-1]}")
    for slug, module in {**CALCULATORS, **DOCUMENTS}.items()
}

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


def compute(slug: str, form: dict, lang: str = "zh") -> dict:
    """The reply as a dict (the build's macros use this directly)."""
    module = calculator(slug)
    lang = lang if lang in LANGS else "zh"
    try:
        inputs = module.read_form(form)
        result = module.calculate(inputs)
    except InputError as err:
        return {"ok": False, "field": err.field, "message": err.message}
    data = module.to_dict(result)
    reply = {"ok": True, "result": data, "html": VIEWS[slug].render(result, lang, data)}
    if slug in DOCUMENTS:
        reply["text"] = VIEWS[slug].text(result)
    return reply


def run(slug: str, form_json: str, lang: str = "zh", with_result: bool = True) -> str:
    """The browser's door: JSON text in, JSON text out; never raises.

    The page shows only the HTML, so its worker passes ``with_result=False`` and
    the reply leaves out ``result`` (a 600-month plan's data is large to encode).
    """
    try:
        form = json.loads(form_json)
        if not isinstance(form, dict):
            raise InputError("", "表单内容无法读取，请刷新页面再试",
                             "The form could not be read; reload the page and try again")
        reply = compute(slug, form, lang)
        if not with_result:
            reply.pop("result", None)
    except InputError as err:
        reply = {"ok": False, "field": err.field, "message": err.message}
    except Exception as err:  # never a traceback on the page
        print(f"calculators.web.run({slug!r}): {type(err).__name__}: {err}", file=sys.stderr)
        reply = {"ok": False, "field": "", "message": dict(_BROKEN)}
    return json.dumps(reply, ensure_ascii=False)
