"""One stage across every journey that passes through it: the steps, the pain points found
there and how customers feel there on average. The steps of a busy stage continue on list
pages (render/pagination.py), each charting its own journeys; the averages and the pain points
are on the first."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from itertools import groupby
from typing import Any

from markupsafe import Markup

from journeys.core.handbook import Handbook
from journeys.core.index import Place, feeling_by_stage, pain_points_at, places_by_stage
from journeys.core.model import CatalogueEntry, Journey
from journeys.render.context import Context
from journeys.render.fragments import (
    Cell,
    Listed,
    Row,
    emotion,
    journey_link,
    listed,
    pain_summary,
    step_link,
    table,
    team_link,
)
from journeys.render.generated_page import Page
from journeys.render.list_parts import list_part, paging
from journeys.render.measure_views import kpi_summary, scope_charts, scope_inputs
from journeys.render.page_inputs import feelings, layout, remember, summary_inputs
from journeys.render.pagination import STEP_BYTES, Part, split
from journeys.render.stage_spread import stage_figure


def stage_pages(handbook: Handbook, ctx: Context) -> list[Page]:
    by_stage = places_by_stage(handbook.valid_journeys)
    return [page for s in handbook.stages for page in stage_page(handbook, s, by_stage.get(s.id, ()), ctx)]


def stage_page(handbook: Handbook, stage: CatalogueEntry, places: Sequence[Place], ctx: Context) -> list[Page]:
    """The stage's page and its list pages. `places` are this stage's steps in every valid
    journey, in journey order."""
    here = ctx.site.src("stages", stage.id)
    groups = [tuple(g) for _, g in groupby(places, key=lambda p: p.journey.id)]
    parts = split(here, groups, lambda group: STEP_BYTES * len(group))
    pains = listed(pain_points_at(handbook.pain_points, places), lambda place: place.block.stage == stage.id)
    journeys = list({p.journey.id: p.journey for p in places}.values())
    shape = layout(parts)

    def inputs(part: Part) -> tuple:
        # The first part also sums up the whole stage, and its measures.
        whole: tuple = ()
        if part.number == 1:
            kpis = tuple((j.id, j.title, b.kpis) for j in journeys for b in j.stages if b.stage == stage.id and b.kpis)
            whole = (feelings(places), summary_inputs(ctx, pains), kpis, scope_inputs(handbook, _scope(stage)))
        return stage, shape, part.items, whole

    return [
        remember(ctx, p.src, partial(inputs, p), partial(_part, handbook, stage, ctx, parts, p, journeys, pains))
        for p in parts
    ]


def _part(
    handbook: Handbook,
    stage: CatalogueEntry,
    ctx: Context,
    parts: list[Part],
    part: Part,
    journeys: Sequence[Journey],
    pains: Listed,
) -> Page:
    here = ctx.site.src("stages", stage.id)
    src = part.src
    chosen = [place for group in part.items for place in group]
    values = part_values(handbook, stage, chosen, ctx, src)
    if part.number == 1:
        return ctx.page(
            src,
            "stage_page.html",
            title=stage.name,
            description=stage.description,
            stage=stage,
            today=emotion_summary(ctx, journeys, stage.id, "current"),
            future=emotion_summary(ctx, journeys, stage.id, "future"),
            pains=pain_summary(ctx, src, pains, "stage", stage.id) if pains.total else "",
            measures=stage_measures(handbook, stage, journeys, ctx, src),
            **paging(ctx, parts, part),
            **values,
        )
    return list_part(
        ctx,
        parts,
        part,
        "stage_part.html",
        title=stage.name,
        description=stage.description,
        stage=stage,
        stage_link=ctx.link(ctx.site.href(src, here), stage.name),
        **values,
    )


def _scope(stage: CatalogueEntry) -> tuple:
    """The scope of values for a stage across every journey."""
    return (None, stage.id, None, None)


def stage_measures(
    handbook: Handbook, stage: CatalogueEntry, journeys: Sequence[Journey], ctx: Context, here: str
) -> dict[str, Any]:
    """The KPIs of this stage in each journey, with their health (`kpis`), and a chart of each
    measure's values for the stage across journeys (`charts`, and their `legend`)."""
    items = [
        (journey_link(ctx, here, j), kpi) for j in journeys for b in j.stages if b.stage == stage.id for kpi in b.kpis
    ]
    caption, scope = ctx.labels["stage_measures_caption"], ctx.labels["col_journey"]
    charts = scope_charts(ctx, handbook, _scope(stage), ctx.labels["scope_stage"].format(stage=stage.name))
    return {"kpis": kpi_summary(ctx, here, handbook, items, caption, scope) if items else "", **charts}


def part_values(
    handbook: Handbook, stage: CatalogueEntry, places: Sequence[Place], ctx: Context, here: str
) -> dict[str, Any]:
    """The chart and tables of one part's journeys."""
    labels = ctx.labels
    current = [p for p in places if p.journey.state == "current"]
    tables = []
    for state, key in (("current", "state_current"), ("future", "state_future")):
        chosen = [p for p in places if p.journey.state == state]
        if chosen:
            tables.append((labels[key], steps_table(handbook, chosen, ctx, here, labels[key])))
    return {"figure": stage_figure(handbook, stage, current, ctx, here) if current else "", "tables": tables}


def emotion_summary(ctx: Context, journeys: Sequence[Journey], stage_id: str, state: str) -> dict[str, object] | None:
    """The values of an average-emotion sentence: the chip and what it averages over."""
    feeling = feeling_by_stage(journeys, state).get(stage_id)
    if feeling is None:
        return None
    return {
        "emotion": emotion(ctx, feeling.average),
        "touchpoints": feeling.steps,
        "journeys": feeling.journeys,
    }


def steps_table(handbook: Handbook, places: Sequence[Place], ctx: Context, here: str, state_words: str) -> Markup:
    labels = ctx.labels
    rows = []
    for _, grouped in groupby(places, key=lambda p: p.journey.id):
        group = list(grouped)
        journey, block = group[0].journey, group[0].block
        head = Cell(
            ctx.macros.journey_goal(journey_link(ctx, here, journey), block.goal), header=True, rowspan=len(group)
        )
        for n, place in enumerate(group):
            step = place.step
            cells: tuple[object, ...] = (
                step_link(ctx, here, journey, step),
                step.channel or "",
                emotion(ctx, step.emotion),
                team_link(ctx, here, handbook, step.owner),
            )
            rows.append(Row((head, *cells)) if n == 0 else Row(cells, start=1))
    headers = [labels[k] for k in ("col_journey", "col_touchpoint", "col_channel", "col_emotion", "col_owner")]
    caption = labels["stage_steps_caption"].format(state=state_words)
    return table(ctx, "jm-stage-steps", caption, headers, rows, searched=False, headed=True)
