"""One record per field: every key of the map format (`Key` in core/schema.py) says whether a
public build shows it, fills a typed model field, and carries what a form editor needs; and a
step field added the way docs/contributing.md says, in the number of edits it says, validates,
reaches journeys.json, shows as a lane, stays out of a public build unless `public_fields`
names it, and appears in `journeys new` and `journeys schema`."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from helpers import REPO
from journeys.core import schema
from journeys.core.audience import public_field_choices
from journeys.core.schema import INTERNAL, PERSONA, PUBLIC, STAGE, TEAM, ListOf, Record, journey_record, records_in

CUSTOM = (("backstage", "Behind the scenes"),)


def every_record() -> list[Record]:
    return [*records_in(journey_record(CUSTOM)), PERSONA, STAGE, TEAM]


def every_key():
    for record in every_record():
        for key in record.keys:
            yield record, key


def test_every_key_decides_whether_a_public_build_shows_it():
    keys = list(every_key())
    assert len(keys) > 50
    assert [f"{r.name}.{k.name}" for r, k in keys if k.audience not in (PUBLIC, INTERNAL)] == []


def test_the_internal_facing_keys_are_those_of_the_format_and_public_fields_takes_them():
    # Map format 1.1, "Visibility and public builds", and a team's code-host handles.
    internal = {k.name for _, k in every_key() if k.audience == INTERNAL}
    assert internal == {"owner", "supporting", "tools", "kpis", "evidence", "gaps", "reviewers", "backstage"}
    assert sorted(public_field_choices(["backstage"])) == sorted(internal)


def test_every_key_fills_a_model_field_and_every_model_field_has_a_key_or_is_derived():
    for record in every_record():
        assert record.model is not None, record.name
        model_fields = {f.name for f in dataclasses.fields(record.model)}
        keyed = {k.model_field for k in record.keys if not k.custom}
        assert keyed <= model_fields, (record.name, keyed - model_fields)
        assert model_fields - keyed == set(record.derived), record.name
    # The custom keys' values go to the step's `custom` pairs.
    step = next(r for r in every_record() if r.name == "step")
    assert [k.name for k in step.keys if k.custom] == ["backstage"] and "custom" in step.derived


# What a form editor (issue 25's generated CMS configuration) makes of each type.
WIDGETS = {
    schema.Text: "text",
    schema.TextOrNumber: "text",
    schema.Id: "text",
    schema.Image: "image",
    schema.Handle: "text",
    schema.Choice: "select",
    schema.Integer: "number",
    schema.Date: "date",
    schema.Ref: "relation",
    schema.ListOf: "list",
    schema.Record: "object",
}


def test_every_key_carries_what_a_form_editor_needs():
    missing = [
        f"{r.name}.{k.name}"
        for r, k in every_key()
        if not (k.label and k.doc and type(k.type) in WIDGETS)
        or (isinstance(k.type, ListOf) and type(k.type.item) not in WIDGETS)
    ]
    assert missing == []
    # Files with a Markdown body say what it holds.
    assert PERSONA.body and journey_record().body


# Adding a field the documented way.

NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def documented_edits() -> tuple[int, list[tuple[str, str]]]:
    """The number of edits docs/contributing.md states, and the edits it lists: (path, code)."""
    text = (REPO / "docs" / "contributing.md").read_text(encoding="utf-8")
    section = text.split("\n## Adding a map field\n", 1)[1].split("\n## ", 1)[0]
    stated = re.search(r"Adding a step field takes \*\*(\w+) edits\*\*", section)
    assert stated, "the section states how many edits adding a field takes"
    listed = re.findall(r"^\d+\. `([^`]+)`.*?\n\n   ```\w+\n(.*?)\n   ```", section, re.S | re.M)
    return NUMBERS[stated.group(1)], [(path, textwrap.dedent("   " + code) + "\n") for path, code in listed]


def _after(pattern: str):
    return lambda text: re.search(pattern, text, re.M).end()


# Where each documented edit goes, as the section says: (where, indent).
PLACES = {
    # At the end of the keys of step_record, before `+ custom`.
    "plugins/journeys/core/schema.py": (lambda text: re.search(r"\n( *)\)\n *\+ custom,", text).start() + 1, 12),
    # In Step, after `gaps`.
    "plugins/journeys/core/model.py": (_after(r"^class Step:\n(?:    .*\n)*?    gaps: .*\n"), 4),
    # In the step table, after `gaps`.
    "docs/format-reference.md": (_after(r"<!-- record: step -->\n\n(?:\|.*\n)*?\| `gaps` \|.*\n"), 0),
}

PROBE = r"""
import json, sys
from pathlib import Path

import yaml

import journeys
from helpers import build_site, write
from html_tree import parse
from journeys.cli import main
from journeys.core import load_handbook
from journeys.core.json_schema import front_matter_schema
from test_public_build import leaks
from test_schema import declared_tables, reference_tables

