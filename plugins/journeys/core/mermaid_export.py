"""Journey maps to Mermaid `journey` diagrams, the inverse of `journeys.core.mermaid`.

A stage becomes a `section` named by its display name, a step a task with its touchpoint,
its emotion on Mermaid's scale (score = emotion + 3) and the journey's personas by name as
actors (a map's steps have no persona of their own). The summary becomes `accDescr`.
Characters Mermaid's grammar would read as syntax are written as entity codes
(`journeys.core.mermaid_text`), so importing the diagram gives back the same text.
"""

from __future__ import annotations

import re

from journeys.core.mermaid import SCORE_OFFSET, S
from journeys.core.mermaid_text import encode
from journeys.core.model import Journey

# What Mermaid's lexer reads as a keyword at the start of a task, whatever follows.
_KEYWORD_START = re.compile(rf"journey|title{S}|section{S}|acc(?:Title|Descr){S}*[:{{]", re.IGNORECASE)


def _task_name(touchpoint: str) -> str:
    name = encode(touchpoint.strip(), ":")
    if _KEYWORD_START.match(name):
        name = f"#{ord(name[0])};{name[1:]}"
    return name


def to_mermaid(journey: Journey, *, stage_names: dict[str, str], persona_names: dict[str, str]) -> str:
    """The diagram of `journey`; `stage_names` and `persona_names` are display names by id."""
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
        lines += [f"    {_task_name(step.touchpoint)}: {step.emotion + SCORE_OFFSET}: {actors}" for step in block.steps]
    return "\n".join(lines) + "\n"
