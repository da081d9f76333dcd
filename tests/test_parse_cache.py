"""The parse cache behind fast `mkdocs serve` previews: a rebuild re-parses only the maps whose
modification time or size changed, and the plugin instance that holds the cache survives the
config reloads that `mkdocs serve` does before every rebuild."""

from __future__ import annotations

import os

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from helpers import build_site
from html_tree import parse
from journeys.core import handbook as handbook_module
from journeys.core import load_handbook

CUSTOM = (("backstage", "Behind the scenes"),)  # as conftest's site config declares


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """The display path of every Markdown map parsed, in order."""
    seen: list[str] = []
    original = handbook_module.parse_markdown_file

    def counting(abs_path, display):
        seen.append(display)
        return original(abs_path, display)

    monkeypatch.setattr(handbook_module, "parse_markdown_file", counting)
    return seen


def touch(path) -> None:
    """A save in an editor: same size, a later modification time."""
    stat = os.stat(path)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_second_load_reparses_only_the_touched_map(handbook_dir, parsed):
    cache: dict = {}
    first = load_handbook(handbook_dir / "maps", root=handbook_dir, cache=cache, custom_fields=CUSTOM)
    assert sorted(parsed) == [
        "maps/journeys/buy-future.md",
        "maps/journeys/sales/buy.md",
        "maps/personas/maya.md",
        "maps/personas/omar.md",
    ]
    parsed.clear()
    touch(handbook_dir / "maps/journeys/sales/buy.md")
    second = load_handbook(handbook_dir / "maps", root=handbook_dir, cache=cache, custom_fields=CUSTOM)
    assert parsed == ["maps/journeys/sales/buy.md"]
    assert second.journeys == first.journeys and second.personas == first.personas
    assert second.problems == first.problems == ()


def test_cached_load_sees_an_edit_and_keeps_reporting_problems(handbook_dir, parsed):
    cache: dict = {}
    load_handbook(handbook_dir / "maps", root=handbook_dir, cache=cache, custom_fields=CUSTOM)
    path = handbook_dir / "maps/personas/omar.md"
    path.write_text("---\nname: Omar, landlord\nmood: grumpy\n---\n", encoding="utf-8")
    touch(path)
    parsed.clear()
    for _ in range(2):  # the problem comes back from the cache too, and is not doubled
        edited = load_handbook(handbook_dir / "maps", root=handbook_dir, cache=cache, custom_fields=CUSTOM)
        assert [str(p) for p in edited.problems] == ["maps/personas/omar.md:3:1: mood: unknown key"]
    assert parsed == ["maps/personas/omar.md"]


def test_serve_rebuild_keeps_the_plugin_and_reparses_one_map(handbook_dir, parsed):
    """What mkdocs/commands/serve.py does: load the config, on_startup once, build; then for
    each change load the config again and build."""
    build_site(handbook_dir)  # writes mkdocs.yml and checks the handbook builds
    config_file, site_dir = str(handbook_dir / "mkdocs.yml"), str(handbook_dir / "serve-site")
    config = load_config(config_file=config_file, site_dir=site_dir)
    config.plugins.on_startup(command="serve", dirty=False)
    plugin = config.plugins["journeys"]
    try:
        parsed.clear()
        build(config, serve_url="http://127.0.0.1:8000/")
        assert len(parsed) == 4
        edited = handbook_dir / "maps/journeys/buy-future.md"
        edited.write_text(
            edited.read_text(encoding="utf-8").replace("One-page checkout", "Express checkout"), encoding="utf-8"
        )
        touch(edited)
        parsed.clear()
        config = load_config(config_file=config_file, site_dir=site_dir)
        assert config.plugins["journeys"] is plugin
        build(config, serve_url="http://127.0.0.1:8000/")
        assert parsed == ["maps/journeys/buy-future.md"]
        page = (handbook_dir / "serve-site/journeys/buy-future/index.html").read_text(encoding="utf-8")
        assert parse(page).find("th", id="step-buy-1").text == "Express checkout"
    finally:
        # MkDocs keeps this instance for the rest of the process; later tests start cold.
        del plugin.parse_cache
