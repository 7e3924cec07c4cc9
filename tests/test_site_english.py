"""Every label in the reader's language: an English page's interface has no Chinese.

The built English pages (site/en/) are scanned for Han characters in what frames the article: the
attributes a reader hears or sees (aria-label, title, alt, placeholder, the labels of table cells,
the messages the page's script shows) and the text of the header, footer, navigation, the page's
<title> and description, and every button, label, legend, option and summary. Article prose is
left out: it names Chinese terms on purpose (罚息), and so is anything marked lang="zh…" (the
letters' Chinese text, the language switcher's 中文). In the interface too, a Chinese term may stand
in brackets or quotes inside English words ("A summons (传票)", a table of contents entry, a
glossary tooltip): the reader matches it to the paper in their hand. A label in Chinese may not.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
CHROME_TAGS = {"header", "footer", "nav", "title", "button", "label", "legend", "option", "summary"}
CHROME_CLASSES = re.compile(r"\bmd-(header|footer|nav|sidebar|tabs|search|banner|top|dialog)\b")
SHOWN_ATTRS = {"aria-label", "title", "alt", "placeholder", "data-label"}
# A Chinese term in brackets or quotes, as English text quotes it: "(传票)", "（违约金）", "“停息挂账”".
QUOTED = re.compile(r"\([^()]*\)|（[^（）]*）|“[^“”]*”|\"[^\"]*\"")
META_NAMES = {"description", "og:title", "og:description", "og:site_name", "twitter:title", "twitter:description"}


def chinese(text: str) -> bool:
    """Han characters outside the Chinese terms an English text quotes (``QUOTED``)."""
    return bool(HAN.search(QUOTED.sub("", text)))


class Interface(HTMLParser):
    """Collects (where, text) of an English page's interface holding Han characters."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, chrome, Chinese on purpose)
        self.found: list[tuple[str, str]] = []

    def _state(self) -> tuple[bool, bool]:
        return (self.stack[-1][1], self.stack[-1][2]) if self.stack else (False, False)

    def handle_starttag(self, tag, attrs):
        chrome, zh = self._state()
        a = {k: v or "" for k, v in attrs}
        zh = zh or a.get("lang", "").lower().startswith("zh") or a.get("hreflang", "").lower().startswith("zh")
        chrome = chrome or tag in CHROME_TAGS or bool(CHROME_CLASSES.search(a.get("class", "")))
        if not zh:
            for name, value in a.items():
                if (name in SHOWN_ATTRS or name.startswith("data-msg")) and chinese(value):
                    self.found.append((f"<{tag} {name}>", value))
            if tag == "meta" and (a.get("name") in META_NAMES or a.get("property") in META_NAMES) \
                    and chinese(a.get("content", "")):
                self.found.append((f"<meta {a.get('name') or a.get('property')}>", a["content"]))
        if tag not in VOID:
            self.stack.append((tag, chrome, zh))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == tag:
                del self.stack[k:]
                return

    def handle_data(self, data):
        chrome, zh = self._state()
        if chrome and not zh and chinese(data):
            where = "/".join(t for t, _, _ in self.stack[-3:])
            self.found.append((where, data.strip()))


def interface_han(page: Path) -> list[tuple[str, str]]:
    parser = Interface()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.found


def test_the_scan_finds_chinese_in_the_interface_and_not_in_prose(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(
        '<html><head><title>Help</title></head><body><header class="md-header">'
        '<label class="md-header__button" title="切换到深色模式"></label></header>'
        '<article><p>The penalty interest (罚息) is charged daily.</p><p lang="zh-CN">我是张三</p>'
        '<button type="button">复制</button><select><option>A summons (传票)</option></select></article>'
        '<nav><a hreflang="zh" href="/">中文</a><a href="#t">Borrowing to repay (以贷养贷)</a></nav></body></html>',
        encoding="utf-8")
    assert [text for _, text in interface_han(page)] == ["切换到深色模式", "复制"]


def test_english_pages_have_no_chinese_in_their_interface(site):
    pages = sorted((site / "en").rglob("*.html"))
    assert len(pages) > 20
    bad = [f"{p.relative_to(site)}: {where}: {text[:80]}" for p in pages for where, text in interface_han(p)]
    assert not bad, f"{len(bad)} Chinese interface texts on English pages:\n" + "\n".join(sorted(set(bad))[:60])
