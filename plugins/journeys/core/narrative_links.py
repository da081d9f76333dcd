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

import os
import posixpath
import re
from dataclasses import dataclass, replace
from urllib.parse import quote, unquote

_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?(?:^ {0,3}\1[`~]*[ \t]*$|\Z)", re.M | re.S)
_CODE_SPAN_RE = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
_COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_INLINE_RE = re.compile(
    r"!?\[(?:[^\[\]\n]|\[[^\]\n]*\])*\]\(\s*(?:<(?P<angle>[^>\n]*)>|(?P<bare>[^\s()<>]+))"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?\s*\)"
)
_DEFINITION_RE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*(?:<(?P<angle>[^>\n]*)>|(?P<bare>\S+))", re.M)
_NOT_A_FILE_RE = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:|/|#|\\")


@dataclass(frozen=True)
class Link:
    """A relative link of a narrative: where its target is written in the body, and the page
    it leads to: a persona, journey or insight (`kind`, `ref` the id) or a docs file (`kind` "docs",
    `ref` its path in the docs folder). `suffix` is the '#anchor' or '?query' as written."""

    start: int
    end: int
    kind: str
    ref: str
    suffix: str = ""


def _masked(body: str) -> str:
    """The body with code and comments blanked out, so offsets still match the body."""
    for pattern in (_FENCE_RE, _COMMENT_RE, _CODE_SPAN_RE):
        body = pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), body)
    return body


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
    body: str, source: str, *, maps_dir: str, docs_dir: str, pages: dict, display
) -> tuple[list[Link], list[tuple[int, str]]]:
    """The links of the narrative of the map at `source` (an absolute path), and the problems
    as (offset in the body, message). `pages` maps the absolute path of every map that has a
    page to (kind, id); `display` turns an absolute path into the one messages show."""
    links, problems = [], []
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
            problems.append((start, f"link '{target}': {_why(full, maps_dir, docs_dir, display)}"))
    return links, problems


def _why(full: str, maps_dir: str, docs_dir: str, display) -> str:
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


def rewritten(body: str, links, here: str, page_of) -> str:
    """`body` with every link pointing at its target from the page `here` (a path in the
    docs folder); `page_of(kind, id)` is the docs path of a persona's or journey's page."""
    out, last = [], 0
    folder = posixpath.dirname(here) or "."
    for link in links:
        target = link.ref if link.kind == "docs" else page_of(link.kind, link.ref)
        out += [body[last : link.start], quote(posixpath.relpath(target, folder)) + link.suffix]
        last = link.end
    return "".join(out) + body[last:]


def with_page_links(handbook, page_of):
    """The handbook with every narrative's links rewritten for the page that shows it."""

    def fixed(item, kind):
        if not item.links:
            return item
        return replace(item, body=rewritten(item.body, item.links, page_of(kind, item.id), page_of), links=())

    return replace(
        handbook,
        personas=tuple(fixed(p, "persona") for p in handbook.personas),
        journeys=tuple(fixed(j, "journey") for j in handbook.journeys),
        insights=tuple(fixed(i, "insight") for i in handbook.insights),
    )
