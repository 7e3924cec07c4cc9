"""Every page carries its Content-Security-Policy as a <meta> tag.

Only the site itself; WebAssembly may compile ('wasm-unsafe-eval'); the theme's
few inline scripts are allowed by their exact hash, computed here per page.
"""

from __future__ import annotations

import base64
import hashlib
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)
_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
_JS_TYPES = ("", "text/javascript", "module", "application/javascript")


def inline_script_hashes(html: str) -> list[str]:
    """The CSP hashes of every inline script that a browser would run."""
    hashes = []
    for m in _INLINE_SCRIPT.finditer(html):
        attrs = m.group("attrs")
        if "src=" in attrs:
            continue
        kind = re.search(r'type="([^"]*)"', attrs)
        if kind and kind.group(1) not in _JS_TYPES:
            continue  # data blocks (application/json) are not run
        digest = hashlib.sha256(m.group("body").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(set(hashes))


def csp_for(html: str) -> str:
    """The policy for one page: CSP with that page's inline-script hashes."""
    hashes = inline_script_hashes(html)
    return CSP.format(hashes="".join(" " + h for h in hashes))


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    meta = f'<meta http-equiv="Content-Security-Policy" content="{csp_for(output)}">'
    return output.replace("<head>", "<head>\n    " + meta, 1)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """404.html is rendered as a template, not a page: it gets the same policy."""
    if template_name != "404.html":
        return output
    return on_post_page(output, None, config)  # type: ignore[arg-type]
