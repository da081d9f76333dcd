"""What the pages of one paged list share (render/pagination.py cuts the list): the pager and
range words each part shows, and the frame of a list page after the first, for the journeys
and measures indexes and for a persona's, journey's, stage's, team's or measure's page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from journeys.render.context import Context
from journeys.render.generated_page import Page
from journeys.render.pagination import Part, pager


def paging(ctx: Context, parts: Sequence[Part], part: Part) -> dict[str, Any]:
    """`pager`, the links between the parts seen from `part`, and `range`, the words for the
    items it holds ("" when the list has one part: the page says nothing of parts)."""
    words = ctx.labels["pager_range"].format(first=part.first, last=part.last) if len(parts) > 1 else ""
    return {"pager": pager(ctx, parts, part.src), "range": words}


def list_part(
    ctx: Context,
    parts: Sequence[Part],
    part: Part,
    template: str,
    *,
    title: str,
    description: str | None,
    **values: Any,
) -> Page:
    """A list page after the first: "`title`: range" and left out of search, as its items are
    at home on the first page or their own; `values` are the template's, beside the paging."""
    shown = paging(ctx, parts, part)
    return ctx.page(
        part.src,
        template,
        search={"exclude": True},
        title=ctx.labels["part_title"].format(title=title, range=shown["range"]),
        description=description,
        **shown,
        **values,
    )
