"""Nothing an author writes makes a check or a build slower than linear. Each test runs one
pattern that once took time growing with the square of its input (or worse) on 1 MiB of the
input that triggers it, in a child process: linear, each finishes in about a second; quadratic,
each would take from minutes to hours. The timeout is only a hang guard, not a measurement;
benchmarks/hostile.py measures (docs/performance.md)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from helpers import REPO

MIB = 1024 * 1024
HANG_GUARD = 30  # seconds: far above a linear run (about 1 s), far below a quadratic one

CASES = {
    # narrative_links: link targets, and what Markdown would scan for brackets (issue 24: `[a`)
    "narrative `[a[a[a`": """
        from journeys.core.narrative_links import slow_markdown, targets
        body = "[a" * (MIB // 2) + "](x.md)\\n"
        assert targets(body) == [(MIB + 2, MIB + 6, "x.md")]
        assert slow_markdown(body)[0] == 0  # Python-Markdown would take hours: an error here
        assert slow_markdown("[a](b) [[c] d] " * (MIB // 15)) is None
    """,
    "narrative backtick runs that never close": """
        from journeys.core.narrative_links import slow_markdown, targets
        runs, length = [], 1
        while sum(map(len, runs)) < MIB:
            runs.append("`" * length)
            length += 1
        assert targets(" ".join(runs) + " [a](b.md)") != []
        assert slow_markdown(" ".join(runs)) is not None  # Python-Markdown would take minutes
        assert slow_markdown("`a` ``b`` " * (MIB // 10)) is None
    """,
    # schema.Handle: a reviewer handle (issue 24: `a@b.b.b…@`)
    "reviewer handle `a@b.b.b…@`": """
        from journeys.core.schema import Handle
        assert not Handle.PATTERN.match("a@" + "b." * (MIB // 2) + "@")
        assert Handle.PATTERN.match("a@" + "b." * (MIB // 2) + "b")
    """,
    # embed_blocks.page_title: the page of an embed (issue 24: a huge heading)
    "heading of spaces on a page with an embed": """
        from journeys.core.embed_blocks import page_title
        assert page_title("# a" + " " * MIB + "b\\n", "p.md") == "a" + " " * MIB + "b"
        assert page_title("---\\n" + "title:\\n" * (MIB // 7), "guide.md") == "Guide"
    """,
    "narrative that starts with a million spaces": """
        from journeys.render.journey_page import starts_with_heading
        assert not starts_with_heading(" " * MIB + "x")
        assert starts_with_heading(" " * MIB + "x\\n===")
    """,
    # YAML: PyYAML's scanner rechecks every open flow collection at every token
    "front matter nested `[[[[`": """
        from journeys.core.yaml_source import YamlProblem, parse_yaml
        try:
            parse_yaml("tags: " + "[" * MIB)
        except YamlProblem as problem:
            assert "nested too deeply" in problem.message
        else:
            raise AssertionError("accepted")
    """,
    # Mermaid import: comment lines, scores, the front matter and the fence scan
    "Mermaid blank lines and comments": """
        from journeys.core.mermaid import parse
        diagram = parse("journey\\n" + "\\n" * MIB + "%% c\\n" + " \\n" * (MIB // 4) + "section A\\n  T: 3: Me\\n")
        assert diagram.sections[0].tasks[0].name == "T"
    """,
    "Mermaid score of a million digits or spaces": """
        from journeys.core.mermaid import MermaidError, parse
        for score in ("1" * MIB + "x", "3" + " " * MIB + "x"):
            try:
                parse("journey\\nsection A\\n  T: " + score + ": Me\\n")
            except MermaidError as error:
                assert "is not a whole number" in error.message and len(error.message) < 400
            else:
                raise AssertionError("accepted")
    """,
    "Mermaid front matter never closed": """
        from journeys.core.mermaid import MermaidError, parse
        try:
            parse("---" + "\\n " * (MIB // 2) + "journey\\n")
        except MermaidError as error:
            assert "is not closed" in error.message or "expected 'journey'" in error.message
    """,
    "Mermaid fences never closed": """
        from journeys.core.mermaid import MermaidError, parse
        try:
            parse("```mermaid\\nflowchart\\n" * (MIB // 21))
        except MermaidError as error:
            assert "expected 'journey'" in error.message
    """,
    # the standalone export's search-section count
    "a page of `<<<<`": """
        from journeys.cli.standalone import too_long_for_search
        assert not too_long_for_search("<" * MIB)
    """,
}


@pytest.mark.parametrize("code", CASES.values(), ids=CASES.keys())
def test_a_mebibyte_of_hostile_input_is_read_in_linear_time(code):
    program = f"MIB = {MIB}\n" + textwrap.dedent(code)
    done = subprocess.run(
        [sys.executable, "-c", program],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
