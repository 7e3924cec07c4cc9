"""The calculators package as the browser gets it: one zip, named by its content hash.

The same bytes every time for the same sources (sorted names, fixed timestamps),
so the name changes exactly when the code does and caches never serve stale code.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "calculators"
SHIPPED = ("*.py", "*.toml")  # in calculators/ and every subpackage of it


def _files() -> list[Path]:
    found = set()
    for pattern in SHIPPED:
        found.update(p for p in SOURCE.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts)
    return sorted(found, key=lambda p: p.relative_to(SOURCE).as_posix())


def build() -> tuple[str, bytes]:
    """(file name, zip bytes) of the calculators package."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in _files():
            rel = path.relative_to(SOURCE).as_posix()
            info = zipfile.ZipInfo(f"calculators/{rel}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes())
    data = buf.getvalue()
    return f"calculators-{hashlib.sha256(data).hexdigest()[:12]}.zip", data


_current: tuple[str, bytes] | None = None
_key: str | None = None


def current() -> tuple[str, bytes]:
    """The package of this build: made once, so the name the pages carry and
    the file written are the same even if a source changes mid-build."""
    global _current
    if _current is None:
        _current = build()
    return _current


def reset() -> None:
    """Forget the package (each build starts with a fresh one)."""
    global _current, _key
    _current = None
    _key = None


def name() -> str:
    return current()[0]


def pyodide_version() -> str:
    meta = ROOT / "node_modules" / "pyodide" / "package.json"
    return json.loads(meta.read_text(encoding="utf-8"))["version"] if meta.is_file() else "missing"


def runtime_key() -> str:
    """What the runtime files of this build are made from: this package, this Pyodide build and
    the cases the trimmed standard library is derived from (tools/cases.py). The trimmed
    standard library and the snapshot made on it carry it in their names, so a cached copy is
    never used with another package."""
    global _key
    if _key is None:
        from tools import cases

        made_from = json.dumps([name(), pyodide_version(), cases.as_json(cases.runtime_cases())],
                               ensure_ascii=False)
        _key = hashlib.sha256(made_from.encode()).hexdigest()[:12]
    return _key


def snapshot_name() -> str:
    """The memory snapshot's file name: tied to this package, this Pyodide build and the trimmed
    standard library it was made on (the page's worker finds that library's name from this one)."""
    return f"snapshot-{runtime_key()}.bin.gz"


def stdlib_name() -> str:
    """The trimmed standard library's file name, next to the snapshot in assets/py/."""
    return f"stdlib-{runtime_key()}.zip"
