"""The code stays a shape a newcomer can read: short modules and functions, simple
branching, and language knowledge in data files, not in the Python of the rules.

Limits (issue 10): no module in src/arnews over 300 lines; no function over 40 lines or
of cyclomatic complexity over 20 (radon's measure); no Arabic string literal in
recognise/ or events/ (comments and docstrings with Arabic examples are welcome).
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from radon.complexity import cc_visit

SRC = Path(__file__).resolve().parents[1] / "src" / "arnews"
MODULES = sorted(SRC.rglob("*.py"))
MAX_MODULE_LINES, MAX_FUNCTION_LINES, MAX_COMPLEXITY = 300, 40, 20
ARABIC = re.compile("[\u0600-\u06ff]")


def functions(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node


def test_modules_are_short():
    long = {str(p.relative_to(SRC)): n for p in MODULES
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert not long, f"modules over {MAX_MODULE_LINES} lines: {long}"


def test_functions_are_short_and_simple():
    too_long, too_complex = {}, {}
    for p in MODULES:
        source = p.read_text(encoding="utf-8")
        for fn in functions(ast.parse(source)):
            n = fn.end_lineno - fn.lineno + 1
            if n > MAX_FUNCTION_LINES:
                too_long[f"{p.relative_to(SRC)}:{fn.name}"] = n
        for block in cc_visit(source):
            if block.complexity > MAX_COMPLEXITY:
                too_complex[f"{p.relative_to(SRC)}:{block.name}"] = block.complexity
    assert not too_long, f"functions over {MAX_FUNCTION_LINES} lines: {too_long}"
    assert not too_complex, f"cyclomatic complexity over {MAX_COMPLEXITY}: {too_complex}"


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


@pytest.mark.parametrize("package", ["recognise", "events"])
def test_no_arabic_words_in_the_rules(package):
    found = []
    for p in sorted((SRC / package).rglob("*.py")):
        tree = ast.parse(p.read_text(encoding="utf-8"))
        docs = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs \
                    and ARABIC.search(node.value):
                found.append(f"{p.relative_to(SRC)}:{node.lineno}: {node.value[:30]!r}")
    assert not found, "Arabic words belong in the lexicon files:\n" + "\n".join(found[:40])
