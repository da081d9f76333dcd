"""A build serves the form editor at `admin/` beside the handbook, written by the plugin (no
other plugin touches it), at another folder or not at all as the `editor` option says, and never
over a page written by hand."""

from __future__ import annotations

import yaml

from helpers import BASE_CONFIG, build_site
from html_tree import parse

PLUGIN = BASE_CONFIG["plugins"][1]["journeys"]


def with_editor(value) -> dict:
    return {"plugins": ["search", {"journeys": {**PLUGIN, "editor": value}}]}


def test_the_editor_is_served_beside_the_handbook(handbook_dir):
    built = build_site(handbook_dir)
    assert built.ok, built.warnings
    admin = built.site / "admin"
    assert sorted(p.name for p in admin.iterdir() if p.is_file()) == [
        "config.yml",
        "index.html",
        "journeys-editor-first.js",
        "journeys-editor-preview.css",
        "journeys-editor.js",
        "journeys-formats.js",
    ]
    assert (admin / "decap-cms" / "decap-cms.js").stat().st_size > 5_000_000
    assert (admin / "yaml" / "index.js").is_file()
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert [c["folder"] for c in config["collections"] if "folder" in c] == ["maps/journeys", "maps/personas"]
    page = parse((admin / "index.html").read_text(encoding="utf-8"))
    scripts = page.find_all("script")
    # No inline script: every script is a file beside the page, Decap's bundle between ours.
    assert [(s.attrs["src"], s.text) for s in scripts] == [
        ("journeys-editor-first.js", ""),
        ("decap-cms/decap-cms.js", ""),
        ("journeys-editor.js", ""),
    ]
    assert scripts[-1].attrs["type"] == "module"
    # Not a page of the handbook: not in its sitemap.
    assert "admin/" not in (built.site / "sitemap.xml").read_text(encoding="utf-8")


def test_another_folder_or_none(handbook_dir):
    built = build_site(handbook_dir, config=with_editor("cms/edit"))
    assert built.ok and (built.site / "cms/edit/config.yml").is_file() and not (built.site / "admin").exists()
    built = build_site(handbook_dir, config=with_editor(False))
    assert built.ok and not (built.site / "admin").exists()


def test_a_page_written_by_hand_there_wins_with_a_warning(handbook_dir):
    built = build_site(handbook_dir, strict=False, docs={"index.md": "# Home\n", "admin/index.md": "# Our admin\n"})
    assert "Our admin" in built.html("admin/")
    assert built.warnings == [
        "docs/admin/index.md is published at admin/, where the form editor would be: "
        "set the journeys plugin's `editor` option to another folder, or to false"
    ]
