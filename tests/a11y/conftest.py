"""The demo handbook, built once with one map deliberately broken, served on 127.0.0.1 and
opened in Debian's Chromium through Playwright. Missing tools fail the tests, never skip them:
an audit that silently does not run is worse than none."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from a11y.demo_pages import BROKEN_ID, BROKEN_MAP
from helpers import copy_demo, serving

REPO = Path(__file__).resolve().parents[2]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    """The demo handbook plus one invalid map, built without --strict so its error page exists."""
    root = tmp_path_factory.mktemp("a11y-demo")
    copy_demo(root)
    (root / "maps" / "journeys" / "sales" / f"{BROKEN_ID}.md").write_text(BROKEN_MAP, encoding="utf-8")
    build(load_config(config_file=str(root / "mkdocs.yml"), strict=False, site_dir=str(root / "site")))
    assert (root / "site" / "journeys" / BROKEN_ID / "index.html").is_file()
    return root / "site"


@pytest.fixture(scope="session")
def base_url(demo_site: Path):
    with serving(demo_site) as server:
        yield f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci` at the repository root to install axe-core")
    return AXE.read_text(encoding="utf-8")
