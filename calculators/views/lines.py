"""The sentences that place a yearly rate against the cost lines of ``lines.py``."""

from __future__ import annotations

import datetime
from decimal import Decimal

from .. import figures, wording
from ..lines import Line, entry
from ..money import percent_text
from . import links


def label(line: Line, lang: str) -> str:
    if line.name == "judicial_cap":
        return "民间借贷司法保护上限" if lang == "zh" else "the private-lending cap"
    if line.name == "rule_2015":
        return "2015 年民间借贷规定的年化 24% 线" if lang == "zh" else "the 2015 private-lending rule's 24% line"
    key = line.name.removeprefix("line_")
    return f"年化 {key}% 线" if lang == "zh" else f"the {key}% line"


def detail(line: Line, lang: str) -> str:
    """The LPR a cap is 4 times, and its day; with the newest LPR the figures file holds, the day that
    series was last checked (a change announced since then would move the line)."""
    if line.lpr is None or line.lpr_day is None:
        return ""
    lpr, day = percent_text(line.lpr), wording.date(line.lpr_day, lang)
    if line.at_filing:
        if lang == "zh":
            text = f"如果今天起诉：{day} 起执行的一年期 LPR {lpr}% 的 4 倍"
        else:
            text = f"if the suit were filed today: 4 × the one-year LPR of {lpr}% in force from {day}"
    elif lang == "zh":
        text = f"即 {day} 起执行的一年期 LPR {lpr}% 的 4 倍"
    else:
        text = f"4 × the one-year LPR of {lpr}% in force from {day}"
    return text + checked_note(line.lpr_day, lang)


def checked_note(lpr_day: datetime.date, lang: str) -> str:
    """"" for an LPR later replaced in the series; for the newest one, the day the series was last
    checked against the announcements (figures.toml ``[lpr_one_year] checked``)."""
    if lpr_day != figures.latest_lpr()[0]:
        return ""
    checked = wording.date(figures.entry("lpr_one_year")["checked"], lang)
    if lang == "zh":
        return f"；本站的 LPR 数据核对到 {checked}，之后如果 LPR 有调整，这条线也会变"
    return f"; our LPR figures were last checked on {checked}, and a change announced since would move this line"


def _where_2015(rate: Decimal, line: Line, lang: str) -> str:
    """Where ``rate`` stands under the 2015 rule: within 24%, between 24% and 36%, or above 36%."""
    shown, low, high = percent_text(rate), percent_text(line.rate), percent_text(line.void_rate)
    if line.void_above:
        return f"{shown}% 高于 {high}%" if lang == "zh" else f"{shown}% is above {high}%"
    if line.above:
        return (f"{shown}% 高于 {low}%、没有超过 {high}%" if lang == "zh" else
                f"{shown}% is above {low}% but not above {high}%")
    return f"{shown}% 没有超过 {low}%" if lang == "zh" else f"{shown}% is not above {low}%"


def rule_2015_text(rate: Decimal, line: Line, lang: str) -> str:
    """The 2015 rule for the interest up to 2020-08-19, and where ``rate`` stands (no final stop)."""
    until = wording.date(line.until, lang)
    low, high = percent_text(line.rate), percent_text(line.void_rate)
    if lang == "zh":
        return (f"到 {until} 为止的利息，可以按当时的规定算（法释〔2015〕18号第二十六条）：年利率 {low}% 以内法院支持，"
                f"约定超过年利率 {high}% 的部分无效，已经付了的可以要求返还：{_where_2015(rate, line, lang)}")
    return (f"interest up to {until} may follow the rule of the time (Fa Shi [2015] No. 18, art. 26): courts "
            f"support up to {low}% a year, interest agreed above {high}% a year is void and, if paid, can be "
            f"claimed back: {_where_2015(rate, line, lang)}")


def _where(line: Line, lang: str) -> str:
    if lang == "zh":
        return "高于" if line.above else "没有超过"
    return "above" if line.above else "not above"


