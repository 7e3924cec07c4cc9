// The site's search box: Material's dialog and result list, driven by our own code.
// Nothing is fetched until the reader opens search (focus on the box or a tap on the search
// icon); then this page's language index (search/zh.json or search/en.json, made by
// hooks/search.py) and the search code (search-core.js) are fetched once.
// Results follow `input`, but not while an input method is composing (they follow
// `compositionend` instead), so typing Chinese with pinyin works.

const dialog = document.querySelector("[data-site-search]");
const toggle = document.getElementById("__search");
const form = dialog?.querySelector("form");
const input = dialog?.querySelector(".md-search__input");
const meta = dialog?.querySelector(".md-search-result__meta");
const list = dialog?.querySelector(".md-search-result__list");

const LANG = document.documentElement.lang.startsWith("en") ? "en" : "zh";
const ROOT = new URL("../../", import.meta.url); // this file is assets/javascripts/search.js
// Every word shown comes from the page (overrides/partials/search.html), in its language.
const msg = dialog?.dataset || {};
const WORDS = { loading: msg.msgLoading || "", failed: msg.msgFailed || "", more: msg.msgMore || "" };
const say = {
  placeholder: msg.msgPlaceholder || "",
  none: msg.msgNone || "",
  one: msg.msgOne || "",
  other: msg.msgOther || "",
};

let engine = null; // Promise of {core, idx}
let composing = false;

function load() {
  if (!engine) {
    meta.textContent = WORDS.loading;
    delete meta.dataset.query;
    engine = Promise.all([
      import("./search-core.js"),
      fetch(new URL(`search/${LANG}.json`, ROOT)).then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.json();
      }),
    ]).then(([core, index]) => ({ core, idx: core.prepare(index) }));
    engine.then(
      () => render(),
      () => {
        engine = null; // tried again at the next focus
        meta.textContent = WORDS.failed;
        list.replaceChildren();
      },
    );
  }
  return engine;
}

function escape(text) {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

function snippet(core, text, terms, lang) {
  const spans = core.marks(text, terms, lang);
  const width = lang === "en" ? 160 : 70;
  let start = spans.length ? Math.max(0, spans[0][0] - Math.floor(width / 3)) : 0;
  if (lang === "en" && start > 0) {
    const space = text.indexOf(" ", start);
    if (space >= 0 && space < spans[0][0]) start = space + 1;
  }
  const end = Math.min(text.length, start + width);
  let out = start > 0 ? "…" : "";
  let at = start;
  for (const [a, b] of spans) {
    if (a < at || a >= end) continue;
    out += escape(text.slice(at, a)) + "<mark>" + escape(text.slice(a, Math.min(b, end))) + "</mark>";
    at = Math.min(b, end);
  }
  return out + escape(text.slice(at, end)) + (end < text.length ? "…" : "");
}

function article(href, heading, text, level, document) {
  const a = Object.assign(document.createElement("a"), { href, className: "md-search-result__link", tabIndex: -1 });
  const article = document.createElement("article");
  article.className = "md-search-result__article md-typeset";
  if (level === 1) {
    article.classList.add("md-search-result__article--document");
    const icon = document.createElement("div");
    icon.className = "md-search-result__icon md-icon";
    article.append(icon);
  }
  const h = document.createElement(`h${level}`);
  h.innerHTML = heading; // escaped text with <mark>s (see the caller)
  article.append(h);
  if (text) {
    const p = document.createElement("p");
    p.innerHTML = text;
    article.append(p);
  }
  a.append(article);
  return a;
}

async function render() {
  if (!engine) return;
  const query = input.value;
  const { core, idx } = await engine;
  if (query !== input.value) return; // a newer keystroke will render
  list.replaceChildren();
  meta.dataset.query = query; // what the list shows results for (the tests wait on it)
  if (!query.trim()) {
    meta.textContent = say.placeholder;
    return;
  }
  const terms = core.queryTerms(query, idx);
  const results = core.search(idx, query);
  meta.textContent = results.length === 0 ? say.none
    : results.length === 1 ? say.one : say.other.replace("#", String(results.length));
  for (const r of results) {
    const li = document.createElement("li");
    li.className = "md-search-result__item";
    li.dataset.page = r.url;
    const base = new URL(r.url, ROOT).href;
    // the headings that hold the query become deep links (at most two); the page's own entry
    // shows the best other matching text, or else the top of the page: never a deep link's text
    // again (a page found by one heading alone showed that heading's text twice)
    const deep = r.sections.filter((x) => x.inHeading && x.anchor).slice(0, 2);
    const used = new Set(deep.map((x) => x.section));
    const other = r.sections.find((x) => !used.has(x.section) && idx.sections[x.section][3]);
    const top = idx.pageSections[r.page].find((s) => !used.has(s) && idx.sections[s][3]);
    const text = other ? idx.sections[other.section][3] : top === undefined ? "" : idx.sections[top][3];
    li.append(article(base, snippet(core, r.title, terms, LANG), snippet(core, text, terms, LANG), 1, document));
    if (r.crisis) {
      // crisis words: the page's own crisis line (numbers to call, in the page's language) comes first
      const line = document.querySelector("[data-crisis-line]")?.cloneNode(true);
      if (line) {
        line.removeAttribute("data-crisis-line");
        line.classList.add("crisis-line--search");
        li.classList.add("md-search-result__item--crisis");
        li.prepend(line);
      }
    }
    for (const s of deep) {
      li.append(article(`${base}#${encodeURIComponent(s.anchor)}`, snippet(core, s.heading, terms, LANG),
        snippet(core, idx.sections[s.section][3], terms, LANG), 2, document));
    }
    list.append(li);
  }
}

function links() {
  return [...list.querySelectorAll(".md-search-result__link")];
}

function open() {
  if (!toggle.checked) {
    toggle.checked = true;
    toggle.dispatchEvent(new Event("change"));
  }
}

function close() {
  if (toggle.checked) {
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
  }
  input.blur();
}

if (dialog && toggle && input) {
  document.querySelector("[data-search-open]")?.addEventListener("click", () => {
    open();
    load();
  });
  input.addEventListener("focus", () => {
    open();
    load();
  }, { passive: true });
  toggle.addEventListener("change", () => {
    if (toggle.checked && document.activeElement !== input) input.focus();
  });
  input.addEventListener("compositionstart", () => { composing = true; });
  input.addEventListener("compositionend", () => {
    composing = false;
    render();
  });
  input.addEventListener("input", (event) => {
    if (composing || event.isComposing) return;
    render();
  });
  form.addEventListener("reset", () => {
    setTimeout(() => { render(); input.focus(); }, 0);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = links()[0];
    if (first) first.click();
  });
  list.addEventListener("click", (event) => {
    if (event.target.closest("a")) setTimeout(close, 0);
  });
  document.addEventListener("keydown", (event) => {
    if (event.metaKey || event.ctrlKey || event.altKey || event.isComposing) return;
    const inSearch = toggle.checked;
    const active = document.activeElement;
    const typing = active && (active.isContentEditable || /^(input|textarea|select)$/i.test(active.tagName));
    if (!inSearch) {
      if (!typing && (event.key === "/" || event.key === "s" || event.key === "f")) {
        event.preventDefault();
        input.focus();
      }
      return;
    }
    const all = links();
    const at = all.indexOf(active);
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!all.length) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      const next = at < 0 ? (step > 0 ? 0 : all.length - 1) : at + step;
      if (next < 0 || next >= all.length) input.focus();
      else all[next].focus();
    } else if (at >= 0 && event.key.length === 1) {
      input.focus(); // typing again goes to the box
    }
  });
}
