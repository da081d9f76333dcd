"""A MkDocs hook that a standalone export (`journeys export --standalone`) ships beside its
mkdocs.yml: a generated page names the map it shows in its `edit_url` front matter, and MkDocs
(or ProperDocs) would otherwise point "edit this page" at the generated file, which the next
export overwrites. Zensical runs no hooks; see docs/zensical.md."""

from __future__ import annotations


def on_page_context(context, *, page, config, nav):
    # An index page shows no single map: its `edit_url` is empty and it gets no edit button,
    # as in a build with the plugin.
    if "edit_url" in page.meta:
        edit_url = page.meta["edit_url"]
        page.edit_url = edit_url if isinstance(edit_url, str) and edit_url else None
    return context
