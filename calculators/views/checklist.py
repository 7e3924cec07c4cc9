"""The page's words and HTML for the "what do I do now" checklist: ``render(result, lang)``.

An ordered list: each step says what to do, its last day (or the hearing day)
and the rule that sets it when there is one (with the days left, or a warning
once it has passed), and links to the page, calculator or letter that does it.
"""

from __future__ import annotations

from .. import wording
from ..checklist import DEADLINES, TYPED, Result, Step, to_dict
from . import html as ui
from . import next_steps

# Said wherever a reader answers a claim or a payment order: the court does not raise the time limit.
LIMITATION = (
    "最后一次还款和你最后一次答应还款都已经是三年前或更早的，可能已过诉讼时效；对方后来还在催，也一样要提："
    "三年过完以后再催，不会让时效重新开始（《民法典》第一百九十二条第一款、第一百九十五条），三年内催过的要由对方证明。"
    "法院不会主动提（第一百九十三条），要在一审答辩或开庭时自己提出，二审再提一般不支持"
    "（最高法诉讼时效规定第三条）。在这之前不要答应还款或签还款计划。",
    "If your last payment and your last promise to pay were both three or more years ago, the time limit may "
    "have run out. Raise it even if the lender has kept demanding since: a demand made after the three years "
    "ended does not restart them (Civil Code arts. 192(1), 195), and the lender must prove any demand made "
    "within them. The court will not raise it for you (art. 193). "
    "Raise it yourself in your answer or at the first-instance hearing; raising it only on appeal generally "
    "fails (SPC rules on limitation art. 3). Until then, agree to no payment or plan.",
)

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
        "口头异议无效；只说没钱还、要延期，不影响支付令的效力。写清楚对欠款金额、利息、费用的具体异议；"
        "只对其中几项提异议的，其他各项仍然有效（民诉法解释第四百三十二条）。过了诉讼时效的，也写进书面异议。",
        "Spoken objections do not count, and saying only that you cannot pay does not stop the order. "
        "Say exactly which amounts, interest or charges you dispute; if you object to only some items, the "
        "others stay in force (SPC Interpretation art. 432). If the time limit has run out, say so in your "
        "written objection too.",
        "payment_order"),
    "answer_lawsuit": (
        "收到起诉状副本：在答辩期内答辩，核对对方主张的金额",
        "A copy of the claim: answer within the period, and check the amounts claimed",
        "15 日是普通程序的答辩期。网贷案子常按简易程序或小额诉讼审理，答辩和举证的期限由法院定，"
        "小额诉讼的举证期限一般不超过 7 日（民诉法解释第二百六十六条、第二百七十五条）："
        "应诉通知书、举证通知书或传票上写的日期更早的，按更早的做。答辩期内还可以提出管辖异议"
        "（《民事诉讼法》第一百三十条）。不理会，法院可以缺席判决。" + LIMITATION[0],
        "15 days is the answer period in ordinary procedure. Online-loan cases are often heard in the "
        "simplified or small-claims procedure, where the court sets the periods, and evidence in a small "
        "claim is generally due within 7 days (SPC Interpretation of the Civil Procedure Law arts. 266, 275): "
        "if the notice to respond, the notice on evidence or the summons gives an earlier date, go by the "
        "earlier one. You can also object to the court's jurisdiction within the period (Civil Procedure Law "
        "art. 130). If you ignore it, the court can decide without you. " + LIMITATION[1],
        "sued"),
    "attend_hearing": (
        "收到传票：按时出庭，去不了就申请在线开庭",
        "A summons: go to the hearing, or ask to take part online",
        "传票定的是开庭的日子，不是答辩期。人在外地的，尽早打承办法官的电话或 12368，申请在线开庭"
        "（经当事人同意可以在线进行，《民事诉讼法》第十六条）；有正当理由来不了的，开庭前说明理由，"
        "问能不能延期（第一百四十九条）。把答辩意见和证据带上或者提前交。"
        "传票和起诉状副本一起收到的，请改选“起诉状副本”再填开庭日期：答辩和管辖异议要在收到起诉状副本后 15 日内提出"
        "（第一百二十八条、第一百三十条），可能早于开庭。" + LIMITATION[0],
        "A summons fixes the day of the hearing; it is not the answer period. If you live elsewhere, call the "
        "judge in charge or 12368 early and ask to take part online (proceedings can be online with the "
        "parties' consent, Civil Procedure Law art. 16); if you have a good reason you cannot come, say so "
        "before the hearing and ask for a new date (art. 149). Bring or send your answer and evidence. "
        "If the copy of the claim came with the summons, choose “A copy of the claim” and add the hearing date: "
        "your answer and any jurisdiction objection are due within 15 days of receiving it (arts. 128, 130), "
        "which may be before the hearing. " + LIMITATION[1],
        "sued"),
    "court_deadline": (
        "应诉通知书、举证通知书：在通知写的期限内答辩、交证据",
        "A notice from the court: answer and hand in evidence by the date it gives",
        "这是法院指定的期限（《民事诉讼法》第八十五条），按通知上的日期算，不要自己往后推。"
        "简易程序、小额诉讼的期限由法院确定（民诉法解释第二百六十六条、第二百七十五条）。"
        "举证来不及的，在举证期限届满前书面申请延长（民诉法解释第一百条）。",
        "This is a period the court set (Civil Procedure Law art. 85): go by the date on the notice, do not "
        "push it back yourself. In the simplified and small-claims procedures the court sets the periods "
        "(SPC Interpretation of the Civil Procedure Law arts. 266, 275). If you cannot get your evidence in "
        "time, ask in writing before the evidence period ends (Interpretation art. 100).",
        "sued"),
    "read_court_notice": (
        "应诉通知书、举证通知书：找到上面写的期限，按那一天做",
        "A notice from the court: find the date it gives, and act by that day",
        "期限由法院在通知上写明，这里不替你猜。把那一天填进上面的“通知书上写的期限”，清单会算出还剩几天；"
        "通知上找不到期限的，打承办法官的电话或 12368 问清楚。小额诉讼的举证期限一般不超过 7 日"
        "（民诉法解释第二百七十五条）。",
        "The court writes the period on the notice; this list does not guess it. Type that day into "
        "“Deadline written on the notice” above and the list counts the days left; if you cannot find one, "
        "ask the judge in charge or 12368. In a small claim evidence is generally due within 7 days (SPC "
        "Interpretation of the Civil Procedure Law art. 275).",
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
        "上诉状交给作出判决的法院。判决书写着“一审终审”、按小额诉讼审理的，不能上诉，请选“小额诉讼判决书”。"
        "判决生效后不履行，对方可以申请强制执行。",
        "File the appeal with the court that gave the judgment. A judgment marked 一审终审 (a small claim) "
        "cannot be appealed: choose “A small-claims judgment” instead. Once a judgment takes effect, the other "
        "side can ask for enforcement if you do not pay.",
        "sued"),
    "small_claims_retrial": (
        "小额诉讼判决不能上诉：认为判错了，向原审法院申请再审",
        "A small-claims judgment cannot be appealed: if it is wrong, ask the same court for a retrial",
        "小额诉讼一审终审（《民事诉讼法》第一百六十五条），不能上诉；判决宣判或送达后就生效。有法定的再审理由（例如新证据、"
        "没经传票传唤就缺席判决），或者案子本不该按小额诉讼审的，向原审法院申请再审（民诉法解释第四百二十四条），"
        "一般在判决生效后 6 个月内（第二百一十六条）。当庭宣判的，“收到文书的日期”请填宣判那一天，"
        "这里按它算出的日期才不会晚。申请再审不停止执行（第二百一十条）。",
        "A small claim is decided once and for all (Civil Procedure Law art. 165) and cannot be appealed; "
        "the judgment takes effect when announced or served. With a ground the law lists (new evidence, a judgment given without a summons, and "
        "others), or if the case should not have been a small claim, ask the court that decided it for a "
        "retrial (SPC Interpretation art. 424), generally within 6 months of the judgment taking effect "
        "(art. 216). If it was announced at the hearing, enter that day as the date you received it, so the "
        "date shown here is not too late. Asking does not stop enforcement (art. 210).",
        "sued"),
    "challenge_award": (
        "仲裁裁决有问题：在期限内向法院申请撤销",
        "A flawed arbitration award: ask the court to set it aside in time",
        "只能以法律规定的理由申请撤销，例如没有仲裁协议、程序违法，向仲裁委员会所在地的中级人民法院申请。"
        "撤销的理由见 2026-03-01 起施行的修订后《仲裁法》第七十一条，3 个月是第七十二条的期限"
        "（据公开转载的修订文本，非官方公报；2017 年文本第五十九条为 6 个月）。按更短的算不会晚。先找法律援助问一问。",
        "Only the grounds the law lists count, such as no arbitration agreement or a flawed procedure; apply "
        "to the intermediate court where the arbitration commission sits. The grounds are in art. 71 of the "
        "Arbitration Law as revised in force from 2026-03-01, and the 3 months in its art. 72 (as given by a "
        "publicly reprinted copy of the revised text, not the official gazette; the 2017 text's art. 59 gave 6 "
        "months). The shorter period is never too late. Ask legal aid first.",
        "arbitration"),
    "refuse_award_enforcement": (
        "执行仲裁裁决：有法定理由的，在期限内申请不予执行",
        "Enforcing an arbitration award: if the law's grounds apply, ask the court not to enforce it in time",
        "向执行法院书面申请，理由限于没有仲裁协议、超出仲裁范围、程序违法、证据伪造、对方隐瞒证据、"
        "仲裁员枉法等（《民事诉讼法》第二百四十八条）。仲裁中没提仲裁协议无效的，之后一般不能再以此为由"
        "（法释〔2006〕7号第二十七条）。",
        "Apply in writing to the enforcing court. The grounds are limited: no arbitration agreement, outside "
        "its scope, a flawed procedure, forged evidence, evidence hidden by the other side, a corrupt "
        "arbitrator and a few others (Civil Procedure Law art. 248). An invalid agreement not raised during "
        "the arbitration generally cannot be raised afterwards (Fa Shi [2006] No. 7 art. 27).",
        "arbitration"),
    "check_arbitration": (
        "收到仲裁通知：确认有没有签过仲裁协议，按通知的期限答辩",
        "A notice of arbitration: check whether you agreed to arbitration, and answer in time",
        "没有同意过仲裁的，收到通知后尽快、最晚在首次开庭前书面否认并留底；网上仲裁常常不开庭、只看书面材料，"
        "这时在仲裁通知写的答辩期限内就书面提出。修订后《仲裁法》（2026-03-01 起施行）第二十七条第三款："
        "一方主张有仲裁协议、另一方首次开庭前不否认的，经仲裁庭提示并记录，视为有仲裁协议；对仲裁协议效力的异议"
        "也要在首次开庭前提出（第三十一条第二款）。条文据公开转载的修订文本，非官方公报。答辩期限按仲裁通知上写的。"
        "最后一次还款和你最后一次答应还款都已经是三年前或更早的，在答辩里书面提出已过时效"
        "（《民法典》第一百九十八条：法律对仲裁时效没有规定的，适用诉讼时效的规定）；对方后来还在催，也一样要提："
        "三年过完以后再催，不会让时效重新开始（第一百九十二条第一款、第一百九十五条）。仲裁庭不会主动提；在这之前不要答应还款。",
        "If you never agreed to arbitration, deny it in writing as soon as possible, and at the latest before "
        "the first hearing, and keep a copy; online arbitration is often decided on the papers with no hearing, "
        "so then deny it within the answer period on the notice. Under art. 27(3) of the Arbitration Law as "
        "revised in force from 2026-03-01, if one side says there is an agreement and the other does not deny "
        "it before the first hearing, once the tribunal has pointed this out and recorded it, there is taken "
        "to be an agreement; objections to the agreement's validity also go before the first hearing (art. "
        "31(2)). These articles are from a publicly reprinted copy of the revised text, not the official "
        "gazette. Answer by the date the notice gives. If your last payment and your last promise to pay were "
        "both three or more years ago, say in your written answer that the time limit has run out (Civil Code "
        "art. 198: where the law sets no arbitration time limit, the limitation rules apply), even if the lender "
        "has kept demanding since: a demand made after the three years ended does not restart them (arts. "
        "192(1), 195). The tribunal will not raise it for you. Until then, agree to no payment.",
        "arbitration"),
    "talk_to_enforcement": (
        "账户被冻结或收到执行通知：联系执行法官，谈执行和解",
        "A frozen account or an enforcement notice: contact the enforcement judge and ask about a settlement",
        "法院扣收入、查封财产时，要给你和家人留下生活必需的费用和生活必需品（《民事诉讼法》第二百五十四条、第二百五十五条）。"
        "先问清楚冻结你账户、给你发执行通知的是哪家法院、依据哪份文书：依据是仲裁裁决的，请改选“执行仲裁裁决的执行通知书”"
        "（15 日内可以申请不予执行）；依据是公证债权文书（“赋予强制执行效力”的公证）的，收到执行通知书之日起 15 日内"
        "可以向执行法院书面申请不予执行（《最高人民法院关于公证债权文书执行若干问题的规定》第十三条）；"
        "是判决前的财产保全的，说明已经有案子在审：查清案号，按起诉状副本的期限答辩；对保全裁定不服的，"
        "裁定书送达之日起 5 日内可以申请复议（《最高人民法院关于人民法院办理财产保全案件若干问题的规定》第二十五条）。",
        "When a court takes income or property, it must leave what you and your family need to live on "
        "(Civil Procedure Law arts. 254, 255). First find out which court froze your account or sent the "
        "notice, and on which document. If it is an arbitration award, choose “An enforcement notice for an "
        "arbitration award” instead (15 days to ask the court not to enforce it). If it is a notarised debt "
        "instrument with enforcement effect, you can apply in writing to the enforcing court not to enforce it "
        "within 15 days of the enforcement notice (SPC Provisions on enforcing notarised debt instruments, art. "
        "13). If it is a freeze before judgment (preservation), a case is already under way: find the case "
        "number and answer within the period for the copy of the claim; to challenge the freezing order, ask "
        "for reconsideration within 5 days of receiving it (SPC Provisions on property preservation, art. 25).",
        "enforcement"),
    "report_assets": (
        "按法院要求如实报告财产",
        "Report your assets to the court truthfully when asked",
        "拒不报告或者虚假报告，可能被罚款、拘留，或者被列为失信被执行人。",
        "Refusing or reporting falsely can lead to fines, detention or the dishonest-debtor list.",
        "enforcement"),
    "credit_card_contact": (
        "信用卡：联系发卡银行，申请个性化分期",
        "Credit card: contact the bank and ask for a personalised instalment plan",
        "《商业银行信用卡业务监督管理办法》第七十条允许银行和还款困难的持卡人协商分期。申请分期会被看作同意还款，"
        "诉讼时效从申请时重新计算（最高法诉讼时效规定第十四条）；最后一次还款已经是三年前或更早的，先打 12348 问一问再申请。",
        "Article 70 of the credit-card rules lets banks agree instalments with cardholders in hardship. Asking "
        "for instalments counts as agreeing to pay, and the time limit starts again (SPC rules on limitation art. "
        "14); if your last payment was three or more years ago, call 12348 before you ask.",
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
        "先留够吃饭、房租、交通，再用协商方案计算器比较分期、延期。提出分期或延期，会让诉讼时效重新计算"
        "（最高法诉讼时效规定第十四条）；最后一次还款已经是三年前或更早的，先打 12348 问一问再谈。",
        "Keep enough for food, rent and travel first, then compare instalments and extensions. Asking for "
        "instalments or more time starts the time limit for suing again (SPC rules on limitation art. 14); if "
        "your last payment was three or more years ago, call 12348 before you negotiate.",
        "negotiation_calc"),
    "plan_payoff": (
        "做一个还款计划：先还哪一笔，何时还清",
        "Make a repayment plan: which debt first, and when you are clear",
        "每笔先还最低还款，多出来的钱集中还一笔。哪一笔的最后一次还款已经是三年前或更早的，先别还、也别答应还，"
        "先打 12348 问一问：诉讼时效过了以后还钱或答应还，就不能再用时效抗辩（《民法典》第一百九十二条第二款；"
        "最高法诉讼时效规定第十九条）。",
        "Pay every minimum, then put what is left on one debt at a time. For any debt whose last payment was "
        "three or more years ago, do not pay or promise to pay before calling 12348: paying or agreeing to pay "
        "after the time limit has run out means you can no longer rely on it (Civil Code art. 192(2); SPC "
        "rules on limitation art. 19).",
        "payoff_calc"),
    "private_loan_cap": (
        "向个人借的钱：看看利息有没有超过法院支持的上限",
        "Money owed to a private person: check the interest against the court cap",
        "2020 年 8 月 20 日以后签的民间借贷合同，法院只支持到合同成立时一年期 LPR 的 4 倍（法释〔2020〕17号第二十五条）；"
        "以前签的分两段：到 2020 年 8 月 19 日按当时的规定（年利率 24% 以内），之后按起诉时一年期 LPR 的 4 倍（第三十一条）。",
        "For a private loan made on or after 20 August 2020, courts support interest up to 4 times the one-year "
        "LPR at the contract date (Fa Shi [2020] No. 17 art. 25); for an older one, interest up to 19 August 2020 "
        "follows the rule of the time (up to 24% a year) and later interest is capped at 4 times the LPR when "
        "the suit is filed (art. 31).",
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
                       "普通程序，《民事诉讼法》第一百二十八条；简易程序、小额诉讼按法院通知，可能更早",
                       "ordinary procedure, Civil Procedure Law art. 128; in the simplified and small-claims "
                       "procedures the court's notice decides and may be earlier"),
    "consider_appeal": ("15 日内", "within 15 days",
                        "《民事诉讼法》第一百七十一条", "Civil Procedure Law art. 171"),
    "small_claims_retrial": ("6 个月内", "within 6 months",
                             "《民事诉讼法》第二百一十六条，民诉法解释第四百二十四条",
                             "Civil Procedure Law art. 216; SPC Interpretation art. 424"),
    "challenge_award": ("3 个月内", "within 3 months",
                        "《仲裁法》（2025 年修订）第七十二条，据公开转载的修订文本；2017 年文本第五十九条为 6 个月",
                        "Arbitration Law (2025 revision) art. 72, from a publicly reprinted copy of the text; the "
                        "2017 text's art. 59 gave 6 months"),
    "refuse_award_enforcement": ("15 日内", "within 15 days",
                                 "《最高人民法院关于人民法院办理仲裁裁决执行案件若干问题的规定》第八条",
                                 "SPC Provisions on enforcing arbitral awards, art. 8"),
    "attend_hearing": ("传票上的日期", "the date on the summons",
                       "不到庭可以缺席判决，《民事诉讼法》第一百四十七条",
                       "if you do not come the court can decide without you, Civil Procedure Law art. 147"),
    "court_deadline": ("通知书上的日期", "the date on the notice",
                       "法院指定的期间，《民事诉讼法》第八十五条",
                       "a period the court set, Civil Procedure Law art. 85"),
}
assert {key for key, _, _ in DEADLINES.values()} | set(TYPED.values()) == set(PERIODS)
# how a dated step's date is introduced: the hearing is a day to be there, the rest are last days
LEADS = {"attend_hearing": ("开庭日期", "Hearing")}
LAST_DAY = ("最后一天", "Last day")
FROM_RECEIPT = {key for key, _, _ in DEADLINES.values()}

