// My situation, kept on this device only when the reader chooses (issue 24 items 1, 2 and 6).
//
// It stores the plan form's own inputs ([name, value] pairs, as typed) and the collection log's
// (issue 24 item 5: docs/letters/collection-log.md, its own [name, value] pairs) in this browser's
// localStorage under one key, one document with both parts, and nothing else: no request carries
// them, no address holds them. Each page's panel names its part (data-part: "pairs" on the plan
// page, "log" on the log page); a save keeps the other part as it was, so one switch, one lock,
// one export and one "Delete everything" cover both.
// Off by default; turning the switch off, or "Delete everything", removes every key this file
// writes. A passphrase locks what is kept: AES-GCM (256-bit key) with a key derived by PBKDF2
// (SHA-256, 600,000 rounds) from the passphrase and a random 16-byte salt, a fresh 12-byte IV on
// every save; the key stays in memory only. Export writes the same envelope to a file (locked stays
// locked); import reads it back, migrating an older format, and says clearly when a file is
// damaged or foreign. No arithmetic here; every word comes from the panel's data-msg-* attributes.
//
// Also here: links that open another tool with the plan's numbers (data-carry, written by Python:
// calculators/views/plan.py). On the tap their pairs go into the link's fragment, which no browser
// sends to a server; the page that opens takes them and removes the fragment at once.

const KEY = "overdue-help.situation";
const FORMAT = "overdue-help/situation";
export const VERSION = 2;
const ROUNDS = 600000;

// ---- the kept document: {format, version, pairs, log} or, locked, {format, version, locked: {...}} ----
// Locked, the encrypted text is {pairs, log} (version 2) or, from a version 1 lock, the pairs alone.

// Older formats, upgraded one step at a time: version -> function(doc) giving version + 1.
// Version 0 (the drafts before the format had a version) kept the form as {form: {name: value}}.
export const MIGRATIONS = {
  0: (doc) => ({ format: FORMAT, version: 1, pairs: Object.entries(doc.form || {}).map(([k, v]) => [k, String(v)]) }),
  // Version 2 added the collection log: a version 1 file has none yet (a locked one says so inside).
  1: (doc) => (doc.locked ? { ...doc, version: 2 } : { ...doc, version: 2, log: [] }),
};

const PARTS = ["pairs", "log"];
const isPairs = (list) => Array.isArray(list) && list.every((p) => Array.isArray(p) && p.length === 2
  && typeof p[0] === "string" && typeof p[1] === "string");

// A parsed file or kept value -> the current format, or an Error whose .kind is "bad" or "new".
export function migrate(doc) {
  const fail = (kind) => Object.assign(new Error(kind), { kind });
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) throw fail("bad");
  let version = doc.version ?? (doc.form ? 0 : undefined);
  if (doc.format !== undefined && doc.format !== FORMAT) throw fail("bad");
  if (!Number.isInteger(version) || version < 0) throw fail("bad");
  if (version > VERSION) throw fail("new");
  while (version < VERSION) {
    doc = MIGRATIONS[version](doc);
    version = doc.version;
  }
  if (doc.locked) {
    const { salt, iv, data } = doc.locked;
    if (![salt, iv, data].every((x) => typeof x === "string")) throw fail("bad");
    return doc;
  }
  if (!PARTS.every((part) => isPairs(doc[part]))) throw fail("bad");
  return doc;
}

// ---- storage that may be refused (private mode, a full disk) ---------------------------------

function storage() {
  try {
    const s = window.localStorage;
    s.setItem(KEY + ".probe", "1");
    s.removeItem(KEY + ".probe");
    return s;
  } catch {
    return null;
  }
}

// ---- the lock -------------------------------------------------------------------------------

const b64 = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const unb64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function deriveKey(passphrase, salt) {
  const material = await crypto.subtle.importKey("raw", new TextEncoder().encode(passphrase), "PBKDF2", false,
    ["deriveKey"]);
  return crypto.subtle.deriveKey({ name: "PBKDF2", salt, iterations: ROUNDS, hash: "SHA-256" }, material,
    { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
}

async function lock(parts, key, salt) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key,
    new TextEncoder().encode(JSON.stringify(parts)));
  return { format: FORMAT, version: VERSION, locked: { salt: b64(salt), iv: b64(iv), data: b64(data) } };
}

