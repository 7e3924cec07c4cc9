// The calculators' widgets: forms, results, the share link, CSV and the status line.
//
// No arithmetic here. This file collects what the reader typed (as text),
// sends it through the engine (calc-engine.js) to calculators.web.run in the
// worker, and shows the HTML fragment that comes back, or the message for the
// field that needs fixing. Every word shown comes from the form's data-msg-*
// attributes (written by the build in the page's language) or from Python's reply.

import { getEngine } from "./calc-engine.js";

const forms = [...document.querySelectorAll("form[data-calculator]")];

// Offline after one visit: a service worker at the site root keeps the pages
// (and, once a calculator has run, the Python runtime). A reader whose browser
// asks to save data gets only what they open kept, nothing fetched ahead.
if ("serviceWorker" in navigator && location.protocol.startsWith("http")) {
  const root = new URL("../../", import.meta.url);
  const script = new URL("sw.js", root);
  if (navigator.connection?.saveData) script.searchParams.set("lite", "1");
  navigator.serviceWorker.register(script, { scope: root.pathname }).catch(() => {});
}

const DEBOUNCE_MS = 300;

let engine = null; // the page's one engine, once started

// ---- one widget -------------------------------------------------------------

class Widget {
  constructor(form, syncUrl) {
    this.form = form;
    this.slug = form.dataset.calculator;
    this.lang = form.dataset.lang || "zh";
    this.syncUrl = syncUrl && !form.closest(".letter-builder"); // letters: what is typed stays out of the address
    this.root = form.closest(".calc");
    this.output = this.root.querySelector(".calc-output-body");
    this.staleNote = this.root.querySelector(".calc-stale-note");
    this.status = form.querySelector(".calc-status");
    this.formError = form.querySelector(".calc-form-error");
    this.timer = null;
    this.seq = 0;
    this.dirty = false;
    form.calcCollect = () => this.collect(); // read by calendar.js ("add to calendar")
    if (syncUrl && this.restoreFromUrl()) {
      // The example below is for the default numbers, not the ones from the link.
      this.dirty = true;
      this.root.classList.add("calc-is-stale");
      this.status.textContent = this.msg("loading");
    }
    this.decorate();
    form.addEventListener("input", () => this.schedule());
    form.addEventListener("change", () => this.schedule());
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.compute();
    });
    form.addEventListener("click", (event) => this.onClick(event));
  }

  msg(name) {
    return this.form.dataset["msg" + name.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase())] || "";
  }

  // The engine's events (calc-engine.js) shown in the status line. An error kind is shown
  // with the page's data-msg-error-<kind> text when it has one, else the general data-msg-failed.
  onEngine(event) {
    const state = event.state;
    this.form.dataset.state = state === "restarting" ? "loading" : state;
    if (state === "ready") this.form.dataset.engine = event.how; // "snapshot" or "fresh"
    if (state === "error") this.form.dataset.engineError = event.kind; // for tests and bug reports
    const text = {
      loading: () => this.msg("loading"),
      restarting: () => this.msg("crashed"),
      ready: () => this.msg("ready"),
      error: () => this.msg(`error-${event.kind}`) || this.msg("failed"),
    }[state]?.();
    if (text) this.status.textContent = text;
    if (state === "ready" && this.dirty) this.compute();
  }

  // Values from the URL are set as text (never parsed as HTML).
  restoreFromUrl() {
    const params = new URLSearchParams(location.search);
    let restored = false;
    const rows = {};
    for (const [name, value] of params) {
      const m = /^(\w+)\.(\d+)\.(\w+)$/.exec(name);
      if (m) {
        rows[m[1]] = Math.max(rows[m[1]] ?? 0, Number(m[2]) + 1);
      }
    }
    for (const [list, count] of Object.entries(rows)) {
      const box = this.form.querySelector(`[data-list="${CSS.escape(list)}"]`);
      if (!box) continue;
      const max = Number(box.dataset.max || 20);
      while (box.querySelectorAll(".calc-row").length < Math.min(count, max)) this.addRow(box);
    }
    for (const [name, value] of params) {
      const el = this.form.elements.namedItem(name);
      if (!el || !(el instanceof HTMLElement)) continue;
      if (el.type === "checkbox") el.checked = value === "yes";
      else el.value = value;
      restored = true;
    }
    return restored;
  }

  collect() {
    const form = {};
    const lists = {};
    for (const el of this.form.querySelectorAll("input[name], select[name]")) {
      if (el.closest("template")) continue;
      const value = el.type === "checkbox" ? (el.checked ? "yes" : "no") : el.value;
      const m = /^(\w+)\.(\d+)\.(\w+)$/.exec(el.name);
      if (m) {
        const rows = (lists[m[1]] ??= []);
        (rows[Number(m[2])] ??= {})[m[3]] = value;
      } else {
        form[el.name] = value;
      }
    }
    for (const [name, rows] of Object.entries(lists)) form[name] = rows.filter(Boolean);
    return form;
  }

  writeUrl() {
    if (!this.syncUrl) return;
    const params = new URLSearchParams();
    for (const el of this.form.querySelectorAll("input[name], select[name]")) {
      if (el.closest("template")) continue;
      params.set(el.name, el.type === "checkbox" ? (el.checked ? "yes" : "no") : el.value);
    }
    history.replaceState(history.state, "", `${location.pathname}?${params}${location.hash}`);
  }

  schedule() {
    this.dirty = true;
    this.writeUrl();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.compute(), DEBOUNCE_MS);
  }

  async compute() {
    clearTimeout(this.timer);
    const eng = engine;
    if (!eng || eng.state !== "ready") return; // computed when ready, if dirty
    const seq = ++this.seq;
    const started = performance.now();
    this.form.setAttribute("aria-busy", "true");
    let reply;
    try {
      reply = JSON.parse(await eng.run(this.slug, JSON.stringify(this.collect()), this.lang));
    } catch {
      if (seq === this.seq) this.form.removeAttribute("aria-busy");
      return; // the engine restarts and recomputes when ready again
    }
    if (seq !== this.seq) return; // a newer input already went out
    this.form.removeAttribute("aria-busy");
    this.dirty = false;
    this.clearErrors();
    if (reply.ok) {
      this.output.innerHTML = reply.html; // built by Python's render, which escapes all text
      this.form.dispatchEvent(new CustomEvent("calc:result", { detail: reply })); // letter.js listens
      this.root.classList.remove("calc-is-stale");
      this.staleNote.hidden = true;
      this.decorate();
      performance.measure(`calc-update:${this.slug}`, { start: started }); // read by `make bench`
    } else {
      this.showError(reply.field, reply.message[this.lang] || reply.message.zh);
    }
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
    } else {
      this.formError.textContent = text;
      this.formError.hidden = false;
    }
    this.root.classList.add("calc-is-stale");
    this.staleNote.hidden = false;
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

  onClick(event) {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const action = button.dataset.action;
    if (action === "copy-link") this.copyLink();
    else if (action === "print") window.print();
    else if (action === "add-row") {
      const box = button.closest("[data-list]");
      if (box.querySelectorAll(".calc-row").length < Number(box.dataset.max || 20)) {
        this.addRow(box);
        this.renumber(box);
        this.schedule();
      }
    } else if (action === "remove-row") {
      const box = button.closest("[data-list]");
      if (box.querySelectorAll(".calc-row").length > 1) {
        button.closest(".calc-row").remove();
        this.renumber(box);
        this.schedule();
      }
    }
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
    this.writeUrl();
    const link = this.form.querySelector(".calc-link");
    const input = link.querySelector("input");
    input.value = location.href;
    try {
      await navigator.clipboard.writeText(location.href);
      this.status.textContent = this.msg("copied");
      link.hidden = true;
    } catch {
      this.status.textContent = this.msg("copy-failed");
      link.hidden = false;
      input.select();
    }
  }
}

