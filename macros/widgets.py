"""Plain functions behind the page macros (unit-testable without MkDocs)."""

from __future__ import annotations

import datetime
import itertools
import json
from decimal import Decimal
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from calculators import figures, web, wording
from calculators.fields import Field
from calculators.money import percent_text
from macros import package

TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).with_name("templates")),
    autoescape=select_autoescape(["html"]),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
)

# Words around the widget, in the page's language. The JS runtime reads the
# status texts from data attributes, so it holds no language of its own.
UI = {
    "zh": {
        "static": "下面是按表单里原有数字算出的示例。",
        "example": "示例：下面是按表单里原有数字算出的结果，还不是按你的数字算的。改动上面的数字就会重新计算。",
        "pending": "正在加载…下面仍是示例，不是按你输入的数字算出的；计算引擎一就绪，就会按你输入的数字重新计算。",
        "loading": "正在加载计算引擎…",
        "progress": "正在下载计算引擎：已下载 {done}，共约 {total}（{percent}%）。可以先填写，就绪后会自动计算。",
        "starting": "计算引擎已下载，正在启动…",
        "ready": "计算引擎已就绪：改动数字，结果会自动更新。",
        "working": "正在计算…",
        "failed": "计算引擎没能加载。下面仍是示例，不是按你的数字算出的。你输入的内容都还在，可以点“重试”。",
        "errors": {
            "network": "没能下载计算引擎：网络连接中断或服务器返回了错误。下面仍是示例，不是按你的数字算出的。"
                       "你输入的内容都还在，网络恢复后点“重试”即可。",
            "stalled": "下载计算引擎时网络停住了：30 秒没有收到任何数据。下面仍是示例，不是按你的数字算出的。"
                       "你输入的内容都还在，网络恢复后点“重试”即可。",
            "runtime-failed": "计算引擎已经下载，但没能启动。下面仍是示例，不是按你的数字算出的。"
                              "你输入的内容都还在，可以点“重试”。",
            "timeout": "计算引擎启动得太久，已停下。下面仍是示例，不是按你的数字算出的。可以点“重试”。",
            "unsupported": "这个浏览器没有开启运行计算引擎所需的功能（WebAssembly 或模块 Worker）。"
                           "下面仍是示例，不是按你的数字算出的。",
        },
        "retry": "重试",
        "jump": "看结果 ↓",
        "example_short": "示例",
        "stale_short": "未更新",
        # the headline after the inputs once the reader has typed but the example is still shown:
        # no figure then (it is not theirs), these words instead
        "waiting_short": "按你填的数字算好后显示结果",
        "unworked_short": "还没按你填的数字算出",
        "last_row": "至少要留一笔。要清空这一笔，请直接改它的数字。",
        "more_count": "（{n} 项，选填）",
        "crashed": "计算引擎出了问题，正在重新启动，你输入的内容都还在。",
        "stale": "结果还没更新：请先改正上面标出的一项。",
        "copy_link": "复制链接",
        "copied": "链接已复制。注意：链接里包含你输入的数字，发给别人之前请想一想。",
        "copy_failed": "没能自动复制，请手动复制下面的链接。链接里包含你输入的数字。",
        "csv": "下载表格（CSV）",
        "print": "打印",
        "fill_situation": "从“我的情况”填入",
        "filled": "已经按“我的情况”填好，请对照你手上的材料核对一遍。",
        "not_filled": "没能从“我的情况”填入：先到“我的情况和行动计划”页面看一下，再回来试。",
        "optional": "选填",
        "more": "更多选项",
        "more_letter": "你的信息",
        "letter": "信件",
        "to_letter": "跳到信件 ↓",
        "yes": "是",
        "no": "否",
        "result": "计算结果",
        "inputs": "填写你的情况",
        "privacy": "你输入的数字只在你自己的设备上计算，不会发送到任何地方。",
    },
    "en": {
        "static": "Below is an example for the numbers already in the form.",
        "example": "Example: the result below is for the numbers already in the form, not yet yours. "
                   "Change the numbers above and it is recalculated.",
        "pending": "Loading… the result below is still the example, not your numbers; as soon as the "
                   "calculator is ready it is recalculated for what you typed.",
        "loading": "Loading the calculator…",
        "progress": "Downloading the calculator: {done} of about {total} ({percent}%). You can fill in the form "
                    "meanwhile; it calculates as soon as it is ready.",
        "starting": "Downloaded; starting the calculator…",
        "ready": "Ready: change any number and the result updates.",
        "working": "Calculating…",
        "failed": "The calculator did not load. The result below is still the example, not your numbers. "
                  "Everything you typed is still here; press Retry.",
        "errors": {
            "network": "The calculator could not be downloaded: the connection dropped or the server returned an "
                       "error. The result below is still the example, not your numbers. Everything you typed is "
                       "still here; press Retry when the connection is back.",
            "stalled": "The download of the calculator stopped: no data arrived for 30 seconds. The result below "
                       "is still the example, not your numbers. Everything you typed is still here; press Retry "
                       "when the connection is back.",
            "runtime-failed": "The calculator was downloaded but did not start. The result below is still the "
                              "example, not your numbers. Everything you typed is still here; press Retry.",
            "timeout": "The calculator took too long to start and was stopped. The result below is still the "
                       "example, not your numbers. Press Retry.",
            "unsupported": "This browser has the features the calculator needs (WebAssembly, module workers) "
                           "turned off. The result below is still the example, not your numbers.",
        },
        "retry": "Retry",
        "jump": "See the result ↓",
        "example_short": "Example",
        "stale_short": "Out of date",
        "waiting_short": "Your result shows once worked out",
        "unworked_short": "Not yet worked out for your numbers",
        "last_row": "At least one debt stays. To clear it, change its numbers.",
        "more_count": " ({n})",
        "crashed": "The calculator ran into a problem and is restarting; everything you typed is still here.",
        "stale": "This result is out of date: first fix the field marked above.",
        "copy_link": "Copy link",
        "copied": "Link copied. Note: the link contains the numbers you typed; think before sending it to anyone.",
        "copy_failed": "Could not copy automatically; copy the link below by hand. It contains the numbers you typed.",
        "csv": "Download table (CSV)",
        "print": "Print",
        "fill_situation": "Fill in from My situation",
        "filled": "Filled in from My situation: check it against your own papers.",
        "not_filled": "Could not fill in from My situation: look at the My situation and action plan page, then try again.",
        "optional": "optional",
        "more": "More options",
        "more_letter": "Your details",
        "letter": "The letter",
        "to_letter": "Jump to the letter ↓",
        "yes": "Yes",
        "no": "No",
        "result": "Result",
        "inputs": "Your numbers",
        "privacy": "Your numbers are calculated on your own device and are not sent anywhere.",
    },
}

