"""`journeys check`: the pre-commit and pull-request check, run as editors run it."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO, write


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
    assert "maps/personas/bad.md:3:1: goal: unknown key (did you mean 'goals'?)" in result.stdout.splitlines()
    # Without the site config, the custom lane is not declared and is reported too.
    assert "maps/journeys/sales/buy.md:24:9: stages[0].steps[0].backstage: unknown key" in result.stdout
    assert result.stderr.strip() == "2 errors in maps"


def test_demo_handbook_passes():
    result = run_check(cwd=REPO)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("maps: ")
