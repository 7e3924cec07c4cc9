"""Offline use: site/sw.js, a service worker that keeps the pages of the reader's language.

The template is hooks/sw.js; after each build this hook
- names our own scripts and stylesheet by content: every reference to them (in the pages
  and between our modules) gets `?v=<hash of the file>`, so a page always asks for the exact
  versions it was built with and an update cannot mix old and new files;
- lists every file kept ahead, per language (its pages and search index, and the theme's and
  our own files for both), with a revision (a hash of its bytes): the service worker fetches a
  language's list when a page of it asks, once idle (calculator.js), and after a rebuild only
  the files whose revision changed;
- lists the runtime files (Pyodide, the calculators' and letters' zips, the trimmed standard
  library and the snapshot) with theirs too: kept when first used, never fetched ahead, dropped when stale.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

TEMPLATE = Path(__file__).with_name("sw.js")

# Files kept for offline use on the first visit (paths relative to the site root).
# Not the Python runtime or the calculators package: kept when first used.
_NOT_AHEAD = ("pyodide/", "assets/py/", "sw.js")  # the runtime, the package and the snapshot
_AHEAD_SUFFIXES = (".html", ".css", ".js", ".mjs", ".svg", ".png", ".ico", ".json", ".woff2")
_RUNTIME = ("pyodide/", "assets/py/")
# Our own unhashed files (the theme's carry a hash in their names already).
OWN_DIRS = ("assets/javascripts", "assets/stylesheets")


def revision(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def _own_files(site: Path, docs: Path) -> list[str]:
    """Our scripts and stylesheets as the site holds them (copied from docs/assets)."""
    found = []
    for folder in OWN_DIRS:
        for path in sorted((docs / folder).glob("*")):
            if path.suffix in (".js", ".mjs", ".css") and (site / folder / path.name).is_file():
                found.append(f"{folder}/{path.name}")
    return found


def without_line_comments(source: str) -> str:
    r"""A script without its whole-line ``//`` comments, as the site serves it (the comments are for
    whoever reads docs/assets; a reader's phone downloads every byte). Only lines whose first
    characters are ``//`` go, and never one inside a template literal (a line break inside
    backticks is part of the string); a file whose backticks do not pair is served as written.

    >>> without_line_comments("// why\nconst a = 1; // kept\n  // indented\nconst t = `\n// text\n`;\n")
    'const a = 1; // kept\nconst t = `\n// text\n`;\n'
    """
    kept, inside = [], False
    for line in source.split("\n"):
        if not inside and line.lstrip().startswith("//"):
            continue
        kept.append(line)
        if len(re.findall(r"(?<!\\)`", line)) % 2:
            inside = not inside
    return source if inside else "\n".join(kept)


def version_own_files(site: Path, docs: Path) -> dict[str, str]:
    """Add `?v=<revision>` to every reference to our own files (scripts without their whole-line
    comments: ``without_line_comments``); returns {path: revision}.

    A module's revision covers the versioned names of the modules it loads, so the files are
    done in dependency order (boot.mjs before calc-worker.js before calc-engine.js ...).
    """
    own = _own_files(site, docs)
    names = {Path(rel).name: rel for rel in own}
    refs = {rel: {n for n in names if re.search(rf"""["']\./{re.escape(n)}["']""",
                                                (site / rel).read_text(encoding="utf-8"))} - {Path(rel).name}
            for rel in own}
    revs: dict[str, str] = {}
    while len(revs) < len(own):
        ready = [rel for rel in own if rel not in revs and all(names[n] in revs for n in refs[rel])]
        if not ready:
            raise ValueError(f"our modules load each other in a circle: {sorted(set(own) - set(revs))}")
        for rel in ready:
            path = site / rel
            text = path.read_text(encoding="utf-8")
            if path.suffix in (".js", ".mjs"):
                text = without_line_comments(text)
            for n in refs[rel]:
                text = re.sub(rf"""(["'])\./{re.escape(n)}\1""", rf"\1./{n}?v={revs[names[n]]}\1", text)
            path.write_text(text, encoding="utf-8")
            revs[rel] = revision(text.encode("utf-8"))
    pattern = re.compile(r"""((?:\.\./|\./|/)?(?:""" + "|".join(re.escape(r) for r in own) + r"""))(?=["'])""")
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        new = pattern.sub(lambda m: f"{m.group(1)}?v={revs[m.group(1).lstrip('./')]}", html)
        if new != html:
            page.write_text(new, encoding="utf-8")
    return revs


def _url(rel: str) -> str:
    """The URL path a page asks for (a directory's index.html by its directory)."""
    if rel == "index.html":
        return "./"
    return rel[: -len("index.html")] if rel.endswith("/index.html") else rel


LANGS = ("zh", "en")


