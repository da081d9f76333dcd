"""`journey-map` blocks in hand-written pages, for the plugin: found once per build (so
journey pages can list where they are shown and `--strict` fails on a broken block before any
page is written), then replaced by their HTML page by page."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

from journeys.core.embed_blocks import LANGUAGE, Embed, page_embeds, page_title


@dataclass
class PageEmbeds:
    """Every block of every hand-written page, by the page's source path."""

    by_page: dict[str, list[Embed]] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)

    def shown_in(self) -> dict[str, tuple[tuple[str, str], ...]]:
        """Journey id -> the (page, title) pairs that embed it, in page order."""
        found: dict[str, list[tuple[str, str]]] = {}
        for src in sorted(self.by_page):
            for journey in dict.fromkeys(e.journey for e in self.by_page[src] if e.journey):
                found.setdefault(journey, []).append((src, self.titles[src]))
        return {k: tuple(v) for k, v in found.items()}

    def problems(self) -> list:
        """Every block's problems, in page order."""
        return [problem for src in sorted(self.by_page) for embed in self.by_page[src] for problem in embed.problems]


def scan(files, docs_rel: str, journey_ids) -> PageEmbeds:
    """Check the blocks of every hand-written Markdown page; the plugin logs each problem as
    a warning."""
    found = PageEmbeds()
    for file in sorted(files.documentation_pages(), key=lambda f: f.src_uri):
        try:
            source = file.content_string
        except (OSError, UnicodeDecodeError):
            continue  # MkDocs reports an unreadable page itself
        if LANGUAGE not in source:
            continue
        embeds = page_embeds(source, f"{docs_rel}/{file.src_uri}", journey_ids)
        if embeds:
            found.by_page[file.src_uri] = embeds
            found.titles[file.src_uri] = page_title(source, file.src_uri)
    return found


def replace_blocks(markdown: str, page: str, embeds: list[Embed], render, placeholder, warn) -> str:
    """The page with each block replaced by `placeholder(html, source)` at its indentation. The page
    MkDocs hands over has lost its front matter, so blocks are found again here and matched to
    the checked ones in order; `warn` reports a page whose blocks do not match."""
    from journeys.core.embed_blocks import find_blocks

    lines = markdown.split("\n")
    blocks = find_blocks(markdown)
    if len(blocks) != len(embeds):
        warn(
            f"{page}: its journey-map blocks were changed before the journeys plugin saw them "
            "(by another plugin's on_page_markdown?); they stay code blocks"
        )
        return markdown
    for block, embed in reversed(list(zip(blocks, embeds))):
        source = "\n".join(line.removeprefix(block.indent) for line in lines[block.start : block.end])
        lines[block.start : block.end] = ["", block.indent + placeholder(render(embed), source), ""]
    return "\n".join(lines)


def printed_placeholder(head: str, tail: str) -> re.Pattern:
    """A placeholder (`head`, the block's number, `tail`) as Markdown prints it in code, escaped."""
    return re.compile(re.escape(escape(head)) + r"(\d+)" + re.escape(escape(tail)))


def as_written(html: str, printed: re.Pattern, sources: dict[int, str]) -> str:
    """`html` with each placeholder that Markdown printed as code, since it read the block as
    code after all (indented in a way `find_blocks` did not foresee), replaced by the block as
    its author wrote it: a sample shows as written, and the same in every build."""

    def source(match: re.Match) -> str:
        # The indentation the code keeps before the marker goes before every line of the block.
        # Found by looking back, not by the pattern: a pattern starting with [ \t]* would try
        # every space of a long run in turn.
        start = match.start()
        while start > 0 and html[start - 1] in " \t":
            start -= 1
        indent = html[start : match.start()]
        return escape(sources.get(int(match.group(1)), "")).replace("\n", "\n" + indent)

    return printed.sub(source, html)
