// The calculators' engine: one module Web Worker (calc-worker.js) running Python, shared by
// every widget on the page. No DOM and no words: it starts the worker, boots it (with the
// snapshot fast path when one is kept), reports download progress, gives up only on a real
// failure (never while bytes are still arriving), restarts a worker that crashed or got stuck,
// starts again on retry(), and passes calls through. What the reader sees is the widget's business (calculator.js).
//
// Accepts
//   getEngine({packageUrls, snapshotUrl, expectedBytes, returning}) -> engine   the page's one engine,
//       started on first call. packageUrls: the calculators' zip (+ the letters' on a letter page);
//       expectedBytes: {file: [raw, sent]} from the build (hooks/runtime.py), for progress;
//       returning: a calculator page was shown before (calculatorViews): the snapshot may be kept
//   engine.run(slug, formJson, lang) -> Promise<string>
//       resolves with calculators.web.run's reply (JSON text); rejects with an EngineError
//       (its .kind, below) when the engine is not ready or the call fails. A failed call is not
//       retried here: the engine restarts, and the caller calls again when it is ready.
//   engine.warm(slug, formJson, lang)   once ready, before the reader's first change: the worker runs
//       that calculator on the form as it stands and drops the reply (calc-worker.js "warm"), so
//       the first change is not the one that pays for Python's and the wasm's first run of its code
//   engine.on(listener) -> unsubscribe   listener(event) now with the current event, then on each change
//   engine.state                         "loading" | "restarting" | "ready" | "error"
//   engine.retry()                       after "error": start again (no page reload)
//
// Emits (one small object per change of state)
//   {state: "loading"}            the worker is starting Python
//   {state: "loading", loaded, total}   bytes of the runtime transferred so far, of about total
//                                 (as sent, compressed: repeated while bytes arrive)
//   {state: "ready", how}         how: "snapshot" (fast start from a kept snapshot) | "fresh"
//   {state: "ready", how, snapshot}   again, once the worker has decided about the snapshot: "kept" |
//                                 "had" | "skipped" | "failed" (calc-worker.js)
//   {state: "restarting", kind}   the worker was replaced after a failure of that kind; calls again soon
//   {state: "error", kind}        given up: the page keeps its build-time examples
//
// Error kinds
//   "unsupported"     no WebAssembly or no module workers in this browser
//   "network"         the runtime or the calculators package could not be downloaded
//   "runtime-failed"  Python did not start, or the calculators did not import
//   "stalled"         a download got no bytes for 30 s (the worker's STALL_MS)
//   "timeout"         the worker said nothing (no progress, no heartbeat) for SILENCE_MS
//   "crashed"         the worker died
//   "stuck"           a call got no answer within CALL_TIMEOUT_MS
//   "run-failed"      a call threw inside the worker (the runtime is broken)
//   "not-ready"       run() was called before the engine was ready (only ever a rejected call)
// After "crashed", "stuck" or "run-failed" while ready, the worker is restarted up to MAX_RESTARTS times.

performance.mark("calc-engine-loaded"); // timing marks: read by `make bench`

// No fixed limit on starting: a slow link may take minutes. The worker reports progress and a
// heartbeat every second while it starts, so silence this long means it is gone or hung.
const SILENCE_MS = 60000;
const CALL_TIMEOUT_MS = 5000; // a call that takes longer means the worker is stuck
const MAX_RESTARTS = 2;
const RESTARTABLE = new Set(["crashed", "stuck", "run-failed"]);

export class EngineError extends Error {
  constructor(kind, detail = "") {
    super(detail ? `${kind}: ${detail}` : kind);
    this.kind = kind;
  }
}

// Keep the snapshot (6.6 MB) after an ordinary start only for a reader who came back, on a fast
// link, without Save-Data (bench/notes.md); a kept one is always used.
function shouldKeepSnapshot(returning) {
  const link = globalThis.navigator?.connection;
  return returning && !!link && !link.saveData && link.effectiveType === "4g";
}

// Calculator pages shown before this one (0 the first time), counting this one: a number in
// localStorage, nothing typed.
const VIEWS_KEY = "overdue-help:calculator-views";
export function calculatorViews() {
  try {
    const before = Number.parseInt(localStorage.getItem(VIEWS_KEY) || "0", 10) || 0;
    localStorage.setItem(VIEWS_KEY, String(Math.min(before + 1, 1000)));
    return before;
  } catch {
    return 0;
  }
}