COUNTING = ("收到的当天不算，从第二天算起（《民事诉讼法》第八十五条）。期限最后一天是法定节假日的，顺延到节后第一天，"
            "但不要等到那一天。",
            "The day you received them does not count; the period starts the next day (Civil Procedure "
            "Law art. 85). If the last day is a public holiday it moves to the next working day, but do "
            "not wait for that.")


TYPED_NOTE = ("开庭日期和通知书上的期限按你填的日期算；以文书上写的为准，填错了就对照文书改一下。",
              "The hearing date and the notice's deadline are the dates you typed; the papers themselves "
              "decide, so check them against the papers.")


def title(key: str, lang: str) -> str:
    zh, en, *_ = STEPS[key]
    return ui.t(lang, zh, en)


def lead(key: str, lang: str) -> str:
    """What a dated step's date is: ``最后一天`` / ``Last day``, or ``开庭日期`` / ``Hearing``."""
    return ui.t(lang, *LEADS.get(key, LAST_DAY))


def deadline_text(step: Step, lang: str) -> str:
    """``最后一天：2026年12月5日（15 日内，《民事诉讼法》第二百二十七条）``."""
    period_zh, period_en, rule_zh, rule_en = PERIODS[step.key]
    day = wording.date(step.deadline, lang)
    if lang == "zh":
        return f"{lead(step.key, lang)}：{day}（{period_zh}，{rule_zh}）"
    return f"{lead(step.key, lang)}: {day} ({period_en}, {rule_en})"


