"""The persona index: every persona with its summary and how many journeys it takes."""

from __future__ import annotations

from journeys.core.handbook import Handbook
from journeys.render.context import Context
from journeys.render.fragments import persona_link, table
from journeys.render.generated_page import Page


def personas_index(handbook: Handbook, ctx: Context) -> Page:
    here = ctx.site.src("personas")
    labels = ctx.labels
    counts: dict[str, dict[str, int]] = {p.id: {"current": 0, "future": 0} for p in handbook.personas}
    for journey in handbook.journeys:
        for persona_id in journey.personas:
            counts.setdefault(persona_id, {"current": 0, "future": 0})[journey.state] += 1
    rows = [
        (
            persona_link(ctx, here, handbook, p.id),
            p.summary or "",
            p.segment or "",
            str(counts[p.id]["current"]),
            str(counts[p.id]["future"]),
        )
        for p in handbook.personas
    ]
    headers = [
        labels[k] for k in ("col_persona", "col_summary", "col_segment", "col_current_journeys", "col_future_journeys")
    ]
    personas = table(ctx, "jm-index", labels["personas_caption"], headers, rows, searched=False, numeric=(3, 4))
    return ctx.page(
        here,
        "personas_index.html",
        title=labels["personas_title"],
        description=labels["personas_description"],
        count=len(handbook.personas),
        table=personas,
    )
