"""A copy of the project's tree in a temporary folder, for tests that change or remove parts of it
(a throwaway calculator, a build without tests/) without touching the real one."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# made or installed, never part of the tree as written (.gitignore), and the history
NOT_TREE = {".git", ".venv", "node_modules", "site", ".cache", ".bench", ".hypothesis", ".pytest_cache",
            ".ruff_cache", "__pycache__"}


def copy_tree(target: Path, leave_out: tuple[str, ...] = ()) -> Path:
    """The tree as written into ``target`` (top-level names in ``leave_out`` left out), with
    node_modules linked (Pyodide is read, never written). Returns ``target``."""

    def ignore(folder: str, names: list[str]) -> set[str]:
        top = Path(folder).resolve() == ROOT
        return {n for n in names if n in NOT_TREE or n.endswith(".pyc") or (top and n in leave_out)}

    shutil.copytree(ROOT, target, ignore=ignore, symlinks=True)
    if (ROOT / "node_modules").exists():
        (target / "node_modules").symlink_to((ROOT / "node_modules").resolve(), target_is_directory=True)
    return target


def clean_env() -> dict[str, str]:
    """The environment for a Python run inside a copy: nothing on the path but the copy itself, and
    no quality report (`make quality`) written from a partial run."""
    return {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONSTARTUP", "QUALITY_REPORT")}
