"""The self-hosted Python runtime in the built site.

After each build (and each rebuild under `mkdocs serve`):
- copy only the Pyodide files a page needs from node_modules/pyodide to site/pyodide/, with a
  lock file that lists no packages (we load none: 119 KB → a few hundred bytes), and the wasm
  compressed once and for all as ``pyodide.asm.wasm.zst`` (zstd -19: 2.89 MB against 3.55 MB for a
  host's gzip -6) and ``pyodide.asm.wasm.gz`` (zopfli, 3.42 MB), with the zstd decoder
  (``fzstd.mjs``, from node_modules/fzstd); calc-worker.js fetches the .zst and unpacks it as it
  arrives, and the .gz where the decoder cannot be had;
- write the calculators' zip and the letters' zip (content-hashed names) to site/assets/py/
  (letters load only on letter pages: macros/package.py), their modules compiled like the
  standard library's (below);
- write the trimmed standard library next to it: only the files that Pyodide's start-up and
  every case of tools/cases.py import and that are not built into the runtime (frozen), each
  squeezed (tools/pysource.py) (found by running them on both zips, tools/stdlib_modules.mjs),
  then compiled by Pyodide's Python (tools/pyc.mjs): the zip holds .pyc files only, so Python
  starts without compiling its own library (about 1.5 s of a 2.4 s start here, bench/notes.md);
- beside each zip, ``<zip>.gz``: the same files stored and gzipped as one stream (macros.package.solid),
  what a browser with DecompressionStream fetches (calc-worker.js), about 20 % fewer bytes; beside the
  standard library also ``<zip>.zst`` (the same stored files as zstd: 655 → 517 KB), fetched first;
- make the optional Pyodide memory snapshot on that library, with both zips (tools/snapshot.mjs;
  not under `mkdocs serve`, where pages start Python the ordinary way);
- write into each calculator widget the sizes of what its worker fetches, raw and as a host sends
  them (gzip -6), for the progress line.
The last two run Node (several seconds); their files are named by macros.package.runtime_key()
and kept in .cache/runtime/ too, so a clean rebuild of the same code copies them instead.
Under `mkdocs serve` the standard library is not trimmed (the full one goes under the trimmed
name) and no snapshot is made: a save to a calculator shows at once instead of after two Node runs.
"""

from __future__ import annotations

import base64
import contextlib
import gzip
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_SRC = ROOT / "node_modules" / "pyodide"
# What loadPyodide() fetches for the core interpreter with no extra packages.
# The full python_stdlib.zip stays beside the runtime: a worker that cannot find the trimmed
# library's name falls back to it, and `make bench` reports the untrimmed floor with it.
PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
)
LOCK = "pyodide-lock.json"
CACHE = ROOT / ".cache" / "runtime"  # made runtime files by name (git-ignored)
FULL_STDLIB = PYODIDE_SRC / "python_stdlib.zip"
# The zstd decoder the worker unpacks the .zst files with (fzstd, MIT; pinned in package.json), and
# the name it has in site/pyodide/.
ZSTD_DECODER_SRC = ROOT / "node_modules" / "fzstd" / "esm" / "index.mjs"
ZSTD_DECODER = "fzstd.mjs"


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
    (target / LOCK).write_text(small_lock(), encoding="utf-8")
    copy_zstd_decoder(target / ZSTD_DECODER)
    write_wasm_gz(target / WASM)
    write_wasm_zst(target / WASM)


def copy_zstd_decoder(dst: Path) -> None:
    """fzstd's ES module, with its licence at the top (MIT asks that its notice go with each copy)."""
    if not ZSTD_DECODER_SRC.is_file():
        raise SystemExit(f"{ZSTD_DECODER_SRC} is missing: run `npm ci` (make serve / make test do it for you)")
    notice = (ZSTD_DECODER_SRC.parent.parent / "LICENSE").read_text(encoding="utf-8").strip()
    version = json.loads((ZSTD_DECODER_SRC.parent.parent / "package.json").read_text(encoding="utf-8"))["version"]
    text = f"/* fzstd {version} (node_modules/fzstd/esm/index.mjs).\n\n{notice}\n*/\n" + \
        ZSTD_DECODER_SRC.read_text(encoding="utf-8")
    if not dst.is_file() or dst.read_text(encoding="utf-8") != text:
        dst.write_text(text, encoding="utf-8")


