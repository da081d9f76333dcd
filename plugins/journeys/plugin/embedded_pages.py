"""`journey-map` blocks in hand-written pages, for the plugin: found once per build (so
journey pages can list where they are shown and `--strict` fails on a broken block before any
page is written), then replaced by their HTML page by page."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from journeys.core.embed_blocks import LANGUAGE, Embed, page_embeds, page_title
from journeys.core.problems import one_line

log = logging.getLogger("mkdocs.plugins.journeys")


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


def scan(files, docs_rel: str, journey_ids) -> PageEmbeds:
    """Check the blocks of every hand-written Markdown page; each problem is a warning."""
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
        for embed in embeds:
            for problem in embed.problems:
                log.warning(str(problem))
    return found


def replace_blocks(markdown: str, page: str, embeds: list[Embed], render, placeholder) -> str:
    """The page with each block replaced by `placeholder(html)` at its indentation. The page
    MkDocs hands over has lost its front matter, so blocks are found again here and matched to
    the checked ones in order."""
    from journeys.core.embed_blocks import find_blocks

    lines = markdown.split("\n")
    blocks = find_blocks(markdown)
    if len(blocks) != len(embeds):
        log.warning(
            one_line(
                f"{page}: its journey-map blocks were changed before the journeys plugin saw them "
                "(by another plugin's on_page_markdown?); they stay code blocks"
            )
        )
        return markdown
    for block, embed in reversed(list(zip(blocks, embeds))):
        lines[block.start : block.end] = ["", block.indent + placeholder(render(embed)), ""]
    return "\n".join(lines)
