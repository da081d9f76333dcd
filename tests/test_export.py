"""`journeys export`: the handbook as plain files that MkDocs without the plugin publishes."""

from __future__ import annotations

import dataclasses
import html
import json
import os
import re
import subprocess
import sys

import yaml

from helpers import MINIMAL_MAPS, write
from html_tree import parse
from journeys.cli import main
from journeys.cli.docs_export import asset_links, export_handbook
from journeys.cli.site_config import read_options
from journeys.core.options import Options


def plain_build(root, docs_dir, files, **settings):
    """`mkdocs build --strict` of `docs_dir` with Material and no journeys plugin."""
    css, scripts = asset_links(files)
    config = {
        "site_name": "Exported handbook",
        "docs_dir": docs_dir,
        "site_dir": "site",
        "theme": {"name": "material"},
        "plugins": ["search"],
        "extra_css": css,
        "extra_javascript": scripts,
        **settings,
    }
    (root / "plain.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "plain.yml"],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
    )


def test_plain_mkdocs_builds_the_exported_demo_strictly(demo_copy):
    options = read_options(str(demo_copy / "mkdocs.yml"))
    files = export_handbook(str(demo_copy / "maps"), str(demo_copy / "docs"), options)
    assert {
        "journeys/index.md",
        "journeys/buy-contents-online.md",
        "journeys.json",
        "pain-points.csv",
        "assets/journeys/journeys.css",
    } <= set(files)
    assert not any(f.endswith("journeys-canvas.css") for f in files)  # its rules are in journeys.css
    assert files == sorted(files)
    demo = yaml.safe_load((demo_copy / "mkdocs.yml").read_text().replace("!!python", "tag"))
    result = plain_build(demo_copy, "docs", files, nav=demo["nav"], markdown_extensions=demo["markdown_extensions"])
    assert result.returncode == 0, result.stderr
    page = (demo_copy / "site/journeys/buy-contents-online/index.html").read_text(encoding="utf-8")
    assert "assets/journeys/journeys.css" in page
    assert parse(page).find("h1", id="buying-contents-cover-online").text.startswith("Buying contents cover online")
    exported = json.loads((demo_copy / "site/journeys.json").read_text(encoding="utf-8"))
    assert exported["version"] == 1 and len(exported["journeys"]) == 8


def test_a_prefix_and_file_urls_are_respected(handbook_dir):
    options = dataclasses.replace(
        Options(), prefix="cx", use_directory_urls=False, custom_fields=(("backstage", "Behind the scenes"),)
    )
    write(handbook_dir, {"docs/index.md": "# Home\n\n[Journeys](cx/journeys/index.md)\n"})
    files = export_handbook(str(handbook_dir / "maps"), str(handbook_dir / "docs"), options)
    assert "cx/journeys/buy.md" in files and "cx/journeys.json" in files
    result = plain_build(handbook_dir, "docs", files, use_directory_urls=False)
    assert result.returncode == 0, result.stderr
    assert (handbook_dir / "site/cx/journeys/buy.html").is_file()


def test_the_command_exports_and_prints_the_config_it_needs(handbook_dir, monkeypatch, capsys):
    write(
        handbook_dir,
        {"mkdocs.yml": "plugins:\n  - journeys:\n      custom_fields:\n        - key: backstage\n          label: B\n"},
    )
    monkeypatch.chdir(handbook_dir)
    assert main(["export", "out"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("wrote ") and "extra_css:\n- assets/journeys/journeys.css\n" in out
    assert (handbook_dir / "out/journeys/buy.md").read_text(encoding="utf-8").startswith("---\ntitle: Buying online\n")


def test_an_invalid_map_is_exported_with_its_errors_and_the_command_fails(handbook_dir, monkeypatch, capsys):
    write(
        handbook_dir,
        {"maps/journeys/sales/buy.md": MINIMAL_MAPS["maps/journeys/sales/buy.md"].replace("emotion: -1", "emotion: 9")},
    )
    monkeypatch.chdir(handbook_dir)
    assert main(["export", "out"]) == 1
    assert "stages[0].steps[0].emotion: 9 is not between -2 and 2" in capsys.readouterr().err
    page = html.unescape((handbook_dir / "out/journeys/buy.md").read_text(encoding="utf-8"))
    assert "9 is not between -2 and 2" in page and "Run journeys check" in re.sub("<[^>]+>", "", page)


def test_exporting_into_the_docs_folder_the_plugin_builds_is_refused(demo_copy, monkeypatch, capsys):
    """Copies there would hide the generated pages and fail the plugin's strict build."""
    monkeypatch.chdir(demo_copy)
    before = sorted(p.name for p in (demo_copy / "docs").iterdir())
    assert main(["export", "docs"]) == 2
    assert (
        "docs is the docs folder of mkdocs.yml, whose journeys plugin generates these pages" in capsys.readouterr().err
    )
    assert sorted(p.name for p in (demo_copy / "docs").iterdir()) == before


def test_a_config_named_with_f_must_exist(handbook_dir, monkeypatch, capsys):
    monkeypatch.chdir(handbook_dir)
    assert main(["-f", "zensical.yml", "export", "out"]) == 2  # a wrong setup, as for any command
    assert "zensical.yml: no such file" in capsys.readouterr().err
    assert not (handbook_dir / "out").exists()
