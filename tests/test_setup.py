"""`make setup` on a machine where an earlier set-up was cut short (issue 1's two commands: each
sets up what it needs itself)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_a_virtual_environment_made_halfway_is_made_again(tmp_path):
    """Ctrl-C while `python -m venv` runs leaves .venv/bin/python without pip; the next `make serve`
    or `make test` used to stop at "No module named pip". The Makefile's own Python rule, run on a
    copy with an empty lock, makes the environment again and installs into it."""
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    (tmp_path / "requirements.lock").write_text("", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", ".venv"], cwd=tmp_path, check=True, timeout=120)
    broken = subprocess.run([".venv/bin/python", "-m", "pip", "--version"], cwd=tmp_path, capture_output=True,
                            timeout=60)
    assert broken.returncode != 0  # the state the rule must mend

    made = subprocess.run(["make", "--no-print-directory", ".venv/.installed-from-lock", f"PYTHON={sys.executable}"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stdout + made.stderr
    assert subprocess.run([".venv/bin/python", "-m", "pip", "--version"], cwd=tmp_path, capture_output=True,
                          timeout=60).returncode == 0
    assert (tmp_path / ".venv" / ".installed-from-lock").exists()
