"""The `journeys` MkDocs plugin: turns the maps folder into generated pages."""

from __future__ import annotations

import logging
import os
import posixpath
import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from journeys.core import load_handbook
from journeys.core.schema import step_record
from journeys.plugin.config import JourneysConfig
from journeys.render.page import PLACEHOLDER, Context
from journeys.render.labels import UnknownLabel
from journeys.render.templating import Templates
from journeys.render.site_files import INDEX_KINDS, SCRIPTS, STYLESHEETS, build_date, normalise_prefix, site_files
from journeys.render.urls import Site

log = logging.getLogger("mkdocs.plugins.journeys")
PLACEHOLDER_RE = re.compile(re.escape(PLACEHOLDER).replace(r"\{\}", r"(\d+)"))


def check_custom_fields(fields) -> tuple[tuple[str, str], ...]:
    builtin = {key.name for key in step_record().keys}
    pairs = []
    for field in fields:
        if field.key in builtin:
            raise PluginError(f"journeys: custom_fields: '{field.key}' is already a step key; choose another key")
        if not field.key or not field.label:
            raise PluginError("journeys: custom_fields: every entry needs a 'key' and a 'label'")
        pairs.append((field.key, field.label))
    return tuple(pairs)


class JourneysPlugin(BasePlugin[JourneysConfig]):
    def on_startup(self, *, command, dirty) -> None:
        # Defining on_startup makes MkDocs keep this instance across `mkdocs serve` rebuilds,
        # so the parse cache below survives and an edit re-parses only the changed file.
        self.parse_cache: dict = {}

    def on_config(self, config):
        if not self.config.enabled:
            return config
        self.root = os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))
        self.maps_dir = os.path.join(self.root, self.config.maps_dir)
        self.custom_fields = check_custom_fields(self.config.custom_fields)
        self.site = Site(normalise_prefix(self.config.prefix), config.use_directory_urls)
        try:
            self.templates = Templates(config.theme.custom_dir, self.config.labels)
        except UnknownLabel as exc:
            raise PluginError(f"journeys: {exc}") from None
        for stylesheet in STYLESHEETS:
            if stylesheet not in config.extra_css:
                config.extra_css.append(stylesheet)
        for script in SCRIPTS:
            if script not in (str(s) for s in config.extra_javascript):
                config.extra_javascript.append(script)
        return config

    # Runs before other plugins' on_files (default priority 0), so navigation and tag
    # plugins that walk the files see the generated pages.
    @event_priority(50)
    def on_files(self, files: Files, *, config) -> Files:
        if not self.config.enabled:
            return files
        handbook = load_handbook(
            self.maps_dir, custom_fields=self.custom_fields, root=self.root,
            cache=getattr(self, "parse_cache", None),
        )
        for problem in handbook.problems:
            log.warning(str(problem))
        ctx = Context(self.site, build_date(), self.config.review_after_days, self.config.plotly_js, self.templates)
        docs_rel = os.path.relpath(config.docs_dir, self.root).replace(os.sep, "/")
        index_pages = {self.site.src(kind) for kind in INDEX_KINDS}
        generated = site_files(handbook, ctx)
        self.html_blocks: dict[str, list[str]] = {}
        for page in generated.pages:
            if files.get_file_from_path(page.src) is not None:
                log.warning(f"{docs_rel}/{page.src} is written by hand and hides the page the journeys plugin generates there")
                continue
            # Detail pages stay out of the navigation: a nav that lists every map makes every
            # page carry every map, and the build grows with the square of the handbook.
            inclusion = InclusionLevel.UNDEFINED if page.src in index_pages else InclusionLevel.NOT_IN_NAV
            skeleton, self.html_blocks[page.src] = page.skeleton()
            file = File.generated(config, page.src, content=page.markdown(skeleton), inclusion=inclusion)
            if page.source:
                file.edit_uri = posixpath.relpath(page.source, docs_rel)
            files.append(file)
        for path, content in generated.texts.items():
            files.append(File.generated(config, path, content=content))
        for path, source in generated.copies.items():
            files.append(File.generated(config, path, abs_src_path=source))
        return files

    # Before other plugins' on_page_content (default priority 0), so they see the finished page.
    @event_priority(50)
    def on_page_content(self, html: str, *, page, config, files) -> str:
        blocks = self.html_blocks.get(page.file.src_uri) if self.config.enabled else None
        if not blocks:
            return html
        return PLACEHOLDER_RE.sub(lambda m: blocks[int(m.group(1))], html)

    def on_serve(self, server, *, config, builder):
        if self.config.enabled:
            server.watch(self.maps_dir)
        return server
