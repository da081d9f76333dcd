"""A generated page: Markdown with YAML front matter, at a virtual source path."""

from __future__ import annotations

import datetime
import html
from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class Page:
    src: str  # virtual path under the docs folder, e.g. "journeys/buy.md"
    title: str
    body: str  # Markdown; author text inside it is already escaped
    description: str | None = None
    tags: tuple[str, ...] = ()
    source: str | None = None  # the map file this page shows, for "edit this page"

    def markdown(self) -> str:
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
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10**6)
        return f"---\n{front}---\n\n{self.body}"


@dataclass(frozen=True)
class Context:
    """What every page renderer needs besides the handbook."""

    site: object  # urls.Site
    today: datetime.date
    review_after_days: int = 180
    plotly_js: str | None = None  # a URL of plotly.js chosen by the user; None: the copy the site serves
