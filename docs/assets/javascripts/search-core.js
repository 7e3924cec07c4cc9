// Search over one language's index (search/zh.json or search/en.json, written by hooks/search.py).
// Pure functions, no page access: search.js draws the results, and the tests run this same file
// in Node over the built index.
//
// The query is cut into terms the way the build cut the pages:
// - English: lower case, apostrophes dropped, common words dropped, Porter stem (the same
//   algorithm as the build's snowballstemmer "porter"; a test compares them word for word);
// - Chinese: greedy longest match against the index's own terms (jieba cut the pages, so
//   a query typed as one run of Chinese characters meets the pages' words), a character the index lacks stays a term of its own;
// - numbers and Latin words inside Chinese: lower case, as they are.
// The last word, while still being typed, also matches the terms it begins.
//
// Ranking, page by page: pages holding more of the query's terms first; then a page whose title
// (as in the navigation) holds every term, then one whose h1 does, then one with a heading that
// does, then the rest. Letter templates after other pages of the same rank. Of two titles
// holding the query, the one with fewer other words first; of
// two pages matched by a heading, guides before calculators before reference pages; then a score
// (rarer terms count more; a heading more than text). A description counts as top text.
// Reference pages (laws, glossary, how we calculate, contributing; not the FAQ) rank as mentions
// and follow the other pages that mention the query: they hold the common words but rarely answer.
//
// Before all of that: the editors' table of everyday phrasings (search_intents.yml, in the index as
// "intents"). A query that holds a phrase (spaces, punctuation and case ignored) puts the page
// that answers it first; crisis phrases first of all, and the longest phrase otherwise.

const HEADING = 16;
const TITLE = 32;
const CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
const CJK_RUN = new RegExp(`[${CJK}]+|[a-z0-9]+`, "g");
const SPACE_IN_CJK = new RegExp(
  `(?<=[${CJK}\u3000-\u303f\uff00-\uffef])\\s+(?=[${CJK}\u3000-\u303f\uff00-\uffef])`, "g");

/* ---- Porter stemmer (snowball's porter.sbl, step by step) ---- */

const isV = (c) => c === "a" || c === "e" || c === "i" || c === "o" || c === "u" || c === "y";

function shortV(w) {
  // consonant (not w, x, Y) at the end, a vowel before it, a consonant before that
  const n = w.length;
  return n >= 3 && !"Yaeiouwxy".includes(w[n - 1]) && isV(w[n - 2]) && !isV(w[n - 3]);
}

function regionAfter(w, from) {
  let i = from;
  while (i < w.length && !isV(w[i])) i++;
  while (i < w.length && isV(w[i])) i++;
  return i < w.length ? i + 1 : w.length;
}

function longest(w, table) {
  let best = null;
  for (const suffix of Object.keys(table)) {
    if (w.endsWith(suffix) && (best === null || suffix.length > best.length)) best = suffix;
  }
  return best;
}

const STEP2 = {
  anci: "ance", enci: "ence", abli: "able", eli: "e", alli: "al", ousli: "ous", entli: "ent",
  aliti: "al", biliti: "ble", iviti: "ive", tional: "tion", ational: "ate", alism: "al",
  ation: "ate", ization: "ize", izer: "ize", ator: "ate", iveness: "ive", fulness: "ful",
  ousness: "ous",
};
const STEP3 = { icate: "ic", ative: "", alize: "al", iciti: "ic", ical: "ic", ful: "", ness: "" };
const STEP4 = Object.fromEntries(
  ["ic", "ance", "ence", "able", "ible", "ate", "ive", "ize", "iti", "al", "ism", "ion", "er",
    "ous", "ant", "ent", "ment", "ement", "ou"].map((s) => [s, ""]));
const DOUBLES = ["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"];

