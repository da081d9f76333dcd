"""`journeys export-mermaid`: maps as Mermaid journey diagrams, and back. Importing an export
gives the same title, summary, personas, stages, touchpoints and emotions, on every map of
the demo handbook and on names full of Mermaid's syntax. What Mermaid 11 itself reads in the
exported hostile diagram is recorded in fixtures/mermaid/mermaid-11.json (export-hostile.mmd),
and test_mermaid_fixtures.py checks that the import reads it alike."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import REPO, write
from journeys.cli import main
from journeys.cli.site_config import read_options
from journeys.core import load_handbook
from journeys.core.mermaid import parse, to_map
from journeys.core.mermaid_export import to_mermaid
from journeys.core.model import Journey, StageBlock, Step

FIXTURES = Path(__file__).parent / "fixtures" / "mermaid"
DEMO = load_handbook(
    str(REPO / "maps"), root=str(REPO), custom_fields=read_options(str(REPO / "mkdocs.yml")).custom_fields
)

# Every touchpoint is something Mermaid's grammar would otherwise read as syntax.
HOSTILE_TOUCHPOINTS = [
    "Colon: here",
    "Semi; colon",
    "Hash # sign",
    "Two\nlines",
    "%% not a comment",
    "100%% sure",
    "Journey planning",
    "title deed check",
    "Section 8 form",
    "accTitle: sneaky",
    "accDescr {x}",
    "Fish &amp; chips",
    "A <br> tag",
    "Written #35; code",
    "a%%b",
    "Commas, and more",
    "emoji 🎉 and 中文",
    "---",
    "%%{init: {}}%%",
    "Score: 5: Me",
]
HOSTILE = {
    "maps/stages.yml": yaml.safe_dump(
        [{"id": "pay", "name": "Pay: now; #1 %% <b>"}, {"id": "after", "name": "After, all"}]
    ),
    "maps/personas/maya.md": "---\nname: 'Maya, first-time buyer: 2nd'\n---\n",
    "maps/personas/sam.md": "---\nname: 'Sam #1; the %%boss'\n---\n",
    "maps/journeys/hostile.md": "---\n"
    + yaml.safe_dump(
        {
            "title": "Title: with #hash; and %% signs",
            "summary": "Sum; mary # with %% and: colons",
            "personas": ["maya", "sam"],
            "stages": [
                {
                    "stage": "pay",
                    "steps": [{"touchpoint": t, "emotion": n % 5 - 2} for n, t in enumerate(HOSTILE_TOUCHPOINTS[:12])],
                },
                {
                    "stage": "after",
                    "steps": [{"touchpoint": t, "emotion": n % 5 - 2} for n, t in enumerate(HOSTILE_TOUCHPOINTS[12:])],
                },
            ],
        },
        allow_unicode=True,
        sort_keys=False,
    )
    + "---\n",
}


def exported(handbook, journey) -> str:
    return to_mermaid(
        journey,
        stage_names={s.id: s.name for s in handbook.stages},
        persona_names={p.id: p.name for p in handbook.personas},
    )


def reimported(handbook, journey) -> dict:
    return to_map(
        parse(exported(handbook, journey)),
        default_title="x",
        stages=[(s.id, s.name) for s in handbook.stages],
        personas={p.id: p.name for p in handbook.personas},
    ).data


def as_map(journey) -> dict:
    data = {"title": journey.title}
    if journey.summary:
        data["summary"] = " ".join(journey.summary.split())
    data["personas"] = list(journey.personas)
    data["stages"] = [
        {"stage": b.stage, "steps": [{"touchpoint": s.touchpoint, "emotion": s.emotion} for s in b.steps]}
        for b in journey.stages
    ]
    return data


@pytest.mark.parametrize("journey", DEMO.journeys, ids=lambda j: j.id)
def test_every_demo_map_comes_back_from_its_diagram(journey):
    assert DEMO.problems == ()
    assert reimported(DEMO, journey) == as_map(journey)


def hostile_handbook(tmp_path):
    write(tmp_path, HOSTILE)
    handbook = load_handbook(str(tmp_path / "maps"), root=str(tmp_path))
    assert handbook.problems == ()
    return handbook


def test_names_full_of_mermaid_syntax_come_back_unchanged(tmp_path):
    handbook = hostile_handbook(tmp_path)
    journey = handbook.journey_by_id["hostile"]
    assert [s.touchpoint for b in journey.stages for s in b.steps] == HOSTILE_TOUCHPOINTS
    assert reimported(handbook, journey) == as_map(journey)
    diagram = parse(exported(handbook, journey))
    assert [s.name for s in diagram.sections] == [handbook.stage_by_id[b.stage].name for b in journey.stages]
    assert diagram.sections[0].name.startswith("Pay: now; #1 %% ")
    assert diagram.sections[0].tasks[0].actors == ["Maya, first-time buyer: 2nd", "Sam #1; the %%boss"]
    assert diagram.notices == []


def test_the_hostile_export_is_the_fixture_mermaid_was_shown(tmp_path):
    handbook = hostile_handbook(tmp_path)
    assert exported(handbook, handbook.journey_by_id["hostile"]) == (FIXTURES / "export-hostile.mmd").read_text(
        encoding="utf-8"
    )
    recorded = json.loads((FIXTURES / "mermaid-11.json").read_text(encoding="utf-8"))["export-hostile.mmd"]
    assert len(recorded["tasks"]) == len(HOSTILE_TOUCHPOINTS)


def test_the_diagram_maps_emotion_to_score_and_names_stages_and_personas(tmp_path):
    write(
        tmp_path,
        {
            "maps/personas/me.md": "---\nname: Me\n---\n",
            "maps/journeys/day.md": "---\ntitle: My day\npersonas: [me]\nstages:\n  - stage: go-to-work\n    steps:\n"
            "      - {touchpoint: Make tea, emotion: 2}\n      - {touchpoint: Do work, emotion: -2}\n"
            "  - stage: go-home\n    steps:\n      - {touchpoint: Sit down, emotion: 0}\n---\n",
        },
    )
    handbook = load_handbook(str(tmp_path / "maps"), root=str(tmp_path))
    assert exported(handbook, handbook.journey_by_id["day"]) == (
        "%% journey day, exported by `journeys export-mermaid`\n"
        "journey\n  title My day\n"
        "  section Go to work\n    Make tea: 5: Me\n    Do work: 1: Me\n"
        "  section Go home\n    Sit down: 3: Me\n"
    )


def test_the_command_prints_one_journey_or_writes_all(tmp_path, monkeypatch, capsys):
    write(tmp_path, HOSTILE)
    monkeypatch.chdir(tmp_path)
    assert main(["export-mermaid", "hostile"]) == 0
    printed = capsys.readouterr().out
    assert printed == (FIXTURES / "export-hostile.mmd").read_text(encoding="utf-8")
    assert main(["export-mermaid", "--all", "out"]) == 0
    assert capsys.readouterr().out == "wrote 1 diagram to out\n"
    assert (tmp_path / "out/hostile.mmd").read_text(encoding="utf-8") == printed
    write(tmp_path, {"maps/journeys/copy.md": (tmp_path / "maps/journeys/hostile.md").read_text(encoding="utf-8")})
    assert main(["import-mermaid", "out/hostile.mmd", "--id", "back", "--write"]) == 0
    back = load_handbook("maps").journey_by_id["back"]
    assert as_map(back) == as_map(load_handbook("maps").journey_by_id["hostile"])


def test_an_unknown_journey_is_one_line_with_a_suggestion(tmp_path):
    write(tmp_path, HOSTILE)
    result = subprocess.run(
        [sys.executable, "-m", "journeys.cli", "export-mermaid", "hostle"], cwd=tmp_path, capture_output=True, text=True
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "journeys export-mermaid: no journey 'hostle' in maps (did you mean 'hostile'?)\n"


def test_a_map_with_problems_is_not_exported(tmp_path, monkeypatch, capsys):
    write(tmp_path, HOSTILE)
    write(
        tmp_path,
        {
            "maps/journeys/bad.md": "---\ntitle: Bad\npersonas: [maya]\nstages:\n  - stage: pay\n    steps:\n"
            "      - {touchpoint: Pay, emotion: 7}\n---\n"
        },
    )
    monkeypatch.chdir(tmp_path)
    problem = "maps/journeys/bad.md:7:36: stages[0].steps[0].emotion: 7 is not between -2 and 2\n"
    assert main(["export-mermaid", "bad"]) == 1
    assert (
        capsys.readouterr().err
        == problem + "journeys export-mermaid: maps/journeys/bad.md has problems (above): fix them, then export it\n"
    )
    assert main(["export-mermaid", "--all", "out"]) == 1
    out = capsys.readouterr()
    assert (out.out, sorted(p.name for p in (tmp_path / "out").iterdir())) == (
        "wrote 1 diagram to out\n",
        ["hostile.mmd"],
    )
    assert (
        out.err
        == problem + "journeys export-mermaid: not exported, because of the problems above: maps/journeys/bad.md\n"
    )


# Any text but surrogates and carriage returns (a map's YAML has none: it reads "\r\n" as "\n"),
# without spaces at its ends, which Mermaid does not keep.
NAMES = (
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), min_size=1)
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=300, deadline=None)
@given(title=NAMES, stage=NAMES, touchpoint=NAMES, persona=NAMES, emotion=st.integers(-2, 2))
def test_any_text_comes_back_from_the_diagram(title, stage, touchpoint, persona, emotion):
    journey = Journey(
        id="j",
        title=title,
        source="j.md",
        folder="",
        personas=("p",),
        stages=(StageBlock("s", (Step(touchpoint, emotion),)),),
    )
    diagram = parse(to_mermaid(journey, stage_names={"s": stage}, persona_names={"p": persona}))
    assert (diagram.title, diagram.notices) == (title, [])
    assert [(s.name, [(t.name, t.score, t.actors) for t in s.tasks]) for s in diagram.sections] == [
        (stage, [(touchpoint, emotion + 3, [persona])])
    ]
