// Module Web Worker: the self-hosted Pyodide runtime and our calculators package (the wasm's zstd is
// unpacked by a second worker it starts, zstd-worker.js).
// Only strings cross: the form as JSON text in, the reply as JSON text out.
// It holds no words for readers: failures go out as kinds (calc-engine.js lists them),
// and the page shows its own text for each.
//
// Its name (the Worker's `name` option): the snapshot's URL, or nothing (read at once: NAMED, below).
// Messages in (from calc-engine.js, or the boot from the page's head: overrides/main.html):
//   {type: "boot", packageUrls, snapshotUrl, keepSnapshot}   packageUrls: the calculators' zip (and
//                                        the letters' on a letter page); keepSnapshot: the engine's choice
//                                        (left out by the page's head: a "keep" message brings it)
//   {type: "keep", keepSnapshot}         the engine's choice, once it has taken over a worker the head booted
//   {type: "run", id, slug, form, lang, today}
//   {type: "warm", slug, form, lang, today}   once ready: run that calculator once, the reply dropped
// Messages out:
//   {type: "progress", files}            while starting, every second at most (a heartbeat too):
//                                        files = {file name: [bytes arrived (unpacked), Content-Length
//                                        or 0, and once complete: the bytes sent (Resource Timing)]}
//   {type: "ready", how, marks, fetches} how: "snapshot" | "fresh"; marks: {step: epoch ms} and
//                                        fetches: [{name, start, end, bytes}] for `make bench`
//   {type: "boot-failed", kind, detail}  kind: "network" | "stalled" | "runtime-failed"; detail is for the console only
//   {type: "snapshot", outcome}          after ready: "kept" (fetched and kept now for the next visit),
//                                        "had" (already kept, or started from it), "skipped" (not asked
//                                        for: a first visit, Save-Data, a slow link), "failed"
//   {type: "wasm", outcome}              then, once the snapshot is kept (or was): the runtime kept
//                                        unpacked for the next start (keepUnpacked; the wasm last, so
//                                        this comes when all of it is kept): the wasm's outcome,
//                                        "kept" | "had" | "failed"
//   {type: "reply", id, reply, ms}       reply: calculators.web.run's JSON text; ms: the call's time
//   {type: "reply", id, error, detail}   error: "run-failed" (the Python call itself threw)
//   {type: "warmed", slug, at, ms}       a "warm" done: when it began (epoch ms) and its time (both left
//                                        out when the call threw)

// boot.mjs is imported, not a static import: this script then runs as soon as it has arrived, and
// asks for the wasm (below) one round trip sooner than after its imports.
const bootModule = import("./boot.mjs");
bootModule.catch(() => {}); // a failure is reported when boot() awaits it

// Timing of the start, in milliseconds since the epoch (the page's clock differs from ours).
const now = () => performance.timeOrigin + performance.now();
const marks = { "worker-start": now() };
const mark = (name) => {
  marks[name] = now();
};

const PYODIDE_DIR = new URL("../../pyodide/", import.meta.url);
const RUNTIME_CACHE = "runtime"; // shared with the service worker (sw.js)

// The snapshot's URL is this worker's name (given by whoever starts it: the page's head or
// calc-engine.js; the boot message says it again). What an earlier visit kept of the runtime is then
// read from this worker's first moment: the boot message reaches it only once its thread is done with
// pyodide.asm.mjs, a few hundred milliseconds later. Beside the snapshot, the runtime kept unpacked
// (keepUnpacked) under names with the same key (keys in the runtime cache, never files on the host; the
// key names this Pyodide build, macros/package.py runtime_key, so a new Pyodide never meets an old
// one; the service worker keeps them, hooks/offline.py kept_unpacked):
//   assets/py/snapshot-<key>.bin.gz -> assets/py/pyodide.asm-<key>.wasm   the wasm (9.6 MB)
//                                   -> assets/py/snapshot-<key>.mem       the snapshot's memory, its
//                                      zero pages left out (memoryImage: about 13 of its 31 MB)
//                                   -> assets/py/stdlib-<key>.kept.zip    the standard library's zip (0.7 MB)
const NAMED = /^(.*\/)snapshot-([0-9a-f]+)\.bin\.gz$/.exec(self.name || "");
const NAMED_SNAPSHOT = NAMED ? NAMED[0] : "";
const KEPT_WASM = NAMED ? `${NAMED[1]}pyodide.asm-${NAMED[2]}.wasm` : "";
const KEPT_MEMORY = NAMED ? `${NAMED[1]}snapshot-${NAMED[2]}.mem` : "";
const KEPT_STDLIB = NAMED ? `${NAMED[1]}stdlib-${NAMED[2]}.kept.zip` : "";
// Read once the kept wasm's compile has begun (below: a microtask after this script has run): the
// compile then runs on its own threads while the snapshot is read, instead of waiting behind it.
const namedSnapshot = Promise.resolve().then(() => keptWasm).then(() => keptSnapshot(NAMED_SNAPSHOT));
// The standard library kept unpacked, read at once (null if none is kept); handed to loadPyodide's
// fetch of the library once (countingFetch): a start that falls back after a refused snapshot downloads it.
let keptStdlib = KEPT_STDLIB && "caches" in self
  ? caches.open(RUNTIME_CACHE).then((cache) => cache.match(KEPT_STDLIB)).then((r) => (r ? r.arrayBuffer() : null))
    .catch(() => null)
  : null;
