"""What every page renderer needs besides the handbook: the site's URLs, the build date, the
templates and labels, and what the build knows from outside the maps (embeds, history)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType, SimpleNamespace

from markupsafe import Markup

from journeys.core.history import JourneyHistory
from journeys.render.generated_page import MARKDOWN_SLOT, Page, page_parts
from journeys.render.memo import Memo
from journeys.render.templating import Templates, default_templates
from journeys.render.urls import Site


@dataclass(frozen=True)
class Context:
    """What every page renderer needs besides the handbook."""

    site: Site
    today: datetime.date
    review_after_days: int = 180
    plotly_js: str | None = None  # a URL of plotly.js chosen by the user; None: the copy the site serves
    templates: Templates = field(default_factory=default_templates)
    # journey id -> (source path, title) of the hand-written pages that embed it
    shown_in: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    history: Mapping[str, JourneyHistory] = field(default_factory=dict)
    repo_url: str | None = None  # the site's repo_url, for links to commits
    # pain point id -> source path of the pain-point index part that holds its row
    # (render/pagination.py says why rows move): site_files.rendering_context fills it in
    pain_homes: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    memo: Memo | None = None  # pages of the last build, kept by a plugin that `mkdocs serve` keeps

    @property
    def labels(self) -> Mapping[str, str]:
        return self.templates.labels

    @property
    def macros(self) -> SimpleNamespace:
        """The macros of templates/macros.html (with a site's overrides), to call from Python."""
        return self.templates.macros

    def link(self, href: str, label: str) -> Markup:
        """A link the renderer made (the `link` macro): `href` is never author text."""
        return self.templates.link(href, label)

    def render(self, name: str, **values: object) -> Markup:
        """Render the layout `name` (see render/templating.py) with `ctx` in scope."""
        return self.templates.render(name, ctx=self, **values)

    def page(
        self,
        src: str,
        name: str,
        *,
        title: str,
        description: str | None = None,
        tags: Iterable[str] = (),
        source: str | None = None,
        hide: Iterable[str] = (),
        search: Mapping[str, object] | None = None,
        markdown: str = "",
        **values: object,
    ) -> Page:
        """A page whose layout is the template `name`: its output split into parts (see
        `page_parts`), with `MARKDOWN_SLOT` standing for `markdown`."""
        parts = page_parts(self.render(name, markdown_slot=Markup(MARKDOWN_SLOT), **values), markdown)
        return Page(src, title, parts, description, tuple(tags), source, tuple(hide), search)
