"""The browser's door from a terminal, for editors and scripts.

    python -m calculators --help
    python -m calculators repayment --help
    python -m calculators repayment principal=5000 months=12
    python -m calculators repayment --json '{"principal": "5000", "months": "12"}'
    python -m calculators repayment --lang en principal=5000 --html
    python -m calculators complaint name=张三 night_calls=yes --text
    python -m calculators repayment principal=5000 months=12 start_date=2026-11-05 --ics > plan.ics
    python -m calculators negotiation calendar_first=2026-12-05 --ics

Prints the same JSON reply the page gets (without the HTML unless --html);
for a document (a letter), --text prints only the text to send, exactly as the
page copies it; ``--ics`` prints a plan's calendar file instead (repayment,
payoff, negotiation, checklist; a plan without its own dates needs
calendar_first=YYYY-MM-DD). Exits 0 on a result, 2 on an input error or a
usage mistake.
"""

from __future__ import annotations

import json
import sys

from . import web


def _usage() -> str:
    lines = ["usage: python -m calculators <slug> [field=value ...] [--json '{...}'] [--lang zh|en] "
             "[--html | --text | --ics]",
             "", "calculators:"]
    for slug, module in web.CALCULATORS.items():
        lines.append(f"  {slug:16} {module.TITLE['zh']} / {module.TITLE['en']}")
    lines.append("")
    lines.append("documents (--text prints the text to send):")
    for slug, module in web.DOCUMENTS.items():
        lines.append(f"  {slug:18} {module.TITLE['zh']} / {module.TITLE['en']}")
    lines.append("")
    lines.append("python -m calculators <slug> --help lists a calculator's fields.")
    return "\n".join(lines)


def _fields_help(slug: str) -> str:
    module = web.calculator(slug)
    out = [f"{slug}: {module.TITLE['zh']} / {module.TITLE['en']}", "", "fields (name: label [unit] default, limits):"]
    for f in module.FIELDS:
        unit = f.unit_text("en")
        limits = []
        if f.low is not None:
            limits.append(f"min {f.low}")
        if f.high is not None:
            limits.append(f"max {f.high}")
        if f.kind == "choice":
            limits.append("one of " + "|".join(c[0] for c in f.choices))
        if not f.required:
            limits.append("optional")
        line = f"  {f.name}: {f.label_en} / {f.label_zh}"
        if unit:
            line += f" [{unit}]"
        if f.default:
            line += f" default {f.default}"
        if limits:
            line += f" ({', '.join(limits)})"
        out.append(line)
    for spec in getattr(module, "LISTS", ()):
        names = ", ".join(f.name for f in spec.fields)
        out.append(f"  {spec.name}: give them with --json as a list of {{{names}}}")
    return "\n".join(out)


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(_usage())
        return 0 if argv else 2
    slug, rest = argv[0], argv[1:]
    if slug not in web.CALCULATORS and slug not in web.DOCUMENTS:
        print(f"unknown calculator {slug!r}\n\n{_usage()}", file=sys.stderr)
        return 2
    if "-h" in rest or "--help" in rest:
        print(_fields_help(slug))
        return 0
    form: dict = {}
    lang = "zh"
    want_html = False
    want_text = False
    want_ics = False
    it = iter(rest)
    for arg in it:
        if arg == "--json":
            try:
                loaded = json.loads(next(it, ""))
            except json.JSONDecodeError as err:
                print(f"--json: not valid JSON: {err}", file=sys.stderr)
                return 2
            if not isinstance(loaded, dict):
                print("--json: give an object, such as '{\"principal\": \"5000\"}'", file=sys.stderr)
                return 2
            form.update(loaded)
        elif arg == "--lang":
            lang = next(it, "zh")
        elif arg == "--html":
            want_html = True
        elif arg == "--text":
            if slug not in web.DOCUMENTS:
                print(f"--text: {slug!r} is a calculator, not a document; documents: {', '.join(web.DOCUMENTS)}",
                      file=sys.stderr)
                return 2
            want_text = True
        elif arg == "--ics":
            want_ics = True
        elif "=" in arg:
            key, value = arg.split("=", 1)
            form[key] = value
        else:
            print(f"not understood: {arg!r} (use field=value)\n\n{_fields_help(slug)}", file=sys.stderr)
            return 2
    if want_ics:
        reply = web.calendar(slug, form, lang)
        if not reply["ok"]:
            print(json.dumps(reply, ensure_ascii=False, indent=2), file=sys.stderr)
            return 2
        sys.stdout.write(reply["ics"])  # CRLF lines, as RFC 5545 wants
        return 0
    reply = json.loads(web.run(slug, json.dumps(form, ensure_ascii=False), lang))
    if want_text and reply["ok"]:
        print(reply["text"])
        return 0
    if not want_html:
        reply.pop("html", None)
    print(json.dumps(reply, ensure_ascii=False, indent=2))
    return 0 if reply["ok"] else 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