WASM = "pyodide.asm.wasm"


def wasm_gz(data: bytes) -> bytes:
    """The wasm as one gzip stream, as small as gzip gets (zopfli, one iteration: 3,546,122 bytes at a
    host's gzip -6 → 3,415,020 for this Pyodide's wasm (314.0.7), in about 11 s); gzip -9 if zopfli is missing.
    Any gzip reader (DecompressionStream) unzips it; the same bytes every time for the same wasm."""
    try:
        import zopfli.gzip
    except ImportError:
        print("note: zopfli is not installed (requirements.lock has it): the wasm is gzipped at level 9",
              file=sys.stderr)
        return gzip.compress(data, 9, mtime=0)
    return zopfli.gzip.compress(data, numiterations=1)


def zstd(data: bytes) -> bytes | None:
    """``data`` as one zstd frame at level 19 (its size in the frame's header; the same bytes every
    time), or None if the ``zstandard`` package is missing (requirements.lock has it): the worker then
    fetches the .gz files. 9,598,218 bytes of this Pyodide's wasm → 2,890,702 (zopfli's gzip: 3,415,020)."""
    try:
        import zstandard
    except ImportError:
        print("note: zstandard is not installed (requirements.lock has it): no .zst files; pages fetch the .gz",
              file=sys.stderr)
        return None
    params = zstandard.ZstdCompressionParameters.from_level(19, source_size=len(data))
    return zstandard.ZstdCompressor(compression_params=params).compress(data)


def write_wasm_gz(wasm: Path) -> Path:
    """``<wasm>.gz`` beside the wasm, made once per wasm (kept in .cache/runtime/ by its content)."""
    return _write_packed(wasm, ".gz", wasm_gz)


def write_wasm_zst(wasm: Path) -> Path | None:
    """``<wasm>.zst`` beside the wasm, made once per wasm like its .gz; None without zstandard."""
    return _write_packed(wasm, ".zst", zstd)


def _write_packed(wasm: Path, suffix: str, pack) -> Path | None:
    import hashlib

    data = wasm.read_bytes()
    cached = CACHE / f"{wasm.name}-{hashlib.sha256(data).hexdigest()[:16]}{suffix}"
    out = wasm.with_name(wasm.name + suffix)
    with _one_at_a_time(CACHE / f".{wasm.name}{'' if suffix == '.gz' else suffix}.lock"):
        if not cached.is_file():
            made = pack(data)
            return None if made is None else _keep_packed(made, cached, out)
    if not out.exists() or out.stat().st_size != cached.stat().st_size:
        part = out.with_name(f".{out.name}.{os.getpid()}")
        shutil.copyfile(cached, part)
        os.replace(part, out)
    return out


@contextlib.contextmanager
def _one_at_a_time(lock: Path):
    """Held by one process at a time (an exclusive ``flock`` on ``lock``): builds side by side (the
    tests' build and `mkdocs serve`'s in a copy of the tree, sharing .cache/) wait for the first one's
    wasm.gz instead of each spending zopfli's 11–15 s on the same bytes. Where the lock cannot be
    taken (no fcntl, a read-only cache), each makes its own, as before."""
    try:
        import fcntl

        lock.parent.mkdir(parents=True, exist_ok=True)
        handle = lock.open("a")
    except (ImportError, OSError):
        yield
        return
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
        except OSError:
            pass
        yield  # the lock goes with the file's closing


def _keep_packed(made: bytes, cached: Path, out: Path) -> Path:
    """The packed wasm kept in the cache (one of each kind: the cache does not grow) and written
    beside the wasm; beside it only when the cache cannot be written."""
    try:
        CACHE.mkdir(parents=True, exist_ok=True)
        for old in CACHE.glob(f"{out.stem}-*{out.suffix}"):
            if old != cached:
                old.unlink(missing_ok=True)
        part = CACHE / f".{cached.name}.{os.getpid()}"
        part.write_bytes(made)
        os.replace(part, cached)  # whole or not at all, for builds running side by side
    except OSError:
        pass
    part = out.with_name(f".{out.name}.{os.getpid()}")
    part.write_bytes(made)
    os.replace(part, out)
    return out


