"""Compatibility shim for Material's search plugin (mkdocs-material 9.x; read on 9.8) under
`mkdocs serve --dirty` (MkDocs 1.6): the whole search index after every rebuild.

A dirty rebuild hands only the pages it rebuilds to the search plugin. Material keeps the last
index and merges, but as if one page had been rebuilt: it drops the old entries of the first
rebuilt page only, by URL prefix, so after a one-map edit the old entries of the other rebuilt
pages stay twice, and rebuilding the journeys index (`journeys/`) drops the entries of every
journey page (`journeys/<id>/`). A deleted page's entries stay for good.

So the plugin keeps each page's entries as the search plugin made them when the page was last
built, and before the search plugin writes its index hands it every page's, in the order of the
site's files (the order a full build indexes them in), with nothing left for it to merge.
"""

from __future__ import annotations


def material_search(config):
    """Material's search plugin, if the site uses it and it keeps an index across builds."""
    for name in ("material/search", "search"):
        plugin = config.plugins.get(name)
        if plugin is not None and hasattr(plugin, "search_index_prev") and hasattr(plugin, "search_index"):
            return plugin if plugin.config.enabled else None
    return None


class WholeIndex:
    def __init__(self) -> None:
        self.by_page: dict[str, list] = {}  # page source path -> its entries, from its last build
        self._counted = 0  # entries of this build's index already given to a page

    def start(self) -> None:
        self._counted = 0  # the search plugin starts a new index in its on_config

    def record(self, search, page) -> None:
        """After the search plugin indexed `page`: the entries it added are the page's."""
        entries = search.search_index.entries
        self.by_page[page.file.src_uri] = entries[self._counted :]
        self._counted = len(entries)

    def complete(self, search, files) -> None:
        """Every page's entries in the site's order; the pages that are gone leave theirs."""
        present = (file.src_uri for file in files if file.is_documentation_page())
        self.by_page = {src: self.by_page[src] for src in present if src in self.by_page}
        search.search_index.entries = [entry for entries in self.by_page.values() for entry in entries]
        search.search_index_prev = None  # nothing to merge: the list is whole
