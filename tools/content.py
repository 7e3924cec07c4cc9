"""Content checks editors run through `make test`: each problem says the file,
the line, and what to do.

    python -m tools.content        # print problems, exit 1 if any
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from macros.pages import front_matter

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
REQUIRED = ("title", "description", "reviewed", "sources")
STALE_AFTER_DAYS = 365


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    what: str

    def __str__(self) -> str:
        rel = self.path.relative_to(ROOT) if self.path.is_absolute() else self.path
        return f"{rel}:{self.line}: {self.what}"


def pages() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md"))


def is_english(path: Path) -> bool:
    return path.name.endswith(".en.md")


def twin_of(path: Path) -> Path:
    if is_english(path):
        return path.with_name(path.name[: -len(".en.md")] + ".md")
    return path.with_name(path.name[: -len(".md")] + ".en.md")


def check_front_matter(path: Path) -> list[Problem]:
    data, _ = front_matter(path)
    if data is None:
        return [Problem(path, 1, "no front matter: start the page with --- and the fields "
                                 f"{', '.join(REQUIRED)} (copy them from a neighbouring page)")]
    out = []
    for key in REQUIRED:
        if key not in data or data[key] in (None, ""):
            out.append(Problem(path, 1, f"front matter has no '{key}': add `{key}:` between the --- lines"))
    if "reviewed" in data and not isinstance(data["reviewed"], dt.date):
        out.append(Problem(path, 1, "'reviewed' is not a date: write it as YYYY-MM-DD, e.g. reviewed: 2026-11-29"))
    if "sources" in data and not isinstance(data["sources"], list):
        out.append(Problem(path, 1, "'sources' must be a list: one '- source' per line, or [] if none"))
    return out


def check_twin(path: Path) -> list[Problem]:
    twin = twin_of(path)
    if twin.is_file():
        return []
    lang = "English" if not is_english(path) else "Chinese"
    return [Problem(path, 1, f"no {lang} twin: create {twin.relative_to(ROOT)} (make new-guide makes both)")]


def stale(path: Path, today: dt.date) -> list[Problem]:
    data, _ = front_matter(path)
    reviewed = (data or {}).get("reviewed")
    if isinstance(reviewed, dt.date) and (today - reviewed).days > STALE_AFTER_DAYS:
        return [Problem(path, 1, f"reviewed {reviewed.isoformat()}, more than 12 months ago: check the facts "
                                 "and sources, then update 'reviewed'")]
    return []


# Percentages and yuan amounts typed into prose. Worked results and legal figures come from
# macros ({{ calc(...) }}, {{ lpr() }}, {{ fact(...) }} ...); a number written by hand drifts.
HAND_TYPED_RESULT = re.compile(r"(?:约|大约|about|roughly)\s*¥?\d[\d,]*(?:\.\d+)?\s*(?:%|元)")


def check_hand_typed(path: Path) -> list[Problem]:
    out = []
    _, start = front_matter(path)
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if no < start or "{{" in line:
            continue
        if HAND_TYPED_RESULT.search(line):
            out.append(Problem(path, no, "a computed figure seems typed by hand: use {{ calc(...) }} or a "
                                         "figures macro so it cannot drift"))
    return out


# Guides a reader in trouble lands on open with a box of first steps they can take today
# (`!!! tip "今天就可以做的事"` / `!!! tip "What you can do today"`), after the short answer and
# before the first section: the legal-stage guides, and the everyday ones that already have one.
TODAY_BOX_GUIDES = (
    # the legal stages ("情况严重了" in the navigation), family.md aside
    "guides/sued", "guides/court-costs", "guides/payment-order", "guides/enforcement", "guides/court-freeze",
    "guides/dishonest-list", "guides/credit-card", "guides/illegal-lending", "guides/debt-transfer",
    "guides/lender-gone", "guides/personal-bankruptcy",
    # everyday guides with a box
    "guides/home-and-work", "guides/phone-safety", "guides/scams", "guides/negotiate-in-practice",
    "guides/stop-loan-stacking", "guides/after-settling", "guides/income-help",
)
TODAY_BOX_STEPS = (3, 5)
_TIP = re.compile(r'^!!! tip "(?P<title>[^"]*)"\s*$')
_STEP = re.compile(r"^    (?:-|\d+\.) \S")


def slug_of(path: Path) -> str:
    rel = path.relative_to(DOCS).as_posix()
    return rel[: -len(".en.md")] if rel.endswith(".en.md") else rel[: -len(".md")]


def today_box(path: Path) -> tuple[int, int] | None:
    """(line, steps) of the page's "today" box if it comes before the first section, else None."""
    _, start = front_matter(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    word = "today" if is_english(path) else "今天"
    for no in range(max(start, 1), len(lines) + 1):
        line = lines[no - 1]
        if line.startswith("## "):
            return None
        m = _TIP.match(line)
        if m and word in m["title"].lower():
            steps = 0
            for body in lines[no:]:
                if body and not body.startswith("    "):
                    break
                steps += bool(_STEP.match(body))
            return no, steps
    return None


def check_today_box(path: Path) -> list[Problem]:
    if slug_of(path) not in TODAY_BOX_GUIDES:
        return []
    found = today_box(path)
    title = '"What you can do today"' if is_english(path) else '"今天就可以做的事"'
    if found is None:
        return [Problem(path, 1, f"no 'what to do today' box before the first section: add !!! tip {title} "
                                 "after the short answer, with 3 to 5 first steps (see docs/guides/sued.md)")]
    no, steps = found
    low, high = TODAY_BOX_STEPS
    if not low <= steps <= high:
        return [Problem(path, no, f"the 'what to do today' box has {steps} steps: give {low} to {high}, "
                                  "one list item each")]
    return []


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])


def source_of(site: Path, page: Path) -> str:
    """The Markdown file an editor would open for a built page."""
    rel = page.parent.relative_to(site).parts
    en = rel[:1] == ("en",)
    parts = rel[1:] if en else rel
    stem = "/".join(parts) or "index"
    if (DOCS / f"{stem}/index.md").is_file():
        stem = f"{stem}/index"
    return f"docs/{stem}{'.en' if en else ''}.md"


def broken_links(site: Path) -> list[str]:
    """Every internal link or anchor in the built site that goes nowhere, by source file."""
    site = site.resolve()
    parsed: dict[Path, _Links] = {}
    for page in site.rglob("*.html"):
        p = _Links()
        p.feed(page.read_text(encoding="utf-8"))
        parsed[page.resolve()] = p
    broken = set()
    for page, links in parsed.items():
        if page.name == "404.html":
            continue
        for href in links.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.add(f"{source_of(site, page)}: link to {href!r} goes nowhere: fix the path")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in parsed[target].ids:
                broken.add(f"{source_of(site, page)}: link to {href!r}: no heading or anchor "
                           f"#{parts.fragment} on that page")
    return sorted(broken)


def problems(today: dt.date | None = None) -> tuple[list[Problem], list[Problem]]:
    """(errors, warnings) over every page."""
    today = today or dt.date.today()
    errors: list[Problem] = []
    warnings: list[Problem] = []
    for path in pages():
        errors += check_front_matter(path) + check_twin(path) + check_hand_typed(path) + check_today_box(path)
        warnings += stale(path, today)
    return errors, warnings


def main() -> int:
    errors, warnings = problems()
    for w in warnings:
        print(f"warning: {w}")
    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
