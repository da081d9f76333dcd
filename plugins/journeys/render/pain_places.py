"""The page of a pain point that occurs in more places than its row in the pain-point index
shows (pagination.ROW_LIMIT): every place, with the wording, evidence and opportunities each
map gives it there, and every persona it reaches. Its row stays the pain point's home (and
its home in search); this page is linked from the row and left out of search, as the list
pages of stages and teams are. A pain point in thousands of places continues on list pages
(`pain-points/places/<id>/page-2.md`...), cut like every other long list."""

from __future__ import annotations

from functools import partial

from journeys.core.handbook import Handbook
from journeys.core.index import MergedPainPoint, Place
from journeys.core.model import Opportunity, PainPoint
from journeys.render.context import Context
from journeys.render.fragments import Cell, Row, joined, opportunity_href, pain_point_href, persona_link, table
from journeys.render.generated_page import Page
from journeys.render.page_inputs import layout, remember
from journeys.render.pagination import (
    PAIN_PLACE_BYTES,
    Part,
    pager,
    pain_overflows,
    pain_places_src,
    split,
)
from journeys.render.pain_points_page import place_words

Item = tuple[Place, PainPoint, tuple[Opportunity, ...]]  # a place, what it says, what addresses it there


def pain_places_pages(handbook: Handbook, ctx: Context) -> list[Page]:
    pages = []
    for pain in handbook.pain_points:
        if not pain_overflows(pain):
            continue
        parts = place_parts(pain, ctx)
        shape = layout(parts)
        for part in parts:
            pages.append(
                remember(
                    ctx,
                    part.src,
                    partial(_inputs, handbook, ctx, pain, shape, part),
                    partial(_page, handbook, ctx, pain, parts, part),
                )
            )
    return pages


def items(pain: MergedPainPoint) -> list[Item]:
    """Each place in the row's order, with its occurrence and the opportunities named there."""
    there: dict[int, list[Opportunity]] = {}
    for place, opportunity in pain.opportunities:
        there.setdefault(id(place.step), []).append(opportunity)
    return [(place, own, tuple(there.get(id(place.step), ()))) for place, own in zip(pain.places, pain.occurrences)]


def place_parts(pain: MergedPainPoint, ctx: Context) -> list[Part]:
    def weight(item: Item) -> int:
        return PAIN_PLACE_BYTES * (1 + len(item[1].evidence) + len(item[2]))

    return split(pain_places_src(ctx.site, pain.id), items(pain), weight)


def _inputs(handbook: Handbook, ctx: Context, pain: MergedPainPoint, shape: tuple, part: Part) -> tuple:
    """The pain point (its places and what they say), where its row is, the rows of the
    opportunities this part links and the names of the personas the first part lists."""
    rows = tuple(ctx.opportunity_homes.get(o.key) for _, _, opportunities in part.items for o in opportunities)
    names = tuple(handbook.persona_by_id[p].name for p in pain.personas if p in handbook.persona_by_id)
    return pain, ctx.pain_homes.get(pain.id), shape, rows, names if part.number == 1 else ()


def _page(handbook: Handbook, ctx: Context, pain: MergedPainPoint, parts: list[Part], part: Part) -> Page:
    labels, here = ctx.labels, part.src
    span = labels["pager_range"].format(first=part.first, last=part.last)
    title = labels["pain_places_title"].format(pain=pain.text)
    rows = []
    for place, own, opportunities in part.items:
        offered = []
        for opportunity in opportunities:
            href = opportunity_href(ctx, here, opportunity.key)
            offered.append(ctx.link(href, opportunity.text) if href else opportunity.text)
        cells = (
            Cell(place_words(ctx, here, handbook, place)),
            Cell(own.text if own.text != pain.text else ""),
            Cell(ctx.macros.evidence_list(own.evidence)),
            Cell(ctx.macros.link_list(offered)),
        )
        rows.append(Row(cells))  # bare cells are escaped text
    headers = [labels[k] for k in ("col_where", "col_wording", "col_evidence", "col_opportunities")]
    return ctx.page(
        here,
        "pain_places.html",
        title=title if len(parts) == 1 else labels["part_title"].format(title=title, range=span),
        description=labels["pain_places_description"],
        search={"exclude": True},
        pain=pain,
        range=span,
        counts={"places": len(pain.places), "journeys": len(pain.journeys), "personas": len(pain.personas)},
        row_link=ctx.link(pain_point_href(ctx, here, pain.id), labels["pain_places_row"]),
        personas=joined(persona_link(ctx, here, handbook, p) for p in pain.personas) if part.number == 1 else None,
        pager=pager(ctx, parts, here),
        table=table(ctx, "jm-pain-places", labels["pain_places_caption"], headers, rows, searched=False),
    )
