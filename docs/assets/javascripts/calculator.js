// The calculators' widgets: forms, results, the share link, CSV and the status line.
//
// No arithmetic here. This file collects what the reader typed (as text),
// sends it through the engine (calc-engine.js) to calculators.web.run in the
// worker, and shows the HTML fragment that comes back, or the message for the
// field that needs fixing. Every word shown comes from the widget's data-msg-*
// attributes (written by the build in the page's language) or from Python's reply.
//
// Privacy: nothing typed goes into the address bar or the history. "Copy link" builds a
// link from the current inputs; a shared link's inputs are restored on load.
// Switching language keeps what the reader typed: on a click, the language link gets the
// inputs in its fragment (#calc=<slug>&…, which no browser sends to a server); the page in
// the other language fills its form from it and at once removes it from the address.

import { bootedFromHead, calculatorViews, getEngine } from "./calc-engine.js";

const forms = [...document.querySelectorAll("form[data-calculator]")];
// A reader who comes back (calc-engine.js calculatorViews) gets the snapshot and the pages ahead.
const returning = forms.length > 0 && calculatorViews() > 0;
let settled; // the engine has decided about the snapshot, or given up
const engineSettled = new Promise((resolve) => {
  settled = resolve;
});

// Offline: the service worker (hooks/sw.js) keeps what is opened, the runtime on use, and the pages
// of this language once a page asks, idle: not on a first calculator view (it has just fetched the
// runtime), never with Save-Data. <html data-offline>: waiting|keeping|kept|failed|later|off.
const KEEP_AFTER_MS = 5000;
const root = document.documentElement;

const whenIdle = () => new Promise((resolve) => {
  const later = () => setTimeout(() => (window.requestIdleCallback ? requestIdleCallback(resolve, { timeout: 5000 })
    : resolve()), KEEP_AFTER_MS);
  if (document.readyState === "complete") later();
  else window.addEventListener("load", later, { once: true });
});

async function keepAheadWhenIdle() {
  root.dataset.offline = "waiting";
  if (forms.length) {
    await engineSettled;
    if (!returning) {
      root.dataset.offline = "later";
      return;
    }
  }
  await whenIdle();
  const registration = await navigator.serviceWorker.ready;
  navigator.serviceWorker.onmessage = (event) => {
    if (event.data?.type === "kept") root.dataset.offline = event.data.failed ? "failed" : "kept";
  };
  root.dataset.offline = "keeping";
  registration.active?.postMessage({ type: "keep", lang: root.lang === "en" ? "en" : "zh" });
}

// On a calculator page the worker is registered once the engine has settled (ready and its snapshot
// decided, or given up): sw.js is not needed to get there, and a first visit's bytes and CPU go to the
// runtime first. Other pages (and a page saving data) register it at once.
async function registerServiceWorker() {
  const site = new URL("../../", import.meta.url);
  const script = new URL("sw.js", site);
  const lite = !!navigator.connection?.saveData;
  if (lite) script.searchParams.set("lite", "1");
  if (forms.length && !lite) await engineSettled; // with Save-Data the engine may never start: at once
  return navigator.serviceWorker.register(script, { scope: site.pathname })
    .then(() => (lite ? (root.dataset.offline = "off") : keepAheadWhenIdle()))
    .catch(() => (root.dataset.offline = "off"));
}

if ("serviceWorker" in navigator && location.protocol.startsWith("http")) registerServiceWorker();

const DEBOUNCE_MS = 300;

let engine = null; // the page's one engine, once started

function megabytes(bytes) {
  return (bytes / 1e6).toFixed(1) + " MB";
}

// ---- one widget -------------------------------------------------------------