keptStdlib?.catch(() => {});
let stdlibZip = null; // the library's zip as this start unpacked it (unzipped): kept after ready

// Fetch the runtime's two scripts at once (pyodide.mjs would ask for pyodide.asm.mjs only after
// it has arrived): one round trip fewer on a slow link. loadPyodide's own import of
// pyodide.asm.mjs then finds it loaded. A failure is reported when the import is awaited.
const pyodideScript = import(new URL("pyodide.mjs", PYODIDE_DIR).href);
pyodideScript.catch(() => {});
import(new URL("pyodide.asm.mjs", PYODIDE_DIR).href).catch(() => {});

let run = null;
let failed = false;

function failBoot(kind, err) {
  if (failed) return;
  failed = true;
  self.postMessage({ type: "boot-failed", kind, detail: String(err) });
}

// ---- download progress (messages only: what is fetched, and how, is unchanged) ----------
// While starting, every fetch (Pyodide's own: the wasm, the standard library, the lock file;
// and our package) is passed through a counter. A fetch that fails or answers with an HTTP
// error marks the start as a network failure; a download that gets no bytes for STALL_MS
// is given up as "stalled". Nothing else gives up while bytes are arriving.
const STALL_MS = 30000;
// Once nothing is downloading, Python starts in seconds (tens on a slow phone); this long
// with nothing arriving and no answer means it is not going to start.
const START_MS = 90000;
const files = {}; // name -> [bytes arrived, Content-Length or 0]
const complete = new Set(); // names whose body has arrived whole
let open = 0; // bodies still arriving
let lastByte = Date.now();
let networkFailure = "";
const plainFetch = self.fetch.bind(self);

// The zstd decoder (fzstd, copied beside Pyodide by the build: hooks/runtime.py). The wasm and the
// standard library come as zstd (.zst: the wasm 2.89 MB against 3.42 MB as the smallest gzip) and are
// unpacked here; where the decoder cannot be had, as their .gz. Asked for at once, beside the wasm.
let zstd = null; // the decoder's module, once loaded
const STREAMS = typeof TransformStream === "function";
const zstdLoaded = STREAMS
  ? import(new URL("fzstd.mjs", PYODIDE_DIR).href).then((m) => ((zstd = m), true), () => false)
  : Promise.resolve(false);

// The first of ``urls`` the host has (for a .zst: and whose decoder has loaded); a host without one
// answers 404 and the next is asked for. The last answer, or failure, if none.
async function firstFound(urls, init) {
  let last = null;
  for (const url of urls) {
    try {
      const response = await plainFetch(url, init);
      if (response.ok && url.endsWith(".zst") && !(await zstdLoaded)) {
        response.body?.cancel().catch(() => {});
        continue;
      }
      if (response.ok || url === urls[urls.length - 1]) return response;
      last = response;
    } catch (err) {
      if (url === urls[urls.length - 1]) throw err;
      last = err;
    }
  }
  if (last instanceof Response) return last;
  throw last;
}

// The wasm (2.9 MB as sent, the longest download) is asked for as soon as this worker runs, not
// when loadPyodide asks for it (after pyodide.mjs has arrived and the boot message): loadPyodide's
// own fetch of the same URL is handed what came of it, so nothing is downloaded twice (a
// <link rel=preload> in the page would be: a worker's fetch does not use the page's preloads).
// As pyodide.asm.wasm.zst, else pyodide.asm.wasm.gz where the browser can unzip a stream (gzipped once
// with zopfli), else the plain wasm; each unpacked as it arrives (wasmFrom).
const WASM_URL = new URL("pyodide.asm.wasm", PYODIDE_DIR).href;
const SOLID = typeof DecompressionStream === "function";
const WASM_FILES = [...(STREAMS ? [`${WASM_URL}.zst`] : []), ...(SOLID ? [`${WASM_URL}.gz`] : []), WASM_URL];
const early = new Map(); // url -> the response (a promise) that loadPyodide's fetch of it is handed

