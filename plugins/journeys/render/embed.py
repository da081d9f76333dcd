"""A `journey-map` block rendered in place: the parts of a journey page a hand-written page
asks for, with links resolved from that page, or the errors that stop the block."""

from __future__ import annotations

from markupsafe import Markup

from journeys.core.embeds import Embed
from journeys.render import journey_page
from journeys.render.charts import journey_figure


def _parts(handbook, journey, ctx, here: str) -> dict:
    """Each part as the journey page shows it, made only when asked for."""
    pains = [(block, step, p) for block, step in journey.steps for p in step.pain_points]
    opportunities = [(block, step, o) for block, step in journey.steps for o in step.opportunities]
    return {
        "header": lambda: journey_page.header(handbook, journey, ctx, here),
        "chart": lambda: journey_figure(handbook, journey, ctx, here),
        "grid": lambda: journey_page.grid(handbook, journey, ctx, here),
        "ownership": lambda: journey_page.ownership(handbook, journey, ctx, here),
        "pain-points": lambda: journey_page.pain_list(handbook, pains, ctx, here) if pains else "",
        "opportunities": lambda: journey_page.opportunity_list(handbook, opportunities, ctx, here) if opportunities else "",
    }


def embed_html(handbook, embed: Embed, ctx, here: str) -> str:
    """The block's HTML; `here` is the embedding page's source path."""
    if embed.problems:
        return ctx.render("embed_error.html", problems=[str(p) for p in embed.problems])
    journey = handbook.journey_by_id[embed.journey]
    href = ctx.site.href(here, ctx.site.src("journeys", journey.id))
    if journey.problems:
        return ctx.render("embed.html", journey=journey, href=href, parts=[], problems=[str(p) for p in journey.problems])
    made = _parts(handbook, journey, ctx, here)
    # The renderers' HTML is markup by construction (author text escaped inside them).
    parts = [(name, Markup(made[name]())) for name in embed.show]
    return ctx.render("embed.html", journey=journey, href=href, parts=[(n, html) for n, html in parts if html], problems=[])
