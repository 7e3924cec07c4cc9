"""The self-hosted Python runtime in the built site.

After each build (and each rebuild under `mkdocs serve`):
- copy only the Pyodide files a page needs from node_modules/pyodide to site/pyodide/;
- write the calculators package zip (content-hashed name) to site/assets/py/;
- make the optional Pyodide memory snapshot next to it (tools/snapshot.mjs).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_SRC = ROOT / "node_modules" / "pyodide"
# What loadPyodide() fetches for the core interpreter with no extra packages.
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)


def copy_pyodide(site: Path) -> None:
    """The runtime files into site/pyodide/, copied only when they changed."""
    target = site / "pyodide"
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        src = PYODIDE_SRC / name
        if not src.is_file():
            raise SystemExit(f"{src} is missing: run `npm ci` (make serve / make test do it for you)")
        dst = target / name
        if not dst.exists() or dst.stat().st_size != src.stat().st_size or dst.stat().st_mtime < src.stat().st_mtime:
            shutil.copy2(src, dst)


def write_package(out: Path) -> str:
    """The calculators zip into ``out`` (older ones removed); returns its file name."""
    from macros import package  # imported per build: see hooks/__init__.py

    name, data = package.current()
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("calculators-*.zip"):
        if old.name != name:
            old.unlink()
    (out / name).write_bytes(data)
    return name


def write_snapshot(out: Path, zip_name: str) -> None:
    """The optional fast start: a gzipped Pyodide memory snapshot next to the package.

    Without it (node missing, a Pyodide that cannot snapshot) the calculators
    start the ordinary way, so a failure here is reported, not fatal.
    """
    from macros import package

    target = out / package.snapshot_name()
    for old in out.glob("snapshot-*.bin.gz"):
        if old != target:
            old.unlink()
    if target.exists():
        return  # its name says which package and Pyodide it was made from
    try:
        subprocess.run(["node", str(ROOT / "tools" / "snapshot.mjs"), str(out / zip_name), str(target)],
                       cwd=ROOT, check=True, capture_output=True, timeout=300)
    except (OSError, subprocess.SubprocessError) as err:
        print(f"note: no Pyodide snapshot made ({err}); calculators will start the ordinary way",
              file=sys.stderr)


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config["site_dir"])
    copy_pyodide(site)
    out = site / "assets" / "py"
    write_snapshot(out, write_package(out))
