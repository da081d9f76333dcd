"""mkdocs-literate-nav: a SUMMARY.md that lists the handbook's index pages builds strictly; one
that lists a generated folder (`[Journeys](journeys/)`) pulls every detail page into the
navigation, and the build warns."""

from __future__ import annotations

from compat.demo import build_demo, demo_config, with_plugins

HANDBOOK = """\
* [Home](index.md)
* [Journeys](journeys/index.md)
* [Personas](personas/index.md)
* [Stages](stages/index.md)
* [Teams](teams/index.md)
* [Pain points](pain-points/index.md)
* About the handbook
    * [Compatibility](compatibility.md)
"""


def _build(demo_copy, summary: str):
    (demo_copy / "docs" / "SUMMARY.md").write_text(summary, encoding="utf-8")
    config = with_plugins(demo_config(demo_copy), after=["literate-nav"])
    del config["nav"]
    return build_demo(demo_copy, config)


def test_summary_of_the_index_pages_builds_strict(demo_copy):
    built = _build(demo_copy, HANDBOOK)
    assert built.ok, built.warnings
    home = built.html("")
    assert 'href="journeys/"' in home and 'href="pain-points/"' in home
    assert "buy-contents-online/" not in home[home.index('class="md-nav') :]


def test_folder_wildcard_is_reported(demo_copy):
    built = _build(demo_copy, HANDBOOK.replace("(journeys/index.md)", "(journeys/)"))
    assert not built.ok
    listed = [w for w in built.warnings if "detail pages" in w]
    assert len(listed) == 1 and "navigation lists" in listed[0] and "journeys/" in listed[0], built.warnings
