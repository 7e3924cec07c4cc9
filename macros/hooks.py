"""MkDocs hooks: put the self-hosted runtime into the built site.

After each build (and each rebuild under `mkdocs serve`):
- copy only the Pyodide files a page needs from node_modules/pyodide to site/pyodide/;
- write the calculators package zip (content-hashed name) to site/assets/py/.
Before each build, reload the calculators so `mkdocs serve` picks up edits.
"""

from __future__ import annotations

import importlib
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros import glossary, package  # noqa: E402

PYODIDE_SRC = ROOT / "node_modules" / "pyodide"
# What loadPyodide() fetches for the core interpreter with no extra packages.
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)


def on_pre_build(config, **kwargs):
    package.reset()
    glossary.entries.cache_clear()
    for name in sorted(sys.modules):
        if name == "calculators" or name.startswith("calculators."):
            importlib.reload(sys.modules[name])


def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    target = site / "pyodide"
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        src = PYODIDE_SRC / name
        if not src.is_file():
            raise SystemExit(f"{src} is missing: run `npm ci` (make serve / make test do it for you)")
        dst = target / name
        if not dst.exists() or dst.stat().st_size != src.stat().st_size or dst.stat().st_mtime < src.stat().st_mtime:
            shutil.copy2(src, dst)
    name, data = package.current()
    out = site / "assets" / "py"
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("calculators-*.zip"):
        if old.name != name:
            old.unlink()
    (out / name).write_bytes(data)


_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_CJK_BREAK = re.compile(f"(?<=[{_CJK}])\n[ \t]*(?=[{_CJK}])")
_PRE = re.compile(r"(<pre\b.*?</pre>)", re.S)


def join_cjk_lines(html: str) -> str:
    r"""Markdown keeps an author's line breaks, and a browser shows a line break
    between two Chinese characters as a stray space: join such lines (not in <pre>).

    >>> join_cjk_lines("<p>第一行\n第二行</p><li>一。\n   二</li><pre>代码\n保留</pre>")
    '<p>第一行第二行</p><li>一。二</li><pre>代码\n保留</pre>'
    """
    parts = _PRE.split(html)
    return "".join(p if p.startswith("<pre") else _CJK_BREAK.sub("", p) for p in parts)


def on_page_content(html, page, config, files):
    """Chinese lines joined; tooltips on the first use of each glossary term."""
    html = join_cjk_lines(html)
    url = page.url or ""
    if url.rstrip("/").endswith("reference/glossary"):
        return html
    return glossary.annotate(html, "en" if url.startswith("en/") else "zh")
