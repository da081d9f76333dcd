"""History where git is missing, is not a work tree or is a shallow clone; reproducible builds;
`mkdocs serve` following commits."""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path
from typing import ClassVar

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from helpers import build_site
from history_repo import entries, git, make_history, section, visible
from journeys.core.git_history import GitUnavailable, open_repository, parse_log

NO_HISTORY = "journeys: no History sections: "


def journey_pages(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted((site / "journeys").rglob("*.html"))}


def info_lines(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.getMessage().startswith(NO_HISTORY)]


def test_outside_a_work_tree_there_is_no_section_and_one_info_line(handbook_dir, caplog):
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.journeys")
    built = build_site(handbook_dir)
    assert built.ok and built.warnings == []
    assert "jm-history" not in built.html("journeys/buy/")
    (line,) = info_lines(caplog)
    assert "not a git repository" in line


def test_without_git_on_the_path_the_build_is_the_same_as_with_history_off(handbook_dir, tmp_path, caplog, monkeypatch):
    make_history(handbook_dir)
    plugins = [
        "search",
        {"journeys": {"history_depth": 0, "custom_fields": [{"key": "backstage", "label": "Behind the scenes"}]}},
    ]
    off = journey_pages(build_site(handbook_dir, config={"plugins": plugins}).site)
    empty = tmp_path / "no-git-here"
    empty.mkdir()
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.journeys")
    monkeypatch.setenv("PATH", str(empty))
    built = build_site(handbook_dir)
    assert built.ok and built.warnings == []
    assert journey_pages(built.site) == off
    assert info_lines(caplog) == [NO_HISTORY + "git is not on the PATH"]


def test_a_shallow_clone_shows_what_it_has_and_says_history_is_truncated(handbook_dir, tmp_path):
    hashes = make_history(handbook_dir)
    git(handbook_dir, "commit", "-qam", "Checkout feels great", day=6)
    clone = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", f"file://{handbook_dir}", str(clone)], check=True, capture_output=True
    )
    history = section(build_site(clone).html("journeys/buy/"))
    shown = entries(history)
    assert len(shown) == 2
    assert shown[0].startswith("2026-03-06 Checkout feels great") and shown[0].endswith("Emotion: Checkout: +1 → +2")
    assert (
        shown[1]
        == f"2026-03-05 Rename the buying journey's file {hashes['renamed'][:7]} oldest commit in this shallow clone"
    )
    assert "This copy of the repository is a shallow clone: older history is not in it." in visible(history)


def test_two_builds_of_the_same_commit_are_byte_identical(handbook_dir, tmp_path, monkeypatch):
    make_history(handbook_dir)
    git(handbook_dir, "commit", "-qam", "Checkout feels great", day=6)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    sites = []
    for name in ("one", "another-folder"):
        clone = tmp_path / name
        subprocess.run(["git", "clone", "-q", f"file://{handbook_dir}", str(clone)], check=True, capture_output=True)
        site = build_site(clone).site
        sites.append({str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()})
    assert b"jm-history" in sites[0]["journeys/buy/index.html"]
    assert sites[0] == sites[1]


def test_serve_watches_git_so_a_commit_refreshes_the_history(handbook_dir):
    make_history(handbook_dir)
    build_site(handbook_dir)  # writes mkdocs.yml and docs/
    config = load_config(config_file=str(handbook_dir / "mkdocs.yml"))
    plugin = config.plugins["journeys"]
    config.plugins.on_startup(command="serve", dirty=False)
    config = config.plugins.on_config(config)

    def history_html():
        config.plugins.on_files(Files([]), config=config)
        return "".join(plugin.held.blocks("journeys/buy.md") or ())

    assert "not yet committed" in history_html() and "Checkout feels great" not in history_html()
    git(handbook_dir, "commit", "-qam", "Checkout feels great", day=6)
    assert "not yet committed" not in history_html() and "Checkout feels great" in history_html()

    class Server:
        watched: ClassVar[list] = []

        def watch(self, path):
            self.watched.append(path)

    server = config.plugins.on_serve(Server(), config=config, builder=None)
    git_dir = Path(git(handbook_dir, "rev-parse", "--absolute-git-dir").strip())
    assert str(git_dir / "HEAD") in server.watched and str(git_dir / "refs" / "heads") in server.watched


def test_git_is_run_without_the_callers_git_environment(handbook_dir, monkeypatch, tmp_path):
    make_history(handbook_dir)
    other = tmp_path / "other"
    other.mkdir()
    git(other, "init", "-q")
    # A hook or CI step may export GIT_DIR; history still comes from the maps' own repository.
    monkeypatch.setenv("GIT_DIR", str(other / ".git"))
    repo = open_repository(str(handbook_dir / "maps"))
    assert Path(repo.top) == handbook_dir.resolve()
    assert len(repo.log(str(handbook_dir / "maps"))) == 5


def test_a_log_is_parsed_by_position_so_names_and_subjects_cannot_pass_for_headers():
    # A subject and a file name that look like the lines around them.
    name = ":100644 100644 " + "b" * 40 + " " + "c" * 40 + " M"
    out = (
        f"\0{'1' * 40}\0002026-03-01T12:00:00+00:00\0Subject :100644 x\0\n"
        f":000000 100644 {'0' * 40} {'d' * 40} A\0{name}\0"
    ).encode()
    ((commit, changes),) = parse_log(out)
    assert commit.subject == "Subject :100644 x"
    assert [(c.status, c.path, c.new_blob) for c in changes] == [("A", name, "d" * 40)]


def test_a_ref_that_looks_like_an_option_is_not_one(handbook_dir):
    make_history(handbook_dir)
    repo = open_repository(str(handbook_dir))
    for ref in ("--output=/tmp/x", "-h", "HEAD; rm -rf /", "HEAD~99"):
        with pytest.raises(GitUnavailable, match="names no commit"):
            repo.resolve(ref)
    assert repo.resolve("HEAD~1") == git(handbook_dir, "rev-parse", "HEAD~1").strip()
