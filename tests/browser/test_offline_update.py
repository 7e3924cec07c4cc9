"""After one page changes and the site is rebuilt, an installed service worker
fetches only the files that changed (and sw.js itself), counted at the server
(tools/sw_update.py builds twice in a copy of the project), and keeps the wasm the calculators' worker
kept unpacked for this runtime while it drops one of another."""

from __future__ import annotations

import pytest

from hooks import offline
from tests.browser.helpers import READY_MS
from tests.conftest import SITE_URL
from tools import sw_update

pytestmark = pytest.mark.browser


def test_after_a_one_page_edit_the_worker_fetches_only_the_changed_files(browser, site, tmp_path):
    update = sw_update.run(browser, tmp_path, timeout_ms=READY_MS, built=site, env={"SITE_URL": SITE_URL})
    # the first visit's install fetched every file kept ahead
    assert {update.served(rel) for rel in update.ahead} <= set(update.first)
    assert "guides/negotiate/index.html" in update.changed
    assert len(update.changed) < len(update.ahead) / 5, sorted(update.changed)
    assert update.fetched == {update.served(rel) for rel in update.changed} | {"/sw.js"}
    # the runtime did not change: what was kept unpacked for it (wasm, memory, library) stays, another build's goes
    assert len(offline.kept_unpacked(site)) == 3, "the build made no snapshot, so nothing is kept beside it"
    assert update.runtime_kept == {f"{offline.whole_package(site)}.gz", *offline.kept_unpacked(site)}
