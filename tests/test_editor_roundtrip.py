"""Saving a map unchanged through the form editor changes nothing in it: every demo map is read
and written by the format the editor uses (tests/editor/roundtrip.mjs runs the built site's
journeys-formats.js in Node, with the vendored YAML library), and the result must be the same
map for `journeys diff`'s change engine and pass `journeys check` as the original does. Decap
CMS's own front-matter format, from the installed decap-cms-core package, must write the same
text for the same data, so the editor's files look as Decap's own would."""

from __future__ import annotations

import json
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

from helpers import REPO
from journeys.core import load_handbook
from journeys.core.changes import (
    catalogue_changes,
    catalogue_version,
    journey_changes,
    journey_version,
    persona_changes,
    persona_version,
)
from journeys.core.editor_option import Editor
from journeys.core.file_kinds import FILE_KINDS
from journeys.core.schema import STAGE, TEAM
from journeys.render.editor_config import collection_name
from journeys.render.editor_site import editor_site
from journeys.render.templating import default_templates

CUSTOM = (("backstage", "Behind the scenes"),)
NODE_MODULES = REPO / "node_modules"


def admin_folder(tmp_path: Path, custom=CUSTOM) -> Path:
    """The editor's files as a build writes them, with a package.json that lets Node import them."""
    site = editor_site(
        editor=Editor(),
        audience="internal",
        custom_fields=custom,
        maps_path="maps",
        docs_path="docs",
        present={"journey", "persona", "stage", "team"},
        repo_url="https://github.com/org/handbook",
        site_url=None,
        site_name="Test",
        templates=default_templates(),
    )
    assert site is not None
    out = tmp_path / "admin"
    for rel, content in site.texts.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(content, encoding="utf-8")
    for rel, source in site.copies.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, tmp_path / rel)
    (out / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")
    return out


def saved_unchanged(admin: Path, files: dict[str, tuple[str, str]]) -> dict[str, dict]:
    """{path: (collection, text)} -> {path: {"ours": text, "decap": text}}."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: install nodejs (.ci/run does)")
    if not (NODE_MODULES / "decap-cms-core").is_dir():
        pytest.fail("node_modules/decap-cms-core is missing: run `npm ci`")
    request = [{"path": p, "collection": c, "text": t} for p, (c, t) in files.items()]
    done = subprocess.run(
        [node, str(REPO / "tests/editor/roundtrip.mjs"), str(admin), str(NODE_MODULES)],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return {item["path"]: item for item in json.loads(done.stdout)}


def map_files(maps: Path) -> dict[str, tuple[str, str]]:
    """Every map file of a maps folder, with its collection."""
    found = {}
    for kind in FILE_KINDS:
        pattern = kind.pattern.replace("**/", "**/") if kind.listed else kind.pattern
        for path in sorted(maps.glob(pattern)):
            if not path.name.startswith(("_", ".")):
                found[path.relative_to(maps).as_posix()] = (collection_name(kind), path.read_text(encoding="utf-8"))
    return found


def changes(rel: str, before: str, after: str) -> tuple:
    old, new = before.encode(), after.encode()
    if rel.startswith("journeys/"):
        return journey_changes(journey_version(old, rel, CUSTOM), journey_version(new, rel, CUSTOM))
    if rel.startswith("personas/"):
        return persona_changes(persona_version(old, rel), persona_version(new, rel))
    record, kind = (STAGE, "stage") if rel == "stages.yml" else (TEAM, "team")
    return catalogue_changes(kind, catalogue_version(old, record), catalogue_version(new, record))


def test_every_demo_map_saved_unchanged_is_the_same_map(tmp_path):
    admin = admin_folder(tmp_path)
    files = map_files(REPO / "maps")
    assert len(files) == 14  # 8 journeys, 4 personas, 2 catalogues
    saved = saved_unchanged(admin, files)
    maps = tmp_path / "maps"
    report = []
    for rel, (_, before) in files.items():
        after = saved[rel]["ours"]
        assert changes(rel, before, after) == (), rel
        assert after == saved[rel]["decap"] or rel.endswith(".yml"), rel  # catalogues keep their comment block
        (maps / rel).parent.mkdir(parents=True, exist_ok=True)
        (maps / rel).write_text(after, encoding="utf-8")
        kept = len(set(before.splitlines()) & set(after.splitlines()))
        report.append(f"{rel}: {kept}/{len(before.splitlines())} lines as they were")
    original = load_handbook(str(REPO / "maps"), custom_fields=CUSTOM, root=str(REPO))
    rewritten = load_handbook(str(maps), custom_fields=CUSTOM, root=str(tmp_path), docs_dir=str(REPO / "docs"))
    assert rewritten.problems == original.problems == ()
    assert [j.id for j in rewritten.journeys] == [j.id for j in original.journeys]
    print("\n".join(report))


def test_what_yaml_1_1_reads_otherwise_is_quoted_and_short_forms_come_back(tmp_path):
    """Text that PyYAML would read as a boolean, number, date or nothing is written quoted; a
    date in a date field stays a date; bare-string items and a single persona, read as forms,
    are written as they were; a comment block at the top is kept."""
    admin = admin_folder(tmp_path)
    journey = textwrap.dedent(
        """\
        ---
        # Imported from day.mmd by `journeys import-mermaid`.
        title: "yes"
        personas: maya
        reviewed: 2026-09-14
        tags: ["2026-01-01", "off", "1:20", "~", "0x1F", plain]
        stages:
          - stage: buy
            steps:
              - touchpoint: Checkout
                emotion: 0
                backstage: One sentence
                kpis: [Conversion]
                pain_points:
                  - The card form is slow.
                  - text: Only text
                  - id: price
                    text: Price changes.
                    severity: high
        ---
        Body text.
        """
    )
    saved = saved_unchanged(admin, {"journeys/x.md": ("journeys", journey)})["journeys/x.md"]["ours"]
    assert saved == textwrap.dedent(
        """\
        ---
        # Imported from day.mmd by `journeys import-mermaid`.

        title: "yes"
        personas:
          - maya
        reviewed: 2026-09-14
        tags:
          - "2026-01-01"
          - "off"
          - "1:20"
          - "~"
          - "0x1F"
          - plain
        stages:
          - stage: buy
            steps:
              - touchpoint: Checkout
                emotion: 0
                backstage:
                  - One sentence
                kpis:
                  - Conversion
                pain_points:
                  - The card form is slow.
                  - Only text
                  - id: price
                    text: Price changes.
                    severity: high
        ---
        Body text.
        """
    )
    assert changes("journeys/x.md", journey, saved) == ()
