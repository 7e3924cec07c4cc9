"""Where each step key leads, in words; and the "next steps" block under every result.

Every destination is a page of this site, written relative to the site's root;
calculator pages (and the guides that hold a calculator) are two folders deep
(``calculators/<slug>/``, ``en/calculators/<slug>/``), so links start ``../../``.
The built-site link checker (tests/test_content.py) follows every one.

Letters live on their own pages once they exist (``docs/letters/<name>.md``);
until a letter's page is listed in ``LETTERS`` its step leads to the guide
that covers the same ground. tests/test_next_steps.py fails when a letter's
page exists and is not listed here, or is listed without a page.

>>> link("negotiate", "en")
('../../guides/negotiate/#template', 'Ask the lender for a plan you can keep: what to ask for and a letter')
"""

from __future__ import annotations

from . import html as ui

DEPTH = "../../"

# Letters whose page exists on this site (docs/letters/<name>.md). Add a name here when its page lands.
LETTERS: frozenset[str] = frozenset({"complaint", "hardship-statement", "credit-dispute"})

# key -> (page, zh, en); a letter key's page is "letters/<name>/" with the guide as its stand-in.
DESTINATIONS: dict[str, tuple[str, str, str]] = {
    "challenge_charges": ("guides/overdue-costs/", "费用超过法院支持的上限：看看怎么要求减少",
                          "Charges above what courts support: how to ask for them to be cut"),
    "sued": ("guides/sued/", "被起诉了：答辩期、管辖和答辩里能提什么",
             "If you are sued: the time to answer and what to raise"),
    "negotiate": ("guides/negotiate/#template", "和平台协商：可以提哪些请求，还有协商信",
                  "Ask the lender for a plan you can keep: what to ask for and a letter"),
    "repayment_plan": ("guides/repayment-plan/", "做一个能坚持下去的还款计划",
                       "Make a repayment plan you can keep to"),
    "credit_report": ("guides/credit-report/", "逾期记录怎么看、多久消失",
                      "How to read your credit report and when records go"),
    "get_help": ("guides/get-help/", "免费求助：12348 法律援助和监管热线",
                 "Free help: the 12348 legal-aid line and the regulators"),
    "prevent": ("guides/prevent/", "每月的钱怎么分、应急金存多少",
                "Sharing out the month's money and building a cushion"),
    "dont_borrow": ("guides/prevent/", "现在借这笔钱风险高：先看看还有什么办法",
                    "This loan looks risky now: other ways first"),
    "payment_order": ("guides/payment-order/#payment-order", "支付令：15 日内书面提出异议",
                      "A payment order: object in writing within 15 days"),
    "arbitration": ("guides/payment-order/#arbitration", "网络仲裁：怎么看、怎么应对",
                    "Online arbitration: what it is and how to respond"),
    "enforcement": ("guides/enforcement/", "账户冻结和强制执行：先做什么",
                    "Frozen accounts and enforcement: what to do first"),
    "keep_records": ("guides/negotiate/", "协商时每一步怎么留记录", "How to keep a record of each step"),
    "collection_rights": ("guides/collection-rights/", "催收越线了：留证据，按顺序投诉",
                          "Collection crossed the line: keep evidence and complain in order"),
    "credit_card": ("guides/credit-card/#personalised-instalments", "信用卡：申请个性化分期",
                    "Credit card: ask for a personalised instalment plan"),
    "illegal_lending": ("guides/illegal-lending/", "私人借款和非法放贷：法律保护哪些钱",
                        "Private and illegal lending: what the law protects"),
    "negotiation_calc": ("calculators/negotiation/", "比较协商方案：每月要还多少",
                         "Compare what to ask the lender for, month by month"),
    "payoff_calc": ("calculators/payoff/", "几笔欠款先还哪一笔、何时还清",
                    "Which debt to pay first, and when you are clear"),
    "credit_record_calc": ("calculators/credit-record/", "逾期记录什么时候消失",
                           "When the overdue record leaves your credit report"),
    "repayment_calc": ("calculators/repayment/", "算出每期还款，加到手机日历",
                       "Work out each payment and add them to your calendar"),
    "apr_calc": ("calculators/apr/", "算一算真实年化利率，和法院支持的上限比一比",
                 "Work out the true annual rate and compare it with the court line"),
    "affordability_calc": ("calculators/affordability/", "每月还款占收入多少，还借得起吗",
                           "How much of your income goes on payments"),
    "emergency_fund_calc": ("calculators/emergency-fund/", "应急金：存多少、多久存够",
                            "An emergency fund: how much and how soon"),
    "checklist_calc": ("calculators/checklist/", "我现在该做什么：按顺序的清单和期限",
                       "What do I do now: an ordered checklist with deadlines"),
    "home_and_work": ("guides/home-and-work/", "催收上门、打到单位：可以不开门，什么时候报警",
                      "Collectors at your door or your work: what to do"),
    "negotiate_in_practice": ("guides/negotiate-in-practice/", "只还本金、减免、部分还款：协商实操",
                              "Principal only, waivers, part payments: negotiating in practice"),
    "income_help": ("guides/income-help/", "没工作了、生病了：能申请的收入帮助",
                    "Lost your job or your health: income help you can apply for"),
    "court_freeze": ("guides/court-freeze/", "账户被冻结：能冻多久，怎样申请解除",
                     "A frozen account: how long it lasts and how to get it lifted"),
    "court_costs": ("guides/court-costs/", "诉讼费、律师费谁出，和解后怎么撤诉",
                    "Court and lawyer fees, and withdrawing a case after settling"),
}

