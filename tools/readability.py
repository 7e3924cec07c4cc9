"""How easy the English guides are to read: the Flesch reading ease of each page's prose.

    reading ease = 206.835 − 1.015 × (words ÷ sentences) − 84.6 × (syllables ÷ words)

60-70 is plain English (most adults read it easily); below 50 is hard. For example, "The cat sat on
the mat." has 6 words, 1 sentence and 6 syllables: 206.835 − 6.09 − 84.6 = 116.1.

What is measured is what a reader reads as sentences: the page's text without its front matter, its
sources section, code, tables, HTML tags, link targets and the Chinese terms quoted beside the
English; headings and list items count as sentences. Syllables are counted by vowel groups (a silent
final "e" dropped), the usual rule of thumb; figures such as "15" or "¥2,000" are not words here.

``python -m tools.readability`` (run by ``make quality``) prints each English guide's figure, the
median and the pages below the floor. Goals (issue 22): median ≥ 65, none below 55.
"""

from __future__ import annotations

import re
import statistics
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDES = ROOT / "docs" / "guides"
GOAL_MEDIAN = 65
FLOOR = 55

_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
_SENTENCE_END = re.compile(r"[.!?]+[\"'’”)*]*(?=\s|$)")
_VOWELS = re.compile(r"[aeiouy]+")
_SOURCES = re.compile(r"^#{2,3} (Sources|Where this comes from)\b.*", re.M | re.S)


def syllables(word: str) -> int:
    """Vowel groups, less a silent final "e" ("make" 1, "the" 1, "table" 2), at least 1."""
    w = word.lower().strip("'’")
    count = len(_VOWELS.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    if w.endswith(("ed", "es")) and not w.endswith(("ted", "ded", "ses", "zes", "ces", "ges", "shes", "ches"))\
            and count > 1:
        count -= 1
    return max(count, 1)


def prose(markdown: str) -> str:
    """The sentences a reader reads on a guide page, one per line (see the module's docstring)."""
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    text = _SOURCES.sub("", text)
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\{[^}\n]*\}", "", text)  # attribute lists { #id .class }
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", "", text)  # images: their alt text is not read as prose
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[\^[^\]]+\]", "", text)
    text = re.sub(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”]+", " ", text)  # quoted Chinese terms
    text = re.sub(r"\(\s*\)", "", text)
    out = []
    for block in re.split(r"\n\s*\n", text):
        out.append("\n")
        lines = [ln for ln in block.splitlines() if not ln.lstrip().startswith("|")]
        for line in lines:
            line = re.sub(r"^\s*(?:!!!|\?\?\?\+?)\s*\w+(?:\s+[\w-]+)*\s*\"?([^\"]*)\"?\s*$", r"\n\1", line)
            line = re.sub(r"^\s*(?:#+|[-*+]|\d+\.)\s+", "\n", line)
            out.append(line)
    joined = " ".join(out)
    parts = [p.strip() for p in joined.split("\n")]
    return "\n".join(p if _SENTENCE_END.search(p[-1:] + " ") else p + "." for p in parts if _WORD.search(p))


def reading_ease(text: str) -> float:
    """Flesch reading ease of ``text`` (sentences end in . ! ? or where a heading or list item ends).

    >>> round(reading_ease("The cat sat on the mat."), 1)
    116.1
    """
    words = _WORD.findall(text)
    if not words:
        raise ValueError("no words to measure")
    sentences = sum(len(_SENTENCE_END.findall(line)) or 1 for line in text.splitlines() if _WORD.search(line))
    return 206.835 - 1.015 * len(words) / sentences - 84.6 * sum(map(syllables, words)) / len(words)


def guide_scores() -> dict[str, float]:
    """docs/guides/<name>.en.md -> its reading ease, for every English guide."""
    return {path.name: round(reading_ease(prose(path.read_text(encoding="utf-8"))), 1)
            for path in sorted(GUIDES.glob("*.en.md"))}


def summary(scores: dict[str, float]) -> str:
    median = statistics.median(scores.values())
    below = [name for name, score in scores.items() if score < FLOOR]
    lines = [f"{name:40} {score:6.1f}" for name, score in sorted(scores.items(), key=lambda kv: kv[1])]
    lines.append(f"median {median:.1f} (goal ≥ {GOAL_MEDIAN}); below {FLOOR}: {len(below)} of {len(scores)}")
    return "\n".join(lines)


if __name__ == "__main__":
    print("Flesch reading ease of the English guides (tools/readability.py)")
    print(summary(guide_scores()))
