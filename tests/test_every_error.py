"""One run reports every error in every file: a file whose id another file has already is
still checked, and a value YAML itself rejects does not hide the rest of its file."""

from __future__ import annotations

from helpers import MINIMAL_MAPS, write
from journeys.cli import main
from journeys.core import load_handbook

STEP = "maps/journeys/sales/buy.md"


def problems(root, files):
    write(root, {**MINIMAL_MAPS, **files})
    return [str(p) for p in load_handbook(root / "maps", root=root, custom_fields=(("backstage", "B"),)).problems]


WRONG_TYPES = """
    ---
    title: Wrong types
    personas: [maya]
    stages:
      - stage: buy
        steps:
          - touchpoint: Shop
            emotion: happy
            pain_points:
              - text: Slow
                severity: huge
    ---
"""


def test_a_file_with_a_duplicate_id_is_still_checked(tmp_path, capsys):
    found = problems(
        tmp_path,
        {
            "maps/journeys/duplicate.md": MINIMAL_MAPS["maps/journeys/buy-future.md"].replace(
                "title:", "id: wrong-types\n        title:"
            ),
            "maps/journeys/wrong-types.md": WRONG_TYPES,
        },
    )
    assert any("maps/journeys/wrong-types.md" in p and "duplicate journey id 'wrong-types'" in p for p in found)
    assert (
        "maps/journeys/wrong-types.md:8:18: stages[0].steps[0].emotion: expected a whole number from -2 to 2, got text"
        in found
    )
    assert any(
        p.startswith("maps/journeys/wrong-types.md:11:23: stages[0].steps[0].pain_points[0].severity: 'huge'")
        for p in found
    )
    # The command prints them all too.
    assert main(["check", str(tmp_path / "maps")]) == 1
    assert "severity: 'huge'" in capsys.readouterr().out


def test_a_value_yaml_rejects_does_not_hide_the_rest_of_the_file(tmp_path):
    found = problems(
        tmp_path,
        {STEP: MINIMAL_MAPS[STEP].replace("emotion: -1", "emotion: .nan").replace("severity: high", "severity: huge")},
    )
    assert f"{STEP}:19:18: stages[0].steps[0].emotion: '.nan' is not a value a map can hold; put it in quotes" in found
    assert any(p.startswith(f"{STEP}:28:23: stages[0].steps[0].pain_points[0].severity: 'huge'") for p in found)
    # The rejected value is reported once, not again as a missing key.
    assert not any("missing required key 'emotion'" in p for p in found)


def test_every_value_yaml_rejects_in_a_file_is_reported(tmp_path):
    body = (
        MINIMAL_MAPS[STEP]
        .replace("reviewed: 2020-01-01", "reviewed: 2020-02-30")
        .replace("channel: Web", "channel: !!binary aGk=")
        .replace("emotion: 1", "emotion: .inf\n                title: again")
    )
    found = problems(tmp_path, {STEP: body})
    assert f"{STEP}:6:11: reviewed: '2020-02-30' is not a valid date (YYYY-MM-DD)" in found
    assert f"{STEP}:16:18: stages[0].steps[0].channel: 'aGk=' is not a value a map can hold; put it in quotes" in found
    assert f"{STEP}:37:18: stages[1].steps[0].emotion: expected a whole number from -2 to 2, got a number" in found


def test_a_duplicate_key_keeps_the_first_value_and_checks_the_rest(tmp_path):
    found = problems(
        tmp_path,
        {
            STEP: MINIMAL_MAPS[STEP].replace(
                "summary: From quote to policy.", "summary: A\n        summary: B\n        owner: nobody"
            )
        },
    )
    assert f"{STEP}:4:1: summary: duplicate key 'summary'" in found
    assert any(p.startswith(f"{STEP}:5:8: owner: unknown team 'nobody'") for p in found)


GOOD = "---\ntitle: T\npersonas: maya\nstages: [{stage: buy, steps: [{touchpoint: Shop, emotion: 0}]}]\n---\n"


def test_a_folder_name_that_makes_no_id_is_an_error_naming_the_folder(tmp_path):
    write(
        tmp_path,
        {
            **MINIMAL_MAPS,
            "maps/journeys/???/a.md": GOOD,
            "maps/journeys/???/b.md": GOOD.replace("title: T", "title: U"),
            "maps/journeys/Home Claims/2026/c.md": GOOD,
        },
    )
    handbook = load_handbook(tmp_path / "maps", root=tmp_path, custom_fields=(("backstage", "B"),))
    assert [str(p) for p in handbook.problems] == [
        "maps/journeys/???: the folder name '???' makes no id: rename the folder with letters or digits, e.g. 'claims'"
    ]
    # The journeys in it show the error on their pages instead of publishing under no group.
    assert handbook.journey_by_id["a"].problems == handbook.problems
    assert handbook.journey_by_id["c"].folder == "Home Claims/2026"
    assert handbook.journey_by_id["c"].folder_slug == "home-claims/2026"
    assert handbook.journey_by_id["c"].problems == ()
