"""Find a Chromium for the browser tests, or install one.

Order: the CHROMIUM environment variable; Playwright's own Chromium if it is
installed; /usr/bin/chromium; otherwise (with --ensure) install Debian's
`chromium` when running as root with apt-get, else `python -m playwright
install chromium`. If none of that works, stop with a message saying how.

    python -m tools.browser            # print the path, exit 1 if none
    python -m tools.browser --ensure   # install one if needed, then print it
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

DEBIAN_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser")

# Launch arguments for headless runs here (browser tests, `make bench`).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    # Belt and braces: no host but the loopback server can even be resolved.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]

HOW_TO = (
    "No Chromium found for the browser tests.\n"
    "  On Debian/Ubuntu, as root:  apt-get update && apt-get install -y chromium\n"
    "  Elsewhere:                  .venv/bin/python -m playwright install chromium\n"
    "  Or point to one:            CHROMIUM=/path/to/chromium make test"
)


def _playwright_chromium() -> str | None:
    """Path of Playwright's own downloaded Chromium, if it exists."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    try:
        with sync_playwright() as p:
            path = p.chromium.executable_path
    except Exception:
        return None
    return path if path and Path(path).is_file() else None


def find_chromium() -> str | None:
    """The Chromium executable to use, or None."""
    env = os.environ.get("CHROMIUM")
    if env:
        return env if Path(env).is_file() else None
    own = _playwright_chromium()
    if own:
        return own
    for path in DEBIAN_PATHS:
        if Path(path).is_file():
            return path
    return None


def _install() -> None:
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        print("Installing Debian's chromium for the browser tests…", file=sys.stderr)
        subprocess.run(["apt-get", "update", "-qq"], check=False)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "chromium"],
            check=False,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
    else:
        print("Trying Playwright's own Chromium download…", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], check=False)


# A Chinese font for the pages the browser draws: readers' phones have one; a bare server may not,
# and then Chromium draws (and prints to PDF) every Chinese character as an empty box.
CHINESE_FONT_PACKAGE = "fonts-wqy-microhei"


def has_chinese_font() -> bool:
    """fontconfig knows a font that covers Chinese (``fc-list :lang=zh``)."""
    if not shutil.which("fc-list"):
        return False
    out = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=False)
    return bool(out.stdout.strip())


def _ensure_chinese_font() -> None:
    if has_chinese_font():
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"Installing Debian's {CHINESE_FONT_PACKAGE} (Chinese text in the browser tests)…", file=sys.stderr)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        done = subprocess.run(["apt-get", "install", "-y", "-qq", CHINESE_FONT_PACKAGE], check=False, env=env)
        if done.returncode != 0:
            subprocess.run(["apt-get", "update", "-qq"], check=False)
            subprocess.run(["apt-get", "install", "-y", "-qq", CHINESE_FONT_PACKAGE], check=False, env=env)
    if not has_chinese_font():
        print(f"No Chinese font found: install one (Debian: apt-get install {CHINESE_FONT_PACKAGE}); "
              "the print tests need it to read Chinese back from a PDF.", file=sys.stderr)


def main(argv: list[str]) -> int:
    if "--ensure" in argv:
        _ensure_chinese_font()
    path = find_chromium()
    if path is None and "--ensure" in argv:
        if os.environ.get("CHROMIUM"):
            print(f"CHROMIUM={os.environ['CHROMIUM']} is not a file.", file=sys.stderr)
            return 1
        _install()
        path = find_chromium()
    if path is None:
        print(HOW_TO, file=sys.stderr)
        return 1
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
