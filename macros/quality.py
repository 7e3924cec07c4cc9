"""The quality page: figures written by the last passing `make quality` (quality.json, committed)."""

from __future__ import annotations

import json
from pathlib import Path

FILE = Path(__file__).resolve().parent.parent / "quality.json"


def _what(entry: dict) -> str:
    text = entry.get("checks") or entry["test"].split("::")[1].removeprefix("test_").replace("_", " ")
    return text.replace("|", "\\|")


def report(lang: str) -> str:
    zh = lang == "zh"
    if not FILE.is_file():
        return ("还没有测试记录：运行 `make quality` 后这里会列出结果。" if zh else
                "No test run recorded yet: `make quality` writes the figures shown here.")
    data = json.loads(FILE.read_text(encoding="utf-8"))
    lines = []
    if zh:
        lines.append(f"最近一次完整测试：**{data['run']}**，通过 **{data['tests_passed']}** 项测试；"
                     f"属性测试一共生成并检查了 **{data['generated_cases']:,}** 组输入。")
    else:
        lines.append(f"Last full test run: **{data['run']}**: **{data['tests_passed']}** tests passed; the "
                     f"property tests generated and checked **{data['generated_cases']:,}** inputs.")
    lines += ["", "## " + ("属性测试：随机输入，检查永远成立的规律" if zh else
                           "Property tests: random inputs, rules that must always hold"), ""]
    lines += ["| " + ("测试" if zh else "test") + " | " + ("检查什么（测试说明）" if zh else "what it checks") +
              " | " + ("输入组数" if zh else "inputs tried") + " |", "| --- | --- | --- |"]
    for p in data["properties"]:
        lines.append(f"| `{p['test']}` | {_what(p)} | {p['cases']:,} |")
    lines += ["", "## " + ("浏览器测试覆盖的故障情形" if zh else "Failure modes the browser tests cover"), ""]
    lines += ["| " + ("测试" if zh else "test") + " | " + ("检查什么" if zh else "what it checks") + " |",
              "| --- | --- |"]
    for b in data["browser"]:
        lines.append(f"| `{b['test']}` | {_what(b)} |")
    lines += ["", "## " + ("各部分的测试数" if zh else "Tests by file"), ""]
    lines += ["| " + ("文件" if zh else "file") + " | " + ("通过" if zh else "passed") + " |", "| --- | --- |"]
    for name, count in data["tests_by_file"].items():
        lines.append(f"| `{name}` | {count} |")
    return "\n".join(lines) + "\n"
