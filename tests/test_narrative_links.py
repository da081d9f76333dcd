"""Links in a narrative are written relative to the map file, as an editor's preview resolves
them; the published page links to the same places, and a link that leads nowhere is an error
at its line, in `journeys check` and in the build."""

from __future__ import annotations

import re

from helpers import MINIMAL_MAPS, build_site, write
from journeys.cli import main
from journeys.core import load_handbook
from journeys.core.narrative_links import targets

STEP = "maps/journeys/sales/buy.md"
CUSTOM = (("backstage", "B"),)


def with_narrative(text: str) -> dict:
    indented = text.replace("\n", "\n        ")
    return {STEP: MINIMAL_MAPS[STEP].replace("We interviewed six buyers.\n", indented + "\n")}


NARRATIVE = """We interviewed six buyers.

See [the redesign](../buy-future.md), [Maya's goals](../../personas/maya.md#goals) and
[the home page](../../../docs/index.md "Home").

[ref]: ../../personas/omar.md

Code is not a link: `[x](nope.md)`, nor in a fence:

```
[y](../nope.md)
```
<!-- [z](gone.md) -->"""


def problems(root):
    return [str(p) for p in load_handbook(root / "maps", root=root, custom_fields=CUSTOM).problems]


def test_links_relative_to_the_map_file_work_on_the_published_page(handbook_dir):
    write(handbook_dir, {**with_narrative(NARRATIVE), "docs/index.md": "# Home\n"})
    assert problems(handbook_dir) == []
    build = build_site(handbook_dir)
    assert build.ok, build.warnings
    page = build.html("journeys/buy/")
    assert 'href="../buy-future/"' in page
    assert 'href="../../personas/maya/#goals"' in page
    assert 'href="../.." title="Home"' in page or 'href="../../" title="Home"' in page
    assert "[y](../nope.md)" in page and "[z](gone.md)" in page


def test_a_persona_narrative_links_to_a_journey(handbook_dir):
    write(
        handbook_dir,
        {"maps/personas/omar.md": "---\nname: Omar\n---\nHe takes [the redesign](../journeys/buy-future.md).\n"},
    )
    build = build_site(handbook_dir)
    assert build.ok, build.warnings
    assert 'href="../../journeys/buy-future/"' in build.html("personas/omar/")


def test_a_broken_link_is_an_error_at_its_line_in_check_and_build(handbook_dir, capsys):
    write(
        handbook_dir,
        with_narrative("We interviewed six buyers.\n\nSee [this](../nope.md) and [that](../../stages.yml)."),
    )
    expected = [
        f"{STEP}:43:12: link '../nope.md': there is no file maps/journeys/nope.md; a link is relative to this map file",
        f"{STEP}:43:35: link '../../stages.yml': maps/stages.yml has no page of its own: "
        "link a persona, journey or insight, or a file of docs/",
    ]
    assert problems(handbook_dir) == expected
    build = build_site(handbook_dir)
    assert not build.ok
    assert build.warnings == expected  # MkDocs itself reports nothing: the page shows the errors
    assert main(["check", str(handbook_dir / "maps")]) == 1


def test_a_link_written_for_the_generated_page_is_reported(handbook_dir):
    # journeys/sales/buy.md is published as journeys/buy.md: from there, ../personas/maya.md
    # would be right, but an editor's preview (and the check) resolves it from the map file.
    write(handbook_dir, with_narrative("See [Maya](../personas/maya.md)."))
    assert problems(handbook_dir) == [
        f"{STEP}:41:12: link '../personas/maya.md': there is no file maps/journeys/personas/maya.md; a link is relative to this map file"
    ]


def test_a_link_out_of_both_folders_is_reported(handbook_dir):
    write(handbook_dir, with_narrative("[secret](../../../../etc/passwd)"))
    [problem] = problems(handbook_dir)
    assert problem.startswith(f"{STEP}:41:10: link '../../../../etc/passwd': ")
    assert problem.endswith("is outside the maps folder and the docs folder (docs/), so it is not published")


def test_urls_anchors_and_absolute_paths_are_left_alone(handbook_dir):
    write(handbook_dir, with_narrative("[a](https://example.com/x.md) [b](#top) [c](mailto:a@b.c) [d](/abs.md)"))
    assert problems(handbook_dir) == []


def test_the_export_rewrites_the_links_too(handbook_dir, monkeypatch):
    write(
        handbook_dir,
        {
            **with_narrative(NARRATIVE),
            "docs/index.md": "# Home\n",
            "mkdocs.yml": "plugins:\n  - journeys:\n      custom_fields: [{key: backstage, label: B}]\n",
        },
    )
    monkeypatch.chdir(handbook_dir)
    # A standalone project copies the docs folder beside the generated pages, as a build has them.
    assert main(["export", "--standalone", "out"]) == 0
    page = (handbook_dir / "out/docs/journeys/buy.md").read_text(encoding="utf-8")
    assert "[the redesign](buy-future.md)" in page and "(../personas/maya.md#goals)" in page
    assert '(../index.md "Home")' in page and "[ref]: ../personas/omar.md" in page


def test_targets_skip_code_and_comments():
    body = "a [x](one.md) `[y](two.md)`\n~~~\n[z](three.md)\n~~~\n<!-- [w](four.md) -->\n[v]: <five six.md>\n"
    assert [t for _, _, t in targets(body)] == ["one.md", "five six.md"]
    assert re.search("five", body[targets(body)[1][0] :])
