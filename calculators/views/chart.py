"""Small SVG line charts, drawn in Python so build time and browser agree.

Coordinates are plain arithmetic on the series (a chart is a picture, not a
money event); the numbers shown in labels are the rounded money figures.

>>> svg = line_chart("余额", [("余额", [Decimal(100), Decimal(50), Decimal(0)])], ["1", "2", "3"], "zh")
>>> svg.startswith('<svg') and 'polyline' in svg
True
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import lru_cache
from operator import add

from .html import escape

WIDTH, HEIGHT = 360, 230
LEFT, RIGHT, TOP, BOTTOM = 46, 12, 40, 26
COLOURS = 8  # series colours in site.css (.series-0 … .series-7), reused in turn
MAX_POINTS = 240  # longer series are thinned evenly; the last point is always kept


@lru_cache(maxsize=16)
def _thin(n: int) -> tuple[int, ...]:
    """The points drawn of a series of ``n`` (remembered: a recalculation draws the same lengths)."""
    if n <= MAX_POINTS:
        return tuple(range(n))
    step = (n - 1) / (MAX_POINTS - 1)
    return tuple(sorted({round(i * step) for i in range(MAX_POINTS)} | {n - 1}))


def _x(i: int, n: int) -> float:
    """Where point ``i`` of ``n`` stands across the chart."""
    plot_w = WIDTH - LEFT - RIGHT
    return LEFT + (plot_w * i / (n - 1) if n > 1 else plot_w / 2)


@lru_cache(maxsize=16)
def _xs(n: int) -> tuple[str, ...]:
    """The drawn points' x as written in a polyline ("x,"), the same for every series of ``n``."""
    return tuple(f"{_x(i, n):.1f}," for i in _thin(n))


# The chart's top is 1, 2, 2.5 or 5 times a power of ten; the grid divides it into steps that are
# round in the same way (a fifth of 1 or of 5, a quarter of 2, a fifth of 2.5), so every line reads
# as a plain figure: 0, 5万, 10万, 15万, 20万, 25万, never 6.25万 or 18.75万.
_STEPS = {1: 5, 2: 4, 2.5: 5, 5: 5}


def _nice_top(value: float) -> float:
    """The chart's top: the least of 1, 2, 2.5 and 5 times a power of ten that holds ``value``.

    >>> [_nice_top(v) for v in (0, 0.3, 7, 180000, 250000, 250001)]
    [1.0, 1, 10, 200000, 250000.0, 500000]
    """
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude  # pragma: no cover


def _grid(top: float) -> list[float]:
    """The grid lines' values, 0 to ``top`` in round steps (``_STEPS``).

    >>> _grid(250000)
    [0.0, 50000.0, 100000.0, 150000.0, 200000.0, 250000.0]
    >>> _grid(2000), _grid(10)
    ([0.0, 500.0, 1000.0, 1500.0, 2000.0], [0.0, 2.0, 4.0, 6.0, 8.0, 10.0])
    """
    magnitude = 10 ** math.floor(math.log10(top) + 1e-9)
    lead = round(top / magnitude, 1)
    count = _STEPS.get(lead, 5)
    return [top * k / count for k in range(count + 1)]


def _axis_label(value: float, lang: str) -> str:
    """A grid line's value as written beside it, exactly: 万 in Chinese from 10,000, k in English from
    1,000 (``_grid``'s steps need at most one decimal there; three are kept for any other value).

    >>> [_axis_label(v, "zh") for v in (0, 5000, 15000, 50000, 200000)]
    ['0', '5000', '1.5万', '5万', '20万']
    >>> [_axis_label(v, "en") for v in (0.625, 500, 1500, 2500, 62500)]
    ['0.625', '500', '1.5k', '2.5k', '62.5k']
    """
    if value >= 10000 and lang == "zh":
        return f"{_plain(value / 10000)}万"
    if value >= 1000 and lang != "zh":
        return f"{_plain(value / 1000)}k"
    return _plain(value)


