// Python source compiled for the browser by Pyodide's own Python (the runtime's bytecode version,
// which the host's CPython cannot write): each file as a sourceless .pyc that Python imports
// straight from the archive or folder. At start-up Pyodide imports some two hundred
// standard-library modules, and compiling their source was more than half of loadPyodide: a bare
// start took 2.6 s from source and 1.1 s compiled here (bench/notes.md). hooks/runtime.py ships the
// trimmed standard library and our two packages this way.
//
// Each .pyc (PEP 552): the runtime's magic number, flags 1 (hash-based, unchecked: nothing looks
// for the source, which is not shipped), the source's hash, then the marshalled code. In every code
// object each instruction is on the function's first line: full line tables were 15 % of the bytes
// as sent, and the shipped sources lose their blank lines anyway (tools/pysource.py), so their line
// numbers pointed nowhere; a traceback still names the file and function, and no line number is
// ever missing (an empty table would give None, which `warnings` and `linecache` do not expect).
// The same bytes every time for the same source.
//
//   node tools/pyc.mjs < {"json/__init__.py": "<source>", ...}
//   stdout: {"json/__init__.pyc": "<base64 of the .pyc>", ...}
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { loadPyodide } = require("pyodide");

const sources = readFileSync(0, "utf8");
const pyodide = await loadPyodide({ packages: [] });
pyodide.globals.set("sources_json", sources);
process.stdout.write(pyodide.runPython(`
import base64, importlib.util, json, marshal

NO_COLUMNS = 13  # a location entry with a line and no columns (CPython's InternalDocs/code_objects.md)


def first_line_only(code):
    """The code object with every instruction on its first line: entries of up to 8 code units,
    each "no columns, line + 0"."""
    units = len(code.co_code) // 2
    table = bytearray()
    while units > 0:
        n = min(units, 8)
        table += bytes((0x80 | NO_COLUMNS << 3 | n - 1, 0))
        units -= n
    consts = tuple(first_line_only(c) if isinstance(c, type(code)) else c for c in code.co_consts)
    return code.replace(co_linetable=bytes(table), co_consts=consts)


def pyc(name, source):
    data = source.encode("utf-8")
    code = first_line_only(compile(data, name, "exec", dont_inherit=True))
    header = importlib.util.MAGIC_NUMBER + (1).to_bytes(4, "little") + importlib.util.source_hash(data)
    return header + marshal.dumps(code)


json.dumps({name[:-3] + ".pyc": base64.b64encode(pyc(name, source)).decode("ascii")
            for name, source in json.loads(sources_json).items() if name.endswith(".py")})
`));
