"""The handbook as plain files in a docs folder, for a site generator without the plugin.

`journeys export DIR` writes what the plugin adds to a build: every generated page as
Markdown with front matter, the exports (journeys.json, pain-points.csv) and the assets the
pages use. Plain MkDocs, ProperDocs or Zensical then publish DIR like any docs folder, given
the stylesheet and scripts in `extra_css`/`extra_javascript` (see `asset_links`).

The list of files comes from `render.site_files`, as the plugin's does, so the exported folder
holds exactly what a build with the plugin would.
"""

from __future__ import annotations

import os
import shutil

from journeys.core import Handbook, load_handbook
from journeys.render.charts import PLOTLY_ASSET
from journeys.render.page import Context
from journeys.render.templating import Templates
from journeys.render.site_files import ASSET_DIR, STYLESHEETS, build_date, normalise_prefix, site_files
from journeys.render.urls import Site


def site_for(options: dict) -> Site:
    return Site(normalise_prefix(options.get("prefix") or ""), options.get("use_directory_urls", True))


def write_export(handbook: Handbook, out_dir: str, options: dict) -> list[str]:
    """Write the pages, exports and assets of `handbook` under `out_dir`; return the paths
    written, relative to `out_dir`, sorted. `options` are the plugin's options as
    `site_config.read_plugin_options` returns them."""
    site = site_for(options)
    templates = Templates(options.get("custom_dir"), options.get("labels"))
    ctx = Context(site, build_date(), options.get("review_after_days", 180), options.get("plotly_js"), templates)
    generated = site_files(handbook, ctx)
    texts = {page.src: page.markdown() for page in generated.pages} | generated.texts
    copies = generated.copies
    for rel, content in texts.items():
        path = _target(out_dir, rel)
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
    for rel, source in copies.items():
        shutil.copyfile(source, _target(out_dir, rel))
    return sorted([*texts, *copies])


def export_handbook(maps_dir: str, out_dir: str, options: dict, *, root: str | None = None) -> list[str]:
    """Load the maps under `maps_dir` and write them to `out_dir` (see `write_export`). An
    invalid map is exported as the page that lists its errors, as in a non-strict build."""
    handbook = load_handbook(maps_dir, custom_fields=options.get("custom_fields", ()), root=root)
    return write_export(handbook, out_dir, options)


def asset_links(files: list[str]) -> tuple[list[str], list[str]]:
    """The `extra_css` and `extra_javascript` entries the site config needs for the exported
    assets; plotly.js is left out, as the pages load it themselves."""
    assets = [f for f in files if f.startswith(ASSET_DIR)]
    # The stylesheets in the order the plugin links them: the canvas's rules come last.
    css = [f for f in STYLESHEETS if f in assets] + [f for f in assets if f.endswith(".css") and f not in STYLESHEETS]
    return css, [f for f in assets if f.endswith(".js") and f != PLOTLY_ASSET]


def _target(out_dir: str, rel: str) -> str:
    path = os.path.join(out_dir, *rel.split("/"))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    return path