def language(rel: str) -> str | None:
    """The language a site file belongs to ("en" under en/, "zh" for the other pages), or None
    for a file both need (the theme's, ours, icons, the 404 page)."""
    if rel.startswith("en/") or rel == "search/en.json":
        return "en"
    if rel == "search/zh.json" or (rel.endswith(".html") and rel != "404.html"):
        return "zh"
    return None


def precache_list(site: Path, lang: str | None = None) -> list[str]:
    """Every file a reader may need offline, as the service worker names it (relative to the site);
    with ``lang``, only what a reader of that language is kept ahead."""
    paths = []
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if not path.is_file() or rel.startswith(_NOT_AHEAD) or not rel.endswith(_AHEAD_SUFFIXES):
            continue
        if "/lunr/" in f"/{rel}" and not rel.endswith(("lunr.stemmer.support.min.js", "lunr.multi.min.js",
                                                       "lunr.zh.min.js")):
            continue  # search languages this site does not use
        if lang is None or language(rel) in (None, lang):
            paths.append(rel)
    return paths


def manifest(site: Path, own_revs: dict[str, str]) -> tuple[dict[str, list[list[str]]], list[list[str]]]:
    """({lang: [url, revision] kept ahead}, [url, revision] of the runtime kept on use); an own
    file's url carries its `?v=` as the pages ask for it."""
    ahead: dict[str, list[list[str]]] = {lang: [] for lang in LANGS}
    for rel in precache_list(site):
        rev = own_revs.get(rel) or revision((site / rel).read_bytes())
        entry = [f"{rel}?v={rev}" if rel in own_revs else _url(rel), rev]
        for lang in LANGS:
            if language(rel) in (None, lang):
                ahead[lang].append(entry)
    runtime = []
    for path in sorted(p for folder in _RUNTIME for p in (site / folder).rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        # content-named files (calculators-*, letters-*, stdlib-*, snapshot-*) are their own revision
        rev = re.search(r"-([0-9a-f]{12})\.", path.name)
        runtime.append([rel, rev.group(1) if rev and rel.startswith("assets/py/") else revision(path.read_bytes())])
    return ahead, runtime


def whole_package(site: Path) -> str | None:
    """The calculators' whole zip (relative to the site), which the service worker keeps for a reader
    who has used a calculator and answers a page's own zip with offline (hooks/runtime.py
    write_page_zips); None if the build wrote none."""
    found = sorted((site / "assets" / "py").glob("calculators-*.zip"))
    return found[0].relative_to(site).as_posix() if len(found) == 1 else None


def _runtime_key(site: Path) -> str | None:
    """The key in the name of the build's snapshot (assets/py/snapshot-<key>.bin.gz); None without one."""
    found = sorted((site / "assets" / "py").glob("snapshot-*.bin.gz"))
    if len(found) != 1:
        return None
    return found[0].name.removeprefix("snapshot-").removesuffix(".bin.gz")


def kept_wasm(site: Path) -> str | None:
    """Where calc-worker.js keeps Pyodide's wasm unpacked once the snapshot is kept (keepWasm): a key in
    the runtime cache beside the snapshot, with the snapshot's key (assets/py/snapshot-<key>.bin.gz ->
    assets/py/pyodide.asm-<key>.wasm), never a file on the host. None if the build made no snapshot."""
    key = _runtime_key(site)
    return f"assets/py/pyodide.asm-{key}.wasm" if key else None


def kept_unpacked(site: Path) -> list[str]:
    """Everything calc-worker.js keeps unpacked beside the snapshot (keepUnpacked), keys in the runtime
    cache with the snapshot's key, never files on the host: the wasm, the snapshot's memory without its
    zero pages (.mem) and the standard library's zip (.kept.zip). The service worker keeps these and
    drops any other, like a stale runtime file. Empty if the build made no snapshot."""
    key = _runtime_key(site)
    if not key:
        return []
    return [f"assets/py/pyodide.asm-{key}.wasm", f"assets/py/snapshot-{key}.mem", f"assets/py/stdlib-{key}.kept.zip"]


def write_service_worker(site: Path, own_revs: dict[str, str]) -> None:
    """site/sw.js from the template, versioned by the revisions of every file it names."""
    ahead, runtime = manifest(site, own_revs)
    version = revision(json.dumps([ahead, runtime]).encode())
    script = (TEMPLATE.read_text(encoding="utf-8")
              .replace("__VERSION__", version)
              .replace("__PRECACHE__", json.dumps(ahead, ensure_ascii=False))
              .replace("__RUNTIME__", json.dumps(runtime, ensure_ascii=False))
              .replace("__WHOLE_PACKAGE__", json.dumps(whole_package(site)))
              .replace("__KEPT__", json.dumps(kept_unpacked(site))))
    (site / "sw.js").write_text(script, encoding="utf-8")


@event_priority(-100)  # after every plugin: the search plugins write their index in post_build too
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config["site_dir"])
    write_service_worker(site, version_own_files(site, Path(config["docs_dir"])))
