"""Every input the tools read has a size cap and a clear error (docs/security.md, "Limits"):
old versions of maps read from git, the work tree's files `journeys diff` reads, links out of
the maps folder, Mermaid front matter, the catalogues and what the journeys name without them,
and the files the command line reads besides the maps."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import MINIMAL_MAPS, build_site, write
from history_repo import BUY, entries, git, section
from journeys.core import load_handbook
from journeys.core.documents import MAX_FILE_BYTES
from journeys.core.handbook import MAX_ENTRIES
from journeys.core.history import read_history

HANG_GUARD = 60  # seconds, for commands that once read without end


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "journeys.cli", *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        check=False,
    )


def one_line_no_traceback(done: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr


def oversized(text: str) -> str:
    """`text` (a map) grown past the cap by a long narrative."""
    return text + "x" * (MAX_FILE_BYTES + 1) + "\n"


# --- Old versions from git ------------------------------------------------------------------


def repository_with_an_oversized_version(root: Path) -> None:
    write(root, MINIMAL_MAPS)
    small = (root / BUY).read_text(encoding="utf-8")
    (root / BUY).write_text(oversized(small), encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "A map past the cap", day=1)
    (root / BUY).write_text(small.replace("emotion: -1", "emotion: 0"), encoding="utf-8")
    git(root, "commit", "-qam", "Back under it", day=2)


def test_history_skips_a_version_over_the_cap_and_says_so(handbook_dir):
    repository_with_an_oversized_version(handbook_dir)
    handbook = load_handbook(handbook_dir / "maps", root=handbook_dir)
    history = read_history(handbook, str(handbook_dir / "maps"), str(handbook_dir))
    kinds = [[c.kind for c in entry.changes] for entry in history.journeys["buy"].entries]
    assert kinds == [["too_large_before"], ["too_large"]]
    built = build_site(handbook_dir)
    assert built.ok, built.warnings
    shown = entries(section(built.html("journeys/buy/")))
    assert "The version before is over 1 MiB, the most a map may be, so what changed is unknown" in shown[0]
    assert "This version is over 1 MiB, the most a map may be, so it was not read" in shown[1]


def test_the_oversized_version_is_never_read(handbook_dir, monkeypatch):
    """Its size comes from `git cat-file --batch-check`; its content is never asked for."""
    from journeys.core import git_history

    repository_with_an_oversized_version(handbook_dir)
    asked: list[list[str]] = []
    run_git = git_history._git

    def spy(args, cwd, stdin=None):
        if args[:2] == ["cat-file", "--batch"]:
            asked.append((stdin or b"").decode().split())
        return run_git(args, cwd, stdin)

    monkeypatch.setattr(git_history, "_git", spy)
    handbook = load_handbook(handbook_dir / "maps", root=handbook_dir)
    history = read_history(handbook, str(handbook_dir / "maps"), str(handbook_dir))
    big = git(handbook_dir, "rev-parse", f"HEAD~1:{BUY}").strip()
    assert history.journeys["buy"].entries
    assert not any(big in hashes for hashes in asked)


def test_diff_says_an_old_version_is_over_the_cap(handbook_dir):
    repository_with_an_oversized_version(handbook_dir)
    done = run(handbook_dir, "diff", "HEAD~1")
    assert done.returncode == 0, done.stderr
    assert "  - The version before is over 1 MiB, the most a map may be, so what changed is unknown" in done.stdout


# --- The work tree's files in `journeys diff` -----------------------------------------------


def test_diff_reads_no_device_behind_a_link(handbook_dir):
    git(handbook_dir, "init", "-q")
    git(handbook_dir, "add", "-A")
    git(handbook_dir, "commit", "-q", "-m", "Start")
    os.symlink("/dev/zero", handbook_dir / "maps/journeys/zero.md")
    done = run(handbook_dir, "diff", "HEAD")
    assert done.returncode == 0, done.stderr
    assert "maps/journeys/zero.md [journey]\n  - A link to a file outside the maps folder: not read" in done.stdout


@pytest.mark.parametrize("form", ["text", "markdown"])
def test_diff_quotes_nothing_of_a_file_outside_the_maps_folder(handbook_dir, form):
    secret = MINIMAL_MAPS["maps/journeys/buy-future.md"].replace("Buying online, redesigned", "zqxoutsidesecret")
    write(handbook_dir, {"secret.md": secret})
    git(handbook_dir, "init", "-q")
    git(handbook_dir, "add", "-A")
    git(handbook_dir, "commit", "-q", "-m", "Start")
    os.symlink("../../secret.md", handbook_dir / "maps/journeys/linked.md")
    done = run(handbook_dir, "diff", "HEAD", "--format", form)
    assert done.returncode == 0, done.stderr
    assert "linked.md" in done.stdout and "zqxoutsidesecret" not in done.stdout


def test_diff_of_a_work_tree_map_over_the_cap(handbook_dir):
    git(handbook_dir, "init", "-q")
    git(handbook_dir, "add", "-A")
    git(handbook_dir, "commit", "-q", "-m", "Start")
    buy = handbook_dir / BUY
    buy.write_text(oversized(buy.read_text(encoding="utf-8")), encoding="utf-8")
    done = run(handbook_dir, "diff", "HEAD")
    assert "  - This version is over 1 MiB, the most a map may be, so it was not read" in done.stdout


# --- Mermaid front matter -------------------------------------------------------------------

ALIAS_BOMB = "---\ntitle: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"l{n}: &a{n} [*a{n - 1}, *a{n - 1}, *a{n - 1}, *a{n - 1}, *a{n - 1}, *a{n - 1}, *a{n - 1}, *a{n - 1}]\n"
    for n in range(1, 12)
)


@pytest.mark.parametrize(
    ("front_matter", "message"),
    [
        (
            ALIAS_BOMB.replace("title: &a0", "a0: &a0") + "title: *a11\n",
            "anchors and aliases (*name) are not supported",
        ),
        ("---\ntitle: " + "[" * 100_000 + "\n", "nested too deeply (more than 40 levels)"),
        ("---\ntitle: x\n" + "".join(" " * n + "a:\n" for n in range(0, 1600, 2)), "nested too deeply"),
    ],
    ids=["alias bomb", "flow nesting", "block nesting"],
)
def test_mermaid_front_matter_bombs_are_one_clear_error(tmp_path, front_matter, message):
    (tmp_path / "day.mmd").write_text(front_matter + "---\njourney\n  section A\n    Tea: 3: Me\n", encoding="utf-8")
    done = run(tmp_path, "import-mermaid", "day.mmd")
    assert done.returncode == 2
    one_line_no_traceback(done)
    assert message in done.stderr


# --- Catalogues and what journeys name ------------------------------------------------------


def test_a_catalogue_past_its_cap_is_an_error_at_the_first_entry_too_many(handbook_dir):
    teams = "".join(f"- id: team-{n}\n" for n in range(MAX_ENTRIES + 500))
    write(handbook_dir, {"maps/teams.yml": "- id: sales\n- id: care\n" + teams})
    done = run(handbook_dir, "check")
    assert done.returncode == 1
    assert (
        f"maps/teams.yml:{MAX_ENTRIES + 1}:3: [{MAX_ENTRIES}]: a handbook may have at most 1,000 teams, each a "
        "page of its own, and 1,502 entries are listed: merge some"
    ) in done.stdout.splitlines()
    built = build_site(handbook_dir, strict=False)
    assert len([p for p in (built.site / "teams").iterdir() if p.is_dir()]) == MAX_ENTRIES


@pytest.mark.parametrize("kind", ["team", "stage"])
def test_journeys_without_a_catalogue_name_at_most_the_cap(handbook_dir, kind):
    os.remove(handbook_dir / f"maps/{kind}s.yml")
    steps = [{"touchpoint": "t", "emotion": 0, "owner": f"team {n}"} for n in range(MAX_ENTRIES + 3)]
    blocks = [{"stage": f"stage-{n}", "steps": [{"touchpoint": "t", "emotion": 0}]} for n in range(MAX_ENTRIES + 3)]
    many = {
        "title": "Many",
        "personas": ["maya"],
        "stages": [{"stage": "discover", "steps": steps}] if kind == "team" else blocks,
    }
    write(handbook_dir, {"maps/journeys/many.md": "---\n" + yaml.safe_dump(many) + "---\n"})
    handbook = load_handbook(handbook_dir / "maps", root=handbook_dir)
    too_many = [p for p in handbook.problems if f"at most 1,000 {kind}s" in p.message]
    # Once a file, where it names the first one too many (and the journey is invalid).
    assert [p.path for p in too_many if p.path == "maps/journeys/many.md"] == ["maps/journeys/many.md"]
    assert all(p.line for p in too_many)
    assert len(handbook.teams if kind == "team" else handbook.stages) <= MAX_ENTRIES


# --- Other files the command line reads -----------------------------------------------------


def test_a_mermaid_file_over_the_cap_is_refused(tmp_path):
    (tmp_path / "big.mmd").write_text("journey\n" + "%% x\n" * (MAX_FILE_BYTES // 5 + 1), encoding="utf-8")
    done = run(tmp_path, "import-mermaid", "big.mmd")
    assert done.returncode == 2
    one_line_no_traceback(done)
    assert "a diagram may be at most 1,048,576 bytes (1 MiB)" in done.stderr


def test_a_mermaid_file_that_is_a_device_is_refused(tmp_path):
    done = run(tmp_path, "import-mermaid", "/dev/zero")
    assert done.returncode == 2
    one_line_no_traceback(done)
    assert "/dev/zero: is not a regular file" in done.stderr


def test_a_site_config_over_the_cap_is_refused(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n" + "# padding\n" * (MAX_FILE_BYTES // 10 + 1))
    done = run(tmp_path, "check")
    assert done.returncode == 2
    one_line_no_traceback(done)
    assert "mkdocs.yml: file is" in done.stderr and "a site config may be at most" in done.stderr
