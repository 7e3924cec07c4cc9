// Runs calculators.web.run under the real Pyodide runtime in Node (offline,
// from node_modules), for tests that compare it with CPython.
// stdin: {"zip": "<path of the calculators zip>", "cases": [[slug, formJson, lang], ...]}
// stdout: a JSON list of the reply texts, in order.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { loadPyodide } = require("pyodide");

const input = JSON.parse(readFileSync(0, "utf8"));
const pyodide = await loadPyodide({ packages: [] });
pyodide.unpackArchive(new Uint8Array(readFileSync(input.zip)), "zip", { extractDir: "/home/pyodide/pkg" });
pyodide.runPython("import sys\nsys.path.insert(0, '/home/pyodide/pkg')\nimport calculators.web");
const run = pyodide.runPython("calculators.web.run");
const version = pyodide.runPython("import sys; sys.version.split()[0]");
const replies = input.cases.map(([slug, form, lang]) => run(slug, form, lang));
process.stdout.write(JSON.stringify({ python: version, replies }));
