"""Where each generated page lives, and relative links between them.

Generated pages are raw HTML blocks (Python-Markdown does not parse Markdown inside table
cells), so the renderer resolves page links itself, the way MkDocs would.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Site:
    prefix: str = ""  # e.g. "cx/"
    use_directory_urls: bool = True
    # Links in generated pages are raw HTML. MkDocs leaves raw HTML alone, so they are written
    # relative to the page's URL. Zensical rewrites every relative link in raw HTML as if it
    # were relative to the page's source file; `source_relative` writes them that way, for a
    # standalone export built by Zensical with directory URLs (see docs/zensical.md).
    source_relative: bool = False

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
        return _href(self, from_src, to_src) + (f"#{anchor}" if anchor else "")

    def asset(self, from_src: str, path: str) -> str:
        """A link to a site-root-relative file, such as an export."""
        return relative(path, self._base(from_src))

    def script_asset(self, from_src: str, path: str) -> str:
        """A link to a site-root-relative file that a script reads from a data attribute. No
        generator rewrites data attributes, so it is always relative to the page's URL."""
        return relative(path, self._base(from_src, rewritten=False))

    def _base(self, from_src: str, rewritten: bool = True) -> str:
        """The folder a relative link on the page starts from; `rewritten`: in an attribute
        that Zensical rewrites (href, src)."""
        by_url = self.use_directory_urls and not (rewritten and self.source_relative)
        return posixpath.dirname(self.url(from_src) if by_url else from_src)


# A page links the same few pages again and again (its stage's, its teams', a journey's from
# every row of it): four links in five repeat one made shortly before, at 1,000 maps.
@lru_cache(maxsize=16384)
def _href(site: Site, from_src: str, to_src: str) -> str:
    here = site._base(from_src)
    target = site.url(to_src)
    rel = relative(target, here)
    if target.endswith("/") or not target:
        rel = rel.rstrip("/") + "/" if rel != "." else "./"
    if rel.startswith("./") and len(rel) > 2:
        rel = rel[2:]
    return rel


def relative(target: str, start: str) -> str:
    """`posixpath.relpath(target or ".", start or ".")` for site paths. Pages hold tens of
    thousands of links, and relpath resolves both paths against the working directory each
    time; site paths are relative and plain, so comparing their parts gives the same answer."""
    if target.startswith("/") or start.startswith("/") or ".." in target or ".." in start:
        return posixpath.relpath(target or ".", start or ".")
    to = [part for part in target.split("/") if part and part != "."]
    here = [part for part in start.split("/") if part and part != "."]
    common = 0
    while common < min(len(to), len(here)) and to[common] == here[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + to[common:]) or "."
