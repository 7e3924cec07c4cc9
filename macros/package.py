"""The calculators package as the browser gets it: one zip, named by its content hash.

The same bytes every time for the same sources (sorted names, fixed timestamps),
so the name changes exactly when the code does and caches never serve stale code.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "calculators"
SHIPPED = ("*.py", "*.toml")


def _files() -> list[Path]:
    found = set()
    for pattern in SHIPPED:
        found.update(p for p in SOURCE.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts)
    return sorted(found)


def build() -> tuple[str, bytes]:
    """(file name, zip bytes) of the calculators package."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in _files():
            info = zipfile.ZipInfo(f"calculators/{path.relative_to(SOURCE).as_posix()}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes())
    data = buf.getvalue()
    return f"calculators-{hashlib.sha256(data).hexdigest()[:12]}.zip", data


_current: tuple[str, bytes] | None = None


def current() -> tuple[str, bytes]:
    """The package of this build: made once, so the name the pages carry and
    the file written are the same even if a source changes mid-build."""
    global _current
    if _current is None:
        _current = build()
    return _current


def reset() -> None:
    """Forget the package (each build starts with a fresh one)."""
    global _current
    _current = None


def name() -> str:
    return current()[0]


def pyodide_version() -> str:
    import json
    meta = ROOT / "node_modules" / "pyodide" / "package.json"
    return json.loads(meta.read_text(encoding="utf-8"))["version"] if meta.is_file() else "missing"


def snapshot_name() -> str:
    """The memory snapshot's file name: tied to this package and this Pyodide build."""
    key = f"{name()} {pyodide_version()}".encode()
    return f"snapshot-{hashlib.sha256(key).hexdigest()[:12]}.bin.gz"
