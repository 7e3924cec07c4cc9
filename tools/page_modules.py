"""Which of our modules each calculator's page imports, for the zip that page alone loads
(hooks/runtime.py ``write_page_zips``; bench/notes.md).

Run as a script in an isolated Python (``python -I``) that sees no calculators but the calculators'
zip the browser gets (its sources, unpacked): per slug, a fresh ``calculators`` (every module of
the package forgotten), then every case the runtime answers for that slug (tools/cases.py
``runtime_cases``: its defaults in both languages, its known values, its registered cases, hostile
text in every field, its calendar file), each with and without the result data, and each form's
hidden long-table rows (``<slug>.rest``), on the fixed clock of the cases. What ``sys.modules`` then
holds under ``calculators`` is that page's list. The trimmed standard library is derived the same
way (tools/stdlib_modules.mjs); tests/test_package.py holds each page's zip answering all of them
from nothing else.

    python -I tools/page_modules.py < {"zip": path, "slugs": [...], "cases": [[slug, form, lang], ...],
                                       "today": "YYYY-MM-DD", "calendar": ".ics", "rest": ".rest"}
    stdout: {"<slug>": ["calculators", "calculators.web", ...], ...}
"""

from __future__ import annotations

import importlib
import json
import sys
import tempfile
import zipfile


def _forget() -> None:
    for name in [m for m in sys.modules if m == "calculators" or m.startswith("calculators.")]:
        del sys.modules[name]


def modules_by_slug(request: dict, root: str) -> dict[str, list[str]]:
    """{slug: the names of our modules its page imports}; each must come from under ``root``."""
    found: dict[str, list[str]] = {}
    for slug in request["slugs"]:
        _forget()
        web = importlib.import_module("calculators.web")
        for asked, form, lang in request["cases"]:
            if asked not in (slug, slug + request["calendar"]):
                continue
            for with_result in (True, False):
                web.run(asked, form, lang, with_result, request["today"])
            if asked == slug:
                web.run(slug + request["rest"], form, lang, True, request["today"])
        ours = {m: sys.modules[m] for m in sys.modules if m == "calculators" or m.startswith("calculators.")}
        outside = sorted(m for m, module in ours.items() if not (module.__file__ or "").startswith(root))
        if outside:  # imported from anywhere but the zip: the list would be wrong
            raise ImportError(f"{slug}: not from the calculators' zip: {outside}")
        found[slug] = sorted(ours)
    return found


def main() -> int:
    request = json.load(sys.stdin)
    with tempfile.TemporaryDirectory() as unpacked:
        with zipfile.ZipFile(request["zip"]) as package:
            package.extractall(unpacked)
        sys.path.insert(0, unpacked)
        sys.dont_write_bytecode = True
        found = modules_by_slug(request, unpacked)
    sys.stdout.write(json.dumps(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
