"""What one team owns and supports: its journeys, its touchpoints in every journey, and the
pain points and measures found at those touchpoints."""

from __future__ import annotations

from markupsafe import Markup

from journeys.core.index import pain_points_at, touchpoints_by_team
from journeys.render.fragments import Cell, emotion, journey_link, merged_pain_list, stage_link, step_link, table
from journeys.render.page import Page
from journeys.render.text import text

ROLE_LABELS = {"owner": "role_owner", "supporting": "role_supporting"}


def team_pages(handbook, ctx) -> list[Page]:
    by_team = touchpoints_by_team(handbook.valid_journeys)
    return [team_page(handbook, t, by_team.get(t.id, ()), ctx) for t in handbook.teams]


def team_page(handbook, team, touchpoints, ctx) -> Page:
    """`touchpoints` are (place, role) pairs for every step the team owns or supports."""
    here = ctx.site.src("teams", team.id)
    labels = ctx.labels
    meta = [(labels[key], value) for key, value in (("team_about", team.description), ("team_contact", team.contact))
            if value]
    owned = [Markup(journey_link(ctx, here, j)) for j in handbook.journeys if j.owner == team.id]
    pains = pain_points_at(handbook.pain_points, [place for place, _ in touchpoints])
    return ctx.page(
        here, "team_page.html", title=team.name, description=team.description, team=team, meta=meta, owned=owned,
        touchpoints=Markup(touchpoints_table(handbook, touchpoints, ctx, here)) if touchpoints else None,
        pains=Markup(merged_pain_list(ctx, here, pains)) if pains else "",
        measures=measures_table(touchpoints, ctx, here),
    )


def touchpoints_table(handbook, touchpoints, ctx, here) -> str:
    labels = ctx.labels
    rows = [
        (step_link(ctx, here, place.journey, place.step), journey_link(ctx, here, place.journey),
         stage_link(ctx, here, handbook, place.block.stage),
         Cell(text(labels[ROLE_LABELS[role]]), classes=f"jm-role jm-role--{role}"), emotion(place.step.emotion))
        for place, role in touchpoints
    ]
    headers = [labels[k] for k in ("col_touchpoint", "col_journey", "col_stage", "col_role", "col_emotion")]
    return table("jm-team-touchpoints", labels["team_touchpoints_caption"], headers, rows)


def measures_table(touchpoints, ctx, here) -> Markup | None:
    labels = ctx.labels
    rows = [
        (step_link(ctx, here, place.journey, place.step), text(k.name), text(k.current or ""), text(k.target or ""),
         text(k.unit or ""))
        for place, _ in touchpoints for k in place.step.kpis
    ]
    if not rows:
        return None
    headers = [labels[k] for k in ("col_touchpoint", "col_measure", "col_current", "col_target", "col_unit")]
    return Markup(table("jm-kpis", labels["team_measures_caption"], headers, rows, numeric=(2, 3)))
