"""Journey maps to Mermaid `journey` diagrams, the inverse of `journeys.core.mermaid`.

A stage becomes a `section` named by its display name, a step a task with its touchpoint,
its emotion on Mermaid's scale (score = emotion + 3) and the journey's personas by name as
actors (a map's steps have no persona of their own). The summary becomes `accDescr`.
Characters Mermaid's grammar would read as syntax are written as entity codes
(`journeys.core.mermaid_text`), so importing the diagram gives back the same text.

A Mermaid journey has no drill-down and no service blueprint: under a task whose step zooms
into another journey, or fills a lane of the blueprint, a `%%` comment says what the diagram
leaves out (Mermaid and the import skip comments).
"""

from __future__ import annotations

import re

from journeys.core.mermaid import SCORE_OFFSET, S
from journeys.core.mermaid_text import encode
from journeys.core.model import Journey, Step
from journeys.core.problems import one_line
from journeys.core.schema import LANE_GROUPS, CustomFields, Key, custom_fields_of, step_record

# What Mermaid's lexer reads as a keyword at the start of a task, whatever follows.
_KEYWORD_START = re.compile(rf"journey|title{S}|section{S}|acc(?:Title|Descr){S}*[:{{]", re.IGNORECASE)


def _task_name(touchpoint: str) -> str:
    name = encode(touchpoint.strip(), ":")
    if _KEYWORD_START.match(name):
        name = f"#{ord(name[0])};{name[1:]}"
    return name


def _blueprint_lanes(custom_fields: CustomFields) -> list[Key]:
    """The step fields a service blueprint draws below the line of interaction, when the site
    declares one (a custom field with a lane); none otherwise."""
    if not any(f.lane for f in custom_fields_of(custom_fields)):
        return []
    lanes = [key for key in step_record(custom_fields).keys if key.blueprint in LANE_GROUPS]
    # In the grid's order: group by group, the site's own lanes first (render/canvas.py).
    return sorted(lanes, key=lambda key: (LANE_GROUPS.index(key.blueprint), not key.custom))


def _notes(step: Step, lanes: list[Key]) -> list[str]:
    """Comments under a task: what of the step a Mermaid journey has no form for."""
    notes = []
    if step.details:
        notes.append(f"    %% zooms into the journey {step.details}: a Mermaid journey has no drill-down")
    custom = dict(step.custom)
    filled = [k.lane for k in lanes if (custom.get(k.name) if k.custom else getattr(step, k.model_field))]
    if filled:
        names = ", ".join(one_line(lane) for lane in filled)
        notes.append(f"    %% service blueprint lanes left out, as Mermaid has no form for them: {names}")
    return notes


def to_mermaid(
    journey: Journey, *, stage_names: dict[str, str], persona_names: dict[str, str], custom_fields: CustomFields = ()
) -> str:
    """The diagram of `journey`; `stage_names` and `persona_names` are display names by id,
    `custom_fields` the site's (for the notes on blueprint lanes)."""
    lanes = _blueprint_lanes(custom_fields)
    actors = ", ".join(encode(persona_names.get(p, p).strip(), ":,") for p in journey.personas)
    lines = [
        f"%% journey {journey.id}, exported by `journeys export-mermaid`",
        "journey",
        f"  title {encode(journey.title.strip())}",
    ]
    if journey.summary:
        lines.append(f"  accDescr: {encode(' '.join(journey.summary.split()))}")
    for block in journey.stages:
        lines.append(f"  section {encode(stage_names.get(block.stage, block.stage).strip(), ':')}")
        for step in block.steps:
            lines.append(f"    {_task_name(step.touchpoint)}: {step.emotion + SCORE_OFFSET}: {actors}")
            lines += _notes(step, lanes)
    return "\n".join(lines) + "\n"
