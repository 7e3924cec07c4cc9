"""Shared fixtures: one strict build of the site per test run (shared by the pytest-xdist workers
of `make test`, started in the background by the first test), a local
HTTP server for it on a free port (tools/site_server.py: gzip as a static
host), and a browser page that may talk to that server only (every other
request is aborted, recorded and fails the test)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page

from hooks import offline
from tools import clock, site_server
from tools.browser import CHROMIUM_ARGS, HOW_TO, find_chromium

ROOT = Path(__file__).resolve().parent.parent


# The public address the test build is made for (canonical, hreflang, og:url,
# sitemap). Nothing is ever fetched from it: browser tests block other hosts.
SITE_URL = "https://overdue-help.example/"


# ---- the site build: once per run, started early, in the background ------------------------
# The first test of a run starts the strict build in a child process; the tests that do not need
# the site run meanwhile, and those that do (they use SITE_FIXTURES) come after the others, file by
# file (pytest_collection_modifyitems). Under pytest-xdist (`make test` runs two workers) the
# workers share one build: the first to get there starts it, the others wait for its result.

SITE_FIXTURES = frozenset({"build", "site", "site_http", "server", "site_page"})
BUILD_TIMEOUT = 600  # seconds


def _needs_site(item) -> bool:
    return not SITE_FIXTURES.isdisjoint(getattr(item, "fixturenames", ()))


def pytest_collection_modifyitems(session, config, items):
    """Files with a test that needs the built site after the others (order kept inside each group),
    so the build (started by the first test) is ready by the time they run. Every test under
    tests/browser/ carries the ``browser`` marker, whether or not its file says so
    (``pytest -m "not browser"`` leaves them all out)."""
    browser_tests = Path(__file__).resolve().parent / "browser"
    for item in items:
        if browser_tests in item.path.parents:
            item.add_marker(pytest.mark.browser)
    later = {item.path for item in items if _needs_site(item)}
    items[:] = [i for i in items if i.path not in later] + [i for i in items if i.path in later]


class SiteBuild:
    """``mkdocs build --strict`` of this tree into ``folder/site``, run once for the whole test run
    however many workers ask for it; its output and exit status are files in ``folder``."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.out = folder / "site"
        self.done = folder / "done.json"
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start the build unless this run has started it already (here or in another worker)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            os.close(os.open(self.folder / "started", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL}
        stdout = (self.folder / "stdout.txt").open("w", encoding="utf-8")
        stderr = (self.folder / "stderr.txt").open("w", encoding="utf-8")
        proc = subprocess.Popen(
            # tools.clock runs mkdocs as is, or on the day TEST_TODAY names
            [sys.executable, "-m", "tools.clock", "mkdocs", "build", "--strict", "--site-dir", str(self.out)],
            cwd=ROOT, stdout=stdout, stderr=stderr, text=True, env=env,
        )

        def finish():
            try:
                code = proc.wait(timeout=BUILD_TIMEOUT)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
                code = None
            stdout.close()
            stderr.close()
            written = self.folder / "done.tmp"
            written.write_text(json.dumps({"returncode": code}), encoding="utf-8")
            written.replace(self.done)  # atomic: a waiting worker reads all of it or nothing

        self._thread = threading.Thread(target=finish, name="site-build", daemon=True)
        self._thread.start()

    def result(self) -> subprocess.CompletedProcess:
        """Wait for the build (started here or in another worker) and return what it printed."""
        deadline = time.monotonic() + BUILD_TIMEOUT + 60
        while not self.done.exists():
            if time.monotonic() > deadline:
                pytest.fail(f"the site build in {self.folder} did not finish in {BUILD_TIMEOUT + 60} s")
            time.sleep(0.2)
        code = json.loads(self.done.read_text(encoding="utf-8"))["returncode"]
        if code is None:
            pytest.fail(f"mkdocs build --strict took more than {BUILD_TIMEOUT} s")
        return subprocess.CompletedProcess(
            ["mkdocs", "build", "--strict"], code,
            (self.folder / "stdout.txt").read_text(encoding="utf-8"),
            (self.folder / "stderr.txt").read_text(encoding="utf-8"))

    def wait_if_started_here(self) -> None:
        """A worker that started the build stays until it is over (another may be waiting for it)."""
        if self._thread is not None:
            self._thread.join()


@pytest.fixture(scope="session")
def _site_build(tmp_path_factory) -> SiteBuild:
    base = tmp_path_factory.getbasetemp()
    # pytest-xdist gives each worker a folder inside the run's own one: the build goes there, shared
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    builder = SiteBuild(shared / "site-build")
    yield builder
    builder.wait_if_started_here()


@pytest.fixture(scope="session", autouse=True)
def _start_site_build_early(request):
    """The build starts with the first test of a run that has any test needing the site."""
    if any(_needs_site(item) for item in request.session.items):
        request.getfixturevalue("_site_build").start()


@pytest.fixture(scope="session")
def build(_site_build):
    """The site built once with --strict; returns (site dir, build output)."""
    _site_build.start()
    return _site_build.out, _site_build.result()


@pytest.fixture(scope="session")
def site(build) -> Path:
    out, proc = build
    if proc.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{proc.stdout}\n{proc.stderr}")
    return out


@pytest.fixture(scope="session")
def site_http(site):
    """The built site on a free loopback port, sent as a static host sends it (tools/site_server.py:
    application/wasm, gzip for text and wasm); ``.url``, and ``.served`` records every response."""
    httpd = site_server.start(site)
    yield httpd
    httpd.stop()


@pytest.fixture(scope="session")
def server(site_http):
    """Base URL (ending in /) of the built site (``site_http``)."""
    return site_http.url


# ---- pytest-playwright configuration ----------------------------------------

@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    path = find_chromium()
    if path is None:
        pytest.fail(HOW_TO)
    return {**browser_type_launch_args, "executable_path": path, "args": [*CHROMIUM_ARGS, *NO_OTHER_HOST]}


# page.wait_for_function polls every 50 ms unless a test asks otherwise. Playwright's own default
# polls on every animation frame: the page then renders 60 frames a second for as long as a test
# waits (about 0.08 processor-seconds a second against 0.014 at 50 ms, measured on a calculator
# page), and the suite waits for answers some hundreds of times.
POLL_MS = 50
_wait_for_function = Page.wait_for_function


def _wait_polled(self, expression, *, arg=None, timeout=None, polling=None):
    return _wait_for_function(self, expression, arg=arg, timeout=timeout, polling=POLL_MS if polling is None else polling)


Page.wait_for_function = _wait_polled


# The browser itself refuses every host but the loopback server: each request goes to a proxy that
# is not there (nothing listens on the discard port), except the loopback addresses Chromium always
# sends direct; a host name is not even resolved (CHROMIUM_ARGS). Each page's requests are also
# watched, and one to another host fails its test (site_page). A Playwright route would have done
# the refusing too, but any route turns the HTTP cache off and sends requests through the test process.
NO_OTHER_HOST = ["--proxy-server=http://127.0.0.1:9"]


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 375, "height": 812}, "service_workers": "block"}


