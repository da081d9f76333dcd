"""A command that cannot do what was asked says why in one line each and exits 2, never with
a traceback; errors in the maps exit 1 (docs/editors-guide.md, "What the commands exit with").
And an export writes only inside its folder: a symbolic link planted there is refused, never
followed."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import yaml

from helpers import BASE_CONFIG, MINIMAL_MAPS, write


def journeys(root, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "journeys.cli", *args], cwd=root, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def site(handbook_dir):
    write(handbook_dir, {"mkdocs.yml": yaml.safe_dump(BASE_CONFIG), "docs/index.md": "# Home\n"})
    return handbook_dir


def one_line_failure(result: subprocess.CompletedProcess, command: str) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"journeys {command}: "), result.stderr
    return lines[0]


@pytest.mark.parametrize("standalone", [False, True], ids=["docs", "standalone"])
def test_an_export_never_writes_through_a_link_planted_in_its_folder(site, tmp_path_factory, standalone):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "authorized_keys").write_text("precious\n", encoding="utf-8")
    out = site / "out"
    planted = out / ("docs/journeys.json" if standalone else "journeys.json")
    if standalone:
        # An earlier standalone export, whose marker is a link to a file elsewhere.
        out.mkdir()
        (out / ".journeys-standalone").symlink_to(outside / "authorized_keys")
    else:
        out.mkdir()
        planted.symlink_to(outside / "authorized_keys")
        (out / "journeys").symlink_to(outside, target_is_directory=True)
    result = journeys(site, "export", *(["--standalone"] if standalone else []), "out")
    line = one_line_failure(result, "export")
    assert "symbolic link" in line or "not an earlier standalone export" in line
    assert (outside / "authorized_keys").read_text(encoding="utf-8") == "precious\n"
    assert sorted(p.name for p in outside.iterdir()) == ["authorized_keys"]


def test_an_export_into_a_file_or_a_place_it_cannot_write_is_one_line(site):
    write(site, {"a-file": "mine\n"})
    assert one_line_failure(journeys(site, "export", "a-file"), "export") == (
        "journeys export: a-file is a file, not a folder: name a folder to export into"
    )
    assert (site / "a-file").read_text(encoding="utf-8") == "mine\n"
    line = one_line_failure(journeys(site, "export", "/proc/x"), "export")
    assert line.startswith("journeys export: cannot write /proc/x")
    line = one_line_failure(journeys(site, "export", "--standalone", "/proc/x"), "export")
    assert line.startswith("journeys export: cannot write /proc/x")


def test_codeowners_and_schema_into_a_place_they_cannot_write_are_one_line(site):
    line = one_line_failure(journeys(site, "codeowners", "-o", "/proc/x"), "codeowners")
    assert line.startswith("journeys codeowners: cannot write /proc/x")
    line = one_line_failure(journeys(site, "codeowners", "-o", "/dev/zero"), "codeowners")
    assert (
        line == "journeys codeowners: cannot read /dev/zero: it is over 3,145,728 characters, too long for CODEOWNERS"
    )
    line = one_line_failure(journeys(site, "schema", "-o", "/proc/x"), "schema")
    assert line.startswith("journeys schema: cannot write /proc/x")


def test_map_errors_exit_1_and_a_failure_exits_2(site):
    write(
        site,
        {"maps/journeys/sales/buy.md": MINIMAL_MAPS["maps/journeys/sales/buy.md"].replace("emotion: -1", "emotion: 7")},
    )
    assert journeys(site, "check").returncode == 1
    assert journeys(site, "export-mermaid", "buy").returncode == 1
    assert one_line_failure(journeys(site, "export-mermaid", "nothing"), "export-mermaid")
    assert one_line_failure(journeys(site, "new", "journey", "Not An Id"), "new")
    assert sorted(os.listdir(site / "maps/journeys")) == ["buy-future.md", "sales"]


@pytest.mark.parametrize(
    ("args", "line"),
    [
        ((), "journeys: the following arguments are required: command (see `journeys --help`)"),
        (
            ("new", "jorney", "x"),
            "journeys new: argument kind: invalid choice: 'jorney' (choose from 'journey', 'persona', 'insight') "
            "(see `journeys new --help`)",
        ),
    ],
)
def test_a_wrong_command_line_is_one_line_too(tmp_path, args, line):
    result = journeys(tmp_path, *args)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", line + "\n")
