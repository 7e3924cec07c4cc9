"""The text and page of hardship-statement (困难情况说明和收支表): a statement and a budget a lender can read."""

from __future__ import annotations

from .. import wording
from ..letters_hardship import ESSENTIALS, INCOME, MAX_DEBTS, SLUG, TITLE, Result
from . import letters as L
from .letters import fill


def _line(label_zh: str, label_en: str, value) -> tuple[str, str]:
    return f"{label_zh}：{L.money_zh(value).strip()}", f"{label_en}: {L.money_en(value)}"


def paragraphs(result: Result) -> list[L.Paragraph]:
    i = result.inputs
    out: list[L.Paragraph] = [(TITLE["zh"], "Hardship statement with income and spending"),
                              (f"致：{fill(i.to)}", f"To: {fill(i.to)}")]
    household = f"，家里 {i.household} 口人靠这份收入生活" if i.household else ""
    household_en = ((f"; {wording.count(i.household, 'person', 'en')} "
                     f"{'lives' if i.household == 1 else 'live'} on this income") if i.household else "")
    cause = L.cause_pair(i.cause, i.cause_detail)
    out.append((
        f"我是{fill(i.name)}{household}。{cause[0]}下面是我每月的收入和必要开支，供贵方了解我的还款能力。",
        f"I am {fill(i.name)}{household_en}. {cause[1]} Below are my monthly income and essential spending, so "
        "that you can see what I am able to repay.",
    ))

    def block(head: tuple[str, str], lines: list[tuple[str, str]], total: tuple[str, str]) -> L.Paragraph:
        return ("\n".join([head[0], *(z for z, _ in lines), total[0]]),
                "\n".join([head[1], *(e for _, e in lines), total[1]]))

    income = [_line(zh, en, getattr(i, n)) for n, zh, en in INCOME]
    out.append(block(("一、每月收入", "1. Monthly income"), income,
                     _line("收入合计", "Total income", result.income)))
    spend = [_line(zh, en, getattr(i, n)) for n, zh, en in ESSENTIALS]
    out.append(block(("二、每月必要开支", "2. Monthly essential spending"), spend,
                     _line("必要开支合计", "Total essential spending", result.essentials)))
    debts = []
    for n in range(1, MAX_DEBTS + 1):
        name, monthly = getattr(i, f"debt{n}_name"), getattr(i, f"debt{n}_monthly")
        if n > 1 and name is None and monthly is None:
            continue
        debts.append(_line(fill(name), fill(name), monthly))
    out.append(block(("三、其他欠款每月要还", "3. Other debts, monthly payments"), debts,
                     _line("其他欠款合计", "Total other debts", result.debts)))
    left = result.left
    if left is not None and left < 0:
        out.append((f"四、每月缺口：{L.money_zh(-left).strip()}（收入不够支付必要开支和其他欠款）",
                    f"4. Monthly shortfall: {L.money_en(-left)} (income does not cover essentials and other "
                    "debts)"))
        offer = ("眼下我每月没有余钱还款，请求贵方暂缓催收，给我一段时间恢复收入，再商量还款办法。",
                 "At present I have nothing left each month to repay; I ask you to pause collection and give me "
                 "time to recover my income before we agree a way to repay.")
    else:
        out.append((f"四、每月剩余（收入 − 必要开支 − 其他欠款）：{L.money_zh(left).strip()}",
                    f"4. Left each month (income − essentials − other debts): {L.money_en(left)}"))
        offer = (f"我每月最多能拿出{L.money_zh(left)}还款，请求按这个金额和我商量还款方案。",
                 f"The most I can pay each month is {L.money_en(left)}; I ask to agree a repayment plan on that "
                 "basis.")
    out.append(offer)
    out.append(("以上情况属实，可以提供工资条、银行流水、病历等材料证明。",
                "The above is true; I can provide payslips, bank statements, medical records or other proof."))
    out.append(L.RESERVATION_NO_AMOUNTS)
    out.extend(L.signature(i.name, i.letter_date))
    return out


BEFORE = [L.PROMISE_NOTE, (
    "合计和剩余由本页按你填的数算出；空着的项不计入。金额按每月算。",
    "The totals and what is left are worked out from the figures you enter; empty lines count as nothing. "
    "All amounts are per month.",
)]  # the note above the letter

text, render = L.letter_view(SLUG, TITLE["zh"], paragraphs, BEFORE)
