"""The persona index: every persona with its summary and how many journeys it takes."""

from __future__ import annotations

from journeys.render.fragments import persona_link, table
from journeys.render.page import Page
from journeys.render.text import text


def personas_index(handbook, ctx) -> Page:
    here = ctx.site.src("personas")
    counts: dict[str, dict[str, int]] = {p.id: {"current": 0, "future": 0} for p in handbook.personas}
    for journey in handbook.journeys:
        for persona_id in journey.personas:
            counts.setdefault(persona_id, {"current": 0, "future": 0})[journey.state] += 1
    rows = [
        f"<tr><td>{persona_link(ctx, here, handbook, p.id)}</td><td>{text(p.summary or '')}</td>"
        f"<td>{text(p.segment or '')}</td><td>{counts[p.id]['current']}</td><td>{counts[p.id]['future']}</td></tr>"
        for p in handbook.personas
    ]
    headers = ("Persona", "Summary", "Segment", "Current-state journeys", "Future-state journeys")
    parts = ["# Personas", f"<p>{len(handbook.personas)} personas: who our customers are and every journey each one takes.</p>",
             table("jm-index", "Every persona", headers, rows)]
    return Page(here, "Personas", tuple(parts), "Every persona in the handbook.")