def _serve(body: bytes):
    """A route handler that answers with ``body``."""
    return lambda route: route.fulfill(body=body, content_type="application/octet-stream")


def _returning_reader(page, server: str, site: Path, keep_wasm: bool = True) -> None:
    """What a reader who came back has in the browser: the build's memory snapshot in the runtime
    cache (calc-worker.js keepSnapshot, sw.js) and the runtime unpacked beside it (keepUnpacked: the
    wasm, the snapshot's memory without its zero pages, the standard library's zip), so the page
    starts Python from them (data-engine "snapshot", about 1 s, nothing downloaded or unpacked)
    instead of booting the interpreter (about 3 s and several times the processor time). Put there once for the shared context (``SharedContext``); for a context of
    a test's own, from the test's page, on the site's origin, before the test opens anything (a page
    of its own would cost a second renderer process per test): that page's history holds
    robots.txt before the test's first page. Without ``keep_wasm``, the snapshot only: a reader who
    came back once, whose page downloads and unpacks the wasm (and keeps the runtime afterwards)."""
    from tests.browser.helpers import gunzipped, snapshot_image

    snapshots = sorted((site / "assets" / "py").glob("snapshot-*.bin.gz"))
    if len(snapshots) != 1:
        pytest.fail(f"the build should write one memory snapshot, found {[p.name for p in snapshots]}")
    kept = [[server + "assets/py/" + snapshots[0].name] * 2]
    # what the worker unpacks is not a file of the site: served to this page only, while it keeps them
    unpacked: dict[str, bytes] = {}
    if keep_wasm:
        wasm, memory, stdlib = offline.kept_unpacked(site)
        unpacked = {server + "__kept/memory": snapshot_image(snapshots[0]),
                    server + "__kept/stdlib": gunzipped(next((site / "assets" / "py").glob("stdlib-*.zip.gz")))}
        kept += [[server + "pyodide/pyodide.asm.wasm", server + wasm], [server + "__kept/memory", server + memory],
                 [server + "__kept/stdlib", server + stdlib]]
        for url, body in unpacked.items():
            page.route(url, _serve(body))
    page.goto(server + "robots.txt")
    page.evaluate("""async (kept) => {
        const keep = Promise.all(kept.map(async ([url, key]) => {
            const response = await fetch(url);
            if (!response.ok) throw new Error(`${url}: ${response.status}`);
            await (await caches.open("runtime")).put(key, response);  // RUNTIME_CACHE in calc-worker.js
        }));
        const late = new Promise((_, fail) => setTimeout(() => fail(new Error(`${kept}: not kept in 20 s`)), 20000));
        await Promise.race([keep, late]);
    }""", kept)
    for url in unpacked:
        page.unroute(url)


