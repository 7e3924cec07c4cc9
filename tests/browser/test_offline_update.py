"""After one page changes and the site is rebuilt, an installed service worker
fetches only the files that changed (and sw.js itself), counted at the server.

The project is copied (nothing here edits the real tree), built, served; a
browser with service workers allowed visits once and the worker installs and
keeps everything ahead. Then one page's Markdown changes, the site is rebuilt
into the same served directory, the page asks its worker to update, and the
server's log of that update must hold exactly the files whose bytes changed."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from hooks import offline
from tests.browser.helpers import READY_MS
from tests.conftest import ROOT
from tools import site_server

pytestmark = pytest.mark.browser

COPY = ("mkdocs.yml", "docs", "overrides", "calculators", "macros", "hooks", "tools",
        "glossary.yml", "sources.yml", "search_terms.txt")
EDITED = "guides/negotiate.md"


class _Recording(site_server.SiteHandler):
    log: list[str] = []
    lock = threading.Lock()

    def do_GET(self):  # noqa: N802
        with self.lock:
            self.log.append(self.path.split("?")[0])
        super().do_GET()


def _build(project: Path, site: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                          cwd=project, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"})
    assert proc.returncode == 0, proc.stderr[-3000:]


def _digests(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in site.rglob("*") if p.is_file()}


def _served(rel: str) -> str:
    """The path the server sees for a site file (a directory's index.html by its directory)."""
    return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def test_after_a_one_page_edit_the_worker_fetches_only_the_changed_files(browser, tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    for name in COPY:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, project / name)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    (ROOT / ".cache").mkdir(exist_ok=True)
    (project / ".cache").symlink_to(ROOT / ".cache")  # the runtime files made by an earlier build
    site = tmp_path / "site"
    _build(project, site)
    before = _digests(site)
    ahead = set(offline.precache_list(site))

    httpd = site_server.start(site, _Recording)
    context = browser.new_context(service_workers="allow")
    try:
        page = context.new_page()
        page.set_default_timeout(READY_MS)
        page.goto(f"{httpd.url}guides/negotiate/")
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")  # installed: everything kept ahead
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=READY_MS)
        first = list(_Recording.log)
        assert {_served(rel) for rel in ahead} <= set(first)  # the first install fetched every file

        text = (project / "docs" / EDITED).read_text(encoding="utf-8")
        (project / "docs" / EDITED).write_text(text + "\n\n编辑后新增的一句话。\n", encoding="utf-8")
        _build(project, site)
        after = _digests(site)
        changed = {rel for rel in ahead if before.get(rel) != after.get(rel)}
        assert "guides/negotiate/index.html" in changed
        assert len(changed) < len(ahead) / 5, sorted(changed)

        _Recording.log.clear()
        page.evaluate("""async () => {
            const reg = await navigator.serviceWorker.getRegistration();
            const switched = new Promise((resolve) =>
                navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
            await reg.update();
            await switched;
        }""")
        fetched = set(_Recording.log)
    finally:
        context.close()
        httpd.stop()
    assert fetched == {_served(rel) for rel in changed} | {"/sw.js"}
