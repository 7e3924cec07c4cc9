// The document builders' buttons (copy, print, download .txt) and the carry from the
// negotiation calculator into the negotiation letter.
//
// No arithmetic and no words here: the text to send is Python's (the reply's "text",
// or the same text kept in the result as <pre class="letter-plain">), the messages are
// the result's data-msg-* attributes in the page's language. Nothing is sent anywhere:
// the text goes to the clipboard, the printer or a file made on this device.

const texts = new WeakMap(); // letter form -> the exact text of its latest reply

for (const form of document.querySelectorAll(".letter-builder form[data-calculator]")) {
  form.addEventListener("calc:result", (event) => {
    if (typeof event.detail?.text === "string") texts.set(form, event.detail.text);
  });
}

function textOf(builder) {
  const form = builder.querySelector("form[data-calculator]");
  if (form && texts.has(form)) return texts.get(form);
  return builder.querySelector(".letter-plain")?.textContent ?? "";
}

function say(actions, name) {
  const status = actions.querySelector(".letter-status");
  if (status) status.textContent = actions.dataset[name] || "";
}

function copyByHand(builder) {
  // Old browsers: a selected textarea and execCommand; if that fails too, show the text to select.
  const area = document.createElement("textarea");
  area.value = textOf(builder);
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

async function copy(builder, actions) {
  const text = textOf(builder);
  try {
    await navigator.clipboard.writeText(text);
    say(actions, "msgCopied");
    return;
  } catch {
    if (copyByHand(builder)) {
      say(actions, "msgCopied");
      return;
    }
  }
  const plain = builder.querySelector(".letter-plain");
  if (plain) {
    plain.hidden = false;
    plain.tabIndex = 0;
    const range = document.createRange();
    range.selectNodeContents(plain);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  }
  say(actions, "msgCopyFailed");
}

function download(builder, actions, button) {
  // UTF-8 with a byte-order mark and CRLF line ends, so Windows Notepad shows it right.
  const body = "\ufeff" + textOf(builder).replace(/\r?\n/g, "\r\n") + "\r\n";
  const blob = new Blob([body], { type: "text/plain;charset=utf-8" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = button.dataset.filename || "letter.txt";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  say(actions, "msgSaved");
}

// ---- print: the letter only --------------------------------------------------------------
// A copy of the letter, kept as the last child of <body> and refreshed whenever the letter changes;
// letter.css prints that copy and nothing else (the browser's own print menu included).

function printCopy() {
  const letter = document.querySelector(".letter-builder .letter-body");
  let copy = document.querySelector("body > .letter-print");
  if (!letter) {
    copy?.remove();
    return;
  }
  if (!copy) {
    copy = document.createElement("div");
    copy.className = "letter-print";
    copy.setAttribute("aria-hidden", "true");
    document.body.append(copy);
  }
  copy.replaceChildren(letter.cloneNode(true));
}

for (const builder of document.querySelectorAll(".letter-builder")) {
  new MutationObserver(printCopy).observe(builder, { childList: true, subtree: true, characterData: true });
}
window.addEventListener("beforeprint", printCopy);
printCopy();

document.addEventListener("click", (event) => {
  const button = event.target.closest?.("button[data-letter-action]");
  if (button) {
    const builder = button.closest(".letter-builder");
    const actions = button.closest(".letter-actions");
    if (!builder || !actions) return;
    const action = button.dataset.letterAction;
    if (action === "copy") copy(builder, actions);
    else if (action === "print") window.print();
    else if (action === "download") download(builder, actions, button);
    return;
  }
  const carry = event.target.closest?.("a[data-letter-carry]");
  if (carry) carryPlan(carry);
});

// ---- the negotiation calculator's "write the letter" link -------------------------------
// Built on click from the plan the calculator's own result carries (.calc-letter-plan, written by
// Python: negotiation.letter_plan, the recommended plan whether it fits the budget or not);
// carried in the URL fragment, which never leaves the device and is removed on arrival.

const CARRIED = ["owed", "penalties", "plan", "months", "monthly", "waive"];

function carryPlan(link) {
  const form = document.querySelector('form[data-calculator="negotiation"]');
  if (!form) return;
  const plan = form.closest(".calc").querySelector(".calc-letter-plan");
  const params = new URLSearchParams();
  for (const name of CARRIED) {
    const value = plan?.dataset[name];
    if (value) params.set(name, value);
  }
  const url = new URL(link.getAttribute("href"), location.href);
  url.hash = params.toString();
  link.href = url.href;
}

// ---- a letter page opened with numbers in its fragment ---------------------------------

function takeCarried() {
  const builder = document.querySelector(".letter-builder");
  if (!builder || location.hash.length < 2 || !location.hash.includes("=")) return;
  const form = builder.querySelector("form[data-calculator]");
  const params = new URLSearchParams(location.hash.slice(1));
  let taken = false;
  for (const [name, text] of params) {
    const el = form.elements.namedItem(name);
    if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement)) continue;
    if (el.type === "checkbox") el.checked = text === "yes";
    else el.value = text; // set as text, never parsed as HTML
    taken = true;
  }
  // The numbers are in the form now; they need not stay in the address or the history entry.
  history.replaceState(history.state, "", location.pathname + location.search);
  if (taken) form.dispatchEvent(new Event("input", { bubbles: true }));
}

takeCarried();

// "Jump to the letter" (in the page's language) at the top of a letter's form: the letter comes into view and takes
// the focus, so a screen reader or a keyboard goes on from the letter (nothing is added to the address).
for (const link of document.querySelectorAll("[data-letter-jump]")) {
  link.addEventListener("click", (event) => {
    const target = document.getElementById(link.hash.slice(1));
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  });
}