def _hold_the_engine(context) -> list:
    """The runtime's wasm is asked for and never answered (the routes are kept, never continued):
    every calculator on the page stays as a reader sees it while the engine loads, with the
    build's worked example, and costs no processor time for starting Python. For tests of layout
    and markup that never wait for an answer (``@pytest.mark.engine_held``)."""
    held: list = []

    def hold(route):
        held.append(route)  # neither continued, fulfilled nor aborted: the request stays open

    context.route("**/pyodide/pyodide.asm.wasm*", hold)  # the wasm, or its .gz
    return held


OWN_CONTEXT = ("first_visit", "engine_held", "own_context", "snapshot_only")  # markers that give a test a context of its own


def _request_watcher(server: str, outside: list[str], runtime: list[str]):
    """A context's request listener: a request to another host goes into ``outside`` (the test
    fails on it), one for the runtime's pyodide.mjs into ``runtime`` (engine_held checks it)."""

    def watch(request) -> None:
        url = request.url
        if "/pyodide/pyodide.mjs" in url:
            runtime.append(url)
        if not url.startswith((server, "data:", "blob:")):
            outside.append(url)

    return watch


class SharedContext:
    """One browser context per test process, for every test that changes nothing of its context
    (tests/conftest.py site_page): a returning reader's, with the memory snapshot kept once. A test
    gets a new page in it; afterwards its pages are closed, granted permissions taken back and the
    origin's storage (local storage, IndexedDB, cookies) cleared, the kept snapshot and the HTTP
    cache left. A fresh context per test cost about a second of processor time each: making and
    closing it, keeping the snapshot again, and every file fetched and compiled again."""

    def __init__(self, browser, context_args: dict, server: str, site: Path):
        self.server = server
        self.outside: list[str] = []    # the current test's requests to other hosts
        self.runtime: list[str] = []    # the current test's requests for the runtime
        self.context = browser.new_context(**context_args)
        self.context.on("request", _request_watcher(server, self.outside, self.runtime))
        day = clock.moved_day()
        if day is not None:  # TEST_TODAY: the pages' clock shows that day too
            self.context.clock.set_fixed_time(dt.datetime.combine(day, dt.time(10, 0), tzinfo=dt.UTC))
        first = self.context.new_page()
        _returning_reader(first, server, site)
        first.close()

    def new_page(self):
        self.outside.clear()
        self.runtime.clear()
        return self.context.new_page()

    def reset(self) -> None:
        """What a test left in the context goes, but the kept snapshot (the runtime's Cache Storage)."""
        pages = self.context.pages or [self.context.new_page()]
        cdp = self.context.new_cdp_session(pages[0])
        cdp.send("Storage.clearDataForOrigin", {
            "origin": self.server.rstrip("/"),
            "storageTypes": "cookies,file_systems,indexeddb,local_storage,websql,service_workers"})
        cdp.detach()
        self.context.clear_permissions()
        for page in self.context.pages:
            page.close()


