// Which files of Pyodide's standard library our calculators need: boots Python the way the
// page's worker does (boot.mjs) on the full python_stdlib.zip, runs every case, and prints the
// files under the standard-library archive that sys.modules then holds (Pyodide's own start-up
// included), each with its source minus comments and docstrings (a docstring becomes `...`;
// line numbers are kept; each result is compiled to check it). hooks/runtime.py writes the
// trimmed archive from them (see bench/notes.md). The stripping runs here because it needs
// Pyodide's Python (3.14) to parse its own standard library.
//
//   node tools/stdlib_modules.mjs < {"zip": "<calculators zip>", "cases": [[slug, formJson, lang], ...]}
//   stdout: {"stdlib": "/lib/python3NN.zip", "files": {"json/__init__.py": "<source>", ...}, "replies": n}
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
import ast, io, json, sys, tokenize, zipfile

archive = next(p for p in sys.path if p.endswith(".zip"))
files = set()
for module in list(sys.modules.values()):
    spec = getattr(module, "__spec__", None)
    origin = getattr(module, "__file__", None) or (spec.origin if spec else None)
    if origin and origin.startswith(archive + "/"):
        files.add(origin[len(archive) + 1:])


def strip(source):
    """The source without comments, and with each docstring replaced by an ellipsis."""
    lines = source.splitlines(keepends=True)
    edits = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
                    and isinstance(first.value.value, str)):
                edits.append((first.lineno, first.col_offset, first.end_lineno, first.end_col_offset))
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            edits.append((token.start[0], token.start[1], None, None))
    for l1, c1, l2, c2 in sorted(edits, reverse=True):  # from the end: earlier positions stay valid
        if l2 is None:
            line = lines[l1 - 1]
            lines[l1 - 1] = line[:c1].rstrip() + ("\\n" if line.endswith("\\n") else "")
        else:
            lines[l1 - 1:l2] = [lines[l1 - 1][:c1] + "..." + lines[l2 - 1][c2:]] + ["\\n"] * (l2 - l1)
    stripped = "".join(lines)
    compile(stripped, "<stripped>", "exec")
    return stripped


with zipfile.ZipFile(archive) as z:
    sources = {name: strip(z.read(name).decode("utf-8")) for name in sorted(files)}
json.dumps({"stdlib": archive, "files": sources})`));
process.stdout.write(JSON.stringify({ ...found, replies }));
