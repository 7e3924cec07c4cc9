// Which files of Pyodide's standard library our calculators need: boots Python the way the
// page's worker does (boot.mjs) on the full python_stdlib.zip, runs every case, and prints the
// files under the standard-library archive that sys.modules then holds (Pyodide's own start-up
// included). hooks/runtime.py writes the trimmed archive from this list (see bench/notes.md).
//
//   node tools/stdlib_modules.mjs < {"zip": "<calculators zip>", "cases": [[slug, formJson, lang], ...]}
//   stdout: {"stdlib": "/lib/python3NN.zip", "files": ["json/__init__.py", ...], "replies": n}
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

import { bootCalculators } from "../docs/assets/javascripts/boot.mjs";

const require = createRequire(import.meta.url);
const { loadPyodide } = require("pyodide");

const input = JSON.parse(readFileSync(0, "utf8"));
const { pyodide, run } = await bootCalculators(loadPyodide, { packageBytes: readFileSync(input.zip) });
// What tools/snapshot.mjs does before it takes the snapshot, then every case.
pyodide.runPython("from calculators import figures; figures.data()");
let replies = 0;
for (const [slug, form, lang] of input.cases) {
  for (const withResult of [true, false]) {
    run(slug, form, lang, withResult);
    replies += 1;
  }
}
const found = JSON.parse(pyodide.runPython(`
import json, sys
archive = next(p for p in sys.path if p.endswith(".zip"))
files = set()
for module in list(sys.modules.values()):
    spec = getattr(module, "__spec__", None)
    origin = getattr(module, "__file__", None) or (spec.origin if spec else None)
    if origin and origin.startswith(archive + "/"):
        files.add(origin[len(archive) + 1:])
json.dumps({"stdlib": archive, "files": sorted(files)})`));
process.stdout.write(JSON.stringify({ ...found, replies }));
