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
from collections.abc import Callable, Collection

import yaml

from journeys.core import Handbook, load_handbook
from journeys.core.audience import for_audience
from journeys.render.charts import PLOTLY_ASSET
from journeys.render.page import Context, Page
from journeys.render.templating import Templates
from journeys.render.site_files import ASSET_DIR, build_date, normalise_prefix, site_files
from journeys.render.urls import Site


def site_for(options: dict) -> Site:
    return Site(normalise_prefix(options.get("prefix") or ""), options.get("use_directory_urls", True),
                options.get("source_relative", False))


def write_export(handbook: Handbook, out_dir: str, options: dict, *, keep: Collection[str] = (),
                 front_matter: Callable[[Page], dict] | None = None) -> list[str]:
    """Write the pages, exports and assets of `handbook` under `out_dir`; return the paths
    of the handbook's files (written or kept), relative to `out_dir`, sorted. `options` are the plugin's options as
    `site_config.read_plugin_options` returns them. Paths in `keep` are hand-written files
    that win over the generated ones, as in a plugin build; `front_matter` gives the keys a
    page's front matter gets besides its own (a standalone export's `edit_url`, for one)."""
    site = site_for(options)
    templates = Templates(options.get("custom_dir"), options.get("labels"))
    ctx = Context(site, build_date(), options.get("review_after_days", 180), options.get("plotly_js"), templates)
    generated = site_files(handbook, ctx)
    texts = {page.src: _with_front_matter(page.markdown(), front_matter(page) if front_matter else {})
             for page in generated.pages} | generated.texts
    copies = generated.copies
    texts = {rel: content for rel, content in texts.items() if rel not in keep}
    copies = {rel: source for rel, source in copies.items() if rel not in keep}
    for rel, content in texts.items():
        path = _target(out_dir, rel)
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
    for rel, source in copies.items():
        shutil.copyfile(source, _target(out_dir, rel))
    return sorted({page.src for page in generated.pages} | set(generated.texts) | set(generated.copies))


def _with_front_matter(markdown: str, keys: dict) -> str:
    """The page with `keys` added to its front matter (Page.markdown starts with "---\n")."""
    if not keys:
        return markdown
    return "---\n" + yaml.safe_dump(keys, allow_unicode=True, sort_keys=False, width=10**6) + markdown[4:]


def export_handbook(maps_dir: str, out_dir: str, options: dict, *, root: str | None = None) -> list[str]:
    """Load the maps under `maps_dir` and write them to `out_dir` (see `write_export`). An
    invalid map is exported as the page that lists its errors, as in a non-strict build."""
    audience = options.get("audience", "internal")
    handbook = load_handbook(maps_dir, custom_fields=options.get("custom_fields", ()), root=root, audience=audience)
    return write_export(for_audience(handbook, audience, options.get("public_fields", ())), out_dir, options)


def asset_links(files: list[str]) -> tuple[list[str], list[str]]:
    """The `extra_css` and `extra_javascript` entries the site config needs for the exported
    assets; plotly.js is left out, as the pages load it themselves."""
    assets = [f for f in files if f.startswith(ASSET_DIR)]
    return [f for f in assets if f.endswith(".css")], [f for f in assets if f.endswith(".js") and f != PLOTLY_ASSET]


def _target(out_dir: str, rel: str) -> str:
    path = os.path.join(out_dir, *rel.split("/"))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    return path
