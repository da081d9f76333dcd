"""Pytest's hooks and the fixtures every test folder shares; the helpers they use are in
helpers.py, which tests import by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import CHROMIUM, CHROMIUM_ARGS, MINIMAL_MAPS, REPO, copy_demo, write

# Tests in these folders drive Chromium: `pytest -m "not browser"` runs the rest on a machine
# without it. They fail, never skip, when Chromium is missing and they are selected: an audit
# that silently does not run is worse than none. `slow` marks what takes a minute or more.
BROWSER_FOLDERS = ("browser", "a11y")
SLOW_MODULES = ("test_fuzz.py", "test_serve.py", "test_determinism.py")


def pytest_addoption(parser):
    # tests/test_golden.py: rewrite tests/golden/output/ from the current render instead of comparing.
    parser.addoption("--update-golden", action="store_true", help="rewrite the golden files in tests/golden/output")


def pytest_collection_modifyitems(config, items):
    for item in items:
        parts = Path(str(item.path)).relative_to(REPO / "tests").parts
        if parts[0] in BROWSER_FOLDERS or "browser" in item.fixturenames or "page" in item.fixturenames:
            item.add_marker(pytest.mark.browser)
        if parts[-1] in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def handbook_dir(tmp_path: Path) -> Path:
    """A small valid handbook: two personas, two journeys (one future), stages and teams."""
    write(tmp_path, MINIMAL_MAPS)
    return tmp_path


@pytest.fixture
def demo_copy(tmp_path: Path) -> Path:
    """A copy of the repository's demo handbook."""
    return copy_demo(tmp_path)


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole session: Playwright's sync API cannot run twice at once.
    Browser tests are part of CI, so a machine without Chromium fails them, never skips."""
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
def built(tmp_path_factory):
    """The cross-map handbook (tests/cross_map_handbook.py), built once for every module that
    reads it; a module that needs a build of its own defines its own `built`."""
    from cross_map_handbook import build_cross_maps

    return build_cross_maps(tmp_path_factory)
