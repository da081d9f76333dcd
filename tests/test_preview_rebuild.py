"""A preview rebuild is never stale: after each kind of edit, `mkdocs serve --dirty` with the
plugin kept across builds (render/memo.py reuses what the edit did not touch) leaves the very
site a fresh build of the edited handbook writes, every file byte for byte, Pagefind's bundle
and Material's search index included; and a one-map edit renders again only the pages that show that map."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from helpers import BASE_CONFIG, REPO, build_site
from html_tree import parse

EPOCH = "1767225600"  # 2026-01-01: both builds date the site alike
BUDGET = 25_000  # small list pages, so a small handbook's aggregate pages have several parts
# A fresh build in its own process: MkDocs keeps the plugin instances of this one (plugin_cache).
FRESH = (
    "import sys; import journeys.render.pagination as paging; paging.BUDGET = int(sys.argv[1]); "
    "from mkdocs.__main__ import cli; cli(['build', '-q', '-d', sys.argv[2]])"
)
EMBEDS = "# Shown here\n\n```journey-map\njourney: journey-00002\n```\n"


def tree(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def fresh_build(root: Path, tmp: Path) -> dict[str, bytes]:
    copy = tmp / "fresh"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("site"))
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run(
        [sys.executable, "-c", FRESH, str(BUDGET), str(copy / "site")],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return tree(copy / "site")


def edit(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed, n = re.subn(pattern, replacement, text, count=1, flags=re.M)
    assert n == 1, (path, pattern)
    path.write_text(changed, encoding="utf-8")
    bump(path)


def bump(path: Path) -> None:
    """A later modification time, as a save a second later has (the parse cache compares it)."""
    stat = os.stat(path)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


class Preview:
    """What mkdocs/commands/serve.py does with --dirty: on_startup once, then for every change
    load the config again (the same plugin instances come back) and build dirty."""

    def __init__(self, root: Path):
        self.root = root
        config = self.config()
        config.plugins.on_startup(command="serve", dirty=True)
        self.journeys = config.plugins["journeys"]
        self.search = config.plugins["material/search"]
        build(config, dirty=True)
        if self.journeys.pagefind is not None:
            self.journeys.pagefind.background = True  # as on_serve sets it: rebuilds index in the background

    def config(self):
        return load_config(config_file=str(self.root / "mkdocs.yml"), site_dir=str(self.root / "site"))

    def rebuild(self) -> list[str]:
        """The pages the rebuild rendered again."""
        config = self.config()
        assert config.plugins["journeys"] is self.journeys
        build(config, dirty=True)
        if self.journeys.pagefind is not None:
            self.journeys.pagefind.wait()  # the served bundle is the last one once it is whole
        return self.journeys.memo.rendered


def generated(tmp_path: Path, monkeypatch, search: str = "pagefind") -> Path:
    """The benchmark's handbook of 24 maps searched with `search`, with a page that embeds one,
    dated and paged alike for the preview and the fresh builds."""
    root = tmp_path / "serve"
    subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "generate.py"), str(root), "--journeys", "24"],
        check=True,
        capture_output=True,
    )
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("maps_dir: maps\n", f"maps_dir: maps\n    search: {search}\n"),
        encoding="utf-8",
    )
    (root / "docs" / "shown.md").write_text(EMBEDS, encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setattr("journeys.render.pagination.BUDGET", BUDGET)
    return root


@pytest.fixture
def preview(tmp_path: Path, monkeypatch):
    """A preview of a handbook searched with Pagefind, whose bundle is part of every comparison."""
    session = Preview(generated(tmp_path, monkeypatch))
    yield session
    forget(session)


@pytest.fixture
def material_preview(tmp_path: Path, monkeypatch):
    session = Preview(generated(tmp_path, monkeypatch, "material"))
    yield session
    forget(session)


@pytest.fixture
def zoomed_preview(tmp_path: Path, monkeypatch):
    """The same, with three zoom levels: journey-00002's first step zooms into journey-00004,
    and journey-00003 sits inside journey-00004."""
    root = generated(tmp_path, monkeypatch)
    edit(journey_file(root, "journey-00002"), r"^(\s+)emotion: (-?\d)$", r"\1emotion: \2\n\1details: journey-00004")
    edit(journey_file(root, "journey-00003"), r"^state: current$", "state: current\nparent: journey-00004")
    session = Preview(root)
    yield session
    forget(session)


def forget(session: Preview) -> None:
    """MkDocs keeps both instances for the rest of the process: later tests start cold."""
    session.journeys.on_shutdown()  # Pagefind's staged copies go
    for name in (
        "parse_cache",
        "memo",
        "digests",
        "pages",
        "written",
        "search_index",
        "templates_key",
        "dirty",
        "pagefind",
    ):
        vars(session.journeys).pop(name, None)
    session.search.is_dirty, session.search.search_index_prev = False, None


def journey_file(root: Path, journey_id: str) -> Path:
    return next((root / "maps" / "journeys").rglob(f"{journey_id}.md"))


def test_every_kind_of_edit_rebuilds_what_a_fresh_build_writes(preview, tmp_path):
    root = preview.root
    site = root / "site"
    edits = [
        ("journey title", lambda: edit(journey_file(root, "journey-00002"), r"^title: .*$", "title: Retitled map")),
        ("step emotion", lambda: edit(journey_file(root, "journey-00005"), r"^(\s+)emotion: -?\d", r"\1emotion: 2")),
        (
            "pain point severity",
            lambda: edit(journey_file(root, "journey-00007"), r"^(\s+)severity: \w+", r"\1severity: low"),
        ),
        ("persona name", lambda: edit(root / "maps/personas/persona-0001.md", r"^name: .*$", "name: Renamed Persona")),
        ("stage catalogue", lambda: edit(root / "maps/stages.yml", r"^  name: Compare$", "  name: Weigh up")),
        ("map added", lambda: add_map(root)),
        ("map deleted", lambda: journey_file(root, "journey-00011").unlink()),
    ]
    paged = {name.split("/")[0] for name in tree(site) if "/page-2/" in name}
    assert {"journeys", "stages", "teams", "pain-points"} <= paged  # list pages are exercised too
    assert any(name.startswith("pagefind/fragment/") for name in tree(site))  # and Pagefind's bundle
    for what, change in edits:
        change()
        rendered = preview.rebuild()
        if what == "journey title":
            # Its own page and the pages that list it; no other journey's page.
            assert [p for p in rendered if p.startswith("journeys/journey-")] == ["journeys/journey-00002.md"]
        served, fresh = tree(site), fresh_build(root, tmp_path)
        assert sorted(served.keys() - fresh.keys()) == [], what  # a deleted map's pages are gone too
        assert sorted(fresh.keys() - served.keys()) == [], what
        assert [name for name in sorted(fresh) if served[name] != fresh[name]] == [], what


def test_edits_around_a_hierarchy_rebuild_what_a_fresh_build_writes(zoomed_preview, tmp_path):
    """A parent's page shows its children's emotions, pain points and titles, a child the path
    above it: an edit to any of them renders again every page that shows it."""
    root = zoomed_preview.root
    site = root / "site"
    assert "jm-breadcrumbs" in (site / "journeys/journey-00003/index.html").read_text(encoding="utf-8")
    edits = [
        ("child emotion", lambda: edit(journey_file(root, "journey-00004"), r"^(\s+)emotion: -?\d", r"\1emotion: 2")),
        ("grandchild title", lambda: edit(journey_file(root, "journey-00003"), r"^title: .*$", "title: Micro map")),
        ("parent title", lambda: edit(journey_file(root, "journey-00002"), r"^title: .*$", "title: Lifecycle")),
        (
            "grandchild severity",
            lambda: edit(journey_file(root, "journey-00003"), r"^(\s+)severity: \w+", r"\1severity: critical"),
        ),
        ("detail removed", lambda: edit(journey_file(root, "journey-00002"), r"^\s+details: journey-00004\n", "")),
    ]
    for what, change in edits:
        change()
        preview_rendered = zoomed_preview.rebuild()
        assert preview_rendered, what
        served, fresh = tree(site), fresh_build(root, tmp_path)
        assert sorted(served.keys() ^ fresh.keys()) == [], what
        assert [name for name in sorted(fresh) if served[name] != fresh[name]] == [], what


def add_map(root: Path) -> None:
    source = journey_file(root, "journey-00003")
    added = source.with_name("journey-00100.md")
    text = source.read_text(encoding="utf-8")
    added.write_text(re.sub(r"^title: .*$", "title: A new map", text, count=1, flags=re.M), encoding="utf-8")


def test_the_search_index_stays_whole_across_dirty_rebuilds(material_preview):
    """Material merges a dirty rebuild's entries as if one page had been rebuilt (see
    plugin/search_index.py); the plugin hands it every page's."""
    preview = material_preview
    index = preview.root / "site" / "search" / "search_index.json"
    before = index.read_text(encoding="utf-8")
    assert '"location":"journeys/journey-00004/"' in before
    edit(journey_file(preview.root, "journey-00004"), r"^title: .*$", "title: Searchable retitle")
    preview.rebuild()
    after = index.read_text(encoding="utf-8")
    assert "Searchable retitle" in after
    # The journeys index was rebuilt too; every other journey page is still in the index, once.
    for n in (0, 1, 9, 23):
        assert (
            after.count(f'"location":"journeys/journey-{n:05d}/"')
            == before.count(f'"location":"journeys/journey-{n:05d}/"')
            == 1
        ), n


