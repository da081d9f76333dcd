"""Broken maps: every kind of mistake is reported with its file, line and column (and a
suggestion where one is close), by `journeys check` and by the build; nothing raises, and the
valid maps beside the broken ones still publish."""

from __future__ import annotations

import os
import re
from html import unescape
from pathlib import Path

import pytest

from conftest import MINIMAL_MAPS, build_site, write
from journeys.cli import main as journeys_main
from journeys.core import load_handbook
from journeys.core.documents import MAX_FILE_BYTES

GOOD = """---
title: {title}
personas: [maya]
stages:
  - stage: discover
    steps:
      - touchpoint: Web
        emotion: 1
        owner: sales
---
"""

# file under maps/ -> (content, the expected report: a regular expression matched against
# the start of the problem's text)
CASES: dict[str, tuple[str | bytes, str]] = {
    "journeys/yaml-syntax.md": (
        "---\ntitle: [unclosed\npersonas: [maya]\n---\n",
        r"maps/journeys/yaml-syntax\.md:3:9: YAML syntax error: .*line 2, column 8",
    ),
    "journeys/yaml-tab.md": (
        "---\ntitle: x\n\tpersonas: [maya]\n---\n",
        r"maps/journeys/yaml-tab\.md:3:1: YAML syntax error: .*indent with spaces, not tabs",
    ),
    "journeys/yaml-tag.md": (
        '---\ntitle: !!python/object/apply:os.system ["echo owned"]\npersonas: [maya]\n---\n',
        r"maps/journeys/yaml-tag\.md:2:8: title: YAML tags such as 'tag:yaml\.org,2002:python/object/apply:os\.system' are not allowed",
    ),
    "journeys/yaml-local-tag.md": (
        "---\ntitle: !secret x\n---\n",
        r"maps/journeys/yaml-local-tag\.md:2:8: title: YAML tags such as '!secret' are not allowed",
    ),
    "journeys/yaml-alias.md": (
        "---\ntitle: &t x\nsummary: *t\n---\n",
        r"maps/journeys/yaml-alias\.md:3:10: YAML syntax error: anchors and aliases",
    ),
    "journeys/no-front-matter.md": (
        "title: x\npersonas: [maya]\n",
        r"maps/journeys/no-front-matter\.md:1:1: no front matter: the first line must be '---'",
    ),
    "journeys/unclosed-front-matter.md": (
        "---\ntitle: x\n",
        r"maps/journeys/unclosed-front-matter\.md:1:1: front matter is not closed",
    ),
    "journeys/empty.md": ("", r"maps/journeys/empty\.md:1: file is empty"),
    "journeys/latin-1.md": (
        "---\ntitle: Caf\xe9\n---\n".encode("latin-1"),
        r"maps/journeys/latin-1\.md:2:11: is not UTF-8 text \(byte 0xe9\); save the file as UTF-8",
    ),
    "journeys/binary.md": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", r"maps/journeys/binary\.md: is a binary file"),
    "journeys/control-character.md": (
        "---\ntitle: a\x07b\n---\n",
        r"maps/journeys/control-character\.md:2:9: contains the control character U\+0007",
    ),
    "journeys/escaped-surrogate.md": (
        '---\ntitle: "\\ud800"\n---\n',
        r"maps/journeys/escaped-surrogate\.md:2:8: title: contains the character U\+D800, which is not text",
    ),
    "journeys/wrong-type.md": (
        GOOD.format(title="[1, 2]"),
        r"maps/journeys/wrong-type\.md:2:8: title: expected text, got a list",
    ),
    "journeys/not-a-mapping.md": (
        "---\n- a\n- b\n---\n",
        r"maps/journeys/not-a-mapping\.md:2:1: expected a journey \(a mapping\), got a list",
    ),
    "journeys/out-of-range.md": (
        GOOD.format(title="x").replace("emotion: 1", "emotion: 5"),
        r"maps/journeys/out-of-range\.md:8:18: stages\[0\]\.steps\[0\]\.emotion: 5 is not between -2 and 2",
    ),
    "journeys/bad-choice.md": (
        GOOD.format(title="x").replace("personas:", "state: futur\npersonas:"),
        r"maps/journeys/bad-choice\.md:3:8: state: 'futur' is not one of current, future \(did you mean 'future'\?\)",
    ),
    "journeys/bad-date.md": (
        GOOD.format(title="x").replace("personas:", "reviewed: 2026-02-30\npersonas:"),
        r"maps/journeys/bad-date\.md:3:11: reviewed: '2026-02-30' is not a valid date",
    ),
    "journeys/unknown-key.md": (
        GOOD.format(title="x").replace("personas:", "persona:"),
        r"maps/journeys/unknown-key\.md:3:1: persona: unknown key \(did you mean 'personas'\?\)",
    ),
    "journeys/unknown-persona.md": (
        GOOD.format(title="x").replace("[maya]", "[mya]"),
        r"maps/journeys/unknown-persona\.md:3:12: personas\[0\]: unknown persona 'mya'.*\(did you mean 'maya'\?\)",
    ),
    "journeys/unknown-stage.md": (
        GOOD.format(title="x").replace("stage: discover", "stage: discovr"),
        r"maps/journeys/unknown-stage\.md:5:12: stages\[0\]\.stage: unknown stage 'discovr'.*\(did you mean 'discover'\?\)",
    ),
    "journeys/unknown-team.md": (
        GOOD.format(title="x").replace("owner: sales", "owner: sale"),
        r"maps/journeys/unknown-team\.md:9:16: stages\[0\]\.steps\[0\]\.owner: unknown team 'sale'.*\(did you mean 'sales'\?\)",
    ),
    "journeys/unknown-baseline.md": (
        GOOD.format(title="x").replace("personas:", "state: future\nbaseline: buyy\npersonas:"),
        r"maps/journeys/unknown-baseline\.md:4:11: baseline: unknown journey 'buyy'.*\(did you mean 'buy'\?\)",
    ),
    "journeys/unknown-pain-point.md": (
        GOOD.format(title="x").replace(
            "owner: sales", "owner: sales\n        opportunities: [{text: x, addresses: [price-mismatc]}]"
        ),
        r"maps/journeys/unknown-pain-point\.md:10:47: stages\[0\]\.steps\[0\]\.opportunities\[0\]\.addresses\[0\]: "
        r"unknown pain-point 'price-mismatc'.*\(did you mean 'price-mismatch'\?\)",
    ),
    "journeys/zz-other-folder/buy.md": (
        GOOD.format(title="Same id as sales/buy.md"),
        r"maps/journeys/zz-other-folder/buy\.md:2:1: id: duplicate journey id 'buy': maps/journeys/sales/buy\.md has it already",
    ),
    "journeys/leaves-the-site.md": (
        GOOD.format(title="x").replace("personas:", "id: ../../x\npersonas:"),
        r"maps/journeys/leaves-the-site\.md:3:5: id: '\.\./\.\./x' is not a valid id",
    ),
    "journeys/..%2F..%2Fescape.md": (
        GOOD.format(title="x"),
        None,  # starts with '.', so it is a hidden file and ignored, like a draft
    ),
    "journeys/Ünïcode Name!.md": (
        GOOD.format(title="x"),
        r"maps/journeys/Ünïcode Name!\.md:2:1: the file name 'Ünïcode Name!' is not a valid id: .*'id: unicode-name'",
    ),
    "journeys/too-deep.md": (
        "---\ntitle: " + "[" * 100 + "]" * 100 + "\n---\n",
        r"maps/journeys/too-deep\.md:2:\d+: title(\[0\])+: nested too deeply",
    ),
    "journeys/too-big.md": (
        GOOD.format(title="x") + "a" * MAX_FILE_BYTES,
        r"maps/journeys/too-big\.md: file is 1,048,\d{3} bytes; a map may be at most 1,048,576 bytes \(1 MiB\)",
    ),
    "personas/omar.md": ("---\nname: Omar\nage: 40\n---\n", r"maps/personas/omar\.md:3:1: age: unknown key"),
}
CATALOGUE_CASES = {
    "stages.yml": ("- id: discover\n- id: buy\n  name: [Buy\n", r"maps/stages\.yml:\d+:\d+: YAML syntax error"),
    "teams.yml": (
        "- id: sales\n- id: Sales Team\n- id: sales\n",
        r"maps/teams\.yml:2:7: \[1\]\.id: 'Sales Team' is not a valid id",
    ),
}