// ---- CSV export: the cells as shown, UTF-8 with BOM for spreadsheet programs --

function tableToCsv(table) {
  const quote = (text) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [];
  for (const tr of table.querySelectorAll("tr")) {
    lines.push([...tr.querySelectorAll("th, td")].map((c) => quote(c.textContent.trim())).join(","));
  }
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}

document.addEventListener("click", (event) => {
  const button = event.target.closest?.("button.calc-csv");
  if (!button) return;
  const root = button.closest(".calc");
  const table = root.querySelector(`table[data-table="${CSS.escape(button.dataset.table)}"]`);
  const slug = root.querySelector("form[data-calculator]").dataset.calculator;
  const blob = new Blob([tableToCsv(table)], { type: "text/csv;charset=utf-8" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = `${slug}-${button.dataset.table}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
});

// ---- start ------------------------------------------------------------------

// Widgets take the reader's inputs at once (a shared link's values are in the
// form before anything else happens); the engine starts when the page is idle,
// or on first interaction when the reader's browser asks to save data.
const widgets = forms.map((form, i) => new Widget(form, i === 0));

function startEngine() {
  try {
    const py = new URL("../py/", import.meta.url);
    engine = getEngine({
      packageUrl: new URL(forms[0].dataset.package, py).href,
      snapshotUrl: forms[0].dataset.snapshot ? new URL(forms[0].dataset.snapshot, py).href : "",
    });
  } catch {
    for (const w of widgets) w.onEngine({ state: "error", kind: "unsupported" });
    return;
  }
  engine.on((event) => widgets.forEach((w) => w.onEngine(event)));
}

if (forms.length) {
  if (navigator.connection?.saveData) {
    const start = () => {
      for (const f of forms) {
        f.removeEventListener("focusin", start);
        f.removeEventListener("pointerdown", start);
      }
      startEngine();
    };
    for (const f of forms) {
      f.addEventListener("focusin", start);
      f.addEventListener("pointerdown", start);
    }
  } else if ("requestIdleCallback" in window) {
    requestIdleCallback(startEngine, { timeout: 1500 });
  } else {
    setTimeout(startEngine, 200);
  }
}

// Printing shows every table, folded or not.
const opened = [];
window.addEventListener("beforeprint", () => {
  for (const d of document.querySelectorAll(".calc details:not([open])")) {
    d.open = true;
    opened.push(d);
  }
});
window.addEventListener("afterprint", () => {
  while (opened.length) opened.pop().open = false;
});
