"""What one team owns and supports: its journeys, its touchpoints in every journey, and the
pain points and measures found at those touchpoints. A long list of touchpoints continues on
list pages (render/pagination.py), each with the measures at its touchpoints."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any

from markupsafe import Markup

from journeys.core.handbook import Handbook
from journeys.core.index import MergedPainPoint, Place, pain_points_at, touchpoints_by_team
from journeys.core.model import CatalogueEntry
from journeys.render.context import Context
from journeys.render.fragments import (
    Cell,
    emotion,
    journey_link,
    pain_summary,
    stage_link,
    step_link,
    table,
)
from journeys.render.generated_page import Page
from journeys.render.page_inputs import layout, remember, summary_inputs, titles
from journeys.render.pagination import TOUCHPOINT_BYTES, Part, pager, split

ROLE_LABELS = {"owner": "role_owner", "supporting": "role_supporting"}
Touchpoint = tuple[Place, str]  # a step and the team's role there: "owner" or "supporting"


def team_pages(
    handbook: Handbook, ctx: Context, by_team: Mapping[str, Sequence[Touchpoint]] | None = None
) -> list[Page]:
    """`by_team`: core.index.touchpoints_by_team of the valid journeys, if already found."""
    by_team = touchpoints_by_team(handbook.valid_journeys) if by_team is None else by_team
    return [page for t in handbook.teams for page in team_page(handbook, t, by_team.get(t.id, ()), ctx)]


def team_page(handbook: Handbook, team: CatalogueEntry, touchpoints: Sequence[Touchpoint], ctx: Context) -> list[Page]:
    """The team's page and its list pages. `touchpoints` are (place, role) pairs for every
    step the team owns or supports."""
    here = ctx.site.src("teams", team.id)
    parts = split(here, touchpoints, lambda pair: TOUCHPOINT_BYTES * (1 + len(pair[0].step.kpis)))
    shape = layout(parts)
    pains = pain_points_at(handbook.pain_points, [place for place, _ in touchpoints])

    def inputs(part: Part) -> tuple:
        if part.number > 1:
            return team, shape, part.items, ()
        # The first part also names the journeys the team owns and the pain points at its steps.
        owned = titles(j for j in handbook.journeys if j.owner == team.id)
        return team, shape, part.items, (owned, summary_inputs(ctx, pains))

    return [
        remember(ctx, p.src, partial(inputs, p), partial(_part, handbook, team, pains, ctx, parts, p)) for p in parts
    ]


def _part(
    handbook: Handbook,
    team: CatalogueEntry,
    pains: Sequence[MergedPainPoint],
    ctx: Context,
    parts: list[Part],
    part: Part,
) -> Page:
    here = ctx.site.src("teams", team.id)
    labels = ctx.labels
    src = part.src
    values: dict[str, Any] = {
        "touchpoints": touchpoints_table(handbook, part.items, ctx, src) if part.items else None,
        "measures": measures_table(part.items, ctx, src),
        "pager": pager(ctx, parts, src),
        "range": labels["pager_range"].format(first=part.first, last=part.last) if len(parts) > 1 else "",
    }
    if part.number > 1:
        return ctx.page(
            src,
            "team_part.html",
            search={"exclude": True},
            title=labels["part_title"].format(title=team.name, range=values["range"]),
            description=team.description,
            team=team,
            team_link=ctx.link(ctx.site.href(src, here), team.name),
            **values,
        )
    meta = [
        (labels[key], value)
        for key, value in (("team_about", team.description), ("team_contact", team.contact))
        if value
    ]
    owned = [journey_link(ctx, here, j) for j in handbook.journeys if j.owner == team.id]
    return ctx.page(
        here,
        "team_page.html",
        title=team.name,
        description=team.description,
        team=team,
        meta=meta,
        owned=owned,
        pains=pain_summary(ctx, here, pains, "team", team.id) if pains else "",
        **values,
    )


def touchpoints_table(handbook: Handbook, touchpoints: Sequence[Touchpoint], ctx: Context, here: str) -> Markup:
    labels = ctx.labels
    rows = [
        (
            step_link(ctx, here, place.journey, place.step),
            journey_link(ctx, here, place.journey),
            stage_link(ctx, here, handbook, place.block.stage),
            Cell(labels[ROLE_LABELS[role]], classes=f"jm-role jm-role--{role}"),
            emotion(ctx, place.step.emotion),
        )
        for place, role in touchpoints
    ]
    headers = [labels[k] for k in ("col_touchpoint", "col_journey", "col_stage", "col_role", "col_emotion")]
    return table(ctx, "jm-team-touchpoints", labels["team_touchpoints_caption"], headers, rows, searched=False)


def measures_table(touchpoints: Sequence[Touchpoint], ctx: Context, here: str) -> Markup | None:
    labels = ctx.labels
    rows = [
        (
            step_link(ctx, here, place.journey, place.step),
            k.name,
            k.current or "",
            k.target or "",
            k.unit or "",
        )
        for place, _ in touchpoints
        for k in place.step.kpis
    ]
    if not rows:
        return None
    headers = [labels[k] for k in ("col_touchpoint", "col_measure", "col_current", "col_target", "col_unit")]
    return table(ctx, "jm-kpis", labels["team_measures_caption"], headers, rows, searched=False, numeric=(2, 3))
