"""Every generated page of a handbook, in a stable order. Each page type lives in its own
module; this list is the one place that says which pages a handbook has."""

from __future__ import annotations

from journeys.render.journey_page import journey_page
from journeys.render.journeys_index import journeys_index


def all_pages(handbook, ctx) -> list:
    pages = [journeys_index(handbook, ctx)]
    pages += [journey_page(handbook, j, ctx) for j in handbook.journeys]
    return pages
