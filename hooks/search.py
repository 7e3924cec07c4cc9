"""MkDocs hook: one small search index per language, fetched only when a reader searches.

Material's own search plugin builds one index for every language and its bundle fetches it on
every page view. This hook replaces it. From each built page it keeps the title, every heading
with its anchor and the text under it, and writes `search/zh.json` and `search/en.json`:

    {"lang": "zh", "stop": [...],
     "pages":    [[url, title], ...],
     "sections": [[page, anchor, heading, text], ...],      # anchor "" = the top of the page
     "terms":    {term: [section, weight, section, weight, ...], ...},
     "intents":  [[phrase, page, anchor, crisis], ...]}         # search_intents.yml, longest first

weight = times the term occurs in the section's text (at most 15) + 16 if its heading holds it
+ 32 if the page's title (as in the navigation) holds it; a page's first section (anchor "") has
the page's h1 as its heading, and its front-matter description (what the page answers) joins its text.

Intents: the editors' table `search_intents.yml` maps everyday phrasings ("冻结多久", "lost my job")
to the page (and heading) that answers them; a query holding a phrase finds that page first, and
crisis phrases ("不想活了") find the crisis help first, whatever else the query says.

Terms: Chinese is cut by jieba in search mode (compounds and the words inside them) with the
user dictionary `search_terms.txt`, so legal terms such as 失信被执行人 stay whole; Latin words
and numbers are lower-cased. English words are stemmed by the Porter algorithm (snowballstemmer),
so "collectors" and "collector" meet; `docs/assets/javascripts/search-core.js` does the same to
the reader's query (a test checks the two stemmers agree word for word).
"""

from __future__ import annotations

import functools
import json
import re
import sys
import unicodedata
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import jieba
import snowballstemmer

ROOT = Path(__file__).resolve().parent.parent
USER_DICT = ROOT / "search_terms.txt"
INTENTS = ROOT / "search_intents.yml"

# Words too common to help; the index carries this list so the browser drops the same ones.
EN_STOP = sorted({
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "if", "in", "is", "it", "its",
    "of", "on", "or", "that", "the", "this", "to", "was", "were", "will", "with", "you", "your",
})
TF_CAP = 15
HEADING = 16
TITLE = 32

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(r"[a-z0-9]+")
_HAS_CJK = re.compile(f"[{_CJK}]")
_SPACE_IN_CJK = re.compile(f"(?<=[{_CJK}\u3000-\u303f\uff00-\uffef])\\s+(?=[{_CJK}\u3000-\u303f\uff00-\uffef])")
_porter = snowballstemmer.stemmer("porter")
_jieba_ready = False

# Pages collected during a build, by language (reset when a build starts).
_pages: dict[str, list[tuple[str, str, list[tuple[str, str, str]]]]] = {}


def _jieba() -> None:
    global _jieba_ready
    if not _jieba_ready:
        jieba.setLogLevel(60)
        jieba.load_userdict(str(USER_DICT))
        _jieba_ready = True


def tidy(text: str) -> str:
    """Runs of space collapsed, none between two Chinese characters (a Markdown line break is
    not a word break). What a reader sees in a result."""
    return _SPACE_IN_CJK.sub("", re.sub(r"\s+", " ", text).strip())


def normalize(text: str) -> str:
    """What terms are cut from: tidied, full-width forms folded (NFKC), lower case."""
    return tidy(unicodedata.normalize("NFKC", text).lower())


@functools.cache  # a build stems some 60,000 words, a few thousand of them different
def stem(word: str) -> str:
    return _porter.stemWord(word)


def en_terms(text: str) -> list[str]:
    """English words, lower-cased, stop words dropped, stemmed.

    >>> en_terms("The collectors' calls, and 3 loans")
    ['collector', 'call', '3', 'loan']
    """
    text = normalize(text).replace("'", "").replace("\u2019", "")
    return [stem(w) for w in _WORD.findall(text) if w not in EN_STOP]


def zh_terms(text: str) -> list[str]:
    """jieba in search mode: a compound and the known words inside it.

    >>> zh_terms("失信被执行人，12321")
    ['失信', '执行', '行人', '失信被执行人', '12321']
    """
    _jieba()
    terms = []
    for token in jieba.cut_for_search(normalize(text)):
        token = token.strip()
        if _HAS_CJK.search(token) or _WORD.fullmatch(token):
            terms.append(token)
        elif token:
            terms.extend(_WORD.findall(token))  # "apr%" → "apr"
    return terms