def days_left_text(step: Step, lang: str) -> tuple[str, bool]:
    """The days left in words, and whether the deadline has passed."""
    left = step.days_left
    if left is None:
        return "", False
    hearing = step.key in LEADS
    if left < 0 and hearing:
        late = wording.count(-left, "day", lang)
        return ui.t(lang, f"开庭日期已经过了 {late}。马上联系法院问案子到了哪一步，可能还有补救办法；也可以打 12348 法律援助热线。",
                    f"The hearing was {late} ago. Contact the court now to ask where the case stands; there may "
                    "still be something you can do. You can also call the 12348 legal-aid line."), True
    if left < 0:
        late = wording.count(-left, "day", lang)
        return ui.t(lang, f"期限已经过了 {late}。可能还有补救办法：马上打 12348 法律援助热线问一问。",
                    f"The deadline passed {late} ago. There may still be something you can do: call the "
                    "12348 legal-aid line now."), True
    if left == 0 and hearing:
        return ui.t(lang, "今天开庭。", "The hearing is today."), False
    if left == 0:
        return ui.t(lang, "今天是最后一天。", "Today is the last day."), False
    return ui.t(lang, f"还剩 {wording.count(left, 'day', lang)}。", f"{wording.count(left, 'day', lang)} left."), False


def deadline_html(step, lang: str) -> str:
    """A dated step's last day, its rule and the days left (an alert once it has passed); the
    checklist and my action plan show it alike."""
    left, passed = days_left_text(step, lang)
    cls = "calc-step-deadline calc-step-passed" if passed else "calc-step-deadline"
    role = ' role="alert"' if passed else ""
    return (f'<p class="{cls}"{role} data-deadline="{step.deadline.isoformat()}" '
            f'data-days-left="{step.days_left}">{ui.esc(deadline_text(step, lang))} '
            f"{ui.esc(left)}</p>")


