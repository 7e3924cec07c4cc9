"""Every calculator still answers exactly as recorded in tests/golden/replies.json.gz
(defaults, the tests' typed inputs and 200 generated forms each, zh and en): a
redesign may move code, not change what a reader gets."""

from __future__ import annotations

import difflib
import json

import pytest

from calculators import web
from tests.golden import record

RECORDS = record.load()


def test_every_calculator_is_recorded():
    assert {r["slug"] for r in RECORDS} == set(web.CALCULATORS)


def _first_difference(old: dict, new: dict) -> str:
    a = json.dumps(old, ensure_ascii=False, indent=1, sort_keys=True).splitlines()
    b = json.dumps(new, ensure_ascii=False, indent=1, sort_keys=True).splitlines()
    return "\n".join(list(difflib.unified_diff(a, b, lineterm="", n=1))[:20])


@pytest.mark.parametrize("slug", sorted(web.CALCULATORS))
def test_replies_are_as_recorded(slug):
    mine = [r for r in RECORDS if r["slug"] == slug]
    changed = []
    for item in mine:
        now = record.reply(slug, item["form"], item["lang"])
        if now != item["reply"]:
            changed.append((item, now))
    if changed:
        item, now = changed[0]
        pytest.fail(f"{len(changed)} of {len(mine)} replies changed; first: {item['lang']} "
                    f"{json.dumps(item['form'], ensure_ascii=False)}\n{_first_difference(item['reply'], now)}")
