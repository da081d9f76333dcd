"""Pagefind's part of a build (search: pagefind), which the plugin's events hand each page to.

The plugin keeps one `PagefindSite` for as long as MkDocs keeps the plugin (a preview's
rebuilds): the staged copies of a dirty preview's pages stay from build to build, since a dirty
rebuild writes only the pages that changed. While `mkdocs serve` previews, a rebuild's index is
made in the background, so the page that was edited reloads without waiting for it; readers
search the last index until the new one is whole.
"""

from __future__ import annotations

import logging
import shutil
import threading
import time

from mkdocs.exceptions import PluginError

from journeys.plugin.pagefind_html import mark_excluded, page_copy, published, row_copies
from journeys.plugin.pagefind_index import PagefindUnavailable, Staging, index_folder
from journeys.render.search_facets import search_items

log = logging.getLogger("mkdocs.plugins.journeys")


class PagefindSite:
    def __init__(self) -> None:
        self.dirty = False  # a dirty preview's: the plugin says so on each config load
        self.staging: Staging | None = None
        self.background = False  # set once `mkdocs serve` serves: later rebuilds index in the background
        self.indexing: threading.Thread | None = None
        self.page_filters: dict[str, tuple] = {}
        self.rows: dict[str, list[tuple]] = {}
        self.not_indexed: set[str] = set()

    def start(self, handbook, ctx) -> None:
        """A build begins: what Pagefind indexes besides the words, each generated page's filters
        and the rows that are items of their own (render/search_facets.py)."""
        self.page_filters, self.rows, self.not_indexed = {}, {}, set()
        for item in search_items(handbook, ctx):
            if item.anchor is None:
                self.page_filters[item.src] = item.filters
            else:
                self.rows.setdefault(item.src, []).append((item.anchor, item.title, item.filters))
        # Only a dirty preview indexes what an earlier build staged. MkDocs keeps the plugin
        # across config loads in one process (it defines on_startup), so a build that stopped
        # half-way must not hand its copies to the next.
        if not self.dirty:
            self.drop()
        if self.staging is None:
            self.staging = Staging()

    def content(self, html: str, page) -> str:
        """A page's content, its exclusions kept for Pagefind's copy; and Material's search
        plugin, which stays for its search box, asked to skip the page (`search: exclude`, read
        before it parses the page): Pagefind indexes it instead, and a page Material would skip
        stays out."""
        search = page.meta.get("search")
        search = dict(search) if isinstance(search, dict) else {}
        if search.get("exclude"):
            self.not_indexed.add(page.file.src_uri)
        page.meta["search"] = {**search, "exclude": True}
        return mark_excluded(html)

    def page(self, output: str, page) -> str:
        """Stage the page's copy for Pagefind, or its rows' copies, or none (not searched); the
        page as readers get it."""
        if self.staging is not None:
            src, dest = page.file.src_uri, page.file.dest_uri
            if src in self.rows:
                self.staging.put(dest, None, tuple(row_copies(output, page.url, self.rows[src])))
            elif src in self.not_indexed:
                self.staging.put(dest, None)
            else:
                self.staging.put(dest, page_copy(output, page.url, self.page_filters.get(src, ())))
        return published(output)

    def index(self, site_dir: str, pages: set[str]) -> None:
        """Index the staged copies into the site's bundle; `pages` are the paths of the site's
        pages (a dirty rebuild drops the copies of deleted ones)."""
        staging = self.staging
        if staging is None:
            return
        try:
            if self.dirty:
                staging.keep_only(pages)
            self.wait()
            if self.background:
                folder = staging.snapshot()
                self.indexing = threading.Thread(target=self._in_background, args=(folder, site_dir), daemon=True)
                self.indexing.start()
            else:
                _index(staging.folder, site_dir)
        except PagefindUnavailable as exc:
            raise PluginError(f"journeys: search: pagefind: {exc}") from None
        finally:
            if not self.dirty:
                self.drop()

    def _in_background(self, folder: str, site_dir: str) -> None:
        try:
            _index(folder, site_dir)
        except PagefindUnavailable as exc:
            log.warning(f"journeys: search: pagefind: {exc}")
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def wait(self) -> None:
        """Until the last index made in the background is done."""
        if self.indexing is not None:
            self.indexing.join()
            self.indexing = None

    def drop(self) -> None:
        if self.staging is not None:
            self.staging.close()
        self.staging = None

    def close(self) -> None:
        self.wait()
        self.drop()


def _index(folder: str, site_dir: str) -> None:
    start = time.perf_counter()
    count, stable = index_folder(folder, site_dir)
    log.info(f"journeys: Pagefind indexed {count} pages and rows in {time.perf_counter() - start:.1f} s")
    if not stable:
        log.info("journeys: Pagefind's filter index is left in the order Pagefind wrote it (plugin/pagefind_order.py)")
