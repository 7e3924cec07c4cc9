// Module Web Worker: the self-hosted Pyodide runtime and our calculators package.
// Only strings cross: the form as JSON text in, the reply as JSON text out.

const PYODIDE_DIR = new URL("../../pyodide/", import.meta.url);
const PKG_DIR = "/home/pyodide/overdue_help";

let run = null;

// Pyodide leaves some of its own promises unhandled when a download fails; the
// failure is already reported through boot(), so keep it out of the page's errors.
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  if (!run) self.postMessage({ type: "boot-failed", error: String(event.reason) });
});

const RUNTIME_CACHE = "runtime"; // shared with the service worker (sw.js)

// A memory snapshot (Pyodide with our calculators already imported) starts in
// well under a second instead of about three. It is only used when an earlier
// visit kept it; a snapshot that does not fit this runtime is dropped.
async function keptSnapshot(url) {
  if (!url || !("caches" in self)) return null;
  try {
    const response = await (await caches.open(RUNTIME_CACHE)).match(url);
    if (!response) return null;
    return await new Response(response.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
  } catch {
    return null;
  }
}

async function boot(packageUrl, snapshotUrl) {
  // Everything at once: the runtime's module, a kept snapshot, and our package (small; unused
  // when the snapshot starts, which already holds it).
  const pkgDownload = fetch(packageUrl).then((r) => {
    if (!r.ok) throw new Error(`package: HTTP ${r.status}`);
    return r.arrayBuffer();
  });
  pkgDownload.catch(() => {}); // reported below if it is needed
  const [{ loadPyodide }, snapshot] = await Promise.all([
    import(new URL("pyodide.mjs", PYODIDE_DIR).href),
    keptSnapshot(snapshotUrl),
  ]);
  if (snapshot) {
    try {
      const pyodide = await loadPyodide({ indexURL: PYODIDE_DIR.href, packages: [], _loadSnapshot: snapshot });
      run = pyodide.runPython("import calculators.web\ncalculators.web.run");
      return "snapshot";
    } catch {
      await (await caches.open(RUNTIME_CACHE)).delete(snapshotUrl).catch(() => {});
    }
  }
  const [pkg, pyodide] = await Promise.all([
    pkgDownload,
    loadPyodide({ indexURL: PYODIDE_DIR.href, packages: [] }),
  ]);
  pyodide.unpackArchive(pkg, "zip", { extractDir: PKG_DIR });
  pyodide.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(PKG_DIR)})\nimport calculators.web`);
  run = pyodide.runPython("calculators.web.run");
  return "fresh";
}

// After an ordinary start, on a fast link that is not saving data, keep the
// snapshot (about 7 MB gzipped) for next time, in the background.
async function keepSnapshot(url) {
  try {
    const cache = await caches.open(RUNTIME_CACHE);
    if (await cache.match(url)) return;
    const response = await fetch(url);
    if (response.ok) await cache.put(url, response);
  } catch {
    /* next time, then */
  }
}

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg.type === "boot") {
    let how;
    try {
      how = await boot(msg.packageUrl, msg.snapshotUrl);
    } catch (err) {
      self.postMessage({ type: "boot-failed", error: String(err) });
      return;
    }
    self.postMessage({ type: "ready", how });
    if (how === "fresh" && msg.keepSnapshot && msg.snapshotUrl && "caches" in self) {
      await keepSnapshot(msg.snapshotUrl);
    }
  } else if (msg.type === "run") {
    let reply;
    try {
      reply = run(msg.slug, msg.form, msg.lang, false); // the page shows the HTML only
    } catch (err) {
      reply = JSON.stringify({ ok: false, field: "", message: { zh: "计算时出了问题，请稍后再试。", en: "Something went wrong; try again." } });
    }
    self.postMessage({ type: "reply", id: msg.id, reply });
  }
};
