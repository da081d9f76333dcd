"""The persona index: every persona with its summary and how many journeys it takes."""

from __future__ import annotations

from journeys.render.fragments import persona_link
from journeys.render.page import Page
from journeys.render.text import text


def personas_index(handbook, ctx) -> Page:
    here = ctx.site.src("personas")
    counts: dict[str, dict[str, int]] = {p.id: {"current": 0, "future": 0} for p in handbook.personas}
    for journey in handbook.journeys:
        for persona_id in journey.personas:
            counts.setdefault(persona_id, {"current": 0, "future": 0})[journey.state] += 1
    rows = "".join(
        f"<tr><td>{persona_link(ctx, here, handbook, p.id)}</td><td>{text(p.summary or '')}</td>"
        f"<td>{text(p.segment or '')}</td><td>{counts[p.id]['current']}</td><td>{counts[p.id]['future']}</td></tr>"
        for p in handbook.personas
    )
    table = ('<table class="jm-index"><caption>Every persona</caption>'
             '<thead><tr><th scope="col">Persona</th><th scope="col">Summary</th><th scope="col">Segment</th>'
             '<th scope="col">Current-state journeys</th><th scope="col">Future-state journeys</th></tr></thead>'
             f"<tbody>{rows}</tbody></table>")
    parts = ["# Personas", f"<p>{len(handbook.personas)} personas: who our customers are and every journey each one takes.</p>", table]
    return Page(here, "Personas", "\n\n".join(parts) + "\n", "Every persona in the handbook.")
