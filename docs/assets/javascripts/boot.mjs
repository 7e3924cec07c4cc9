// One way to start Python with our calculators, shared by the three places that do it:
// the page's worker (calc-worker.js), the build's snapshot maker (tools/snapshot.mjs) and
// the Pyodide-in-Node test runner (tests/pyodide_runner.mjs). No DOM, no words for readers:
// failures are thrown as Errors for the caller to classify.
//
//   const { pyodide, run, how } = await bootCalculators(loadPyodide, {
//     indexURL,       // where pyodide.asm.wasm etc. live; leave out in Node (node_modules/pyodide)
//     stdLibURL,      // optional: the trimmed standard library (a URL, or a file path in Node);
//                     // default: Pyodide's full python_stdlib.zip next to the runtime
//     packageBytes,   // the calculators zip: bytes, or a list of zips' bytes (the calculators', then
//                     // the letters' on a letter page), or a promise of either (awaited only if needed)
//     snapshot,       // optional memory snapshot bytes (a fast start); one that does not fit is skipped
//     onSnapshotRefused, // optional (err) => void, told when the snapshot did not fit
//     makeSnapshot,   // true only in tools/snapshot.mjs: start so that a snapshot can be taken
//     onStep,         // optional (name) => void at "python-started", "package-unpacked" (timing marks)
//   });
//   run(slug, formJson, lang, withResult) -> reply JSON text (calculators.web.run, never raises)
//   how: "snapshot" (started from the snapshot) or "fresh"

// Where the package is unpacked. A snapshot holds this path in sys.path, so it must not change
// without rebuilding the snapshot (its name carries a hash of the package, which is rebuilt anyway).
export const PACKAGE_DIR = "/home/pyodide/overdue_help";

// Pyodide's private start-up options, checked against Pyodide 314.0.7 (node_modules/pyodide,
// pyodide.d.ts marks them @ignore; the matching makeMemorySnapshot() is @private). They may change
// or go in any release: after updating Pyodide, run `make test` (the snapshot browser tests and
// tests/test_pyodide_node.py boot through here) before shipping.
//   _makeSnapshot: true  — start in a mode where pyodide.makeMemorySnapshot() may be called later;
//   _loadSnapshot: bytes — start from such a snapshot instead of booting the interpreter
//                          (throws if the snapshot was made by another Pyodide build).
function startOptions(indexURL, stdLibURL, extra) {
  const options = { packages: [], ...extra }; // nothing from the package index: our zip only
  if (indexURL) options.indexURL = indexURL;
  if (stdLibURL) options.stdLibURL = stdLibURL;
  return options;
}

// `loadPackage` failures do not reject (they log and resolve), so nothing here relies on it:
// the zip is unpacked by hand and the import is checked before anyone calls `run`.
function importCalculators(pyodide) {
  const where = pyodide.runPython(`
import sys
if ${JSON.stringify(PACKAGE_DIR)} not in sys.path:
    sys.path.insert(0, ${JSON.stringify(PACKAGE_DIR)})
import calculators.web
calculators.web.__file__`);
  if (typeof where !== "string" || !where.startsWith(PACKAGE_DIR + "/")) {
    throw new Error(`calculators.web was imported from ${where}, not from ${PACKAGE_DIR}`);
  }
  const run = pyodide.runPython("calculators.web.run");
  if (typeof run !== "function") throw new Error("calculators.web.run is not callable");
  return run;
}

export async function bootCalculators(loadPyodide, { indexURL, stdLibURL, packageBytes, snapshot,
  onSnapshotRefused, makeSnapshot = false, onStep = () => {} } = {}) {
  if (snapshot) {
    try {
      const pyodide = await loadPyodide(startOptions(indexURL, stdLibURL, { _loadSnapshot: snapshot }));
      onStep("python-started");
      return { pyodide, run: importCalculators(pyodide), how: "snapshot" };
    } catch (err) {
      onSnapshotRefused?.(err); // an older or foreign snapshot: start the ordinary way
    }
  }
  const [bytes, pyodide] = await Promise.all([
    packageBytes,
    loadPyodide(startOptions(indexURL, stdLibURL, makeSnapshot ? { _makeSnapshot: true } : {}))
      .then((pyodide) => (onStep("python-started"), pyodide)),
  ]);
  const parts = Array.isArray(bytes) ? bytes : [bytes];
  if (!parts.length || !parts.every(Boolean)) throw new Error("no calculators package to unpack");
  for (const part of parts) {
    // unpackArchive refuses a Node Buffer: hand it a plain Uint8Array view.
    const view = part instanceof ArrayBuffer ? new Uint8Array(part)
      : new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
    pyodide.unpackArchive(view, "zip", { extractDir: PACKAGE_DIR });
  }
  onStep("package-unpacked");
  return { pyodide, run: importCalculators(pyodide), how: "fresh" };
}