def write_case(root: Path, name: str, content: str | bytes) -> None:
    path = root / "maps" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


def messages(root: Path) -> list[str]:
    return [
        str(p)
        for p in load_handbook(root / "maps", root=root, custom_fields=[("backstage", "Behind the scenes")]).problems
    ]


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_broken_file_is_reported_with_its_location(handbook_dir: Path, name: str):
    content, expected = CASES[name]
    write_case(handbook_dir, name, content)
    found = messages(handbook_dir)
    if expected is None:
        assert found == []
    else:
        assert any(re.match(expected, m) for m in found), found
        assert all("Traceback" not in m for m in found)


@pytest.mark.parametrize("name", sorted(CATALOGUE_CASES))
def test_broken_catalogues_are_reported_with_their_location(handbook_dir: Path, name: str):
    content, expected = CATALOGUE_CASES[name]
    write_case(handbook_dir, name, content)
    found = messages(handbook_dir)
    assert any(re.match(expected, m) for m in found), found


def test_problem_without_a_line_is_only_the_file_as_a_whole(handbook_dir: Path):
    for name in ("journeys/binary.md", "journeys/too-big.md"):
        write_case(handbook_dir, name, CASES[name][0])
    for message in messages(handbook_dir):
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
    """The minimal valid handbook with every broken journey and persona beside it."""
    for name, (content, _) in CASES.items():
        write_case(handbook_dir, name, content)
    return handbook_dir


