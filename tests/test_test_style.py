"""The tests themselves: an assert reads a page's structure through `tests/html_tree.py`, or
leaves the exact markup to the golden files (docs/contributing.md), never compares output with
an HTML literal, which breaks on any change of markup and says little about what it proves."""

from __future__ import annotations

import ast
import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
# Element names of the generated pages; not `br`, which is plotly's line break in chart specs.
ELEMENTS = "|".join(
    (
        "a abbr article aside b caption circle code dd details div dl dt em figcaption figure footer g h1 h2 h3 h4",
        "header hr i img input label li line link main meta nav ol option p path polyline q rect script section",
        "select small span strong style summary svg table tbody td text th thead time title tr tspan ul",
    )
).replace(" ", "|")
MARKUP = re.compile(r"</?(?:" + ELEMENTS + r")(?=[^a-z0-9-]|$)")
# Calls that look for a literal in output.
LOOKUPS = {"count", "index", "find", "startswith", "endswith", "search", "match", "fullmatch", "findall"}


def _strings(node: ast.AST):
    """The string constants of an expression, except what it passes to a call (an input)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.JoinedStr):
        yield "".join(part.value for part in node.values if isinstance(part, ast.Constant))
    elif not isinstance(node, ast.Call):
        for child in ast.iter_child_nodes(node):
            yield from _strings(child)


def compared_literals(test: ast.AST):
    """Literals an assert compares output with: operands of a comparison, unless it reads an
    element's `.text` (what a reader sees may show tags as text), and what a lookup looks for."""
    for node in ast.walk(test):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if not any(isinstance(n, ast.Attribute) and n.attr == "text" for o in operands for n in ast.walk(o)):
                for operand in operands:
                    yield from _strings(operand)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in LOOKUPS:
            for arg in node.args:
                yield from _strings(arg)


def html_literal_asserts(source: str) -> list[tuple[int, str]]:
    return [
        (node.lineno, literal)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Assert)
        for literal in compared_literals(node.test)
        if MARKUP.search(literal)
    ]


def test_the_finder_sees_html_literals_and_not_their_replacements():
    found = html_literal_asserts(
        "assert '<a href=\"x\">' in page\n"
        "assert page.count('<dl class=\"jm-meta\">') == 1\n"
        "assert re.search(r'<h2[^>]*>By persona', page)\n"
        "assert f'<code>{value}</code>' in page\n"
        "assert ('x', 'y') in article.links()\n"
        "assert tree.find('p').text == '<b>shown as text</b>'\n"
        "assert not too_long_for_search('<td></td>')\n"
    )
    assert [line for line, _ in found] == [1, 2, 3, 4]


def test_no_assert_compares_output_with_an_html_literal():
    found = [
        f"{path.relative_to(TESTS)}:{line}: {literal[:60]!r}"
        for path in sorted(TESTS.rglob("*.py"))
        if path.name != Path(__file__).name
        for line, literal in html_literal_asserts(path.read_text(encoding="utf-8"))
    ]
    assert len(list(TESTS.rglob("test_*.py"))) > 50
    assert found == []