// The file name a response is counted under: what was fetched (the wasm's .zst or .gz, or itself).
const fetchedName = (response, asked) => (response.url ? new URL(response.url).pathname.split("/").pop() : asked);

// Bytes the decoder cannot read mark the file damaged (not a network failure).
let damaged = false;

// The wasm's zstd is unpacked in a second worker (zstd-worker.js: its own thread, so this worker's
// start does not wait on the decoding), asked for with the wasm itself; here, where that worker cannot
// be had (a browser without workers in workers, or its script not loaded).
const startHelper = () => (STREAMS && typeof Worker === "function"
  ? new Promise((resolve) => {
    try {
      const worker = new Worker(new URL("./zstd-worker.js", import.meta.url), { type: "module" });
      worker.onmessage = ({ data }) => resolve(data === "ready" ? worker : null);
      worker.onerror = () => resolve(null);
    } catch {
      resolve(null);
    }
  })
  : Promise.resolve(null));
let helper = null; // the one started for this start's wasm: asked for with it

// A zstd stream unpacked as a TransformStream: by a second worker (``helper``: one that has not yet
// been used), or here with fzstd.
function unzstd(helper) {
  let worker = null;
  let here = null;
  let finished = null;
  return new TransformStream({
    async start(controller) {
      worker = await helper;
      if (!worker) {
        here = new zstd.Decompress((data) => {
          if (data.length) controller.enqueue(data.slice()); // the decoder keeps its window
        });
        return;
      }
      finished = new Promise((resolve, reject) => {
        worker.onmessage = ({ data }) => {
          if (data === "done") resolve();
          else if (data instanceof Uint8Array) controller.enqueue(data);
          else {
            damaged = true;
            reject(new Error(`zstd: ${data.error}`));
          }
        };
        worker.onerror = (event) => reject(new Error(`zstd worker: ${event.message}`));
      });
      finished.then(() => worker.terminate(), (err) => {
        worker.terminate();
        controller.error(err);
      });
    },
    transform(chunk) {
      if (here) {
        try {
          here.push(chunk, false);
        } catch (err) {
          damaged = true;
          throw err;
        }
        return;
      }
      const own = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength ? chunk : chunk.slice();
      worker.postMessage(own, [own.buffer]);
    },
    flush() {
      if (here) {
        try {
          here.push(new Uint8Array(0), true); // throws if the stream stopped short
        } catch (err) {
          damaged = true;
          throw err;
        }
        return undefined;
      }
      worker.postMessage("end");
      return finished;
    },
  });
}

// The wasm inside a .zst or .gz response (counted as it arrived; ``name``: what was fetched), unpacked as a stream so that
// WebAssembly compiles it while it downloads: served as application/wasm, as Pyodide requires. A host
// that sent it with a Content-Encoding has unpacked it already; a plain wasm is passed on as it is.
function wasmFrom(response, name, decoder = helper) {
  const encoded = (response.headers.get("Content-Encoding") || "identity") !== "identity";
  const packing = /\.(zst|gz)$/.exec(name)?.[1];
  const body = encoded || !packing ? response.body
    : response.body.pipeThrough(packing === "zst" ? unzstd(decoder) : new DecompressionStream("gzip"));
  return new Response(body, { status: 200, headers: { "Content-Type": "application/wasm" } });
}

// The wasm is compiled as it arrives, from the moment this worker runs, not from when loadPyodide
// asks for it (after pyodide.mjs, pyodide.asm.mjs and the boot message): on a fast link the
// download is over by then, and all the compile was still to do. loadPyodide's fetch of the wasm
// is answered with a stand-in (no body: the bytes are not kept twice), and its
// WebAssembly.instantiateStreaming of that stand-in instantiates the module compiled here
// (Pyodide 314.0.7 instantiates the response its fetch got: pyodide.mjs, getInstantiateWasmFunc;
// tests/browser/test_start.py checks that it still does). A response that is not ok is handed over
// as it is, and reported when loadPyodide's fetch gets it.
// On a start after one that kept the wasm unpacked (keepWasm), it is compiled from there: nothing to
// download or unpack (a kept wasm that does not compile is dropped, and the download takes its place).
const compiledFrom = new WeakMap(); // stand-in handed to loadPyodide -> the compiled module (a promise)
let wasmFile = ""; // the name its bytes are counted under (none for a kept wasm: nothing is downloaded)
const keptWasm = KEPT_WASM && "caches" in self
  ? caches.open(RUNTIME_CACHE).then((cache) => cache.match(KEPT_WASM)).catch(() => undefined)
  : Promise.resolve(undefined);

