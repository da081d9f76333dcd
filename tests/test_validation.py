"""Every validation rule of the spec, with the location each message names."""

from __future__ import annotations

import pytest

from conftest import MINIMAL_MAPS, write
from journeys.core import load_handbook

CUSTOM = (("backstage", "Behind the scenes"),)


def problems(root, files=None, custom=CUSTOM):
    write(root, {**MINIMAL_MAPS, **(files or {})})
    handbook = load_handbook(root / "maps", custom_fields=custom, root=root)
    return [str(p) for p in handbook.problems]


JOURNEY = "maps/journeys/x.md"


def journey(body: str) -> dict:
    return {JOURNEY: "---\n" + body.strip("\n") + "\n---\n"}


STEPS = """
stages:
  - stage: buy
    steps:
      - touchpoint: Shop
        emotion: 0
"""


def test_valid_handbook_has_no_problems(tmp_path):
    assert problems(tmp_path) == []


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "title: T\npersonas: [maya]\nstages:\n  - stage: buy\n    steps:\n      - touchpoint: Shop\n        emotion: 5\n",
            "maps/journeys/x.md:8:18: stages[0].steps[0].emotion: 5 is not between -2 and 2",
        ),
        (
            "title: T\npersona: [maya]\n" + STEPS,
            "maps/journeys/x.md:3:1: persona: unknown key (did you mean 'personas'?)",
        ),
        (
            "title: T\npersonas: [mayaa]\n" + STEPS,
            "maps/journeys/x.md:3:12: personas[0]: unknown persona 'mayaa': no such id in this handbook (did you mean 'maya'?)",
        ),
        (
            "title: T\npersonas: [maya]\n" + STEPS.replace("stage: buy", "stage: bye"),
            "maps/journeys/x.md:6:12: stages[0].stage: unknown stage 'bye': no such id in stages.yml (did you mean 'buy'?)",
        ),
        (
            "title: T\npersonas: [maya]\nowner: sale\n" + STEPS,
            "maps/journeys/x.md:4:8: owner: unknown team 'sale': no such id in teams.yml (did you mean 'sales'?)",
        ),
        (
            "title: T\npersonas: [maya]\nbaseline: buy\n" + STEPS,
            "maps/journeys/x.md:4:1: baseline: a baseline is only allowed with 'state: future'",
        ),
        (
            "title: T\npersonas: [maya]\nstate: future\nbaseline: nope\n" + STEPS,
            "maps/journeys/x.md:5:11: baseline: unknown journey 'nope': no such id in this handbook",
        ),
        (
            "title: T\npersonas: [maya]\nstate: futur\n" + STEPS,
            "maps/journeys/x.md:4:8: state: 'futur' is not one of current, future (did you mean 'future'?)",
        ),
        (
            "title: T\npersonas: [maya]\nreviewed: last week\n" + STEPS,
            "maps/journeys/x.md:4:11: reviewed: expected a date YYYY-MM-DD, got text",
        ),
        ("personas: [maya]\n" + STEPS, "maps/journeys/x.md:2:1: missing required key 'title'"),
        (
            "title: 2024\npersonas: [maya]\n" + STEPS,
            "maps/journeys/x.md:2:8: title: expected text, got a number (put it in quotes)",
        ),
        ("title: T\npersonas: [maya]\nstages: []\n", "maps/journeys/x.md:4:9: stages: needs at least 1 item"),
        (
            "title: T\npersonas: [maya]\nstages:\n  - stage: buy\n    steps: []\n",
            "maps/journeys/x.md:6:12: stages[0].steps: needs at least 1 item",
        ),
        (
            "title: T\npersonas: [maya]\nstages:\n  - stage: buy\n    steps:\n      - touchpoint: S\n        emotion: 1\n        mood: 2\n",
            "maps/journeys/x.md:9:9: stages[0].steps[0].mood: unknown key",
        ),
        (
            "title: T\npersonas: [maya]\nstages:\n  - stage: buy\n    steps:\n      - touchpoint: S\n        emotion: 1\n        pain_points: [{text: P, severity: hihg}]\n",
            "maps/journeys/x.md:9:43: stages[0].steps[0].pain_points[0].severity: 'hihg' is not one of low, medium, high, critical (did you mean 'high'?)",
        ),
        (
            "title: T\npersonas: [maya]\nstages:\n  - stage: buy\n    steps:\n      - touchpoint: S\n        emotion: 1\n        opportunities: [{text: O, addresses: [price-mismatc]}]\n",
            "maps/journeys/x.md:9:47: stages[0].steps[0].opportunities[0].addresses[0]: unknown pain-point 'price-mismatc': no such id in this handbook (did you mean 'price-mismatch'?)",
        ),
        (
            "title: T\npersonas: [maya]\nstages:\n  - stage: buy\n    steps:\n      - touchpoint: S\n        emotion: 1\n  - stage: discover\n    steps:\n      - touchpoint: S\n        emotion: 1\n",
            "maps/journeys/x.md:9:12: stages[1].stage: stage 'discover' is out of order: stages follow the order of stages.yml",
        ),
        (
            "title: T\npersonas: [maya]\nstages:\n  - stage: buy\n    steps:\n      - touchpoint: S\n        emotion: 1\n  - stage: buy\n    steps:\n      - touchpoint: S\n        emotion: 1\n",
            "maps/journeys/x.md:9:12: stages[1].stage: stage 'buy' appears twice (also stages[0]); merge the two blocks",
        ),
        (
            "title: T\nid: Not Valid\npersonas: [maya]\n" + STEPS,
            "maps/journeys/x.md:3:5: id: 'Not Valid' is not a valid id: use 1 to 63 of a-z, 0-9 and -, starting with a letter or digit",
        ),
        (
            "title: T\npersonas: [maya]\nkpis: [{current: 3}]\n" + STEPS,
            "maps/journeys/x.md:4:8: kpis[0]: missing required key 'name'",
        ),
        (
            "title: T: with colon\npersonas: [maya]\n" + STEPS,
            "maps/journeys/x.md:2:9: YAML syntax error: mapping values are not allowed here (text that contains ': ' must be put in quotes)",
        ),
    ],
)
def test_rule_and_location(tmp_path, body, expected):
    assert expected in problems(tmp_path, {JOURNEY: "---\n" + body + "---\n"})