def small_lock() -> str:
    """pyodide-lock.json with its `info` (checked against the runtime's ABI) and no packages.

    loadPyodide() fetches the lock file even with `packages: []`; we install no package from
    Pyodide's index (our calculators come as our own zip), so the 357 entries are dead weight.
    """
    lock = json.loads((PYODIDE_SRC / LOCK).read_text(encoding="utf-8"))
    return json.dumps({"info": lock["info"], "packages": {}}, separators=(",", ":"))


def _node(*args: str, stdin: str = "", timeout: int = 300) -> str:
    proc = subprocess.run(["node", *args], cwd=ROOT, input=stdin, capture_output=True, text=True,
                          timeout=timeout, check=False)
    if proc.returncode != 0:
        raise subprocess.SubprocessError(proc.stderr.strip()[-2000:] or f"node exited {proc.returncode}")
    return proc.stdout


def stdlib_files(package_zip: Path, cases: list | None = None) -> dict[str, str]:
    """The standard-library files (paths inside python_stdlib.zip) that Pyodide's start-up and
    every case import, found by running them under Pyodide in Node on the full library, each
    with its source without comments and docstrings (tools/stdlib_modules.mjs)."""
    from tools import cases as known

    request = {"zip": str(package_zip), "cases": cases if cases is not None else known.as_json(known.runtime_cases())}
    found = json.loads(_node(str(ROOT / "tools" / "stdlib_modules.mjs"), stdin=json.dumps(request)))
    return found["files"]


def stdlib_names(package_zip: Path) -> list[str]:
    """The names ``stdlib_files`` would return, sorted, without squeezing each file (half its time)."""
    from tools import cases as known

    request = {"zip": str(package_zip), "cases": known.as_json(known.runtime_cases()), "squeeze": False}
    return json.loads(_node(str(ROOT / "tools" / "stdlib_modules.mjs"), stdin=json.dumps(request)))["names"]


def compiled(files: dict[str, str]) -> dict[str, bytes]:
    """``files`` (path -> source) compiled by Pyodide's Python: path.pyc -> its bytes
    (tools/pyc.mjs: sourceless, unchecked hash-based, the same bytes for the same source)."""
    out = json.loads(_node(str(ROOT / "tools" / "pyc.mjs"), stdin=json.dumps(files)))
    return {name: base64.b64decode(data) for name, data in out.items()}


def _source_name(name: str) -> str:
    """The full archive's name for a file of the trimmed one: a module's .py for its .pyc."""
    return name[:-1] if name.endswith(".pyc") else name


def trimmed_stdlib(files: dict[str, str] | dict[str, bytes]) -> bytes:
    """A python_stdlib.zip holding only ``files`` (path -> source, or a module's compiled .pyc
    bytes in place of its .py; and their packages' directory entries), the same bytes for the
    same files: sorted, fixed timestamps."""
    from macros import package

    dirs = set()
    for name in files:  # the directories of the packages kept, as the full archive lists them
        parts = name.split("/")[:-1]
        dirs.update("/".join(parts[: i + 1]) + "/" for i in range(len(parts)))
    buf = io.BytesIO()
    with zipfile.ZipFile(FULL_STDLIB) as full, zipfile.ZipFile(buf, "w") as out:
        listed = set(full.namelist())
        missing = {_source_name(name) for name in files} - listed
        if missing:
            raise ValueError(f"not in {FULL_STDLIB.name}: {sorted(missing)}")
        for name in sorted((dirs & listed) | set(files)):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = full.getinfo(_source_name(name)).external_attr
            info.compress_type = zipfile.ZIP_STORED if name.endswith("/") else zipfile.ZIP_DEFLATED
            data = files.get(name, b"")
            out.writestr(info, data.encode("utf-8") if isinstance(data, str) else data, compresslevel=9)
    return package.utf8_names(buf.getvalue())