// The wasm downloaded (the first of WASM_FILES the host has) and compiled as it arrives:
// {module: the compile (a promise)}, or {response} if the host's answer is not ok.
async function compileDownload() {
  helper ??= startHelper();
  const response = await firstFound(WASM_FILES);
  if (!response.ok) return { response };
  const name = fetchedName(response, "pyodide.asm.wasm");
  wasmFile = name;
  mark("wasm-compiling"); // its headers have arrived: the compile starts with its first bytes
  return { module: WebAssembly.compileStreaming(wasmFrom(counted(response, name), name)) };
}

async function compileKept(kept) {
  mark("wasm-compiling");
  mark("wasm-from-kept"); // compiled from the wasm kept unpacked: nothing downloaded or unpacked
  try {
    return await WebAssembly.compileStreaming(kept);
  } catch {
    caches.open(RUNTIME_CACHE).then((cache) => cache.delete(KEPT_WASM)).catch(() => {});
    const { response, module } = await compileDownload();
    if (!response) return module;
    networkFailure ||= `${fetchedName(response, "pyodide.asm.wasm")}: HTTP ${response.status}`;
    throw new NetworkError(networkFailure);
  }
}

if (typeof WebAssembly === "object" && typeof WebAssembly.compileStreaming === "function") {
  early.set(WASM_URL, keptWasm.then(async (kept) => {
    const { response, module } = kept ? { module: compileKept(kept) } : await compileDownload();
    if (response) return response; // not ok: handed to loadPyodide's fetch, which reports it
    module.then(() => mark("wasm-compiled"), () => {}); // a failure is reported when loadPyodide instantiates it
    const standIn = new Response(null, { status: 200, headers: { "Content-Type": "application/wasm" } });
    compiledFrom.set(standIn, module);
    return standIn;
  }));
  early.get(WASM_URL).catch(() => {});
  const instantiateStreaming = WebAssembly.instantiateStreaming.bind(WebAssembly);
  WebAssembly.instantiateStreaming = async (source, imports) => {
    try {
      const response = await source;
      const module = compiledFrom.get(response);
      if (!module) return await instantiateStreaming(response, imports);
      mark("wasm-handed"); // loadPyodide instantiates the module compiled here: no second compile
      const compiled = await module;
      return { module: compiled, instance: await WebAssembly.instantiate(compiled, imports) };
    } catch (err) {
      // Pyodide only logs a failed instantiation and waits: give the start up now; a wasm whose bytes
      // stopped coming is a network failure, one that came whole and does not compile is not
      const cutOff = !damaged && wasmFile && !complete.has(wasmFile);
      failBoot(cutOff ? "network" : failureKind(err), networkFailure || err);
      throw err;
    }
  };
} else {
  helper = startHelper();
  early.set(WASM_URL, firstFound(WASM_FILES));
  early.get(WASM_URL).catch(() => {}); // a failure is reported when loadPyodide's fetch gets it
}

function counted(response, name) {
  const encoded = (response.headers.get("Content-Encoding") || "identity") !== "identity";
  const length = encoded ? 0 : Number(response.headers.get("Content-Length") || 0);
  files[name] = [0, length];
  if (!response.body) return response;
  open += 1;
  let done = false;
  const finish = () => {
    if (!done) open -= 1;
    done = true;
    complete.add(name);
  };
  const counter = new TransformStream({
    transform(chunk, controller) {
      files[name][0] += chunk.byteLength;
      lastByte = Date.now();
      controller.enqueue(chunk);
    },
    flush: finish,
  });
  const body = response.body.pipeThrough(counter);
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

// The zips come as <zip>.gz where the browser can unzip a stream (hooks/runtime.py, write_solid:
// one gzip stream over the stored zip, about 20 % fewer bytes than the zip itself); Pyodide's
// stdLibURL and unpackArchive get the zip inside. Browsers without DecompressionStream fetch the zip.
const solidUrl = (url) => (SOLID && url ? `${url}.gz` : url);

// The zip inside a <zip>.gz response, after it was counted as it arrived. A host that sent the .gz
// with Content-Encoding: gzip has unzipped it already (the body then starts with the zip's "PK").
async function unzipped(response, name) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const zstdFrame = bytes[0] === 0x28 && bytes[1] === 0xb5 && bytes[2] === 0x2f && bytes[3] === 0xfd;
  const zip = bytes[0] === 0x1f && bytes[1] === 0x8b
    ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer()
    : zstdFrame ? zstd.decompress(bytes) : bytes;
  if (name.startsWith("stdlib-")) stdlibZip = zip;
  return new Response(zip, { status: 200, headers: { "Content-Type": "application/zip" } });
}

