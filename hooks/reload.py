"""Every build reads calculators/, macros/, sources.yml and glossary.yml as they are now.

`mkdocs serve` builds again in the same Python process after each change. Python
keeps imported modules, so before every build this hook forgets every module of
the `calculators` and `macros` packages (helpers and subpackages included); the
macros plugin then imports them afresh in dependency order, and the caches they
hold (the parsed sources.yml and glossary.yml, the package zip) start empty.
Reloading modules one by one in place would not do: a calculator reloaded
before the helper it imports from keeps the helper's old names until the next
save.

One build of this site is several mkdocs builds: the i18n plugin builds the
English pages by calling build() again with the same config. Those keep the
modules of the first, so both languages come from the same code.
"""

from __future__ import annotations

import importlib
import sys
import weakref

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

PACKAGES = ("calculators", "macros")
_last: weakref.ref[MkDocsConfig] | None = None  # the config of the build that last imported them


def forget(packages: tuple[str, ...] = PACKAGES) -> list[str]:
    """Drop ``packages`` and all their submodules from ``sys.modules``; return their names."""
    names = [name for name in sys.modules if name.partition(".")[0] in packages]
    for name in names:
        del sys.modules[name]
    importlib.invalidate_caches()  # a module file added since the last build is found
    return names


@event_priority(100)  # before the macros plugin's on_config imports macros/ (priority 0)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _last
    if _last is None or _last() is not config:  # a new build, not a language of the same one
        forget()
        _last = weakref.ref(config)
    return config
