"""Offline use: site/sw.js, a service worker that keeps every page after one visit.

The template is hooks/sw.js; the build fills in the list of files kept ahead
(pages, the theme's and our own files), a version hashed from all of them, and
the names of the calculators package and the snapshot (kept when first used).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

TEMPLATE = Path(__file__).with_name("sw.js")

# Files kept for offline use on the first visit (paths relative to the site root).
# Not the Python runtime or the calculators package: kept when first used.
_NOT_AHEAD = ("pyodide/", "assets/py/", "sw.js")  # the runtime, the package and the snapshot
_AHEAD_SUFFIXES = (".html", ".css", ".js", ".mjs", ".svg", ".png", ".ico", ".json", ".woff2")


def precache_list(site: Path) -> list[str]:
    """Every file a reader may need offline, as the service worker names it."""
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


def write_service_worker(site: Path, package_name: str, snapshot_name: str) -> None:
    """site/sw.js from the template, versioned by the content of every file it keeps."""
    paths = precache_list(site)
    digest = hashlib.sha256()
    for rel in paths:
        target = site / (rel + "index.html" if rel.endswith("/") or rel == "./" else rel)
        if rel == "./":
            target = site / "index.html"
        digest.update(rel.encode())
        digest.update(target.read_bytes())
    digest.update(package_name.encode())
    script = (TEMPLATE.read_text(encoding="utf-8")
              .replace("__VERSION__", digest.hexdigest()[:16])
              .replace("__PRECACHE__", json.dumps(paths, ensure_ascii=False))
              .replace("__PACKAGE__", package_name)
              .replace("__SNAPSHOT__", snapshot_name))
    (site / "sw.js").write_text(script, encoding="utf-8")


def on_post_build(config: MkDocsConfig) -> None:
    from macros import package  # imported per build: see hooks/__init__.py

    write_service_worker(Path(config["site_dir"]), package.name(), package.snapshot_name())