def _plain(number: float) -> str:
    """At most three decimals, no trailing zeros: ``_plain(1.875)`` is "1.875", ``_plain(20.0)`` "20"."""
    return f"{number:.3f}".rstrip("0").rstrip(".")


class _Heights(dict):
    """value -> the text of its height on the chart, each worked out once (series repeat values:
    a debt paid off is 0 every month after)."""

    def __init__(self, base: float, plot_h: float, top: float, scale: int) -> None:
        super().__init__()
        self.base, self.plot_h, self.top, self.scale = base, plot_h, top, scale

    def __missing__(self, value: Decimal | float) -> str:
        text = self[value] = f"{self.base - self.plot_h * (float(value) / self.scale) / self.top:.1f}"
        return text


class Labels(Sequence):
    """The x axis's labels, each written when the chart asks for it: it shows three (the first, the
    middle, the last) of what may be hundreds. ``Labels(n, label)``: ``label(k)`` for k in 0..n-1.

    >>> xs = Labels(601, lambda m: f"m{m}")
    >>> len(xs), xs[0], xs[600]
    (601, 'm0', 'm600')
    """

    def __init__(self, n: int, label: Callable[[int], str]) -> None:
        self.n, self.label = n, label

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, k: int) -> str:
        if not 0 <= k < self.n:
            raise IndexError(k)
        return self.label(k)


def line_chart(
    title: str,
    series: Sequence[tuple[str, Sequence[Decimal | float]]],
    x_labels: Sequence[str],
    lang: str,
    scale: int = 1,
) -> str:
    """An accessible SVG line chart of one or more series over the same x; the series' values are
    in units of ``1 / scale`` (fen: ``scale=100``; a point's height is ``float(value) / scale``).
    A series shorter than ``x_labels`` ends where its values end (a debt paid off: nothing to draw
    along the axis after)."""
    n = len(x_labels)
    if n == 0 or not series:
        return ""
    top = _nice_top(max(float(max(values)) / scale for _, values in series))
    legend_rows = (len(series) + 1) // 2
    top_margin = TOP + 14 * (legend_rows - 1)
    height = HEIGHT + 14 * (legend_rows - 1)
    plot_h = height - top_margin - BOTTOM
    idx = _thin(n)

    parts = [
        f'<svg class="calc-chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for value in _grid(top):
        yy = top_margin + plot_h - plot_h * value / top
        parts.append(f'<line class="grid" x1="{LEFT}" y1="{yy:.1f}" x2="{WIDTH - RIGHT}" y2="{yy:.1f}"/>')
        parts.append(f'<text class="tick" x="{LEFT - 6}" y="{yy + 4:.1f}" text-anchor="end">'
                     f"{escape(_axis_label(value, lang))}</text>")
    for i in sorted({0, (n - 1) // 2, n - 1}):
        anchor = "start" if i == 0 else "end" if i == n - 1 else "middle"
        parts.append(f'<text class="tick" x="{_x(i, n):.1f}" y="{height - BOTTOM + 17}" text-anchor="{anchor}">'
                     f"{escape(x_labels[i])}</text>")
    xs = _xs(n)  # the same for every series of full length
    # y = top margin + plot height × (1 − value ÷ top), written once per value
    heights = _Heights(top_margin + plot_h, plot_h, top, scale).__getitem__
    for s_no, (label, values) in enumerate(series):
        # a series that ends early (m values): the drawn points before its end, and its last point
        m = len(values)
        k = bisect_left(idx, m)
        drawn = list(map(add, xs[:k], map(heights, map(values.__getitem__, idx[:k]))))
        if idx[k - 1] != m - 1:
            drawn.append(f"{_x(m - 1, n):.1f},{heights(values[m - 1])}")
        points = " ".join(drawn)
        colour = s_no % COLOURS
        parts.append(f'<polyline class="series series-{colour}" fill="none" points="{points}"/>')
        # legends stack in rows of two at the top
        lx = 4 + (s_no % 2) * (WIDTH // 2)
        ly = 13 + (s_no // 2) * 14
        parts.append(f'<text class="legend series-{colour}" x="{lx}" y="{ly}">■ {escape(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)