export function stem(word) {
  let w = word;
  let yFound = false;
  if (w[0] === "y") { w = "Y" + w.slice(1); yFound = true; }
  for (let i = 0; i + 1 < w.length; i++) {
    if (isV(w[i]) && w[i + 1] === "y") { w = w.slice(0, i + 1) + "Y" + w.slice(i + 2); yFound = true; }
  }
  const p1 = regionAfter(w, 0);
  const p2 = p1 < w.length ? regionAfter(w, p1) : w.length;

  // Step 1a
  if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("ies")) w = w.slice(0, -2);
  else if (w.endsWith("ss")) { /* kept */ }
  else if (w.endsWith("s")) w = w.slice(0, -1);

  // Step 1b
  if (w.endsWith("eed")) {
    if (w.length - 3 >= p1) w = w.slice(0, -1);
  } else {
    const suffix = w.endsWith("ed") ? "ed" : w.endsWith("ing") ? "ing" : null;
    if (suffix) {
      const base = w.slice(0, -suffix.length);
      if ([...base].some(isV)) {
        w = base;
        const end = w.slice(-2);
        if (end === "at" || end === "bl" || end === "iz") w += "e";
        else if (DOUBLES.includes(end)) w = w.slice(0, -1);
        else if (w.length === p1 && shortV(w)) w += "e";
      }
    }
  }

  // Step 1c
  if ((w.endsWith("y") || w.endsWith("Y")) && [...w.slice(0, -1)].some(isV)) w = w.slice(0, -1) + "i";

  // Steps 2 and 3: the longest suffix, replaced if it lies in R1
  for (const table of [STEP2, STEP3]) {
    const suffix = longest(w, table);
    if (suffix && w.length - suffix.length >= p1) w = w.slice(0, -suffix.length) + table[suffix];
  }

  // Step 4: the longest suffix, deleted if it lies in R2 ("ion" only after s or t)
  const suffix = longest(w, STEP4);
  if (suffix && w.length - suffix.length >= p2) {
    const before = w[w.length - suffix.length - 1];
    if (suffix !== "ion" || before === "s" || before === "t") w = w.slice(0, -suffix.length);
  }

  // Step 5a
  if (w.endsWith("e")) {
    const base = w.slice(0, -1);
    if (base.length >= p2 || (base.length >= p1 && !shortV(base))) w = base;
  }
  // Step 5b
  if (w.endsWith("ll") && w.length - 1 >= p2) w = w.slice(0, -1);

  return yFound ? w.replace(/Y/g, "y") : w;
}

/* ---- the query ---- */

export function normalize(text) {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim().replace(SPACE_IN_CJK, "");
}

/** An index made ready for searching (done once, after the fetch). */
export function prepare(index) {
  const vocab = Object.keys(index.terms);
  let longestTerm = 1;
  for (const t of vocab) if (t.length > longestTerm) longestTerm = t.length;
  const pageSections = index.pages.map(() => []);
  index.sections.forEach((s, i) => pageSections[s[0]].push(i));
  return { ...index, vocab, longestTerm, stopSet: new Set(index.stop), pageSections };
}

/** Greedy longest match of a run of Chinese characters against the index's terms. */
export function segment(run, idx) {
  const out = [];
  let i = 0;
  while (i < run.length) {
    let len = Math.min(idx.longestTerm, run.length - i);
    while (len > 1 && !(run.slice(i, i + len) in idx.terms)) len--;
    out.push(run.slice(i, i + len));
    i += len;
  }
  return out;
}

