"""The pre-commit hook and the example GitHub Actions workflow run what they promise."""

from __future__ import annotations

import re
import shlex
import subprocess

import yaml

from conftest import REPO, write

HOOKS = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
WORKFLOW = yaml.safe_load((REPO / ".github" / "workflows" / "handbook.yml").read_text(encoding="utf-8"))


def hook():
    (found,) = [h for h in HOOKS if h["id"] == "journeys-check"]
    return found


def run_entry(cwd):
    # pre-commit runs `entry` with no file names (pass_filenames: false) from the repository root.
    return subprocess.run(shlex.split(hook()["entry"]), cwd=cwd, capture_output=True, text=True)


def test_the_hook_is_declared_for_map_changes():
    declared = hook()
    assert (declared["language"], declared["pass_filenames"]) == ("python", False)
    assert re.search(declared["files"], "maps/journeys/claims/theft.md")
    assert re.search(declared["files"], "maps/stages.yml")
    assert not re.search(declared["files"], "docs/index.md")


def test_the_hook_passes_a_good_handbook_and_fails_a_broken_one(handbook_dir):
    write(handbook_dir, {"mkdocs.yml": "plugins:\n  - journeys:\n      custom_fields:\n        - key: backstage\n          label: B\n"})
    good = run_entry(handbook_dir)
    assert good.returncode == 0, good.stdout + good.stderr
    write(handbook_dir, {"maps/personas/maya.md": "---\nname: Maya\nborn: 1990\n---\n"})
    broken = run_entry(handbook_dir)
    assert broken.returncode == 1
    assert broken.stdout == "maps/personas/maya.md:3:1: born: unknown key\n"


def test_the_hook_passes_the_demo_handbook():
    result = run_entry(REPO)
    assert result.returncode == 0, result.stdout


def steps(job):
    return [step.get("run", "") for step in WORKFLOW["jobs"][job]["steps"]]


def test_pull_requests_run_the_check_and_a_strict_build():
    triggers = WORKFLOW.get("on", WORKFLOW.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers
    assert triggers["push"]["branches"] == ["main"]
    runs = steps("build")
    assert "journeys check" in runs
    assert "mkdocs build --strict" in runs
    assert runs.index("journeys check") < runs.index("mkdocs build --strict")


def test_main_publishes_to_github_pages_and_pull_requests_do_not():
    deploy = WORKFLOW["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [s.get("uses", "").split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert "github.ref == 'refs/heads/main'" in deploy["if"] and "pull_request" in deploy["if"]
    upload = [s for s in WORKFLOW["jobs"]["build"]["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact")]
    assert upload and upload[0]["with"]["path"] == "site" and upload[0]["if"] == deploy["if"]
