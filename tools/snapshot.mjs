// A Pyodide memory snapshot with the calculators already imported and warmed,
// gzipped, for the worker's fast start on repeat visits (see bench/notes.md).
// The build runs it (hooks/runtime.py); it is tied to this Pyodide build and to
// this calculators package, and its name carries a hash of both.
//
//   node tools/snapshot.mjs <calculators zip> <out .bin.gz> [<standard-library zip>]
// Made on the same (trimmed) standard library the page starts with, so the snapshot's
// file system is the one the page mounts.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";

import { bootCalculators } from "../docs/assets/javascripts/boot.mjs";

const require = createRequire(import.meta.url);
const { loadPyodide } = require("pyodide");

const [zipPath, outPath, stdLibPath] = process.argv.slice(2);
// The same start as the page's worker, in the mode that allows a snapshot (boot.mjs names the
// private option it uses).
const { pyodide } = await bootCalculators(loadPyodide, {
  packageBytes: readFileSync(zipPath), stdLibURL: stdLibPath, makeSnapshot: true });
// Import everything and run each calculator once, so nothing is read from the
// (not snapshotted) file system later: figures.toml, lazily imported modules.
pyodide.runPython(`
import gc
import calculators.web
from calculators import figures
figures.data()
for entry in calculators.web.REGISTRY.values():
    entry.parts()  # each page imports only its own calculator or letter (web.py): the snapshot holds them all
for slug in calculators.web.CALCULATORS:
    for lang in ("zh", "en"):
        calculators.web.run(slug, "{}", lang, False)
gc.collect()
`);
// Private Pyodide API, checked against Pyodide 314.0.7: makeMemorySnapshot() is marked @private
// in pyodide.d.ts and works only after loadPyodide({_makeSnapshot: true}). The page loads the
// result with the private _loadSnapshot option (boot.mjs). After updating Pyodide, check both.
const snapshot = pyodide.makeMemorySnapshot();
writeFileSync(outPath, gzipSync(snapshot, { level: 6 }));
console.log(`snapshot: ${snapshot.length} bytes, written gzipped to ${outPath}`);
