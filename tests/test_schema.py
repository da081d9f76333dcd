"""`journeys schema`: JSON Schema of front matter from the validator's own declarations, and
the editors' format reference checked against those declarations so neither can drift."""

from __future__ import annotations

import datetime
import json
import re

import jsonschema
import pytest
import yaml

from helpers import REPO, write
from journeys.cli import main
from journeys.cli.site_config import read_options
from journeys.core import load_handbook
from journeys.core.json_schema import front_matter_schema
from journeys.core.schema import (
    PERSONA,
    STAGE,
    TEAM,
    Choice,
    Date,
    Handle,
    Id,
    Image,
    Integer,
    ListOf,
    Record,
    Ref,
    Text,
    TextOrNumber,
    journey_record,
    records_in,
)

CUSTOM = read_options(str(REPO / "mkdocs.yml")).custom_fields


def front_matter(path):
    """The front matter as a YAML 1.2 tool (an editor's language server) sees it: dates are text."""
    data = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])

    def plain(value):
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        return value.isoformat() if isinstance(value, datetime.date) else value

    return plain(data)


def validator(kind, custom=CUSTOM):
    schema = front_matter_schema(kind, custom)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("kind", ["persona", "journey"])
def test_every_demo_map_and_the_template_match_the_schema(kind):
    files = sorted((REPO / "maps" / f"{kind}s").rglob("*.md"))
    assert len(files) >= 4
    check = validator(kind)
    for path in files:
        errors = [e.message for e in check.iter_errors(front_matter(path))]
        assert errors == [], path


def test_the_schema_is_wrapped_and_includes_declared_custom_fields():
    schema = front_matter_schema("journey", CUSTOM)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == "urn:mkdocs-journeys:map-format:1:journey"
    assert schema["required"] == ["title", "personas", "stages"]
    step = schema["properties"]["stages"]["items"]["properties"]["steps"]["items"]
    assert step["properties"]["backstage"]["title"] == "Behind the scenes"
    assert (
        step["properties"]["backstage"]["description"]
        == 'the custom lane "Behind the scenes": a sentence or a list of sentences'
    )
    assert "backstage" not in json.dumps(front_matter_schema("journey"))


MAP = """\
---
title: Buying online
personas: [maya]
stages:
  - stage: discover
    steps:
      - touchpoint: Web
        emotion: -1
        pain_points:
          - id: slow
            text: Slow.
            severity: high
---
"""


@pytest.mark.parametrize(
    "old, new",
    [
        ("        emotion: -1", "        emotions: -1"),  # unknown key: did you mean 'emotion'?
        ("title: Buying online", "tittle: Buying online"),
        ("        emotion: -1", "        emotion: 5"),
        ("            severity: high", "            severity: urgent"),
        ("          - id: slow", "          - id: Slow Down"),
        ("personas: [maya]", "personas: []"),
        ("    steps:\n", "    goal: Find.\n    step:\n"),
    ],
)
def test_what_the_validator_rejects_the_schema_rejects(tmp_path, old, new):
    write(tmp_path, {"maps/personas/maya.md": "---\nname: Maya\n---\n", "maps/journeys/buy.md": MAP.replace(old, new)})
    problems = load_handbook(tmp_path / "maps").problems
    assert problems, "the validator accepts the changed map"
    assert list(validator("journey", ()).iter_errors(front_matter(tmp_path / "maps/journeys/buy.md"))), (
        "the schema accepts it"
    )


def test_the_unchanged_map_is_valid_for_both(tmp_path):
    write(tmp_path, {"maps/personas/maya.md": "---\nname: Maya\n---\n", "maps/journeys/buy.md": MAP})
    assert load_handbook(tmp_path / "maps").problems == ()
    assert list(validator("journey", ()).iter_errors(front_matter(tmp_path / "maps/journeys/buy.md"))) == []


def test_the_command_prints_or_writes_the_schema(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(REPO)
    assert main(["schema", "persona"]) == 0
    assert json.loads(capsys.readouterr().out) == front_matter_schema("persona")
    assert main(["schema", "--output", str(tmp_path / "journey.schema.json")]) == 0
    assert json.loads((tmp_path / "journey.schema.json").read_text()) == front_matter_schema("journey", CUSTOM)


# The format reference: every key of every record, with its type and whether it is required.


def _plural(label: str) -> str:
    if label == "text":
        return label
    return label[:-1] + "ies" if label.endswith("y") else label + "s"


def type_label(kind) -> str:
    """How docs/format-reference.md names a declared type."""
    if isinstance(kind, Ref):
        return f"{kind.kind} id"
    if isinstance(kind, ListOf):
        return f"list of {_plural(type_label(kind.item))}" + (" (or one)" if kind.single_ok else "")
    if isinstance(kind, Record):
        return kind.name
    if isinstance(kind, Choice):
        return "one of " + ", ".join(f"`{c}`" for c in kind.choices)
    if isinstance(kind, Integer):
        return f"whole number from {kind.low} to {kind.high}"
    return {
        Text: "text",
        TextOrNumber: "text or number",
        Date: "date `YYYY-MM-DD`",
        Id: "id",
        Image: "https URL or docs path",
        Handle: "code-host handle",
    }[type(kind)]


def records() -> dict[str, Record]:
    return {r.name: r for r in (*records_in(journey_record()), PERSONA, STAGE, TEAM)}


def declared_tables() -> dict[str, set[tuple[str, str, str]]]:
    """Each record's keys as the format reference must list them: key, type, required."""
    return {
        name: {(k.name, type_label(k.type), "yes" if k.required else "no") for k in record.keys}
        for name, record in records().items()
    }


def reference_tables(path=REPO / "docs" / "format-reference.md") -> dict[str, set[tuple[str, str, str]]]:
    """`<!-- record: NAME -->` marks the table of that record: key, type, required, meaning."""
    text = path.read_text(encoding="utf-8")
    tables = {}
    for name, table in re.findall(r"<!-- record: (.+?) -->\n\n((?:\|.*\n)+)", text):
        rows = [[cell.strip() for cell in line.strip().strip("|").split(" | ")] for line in table.splitlines()[2:]]
        tables[name] = {(row[0].strip("`"), row[1], row[2]) for row in rows}
    return tables


def test_the_format_reference_lists_every_key_with_its_type():
    tables, declared = reference_tables(), declared_tables()
    assert (
        sorted(tables)
        == sorted(declared)
        == sorted(["persona", "journey", "stage block", "step", "KPI", "pain point", "opportunity", "stage", "team"])
    )
    for name, keys in declared.items():
        assert tables[name] == keys, name
