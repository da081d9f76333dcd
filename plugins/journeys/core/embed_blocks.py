"""`journey-map` fenced blocks in hand-written pages: finding them and checking what they ask for.

A block shows parts of one journey in any Markdown page (map format 1.1, "Embedding a journey
in a hand-written page"). Finding is a line scan that follows CommonMark's fence rules, so a
`journey-map` block quoted inside a longer fence (as the editor's guide does) stays a quotation;
so does one in an indented code block (a sample), and one inside an HTML comment (commented
out) is no block either: its HTML would leave the comment open, and the rest of the page with it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from journeys.core.problems import Problem, did_you_mean, quoted
from journeys.core.yaml_source import YamlProblem, parse_yaml

LANGUAGE = "journey-map"
PARTS = ("header", "chart", "grid", "ownership", "pain-points", "opportunities", "children")
DEFAULT_SHOW = ("chart",)
KEYS = ("journey", "show")
KEY = LANGUAGE  # the "key" of every message: `docs/index.md:12: journey-map: ...`

# An opening or closing fence: up to any indentation (blocks may sit in lists or admonitions),
# three or more backticks or tildes, then the info string.
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
# A line that opens a container whose content is indented: a list item, an admonition,
# collapsible block or content tab (Material's `!!!`, `???`, `===`).
_CONTAINER = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)]|!!!|\?\?\?\+?|===)[ \t]")
_CODE_SPAN = re.compile(r"`[^`]*`")  # a code span, as far as a comment in one goes: linear on any line
CODE_INDENT = 4  # columns more than its container that make a line after a blank one code


@dataclass(frozen=True)
class Block:
    """One `journey-map` fence as written: where it is and what it holds."""

    line: int  # 1-based line of the opening fence
    start: int  # index of the opening fence line
    end: int  # index one past the closing fence line (or the end of the page if unclosed)
    indent: str
    body: str


@dataclass(frozen=True)
class Embed:
    """A checked block: the journey and the parts to show, or the problems that stop it."""

    block: Block
    journey: str | None
    show: tuple[str, ...]
    problems: tuple[Problem, ...]


def find_blocks(markdown: str) -> list[Block]:
    """Every `journey-map` block of a page, in order; fences of other languages, and anything
    inside them, indented code blocks and HTML comments, are skipped."""
    lines = markdown.split("\n")
    blocks: list[Block] = []
    containers: list[int] = []  # the content indentation of the open lists and admonitions
    after_blank = True
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            after_blank, i = True, i + 1
            continue
        indent = _width(line)
        while containers and indent < containers[-1]:
            containers.pop()
        base = containers[-1] if containers else 0
        if indent - base >= CODE_INDENT:
            # After a blank line an indented code block starts; after text, the text goes on.
            # A fence that far in opens neither (CommonMark allows it 3 columns).
            i = _code_end(lines, i, base + CODE_INDENT) if after_blank else i + 1
            after_blank = False
            continue
        after_blank = False
        opening = _FENCE.match(line)
        if opening is None or (opening["fence"][0] == "`" and "`" in opening["info"]):
            if _opens_comment(line):
                i = next((j for j in range(i + 1, len(lines)) if "-->" in lines[j]), len(lines))
            elif _CONTAINER.match(line):
                # Python-Markdown wants a container's content indented 4 columns: counting
                # from there finds fewer code blocks than CommonMark would, never more.
                containers.append(indent + CODE_INDENT)
            i += 1
            continue
        fence, fence_indent = opening["fence"], opening["indent"]
        close = _closing(lines, i + 1, fence)
        if opening["info"].strip().split(" ")[0].strip("{}.") == LANGUAGE:
            body = "\n".join(_dedent(line, fence_indent) for line in lines[i + 1 : close])
            blocks.append(Block(i + 1, i, min(close + 1, len(lines)), fence_indent, body))
        i = close + 1
    return blocks


def _width(line: str) -> int:
    """The columns of a line's indentation, a tab to the next multiple of 4."""
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def _code_end(lines: list[str], start: int, indent: int) -> int:
    """The index after the indented code block that starts at `start`: it runs over blank
    lines and lines indented at least `indent` columns."""
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or _width(lines[end]) >= indent):
        end += 1
    return end


def _opens_comment(line: str) -> bool:
    """Whether the line starts an HTML comment it does not close (code spans left out)."""
    text = _CODE_SPAN.sub("", line)
    start = text.rfind("<!--")
    return start >= 0 and "-->" not in text[start + 4 :]


