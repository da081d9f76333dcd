"""No author text can start a line of what the tools print. GitHub Actions runs a log line that
starts with `::` (after any spaces) as a workflow command, and the shipped workflow runs
`journeys check` and `journeys diff` on pull requests, so a value, a key or a file name with a
line break followed by `::error::`, `::add-mask::` or `::stop-commands::` must stay on the line
that quotes it: in every command's output, in build warnings and in the pull-request comment."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import build_config, write
from history_repo import git

COMMANDS = ("::error::injected", "::add-mask::injected", "::stop-commands::injected")
BREAK = "\n"


def hostile(n: int) -> str:
    return f"x{BREAK}{COMMANDS[n % 3]}"


# A file name with a line break: its id is given, so the map is valid and reaches every listing.
STALE = f"maps/journeys/stale{BREAK}{COMMANDS[0]}.md"


def handbook(root: Path) -> None:
    write(
        root,
        {
            "maps/stages.yml": "- id: discover\n",
            "maps/teams.yml": '- id: sales\n  reviewers: ["@org/sales"]\n- id: care\n',
            "maps/personas/maya.md": "---\nname: Maya\n---\n",
            "maps/journeys/buy.md": (
                "---\ntitle: Buy\npersonas: [maya]\nowner: care\nstages:\n  - stage: discover\n    steps:\n"
                "      - touchpoint: Page\n        emotion: 0\n---\n"
            ),
        },
    )
    (root / STALE).write_text(
        "---\nid: stale\ntitle: Stale\npersonas: [maya]\nowner: sales\nstages:\n  - stage: discover\n"
        "    steps:\n      - touchpoint: Page\n        emotion: 0\n---\n",
        encoding="utf-8",
    )


def broken(root: Path) -> None:
    """Mistakes that quote a value, a key and a file name with line breaks."""
    quoted = [f'"x\\n{command}"' for command in COMMANDS]  # YAML's escape of a line break
    (root / f"maps/journeys/bad{BREAK}{COMMANDS[1]}.md").write_text(
        f"---\ntitle: {quoted[0]}\npersonas: [maya]\nowner: {quoted[1]}\n{quoted[2]}: 1\n"
        "stages:\n  - stage: discover\n    steps:\n      - touchpoint: Page\n        emotion: 0\n---\n",
        encoding="utf-8",
    )


def injected(output: str) -> list[str]:
    """Lines a CI runner would take for a workflow command."""
    return [line for line in output.splitlines() if line.lstrip().startswith("::")]


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "journeys.cli", *args], cwd=root, capture_output=True, text=True, check=False
    )


def test_check_prints_every_value_key_and_file_name_on_its_line(tmp_path):
    handbook(tmp_path)
    broken(tmp_path)
    for args in (["check"], ["check", "--stale"], ["check", "--strict", "--audience", "public"]):
        done = run(tmp_path, *args)
        assert done.returncode == 1, done.stderr
        assert "injected" in done.stdout  # the hostile text is quoted, escaped
        assert injected(done.stdout + done.stderr) == [], args


def test_stale_and_review_listings_quote_file_names_on_one_line(tmp_path):
    handbook(tmp_path)
    done = run(tmp_path, "check", "--stale")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "due for review: maps/journeys/stale\\n::error::injected.md: never reviewed" in done.stdout
    assert injected(done.stdout + done.stderr) == []


@pytest.mark.parametrize("form", ["text", "markdown"])
def test_diff_and_the_pull_request_comment_keep_author_text_on_its_line(tmp_path, form):
    handbook(tmp_path)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "Start")
    buy = tmp_path / "maps/journeys/buy.md"
    buy.write_text(
        buy.read_text(encoding="utf-8")
        .replace("title: Buy", f'title: "{hostile(0)}"')
        .replace("touchpoint: Page", f'touchpoint: "{hostile(1)}"'),
        encoding="utf-8",
    )
    (tmp_path / f"maps/journeys/new{BREAK}{COMMANDS[2]}.md").write_text(
        buy.read_text(encoding="utf-8").replace("---\ntitle", "---\nid: new\ntitle", 1), encoding="utf-8"
    )
    done = run(tmp_path, "diff", "HEAD", "--format", form)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("injected") >= 3
    assert injected(done.stdout + done.stderr) == []


def test_import_mermaid_prints_the_map_and_its_notices_line_by_line(tmp_path):
    write(tmp_path, {"maps/personas/maya.md": "---\nname: Maya\n---\n"})
    name = f"day{BREAK}{COMMANDS[0]}.mmd"
    (tmp_path / name).write_text(
        # Mermaid ends a name at ':', so a name holds it as the entity code #58;
        "journey\n  title Day<br>::error::title\n  section Go<br>#58;#58;add-mask#58;#58;s\n"
        "    Tea<br>#58;#58;stop-commands#58;#58;t: 3: Me<br>#58;#58;error#58;#58;actor, You\n",
        encoding="utf-8",
    )
    done = run(tmp_path, "import-mermaid", name)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("::") >= 3 and injected(done.stdout + done.stderr) == []
    (tmp_path / name).write_text("journey\n  section A\n    Tea<br>#58;#58;error#58;#58;x: 9: Me\n", encoding="utf-8")
    done = run(tmp_path, "import-mermaid", name)
    assert done.returncode == 2 and "::error::x" in done.stderr
    assert injected(done.stdout + done.stderr) == []


def test_build_warnings_are_one_line_each(tmp_path, caplog):
    """A docs folder named with a line break, holding a page where the plugin generates one:
    the warning names the page, on one line, like every message the plugin logs."""
    handbook(tmp_path)
    broken(tmp_path)
    docs = f"docs{BREAK}{COMMANDS[1]}"
    write(tmp_path, {f"{docs}/index.md": "# Home\n", f"{docs}/journeys/index.md": "# Mine\n"})
    config = {"site_name": "Injection", "docs_dir": docs, "plugins": ["search", "journeys"]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        built = build_config(tmp_path, strict=False)
    ours = [r.getMessage() for r in caplog.records if r.name.startswith("mkdocs.plugins.journeys")]
    assert any("add-mask::injected/journeys/index.md is written by hand" in message for message in ours), ours
    assert any("::stop-commands::injected" in message for message in ours), ours  # a problem with the key
    assert [message for message in ours if BREAK in message] == []
    assert built.ok
