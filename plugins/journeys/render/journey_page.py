"""The page of one journey map: a canvas. Header, measures, then the whole journey left to
right (stages over their steps, one lane a row, the emotion curve as a lane, pain points and
opportunities as cards), ownership and the editor's narrative. The layout is the template
`journey.html`; this module gathers what it shows."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from journeys.core.handbook import Handbook
from journeys.core.measures import kpi_places
from journeys.core.model import Journey
from journeys.render.canvas import lane_cells, scored
from journeys.render.charts import baseline_of, journey_figure
from journeys.render.context import Context
from journeys.render.fragments import (
    joined,
    journey_link,
    kpi_table,
    persona_link,
    priority_legend,
    review_status,
    stage_link,
    step_anchor,
    step_link,
    table,
    team_link,
)
from journeys.render.generated_page import Page, starts_with_heading
from journeys.render.health import counts, health, journey_healths, stage_badge
from journeys.render.history_section import history_section
from journeys.render.measure_views import chart_legend, kpi_chart, kpi_health_table, place_words
from journeys.render.zoom import breadcrumbs, children_section, subtree_section, zooms_into

# A journey page is a canvas: the map takes the width of the screen.
HIDE = ("navigation", "toc")


def journey_page(handbook: Handbook, journey: Journey, ctx: Context) -> Page:
    here = ctx.site.src("journeys", journey.id)
    if journey.problems:
        # Without personas (required) the front matter did not load, and a header would show
        # defaults and empty rows instead of what the map says: the errors alone.
        return ctx.page(
            here,
            "journey_invalid.html",
            title=journey.title,
            description=journey.summary,
            tags=journey.tags,
            source=journey.source,
            journey=journey,
            header=header(handbook, journey, ctx, here) if journey.personas else "",
        )
    baseline = baseline_of(handbook, journey)
    history = ctx.history.get(journey.id)
    shown_in = [(ctx.site.href(here, src), title) for src, title in ctx.shown_in.get(journey.id, ())]
    return ctx.page(
        here,
        "journey.html",
        title=journey.title,
        description=journey.summary,
        tags=journey.tags,
        source=journey.source,
        hide=HIDE,
        markdown=journey.body,
        journey=journey,
        breadcrumbs=breadcrumbs(handbook, journey, ctx, here),
        header=header(handbook, journey, ctx, here),
        kpis=key_measures(handbook, journey, ctx, here),
        grid=grid(handbook, journey, ctx, here),
        measures=measures_over_time(handbook, journey, ctx, here),
        children=children_section(handbook, journey, ctx, here),
        subtree_pains=subtree_section(handbook, journey, ctx, here, legend=not scored(handbook, journey)),
        # The lane draws the curve; plotly only where it adds the baseline overlay and hover.
        compared=journey_figure(handbook, journey, ctx, here) if baseline is not None else "",
        ownership=ownership(handbook, journey, ctx, here),
        narrative_heading=bool(journey.body) and not starts_with_heading(journey.body),
        history=history_section(history, ctx, here) if history else "",
        shown_in=shown_in,
    )


def header(handbook: Handbook, journey: Journey, ctx: Context, here: str) -> Markup:
    baseline: Markup | str | None = None
    if journey.baseline:
        found = handbook.journey_by_id.get(journey.baseline)
        baseline = journey_link(ctx, here, found) if found else journey.baseline
    return ctx.render(
        "journey_header.html",
        journey=journey,
        personas=joined(persona_link(ctx, here, handbook, p) for p in journey.personas),
        owner=team_link(ctx, here, handbook, journey.owner),
        state=ctx.labels.get(f"state_{journey.state}", journey.state),
        baseline=baseline,
        redesigned_by=[journey_link(ctx, here, j) for j in handbook.redesigned_by.get(journey.id, ())],
        zooms_into=zooms_into(handbook, journey, ctx, here),
        review=review_status(journey.reviewed, ctx),
        health=counts(ctx, journey_healths(ctx, journey)) if not journey.problems else "",
    )


def key_measures(handbook: Handbook, journey: Journey, ctx: Context, here: str) -> Markup | str:
    """The journey's KPIs, its stages' and those of its steps that name a measure, with their
    health: or, for a map without any of those (map format 1.1), its KPIs as they were shown."""
    places = [p for p in kpi_places(journey) if p.level != "step" or p.kpi.measure]
    if all(p.level == "journey" and not p.kpi.measure for p in places):
        return kpi_table(ctx, journey.kpis, ctx.labels["journey_measures_caption"]) if journey.kpis else ""
    items = [(place_words(ctx, here, handbook, journey, p), p.kpi) for p in places]
    return kpi_health_table(ctx, here, handbook, items, ctx.labels["journey_kpis_caption"])


def measures_over_time(handbook: Handbook, journey: Journey, ctx: Context, here: str) -> dict[str, Any]:
    """A chart for each KPI that names a measure, in reading order (`charts`), and their key
    (`legend`)."""
    charts, states = [], []
    for place in kpi_places(journey):
        kpi = place.kpi
        if kpi.measure:
            where = place_words(ctx, here, handbook, journey, place)
            scope = where.striptags() if isinstance(where, Markup) else where
            caption = ctx.labels["measure_chart_caption"].format(measure=kpi.name, scope=scope)
            charts.append(kpi_chart(ctx, caption, kpi, kpi.unit or ""))
            states.append(health(ctx, kpi))
    return {"charts": charts, "legend": chart_legend(ctx, states) if charts else ""}


def grid(handbook: Handbook, journey: Journey, ctx: Context, here: str) -> Markup:
    """Stages as column groups, one column a step; lanes as rows. A screen reader hears the
    stage, then the touchpoint, then the lane of every cell."""
    stages, steps, first = [], [], 0
    for block in journey.stages:
        # Ids are HTML-escaped only: text() would also turn their hyphens into references.
        stages.append(
            {
                "id": escape(block.stage),
                "span": len(block.steps),
                "first": first,
                "link": stage_link(ctx, here, handbook, block.stage),
                "goal": block.goal or "",
                "expectations": list(block.expectations),
                "health": stage_badge(ctx, block),
            }
        )
        steps += [
            {"index": first + n, "anchor": escape(step_anchor(s)), "touchpoint": s.touchpoint, "stage_start": n == 0}
            for n, s in enumerate(block.steps)
        ]
        first += len(block.steps)
    return ctx.render(
        "journey_grid.html",
        journey=journey,
        stages=stages,
        steps=steps,
        lanes=lane_cells(handbook, journey, ctx, here),
        goals=any(s["goal"] or s["expectations"] for s in stages),
        legend=priority_legend(ctx, here) if scored(handbook, journey) else None,
    )


def ownership(handbook: Handbook, journey: Journey, ctx: Context, here: str) -> Markup:
    labels = ctx.labels
    # Cells, not finished rows, so the table labels each for the phone's cards; the
    # touchpoint links to its column on the journey page, wherever the table is shown.
    rows = [
        [
            stage_link(ctx, here, handbook, block.stage),
            step_link(ctx, here, journey, step),
            team_link(ctx, here, handbook, step.owner),
            joined(team_link(ctx, here, handbook, t) for t in step.supporting),
            ", ".join(step.tools),
        ]
        for block, step in journey.steps
    ]
    headers = [labels[f"journey_col_{c}"] for c in ("stage", "touchpoint", "owner", "supporting", "tools")]
    # Out of search: every touchpoint and owner is in the grid above it already.
    return table(ctx, "jm-ownership", labels["journey_ownership_caption"], headers, rows, searched=False)
