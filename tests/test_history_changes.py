"""The change engine and the rename-following walk, tested on their own."""

from __future__ import annotations

from journeys.core.changes import (
    Change,
    catalogue_changes,
    catalogue_version,
    journey_changes,
    journey_version,
    persona_changes,
    persona_version,
)
from journeys.core.git_history import Commit, FileChange, file_histories
from journeys.core.schema import TEAM

MAP = """---
title: Buying
personas: [maya]
stages:
  - stage: discover
    steps:
      - touchpoint: Quote form
        emotion: -2
        pain_points:
          - Too many questions.
          - id: price
            text: Price changes.
      - touchpoint: Quote form
        emotion: 0
  - stage: buy
    steps:
      - touchpoint: Checkout
        emotion: 1
---
Notes.
"""


def version(text: str):
    return journey_version(text.encode(), "maps/journeys/buy.md")


def test_the_same_map_written_differently_is_no_change():
    reordered = MAP.replace("title: Buying\npersonas: [maya]\n", "personas: maya\ntitle: Buying\n")
    assert journey_changes(version(MAP), version(reordered)) == ()


def test_touchpoints_emotions_and_pain_points():
    new = (
        MAP.replace("emotion: -2", "emotion: 0", 1)
        .replace(
            "      - touchpoint: Checkout\n        emotion: 1\n", "      - touchpoint: Payment\n        emotion: 1\n"
        )
        .replace(
            "          - Too many questions.\n",
            "          - text: Too many questions.\n            status: in-progress\n",
        )
        .replace("            text: Price changes.\n", "            text: Price changes.\n          - A new one.\n")
    )
    assert journey_changes(version(MAP), version(new)) == (
        Change("touchpoint_renamed", "", "Checkout", "Payment"),  # same place, emotion and pain points
        Change("emotion", "Quote form", "-2", "0"),  # the first of the two steps called "Quote form"
        Change("pain_point_added", "A new one."),
        Change("pain_point_status", "Too many questions.", "open", "in-progress"),
    )


def test_a_pain_point_with_an_id_keeps_its_identity_when_its_text_changes():
    new = MAP.replace("text: Price changes.", "text: The price changes.").replace("Notes.", "More notes.")
    assert journey_changes(version(MAP), version(new)) == (Change("narrative"),)
    retitled = MAP.replace("title: Buying", "title: Buying cover").replace("personas: [maya]", "personas: [maya, omar]")
    assert journey_changes(version(MAP), version(retitled)) == (Change("title", "", "Buying", "Buying cover"),)
    only_channel = MAP.replace("        emotion: 1\n", "        emotion: 1\n        channel: Web\n")
    assert journey_changes(version(MAP), version(only_channel)) == (Change("details"),)


def test_a_touchpoint_that_changes_more_than_its_name_is_removed_and_added():
    new = MAP.replace(
        "      - touchpoint: Checkout\n        emotion: 1\n", "      - touchpoint: Payment\n        emotion: 2\n"
    )
    assert journey_changes(version(MAP), version(new)) == (
        Change("touchpoint_added", "Payment"),
        Change("touchpoint_removed", "Checkout"),
    )


def test_kpis_added_removed_and_their_values():
    old = MAP.replace(
        "personas: [maya]\n",
        "personas: [maya]\nkpis:\n  - {name: Quote-to-purchase, current: 18%, target: 25%}\n  - Calls\n",
    )
    new = old.replace("current: 18%, target: 25%", "current: 16%, target: 20%").replace("  - Calls\n", "")
    new = new.replace("        emotion: 1\n", "        emotion: 1\n        kpis: [Drop-off]\n")
    assert journey_changes(version(old), version(new)) == (
        Change("kpi", "Quote-to-purchase", "18%", "16%"),
        Change("kpi_target", "Quote-to-purchase", "25%", "20%"),
        Change("kpi_added", "Checkout: Drop-off"),
        Change("kpi_removed", "Calls"),
    )


def test_added_removed_and_unreadable_versions():
    assert journey_changes(None, version(MAP)) == (Change("map_added", "Buying"),)
    assert journey_changes(version(MAP), None) == (Change("map_removed", "Buying"),)
    assert version("---\ntitle: [broken\n---\n") is None
    assert journey_version(b"\xff\xfe", "x.md") is None


def test_personas_and_catalogues():
    old = persona_version(b"---\nname: Maya\ngoals: [A]\n---\n", "maps/personas/maya.md")
    new = persona_version(b"---\nname: Maya K.\ngoals: [A, B]\n---\nBody\n", "maps/personas/maya.md")
    assert persona_changes(old, new) == (Change("fields", "name, goals"), Change("narrative"))
    before = catalogue_version(b"- id: a\n  name: A\n- id: b\n", TEAM)
    after = catalogue_version(b"- id: b\n  reviewers: '@org/b'\n- id: a\n  name: A\n", TEAM)
    assert catalogue_changes("team", before, after) == (Change("reviewers", "B", "-", "@org/b"),)
    assert catalogue_changes("team", before, before[::-1]) == (Change("order"),)
    assert catalogue_changes("stage", None, before) == (Change("catalogue_added"),)


def commit(n: int) -> Commit:
    return Commit(f"{n:040x}", "2026-01-01", f"c{n}")


def test_history_follows_renames_and_stops_where_the_file_was_added():
    log = [  # newest first
        (commit(4), [FileChange(commit(4), "M", "j/c.md", None, "3", "4")]),
        (commit(3), [FileChange(commit(3), "R", "j/c.md", "j/b.md", "2", "3")]),
        (
            commit(2),
            [
                FileChange(commit(2), "M", "j/b.md", None, "1", "2"),
                FileChange(commit(2), "M", "j/x.md", None, "8", "9"),
            ],
        ),
        (commit(1), [FileChange(commit(1), "A", "j/b.md", None, None, "1")]),
        (commit(0), [FileChange(commit(0), "D", "j/b.md", None, "0", None)]),  # an older, other file of that name
    ]
    found = file_histories(log, ["j/c.md", "j/new.md"])
    assert [c.commit.subject for c in found["j/c.md"]] == ["c4", "c3", "c2", "c1"]
    assert found["j/new.md"] == []
