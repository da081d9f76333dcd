"""The demo handbook, built once with one map deliberately broken, served on 127.0.0.1 and
opened in Debian's Chromium through Playwright. Missing tools fail the tests, never skip them:
an audit that silently does not run is worse than none."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from a11y.demo_pages import BROKEN_ID, BROKEN_MAP

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
# No network beyond 127.0.0.1, no profile sync, no updates: the audit sees only the site.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    """The demo handbook plus one invalid map, built without --strict so its error page exists."""
    root = tmp_path_factory.mktemp("a11y-demo")
    for name in ("docs", "maps"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "maps" / "journeys" / "sales" / f"{BROKEN_ID}.md").write_text(BROKEN_MAP, encoding="utf-8")
    build(load_config(config_file=str(root / "mkdocs.yml"), strict=False, site_dir=str(root / "site")))
    assert (root / "site" / "journeys" / BROKEN_ID / "index.html").is_file()
    return root / "site"


@pytest.fixture(scope="session")
def base_url(demo_site: Path):
    handler = functools.partial(Quiet, directory=str(demo_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class names it so
        pass


@pytest.fixture(scope="module")
def browser():
    """Module-scoped so that each test file holds Playwright only while it runs."""
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the playwright Python package is missing: pip install '.[test]'")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci` at the repository root to install axe-core")
    return AXE.read_text(encoding="utf-8")