// The worker a calculator's own page started from its head (overrides/main.html), taken over once:
// it has been fetching the runtime since then, and starting Python if the head could tell it the
// page's packages (worker.booted; what it said meanwhile is in worker.early). One that failed to load
// is dropped (a new one starts).
function earlyWorker() {
  const worker = globalThis.calcEarlyWorker;
  delete globalThis.calcEarlyWorker;
  if (!worker) return null;
  worker.onerror = null;
  if (!worker.failed) return worker;
  worker.terminate();
  return null;
}

// Whether this page's head has already told a worker to start Python (calculator.js then starts the
// engine at once: there is nothing left to wait for an idle moment for).
export function bootedFromHead() {
  return Boolean(globalThis.calcEarlyWorker?.booted && !globalThis.calcEarlyWorker.failed);
}

class Engine {
  constructor(packageUrls, snapshotUrl, expectedBytes, returning) {
    this.packageUrls = packageUrls;
    this.returning = returning;
    this.snapshotUrl = snapshotUrl;
    this.expectedBytes = expectedBytes || {};
    this.calls = new Map();
    this.nextId = 1;
    this.listeners = new Set();
    this.restarts = 0;
    this.event = { state: "loading" };
    this.start();
  }

  get state() {
    return this.event.state;
  }

  on(listener) {
    this.listeners.add(listener);
    listener(this.event);
    return () => this.listeners.delete(listener);
  }

  emit(event) {
    this.event = event;
    for (const fn of this.listeners) fn(event);
  }

  start(kind = "") {
    performance.mark("calc-engine-start");
    this.emit(kind ? { state: "restarting", kind } : { state: "loading" });
    if (typeof WebAssembly !== "object") return this.giveUp("unsupported");
    let early = earlyWorker();
    if (early?.booted && !this.bootedWithOurs(early)) {
      // booted by the head with other packages than this page's forms need (the head reads the first
      // form's only): dropped, and a worker started with all of them
      early.terminate();
      early = null;
    }
    try {
      // named by the snapshot's URL: the worker reads what an earlier visit kept from its start
      this.worker = early ?? new Worker(new URL("./calc-worker.js", import.meta.url),
        { type: "module", name: this.snapshotUrl });
    } catch {
      return this.giveUp("unsupported");
    }
    this.worker.onmessage = (event) => this.onMessage(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault?.();
      this.fail(this.state === "ready" ? "crashed" : "runtime-failed");
    };
    this.listen();
    const keepSnapshot = shouldKeepSnapshot(this.returning);
    if (early?.booted) {
      // started by the page's head with the same packages: what it said until now, then whether to keep
      // the snapshot (the head cannot tell whether the reader came back)
      const said = early.early ?? [];
      early.early = null;
      for (const msg of said) {
        if (this.worker !== early) return; // it had failed (boot-failed): dropped, or replaced already
        this.onMessage(msg);
      }
      if (this.worker === early) this.worker.postMessage({ type: "keep", keepSnapshot });
      return;
    }
    this.worker.postMessage({ type: "boot", packageUrls: this.packageUrls, snapshotUrl: this.snapshotUrl, keepSnapshot });
  }

  // Whether a worker the page's head booted was given exactly this engine's packages and snapshot.
  bootedWithOurs(worker) {
    const theirs = worker.packageUrls ?? [];
    return worker.snapshotUrl === this.snapshotUrl && theirs.length === this.packageUrls.length
      && theirs.every((url, k) => url === this.packageUrls[k]);
  }

  // Restart the silence timer: called for every message from a worker that is starting.
  listen() {
    clearTimeout(this.readyTimer);
    this.readyTimer = setTimeout(() => this.fail("timeout"), SILENCE_MS);
  }

  // files: {name: [arrived (unpacked), length, sent once complete]}; a file still arriving counts
  // its share of the build's figure of what a host sends.
  progress(files) {
    const expected = this.expectedBytes;
    let loaded = 0;
    let total = 0;
    for (const [name, [got, length, sent]] of Object.entries(files)) {
      const [raw, send] = Array.isArray(expected[name]) ? expected[name] : [length, length];
      const arrived = sent ?? (raw ? Math.round((Math.min(got, raw) * send) / raw) : got);
      loaded += arrived;
      total += Math.max(arrived, send || length || 0);
    }
    for (const [name, size] of Object.entries(expected)) {
      if (!(name in files)) total += Array.isArray(size) ? size[1] : size;
    }
    if (this.state === "loading") this.emit({ state: "loading", loaded, total });
  }

