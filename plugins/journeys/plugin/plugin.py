"""The `journeys` MkDocs plugin: turns the maps folder into generated pages."""

from __future__ import annotations

import logging
import os
import posixpath
import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from journeys.core import load_handbook
from journeys.core.schema import step_record
from journeys.plugin.config import JourneysConfig
from journeys.render.page import PLACEHOLDER, Context
from journeys.render.labels import UnknownLabel
from journeys.render.templating import Templates
from journeys.render.site_files import INDEX_KINDS, SCRIPTS, STYLESHEET, build_date, normalise_prefix, site_files
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
        try:
            self.templates = Templates(config.theme.custom_dir, self.config.labels)
        except UnknownLabel as exc:
            raise PluginError(f"journeys: {exc}") from None
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        for script in SCRIPTS:
            if script not in (str(s) for s in config.extra_javascript):
                config.extra_javascript.append(script)
        return config

    # Runs before other plugins' on_files (default priority 0), so navigation and tag
    # plugins that walk the files see the generated pages.
    @event_priority(50)
    def _make_files(self, files: Files, *, config) -> Files:
        self.ours: dict[str, File] = {}  # site path -> the file made for it
        self.detail_pages: set[str] = set()
        if not self.config.enabled:
            return files
        handbook = load_handbook(
            self.maps_dir, custom_fields=self.custom_fields, root=self.root,
            cache=getattr(self, "parse_cache", None),
        )
        for problem in handbook.problems:
            log.warning(str(problem))
        # Read here, not in on_config: Material's offline plugin turns use_directory_urls off
        # in its own on_config, which may run after ours (plugin order in mkdocs.yml).
        self.site = Site(normalise_prefix(self.config.prefix), config.use_directory_urls)
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
            if inclusion is InclusionLevel.NOT_IN_NAV:
                self.detail_pages.add(page.src)
            skeleton, self.html_blocks[page.src] = page.skeleton()
            self.ours[page.src] = self._page_file(config, page, page.markdown(skeleton), inclusion, docs_rel)
        for path, content in generated.texts.items():
            self.ours[path] = File.generated(config, path, content=content)
        for path, source in generated.copies.items():
            self.ours[path] = File.generated(config, path, abs_src_path=source)
        if self.i18n(config) is None:
            for file in self.ours.values():
                files.append(file)
        return files

    def _page_file(self, config, page, markdown: str, inclusion, docs_rel: str) -> File:
        """A page of one map is an ordinary File whose source is that map: plugins that read a
        page's source file, such as git-revision-date-localized for "last update", then date it
        by the map's last commit (they skip files marked generated, and date those by the build).
        The content stays in memory. Index pages draw on every map and stay generated."""
        if not page.source:
            return File.generated(config, page.src, content=markdown, inclusion=inclusion)
        file = File(page.src, src_dir=None, dest_dir=config.site_dir,
                    use_directory_urls=config.use_directory_urls, inclusion=inclusion)
        file.content_string = markdown  # MkDocs 1.6: setting the content clears abs_src_path, so it goes first
        file.abs_src_path = os.path.join(self.root, page.source)
        file.edit_uri = posixpath.relpath(page.source, docs_rel)
        return file

    @staticmethod
    def i18n(config):
        """mkdocs-static-i18n, if the site uses it (1.x registers as `i18n`)."""
        return config.plugins.get("i18n")

    # Last, after every other plugin's on_files, including mkdocs-static-i18n (-100): it
    # rebuilds each File from docs_dir and so loses in-memory content and crashes on files with
    # no abs_src_path (static-i18n 1.3, its issue #263), so with it the pages are added here,
    # each language's under its folder. And a page another plugin wrote at a generated path
    # after our on_files (mkdocs-gen-files, priority 0) is only visible here.
    @event_priority(-200)
    def _check_files(self, files: Files, *, config) -> Files:
        i18n = self.i18n(config)
        if self.ours and i18n is not None:
            language = i18n.current_language
            folder = "" if language == i18n.default_language else language + "/"
            for src, file in self.ours.items():
                if files.get_file_from_path(src) is not None:
                    continue
                file.dest_uri = folder + file.dest_uri
                # What static-i18n reads from the files it made itself (language selector, nav).
                file.locale = file.locale_alternate_of = language
                file.localization, file.norm_src_uri, file.alternates = None, src, {language: file}
                files.append(file)
        for src, file in self.ours.items():
            found = files.get_file_from_path(src)
            if src.endswith(".md") and found is not file and found is not None:
                by = getattr(found, "generated_by", None) or "another plugin"
                log.warning(f"{src} is written by {by} and hides the page the journeys plugin generates there")
        return files

    on_files = CombinedEvent(_make_files, _check_files)

    def on_nav(self, nav, *, config, files):
        """Detail pages are kept out of the navigation (see on_files); a navigation plugin
        that lists whole folders, such as literate-nav with `[Journeys](journeys/)`, pulls
        them back in."""
        listed = sorted(page.file.src_uri for page in nav.pages if page.file.src_uri in self.detail_pages)
        if listed:
            log.warning(f"the navigation lists {len(listed)} journey handbook detail pages (e.g. {listed[0]}): list only "
                        "the index pages (journeys/index.md, personas/index.md, ...), since a navigation of every map "
                        "makes the build grow with the square of the handbook")
        return nav

    # Before mkdocs-macros' on_page_markdown (default priority 0), which renders every page as a
    # Jinja template unless its meta says `render_macros: false`: a generated page is author
    # text, shown as typed, never run.
    @event_priority(50)
    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        if self.config.enabled and self.ours.get(page.file.src_uri) is page.file:
            page.meta["render_macros"] = False
        return markdown

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