_counter = itertools.count(1)

# A letter's fields about the sender and the paperwork, folded under "你的信息 / Your details" on the
# page (the letter shows a blank for each one left empty, to write in by hand), so that on a phone
# what the letter says comes first.
LETTER_FOLDED = frozenset({"name", "id_last4", "id_number", "phone", "letter_date", "loan_number",
                           "card_last4", "account"})


def _control(f: Field) -> str:
    if f.kind == "choice":
        return "select"
    if f.kind == "yesno":
        return "checkbox"
    if f.kind == "date":
        return "date"
    return "text"


def _inputmode(f: Field) -> str:
    if f.kind in ("money", "rate", "percent"):
        return "decimal"
    if f.kind == "count":
        return "numeric"
    return ""


def _field_view(f: Field, lang: str, value: str, prefix: str, name: str | None = None) -> dict:
    name = name or f.name
    return {
        "name": name,
        "id": f"{prefix}-{name.replace('.', '-')}",
        "label": f.label(lang),
        "unit": f.unit_text(lang),
        "help": f.help(lang),
        "control": _control(f),
        "inputmode": _inputmode(f),
        "value": value,
        "required": f.required,
        "choices": [(key, zh if lang == "zh" else en) for key, zh, en in f.choices],
        "advanced": f.advanced,
        "example": "",  # an optional field's example, shown greyed (see _start)
    }


