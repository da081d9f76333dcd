"""The History section of a journey page, built from a real git repository."""

from __future__ import annotations

from helpers import build_site
from history_repo import BUY, HOSTILE_SUBJECT, RENAMED, entries, git, make_history, section, visible
from html_tree import parse


def test_each_commit_shows_what_it_changed_in_the_map_newest_first(handbook_dir):
    hashes = make_history(handbook_dir)
    built = build_site(handbook_dir)
    assert built.ok, built.warnings
    history = section(built.html("journeys/buy/"))
    shown = entries(history)
    assert shown == [
        "not yet committed Emotion: Checkout: +1 → +2",
        f"2026-03-05 Rename the buying journey's file {hashes['renamed'][:7]} renamed from {BUY} no change to the map's content",
        f"2026-03-04 Price mismatch fixed by the feed change {hashes['resolved'][:7]} "
        "Pain point status: Price changes after click-through.: open → resolved",
        f"2026-03-03 {HOSTILE_SUBJECT} {hashes['pain'][:7]} Pain point added: The card form is slow.",
        f"2026-03-02 Comparison site: the price is clearer now {hashes['emotion'][:7]} Emotion: Comparison site: -1 → 0",
        f"2026-03-01 Add the first maps {hashes['start'][:7]} Map added: Buying online",
    ]
    # The hash links to the commit on the code host (conftest's repo_url).
    assert f'href="https://example.com/org/handbook/commit/{hashes["emotion"]}"' in history
    assert parse(history).find("time", datetime="2026-03-02")


def test_a_commit_subject_with_html_and_markdown_is_shown_as_written(handbook_dir):
    make_history(handbook_dir)
    page = build_site(handbook_dir).html("journeys/buy/")
    history = section(page)
    tree = parse(history)
    assert not tree.find_all("img") and "javascript:alert" not in history
    assert [strong.text for strong in tree.find_all("strong")] == ["not yet committed"]  # no "bold" of the subject
    assert HOSTILE_SUBJECT in visible(history)


def test_a_file_name_with_markup_is_escaped_in_the_history(handbook_dir):
    make_history(handbook_dir)
    git(handbook_dir, "commit", "-qam", "Checkout feels great", day=6)
    hostile = "maps/journeys/sales/<img src=x onerror=alert(1)> [y](z) *a*.md"
    git(handbook_dir, "mv", RENAMED, hostile, day=7)
    git(handbook_dir, "commit", "-qm", "A hostile name", day=7)
    git(handbook_dir, "mv", hostile, RENAMED, day=8)
    git(handbook_dir, "commit", "-qm", "A better name", day=8)
    history = section(build_site(handbook_dir).html("journeys/buy/"))
    assert not parse(history).find_all("img") and "[y](z)" not in history
    assert f"renamed from {hostile}" in visible(history)
    assert f"renamed from {RENAMED}" in visible(history)


def test_history_depth_limits_the_entries_and_zero_turns_the_section_off(handbook_dir):
    make_history(handbook_dir)
    plugins = ["search", {"journeys": {"history_depth": 2, "custom_fields": [{"key": "backstage", "label": "B"}]}}]
    history = section(build_site(handbook_dir, config={"plugins": plugins}).html("journeys/buy/"))
    assert len(entries(history)) == 3  # the uncommitted edit, then two commits
    assert "Older changes are in the file's git history." in visible(history)
    plugins[1]["journeys"]["history_depth"] = 0
    page = build_site(handbook_dir, config={"plugins": plugins}).html("journeys/buy/")
    assert "jm-history" not in page


def test_without_repo_url_the_hash_is_plain_text(handbook_dir):
    hashes = make_history(handbook_dir)
    history = section(build_site(handbook_dir, config={"repo_url": None, "edit_uri": None}).html("journeys/buy/"))
    assert "/commit/" not in history
    assert hashes["start"][:7] in [code.text for code in parse(history).find_all("code", cls="jm-history__hash")]


def test_a_commit_that_broke_the_map_and_the_one_that_repaired_it(handbook_dir):
    make_history(handbook_dir)
    good = (handbook_dir / RENAMED).read_text(encoding="utf-8")
    (handbook_dir / RENAMED).write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    git(handbook_dir, "commit", "-qam", "Broken", day=6)
    (handbook_dir / RENAMED).write_text(good, encoding="utf-8")
    git(handbook_dir, "commit", "-qam", "Repaired", day=7)
    shown = entries(section(build_site(handbook_dir).html("journeys/buy/")))
    assert shown[0].startswith("2026-03-07 Repaired ")
    assert shown[0].endswith(" The version before cannot be read, so what changed is unknown")
    assert shown[1].startswith("2026-03-06 Broken ")
    assert shown[1].endswith(" Front matter cannot be read (journeys check says why)")


def test_journeys_export_writes_the_history_too(handbook_dir, monkeypatch, capsys):
    from journeys.cli import main

    hashes = make_history(handbook_dir)
    (handbook_dir / "mkdocs.yml").write_text(
        "repo_url: https://example.com/org/handbook\nplugins:\n  - journeys:\n      history_depth: 3\n"
        "      custom_fields:\n        - key: backstage\n          label: B\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(handbook_dir)
    assert main(["export", "out"]) == 0
    page = (handbook_dir / "out" / "journeys" / "buy.md").read_text(encoding="utf-8")
    history = section(page)
    assert len(entries(history)) == 4  # not yet committed, then three commits
    assert f"https://example.com/org/handbook/commit/{hashes['renamed']}" in history
    # One HTML block: a blank line inside would end it for Markdown.
    assert "\n\n" not in history
