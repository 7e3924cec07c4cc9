"""The page's words and HTML for the "what do I do now" checklist: ``render(result, lang)``.

An ordered list: each step says what to do, its last day and the rule that sets
it when the law sets one (with the days left, or a warning once it has passed),
and links to the page, calculator or letter that does it.
"""

from __future__ import annotations

from .. import wording
from ..checklist import DEADLINES, Result, Step, to_dict
from . import html as ui
from . import next_steps

# step key -> (title zh, title en, what to do zh, what to do en, destination key)
STEPS: dict[str, tuple[str, str, str, str, str]] = {
    "report_threats": (
        "有人威胁你或骚扰家人：先保证安全，留证据，报警或投诉",
        "Threats, or calls to your family: stay safe, keep evidence, report it",
        "威胁人身安全的，打 110。录音、截图、记下号码和时间；骚扰电话短信可以打 12321 举报。",
        "If anyone threatens your safety, call 110. Record calls, take screenshots, note numbers and "
        "times; report harassing calls and texts to 12321.",
        "complaint"),
    "object_payment_order": (
        "对支付令有异议：在期限内向法院书面提出",
        "If you dispute the payment order: object to the court in writing in time",
        "口头异议无效；只说没钱还、要延期，不影响支付令的效力。写清楚对欠款金额、利息、费用的具体异议。",
        "Spoken objections do not count, and saying only that you cannot pay does not stop the order. "
        "Say exactly which amounts, interest or charges you dispute.",
        "payment_order"),
    "answer_lawsuit": (
        "被起诉了：在答辩期内答辩，核对对方主张的金额",
        "Sued: answer within the period, and check the amounts claimed",
        "答辩期内还可以提出管辖异议（《民事诉讼法》第一百三十条）。不理会，法院可以缺席判决。",
        "You can also object to the court's jurisdiction within the same period (Civil Procedure Law "
        "art. 130). If you ignore it, the court can decide without you.",
        "sued"),
    "verify_case": (
        "先确认案子是真的：打 12368 或上人民法院在线服务核对案号",
        "First check that the case is real: call 12368 or look up the case number online",
        "假冒的“法院短信”“律师函”很常见。用法院官方渠道核对，不要拨打短信里的号码。",
        "Fake court texts and lawyers' letters are common. Check through the court's own channels, "
        "not the number in the message.",
        "sued"),
    "consider_appeal": (
        "不服一审判决：在期限内上诉",
        "If you disagree with the judgment: appeal in time",
        "上诉状交给作出判决的法院。判决生效后不履行，对方可以申请强制执行。",
        "File the appeal with the court that gave the judgment. Once it takes effect, the other side "
        "can ask for enforcement.",
        "sued"),
    "challenge_award": (
        "仲裁裁决有问题：在期限内向法院申请撤销",
        "A flawed arbitration award: ask the court to set it aside in time",
        "只能以法律规定的理由申请撤销，例如没有仲裁协议、程序违法。先找法律援助问一问。",
        "Only the grounds the law lists count, such as no arbitration agreement or a flawed procedure. "
        "Ask legal aid first.",
        "arbitration"),
    "check_arbitration": (
        "收到仲裁通知：确认有没有签过仲裁协议，按通知的期限答辩",
        "A notice of arbitration: check whether you agreed to arbitration, and answer in time",
        "对仲裁协议效力的异议，要在首次开庭前提出。",
        "An objection to the arbitration agreement must be raised before the first hearing.",
        "arbitration"),
    "talk_to_enforcement": (
        "账户被冻结或收到执行通知：联系执行法官，谈执行和解",
        "A frozen account or an enforcement notice: contact the enforcement judge and ask about a settlement",
        "法院扣收入、查封财产时，要给你和家人留下生活必需的费用。",
        "When a court takes income or property, it must leave what you and your family need to live on.",
        "enforcement"),
    "report_assets": (
        "按法院要求如实报告财产",
        "Report your assets to the court truthfully when asked",
        "拒不报告或者虚假报告，可能被罚款、拘留，或者被列为失信被执行人。",
        "Refusing or reporting falsely can lead to fines, detention or the defaulter list.",
        "enforcement"),
    "credit_card_contact": (
        "信用卡：联系发卡银行，申请个性化分期",
        "Credit card: contact the bank and ask for a personalised instalment plan",
        "《商业银行信用卡业务监督管理办法》第七十条允许银行和还款困难的持卡人协商分期。",
        "Article 70 of the credit-card rules lets banks agree instalments with cardholders in hardship.",
        "credit_card"),
    "talk_before_due": (
        "还没逾期：在还款日之前联系平台，说明情况",
        "Not overdue yet: contact the lender before the due date",
        "逾期之前谈，选择最多：延期、分期、降低每期金额。",
        "Talking before you miss a payment leaves the most choices: more time, instalments, smaller payments.",
        "negotiate"),
    "negotiate_shortfall": (
        "每月的钱不够最低还款：算清差多少，和平台协商",
        "Your money does not cover the minimums: work out the gap and negotiate",
        "先留够吃饭、房租、交通，再用协商方案计算器比较分期、延期。",
        "Keep enough for food, rent and travel first, then compare instalments and extensions.",
        "negotiation_calc"),
    "plan_payoff": (
        "做一个还款计划：先还哪一笔，何时还清",
        "Make a repayment plan: which debt first, and when you are clear",
        "每笔先还最低还款，多出来的钱集中还一笔。",
        "Pay every minimum, then put what is left on one debt at a time.",
        "payoff_calc"),
    "private_loan_cap": (
        "向个人借的钱：看看利息有没有超过法院支持的上限",
        "Money owed to a private person: check the interest against the court cap",
        "民间借贷的利息，法院只支持到合同成立时一年期 LPR 的 4 倍。",
        "In private lending courts support interest only up to 4 times the one-year LPR at the contract date.",
        "illegal_lending"),
    "check_charges": (
        "核对利息和费用有没有超线",
        "Check whether the interest and charges are over the line",
        "把所有利息、罚息、违约金、服务费算成年化利率，和法院支持的上限比一比。",
        "Turn all interest, penalties and fees into a yearly rate and compare it with the court line.",
        "apr_calc"),
    "check_credit_report": (
        "查一次自己的信用报告，记录有错就提出异议",
        "Check your credit report once, and dispute anything wrong",
        "通过中国人民银行征信中心或银行渠道免费查询。",
        "Free through the central bank's credit reference centre or your bank.",
        "credit_dispute"),
    "keep_records": (
        "每一次联系都留记录",
        "Keep a record of every contact",
        "电话录音、聊天截图、还款凭证、协商结果都保存好，写下日期。",
        "Keep call recordings, screenshots, receipts and what was agreed, with dates.",
        "keep_records"),
}

