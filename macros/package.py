"""The calculators package as the browser gets it: zips named by their content hash.

The same bytes every time for the same sources (sorted names, fixed timestamps),
so the name changes exactly when the code does and caches never serve stale code.

The browser gets two (issue 23, "pay for what you use"): the calculators' zip, which every
calculator page loads, and the letters' zip (the document builders and their views), which
only letter pages load on top of it. Both are the sources without comments and docstrings
(nothing in the browser reads them). `build()` is still the whole package, as the sources are
(the Pyodide-in-Node tests use it); the snapshot and the trimmed standard library are made on
both zips together, so they serve every page.
"""

from __future__ import annotations

import gzip
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


# The letters' part: the document builders and their views, except what the calculators
# import themselves (negotiation.py reads letters_negotiation's MAX_MONTHS, which needs
# letters_common).
_CALCULATORS_NEED = ("letters_common.py", "letters_negotiation.py")


def is_letters(rel: str) -> bool:
    """Whether a file (relative to calculators/) ships in the letters' zip."""
    return (rel.startswith(("letters_", "views/letters", "collection_log", "views/collection_log"))
            and rel not in _CALCULATORS_NEED)


def strip(source: str) -> str:
    """Python source without comments and docstrings, line numbers kept (tools/pysource.py)."""
    from tools import pysource

    return pysource.strip(source)


def _zip(files: list[Path], prefix: str, slim: bool = False) -> tuple[str, bytes]:
    from tools import pysource

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in files:
            rel = path.relative_to(SOURCE).as_posix()
            info = zipfile.ZipInfo(f"calculators/{rel}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            data = path.read_bytes()
            if slim and path.suffix == ".py":
                data = pysource.small(data.decode("utf-8")).encode("utf-8")
            elif slim and path.name == "figures.toml":
                info.filename = info.orig_filename = f"calculators/{rel[:-len(path.name)]}figures_data.py"
                data = figures_module(data)
            zf.writestr(info, data, compresslevel=9)
    data = utf8_names(buf.getvalue())
    return f"{prefix}-{hashlib.sha256(data).hexdigest()[:12]}.zip", data


def utf8_names(zip_bytes: bytes) -> bytes:
    """The zip with every entry's "names are UTF-8" flag (bit 11) set, in its local header and in the
    central directory. zipfile clears it when it writes an ASCII name, and a name without it is
    read through the cp437 codec: one more module of the standard library in the browser."""
    data = bytearray(zip_bytes)
    with zipfile.ZipFile(io.BytesIO(zip_bytes)) as zf:
        for info in zf.infolist():
            local = info.header_offset
            assert data[local:local + 4] == b"PK\x03\x04"
            data[local + 7] |= 0x08  # general purpose flags (offset 6, little-endian): bit 11
        central = zf.start_dir
    for _ in range(len(zf.infolist())):
        assert data[central:central + 4] == b"PK\x01\x02"
        data[central + 9] |= 0x08
        name, extra, comment = (int.from_bytes(data[central + at:central + at + 2], "little") for at in (28, 30, 32))
        central += 46 + name + extra + comment
    return bytes(data)


def solid(zip_bytes: bytes) -> bytes:
    """The bytes a browser with DecompressionStream gets instead of a zip (``<name>.gz`` beside it):
    the same entries stored uncompressed, the whole gzipped at level 9. One gzip stream over
    every file finds what files share (imports, names, markup) where a zip compresses each file
    alone: the standard library 468 → 395 KB, the calculators' zip 136 → 110 KB. The worker
    (calc-worker.js) unzips it as it arrives; the zip inside is what `unpackArchive` and
    Pyodide's `stdLibURL` read. Same bytes every time for the same zip (no timestamp)."""
    return gzip.compress(stored(zip_bytes), 9, mtime=0)


def stored(zip_bytes: bytes) -> bytes:
    """The same zip with every entry stored uncompressed (names marked UTF-8): what ``solid`` gzips
    and hooks/runtime.py's zstd packs, one stream over every file."""
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(zip_bytes)) as src, zipfile.ZipFile(buf, "w") as out:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            entry.external_attr = info.external_attr
            entry.compress_type = zipfile.ZIP_STORED
            out.writestr(entry, src.read(info))
    return utf8_names(buf.getvalue())


