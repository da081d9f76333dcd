"""The page of one journey map: a canvas. Header, measures, then the whole journey left to
right (stages over their steps, one lane a row, the emotion curve as a lane, pain points and
opportunities as cards), ownership and the editor's narrative. The layout is the template
`journey.html`; this module gathers what it shows."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from journeys.core.handbook import Handbook
from journeys.core.model import Journey
from journeys.render.canvas import lane_cells
from journeys.render.charts import baseline_of, journey_figure
from journeys.render.context import Context
from journeys.render.fragments import (
    joined,
    journey_link,
    kpi_table,
    persona_link,
    review_status,
    stage_link,
    step_anchor,
    step_link,
    table,
    team_link,
)
from journeys.render.generated_page import Page
from journeys.render.history_section import history_section

# A journey page is a canvas: the map takes the width of the screen.
HIDE = ("navigation", "toc")
# The setext line starts at its first non-space character, so leading spaces are read once.
_HEADING = re.compile(r"\A\s*(#{1,6}[ \t]|\S[^\n]*\n(=+|-+)[ \t]*(\n|\Z))")


def starts_with_heading(body: str) -> bool:
    """An ATX (`## …`) or setext (underlined) heading on the body's first line."""
    return _HEADING.match(body) is not None


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
        header=header(handbook, journey, ctx, here),
        kpis=kpi_table(ctx, journey.kpis, ctx.labels["journey_measures_caption"]) if journey.kpis else "",
        grid=grid(handbook, journey, ctx, here),
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
        review=review_status(journey.reviewed, ctx),
    )


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