# dated steps -> (the period in words, the rule) in zh and en
PERIODS: dict[str, tuple[str, str, str, str]] = {
    "object_payment_order": ("15 日内", "within 15 days",
                             "《民事诉讼法》第二百二十七条", "Civil Procedure Law art. 227"),
    "answer_lawsuit": ("15 日内", "within 15 days",
                       "《民事诉讼法》第一百二十八条", "Civil Procedure Law art. 128"),
    "consider_appeal": ("15 日内", "within 15 days",
                        "《民事诉讼法》第一百七十一条", "Civil Procedure Law art. 171"),
    "challenge_award": ("3 个月内", "within 3 months",
                        "《仲裁法》2025 年修订后的期限，据律师事务所解读；旧文本第五十九条为 6 个月，按更短的算",
                        "the Arbitration Law as revised in 2025, as lawyers read it; the old art. 59 gave "
                        "6 months: the shorter period is used"),
}
assert {key for key, _, _ in DEADLINES.values()} == set(PERIODS)

COUNTING = ("收到的当天不算，从第二天算起（《民事诉讼法》第八十五条）。期限最后一天是法定节假日的，顺延到节后第一天，"
            "但不要等到那一天。",
            "The day you received them does not count; the period starts the next day (Civil Procedure "
            "Law art. 85). If the last day is a public holiday it moves to the next working day, but do "
            "not wait for that.")


def title(key: str, lang: str) -> str:
    zh, en, *_ = STEPS[key]
    return ui.t(lang, zh, en)


