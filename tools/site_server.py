"""The built site served on a free loopback port: for the browser tests and `make bench`.

Like any static host: `.wasm` as application/wasm (without it Pyodide hangs),
modules as JavaScript. Quiet: no log line per request, and a browser that drops
a connection it no longer needs is not an error.
"""

from __future__ import annotations

import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class SiteHandler(SimpleHTTPRequestHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".json": "application/json",
        ".zip": "application/zip",
    }

    def log_message(self, format, *args):  # quiet
        pass


class SiteServer(ThreadingHTTPServer):
    daemon_threads = True

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


def start(directory: Path, handler: type[SiteHandler] = SiteHandler) -> SiteServer:
    """Serve ``directory`` on 127.0.0.1 at a free port, in a background thread."""
    server = SiteServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
