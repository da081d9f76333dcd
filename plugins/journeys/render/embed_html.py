"""A `journey-map` block rendered in place: the parts of a journey page a hand-written page
asks for, with links resolved from that page, or the errors that stop the block."""

from __future__ import annotations

from markupsafe import Markup

from journeys.core.embed_blocks import Embed
from journeys.render import journey_page
from journeys.render.canvas import opportunity_card, pain_card
from journeys.render.charts import journey_figure
from journeys.render.fragments import stage_link, step_link


def _cards(handbook, journey, ctx, here: str, card, items_of) -> str:
    """The journey's pain points or opportunities as the map's cards, each saying where it
    occurs (the grid that would place them is not on the page)."""
    labels = ctx.templates.labels
    cards = [
        card(
            handbook,
            ctx,
            here,
            labels,
            item,
            place=f'<p class="jm-card__place">{step_link(ctx, here, journey, step)}'
            f" · {stage_link(ctx, here, handbook, block.stage)}</p>",
        )
        for block, step in journey.steps
        for item in items_of(step)
    ]
    return f'<ul class="jm-cards jm-cards--list">{"".join(cards)}</ul>' if cards else ""


def _parts(handbook, journey, ctx, here: str) -> dict:
    """Each part as the journey page shows it, made only when asked for."""
    return {
        "header": lambda: journey_page.header(handbook, journey, ctx, here),
        "chart": lambda: journey_figure(handbook, journey, ctx, here, beside_lane=False),
        "grid": lambda: journey_page.grid(handbook, journey, ctx, here),
        "ownership": lambda: journey_page.ownership(handbook, journey, ctx, here),
        "pain-points": lambda: _cards(handbook, journey, ctx, here, pain_card, lambda s: s.pain_points),
        "opportunities": lambda: _cards(handbook, journey, ctx, here, opportunity_card, lambda s: s.opportunities),
    }


def embed_html(handbook, embed: Embed, ctx, here: str) -> str:
    """The block's HTML; `here` is the embedding page's source path."""
    if embed.problems:
        return ctx.render("embed_error.html", problems=[str(p) for p in embed.problems])
    journey = handbook.journey_by_id[embed.journey]
    href = ctx.site.href(here, ctx.site.src("journeys", journey.id))
    if journey.problems:
        return ctx.render(
            "embed.html", journey=journey, href=href, parts=[], problems=[str(p) for p in journey.problems]
        )
    made = _parts(handbook, journey, ctx, here)
    # The renderers' HTML is markup by construction (author text escaped inside them).
    parts = [(name, Markup(made[name]())) for name in embed.show]
    return ctx.render(
        "embed.html", journey=journey, href=href, parts=[(n, html) for n, html in parts if html], problems=[]
    )
