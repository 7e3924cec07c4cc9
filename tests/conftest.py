"""Shared fixtures: one strict build of the site per test session, a local
HTTP server for it on a free port (tools/site_server.py: gzip as a static
host), and a browser page that may talk to that server only (every other
request is aborted, recorded and fails the test)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tools import clock, site_server
from tools.browser import CHROMIUM_ARGS, HOW_TO, find_chromium

ROOT = Path(__file__).resolve().parent.parent


# The public address the test build is made for (canonical, hreflang, og:url,
# sitemap). Nothing is ever fetched from it: browser tests block other hosts.
SITE_URL = "https://overdue-help.example/"


@pytest.fixture(scope="session")
def build(tmp_path_factory):
    """Build the site once with --strict; returns (site dir, build output)."""
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL}
    proc = subprocess.run(
        # tools.clock runs mkdocs as is, or on the day TEST_TODAY names
        [sys.executable, "-m", "tools.clock", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=600,
    )
    return out, proc


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
    return {**browser_type_launch_args, "executable_path": path, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 375, "height": 812}, "service_workers": "block"}


@pytest.fixture
def site_page(page, server):
    """A page that may only reach the local server. Yields (page, base_url);
    fails the test if anything else was requested, or if the page logged an
    uncaught error or a Content-Security-Policy violation."""
    outside: list[str] = []
    errors: list[str] = []

    def guard(route):
        if route.request.url.startswith(server) or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    def watch(request):
        url = request.url
        if not url.startswith((server, "data:", "blob:")):
            outside.append(url)

    def console(msg):
        if msg.type == "error" and "Content Security Policy" in msg.text:
            errors.append(f"CSP: {msg.text}")

    day = clock.moved_day()
    if day is not None:
        # TEST_TODAY: the page's clock shows that day too (the reader's date it sends with each run)
        page.clock.set_fixed_time(dt.datetime.combine(day, dt.time(10, 0), tzinfo=dt.UTC))
    page.context.route("**/*", guard)
    page.context.on("request", watch)
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.on("console", console)
    page.set_default_timeout(20000)
    yield page, server
    assert not outside, f"requests to other hosts: {sorted(set(outside))}"
    assert not errors, f"uncaught errors in the page: {errors}"