def deadline_text(step: Step, lang: str) -> str:
    """``最后一天：2026年12月5日（15 日内，《民事诉讼法》第二百二十七条）``."""
    period_zh, period_en, rule_zh, rule_en = PERIODS[step.key]
    day = wording.date(step.deadline, lang)
    if lang == "zh":
        return f"最后一天：{day}（{period_zh}，{rule_zh}）"
    return f"Last day: {day} ({period_en}, {rule_en})"


def days_left_text(step: Step, lang: str) -> tuple[str, bool]:
    """The days left in words, and whether the deadline has passed."""
    left = step.days_left
    if left is None:
        return "", False
    if left < 0:
        late = wording.count(-left, "day", lang)
        return ui.t(lang, f"期限已经过了 {late}。可能还有补救办法：马上打 12348 法律援助热线问一问。",
                    f"The deadline passed {late} ago. There may still be something you can do: call the "
                    "12348 legal-aid line now."), True
    if left == 0:
        return ui.t(lang, "今天是最后一天。", "Today is the last day."), False
    return ui.t(lang, f"还剩 {wording.count(left, 'day', lang)}。", f"{wording.count(left, 'day', lang)} left."), False


def _step(step: Step, lang: str) -> str:
    _, _, zh_do, en_do, dest = STEPS[step.key]
    parts = [f'<p class="calc-step-title"><strong>{ui.esc(title(step.key, lang))}</strong></p>']
    if step.deadline is not None:
        left, passed = days_left_text(step, lang)
        cls = "calc-step-deadline calc-step-passed" if passed else "calc-step-deadline"
        role = ' role="alert"' if passed else ""
        parts.append(f'<p class="{cls}"{role} data-deadline="{step.deadline.isoformat()}" '
                     f'data-days-left="{step.days_left}">{ui.esc(deadline_text(step, lang))} '
                     f"{ui.esc(left)}</p>")
    parts.append(f"<p>{ui.esc(ui.t(lang, zh_do, en_do))}</p>")
    href, words = next_steps.link(dest, lang)
    more = ui.t(lang, "怎么做：", "How: ")
    parts.append(f'<p class="calc-step-link">{ui.esc(more)}<a href="{ui.esc(href)}" data-step="{ui.esc(dest)}">'
                 f"{ui.esc(words)}</a></p>")
    return f'<li data-step-key="{ui.esc(step.key)}">{"".join(parts)}</li>'


def render(result: Result, lang: str, data: dict | None = None) -> str:
    """The checklist as an HTML fragment in the reader's language."""
    d = data if data is not None else to_dict(result)
    dated = [s for s in result.steps if s.deadline is not None]
    items = [ui.figure("count", ui.t(lang, "要做的事", "Steps"), str(d["count"]),
                       ui.t(lang, f"{len(result.steps)} 项，按先后排列", f"{len(result.steps)}, in order"))]
    if dated:
        first = dated[0]
        items.append(ui.figure("first_deadline", ui.t(lang, "最早的期限", "Earliest deadline"),
                               d["first_deadline"], wording.date(first.deadline, lang),
                               days_left_text(first, lang)[0]))
    if result.shortfall is not None:
        items.append(ui.figure("shortfall", ui.t(lang, "每月差多少", "Short each month"), d["shortfall"],
                               wording.money(result.shortfall, lang)))
    steps = "".join(_step(s, lang) for s in result.steps)
    explain = []
    if dated:
        explain.append(ui.t(lang, *COUNTING))
        explain.append(ui.t(lang, f"按 {wording.date(result.today, 'zh')} 计算还剩几天。",
                            f"Days left are counted from {wording.date(result.today, 'en')}."))
    explain.append(ui.t(lang, "这份清单是一般性的信息，不是法律意见。拿不准的，打 12348 公共法律服务热线免费咨询。",
                        "This checklist is general information, not legal advice. If unsure, call the free "
                        "12348 public legal-service line."))
    return ui.result(
        lang,
        ui.figures(items),
        f'<ol class="calc-checklist">{steps}</ol>',
        ui.notes(explain),
    )
