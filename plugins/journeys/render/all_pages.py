"""Every generated page of a handbook, in a stable order. Each page type lives in its own
module; this list is the one place that says which pages a handbook has."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from journeys.core.handbook import Handbook
from journeys.core.index import touchpoints_by_team
from journeys.render.children_pages import children_pages
from journeys.render.context import Context
from journeys.render.generated_page import Page
from journeys.render.insight_pages import insight_pages
from journeys.render.journey_page import journey_page
from journeys.render.journeys_index import journeys_index
from journeys.render.measures_pages import measures_pages
from journeys.render.page_inputs import journey_inputs, remember
from journeys.render.pain_places import pain_places_pages
from journeys.render.pain_points_page import pain_points_pages
from journeys.render.persona_page import persona_pages
from journeys.render.personas_index import personas_index
from journeys.render.portfolio_page import portfolio_pages
from journeys.render.stage_page import stage_pages
from journeys.render.stages_index import stages_index
from journeys.render.team_page import team_pages
from journeys.render.teams_index import teams_index


def all_pages(handbook: Handbook, ctx: Context) -> Iterator[Page]:
    """`ctx` knows where each pain point's row is (site_files.rendering_context). Each page is
    rendered as it is asked for, so a large handbook's pages need not all be held at once."""
    yield from journeys_index(handbook, ctx)
    for j in handbook.journeys:
        yield remember(
            ctx,
            ctx.site.src("journeys", j.id),
            partial(journey_inputs, handbook, j, ctx),
            partial(journey_page, handbook, j, ctx),
        )
    yield from children_pages(handbook, ctx)
    yield personas_index(handbook, ctx)
    yield from persona_pages(handbook, ctx)
    yield stages_index(handbook, ctx)
    yield from stage_pages(handbook, ctx)
    if handbook.audience != "public" or handbook.teams:  # a public build shows teams only with owners
        by_team = touchpoints_by_team(handbook.valid_journeys)  # both read it: found once
        yield teams_index(handbook, ctx, by_team)
        yield from team_pages(handbook, ctx, by_team)
    yield from pain_points_pages(handbook, ctx)
    yield from pain_places_pages(handbook, ctx)  # those with more places than their rows show
    yield from measures_pages(handbook, ctx)  # none without measures.yml, or in a public build without `measures`
    # Map format 1.2: the research behind the maps, and the opportunities through to delivery.
    yield from insight_pages(handbook, ctx)
    yield from portfolio_pages(handbook, ctx)
