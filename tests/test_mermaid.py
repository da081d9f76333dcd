"""Mermaid journey diagrams to maps: the examples of Mermaid's user-journey documentation,
malformed input (one clear error with its line, never a traceback), notices for what a map
does not keep, and the round trip through `journeys import-mermaid --write` and
`load_handbook`, all or nothing. tests/test_mermaid_fixtures.py compares the import with
what Mermaid 11 makes of each fixture diagram."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import html_tree
from helpers import build_site, write
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
        ("Make tea", 5, ["Me"]),
        ("Go upstairs", 3, ["Me"]),
        ("Do work", 1, ["Me", "Cat"]),
        ("Go downstairs", 5, ["Me"]),
        ("Sit down", 5, ["Me"]),
    ]
    assert to_map(diagram, default_title="x").data == {
        "title": "My working day",
        "personas": ["me", "cat"],
        "stages": [
            {
                "stage": "go-to-work",
                "steps": [
                    {"touchpoint": "Make tea", "emotion": 2},
                    {"touchpoint": "Go upstairs", "emotion": 0},
                    {"touchpoint": "Do work", "emotion": -2},
                ],
            },
            {
                "stage": "go-home",
                "steps": [{"touchpoint": "Go downstairs", "emotion": 2}, {"touchpoint": "Sit down", "emotion": 2}],
            },
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
    data = to_map(diagram, default_title="Buy online").data
    assert (data["title"], data["personas"]) == ("Buy online", ["maya"])
    assert data["stages"][0]["steps"][0] == {"touchpoint": "Pay", "emotion": 1}


@pytest.mark.parametrize(
    "text, line, message",
    [
        (
            "flowchart TD\n  A-->B\n",
            1,
            "expected 'journey' as the first line of the diagram, got 'flowchart TD': only Mermaid journey diagrams can be imported",
        ),
        ("journey\nsection A\n  Tea: 6: Me\n", 3, "task 'Tea': the score 6 is not between 1 and 5"),
        ("journey\nsection A\n  Tea: 0: Me\n", 3, "task 'Tea': the score 0 is not between 1 and 5"),
        ("journey\nsection A\n  Tea: high: Me\n", 3, "task 'Tea': the score 'high' is not a whole number from 1 to 5"),
        ("journey\nsection A\n  Tea: 4.5: Me\n", 3, "task 'Tea': the score '4.5' is not a whole number from 1 to 5"),
        (
            "journey\n  title T\n  Tea: 3: Me\n",
            3,
            "task 'Tea' comes before the first section: add a line 'section <stage name>' above it",
        ),
        ("journey\nsection A\n", 2, "section 'A' has no tasks: add 'Task name: score: Actor' lines below it"),
        ("journey\nsection A\n  Tea:\n", 3, "cannot read 'Tea:': a task is 'Task name: score: Actor, Actor'"),
        (
            "journey\nsection A\n  Journey planning: 3: Me\n",
            3,
            "cannot read 'Journey planning: 3: Me': 'journey' starts the diagram only; "
            "Mermaid reads a line starting with 'journey' as that keyword, so write the first letter as its entity code, '#74;'",
        ),
        (
            "journey\naccDescr {\n  never closed\nsection A\n",
            2,
            "'accDescr {' is not closed: add '}' after the description",
        ),
        (
            "---\ntitle: [unclosed\n---\njourney\n",
            2,
            "the front matter is not valid YAML: expected ',' or ']', but got '<stream end>'",
        ),
        (
            "journey\nsection A\n  Make tea 5 Me\n",
            3,
            "cannot read 'Make tea 5 Me': a task is 'Task name: score: Actor, Actor'",
        ),
        ("journey\nsection A: b\n", 2, "cannot read 'section A: b': a section is 'section <stage name>', without ':'"),
        ("---\ntitle: T\njourney\n", 1, "the '---' block above the diagram is not closed: add a line '---'"),
        ("", None, "no Mermaid diagram found: the file should start with 'journey'"),
        (
            "journey\n  title Nothing\n",
            None,
            "the diagram has no sections: add 'section <stage name>' and tasks below it",
        ),
    ],
)
def test_malformed_diagrams_give_one_error_with_its_line(text, line, message):
    with pytest.raises(MermaidError) as caught:
        parse(text)
    assert (caught.value.line, caught.value.message) == (line, message)


@pytest.mark.parametrize(
    "text, line, message",
    [
        (
            "journey\nsection A\n  Tea: 3\n",
            2,
            "no task names an actor: write tasks as 'Task name: score: Actor' so the map has a persona",
        ),
        (
            "journey\nsection Buy\n  Tea: 3: Me\nsection buy\n  Pay: 3: Me\n",
            4,
            "section 'buy' is the stage 'buy' again (line 2): a map has each stage once, so merge the two sections",
        ),
    ],
)
def test_diagrams_that_make_no_valid_map(text, line, message):
    with pytest.raises(MermaidError) as caught:
        to_map(parse(text), default_title="x")
    assert (caught.value.line, caught.value.message) == (line, message)


CATALOGUE = [("discover", "Discover"), ("buy", "Buy"), ("manage", "Use & change")]


def test_sections_name_catalogue_stages_by_id_or_name():
    data = to_map(
        parse("journey\nsection Discover\n  A: 3: Me\nsection use & change\n  B: 3: Me\n"),
        default_title="x",
        stages=CATALOGUE,
    ).data
    assert [b["stage"] for b in data["stages"]] == ["discover", "manage"]


def test_an_unknown_section_suggests_a_stage():
    with pytest.raises(MermaidError) as caught:
        to_map(parse("journey\nsection Discovr\n  A: 3: Me\n"), default_title="x", stages=CATALOGUE)
    assert (caught.value.line, caught.value.message) == (
        2,
        "section 'Discovr' is not a stage in stages.yml (did you mean 'discover'?); rename the section to one of: Discover (discover), Buy (buy), Use & change (manage)",
    )


def test_sections_out_of_catalogue_order_are_an_error():
    with pytest.raises(MermaidError) as caught:
        to_map(
            parse("journey\nsection Buy\n  A: 3: Me\nsection Discover\n  B: 3: Me\n"),
            default_title="x",
            stages=CATALOGUE,
        )
    assert caught.value.line == 4
    assert (
        caught.value.message
        == "section 'Discover' comes after 'Buy', but stages.yml puts 'discover' before 'buy': reorder the sections"
    )


def test_actors_that_are_existing_personas_by_id_or_name():
    data = to_map(
        parse("journey\nsection A\n  T: 3: Priya, MAYA, Sam\n"),
        default_title="x",
        personas={"first-time-renter": "Priya", "maya": "Maya, buyer"},
    ).data
    assert data["personas"] == ["first-time-renter", "maya", "sam"]


def test_actors_match_personas_whatever_their_case_accents_or_the_rest_of_the_name():
    personas = {
        "zoe": "Zoé Martin",
        "maya": "Maya, first-time buyer",
        "landlord": "Max, landlord",
        "tenant": "Max, tenant",
    }
    data = to_map(
        parse("journey\nsection A\n  T: 3: zoe martin, MAYA, Max, Renée\n"), default_title="x", personas=personas
    )
    # "Max" names two personas' first part: a new persona, not a guess.
    assert data.data["personas"] == ["zoe", "maya", "max", "renee"]
    assert data.stubs == {"max": "Max", "renee": "Renée"}
    assert to_map(parse("journey\nsection A\n  T: 3: ZOE MARTÍN\n"), default_title="x", personas=personas).data[
        "personas"
    ] == ["zoe"]


def test_the_narrative_escapes_diagram_text():
    body = narrative(parse("journey\nsection A\n  <b>Tea</b>: 3: Me, <i>Cat</i>\n"), "<x>.mmd")
    assert not [e.tag for e in html_tree.parse(body).iter()]  # no element: every tag is text
    assert "- &lt;b&gt;Tea&lt;/b&gt;: Me, &lt;i&gt;Cat&lt;/i&gt;" in body
    body = narrative(parse("journey\nsection A\n  [x](javascript#58;alert(1)) *now*: 3: Me, Cat_1\n"), "d.mmd")
    assert "- \\[x\\](javascript:alert(1)) \\*now\\*: Me, Cat\\_1\n" in body


def test_import_write_round_trips_through_the_handbook_and_publishes(tmp_path, monkeypatch, capsys):
    write(tmp_path, {"day.mmd": WORKING_DAY, "maps/personas/me.md": "---\nname: Me, the author\n---\n"})
    monkeypatch.chdir(tmp_path)
    assert main(["import-mermaid", "day.mmd", "--write"]) == 0
    assert capsys.readouterr().out == "wrote maps/journeys/my-working-day.md\nwrote maps/personas/cat.md\n"
    handbook = load_handbook("maps")
    assert handbook.problems == ()
    journey = handbook.journey_by_id["my-working-day"]
    assert journey.personas == ("me", "cat")
    assert [(b.stage, [s.emotion for s in b.steps]) for b in journey.stages] == [
        ("go-to-work", [2, 0, -2]),
        ("go-home", [2, 2]),
    ]
    assert handbook.persona_by_id["cat"].name == "Cat"
    assert handbook.persona_by_id["me"].name == "Me, the author"  # existing persona untouched
    assert "- Do work: Me, Cat" in journey.body
    # Personas with only a name are unfinished: a warning each, which a strict build fails on.
    assert [(w.path, w.level) for w in handbook.warnings] == [
        ("maps/personas/cat.md", "warning"),
        ("maps/personas/me.md", "warning"),
    ]
    for stub in ("cat", "me"):
        path = tmp_path / "maps/personas" / f"{stub}.md"
        path.write_text(path.read_text(encoding="utf-8").replace("\nname:", "\nsummary: Works from home.\nname:", 1))
    assert load_handbook("maps").warnings == ()
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
    assert main(["import-mermaid", "day.mmd", "--write", "--id", "workday"]) == 2
    assert "a journey 'workday' exists already" in capsys.readouterr().err
    assert load_handbook("maps").persona_by_id["cat"].name == "Hand-written cat"


def test_the_command_reports_bad_input_in_one_line_without_traceback(tmp_path):
    write(tmp_path, {"bad.mmd": "journey\nsection Go\n  Tea: 9: Me\n", "bin.mmd": ""})
    (tmp_path / "bin.mmd").write_bytes(b"\xff\xfe journey")
    for name, expected in [
        ("bad.mmd", "journeys import-mermaid: bad.mmd:3: task 'Tea': the score 9 is not between 1 and 5\n"),
        ("bin.mmd", "journeys import-mermaid: bin.mmd:1:1: is not UTF-8 text (byte 0xff); save the file as UTF-8\n"),
        ("missing.mmd", "journeys import-mermaid: cannot read missing.mmd: No such file or directory\n"),
        ("/dev/zero", "journeys import-mermaid: /dev/zero: is not a regular file\n"),
        (".", "journeys import-mermaid: .: is not a regular file\n"),
    ]:
        result = subprocess.run(
            [sys.executable, "-m", "journeys.cli", "import-mermaid", name],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert (result.returncode, result.stdout, result.stderr) == (2, "", expected)


def test_a_file_name_with_a_line_break_adds_no_key_to_the_map(tmp_path, monkeypatch, capsys):
    name = "day\nsummary: injected\n# .mmd"
    (tmp_path / name).write_text(WORKING_DAY, encoding="utf-8")
    write(tmp_path, {"maps/personas/me.md": "---\nname: Me\n---\n", "maps/personas/cat.md": "---\nname: Cat\n---\n"})
    monkeypatch.chdir(tmp_path)
    assert main(["import-mermaid", name, "--id", "workday", "--write"]) == 0
    text = (tmp_path / "maps/journeys/workday.md").read_text(encoding="utf-8")
    assert text.startswith("---\n# Imported from day\\nsummary: injected\\n# .mmd by `journeys import-mermaid`.\n")
    journey = load_handbook("maps").journey_by_id["workday"]
    assert journey.problems == () and journey.summary is None


FIXTURES = Path(__file__).parent / "fixtures" / "mermaid"


def test_names_without_ascii_letters_make_numbered_ids_and_keep_their_spelling(tmp_path, monkeypatch, capsys):
    write(tmp_path, {"maps/personas/me.md": "---\nname: Me\n---\n"})
    (tmp_path / "day.mmd").write_text(
        (FIXTURES / "edge-non-ascii-names.mmd").read_text(encoding="utf-8"), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    assert main(["import-mermaid", "day.mmd", "--id", "my-day", "--write"]) == 0
    handbook = load_handbook("maps")
    assert handbook.problems == ()
    journey = handbook.journey_by_id["my-day"]
    assert journey.title == "我的一天"
    assert [b.stage for b in journey.stages] == ["stage-1", "stage-2", "stage-3", "stage-4"]
    assert [s.touchpoint for b in journey.stages for s in b.steps] == ["泡茶", "上楼", "座る", "الجلوس", "Relax"]
    assert [handbook.persona_by_id[p].name for p in journey.personas] == ["我", "猫", "私", "أنا", "🐱"]
    assert journey.personas == ("actor-1", "actor-2", "actor-3", "actor-4", "actor-5")
    err = capsys.readouterr().err
    assert "day.mmd:3: notice: section '上班' becomes the stage 'stage-1', shown as 'Stage 1'" in err


def test_accessible_title_and_description_are_kept():
    diagram = parse((FIXTURES / "edge-acc-title-descr.mmd").read_text(encoding="utf-8"))
    assert to_map(diagram, default_title="x").data["summary"] == "How the morning starts, step by step"
    assert "Accessible title of the diagram: Tea first" in narrative(diagram, "d.mmd")
    multi = parse((FIXTURES / "edge-title-after-acc-descr.mmd").read_text(encoding="utf-8"))
    assert (multi.title, to_map(multi, default_title="x").data["summary"]) == (
        "After the description",
        "A day told in two lines",
    )
    untitled = parse("journey\n  accTitle: Only accessible\n  section A\n    T: 3: Me\n")
    assert to_map(untitled, default_title="x").data["title"] == "Only accessible"


def test_what_the_map_does_not_keep_is_a_notice():
    cases = {
        "edge-extra-colon.mmd": [
            (
                3,
                "task 'Make tea': 'Cat' after a third ':' is not read, as Mermaid does not read it; separate actors with ','",
            )
        ],
        "edge-keyword-task.mmd": [
            (
                4,
                "a second title 'deed: 3: Me' replaces 'Keywords' (line 2), as in Mermaid, which reads every line starting with 'title ' as the title",
            )
        ],
    }
    for name, expected in cases.items():
        diagram = parse((FIXTURES / name).read_text(encoding="utf-8"))
        assert [(n.line, n.message) for n in diagram.notices] == expected
    diagram = parse("journey\nsection A\nsection B\n  Tea: 3: Me\n")
    assert [s.name for s in diagram.sections] == ["B"]
    assert [(n.line, n.message) for n in diagram.notices] == [
        (2, "section 'A' has no tasks, and a stage of a map needs a step: it is left out")
    ]


def test_section_spelling_without_stages_yml_is_a_notice(tmp_path, monkeypatch, capsys):
    write(tmp_path, {"maps/personas/dev.md": "---\nname: Dev\n---\n"})
    (tmp_path / "c.mmd").write_text(
        (FIXTURES / "edge-section-spelling.mmd").read_text(encoding="utf-8"), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    assert main(["import-mermaid", "c.mmd"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "c.mmd:3: notice: section 'GitHub Activity' becomes the stage 'github-activity', shown as 'Github activity': without a stages.yml "
        "a stage's name is made from its id; to keep the spelling, list the handbook's stages in stages.yml with "
        "'- id: github-activity' and 'name: GitHub Activity'",
        "c.mmd:5: notice: section 'CI and QA' becomes the stage 'ci-and-qa', shown as 'Ci and qa': without a stages.yml "
        "a stage's name is made from its id; to keep the spelling, list the handbook's stages in stages.yml with "
        "'- id: ci-and-qa' and 'name: CI and QA'",
    ]


def test_a_byte_order_mark_is_read_as_a_text_editor_does(tmp_path):
    (tmp_path / "bom.mmd").write_bytes((FIXTURES / "edge-bom-front-matter.mmd").read_bytes())
    assert (FIXTURES / "edge-bom-front-matter.mmd").read_bytes().startswith(b"\xef\xbb\xbf")
    result = subprocess.run(
        [sys.executable, "-m", "journeys.cli", "import-mermaid", "bom.mmd"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "title: BOM front matter\n" in result.stdout


def test_write_is_all_or_nothing_when_its_check_fails(tmp_path, monkeypatch, capsys):
    # `#32;` is a space: Mermaid draws a task without a name, which no map may have.
    write(tmp_path, {"day.mmd": "journey\n  section Go\n    Tea: 5: Me\n    #32;: 3: Newcomer\n"})
    write(tmp_path, {"maps/personas/me.md": "---\nname: Me\n---\n"})
    monkeypatch.chdir(tmp_path)
    before = sorted(p.relative_to(tmp_path) for p in (tmp_path / "maps").rglob("*"))
    assert main(["import-mermaid", "day.mmd", "--write"]) == 1  # the maps would have errors
    out = capsys.readouterr()
    assert out.out == "maps/journeys/day.md:12:17: stages[0].steps[1].touchpoint: is empty\n"
    assert (
        out.err == "journeys import-mermaid: nothing written: the map would not pass `journeys check` (1 error above)\n"
    )
    assert sorted(p.relative_to(tmp_path) for p in (tmp_path / "maps").rglob("*")) == before


def test_help_states_the_score_mapping(capsys):
    for command in ("import-mermaid", "export-mermaid"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        assert "emotion = score - 3, so 1 is -2, 3 is 0 (neutral) and 5 is 2." in " ".join(
            capsys.readouterr().out.split()
        )


def test_myst_fences_and_fences_with_options_hold_diagrams_too():
    for fence in ("```{mermaid}", "``` mermaid", "~~~mermaid title=day", "````mermaid"):
        closing = fence.split("mermaid")[0].split("{")[0].strip()
        diagram = parse(f"Text.\n\n{fence}\n{WORKING_DAY}{closing}\n\nMore text: 5: Me\n")
        assert (diagram.title, diagram.sections[0].line) == ("My working day", 6)


def test_a_markdown_block_is_found_past_its_comments_and_front_matter():
    block = "---\ntitle: From the front matter\n---\n%% a comment first\njourney\n  section A\n    Tea: 3: Me\n"
    text = "# Notes\n\n```mermaid\nflowchart LR\n  A --> B\n```\n\n```mermaid\n" + block + "```\n"
    diagram = parse(text)
    assert (diagram.title, diagram.sections[0].line) == ("From the front matter", 14)
    with pytest.raises(MermaidError) as caught:
        parse("# Notes\n\n```mermaid\nJOURNEY\n  section A\n```\n")
    assert (caught.value.line, caught.value.message) == (
        4,
        "expected 'journey' as the first line of the diagram, got 'JOURNEY': Mermaid's keyword is 'journey', in lower case",
    )


def test_a_diagram_of_twenty_thousand_tasks_is_read_whole():
    text = "journey\n  section A\n" + "    Tea: 3: Me\n" * 20000
    assert len(parse(text).sections[0].tasks) == 20000


@pytest.mark.parametrize(
    ("diagram", "message"),
    [
        (
            "journey\n  title Only a title\n",
            "the diagram has no sections: add 'section <stage name>' and tasks below it",
        ),
        (
            "journey\n  title Empty\n  section Order online\n",
            "line 3: section 'Order online' has no tasks: add 'Task name: score: Actor' lines below it",
        ),
        (
            "journey\n  section Style\n    Pick a font: 4: Me\n    size: 2rem: Me\n",
            "line 4: task 'size': the score '2rem' is not a whole number from 1 to 5",
        ),
    ],
)
def test_diagrams_a_map_cannot_hold_are_refused_in_one_line(diagram, message):
    with pytest.raises(MermaidError) as caught:
        parse(diagram)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("diagram", "message"),
    [
        (
            "journey\n  section Hooks\n    Send: 3\n    Retry: 2\n",
            "line 2: no task names an actor: write tasks as 'Task name: score: Actor' so the map has a persona",
        ),
        (
            "journey\n  section Wait\n    Sit: 3: Me\n  section Other\n    Go: 4: Me\n  section wait\n    Stand: 2: Me\n",
            "line 6: section 'wait' is the stage 'wait' again (line 2): a map has each stage once, so merge the two sections",
        ),
    ],
)
def test_diagrams_mermaid_draws_but_that_make_no_map_are_refused_in_one_line(diagram, message):
    with pytest.raises(MermaidError) as caught:
        to_map(parse(diagram), default_title="x")
    assert str(caught.value) == message
