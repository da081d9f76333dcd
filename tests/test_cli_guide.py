"""The editor's guide quotes the messages the check really prints: each mistake below is made
in a real handbook, and its message (with the values replaced by the guide's placeholders)
must appear in docs/editors-guide.md."""

from __future__ import annotations

import json

import pytest

from conftest import MINIMAL_MAPS, REPO, write
from journeys.core import load_handbook
from journeys.core.placeholders import SUMMARY

GUIDE = (REPO / "docs" / "editors-guide.md").read_text(encoding="utf-8")
STEP = "maps/journeys/sales/buy.md"


CASES = [
    ({STEP: "title: x\n"}, {}, "no front matter: the first line must be '---', then the map's keys, then '---'"),
    ({STEP: "---\ntitle: x\n"}, {}, "front matter is not closed: add a line '---' after the map's keys"),
    ({STEP: "---\n---\n"}, {}, "front matter is empty"),
    (
        {STEP: "---\ntitle: a: b\n---\n"},
        {},
        "YAML syntax error: mapping values are not allowed here (text that contains ': ' must be put in quotes)",
    ),
    (
        {STEP: "---\ntitle: x\n\tpersonas: y\n---\n"},
        {},
        "YAML syntax error: found character '\\t' that cannot start any token (indent with spaces, not tabs)",
    ),
    ({STEP: "---\ntitle: x\ntitle: y\n---\n"}, {"title": "X"}, "duplicate key 'X'"),
    (
        {STEP: "---\ntitle: &a x\nsummary: *a\n---\n"},
        {},
        "YAML syntax error: anchors and aliases (*name) are not supported; repeat the value",
    ),
    (
        {STEP: MINIMAL_MAPS[STEP].replace("summary:", "sumary:")},
        {"sumary": "X", "summary": "Y"},
        "X: unknown key (did you mean 'Y'?)",
    ),
    ({STEP: MINIMAL_MAPS[STEP].replace("title: Buying online", "")}, {"title": "X"}, "missing required key 'X'"),
    (
        {STEP: MINIMAL_MAPS[STEP].replace("title: Buying online", "title: 2026")},
        {},
        "expected text, got a number (put it in quotes)",
    ),
    (
        {STEP: MINIMAL_MAPS[STEP].replace("emotion: -1", "emotion: high")},
        {},
        "expected a whole number from -2 to 2, got text",
    ),
    ({STEP: MINIMAL_MAPS[STEP].replace("emotion: -1", "emotion: 3")}, {"3": "X"}, "X is not between -2 and 2"),
    (
        {STEP: MINIMAL_MAPS[STEP].replace("reviewed: 2020-01-01", "reviewed: 01/01/2020")},
        {},
        "expected a date YYYY-MM-DD, got text",
    ),
    (
        {STEP: MINIMAL_MAPS[STEP].replace("severity: high", "severity: urgent")},
        {"urgent": "X"},
        "'X' is not one of low, medium, high, critical",
    ),
    (
        {STEP: MINIMAL_MAPS[STEP].replace("- id: price-mismatch", "- id: Price")},
        {"Price": "X"},
        "'X' is not a valid id: use 1 to 63 of a-z, 0-9 and -, starting with a letter or digit",
    ),
    ({STEP: MINIMAL_MAPS[STEP].replace("personas: [maya]", "personas: []")}, {}, "needs at least 1 item"),
    ({STEP: MINIMAL_MAPS[STEP].replace("goal: Find cover.", "goal: ' '")}, {}, "is empty"),
    (
        {
            "maps/journeys/Buy Now.md": "---\ntitle: x\npersonas: maya\nstages: [{stage: buy, steps: [{touchpoint: t, emotion: 0}]}]\n---\n"
        },
        {"Buy Now": "X", "buy-now": "x"},
        "the file name 'X' is not a valid id: rename the file or add 'id: x'",
    ),
    (
        {STEP: MINIMAL_MAPS[STEP].replace("personas: [maya]", "personas: [mya]")},
        {"mya": "X", "maya": "Y"},
        "unknown persona 'X': no such id in this handbook (did you mean 'Y'?)",
    ),
    (
        {STEP: MINIMAL_MAPS[STEP].replace("stage: discover", "stage: discovr")},
        {"discovr": "X", "discover": "Y"},
        "unknown stage 'X': no such id in stages.yml (did you mean 'Y'?)",
    ),
    (
        {STEP: MINIMAL_MAPS[STEP].replace("supporting: [care]", "supporting: [car]")},
        {"care": "Y", "car": "X"},
        "unknown team 'X': no such id in teams.yml (did you mean 'Y'?)",
    ),
    (
        {
            "maps/journeys/buy-future.md": MINIMAL_MAPS["maps/journeys/buy-future.md"].replace(
                "baseline: buy", "baseline: gone"
            )
        },
        {"gone": "X"},
        "unknown journey 'X': no such id in this handbook",
    ),
    (
        {STEP: MINIMAL_MAPS[STEP].replace("addresses: [price-mismatch]", "addresses: [nothing]")},
        {"nothing": "X"},
        "unknown pain-point 'X': no such id in this handbook",
    ),
    (
        {
            STEP: MINIMAL_MAPS[STEP]
            .replace("stage: discover", "stage: tmp")
            .replace("stage: buy", "stage: discover")
            .replace("stage: tmp", "stage: buy")
        },
        {"discover": "X"},
        "stage 'X' is out of order: stages follow the order of stages.yml",
    ),
    (
        {STEP: MINIMAL_MAPS[STEP].replace("stage: buy", "stage: discover")},
        {"discover": "X", "stages[0]": "stages[N]"},
        "stage 'X' appears twice (also stages[N]); merge the two blocks",
    ),
    (
        {
            "maps/journeys/buy-future.md": MINIMAL_MAPS["maps/journeys/buy-future.md"].replace(
                "state: future", "state: current"
            )
        },
        {},
        "a baseline is only allowed with 'state: future'",
    ),
    (
        {"maps/journeys/again.md": MINIMAL_MAPS[STEP].replace("title:", "id: buy\n        title:")},
        {"buy": "X", "maps/journeys/again.md": "F", "maps/journeys/sales/buy.md": "F"},
        "duplicate journey id 'X': F has it already; rename the file or set another 'id'",
    ),
    (
        {STEP: MINIMAL_MAPS[STEP].replace("emotion: -1", "emotion: .nan")},
        {".nan": "X"},
        "'X' is not a value a map can hold; put it in quotes",
    ),
    (
        {STEP: MINIMAL_MAPS[STEP].replace("reviewed: 2020-01-01", "reviewed: 2020-02-30")},
        {"2020-02-30": "X"},
        "'X' is not a valid date (YYYY-MM-DD)",
    ),
    (
        {"maps/journeys/???/x.md": MINIMAL_MAPS["maps/journeys/buy-future.md"]},
        {"???": "X"},
        "the folder name 'X' makes no id: rename the folder with letters or digits, e.g. 'claims'",
    ),
    (
        {STEP: MINIMAL_MAPS[STEP].replace("summary: From quote to policy.", f"summary: {json.dumps(SUMMARY)}")},
        {},
        "placeholder text from 'journeys new' left in: write what is true for this map, or delete it",
    ),
    (
        {STEP: MINIMAL_MAPS[STEP].replace("We interviewed six buyers.", "[x](../nope.md)")},
        {"../nope.md": "X", "maps/journeys/nope.md": "F"},
        "link 'X': there is no file F; a link is relative to this map file",
    ),
    (
        {STEP: MINIMAL_MAPS[STEP].replace("We interviewed six buyers.", "[x](../../stages.yml)")},
        {"../../stages.yml": "X", "maps/stages.yml": "F"},
        "link 'X': F has no page of its own: link a persona or journey map, or a file of docs/",
    ),
    (
        {STEP: MINIMAL_MAPS[STEP].replace("We interviewed six buyers.", "[x](../../../x.md)")},
        {"../../../x.md": "X", "x.md": "F"},
        "link 'X': F is outside the maps folder and the docs folder (docs/), so it is not published",
    ),
]


@pytest.mark.parametrize("files, placeholders, quoted", CASES, ids=[c[2][:40] for c in CASES])
def test_the_guide_quotes_the_real_message(tmp_path, files, placeholders, quoted):
    write(tmp_path, {**MINIMAL_MAPS, **files})
    messages = []
    for problem in load_handbook(tmp_path / "maps", root=tmp_path, custom_fields=(("backstage", "B"),)).problems:
        message = f"{problem.key}: {problem.message}" if quoted.startswith("X: ") else problem.message
        for value, placeholder in placeholders.items():
            message = message.replace(value, placeholder)
        messages.append(message)
    assert quoted in messages
    assert f"`{quoted}`" in GUIDE