class Widget {
  constructor(form, first) {
    this.form = form;
    this.slug = form.dataset.calculator;
    this.lang = form.dataset.lang || "zh";
    this.root = form.closest(".calc");
    this.output = this.root.querySelector(".calc-output-body");
    this.exampleNote = this.root.querySelector(".calc-example-note");
    this.pendingNote = this.root.querySelector(".calc-pending-note");
    this.staleNote = this.root.querySelector(".calc-stale-note");
    this.status = this.root.querySelector(".calc-status");
    this.progressLine = this.root.querySelector(".calc-progress");
    this.retryButton = this.root.querySelector(".calc-retry");
    this.announcer = this.root.querySelector(".calc-announce");
    this.jump = this.root.querySelector(".calc-jump");
    this.compact = form.querySelector(".calc-headline"); // the headline after the required inputs
    this.formError = form.querySelector(".calc-form-error");
    this.timer = null;
    this.seq = 0;
    this.dirty = false;
    this.typed = false; // the reader's own numbers are in the form (typed, or from a link)
    form.calcCollect = () => this.collect(); // read by calendar.js ("add to calendar")
    // read and set by situation.js (my situation, kept on this device when the reader chooses)
    this.defaultRows = Object.fromEntries([...form.querySelectorAll("[data-list]")]
      .map((box) => [box.dataset.list, box.querySelectorAll(".calc-row").length]));
    form.calcPairs = () => this.pairs();
    form.calcRestore = (pairs) => this.restoreExactly(pairs);
    form.calcClear = () => this.clear();
    // another calculation on this page's engine (situation.js: my situation, to fill this form)
    form.calcRun = (slug, formJson) => engine?.state === "ready" ? engine.run(slug, formJson, this.lang)
      : Promise.reject(new Error("not-ready"));
    this.state = "static";
    this.expanded = new Set(); // tables the reader asked to see whole, kept across recalculations
    let restored = false;
    if (first) restored = this.restore([...new URLSearchParams(location.search), ...this.carried()]);
    if (restored) this.dirty = this.typed = true; // the example below is for the default numbers, not these
    this.decorate();
    this.markPending();
    const typed = () => {
      this.typed = true;
      this.schedule();
    };
    form.addEventListener("input", typed);
    form.addEventListener("change", typed);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.compute();
    });
    this.root.addEventListener("click", (event) => this.onClick(event));
    this.watchResult();
  }

  msg(name) {
    const key = "msg" + name.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase());
    return this.form.dataset[key] || this.root.dataset[key] || "";
  }

  // The engine's events (calc-engine.js) shown in the status line. An error kind is shown
  // with the page's data-msg-error-<kind> text when it has one, else the general data-msg-failed.
  onEngine(event) {
    const state = event.state;
    const was = this.state;
    this.state = state;
    this.form.dataset.state = state === "restarting" ? "loading" : state;
    if (state === "ready" && event.snapshot) {
      this.form.dataset.snapshotKept = event.snapshot; // for tests
      if (was === "ready") return;
    }
    if (state === "ready") this.form.dataset.engine = event.how; // "snapshot" or "fresh"
    if (state === "error") this.form.dataset.engineError = event.kind; // for tests and bug reports
    else delete this.form.dataset.engineError;
    this.retryButton.hidden = state !== "error";
    let text = {
      loading: () => this.msg("loading"),
      restarting: () => this.msg("crashed"),
      ready: () => this.msg("ready"),
      error: () => this.msg(`error-${event.kind}`) || this.msg("failed"),
    }[state]?.();
    // Progress is its own line (not a live region: it changes every second).
    if (state === "loading" && event.total) {
      const percent = Math.min(100, Math.floor((event.loaded * 100) / event.total));
      this.progressLine.textContent = percent >= 100 ? this.msg("starting") : this.msg("progress")
        .replace("{done}", megabytes(event.loaded))
        .replace("{total}", megabytes(event.total))
        .replace("{percent}", String(percent));
      this.progressLine.hidden = false;
      this.progressLine.dataset.percent = String(percent);
      text = null; // the status line keeps "loading" (read once by screen readers)
    } else if (state !== "loading") {
      this.progressLine.hidden = true;
    }
    if (text && this.status.textContent !== text) this.status.textContent = text;
    this.markPending();
    if (state === "ready" && this.dirty) this.compute();
    else if (state === "ready" && was !== "ready") engine?.warm(this.slug, JSON.stringify(this.collect()), this.lang);
  }

  // While the shown result is not the reader's own: the build-time example is labelled as
  // such; once the reader has typed, it is greyed with "loading…" until it is recomputed, and the
  // headline after the inputs (and the bar) shows no figure, only words (calc-is-typed, markTags):
  // a figure there, right under the numbers just typed, would read as the answer to them.
  markPending() {
    const example = this.root.classList.contains("calc-is-example");
    const waiting = example && this.dirty && this.state !== "error";
    this.exampleNote.hidden = !example || waiting;
    this.pendingNote.hidden = !waiting;
    this.root.classList.toggle("calc-is-pending", waiting);
    this.root.classList.toggle("calc-is-typed", example && this.typed);
    this.markTags();
  }

  // Inputs carried over by the language switch (see carryInputs below), as [name, value]
  // pairs; the fragment leaves the address at once, so no history entry keeps them.
  carried() {
    if (!location.hash.includes("=")) return [];
    const params = new URLSearchParams(location.hash.slice(1));
    if (params.get("calc") !== this.slug) return []; // someone else's fragment (letter.js, an anchor)
    history.replaceState(history.state, "", location.pathname + location.search);
    params.delete("calc");
    return [...params];
  }

  // Inputs from a shared link, as [name, value] pairs.
  // Values are set as text (never parsed as HTML).
  restore(pairs) {
    let restored = false;
    const rows = {};
    for (const [name] of pairs) {
      const m = /^(\w+)\.(\d+)\.(\w+)$/.exec(name);
      if (m) rows[m[1]] = Math.max(rows[m[1]] ?? 0, Number(m[2]) + 1);
    }
    for (const [list, count] of Object.entries(rows)) {
      const box = this.form.querySelector(`[data-list="${CSS.escape(list)}"]`);
      if (!box) continue;
      const max = Number(box.dataset.max || 20);
      while (box.querySelectorAll(".calc-row").length < Math.min(count, max)) this.addRow(box);
    }
    for (const [name, value] of pairs) {
      const el = this.form.elements.namedItem(name);
      if (!el || !(el instanceof HTMLElement)) continue;
      if (el.type === "checkbox") el.checked = value === "yes";
      else el.value = String(value);
      // a folded option that the link sets is shown, so the reader sees what is in use
      const more = el.closest("details.calc-more");
      const initial = el instanceof HTMLSelectElement ? [...el.options].find((o) => o.defaultSelected)?.value
        : el.type === "checkbox" ? (el.defaultChecked ? "yes" : "no") : el.defaultValue;
      if (more && String(value) !== initial) more.open = true;
      restored = true;
    }
    return restored;
  }

  // A whole form put back (my situation): its lists get exactly the rows the pairs name.
  restoreExactly(pairs) {
    const rows = {};
    for (const [name] of pairs) {
      const m = /^(\w+)\.(\d+)\.(\w+)$/.exec(name);
      if (m) rows[m[1]] = Math.max(rows[m[1]] ?? 0, Number(m[2]) + 1);
    }
    for (const box of this.form.querySelectorAll("[data-list]")) {
      const want = Math.max(1, rows[box.dataset.list] ?? 1);
      const have = [...box.querySelectorAll(".calc-row")];
      for (const row of have.slice(want)) row.remove();
    }
    if (this.restore(pairs)) {
      this.typed = true;
      this.schedule();
    }
  }

  // Back to the page's own example: default values and rows ("delete everything").
  clear() {
    for (const box of this.form.querySelectorAll("[data-list]")) {
      const rows = [...box.querySelectorAll(".calc-row")];
      const want = this.defaultRows[box.dataset.list] ?? 1;
      for (const row of rows.slice(want)) row.remove();
      while (box.querySelectorAll(".calc-row").length < want) this.addRow(box);
      this.renumber(box);
    }
    this.form.reset();
    this.typed = false;
    this.schedule();
  }

  // The inputs as [name, value] pairs, in the form's order.
  pairs() {
    const out = [];
    for (const el of this.form.querySelectorAll("input[name], select[name]")) {
      if (el.closest("template")) continue;
      out.push([el.name, el.type === "checkbox" ? (el.checked ? "yes" : "no") : el.value]);
    }
    return out;
  }

  collect() {
    const form = {};
    const lists = {};
    for (const [name, value] of this.pairs()) {
      const m = /^(\w+)\.(\d+)\.(\w+)$/.exec(name);
      if (m) {
        const rows = (lists[m[1]] ??= []);
        (rows[Number(m[2])] ??= {})[m[3]] = value;
      } else {
        form[name] = value;
      }
    }
    for (const [name, rows] of Object.entries(lists)) form[name] = rows.filter(Boolean);
    return form;
  }

  // The link to these inputs: built on demand, never written into the address bar.
  link() {
    const url = new URL(location.href);
    url.search = new URLSearchParams(this.pairs()).toString();
    return url.href;
  }

  schedule() {
    this.dirty = true;
    this.markPending();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.compute(), DEBOUNCE_MS);
  }

  async compute() {
    clearTimeout(this.timer);
    const eng = engine;
    if (!eng || eng.state !== "ready") return; // computed when ready, if dirty
    const started = performance.now();
    const formJson = JSON.stringify(this.collect());
    if (this.showing(formJson)) {
      // the same question as the result on screen (a field left after typing fires "change" for
      // what "input" already asked): nothing to ask, and the opened tables stay as they are
      this.dirty = false;
      this.markPending();
      this.form.dataset.unchanged = String(Number(this.form.dataset.unchanged || 0) + 1); // read by tests
      return;
    }
    const seq = ++this.seq;
    this.form.dataset.asked = String(seq); // questions sent, read by tests (a page's fake clock hides performance marks)
    this.form.setAttribute("aria-busy", "true");
    this.restLoad = null;
    let reply;
    try {
      reply = JSON.parse(await eng.run(this.slug, formJson, this.lang));
    } catch {
      if (seq === this.seq) this.form.removeAttribute("aria-busy");
      return; // the engine restarts and recomputes when ready again
    }
    if (seq !== this.seq) return; // a newer input already went out
    this.form.removeAttribute("aria-busy");
    this.dirty = false;
    this.clearErrors();
    if (reply.ok) {
      this.lastForm = formJson; // the shown result's form (wholeTables)
      this.shown = { seq, day: new Date().toDateString() }; // showing()
      this.output.innerHTML = reply.html; // built by Python's render, which escapes all text
      this.form.dispatchEvent(new CustomEvent("calc:result", { detail: reply })); // letter.js listens
      this.root.classList.remove("calc-is-stale", "calc-is-example");
      this.staleNote.hidden = true;
      this.markPending();
      this.decorate();
      for (const name of this.expanded) this.showAll(name);
      if (window.matchMedia?.("print").matches) expandAll(); // a result that lands while printing prints whole
      this.announce();
      this.watchResult();
      performance.measure(`calc-update:${this.slug}`, { start: started }); // read by `make bench`
      // of which Python's own time in the worker (the rest: messages, the DOM update)
      if (typeof eng.lastRunMs === "number") {
        performance.measure(`calc-python:${this.slug}`, { start: started, duration: eng.lastRunMs });
      }
      // long tables' hidden rows are made after the result is shown (calculators.web.run's <slug>.rest)
      if (reply.rest_later?.length) this.restLoad = this.loadRest(eng, seq, formJson, started);
    } else {
      this.showError(reply.field, reply.message[this.lang] || reply.message.zh);
    }
  }

  // Whether the result on screen answers this form already: the last answer placed was for this
  // form, no question went out since, it shows no error, and it is still the day it was worked
  // out (an empty "today" means the reader's today).
  showing(formJson) {
    return formJson === this.lastForm && this.shown?.seq === this.seq
      && this.shown.day === new Date().toDateString() && !this.root.classList.contains("calc-is-stale");
  }

  // A result worked out on an earlier day (a tab left open overnight, a phone brought back to it)
  // is asked again: days left and deadlines count from the reader's today when "today" is empty.
  refreshIfOld() {
    if (this.shown && this.shown.day !== new Date().toDateString() && !this.dirty) this.schedule();
  }

  // The hidden rows of the result's long tables, asked for once it is shown; kept if the result is
  // still the one on screen, and the tables the reader opened (or a print under way) are filled.
  async loadRest(eng, seq, formJson, started) {
    let reply;
    try {
      reply = JSON.parse(await eng.run(`${this.slug}.rest`, formJson, this.lang));
    } catch {
      return; // asked again when the reader wants them (wholeTables)
    }
    // only for the result on screen: no newer question went out, and no other form's result was placed
    if (seq !== this.seq || formJson !== this.lastForm || !reply.ok) return;
    keepRest(this.output, reply.rest);
    for (const name of this.expanded) this.showAll(name);
    if (window.matchMedia?.("print").matches) expandAll();
    performance.measure(`calc-rest:${this.slug}`, { start: started }); // read by `make bench`
  }

  // Resolves once every long table of the shown result has its hidden rows at hand (show all, CSV,
  // print wait for it): they are on their way, or asked for again (the engine restarted meanwhile).
  async wholeTables() {
    await this.restLoad;
    const missing = [...this.output.querySelectorAll('table[data-table][data-rest=""]')].some((t) => !restData.has(t));
    if (missing && engine?.state === "ready" && this.lastForm) {
      this.restLoad = this.loadRest(engine, this.seq, this.lastForm, performance.now());
      await this.restLoad;
    }
  }

  // The headline (the first figure) for screen readers and for the phone's result bar.
  headline() {
    const fig = this.output.querySelector(".calc-figure");
    if (!fig) return null;
    return [fig.querySelector("dt")?.textContent.trim() || "", fig.querySelector("dd")?.textContent.trim() || ""];
  }

  announce() {
    const head = this.headline();
    if (head) this.announcer.textContent = head.join(" ");
  }

  // On a phone the headline figure is copied right after the required inputs (.calc-headline);
  // when the inputs are on screen but neither that nor the figures are, a small bar at the
  // bottom shows the headline figure and jumps to the result (site.css hides both on wide screens).
  watchResult() {
    this.observer?.disconnect();
    const figs = this.output.querySelector(".calc-figures") || this.output;
    const head = this.headline();
    if (head) {
      // the bar says "example" (in the page language) while the result is still the build's example (site.css shows
      // the tag only then), like the headline after the inputs
      const parts = [this.msg("example-short"), ...head, this.msg("jump")].map((text, i) => {
        const span = document.createElement("span");
        span.className = ["calc-jump-tag", "calc-jump-label", "calc-jump-value", "calc-jump-go"][i];
        span.textContent = text;
        return span;
      });
      this.jump.replaceChildren(...parts);
      this.markTags();
    }
    if (this.compact) {
      this.compact.hidden = !head;
      if (head) {
        this.compact.querySelector(".calc-headline-label").textContent = head[0];
        this.compact.querySelector(".calc-headline-value").textContent = head[1];
      }
    }
    if (!("IntersectionObserver" in window) || !head) return;
    const seen = new Map();
    this.observer = new IntersectionObserver((entries) => {
      for (const e of entries) seen.set(e.target, e.isIntersecting);
      const shown = seen.get(figs) || seen.get(this.compact);
      this.jump.hidden = !(seen.get(this.form) && !shown);
    });
    this.observer.observe(this.form);
    this.observer.observe(figs);
    if (this.compact) this.observer.observe(this.compact);
  }

  clearErrors() {
    for (const el of this.form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
    for (const p of this.form.querySelectorAll(".calc-error")) {
      p.hidden = true;
      p.textContent = "";
    }
    this.formError.hidden = true;
    this.formError.textContent = "";
  }

  showError(field, text) {
    const el = field ? this.form.elements.namedItem(field) : null;
    const box = el instanceof HTMLElement ? el.closest(".calc-field") : null;
    const slot = box?.querySelector(".calc-error");
    if (el instanceof HTMLElement && slot) {
      el.setAttribute("aria-invalid", "true");
      slot.textContent = text;
      slot.hidden = false;
      const more = el.closest("details.calc-more");
      if (more) more.open = true; // the field to fix must be visible
    } else {
      this.formError.textContent = text;
      this.formError.hidden = false;
    }
    this.root.classList.add("calc-is-stale");
    this.staleNote.hidden = false;
    this.markTags();
  }

  // The short tag before the headline figure after the inputs and in the bar at the bottom (a
  // phone): "example" while the result is the build's example, "out of date" while a field's
  // message keeps the last good result on screen; site.css shows it only then. Once the reader
  // has typed over the example it stands alone (site.css hides the figure): "your result shows
  // once worked out" while the engine loads or computes, "not yet worked out…" when it cannot
  // (the engine failed, or a field's message waits for a fix).
  markTags() {
    const is = (name) => this.root.classList.contains(name);
    const waiting = is("calc-is-pending") && !is("calc-is-stale");
    const text = this.msg(is("calc-is-typed") ? (waiting ? "waiting-short" : "unworked-short")
      : is("calc-is-example") ? "example-short" : "stale-short");
    for (const tag of this.root.querySelectorAll(".calc-headline-tag, .calc-jump-tag")) tag.textContent = text;
  }

  // CSV buttons under every table of the result.
  decorate() {
    for (const table of this.output.querySelectorAll("table[data-table]")) {
      const wrap = table.closest(".calc-table-wrap") || table;
      if (wrap.querySelector(".calc-csv")) continue;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "calc-button calc-csv";
      button.dataset.action = "csv";
      button.dataset.table = table.dataset.table;
      button.textContent = this.msg("csv");
      wrap.append(button);
    }
  }

  showAll(name) {
    const table = this.output.querySelector(`table[data-table="${CSS.escape(name)}"]`);
    if (table) expandTable(table);
  }

  onClick(event) {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const action = button.dataset.action;
    if (action === "copy-link") this.copyLink();
    else if (action === "print") this.wholeTables().then(() => window.print());
    else if (action === "retry") engine?.retry();
    else if (action === "show-all") {
      this.expanded.add(button.dataset.table);
      this.showAll(button.dataset.table);
      this.wholeTables().then(() => this.showAll(button.dataset.table));
    } else if (action === "csv") this.wholeTables().then(() => downloadCsv(this, button.dataset.table));
    else if (action === "add-row") {
      const box = button.closest("[data-list]");
      this.listNote(box, "");
      if (box.querySelectorAll(".calc-row").length < Number(box.dataset.max || 20)) {
        this.addRow(box);
        this.renumber(box);
        this.schedule();
        this.form.dispatchEvent(new Event("calc:rows")); // situation.js keeps the rows too
      }
    } else if (action === "remove-row") {
      const box = button.closest("[data-list]");
      if (box.querySelectorAll(".calc-row").length > 1) {
        this.listNote(box, "");
        button.closest(".calc-row").remove();
        this.renumber(box);
        this.schedule();
        this.form.dispatchEvent(new Event("calc:rows"));
      } else {
        this.listNote(box, this.msg("last-row")); // refused, and said so
      }
    }
  }

  listNote(box, text) {
    const note = box.querySelector(".calc-list-note");
    if (!note) return;
    note.textContent = text;
    note.hidden = !text;
  }

  addRow(box) {
    const template = box.querySelector("template[data-row-template]");
    const index = box.querySelectorAll(".calc-row").length;
    const row = template.content.firstElementChild.cloneNode(true);
    box.insertBefore(row, template);
    this.renameRow(row, index);
  }

  renameRow(row, index) {
    row.dataset.row = String(index);
    const label = row.closest("[data-list]")?.dataset.rowLabel || "{n}";
    row.querySelector("legend").textContent = label.replace("{n}", String(index + 1));
    for (const el of row.querySelectorAll("[name], [id], [for], [aria-describedby]")) {
      for (const attr of ["name", "id", "for", "aria-describedby"]) {
        const v = el.getAttribute(attr);
        if (v) el.setAttribute(attr, v.replace(/(\.|-)(__i__|\d+)(\.|-)/g, `$1${index}$3`));
      }
    }
    for (const el of row.querySelectorAll("[data-field-name]")) {
      el.dataset.fieldName = el.dataset.fieldName.replace(/\.(__i__|\d+)\./, `.${index}.`);
    }
  }

  renumber(box) {
    box.querySelectorAll(".calc-row").forEach((row, i) => this.renameRow(row, i));
  }

  async copyLink() {
    const href = this.link();
    const box = this.root.querySelector(".calc-link");
    const input = box.querySelector("input");
    input.value = href;
    try {
      await navigator.clipboard.writeText(href);
      this.status.textContent = this.msg("copied");
      box.hidden = true;
    } catch {
      this.status.textContent = this.msg("copy-failed");
      box.hidden = false;
      input.select();
    }
  }
}