def figures_module(toml: bytes) -> bytes:
    """figures.toml already read, as Python (``DATA = {...}``; calculators/figures.py uses it when it
    is there): the browser's zip then needs no TOML parser (tomllib, about 5 KB of the standard
    library) and carries no comments. A test holds DATA equal to the file read with tomllib."""
    import datetime
    import tomllib

    data = tomllib.loads(toml.decode("utf-8"))

    def check(value):  # only what repr() writes back exactly
        if isinstance(value, dict):
            return all(isinstance(k, str) and check(v) for k, v in value.items())
        if isinstance(value, list):
            return all(check(v) for v in value)
        return type(value) in (str, int, bool, datetime.date)

    if not check(data):
        raise ValueError("figures.toml holds a value repr() would not write back exactly")
    return f"import datetime\nDATA = {data!r}\n".encode()


def build() -> tuple[str, bytes]:
    """(file name, zip bytes) of the whole calculators package, as the sources are."""
    return _zip(_files(), "calculators")


def build_split() -> tuple[tuple[str, bytes], tuple[str, bytes]]:
    """((name, bytes) of the calculators' zip, (name, bytes) of the letters' zip) for the browser."""
    files = _files()
    core = [p for p in files if not is_letters(p.relative_to(SOURCE).as_posix())]
    letters = [p for p in files if is_letters(p.relative_to(SOURCE).as_posix())]
    return _zip(core, "calculators", slim=True), _zip(letters, "letters", slim=True)


_current: tuple[tuple[str, bytes], tuple[str, bytes]] | None = None
_key: str | None = None


def split() -> tuple[tuple[str, bytes], tuple[str, bytes]]:
    """The browser's two zips of this build: made once, so the names the pages carry and
    the files written are the same even if a source changes mid-build."""
    global _current
    if _current is None:
        _current = build_split()
    return _current


def current() -> tuple[str, bytes]:
    """(name, bytes) of the calculators' zip of this build (every calculator page loads it)."""
    return split()[0]


def letters() -> tuple[str, bytes]:
    """(name, bytes) of the letters' zip of this build (letter pages load it too)."""
    return split()[1]


def reset() -> None:
    """Forget the package (each build starts with a fresh one)."""
    global _current, _key
    _current = None
    _key = None


def name() -> str:
    return current()[0]


def letters_name() -> str:
    return letters()[0]


def pyodide_version() -> str:
    meta = ROOT / "node_modules" / "pyodide" / "package.json"
    return json.loads(meta.read_text(encoding="utf-8"))["version"] if meta.is_file() else "missing"


def runtime_key() -> str:
    """What the runtime files of this build are made from: this package, this Pyodide build and
    the cases the trimmed standard library is derived from (tools/cases.py), and the tools that make them. The trimmed
    standard library and the snapshot made on it carry it in their names, so a cached copy is
    never used with another package."""
    global _key
    if _key is None:
        from tools import cases

        # and the code that derives them: a change to how the library is trimmed or squeezed makes new files
        makers = [(ROOT / f).read_text(encoding="utf-8")
                  for f in ("tools/stdlib_modules.mjs", "tools/pysource.py", "tools/pyc.mjs", "tools/snapshot.mjs",
                            "hooks/runtime.py")]
        made_from = json.dumps([name(), letters_name(), pyodide_version(), cases.as_json(cases.runtime_cases()),
                                makers], ensure_ascii=False)
        _key = hashlib.sha256(made_from.encode()).hexdigest()[:12]
    return _key


def snapshot_name() -> str:
    """The memory snapshot's file name: tied to this package, this Pyodide build and the trimmed
    standard library it was made on (the page's worker finds that library's name from this one)."""
    return f"snapshot-{runtime_key()}.bin.gz"


def stdlib_name() -> str:
    """The trimmed standard library's file name, next to the snapshot in assets/py/."""
    return f"stdlib-{runtime_key()}.zip"
