"""`journeys check`: the pre-commit and pull-request check, run as editors run it."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from broken_inputs import CASES, ids, write_handbook
from helpers import REPO, write
from journeys.cli import main

SITE_CONFIG = "plugins:\n  - journeys:\n      custom_fields:\n        - {key: backstage, label: Behind the scenes}\n"


def run_check(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "journeys.cli", "check", *args], cwd=cwd, capture_output=True, text=True
    )


def test_valid_maps_print_a_summary_and_exit_0(handbook_dir):
    write(
        handbook_dir,
        {"mkdocs.yml": "plugins:\n  - journeys:\n      custom_fields:\n        - key: backstage\n          label: B\n"},
    )
    result = run_check(cwd=handbook_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "maps: 2 journeys, 2 personas, 1 pain point: no errors\n"


def test_errors_are_listed_with_locations_and_exit_1(handbook_dir):
    write(handbook_dir, {"maps/personas/bad.md": "---\nname: Bad\ngoal: [x]\n---\n"})
    result = run_check("maps", cwd=handbook_dir)
    assert result.returncode == 1
    # Without the site config, the custom lane is not declared and is reported too.
    assert "maps/journeys/sales/buy.md:24:9: stages[0].steps[0].backstage: unknown key" in result.stdout
    assert result.stderr.strip() == "2 errors in maps"


def test_demo_handbook_passes():
    result = run_check(cwd=REPO)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("maps: ")


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_check_prints_the_located_message(tmp_path, case, capsys, monkeypatch):
    write_handbook(tmp_path, case)
    write(tmp_path, {"mkdocs.yml": SITE_CONFIG})
    monkeypatch.chdir(tmp_path)
    code = main(["check"])
    out = capsys.readouterr()
    if case.located is None:
        assert (code, out.err) == (0, ""), out.out
    elif ": warning: " in case.located:  # a likely mistake: printed, and fails only --strict
        assert (code, out.err) == (0, ""), out.out
        assert case.located in out.out.splitlines()
        assert main(["check", "--strict"]) == 1
    else:
        assert code == 1
        assert case.located in out.out.splitlines()
        assert re.fullmatch(r"\d+ errors? in maps\n", out.err), out.err


def test_a_persona_with_only_a_name_is_unfinished(handbook_dir):
    """A stub persona is valid, but its page would tell a reader nothing: a warning, which
    `--strict` (and so the pull-request check and a strict build) fails on."""
    write(
        handbook_dir,
        {
            "mkdocs.yml": SITE_CONFIG,
            "maps/personas/sam.md": "---\n# who is Sam?\nname: Sam\nvisibility: internal\n---\n",
        },
    )
    result = run_check(cwd=handbook_dir)
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == (
        "maps/personas/sam.md:3:1: warning: persona 'Sam' has only a name: say who they are "
        "(summary, goals, frustrations, needs) and, below the front matter, what the persona rests on"
    )
    assert run_check("--strict", cwd=handbook_dir).returncode == 1
    # A narrative, or any key that says who the persona is, finishes it.
    write(handbook_dir, {"maps/personas/sam.md": "---\nname: Sam\n---\nSam rents a flat.\n"})
    assert run_check("--strict", cwd=handbook_dir).returncode == 0
    write(handbook_dir, {"maps/personas/sam.md": "---\nname: Sam\nneeds: [Quick answers]\n---\n"})
    assert run_check("--strict", cwd=handbook_dir).returncode == 0
