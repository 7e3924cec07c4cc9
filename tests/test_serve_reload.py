"""`make serve` shows an edit on the first rebuild: to any module of calculators/
(a helper such as money.py, a module in a subpackage) and to sources.yml and
glossary.yml.

`mkdocs serve` keeps one Python process: on every change it loads the config
again and builds again (mkdocs/commands/serve.py, `builder`). The test does the
same in a child process on a copy of the project, so that nothing it edits is
the real tree: build, edit, build, and compare what the two builds wrote.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT

COPY = ("mkdocs.yml", "docs", "overrides", "calculators", "macros", "hooks", "tools",
        "glossary.yml", "sources.yml", "search_terms.txt", "search_intents.yml")

# What `mkdocs serve` does, minus the web server and the file watcher: one
# process, on_startup once, then a fresh config and a build per change.
SERVE_LIKE = r"""
import json, shutil, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

site, edits, keep = Path(sys.argv[1]), json.loads(sys.argv[2]), json.loads(sys.argv[3])
serve_url = "http://127.0.0.1:8000/"

def get_config():
    config = load_config("mkdocs.yml", site_dir=str(site))
    config.site_url = serve_url
    return config

def build_and_keep(n, config):
    build(config, serve_url=serve_url)
    for page in keep:
        target = Path(f"build{n}", page)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(site / page, target)

config = get_config()
config.plugins.on_startup(command="serve", dirty=False)
build_and_keep(1, config)
for path, old, new in edits:  # the editor saves once
    text = Path(path).read_text(encoding="utf-8")
    assert old in text, (path, old)
    Path(path).write_text(text.replace(old, new, 1), encoding="utf-8")
build_and_keep(2, get_config())
"""

PROBE_PAGE = "reload-probe/index.html"
REGULATIONS = "reference/regulations/index.html"
GLOSSARY = "reference/glossary/index.html"


def _copy_project(tmp: Path) -> None:
    for name in COPY:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, tmp / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.is_file():
            shutil.copy(src, tmp / name)
    (tmp / "node_modules").symlink_to(ROOT / "node_modules")  # the Pyodide files the build copies
    # the runtime files an earlier build made (the wasm's .gz: zopfli, about 11 s), as tools/sw_update.py does
    (ROOT / ".cache").mkdir(exist_ok=True)
    (tmp / ".cache").symlink_to(ROOT / ".cache")


def _first_value(path: Path, key: str) -> str:
    """The text of the first entry's ``key`` in a list-of-mappings YAML file."""
    return str(yaml.safe_load(path.read_text(encoding="utf-8"))[0][key])


def test_one_rebuild_shows_edits_to_helpers_subpackages_sources_and_glossary(tmp_path):
    _copy_project(tmp_path)
    calc = tmp_path / "calculators"
    # A helper that sorts after the calculator importing it (money > affordability),
    # and a module in a subpackage: the shapes that showed one save late.
    with (calc / "money.py").open("a", encoding="utf-8") as f:
        f.write("\nRELOAD_PROBE = 314159\n")
    (calc / "zz_probe").mkdir()
    (calc / "zz_probe" / "__init__.py").write_text("", encoding="utf-8")
    (calc / "zz_probe" / "values.py").write_text("SUB_PROBE = 161803\n", encoding="utf-8")
    with (calc / "affordability.py").open("a", encoding="utf-8") as f:
        f.write("\nfrom .money import RELOAD_PROBE  # noqa: E402\n"
                "from .zz_probe.values import SUB_PROBE  # noqa: E402\n")
    (tmp_path / "docs" / "reload-probe.md").write_text(
        "# probe\n\nmoney {{ setting('affordability', 'RELOAD_PROBE') }}\n\n"
        "sub {{ setting('affordability', 'SUB_PROBE') }}\n", encoding="utf-8")

    source_name = _first_value(tmp_path / "sources.yml", "zh")
    definition = _first_value(tmp_path / "glossary.yml", "zh_def")
    edits = [
        ["calculators/money.py", "RELOAD_PROBE = 314159", "RELOAD_PROBE = 271828"],
        ["calculators/zz_probe/values.py", "SUB_PROBE = 161803", "SUB_PROBE = 141421"],
        ["sources.yml", source_name, source_name + "重载甲"],
        ["glossary.yml", definition, definition + "重载乙"],
    ]
    keep = [PROBE_PAGE, REGULATIONS, GLOSSARY]
    proc = subprocess.run(
        [sys.executable, "-c", SERVE_LIKE, str(tmp_path / "site"), json.dumps(edits), json.dumps(keep)],
        cwd=tmp_path, capture_output=True, text=True, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert proc.returncode == 0, proc.stderr[-3000:]

    def shown(build: int, page: str) -> str:
        html = (tmp_path / f"build{build}" / page).read_text(encoding="utf-8")
        return re.sub(r"<[^>]+>", "", html)

    # Before the edit: the probes are on the page (so the test can see a change).
    assert "money 314159" in shown(1, PROBE_PAGE)
    assert "sub 161803" in shown(1, PROBE_PAGE)
    assert "重载甲" not in shown(1, REGULATIONS)
    assert "重载乙" not in shown(1, GLOSSARY)
    # After one save and one rebuild: every edit is there.
    missing = [what for what, page, text in (
        ("calculators/money.py (a helper)", PROBE_PAGE, "money 271828"),
        ("calculators/zz_probe/values.py (a subpackage)", PROBE_PAGE, "sub 141421"),
        ("sources.yml", REGULATIONS, "重载甲"),
        ("glossary.yml", GLOSSARY, "重载乙"),
    ) if text not in shown(2, page)]
    assert not missing, f"edits not shown after the first rebuild: {missing}"

def test_serve_watches_code_hooks_and_data():
    """`make serve` rebuilds on a change to the code and data files the build reads."""
    from mkdocs.config import (
        load_config,  # reads mkdocs.yml as `make serve` does (!ENV tags included)
    )

    watched = {Path(p).name for p in load_config(str(ROOT / "mkdocs.yml")).watch}
    assert {"calculators", "macros", "hooks", "overrides", "glossary.yml", "sources.yml"} <= watched