// ---- the language switch carries the inputs --------------------------------------------
// Only on a click on the language list (Material's .md-select, overrides/partials/alternate.html),
// and only when the reader has typed: the link is rewritten for that one navigation.

function carryInputs(event) {
  const link = event.target.closest?.(".md-select a[hreflang]");
  const widget = widgets[0];
  if (!link || !widget?.typed) return;
  const params = new URLSearchParams([["calc", widget.slug], ...widget.pairs()]);
  const url = new URL(link.getAttribute("href"), location.href);
  url.hash = params.toString();
  link.href = url.href;
}

document.addEventListener("click", carryInputs, true);
document.addEventListener("auxclick", carryInputs, true);

// ---- long tables: the first rows are in the page, the rest in data-rest ------
// In the HTML the build wrote, data-rest holds the hidden rows (JSON) and data-rest-shown their text
// as shown; after a recalculation the table's data-rest is empty and the rows come just after the
// answer, from a second question (Widget.loadRest: "rest", per table, each column one text cut at
// "\n", or a list of cells). Either way Python made every text (money grouped by views/html.py
// money_cell); this only places it.

const restData = new WeakMap(); // table -> its hidden rows from the reply

function keepRest(root, rest) {
  if (!rest) return;
  for (const table of root.querySelectorAll("table[data-table][data-rest]")) {
    const data = rest[table.dataset.table];
    if (data && !table.dataset.rest) restData.set(table, data);
  }
}

