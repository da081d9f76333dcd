"""The stage index: the stage catalogue in order, with how much of the handbook each covers."""

from __future__ import annotations

from markupsafe import Markup

from journeys.core.index import feeling_by_stage, pain_points_at, places_by_stage
from journeys.render.fragments import NOT_SEARCHED, emotion, stage_link, table
from journeys.render.generated_page import Page
from journeys.render.text import text


def stages_index(handbook, ctx) -> Page:
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
                text(stage.description or ""),
                str(len({p.journey.id for p in places})),
                str(len(pain_points_at(handbook.pain_points, places))),
                emotion(labels, mean) if mean is not None else "",
            )
        )
    headers = [
        labels[k] for k in ("col_stage", "col_description", "col_journeys", "col_pain_points", "col_average_emotion")
    ]
    stages = Markup(table("jm-index", labels["stages_caption"], headers, rows, NOT_SEARCHED, numeric=(2, 3)))
    return ctx.page(
        here, "stages_index.html", title=labels["stages_title"], description=labels["stages_description"], table=stages
    )
