"""Validated front matter to model objects. `schema.build` copies every key the model shares
with the schema; what is left here is what depends on where a value sits (a step's anchor, the
id of an unnamed pain point) or on the whole handbook (team ids)."""

from __future__ import annotations

import re

from journeys.core.model import Journey, Persona
from journeys.core.schema import PAIN_POINT, Record, build, complete

# The id an unnamed pain point gets from its place: `<journey>--<stage>-<step>-<n>`. An id an
# author writes in this form could equal one of them and merge two unrelated pain points, so
# the check refuses the form (core/handbook.py).
GENERATED_KEY = re.compile(r"[a-z0-9][a-z0-9-]*--[a-z0-9][a-z0-9-]*-[1-9][0-9]*-[1-9][0-9]*\Z")


def generated_key(journey_id: str, stage: str, step: int, n: int) -> str:
    return f"{journey_id}--{stage}-{step}-{n}"


def _record(record: Record, key: str) -> Record:
    """The record of the list under `key`, e.g. the stage block of a journey."""
    return next(k.type.item for k in record.keys if k.name == key)


def persona(record: Record, data: dict, *, id_: str, source: str, body: str, problems, links=()) -> Persona:
    return build(
        record,
        data,
        id=id_,
        name=data.get("name") or id_,
        source=source,
        body=body,
        problems=tuple(problems),
        links=tuple(links),
    )


def journey(
    record: Record,
    data: dict,
    *,
    id_: str,
    source: str,
    folder: str,
    body: str,
    problems,
    links=(),
    team_id,
) -> Journey:
    """`team_id` maps an owner as written to its team id."""
    block_record = _record(record, "stages")
    step_record = _record(block_record, "steps")
    blocks = []
    for block in data.get("stages") or ():
        if not complete(block_record, block):
            continue
        stage = block["stage"]
        steps = tuple(
            build(
                step_record,
                step,
                anchor=f"{stage}-{n}",
                owner=team_id(step["owner"]) if step.get("owner") else None,
                supporting=tuple(team_id(t) for t in step.get("supporting") or ()),
                pain_points=tuple(
                    # An unnamed pain point gets an id from its place, stable while the map is.
                    build(
                        PAIN_POINT, p, key=p.get("id") or generated_key(id_, stage, n, m), explicit_id=bool(p.get("id"))
                    )
                    for m, p in enumerate(step.get("pain_points") or (), start=1)
                    if complete(PAIN_POINT, p)
                ),
            )
            for n, step in enumerate(block.get("steps") or (), start=1)
            if complete(step_record, step)
        )
        blocks.append(build(block_record, block, steps=steps))
    return build(
        record,
        data,
        id=id_,
        title=data.get("title") or id_,
        source=source,
        folder=folder,
        stages=tuple(blocks),
        owner=team_id(data["owner"]) if data.get("owner") else None,
        state=data.get("state") or "current",
        body=body,
        problems=tuple(problems),
        links=tuple(links),
    )
