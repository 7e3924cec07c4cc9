"""The built site: strict build, both languages, twins linked, nothing loaded
from another host (search: tests/test_search.py)."""

from __future__ import annotations

import gzip
import re
from html.parser import HTMLParser
from pathlib import Path

import zstandard


def test_strict_build_succeeds_without_warnings(build):
    out, proc = build
    assert proc.returncode == 0, proc.stderr
    assert "WARNING" not in proc.stderr, proc.stderr


def test_both_languages_have_a_home_page(site):
    assert (site / "index.html").is_file()
    assert (site / "en" / "index.html").is_file()
    assert 'lang="zh"' in (site / "index.html").read_text(encoding="utf-8")
    assert 'lang="en"' in (site / "en" / "index.html").read_text(encoding="utf-8")


def _pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("index.html") if "pyodide" not in p.parts]


def _twin(site: Path, page: Path) -> tuple[str, Path]:
    rel = page.relative_to(site)
    if rel.parts[0] == "en":
        return "zh", site.joinpath(*rel.parts[1:])
    return "en", site / "en" / rel


def test_every_page_links_to_its_other_language_twin(site):
    pages = _pages(site)
    assert len(pages) >= 4
    for page in pages:
        other, twin = _twin(site, page)
        assert twin.is_file(), f"{page.relative_to(site)} has no {other} twin"
        html = page.read_text(encoding="utf-8")
        links = re.findall(rf'<a href="([^"]+)" hreflang="{other}"', html)
        assert links, f"{page.relative_to(site)}: no language switcher link to {other}"
        target = (page.parent / links[0]).resolve()
        if target.is_dir():
            target = target / "index.html"
        assert target == twin.resolve(), f"{page.relative_to(site)} links to {links[0]}, not its twin"


