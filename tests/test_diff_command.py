"""`journeys diff BASE_REF`: the map-level changes a pull request makes, as text and Markdown."""

from __future__ import annotations

import os

from history_repo import BUY, RENAMED, edit, git, make_history
from html_tree import parse
from journeys.cli import main


def run(root, capsys, *args):
    cwd = os.getcwd()
    os.chdir(root)
    try:
        code = main(["diff", *args])
    finally:
        os.chdir(cwd)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_text_lists_each_changed_map_with_its_changes(handbook_dir, capsys):
    hashes = make_history(handbook_dir)
    code, out, _ = run(handbook_dir, capsys, hashes["start"])
    assert code == 0
    assert out == (
        f"Map changes since {hashes['start']} ({hashes['start'][:7]}):\n"
        f"{RENAMED} (renamed from {BUY}) [journey]\n"
        "  - Emotion: Comparison site: -1 → 0\n"  # in the map's order of steps
        "  - Emotion: Checkout: +1 → +2\n"
        "  - Pain point added: The card form is slow.\n"
        "  - Pain point status: Price changes after click-through.: open → resolved\n"
    )


def test_personas_catalogues_and_added_and_removed_maps_are_listed(handbook_dir, capsys):
    make_history(handbook_dir)
    git(handbook_dir, "commit", "-qam", "Checkout", day=6)
    edit(
        handbook_dir,
        "maps/teams.yml",
        "- id: care\n  name: Customer care\n",
        "- id: care\n  name: Customer Care\n  reviewers: ['@org/cx-care']\n- id: claims\n",
    )
    edit(handbook_dir, "maps/personas/maya.md", "goals: [Cheap cover]", "goals: [Cheap cover, Quick answers]")
    os.remove(handbook_dir / "maps/journeys/buy-future.md")
    (handbook_dir / "maps/journeys/_draft.md").write_text("not a map", encoding="utf-8")
    (handbook_dir / "maps/journeys/new.md").write_text(
        "---\ntitle: New one\npersonas: [omar]\nstages:\n  - stage: buy\n    steps:\n      - touchpoint: Call\n        emotion: 0\n---\n",
        encoding="utf-8",
    )
    code, out, _ = run(handbook_dir, capsys, "HEAD")
    assert code == 0
    assert out.splitlines()[1:] == [
        "maps/journeys/buy-future.md [journey]",
        "  - Map removed: Buying online, redesigned",
        "maps/journeys/new.md [journey]",
        "  - Map added: New one",
        "maps/personas/maya.md [persona]",
        "  - Changed: goals",
        "maps/teams.yml [team]",
        "  - Team added: Claims",
        "  - Team renamed: care: Customer care → Customer Care",
        "  - Reviewers: Customer Care: - → @org/cx-care",
    ]


def test_markdown_for_a_pull_request_comment_escapes_names_and_text(handbook_dir, capsys):
    hashes = make_history(handbook_dir)
    edit(handbook_dir, RENAMED, "touchpoint: Checkout", "touchpoint: '<script>x</script> **Pay** [now](javascript:x)'")
    code, out, _ = run(handbook_dir, capsys, hashes["resolved"], "--format", "markdown")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"### Journey map changes since {hashes['resolved']} ({hashes['resolved'][:7]})"
    # Only what GitHub acts on is escaped: the raw comment reads as the words it shows.
    assert lines[2] == "- **maps/journeys/sales/buy-online.md** (renamed from maps/journeys/sales/buy.md) — journey"
    assert not parse(out).find_all("script") and "**Pay**" not in out and "[now]" not in out
    # The emotion changed too (make_history's last edit): not a rename.
    assert "  - Touchpoint added: &lt;script&gt;x&lt;/script&gt; \\*\\*Pay\\*\\* \\[now\\](javascript:x)" in lines
    assert "  - Touchpoint removed: Checkout" in lines


def test_markdown_escapes_mentions_and_references_but_not_words(handbook_dir, capsys):
    make_history(handbook_dir)
    git(handbook_dir, "commit", "-qam", "Checkout", day=6)
    edit(handbook_dir, RENAMED, "touchpoint: Checkout", "touchpoint: 'Ask @cx-team about #42 & pay: step-by-step'")
    code, out, _ = run(handbook_dir, capsys, "HEAD", "--format", "markdown")
    assert code == 0
    assert (
        "  - Touchpoint renamed: Checkout → Ask @\u2060cx-team about #\u206042 &amp; pay: step-by-step"
        in out.splitlines()
    )


def test_a_renamed_touchpoint_and_kpi_values(handbook_dir, capsys):
    make_history(handbook_dir)
    git(handbook_dir, "commit", "-qam", "Checkout", day=6)
    edit(handbook_dir, RENAMED, "touchpoint: Comparison site", "touchpoint: Price comparison site")
    edit(handbook_dir, RENAMED, "current: 18%", "current: 16%")
    code, out, _ = run(handbook_dir, capsys, "HEAD")
    assert code == 0
    assert out.splitlines()[2:] == [
        "  - Touchpoint renamed: Comparison site → Price comparison site",
        "  - KPI: Conversion: 18% → 16%",
    ]


def test_no_change_and_unknown_ref_and_no_git(handbook_dir, capsys, tmp_path_factory):
    make_history(handbook_dir)
    git(handbook_dir, "commit", "-qam", "Checkout", day=6)
    assert run(handbook_dir, capsys, "HEAD")[:2] == (
        0,
        f"No map changes since HEAD ({git(handbook_dir, 'rev-parse', 'HEAD')[:7]}).\n",
    )
    code, out, err = run(handbook_dir, capsys, "no-such-branch")
    assert (code, out) == (2, "")
    assert err == "journeys diff: cannot compare with no-such-branch: 'no-such-branch' names no commit here\n"
    plain = tmp_path_factory.mktemp("plain")  # outside the repository
    (plain / "maps").mkdir(parents=True)
    code, _, err = run(plain, capsys, "main")
    assert code == 2 and "not a git repository" in err


def test_without_git_on_the_path_diff_says_why_and_exits_2(handbook_dir, capsys, monkeypatch, tmp_path_factory):
    make_history(handbook_dir)
    monkeypatch.setenv("PATH", str(tmp_path_factory.mktemp("empty")))
    assert run(handbook_dir, capsys, "HEAD") == (
        2,
        "",
        "journeys diff: cannot compare with HEAD: git is not on the PATH\n",
    )


def test_a_map_whose_front_matter_cannot_be_read_says_so(handbook_dir, capsys):
    make_history(handbook_dir)
    (handbook_dir / RENAMED).write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    code, out, _ = run(handbook_dir, capsys, "HEAD")
    assert code == 0
    assert out.splitlines()[1:] == [f"{RENAMED} [journey]", "  - Front matter cannot be read (journeys check says why)"]


def test_three_dots_compare_with_where_the_branch_left_the_base(handbook_dir, capsys):
    hashes = make_history(handbook_dir)
    git(handbook_dir, "commit", "-qam", "Checkout", day=6)
    git(handbook_dir, "checkout", "-q", "-b", "feature", hashes["renamed"])
    edit(handbook_dir, RENAMED, "emotion: 0", "emotion: -2")
    # main moved on (the Checkout emotion) after the branch left it: only the branch's own change counts.
    code, out, _ = run(handbook_dir, capsys, "main...")
    assert code == 0
    assert out.splitlines()[2:] == ["  - Emotion: Comparison site: 0 → -2"]
    assert run(handbook_dir, capsys, "main")[1].splitlines()[2:] == [
        "  - Emotion: Comparison site: 0 → -2",
        "  - Emotion: Checkout: +2 → +1",
    ]
