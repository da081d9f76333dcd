"""A strict build fails on a broken map whatever the verbosity flags, under MkDocs and
ProperDocs; and nothing an editor writes in a narrative can reach the plugin's own markers."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import yaml

from helpers import BASE_CONFIG, MINIMAL_MAPS, build_site, write
from html_tree import parse

BROKEN = {"maps/journeys/sales/buy.md": MINIMAL_MAPS["maps/journeys/sales/buy.md"].replace("emotion: -1", "emotion: 7")}


def run(tool: str, root, *flags):
    (root / "docs").mkdir(exist_ok=True)
    write(root, {"docs/index.md": "# Home\n", "mkdocs.yml": yaml.safe_dump(BASE_CONFIG)})
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", tool, "build", *flags, "-f", "mkdocs.yml", "-d", "site"],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
    )


@pytest.mark.parametrize("tool", ["mkdocs", "properdocs"])
@pytest.mark.parametrize("flags", [("--strict",), ("--strict", "-q"), ("--strict", "--quiet", "-v")], ids=" ".join)
def test_a_strict_build_with_a_broken_map_fails(handbook_dir, tool, flags):
    write(handbook_dir, BROKEN)
    result = run(tool, handbook_dir, *flags)
    assert result.returncode == 1, result.stderr
    assert "Aborted with 1 error in the journey maps in strict mode: maps/journeys/sales/buy.md:19:18:" in result.stdout


@pytest.mark.parametrize("tool", ["mkdocs", "properdocs"])
def test_a_quiet_strict_build_with_a_broken_block_or_a_hidden_export_fails(handbook_dir, tool):
    write(handbook_dir, {"docs/guide.md": "# Guide\n\n```journey-map\njourney: nowhere\n```\n"})
    result = run(tool, handbook_dir, "--strict", "-q")
    assert result.returncode == 1, result.stderr
    assert "in strict mode: docs/guide.md:3: journey-map: unknown journey 'nowhere'" in result.stdout
    (handbook_dir / "docs/guide.md").unlink()
    write(handbook_dir, {"docs/pain-points.csv": "mine\n"})
    result = run(tool, handbook_dir, "--strict", "-q")
    assert result.returncode == 1, result.stderr
    assert "docs/pain-points.csv is written by hand and hides the file" in result.stdout


@pytest.mark.parametrize("tool", ["mkdocs", "properdocs"])
def test_a_quiet_strict_build_of_valid_maps_succeeds_and_a_lax_one_of_broken_maps_too(handbook_dir, tool):
    assert run(tool, handbook_dir, "--strict", "-q").returncode == 0
    write(handbook_dir, BROKEN)
    assert run(tool, handbook_dir, "-q").returncode == 0


NARRATIVE = "\n\n".join(
    ["We interviewed six buyers.", "<!--journeys:999-->", "<!--journeys:0-->", "End of the notes.\n"]
)


def test_a_narrative_cannot_forge_the_block_markers(handbook_dir):
    write(
        handbook_dir,
        {
            "maps/journeys/sales/buy.md": MINIMAL_MAPS["maps/journeys/sales/buy.md"].replace(
                "We interviewed six buyers.\n", NARRATIVE.replace("\n\n", "\n\n        ")
            )
        },
    )
    build = build_site(handbook_dir)
    assert build.ok, build.warnings
    page = build.html("journeys/buy/")
    narrative = page[page.index('id="narrative"') :]
    assert "<!--journeys:999-->" in narrative and "<!--journeys:0-->" in narrative
    # The header block appears once: the forged marker did not copy it into the narrative.
    assert len(parse(page).find_all("dl", cls="jm-meta")) == 1
    assert "End of the notes." in narrative


def test_the_markers_never_reach_the_output_and_two_builds_are_identical(handbook_dir, tmp_path_factory):
    first = build_site(handbook_dir)
    page = first.html("journeys/buy/")
    other = tmp_path_factory.mktemp("again")
    write(other, MINIMAL_MAPS)
    assert build_site(other).html("journeys/buy/") == page
    assert "<!--journeys" not in page
