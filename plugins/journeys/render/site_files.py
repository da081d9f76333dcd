"""Everything a handbook adds to a docs folder: generated pages, exports and the assets the
pages use. The plugin hands these to MkDocs; `journeys export` writes them to disk. Keeping the
list in one place means an exported folder holds exactly what a build with the plugin shows."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, replace

from journeys.core.handbook import Handbook
from journeys.core.narrative_links import with_page_links
from journeys.render.all_pages import all_pages
from journeys.render.charts import PLOTLY_ASSET, PLOTLY_LICENSE
from journeys.render.context import Context
from journeys.render.data_files import all_exports, opportunity_homes
from journeys.render.generated_page import Page
from journeys.render.page_inputs import base
from journeys.render.pagination import pain_homes, pain_parts
from journeys.render.stylesheet import SOURCES, stylesheet
from journeys.render.templating import Templates

ASSETS = os.path.join(os.path.dirname(os.path.dirname(__file__)), "assets")
ASSET_DIR = "assets/journeys/"
STYLESHEET = ASSET_DIR + "journeys.css"  # made from the stylesheets in assets/ (render/stylesheet.py)
SCRIPTS = (ASSET_DIR + "journeys-filter.js", ASSET_DIR + "journeys-charts.js")
# With search: pagefind, the plugin's side of Material's search box: the worker that answers it,
# the filter chips' script (an extra script of the site), and what both read.
SEARCH_WORKER = ASSET_DIR + "journeys-search-worker.js"
SEARCH_SCRIPT = ASSET_DIR + "journeys-search.js"
SEARCH_SETTINGS = ASSET_DIR + "search.json"
# Starts the theme's scripts after the first paint (scripts_after_paint).
STARTER = ASSET_DIR + "journeys-start.js"
# Assets only the plugin's own work on a built page uses: it adds them when it does that work,
# and an export (which a build without the plugin publishes) leaves them out.
PLUGIN_ASSETS = (SEARCH_WORKER, SEARCH_SCRIPT, STARTER)
# plotly.js's basic bundle, vendored (see assets/vendor/README.md): a quarter of the full
# bundle's size, the scatter traces the charts use, and no map traces whose tile-server URLs
# Material's privacy plugin would try to fetch. The site serves it, so no reader needs a CDN.
VENDOR = os.path.join(ASSETS, "vendor")
PLOTLY_FILES = {
    PLOTLY_ASSET: os.path.join(VENDOR, "plotly-basic.min.js"),
    PLOTLY_LICENSE: os.path.join(VENDOR, "plotly-LICENSE.txt"),
}
# The index pages, in the navigation; a handbook has the last three only with measures, insights
# and a portfolio (render/measures_pages.py, render/insight_pages.py, render/portfolio_page.py).
INDEX_KINDS = ("journeys", "personas", "stages", "teams", "pain-points", "measures", "insights", "opportunities")


def asset(path: str) -> str:
    """The file an asset's site path is copied from."""
    return os.path.join(ASSETS, path[len(ASSET_DIR) :])


def normalise_prefix(prefix: str) -> str:
    prefix = prefix.strip().strip("/")
    return prefix + "/" if prefix else ""


@dataclass(frozen=True)
class SiteFiles:
    # Rendered as they are read, once: a large handbook's pages are let go one at a time.
    pages: Iterator[Page]
    texts: dict[str, bytes]  # site path -> content (UTF-8): the exports, and the stylesheet made from assets/
    copies: dict[str, str]  # site path -> file to copy: the assets


def rendering_context(handbook: Handbook, ctx: Context) -> Context:
    """`ctx` with the part of the pain-point index that holds each pain point's row, and the
    part of the portfolio that holds each opportunity's: every link to one goes there, from any
    page, embeds in hand-written pages included (they render later with the same context)."""
    return replace(
        ctx,
        pain_homes=pain_homes(pain_parts(handbook, ctx.site)),
        opportunity_homes=opportunity_homes(handbook, ctx.site),
    )


def site_files(handbook: Handbook, ctx: Context) -> SiteFiles:
    # Narratives link relative to their map file; on the generated page they must lead to the
    # same place. The exports hold no narrative, so they read the same handbook.
    handbook = with_page_links(handbook, lambda kind, id_: ctx.site.src(kind + "s", id_))
    ctx = rendering_context(handbook, ctx)
    if ctx.memo is not None:
        ctx.memo.start(base(handbook, ctx))
        handbook = ctx.memo.interned(handbook)
    exports = all_exports(handbook, ctx.site, ctx.memo)
    texts = {ctx.site.prefix + name: content for name, content in sorted(exports.items())}
    texts[STYLESHEET] = stylesheet(ASSETS).encode("utf-8")
    copies = {
        ASSET_DIR + name: os.path.join(ASSETS, name)
        for name in sorted(os.listdir(ASSETS))
        if os.path.isfile(os.path.join(ASSETS, name)) and name not in SOURCES and ASSET_DIR + name not in PLUGIN_ASSETS
    }
    if not ctx.plotly_js:
        copies |= PLOTLY_FILES
    return SiteFiles(_reported(ctx.templates, all_pages(handbook, ctx)), texts, copies)


def _reported(templates: Templates, pages: Iterator[Page]) -> Iterator[Page]:
    """A template's error while a page renders, as the TemplateProblem that names its file."""
    with templates.reported():
        yield from pages
