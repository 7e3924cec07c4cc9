// A Pyodide memory snapshot with the calculators already imported and warmed,
// gzipped, for the worker's fast start on repeat visits (see bench/notes.md).
// The build runs it (macros/hooks.py); it is tied to this Pyodide build and to
// this calculators package, and its name carries a hash of both.
//
//   node tools/snapshot.mjs <calculators zip> <out .bin.gz>
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";

const require = createRequire(import.meta.url);
const { loadPyodide } = require("pyodide");

const [zipPath, outPath] = process.argv.slice(2);
const pyodide = await loadPyodide({ _makeSnapshot: true, packages: [] });
pyodide.unpackArchive(new Uint8Array(readFileSync(zipPath)), "zip", { extractDir: "/home/pyodide/overdue_help" });
// Import everything and run each calculator once, so nothing is read from the
// (not snapshotted) file system later: figures.toml, lazily imported modules.
pyodide.runPython(`
import sys, gc
sys.path.insert(0, "/home/pyodide/overdue_help")
import calculators.web
from calculators import figures
figures.data()
for slug in calculators.web.CALCULATORS:
    for lang in ("zh", "en"):
        calculators.web.run(slug, "{}", lang, False)
gc.collect()
`);
const snapshot = pyodide.makeMemorySnapshot();
writeFileSync(outPath, gzipSync(snapshot, { level: 6 }));
console.log(`snapshot: ${snapshot.length} bytes, written gzipped to ${outPath}`);