_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def write_stdlib(out: Path, package_zip: Path) -> Path:
    """The trimmed standard library in ``out`` (older ones removed); its path.

    Its modules are compiled (``compiled``); if that fails, their squeezed sources are shipped,
    and if Node cannot derive the list at all, the full library under the same name (each with a
    note): the calculators then start as before, only slower or with more bytes.
    """
    from macros import package

    target = out / package.stdlib_name()
    for old in [*out.glob("stdlib-*.zip"), *out.glob("stdlib-*.zip.gz"), *out.glob("stdlib-*.zip.zst")]:
        if old.name not in {target.name, target.name + ".gz", target.name + ".zst"}:
            old.unlink()
    if _serving:
        if not target.exists():
            shutil.copyfile(FULL_STDLIB, target)
    elif not (target.exists() or _from_cache(target)):  # its name says which package, Pyodide and cases
        failures = (OSError, ValueError, KeyError, subprocess.SubprocessError)
        try:
            files = stdlib_files(package_zip)
        except failures as err:
            print(f"note: standard library not trimmed ({err}); the full one is shipped", file=sys.stderr)
            target.write_bytes(FULL_STDLIB.read_bytes())
        else:
            try:
                target.write_bytes(trimmed_stdlib(compiled(files)))
                _to_cache(target)
            except failures as err:
                print(f"note: standard library not compiled ({err}); its sources are shipped", file=sys.stderr)
                target.write_bytes(trimmed_stdlib(files))
    write_solid(target)
    write_zst(target)
    return target


def write_solid(path: Path) -> Path:
    """``<zip>.gz`` beside a zip: what a browser with DecompressionStream fetches instead
    (macros.package.solid); written only when missing or older than the zip."""
    from macros import package

    solid = path.with_name(path.name + ".gz")
    if not solid.exists() or solid.stat().st_mtime < path.stat().st_mtime:
        solid.write_bytes(package.solid(path.read_bytes()))
    return solid


def write_zst(path: Path) -> Path | None:
    """``<zip>.zst`` beside a zip: its entries stored (macros.package.stored), as one zstd frame; what
    the worker fetches first (it falls back to the .gz). Written only when missing or older than the
    zip; None without zstandard."""
    from macros import package

    packed = path.with_name(path.name + ".zst")
    if not packed.exists() or packed.stat().st_mtime < path.stat().st_mtime:
        made = zstd(package.stored(path.read_bytes()))
        if made is None:
            packed.unlink(missing_ok=True)
            return None
        packed.write_bytes(made)
    return packed


def _from_cache(target: Path) -> bool:
    kept = CACHE / target.name
    if not kept.is_file():
        return False
    shutil.copyfile(kept, target)
    return True


def _to_cache(made: Path) -> None:
    try:
        CACHE.mkdir(parents=True, exist_ok=True)
        for old in CACHE.glob(made.name.split("-")[0] + "-*"):
            old.unlink(missing_ok=True)  # one of each kind: the cache does not grow
        part = CACHE / f".{made.name}.{os.getpid()}"
        shutil.copyfile(made, part)
        os.replace(part, CACHE / made.name)  # whole or not at all, for builds running side by side
    except OSError:
        pass  # only a slower next build


