"""Every diagram under tests/fixtures/mermaid/ (Mermaid's own test diagrams, docs and demos,
and one diagram of each kind that the import once got wrong) is imported as Mermaid 11 reads
it. mermaid-11.json holds what Mermaid's parser made of each file (see the README there);
a diagram Mermaid refuses, or draws but a map cannot hold, is refused in one line."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from journeys.core.mermaid import MermaidError, parse, to_map

FIXTURES = Path(__file__).parent / "fixtures" / "mermaid"
RECORDED = json.loads((FIXTURES / "mermaid-11.json").read_text(encoding="utf-8"))

NO_TASKS = "section 'Order from website' has no tasks: add 'Task name: score: Actor' lines below it"
# What the import says where Mermaid refuses the diagram, or draws what a map cannot hold
# (a score that is not a number, a diagram without tasks).
REFUSED = {
    "edge-semicolon.mmd": "line 4: cannot read 'Make tea: 5: Me; Go upstairs: 3: Me': Mermaid's journey diagrams have no ';', "
    "so it cannot end a statement; put each task on a line of its own",
    "edge-uppercase-journey.mmd": "line 1: expected 'journey' as the first line of the diagram, got 'JOURNEY': "
    "Mermaid's keyword is 'journey', in lower case",
}


def shown(value: str) -> str | None:
    """What Mermaid shows for a parsed name, without the spaces around it: `<br>` as a line
    break (its renderer splits lines before it decodes entities), then its entity
    placeholders decoded as its renderer does."""
    value = re.sub(r"<br\s*/?>", "\n", value, flags=re.IGNORECASE)
    value = re.sub(r"ﬂ°°(\w+)¶ß", r"&#\1;", value)
    return html.unescape(re.sub(r"ﬂ°(\w+)¶ß", r"&\1;", value)).strip() or None


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_every_fixture_is_recorded_and_every_recording_has_its_file():
    assert sorted(p.name for p in FIXTURES.glob("*.mmd")) == sorted(RECORDED)
    assert all("error" not in RECORDED[name] for name in RECORDED if name not in REFUSED)


@pytest.mark.parametrize("name", sorted(set(RECORDED) - set(REFUSED)))
def test_the_import_reads_the_diagram_as_mermaid_does(name):
    expected, diagram = RECORDED[name], parse(read(name))
    assert (diagram.title, diagram.acc_title, diagram.acc_description) == (
        shown(expected["title"]),
        shown(expected["accTitle"]),
        shown(expected["accDescr"]),
    )
    assert [(s.name, t.name, t.score, t.actors) for s in diagram.sections for t in s.tasks] == [
        (shown(section), shown(task), score, [shown(p) for p in people if shown(p)])
        for section, task, score, people in expected["tasks"]
    ]


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_diagram_mermaid_refuses_or_a_map_cannot_hold_is_refused_in_one_line(name):
    with pytest.raises(MermaidError) as caught:
        parse(read(name))
    assert str(caught.value) == REFUSED[name]
    assert "error" in RECORDED[name]


# Diagrams Mermaid draws and the import reads, but that make no valid map.
NO_MAP = {}


@pytest.mark.parametrize("name", sorted(set(RECORDED) - set(REFUSED)))
def test_each_step_s_emotion_is_the_score_minus_3_or_the_map_is_refused_in_one_line(name):
    diagram = parse(read(name))
    if name in NO_MAP:
        with pytest.raises(MermaidError) as caught:
            to_map(diagram, default_title="x")
        assert str(caught.value) == NO_MAP[name]
        return
    data = to_map(diagram, default_title="x").data
    assert [step["emotion"] for block in data["stages"] for step in block["steps"]] == [
        task.score - 3 for section in diagram.sections for task in section.tasks
    ]
    assert [[step["touchpoint"] for step in block["steps"]] for block in data["stages"]] == [
        [task.name for task in section.tasks] for section in diagram.sections
    ]