function countingFetch(input, init) {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  const key = new URL(url, self.location.href).href;
  if (keptStdlib && key === stdlibUrl(NAMED_SNAPSHOT)) {
    // the library kept unpacked (nothing downloaded or unpacked), handed over once
    const kept = keptStdlib;
    keptStdlib = null;
    return kept.then((zip) => {
      if (!zip) return fetchCounted(input, init);
      mark("stdlib-from-kept");
      return new Response(zip, { status: 200, headers: { "Content-Type": "application/zip" } });
    });
  }
  return fetchCounted(input, init);
}

function fetchCounted(input, init) {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  let name = new URL(url, self.location.href).pathname.split("/").pop();
  const key = new URL(url, self.location.href).href;
  const started = early.get(key);
  early.delete(key); // handed over once; a later fetch of it goes to the network
  // the standard library's .zst (stdlibUrl) where the decoder has loaded (it was asked for at this
  // worker's start), else its .gz, else the zip, as the host has them
  const zipOf = (url) => url.replace(/\.zst$/, "");
  const asked = started ?? (/\.zip\.zst$/.test(key)
    ? zstdLoaded.then((decoder) => firstFound([...(decoder ? [key] : []), ...(SOLID ? [`${zipOf(key)}.gz`] : []), zipOf(key)]))
    : plainFetch(input, init));
  return asked.then(
    (response) => {
      if (compiledFrom.has(response)) return response; // the wasm, counted and being compiled already
      // counted under the name of what came (the wasm's or the library's .zst or .gz): the names
      // the page's expected sizes use (hooks/runtime.py)
      name = fetchedName(response, name);
      if (response.ok && name.startsWith("pyodide.asm.wasm")) return wasmFrom(counted(response, name), name);
      if (response.ok) return /\.zip\.(gz|zst)$/.test(name) ? unzipped(counted(response, name), name) : counted(response, name);
      networkFailure ||= `${name}: HTTP ${response.status}`;
      failBoot("network", networkFailure); // Pyodide may wait forever on a refused wasm: give up now
      return response;
    },
    (err) => {
      networkFailure ||= `${name}: ${err}`;
      failBoot("network", networkFailure);
      throw err;
    },
  );
}

let reporter = null;

// What has arrived, with the bytes actually sent for each file that is complete (the browser's
// own count, compressed as the host sent it: Resource Timing's encodedBodySize).
function report() {
  const out = structuredClone(files);
  for (const entry of performance.getEntriesByType("resource")) {
    const name = new URL(entry.name).pathname.split("/").pop();
    if (complete.has(name) && out[name] && entry.encodedBodySize > 0) out[name][2] = entry.encodedBodySize;
  }
  return out;
}

function startReporting() {
  self.fetch = countingFetch;
  reporter = setInterval(() => {
    const quiet = Date.now() - lastByte;
    if (open > 0 && quiet > STALL_MS) failBoot("stalled", "no bytes for 30 s");
    if (open === 0 && quiet > START_MS) failBoot("timeout", "not started 90 s after the last byte");
    self.postMessage({ type: "progress", files: report() });
  }, 1000);
}

function stopReporting() {
  clearInterval(reporter);
  self.fetch = plainFetch;
  self.postMessage({ type: "progress", files: report() });
}

function failureKind(err) {
  return err instanceof NetworkError || networkFailure ? "network" : "runtime-failed";
}

// Pyodide leaves some of its own promises unhandled when a download fails; the
// failure is already reported through boot(), so keep it out of the page's errors.
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  if (!run) failBoot(failureKind(event.reason), networkFailure || event.reason);
});

// A failure to fetch something is a "network" failure; anything else while starting is "runtime-failed".
class NetworkError extends Error {}

