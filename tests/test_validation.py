"""Every validation rule of the spec, with the location each message names: the broken inputs
of tests/broken_inputs.py, and the cases that need a handbook of their own."""

from __future__ import annotations

import pytest

from broken_inputs import CASES, ids, write_handbook
from broken_inputs import CUSTOM_FIELDS as CUSTOM
from helpers import MINIMAL_MAPS, write
from journeys.core import load_handbook


def problems(root, files=None, custom=CUSTOM):
    write(root, {**MINIMAL_MAPS, **(files or {})})
    handbook = load_handbook(root / "maps", custom_fields=custom, root=root)
    return [str(p) for p in handbook.problems]


JOURNEY = "maps/journeys/x.md"


STEPS = """
stages:
  - stage: buy
    steps:
      - touchpoint: Shop
        emotion: 0
"""


def test_valid_handbook_has_no_problems(tmp_path):
    assert problems(tmp_path) == []


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_rule_and_location(tmp_path, case):
    write_handbook(tmp_path, case)
    handbook = load_handbook(tmp_path / "maps", custom_fields=CUSTOM, root=tmp_path)
    found = [str(p) for p in handbook.problems + handbook.warnings]
    if case.located is None:
        assert found == []
    else:
        assert case.located in found


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
