"""MkDocs hooks: put the self-hosted runtime into the built site.

After each build (and each rebuild under `mkdocs serve`):
- copy only the Pyodide files a page needs from node_modules/pyodide to site/pyodide/;
- write the calculators package zip (content-hashed name) to site/assets/py/.
Before each build, reload the calculators so `mkdocs serve` picks up edits.
"""

from __future__ import annotations

import base64
import hashlib
import importlib
import json
import re
import shutil
import subprocess
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
    write_snapshot(out, name)
    write_service_worker(site, name)


def write_snapshot(out: Path, zip_name: str) -> None:
    """The optional fast start: a gzipped Pyodide memory snapshot next to the package.

    Without it (node missing, a Pyodide that cannot snapshot) the calculators
    start the ordinary way, so a failure here is reported, not fatal.
    """
    target = out / package.snapshot_name()
    for old in out.glob("snapshot-*.bin.gz"):
        if old != target:
            old.unlink()
    if target.exists():
        return  # its name says which package and Pyodide it was made from
    try:
        subprocess.run(["node", str(ROOT / "tools" / "snapshot.mjs"), str(out / zip_name), str(target)],
                       cwd=ROOT, check=True, capture_output=True, timeout=300)
    except (OSError, subprocess.SubprocessError) as err:
        print(f"note: no Pyodide snapshot made ({err}); calculators will start the ordinary way",
              file=sys.stderr)


# Files kept for offline use on the first visit (paths relative to the site root).
# Not the Python runtime or the calculators package: kept when first used.
_NOT_AHEAD = ("pyodide/", "assets/py/", "sw.js")  # the runtime, the package and the snapshot
_AHEAD_SUFFIXES = (".html", ".css", ".js", ".svg", ".png", ".ico", ".json", ".woff2")


def precache_list(site: Path) -> list[str]:
    paths = []
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if not path.is_file() or rel.startswith(_NOT_AHEAD) or not rel.endswith(_AHEAD_SUFFIXES):
            continue
        if "/lunr/" in f"/{rel}" and not rel.endswith(("lunr.stemmer.support.min.js", "lunr.multi.min.js",
                                                       "lunr.zh.min.js")):
            continue  # search languages this site does not use
        if rel.endswith("index.html"):
            rel = rel[: -len("index.html")] or "./"
        paths.append(rel)
    return paths


def write_service_worker(site: Path, package_name: str) -> None:
    paths = precache_list(site)
    digest = hashlib.sha256()
    for rel in paths:
        target = site / (rel + "index.html" if rel.endswith("/") or rel == "./" else rel)
        if rel == "./":
            target = site / "index.html"
        digest.update(rel.encode())
        digest.update(target.read_bytes())
    digest.update(package_name.encode())
    template = (Path(__file__).with_name("sw.js")).read_text(encoding="utf-8")
    script = (template.replace("__VERSION__", digest.hexdigest()[:16])
              .replace("__PRECACHE__", json.dumps(paths, ensure_ascii=False))
              .replace("__PACKAGE__", package_name)
              .replace("__SNAPSHOT__", package.snapshot_name()))
    (site / "sw.js").write_text(script, encoding="utf-8")


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


# ---- Content-Security-Policy -------------------------------------------------
# Only the site itself; WebAssembly may compile ('wasm-unsafe-eval'); the theme's
# few inline scripts are allowed by their exact hash, computed here per page.
CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)
_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
_JS_TYPES = ("", "text/javascript", "module", "application/javascript")


def inline_script_hashes(html: str) -> list[str]:
    """The CSP hashes of every inline script that a browser would run."""
    hashes = []
    for m in _INLINE_SCRIPT.finditer(html):
        attrs = m.group("attrs")
        if "src=" in attrs:
            continue
        kind = re.search(r'type="([^"]*)"', attrs)
        if kind and kind.group(1) not in _JS_TYPES:
            continue  # data blocks (application/json) are not run
        digest = hashlib.sha256(m.group("body").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(set(hashes))


def csp_for(html: str) -> str:
    hashes = inline_script_hashes(html)
    return CSP.format(hashes="".join(" " + h for h in hashes))


def on_post_page(output, page, config):
    """Every page carries its Content-Security-Policy as a meta tag."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{csp_for(output)}">'
    return output.replace("<head>", "<head>\n    " + meta, 1)
