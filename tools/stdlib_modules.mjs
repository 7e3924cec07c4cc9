// Which files of Pyodide's standard library our calculators need: boots Python the way the
// page's worker does (boot.mjs) on the full python_stdlib.zip, runs every case, and prints the
// files under the standard-library archive that sys.modules then holds (Pyodide's own start-up
// included), each made small: no comments, docstrings or blank lines, one space of indentation
// per level (tools/pysource.py, which checks that the syntax tree is unchanged). hooks/runtime.py
// writes the trimmed archive from them (see bench/notes.md). This runs here because it needs
// Pyodide's Python (3.14) to parse its own standard library.
//
//   node tools/stdlib_modules.mjs < {"zip": "<calculators zip>", "cases": [[slug, formJson, lang], ...]}
//   stdout: {"stdlib": "/lib/python3NN.zip", "files": {"json/__init__.py": "<source>", ...}, "replies": n}
//   with "squeeze": false in the request, only the files' names: {"stdlib": ..., "names": [...], "replies": n}
//   (squeezing them is half of this script's time)
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
const recorded = pyodide.runPython(`
import json, sys

archive = next(p for p in sys.path if p.endswith(".zip"))
files = set()
for module in list(sys.modules.values()):
    spec = getattr(module, "__spec__", None)
    if spec is not None and spec.origin == "frozen":
        continue  # built into the runtime (os, io, codecs, zipimport, importlib._bootstrap, ...): its
        # __file__ names the archive, but the file is never read
    origin = getattr(module, "__file__", None) or (spec.origin if spec else None)
    if origin and origin.startswith(archive + "/"):
        files.add(origin[len(archive) + 1:])
json.dumps({"stdlib": archive, "files": sorted(files)})`);
if (input.squeeze === false) {
  process.stdout.write(JSON.stringify({ stdlib: JSON.parse(recorded).stdlib, names: JSON.parse(recorded).files, replies }));
  process.exit(0);
}
// Only now (the files are recorded) the shared source squeezer (tools/pysource.py), run by
// Pyodide's own Python: whatever it imports is not counted as needed.
pyodide.FS.mkdirTree("/tmp/tools");
pyodide.FS.writeFile("/tmp/tools/pysource.py", readFileSync(new URL("./pysource.py", import.meta.url), "utf8"));
const found = JSON.parse(pyodide.runPython(`
import json, sys, zipfile
sys.path.insert(0, "/tmp/tools")
import pysource

found = json.loads(${JSON.stringify(recorded)})
with zipfile.ZipFile(found["stdlib"]) as z:
    sources = {name: pysource.small(z.read(name).decode("utf-8")) for name in found["files"]}
json.dumps({"stdlib": found["stdlib"], "files": sources})`));
process.stdout.write(JSON.stringify({ ...found, replies }));
