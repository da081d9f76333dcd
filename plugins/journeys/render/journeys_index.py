"""The journeys index: every journey grouped by persona and by folder, with state and review
status. Detail pages are reached from here, not from the site navigation."""

from __future__ import annotations

from markupsafe import Markup

from journeys.core.ids import slugify
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
    by_folder: dict[str, list] = {}
    for journey in handbook.journeys:
        by_folder.setdefault(journey.folder, []).append(journey)
    folders_in_order = sorted(by_folder)
    # Heading ids are slugs, as map ids are: a folder name is author text, and one that
    # slugs like another (or like a persona heading) still gets an id of its own.
    ids = unique_ids(["persona-" + p.id for p in handbook.personas]
                     + ["folder-" + (slugify(folder) or "top") for folder in folders_in_order])
    personas = []
    for persona, id_ in zip(handbook.personas, ids):
        journeys = by_persona.get(persona.id, [])
        caption = labels["journeys_of"].format(persona=persona.name)
        personas.append({"id": Markup(id_), "link": Markup(persona_link(ctx, here, handbook, persona.id)),
                         "table": Markup(_table(handbook, journeys, ctx, here, caption)) if journeys else None})
    folders = []
    for folder, id_ in zip(folders_in_order, ids[len(handbook.personas):]):
        name = folder or labels["top_level"]
        caption = labels["journeys_in"].format(folder=name)
        folders.append({"id": Markup(id_), "name": name,
                        "table": Markup(_table(handbook, by_folder[folder], ctx, here, caption))})
    return ctx.page(here, "journeys_index.html", title=labels["journeys_title"],
                    description=labels["journeys_description"], journeys=len(handbook.journeys),
                    personas_count=len(handbook.personas), heatmap=Markup(heatmap_figure(handbook, ctx, here)),
                    personas=personas, folders=folders)


def unique_ids(wanted) -> list[str]:
    """`wanted` ids in order, a repeated one given the first free "-2", "-3"... suffix."""
    taken: set[str] = set()
    found = []
    for id_ in wanted:
        candidate, n = id_, 1
        while candidate in taken:
            n += 1
            candidate = f"{id_}-{n}"
        taken.add(candidate)
        found.append(candidate)
    return found


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