def verdict(rate: Decimal, lines: list[Line], lender: str, lang: str) -> str:
    """ONE sentence: the rule that applies to this kind of lender, and where ``rate`` stands against it.
    The rules as docs/guides/overdue-costs.md states them ("利率多高算超线？先看借钱给你的是谁")."""
    shown = percent_text(rate)
    by_name = {x.name: x for x in lines}
    line_24 = by_name["line_24"]
    r24 = percent_text(line_24.rate)
    zh24 = f"{shown}% {_where(line_24, 'zh')} {r24}%"
    en24 = f"{shown}% is {_where(line_24, 'en')} {r24}%"
    if lender in ("bank", "consumer_finance"):
        who_zh, who_en = ("银行", "a bank's") if lender == "bank" else ("消费金融公司", "a consumer-finance company's")
        if lang == "zh":
            return (f"{who_zh}的贷款打官司时，利息、罚息、违约金和其他费用加起来超过年化 {r24}% 的部分，你可以请求法院调减"
                    f"（法发〔2017〕22号第二条）：{zh24}。")
        return (f"In a lawsuit over {who_en} loan, you can ask the court to cut interest, penalty interest, late "
                f"fees and other charges together above {r24}% a year (Fa Fa [2017] No. 22, art. 2): {en24}.")
    if lender == "micro_loan":
        if lang == "zh":
            return (f"据 2025 年 12 月的报道，小额贷款公司（包括网络小贷）不得再新发综合融资成本超过年化 {r24}% 的贷款，"
                    f"打官司时法院也可以调减超过 {r24}% 的部分（法发〔2017〕22号第二条）：{zh24}。")
        return (f"As reported in December 2025, micro-loan companies (online ones included) may make no new loans "
                f"costing more than {r24}% a year in all, and in a lawsuit the court can cut what is above {r24}% "
                f"(Fa Fa [2017] No. 22, art. 2): {en24}.")
    if lender == "private":
        cap = by_name["judicial_cap"]
        more = detail(cap, lang)
        old = by_name.get("rule_2015")
        if old is not None:  # a contract before 2020-08-20: two parts (法释〔2020〕17号第三十一条)
            since = wording.date(cap.since, lang)
            if lang == "zh":
                return (f"个人或一般公司借给你的是民间借贷。{since}以前签的合同，利息分两段看（法释〔2020〕17号第三十一条）："
                        f"{rule_2015_text(rate, old, lang)}；从 {since} 起的利息，按起诉时一年期 LPR 的 4 倍算，"
                        f"即 {percent_text(cap.rate)}%（{more}）：{shown}% {_where(cap, 'zh')}这条线，超过的部分法院不支持。")
            return (f"Money lent by a private person or an ordinary company is private lending. For a contract made "
                    f"before {since} the interest is taken in two parts (Fa Shi [2020] No. 17, art. 31): "
                    f"{rule_2015_text(rate, old, lang)}; interest from {since} on is capped at 4 × the one-year LPR "
                    f"when the suit is filed, that is {percent_text(cap.rate)}% ({more}): {shown}% is "
                    f"{_where(cap, 'en')} that line, and courts do not support the part above it.")
        if lang == "zh":
            return (f"个人或一般公司借给你的是民间借贷，法院支持的利率最高是签合同时一年期 LPR 的 4 倍"
                    f"（法释〔2020〕17号第二十五条），即 {percent_text(cap.rate)}%（{more}）：{shown}% {_where(cap, 'zh')}"
                    "这条线，超过的部分法院不支持。")
        return (f"Money lent by a private person or an ordinary company is private lending, and courts support "
                f"interest up to 4 × the one-year LPR when the contract was made (Fa Shi [2020] No. 17, art. 25), "
                f"that is {percent_text(cap.rate)}% ({more}): {shown}% is {_where(cap, 'en')} that line, and courts "
                "do not support the part above it.")
    if lender == "unlicensed":
        if lang == "zh":
            return ("没有放贷资格的人或公司以营利为目的向社会不特定对象放贷，是非法放贷，法院应当认定借款合同无效"
                    f"（法释〔2020〕17号第十三条），不管利率是 {shown}% 还是更低；约定的利息和费用法院不支持，"
                    "实际到手的本金一般仍要还。")
        return ("Lending for profit to the public without a licence is illegal lending, and courts hold the loan "
                f"contract void (Fa Shi [2020] No. 17, art. 13), whether the rate is {shown}% or lower; the interest "
                "and fees agreed get no support, though the principal you actually received is usually still owed.")
    raise ValueError(lender)


def explain(rate: Decimal, lines: list[Line], lang: str, lender: str | None = None) -> list[str]:
    """With a lender type: the one sentence that applies (``verdict``), then the other lines as context.
    Without one: the rates without a verdict, and the question who lent. The 36% line is history
    (issue 11): always context, never above or below."""
    shown = percent_text(rate)
    out = []
    if lender is None:
        out.append(
            f"这笔借款年化约 {shown}%。哪条线管它，要看是谁借给你的：在“谁借给你的”里选一项，就能看到适用的规则。"
            if lang == "zh" else
            f"This loan costs about {shown}% a year. Which line applies depends on who lent: choose one under "
            "“Who lent you the money” to see the rule that applies.")
    else:
        out.append(verdict(rate, lines, lender, lang))
        if lender == "bank":
            out.append("如果是银行和互联网平台合作放的贷款（助贷），金规〔2025〕9号（2025-10-01 起）还要求把平台服务费、"
                       "担保等增信费用都算进你的综合融资成本。" if lang == "zh" else
                       "If the bank lent through an internet platform (助贷), Jin Gui [2025] No. 9 (from 2025-10-01) "
                       "also counts the platform's and guarantors' fees in your total cost.")
        if lender == "consumer_finance":
            out.append("我们没有找到为消费金融公司单独规定综合成本上限数字的公开文件。" if lang == "zh" else
                       "We found no public document that sets a separate cost limit for consumer-finance companies.")
    for x in lines:
        if x.applies:
            continue
        if x.name == "rule_2015":
            text, since = rule_2015_text(rate, x, lang), wording.date(x.until + datetime.timedelta(days=1), lang)
            out.append(f"作为对照：{since}以前签的民间借贷合同，{text}。" if lang == "zh" else
                       f"For comparison: for a private loan made before {since}, {text}.")
            continue
        binds = entry(x)[f"binds_{lang if lang == 'zh' else 'en'}"]
        if x.name == "line_36":
            out.append(f"作为对照：{binds}。" if lang == "zh" else f"For comparison: {binds}.")
            continue
        more = detail(x, lang)
        if lang == "zh":
            more = f"（{more}）" if more else ""
            out.append(f"作为对照：{label(x, lang)} {percent_text(x.rate)}%{more}。{binds}。")
        else:
            more = f" ({more})" if more else ""
            out.append(f"For comparison: {label(x, lang)} of {percent_text(x.rate)}%{more}. {binds}.")
    return out


def lender_links(lender: str | None, lang: str) -> str:
    """For unlicensed lending, the link to the site's guide on it (an HTML paragraph), else nothing."""
    if lender != "unlicensed":
        return ""
    return links.paragraph("怎么查放贷方有没有牌照、非法放贷怎么应对：" if lang == "zh" else
                           "How to check a lender's licence, and what to do about illegal lending:",
                           [("illegal-lending", "非法放贷" if lang == "zh" else "Illegal lending")])