def test_journeys_check_reports_every_error_and_exits_1(broken_handbook: Path, capsys, monkeypatch):
    monkeypatch.chdir(broken_handbook)
    write(
        broken_handbook,
        {
            "mkdocs.yml": "site_name: x\nplugins:\n  - journeys:\n      custom_fields:\n"
            "        - {key: backstage, label: Behind the scenes}\n"
        },
    )
    assert journeys_main(["check"]) == 1
    out = capsys.readouterr()
    printed = out.out.splitlines()
    for name, (_, expected) in CASES.items():
        if expected is not None:
            assert any(re.match(expected, line) for line in printed), (name, printed)
    assert re.search(r"\d+ errors in maps", out.err)
    assert "Traceback" not in out.out + out.err


def test_build_publishes_valid_maps_and_shows_errors_on_broken_ones(broken_handbook: Path):
    build = build_site(broken_handbook, strict=False)
    assert build.ok
    for name, (_, expected) in CASES.items():
        if expected is not None:
            assert any(re.search(expected, w) for w in build.warnings), (name, build.warnings)
    valid = build.html("journeys/buy/")
    assert "Comparison site" in valid and "jm-problems" not in valid
    assert "One-page checkout" in unescape(build.html("journeys/buy-future/"))
    broken = unescape(build.html("journeys/out-of-range/"))
    assert "jm-problems" in broken
    assert "maps/journeys/out-of-range.md:8:18: stages[0].steps[0].emotion: 5 is not between -2 and 2" in broken
    assert "is not UTF-8 text" in unescape(build.html("journeys/latin-1/"))
    assert "YAML tags such as" in unescape(build.html("journeys/yaml-tag/"))


def test_strict_build_fails_on_a_broken_map(handbook_dir: Path):
    write_case(handbook_dir, "journeys/out-of-range.md", CASES["journeys/out-of-range.md"][0])
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
