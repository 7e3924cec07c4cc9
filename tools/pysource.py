"""Python source made smaller for the browser, meaning unchanged: no comments, no docstrings, no blank
lines, one space of indentation per level.

Used on our own package (macros/package.py, on the host's CPython) and on the trimmed standard
library (tools/stdlib_modules.mjs runs this file inside Pyodide's own Python, which must parse its
own library). Standard library only: ast, io, tokenize.

``small(source)`` checks its own work: the result must parse to the same syntax tree as the source
without its docstrings (``ast.dump`` leaves out line numbers), or the source comes back as it was.
Line numbers change (blank lines go): a traceback's line numbers then point into the small file.
"""

from __future__ import annotations

import ast
import io
import tokenize


def _docstring_edits(tree: ast.AST, lines: list[str]) -> list[tuple[int, int, int, int, str]]:
    """(line, column, end line, end column, what to put) of each docstring; columns in characters
    (the syntax tree counts UTF-8 bytes: a docstring in Chinese would be cut in the wrong place)."""

    def chars(line: int, col: int) -> int:
        return len(lines[line - 1].encode("utf-8")[:col].decode("utf-8"))

    edits = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
                    and isinstance(first.value.value, str)):
                alone = len(node.body) == 1 and not isinstance(node, ast.Module)
                edits.append((first.lineno, chars(first.lineno, first.col_offset), first.end_lineno,
                              chars(first.end_lineno, first.end_col_offset), "..." if alone else ""))
    return edits


def strip(source: str) -> str:
    """Python source without comments and docstrings (a docstring that is a body's only
    statement becomes ``...``), line numbers kept; the source as it is if the result would not compile."""
    lines = source.splitlines(keepends=True)
    edits = _docstring_edits(ast.parse(source), lines)
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            edits.append((token.start[0], token.start[1], None, None, ""))
    for l1, c1, l2, c2, put in sorted(edits, key=lambda e: e[:2], reverse=True):
        if l2 is None:  # a comment: to the end of its line
            line = lines[l1 - 1]
            lines[l1 - 1] = line[:c1].rstrip() + ("\n" if line.endswith("\n") else "")
        else:
            lines[l1 - 1:l2] = [lines[l1 - 1][:c1] + put + lines[l2 - 1][c2:]] + ["\n"] * (l2 - l1)
    stripped = "".join(lines)
    try:
        compile(stripped, "<stripped>", "exec", dont_inherit=True)
    except SyntaxError:
        return source
    return stripped


def _squeeze(source: str) -> str:
    """Blank lines dropped and each logical line indented one space per level; the lines inside
    a string (or any token spanning lines) and the continuation lines of a statement kept as they are."""
    lines = source.splitlines(keepends=True)
    depth = 0
    starts: dict[int, int] = {}  # line number -> indentation level, for lines that begin a statement
    inside: set[int] = set()  # lines a token runs through (a string's text): untouched
    blank: set[int] = set()
    at_start = True  # the next token begins a logical line
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        kind = token.type
        if kind == tokenize.INDENT:
            depth += 1
            continue
        if kind == tokenize.DEDENT:
            depth -= 1
            continue
        if kind == tokenize.NL:
            if not lines[token.start[0] - 1].strip():
                blank.add(token.start[0])
            continue
        if kind == tokenize.ENDMARKER:
            break
        if at_start and kind not in (tokenize.NEWLINE, tokenize.COMMENT):
            starts[token.start[0]] = depth
            at_start = False
        if token.end[0] > token.start[0]:
            inside.update(range(token.start[0] + 1, token.end[0] + 1))
        if kind == tokenize.NEWLINE:
            at_start = True
    out = []
    for number, line in enumerate(lines, start=1):
        if number in inside:
            out.append(line)
        elif number in blank:
            continue
        elif number in starts:
            out.append(" " * starts[number] + line.lstrip(" \t"))
        else:
            out.append(line)
    return "".join(out)


def _same_tree(a: str, b: str) -> bool:
    return ast.dump(ast.parse(a)) == ast.dump(ast.parse(b))


def small(source: str) -> str:
    """``strip`` then ``_squeeze``: the smallest source this module makes with the same meaning;
    the stripped source if squeezing would change the syntax tree (checked, never assumed)."""
    stripped = strip(source)
    try:
        squeezed = _squeeze(stripped)
        if _same_tree(stripped, squeezed):
            compile(squeezed, "<small>", "exec", dont_inherit=True)
            return squeezed
    except (SyntaxError, tokenize.TokenError, IndentationError, ValueError):
        pass
    return stripped
