"""The one local server for the built site: the browser tests (``tests/conftest.py``), `make bench`
(``tools/bench.py``), Lighthouse (``tools/lighthouse.py``) and the service-worker check
(``tools/sw_update.py``) all use it, so each measures and tests the same thing a static host sends.

It serves as README (Deploying) asks a host to:

- MIME types: ``.wasm`` ``application/wasm`` (with any other type Pyodide hangs), ``.mjs`` and
  ``.js`` ``text/javascript``, ``.json`` and ``.webmanifest`` JSON, ``.zip`` ``application/zip``,
  ``.gz`` ``application/gzip`` (the snapshot is fetched as bytes: never also ``Content-Encoding``);
- gzip, the rule: a response is gzip-compressed (level 6) when the request's ``Accept-Encoding``
  names gzip **and** the file's Content-Type is in ``COMPRESSED_TYPES``, the types of this site's
  files among those Cloudflare compresses by default
  (https://developers.cloudflare.com/speed/optimization/content/compression/): HTML, CSS,
  JavaScript, JSON, the web manifest, XML, SVG, plain text, icons and WebAssembly. Everything else
  goes as it is: zip and ``.gz`` files, PNG and JPEG images and woff2 fonts are compressed already.
  A compressed response carries ``Content-Encoding: gzip``, ``Vary: Accept-Encoding`` and the
  ``Content-Length`` of the compressed bytes; any other response the file's own length;
- a folder's ``index.html`` for its path, and a folder asked for without its ``/`` redirected (301);
- no ``Cache-Control`` unless asked (``start(..., cache_control="public, max-age=3600")``, as the
  bench does for its repeat visit; its header is then on every site file, never on a subclass's
  own pages);
- on 127.0.0.1 only, at a free port, in a background thread; quiet (no line per request, and a
  browser dropping a connection it no longer needs is not an error).

The public interface, and nothing else:

    server = start(directory)        # or start(directory, handler=MyHandler, cache_control=...)
    server.url                       # "http://127.0.0.1:PORT/"
    server.served                    # every response so far, in order: Served(method, path, status,
                                     #   encoding, length) with length the bytes of the body sent
    server.served.clear()            # start counting again
    server.stop()
    compressed(path)                 # True when a host sends this site file gzip-compressed (the rule)

A subclass of :class:`SiteHandler` may answer paths of its own in ``do_GET`` (the bench's pages) and
call ``super().do_GET()`` for the rest. From a terminal::

    .venv/bin/python -m tools.site_server [site] [port]      # default site/ and 8000; port 0: a free one
"""

from __future__ import annotations

import functools
import gzip
import io
import mimetypes
import os
import sys
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent

# Content-Type by suffix, where Python's own table is missing or differs from what a host sends.
TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".map": "application/json",
    ".webmanifest": "application/manifest+json",
    ".zip": "application/zip",
    ".gz": "application/gzip",
    ".bin": "application/octet-stream",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".ico": "image/vnd.microsoft.icon",
}

# The types sent gzip-compressed: this site's among Cloudflare's defaults (see the module's docstring).
COMPRESSED_TYPES = frozenset({
    "text/html", "text/css", "text/plain", "text/javascript", "text/xml", "text/markdown",
    "application/javascript", "application/json", "application/manifest+json", "application/xml",
    "application/xhtml+xml", "application/ld+json", "image/svg+xml", "image/x-icon",
    "image/vnd.microsoft.icon", "application/wasm",
})
GZIP_LEVEL = 6


def content_type(path: Path | str) -> str:
    """The Content-Type a static host sends for this file name (no charset parameter)."""
    suffix = Path(path).suffix.lower()
    if suffix in TYPES:
        return TYPES[suffix]
    guessed, _ = mimetypes.guess_type(str(path), strict=False)
    return guessed or "application/octet-stream"


def compressed(path: Path | str) -> bool:
    """True when a host sends this file gzip-compressed to a browser that accepts gzip (the rule)."""
    return content_type(path) in COMPRESSED_TYPES


@dataclass(frozen=True)
class Served:
    """One response: the request's method and path (without the query), its status, ``"gzip"`` or
    ``""``, and the bytes of the body sent (the Content-Length; a HEAD request sends none)."""

    method: str
    path: str
    status: int
    encoding: str
    length: int


class SiteHandler(SimpleHTTPRequestHandler):
    """The built site's files as a static host sends them (the module's docstring)."""

    def guess_type(self, path) -> str:
        return content_type(path)

    def send_head(self):
        self._site_file = False
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the 301 to the folder's own path
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()  # 404 (or a folder without index.html)
        self._site_file = True
        if not (compressed(path) and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()  # as it is: type, length, Last-Modified
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        cache = self.server.gzipped
        body = cache.get(key)
        if body is None:
            body = cache[key] = gzip.compress(path.read_bytes(), GZIP_LEVEL, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", content_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
        self.end_headers()
        return io.BytesIO(body)

    # ---- what was sent: one Served per response ----

    def send_response(self, code, message=None):
        self._status, self._encoding, self._length = int(code), "", 0
        super().send_response(code, message)

    def send_header(self, keyword, value):
        name = keyword.lower()
        if name == "content-length":
            self._length = int(value)
        elif name == "content-encoding":
            self._encoding = str(value)
        super().send_header(keyword, value)

    def end_headers(self):
        if getattr(self, "_site_file", False) and self.server.cache_control:
            self.send_header("Cache-Control", self.server.cache_control)
        self._site_file = False
        self.server.served.append(Served(self.command or "", urlsplit(self.path or "").path,
                                         getattr(self, "_status", 0), getattr(self, "_encoding", ""),
                                         0 if self.command == "HEAD" else getattr(self, "_length", 0)))
        super().end_headers()

    def log_message(self, format, *args):  # quiet
        pass


class SiteServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, handler, cache_control: str | None = None):
        super().__init__(address, handler)
        self.cache_control = cache_control
        self.served: list[Served] = []
        self.gzipped: dict[tuple[str, int, int], bytes] = {}

    @property
    def url(self) -> str:
        """The base URL, ending in /."""
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


def start(directory: Path | str, handler: type[SiteHandler] = SiteHandler, *, port: int = 0,
          cache_control: str | None = None) -> SiteServer:
    """Serve ``directory`` on 127.0.0.1 (``port`` 0: a free one) in a background thread."""
    server = SiteServer(("127.0.0.1", port), functools.partial(handler, directory=os.fspath(directory)),
                        cache_control=cache_control)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


if __name__ == "__main__":
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    httpd = start(site, port=int(sys.argv[2]) if len(sys.argv) > 2 else 8000)
    print(f"serving {site} as a static host does (gzip) at {httpd.url}", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        httpd.stop()
