"""A `journey-map` block rendered in place: the parts of a journey page a hand-written page
asks for, with links resolved from that page, or the errors that stop the block."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from markupsafe import Markup

from journeys.core.embed_blocks import Embed
from journeys.core.handbook import Handbook
from journeys.core.model import Journey, Step
from journeys.render import journey_page
from journeys.render.canvas import opportunity_card, pain_card
from journeys.render.charts import journey_figure
from journeys.render.context import Context
from journeys.render.fragments import stage_link, step_link

Item = TypeVar("Item")


def _cards(
    handbook: Handbook,
    journey: Journey,
    ctx: Context,
    here: str,
    card: Callable[[Handbook, Context, str, Item, Markup], Markup],
    items_of: Callable[[Step], Iterable[Item]],
) -> Markup:
    """The journey's pain points or opportunities as the map's cards, each saying where it
    occurs (the grid that would place them is not on the page)."""
    cards = [
        card(
            handbook,
            ctx,
            here,
            item,
            ctx.macros.card_place(step_link(ctx, here, journey, step), stage_link(ctx, here, handbook, block.stage)),
        )
        for block, step in journey.steps
        for item in items_of(step)
    ]
    return ctx.macros.cards(cards, True) if cards else Markup()


def _parts(handbook: Handbook, journey: Journey, ctx: Context, here: str) -> dict[str, Callable[[], Markup]]:
    """Each part as the journey page shows it, made only when asked for."""
    return {
        "header": lambda: journey_page.header(handbook, journey, ctx, here),
        "chart": lambda: journey_figure(handbook, journey, ctx, here, beside_lane=False),
        "grid": lambda: journey_page.grid(handbook, journey, ctx, here),
        "ownership": lambda: journey_page.ownership(handbook, journey, ctx, here),
        "pain-points": lambda: _cards(handbook, journey, ctx, here, pain_card, lambda s: s.pain_points),
        "opportunities": lambda: _cards(handbook, journey, ctx, here, opportunity_card, lambda s: s.opportunities),
    }


def embed_html(handbook: Handbook, embed: Embed, ctx: Context, here: str) -> Markup:
    """The block's HTML; `here` is the embedding page's source path."""
    with ctx.templates.reported():
        if embed.problems or embed.journey is None:  # a block without problems names its journey
            return ctx.render("embed_error.html", problems=[str(p) for p in embed.problems])
        journey = handbook.journey_by_id[embed.journey]
        href = ctx.site.href(here, ctx.site.src("journeys", journey.id))
        if journey.problems:
            return ctx.render(
                "embed.html", journey=journey, href=href, parts=[], problems=[str(p) for p in journey.problems]
            )
        made = _parts(handbook, journey, ctx, here)
        parts = [(name, made[name]()) for name in embed.show]
        return ctx.render(
            "embed.html", journey=journey, href=href, parts=[(n, html) for n, html in parts if html], problems=[]
        )