async function unlock(doc, passphrase) {
  const salt = unb64(doc.locked.salt);
  const key = await deriveKey(passphrase, salt);
  const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: unb64(doc.locked.iv) }, key,
    unb64(doc.locked.data)); // throws on a wrong passphrase: AES-GCM checks its tag
  const body = JSON.parse(new TextDecoder().decode(plain));
  const parts = Array.isArray(body) ? { pairs: body, log: [] } : { pairs: body?.pairs, log: body?.log ?? [] };
  if (!PARTS.every((part) => isPairs(parts[part]))) throw new Error("bad");
  return { parts, key, salt };
}

// ---- the panel on the plan page and on the collection log's page ------------------------------

class Store {
  constructor(panel, form, part) {
    this.panel = panel;
    this.form = form;
    this.part = part; // this page's part of the document: "pairs" (the plan) or "log"
    this.kept = { pairs: [], log: [] }; // the document as last read, for the part this page does not show
    this.store = storage();
    this.keep = panel.querySelector("[data-store-keep]");
    this.status = panel.querySelector("[data-store-status]");
    this.unlockBox = panel.querySelector("[data-store-unlock]");
    this.key = null; // the lock's key, in memory only
    this.salt = null;
    this.pendingDoc = null; // a locked document waiting for its passphrase
    this.timer = null;
    panel.addEventListener("click", (event) => this.onClick(event));
    this.keep.addEventListener("change", () => this.onKeep());
    panel.querySelector("[data-store-import]").addEventListener("change", (event) => this.importFile(event));
    form.addEventListener("input", () => this.scheduleSave());
    form.addEventListener("change", () => this.scheduleSave());
    form.addEventListener("calc:rows", () => this.scheduleSave());
    if (!this.store) {
      this.keep.disabled = true;
      this.say("no-storage");
      return;
    }
    this.load();
  }

  say(name) {
    this.status.textContent = this.panel.dataset["msg" + name.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase())]
      || "";
    this.panel.dataset.state = name; // for tests and styling
  }

  load() {
    const text = this.store.getItem(KEY);
    if (!text) return;
    let doc;
    try {
      doc = migrate(JSON.parse(text));
    } catch {
      this.store.removeItem(KEY); // a damaged value helps nobody; what is on screen stays
      return;
    }
    this.keep.checked = true;
    if (doc.locked) {
      this.pendingDoc = doc;
      this.unlockBox.hidden = false;
      this.unlockBox.querySelector("input").focus?.();
      return;
    }
    this.fill(doc);
    this.say("saved");
  }

  fill(parts) {
    this.kept = { pairs: parts.pairs, log: parts.log };
    // a document with nothing yet for this page (only a log kept, or only a plan) leaves the form as it is
    if (parts[this.part].length) this.form.calcRestore?.(parts[this.part]);
  }

  // Both parts: this page's from its form; the other as kept (re-read when it is not locked, so
  // a save here never undoes one made on the other page; not after an import, which brings both).
  parts(imported = false) {
    const other = this.part === "log" ? "pairs" : "log";
    let kept = this.kept[other];
    if (!this.key && !imported) {
      try {
        kept = migrate(JSON.parse(this.store?.getItem(KEY) ?? "null"))[other] ?? kept;
      } catch {
        /* nothing kept, or damaged: what was read last */
      }
    }
    return { [other]: kept, [this.part]: this.form.calcPairs() };
  }

  scheduleSave() {
    if (!this.keep.checked || this.pendingDoc) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.save(), 300);
  }

  async save(imported = false) {
    if (!this.store || !this.keep.checked || this.pendingDoc) return;
    const parts = this.parts(imported);
    const doc = this.key ? await lock(parts, this.key, this.salt) : { format: FORMAT, version: VERSION, ...parts };
    try {
      this.store.setItem(KEY, JSON.stringify(doc));
      this.say(this.key ? "locked" : "saved");
    } catch {
      this.say("no-storage");
    }
  }

  onKeep() {
    if (this.keep.checked) {
      this.save();
    } else {
      this.erase(false);
      this.say("removed");
    }
  }

  // Every key this file writes, gone; with `clear`, the form back to its defaults too.
  erase(clear) {
    clearTimeout(this.timer);
    for (const s of [this.store, window.sessionStorage]) {
      if (!s) continue;
      for (const name of Object.keys(s)) if (name.startsWith(KEY)) s.removeItem(name);
    }
    this.key = this.salt = this.pendingDoc = null;
    this.kept = { pairs: [], log: [] };
    this.unlockBox.hidden = true;
    this.keep.checked = false;
    if (clear) {
      this.form.calcClear?.();
      for (const input of this.panel.querySelectorAll("input[type=password]")) input.value = "";
    }
  }

  async onClick(event) {
    const button = event.target.closest?.("button[data-store-action]");
    if (!button) return;
    const action = button.dataset.storeAction;
    if (action === "lock") {
      const input = this.panel.querySelector("[data-store-passphrase]");
      if (input.value.length < 8) return this.say("short");
      this.salt = crypto.getRandomValues(new Uint8Array(16));
      this.key = await deriveKey(input.value, this.salt);
      input.value = "";
      this.keep.checked = true;
      await this.save();
    } else if (action === "unlock") {
      const input = this.unlockBox.querySelector("input");
      try {
        const opened = await unlock(this.pendingDoc, input.value);
        Object.assign(this, { key: opened.key, salt: opened.salt, pendingDoc: null });
        input.value = "";
        this.unlockBox.hidden = true;
        this.fill(opened.parts);
        this.say("locked");
      } catch {
        this.say("wrong");
      }
    } else if (action === "erase") {
      if (!window.confirm(this.panel.dataset.confirmErase)) return;
      this.erase(true);
      this.say("erased");
    } else if (action === "export") {
      this.exportFile();
    }
  }

  async exportFile() {
    const parts = this.parts();
    const doc = this.key ? await lock(parts, this.key, this.salt) : { format: FORMAT, version: VERSION, ...parts };
    const blob = new Blob([JSON.stringify(doc, null, 1)], { type: "application/json" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "my-situation.json";
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    this.say("exported");
  }

  async importFile(event) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    let doc;
    try {
      doc = migrate(JSON.parse(await file.text()));
    } catch (error) {
      return this.say(error.kind === "new" ? "new-file" : "bad-file");
    }
    if (doc.locked) {
      this.pendingDoc = doc;
      this.unlockBox.hidden = false;
      return;
    }
    this.fill(doc);
    this.say("imported");
    clearTimeout(this.timer);
    await this.save(true);
    if (this.keep.checked) this.say("imported");
  }
}

