// Runs calculators.web.run under the real Pyodide runtime in Node (offline,
// from node_modules), for tests that compare it with CPython. It starts Python
// the way the page's worker does (docs/assets/javascripts/boot.mjs).
// stdin: {"zip": "<path of the calculators zip>", "snapshot": "<optional .bin.gz from tools/snapshot.mjs>",
//         "stdlib": "<optional standard-library zip (the trimmed one); default Pyodide's full one>",
//         "imports": ["<optional module names to import first>", ...],
//         "cases": [[slug, formJson, lang], ...],
//         "today": "<optional YYYY-MM-DD: the clock for a \"today\" left empty (calculators.web.run)>",
//         "page": <optional true: ask as the page's worker does, without the result data>}
// stdout: {"python": version, "how": "fresh" | "snapshot", "imported": [the modules imported],
//          "replies": [reply texts, in order]}
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { gunzipSync } from "node:zlib";

import { bootCalculators } from "../docs/assets/javascripts/boot.mjs";

const require = createRequire(import.meta.url);
const { loadPyodide } = require("pyodide");

const input = JSON.parse(readFileSync(0, "utf8"));
const snapshot = input.snapshot ? new Uint8Array(gunzipSync(readFileSync(input.snapshot))) : undefined;
let started;
try {
  started = await bootCalculators(loadPyodide, {
    packageBytes: readFileSync(input.zip),
    stdLibURL: input.stdlib,
    snapshot,
    onSnapshotRefused: (err) => console.error(`snapshot refused: ${err}`),
  });
} catch (err) {
  console.error(`boot failed: ${err.message}`);
  process.exit(1);
}
const { pyodide, run, how } = started;
const version = pyodide.runPython("import sys; sys.version.split()[0]");
// Each module by name: a failure names the module (stdout stays empty, the exit code says so).
for (const name of input.imports ?? []) {
  try {
    pyodide.pyimport(name);
  } catch (err) {
    console.error(`import ${name} failed: ${err.message}`);
    process.exit(2);
  }
}
const replies = input.cases.map(([slug, form, lang]) => run(slug, form, lang, !input.page, input.today ?? undefined));
process.stdout.write(JSON.stringify({ python: version, how, imported: input.imports ?? [], replies }));