class _Sections(HTMLParser):
    """Splits a page's HTML at its headings: [(anchor, heading, text)], leaving out what a reader
    does not search (calculator widgets marked data-search-exclude, scripts, permalink signs)."""

    _SKIP_TAGS = {"script", "style", "template", "svg", "button", "select", "textarea"}
    _VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    _BLOCK = {"p", "li", "td", "th", "dt", "dd", "div", "tr", "pre", "blockquote", "section", "summary", "br"}

    def __init__(self, title: str):
        super().__init__(convert_charrefs=True)
        self.sections: list[list] = [["", title, []]]
        self.skip = 0  # depth inside something left out
        self.heading: list[str] | None = None
        self.stack: list[bool] = []  # per open element: does it start a skipped region?
        self._h1 = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        skipped = bool(self.skip) or tag in self._SKIP_TAGS or "data-search-exclude" in a or (
            tag == "a" and "headerlink" in (a.get("class") or ""))
        if tag not in self._VOID:
            self.stack.append(skipped and not self.skip)
            if self.stack[-1]:
                self.skip += 1
        if self.skip:
            return
        if re.fullmatch(r"h[1-6]", tag):
            if tag == "h1":
                self.heading = []
                self.sections[0][1] = ""  # the page's own h1 names its top section
                self._h1 = True
            else:
                self.sections.append([a.get("id", ""), "", []])
                self.heading = []
                self._h1 = False
        elif tag in self._BLOCK:
            self._text(" ")

    def handle_endtag(self, tag):
        if tag in self._VOID or not self.stack:
            return
        if self.stack.pop():
            self.skip -= 1
            return
        if self.skip:
            return
        if re.fullmatch(r"h[1-6]", tag) and self.heading is not None:
            target = self.sections[0] if self._h1 else self.sections[-1]
            target[1] = tidy("".join(self.heading)) or target[1]
            self.heading = None
        elif tag in self._BLOCK:
            self._text(" ")

    def handle_data(self, data):
        if self.skip:
            return
        if self.heading is not None:
            self.heading.append(data)
        else:
            self._text(data)

    def _text(self, data: str) -> None:
        self.sections[-1][2].append(data)

    def result(self, title: str) -> list[tuple[str, str, str]]:
        out = []
        for anchor, heading, parts in self.sections:
            text = tidy("".join(parts))
            if anchor == "":
                heading = heading or tidy(title)
            if heading or text:
                out.append((anchor, heading, text))
        return out


def page_sections(html: str, title: str) -> list[tuple[str, str, str]]:
    """The page split at its headings: (anchor, heading, text), widgets left out.

    >>> page_sections('<h1 id="t">标题</h1><p>第一段\\n第二段</p><h2 id="a">小节<a class="headerlink">¶</a></h2>'
    ...               '<div data-search-exclude><p>不要</p></div><p>正文</p>', "T")
    [('', '标题', '第一段第二段'), ('a', '小节', '正文')]
    """
    parser = _Sections(title)
    parser.feed(html)
    parser.close()
    return parser.result(title)


ZH_TITLE_FILLER = ["怎样", "怎么", "如何", "什么", "和", "与", "及", "的", "了", "吗", "会", "要", "能"]


def squash(text: str) -> str:
    """A phrase or query as intents compare them: NFKC, lower case, without white space,
    punctuation or symbols (search-core.js's ``squash`` does the same)."""
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in text if unicodedata.category(ch)[0] not in "PSZC")


def load_intents(path: Path = INTENTS) -> list[dict]:
    """The editors' table of everyday phrasings (search_intents.yml), checked for shape."""
    import yaml

    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    for n, e in enumerate(entries, 1):
        if not isinstance(e, dict) or not isinstance(e.get("answer"), str):
            raise ValueError(f"{path.name}: entry {n} needs an `answer` (a page under docs/, e.g. guides/sued.md)")
        for lang in ("zh", "en"):
            phrases = e.get(lang, [])
            if not isinstance(phrases, list) or not all(isinstance(x, (str, int)) for x in phrases):
                raise ValueError(f"{path.name}: entry {n} ({e['answer']}): `{lang}` must be a list of phrases")
    return entries


