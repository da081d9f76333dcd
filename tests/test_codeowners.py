"""`journeys codeowners`, and what `journeys check` says about reviewers and maps due for review."""

from __future__ import annotations

import os

import pytest

from helpers import REPO, write
from history_repo import git
from journeys.cli import main
from journeys.core.codeowners import BEGIN, END, replace_block

TEAMS = """
    - id: sales
      name: Sales team
      reviewers: ["@org/sales", "@maya"]
    - id: care
      name: Customer care
"""


def run(root, capsys, *args):
    cwd = os.getcwd()
    os.chdir(root)
    try:
        code = main(list(args))
    finally:
        os.chdir(cwd)
    out = capsys.readouterr()
    return code, out.out, out.err


MKDOCS_YML = "plugins:\n  - journeys:\n      custom_fields:\n        - key: backstage\n          label: B\n"


@pytest.fixture
def reviewed(handbook_dir):
    write(handbook_dir, {"maps/teams.yml": TEAMS, "mkdocs.yml": MKDOCS_YML})
    git(handbook_dir, "init", "-q")
    return handbook_dir


BLOCK = (
    "\n".join(
        [
            BEGIN,
            "/maps/journeys/sales/buy.md @maya @org/sales",
            "/maps/personas/maya.md @maya @org/sales",
            "/maps/stages.yml @maya @org/sales",
            "/maps/teams.yml @maya @org/sales",
            "# Journeys whose owner team lists no reviewers in teams.yml (changes to them need no team's approval):",
            "#   maps/journeys/buy-future.md (owner: none)",
            END,
        ]
    )
    + "\n"
)


def test_a_fresh_file_gets_the_block(reviewed, capsys):
    assert run(reviewed, capsys, "codeowners") == (
        0,
        "wrote CODEOWNERS; 1 journey without reviewers, listed in it\n",
        "",
    )
    assert (reviewed / "CODEOWNERS").read_text(encoding="utf-8") == BLOCK
    assert run(reviewed, capsys, "codeowners", "--check") == (0, "CODEOWNERS is up to date\n", "")


def test_only_the_block_is_replaced_and_other_rules_are_kept(reviewed, capsys):
    github = reviewed / ".github" / "CODEOWNERS"
    github.parent.mkdir()
    github.write_text(
        f"# Our rules\n*.py @org/devs\n\n{BEGIN}\n/old @gone\n{END}\ndocs/ @org/writers\n", encoding="utf-8"
    )
    assert run(reviewed, capsys, "codeowners", "--check")[0] == 1
    assert run(reviewed, capsys, "codeowners")[0] == 0
    assert github.read_text(encoding="utf-8") == f"# Our rules\n*.py @org/devs\n\n{BLOCK}docs/ @org/writers\n"
    assert not (reviewed / "CODEOWNERS").exists()


def test_a_block_is_appended_after_existing_rules_and_a_broken_block_is_refused():
    assert replace_block("* @org/all\n", "B\n") == "* @org/all\n\nB\n"
    assert replace_block("* @org/all", "B\n") == "* @org/all\n\nB\n"
    with pytest.raises(ValueError, match="no line '# END journeys codeowners' ends it"):
        replace_block(f"{BEGIN}\n/x @a\n", "B\n")


def test_paths_with_spaces_and_glob_characters_are_escaped(reviewed, capsys):
    os.rename(reviewed / "maps/journeys/sales/buy.md", reviewed / "maps/journeys/sales/buy #1 [a]*.md")
    write(
        reviewed,
        {
            "maps/journeys/sales/buy #1 [a]*.md": (reviewed / "maps/journeys/sales/buy #1 [a]*.md")
            .read_text()
            .replace("title:", "id: buy\ntitle:", 1)
        },
    )
    code, out, _ = run(reviewed, capsys, "codeowners", "--print")
    assert code == 0
    assert r"/maps/journeys/sales/buy\ \#1\ \[a\]\*.md @maya @org/sales" in out.splitlines()


def test_a_bad_handle_is_an_error_with_a_suggestion(reviewed, capsys):
    write(reviewed, {"maps/teams.yml": "- id: sales\n  reviewers: [org/sales]\n- id: care\n"})
    code, out, _ = run(reviewed, capsys, "check")
    assert code == 1
    assert out.splitlines()[0] == (
        "maps/teams.yml:2:15: [0].reviewers[0]: 'org/sales' is not a code-host handle: "
        "write @user or @org/team (did you mean '@org/sales'?)"
    )


def test_check_warns_about_journeys_no_team_reviews_once_teams_declare_reviewers(reviewed, handbook_dir, capsys):
    code, out, _ = run(reviewed, capsys, "check")
    assert code == 0
    assert out.splitlines()[1:] == [
        "warning: maps/journeys/buy-future.md: no owner, so no reviewers: changes to this map need no team's approval"
    ]
    write(reviewed, {"maps/teams.yml": "- id: sales\n- id: care\n"})
    code, out, _ = run(reviewed, capsys, "check")
    assert (code, len(out.splitlines())) == (0, 1)  # no team lists reviewers: nothing to warn about


def test_check_stale_lists_maps_due_for_review_and_fails_only_when_asked(handbook_dir, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    write(handbook_dir, {"mkdocs.yml": MKDOCS_YML})
    code, out, _ = run(handbook_dir, capsys, "check", "--stale")
    assert code == 0
    assert out.splitlines()[1:] == [
        "due for review: maps/journeys/buy-future.md: never reviewed",
        "due for review: maps/journeys/sales/buy.md: reviewed 2020-01-01, 2192 days ago",
        "2 maps due for review (review_after_days: 180)",
    ]
    assert run(handbook_dir, capsys, "check", "--fail-stale")[0] == 1


def test_the_history_page_shows_the_demos_real_block(capsys):
    page = (REPO / "docs" / "history.md").read_text(encoding="utf-8")
    shown = page.split("<!-- codeowners: demo -->\n\n```text\n", 1)[1].split("```", 1)[0]
    code, out, _ = run(REPO, capsys, "codeowners", "--print")
    assert (code, out) == (0, shown)
    assert "#   maps/journeys/sales/landlord-cover-via-broker.md (owner: broker-partnerships)" in out


def test_an_insight_goes_to_the_reviewers_of_the_team_that_keeps_it(reviewed, capsys):
    write(
        reviewed,
        {
            "maps/insights/survey.md": "---\ntitle: Survey\nkind: survey\ndate: 2025-01-31\nowner: sales\n---\n",
            "maps/insights/calls.md": "---\ntitle: Calls\nkind: interview\ndate: 2025-01-31\n---\n",
        },
    )
    code, out, _ = run(reviewed, capsys, "codeowners", "--print")
    assert code == 0
    assert "/maps/insights/survey.md @maya @org/sales\n" in out
    assert "/maps/insights/calls.md" not in out  # no owner, no reviewers: the host's other rules apply
