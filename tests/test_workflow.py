"""The pre-commit hook and the example GitHub Actions workflow run what they promise."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import yaml

from helpers import REPO, write
from history_repo import git, make_history

HOOKS = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
WORKFLOW = yaml.safe_load((REPO / ".github" / "workflows" / "handbook.yml").read_text(encoding="utf-8"))


def hook():
    (found,) = [h for h in HOOKS if h["id"] == "journeys-check"]
    return found


def run_entry(cwd):
    # pre-commit runs `entry` with no file names (pass_filenames: false) from the repository root,
    # in the environment it installed the package into: here, the one running the tests (not
    # whatever `journeys` comes first on the PATH).
    command, *args = shlex.split(hook()["entry"])
    script = Path(sys.executable).parent / command
    return subprocess.run([str(script), *args], cwd=cwd, capture_output=True, text=True)


def test_the_hook_is_declared_for_map_changes():
    declared = hook()
    assert (declared["language"], declared["pass_filenames"]) == ("python", False)
    assert re.search(declared["files"], "maps/journeys/claims/theft.md")
    assert re.search(declared["files"], "maps/stages.yml")
    assert not re.search(declared["files"], "docs/index.md")


def test_the_hook_passes_a_good_handbook_and_fails_a_broken_one(handbook_dir):
    write(
        handbook_dir,
        {"mkdocs.yml": "plugins:\n  - journeys:\n      custom_fields:\n        - key: backstage\n          label: B\n"},
    )
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
    assert "journeys check --strict" in runs
    assert "mkdocs build --strict" in runs
    assert runs.index("journeys check --strict") < runs.index("mkdocs build --strict")


def test_main_publishes_to_github_pages_and_pull_requests_do_not():
    deploy = WORKFLOW["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [s.get("uses", "").split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert "github.ref == 'refs/heads/main'" in deploy["if"] and "pull_request" in deploy["if"]
    upload = [
        s for s in WORKFLOW["jobs"]["build"]["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact")
    ]
    assert upload and upload[0]["with"]["path"] == "site" and upload[0]["if"] == deploy["if"]


def job_steps(job):
    return WORKFLOW["jobs"][job]["steps"]


def checkout(job):
    (found,) = [s for s in job_steps(job) if s.get("uses", "").startswith("actions/checkout")]
    return found


def test_history_needs_the_whole_clone():
    # A shallow checkout would give every History section one truncated entry.
    assert checkout("build")["with"]["fetch-depth"] == 0
    assert checkout("map-changes")["with"]["fetch-depth"] == 0


def test_pull_requests_get_the_map_changes_as_a_comment():
    job = WORKFLOW["jobs"]["map-changes"]
    assert job["if"] == "github.event_name == 'pull_request'"
    assert job["permissions"] == {"contents": "read", "pull-requests": "write"}
    (describe,) = [s for s in job["steps"] if "journeys diff" in s.get("run", "")]
    assert "--format markdown" in describe["run"] and describe["env"]["BASE_REF"] == "origin/${{ github.base_ref }}"
    (comment,) = [s for s in job["steps"] if "gh pr comment" in s.get("run", "")]
    assert "--body-file map-changes.md" in comment["run"] and comment["continue-on-error"] is True


def test_a_weekly_run_lists_the_maps_due_for_review():
    triggers = WORKFLOW.get("on", WORKFLOW.get(True))
    assert [t["cron"] for t in triggers["schedule"]] == ["0 6 * * 1"]
    job = WORKFLOW["jobs"]["stale"]
    assert "schedule" in job["if"]
    assert "journeys check --stale" in steps("stale")


def test_the_diff_step_runs_as_written_on_a_pull_request_branch(handbook_dir, tmp_path_factory):
    make_history(handbook_dir)
    git(handbook_dir, "commit", "-qam", "Checkout feels great", day=6)
    git(handbook_dir, "branch", "-q", "-m", "main")
    clone = tmp_path_factory.mktemp("pr")
    subprocess.run(["git", "clone", "-q", f"file://{handbook_dir}", str(clone)], check=True, capture_output=True)
    (clone / "maps/journeys/sales/buy-online.md").write_text(
        (clone / "maps/journeys/sales/buy-online.md").read_text(encoding="utf-8").replace("emotion: 2", "emotion: -2"),
        encoding="utf-8",
    )
    (clone / "mkdocs.yml").write_text(
        "plugins:\n  - journeys:\n      custom_fields:\n        - key: backstage\n          label: B\n"
    )
    (describe,) = [s for s in job_steps("map-changes") if "journeys diff" in s.get("run", "")]
    summary = clone / "summary.md"
    env = dict(
        os.environ,
        BASE_REF="origin/main",
        GITHUB_STEP_SUMMARY=str(summary),
        PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"],
    )
    result = subprocess.run(["bash", "-e", "-c", describe["run"]], cwd=clone, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    comment = (clone / "map-changes.md").read_text(encoding="utf-8")
    assert comment.startswith("### Journey map changes since origin/main")
    assert "  - Emotion: Checkout: +2 → -2" in comment.splitlines()
    assert summary.read_text(encoding="utf-8") == comment
