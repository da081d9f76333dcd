"""The journeys index: every journey grouped by persona and by folder, with state and review
status, after the tree of top-level journeys when journeys zoom into others. Detail pages are reached from here, not from the site navigation. A large index
continues on list pages (render/pagination.py): its first page then opens with a contents list
that links every persona's and folder's section where it lives."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial
from typing import Any

from markupsafe import Markup

from journeys.core.handbook import Handbook
from journeys.core.hierarchy import has_hierarchy
from journeys.core.ids import slugify
from journeys.core.model import Journey, Persona
from journeys.render import pagination
from journeys.render.context import Context
from journeys.render.fragments import joined, journey_link, journey_status, persona_link, table, team_link
from journeys.render.generated_page import Page
from journeys.render.health import counts, has_measures, journey_healths
from journeys.render.heat_table import heatmap_figure
from journeys.render.list_parts import list_part
from journeys.render.page_inputs import layout, remember
from journeys.render.pagination import (
    HEALTH_CELL_BYTES,
    HEATMAP_ROW_BYTES,
    INDEX_ROW_BYTES,
    SECTION_LINK_BYTES,
    Part,
    pager,
    split,
)
from journeys.render.text import url
from journeys.render.zoom import TREE_NODE_BYTES, top_journeys, tree, tree_facts, tree_levels

Item = tuple["Section", int, "Journey | None"]  # a row of the index: its section, its place there, its journey


def journeys_index(handbook: Handbook, ctx: Context) -> list[Page]:
    here = ctx.site.src("journeys")
    labels = ctx.labels
    by_persona: dict[str, list[Journey]] = {}
    for journey in handbook.journeys:
        for persona_id in journey.personas:
            by_persona.setdefault(persona_id, []).append(journey)
    by_folder: dict[str, list[Journey]] = {}
    for journey in handbook.journeys:
        by_folder.setdefault(journey.folder, []).append(journey)
    folders_in_order = sorted(by_folder)
    # Heading ids are slugs, as map ids are: a folder name is author text, and one that
    # slugs like another (or like a persona heading) still gets an id of its own.
    ids = unique_ids(
        ["persona-" + p.id for p in handbook.personas]
        + ["folder-" + (slugify(folder) or "top") for folder in folders_in_order]
    )
    sections = [
        Section("persona", id_, persona, persona.name, by_persona.get(persona.id, []))
        for persona, id_ in zip(handbook.personas, ids)
    ]
    sections += [
        Section("folder", id_, folder, folder or labels["top_level"], by_folder[folder])
        for folder, id_ in zip(folders_in_order, ids[len(handbook.personas) :])
    ]
    # One item a row (a section without journeys is one empty row), so a long folder spreads
    # over parts; the first part shares its page with the contents list.
    items: list[Item] = [
        (section, n, journey) for section in sections for n, journey in enumerate(section.journeys or [None])
    ]
    contents = SECTION_LINK_BYTES * len(sections)
    # With a hierarchy the first part opens with its tree, as many levels as half a page holds.
    # Its top level is bounded too: at most as many journeys as the half page holds.
    top = top_journeys(handbook, pagination.BUDGET // 2 // TREE_NODE_BYTES)
    levels, nodes = tree_levels(handbook, pagination.BUDGET // 2, top) if has_hierarchy(handbook.journeys) else (0, 0)
    contents += TREE_NODE_BYTES * nodes

    row_bytes = INDEX_ROW_BYTES + (HEALTH_CELL_BYTES if has_measures(handbook) else 0)

    def weight(item: Item) -> int:
        section, n, _ = item
        return row_bytes + (HEATMAP_ROW_BYTES if section.kind == "persona" and n == 0 else 0)

    parts = split(
        here, items, weight, max(pagination.BUDGET - contents, pagination.BUDGET // 3)
    )  # read now: tests lower it
    home = {item[0].id: part.src for part in parts for item in part.items if item[1] == 0}
    shape = layout(parts)
    current = tuple(j for j in handbook.valid_journeys if j.state != "future")
    # The heat map's columns are the stages of every current-state journey.
    columns = tuple(dict.fromkeys(block.stage for j in current for block in j.stages))

    def inputs(part: Part) -> tuple:
        rows = tuple((s.kind, s.id, s.name, n, journey) for s, n, journey in part.items)
        # The heat map charts every persona with rows on the part, from all its journeys.
        charted = {s.id: s.key.id for s, _, _ in part.items if s.kind == "persona"}
        heat = tuple(handbook.journeys_by_persona.get(persona_id, ()) for persona_id in charted.values())
        whole: tuple = ()
        if part.number == 1:  # the contents list and the counts
            whole = (
                tuple((s.kind, s.id, s.name, len(s.journeys), home[s.id]) for s in sections),
                len(handbook.journeys),
                len(handbook.personas),
                tree_facts(handbook) if levels else (),
            )
        return shape, rows, heat, columns, whole

    return [
        remember(ctx, p.src, partial(inputs, p), partial(_part, handbook, ctx, parts, p, sections, home, levels, top))
        for p in parts
    ]


def _part(
    handbook: Handbook,
    ctx: Context,
    parts: list[Part],
    part: Part,
    sections: list[Section],
    home: dict[str, str],
    levels: int,
    top: Sequence[Journey],
) -> Page:
    """A part of the index; the first opens with the tree of `levels` levels (none: 0)."""
    here = ctx.site.src("journeys")
    labels = ctx.labels
    values = part_values(handbook, part, ctx)
    if part.number > 1:
        return list_part(
            ctx,
            parts,
            part,
            "journeys_part.html",
            title=labels["journeys_title"],
            description=labels["journeys_description"],
            index_link=ctx.link(ctx.site.href(part.src, here), labels["journeys_title"]),
            **values,
        )
    toc = (
        [
            {
                "kind": s.kind,
                "name": s.name,
                "count": len(s.journeys),
                "href": Markup(url(ctx.site.href(here, home[s.id], s.id))),
            }
            for s in sections
        ]
        if len(parts) > 1
        else []
    )
    # Every row repeats a journey, persona or team whose home is its own page.
    return ctx.page(
        here,
        "journeys_index.html",
        title=labels["journeys_title"],
        search={"exclude": True},
        description=labels["journeys_description"],
        journeys=len(handbook.journeys),
        personas_count=len(handbook.personas),
        tree=tree(handbook, ctx, here, levels, top) if levels else [],
        tree_counts={"shown": len(top), "total": sum(1 for j in handbook.journeys if j.parent is None)},
        contents=toc,
        pager=pager(ctx, parts, part.src),
        **values,
    )


class Section:
    """The journeys of one persona or one folder: `key` the persona or the folder name."""

    def __init__(self, kind: str, id_: str, key: Persona | str, name: str, journeys: list[Journey]) -> None:
        self.kind, self.id, self.key, self.name, self.journeys = kind, id_, key, name, journeys


def part_values(handbook: Handbook, part: Part, ctx: Context) -> dict[str, Any]:
    """The heat map of the personas whose sections this part holds, and its sections' tables:
    a section begun on an earlier part continues here under the same name, without its id."""
    labels = ctx.labels
    here = part.src
    grouped: dict[str, dict] = {}  # section id -> {section, first: its first row is here, journeys}
    for section, n, journey in part.items:
        entry = grouped.setdefault(section.id, {"section": section, "first": n == 0, "journeys": []})
        if journey is not None:
            entry["journeys"].append(journey)
    personas, folders = [], []
    for entry in grouped.values():
        section = entry["section"]
        journeys = entry["journeys"]
        id_ = Markup(section.id) if entry["first"] else None
        if section.kind == "persona":
            caption = labels["journeys_of"].format(persona=section.name)
            personas.append(
                {
                    "id": id_,
                    "link": persona_link(ctx, here, handbook, section.key.id),
                    "table": _table(handbook, journeys, ctx, here, caption) if journeys else None,
                }
            )
        else:
            caption = labels["journeys_in"].format(folder=section.name)
            folders.append({"id": id_, "name": section.name, "table": _table(handbook, journeys, ctx, here, caption)})
    among = [e["section"].key for e in grouped.values() if e["section"].kind == "persona"]
    heatmap = heatmap_figure(handbook, ctx, here, among) if among else Markup()
    return {"heatmap": heatmap, "personas": personas, "folders": folders}


def unique_ids(wanted: Iterable[str]) -> list[str]:
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


def _table(handbook: Handbook, journeys: Sequence[Journey], ctx: Context, here: str, caption: str) -> Markup:
    labels = ctx.labels
    state_words = {"current": labels["state_current"], "future": labels["state_future"]}
    healthy = has_measures(handbook)  # map format 1.2: each journey's KPIs counted by health
    rows = [
        (
            journey_link(ctx, here, journey),
            state_words.get(journey.state, journey.state),
            joined(persona_link(ctx, here, handbook, p) for p in journey.personas),
            team_link(ctx, here, handbook, journey.owner),
            journey_status(journey, ctx),
            *([counts(ctx, journey_healths(ctx, journey)) if not journey.problems else ""] if healthy else []),
        )
        for journey in journeys
    ]
    keys = ("col_journey", "col_state", "col_personas", "col_owner", "col_review") + (
        ("col_health",) if healthy else ()
    )
    headers = [labels[k] for k in keys]
    return table(ctx, "jm-index", caption, headers, rows)