const panel = document.querySelector("[data-situation-store]");
const storeForm = panel && document.querySelector(`form[data-calculator="${CSS.escape(panel.dataset.form || "plan")}"]`);
if (panel && storeForm) new Store(panel, storeForm, panel.dataset.part === "log" ? "log" : "pairs");

// ---- another tool filled from the kept situation, in one tap ----------------------------------
// Offered only when a situation is kept unlocked on this device (a locked one opens on its own page).
// The plan is computed by Python on this page's engine; its reply carries each tool's form (the
// data-carry pairs of calculators/views/plan.py); this form takes the pairs written for it.

function keptPairs() {
  try {
    const doc = migrate(JSON.parse(window.localStorage.getItem(KEY) || "null"));
    return doc.locked ? null : doc.pairs;
  } catch {
    return null;
  }
}

function asForm(pairs) {
  const form = {};
  for (const [name, value] of pairs) {
    const m = /^(\w+)\.(\d+)\.(\w+)$/.exec(name);
    if (m) ((form[m[1]] ??= [])[Number(m[2])] ??= {})[m[3]] = value;
    else form[name] = value;
  }
  for (const [name, value] of Object.entries(form)) if (Array.isArray(value)) form[name] = value.filter(Boolean);
  return form;
}

async function fillFromSituation(box) {
  const form = box.parentElement.querySelector("form[data-calculator]");
  const status = box.querySelector("[role=status]");
  const slug = form.dataset.calculator;
  try {
    const reply = JSON.parse(await form.calcRun("plan", JSON.stringify(asForm(keptPairs() || []))));
    if (!reply.ok) throw new Error("plan");
    const html = new DOMParser().parseFromString(reply.html, "text/html"); // read, never shown
    const pairs = [...html.querySelectorAll("[data-carry]")].map((a) => JSON.parse(a.dataset.carry))
      .find((p) => p[0]?.[0] === "calc" && p[0][1] === slug);
    if (!pairs) throw new Error("none");
    const link = [...html.querySelectorAll("[data-carry]")].find((a) => JSON.parse(a.dataset.carry)[0]?.[1] === slug);
    rememberDebt(link?.dataset.carryDebt);
    form.calcRestore(pairs.slice(1));
    status.textContent = box.dataset.msgFilled;
  } catch {
    status.textContent = box.dataset.msgNotFilled;
  }
}

