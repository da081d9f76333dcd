"""Normalised front-matter dicts (as the schema returns them) to model objects."""

from __future__ import annotations

from journeys.core.model import Journey, Kpi, Opportunity, PainPoint, Persona, StageBlock, Step


def _t(values) -> tuple:
    return tuple(values or ())


def kpi(data: dict) -> Kpi:
    return Kpi(data["name"], data.get("current"), data.get("target"), data.get("unit"))


def persona(data: dict, id_: str, source: str, body: str, problems, *, links=()) -> Persona:
    return Persona(
        id=id_, name=data.get("name") or id_, source=source, summary=data.get("summary"),
        segment=data.get("segment"), goals=_t(data.get("goals")), frustrations=_t(data.get("frustrations")),
        needs=_t(data.get("needs")), quote=data.get("quote"), image=data.get("image"),
        tags=_t(data.get("tags")), body=body, problems=tuple(problems), links=tuple(links),
    )


def journey(data: dict, id_: str, source: str, folder: str, body: str, problems, team_id, custom_keys, *, links=()) -> Journey:
    """`team_id` maps an owner as written to its team id."""
    blocks = []
    for block in data.get("stages") or ():
        if not block.get("stage"):
            continue
        steps = []
        for n, step in enumerate(block.get("steps") or (), start=1):
            if step.get("touchpoint") is None or step.get("emotion") is None:
                continue
            steps.append(Step(
                touchpoint=step["touchpoint"], emotion=step["emotion"], channel=step.get("channel"),
                action=step.get("action"), thinking=step.get("thinking"),
                owner=team_id(step["owner"]) if step.get("owner") else None,
                supporting=tuple(team_id(t) for t in step.get("supporting") or ()),
                tools=_t(step.get("tools")), kpis=tuple(kpi(k) for k in step.get("kpis") or () if k.get("name")),
                pain_points=tuple(
                    # An unnamed pain point gets an id from its place, stable while the map is.
                    PainPoint(p.get("id") or f"{id_}--{block['stage']}-{n}-{m}", p["text"], p["severity"],
                              _t(p.get("evidence")), p["status"])
                    for m, p in enumerate(step.get("pain_points") or (), start=1) if p.get("text")
                ),
                opportunities=tuple(
                    Opportunity(o["text"], o.get("impact"), _t(o.get("addresses")))
                    for o in step.get("opportunities") or () if o.get("text")
                ),
                gaps=_t(step.get("gaps")),
                custom=tuple((key, _t(step.get(key))) for key in custom_keys if step.get(key)),
                anchor=f"{block['stage']}-{n}",
            ))
        blocks.append(StageBlock(block["stage"], tuple(steps), block.get("goal"), _t(block.get("expectations"))))
    return Journey(
        id=id_, title=data.get("title") or id_, source=source, folder=folder,
        personas=_t(data.get("personas")), stages=tuple(blocks), summary=data.get("summary"),
        owner=team_id(data["owner"]) if data.get("owner") else None, state=data.get("state") or "current",
        baseline=data.get("baseline"), reviewed=data.get("reviewed"), tags=_t(data.get("tags")),
        kpis=tuple(kpi(k) for k in data.get("kpis") or () if k.get("name")), body=body, problems=tuple(problems),
        links=tuple(links),
    )
