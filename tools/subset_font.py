"""Make the share-card font: Noto Sans CJK SC Bold cut down to what titles use.

Run once by hand (the result is committed as hooks/fonts/NotoSansSC-Bold-subset.otf,
beside its licence, OFL.txt); the build only reads it. Needs fonttools
(`.venv/bin/pip install fonttools`, a tool for this script only) and the Noto CJK
collection (Debian: fonts-noto-cjk):

    .venv/bin/python tools/subset_font.py [/path/to/NotoSansCJK-Bold.ttc]

Kept: every character of GB2312 (the 6,763 common hanzi and its symbols), ASCII,
Latin-1, general and CJK punctuation, full-width forms, and every character of
the site's page titles. tests/test_reach.py fails, naming the page and the
character, if a title ever needs one that is not here.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
FONT_NUMBER = 2  # in the collection: 0 JP, 1 KR, 2 SC, 3 TC, 4 HK
TARGET = ROOT / "hooks" / "fonts" / "NotoSansSC-Bold-subset.otf"


def gb2312() -> set[str]:
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def title_chars() -> set[str]:
    chars: set[str] = set()
    for path in (ROOT / "docs").rglob("*.md"):
        m = re.search(r"^title:\s*(.+)$", path.read_text(encoding="utf-8"), re.M)
        if m:
            chars.update(m.group(1))
    for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        chars.update(line)  # site names, nav titles and their translations
    return chars


def wanted() -> str:
    ranges = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x3000, 0x303F), (0xFF00, 0xFFEF)]
    chars = gb2312() | title_chars() | {chr(c) for lo, hi in ranges for c in range(lo, hi + 1)}
    return "".join(sorted(c for c in chars if c.isprintable() or c == " "))


def main(source: str = SOURCE) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(source, fontNumber=FONT_NUMBER)
    options = subset.Options()
    options.layout_features = ["kern", "palt", "vert", "liga"]
    options.name_IDs = ["*"]  # keep the copyright and licence names
    options.hinting = False
    options.desubroutinize = False
    sub = subset.Subsetter(options)
    sub.populate(text=wanted())
    sub.subset(font)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    font.save(TARGET)
    print(f"{TARGET.relative_to(ROOT)}: {TARGET.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(*sys.argv[1:2])
