"""The stage index: the stage catalogue in order, with how much of the handbook each covers."""

from __future__ import annotations

from journeys.core.index import average, pain_points_at, places_by_stage
from journeys.render.fragments import emotion, stage_link, table
from journeys.render.page import Page
from journeys.render.text import text


def stages_index(handbook, ctx) -> Page:
    here = ctx.site.src("stages")
    by_stage = places_by_stage(handbook.valid_journeys)
    rows = []
    for stage in handbook.stages:
        places = by_stage.get(stage.id, ())
        mean = average(p.step.emotion for p in places)
        rows.append(
            f"<tr><td>{stage_link(ctx, here, handbook, stage.id)}</td><td>{text(stage.description or '')}</td>"
            f"<td>{len({p.journey.id for p in places})}</td><td>{len(pain_points_at(handbook.pain_points, places))}</td>"
            f"<td>{emotion(mean) if mean is not None else ''}</td></tr>"
        )
    headers = ("Stage", "Description", "Journeys", "Pain points", "Average emotion")
    parts = ["# Stages", "<p>The broad phases of every customer experience, always in this order.</p>",
             table("jm-index", "The stages, in the order every map follows", headers, rows)]
    return Page(here, "Stages", tuple(parts), "The stage catalogue shared by every journey.")
