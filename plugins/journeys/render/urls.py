"""Where each generated page lives, and relative links between them.

Generated pages are raw HTML blocks (Python-Markdown does not parse Markdown inside table
cells), so the renderer resolves page links itself, the way MkDocs would.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

KINDS = ("journeys", "personas", "stages", "teams", "pain-points")


@dataclass(frozen=True)
class Site:
    prefix: str = ""  # e.g. "cx/"
    use_directory_urls: bool = True

    def src(self, kind: str, id_: str | None = None) -> str:
        """Virtual source path, as hand-written pages link to it: `journeys/<id>.md`."""
        return f"{self.prefix}{kind}/{id_ or 'index'}.md"

    def url(self, src: str) -> str:
        """The page URL MkDocs gives a source path, relative to the site root."""
        stem = src[:-3]
        if not self.use_directory_urls:
            return stem + ".html"
        return stem[:-5] if stem == "index" or stem.endswith("/index") else stem + "/"

    def href(self, from_src: str, to_src: str, anchor: str = "") -> str:
        """A relative link from one page to another (or to an anchor on it)."""
        here = posixpath.dirname(self.url(from_src) if self.use_directory_urls else from_src)
        target = self.url(to_src)
        rel = posixpath.relpath(target or ".", here or ".")
        if target.endswith("/") or not target:
            rel = rel.rstrip("/") + "/" if rel != "." else "./"
        if rel.startswith("./") and len(rel) > 2:
            rel = rel[2:]
        return rel + (f"#{anchor}" if anchor else "")

    def asset(self, from_src: str, path: str) -> str:
        """A link to a site-root-relative file, such as an export."""
        here = posixpath.dirname(self.url(from_src) if self.use_directory_urls else from_src)
        return posixpath.relpath(path, here or ".")
