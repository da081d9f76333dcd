"""The handbook as plain files in a docs folder, for a site generator without the plugin.

`journeys export DIR` writes what the plugin adds to a build: every generated page as
Markdown with front matter, the exports (journeys.json, pain-points.csv) and the assets the
pages use. Plain MkDocs, ProperDocs or Zensical then publish DIR like any docs folder, given
the stylesheet and scripts in `extra_css`/`extra_javascript` (see `asset_links`).

The list of files comes from `render.site_files`, as the plugin's does, so the exported folder
holds exactly what a build with the plugin would.
"""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Callable, Collection
from dataclasses import replace

import yaml

from journeys.core import Handbook, load_handbook
from journeys.core.audience import for_audience, linked_repository
from journeys.core.build_date import build_date
from journeys.core.history import try_history
from journeys.core.options import Options
from journeys.core.problems import one_line
from journeys.render.charts import PLOTLY_ASSET
from journeys.render.context import Context
from journeys.render.generated_page import Page
from journeys.render.site_files import ASSET_DIR, normalise_prefix, site_files
from journeys.render.templating import Templates
from journeys.render.urls import Site

log = logging.getLogger("mkdocs.plugins.journeys")


def site_for(options: Options, *, source_relative: bool = False) -> Site:
    return Site(normalise_prefix(options.prefix), options.use_directory_urls, source_relative)


def write_export(
    handbook: Handbook,
    out_dir: str,
    options: Options,
    *,
    root: str | None = None,
    keep: Collection[str] = (),
    front_matter: Callable[[Page], dict] | None = None,
    source_relative: bool = False,
) -> list[str]:
    """Write the pages, exports and assets of `handbook` under `out_dir`; return the paths of
    the handbook's files (written or kept), relative to `out_dir`, sorted. `options` are the
    plugin's options as `site_config.read_options` returns them; `root` (default: the working
    directory) is the folder the handbook was loaded from, for its git history. Paths in
    `keep` are hand-written files that win over the generated ones, as in a plugin build;
    `front_matter` gives the keys a page's front matter gets besides its own (a standalone
    export's `edit_url`, for one); `source_relative` writes links the way Zensical reads them."""
    site = site_for(options, source_relative=source_relative)
    templates = Templates(options.custom_dir, dict(options.labels))
    history, why_not = try_history(
        handbook, options.maps_dir, root or os.getcwd(), options.history_depth, public_fields=options.public_fields
    )
    if why_not:
        log.info(one_line(f"journeys: no History sections: {why_not}"))
    histories = history.journeys if history else {}
    ctx = Context(
        site,
        build_date(),
        options.review_after_days,
        options.plotly_js,
        templates,
        history=histories,
        repo_url=linked_repository(options),
        measures_stale_after_days=options.measures_stale_after_days,
    )
    generated = site_files(handbook, ctx)
    os.makedirs(out_dir, exist_ok=True)
    pages = {
        page.src: _with_front_matter(page.markdown(), front_matter(page) if front_matter else {}).encode("utf-8")
        for page in generated.pages
    }
    texts = pages | generated.texts
    texts = {rel: content for rel, content in texts.items() if rel not in keep}
    copies = {rel: source for rel, source in generated.copies.items() if rel not in keep}
    for rel, content in texts.items():
        write_inside(out_dir, rel, content)
    for rel, source in copies.items():
        with open(source, "rb") as handle:
            write_inside(out_dir, rel, handle.read())
    return sorted(set(pages) | set(generated.texts) | set(generated.copies))


def _with_front_matter(markdown: str, keys: dict) -> str:
    """The page with `keys` added to its front matter (Page.markdown starts with "---\n")."""
    if not keys:
        return markdown
    return "---\n" + yaml.safe_dump(keys, allow_unicode=True, sort_keys=False, width=10**6) + markdown[4:]


def export_handbook(maps_dir: str, out_dir: str, options: Options, *, root: str | None = None) -> list[str]:
    """Load the maps under `maps_dir` and write them to `out_dir` (see `write_export`). An
    invalid map is exported as the page that lists its errors, as in a non-strict build."""
    handbook = load_handbook(
        maps_dir, custom_fields=options.custom_fields, root=root, docs_dir=options.docs_dir, audience=options.audience
    )
    return write_export(
        for_audience(handbook, options.audience, options.public_fields),
        out_dir,
        replace(options, maps_dir=maps_dir),
        root=root,
    )


def asset_links(files: list[str]) -> tuple[list[str], list[str]]:
    """The `extra_css` and `extra_javascript` entries the site config needs for the exported
    assets; plotly.js is left out, as the pages load it themselves."""
    assets = [f for f in files if f.startswith(ASSET_DIR)]
    css = [f for f in assets if f.endswith(".css")]
    return css, [f for f in assets if f.endswith(".js") and f != PLOTLY_ASSET]


def write_inside(out_dir: str, rel: str, data: bytes) -> None:
    """Write `data` to `rel` (a '/' path) under `out_dir`, making its folders. A symbolic
    link on the way, planted in an output folder that is kept in a repository, would send the
    write outside the folder: it is refused (OSError), never followed."""
    path = out_dir
    parts = rel.split("/")
    for n, part in enumerate(parts, 1):
        path = os.path.join(path, part)
        if os.path.islink(path):
            raise OSError(errno.ELOOP, "is a symbolic link; the export writes only inside its folder: remove it", path)
        if n < len(parts) and not os.path.isdir(path):
            os.makedirs(path)
    # O_NOFOLLOW: a link put there since the check is not followed either.
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags, 0o666)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