  onMessage(msg) {
    if (this.state !== "ready" && msg.type !== "reply") this.listen();
    if (msg.type === "progress") {
      this.progress(msg.files);
    } else if (msg.type === "ready") {
      clearTimeout(this.readyTimer);
      // the worker's steps and fetches on the page's clock, then ready: read by `make bench`
      for (const [step, at] of Object.entries(msg.marks ?? {})) {
        performance.mark(`calc-worker:${step}`, { startTime: at - performance.timeOrigin });
      }
      for (const f of msg.fetches ?? []) {
        performance.measure(`calc-fetch:${f.name}`, { start: f.start - performance.timeOrigin,
          end: f.end - performance.timeOrigin, detail: f.bytes });
      }
      performance.mark("calc-engine-ready", { detail: msg.how });
      this.emit({ state: "ready", how: msg.how });
    } else if (msg.type === "warmed") {
      // read by `make bench` and the tests: how long the warm-up run took in the worker
      if (this.worker) this.worker.warming = false;
      this.warmNext();
      try {
        if (msg.ms !== undefined) {
          performance.measure(`calc-warm:${msg.slug}`, { start: msg.at - performance.timeOrigin, duration: msg.ms });
        }
      } catch {
        /* a measure the page's clock refuses: only the bench and the tests read it */
      }
    } else if (msg.type === "snapshot") {
      if (this.state === "ready") this.emit({ ...this.event, snapshot: msg.outcome });
    } else if (msg.type === "boot-failed") {
      if (this.state === "ready") return; // a late echo of a start that succeeded after all
      console.warn("calculators: the engine did not start:", msg.detail);
      this.fail(msg.kind);
    } else if (msg.type === "reply") {
      const call = this.calls.get(msg.id);
      if (!call) return;
      clearTimeout(call.timer);
      this.calls.delete(msg.id);
      if (msg.error) {
        console.warn("calculators: a call failed in the worker:", msg.detail);
        this.fail(msg.error);
      } else {
        this.lastRunMs = msg.ms; // the Python call's own time in the worker (read by calculator.js for `make bench`)
        call.resolve(msg.reply);
        // after the caller has had its answer: a call it makes next (the hidden rows) goes first
        setTimeout(() => this.warmNext(), 0);
      }
    }
  }

  // A worker that failed is dropped with every call it held; one that was ready is replaced.
  fail(kind) {
    clearTimeout(this.readyTimer);
    this.worker?.terminate();
    this.worker = null;
    for (const call of this.calls.values()) {
      clearTimeout(call.timer);
      call.reject(new EngineError(kind));
    }
    this.calls.clear();
    if (this.state === "error") return;
    if (RESTARTABLE.has(kind) && this.restarts < MAX_RESTARTS) {
      this.restarts += 1;
      this.start(kind);
    } else {
      this.giveUp(kind);
    }
  }

  giveUp(kind) {
    this.emit({ state: "error", kind });
  }

  retry() {
    if (this.state !== "error") return;
    this.restarts = 0;
    this.start();
  }

  // Nothing waits for it and nothing is shown. Each calculator once per worker, one at a time and only
  // while no call is waiting (a page with several calculators): a reader's call waits for at most the
  // one warm-up already running, which spares it the same first-run cost when it is that calculator.
  warm(slug, formJson, lang) {
    if (this.state !== "ready" || !this.worker) return;
    this.worker.warmed ??= new Set();
    if (this.worker.warmed.has(slug)) return;
    this.worker.warmed.add(slug);
    this.worker.warmQueue ??= [];
    this.worker.warmQueue.push({ type: "warm", slug, form: formJson, lang, today: readersToday() });
    this.warmNext();
  }

  warmNext() {
    const worker = this.worker;
    if (!worker?.warmQueue?.length || worker.warming || this.calls.size) return;
    worker.warming = true;
    worker.postMessage(worker.warmQueue.shift());
  }

  run(slug, formJson, lang) {
    if (this.state !== "ready") return Promise.reject(new EngineError("not-ready"));
    const id = this.nextId++;
    // this calculator's own run pays its first-run cost: a warm-up still queued for it is pointless
    if (this.worker?.warmQueue) this.worker.warmQueue = this.worker.warmQueue.filter((w) => w.slug !== slug);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.fail("stuck"), CALL_TIMEOUT_MS);
      this.calls.set(id, { resolve, reject, timer });
      this.worker.postMessage({ type: "run", id, slug, form: formJson, lang, today: readersToday() });
    });
  }
}

// The reader's own date, on this device's clock and in its time zone (a borrower in China at
// 00:30 is on the new day, whatever the time in UTC): what a "today" left empty means
// (calculators.web.run's today). Only the calendar date is read; nothing is computed from it here.
export function readersToday(now = new Date()) {
  const two = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

let engine = null;

export function getEngine({ packageUrls, snapshotUrl = "", expectedBytes = {}, returning = false }) {
  engine ??= new Engine(packageUrls, snapshotUrl, expectedBytes, returning);
  return engine;
}
