// "Add to calendar" under a plan's result: the plan's .ics file, made by Python in the worker
// (calculators.web.run with the slug "<slug>.ics") and downloaded from a Blob. Nothing is sent
// anywhere. No arithmetic and no words here: the block's data-msg-* attributes (written by
// calculators/views/calendar.py in the page's language) and Python's reply say everything.
//
// The block:  <div class="calc-calendar" data-calendar="<slug>" data-msg-working data-msg-done data-msg-failed>
//               [<input type="date" data-calendar-first>]  a plan without dates of its own asks for the first one
//               <button data-action="calendar">  <p class="calc-calendar-msg" role="status">
// The inputs come from the widget's form through form.calcCollect() (set by calculator.js), so the
// calendar is built from exactly what the reader typed.

import { getEngine } from "./calc-engine.js";

const READY_TIMEOUT_MS = 60000; // the engine's own start gives up earlier; this only bounds the wait

function whenReady(engine) {
  return new Promise((resolve, reject) => {
    let off = () => {};
    const timer = setTimeout(() => {
      off();
      reject(new Error("timeout"));
    }, READY_TIMEOUT_MS);
    off = engine.on((event) => {
      if (event.state === "ready" || event.state === "error") {
        clearTimeout(timer);
        queueMicrotask(() => off());
        if (event.state === "ready") resolve(engine);
        else reject(new Error(event.kind));
      }
    });
  });
}

function engineFor(form) {
  const py = new URL("../py/", import.meta.url);
  return getEngine({
    packageUrls: form.dataset.package.split(" ").map((name) => new URL(name, py).href),
    snapshotUrl: form.dataset.snapshot ? new URL(form.dataset.snapshot, py).href : "",
  });
}

function download(text, filename) {
  const blob = new Blob([text], { type: "text/calendar;charset=utf-8" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

// The widget re-renders its result (a blur after typing recomputes it), which replaces this block.
// What the reader typed into it, its focus and its last message are kept per widget and put back.
const kept = new WeakMap(); // .calc root -> {first, focused, invalid, msg, error}

function state(el) {
  const root = el.closest(".calc");
  if (!kept.has(root)) kept.set(root, { first: "", focused: false, invalid: false, msg: "", error: false });
  return kept.get(root);
}

function restore(root) {
  const s = kept.get(root);
  const block = root.querySelector(".calc-calendar");
  if (!s || !block) return;
  const first = block.querySelector("[data-calendar-first]");
  if (first && s.first) first.value = s.first;
  if (first && s.invalid) first.setAttribute("aria-invalid", "true");
  if (first && s.focused) first.focus();
  const msg = block.querySelector(".calc-calendar-msg");
  msg.textContent = s.msg;
  msg.classList.toggle("is-error", s.error);
}

for (const body of document.querySelectorAll(".calc .calc-output-body")) {
  new MutationObserver(() => restore(body.closest(".calc"))).observe(body, { childList: true });
}

document.addEventListener("input", (event) => {
  const el = event.target;
  if (!(el instanceof HTMLElement) || !el.closest(".calc")) return;
  if (el.matches("[data-calendar-first]")) {
    Object.assign(state(el), { first: el.value, msg: "", error: false, invalid: false }); // a new date: the old message goes
    el.removeAttribute("aria-invalid");
    const msg = el.closest(".calc-calendar")?.querySelector(".calc-calendar-msg");
    if (msg) {
      msg.textContent = "";
      msg.classList.remove("is-error");
    }
  }
  else if (el.closest("form[data-calculator]")) Object.assign(state(el), { msg: "", error: false }); // new numbers
});
document.addEventListener("focusin", (event) => {
  if (event.target.matches?.("[data-calendar-first]")) state(event.target).focused = true;
});
document.addEventListener("focusout", (event) => {
  // a field removed by a re-render loses focus too: that is not the reader leaving it
  if (event.target.matches?.("[data-calendar-first]") && event.target.isConnected) state(event.target).focused = false;
});

async function addToCalendar(block) {
  const root = block.closest(".calc");
  const form = root?.querySelector("form[data-calculator]");
  const msg = block.querySelector(".calc-calendar-msg");
  const first = block.querySelector("[data-calendar-first]");
  const say = (text, error = false) => {
    Object.assign(state(block), { msg: text, error });
    const now = root.querySelector(".calc-calendar .calc-calendar-msg") || msg; // the block may be new
    now.textContent = text;
    now.classList.toggle("is-error", error);
  };
  if (!form || typeof form.calcCollect !== "function") return say(block.dataset.msgFailed, true);
  const values = form.calcCollect();
  if (first) {
    values.calendar_first = first.value;
    first.removeAttribute("aria-invalid");
    state(block).invalid = false;
  }
  say(block.dataset.msgWorking);
  let reply;
  try {
    const engine = await whenReady(engineFor(form));
    reply = JSON.parse(await engine.run(`${block.dataset.calendar}.ics`, JSON.stringify(values),
      form.dataset.lang || "zh"));
  } catch {
    return say(block.dataset.msgFailed, true);
  }
  if (!reply.ok) {
    const field = root.querySelector(".calc-calendar [data-calendar-first]");
    if (field && reply.field === "calendar_first") {
      state(block).invalid = true;
      field.setAttribute("aria-invalid", "true");
      field.focus();
    }
    return say(reply.message[form.dataset.lang] || reply.message.zh, true);
  }
  download(reply.ics, reply.filename);
  say(block.dataset.msgDone);
}

document.addEventListener("click", (event) => {
  const button = event.target.closest?.('.calc-calendar button[data-action="calendar"]');
  if (!button) return;
  const block = button.closest(".calc-calendar");
  button.disabled = true;
  addToCalendar(block).finally(() => {
    button.disabled = false;
  });
});
