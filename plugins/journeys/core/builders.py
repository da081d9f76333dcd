"""Validated front matter to model objects. `schema.build` copies every key the model shares
with the schema; what is left here is what depends on where a value sits (a step's anchor, the
id of an unnamed pain point) or on the whole handbook (team ids)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from journeys.core.measures import Scope, kpi_scope
from journeys.core.model import Insight, Journey, Kpi, Link, Persona
from journeys.core.problems import Problem
from journeys.core.schema import KPI, OPPORTUNITY, PAIN_POINT, Data, ListOf, Record, build, complete

# The id an unnamed pain point or opportunity gets from its place: `<journey>--<stage>-<step>-<n>`.
# An id an author writes in this form could equal one of them and merge two unrelated ones, so
# the check refuses the form (core/handbook.py).
GENERATED_KEY = re.compile(r"[a-z0-9][a-z0-9-]*--[a-z0-9][a-z0-9-]*-[1-9][0-9]*-[1-9][0-9]*\Z")


def generated_key(journey_id: str, stage: str, step: int, n: int) -> str:
    return f"{journey_id}--{stage}-{step}-{n}"


def _record(record: Record[Any], key: str) -> Record[Any]:
    """The record of the list under `key`, e.g. the stage block of a journey."""
    kind = next(k.type for k in record.keys if k.name == key)
    assert isinstance(kind, ListOf) and isinstance(kind.item, Record), f"{key} holds no list of records"
    return kind.item


def persona(
    record: Record[Persona],
    data: Data,
    *,
    id_: str,
    source: str,
    body: str,
    problems: Iterable[Problem],
    links: Iterable[Link] = (),
) -> Persona:
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


def insight(
    record: Record[Insight],
    data: Data,
    *,
    id_: str,
    file: str,
    body: str,
    problems: Iterable[Problem],
    links: Iterable[Link] = (),
    team_id: Callable[[str], str],
) -> Insight:
    return build(
        record,
        data,
        id=id_,
        title=data.get("title") or id_,
        kind=data.get("kind") or "other",  # an insight without one is invalid, and shows its errors
        file=file,
        owner=team_id(data["owner"]) if data.get("owner") else None,
        body=body,
        problems=tuple(problems),
        links=tuple(links),
    )


def journey(
    record: Record[Journey],
    data: Data,
    *,
    id_: str,
    source: str,
    folder: str,
    body: str,
    problems: Iterable[Problem],
    links: Iterable[Link] = (),
    team_id: Callable[[str], str],
    kpi: Callable[[Data, Scope], Kpi] | None = None,
    parent: str | None = None,
    details: Mapping[tuple[int, int], str] | None = None,
) -> Journey:
    """`team_id` maps an owner as written to its team id; `kpi(data, scope)` makes a KPI that
    names a measure, with the measure's values in `scope` (core/measures.py); `parent` and
    `details` (step place -> journey id) are the hierarchy as checked (core/hierarchy.py), which
    keeps neither end of a broken link."""
    block_record = _record(record, "stages")
    step_record = _record(block_record, "steps")
    details = details or {}

    def kpis(items: Iterable[Data] | None, scope: Scope) -> tuple[Kpi, ...]:
        return tuple((kpi(k, scope) if kpi is not None else build(KPI, k)) for k in items or () if complete(KPI, k))

    blocks = []
    for i, block in enumerate(data.get("stages") or ()):
        if not complete(block_record, block):
            continue
        stage = block["stage"]
        steps = tuple(
            build(
                step_record,
                step,
                anchor=f"{stage}-{n}",
                # A step without an id has no values (its KPI naming a measure is an error).
                kpis=kpis(step.get("kpis"), kpi_scope(id_, stage, step.get("id") or "")),
                details=details.get((i, n - 1)),
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
                opportunities=tuple(
                    build(
                        OPPORTUNITY,
                        o,
                        key=o.get("id") or generated_key(id_, stage, n, m),
                        explicit_id=bool(o.get("id")),
                        owner=team_id(o["owner"]) if o.get("owner") else None,
                        status=o.get("status") or "idea",
                    )
                    for m, o in enumerate(step.get("opportunities") or (), start=1)
                    if complete(OPPORTUNITY, o)
                ),
            )
            for n, step in enumerate(block.get("steps") or (), start=1)
            if complete(step_record, step)
        )
        blocks.append(build(block_record, block, steps=steps, kpis=kpis(block.get("kpis"), kpi_scope(id_, stage))))
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
        kpis=kpis(data.get("kpis"), kpi_scope(id_)),
        parent=parent,
        body=body,
        problems=tuple(problems),
        links=tuple(links),
    )