class _Loads(HTMLParser):
    """Collects every URL an HTML page loads (not plain links the reader may follow)."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "img", "iframe", "audio", "video", "source", "track", "embed", "input") and a.get("src"):
            self.urls.append(a["src"])
        if tag == "link" and a.get("href"):
            rel = (a.get("rel") or "").lower()
            if any(r in rel for r in ("stylesheet", "preload", "modulepreload", "icon", "prefetch", "preconnect",
                                       "dns-prefetch", "manifest")):
                self.urls.append(a["href"])
        if tag == "object" and a.get("data"):
            self.urls.append(a["data"])
        for key in ("srcset", "poster"):
            if a.get(key):
                self.urls.append(a[key])


OUTSIDE = re.compile(r"^(https?:)?//", re.I)


def test_no_html_page_loads_anything_from_another_host(site):
    for page in site.rglob("*.html"):
        parser = _Loads()
        parser.feed(page.read_text(encoding="utf-8"))
        outside = [u for u in parser.urls if OUTSIDE.match(u)]
        assert not outside, f"{page.relative_to(site)} loads {outside}"
        style_imports = re.findall(r"@import\s+url\(\s*['\"]?(https?:)?//", page.read_text(encoding="utf-8"))
        assert not style_imports, page


def test_no_stylesheet_loads_anything_from_another_host(site):
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        bad = re.findall(r"(?:url\(\s*['\"]?|@import\s+['\"])((?:https?:)?//[^'\")\s]+)", text)
        assert not bad, f"{css.relative_to(site)} loads {bad}"


def test_our_scripts_load_nothing_from_another_host(site):
    for js in (site / "assets" / "javascripts").glob("*.*js"):  # .js and .mjs
        if js.name.startswith("bundle."):
            continue  # Material's bundle: covered by the browser tests' request guard
        text = js.read_text(encoding="utf-8")
        assert not re.search(r"https?://", text), f"{js.name} names an outside URL"


def test_theme_asks_no_font_host(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_pyodide_runtime_is_self_hosted_and_only_what_a_page_needs(site):
    files = sorted(p.name for p in (site / "pyodide").iterdir())
    assert files == sorted(["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide.asm.wasm.gz",
                            "pyodide.asm.wasm.zst", "fzstd.mjs", "python_stdlib.zip", "pyodide-lock.json"])
    # the wasm packed once at the build: as zstd (what the worker fetches) and gzip (where the zstd
    # decoder cannot be had), the same bytes inside, the zstd smaller
    wasm = site / "pyodide" / "pyodide.asm.wasm"
    packed = {suffix: (site / "pyodide" / f"pyodide.asm.wasm{suffix}").read_bytes() for suffix in (".zst", ".gz")}
    assert gzip.decompress(packed[".gz"]) == wasm.read_bytes()
    assert zstandard.ZstdDecompressor().decompress(packed[".zst"]) == wasm.read_bytes()
    assert len(packed[".zst"]) < len(packed[".gz"])
    # the decoder with its licence's notice (MIT)
    decoder = (site / "pyodide" / "fzstd.mjs").read_text(encoding="utf-8")
    assert decoder.startswith("/* fzstd ") and "Permission is hereby granted" in decoder.split("*/", 1)[0]
    # the standard library likewise: its .zst is its .gz's zip
    stdlib = sorted((site / "assets" / "py").glob("stdlib-*.zip.zst"))
    assert len(stdlib) == 1
    assert zstandard.ZstdDecompressor().decompress(stdlib[0].read_bytes()) == gzip.decompress(
        stdlib[0].with_suffix(".gz").read_bytes())
    zips = list((site / "assets" / "py").glob("calculators-*.zip"))
    assert len(zips) == 1 and re.fullmatch(r"calculators-[0-9a-f]{12}\.zip", zips[0].name)


def test_every_page_carries_a_content_security_policy(site):
    for page in [*site.rglob("index.html"), site / "404.html"]:
        if "pyodide" in page.parts:
            continue
        html = page.read_text(encoding="utf-8")
        policies = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', html)
        assert len(policies) == 1, page
        policy = policies[0]
        assert "default-src 'self'" in policy and "'unsafe-inline'" not in policy.split("style-src")[0]
        assert "'unsafe-eval'" not in policy


def test_no_inline_event_handlers(site):
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        handlers = re.findall(r"<[^>]+\son[a-z]+\s*=", html)
        assert not handlers, f"{page.relative_to(site)}: {handlers[:3]}"


def test_our_scripts_and_stylesheet_are_asked_for_by_their_content_hash(site):
    """Pages and our modules ask for `?v=<hash of the file>`, so a page never gets another
    version of our files than the one it was built with (the service worker keys them so)."""
    import hashlib

    root = Path(__file__).resolve().parent.parent
    own = {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()[:12]
           for p in [*(site / "assets" / "javascripts").glob("*.*js"), site / "assets" / "stylesheets" / "site.css"]
           if (root / "docs" / p.relative_to(site)).is_file()}
    assert {"assets/javascripts/calculator.js", "assets/javascripts/boot.mjs", "assets/stylesheets/site.css"} <= set(own)
    html = (site / "calculators" / "repayment" / "index.html").read_text(encoding="utf-8")
    for rel in ("assets/javascripts/calculator.js", "assets/stylesheets/site.css"):
        assert re.findall(rf"{re.escape(rel)}(\?v=[0-9a-f]+)?[\"']", html) == [f"?v={own[rel]}"]
    for rel in own:
        text = (site / rel).read_text(encoding="utf-8")
        for name, rev in re.findall(r"""["']\./([\w.-]+\.m?js)\?v=([0-9a-f]+)["']""", text):
            assert rev == own[f"assets/javascripts/{name}"], (rel, name)
        assert not re.search(r"""["']\./[\w.-]+\.m?js["']""", text), f"{rel} loads a module without its hash"


def test_every_registered_calculator_is_in_the_built_nav_of_both_languages(site):
    """hooks/nav.py fills the 计算器 section from the registry: each calculator appears once in each
    language's navigation, under its own title, linking to its page, in the order its pages give."""
    from calculators import web
    from hooks.nav import entries

    docs = Path(__file__).resolve().parent.parent / "docs"
    rows = entries(docs)
    assert sorted(path.split("/")[1][:-len(".md")] for _, _, path in rows) == sorted(web.CALCULATORS)
    for lang, home, column in (("zh", site, 0), ("en", site / "en", 1)):
        html = (home / "index.html").read_text(encoding="utf-8")
        primary = html[html.index('md-nav--primary'):]
        positions = []
        for row in rows:
            slug = row[2].split("/")[1][:-len(".md")]
            link = re.compile(r'<a href="[./]*(?:en/)?calculators/' + re.escape(slug)
                              + r'/"[^>]*>\s*<span class="md-ellipsis">\s*' + re.escape(row[column]) + r"\s*<")
            found = [m.start() for m in link.finditer(primary)]
            assert len(found) == 1, f"{lang}: {slug} ({row[column]}) appears {len(found)} times in the nav"
            positions.append(found[0])
        assert positions == sorted(positions), f"{lang}: the calculators are not in their nav order"
