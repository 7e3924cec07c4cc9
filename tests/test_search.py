"""The site's own search (hooks/search.py builds the indexes, docs/assets/javascripts/search-core.js
searches them): one index per language, legal terms kept whole, English stemmed the same way at
build time and in the browser, and the words borrowers type find the page that answers them.
The queries run through the real browser code in Node (tests/search_runner.mjs)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
import snowballstemmer

from hooks import search as hook
from tests.conftest import ROOT

RUNNER = ROOT / "tests" / "search_runner.mjs"


def _node(args: list[str], payload) -> list:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to run the site's search code (it is needed for Pyodide too)")
    proc = subprocess.run([node, str(RUNNER), *args], input=json.dumps(payload, ensure_ascii=False),
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def search(site, lang: str, queries: list[str]) -> dict[str, list[dict]]:
    results = _node(["search", str(site / "search" / f"{lang}.json")], queries)
    return dict(zip(queries, results, strict=True))


@pytest.fixture(scope="module")
def index(site):
    return {lang: json.loads((site / "search" / f"{lang}.json").read_text(encoding="utf-8"))
            for lang in ("zh", "en")}


def test_one_index_per_language_and_no_material_index(site, index):
    assert not (site / "search" / "search_index.json").exists()
    zh_urls = [url for url, _ in index["zh"]["pages"]]
    en_urls = [url for url, _ in index["en"]["pages"]]
    assert len(zh_urls) >= 20 and len(en_urls) >= 20
    assert not [u for u in zh_urls if u.startswith("en/")]
    assert all(u.startswith("en/") for u in en_urls)
    # every page of the built site is searchable in its own language
    built = {p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")
             if "pyodide" not in p.parts and p.parent != site and p.parent != site / "en"}
    assert built - {"en/"} <= set(zh_urls) | set(en_urls)


def test_chinese_terms_stay_whole(index):
    terms = index["zh"]["terms"]
    for word in ("罚息", "协商还款", "失信被执行人", "爆通讯录", "停息挂账"):
        assert word in terms, f"{word} is not one term in the zh index"
    # the user dictionary keeps new legal terms whole for pages that will use them
    for word in ("支付令", "个性化分期", "恶意透支", "套路贷", "债权转让", "个人破产", "异地起诉", "限高", "终本"):
        assert word in hook.zh_terms(f"关于{word}的说明"), word


def test_english_index_is_stemmed_and_chinese_index_is_not(index):
    en = index["en"]["terms"]
    assert "collector" in en and "collectors" not in en
    assert "loan" in en and "loans" not in en
    assert index["zh"]["stop"] == [] and "the" in index["en"]["stop"] and "the" not in en


def test_calculator_widgets_are_kept_out_of_search(index):
    text = " ".join(s[3] for lang in index.values() for s in lang["sections"])
    assert "calc-figure" not in text and "data-search-exclude" not in text
    sections = hook.page_sections('<h1 id="x">T</h1><p>kept</p><div class="calc" data-search-exclude>'
                                  "<label>本金</label><output>1,234.00</output></div><p>also kept</p>", "T")
    assert sections == [("", "T", "kept also kept")]


def test_browser_stemmer_matches_the_build_stemmer(index):
    """Every English word on the site, and the forms a reader types, stem the same in the
    browser (search-core.js) as at build time (snowballstemmer's Porter)."""
    words = set()
    for _, _, heading, text in index["en"]["sections"]:
        words |= set(re.findall(r"[a-z0-9]+", (heading + " " + text).lower().replace("'", "").replace("\u2019", "")))
    words |= {"collectors", "loans", "debts", "contacts", "negotiating", "negotiation", "harassment", "agreed",
              "generously", "caresses", "ponies", "hopping", "filing", "relational", "conditional", "rational",
              "valenci", "digitizer", "conformabli", "radicalli", "differentli", "vileli", "analogousli",
              "vietnamization", "predication", "operator", "feudalism", "decisiveness", "hopefulness",
              "callousness", "formaliti", "sensitiviti", "sensibiliti", "triplicate", "formative",
              "formalize", "electriciti", "electrical", "goodness", "revival", "allowance", "inference",
              "airliner", "gyroscopic", "adjustable", "defensible", "irritant", "replacement", "adjustment",
              "dependent", "adoption", "homologou", "communism", "activate", "angulariti", "homologous",
              "effective", "bowdlerize", "probate", "rate", "cease", "controll", "roll", "sky", "happy", "say",
              "yes", "ya", "y", "is", "a", "", "feed", "plastered", "bled", "motoring", "sing",
              "conflated", "troubled", "sized", "tanned", "falling", "hissing", "fizzed",
              "failing", "crying", "played", "employs", "yelling", "boyish", "sayyy"}
    words = sorted(words)
    expected = snowballstemmer.stemmer("porter").stemWords(words)
    got = _node(["stem"], words)
    diff = [(w, e, g) for w, e, g in zip(words, expected, got, strict=True) if e != g]
    assert not diff, f"{len(diff)} of {len(words)} words stem differently (word, build, browser): {diff[:20]}"
    assert len(words) > 1500


def test_english_plurals_find_the_page_whose_title_holds_them(site):
    results = search(site, "en", ["collectors", "loans", "debts", "contacts", "collector", "negotiating"])
    assert results["collectors"][0]["url"] == "en/guides/collection-rights/"  # "What collectors may and may not do"
    assert results["loans"][0]["url"] == "en/guides/how-loans-work/"           # "How online loans work"
    # of the titles holding "debt", the one with fewest other words: "Which debt first"
    assert results["debts"][0]["url"] == "en/calculators/payoff/"
    assert results["contacts"], "contacts finds nothing"
    assert results["collector"][0]["url"] == results["collectors"][0]["url"]
    assert results["negotiating"][0]["url"] in ("en/guides/negotiate/", "en/calculators/negotiation/")
    for hits in results.values():
        assert all(h["url"].startswith("en/") for h in hits)


def test_chinese_words_find_the_page_that_answers_them(site):
    results = search(site, "zh", ["罚息", "协商", "爆通讯录", "协商还款", "征信", "逾期 罚息"])
    assert results["罚息"][0]["url"] == "guides/overdue-costs/"
    assert results["协商"][0]["url"] == "guides/negotiate/"  # not the calculation-method page
    assert results["爆通讯录"][0]["url"] == "guides/collection-rights/"
    assert results["协商还款"][0]["url"] == "guides/negotiate/"
    assert results["征信"][0]["url"] == "guides/credit-report/"
    assert results["逾期 罚息"], "two words find nothing"
    for hits in results.values():
        assert not any(h["url"].startswith("en/") for h in hits)


def test_a_title_match_ranks_above_a_mention(site):
    """The calculation-method page mentions 协商 in a heading; the guide holds it in its title."""
    hits = search(site, "zh", ["协商"])["协商"]
    ranks = [h["rank"] for h in hits]
    assert ranks == sorted(ranks, reverse=True) and ranks[0] == 3
    # the reference page ranks as a mention now (search-core.js: reference pages), often past the list
    mention = next((h for h in hits if h["url"] == "reference/how-we-calculate/"), None)
    assert mention is None or mention["rank"] < 3


# The borrower words of issue 11 and the page that answers each (the pages come with that issue).
BORROWER_WORDS = {
    "被起诉": "sued",
    "传票": "sued",
    "异地起诉": "sued",
    "支付令": "payment-order",
    "仲裁": "payment-order",
    "冻结": "enforcement",
    "失信": "dishonest-list",
    "限高": "dishonest-list",
    "终本": "dishonest-list",
    "政审": "dishonest-list",
    "老公": "family",
    "配偶": "family",
    "个性化分期": "credit-card",
    "恶意透支": "credit-card",
    "高炮": "illegal-lending",
    "套路贷": "illegal-lending",
    "债权转让": "debt-transfer",
    "个人破产": "personal-bankruptcy",
    # harassing calls and texts are reported to 12321 (issue 11, correction 6): the collection-rights
    # guide says so where it deals with harassment, and get-help lists it among the hotlines
    "12321": ("collection-rights", "get-help"),
}


@pytest.mark.parametrize("word", list(BORROWER_WORDS))
def test_borrower_words_find_the_page_that_answers_them(site, word):
    expected = BORROWER_WORDS[word]
    slugs = expected if isinstance(expected, tuple) else (expected,)
    for slug in slugs:
        source = ROOT / "docs" / "guides" / f"{slug}.md"
        assert source.is_file(), f"docs/guides/{slug}.md is missing"
        assert word in source.read_text(encoding="utf-8"), f"docs/guides/{slug}.md never says {word}"
    hits = search(site, "zh", [word])[word]
    assert hits, f"searching {word} finds nothing"
    top = [h["url"] for h in hits[:3]]
    assert hits[0]["url"] in [f"guides/{slug}/" for slug in slugs], f"{word}: first results {top}"


def test_template_words_find_the_letters(site):
    """Borrowers search for a 模板 / 范本 / 怎么写 of a letter: the letters come first (issue 14)."""
    results = search(site, "zh", ["模板", "范本", "怎么写", "投诉 模板", "征信异议"])
    for word in ("模板", "范本", "怎么写"):
        assert results[word][0]["url"].startswith("letters/"), (word, [h["url"] for h in results[word][:3]])
    assert "letters/complaint/" in [h["url"] for h in results["投诉 模板"][:3]]
    assert "letters/credit-dispute/" in [h["url"] for h in results["征信异议"][:3]]


# ---- everyday questions (search_intents.yml) -------------------------------------------------
# How borrowers really ask (public Q&A threads, search suggestions, law-firm FAQs, and the questions
# of the issue on the worst moment), not page titles; each must find its answer first.
CRISIS = "guides/get-help/"
EVERYDAY_ZH = {
    "欠了好几家网贷从哪里开始": "calculators/plan/", "给我一个行动计划": "calculators/plan/",
    "不想活了": CRISIS, "活着没意思": CRISIS, "想死": CRISIS, "欠了这么多钱我想自杀": CRISIS,
    "真的撑不下去了": CRISIS, "还不上钱活不下去了": CRISIS, "网贷逾期想不开": CRISIS,
    "减免利息能谈吗": "guides/negotiate-in-practice/", "能不能只还本金": "guides/negotiate-in-practice/",
    "客服说系统不支持协商": "guides/negotiate-in-practice/", "先还一部分可以吗": "guides/negotiate-in-practice/",
    "平台拒绝协商怎么办": "guides/negotiate-in-practice/",
    "催收来家里": "guides/home-and-work/", "催收说要上门": "guides/home-and-work/",
    "领导知道了怎么办": "guides/home-and-work/", "催收打到单位了": "guides/home-and-work/",
    "网贷逾期会被开除吗": "guides/home-and-work/", "同事知道我欠钱": "guides/home-and-work/",
    "借新还旧停不下来": "guides/stop-loan-stacking/", "以贷养贷怎么上岸": "guides/stop-loan-stacking/",
    "拆东墙补西墙还不完": "guides/stop-loan-stacking/", "越借越多怎么办": "guides/stop-loan-stacking/",
    "客服说要注销账户": "guides/scams/", "注销校园贷账户": "guides/scams/", "有人说能修复征信": "guides/scams/",
    "反催收靠谱吗": "guides/scams/", "代理维权要交钱吗": "guides/scams/",
    "没工作了还不上": "guides/income-help/", "失业了网贷怎么办": "guides/income-help/",
    "生病住院还不上钱": "guides/income-help/", "能申请低保吗": "guides/income-help/",
    "被裁员了贷款怎么办": "guides/income-help/",
    "卡被冻了多久解冻": "guides/court-freeze/", "冻结多久": "guides/court-freeze/",
    "银行卡被冻结怎么解冻": "guides/court-freeze/", "诉前保全冻结了我的卡": "guides/court-freeze/",
    "官司费用谁出": "guides/court-costs/", "诉讼费要我出吗": "guides/court-costs/",
    "还清了能撤诉吗": "guides/court-costs/", "律师费要我付吗": "guides/court-costs/",
    "APP没了怎么还": "guides/lender-gone/", "平台倒闭了还要还吗": "guides/lender-gone/",
    "网贷平台跑路了": "guides/lender-gone/", "app下架了还用还吗": "guides/lender-gone/",
    "还清了征信多久好": "guides/after-settling/", "征信多久恢复": "guides/after-settling/",
    "结清证明怎么开": "guides/after-settling/", "连三累六是什么意思": "guides/after-settling/",
    "还清以后能办房贷吗": "guides/after-settling/",
    "怎么关掉通讯录权限": "guides/phone-safety/", "骚扰电话太多怎么拉黑": "guides/phone-safety/",
    "怎么提醒亲友别理催收": "guides/phone-safety/",
    "爆通讯录了怎么办": "guides/collection-rights/", "半夜打电话催收": "guides/collection-rights/",
    "网贷逾期会坐牢吗": "guides/overdue-costs/", "家人要替我还吗": "guides/family/",
    "收到传票怎么办": "guides/sued/", "不是我借的贷款": "letters/credit-dispute/",
    "扣工资怎么办": "guides/enforcement/", "砍头息合法吗": "guides/illegal-lending/",
}
EVERYDAY_EN = {
    "several debts where do I start": "en/calculators/plan/",
    "I want to kill myself": "en/" + CRISIS, "no point living anymore": "en/" + CRISIS,
    "I feel hopeless about my debts": "en/" + CRISIS,
    "collectors came to my home": "en/guides/home-and-work/", "will I lose my job over debt": "en/guides/home-and-work/",
    "I keep borrowing to repay": "en/guides/stop-loan-stacking/",
    "customer service says close my account": "en/guides/scams/",
    "I lost my job and cannot pay": "en/guides/income-help/",
    "how long is my account frozen": "en/guides/court-freeze/", "who pays the court fees": "en/guides/court-costs/",
    "the app is gone how do I pay": "en/guides/lender-gone/",
    "can I pay principal only": "en/guides/negotiate-in-practice/",
    "how to block calls from collectors": "en/guides/phone-safety/",
    "do I have to pay after the lender vanished": "en/guides/lender-gone/",
    "paid it off when does my credit report recover": "en/guides/after-settling/",
}


@pytest.mark.parametrize("lang, table", [("zh", EVERYDAY_ZH), ("en", EVERYDAY_EN)])
def test_everyday_questions_find_their_answer_first(site, lang, table):
    assert len(table) >= (60 if lang == "zh" else 15)
    results = search(site, lang, list(table))
    wrong = {q: [h["url"] for h in results[q][:3]] for q, url in table.items()
             if not results[q] or results[q][0]["url"] != url}
    assert not wrong, f"{len(wrong)} of {len(table)} questions find another page first: {wrong}"


def test_crisis_words_put_the_crisis_section_first_whatever_else_is_asked(site):
    for lang, query in (("zh", "网贷逾期 征信 不想活了"), ("en", "credit report suicide")):
        hits = search(site, lang, [query])[query]
        assert hits[0]["url"] == ("en/" if lang == "en" else "") + CRISIS
        assert hits[0]["sections"][0] == "crisis"


def test_reference_pages_follow_guides_for_common_words(site):
    """The laws page, the glossary, how-we-calculate and contributing hold every common word; the FAQ
    answers questions and ranks like a guide."""
    for word in ("利息", "逾期", "还款", "征信", "催收", "合同"):
        urls = [h["url"] for h in search(site, "zh", [word])[word]]
        guides = [i for i, u in enumerate(urls) if u.startswith("guides/")]
        refs = [i for i, u in enumerate(urls) if u.startswith("reference/") and u != "reference/faq/"]
        assert guides and (not refs or min(guides) < min(refs)), (word, urls[:5])


def test_an_intent_whose_page_or_anchor_does_not_exist_stops_the_build():
    pages = [["guides/sued/", "Sued"]]
    sections = [[0, "", "Sued", "text"], [0, "small-claims", "Small", "text"]]
    ok = hook.intent_rows("zh", [{"answer": "guides/sued.md#small-claims", "zh": ["小额"]}], pages, sections)
    assert ok == [["小额", 0, "small-claims", 0]]
    with pytest.raises(ValueError, match="guides/gone.md"):
        hook.intent_rows("zh", [{"answer": "guides/gone.md", "zh": ["x y"]}], pages, sections)
    with pytest.raises(ValueError, match="#nowhere"):
        hook.intent_rows("zh", [{"answer": "guides/sued.md#nowhere", "zh": ["小额"]}], pages, sections)


def test_phrases_are_compared_the_same_way_at_build_time_and_in_the_browser():
    texts = ["我的 APP 没了，怎么还？", "I can't go on", "ＡＰＰ下架", "Self-Harm!"]
    assert [hook.squash(t) for t in texts] == _node(["squash"], texts)
