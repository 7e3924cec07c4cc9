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

import ast
import hashlib
import io
import json
import tokenize
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
    """Python source without comments and docstrings (a docstring that is a body's only
    statement becomes ``...``); the source as it is if the result would not compile."""
    lines = source.splitlines(keepends=True)
    edits = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
                    and isinstance(first.value.value, str)):
                alone = len(node.body) == 1 and not isinstance(node, ast.Module)
                edits.append((first.lineno, first.col_offset, first.end_lineno, first.end_col_offset,
                              "..." if alone else ""))
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            edits.append((token.start[0], token.start[1], None, None, ""))
    for l1, c1, l2, c2, put in sorted(edits, key=lambda e: e[:2], reverse=True):
        if l2 is None:  # a comment: to the end of its line
            line = lines[l1 - 1]
            lines[l1 - 1] = line[:c1].rstrip() + ("\n" if line.endswith("\n") else "")
        else:
            lines[l1 - 1:l2] = [lines[l1 - 1][:c1] + put + lines[l2 - 1][c2:]] + ["\n"] * (l2 - l1)
    stripped = "".join(lines)
    try:
        compile(stripped, "<stripped>", "exec", dont_inherit=True)
    except SyntaxError:
        return source
    return stripped


def _zip(files: list[Path], prefix: str, slim: bool = False) -> tuple[str, bytes]:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in files:
            rel = path.relative_to(SOURCE).as_posix()
            info = zipfile.ZipInfo(f"calculators/{rel}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            data = path.read_bytes()
            if slim and path.suffix == ".py":
                data = strip(data.decode("utf-8")).encode("utf-8")
            zf.writestr(info, data, compresslevel=9)
    data = buf.getvalue()
    return f"{prefix}-{hashlib.sha256(data).hexdigest()[:12]}.zip", data


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
    the cases the trimmed standard library is derived from (tools/cases.py). The trimmed
    standard library and the snapshot made on it carry it in their names, so a cached copy is
    never used with another package."""
    global _key
    if _key is None:
        from tools import cases

        made_from = json.dumps([name(), letters_name(), pyodide_version(), cases.as_json(cases.runtime_cases())],
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
