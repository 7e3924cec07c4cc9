"""MkDocs hooks: the pictures other apps show for the site.

- share cards: one 1200×630 JPEG per page (site name, page title, the site's
  teal), named by a hash of what is drawn, so hosts may cache a card for a year
  (and a --dirty build skips cards already there); drawing all ~70 takes under a
  second of CPU. The page's og:image points to it. JPEG, not PNG: chat apps read both, and
  the service worker fetches ahead every .png but not .jpg (readers should not
  download 70 cards to read a guide offline).
- home-screen icons (192 and 512 px, maskable variants, a 180 px
  apple-touch-icon) and a web app manifest per language (zh: /manifest.json,
  en: /en/manifest.json), linked from every page of that language.

Everything is drawn here with Pillow and the committed font subset
hooks/fonts/NotoSansSC-Bold-subset.otf (see tools/subset_font.py and OFL.txt).
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import re
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin, urlsplit

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONT = HERE / "fonts" / "NotoSansSC-Bold-subset.otf"
VERSION = "1"  # change to redraw every card

# The palette of docs/assets/stylesheets/site.css (primary, its dark shade, accent).
TEAL = "#00695c"
TEAL_DARK = "#004d40"
TEAL_LIGHT = "#b2dfdb"
WHITE = "#ffffff"
BACKGROUND = "#ffffff"  # Material's light scheme

CARD_SIZE = (1200, 630)
CARD_DIR = "assets/cards"
ICON_DIR = "assets/icons"
ICONS = {  # file name: (size, purpose)
    "icon-192.png": (192, "any"),
    "icon-512.png": (512, "any"),
    "maskable-192.png": (192, "maskable"),
    "maskable-512.png": (512, "maskable"),
}
APPLE_ICON = "apple-touch-icon.png"  # 180 px, full bleed (iOS rounds the corners itself)
GLYPH = "逾"

TEXT = {
    "zh": {"name": "逾期应对指南", "short": "逾期应对指南", "lang": "zh-CN",
           "tagline": "免费 · 私密 · 不推荐任何平台", "manifest": "manifest.json", "home": ""},
    "en": {"name": "Overdue Help", "short": "Overdue Help", "lang": "en",
           "tagline": "Free · private · no lender's advertising", "manifest": "en/manifest.json",
           "home": "en/"},
}


def lang_of(url: str) -> str:
    return "en" if url.startswith("en/") else "zh"


def up(page_url: str) -> str:
    return "../" * page_url.count("/")


@cache
def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT), size)


def missing_chars(text: str) -> list[str]:
    """Characters of text that the committed font cannot draw."""
    cmap = _cmap()
    return sorted({c for c in text if not c.isspace() and ord(c) not in cmap})


@cache
def _cmap() -> frozenset[int]:
    from fontTools.ttLib import TTFont  # fonttools comes with Pillow's optional extras; tests only

    return frozenset(TTFont(str(FONT))["cmap"].getBestCmap())


# ---- drawing -------------------------------------------------------------------

def tokens(text: str) -> list[str]:
    """Pieces a line may break between: words (jieba keeps Chinese words whole,
    as the search index does), spaces and punctuation."""
    import jieba  # already a build dependency (search); loaded once

    jieba.setLogLevel(60)
    return [t for t in jieba.cut(text) if t]


_NO_LINE_START = "，。、；：！？）」』”’,.;:!?)"


def wrap(text: str, size: int, width: int) -> list[str]:
    """Greedy line breaking between tokens; no line starts with closing punctuation."""
    lines, line = [], ""
    for token in tokens(text):
        trial = line + token
        if line.strip() and token.strip() and token[0] not in _NO_LINE_START \
                and font(size).getlength(trial.rstrip()) > width:
            lines.append(line.rstrip())
            line = token
        else:
            line = trial
    if line.strip():
        lines.append(line.rstrip())
    return [ln.lstrip() for ln in lines]


def card(title: str, lang: str) -> bytes:
    """A 1200×630 share card: site name, page title, tagline, in the site's colours."""
    w, h = CARD_SIZE
    margin = 84
    image = Image.new("RGB", CARD_SIZE, TEAL)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, h - 16, w, h], fill=TEAL_DARK)
    # site name with a small badge
    badge = 64
    draw.rounded_rectangle([margin, 64, margin + badge, 64 + badge], radius=14, fill=WHITE)
    draw.text((margin + badge / 2, 64 + badge / 2), GLYPH, font=font(44), fill=TEAL, anchor="mm")
    draw.text((margin + badge + 22, 64 + badge / 2), TEXT[lang]["name"], font=font(40),
              fill=WHITE, anchor="lm")
    # the title: as large as fits in three lines, the lines balanced (no lone last character)
    box_top, box_bottom, width = 176, h - 140, w - 2 * margin
    for size in (84, 76, 68, 60, 54, 48, 42):
        leading = int(size * 1.3)
        lines = wrap(title, size, width)
        if len(lines) <= 3 and len(lines) * leading <= box_bottom - box_top:
            break
    else:
        lines = lines[:3]
        lines[-1] = lines[-1][:-1] + "…"
    if 1 < len(lines) <= 3:
        narrow, wide = width // 2, width
        while wide - narrow > 4:
            mid = (narrow + wide) // 2
            narrow, wide = (narrow, mid) if len(wrap(title, size, mid)) == len(lines) else (mid, wide)
        lines = wrap(title, size, wide)
    top = box_top + (box_bottom - box_top - len(lines) * leading) / 2
    for i, line in enumerate(lines):
        draw.text((margin, top + i * leading), line, font=font(size), fill=WHITE)
    draw.text((margin, h - 60), TEXT[lang]["tagline"], font=font(30), fill=TEAL_LIGHT, anchor="ls")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85, subsampling=0, optimize=True, progressive=True)
    return out.getvalue()