scratch, work = Path(sys.argv[1]), Path(sys.argv[2])
SENTINEL = "zqxduration0leak"
JOURNEY = {
    "title": "Buying online",
    "personas": ["maya"],
    "visibility": "public",
    "stages": [{"stage": "discover", "steps": [{"touchpoint": "Quote form", "emotion": 0, "duration": SENTINEL}]}],
}


def handbook(root, step_value):
    data = json.loads(json.dumps(JOURNEY))
    data["stages"][0]["steps"][0]["duration"] = step_value
    write(root, {
        "maps/personas/maya.md": "---\nname: Maya\nsummary: Buys online.\nvisibility: public\n---\n",
        "maps/journeys/buy.md": "---\n" + yaml.safe_dump(data, sort_keys=False) + "---\n",
    })
    return root


def site(name, **options):
    root = handbook(work / name, SENTINEL)
    return build_site(root, config={"plugins": [{"journeys": options}]})


facts = {"package": journeys.__file__}
loaded = load_handbook(str(handbook(work / "valid", SENTINEL) / "maps"), root=str(work / "valid"))
facts["problems"] = [str(p) for p in loaded.problems]
facts["model"] = loaded.journey_by_id["buy"].steps[0][1].duration
wrong = load_handbook(str(handbook(work / "wrong", [1, 2]) / "maps"), root=str(work / "wrong"))
facts["wrong"] = [str(p) for p in wrong.problems]

internal = site("internal")
facts["internal_ok"] = internal.ok
exported = json.loads((internal.site / "journeys.json").read_text(encoding="utf-8"))
facts["exported"] = exported["journeys"][0]["stages"][0]["steps"][0]["duration"]
row = parse(internal.html("journeys/buy/")).find("tr", cls="jm-lane--duration")
facts["lane"] = [cell.text for cell in row.children if not isinstance(cell, str)]

public = site("public", audience="public")
facts["public_ok"] = public.ok
facts["public_leaks"] = leaks(public.site, [SENTINEL])
shown = site("shown", audience="public", public_fields=["duration"])
facts["shown_ok"] = shown.ok
facts["shown"] = sorted({entry.split(": ")[0] for entry in leaks(shown.site, [SENTINEL])})

main(["new", "journey", "fresh", "--maps-dir", str(work / "valid" / "maps")])
facts["scaffold"] = (work / "valid" / "maps" / "journeys" / "fresh.md").read_text(encoding="utf-8")
step = front_matter_schema("journey")["properties"]["stages"]["items"]["properties"]["steps"]["items"]
facts["schema"] = step["properties"].get("duration")
reference = reference_tables(scratch / "docs" / "format-reference.md")
facts["reference"] = {name: sorted(rows ^ reference.get(name, set())) for name, rows in declared_tables().items()}
print(json.dumps(facts))
"""


def test_a_step_field_added_as_documented_reaches_everything_that_reads_records(tmp_path):
    count, edits = documented_edits()
    assert len(edits) == count == 3
    scratch = tmp_path / "scratch"
    shutil.copytree(REPO / "plugins", scratch / "plugins", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "docs", scratch / "docs")
    for path, code in edits:
        where, indent = PLACES[path]
        target = scratch / path
        text = target.read_text(encoding="utf-8")
        at = where(text)
        target.write_text(text[:at] + textwrap.indent(code, " " * indent) + text[at:], encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(scratch / "plugins"), str(REPO / "tests")])}
    command = [sys.executable, "-c", PROBE, str(scratch), str(tmp_path / "work")]
    probe = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert probe.returncode == 0, probe.stderr
    facts = json.loads(probe.stdout.splitlines()[-1])
    assert Path(facts["package"]).is_relative_to(scratch)
    # It validates, as text only, and fills the model.
    assert facts["problems"] == []
    assert facts["model"] == "zqxduration0leak"
    assert facts["wrong"] == ["maps/journeys/buy.md:12:5: stages[0].steps[0].duration: expected text, got a list"]
    # It reaches journeys.json and shows as a lane after the built-in ones, labelled.
    assert facts["internal_ok"] and facts["exported"] == "zqxduration0leak"
    assert facts["lane"] == ["Duration", "zqxduration0leak"]
    # A public build leaves it out of every byte, unless public_fields names it.
    assert facts["public_ok"] and facts["public_leaks"] == []
    assert facts["shown_ok"] and "journeys/buy/index.html" in facts["shown"] and "journeys.json" in facts["shown"]
    # journeys new writes it with its hint and example; journeys schema describes it.
    assert "\n        # duration (optional): how long the step takes the customer.\n" in facts["scaffold"]
    assert "\n        # duration: About ten minutes\n" in facts["scaffold"]
    assert facts["schema"] == {
        "title": "Duration",
        "type": "string",
        "minLength": 1,
        "description": "how long the step takes the customer",
    }
    # The format reference lists it, so its test passes.
    assert facts["reference"] == {name: [] for name in facts["reference"]}