/** The query's terms: [{term, prefix}] where prefix means "still being typed". */
export function queryTerms(query, idx) {
  const text = normalize(query).replace(/['\u2019]/g, "");
  const typing = query.length > 0 && !/\s$/.test(query);
  const runs = text.match(CJK_RUN) || [];
  const terms = [];
  runs.forEach((run, n) => {
    const last = typing && n === runs.length - 1;
    if (/^[a-z0-9]/.test(run)) {
      if (idx.lang === "en" && idx.stopSet.has(run) && !last) return;
      terms.push({ term: idx.lang === "en" ? stem(run) : run, raw: run, prefix: last });
    } else {
      for (const t of segment(run, idx)) terms.push({ term: t, raw: t, prefix: false });
    }
  });
  const seen = new Set();
  return terms.filter((t) => (seen.has(t.term) ? false : seen.add(t.term)));
}

/** Index terms one query term matches, each with a factor (1 exact, less for partial). */
function variants(q, idx) {
  const out = [];
  if (q.term in idx.terms) out.push([q.term, 1]);
  if (q.prefix && q.raw.length >= 2) {
    for (const t of idx.vocab) {
      if (t === q.term) continue;
      // "collec" → collect, collector; "negotiat" → negoti (a stem the typed word begins with)
      const begins = t.startsWith(q.raw) || t.startsWith(q.term);
      const stemOf = t.length >= 4 && t.length >= q.raw.length - 3 && q.raw.startsWith(t);
      if (begins || stemOf) out.push([t, 0.6]);
    }
  }
  if (!out.length && q.term.length === 1) {
    // a single character the pages never used alone: the words that hold it
    for (const t of idx.vocab) if (t.includes(q.term)) out.push([t, 0.4]);
  }
  return out;
}

/** The query as intents compare it: NFKC, lower case, no spaces, punctuation or symbols
 * (hooks/search.py's squash does the same to the phrases). */
export function squash(text) {
  return text.normalize("NFKC").toLowerCase().replace(/[\p{P}\p{S}\p{Z}\p{C}\s]+/gu, "");
}

/** The intent the query holds: [phrase, page, anchor, crisis] or null (the index lists crisis
 * phrases first, then the longest). */
export function intentOf(idx, query) {
  const q = squash(query);
  if (!q) return null;
  for (const row of idx.intents || []) if (q.includes(row[0])) return row;
  return null;
}

/**
 * Search: a list of page results, best first:
 * {page, url, title, score, coverage, rank, sections: [{section, anchor, heading, score, inHeading}]}
 */
export function search(idx, query, limit = 20) {
  const intent = intentOf(idx, query);
  const found = ranked(idx, query, limit);
  if (!intent) return found;
  const [, page, anchor, crisis] = intent;
  const hit = found.find((r) => r.page === page);
  const sections = hit ? [...hit.sections] : [];
  if (anchor) {
    const s = idx.pageSections[page].find((i) => idx.sections[i][1] === anchor);
    const rest = sections.filter((x) => x.section !== s);
    sections.length = 0;
    sections.push({ section: s, anchor, heading: idx.sections[s][2], score: Infinity, inHeading: true }, ...rest);
  } else if (!sections.length) {
    const top = idx.pageSections[page][0];
    sections.push({ section: top, anchor: "", heading: idx.sections[top][2], score: 0, inHeading: false });
  }
  const first = { ...(hit || { page, url: idx.pages[page][0], title: idx.pages[page][1], score: 0, coverage: 0, rank: 0 }),
    sections, intent: true, crisis: crisis === 1 };
  return [first, ...found.filter((r) => r.page !== page)].slice(0, limit);
}

function ranked(idx, query, limit) {
  const terms = queryTerms(query, idx);
  if (!terms.length) return [];
  const nPages = idx.pages.length;
  const pages = new Map(); // page → {scores per term, sections}
  terms.forEach((q, qi) => {
    const found = variants(q, idx);
    // a word the index holds exactly: only exact matches mark a title or heading as holding it
    // ("collectors" must not rank a title with "collection" as if it held the word)
    const exact = q.term in idx.terms;
    const df = new Set();
    for (const [t] of found) for (let i = 0; i < idx.terms[t].length; i += 2) df.add(idx.sections[idx.terms[t][i]][0]);
    const idf = Math.log(1 + nPages / (1 + df.size));
    for (const [t, factor] of found) {
      const post = idx.terms[t];
      for (let i = 0; i < post.length; i += 2) {
        const s = post[i];
        const weight = post[i + 1];
        const p = idx.sections[s][0];
        const counts = factor === 1 || !exact;
        const inTitle = counts && (weight & TITLE) !== 0;
        const inHeading = counts && (weight & HEADING) !== 0;
        const tf = weight % HEADING;
        const value = factor * idf * ((inTitle ? 4 : 0) + (inHeading ? 3 : 0) + Math.log(1 + tf));
        if (!pages.has(p)) pages.set(p, { terms: new Map(), sections: new Map() });
        const entry = pages.get(p);
        entry.terms.set(qi, (entry.terms.get(qi) || 0) + value);
        if (!entry.sections.has(s)) {
          entry.sections.set(s, { score: 0, heading: new Set(), title: new Set(), any: new Set() });
        }
        const sec = entry.sections.get(s);
        sec.score += value;
        sec.any.add(qi);
        if (inHeading) sec.heading.add(qi);
        if (inTitle) sec.title.add(qi);
      }
    }
  });
  const results = [];
  for (const [p, entry] of pages) {
    const coverage = entry.terms.size;
    let rank = 0; // 3: the title holds every term; 2: the h1 does; 1: another heading does
    const sections = [];
    for (const [s, sec] of entry.sections) {
      const all = sec.heading.size === terms.length;
      const top = idx.sections[s][1] === "";
      if (sec.title.size === terms.length) rank = 3;
      if (all) rank = Math.max(rank, top ? 2 : 1);
      sections.push({ section: s, anchor: idx.sections[s][1], heading: idx.sections[s][2],
        score: sec.score + (all ? 100 : 0) + sec.any.size * 10, inHeading: all });
    }
    sections.sort((a, b) => b.score - a.score || a.section - b.section);
    let score = 0;
    for (const v of entry.terms.values()) score += v;
    const url = idx.pages[p][0];
    // the home page's title is the site's question, not a topic: it ranks as a mention
    if (url === "" || url === "en/") rank = 0;
    // reference pages (laws, glossary, how we calculate, contributing; not the FAQ) hold the common
    // words in their headings but rarely answer the question: they rank as mentions
    if (reference(url)) rank = 0;
    results.push({ page: p, url, title: idx.pages[p][1], score, coverage, rank, sections });
  }
  const best = Math.max(0, ...results.map((r) => r.coverage));
  return results
    .filter((r) => r.coverage === best)
    .sort((a, b) => b.rank - a.rank
      || isLetter(a.url) - isLetter(b.url)
      || (a.rank === 3 ? titleTerms(a.title, idx) - titleTerms(b.title, idx) : 0)
      || (a.rank > 0 ? kind(a.url) - kind(b.url) : reference(a.url) - reference(b.url))
      || b.score - a.score || a.page - b.page)
    .slice(0, limit);
}

/** Among pages matched by a heading: guides explain first, then calculators and letters, then
 * reference pages. */
function kind(url) {
  const path = url.replace(/^en\//, "");
  if (path.startsWith("guides/")) return 0;
  if (path.startsWith("calculators/") || path.startsWith("letters/")) return 1;
  return 2;
}

/** A reference page other than the FAQ: 1, else 0. */
function reference(url) {
  const path = url.replace(/^en\//, "");
  return path.startsWith("reference/") && !path.startsWith("reference/faq/") ? 1 : 0;
}

/** A letter template is a next step, not the explanation: it follows pages of the same rank. */
function isLetter(url) {
  return url.replace(/^en\//, "").startsWith("letters/") ? 1 : 0;
}

/** How many search terms a title has: of two titles holding the query, the one with fewer
 * other words is about it more. */
function titleTerms(title, idx) {
  const filler = new Set(idx.filler || []); // question words the index lists (hooks/search.py)
  return queryTerms(title, idx).filter((q) => !filler.has(q.term)).length;
}

/** Where in a text the query's words first appear: [start, end] pairs, for a snippet. */
export function marks(text, terms, lang) {
  const lower = text.toLowerCase();
  const spans = [];
  for (const q of terms) {
    let needle = q.raw;
    if (lang === "en") {
      // a stem is the word's start, less a final i or e ("penalti" → "penalt" finds "penalty")
      const s = q.term.replace(/[ie]$/, "");
      needle = s.length >= 3 && q.raw.startsWith(s.slice(0, 3)) ? s : q.raw;
    }
    if (!needle) continue;
    let from = 0;
    while (spans.length < 50) {
      const at = lower.indexOf(needle, from);
      if (at < 0) break;
      let end = at + needle.length;
      if (lang === "en") while (end < lower.length && /[a-z]/.test(lower[end])) end++;
      spans.push([at, end]);
      from = end;
    }
  }
  return spans.sort((a, b) => a[0] - b[0]);
}
