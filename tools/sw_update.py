"""What an installed service worker fetches after one page changes and the site is rebuilt.

Shared by the browser test (tests/browser/test_offline_update.py asserts on it) and
`make bench` (reports it): copy the project (the real tree is never edited), build, serve,
visit a Chinese guide without a calculator once with service workers allowed (once the page has been idle a while it
asks the worker to keep the Chinese pages ahead: <html data-offline="kept"> when done),
append a sentence to one page's Markdown, rebuild into the same served directory, ask the
worker to update, and log at the server what that update fetched, and which of the entries put in
the runtime cache before it (a reader who has used the calculators) the updated worker kept.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from hooks import offline
from tools import site_server

ROOT = Path(__file__).resolve().parent.parent
COPY = ("mkdocs.yml", "docs", "overrides", "calculators", "macros", "hooks", "tools", "tests",
        "glossary.yml", "sources.yml", "search_terms.txt", "search_intents.yml")
EDITED = "guides/negotiate.md"
VISITED = "guides/collection-rights/"  # no calculator on it: its first view keeps the pages ahead
# what calc-worker.js kept unpacked for another Pyodide build (hooks/offline.py kept_unpacked)
STALE_KEPT = ("assets/py/pyodide.asm-000000000000.wasm", "assets/py/snapshot-000000000000.mem",
              "assets/py/stdlib-000000000000.kept.zip")


def _asked(httpd: site_server.SiteServer) -> list[str]:
    """The paths the browser fetched so far (the server's record of what it served)."""
    return [served.path for served in httpd.served if served.method == "GET"]


@dataclass
class Update:
    ahead: set[str]  # site files kept ahead for a Chinese reader (relative paths)
    first: list[str]  # server paths the first visit and install fetched
    changed: set[str]  # files kept ahead whose bytes the rebuild changed
    fetched: set[str]  # server paths the update fetched
    ahead_bytes: int
    changed_bytes: int
    runtime_kept: set[str]  # of the runtime cache's entries put there before the update (the whole
    # package, hooks/offline.py kept_unpacked and STALE_KEPT), the paths the updated worker left in place

    @staticmethod
    def served(rel: str) -> str:
        """The path the server sees for a site file (a directory's index.html by its directory)."""
        return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def _build(project: Path, site: Path, env: dict[str, str] | None = None) -> None:
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                          cwd=project, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", **(env or {})})
    if proc.returncode != 0:
        raise RuntimeError(f"mkdocs build failed:\n{proc.stderr[-3000:]}")


def _digests(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in site.rglob("*") if p.is_file()}


def run(browser, workdir: Path, timeout_ms: float = 60000, built: Path | None = None,
        env: dict[str, str] | None = None) -> Update:
    """``built``: a site already built from this tree (the test session's, or site/ for the
    bench), copied instead of the first build; ``env``: what that build was made with (e.g. its
    SITE_URL), so the rebuild differs only by the edit."""
    project = workdir / "project"
    project.mkdir(parents=True)
    for name in COPY:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, project / name)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    (ROOT / ".cache").mkdir(exist_ok=True)
    (project / ".cache").symlink_to(ROOT / ".cache")  # runtime files an earlier build made
    site = workdir / "site"
    if built is not None:
        shutil.copytree(built, site)
    else:
        _build(project, site, env)
    before = _digests(site)
    ahead = set(offline.precache_list(site, "zh"))

    httpd = site_server.start(site)
    context = browser.new_context(service_workers="allow")
    try:
        page = context.new_page()
        page.set_default_timeout(timeout_ms)
        page.goto(f"{httpd.url}{VISITED}")
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")  # installed
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=timeout_ms)
        # the page asked, once idle, and the worker has kept the Chinese pages ahead
        page.wait_for_selector("html[data-offline='kept']", state="attached", timeout=timeout_ms)
        first = _asked(httpd)

        text = (project / "docs" / EDITED).read_text(encoding="utf-8")
        (project / "docs" / EDITED).write_text(text + "\n\n编辑后新增的一句话。\n", encoding="utf-8")
        _build(project, site, env)
        after = _digests(site)
        changed = {rel for rel in ahead if before.get(rel) != after.get(rel)}

        # a reader who has used the calculators: the whole package kept (so the update does not fetch it)
        # and what calc-worker.js keeps unpacked beside the snapshot (keepUnpacked); and what an older build kept
        whole = offline.whole_package(site)
        kept = [rel for rel in (whole and f"{whole}.gz", *offline.kept_unpacked(site), *STALE_KEPT) if rel]
        page.evaluate("""async (urls) => {
            const cache = await caches.open("runtime");
            for (const url of urls) await cache.put(url, new Response("wasm", { headers: { "Content-Type": "application/wasm" } }));
        }""", [f"{httpd.url}{rel}" for rel in kept])

        httpd.served.clear()
        page.evaluate("""async (ms) => {
            const late = (what) => new Promise((_, fail) => setTimeout(() => fail(new Error(`${what}: not in ${ms} ms`)), ms));
            const reg = await navigator.serviceWorker.getRegistration();
            const switched = new Promise((resolve) =>
                navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
            await reg.update();
            await Promise.race([switched, late("the updated worker taking over")]);
            // the page's controller changes as the new worker starts activating: wait until it has
            // (its activate handler drops stale runtime files)
            const active = reg.active;
            if (active.state !== "activated") {
                await Promise.race([new Promise((resolve) => active.addEventListener("statechange",
                    () => active.state === "activated" && resolve())), late("the updated worker activated")]);
            }
        }""", timeout_ms)
        fetched = set(_asked(httpd))
        left = page.evaluate("async () => (await (await caches.open('runtime')).keys()).map((r) => r.url)")
        runtime_kept = {rel for rel in kept if f"{httpd.url}{rel}" in left}
    finally:
        context.close()
        httpd.stop()
    size = {rel: (site / rel).stat().st_size for rel in ahead if (site / rel).is_file()}
    return Update(ahead=ahead, first=first, changed=changed, fetched=fetched,
                  ahead_bytes=sum(size.values()), changed_bytes=sum(size.get(rel, 0) for rel in changed),
                  runtime_kept=runtime_kept)