def _start(view: dict) -> dict:
    """What an optional field starts with: empty, its example value shown greyed as a placeholder
    (``data-example``). The build-time result is the example for those values and is labelled so;
    once the reader types, an optional field left empty is "not given" (issue 13, item 4), so an
    example amount never slips into the reader's own answer."""
    if not view["required"] and view["control"] not in ("select", "checkbox"):
        view = {**view, "example": view["value"], "value": ""}
    return view


def runtime_bytes(letters: bool = False) -> str:
    """A placeholder for the sizes of what the engine downloads on a first visit: the runtime hook
    (hooks/runtime.py, runtime_sizes) writes them in once the files exist (the trimmed standard
    library is made after the pages). A letter page's list has the letters' zip too."""
    return "__RUNTIME_BYTES_LETTERS__" if letters else "__RUNTIME_BYTES__"


def packages(slug: str) -> str:
    """The zips a page with ``slug`` loads, space-separated: the calculators', and the letters'
    too for a document builder (macros/package.py)."""
    names = [package.name()]
    if slug in web.DOCUMENTS:
        names.append(package.letters_name())
    return " ".join(names)


def fillable_slugs() -> set[str]:
    """The tools and letters my situation fills (calculators/plan.py, views/plan.py)."""
    from calculators import plan
    from calculators.views import plan as plan_view

    return {module.SLUG for module, _ in plan.FILLS} | set(plan_view.LETTER_NAMES)


def widget(slug: str, lang: str, presets: dict[str, str], page_key: str = "", letter: bool = False) -> str:
    """The form for ``slug`` with its build-time result, in ``lang``; a ``letter``'s own details
    are folded (LETTER_FOLDED) and a link at its top jumps to the letter."""
    module = web.calculator(slug)
    specs = getattr(module, "LISTS", ())
    known = {f.name for f in module.FIELDS} | {spec.name for spec in specs}
    unknown = set(presets) - known
    if unknown:
        raise ValueError(f"calculator({slug!r}): no field named {', '.join(sorted(unknown))}; "
                         f"fields are {', '.join(sorted(known))}")
    form = {f.name: str(presets.get(f.name, f.default)) for f in module.FIELDS}
    lists = []
    for spec in specs:
        rows = presets.get(spec.name)
        rows = json.loads(rows) if isinstance(rows, str) else list(rows or spec.defaults)
        form[spec.name] = [dict(r) for r in rows]
        lists.append((spec, rows))
    reply = web.compute(slug, form, lang)
    if not reply["ok"]:
        raise ValueError(f"calculator({slug!r}) presets give an input error on "
                         f"{reply['field']!r}: {reply['message']['en']}")
    prefix = f"calc{next(_counter)}"
    # An optional field starts empty (its example greyed) when leaving it empty still gives an
    # answer; one the answer needs (e.g. a daily OR an annual rate) keeps its starting text.
    empty_ok = {f.name for f in module.FIELDS if not f.required
                and web.compute(slug, {**form, f.name: ""}, lang)["ok"]}

    def start(f):
        view = _field_view(f, lang, form[f.name], prefix)
        return _start(view) if f.name in empty_ok else view

    def folded(f):
        return f.advanced or (letter and f.name in LETTER_FOLDED)

    views = [start(f) for f in module.FIELDS if not folded(f)]
    more = [start(f) for f in module.FIELDS if folded(f)]
    list_views = []
    for spec, rows in lists:
        row_views = []
        for i, row in enumerate(rows):
            row_views.append([_field_view(f, lang, str(row.get(f.name, "")), prefix, f"{spec.name}.{i}.{f.name}")
                              for f in spec.fields])
        template_row = [_field_view(f, lang, "", prefix, f"{spec.name}.__i__.{f.name}") for f in spec.fields]
        zh = lang == "zh"
        list_views.append({"name": spec.name, "rows": row_views, "template": template_row, "max": spec.high,
                           "row": spec.row_zh if zh else spec.row_en, "add": spec.add_zh if zh else spec.add_en,
                           "remove": spec.remove_zh if zh else spec.remove_en})
    html = TEMPLATES.get_template("calculator.html").render(
        slug=slug,
        title=module.TITLE[lang],
        lang=lang,
        prefix=prefix,
        fields=views,
        more=more,
        letter=letter,
        runtime_bytes=runtime_bytes(letters=slug in web.DOCUMENTS),
        lists=list_views,
        # a list whose rows are not debts says so when its last row cannot go (e.g. the collection log)
        ui={**UI[lang], **({"last_row": module.LAST_ROW[lang]} if hasattr(module, "LAST_ROW") else {})},
        package=packages(slug),
        snapshot=package.snapshot_name(),
        result_html=reply["html"],
        # a calculator that holds a person's whole situation offers no link with it in the address
        share=getattr(module, "SHARE_LINK", True),
        # a tool my situation can fill (plan.FILLS, the letters the plan suggests): situation.js offers
        # the button when the reader keeps a situation on this device
        fillable=slug in fillable_slugs(),
    )
    # One line: Markdown must not see blank lines or indentation inside the widget.
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())


