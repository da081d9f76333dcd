"""The `journeys` MkDocs plugin: turns the maps folder into generated pages."""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import logging
import os
import posixpath
import re
import secrets
import shutil
from collections import Counter

from mkdocs.config.config_options import RepoName
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from journeys.core import load_handbook
from journeys.core.audience import for_audience, linked_repository, public_site_settings, unknown_public_fields
from journeys.core.build_date import build_date
from journeys.core.editor_option import repository_paths
from journeys.core.file_kinds import FILE_KINDS
from journeys.core.history import try_history
from journeys.core.options import PLUGIN_OPTIONS, Options
from journeys.core.problems import one_line
from journeys.plugin import embedded_pages
from journeys.plugin.config import JourneysConfig
from journeys.plugin.held_pages import HeldPages
from journeys.plugin.material_page import scripts_after_paint, with_worker
from journeys.plugin.pagefind_html import mark_excluded
from journeys.plugin.pagefind_site import PagefindSite
from journeys.plugin.search_index import WholeIndex, material_search
from journeys.render.context import Context
from journeys.render.editor_site import EditorSite, editor_site
from journeys.render.embed_html import embed_html
from journeys.render.generated_page import Page, placeholder
from journeys.render.labels import UnknownLabel
from journeys.render.memo import Memo
from journeys.render.page_inputs import override_files
from journeys.render.search_facets import search_settings
from journeys.render.site_files import (
    INDEX_KINDS,
    SCRIPTS,
    SEARCH_SCRIPT,
    SEARCH_SETTINGS,
    SEARCH_WORKER,
    STARTER,
    STYLESHEET,
    asset,
    normalise_prefix,
    rendering_context,
    site_files,
)
from journeys.render.templating import OVERRIDE_FOLDER, TemplateProblem, Templates, override_warnings
from journeys.render.urls import Site

log = logging.getLogger("mkdocs.plugins.journeys")


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _remove(path: str) -> None:
    """A file and the folder that held only it (`journeys/<id>/index.html`)."""
    if os.path.isfile(path):
        os.remove(path)
        with contextlib.suppress(OSError):  # not empty: it holds other pages
            os.rmdir(os.path.dirname(path))


def _unchanged() -> bool:
    return False


def _modified() -> bool:
    return True


def _public_addresses(config, public_repo_url: str | None) -> None:
    """A public build links to no internal address (core.audience.public_site_settings). Set
    here, before any page exists: MkDocs makes each page's "edit this page" URL from these as it
    makes the page, and the theme reads `repo_url` and `repo_name` as it renders. MkDocs derives
    `repo_name` from `repo_url` while it validates the config, so it is derived again here."""
    for key, value in public_site_settings(config, public_repo_url).items():
        config[key] = value
    RepoName("repo_url").post_validation(config, "repo_name")