async function download(url) {
  let response;
  try {
    response = await fetch(url);
  } catch (err) {
    throw new NetworkError(`${url}: ${err}`);
  }
  if (!response.ok) throw new NetworkError(`${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

// A memory snapshot (Pyodide with our calculators already imported) starts in
// well under a second instead of about three. It is only used when an earlier
// visit kept it; a snapshot that does not fit this runtime is dropped.
// Null if none is kept, else {bytes}: its memory (a promise: loadPyodide waits for it only where it
// needs it, after its own start), from the memory image kept unpacked (KEPT_MEMORY) where there is one
// that reads, else gunzipped (about a third of a second of processor time for 31 MB).
async function keptSnapshot(url) {
  if (!url || !("caches" in self)) return null;
  try {
    const cache = await caches.open(RUNTIME_CACHE);
    const [packed, image] = await Promise.all([
      cache.match(url), url === NAMED_SNAPSHOT && KEPT_MEMORY ? cache.match(KEPT_MEMORY) : undefined]);
    if (!packed) return null;
    const gunzipped = () => new Response(packed.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
    const bytes = image
      ? image.arrayBuffer().then(memoryImage).then((memory) => (mark("memory-from-kept"), memory), () => {
        cache.delete(KEPT_MEMORY).catch(() => {}); // not an image this worker reads: made again after ready
        return gunzipped();
      })
      : gunzipped();
    bytes.catch(() => {}); // reported when loadPyodide awaits it (the start then goes the ordinary way)
    return { bytes };
  } catch {
    return null;
  }
}

// ---- the snapshot's memory kept unpacked, its zero pages left out --------------------------------
// Format (little-endian 32-bit numbers): "OHM1", the memory's length, the number of spans, then the
// spans: offset, length and the span's bytes; a span is a run of MEMORY_PAGE-byte pages of the memory
// (the last may be shorter) not all zero, in order; the rest of the memory is zero. The count makes an
// image cut short at a span's end fail to read (its missing pages would be zeros in Python's memory). tests/browser/helpers.py memory_image makes
// the same bytes in Python.
const MEMORY_MAGIC = 0x314d484f; // "OHM1"
const MEMORY_PAGE = 4096;

// The memory (an ArrayBuffer) from an image; throws if it is not one.
function memoryImage(buffer) {
  const bytes = new Uint8Array(buffer);
  const view = new DataView(buffer);
  if (bytes.length < 12 || view.getUint32(0, true) !== MEMORY_MAGIC) throw new Error("not a memory image");
  const memory = new Uint8Array(view.getUint32(4, true));
  const spans = view.getUint32(8, true);
  let at = 12;
  let end = 0;
  let read = 0;
  while (at < bytes.length) {
    if (at + 8 > bytes.length) throw new Error("memory image: cut short");
    const offset = view.getUint32(at, true);
    const length = view.getUint32(at + 4, true);
    at += 8;
    if (offset < end || offset + length > memory.length || at + length > bytes.length) {
      throw new Error("memory image: a span out of place");
    }
    memory.set(bytes.subarray(at, at + length), offset);
    at += length;
    end = offset + length;
    read += 1;
  }
  if (read !== spans) throw new Error(`memory image: ${read} spans of ${spans}`);
  return memory.buffer;
}

// A TransformStream-like writer: the memory's bytes in (chunks of any size, in order), the image's
// parts out (image()). Each page is checked for zeros as it completes.
function memoryImageWriter() {
  const parts = [new Uint8Array(12)];
  let spans = 0;
  const page = new Uint8Array(MEMORY_PAGE);
  const words = new Uint32Array(page.buffer);
  let filled = 0; // bytes of the current page
  let offset = 0; // where the current page starts in the memory
  let span = null; // [offset, pages] of the span being gathered
  const close = () => {
    if (!span) return;
    const head = new DataView(new ArrayBuffer(8));
    head.setUint32(0, span[0], true);
    head.setUint32(4, span[1].reduce((n, p) => n + p.length, 0), true);
    parts.push(new Uint8Array(head.buffer), ...span[1]);
    spans += 1;
    span = null;
  };
  const pageDone = () => {
    let zero = true;
    if (filled === MEMORY_PAGE) {
      for (let i = 0; i < words.length; i += 1) if (words[i] !== 0) { zero = false; break; }
    } else {
      for (let i = 0; i < filled; i += 1) if (page[i] !== 0) { zero = false; break; }
    }
    if (zero) close();
    else (span ??= [offset, []])[1].push(page.slice(0, filled));
    offset += filled;
    filled = 0;
  };
  return {
    push(chunk) {
      let at = 0;
      while (at < chunk.length) {
        const n = Math.min(MEMORY_PAGE - filled, chunk.length - at);
        page.set(chunk.subarray(at, at + n), filled);
        filled += n;
        at += n;
        if (filled === MEMORY_PAGE) pageDone();
      }
    },
    image() {
      if (filled) pageDone();
      close();
      const head = new DataView(parts[0].buffer);
      head.setUint32(0, MEMORY_MAGIC, true);
      head.setUint32(4, offset, true);
      head.setUint32(8, spans, true);
      return new Blob(parts);
    },
  };
}

// The trimmed standard library (only what our calculators and Pyodide's start-up import,
// hooks/runtime.py) sits beside the snapshot and carries the same key in its name:
// assets/py/snapshot-<key>.bin.gz -> assets/py/stdlib-<key>.zip(.gz). Without a snapshot name,
// Pyodide's full python_stdlib.zip (its default).
function stdlibUrl(snapshotUrl) {
  const m = /^(.*\/)snapshot-([0-9a-f]+)\.bin\.gz$/.exec(snapshotUrl || "");
  // as its .zst where streams are (countingFetch falls back to the .gz and the zip)
  return m ? (STREAMS ? `${m[1]}stdlib-${m[2]}.zip.zst` : solidUrl(`${m[1]}stdlib-${m[2]}.zip`)) : undefined;
}

async function boot(packageUrls, snapshotUrl) {
  // Everything at once: the runtime's module, a kept snapshot, and our package (small; unused
  // when the snapshot starts, which already holds it).
  const packageBytes = Promise.all(packageUrls.map((url) => download(solidUrl(url))));
  packageBytes.catch(() => {}); // reported by bootCalculators if it is needed
  const [pyodideModule, kept] = await Promise.all([
    pyodideScript.catch((err) => {
      throw new NetworkError(`pyodide.mjs: ${err}`);
    }),
    snapshotUrl === NAMED_SNAPSHOT ? namedSnapshot : keptSnapshot(snapshotUrl),
  ]);
  const snapshot = kept?.bytes ?? null;
  mark("pyodide-script");
  const { bootCalculators } = await bootModule.catch((err) => {
    throw new NetworkError(`boot.mjs: ${err}`);
  });
  const started = await bootCalculators(pyodideModule.loadPyodide, {
    indexURL: PYODIDE_DIR.href,
    stdLibURL: stdlibUrl(snapshotUrl),
    packageBytes,
    snapshot,
    // a snapshot that does not fit (or whose memory does not read) goes, with what was kept unpacked of it
    onSnapshotRefused: () => caches.open(RUNTIME_CACHE).then((c) => Promise.all([snapshotUrl, KEPT_MEMORY, KEPT_STDLIB]
      .filter(Boolean).map((key) => c.delete(key)))).catch(() => {}),
    onStep: mark,
  });
  mark("calculators-imported");
  run = started.run;
  return started.how;
}

// After an ordinary start, when the reader has come back and is not saving data (the engine
// decides), keep the snapshot (about 6.6 MB) for next time, in the background. Its outcome.
async function keepSnapshot(url) {
  try {
    const cache = await caches.open(RUNTIME_CACHE);
    if (await cache.match(url)) return "had";
    const response = await fetch(url);
    if (!response.ok) return "failed";
    await cache.put(url, response);
    return "kept";
  } catch {
    return "failed"; /* next time, then */
  }
}

// Once the snapshot is kept (or a start came from it), keep the wasm unpacked beside it (KEPT_WASM:
// 9.6 MB of the device's storage, beside the snapshot's 4.7 MB), so that the next start compiles it
// from there and has no zstd to unpack (about a third of the repeat visit's second on this machine's
// two cores, bench/notes.md). Only from the browser's own caches, where this start's download is:
// never a download of its own. Unpacked in a second worker, so that this one answers the reader
// meanwhile. Its outcome: "kept" | "had" | "failed".
async function keepWasm() {
  if (!KEPT_WASM) return "failed";
  try {
    const cache = await caches.open(RUNTIME_CACHE);
    if (await cache.match(KEPT_WASM)) return "had";
    // the file this start downloaded (else the first the browser has)
    const files = wasmFile ? [new URL(wasmFile, PYODIDE_DIR).href] : WASM_FILES;
    const response = await firstFound(files, { cache: "only-if-cached", mode: "same-origin" });
    if (!response.ok) return "failed";
    const name = fetchedName(response, "pyodide.asm.wasm");
    const unpacked = wasmFrom(response, name, startHelper());
    await cache.put(KEPT_WASM, unpacked); // nothing is kept if the bytes do not unpack
    await dropOlderKept(cache);
    return "kept";
  } catch {
    return "failed"; /* next time, then */
  }
}

// The standard library's zip as this start unpacked it, kept for the next start (0.7 MB; nothing
// fetched for it). Its outcome: "kept" | "had" | "failed".
async function keepStdlib(cache) {
  if (await cache.match(KEPT_STDLIB)) return "had";
  if (!stdlibZip) return "failed";
  await cache.put(KEPT_STDLIB, new Response(stdlibZip, { headers: { "Content-Type": "application/zip" } }));
  stdlibZip = null;
  return "kept";
}

// The kept snapshot's memory as an image without its zero pages (memoryImageWriter: about 13 MB of
// the device's storage beside the snapshot's 4.7), so that the next start copies it instead of
// gunzipping 31 MB. Read from the runtime cache (nothing fetched), gunzipped a chunk at a time, so a
// reader's question meanwhile waits at most for one chunk. Its outcome: "kept" | "had" | "failed".
async function keepMemory(cache, snapshotUrl) {
  if (await cache.match(KEPT_MEMORY)) return "had";
  const packed = await cache.match(snapshotUrl);
  if (!packed) return "failed";
  const writer = memoryImageWriter();
  const reader = packed.body.pipeThrough(new DecompressionStream("gzip")).getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) writer.push(chunk.value);
  await cache.put(KEPT_MEMORY, new Response(writer.image(), { headers: { "Content-Type": "application/octet-stream" } }));
  return "kept";
}

// Once the snapshot is kept (or a start came from it): the rest of the runtime kept unpacked for the
// next start, the wasm last (its outcome is the "wasm" message's); then what an older build kept goes.
async function keepUnpacked(snapshotUrl) {
  if (!KEPT_WASM || snapshotUrl !== NAMED_SNAPSHOT) return "failed";
  const cache = await caches.open(RUNTIME_CACHE).catch(() => null);
  if (!cache) return "failed";
  await keepStdlib(cache).catch(() => "failed");
  await keepMemory(cache, snapshotUrl).catch(() => "failed");
  return keepWasm();
}

// What an older build kept (a snapshot and the runtime unpacked of another key: about 28 MB together),
// dropped once this build's wasm is kept. The service worker drops them too when it updates; this
// covers a browser where it does not run.
const OLDER_KEPT = /\/(pyodide\.asm-[0-9a-f]+\.wasm|snapshot-[0-9a-f]+\.(bin\.gz|mem)|stdlib-[0-9a-f]+\.kept\.zip)$/;
async function dropOlderKept(cache) {
  const current = [KEPT_WASM, KEPT_MEMORY, KEPT_STDLIB, NAMED_SNAPSHOT];
  for (const request of await cache.keys()) {
    const older = OLDER_KEPT.test(new URL(request.url).pathname);
    if (older && !current.includes(request.url)) await cache.delete(request);
  }
}

// Whether to keep the snapshot after an ordinary start: in the boot message, or (a boot from the page's
// head) in a "keep" message from the engine once the page's scripts have run.
let decideKeep;
const keepDecided = new Promise((resolve) => {
  decideKeep = resolve;
});

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg.type === "keep") {
    decideKeep(msg.keepSnapshot === true);
  } else if (msg.type === "boot") {
    if (typeof msg.keepSnapshot === "boolean") decideKeep(msg.keepSnapshot);
    mark("boot-message");
    let how;
    startReporting();
    try {
      how = await boot(msg.packageUrls, msg.snapshotUrl);
    } catch (err) {
      stopReporting();
      failBoot(failureKind(err), networkFailure || err);
      return;
    }
    stopReporting();
    if (failed) return; // given up as stalled meanwhile
    const fetches = performance.getEntriesByType("resource").map((e) => ({
      name: e.name, start: performance.timeOrigin + e.startTime, end: performance.timeOrigin + e.responseEnd,
      bytes: e.encodedBodySize }));
    self.postMessage({ type: "ready", how, marks, fetches });
    let outcome = how === "snapshot" ? "had" : "skipped";
    if (how === "fresh" && msg.snapshotUrl && "caches" in self && (await keepDecided)) {
      outcome = await keepSnapshot(msg.snapshotUrl);
    }
    self.postMessage({ type: "snapshot", outcome });
    if (outcome !== "kept" && outcome !== "had") stdlibZip = null; // nothing is kept unpacked
    if (outcome === "kept" || outcome === "had") self.postMessage({ type: "wasm", outcome: await keepUnpacked(msg.snapshotUrl) });
  } else if (msg.type === "warm") {
    // The page's calculator run once on the form as it stands, the reply dropped (calc-engine.js
    // warm): the first run of a calculator's code is several times slower than the next (V8
    // compiles the wasm's functions on first use, Python imports the calculator's modules and
    // specialises its bytecode; 100–400 ms at payoff's heaviest input, bench/notes.md), and it is
    // better paid while the reader reads than on their first change.
    const at = performance.timeOrigin + performance.now();
    const started = performance.now();
    try {
      run(msg.slug, msg.form, msg.lang, false, msg.today);
    } catch {
      // a broken runtime: the reader's first call finds it and the engine restarts
      self.postMessage({ type: "warmed", slug: msg.slug });
      return;
    }
    self.postMessage({ type: "warmed", slug: msg.slug, at, ms: performance.now() - started });
  } else if (msg.type === "run") {
    try {
      // the page shows the HTML only, so the reply leaves out the result's data
      // msg.today: the reader's date from the page (calc-engine.js readersToday)
      const started = performance.now();
      const reply = run(msg.slug, msg.form, msg.lang, false, msg.today);
      // ms: the Python call's own time, for `make bench` (calc-engine.js keeps it as lastRunMs)
      self.postMessage({ type: "reply", id: msg.id, reply, ms: performance.now() - started });
    } catch (err) {
      // calculators.web.run never raises, so the runtime itself is broken: the engine restarts it
      self.postMessage({ type: "reply", id: msg.id, error: "run-failed", detail: String(err) });
    }
  }
};
