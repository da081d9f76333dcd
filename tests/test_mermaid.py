"""Mermaid journey diagrams to maps: the examples of Mermaid's user-journey documentation,
malformed input (one clear error with its line, never a traceback) and the round trip
through `journeys import-mermaid --write` and `load_handbook`."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import build_site, write
from journeys.cli import main
from journeys.core import load_handbook
from journeys.core.mermaid import MermaidError, narrative, parse, to_map

# Mermaid's user-journey documentation, https://mermaid.js.org/syntax/userJourney.html
WORKING_DAY = """\
journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
"""
# The same diagram as the accessibility docs write it: front matter title, accTitle, accDescr.
WORKING_DAY_ACCESSIBLE = """\
---
title: My working day
---
journey
  accTitle: Very simple journey demo
  accDescr {
    2 main sections: work and home,
    each with just a few tasks
  }
  %% a Mermaid comment
  section Go to work
    Make tea: 5: Me
    Go upstairs: 3: Me
    Do work: 1: Me, Cat
  section Go home
    Go downstairs: 5: Me
    Sit down: 3: Me
"""


def scores(diagram):
    return [(t.name, t.score, t.actors) for s in diagram.sections for t in s.tasks]


def test_the_working_day_example():
    diagram = parse(WORKING_DAY)
    assert diagram.title == "My working day"
    assert [(s.name, s.line) for s in diagram.sections] == [("Go to work", 3), ("Go home", 7)]
    assert scores(diagram) == [
        ("Make tea", 5, ["Me"]), ("Go upstairs", 3, ["Me"]), ("Do work", 1, ["Me", "Cat"]),
        ("Go downstairs", 5, ["Me"]), ("Sit down", 5, ["Me"]),
    ]
    assert to_map(diagram, default_title="x") == {
        "title": "My working day",
        "personas": ["me", "cat"],
        "stages": [
            {"stage": "go-to-work", "steps": [
                {"touchpoint": "Make tea", "emotion": 2}, {"touchpoint": "Go upstairs", "emotion": 0},
                {"touchpoint": "Do work", "emotion": -2}]},
            {"stage": "go-home", "steps": [
                {"touchpoint": "Go downstairs", "emotion": 2}, {"touchpoint": "Sit down", "emotion": 2}]},
        ],
    }


def test_front_matter_title_accessibility_lines_and_comments():
    diagram = parse(WORKING_DAY_ACCESSIBLE)
    assert diagram.title == "My working day"
    assert [s.name for s in diagram.sections] == ["Go to work", "Go home"]
    assert scores(diagram)[-1] == ("Sit down", 3, ["Me"])


def test_a_markdown_file_with_a_mermaid_block():
    text = "# Notes\n\n```mermaid\nflowchart LR\n  A --> B\n```\n\nText.\n\n```mermaid\n" + WORKING_DAY + "```\n"
    diagram = parse(text)
    assert diagram.sections[0].line == 13  # lines count in the Markdown file
    assert len(scores(diagram)) == 5


def test_tasks_without_actors_and_a_diagram_without_title():
    diagram = parse("journey\nsection Buy\n  Pay: 4\n  Get the policy: 5: Maya\n")
    assert diagram.title is None
    data = to_map(diagram, default_title="Buy online")
    assert (data["title"], data["personas"]) == ("Buy online", ["maya"])
    assert data["stages"][0]["steps"][0] == {"touchpoint": "Pay", "emotion": 1}


@pytest.mark.parametrize("text, line, message", [
    ("flowchart TD\n  A-->B\n", 1, "expected 'journey' as the first line of the diagram, got 'flowchart TD': only Mermaid journey diagrams can be imported"),
    ("journey\nsection A\n  Tea: 6: Me\n", 3, "task 'Tea': the score 6 is not between 1 and 5"),
    ("journey\nsection A\n  Tea: 0: Me\n", 3, "task 'Tea': the score 0 is not between 1 and 5"),
    ("journey\nsection A\n  Tea: high: Me\n", 3, "task 'Tea': the score 'high' is not a whole number from 1 to 5"),
    ("journey\nsection A\n  Tea: 4.5: Me\n", 3, "task 'Tea': the score '4.5' is not a whole number from 1 to 5"),
    ("journey\n  title T\n  Tea: 3: Me\n", 3, "task 'Tea' comes before the first section: add a line 'section <stage name>' above it"),
    ("journey\nsection A\nsection B\n  Tea: 3: Me\n", 2, "section 'A' has no tasks: add 'Task name: score: Actor' lines below it"),
    ("journey\nsection A\n  Make tea 5 Me\n", 3, "cannot read 'Make tea 5 Me': a task is 'Task name: score: Actor, Actor'"),
    ("journey\nsection A: b\n", 2, "cannot read 'section A: b': a section is 'section <stage name>', without ':'"),
    ("---\ntitle: T\njourney\n", 1, "the '---' block above the diagram is not closed: add a line '---'"),
    ("", None, "no Mermaid diagram found: the file should start with 'journey'"),
    ("journey\n  title Nothing\n", None, "the diagram has no sections: add 'section <stage name>' and tasks below it"),
])
def test_malformed_diagrams_give_one_error_with_its_line(text, line, message):
    with pytest.raises(MermaidError) as caught:
        parse(text)
    assert (caught.value.line, caught.value.message) == (line, message)


@pytest.mark.parametrize("text, line, message", [
    ("journey\nsection A\n  Tea: 3\n", 2, "no task names an actor: write tasks as 'Task name: score: Actor' so the map has a persona"),
    ("journey\nsection A\n  Tea: 3: ***\n", 3, "actor '***' makes no persona id: use letters or digits in actor names"),
    ("journey\nsection Buy\n  Tea: 3: Me\nsection buy\n  Pay: 3: Me\n", 4,
     "section 'buy' is the stage 'buy' again (line 2): a map has each stage once, so merge the two sections"),
])
def test_diagrams_that_make_no_valid_map(text, line, message):
    with pytest.raises(MermaidError) as caught:
        to_map(parse(text), default_title="x")
    assert (caught.value.line, caught.value.message) == (line, message)


CATALOGUE = [("discover", "Discover"), ("buy", "Buy"), ("manage", "Use & change")]


def test_sections_name_catalogue_stages_by_id_or_name():
    data = to_map(parse("journey\nsection Discover\n  A: 3: Me\nsection use & change\n  B: 3: Me\n"), default_title="x", stages=CATALOGUE)
    assert [b["stage"] for b in data["stages"]] == ["discover", "manage"]


def test_an_unknown_section_suggests_a_stage():
    with pytest.raises(MermaidError) as caught:
        to_map(parse("journey\nsection Discovr\n  A: 3: Me\n"), default_title="x", stages=CATALOGUE)
    assert (caught.value.line, caught.value.message) == (
        2, "section 'Discovr' is not a stage in stages.yml (did you mean 'discover'?); rename the section to one of: discover, buy, manage")


def test_sections_out_of_catalogue_order_are_an_error():
    with pytest.raises(MermaidError) as caught:
        to_map(parse("journey\nsection Buy\n  A: 3: Me\nsection Discover\n  B: 3: Me\n"), default_title="x", stages=CATALOGUE)
    assert caught.value.line == 4
    assert caught.value.message == "section 'Discover' comes after 'Buy', but stages.yml puts 'discover' before 'buy': reorder the sections"


def test_actors_that_are_existing_personas_by_id_or_name():
    data = to_map(parse("journey\nsection A\n  T: 3: Priya, MAYA, Sam\n"), default_title="x",
                  personas={"first-time-renter": "Priya", "maya": "Maya, buyer"})
    assert data["personas"] == ["first-time-renter", "maya", "sam"]


def test_the_narrative_escapes_diagram_text():
    body = narrative(parse("journey\nsection A\n  <b>Tea</b>: 3: Me, <i>Cat</i>\n"), "<x>.mmd")
    assert "<b>" not in body and "<i>" not in body and "<x>" not in body
    assert "- &lt;b&gt;Tea&lt;/b&gt;: Me, &lt;i&gt;Cat&lt;/i&gt;" in body


def test_import_write_round_trips_through_the_handbook_and_publishes(tmp_path, monkeypatch, capsys):
    write(tmp_path, {"day.mmd": WORKING_DAY, "maps/personas/me.md": "---\nname: Me, the author\n---\n"})
    monkeypatch.chdir(tmp_path)
    assert main(["import-mermaid", "day.mmd", "--write"]) == 0
    assert capsys.readouterr().out == "wrote maps/journeys/my-working-day.md\nwrote maps/personas/cat.md\n"
    handbook = load_handbook("maps")
    assert handbook.problems == ()
    journey = handbook.journey_by_id["my-working-day"]
    assert journey.personas == ("me", "cat")
    assert [(b.stage, [s.emotion for s in b.steps]) for b in journey.stages] == [("go-to-work", [2, 0, -2]), ("go-home", [2, 2])]
    assert handbook.persona_by_id["cat"].name == "Cat"
    assert handbook.persona_by_id["me"].name == "Me, the author"  # existing persona untouched
    assert "- Do work: Me, Cat" in journey.body
    result = build_site(tmp_path, config={"plugins": ["search", "journeys"]})
    assert result.ok, result.warnings
    assert "Make tea" in result.html("journeys/my-working-day/")


def test_import_prints_without_write_and_refuses_to_overwrite(tmp_path, monkeypatch, capsys):
    write(tmp_path, {"day.mmd": WORKING_DAY, "maps/personas/me.md": "---\nname: Me\n---\n"})
    monkeypatch.chdir(tmp_path)
    assert main(["import-mermaid", "day.mmd", "--id", "workday"]) == 0
    out = capsys.readouterr()
    assert out.out.startswith("---\n# Imported from day.mmd by `journeys import-mermaid`.\ntitle: My working day\n")
    assert out.err == "new personas cat: --write creates them as stubs\n"
    assert not (tmp_path / "maps/journeys").exists()
    write(tmp_path, {"maps/personas/cat.md": "---\nname: Hand-written cat\n---\n"})
    assert main(["import-mermaid", "day.mmd", "--write", "--id", "workday"]) == 0
    assert main(["import-mermaid", "day.mmd", "--write", "--id", "workday"]) == 1
    assert "a journey 'workday' exists already" in capsys.readouterr().err
    assert load_handbook("maps").persona_by_id["cat"].name == "Hand-written cat"


def test_the_command_reports_bad_input_in_one_line_without_traceback(tmp_path):
    write(tmp_path, {"bad.mmd": "journey\nsection Go\n  Tea: 9: Me\n", "bin.mmd": ""})
    (tmp_path / "bin.mmd").write_bytes(b"\xff\xfe journey")
    for name, expected in [
        ("bad.mmd", "journeys import-mermaid: bad.mmd:3: task 'Tea': the score 9 is not between 1 and 5\n"),
        ("bin.mmd", "journeys import-mermaid: bin.mmd is not UTF-8 text; save it as UTF-8\n"),
        ("missing.mmd", "journeys import-mermaid: cannot read missing.mmd: No such file or directory\n"),
    ]:
        result = subprocess.run([sys.executable, "-m", "journeys.cli", "import-mermaid", name],
                                cwd=tmp_path, capture_output=True, text=True)
        assert (result.returncode, result.stdout, result.stderr) == (1, "", expected)