# letter key -> (its page name under letters/, the key of the guide that stands in until it exists)
LETTER_PAGES: dict[str, tuple[str, str]] = {
    "complaint": ("complaint", "collection_rights"),
    "hardship": ("hardship-statement", "negotiate"),
    "credit_dispute": ("credit-dispute", "credit_report"),
}
LETTER_WORDS: dict[str, tuple[str, str]] = {
    "complaint": ("写投诉材料：按平台类型选渠道，附证据清单",
                  "Write a complaint: the right channel for your lender, with an evidence list"),
    "hardship": ("写困难情况说明和收支表，交给贷款方",
                 "Write a hardship statement with your budget for the lender"),
    "credit_dispute": ("信用记录有错：写征信异议申请",
                       "A wrong credit record: write a credit-report dispute"),
}
# what the stand-in guide is for, when the letter is not there yet
STAND_IN_WORDS: dict[str, tuple[str, str]] = {
    "complaint": ("怎么投诉：渠道、顺序和要留的证据",
                  "How to complain: the channels, the order and the evidence to keep"),
    "hardship": ("和平台协商：说明困难，可以提哪些请求",
                 "Explain your hardship to the lender: what you can ask for"),
    "credit_dispute": ("信用记录有错：怎么提出异议", "A wrong credit record: how to dispute it"),
}


def link(key: str, lang: str) -> tuple[str, str]:
    """``(href, words)`` for one step key, relative to a page two folders deep."""
    zh_en = lang == "zh"
    if key in LETTER_PAGES:
        page, stand_in = LETTER_PAGES[key]
        if page in LETTERS:
            zh, en = LETTER_WORDS[key]
            return f"{DEPTH}letters/{page}/", zh if zh_en else en
        path = DESTINATIONS[stand_in][0]
        zh, en = STAND_IN_WORDS[key]
        return f"{DEPTH}{path}", zh if zh_en else en
    path, zh, en = DESTINATIONS[key]
    return f"{DEPTH}{path}", zh if zh_en else en


def links(keys: list[str], lang: str) -> str:
    """A list of links, one per key (escaped)."""
    items = []
    for key in keys:
        href, words = link(key, lang)
        items.append(f'<li><a href="{ui.esc(href)}" data-step="{ui.esc(key)}">{ui.esc(words)}</a></li>')
    return "".join(items)


def block(keys: list[str], lang: str, calendar: str = "") -> str:
    """The block after a result: the calendar button when the plan has one, then the 2–4 next
    steps its calculator's chooser gave (``keys``, calculators/next_steps.py)."""
    if not keys:
        return calendar
    title = ui.t(lang, "接下来可以做什么", "What you can do next")
    return (f'{calendar}<nav class="calc-next" aria-label="{ui.esc(title)}" data-steps="{ui.esc(" ".join(keys))}">'
            f'<p class="calc-next-title">{ui.esc(title)}</p><ul class="calc-next-list">{links(keys, lang)}</ul></nav>')
