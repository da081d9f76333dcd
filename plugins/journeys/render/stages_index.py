"""The stage index: the stage catalogue in order, with how much of the handbook each covers."""

from __future__ import annotations

from journeys.core.handbook import Handbook
from journeys.core.index import feeling_by_stage, pain_points_at, places_by_stage
from journeys.render.context import Context
from journeys.render.fragments import emotion, stage_link, table
from journeys.render.generated_page import Page


def stages_index(handbook: Handbook, ctx: Context) -> Page:
    here = ctx.site.src("stages")
    labels = ctx.labels
    by_stage = places_by_stage(handbook.valid_journeys)
    today = feeling_by_stage(handbook.valid_journeys)
    rows = []
    for stage in handbook.stages:
        places = by_stage.get(stage.id, ())
        mean = today[stage.id].average if stage.id in today else None
        rows.append(
            (
                stage_link(ctx, here, handbook, stage.id),
                stage.description or "",
                str(len({p.journey.id for p in places})),
                str(len(pain_points_at(handbook.pain_points, places))),
                emotion(ctx, mean) if mean is not None else "",
            )
        )
    headers = [
        labels[k] for k in ("col_stage", "col_description", "col_journeys", "col_pain_points", "col_average_emotion")
    ]
    stages = table(ctx, "jm-index", labels["stages_caption"], headers, rows, searched=False, numeric=(2, 3))
    return ctx.page(
        here, "stages_index.html", title=labels["stages_title"], description=labels["stages_description"], table=stages
    )
