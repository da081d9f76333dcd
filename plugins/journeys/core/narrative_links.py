"""Links in a map's narrative, written as the editor's preview resolves them.

An editor writes a link relative to the map file itself: `other-journey.md` or
`../../personas/maya.md` to another map, `../../../docs/index.md` to a page of the docs folder.
The published narrative sits on a generated page elsewhere (`journeys/<id>.md`), so each link
is resolved here, once, to what it leads to, and `rewritten` points it at the same target from
the generated page. A link that leads to no page is an error located at the link.

Only relative links are concerned: a URL with a scheme, an absolute path or a bare `#anchor`
is left as written. Links in code spans, fenced code and HTML comments are not links.
"""

from __future__ import annotations

import bisect
import os
import posixpath
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import Any, ClassVar, Protocol, TypeVar
from urllib.parse import quote, unquote

from journeys.core.model import Insight, Journey, Link, Persona

# Every pattern here reads author text, so each is written to match in linear time: no two
# parts of a pattern can take the same characters, and no search retries a scan from each of
# many starting points (tests/test_linear_inputs.py).
_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?(?:(?P<closed>^ {0,3}\1[`~]*[ \t]*$)|\Z)", re.M | re.S)
_BACKTICKS_RE = re.compile(r"`+")
_NOT_A_LINE_BREAK_RE = re.compile(r"[^\n]")
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")
_COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
# Link text holds brackets one level deep; a nested '[' ends the scan, so a line of '[a[a[a'
# costs one pass, not one pass per bracket.
_INLINE_RE = re.compile(
    r"!?\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\(\s*(?:<(?P<angle>[^>\n]*)>|(?P<bare>[^\s()<>]+))"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?\s*\)"
)
_DEFINITION_RE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*(?:<(?P<angle>[^>\n]*)>|(?P<bare>\S+))", re.M)
_NOT_A_FILE_RE = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:|/|#|\\")


def _blank(text: str, fill: str) -> str:
    return _NOT_A_LINE_BREAK_RE.sub(fill, text) if "\n" in text else fill * len(text)


def _masked(body: str, fill: str = " ") -> str:
    """The body with code and comments blanked out (each character but line breaks replaced by
    `fill`), so offsets still match the body."""
    for pattern in (_FENCE_RE, _COMMENT_RE):
        body = pattern.sub(lambda m: _blank(m.group(), fill), body)
    out, last = [], 0
    for start, end in _code_spans(body):
        out += [body[last:start], _blank(body[start:end], fill)]
        last = end
    return "".join(out) + body[last:]


def _code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every code span, as CommonMark finds them (see `_openers`)."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS_RE.finditer(text)]
    return [(runs[n][0], runs[close][1]) for n, close in _openers(runs) if close is not None]


def _openers(runs: list[tuple[int, int]]) -> list[tuple[int, int | None]]:
    """The runs of backticks (start, end) that open a code span, each with the run that closes
    it, or None: a run opens one and the next run of the same length closes it; a run that
    nothing closes is text. The next run of each length is found in one pass from the end, so
    a run left open costs a lookup, not a scan to the end."""
    following: list[int | None] = [None] * len(runs)
    last: dict[int, int] = {}
    for n in range(len(runs) - 1, -1, -1):
        length = runs[n][1] - runs[n][0]
        following[n] = last.get(length)
        last[length] = n
    found: list[tuple[int, int | None]] = []
    n = 0
    while n < len(runs):
        close = following[n]
        found.append((n, close))
        n = (close if close is not None else n) + 1
    return found


# Python-Markdown reads each '[' as the start of a link and scans on for the ']' that closes it,
# to the end of the paragraph when none does (markdown/inlinepatterns.py, getText; once for
# references, once for links), so a paragraph of '[a[a[a' takes time growing with its square:
# an hour for 1 MiB. A narrative whose scans would add up to more than this is an error (the page
# of an invalid map shows its errors, never its narrative); any prose with links stays far below.
_SCANS_PER_CHARACTER = 2
_SCANS_FREE = 100_000
_BRACKET_RE = re.compile(r"[\[\]]|\n[ \t]*\n")
_ESCAPED_RE = re.compile(r"\\.")
_INNER_PAIR_RE = re.compile(r"\[[^\[\]\n\\]*\]")


def slow_markdown(body: str) -> tuple[int, str] | None:
    """(offset, message) when Markdown would scan `body` for much longer than it takes to read
    it (see above and `_slow_backticks`); None otherwise."""
    budget = _SCANS_PER_CHARACTER * len(body) + _SCANS_FREE
    slow = _slow_brackets(body, budget) if "[" in body else None
    if slow is None and "`" in body:
        slow = _slow_backticks(body, budget)
    return slow


def _slow_brackets(body: str, budget: int) -> tuple[int, str] | None:
    """Counted per paragraph, in one pass that stops as soon as the scans that must come
    exceed the budget."""
    if body.count("[") * len(body) <= budget:  # no scan can be longer than the body
        return None
    total = 0

    def pair(found: re.Match[str]) -> str:  # an innermost pair on one line: its scan, then blanked
        nonlocal total
        total += found.end() - found.start() - 1
        return "x" * (found.end() - found.start())

    # Code, comments, escaped characters ("\[" is text) and counted pairs become "x": text that is
    # no bracket and leaves every line that was not blank not blank.
    masked = _ESCAPED_RE.sub("xx", _masked(body, "x"))
    for _ in range(2):  # prose nests brackets once or twice: the rest is counted one by one
        masked = _INNER_PAIR_RE.sub(pair, masked)
    open_at, open_sum, last = [], 0, 0  # open_sum: the offsets of the open '[' added up
    for found in _BRACKET_RE.finditer(masked):
        mark, at = found.group(), found.start()
        if mark == "[":
            open_at.append(at)
            open_sum += at
        elif mark == "]" and open_at:
            last = open_at.pop()
            open_sum -= last
            total += at - last
        elif mark != "]":  # a blank line ends the paragraph, and every scan still open in it
            total += len(open_at) * at - open_sum
            open_at, open_sum = [], 0
        # What is scanned so far, and at least until here for each '[' still open.
        if total + len(open_at) * at - open_sum > budget:
            return (open_at[0] if open_at else last), _SLOW_BRACKETS
    if total + len(open_at) * len(masked) - open_sum > budget:
        return (open_at[0] if open_at else last), _SLOW_BRACKETS
    return None


def _slow_backticks(body: str, budget: int) -> tuple[int, str] | None:
    """Python-Markdown finds code spans with a pattern that, from every backtick of a run that
    nothing closes, scans to the end of the paragraph once for each shorter run it could be
    (markdown/inlinepatterns.py, BACKTICK_RE): a run of k backticks left open costs up to
    k(k+1)/2 such scans. Runs that a later run of their length closes cost their span."""
    # Fenced code is no inline text; an unclosed fence is, in Python-Markdown's fenced_code.
    text = _FENCE_RE.sub(lambda m: _blank(m.group(), "x") if m.group("closed") else m.group(), body)
    ends = [m.start() for m in _BLANK_LINE_RE.finditer(text)] + [len(text)]
    by_paragraph: dict[int, list[tuple[int, int]]] = {}
    for run in _BACKTICKS_RE.finditer(text):
        by_paragraph.setdefault(bisect.bisect_right(ends, run.start()), []).append(run.span())
    total = 0
    for paragraph, runs in by_paragraph.items():
        end = ends[min(paragraph, len(ends) - 1)]
        for n, close in _openers(runs):
            start, length = runs[n][0], runs[n][1] - runs[n][0]
            total += runs[close][1] - start if close is not None else length * (length + 1) // 2 * (end - start)
            if total > budget:
                return start, _SLOW_BACKTICKS
    return None


_SLOW_BACKTICKS = (
    "a run of backticks that nothing closes, in a long paragraph: Markdown scans from it to the "
    "end of the paragraph for the run that would close it, once for each of its backticks, so "
    "the page would take time growing with the square of the paragraph to render; close each "
    "code span with as many backticks as open it, or write '\\`' for a backtick that is text"
)
_SLOW_BRACKETS = (
    "too many '[' in this paragraph stay open for long: Markdown scans on from each one for the "
    "']' that closes it, so the page would take time growing with the square of the paragraph to "
    "render; close each '[' soon with ']', or write '\\[' for a bracket that is text"
)


def targets(body: str) -> list[tuple[int, int, str]]:
    """(start, end, target) of every link target in `body`, in order."""
    masked = _masked(body)
    found = []
    for pattern in (_INLINE_RE, _DEFINITION_RE):
        for match in pattern.finditer(masked):
            group = "angle" if match.group("angle") is not None else "bare"
            found.append((match.start(group), match.end(group), body[match.start(group) : match.end(group)]))
    return sorted(found)


def resolve(
    body: str,
    source: str,
    *,
    maps_dir: str,
    docs_dir: str,
    pages: Mapping[str, tuple[str, str]],
    display: Callable[[str], str],
    public: bool = False,
) -> tuple[list[Link], list[tuple[int, str]]]:
    """The links of the narrative of the map at `source` (an absolute path), and the problems
    as (offset in the body, message). `pages` maps the absolute path of every map that has a
    page to (kind, id); `display` turns an absolute path into the one messages show. A `public`
    map's message for a path in the maps folder does not say whether a file is there."""
    links: list[Link] = []
    problems: list[tuple[int, str]] = []
    here = os.path.dirname(source)
    for start, end, target in targets(body):
        if not target or _NOT_A_FILE_RE.match(target):
            continue
        cut = min((i for i in (target.find("#"), target.find("?")) if i >= 0), default=len(target))
        path, suffix = unquote(target[:cut]), target[cut:]
        if not path:
            continue
        full = os.path.normpath(os.path.join(here, *path.split("/")))
        if full in pages:
            kind, id_ = pages[full]
            links.append(Link(start, end, kind, id_, suffix))
        elif _inside(full, docs_dir) and _is_file(full):
            links.append(Link(start, end, "docs", os.path.relpath(full, docs_dir).replace(os.sep, "/"), suffix))
        else:
            problems.append((start, f"link '{target}': {_why(full, maps_dir, docs_dir, display, public)}"))
    return links, problems


def _why(full: str, maps_dir: str, docs_dir: str, display: Callable[[str], str], public: bool) -> str:
    if public and _inside(full, maps_dir):
        return (
            f"a public build publishes no page for {display(full)}: link a public persona or "
            f"journey map, or a file of {display(docs_dir)}/"
        )
    if _inside(full, maps_dir) and _is_file(full):
        return f"{display(full)} has no page of its own: link a persona, journey or insight, or a file of {display(docs_dir)}/"
    if _inside(full, maps_dir) or _inside(full, docs_dir):
        return f"there is no file {display(full)}; a link is relative to this map file"
    return (
        f"{display(full)} is outside the maps folder and the docs folder ({display(docs_dir)}/), so it is not published"
    )


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _is_file(path: str) -> bool:
    try:
        return os.path.isfile(path)
    except ValueError:  # an escaped NUL byte (%00) in the link
        return False


def rewritten(body: str, links: Iterable[Link], here: str, page_of: Callable[[str, str], str]) -> str:
    """`body` with every link pointing at its target from the page `here` (a path in the
    docs folder); `page_of(kind, id)` is the docs path of a persona's or journey's page."""
    out: list[str] = []
    last = 0
    folder = posixpath.dirname(here) or "."
    for link in links:
        target = link.ref if link.kind == "docs" else page_of(link.kind, link.ref)
        out += [body[last : link.start], quote(posixpath.relpath(target, folder)) + link.suffix]
        last = link.end
    return "".join(out) + body[last:]


class _Narratives(Protocol):
    """What `with_page_links` reads of a handbook (core/handbook.py, which imports this module)."""

    __dataclass_fields__: ClassVar[dict[str, Any]]  # a dataclass, for `replace`

    @property
    def personas(self) -> tuple[Persona, ...]: ...

    @property
    def journeys(self) -> tuple[Journey, ...]: ...

    @property
    def insights(self) -> tuple[Insight, ...]: ...


_Handbook = TypeVar("_Handbook", bound=_Narratives)
_Page = TypeVar("_Page", Persona, Journey, Insight)


def with_page_links(handbook: _Handbook, page_of: Callable[[str, str], str]) -> _Handbook:
    """The handbook with every narrative's links rewritten for the page that shows it."""

    def fixed(item: _Page, kind: str) -> _Page:
        if not item.links:
            return item
        return replace(item, body=rewritten(item.body, item.links, page_of(kind, item.id), page_of), links=())

    return replace(
        handbook,
        personas=tuple(fixed(p, "persona") for p in handbook.personas),
        journeys=tuple(fixed(j, "journey") for j in handbook.journeys),
        insights=tuple(fixed(i, "insight") for i in handbook.insights),
    )