def intent_rows(lang: str, intents: list[dict], out_pages: list[list[str]], sections: list[list]) -> list[list]:
    """[phrase, page number, anchor, crisis] for this language, longest phrase first. An answer whose
    page or anchor is not in the index stops the build, naming the entry."""
    page_of = {url: i for i, (url, _) in enumerate(out_pages)}
    anchors = {(sec[0], sec[1]) for sec in sections}
    rows = []
    for e in intents:
        path, _, anchor = e["answer"].partition("#")
        url = path.removesuffix(".md").removesuffix("index") + ("/" if not path.endswith("index.md") else "")
        url = url.replace("//", "/").lstrip("/")
        if lang == "en":
            url = "en/" + url
        if url not in page_of:
            raise ValueError(f"search_intents.yml: answer {e['answer']!r} is not a page of the site ({lang}: {url!r})")
        number = page_of[url]
        if anchor and (number, anchor) not in anchors:
            raise ValueError(f"search_intents.yml: answer {e['answer']!r}: no heading #{anchor} on {url!r}")
        for phrase in e.get(lang, []):
            key = squash(str(phrase))
            if len(key) >= 2:
                rows.append([key, number, anchor, 1 if e.get("crisis") else 0])
    return sorted(rows, key=lambda r: (-r[3], -len(r[0]), r[0]))


def build_index(lang: str, pages: list[tuple], intents: list[dict] | None = None) -> dict:
    cut = en_terms if lang == "en" else zh_terms
    out_pages, sections, postings = [], [], {}
    for url, title, secs, *flags in sorted(pages):
        plain = bool(flags and flags[0])  # a list page: its headings are names, counted as text
        out_pages.append([url, tidy(title)])
        for anchor, heading, text in secs:
            number = len(sections)
            sections.append([len(out_pages) - 1, anchor, heading, text])
            counts = Counter(cut(f"{heading} {text}" if plain and anchor else text))
            in_heading = set() if plain and anchor else set(cut(heading))
            in_title = set(cut(title)) if anchor == "" else set()
            for term in in_heading | in_title | set(counts):
                weight = (min(counts[term], TF_CAP) + (HEADING if term in in_heading else 0)
                          + (TITLE if term in in_title else 0))
                postings.setdefault(term, []).extend((number, weight))
    return {
        "lang": lang,
        # everyday phrasings -> the page that answers (search_intents.yml): found first
        "intents": intent_rows(lang, intents or [], out_pages, sections),
        "stop": EN_STOP if lang == "en" else [],
        # question and function words a title may hold besides its topic: left out when two
        # titles that both hold the query are compared for how specific they are
        "filler": EN_STOP if lang == "en" else ZH_TITLE_FILLER,
        "pages": out_pages,
        "sections": sections,
        "terms": dict(sorted(postings.items())),
    }


# ---- MkDocs events -------------------------------------------------------------

def on_pre_build(config, **kwargs):
    _pages.clear()


def on_page_context(context, page, config, nav):
    """After every other hook has changed the page's HTML: keep its sections."""
    meta = page.meta or {}
    search = meta.get("search") if isinstance(meta.get("search"), dict) else {}
    if search.get("exclude") or not page.url and page.file.src_uri.startswith("404"):
        return context
    lang = "en" if page.url.startswith("en/") else "zh"
    title = meta.get("title") or page.title or ""
    sections = page_sections(page.content or "", title)
    description = str(meta.get("description") or "")
    if sections and description:
        # the page's one-sentence summary says what it answers: its words count once more
        # in the top section's text
        anchor, heading, text = sections[0]
        sections[0] = (anchor, heading, f"{description} {text}")
    # `search: {headings: text}` in front matter: a list page (the laws and sources) whose
    # headings are document names, not answers; they count as text, not as headings
    entry = (page.url, title, sections, search.get("headings") == "text")
    bucket = _pages.setdefault(lang, [])
    bucket[:] = [p for p in bucket if p[0] != page.url] + [entry]
    return context


def on_post_build(config, **kwargs):
    out = Path(config["site_dir"]) / "search"
    out.mkdir(parents=True, exist_ok=True)
    intents = load_intents()
    for lang, pages in _pages.items():
        index = build_index(lang, pages, intents)
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        (out / f"{lang}.json").write_text(text, encoding="utf-8")
    for old in ("search_index.json", "search_index.js"):
        if (out / old).exists():
            (out / old).unlink()
    if not _pages:
        print("note: no pages were indexed for search", file=sys.stderr)


__all__ = ["build_index", "en_terms", "load_intents", "normalize", "page_sections", "squash", "stem", "tidy",
           "zh_terms"]
