"""The page of one journey map: a canvas. Header, measures, then the whole journey left to
right (stages over their steps, one lane a row, the emotion curve as a lane, pain points and
opportunities as cards), ownership and the editor's narrative. The layout is the template
`journey.html`; this module gathers what it shows."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from journeys.render.canvas import lane_cells
from journeys.render.charts import baseline_of, journey_figure
from journeys.render.fragments import (
    NOT_SEARCHED,
    joined,
    journey_link,
    kpi_table,
    persona_link,
    problem_list,
    review_status,
    stage_link,
    step_anchor,
    step_link,
    table,
    team_link,
)
from journeys.render.generated_page import Page
from journeys.render.history_section import history_section
from journeys.render.text import text

# A journey page is a canvas: the map takes the width of the screen.
HIDE = ("navigation", "toc")
# The setext line starts at its first non-space character, so leading spaces are read once.
_HEADING = re.compile(r"\A\s*(#{1,6}[ \t]|\S[^\n]*\n(=+|-+)[ \t]*(\n|\Z))")


def starts_with_heading(body: str) -> bool:
    """An ATX (`## …`) or setext (underlined) heading on the body's first line."""
    return _HEADING.match(body) is not None


def journey_page(handbook, journey, ctx) -> Page:
    here = ctx.site.src("journeys", journey.id)
    if journey.problems:
        parts = (f"# {text(journey.title)}", header(handbook, journey, ctx, here), problem_list(journey.problems))
        return Page(here, journey.title, parts, journey.summary, journey.tags, journey.source)
    labels = ctx.templates.labels
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
        header=Markup(header(handbook, journey, ctx, here)),
        kpis=Markup(kpi_table(journey.kpis, labels["journey_measures_caption"])) if journey.kpis else "",
        grid=Markup(grid(handbook, journey, ctx, here)),
        # The lane draws the curve; plotly only where it adds the baseline overlay and hover.
        compared=Markup(journey_figure(handbook, journey, ctx, here)) if baseline is not None else "",
        ownership=Markup(ownership(handbook, journey, ctx, here)),
        narrative_heading=bool(journey.body) and not starts_with_heading(journey.body),
        history=Markup(history_section(history, ctx, here)) if history else "",
        shown_in=shown_in,
    )


def header(handbook, journey, ctx, here) -> str:
    labels = ctx.templates.labels
    state = text(labels.get(f"state_{journey.state}", journey.state))
    if journey.baseline:
        baseline = handbook.journey_by_id.get(journey.baseline)
        state += f" — {text(labels['journey_redesigns'])} " + (
            journey_link(ctx, here, baseline) if baseline else text(journey.baseline)
        )
    redesigns = handbook.redesigned_by.get(journey.id, ())
    if redesigns:
        state += f" — {text(labels['journey_redesigned_by'])} " + joined(journey_link(ctx, here, j) for j in redesigns)
    return ctx.render(
        "journey_header.html",
        journey=journey,
        personas=Markup(joined(persona_link(ctx, here, handbook, p) for p in journey.personas)),
        owner=Markup(team_link(ctx, here, handbook, journey.owner)),
        state=Markup(state),
        review=Markup(review_status(journey.reviewed, ctx)),
    )


def grid(handbook, journey, ctx, here) -> str:
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
                "link": Markup(stage_link(ctx, here, handbook, block.stage)),
                "goal": block.goal or "",
                "expectations": list(block.expectations),
            }
        )
        steps += [
            {"index": first + n, "anchor": escape(step_anchor(s)), "touchpoint": s.touchpoint, "stage_start": n == 0}
            for n, s in enumerate(block.steps)
        ]
        first += len(block.steps)
    lanes = [
        dict(row, cells=Markup(row["cells"])) for row in lane_cells(handbook, journey, ctx, here, ctx.templates.labels)
    ]
    return ctx.render(
        "journey_grid.html",
        journey=journey,
        stages=stages,
        steps=steps,
        lanes=lanes,
        goals=any(s["goal"] or s["expectations"] for s in stages),
    )


def ownership(handbook, journey, ctx, here) -> str:
    labels = ctx.templates.labels
    # Cells, not finished rows, so the table fragment labels each for the phone's cards; the
    # touchpoint links to its column on the journey page, wherever the table is shown.
    rows = [
        [
            stage_link(ctx, here, handbook, block.stage),
            step_link(ctx, here, journey, step),
            team_link(ctx, here, handbook, step.owner),
            joined(team_link(ctx, here, handbook, t) for t in step.supporting),
            joined(text(t) for t in step.tools),
        ]
        for block, step in journey.steps
    ]
    headers = [labels[f"journey_col_{c}"] for c in ("stage", "touchpoint", "owner", "supporting", "tools")]
    # Out of search: every touchpoint and owner is in the grid above it already.
    return table("jm-ownership", labels["journey_ownership_caption"], headers, rows, NOT_SEARCHED)