def _step(step: Step, lang: str) -> str:
    _, _, zh_do, en_do, dest = STEPS[step.key]
    parts = [f'<p class="calc-step-title"><strong>{ui.esc(title(step.key, lang))}</strong></p>']
    if step.deadline is not None:
        parts.append(deadline_html(step, lang))
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
        note = days_left_text(first, lang)[0]
        # a court's notices and summons can set an earlier date than the one this list knows
        court = result.inputs.papers in ("lawsuit", "summons", "court_notice")
        if court and (result.inputs.papers in ("summons", "lawsuit") or result.inputs.notice_deadline is None):
            note += ui.t(lang, "；以法院通知书、传票上写的为准，可能更早", "; the court's notices decide, and it may be earlier")
        items.append(ui.figure("first_deadline", ui.t(lang, "最早的期限", "Earliest deadline"),
                               d["first_deadline"], wording.date(first.deadline, lang), note))
    if result.shortfall is not None:
        items.append(ui.figure("shortfall", ui.t(lang, "每月差多少", "Short each month"), d["shortfall"],
                               wording.money(result.shortfall, lang)))
    steps = "".join(_step(s, lang) for s in result.steps)
    explain = []
    if any(s.key in FROM_RECEIPT for s in dated):
        explain.append(ui.t(lang, *COUNTING))
    if any(s.key in LEADS or s.key == "court_deadline" for s in dated):
        explain.append(ui.t(lang, *TYPED_NOTE))
    if dated:
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
