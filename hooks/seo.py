"""MkDocs hooks: what search engines and link previews read.

With the public address set (SITE_URL, read into `site_url` by mkdocs.yml):
- every page gets an absolute canonical (Material writes it) and absolute
  `hreflang` alternates for zh, en and x-default (the theme's relative ones are
  removed: search engines ignore relative alternates);
- sitemap.xml (and .gz) lists every page of both languages with its alternates
  and its `reviewed` date; robots.txt points to it;
- guides carry a BreadcrumbList (JSON-LD).
Always:
- Open Graph title, description, url (when known), locale, site name;
- the FAQ pages carry a FAQPage (JSON-LD) made from their own questions and answers.

Material's language selector fetches `sitemap.xml` next to every
`<link rel="alternate">` it finds (meant for per-language roots, not per-page
links): 404s, or requests to the public host from a copy served elsewhere.
hreflang.js (a module script, so it runs before DOMContentLoaded, when Material
looks) takes the alternates out of the page for that moment and puts them back.
"""

from __future__ import annotations

import gzip
import html
import json
import re
from pathlib import Path
from urllib.parse import urljoin
from xml.sax.saxutils import escape, quoteattr

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

HERE = Path(__file__).resolve().parent
SCRIPT = "assets/javascripts/hreflang.js"
LANGS = ("zh", "en")
DEFAULT = "zh"
OG_LOCALE = {"zh": "zh_CN", "en": "en_US"}

# Per page (keyed by URL), kept across the zh and en builds of one run.
_seen: dict[str, dict] = {}


def site_url(config) -> str:
    url = (config.get("site_url") or "").strip()
    return url if not url or url.endswith("/") else url + "/"


def lang_of(url: str) -> str:
    return "en" if url.startswith("en/") or url == "en/404.html" else "zh"


def absolute(config, url: str) -> str:
    return urljoin(site_url(config), url)


def relative(page_url: str, target: str) -> str:
    """A link from the page at page_url (a directory URL like 'guides/x/') to a site path."""
    return "../" * page_url.count("/") + target


def twins(page) -> dict[str, str]:
    """URL of this page in each language (mkdocs-static-i18n records them on the file)."""
    found = {}
    for lang, file in (getattr(page.file, "alternates", None) or {}).items():
        if lang in LANGS and file is not None and getattr(file, "url", None) is not None:
            found[lang] = file.url
    found.setdefault(lang_of(page.url), page.url)
    return {lang: ("" if url == "./" else url) for lang, url in found.items()}


# ---- MkDocs events -------------------------------------------------------------

@event_priority(-100)  # after mkdocs-static-i18n has sorted the files by language
def on_files(files, config, **kwargs):
    if not files.get_file_from_path(SCRIPT):
        files.append(File.generated(config, SCRIPT, content=(HERE / "hreflang.js").read_bytes()))
    return files


def on_page_content(html_text, page, config, files, **kwargs):
    if page.url.rstrip("/").endswith("reference/faq"):
        _seen.setdefault(page.url, {})["faq"] = faq_items(html_text)
    return html_text


def on_post_template(output, template_name, config, **kwargs):
    """404.html is a template, not a page: no on_post_page for it."""
    if template_name != "404.html":
        return output
    return on_post_page(output, page=not_found_page(output), config=config)


def not_found_page(output: str):
    """A stand-in page for 404.html (built last, by the English build: lang from its html)."""
    from types import SimpleNamespace

    m = re.search(r'<html lang="([a-z]+)', output)
    return SimpleNamespace(url="404.html", title="404", meta={}, is_homepage=False,
                           lang=m.group(1) if m and m.group(1) in LANGS else DEFAULT,
                           file=SimpleNamespace(alternates={}))


