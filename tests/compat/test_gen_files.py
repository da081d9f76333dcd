"""mkdocs-gen-files: a script that writes a page at a path the journeys plugin generates hides
the generated page whichever plugin runs first; the build says so, and --strict fails."""

from __future__ import annotations

import pytest

from compat.demo import build_demo, demo_config, with_plugins

SCRIPT = """
import mkdocs_gen_files

with mkdocs_gen_files.open("journeys/buy-contents-online.md", "w") as page:
    page.write("# Written by a script\\n")
with mkdocs_gen_files.open("reference.md", "w") as page:
    page.write("# A page of its own\\n")
"""


@pytest.mark.parametrize("where", ["before", "after"])
def test_a_page_written_over_a_generated_one_is_reported(demo_copy, where):
    (demo_copy / "gen_pages.py").write_text(SCRIPT, encoding="utf-8")
    gen = {"gen-files": {"scripts": ["gen_pages.py"]}}
    built = build_demo(demo_copy, with_plugins(demo_config(demo_copy), **{where: [gen]}))
    assert not built.ok
    hidden = [w for w in built.warnings if "hides the page the journeys plugin generates" in w]
    assert hidden == [
        "journeys/buy-contents-online.md is written by mkdocs-gen-files and hides the page the "
        "journeys plugin generates there"
    ], built.warnings


def test_pages_of_their_own_build_strict_beside_the_handbook(demo_copy):
    (demo_copy / "gen_pages.py").write_text(
        SCRIPT.replace("journeys/buy-contents-online.md", "more.md"), encoding="utf-8"
    )
    built = build_demo(
        demo_copy, with_plugins(demo_config(demo_copy), after=[{"gen-files": {"scripts": ["gen_pages.py"]}}])
    )
    assert built.ok, built.warnings
    assert "A page of its own" in built.html("reference/")
    assert 'class="jm-grid' in built.html("journeys/buy-contents-online/")
