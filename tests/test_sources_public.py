"""Every source the repository cites must be public. A clone has no private fact sheet, so no tracked
file may point to one: cite the primary document (name, number, article, date) instead."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRIVATE = "facts" + ".md"  # spelled in two parts so this file does not match itself


def tracked_files() -> list[Path]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: no list of tracked files")
    out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
    return [ROOT / name for name in out.stdout.decode("utf-8").split("\0") if name]


def test_no_tracked_file_cites_a_private_fact_sheet():
    offenders = []
    for path in tracked_files():
        if not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # binary files (images, snapshots) cite nothing
        for no, line in enumerate(text.splitlines(), start=1):
            if PRIVATE in line:
                offenders.append(f"{path.relative_to(ROOT)}:{no}: cites {PRIVATE}, which a public clone does not "
                                 "have: cite the primary document (name, number, article, date) instead")
    assert not offenders, "\n".join(offenders)
