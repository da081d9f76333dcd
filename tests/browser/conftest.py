"""The demo handbook built once, served on 127.0.0.1, and a Chromium that records every console
error and every request to another host while a test drives it."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from browser.scrolling import reach_charts
from helpers import copy_demo, demo_custom_fields, serving
from journeys.core import load_handbook

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"


@pytest.fixture(scope="session")
def served_demo(tmp_path_factory):
    """The demo handbook, served on a free port of 127.0.0.1 and built for that address:
    Material's instant navigation only takes over links to the host and port of `site_url`,
    as `mkdocs serve` arranges too. Its address, and the folder of the built site."""
    root = tmp_path_factory.mktemp("demo")
    copy_demo(root)
    site = root / "site"
    site.mkdir()
    with serving(site) as server:
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
        build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site), site_url=url))
        yield url, site


@pytest.fixture(scope="session")
def base_url(served_demo):
    return served_demo[0]


@pytest.fixture(scope="session")
def demo_site(served_demo) -> Path:
    return served_demo[1]


@pytest.fixture(scope="session")
def demo_handbook():
    return load_handbook(str(REPO / "maps"), custom_fields=demo_custom_fields(), root=str(REPO))


@dataclass
class Watched:
    """A page and what it did: console errors, uncaught exceptions, every request URL."""

    page: object
    base_url: str
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    @property
    def foreign(self) -> list[str]:
        ours = urlsplit(self.base_url).netloc
        return [
            u
            for u in self.requests
            if urlsplit(u).scheme in ("http", "https", "ws", "wss") and urlsplit(u).netloc != ours
        ]

    def open(self, path: str) -> None:
        self.page.goto(self.base_url + path, wait_until="networkidle")

    def wait_for_charts(self) -> int:
        """Every chart container on the page has its plotly SVG; returns how many there are.
        A chart is drawn when it comes near the screen, so each is scrolled to, as a reader does."""
        reach_charts(self.page)
        # Each poll brings a chart not drawn yet back to the middle of the screen, as a reader
        # would scroll to it: instant navigation may swap the content in after the scroll above.
        self.page.wait_for_function(
            "() => [...document.querySelectorAll('.jm-chart')].every(c => c.querySelector('svg.main-svg')"
            " || (c.scrollIntoView({block: 'center'}), false))",
            timeout=20000,
        )
        return self.page.locator(".jm-chart").count()


@pytest.fixture
def watched(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="light")
    page = context.new_page()
    seen = Watched(page, base_url)
    page.on("console", lambda m: seen.errors.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: seen.errors.append(str(e)))
    page.on("request", lambda r: seen.requests.append(r.url))
    yield seen
    context.close()


@pytest.fixture
def opened(browser, base_url):
    """Opens a path at a viewport size and colour scheme (and without JavaScript when asked);
    closes every context afterwards."""
    contexts = []

    def open_at(path: str, viewport: dict, scheme: str = "light", script: bool = True):
        context = browser.new_context(viewport=viewport, color_scheme=scheme, java_script_enabled=script)
        contexts.append(context)
        page = context.new_page()
        page.goto(base_url + path, wait_until="networkidle")
        return page

    yield open_at
    for context in contexts:
        context.close()


@pytest.fixture
def viewer(opened):
    """Opens a path at a width (900 px high) and colour scheme; returns the page."""
    return lambda path, width=1440, scheme="light": opened(path, {"width": width, "height": 900}, scheme)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