def test_custom_field_is_unknown_unless_declared(tmp_path):
    found = problems(tmp_path, custom=())
    assert "maps/journeys/sales/buy.md:24:9: stages[0].steps[0].backstage: unknown key" in found


def test_duplicate_ids_across_folders(tmp_path):
    found = problems(tmp_path, {"maps/journeys/other/buy.md": MINIMAL_MAPS["maps/journeys/sales/buy.md"]})
    assert any(
        p.startswith("maps/journeys/sales/buy.md")
        and "duplicate journey id 'buy': maps/journeys/other/buy.md has it already" in p
        for p in found
    ), found


def test_file_name_that_is_not_an_id_asks_for_one(tmp_path):
    found = problems(tmp_path, {"maps/personas/Maya Smith.md": "---\nname: Maya\n---\n"})
    assert found == [
        "maps/personas/Maya Smith.md:2:1: the file name 'Maya Smith' is not a valid id: rename the file or add 'id: maya-smith'"
    ]


def test_catalogue_errors_and_team_free_text(tmp_path):
    found = problems(tmp_path, {"maps/stages.yml": "- id: discover\n- id: buy\n- id: discover\n- name: No id\n"})
    assert "maps/stages.yml:3:7: [2].id: duplicate stage id 'discover' (also entry 0)" in found
    assert "maps/stages.yml:4:3: [3]: missing required key 'id'" in found


def test_without_teams_yml_owners_are_free_text_named_by_first_spelling(tmp_path):
    write(tmp_path, MINIMAL_MAPS)
    (tmp_path / "maps/teams.yml").unlink()
    text = MINIMAL_MAPS["maps/journeys/buy-future.md"].replace("owner: care", "owner: Sales ")
    write(tmp_path, {"maps/journeys/buy-future.md": text})
    handbook = load_handbook(tmp_path / "maps", custom_fields=CUSTOM, root=tmp_path)
    assert handbook.problems == ()
    assert [(t.id, t.name) for t in handbook.teams] == [("care", "care"), ("sales", "Sales")]
    assert handbook.journey_by_id["buy-future"].stages[0].steps[0].owner == "sales"


def test_without_stages_yml_stages_follow_first_appearance(tmp_path):
    write(tmp_path, MINIMAL_MAPS)
    (tmp_path / "maps/stages.yml").unlink()
    handbook = load_handbook(tmp_path / "maps", custom_fields=CUSTOM, root=tmp_path)
    assert [(s.id, s.name) for s in handbook.stages] == [("discover", "Discover"), ("buy", "Buy")]


def test_every_error_in_every_file_in_one_run(tmp_path):
    found = problems(
        tmp_path,
        {
            "maps/personas/bad.md": "---\nname: [x]\n---\n",
            JOURNEY: "---\ntitle: T\npersonas: [ghost]\n" + STEPS.replace("emotion: 0", "emotion: 9") + "---\n",
        },
    )
    assert len(found) == 3
    assert found == sorted(found)


def test_future_baseline_must_be_current(tmp_path):
    found = problems(
        tmp_path, {JOURNEY: "---\ntitle: T\npersonas: [maya]\nstate: future\nbaseline: buy-future\n" + STEPS + "---\n"}
    )
    assert (
        "maps/journeys/x.md:5:11: baseline: 'buy-future' is a future-state journey; a baseline must be a current-state one"
        in found
    )


def test_ignored_files_and_no_maps(tmp_path):
    write(tmp_path, {"maps/personas/_draft.md": "not even front matter", "maps/journeys/.hidden.md": "x"})
    found = [str(p) for p in load_handbook(tmp_path / "maps", root=tmp_path).problems]
    assert found == [
        "maps/journeys: no journey: add at least one file journeys/<id>.md",
        "maps/personas: no persona: add at least one file personas/<id>.md",
    ]
    assert [str(p) for p in load_handbook(tmp_path / "nowhere", root=tmp_path).problems] == [
        "nowhere: maps folder not found"
    ]


@pytest.mark.parametrize(
    "image, ok",
    [
        ("https://example.com/maya.png", True),
        ("assets/maya.png", True),
        ("javascript:alert(1)", False),
        ("data:image/png;base64,xx", False),
        ("http://example.com/a.png", False),
        ("//evil.example/a.png", False),
    ],
)
def test_persona_image_is_https_or_a_docs_path(tmp_path, image, ok):
    found = problems(tmp_path, {"maps/personas/omar.md": f"---\nname: Omar\nimage: '{image}'\n---\n"})
    expected = f"maps/personas/omar.md:3:8: image: '{image}' is not an https URL or a path relative to the docs folder"
    assert found == ([] if ok else [expected])