// The hidden rows as [plain, shown] cell texts (shown: the text the reader sees, plain: the figure
// kept for the CSV), or null when the table has none left to add.
function restOf(table) {
  if (!table.hasAttribute("data-rest")) return null;
  if (table.dataset.rest) {
    const plain = JSON.parse(table.dataset.rest);
    const shown = table.dataset.restShown ? JSON.parse(table.dataset.restShown) : null;
    return plain.map((row, r) => row.map((text, i) => [text, shown?.[r]?.[i] ?? text]));
  }
  const data = restData.get(table);
  if (!data) return null;
  const cut = (column) => (typeof column === "string" ? column.split("\n") : column);
  const cells = data.cells.map(cut);
  const shown = data.shown.map((column) => (column == null ? null : cut(column)));
  const rows = [];
  for (let r = 0; r < data.rows; r++) {
    rows.push(cells.map((column, i) => [column[r], shown[i]?.[r] ?? column[r]]));
  }
  return rows;
}

function expandTable(table) {
  const rows = restOf(table);
  if (!rows) return;
  const heads = [...table.querySelectorAll("thead th")];
  const labels = heads.map((th) => th.textContent);
  const body = table.tBodies[0];
  const frag = document.createDocumentFragment();
  for (const row of rows) {
    const tr = document.createElement("tr");
    row.forEach(([text, shown], i) => {
      const td = document.createElement("td");
      td.dataset.label = labels[i] ?? "";
      if (shown !== text) td.dataset.value = text;
      td.textContent = shown;
      tr.append(td);
    });
    frag.append(tr);
  }
  body.append(frag);
  delete table.dataset.rest;
  delete table.dataset.restShown;
  restData.delete(table);
  table.closest(".calc-table-wrap")?.querySelector(".calc-show-all")?.remove();
}