for (const box of document.querySelectorAll(".calc-fill-situation")) {
  if (!keptPairs()) continue;
  box.hidden = false;
  box.querySelector("button").addEventListener("click", () => fillFromSituation(box));
}

// ---- opening another tool with the plan's numbers -------------------------------------------

document.addEventListener("click", (event) => {
  const link = event.target.closest?.("a[data-carry]");
  if (!link) return;
  let pairs;
  try {
    pairs = JSON.parse(link.dataset.carry);
  } catch {
    return;
  }
  const url = new URL(link.getAttribute("href"), location.href);
  url.hash = new URLSearchParams(pairs).toString();
  link.href = url.href;
  rememberDebt(link.dataset.carryDebt);
}, true);

// ---- a tool's result saved back into the kept situation ---------------------------------------
// The block after a payoff or negotiation result (calculators/views/plan.py save_block) holds the
// pairs Python chose to keep (payoff: the order; negotiation: an agreed plan for one debt). Offered,
// like "fill in", only when a situation is kept unlocked here; the tap replaces those pairs in the
// kept document (a debt's under debts.<k>.) and nothing else. Which debt: the reader's choice,
// first the one this tool was opened for (its position only, kept for this tab).

function rememberDebt(k) {
  try {
    if (k !== undefined) window.sessionStorage.setItem(KEY + ".debt", String(k));
  } catch {
    /* no session storage: the reader picks the debt */
  }
}

function keptDoc() {
  try {
    const doc = migrate(JSON.parse(window.localStorage.getItem(KEY) || "null"));
    return doc.locked ? null : doc;
  } catch {
    return null;
  }
}

// The debts in the kept pairs, in order: [[position, name], ...] (names as typed, never parsed).
function keptDebts(pairs) {
  const names = new Map();
  for (const [name, value] of pairs) {
    const m = /^debts\.(\d+)\.(\w+)$/.exec(name);
    if (!m) continue;
    if (!names.has(m[1])) names.set(m[1], "");
    if (m[2] === "name") names.set(m[1], value);
  }
  return [...names].sort((a, b) => Number(a[0]) - Number(b[0]));
}

function offerSaving(root) {
  const doc = keptDoc();
  if (!doc) return;
  for (const box of root.querySelectorAll(".calc-save-situation")) {
    const select = box.querySelector("[data-save-debt]");
    if (select) {
      const debts = keptDebts(doc.pairs);
      if (!debts.length) continue;
      select.replaceChildren(...debts.map(([k, name], i) =>
        new Option(name || box.dataset.msgUnnamed.replace("{n}", String(i + 1)), k)));
      let remembered = null;
      try {
        remembered = window.sessionStorage.getItem(KEY + ".debt");
      } catch {
        /* none */
      }
      if (debts.some(([k]) => k === remembered)) select.value = remembered;
    }
    box.hidden = false;
  }
}

for (const form of document.querySelectorAll("form[data-calculator]")) {
  const root = form.closest(".calc");
  if (!root?.querySelector(".calc-save-situation")) continue;
  offerSaving(root);
  form.addEventListener("calc:result", () => offerSaving(root));
}

document.addEventListener("click", (event) => {
  const button = event.target.closest?.("[data-save-situation]");
  if (!button) return;
  const box = button.closest(".calc-save-situation");
  const status = box.querySelector("[role=status]");
  const doc = keptDoc();
  let save;
  try {
    save = JSON.parse(box.dataset.save);
  } catch {
    save = null;
  }
  if (!doc || !save) {
    status.textContent = box.dataset.msgNotSaved;
    return;
  }
  if (box.dataset.saveRow) {
    const k = box.querySelector("[data-save-debt]").value;
    save = save.map(([name, value]) => [`${box.dataset.saveRow}.${k}.${name}`, value]);
  }
  const names = new Set(save.map(([name]) => name));
  doc.pairs = [...doc.pairs.filter(([name]) => !names.has(name)), ...save];
  try {
    window.localStorage.setItem(KEY, JSON.stringify(doc));
    status.textContent = box.dataset.msgSaved;
  } catch {
    status.textContent = box.dataset.msgNotSaved;
  }
});