@pytest.fixture(scope="session")
def _shared_context(browser, browser_context_args, server, site):
    shared = SharedContext(browser, browser_context_args, server, site)
    yield shared
    shared.context.close()


@pytest.fixture
def site_page(server, site, request):
    """A page that may only reach the local server. Yields (page, base_url);
    fails the test if anything else was requested, or if the page logged an
    uncaught error or a Content-Security-Policy violation.

    The browser is a returning reader's (the memory snapshot kept: ``_returning_reader``), which
    makes each of the suite's few hundred engine starts cheap. The page is a new one in the test
    process's shared context (``SharedContext``) unless the test is marked with one of
    ``OWN_CONTEXT``: ``own_context`` (it changes its context: its clock, what it keeps, listeners,
    a browser it opens itself) gets a context of its own, a returning reader's too; ``first_visit`` a
    context that holds nothing, as on a first visit (two calculators' pages in use in Chinese, a
    letter page, the slow link, how the engine starts, what is downloaded); ``snapshot_only`` a returning
    reader's whose wasm is not kept yet (how the wasm is downloaded and unpacked); ``engine_held`` one whose
    engine never arrives (``_hold_the_engine``): layout and markup as the page first shows them.
    ``OWN_CONTEXTS=1`` gives every test a context of its own: a test that passes only that way leaves
    something behind in the shared context, or finds something there."""
    errors: list[str] = []
    held = request.node.get_closest_marker("engine_held") is not None
    own = bool(os.environ.get("OWN_CONTEXTS")) or any(
        request.node.get_closest_marker(m) is not None for m in OWN_CONTEXT)
    shared: SharedContext | None = None

    def console(msg):
        if msg.type == "error" and "Content Security Policy" in msg.text:
            errors.append(f"CSP: {msg.text}")

    if own:
        page = request.getfixturevalue("page")  # pytest-playwright's: a new context, closed after the test
        outside: list[str] = []
        runtime_asked: list[str] = []
        day = clock.moved_day()
        if day is not None:
            # TEST_TODAY: the page's clock shows that day too (the reader's date it sends with each run)
            page.clock.set_fixed_time(dt.datetime.combine(day, dt.time(10, 0), tzinfo=dt.UTC))
        page.context.on("request", _request_watcher(server, outside, runtime_asked))
        if held:
            held_routes = _hold_the_engine(page.context)
        elif request.node.get_closest_marker("first_visit") is None:
            _returning_reader(page, server, site, keep_wasm=request.node.get_closest_marker("snapshot_only") is None)
    else:
        shared = request.getfixturevalue("_shared_context")
        page = shared.new_page()
        outside, runtime_asked = shared.outside, shared.runtime
    request.node.outside_requests = outside  # the record the guard keeps (its own test reads it)
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.on("console", console)
    page.set_default_timeout(20000)
    try:
        yield page, server
    finally:
        if shared is not None:
            found = list(outside)
            shared.reset()
    if shared is not None:
        outside = found
    if held and runtime_asked:  # the engine started loading: its wasm must be what was held
        assert held_routes, "engine_held: the runtime was fetched but its wasm was not held (renamed?)"
    assert not outside, f"requests to other hosts: {sorted(set(outside))}"
    assert not errors, f"uncaught errors in the page: {errors}"