def on_post_page(output, page, config, **kwargs):
    url = page.url or ""
    lang = getattr(page, "lang", None) or lang_of(url)
    base = site_url(config)
    is_404 = url.endswith("404.html")
    head = []
    output = re.sub(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">', "", output)
    alternates = {} if is_404 else twins(page)
    if base and not is_404:
        for alt_lang in LANGS:
            if alt_lang in alternates:
                head.append(f'<link rel="alternate" hreflang="{alt_lang}" href="{absolute(config, alternates[alt_lang])}">')
        if DEFAULT in alternates:
            head.append(f'<link rel="alternate" hreflang="x-default" href="{absolute(config, alternates[DEFAULT])}">')
        head.append(f'<script type="module" src="{relative(url, SCRIPT)}"></script>')
    if is_404:
        head.append('<meta name="robots" content="noindex">')

    meta = page.meta or {}
    title = str(meta.get("title") or page.title or config["site_name"])
    description = str(meta.get("description") or config.get("site_description") or "")
    og = {
        "og:type": "website",
        "og:site_name": config["site_name"],
        "og:title": title,
        "og:description": description,
        "og:locale": OG_LOCALE[lang],
    }
    if base and not is_404:
        og["og:url"] = absolute(config, url)
    for key, value in og.items():
        head.append(f'<meta property="{key}" content="{html.escape(value, quote=True)}">')
    for other in LANGS:
        if other != lang and other in alternates:
            head.append(f'<meta property="og:locale:alternate" content="{OG_LOCALE[other]}">')

    data = []
    faq = _seen.get(url, {}).get("faq")
    if faq:
        data.append(faq_jsonld(faq, lang))
    if base and url.startswith(("guides/", "en/guides/")):
        home = "en/" if lang == "en" else ""
        data.append(breadcrumb_jsonld([(config["site_name"], absolute(config, home)),
                                       (title, absolute(config, url))]))
    for item in data:
        head.append(f'<script type="application/ld+json">{jsonld_text(item)}</script>')

    if not is_404:
        _seen.setdefault(url, {}).update(
            lang=lang, alternates=alternates, lastmod=str(meta.get("reviewed") or ""))
    return output.replace("</head>", "".join(f"  {line}\n" for line in head) + "  </head>", 1)


def on_post_build(config, **kwargs):
    site = Path(config["site_dir"])
    base = site_url(config)
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        (site / name).unlink(missing_ok=True)
    robots = "User-agent: *\nAllow: /\n"
    if base:
        xml = sitemap(config, site)
        (site / "sitemap.xml").write_text(xml, encoding="utf-8")
        (site / "sitemap.xml.gz").write_bytes(gzip.compress(xml.encode("utf-8"), mtime=0))
        robots += f"\nSitemap: {absolute(config, 'sitemap.xml')}\n"
    (site / "robots.txt").write_text(robots, encoding="utf-8")


# ---- sitemap -------------------------------------------------------------------

def built(site: Path, url: str) -> bool:
    return (site / url / "index.html").is_file() if not url.endswith(".html") else (site / url).is_file()


def sitemap(config, site: Path) -> str:
    """Every built page of both languages, each with its alternates (x-default: Chinese)."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for url in sorted(_seen, key=lambda u: (lang_of(u) != DEFAULT, u)):
        info = _seen[url]
        if "lang" not in info or not built(site, url):
            continue
        lines.append("  <url>")
        lines.append(f"    <loc>{escape(absolute(config, url))}</loc>")
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", info["lastmod"]):
            lines.append(f"    <lastmod>{info['lastmod']}</lastmod>")
        alts = {k: v for k, v in info["alternates"].items() if built(site, v)}
        if len(alts) > 1:
            for lang in LANGS:
                if lang in alts:
                    lines.append(f'    <xhtml:link rel="alternate" hreflang="{lang}" '
                                 f'href={quoteattr(absolute(config, alts[lang]))}/>')
            if DEFAULT in alts:
                lines.append('    <xhtml:link rel="alternate" hreflang="x-default" '
                             f'href={quoteattr(absolute(config, alts[DEFAULT]))}/>')
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


# ---- structured data -----------------------------------------------------------

_HEADING = re.compile(r"<h(?P<level>[1-6])\b[^>]*>(?P<body>.*?)</h(?P=level)>", re.S)
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"[ \t\r\n\u3000]+")
_CJK_GAP = re.compile(r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]) (?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])")


def plain(fragment: str) -> str:
    r"""Text of an HTML fragment, one space between words, none between Chinese characters.

    >>> plain('<p>还不上钱<abbr title="x">本身</abbr>\n不是犯罪。</p>\n<p>Second <b>para</b>.</p>')
    '还不上钱本身不是犯罪。 Second para.'
    """
    text = _TAG.sub(" ", _HEADERLINK.sub("", fragment))
    text = _SPACE.sub(" ", html.unescape(text)).strip()
    text = _CJK_GAP.sub("", text)
    return re.sub(r" (?=[，。；：、！？）」』”,.;:!?)])", "", text)


def faq_items(content: str) -> list[tuple[str, str]]:
    """(question, answer) for every h3 of the page: the answer is what follows it
    up to the next h2 or h3.

    >>> faq_items('<h2>A</h2><h3 id="q">会坐牢吗？<a class="headerlink" href="#q">¶</a></h3>'
    ...           '<p>不会。</p><h3>Two?</h3><p>Yes.</p><h2>Sources</h2><p>x</p>')
    [('会坐牢吗？', '不会。'), ('Two?', 'Yes.')]
    """
    heads = list(_HEADING.finditer(content))
    items = []
    for i, m in enumerate(heads):
        if m.group("level") != "3":
            continue
        end = len(content)
        for later in heads[i + 1:]:
            if later.group("level") in ("1", "2", "3"):
                end = later.start()
                break
        question, answer = plain(m.group("body")), plain(content[m.end():end])
        if question and answer:
            items.append((question, answer))
    return items


def faq_jsonld(items, lang: str) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "inLanguage": "en" if lang == "en" else "zh-CN",
        "mainEntity": [
            {"@type": "Question", "name": q, "acceptedAnswer": {"@type": "Answer", "text": a}}
            for q, a in items
        ],
    }


def breadcrumb_jsonld(trail) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": name, "item": url}
            for i, (name, url) in enumerate(trail, start=1)
        ],
    }


def jsonld_text(data: dict) -> str:
    """JSON for a <script> block: '</' cannot close the element early.

    >>> jsonld_text({"a": "</script>"})
    '{"a": "<\\\\/script>"}'
    """
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")