def _closing(lines: list[str], start: int, fence: str) -> int:
    """The index of the line closing `fence` (same character, at least as long, nothing
    after it), or the last line: an unclosed fence runs to the end of the page."""
    for j in range(start, len(lines)):
        found = _FENCE.match(lines[j])
        if found and found["fence"][0] == fence[0] and len(found["fence"]) >= len(fence) and not found["info"].strip():
            return j
    return len(lines)


def _dedent(line: str, indent: str) -> str:
    return line[len(indent) :] if line.startswith(indent) else line.lstrip(" \t")


def check_block(block: Block, page: str, journey_ids: Iterable[str]) -> Embed:
    """Read a block's YAML and check it against the journeys of the handbook; `page` is the
    page's path as messages show it (`docs/index.md`)."""
    problems: list[Problem] = []

    def report(message: str) -> None:
        problems.append(Problem(page, block.line, None, KEY, message))

    try:
        located = parse_yaml(block.body) if block.body.strip() else None
        rejected = list(located.problems) if located else []
    except YamlProblem as exc:  # the text is not YAML at all
        located, rejected = None, [exc]
    for problem in rejected:  # or a value in it is one a block cannot hold (a tag, .nan)
        where = f" (line {problem.line} of the block)" if problem.line else ""
        report(f"the block is not valid YAML{where}: {problem.message}")
    if rejected:
        return Embed(block, None, (), tuple(problems))
    data = located.data if located else None
    if not isinstance(data, dict):
        report("the block needs 'journey: <id>' and may have 'show: [parts]', e.g. 'show: [chart, grid]'")
        return Embed(block, None, (), tuple(problems))
    for key in sorted(k for k in data if k not in KEYS):
        report(f"unknown key {quoted(key)}{did_you_mean(key, KEYS)}: a block has only 'journey' and 'show'")
    journey = _journey(data.get("journey"), sorted(journey_ids), report)
    show = _show(data.get("show", list(DEFAULT_SHOW)), report)
    return Embed(block, journey, show, tuple(problems))


def _journey(value: object, ids: list[str], report: Callable[[str], None]) -> str | None:
    if value is None:
        report(
            "'journey' is missing: give the id of the journey to show, e.g. 'journey: "
            + (ids[0] if ids else "buy-online")
            + "'"
        )
        return None
    if not isinstance(value, str):
        report(f"journey: expected a journey id, got {quoted(value)}")
        return None
    if value not in ids:
        report(f"unknown journey {quoted(value)}{did_you_mean(value, ids)}")
        return None
    return value


def _show(value: object, report: Callable[[str], None]) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        report(f"show: expected a list of parts such as [chart, grid], from: {', '.join(PARTS)}")
        return ()
    parts: list[str] = []
    for part in value:
        if not isinstance(part, str) or part not in PARTS:
            report(f"show: unknown part {quoted(part)}{did_you_mean(part, PARTS)}; the parts are {', '.join(PARTS)}")
        elif part in parts:
            report(f"show: {quoted(part)} is listed twice")
        else:
            parts.append(part)
    return tuple(parts)


def page_embeds(markdown: str, page: str, journey_ids: Iterable[str]) -> list[Embed]:
    """Every block of a page, checked."""
    ids = sorted(journey_ids)
    return [check_block(block, page, ids) for block in find_blocks(markdown)]


def page_title(markdown: str, src: str) -> str:
    """What a "Shown in" link calls a page: its front matter title, else its first top-level
    heading, else its file name; close to what MkDocs shows, without building the page. Read
    line by line: a page is author text, and a pattern run over it could take time growing with
    the square of a long line."""
    lines = markdown.split("\n")
    body = 0
    if lines[0].rstrip() == "---":
        end = next((n for n in range(1, len(lines)) if lines[n].rstrip() == "---"), None)
        if end is not None:
            body = end + 1
            for line in lines[1:end]:
                if line.startswith("title:") and line[6:].strip():
                    return line[6:].strip().strip("'\"")
    for line in lines[body:]:
        if line[:1] == "#" and line[1:2] in (" ", "\t"):
            heading = line[1:].strip(" \t").rstrip(" \t#")
            if heading:
                return heading.strip().strip("'\"")
    stem = src.rsplit("/", 1)[-1].removesuffix(".md")
    if stem == "index" and "/" in src:
        stem = src.rsplit("/", 2)[-2]
    return stem.replace("-", " ").replace("_", " ").capitalize()
