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

async function boot(packageUrl) {
  const [{ loadPyodide }, pkg] = await Promise.all([
    import(new URL("pyodide.mjs", PYODIDE_DIR).href),
    fetch(packageUrl).then((r) => {
      if (!r.ok) throw new Error(`package: HTTP ${r.status}`);
      return r.arrayBuffer();
    }),
  ]);
  const pyodide = await loadPyodide({ indexURL: PYODIDE_DIR.href, packages: [] });
  pyodide.unpackArchive(pkg, "zip", { extractDir: PKG_DIR });
  pyodide.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(PKG_DIR)})\nimport calculators.web`);
  run = pyodide.runPython("calculators.web.run");
}

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg.type === "boot") {
    try {
      await boot(msg.packageUrl);
      self.postMessage({ type: "ready" });
    } catch (err) {
      self.postMessage({ type: "boot-failed", error: String(err) });
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
