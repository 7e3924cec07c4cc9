"""Plain English, measured (issue 22 item 4): the Flesch reading ease of every English guide."""

from __future__ import annotations

import statistics

import pytest

from macros import quality
from tools import readability


def test_reading_ease_follows_flesch():
    # 6 words, 1 sentence, 6 syllables: 206.835 - 1.015 * 6 - 84.6 * 1
    assert readability.reading_ease("The cat sat on the mat.") == pytest.approx(116.145)
    # two sentences of 4 words, 12 syllables (re-gu-la-tion 4, pay-ment 2, late 1)
    text = "The regulation is long. The payment is late."
    assert readability.reading_ease(text) == pytest.approx(206.835 - 1.015 * 8 / 2 - 84.6 * 12 / 8)


@pytest.mark.parametrize(("word", "count"), [("the", 1), ("make", 1), ("table", 2), ("procedure", 3),
                                             ("regulations", 4), ("asked", 1), ("reported", 3), ("free", 1)])
def test_syllables_by_vowel_groups(word, count):
    assert readability.syllables(word) == count


def test_prose_is_what_a_reader_reads():
    page = ('---\ntitle: T\n---\n\n# What now?\n\nRead this (罚息) first; see [the guide](x.md){ .b }.\n\n'
            '| a | b |\n| --- | --- |\n| long table words | here |\n\n!!! tip "Do this today"\n    - Call them\n\n'
            '```\ncode words\n```\n\n## Sources\n\n- Civil Code, art. 1\n')
    assert readability.prose(page).splitlines() == ["What now?", "Read this  first; see the guide.",
                                                    "Do this today.", "Call them."]


def test_the_english_guides_read_plainly():
    scores = readability.guide_scores()
    assert len(scores) >= 29
    below = {name: score for name, score in scores.items() if score < readability.FLOOR}
    assert below == {}, "rewrite these in shorter sentences and everyday words (make quality prints every figure)"
    assert statistics.median(scores.values()) >= readability.GOAL_MEDIAN


def test_the_quality_page_shows_each_guides_figure():
    text = quality.reading_ease("en", {"a.en.md": 70.0, "b.en.md": 50.0, "c.en.md": 66.0})
    assert "median **66.0**" in text and "**1** below 55" in text
    assert text.index("`b.en.md` | 50.0") < text.index("`c.en.md` | 66.0")
