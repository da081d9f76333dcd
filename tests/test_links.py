"""Every relative link in a built site resolves. MkDocs checks Markdown links but not links
inside raw HTML, and generated pages are mostly raw HTML, so this crawls the output."""

from __future__ import annotations

import contextlib
import logging
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from cross_map_handbook import build_cross_maps
from helpers import BASE_CONFIG, Build

SKIP_SCHEMES = ("http", "https", "mailto")
# The 404 page links from the site root, as it is served at any depth.
SKIP_PAGES = ("404.html",)


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.content_hrefs: list[str] = []  # inside <article>, without the theme's navigation
        self.ids: set[str] = set()
        self._in_article = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        if tag == "article":
            self._in_article = True
        if tag in ("a", "link") and attrs.get("href") is not None:
            self.hrefs.append(attrs["href"])
            if self._in_article:
                self.content_hrefs.append(attrs["href"])
        if tag in ("img", "script") and attrs.get("src") is not None:
            self.hrefs.append(attrs["src"])

    def handle_endtag(self, tag):
        if tag == "article":
            self._in_article = False


def _parse(path: Path) -> _Page:
    parsed = _Page()
    parsed.feed(path.read_text(encoding="utf-8"))
    return parsed


def broken_links(site: Path) -> list[str]:
    """'page: href (reason)' for every relative link or src that misses its file or anchor."""
    pages = {p.relative_to(site).as_posix(): p for p in site.rglob("*.html")}
    parsed = {rel: _parse(path) for rel, path in pages.items()}
    broken = []
    for rel, page in sorted(parsed.items()):
        if rel in SKIP_PAGES:
            continue
        for href in page.hrefs:
            parts = urlsplit(href)
            if parts.scheme in SKIP_SCHEMES:
                continue
            if parts.scheme or parts.netloc or href.startswith("/"):
                broken.append(f"{rel}: {href} (not a relative link)")
                continue
            target = (
                posixpath.normpath(posixpath.join(posixpath.dirname(rel), unquote(parts.path))) if parts.path else rel
            )
            if target.startswith(".."):
                broken.append(f"{rel}: {href} (leaves the site)")
                continue
            path = site / target
            if path.is_dir():
                target = posixpath.normpath(posixpath.join(target, "index.html"))
                path = site / target
            if not path.is_file():
                broken.append(f"{rel}: {href} (no file {target})")
            elif parts.fragment and unquote(parts.fragment) not in parsed[target].ids:
                broken.append(f"{rel}: {href} (no id {parts.fragment!r} in {target})")
    return broken


@pytest.fixture
def demo(demo_copy, caplog):
    """The demo copy built from its own mkdocs.yml, strict."""
    caplog.set_level(logging.WARNING, logger="mkdocs")
    with contextlib.suppress(Abort):
        build(load_config(config_file=str(demo_copy / "mkdocs.yml"), strict=True, site_dir=str(demo_copy / "site")))
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    return Build(demo_copy / "site", warnings, not warnings)


def test_demo_builds_strict_and_every_link_resolves(demo):
    assert demo.ok, demo.warnings
    for url in ("personas/", "stages/", "teams/", "pain-points/", "exports/"):
        assert (demo.site / url / "index.html").is_file()
    assert (demo.site / "journeys.json").is_file() and (demo.site / "pain-points.csv").is_file()
    assert broken_links(demo.site) == []


def test_demo_links_from_journeys_lead_back(demo):
    """Every persona, stage, team and pain-point page a journey links to links back to it."""
    site = demo.site
    checked = set()
    for journey_html in sorted((site / "journeys").glob("*/index.html")):
        journey = journey_html.parent.relative_to(site).as_posix()
        for href in set(_parse(journey_html).content_hrefs):
            path = urlsplit(href).path
            if urlsplit(href).scheme or not path.startswith("../../"):
                continue
            target = posixpath.normpath(posixpath.join(journey, path))
            if target.split("/")[0] not in ("personas", "stages", "teams", "pain-points"):
                continue
            back = _parse(site / target / "index.html").content_hrefs
            resolved = {
                posixpath.normpath(posixpath.join(target, urlsplit(h).path)) for h in back if not urlsplit(h).scheme
            }
            assert journey in resolved, f"{target}/ does not link back to {journey}/"
            checked.add(target.split("/")[0])
    assert checked == {"personas", "stages", "teams", "pain-points"}


def test_the_link_checker_finds_broken_links(tmp_path):
    write_site = {
        "index.html": '<a href="a/">ok</a><a href="a/#there">ok</a><a href="a/#nowhere">bad</a><a href="missing/">bad</a>',
        "a/index.html": '<h2 id="there">There</h2><a href="../">ok</a><a href="https://example.com/">skipped</a>',
    }
    for name, content in write_site.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content, encoding="utf-8")
    assert broken_links(tmp_path) == [
        "index.html: a/#nowhere (no id 'nowhere' in a/index.html)",
        "index.html: missing/ (no file missing)",
    ]


def test_every_link_resolves_with_a_prefix_and_file_urls(tmp_path_factory):
    plugins = ["search", {"journeys": dict(BASE_CONFIG["plugins"][1]["journeys"], prefix="cx/")}]
    built = build_cross_maps(tmp_path_factory, plugins=plugins, use_directory_urls=False)
    assert (built.site / "cx/pain-points/index.html").is_file()
    assert broken_links(built.site) == []
