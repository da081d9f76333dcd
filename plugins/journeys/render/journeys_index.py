"""The journeys index: every journey grouped by persona and by folder, with state and review
status. Detail pages are reached from here, not from the site navigation."""

from __future__ import annotations

from markupsafe import Markup

from journeys.render.charts import heatmap_figure
from journeys.render.fragments import joined, journey_status, persona_link, table, team_link
from journeys.render.page import Page
from journeys.render.text import link, text


def journeys_index(handbook, ctx) -> Page:
    here = ctx.site.src("journeys")
    labels = ctx.labels
    by_persona: dict[str, list] = {}
    for journey in handbook.journeys:
        for persona_id in journey.personas:
            by_persona.setdefault(persona_id, []).append(journey)
    personas = []
    for persona in handbook.personas:
        journeys = by_persona.get(persona.id, [])
        caption = labels["journeys_of"].format(persona=persona.name)
        personas.append({"id": Markup(persona.id), "link": Markup(persona_link(ctx, here, handbook, persona.id)),
                         "table": Markup(_table(handbook, journeys, ctx, here, caption)) if journeys else None})
    by_folder: dict[str, list] = {}
    for journey in handbook.journeys:
        by_folder.setdefault(journey.folder, []).append(journey)
    folders = []
    for folder, journeys in sorted(by_folder.items()):
        name = folder or labels["top_level"]
        folders.append({"id": folder.replace("/", "-") or "top", "name": name,
                        "table": Markup(_table(handbook, journeys, ctx, here, labels["journeys_in"].format(folder=name)))})
    return ctx.page(here, "journeys_index.html", title=labels["journeys_title"],
                    description=labels["journeys_description"], journeys=len(handbook.journeys),
                    personas_count=len(handbook.personas), heatmap=Markup(heatmap_figure(handbook, ctx, here)),
                    personas=personas, folders=folders)


def _table(handbook, journeys, ctx, here, caption) -> str:
    labels = ctx.labels
    state_words = {"current": labels["state_current"], "future": labels["state_future"]}
    rows = [
        (link(ctx.site.href(here, ctx.site.src("journeys", journey.id)), journey.title),
         text(state_words.get(journey.state, journey.state)),
         joined(persona_link(ctx, here, handbook, p) for p in journey.personas),
         team_link(ctx, here, handbook, journey.owner), journey_status(journey, ctx))
        for journey in journeys
    ]
    headers = [labels[k] for k in ("col_journey", "col_state", "col_personas", "col_owner", "col_review")]
    return table("jm-index", caption, headers, rows)
