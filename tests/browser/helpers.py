"""Small helpers the browser tests share."""

from __future__ import annotations

import base64
import contextlib
import functools
import gzip
import io
import json
from pathlib import Path

from calculators import __main__ as command_line

READY_MS = 60000  # a cold Pyodide start on a slow machine; every wait has a timeout
ANSWER_MS = 15000


def cpython(slug: str, form: dict) -> dict:
    """What `python -m calculators <slug> --json <form>` prints for the same form: its ``main`` in
    this test process (a process per call cost a Python start and every import, a fifth of a second
    each), on the day TEST_TODAY names when it is set, like the build and the pages (the test process's
    clock is moved: conftest.py, tools/clock.py)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        command_line.main([slug, "--json", json.dumps(form, ensure_ascii=False)])
    return json.loads(out.getvalue())


def figures(page, root: str = "") -> dict[str, str]:
    """The headline figures shown: data-field → data-value."""
    return page.eval_on_selector_all(
        f"{root} .calc-output-body [data-field]".strip(),
        "els => Object.fromEntries(els.map(e => [e.dataset.field, e.dataset.value]))",
    )


def wait_ready(page, slug: str) -> None:
    page.wait_for_selector(f'form[data-calculator="{slug}"][data-state="ready"]', state="attached",
                           timeout=READY_MS)


def kept_entry(page, key: str) -> dict | None:
    """The runtime cache's entry under ``key`` (calc-worker.js keeps the snapshot and the unpacked wasm
    there): its size, SHA-256 and type; None if there is none."""
    return page.evaluate("""async (key) => {
        const response = await (await caches.open("runtime")).match(key);
        if (!response) return null;
        const bytes = await response.arrayBuffer();
        const digest = [...new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))]
            .map((b) => b.toString(16).padStart(2, "0")).join("");
        return { size: bytes.byteLength, sha256: digest, type: response.headers.get("Content-Type") };
    }""", key)


def wait_kept(page, key: str, wasm: bytes) -> dict:
    """Wait (at most 30 s) until the worker has kept ``wasm`` whole under ``key`` (it does so after ready,
    in the background: keepWasm); that entry."""
    kept = None
    for _ in range(300):
        kept = kept_entry(page, key)
        if kept and kept["size"] == len(wasm):
            return kept
        page.wait_for_timeout(100)
    raise AssertionError(f"the wasm was not kept unpacked under {key} in 30 s: {kept}")


MEMORY_PAGE = 4096


def memory_image(memory: bytes) -> bytes:
    r"""A snapshot's memory as calc-worker.js keeps it unpacked (memoryImageWriter), made here on its own:
    "OHM1", the memory's length, the number of spans, then each run of 4096-byte pages (the last may be
    shorter) that are not all zero as its offset, its length (little-endian 32-bit) and its bytes.

    >>> import struct
    >>> image = memory_image(bytes(4096) + b"ab" + bytes(4094) + b"c")  # a zero page, then two that are not
    >>> image[:4], struct.unpack("<II", image[4:12]), struct.unpack("<II", image[12:20]), image[20:22], len(image)
    (b'OHM1', (8193, 1), (4096, 4097), b'ab', 4117)
    """
    spans = []
    start = end = None
    for at in range(0, len(memory), MEMORY_PAGE):
        page = memory[at:at + MEMORY_PAGE]
        if page.count(0) == len(page):
            if start is not None:
                spans.append((start, end))
            start = None
            continue
        start = at if start is None else start
        end = at + len(page)
    if start is not None:
        spans.append((start, end))
    out = [b"OHM1", len(memory).to_bytes(4, "little"), len(spans).to_bytes(4, "little")]
    for start, end in spans:
        out += [start.to_bytes(4, "little"), (end - start).to_bytes(4, "little"), memory[start:end]]
    return b"".join(out)


@functools.cache
def snapshot_image(snapshot: Path) -> bytes:
    """The build's snapshot (snapshot-<key>.bin.gz) as its memory image (``memory_image``)."""
    return memory_image(gzip.decompress(snapshot.read_bytes()))


@functools.cache
def gunzipped(path: Path) -> bytes:
    """A file of the build gunzipped (e.g. the standard library's stored zip inside stdlib-<key>.zip.gz,
    as calc-worker.js keeps it unpacked)."""
    return gzip.decompress(path.read_bytes())


def wait_figures(page, expected: dict[str, str]) -> None:
    """Wait until every shown figure equals the expected text."""
    page.wait_for_function(
        """exp => {
            const els = [...document.querySelectorAll('.calc-output-body [data-field]')];
            return els.length > 0 && els.every(e => exp[e.dataset.field] === e.dataset.value);
        }""",
        arg=expected, timeout=ANSWER_MS,
    )


def expected_figures(reply: dict) -> dict[str, str]:
    """The result's fields as the page's data-value texts (strings and counts)."""
    return {k: (v if isinstance(v, str) else json.dumps(v)) for k, v in reply["result"].items()
            if isinstance(v, str | int) and not isinstance(v, bool)}


def locked_leaks(kept: str, *secrets: str) -> list[str]:
    """Which of ``secrets`` a locked record shows: in its clear parts (everything but the ciphertext),
    or as their UTF-8 bytes inside the ciphertext. Its base64 text is not searched: random base64
    holds any three letters about once in 260 records of this size (one run failed so, "Qx7" in
    ``...S7eQx7KA...``), while the bytes hold a four-byte secret about once in four million. An
    empty list also needs the record to be locked at all: a record without ``locked.data`` is
    returned as leaking everything."""
    doc = json.loads(kept)
    locked = doc.get("locked") if isinstance(doc, dict) else None
    if not isinstance(locked, dict) or not isinstance(locked.get("data"), str):
        return list(secrets)
    clear = json.dumps({**doc, "locked": {**locked, "data": ""}}, ensure_ascii=False)
    data = base64.b64decode(locked["data"])
    return [s for s in secrets if s in clear or s.encode() in data]
