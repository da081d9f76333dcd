"""Broken maps in a build: the broken inputs of tests/broken_inputs.py, all in one handbook,
are each reported with their location, and the valid maps beside them still publish; and the
inputs that need a handbook of their own (links out of the folder, pipes, undecodable names)."""

from __future__ import annotations

import os
import re
from html import unescape
from pathlib import Path

import pytest

from broken_inputs import ALONGSIDE, BY_ID, CUSTOM_FIELDS, GOOD, write_case
from helpers import build_site
from journeys.core import load_handbook


def messages(root: Path) -> list[str]:
    return [str(p) for p in load_handbook(root / "maps", root=root, custom_fields=CUSTOM_FIELDS).problems]


def test_problem_without_a_line_is_only_the_file_as_a_whole(handbook_dir: Path):
    for name in ("binary", "too-big"):
        write_case(handbook_dir, BY_ID[name])
    found = messages(handbook_dir)
    assert len(found) >= 2
    for message in found:
        assert re.match(r"maps/[^:]+(:\d+(:\d+)?)?: ", message), message


def test_non_utf8_file_name_is_reported_printably(handbook_dir: Path):
    folder = os.fsencode(handbook_dir / "maps" / "journeys")
    with open(os.path.join(folder, b"caf\xe9.md"), "w", encoding="utf-8") as handle:
        handle.write(GOOD.format(title="x"))
    found = messages(handbook_dir)
    assert any(
        m.startswith("maps/journeys/caf\\xe9.md:2:1: the file name 'caf\\xe9' is not a valid id") for m in found
    ), found
    for message in found:
        message.encode("utf-8")  # printable in any UTF-8 terminal or log


@pytest.fixture
def broken_handbook(handbook_dir: Path) -> Path:
    """The minimal valid handbook with every broken input made to sit beside the others."""
    for case in ALONGSIDE:
        write_case(handbook_dir, case)
    return handbook_dir


def test_build_publishes_valid_maps_and_shows_errors_on_broken_ones(broken_handbook: Path):
    build = build_site(broken_handbook, strict=False)
    assert build.ok
    for case in ALONGSIDE:
        if case.located is not None:
            assert any(case.located in w for w in build.warnings), (case.id, build.warnings)
    valid = build.html("journeys/buy/")
    assert "Comparison site" in valid and "jm-problems" not in valid
    assert "One-page checkout" in unescape(build.html("journeys/buy-future/"))
    broken = unescape(build.html("journeys/out-of-range/"))
    assert "jm-problems" in broken
    assert BY_ID["out-of-range"].located in broken
    assert "is not UTF-8 text" in unescape(build.html("journeys/latin-1/"))
    assert "YAML tags such as" in unescape(build.html("journeys/yaml-tag/"))


def test_strict_build_fails_on_a_broken_map(handbook_dir: Path):
    write_case(handbook_dir, BY_ID["out-of-range"])
    build = build_site(handbook_dir, strict=True)
    assert not build.ok
    assert any("emotion: 5 is not between -2 and 2" in w for w in build.warnings)


def test_links_out_of_the_maps_folder_are_refused(handbook_dir: Path, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere")
    (outside / "secret.md").write_text("---\nname: Secret persona\n---\nTOP SECRET body\n", encoding="utf-8")
    (outside / "teams.yml").write_text("- id: leaked-secret-value\n", encoding="utf-8")
    (handbook_dir / "maps" / "personas" / "leak.md").symlink_to(outside / "secret.md")
    (handbook_dir / "maps" / "teams.yml").unlink()
    (handbook_dir / "maps" / "teams.yml").symlink_to(outside / "teams.yml")
    (handbook_dir / "maps" / "journeys" / "inside.md").symlink_to(handbook_dir / "maps" / "journeys" / "buy-future.md")
    found = messages(handbook_dir)
    assert "maps/personas/leak.md: is a link to a file outside the maps folder: a map must be a file inside it" in found
    assert "maps/teams.yml: is a link to a file outside the maps folder: a map must be a file inside it" in found
    assert not any("leaked-secret-value" in m or ("inside.md" in m and "outside" in m) for m in found), found
    build = build_site(handbook_dir, strict=False)
    assert not (build.site / "personas" / "leak").exists()
    assert not any("TOP SECRET" in p.read_text(encoding="utf-8") for p in build.site.rglob("*.html"))


def test_a_pipe_named_like_a_map_is_reported_not_read(handbook_dir: Path):
    os.mkfifo(handbook_dir / "maps" / "journeys" / "pipe.md")  # reading it would block forever
    assert "maps/journeys/pipe.md: is not a regular file" in messages(handbook_dir)
