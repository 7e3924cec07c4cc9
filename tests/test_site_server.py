"""tools/site_server.py, the one server of the tests, the bench and Lighthouse, sends what a static
host sends: the right MIME types (application/wasm above all), gzip for text and wasm only when the
browser accepts it, a Content-Length that is the length of the bytes sent, and a record of each
response."""

from __future__ import annotations

import gzip
import http.client
import os

import pytest

from tools import site_server

WASM = b"\0asm\x01\0\0\0" + bytes(range(256)) * 40
HTML = ("<!doctype html><title>还款</title>" + "<p>每月还款 950.00 元</p>" * 200).encode()
ZIP = b"PK\x03\x04" + os.urandom(3000)  # already compressed: random bytes


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    (root / "calculators" / "repayment").mkdir(parents=True)
    (root / "calculators" / "repayment" / "index.html").write_bytes(HTML)
    (root / "pyodide").mkdir()
    (root / "pyodide" / "pyodide.asm.wasm").write_bytes(WASM)
    (root / "pyodide" / "pyodide.mjs").write_bytes(b"export const x = 1;\n" * 100)
    (root / "stdlib.zip").write_bytes(ZIP)
    (root / "snapshot.bin.gz").write_bytes(gzip.compress(b"snapshot" * 100))
    (root / "card.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(500))
    server = site_server.start(root)
    yield server, root
    server.stop()


def get(server, path: str, method: str = "GET", gzip_ok: bool = True):
    conn = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
    conn.request(method, path, headers={"Accept-Encoding": "gzip, deflate, br"} if gzip_ok else {})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response, body


@pytest.mark.parametrize("path, kind, compressed", [
    ("/pyodide/pyodide.asm.wasm", "application/wasm", True),
    ("/pyodide/pyodide.mjs", "text/javascript", True),
    ("/calculators/repayment/", "text/html", True),
    ("/stdlib.zip", "application/zip", False),
    ("/snapshot.bin.gz", "application/gzip", False),
    ("/card.png", "image/png", False),
])
def test_each_file_goes_with_its_type_and_gzip_only_for_text_and_wasm(served, path, kind, compressed):
    server, root = served
    response, body = get(server, path)
    assert response.status == 200
    assert response.getheader("Content-Type") == kind
    assert int(response.getheader("Content-Length")) == len(body)  # the bytes actually sent
    file = root / path.lstrip("/")
    file = file / "index.html" if file.is_dir() else file
    if compressed:
        assert response.getheader("Content-Encoding") == "gzip"
        assert response.getheader("Vary") == "Accept-Encoding"
        assert gzip.decompress(body) == file.read_bytes()
        assert len(body) < file.stat().st_size
    else:
        assert response.getheader("Content-Encoding") is None
        assert body == file.read_bytes()
    assert site_server.compressed(file) is compressed


def test_a_browser_that_does_not_accept_gzip_gets_the_file_as_it_is(served):
    server, root = served
    response, body = get(server, "/pyodide/pyodide.asm.wasm", gzip_ok=False)
    assert response.getheader("Content-Type") == "application/wasm"
    assert response.getheader("Content-Encoding") is None
    assert body == WASM and int(response.getheader("Content-Length")) == len(WASM)


def test_a_folder_without_its_slash_is_redirected_and_a_missing_file_is_404(served):
    server, _ = served
    response, _ = get(server, "/calculators/repayment")
    assert response.status == 301 and response.getheader("Location") == "/calculators/repayment/"
    response, _ = get(server, "/nothing-here.js")
    assert response.status == 404


def test_every_response_is_recorded_with_the_bytes_sent(served):
    server, _ = served
    server.served.clear()
    _, wasm = get(server, "/pyodide/pyodide.asm.wasm")
    _, zipped = get(server, "/stdlib.zip?v=1")
    get(server, "/stdlib.zip", method="HEAD")
    get(server, "/nothing-here.js")
    assert [(s.method, s.path, s.status, s.encoding) for s in server.served] == [
        ("GET", "/pyodide/pyodide.asm.wasm", 200, "gzip"), ("GET", "/stdlib.zip", 200, ""),
        ("HEAD", "/stdlib.zip", 200, ""), ("GET", "/nothing-here.js", 404, "")]
    assert [s.length for s in server.served[:3]] == [len(wasm), len(zipped), 0]


def test_cache_control_only_when_asked_and_only_on_site_files(served):
    server, root = served
    response, _ = get(server, "/stdlib.zip")
    assert response.getheader("Cache-Control") is None
    cached = site_server.start(root, cache_control="public, max-age=3600")
    try:
        for path in ("/stdlib.zip", "/pyodide/pyodide.asm.wasm"):
            response, _ = get(cached, path)
            assert response.getheader("Cache-Control") == "public, max-age=3600", path
        response, _ = get(cached, "/nothing-here.js")
        assert response.getheader("Cache-Control") is None
    finally:
        cached.stop()