function expandAll() {
  for (const table of document.querySelectorAll(".calc table[data-rest]")) expandTable(table);
}

// ---- CSV export: every row, UTF-8 with BOM for spreadsheet programs ----------
// Money cells go in as plain figures (their data-value, "9233.20"), never as shown ("9,233.20").

// A cell a spreadsheet would read as a formula (= + - @, or a tab/return first) is kept as
// text by a leading apostrophe.
function csvCell(text) {
  const safe = /^[=+\-@\t\r]/.test(text) ? "'" + text : text;
  return /[",\n\r]/.test(safe) ? '"' + safe.replace(/"/g, '""') + '"' : safe;
}

function tableToCsv(table) {
  const lines = [];
  for (const tr of table.querySelectorAll("tr")) {
    lines.push([...tr.querySelectorAll("th, td")].map((c) => csvCell(c.dataset.value ?? c.textContent.trim())).join(","));
  }
  for (const row of restOf(table) ?? []) {
    lines.push(row.map(([c]) => csvCell(String(c).trim())).join(","));
  }
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}

function downloadCsv(widget, name) {
  const table = widget.output.querySelector(`table[data-table="${CSS.escape(name)}"]`);
  if (!table) return;
  const blob = new Blob([tableToCsv(table)], { type: "text/csv;charset=utf-8" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = `${widget.slug}-${name}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

// ---- start ------------------------------------------------------------------

// Widgets take the reader's inputs at once (a shared link's values are in the
// form before anything else happens); the engine starts when the page is idle or at the reader's
// first touch, whichever comes first (below), or only at that touch when the browser asks to save data.
const widgets = forms.map((form, i) => new Widget(form, i === 0));

// A new day: when the page is shown again, and at midnight while it stays open.
function refreshOld() {
  for (const w of widgets) w.refreshIfOld();
}
function atMidnight() {
  const now = new Date();
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 5);
  setTimeout(() => {
    refreshOld();
    atMidnight();
  }, Math.max(60000, next - now));
}
if (forms.length) {
  document.addEventListener("visibilitychange", () => document.hidden || refreshOld());
  window.addEventListener("pageshow", (event) => event.persisted && refreshOld());
  atMidnight();
}

function startEngine() {
  try {
    const py = new URL("../py/", import.meta.url);
    let expectedBytes = {};
    try {
      for (const f of forms) expectedBytes = { ...expectedBytes, ...JSON.parse(f.dataset.runtimeBytes || "{}") };
    } catch {
      /* progress without a total: the files' own lengths */
    }
    const names = [...new Set(forms.flatMap((f) => f.dataset.package.split(" ")))];
    engine = getEngine({
      packageUrls: names.map((name) => new URL(name, py).href),
      snapshotUrl: forms[0].dataset.snapshot ? new URL(forms[0].dataset.snapshot, py).href : "",
      expectedBytes,
      returning,
    });
  } catch {
    for (const w of widgets) w.onEngine({ state: "error", kind: "unsupported" });
    settled();
    return;
  }
  engine.on((event) => {
    widgets.forEach((w) => w.onEngine(event));
    if (event.state === "error" || event.snapshot) settled();
  });
}

// The engine starts at once on a calculator's or letter's own page (its head has already started
// Python: overrides/main.html) and when a shared link already filled the form; elsewhere when the
// page is idle, or on the reader's first touch of a form (focus, tap, key, input) if that comes
// first: a reader who is already typing never waits for an idle callback. With Save-Data only that
// first touch starts it.
if (forms.length) {
  const TOUCH = ["focusin", "pointerdown", "keydown", "input"];
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    for (const f of forms) for (const type of TOUCH) f.removeEventListener(type, start);
    startEngine();
  };
  for (const f of forms) for (const type of TOUCH) f.addEventListener(type, start);
  if (navigator.connection?.saveData) {
    /* only the reader's touch starts it */
  } else if (bootedFromHead() || widgets.some((w) => w.typed)) {
    start();
  } else if ("requestIdleCallback" in window) {
    requestIdleCallback(start, { timeout: 1500 });
  } else {
    setTimeout(start, 200);
  }
}

// Printing shows every table whole, folded or not.
const opened = [];
function beforePrint() {
  expandAll();
  for (const d of document.querySelectorAll(".calc details:not([open])")) {
    d.open = true;
    opened.push(d);
  }
}
window.addEventListener("beforeprint", beforePrint);
window.addEventListener("afterprint", () => {
  while (opened.length) opened.pop().open = false;
});
window.matchMedia?.("print").addEventListener?.("change", (event) => {
  if (event.matches) beforePrint();
});

// Material wraps wide tables in a scrolling box when the page loads; a keyboard user must be able
// to reach it to scroll (axe: scrollable-region-focusable).
function focusableScrollers() {
  for (const box of document.querySelectorAll(".md-typeset__scrollwrap")) box.tabIndex = 0;
}
focusableScrollers();
window.addEventListener("load", focusableScrollers);
