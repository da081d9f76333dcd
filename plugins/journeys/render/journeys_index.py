"""The journeys index: every journey grouped by persona and by folder, with state and review
status. Detail pages are reached from here, not from the site navigation."""

from __future__ import annotations

from journeys.render.charts import heatmap_figure
from journeys.render.fragments import joined, persona_link, review_status, table, team_link
from journeys.render.journey_page import STATE_WORDS
from journeys.render.page import Page
from journeys.render.text import link, text


def journeys_index(handbook, ctx) -> Page:
    here = ctx.site.src("journeys")
    parts = ["# Journeys", f"<p>{len(handbook.journeys)} journey maps for {len(handbook.personas)} personas.</p>"]
    heatmap = heatmap_figure(handbook, ctx, here)
    if heatmap:
        parts += ["## How each persona feels at each stage", heatmap]
    parts.append("## By persona")
    by_persona: dict[str, list] = {}
    for journey in handbook.journeys:
        for persona_id in journey.personas:
            by_persona.setdefault(persona_id, []).append(journey)
    for persona in handbook.personas:
        journeys = by_persona.get(persona.id, [])
        parts.append(f'<h3 id="persona-{persona.id}">{persona_link(ctx, here, handbook, persona.id)}</h3>')
        parts.append(_table(handbook, journeys, ctx, here, f"Journeys of {persona.name}") if journeys else "<p>No journeys yet.</p>")
    parts.append("## By folder")
    by_folder: dict[str, list] = {}
    for journey in handbook.journeys:
        by_folder.setdefault(journey.folder, []).append(journey)
    for folder, journeys in sorted(by_folder.items()):
        name = folder or "(top level)"
        parts.append(f'<h3 id="folder-{text(folder.replace("/", "-") or "top")}">{text(name)}</h3>')
        parts.append(_table(handbook, journeys, ctx, here, f"Journeys in {name}"))
    return Page(here, "Journeys", tuple(parts), "Every journey map in the handbook.")


def _table(handbook, journeys, ctx, here, caption) -> str:
    rows = []
    for journey in journeys:
        title = link(ctx.site.href(here, ctx.site.src("journeys", journey.id)), journey.title)
        state = text(STATE_WORDS.get(journey.state, journey.state))
        status = ('<span class="jm-review jm-review--invalid">has errors</span>' if journey.problems
                  else review_status(journey.reviewed, ctx))
        rows.append(
            f"<tr><td>{title}</td><td>{state}</td>"
            f"<td>{joined(persona_link(ctx, here, handbook, p) for p in journey.personas)}</td>"
            f"<td>{team_link(ctx, here, handbook, journey.owner)}</td><td>{status}</td></tr>"
        )
    return table("jm-index", caption, ("Journey", "State", "Personas", "Owner", "Review"), rows)
