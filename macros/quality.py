"""The quality page: figures written by the last passing `make quality` (quality.json, committed), the
mutation score of the money and law core written by `make mutation` (mutation.json, committed), and the
dated facts of calculators/figures.toml past their re-check date on the day the page is built."""

from __future__ import annotations

import datetime as dt
import json
import statistics
from pathlib import Path

from calculators import figures
from tools import readability

FILE = Path(__file__).resolve().parent.parent / "quality.json"
MUTATION = Path(__file__).resolve().parent.parent / "mutation.json"  # written by `make mutation` (tools/mutation.py)


def _what(entry: dict) -> str:
    text = entry.get("checks") or entry["test"].split("::")[1].removeprefix("test_").replace("_", " ")
    return text.replace("|", "\\|")


def due_facts(lang: str, today: dt.date, sections: dict | None = None) -> str:
    """The facts of figures.toml whose re-check date is before ``today`` (the build passes its day)."""
    zh = lang == "zh"
    rows = figures.due(today, sections)
    sections = figures.data() if sections is None else sections
    lines = ["## " + ("到了复核日期的数据" if zh else "Facts past their re-check date"), ""]
    lines.append(f"`calculators/figures.toml` 里每项数据都记着上次核对的日期（checked）和下次复核的日期（recheck）。"
                 f"本页生成于 **{today.isoformat()}**，" if zh else
                 f"Every fact in `calculators/figures.toml` records the day it was last confirmed (checked) and the day "
                 f"to confirm it again (recheck). This page was built on **{today.isoformat()}**")
    if not rows:
        lines[-1] += ("这一天所有数据都还在复核期内。" if zh else "; on that day every fact was within its re-check date.")
        return "\n".join(lines) + "\n"
    lines[-1] += ("下面这些已经过了复核日期：网站仍按表里的数据计算，但它们还没有重新核对过。" if zh else
                  "; these were past their re-check date: the site still uses them, but they have not been "
                  "confirmed again since.")
    lines += ["", "| " + " | ".join(("数据", "来源", "上次核对", "应复核") if zh else
                                    ("fact", "source", "last confirmed", "re-check due")) + " |",
              "| --- | --- | --- | --- |"]
    for name, checked, recheck in rows:
        source = str(sections[name].get(f"source_{lang}", "")).replace("|", "\\|")
        lines.append(f"| `{name}` | {source} | {checked.isoformat()} | {recheck.isoformat()} |")
    return "\n".join(lines) + "\n"


def reading_ease(lang: str, scores: dict[str, float] | None = None) -> str:
    """Each English guide's Flesch reading ease (tools/readability.py), measured when the page is built."""
    zh = lang == "zh"
    scores = readability.guide_scores() if scores is None else scores
    median = statistics.median(scores.values())
    below = sum(score < readability.FLOOR for score in scores.values())
    lines = ["## " + ("英文页面好不好读" if zh else "How easy the English guides are to read"), ""]
    lines.append(f"英文指南的 Flesch 易读度（越高越好读，60–70 是普通成年人容易读懂的程度）："
                 f"中位数 **{median:.1f}**（目标不低于 {readability.GOAL_MEDIAN}），低于 {readability.FLOOR} 的有 "
                 f"**{below}** 页（目标 0 页）。按本页生成时的文字计算（tools/readability.py）。" if zh else
                 f"The Flesch reading ease of the English guides (higher is easier; 60-70 is plain English): median "
                 f"**{median:.1f}** (goal: at least {readability.GOAL_MEDIAN}); **{below}** below {readability.FLOOR} "
                 f"(goal: none). Measured on the text as this page was built (tools/readability.py).")
    lines += ["", "| " + ("页面" if zh else "page") + " | " + ("易读度" if zh else "reading ease") + " |", "| --- | ---: |"]
    for name, score in sorted(scores.items(), key=lambda kv: kv[1]):
        lines.append(f"| `{name}` | {score:.1f} |")
    return "\n".join(lines) + "\n"


def mutation_score(lang: str, data: dict | None = None) -> str:
    """The mutation score of the money and law core, as the last `make mutation` wrote it (mutation.json):
    killed/total per module and overall, and the day it was measured."""
    zh = lang == "zh"
    if data is None:
        data = json.loads(MUTATION.read_text(encoding="utf-8")) if MUTATION.is_file() else None
    lines = ["## " + ("变异测试：故意改错代码，测试能不能发现" if zh else
                      "Mutation testing: do the tests notice when the code is wrong?"), ""]
    if data is None:
        lines.append("还没有变异测试记录：运行 `make mutation` 后这里会列出结果。" if zh else
                     "No mutation run recorded yet: `make mutation` writes the figures shown here.")
        return "\n".join(lines) + "\n"
    share = data["killed"] / data["total"]
    missed = data["total"] - data["killed"]
    lines.append(f"工具（{data['tool']}）把计算金额和法律数字的核心代码一次改错一处（比如把 `<=` 改成 `<`、"
                 f"把 `+ 1` 改成 `- 1`），再跑一遍这些模块的测试。测量日期 **{data['measured']}**："
                 f"**{data['total']:,}** 处改动里，测试发现了 **{data['killed']:,}** 处（**{share:.1%}**，目标不低于 90%）。"
                 if zh else
                 f"A tool ({data['tool']}) changes the core code that computes money and legal figures one small edit "
                 f"at a time (`<=` into `<`, `+ 1` into `- 1`) and runs the tests of those modules each time. "
                 f"Measured on **{data['measured']}**: the tests caught **{data['killed']:,}** of **{data['total']:,}** "
                 f"changes (**{share:.1%}**; goal: at least 90%).")
    if data.get("unchecked"):
        lines[-1] += (f"这次运行在检查完所有改动之前停止了：还有 **{data['unchecked']:,}** 处没有检查，按没发现计算，"
                      f"所以实际比例不低于这个数。" if zh else
                      f" The run stopped before checking every change: **{data['unchecked']:,}** were not checked and "
                      f"count as missed, so the true share is at least this.")
    if data.get("unexplained"):
        lines[-1] += (f"没被发现的 {missed:,} 处里，还有 **{data['unexplained']:,}** 处没有解释。" if zh else
                      f" Of the {missed:,} changes they missed, **{data['unexplained']:,}** are not explained yet.")
    elif missed:
        lines[-1] += (f"没被发现的 {missed:,} 处，每一处都在 `tests/mutation-survivors.toml` 里写明了为什么它不改变任何结果。"
                      if zh else
                      f" Each of the {missed:,} changes they missed is listed in `tests/mutation-survivors.toml` with "
                      f"the reason it cannot change any result.")
    lines += ["", "| " + " | ".join(("模块", "发现", "改动数", "比例") if zh else
                                    ("module", "caught", "changes", "share")) + " |",
              "| --- | ---: | ---: | ---: |"]
    for name, m in data["modules"].items():
        lines.append(f"| `{name}` | {m['killed']:,} | {m['total']:,} | {m['killed'] / m['total']:.1%} |")
    lines.append(f"| **{'合计' if zh else 'all'}** | **{data['killed']:,}** | **{data['total']:,}** | **{share:.1%}** |")
    return "\n".join(lines) + "\n"


def report(lang: str, today: dt.date) -> str:
    zh = lang == "zh"
    due = mutation_score(lang) + "\n" + due_facts(lang, today) + "\n" + reading_ease(lang)
    if not FILE.is_file():
        return ("还没有测试记录：运行 `make quality` 后这里会列出结果。" if zh else
                "No test run recorded yet: `make quality` writes the figures shown here.") + "\n\n" + due
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
    return "\n".join(lines) + "\n\n" + due
