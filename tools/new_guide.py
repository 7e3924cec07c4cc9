"""Create a new guide as a zh/en pair with its front matter filled in.

    make new-guide slug=guides/my-topic
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"

ZH = """---
title: 标题（用读者会问的问题）
description: 一句话说明这页讲什么。
reviewed: {today}
sources:
  - 文件名称（文号，第几条，日期）
---

# 标题（用读者会问的问题）

先给答案，再解释。句子要短。

## 来源

- 文件名称（文号，第几条，日期）
"""

EN = """---
title: Title (the reader's question)
description: One sentence on what this page covers.
reviewed: {today}
sources:
  - Document name (number, article, date)
---

# Title (the reader's question)

The answer first, then why. Short sentences.

## Sources

- Document name (number, article, date)
"""


def create(slug: str, today: dt.date | None = None) -> tuple[Path, Path]:
    slug = slug.strip().strip("/").removesuffix(".md")
    if not slug or any(part in ("", ".", "..") for part in slug.split("/")):
        raise SystemExit(f"not a usable slug: {slug!r} (e.g. guides/my-topic)")
    today = today or dt.date.today()
    zh = DOCS / f"{slug}.md"
    en = DOCS / f"{slug}.en.md"
    for path in (zh, en):
        if path.exists():
            raise SystemExit(f"{path} already exists")
    zh.parent.mkdir(parents=True, exist_ok=True)
    zh.write_text(ZH.format(today=today.isoformat()), encoding="utf-8")
    en.write_text(EN.format(today=today.isoformat()), encoding="utf-8")
    return zh, en


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: make new-guide slug=guides/my-topic", file=sys.stderr)
        return 2
    zh, en = create(argv[0])
    print(f"created {zh}\ncreated {en}\nAdd the page to `nav` in mkdocs.yml (and its English title "
          "under nav_translations).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