def compiled_zips(made: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """Our zips with each module compiled as the standard library is (``compiled``, one Node run
    for all): a module's .pyc in place of its .py, every other file as it is; the names stay (they
    are the hash of the sources, which the compiled files follow exactly)."""
    from macros import package

    sources = {}
    for _, data in made:
        with zipfile.ZipFile(io.BytesIO(data)) as src:
            sources.update({n: src.read(n).decode("utf-8") for n in src.namelist() if n.endswith(".py")})
    pyc = compiled(sources)
    result = []
    for name, data in made:
        buf = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w") as zf:
            for info in src.infolist():
                entry = info.filename + "c" if info.filename.endswith(".py") else info.filename
                kept = zipfile.ZipInfo(entry, date_time=info.date_time)
                kept.external_attr = info.external_attr
                kept.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(kept, pyc[entry] if entry in pyc else src.read(info), compresslevel=9)
        result.append((name, package.utf8_names(buf.getvalue())))
    return result


def write_package(out: Path) -> list[str]:
    """The calculators' zip and the letters' zip into ``out`` (older ones removed); their file
    names. Every calculator page loads the first; letter pages load both (macros/package.py).
    Their modules compiled (``compiled_zips``: Python imports them without compiling, about a
    quarter of a second sooner on a first visit here); as sources under `mkdocs serve` (no Node
    run on each save) or if compiling fails."""
    from macros import package  # imported per build: see hooks/__init__.py

    made = [package.current(), package.letters()]
    if not _serving:
        try:
            made = compiled_zips(made)
        except (OSError, ValueError, KeyError, subprocess.SubprocessError) as err:
            print(f"note: our packages not compiled ({err}); their sources are shipped", file=sys.stderr)
    out.mkdir(parents=True, exist_ok=True)
    keep = {name for name, _ in made} | {name + ".gz" for name, _ in made}
    for old in [*out.glob("calculators-*.zip*"), *out.glob("letters-*.zip*")]:
        if old.name not in keep:
            old.unlink()
    for name, data in made:
        (out / name).write_bytes(data)
        (out / (name + ".gz")).write_bytes(package.solid(data))
    return [name for name, _ in made]


PAGE_PREFIX = "page-"


def page_modules(sources: bytes) -> dict[str, list[str]]:
    """{slug: our modules its page imports}, found by running its cases on the calculators' zip
    ``sources`` (the sources' zip, unpacked) in an isolated Python: tools/page_modules.py."""
    from calculators import web
    from tools import cases as known

    request = {"slugs": list(web.CALCULATORS), "cases": known.as_json(known.runtime_cases()), "today": known.CLOCK,
               "calendar": web.CALENDAR_SUFFIX, "rest": web.REST_SUFFIX}
    with tempfile.TemporaryDirectory() as work:
        request["zip"] = str(Path(work) / "calculators.zip")
        Path(request["zip"]).write_bytes(sources)
        proc = subprocess.run([sys.executable, "-I", str(ROOT / "tools" / "page_modules.py")], input=json.dumps(request),
                              capture_output=True, text=True, timeout=300, cwd=work)
    if proc.returncode != 0:
        raise subprocess.SubprocessError(proc.stderr.strip()[-2000:] or f"page_modules exited {proc.returncode}")
    return json.loads(proc.stdout)


def page_zip(calculators_zip: bytes, modules: list[str]) -> bytes:
    """The entries of ``calculators_zip`` (sources or compiled) that hold ``modules``, in its order."""
    from macros import package

    wanted = set()
    for module in modules:
        path = module.replace(".", "/")
        wanted.update({f"{path}.py", f"{path}.pyc", f"{path}/__init__.py", f"{path}/__init__.pyc"})
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(calculators_zip)) as src, zipfile.ZipFile(buf, "w") as out:
        for info in src.infolist():
            if info.filename in wanted:
                out.writestr(info, src.read(info.filename))
    return package.utf8_names(buf.getvalue())


def write_page_zips(out: Path, calculators_name: str) -> dict[str, str]:
    """For each calculator, a zip of only the modules its page imports (``page_modules``), taken from
    the calculators' zip in ``out``, named page-<slug>-<hash of its bytes>.zip (and its .gz); older
    ones removed. {slug: file name}. A page whose only calculator is that one loads it instead of the
    whole calculators' zip (``use_page_zips``)."""
    import hashlib

    from macros import package

    modules = page_modules(package.current()[1])
    whole = (out / calculators_name).read_bytes()
    names = {}
    for slug, mods in modules.items():
        data = page_zip(whole, mods)
        names[slug] = f"{PAGE_PREFIX}{slug}-{hashlib.sha256(data).hexdigest()[:12]}.zip"
        (out / names[slug]).write_bytes(data)
        (out / (names[slug] + ".gz")).write_bytes(package.solid(data))
    for old in out.glob(f"{PAGE_PREFIX}*.zip*"):
        if old.name.removesuffix(".gz") not in names.values():
            old.unlink()
    return names


_FORMS = re.compile(r'<form class="calc-form" data-calculator="([^"]+)"')


def use_page_zips(site: Path, calculators_name: str, page_zips: dict[str, str]) -> int:
    """Each page whose calculator forms are all one calculator's loads that calculator's own zip in
    place of the calculators' one (the form's and the head's ``data-package``), with the sizes of
    what it then downloads; pages with letters or with two calculators keep the whole zip. How
    many pages changed."""
    changed = 0
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if calculators_name not in text:
            continue
        slugs = set(_FORMS.findall(text))
        if len(slugs) != 1 or next(iter(slugs)) not in page_zips:
            continue
        own = page_zips[next(iter(slugs))]
        sizes = html.escape(json.dumps(runtime_sizes(site, [own]), separators=(",", ":")))
        page.write_text(text.replace(calculators_name, own).replace("__RUNTIME_BYTES__", sizes), encoding="utf-8")
        changed += 1
    return changed


