"""The charts' value axis: round figures a stressed reader can take in at a glance (0, 5万, 10万,
15万 … never 6.25万 or 18.75万), from 0 to a top that holds every point."""

from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from calculators.views.chart import line_chart
from tests.golden import record

# a value-axis label (the ticks at the chart's left edge): at most one decimal, then the unit
ROUND = re.compile(r"^\d+(\.\d)?(万|k)?$")
VALUE_TICK = re.compile(r'<text class="tick" x="40" y="([\d.]+)" text-anchor="end">([^<]*)</text>')


def _ticks(svg: str) -> list[str]:
    return [label for _, label in VALUE_TICK.findall(svg)]


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("999999999"), places=2), st.sampled_from(["zh", "en"]))
def test_the_value_axis_reads_in_round_steps_from_zero_to_above_the_highest_point(high, lang):
    svg = line_chart("t", [("a", [high, Decimal(0)])], ["1", "2"], lang)
    labels = _ticks(svg)
    assert labels[0] == "0" and 5 <= len(labels) <= 6, labels
    assert all(ROUND.match(label) for label in labels), labels
    top = labels[-1]
    number = float(top.rstrip("万k")) * (10000 if top.endswith("万") else 1000 if top.endswith("k") else 1)
    assert float(high) <= number, (high, labels)


def test_every_recorded_chart_has_round_value_labels():
    charts = [svg for reply in record.load() for svg in re.findall(r"<svg.*?</svg>", str(reply), re.S)]
    assert len(charts) > 500  # the record holds the charts of many forms
    odd = sorted({label for svg in charts for label in _ticks(svg) if not ROUND.match(label)})
    assert not odd, odd
