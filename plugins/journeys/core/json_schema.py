"""JSON Schema (draft 2020-12) of persona, journey and insight front matter, of the catalogues
(stages.yml, teams.yml, measures.yml) and of a row of maps/measures/*.csv, for editors' YAML
language servers and other tools. Derived from the declarations in `core/schema.py` that the
validator walks, so both accept the same keys and types.

Cross-file rules (ids that must exist, stage order, `baseline` only with `state: future`)
need the whole handbook and stay with `journeys check`.
"""

from __future__ import annotations

from typing import Any

from journeys.core.schema import (
    INSIGHT,
    MEASURE,
    MEASURE_VALUE,
    PERSONA,
    STAGE,
    TEAM,
    CustomFields,
    ListOf,
    Record,
    journey_record,
)

DIALECT = "https://json-schema.org/draft/2020-12/schema"
KINDS = ("journey", "persona", "insight", "team", "stage", "measure", "measure-value")
# Front-matter files: the record of their front matter and where they live.
FILES: dict[str, tuple[Record[Any], str]] = {
    "persona": (PERSONA, "personas/<id>.md"),
    "insight": (INSIGHT, "insights/<id>.md"),
}
CATALOGUES: dict[str, tuple[Record[Any], str]] = {
    "team": (TEAM, "teams.yml"),
    "stage": (STAGE, "stages.yml"),
    "measure": (MEASURE, "measures.yml"),
}


def front_matter_schema(kind: str, custom_fields: CustomFields = ()) -> dict[str, Any]:
    """The schema of a `kind` file's front matter; `custom_fields` as `step_record` takes them."""
    if kind == "measure-value":
        # A row of maps/measures/*.csv as a CSV-to-JSON tool reads it: each column by its type.
        return {
            "$schema": DIALECT,
            "$id": "urn:mkdocs-journeys:map-format:1.2:measure-value",
            "title": "A row of maps/measures/*.csv (journey map format v1.2)",
            "description": "The columns of a measures file, each cell as its column's type; empty cells are left out.",
            **MEASURE_VALUE.json_schema(),
        }
    if kind in CATALOGUES:
        record, name = CATALOGUES[kind]
        return {
            "$schema": DIALECT,
            "$id": f"urn:mkdocs-journeys:map-format:1:{kind}",
            "title": f"{name} (journey map format v1.2)",
            "description": f"The list in maps/{name}.",
            **ListOf(record).json_schema(),
        }
    record, folder = FILES.get(kind) or (journey_record(custom_fields), "journeys/**/<id>.md")
    return {
        "$schema": DIALECT,
        "$id": f"urn:mkdocs-journeys:map-format:1:{kind}",
        "title": f"{kind.capitalize()} front matter (journey map format v1.2)",
        "description": f"The YAML between the two '---' lines of maps/{folder}.",
        **record.json_schema(),
    }
