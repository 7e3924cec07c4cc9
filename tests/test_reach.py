"""Found, shared and kept: canonical and hreflang links, sitemap and robots.txt,
share cards (Open Graph), structured data (JSON-LD), the web app manifests and
icons, and the share-card font. The built site is made for tests.conftest.SITE_URL."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

import pytest
from PIL import Image

from hooks import cards, seo
from tests.conftest import ROOT, SITE_URL

LANGS = ("zh", "en", "x-default")


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if "pyodide" not in p.parts)


def every_html(site: Path) -> list[Path]:
    return pages(site) + [site / "404.html"]


def head(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    return text[: text.index("</head>")]


def attr(tag: str, name: str) -> str | None:
    m = re.search(rf'\b{name}="([^"]*)"', tag)
    return m.group(1) if m else None


def meta(html: str, prop: str) -> list[str]:
    return [attr(t, "content") for t in re.findall(rf'<meta (?:property|name)="{re.escape(prop)}"[^>]*>', html)]


def local(site: Path, url: str) -> Path:
    """The built file an absolute URL of the site names."""
    assert url.startswith(SITE_URL), f"{url} is not under {SITE_URL}"
    path = url[len(SITE_URL):]
    return site / path / "index.html" if path == "" or path.endswith("/") else site / path


def url_of(site: Path, page: Path) -> str:
    rel = page.relative_to(site).as_posix()
    return SITE_URL + rel[: -len("index.html")]


def jsonld(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(b) for b in blocks]


# ---- canonical and hreflang ----------------------------------------------------

def test_every_page_has_an_absolute_canonical_and_hreflang_for_zh_en_and_x_default(site):
    checked = 0
    for page in pages(site):
        name = page.relative_to(site).as_posix()
        html = head(page)
        canonical = re.findall(r'<link rel="canonical" href="([^"]+)"', html)
        assert canonical == [url_of(site, page)], f"{name}: canonical {canonical}"
        links = re.findall(r"<link [^>]*hreflang=[^>]*>", html)
        found = {attr(t, "hreflang"): attr(t, "href") for t in links if "rel=\"alternate\"" in t}
        assert set(found) == set(LANGS), f"{name}: hreflang {sorted(found)}"
        for lang, href in found.items():
            assert href.startswith(SITE_URL), f"{name}: {lang} alternate {href} is not absolute"
            assert local(site, href).is_file(), f"{name}: {lang} alternate {href} is not a built page"
        lang = "en" if name.startswith("en/") else "zh"
        assert found[lang] == canonical[0], f"{name}: its own {lang} alternate is not itself"
        assert found["x-default"] == found["zh"], name
        checked += 1
    assert checked >= 70


def test_the_404_page_is_not_indexed(site):
    html = head(site / "404.html")
    assert '<meta name="robots" content="noindex">' in html
    assert "hreflang=" not in html


def test_sitemap_lists_every_page_with_its_alternates_and_robots_points_to_it(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(site / "sitemap.xml").getroot()
    listed = {}
    for url in root.findall("s:url", ns):
        loc = url.find("s:loc", ns).text
        alts = {a.get("hreflang"): a.get("href") for a in url.findall("x:link", ns)}
        listed[loc] = alts
    assert set(listed) == {url_of(site, p) for p in pages(site)}
    for loc, alts in listed.items():
        assert local(site, loc).is_file(), loc
        assert set(alts) == set(LANGS), f"{loc}: {sorted(alts)}"
        assert all(local(site, href).is_file() for href in alts.values()), loc
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots.splitlines()
    assert "Disallow: /\n" not in robots


def test_without_an_address_nothing_absolute_is_made_up():
    """SITE_URL unset: no hreflang, no og:url, no breadcrumb (all need absolute URLs)."""
    page = SimpleNamespace(url="guides/sued/", meta={"title": "T", "description": "D"}, title="T",
                           file=SimpleNamespace(alternates={}))
    config = {"site_url": "", "site_name": "逾期应对指南", "site_description": ""}
    out = seo.on_post_page('<html><head>\n<link rel="alternate" href="./" hreflang="zh">\n</head></html>',
                           page=page, config=config)
    assert "hreflang" not in out and "og:url" not in out and "BreadcrumbList" not in out
    assert '<meta property="og:title" content="T">' in out


# ---- share cards ---------------------------------------------------------------

def test_every_page_has_og_title_description_and_an_existing_image(site):
    for page in every_html(site):
        name = page.relative_to(site).as_posix()
        html = head(page)
        for prop in ("og:title", "og:description", "og:image"):
            values = meta(html, prop)
            assert len(values) == 1 and values[0], f"{name}: {prop} {values}"
        image = meta(html, "og:image")[0]
        path = local(site, image) if image.startswith("http") else (page.parent / image).resolve()
        assert path.is_file(), f"{name}: og:image {image} does not exist"
        with Image.open(path) as im:
            assert (im.format, im.size) == ("JPEG", cards.CARD_SIZE), f"{name}: {im.format} {im.size}"
        if page.name == "index.html":
            assert meta(html, "og:url") == [url_of(site, page)], name


def test_the_card_font_has_every_character_of_every_title():
    titles = {}
    for path in sorted((ROOT / "docs").rglob("*.md")):
        m = re.search(r"^title:\s*(.+)$", path.read_text(encoding="utf-8"), re.M)
        if m:
            titles[path.relative_to(ROOT).as_posix()] = m.group(1).strip().strip("'\"")
    for lang, text in cards.TEXT.items():
        titles[f"site name and tagline ({lang})"] = text["name"] + text["tagline"]
    assert len(titles) >= 70
    missing = {name: cards.missing_chars(title) for name, title in titles.items()}
    missing = {name: chars for name, chars in missing.items() if chars}
    assert not missing, f"the share-card font lacks (rerun tools/subset_font.py): {missing}"


def test_wrapped_titles_keep_every_character_and_fit_the_card():
    title = "账户冻结、扣工资和强制执行：Sold debts and \"pay it all now\" what a debt transfer changes"
    lines = cards.wrap(title, 76, 1032)
    assert "".join(lines).replace(" ", "") == title.replace(" ", "")
    # a closing mark may hang past the width rather than start the next line
    assert all(cards.font(76).getlength(line.rstrip("，。、；：！？）")) <= 1032 for line in lines)
    assert not any(line[0] in "，。、；：！？）" for line in lines)


# ---- structured data -----------------------------------------------------------

@pytest.mark.parametrize("faq", ["reference/faq/index.html", "en/reference/faq/index.html"])
def test_faq_jsonld_parses_and_lists_every_question_on_the_page(site, faq):
    text = (site / faq).read_text(encoding="utf-8")
    data = [d for d in jsonld(head(site / faq)) if d.get("@type") == "FAQPage"]
    assert len(data) == 1
    article = text[text.index("<article"): text.index("</article>")]
    questions = [seo.plain(q) for q in re.findall(r"<h3\b[^>]*>(.*?)</h3>", article, re.S)]
    assert len(questions) >= 10
    entities = data[0]["mainEntity"]
    assert [e["name"] for e in entities] == questions
    for e in entities:
        assert e["@type"] == "Question" and e["acceptedAnswer"]["@type"] == "Answer"
        assert len(e["acceptedAnswer"]["text"]) > 20, e["name"]
        assert "¶" not in e["acceptedAnswer"]["text"] and "<" not in e["acceptedAnswer"]["text"]


def test_every_guide_has_a_breadcrumb_and_every_jsonld_block_parses(site):
    guides = 0
    for page in every_html(site):
        blocks = jsonld(head(page))  # json.loads raises on any block that does not parse
        rel = page.relative_to(site).as_posix()
        if rel.startswith(("guides/", "en/guides/")) and rel.count("/") >= 2:
            crumbs = [b for b in blocks if b.get("@type") == "BreadcrumbList"]
            assert len(crumbs) == 1, rel
            items = crumbs[0]["itemListElement"]
            assert [i["position"] for i in items] == list(range(1, len(items) + 1))
            assert items[-1]["item"] == url_of(site, page)
            assert items[0]["item"] == SITE_URL + ("en/" if rel.startswith("en/") else "")
            assert all(local(site, i["item"]).is_file() for i in items)
            guides += 1
    assert guides >= 30


# ---- installable ---------------------------------------------------------------

PRIMARY = re.search(r"--md-primary-fg-color:\s*(#[0-9a-f]{6})",
                    (ROOT / "docs/assets/stylesheets/site.css").read_text(encoding="utf-8")).group(1)


@pytest.mark.parametrize("lang, path, name", [("zh", "manifest.json", "逾期应对指南"),
                                              ("en", "en/manifest.json", "Overdue Help")])
def test_manifest_parses_names_existing_icons_and_a_start_url_that_exists(site, lang, path, name):
    file = site / path
    data = json.loads(file.read_text(encoding="utf-8"))
    assert data["name"] == name and data["short_name"]
    assert data["display"] == "standalone"
    assert data["theme_color"].lower() == PRIMARY
    start = (file.parent / data["start_url"]).resolve()
    assert (start / "index.html").is_file(), data["start_url"]
    assert start == (site / ("en" if lang == "en" else "")).resolve()
    scope = (file.parent / data["scope"]).resolve()
    assert start == scope or scope in start.parents
    seen = set()
    for icon in data["icons"]:
        icon_file = (file.parent / icon["src"]).resolve()
        assert icon_file.is_file(), icon["src"]
        with Image.open(icon_file) as im:
            w, h = (int(n) for n in icon["sizes"].split("x"))
            assert (im.format, im.size) == ("PNG", (w, h)), icon["src"]
        seen.add((w, icon["purpose"]))
    assert {(192, "any"), (512, "any"), (192, "maskable"), (512, "maskable")} <= seen
    for page in pages(site):
        rel = page.relative_to(site).as_posix()
        if (lang == "en") == rel.startswith("en/"):
            links = re.findall(r'<link rel="manifest" href="([^"]+)"', head(page))
            assert len(links) == 1 and (page.parent / links[0]).resolve() == file.resolve(), rel


def test_apple_touch_icon_is_180_px(site):
    for page in (site / "index.html", site / "en/guides/sued/index.html"):
        href = re.search(r'<link rel="apple-touch-icon" sizes="180x180" href="([^"]+)"', head(page)).group(1)
        with Image.open((page.parent / href).resolve()) as im:
            assert im.size == (180, 180) and im.mode == "RGB"
