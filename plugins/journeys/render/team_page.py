"""What one team owns and supports: its journeys, its touchpoints in every journey, and the
pain points and measures found at those touchpoints. A long list of touchpoints continues on
list pages (render/pagination.py), each with the measures at its touchpoints."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any, Protocol
from urllib.parse import quote

from markupsafe import Markup

from journeys.core.handbook import Handbook
from journeys.core.index import MergedOpportunity, Place, pain_points_at, place_key, touchpoints_by_team
from journeys.core.model import CatalogueEntry
from journeys.render.context import Context
from journeys.render.fragments import (
    SUMMARY_PAINS,
    Cell,
    Listed,
    delivery_status,
    emotion,
    journey_link,
    listed,
    opportunity_href,
    pain_summary,
    stage_link,
    step_link,
    table,
)
from journeys.render.generated_page import Page
from journeys.render.health import has_measures, measure_link
from journeys.render.list_parts import list_part, paging
from journeys.render.measure_views import kpi_health_table, kpi_summary
from journeys.render.page_inputs import layout, remember, summary_inputs, titles
from journeys.render.pagination import ROW_LIMIT, TOUCHPOINT_BYTES, Part, split

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
    # Today's touchpoints first, then those of future-state designs: the list pages keep the order.
    ordered = sorted(touchpoints, key=lambda pair: pair[0].journey.state == "future")
    parts = split(here, ordered, lambda pair: TOUCHPOINT_BYTES * (1 + len(pair[0].step.kpis)))
    shape = layout(parts)
    keys = {place_key(place) for place, _ in touchpoints}
    pains = listed(pain_points_at(handbook.pain_points, [p for p, _ in touchpoints]), lambda p: place_key(p) in keys)
    delivers = [o for o in handbook.opportunities if o.owner == team.id]

    def inputs(part: Part) -> tuple:
        if part.number > 1:
            return team, shape, part.items, ()
        # The first part also names the journeys the team owns, their KPIs, its measures, the pain
        # points at its steps and the opportunities it delivers.
        owned = titles(j for j in handbook.journeys if j.owner == team.id)
        kpis = tuple((j.id, j.kpis, tuple(b.kpis for b in j.stages)) for j in _owned(handbook, team))
        measures = tuple(m for m in handbook.measures if m.owner == team.id)
        opportunities = tuple(
            (
                o.id,
                o.text,
                o.status,
                o.score_text,
                ctx.opportunity_homes.get(o.id),
                titles(dict.fromkeys(place.journey for place in o.places)),  # each row links its journeys
            )
            for o in delivers[: SUMMARY_PAINS + 1]
        )
        summary = (owned, summary_inputs(ctx, pains), kpis, measures, opportunities, len(delivers))
        return team, shape, part.items, summary

    return [
        remember(ctx, p.src, partial(inputs, p), partial(_part, handbook, team, pains, ctx, parts, p, delivers))
        for p in parts
    ]


def _part(
    handbook: Handbook,
    team: CatalogueEntry,
    pains: Listed,
    ctx: Context,
    parts: list[Part],
    part: Part,
    delivers: Sequence[MergedOpportunity] = (),
) -> Page:
    here = ctx.site.src("teams", team.id)
    labels = ctx.labels
    src = part.src
    values: dict[str, Any] = {
        "touchpoints": by_state(ctx, part.items, partial(touchpoints_table, handbook, ctx=ctx, here=src)),
        "measures": by_state(ctx, part.items, partial(measures_table, handbook, ctx=ctx, here=src)),
    }
    if part.number > 1:
        return list_part(
            ctx,
            parts,
            part,
            "team_part.html",
            title=team.name,
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
    owned = [
        {"link": journey_link(ctx, here, j), "future": j.state == "future"}
        for j in handbook.journeys
        if j.owner == team.id
    ]
    return ctx.page(
        here,
        "team_page.html",
        title=team.name,
        description=team.description,
        team=team,
        meta=meta,
        owned=owned,
        owned_kpis=owned_kpis(handbook, team, ctx, here) if has_measures(handbook) else "",
        owned_measures=[measure_link(ctx, here, handbook, m.id) for m in handbook.measures if m.owner == team.id],
        pains=pain_summary(ctx, here, pains, "team", team.id) if pains.total else "",
        opportunities=opportunity_summary(ctx, here, delivers, team.id) if delivers else "",
        **paging(ctx, parts, part),
        **values,
    )


def opportunity_summary(ctx: Context, here: str, delivers: Sequence[MergedOpportunity], team_id: str) -> Markup:
    """The highest-scoring opportunities the team delivers, each linked to its row in the
    portfolio, and when there are more, a link to the portfolio filtered to the team."""
    items = []
    for o in delivers[:SUMMARY_PAINS]:
        href = opportunity_href(ctx, here, o.id)
        # The journeys it is named in: the first ROW_LIMIT, then how many more (its row in the
        # portfolio lists its places), so an opportunity named everywhere keeps the page bounded.
        journeys = list(dict.fromkeys(place.journey for place in o.places))
        items.append(
            {
                "status": delivery_status(ctx, o.status),
                "link": ctx.link(href, o.text) if href else o.text,
                "score": o.score_text,
                "journeys": [journey_link(ctx, here, j) for j in journeys[:ROW_LIMIT]],
                "more": max(0, len(journeys) - ROW_LIMIT),
            }
        )
    shown = ctx.macros.team_opportunities(items)
    if len(delivers) <= SUMMARY_PAINS:
        return shown
    href = f"{ctx.site.href(here, ctx.site.src('opportunities'))}?team={quote(team_id)}"
    return shown + ctx.macros.opportunities_more(len(delivers) - SUMMARY_PAINS, len(delivers), href)


class Table(Protocol):
    """A table of `touchpoints` in `state` (none: all of them are today's), `headed` by it."""

    def __call__(self, touchpoints: Sequence[Touchpoint], state: str | None, headed: bool) -> Markup | None: ...


def by_state(ctx: Context, touchpoints: Sequence[Touchpoint], table_of: Table) -> list[tuple[str | None, Markup]]:
    """(heading, table) of today's touchpoints, then of future-state designs', each state
    headed when the designs have a table (a design is not how customers fare today); one table
    without a heading of its own otherwise, right under its section's. A heading always names
    the table, so its caption is for screen readers."""
    today = [t for t in touchpoints if t[0].journey.state != "future"]
    designs = [t for t in touchpoints if t[0].journey.state == "future"]
    labels = ctx.labels
    designed = table_of(designs, labels["state_future"], True) if designs else None
    if designed is None:
        found = table_of(today, None, True)  # right under the section's heading
        return [(None, found)] if found else []
    current = table_of(today, labels["state_current"], True) if today else None
    tables: list[tuple[str | None, Markup]] = [(labels["state_current"], current)] if current else []
    return [*tables, (labels["state_future"], designed)]


def touchpoints_table(
    handbook: Handbook, touchpoints: Sequence[Touchpoint], state: str | None, headed: bool, *, ctx: Context, here: str
) -> Markup:
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
    caption = (
        labels["team_touchpoints_state_caption"].format(state=state) if state else labels["team_touchpoints_caption"]
    )
    return table(ctx, "jm-team-touchpoints", caption, headers, rows, searched=False, headed=headed)


def _owned(handbook: Handbook, team: CatalogueEntry) -> list:
    return [j for j in handbook.valid_journeys if j.owner == team.id]


def owned_kpis(handbook: Handbook, team: CatalogueEntry, ctx: Context, here: str) -> Markup | str:
    """The KPIs of the journeys the team owns, of each journey and its stages, with their health."""
    items = [(journey_link(ctx, here, j), k) for j in _owned(handbook, team) for k in j.kpis]
    items += [
        (ctx.macros.journey_step(journey_link(ctx, here, j), stage_link(ctx, here, handbook, b.stage)), k)
        for j in _owned(handbook, team)
        for b in j.stages
        for k in b.kpis
    ]
    if not items:
        return ""
    return kpi_summary(ctx, here, handbook, items, ctx.labels["team_kpis_caption"], ctx.labels["col_journey"])


def measures_table(
    handbook: Handbook, touchpoints: Sequence[Touchpoint], state: str | None, headed: bool, *, ctx: Context, here: str
) -> Markup | None:
    labels = ctx.labels
    if has_measures(handbook):  # with their health (map format 1.2)
        items = [(step_link(ctx, here, p.journey, p.step), k) for p, _ in touchpoints for k in p.step.kpis]
        caption = (
            labels["team_measures_state_caption"].format(state=state) if state else labels["team_measures_caption"]
        )
        scope = labels["col_touchpoint"]
        return (
            kpi_health_table(ctx, here, handbook, items, caption, scope, searched=False, headed=headed)
            if items
            else None
        )
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
    caption = labels["team_measures_state_caption"].format(state=state) if state else labels["team_measures_caption"]
    return table(ctx, "jm-kpis", caption, headers, rows, searched=False, numeric=(2, 3), headed=headed)