class JourneysPlugin(BasePlugin[JourneysConfig]):
    def on_startup(self, *, command, dirty) -> None:
        # Defining on_startup makes MkDocs keep this instance across `mkdocs serve` rebuilds,
        # so the parse cache below survives and an edit re-parses only the changed file. A build
        # has no next rebuild: its parsed documents go once the handbook is loaded.
        self.parse_cache: dict | None = {} if command == "serve" else None
        self.history_cache: dict = {}  # old versions of maps from git, by blob id
        self.digests: dict[str, str] = {}  # site path -> digest of what the last build wrote there
        # Pages of the last build, reused where their inputs are unchanged; only for a preview,
        # as the memo keeps every page in memory after the build.
        self.memo = Memo() if command == "serve" else None
        self.pages: dict[str, Page] = {}  # site path -> the page the last build wrote there
        self.written: dict[str, str] = {}  # site path -> the file the last build wrote for it
        self.search_index: WholeIndex | None = WholeIndex() if dirty else None
        self.dirty = dirty  # a dirty preview keeps Pagefind's staged copies from build to build
        last = getattr(self, "pagefind", None)
        if last is not None:  # a session before this one, in this process
            last.close()
        self.pagefind: PagefindSite | None = None

    def on_config(self, config):
        if not self.config["enabled"]:
            return config
        self.root = os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))
        if self.config["audience"] == "public":
            _public_addresses(config, self.config["public_repo_url"])
        # The values are checked by core already (plugin/config.py); the site's settings
        # come from MkDocs, which resolved the paths.
        self.options = dataclasses.replace(
            Options(),
            **{option.name: self.config[option.name] for option in PLUGIN_OPTIONS},
            docs_dir=config.docs_dir,
            use_directory_urls=config.use_directory_urls,
            custom_dir=config.theme.custom_dir,
            repo_url=config.repo_url,
        )
        for message in unknown_public_fields(self.options.public_fields, (f.key for f in self.options.custom_fields)):
            raise PluginError(one_line(f"journeys: {message}"))
        self.maps_dir = os.path.join(self.root, self.options.maps_dir)
        # A preview keeps the templates, compiled, while the overrides and labels stay the same.
        folder = os.path.join(self.options.custom_dir, OVERRIDE_FOLDER) if self.options.custom_dir else None
        templates_key = (self.options.custom_dir, sorted(dict(self.options.labels).items()), override_files(folder))
        if getattr(self, "memo", None) is None or getattr(self, "templates_key", None) != templates_key:
            try:
                self.templates = Templates(self.options.custom_dir, dict(self.options.labels))
            except (UnknownLabel, TemplateProblem) as exc:
                raise PluginError(one_line(f"journeys: {exc}")) from None
            self.templates_key = templates_key
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        wanted = self._pagefind(config)
        last = getattr(self, "pagefind", None)  # a preview's rebuilds keep it, and its copies
        self.pagefind = (last or PagefindSite()) if wanted else None
        if self.pagefind is not None:
            self.pagefind.dirty = getattr(self, "dirty", False)
        elif last is not None:
            last.close()
        for script in (*SCRIPTS, SEARCH_SCRIPT) if self.pagefind else SCRIPTS:
            if script not in (str(s) for s in config.extra_javascript):
                config.extra_javascript.append(script)
        return config

    def _pagefind(self, config) -> bool:
        """Whether Pagefind answers Material's search box: `search: pagefind`, on a site with
        Material's search plugin (the box) that Pagefind can serve."""
        if self.options.search != "pagefind":
            return False
        offline = config.plugins.get("material/offline") or config.plugins.get("offline")
        if material_search(config) is None:
            why = "the site has no Material search plugin, whose search box Pagefind answers"
        elif offline is not None and offline.config.enabled:
            why = "the offline plugin's pages are read from file://, where Pagefind cannot load its index"
        elif self.i18n(config) is not None:
            why = "mkdocs-static-i18n builds each language on its own, and Pagefind indexes a whole site"
        else:
            return True
        log.info(f"journeys: search: pagefind is not used ({why}); Material's search stays as it is")
        return False

    # Runs before other plugins' on_files (default priority 0), so navigation and tag
    # plugins that walk the files see the generated pages.
    @event_priority(50)
    def _make_files(self, files: Files, *, config) -> Files:
        self.ours: dict[str, File] = {}  # site path -> the file made for it
        self.detail_pages: set[str] = set()
        self.failures: list[tuple[str, str]] = []  # (level, message): what `--strict` fails on
        self.held = HeldPages()
        self.finished: tuple | None = None  # the page between the two halves of on_page_content
        if not self.config["enabled"]:
            return files
        handbook = load_handbook(
            self.maps_dir,
            custom_fields=self.options.custom_fields,
            root=self.root,
            docs_dir=config.docs_dir,
            cache=getattr(self, "parse_cache", None),
            audience=self.options.audience,
        )
        # Errors and likely mistakes alike: --strict fails on both, as `journeys check --strict` does.
        overrides = override_warnings(self.options.custom_dir, lambda path: os.path.relpath(path, self.root))
        for problem in sorted(handbook.problems + handbook.warnings) + overrides:
            self._warn(str(problem), problem.level)
        handbook = for_audience(handbook, self.options.audience, self.options.public_fields)
        # Read on every build, so `mkdocs serve` shows a commit made since the last one.
        history, why_not = try_history(
            handbook,
            self.maps_dir,
            self.root,
            self.options.history_depth,
            getattr(self, "history_cache", None),
            self.options.public_fields,
        )
        if why_not:
            log.info(one_line(f"journeys: no History sections: {why_not}"))
        self.git_watched = history.watched if history else ()
        histories = history.journeys if history else {}
        # Read here, not in on_config: Material's offline plugin turns use_directory_urls off
        # in its own on_config, which may run after ours (plugin order in mkdocs.yml).
        self.site = Site(normalise_prefix(self.options.prefix), config.use_directory_urls)
        docs_rel = os.path.relpath(config.docs_dir, self.root).replace(os.sep, "/")
        # Before the generated pages join `files`: only hand-written pages are scanned.
        self.embeds = embedded_pages.scan(files, docs_rel, [j.id for j in handbook.journeys])
        for problem in self.embeds.problems():
            self._warn(str(problem), problem.level)
        ctx = Context(
            self.site,
            build_date(),
            self.options.review_after_days,
            self.options.plotly_js,
            self.templates,
            self.embeds.shown_in(),
            histories,
            linked_repository(self.options),
            memo=getattr(self, "memo", None),
            measures_stale_after_days=self.options.measures_stale_after_days,
        )
        # Embeds render later, with links to pain points where the pages put their rows.
        self.handbook, self.ctx = handbook, rendering_context(handbook, ctx)
        self.editor = self._editor(config, files, docs_rel)
        generated = site_files(handbook, ctx)
        self.html_blocks: dict[str, list[str]] = {}  # a hand-written page -> its embeds' blocks
        self.block_sources: dict[str, dict[int, str]] = {}  # page -> the source of each embed block
        # A new marker each build: a narrative cannot name (or copy) a block, and as every
        # marker is replaced again, the output does not depend on it.
        self.marker = secrets.token_hex(16)
        head, tail = placeholder(self.marker, 0).rsplit("0", 1)
        self.placeholder_re = re.compile(re.escape(head) + r"(\d+)" + re.escape(tail))
        self.printed_re = embedded_pages.printed_placeholder(head, tail)
        # Kept for the next rebuild of a preview only (_keep_unchanged): a build renders the
        # pages one at a time and lets each go once its blocks are held.
        made: dict[str, Page] | None = {} if getattr(self, "memo", None) is not None else None
        hidden = self._add_pages(generated.pages, made, files, config, docs_rel)
        hidden |= {
            path for path in [*generated.texts, *generated.copies] if self._hidden_by_hand(path, files, docs_rel)
        }
        for path, data in generated.texts.items():  # UTF-8 (render/data_files.py all_exports)
            self.ours[path] = File.generated(config, path, content=data)
        for path, source in generated.copies.items():
            self.ours[path] = File.generated(config, path, abs_src_path=source)
        for path in hidden:
            self.ours.pop(path, None)
        self._page_work_files(config, handbook, self.ctx)
        # static-i18n builds every language with this instance, so what the last pass wrote is
        # another language's page: the shim is for a one-language preview.
        if self.i18n(config) is None:
            if made is not None:  # a build has no next rebuild to compare with
                self._keep_unchanged(made, generated.texts, files, config.site_dir)
            for file in self.ours.values():
                files.append(file)
        return files

    def _add_pages(self, pages, made: dict[str, Page] | None, files: Files, config, docs_rel: str) -> set[str]:
        """A File for each generated page, its finished blocks held (plugin/held_pages.py); the
        pages a hand-written one hides."""
        index_pages = {self.site.src(kind) for kind in INDEX_KINDS}
        hidden = set()
        try:
            for page in pages:
                if self._hidden_by_hand(page.src, files, docs_rel):
                    hidden.add(page.src)
                    continue
                # Detail pages stay out of the navigation: a nav that lists every map makes every
                # page carry every map, and the build grows with the square of the handbook.
                inclusion = InclusionLevel.UNDEFINED if page.src in index_pages else InclusionLevel.NOT_IN_NAV
                if inclusion is InclusionLevel.NOT_IN_NAV:
                    self.detail_pages.add(page.src)
                skeleton, blocks = page.skeleton(self.marker)
                self.held.put_blocks(page.src, blocks)
                self.ours[page.src] = self._page_file(config, page, page.markdown(skeleton), inclusion, docs_rel)
                if made is not None:
                    made[page.src] = page
        except TemplateProblem as exc:  # an override naming a value its page does not have
            raise PluginError(one_line(f"journeys: {exc}")) from None
        return hidden

    def _page_work_files(self, config, handbook, ctx) -> None:
        """What the plugin's work on each built page needs: Pagefind's side of the search box
        (search: pagefind), the starter of the theme's scripts (scripts_after_paint)."""
        if self.pagefind:
            self.pagefind.start(handbook, ctx)
            self.ours[SEARCH_SETTINGS] = File.generated(config, SEARCH_SETTINGS, content=search_settings(ctx.labels))
        for path in ((SEARCH_WORKER, SEARCH_SCRIPT) if self.pagefind else ()) + (
            (STARTER,) if self.options.scripts_after_paint else ()
        ):
            self.ours[path] = File.generated(config, path, abs_src_path=asset(path))

    def _hidden_by_hand(self, path: str, files: Files, docs_rel: str) -> bool:
        """Whether a hand-written file of the docs folder has taken a generated path. It wins, a
        page as much as an export (an old `journeys.json` committed to docs/), and is reported."""
        if files.get_file_from_path(path) is None:
            return False
        kind = "page" if path.endswith(".md") else "file"
        self._warn(f"{docs_rel}/{path} is written by hand and hides the {kind} the journeys plugin generates there")
        return True

    def _editor(self, config, files: Files, docs_rel: str) -> EditorSite | None:
        """The form editor's files, when this build serves it and no hand-written file is
        published where it would be."""
        maps_path, docs_path = repository_paths(self.root, self.maps_dir, config.docs_dir)
        editor = editor_site(
            editor=self.options.editor,
            audience=self.options.audience,
            custom_fields=self.options.custom_fields,
            maps_path=maps_path,
            docs_path=docs_path,
            present={kind.name for kind in FILE_KINDS if kind.exists(self.maps_dir)},
            repo_url=self.options.repo_url,
            site_url=config.site_url,
            site_name=config.site_name,
            templates=self.templates,
        )
        if editor is None:
            return None
        if editor.note:
            log.info(f"journeys: the form editor at {editor.path}: {editor.note}")
        taken = next((f for f in files if f.dest_uri.startswith(editor.path)), None)
        if taken is not None:
            self._warn(
                f"{docs_rel}/{taken.src_uri} is published at {editor.path}, where the form editor would be: "
                "set the journeys plugin's `editor` option to another folder, or to false"
            )
            return None
        return editor

    def _keep_unchanged(self, made: dict[str, Page], texts: dict[str, bytes], files: Files, site_dir: str) -> None:
        """Compatibility shim for `mkdocs serve --dirty` (MkDocs 1.6, ProperDocs 1.6): a File
        with content in memory always counts as modified (File.is_modified), so every
        generated page would be rebuilt after a one-map edit. A page whose text is what the last
        build wrote, and whose output is still there, counts as unchanged; a hand-written page
        that embeds a journey whose page changed counts as modified, so its embed is fresh.
        `made` is the pages of this build, by path."""
        last_pages: dict[str, Page] = getattr(self, "pages", {})
        last_digests: dict[str, str] = getattr(self, "digests", {})
        digests = {}
        for src, made_page in made.items():
            # A page the memo gave back (render/memo.py) is the very object of the last build.
            kept = src in last_digests and last_pages.get(src) is made_page
            digests[src] = last_digests[src] if kept else _digest(made_page.markdown().encode("utf-8"))
        digests |= {path: _digest(content) for path, content in texts.items()}
        self.pages = made
        changed = set()
        for src, digest in digests.items():
            file = self.ours.get(src)
            if file is None:
                continue
            # Only instances kept across `mkdocs serve` rebuilds remember (on_startup); a build has
            # nothing to compare with.
            # The path from its parts: File caches abs_dest_path, and a later plugin may still move it.
            if last_digests.get(src) == digest and os.path.isfile(os.path.join(file.dest_dir, file.dest_uri)):
                file.is_modified = _unchanged  # type: ignore[method-assign]
            else:
                changed.add(src)
        self.digests = digests
        # A dirty build leaves the output of a deleted map's pages where it was.
        for src in getattr(self, "written", {}).keys() - digests.keys():
            changed.add(src)
            if self.written[src].startswith(os.path.join(site_dir, "")):  # the site this build writes
                _remove(self.written[src])
        for src, found in self.embeds.by_page.items():
            if any(embed.journey and self.site.src("journeys", embed.journey) in changed for embed in found):
                page = files.get_file_from_path(src)
                if page is not None:
                    page.is_modified = _modified  # type: ignore[method-assign]

    def _page_file(self, config, page, markdown: str, inclusion, docs_rel: str) -> File:
        """A page of one map is an ordinary File whose source is that map: plugins that read a
        page's source file, such as git-revision-date-localized for "last update", then date it
        by the map's last commit (they skip files marked generated, and date those by the build).
        The content stays in memory. Index pages draw on every map and stay generated."""
        if not page.source:
            return File.generated(config, page.src, content=markdown, inclusion=inclusion)
        file = File(
            page.src,
            src_dir=None,
            dest_dir=config.site_dir,
            use_directory_urls=config.use_directory_urls,
            inclusion=inclusion,
        )
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
        self.files = files  # as the build has them: the search index shim keeps their order
        index = self._search_shim(config)
        if index:
            index.start()
        i18n = self.i18n(config)
        if self.ours and i18n is not None:
            language = i18n.current_language
            folder = "" if language == i18n.default_language else language + "/"
            for src, file in self.ours.items():
                if files.get_file_from_path(src) is not None:
                    continue
                file.dest_uri = folder + file.dest_uri
                # What static-i18n reads from the files it made itself (language selector, nav).
                # static-i18n adds these attributes to MkDocs' File; the stubs do not have them.
                file.locale = file.locale_alternate_of = language  # type: ignore[attr-defined]
                file.localization, file.norm_src_uri, file.alternates = None, src, {language: file}  # type: ignore[attr-defined]
                files.append(file)
        for src, file in self.ours.items():
            found = files.get_file_from_path(src)
            if src.endswith(".md") and found is not file and found is not None:
                by = getattr(found, "generated_by", None) or "another plugin"
                self._warn(f"{src} is written by {by} and hides the page the journeys plugin generates there")
        return files

    on_files = CombinedEvent(_make_files, _check_files)

    def on_nav(self, nav, *, config, files):
        """Detail pages are kept out of the navigation (see on_files); a navigation plugin
        that lists whole folders, such as literate-nav with `[Journeys](journeys/)`, pulls
        them back in."""
        listed = sorted(page.file.src_uri for page in nav.pages if page.file.src_uri in self.detail_pages)
        if listed:
            self._warn(
                f"the navigation lists {len(listed)} journey handbook detail pages (e.g. {listed[0]}): list only "
                "the index pages (journeys/index.md, personas/index.md, ...), since a navigation of every map "
                "makes the build grow with the square of the handbook"
            )
        return nav

    # Before other plugins' on_page_markdown (default priority 0). A `journey-map` block is
    # found in the page as its author wrote it; and mkdocs-macros, which renders every page as
    # a Jinja template unless its meta says `render_macros: false`, never runs a generated page
    # (author text, shown as typed) or a block's YAML.
    @event_priority(50)
    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        if not self.config["enabled"]:
            return markdown
        if self.ours.get(page.file.src_uri) is page.file:
            page.meta["render_macros"] = False
        found = self.embeds.by_page.get(page.file.src_uri)
        if not found:
            return markdown
        blocks = self.html_blocks.setdefault(page.file.src_uri, [])
        sources = self.block_sources.setdefault(page.file.src_uri, {})

        def hold(html: str, source: str) -> str:
            blocks.append(html)
            sources[len(blocks) - 1] = source
            return placeholder(self.marker, len(blocks) - 1)

        here = page.file.src_uri

        def render(embed) -> str:
            try:
                return embed_html(self.handbook, embed, self.ctx, here)
            except TemplateProblem as exc:  # an override naming a value an embed does not have
                raise PluginError(f"journeys: {exc}") from None

        return embedded_pages.replace_blocks(markdown, page.file.src_uri, found, render, hold, self._warn)

    def _generated(self, page) -> bool:
        return self.config["enabled"] and self.ours.get(page.file.src_uri) is page.file

    def _with_blocks(self, html: str, blocks: list[str]) -> str:
        return self.placeholder_re.sub(lambda m: blocks[int(m.group(1))] if int(m.group(1)) < len(blocks) else "", html)

    # Before other plugins' on_page_content (default priority 0), so they see the finished page.
    @event_priority(50)
    def _finish_page(self, html: str, *, page, config, files) -> str:
        if not self.config["enabled"]:
            return html
        src, skeleton, generated = page.file.src_uri, html, self._generated(page)
        # A hand-written page's embeds are taken, not read: a page is converted once a build.
        blocks = self.held.blocks(src) if generated else self.html_blocks.pop(src, None)
        if blocks:
            html = self._with_blocks(html, blocks)
            sources = self.block_sources.pop(src, None)
            if sources:
                html = embedded_pages.as_written(html, self.printed_re, sources)
        if self.pagefind:
            html = self.pagefind.content(html, page)
        self.finished = (page, skeleton, html) if generated and blocks is not None else None
        return html

    # After every other plugin's on_page_content, which have seen the finished page: until
    # MkDocs writes it, a generated page is held compressed (plugin/held_pages.py), and MkDocs
    # holds its skeleton, or nothing if another plugin changed the page.
    @event_priority(-200)
    def _hold_page(self, html: str, *, page, config, files) -> str:
        finished, self.finished = self.finished, None
        if finished is None or finished[0] is not page:
            return html
        if html is finished[2]:
            return finished[1]
        self.held.put_content(page.file.src_uri, html)
        return ""

    on_page_content = CombinedEvent(_finish_page, _hold_page)

    # Before every other plugin's on_page_context, Material's search among them (default
    # priority 0): each sees the page whole, as MkDocs would have kept it.
    @event_priority(200)
    def _unhold_page(self, context, *, page, config, nav):
        if self._generated(page):
            content, blocks = self.held.take(page.file.src_uri)
            if content is not None:
                page.content = content
            elif blocks is not None:
                page.content = self._with_blocks(page.content, blocks)
                if self.pagefind:
                    page.content = mark_excluded(page.content)
        return context

    # After the search plugin's on_page_context (default priority 0): it has indexed the page.
    @event_priority(-100)
    def _record_search_entries(self, context, *, page, config, nav):
        index = self._search_shim(config)
        search = material_search(config) if index else None
        if index and search is not None:
            index.record(search, page)
        return context

    on_page_context = CombinedEvent(_unhold_page, _record_search_entries)

    # Before other plugins' on_post_page (default priority 0), which may rewrite the page
    # (minifiers drop the quotes the shims below read).
    @event_priority(50)
    def _finish_output(self, output: str, *, page, config) -> str:
        if not self.config["enabled"]:
            return output
        if self.pagefind:
            output = with_worker(self.pagefind.page(output, page), SEARCH_WORKER)
        if self.options.scripts_after_paint:
            output = scripts_after_paint(output, STARTER)
        return output

    # After every other plugin's on_post_page, which may still read the page's content: the
    # page is written, and a generated page's content is let go (MkDocs would keep it to the
    # end of the build; see plugin/held_pages.py).
    @event_priority(-200)
    def _let_go(self, output: str, *, page, config) -> str:
        if self._generated(page):
            page.content = ""
        return output

    on_post_page = CombinedEvent(_finish_output, _let_go)

    def on_post_template(self, output_content: str, *, template_name: str, config) -> str:
        """The 404 page has the search box and the theme's scripts too."""
        if not self.config["enabled"] or template_name != "404.html":
            return output_content
        if self.pagefind:
            output_content = with_worker(output_content, SEARCH_WORKER)
        if self.options.scripts_after_paint:
            output_content = scripts_after_paint(output_content, STARTER)
        return output_content

    # Before the search plugin's on_post_build (default priority 0), which writes the index.
    @event_priority(100)
    def _whole_search_index(self, *, config) -> None:
        index = self._search_shim(config)
        search = material_search(config) if index else None
        if index and search is not None:
            index.complete(search, self.files)
        # Only an instance kept across the builds of a preview (on_startup) remembers.
        if hasattr(self, "written") and self.config["enabled"] and self.i18n(config) is None:
            self.written = {src: os.path.join(file.dest_dir, file.dest_uri) for src, file in self.ours.items()}

    def _search_shim(self, config) -> WholeIndex | None:
        """The entries kept for a dirty preview, for a one-language site (static-i18n builds
        and indexes each language in its own way)."""
        index = getattr(self, "search_index", None)
        return index if index is not None and self.i18n(config) is None else None

    def _warn(self, message: str, level: str = "warning") -> None:
        """Log what `--strict` must fail on, on one line (author text may hold line breaks), and
        keep it for `_strict` (see there why)."""
        message = one_line(message)
        log.warning(message)
        self.failures.append((level, message))

    def _strict(self, *, config) -> None:
        # MkDocs 1.6.1 and ProperDocs count warnings for --strict with a logging handler, and
        # --quiet raises the logger's level so warnings never reach it (mkdocs/mkdocs#4126):
        # a quiet strict build would publish broken maps (or pages with broken blocks) with
        # exit 0. So the plugin stops a strict build itself, after the whole site was checked,
        # as MkDocs' own count does, on everything it warned of.
        failures = getattr(self, "failures", ()) if self.config["enabled"] else ()
        if config.strict and failures:
            tally = Counter(level for level, _ in failures)
            count = " and ".join(f"{n} {level}{'s' if n != 1 else ''}" for level, n in sorted(tally.items()))
            rest = "" if len(failures) == 1 else "; `journeys check --strict` lists those in the maps"
            raise Abort(f"Aborted with {count} in the journey maps in strict mode: {failures[0][1]}{rest}")

    def _write_editor(self, *, config) -> None:
        """The form editor is a page of its own (Decap CMS takes the whole window), written
        beside the site rather than handed to MkDocs as files: no other plugin has anything to
        do with it, and Material's privacy plugin would try to download the third-party
        addresses inside the CMS's bundle (its optional media libraries)."""
        editor = getattr(self, "editor", None) if self.config["enabled"] else None
        if editor is None:
            return
        for rel, content in editor.texts.items():
            path = os.path.join(config.site_dir, *rel.split("/"))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(content)
        for rel, source in editor.copies.items():
            path = os.path.join(config.site_dir, *rel.split("/"))
            # A preview rebuilds often; the vendored files are the same each time.
            if not os.path.isfile(path) or os.path.getsize(path) != os.path.getsize(source):
                os.makedirs(os.path.dirname(path), exist_ok=True)
                shutil.copyfile(source, path)

    # After every other plugin's on_post_build, so that a strict build with broken maps stops
    # before Pagefind runs (_strict) and the site is whole.
    @event_priority(-100)
    def _index_with_pagefind(self, *, config) -> None:
        if self.config["enabled"] and self.pagefind:
            self.pagefind.index(config.site_dir, {f.dest_uri for f in self.files if f.is_documentation_page()})

    on_post_build = CombinedEvent(_write_editor, _whole_search_index, _strict, _index_with_pagefind)

    def on_build_error(self, *, error) -> None:
        pagefind = getattr(self, "pagefind", None)
        if pagefind is not None and not pagefind.dirty:
            pagefind.drop()

    def on_shutdown(self) -> None:
        pagefind = getattr(self, "pagefind", None)
        if pagefind is not None:
            pagefind.close()

    def on_serve(self, server, *, config, builder):
        if self.config["enabled"]:
            if self.pagefind:
                self.pagefind.background = True  # a rebuild's page reloads before its index is made
            server.watch(self.maps_dir)
            for path in getattr(self, "git_watched", ()):
                server.watch(path)
        return server