def value(slug: str, field: str, lang: str, form: dict[str, str]) -> str:
    """One result figure of ``slug`` for ``form``, as a reader sees it.

    Money is grouped with its unit (``910,615.12 元`` / ``¥910,615.12``), rates get
    ``%``; counts and other text come out as they are in the result.
    """
    module = web.calculator(slug)
    full = {f.name: f.default for f in module.FIELDS}
    full.update(form)
    reply = web.compute(slug, full, lang)
    if not reply["ok"]:
        raise ValueError(f"calc({slug!r}): {reply['field']}: {reply['message']['en']}")
    result = reply["result"]
    if field not in result:
        raise ValueError(f"calc({slug!r}): no result field {field!r}; have {', '.join(result)}")
    text = result[field]
    if not isinstance(text, str):
        return str(text)
    if field.startswith(("apr", "irr", "dti", "rate")) or field.endswith(("_rate", "_percent", "annualized")):
        return f"{text}%"
    if _is_money(text):
        return wording.money(Decimal(text), lang)
    return text


def _is_money(text: str) -> bool:
    head, dot, tail = text.partition(".")
    return bool(dot) and len(tail) == 2 and head.lstrip("-").isdigit() and tail.isdigit()


def setting_text(slug: str, name: str) -> str:
    """A calculator module's own constant (a threshold, a limit) as plain text."""
    module = web.calculator(slug)
    if not name.isupper() or not hasattr(module, name):
        raise ValueError(f"setting({slug!r}, {name!r}): no such constant in the calculator")
    value = getattr(module, name)
    if isinstance(value, Decimal):
        text = f"{value:f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise ValueError(f"setting({slug!r}, {name!r}): not a number")


def lpr_text() -> str:
    return f"{percent_text(figures.latest_lpr()[1])}%"


def lpr_date_text() -> str:
    return figures.latest_lpr()[0].isoformat()


def lpr_checked_text() -> str:
    """The day the LPR series was last checked against the announcements (figures.toml)."""
    return figures.entry("lpr_one_year")["checked"].isoformat()


def judicial_cap_text(date: str = "") -> str:
    day = datetime.date.fromisoformat(date) if date else figures.latest_lpr()[0]
    cap = figures.judicial_cap_on(day)
    if cap is None:
        raise ValueError(f"judicial_cap({date!r}): no LPR in the figures file for that date")
    return f"{percent_text(cap)}%"


def cost_line_text(name: str) -> str:
    return f"{percent_text(figures.cost_line(name), 0)}%"


def fact_text(section: str, key: str, lang: str) -> str:
    """A value from figures.toml; ``key`` without suffix picks ``key_zh``/``key_en`` by language."""
    entry = figures.entry(section)
    if key in entry:
        value = entry[key]
    elif f"{key}_{lang}" in entry:
        value = entry[f"{key}_{lang}"]
    else:
        raise ValueError(f"fact({section!r}, {key!r}): not in figures.toml; have {', '.join(entry)}")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str) and _is_plain_number(value) and key not in ("multiple",):
        amount = Decimal(value)
        if key.startswith("max_") or key.endswith("_amount"):
            return wording.money(amount, lang, cents=False)
    return str(value)


def _is_plain_number(text: str) -> bool:
    return text.replace(".", "", 1).isdigit()