@cache
def icon(size: int, purpose: str) -> bytes:
    """The home-screen icon: a white 逾 on the site's teal.

    "any": a rounded square on transparent; "maskable" and the apple-touch-icon:
    full bleed, the glyph inside the central 80 % circle the platform may keep."""
    scale = 4  # draw large, then shrink: smooth edges
    big = size * scale
    if purpose == "any":
        image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
        ImageDraw.Draw(image).rounded_rectangle([0, 0, big - 1, big - 1], radius=int(big * 0.22),
                                                fill=TEAL)
        glyph = 0.62
    else:
        image = Image.new("RGBA", (big, big), TEAL)
        glyph = 0.50 if purpose == "maskable" else 0.60
    ImageDraw.Draw(image).text((big / 2, big / 2), GLYPH, font=ImageFont.truetype(str(FONT), int(big * glyph)),
                               fill=WHITE, anchor="mm")
    image = image.resize((size, size), Image.LANCZOS)
    if purpose != "any":
        image = image.convert("RGB")
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def manifest(lang: str, description: str) -> dict:
    text = TEXT[lang]
    root = "../" if lang == "en" else ""
    icons = [{"src": f"{root}{ICON_DIR}/{name}", "sizes": f"{size}x{size}", "type": "image/png",
              "purpose": purpose} for name, (size, purpose) in ICONS.items()]
    return {
        "id": "./",
        "name": text["name"],
        "short_name": text["short"],
        "description": description,
        "lang": text["lang"],
        "dir": "ltr",
        "start_url": "./",
        "scope": root or "./",
        "display": "standalone",
        "theme_color": TEAL,
        "background_color": BACKGROUND,
        "icons": icons,
    }


# ---- MkDocs events -------------------------------------------------------------

_descriptions: dict[str, str] = {}


