"""The list pages of a journey with many journeys inside it: its children's table continues on
`journeys/<id>/page-2.md`... (render/pagination.py), the first part staying under the
journey's map (render/zoom.py)."""

from __future__ import annotations

from functools import partial

from journeys.core.handbook import Handbook
from journeys.core.model import Journey
from journeys.render.context import Context
from journeys.render.fragments import journey_link
from journeys.render.generated_page import Page
from journeys.render.list_parts import list_part
from journeys.render.page_inputs import layout, remember
from journeys.render.pagination import Part
from journeys.render.zoom import child_facts, children_parts, children_table


def children_pages(handbook: Handbook, ctx: Context) -> list[Page]:
    pages = []
    for journey in handbook.valid_journeys:
        parts = children_parts(handbook, journey, ctx)
        for part in parts[1:]:
            inputs = partial(_inputs, handbook, journey, layout(parts), part)
            pages.append(remember(ctx, part.src, inputs, partial(_part, handbook, journey, ctx, parts, part)))
    return pages


def _inputs(handbook: Handbook, journey: Journey, shape: tuple, part: Part) -> tuple:
    """What a list page shows: the journey's title, where the parts begin, its rows."""
    return journey.id, journey.title, shape, tuple(child_facts(handbook, child) for child in part.items)


def _part(handbook: Handbook, journey: Journey, ctx: Context, parts: list[Part], part: Part) -> Page:
    return list_part(
        ctx,
        parts,
        part,
        "journey_children_part.html",
        title=journey.title,
        description=journey.summary,
        journey=journey,
        journey_link=journey_link(ctx, part.src, journey),
        table=children_table(handbook, journey, ctx, part.src, part.items),
    )
