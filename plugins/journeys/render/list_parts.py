"""What the pages of one paged list share (render/pagination.py cuts the list): the pager and
range words each part shows, the frame of a list page after the first (for the journeys and
measures indexes and a persona's, journey's, stage's, team's or measure's page), and the
remembered parts of a filterable index."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Any

from journeys.render.context import Context
from journeys.render.generated_page import Page
from journeys.render.page_inputs import layout, remember
from journeys.render.pagination import Part, pager
from journeys.render.text import json_data


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


def filtered_index(
    ctx: Context,
    parts: list[Part],
    options: Mapping[str, object],
    inputs: Callable[[tuple, Part], object],
    render: Callable[[list[Part], Part, str], Page],
) -> list[Page]:
    """The parts of an index that journeys-filter.js filters (insights, portfolio): each is
    `render(parts, part, choices)` with the filter's `options` as JSON (every row contributes
    to them, so every part has them all), remembered by `inputs(shape, part)`."""
    shape = layout(parts)
    choices = json_data(options)
    return [remember(ctx, p.src, partial(inputs, shape, p), partial(render, parts, p, choices)) for p in parts]