@event_priority(-100)  # after mkdocs-static-i18n has sorted the files by language
def on_files(files, config, **kwargs):
    """Icons and manifests are ordinary files of the build, so the service worker
    keeps them for offline use like the theme's own."""
    for name, (size, purpose) in ICONS.items():
        _add(files, config, f"{ICON_DIR}/{name}", icon(size, purpose))
    _add(files, config, f"{ICON_DIR}/{APPLE_ICON}", icon(180, "apple"))
    for lang in TEXT:
        description = _site_description(config, lang)
        body = json.dumps(manifest(lang, description), ensure_ascii=False, indent=2) + "\n"
        _add(files, config, TEXT[lang]["manifest"], body.encode("utf-8"))
    return files


def _add(files, config, path: str, content: bytes) -> None:
    old = files.get_file_from_path(path)
    if old is not None:
        files.remove(old)
    files.append(File.generated(config, path, content=content))


def _site_description(config, lang: str) -> str:
    if lang == "zh":
        return config.get("site_description") or ""
    for plugin in config["plugins"].values():
        for language in getattr(plugin, "config", {}).get("languages", []) or []:
            if getattr(language, "locale", None) == lang:
                return language.site_description or ""
    return ""


def card_path(title: str, lang: str) -> str:
    digest = hashlib.sha256(f"{VERSION}\n{lang}\n{TEXT[lang]['name']}\n{title}".encode()).hexdigest()[:12]
    return f"{CARD_DIR}/{lang}-{digest}.jpg"


def on_post_template(output, template_name, config, **kwargs):
    """404.html is a template, not a page: no on_post_page for it."""
    if template_name != "404.html":
        return output
    m = re.search(r'<html lang="([a-z]+)', output)
    lang = m.group(1) if m and m.group(1) in TEXT else "zh"
    page = SimpleNamespace(url="404.html", title="404", meta={}, lang=lang)
    return on_post_page(output, page=page, config=config)


def on_post_page(output, page, config, **kwargs):
    url = page.url or ""
    lang = getattr(page, "lang", None) or lang_of(url)
    meta = page.meta or {}
    if url.endswith("404.html"):
        title = TEXT[lang]["name"]
    else:
        title = str(meta.get("title") or page.title or TEXT[lang]["name"])
    rel = card_path(title, lang)
    target = Path(config["site_dir"]) / rel
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(card(title, lang))
    base = (config.get("site_url") or "").strip()
    if base:
        image = urljoin(base if base.endswith("/") else base + "/", rel)
    else:
        image = up(url) + rel
    def link(target: str) -> str:  # the 404 page is served at any depth: absolute if known
        return urlsplit(base).path.rstrip("/") + "/" + target if base and url == "404.html" \
            else up(url) + target

    w, h = CARD_SIZE
    alt = html.escape(f"{TEXT[lang]['name']}: {title}", quote=True)
    head = [
        f'<meta property="og:image" content="{image}">',
        '<meta property="og:image:type" content="image/jpeg">',
        f'<meta property="og:image:width" content="{w}">',
        f'<meta property="og:image:height" content="{h}">',
        f'<meta property="og:image:alt" content="{alt}">',
        '<meta name="twitter:card" content="summary_large_image">',
        f'<link rel="manifest" href="{link(TEXT[lang]["manifest"])}">',
        f'<meta name="theme-color" content="{TEAL}">',
        f'<link rel="apple-touch-icon" sizes="180x180" href="{link(ICON_DIR + "/" + APPLE_ICON)}">',
    ]
    return output.replace("</head>", "".join(f"  {line}\n" for line in head) + "  </head>", 1)


def on_post_build(config, **kwargs):
    """Cards no page names any more (a title changed under `mkdocs serve`) go."""
    site = Path(config["site_dir"])
    used = set()
    for path in site.rglob("*.html"):
        used.update(re.findall(r'og:image" content="[^"]*?(assets/cards/[^"]+\.jpg)"',
                               path.read_text(encoding="utf-8", errors="replace")))
    for old in (site / CARD_DIR).glob("*.jpg"):
        if f"{CARD_DIR}/{old.name}" not in used:
            old.unlink()