def test_a_template_override_or_a_label_edited_while_previewing_shows_at_once(handbook_dir, monkeypatch):
    """Both are site-wide inputs: the compiled templates and every kept page give way."""
    override = handbook_dir / "overrides" / "journeys" / "teams_index.html"
    override.parent.mkdir(parents=True)
    override.write_text("# {{ labels.teams_title }}\n\n<p>First wording.</p>\n{{ table }}\n", encoding="utf-8")
    theme = dict(BASE_CONFIG["theme"], custom_dir="overrides")
    assert build_site(handbook_dir, config={"theme": theme}).ok  # writes mkdocs.yml
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    preview = Preview(handbook_dir)
    try:
        teams = handbook_dir / "site" / "teams" / "index.html"
        assert "First wording." in teams.read_text(encoding="utf-8")
        override.write_text(override.read_text(encoding="utf-8").replace("First", "Second"), encoding="utf-8")
        bump(override)
        preview.rebuild()
        assert "Second wording." in teams.read_text(encoding="utf-8")
        config = yaml.safe_load((handbook_dir / "mkdocs.yml").read_text(encoding="utf-8"))
        config["plugins"][1]["journeys"]["labels"] = {"journey_col_tools": "Moment"}
        (handbook_dir / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
        preview.rebuild()
        page = (handbook_dir / "site" / "journeys" / "buy" / "index.html").read_text(encoding="utf-8")
        assert "Moment" in [th.text for th in parse(page).find_all("th")]
    finally:
        forget(preview)
