"""JSON Schema (draft 2020-12) of persona, journey and insight front matter, for editors' YAML
language servers and other tools. Derived from the declarations in `core/schema.py` that the
validator walks, so both accept the same keys and types.

Cross-file rules (ids that must exist, stage order, `baseline` only with `state: future`)
need the whole handbook and stay with `journeys check`.
"""

from __future__ import annotations

from journeys.core.schema import INSIGHT, PERSONA, STAGE, TEAM, ListOf, journey_record

DIALECT = "https://json-schema.org/draft/2020-12/schema"
KINDS = ("journey", "persona", "insight", "team", "stage")
# Front-matter files: the record of their front matter and where they live.
FILES = {"persona": (PERSONA, "personas/<id>.md"), "insight": (INSIGHT, "insights/<id>.md")}
CATALOGUES = {"team": (TEAM, "teams.yml"), "stage": (STAGE, "stages.yml")}


def front_matter_schema(kind: str, custom_fields=()) -> dict:
    """The schema of a `kind` file's front matter; `custom_fields` are (key, label) pairs."""
    if kind in CATALOGUES:
        record, name = CATALOGUES[kind]
        return {
            "$schema": DIALECT,
            "$id": f"urn:mkdocs-journeys:map-format:1:{kind}",
            "title": f"{name} (journey map format v1.1)",
            "description": f"The list in maps/{name}.",
            **ListOf(record).json_schema(),
        }
    record, folder = FILES.get(kind) or (journey_record(custom_fields), "journeys/**/<id>.md")
    return {
        "$schema": DIALECT,
        "$id": f"urn:mkdocs-journeys:map-format:1:{kind}",
        "title": f"{kind.capitalize()} front matter (journey map format v1)",
        "description": f"The YAML between the two '---' lines of maps/{folder}.",
        **record.json_schema(),
    }
