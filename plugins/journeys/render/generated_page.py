"""A generated page: Markdown with YAML front matter, at a virtual source path."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

import yaml


class Markdown(str):
    """A part of a page that is Markdown to convert (an editor's narrative), as opposed to the
    finished HTML blocks the renderers write."""


def placeholder(marker: str, n: int) -> str:
    """The comment that stands for finished HTML block `n` of a page. `marker` is made anew
    for every build, so no text an editor writes can name a block."""
    return f"<!--journeys-{marker}:{n}-->"


@dataclass(frozen=True)
class Page:
    src: str  # virtual path under the docs folder, e.g. "journeys/buy.md"
    title: str
    parts: tuple[str, ...]  # headings ("#"), Markdown, and finished HTML blocks (escaped)
    description: str | None = None
    tags: tuple[str, ...] = ()
    source: str | None = None  # the map file this page shows, for "edit this page"
    hide: tuple[str, ...] = ()  # Material's `hide` front matter: "navigation", "toc", ...
    # Material's page-level `search` options: {"exclude": True} for a page whose every fact is
    # indexed on its home page, {"boost": n} to rank a home page higher
    search: Mapping[str, object] | None = None

    @property
    def body(self) -> str:
        return "\n\n".join(self.parts) + "\n"

    def skeleton(self, marker: str) -> tuple[str, list[str]]:
        """The body with every finished HTML block replaced by a placeholder comment, and the
        blocks. Markdown passes raw HTML through unchanged but parses it twice on the way (its
        own block parser and MkDocs' anchor scan): for a handbook that is most of the build, so
        the plugin converts the skeleton and puts the blocks back afterwards."""
        blocks: list[str] = []
        parts = []
        for part in self.parts:
            if isinstance(part, Markdown) or part.startswith("#"):
                parts.append(part)
            else:
                parts.append(placeholder(marker, len(blocks)))
                blocks.append(part)
        return "\n\n".join(parts) + "\n", blocks

    def markdown(self, body: str | None = None) -> str:
        """The page as a Markdown file: front matter, then `body` (default: the whole body)."""
        return f"{self.front_matter}{self.body if body is None else body}"

    @cached_property
    def front_matter(self) -> str:
        """Kept with the page: a preview that reuses the page (render/memo.py) reuses it too."""
        # MkDocs renders templates with autoescape off, and Material prints these values raw:
        # `page.meta.title` in <title> and the header, `page.title` in the navigation and
        # breadcrumbs, `page.meta.description` inside an attribute, tag names in the tag list,
        # and its search index treats titles as HTML. So they go in HTML-escaped (quotes too)
        # and read as the author wrote them. `striptags`, which would unescape them, is only
        # applied by Material to pages without a meta title, which generated pages never are.
        meta: dict = {"title": html.escape(self.title)}
        if self.description:
            meta["description"] = html.escape(self.description)
        if self.tags:
            meta["tags"] = [html.escape(tag) for tag in self.tags]
        if self.hide:
            meta["hide"] = list(self.hide)
        if self.search:
            meta["search"] = dict(self.search)
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10**6)
        return f"---\n{front}---\n\n"


# The setext line starts at its first non-space character, so leading spaces are read once.
_HEADING = re.compile(r"\A\s*(#{1,6}[ \t]|\S[^\n]*\n(=+|-+)[ \t]*(\n|\Z))")


def starts_with_heading(body: str) -> bool:
    """An ATX (`## …`) or setext (underlined) heading on the first line of an editor's
    narrative: a page then gives it no "Narrative" heading of its own, which would head nothing."""
    return _HEADING.match(body) is not None


MARKDOWN_SLOT = "<!--journeys:markdown-->"
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def page_parts(rendered: str, markdown: str = "") -> tuple[str, ...]:
    """A page template's output as `Page.parts`: blocks separated by blank lines, each a
    Markdown heading or a finished HTML block (the renderers' HTML holds no blank line: text()
    escapes line breaks). A block that is `MARKDOWN_SLOT` becomes `markdown`, the editor's
    narrative, to convert."""
    parts: list[str] = []  # headings and HTML blocks, and the narrative as Markdown (a str too)
    for block in _BLANK_LINE.split(rendered):
        block = block.strip()
        if block == MARKDOWN_SLOT:
            parts.append(Markdown(markdown))
        elif block:
            parts.append(block)
    return tuple(parts)