def both_zips(out: Path, names: list[str], into: Path) -> Path:
    """One zip holding every file of the zips ``names`` (for the trimmed standard library and the
    snapshot, which serve every page: calculators and letters alike)."""
    from macros import package

    target = into / "calculators-and-letters.zip"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name in names:
            with zipfile.ZipFile(out / name) as part:
                for info in part.infolist():
                    zf.writestr(info, part.read(info.filename))
    target.write_bytes(package.utf8_names(buf.getvalue()))  # as the pages' zips: no cp437 codec
    return target


def write_snapshot(out: Path, package_zip: Path, stdlib: Path) -> None:
    """The optional fast start: a gzipped Pyodide memory snapshot next to the package.

    Without it (node missing, a Pyodide that cannot snapshot) the calculators
    start the ordinary way, so a failure here is reported, not fatal.
    """
    from macros import package

    target = out / package.snapshot_name()
    for old in out.glob("snapshot-*.bin.gz"):
        if old != target:
            old.unlink()
    if _serving:
        return  # `make serve`: a save shows without a Node run (pages start Python the ordinary way)
    if target.exists() or _from_cache(target):
        return  # its name says which package, Pyodide and standard library it was made from
    try:
        _node(str(ROOT / "tools" / "snapshot.mjs"), str(package_zip), str(target), str(stdlib))
        _to_cache(target)
    except (OSError, subprocess.SubprocessError) as err:
        print(f"note: no Pyodide snapshot made ({err}); calculators will start the ordinary way",
              file=sys.stderr)


# What the page's worker fetches while it starts (counted for its progress line); the Pyodide
# modules it imports are not counted.
FETCHED = ("pyodide.asm.wasm", "pyodide-lock.json")  # the wasm as the worker gets it: .zst (or .gz)
# What a static host compresses (README, Deploying); zips are sent as they are.
COMPRESSED = (".wasm", ".json", ".mjs", ".js")


def transfer_size(path: Path) -> int:
    """The bytes a host sends for a file: gzip -6 for what it compresses, else the file's size."""
    data = path.read_bytes()
    return len(gzip.compress(data, 6)) if path.suffix in COMPRESSED else len(data)


_SIZES: dict[tuple[str, int, float], int] = {}


def runtime_sizes(site: Path, names: list[str]) -> dict[str, list[int]]:
    """{file name: [raw bytes, bytes sent]} of what the worker fetches on a first visit, for the
    progress line: the runtime's files, the trimmed standard library and the zips ``names``."""
    from macros import package

    def packed(path: Path) -> Path:  # as the worker fetches it: its .zst where the build made one, else its .gz
        zst = path.with_name(path.name + ".zst")
        return zst if zst.is_file() else path.with_name(path.name + ".gz")

    paths = [packed(site / "pyodide" / name) if name == WASM else site / "pyodide" / name for name in FETCHED]
    # the zips as the worker fetches them (calc-worker.js): the standard library's .zst, the packages' .gz
    paths += [packed(site / "assets" / "py" / package.stdlib_name())]
    paths += [site / "assets" / "py" / (name + ".gz") for name in names]
    sizes = {}
    for path in paths:
        if path.is_file():
            key = (str(path), path.stat().st_size, path.stat().st_mtime)
            if key not in _SIZES:
                _SIZES[key] = transfer_size(path)
            sizes[path.name] = [path.stat().st_size, _SIZES[key]]
    return sizes


def write_runtime_sizes(site: Path, names: list[str]) -> None:
    """Put the sizes into every calculator widget (macros/widgets.py leaves a placeholder)."""
    core = html.escape(json.dumps(runtime_sizes(site, names[:1]), separators=(",", ":")))
    both = html.escape(json.dumps(runtime_sizes(site, names), separators=(",", ":")))
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if "__RUNTIME_BYTES" in text:
            page.write_text(text.replace("__RUNTIME_BYTES_LETTERS__", both).replace("__RUNTIME_BYTES__", core),
                            encoding="utf-8")


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config["site_dir"])
    copy_pyodide(site)
    out = site / "assets" / "py"
    names = write_package(out)
    with tempfile.TemporaryDirectory() as work:
        whole = both_zips(out, names, Path(work))
        write_snapshot(out, whole, write_stdlib(out, whole))
    if not _serving:  # `mkdocs serve` ships the sources' zips whole, without a run of every case
        use_page_zips(site, names[0], write_page_zips(out, names[0]))
    write_runtime_sizes(site, names)
