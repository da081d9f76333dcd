"""Aggregate pages at any handbook size. A page that lists something growing with the
handbook (a stage's steps, a team's touchpoints, the pain-point index) keeps its first part of
the list under its own URL, after its summary, and the rest on list pages beside it:
`stages/buy.md` is followed by `stages/buy/page-2.md`, `stages/buy/page-3.md`... Parts are
cut by an estimated weight in bytes, from the model alone, so where an item lives is known
before anything is rendered and every link to it agrees. A small handbook has one part: the
page it always had.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from journeys.core.handbook import Handbook
from journeys.core.index import MergedOpportunity, MergedPainPoint
from journeys.render.context import Context
from journeys.render.generated_page import Page
from journeys.render.text import url
from journeys.render.urls import Site

# Bytes of listed rows one page may hold. Material's header, navigation and footer add about
# 30 KB, a summary up to about 40 KB more; with this the largest page stays well under 250 KB.
BUDGET = 150_000


@dataclass(frozen=True)
class Part:
    number: int  # 1 for the page itself
    src: str
    first: int  # 1-based positions of its first and last item in the whole list
    last: int
    items: tuple[Any, ...]  # the page's rows, journeys, steps...: whatever the list is of


def part_src(base_src: str, number: int) -> str:
    """`stages/buy.md` for part 1, `stages/buy/page-2.md` for part 2 (an index page's parts
    go under `index/`, so they cannot meet a detail page's id)."""
    return base_src if number == 1 else f"{base_src[:-3]}/page-{number}.md"


def split(base_src: str, items: Iterable[Any], weight: Callable[[Any], int], budget: int | None = None) -> list[Part]:
    """`items` in order, cut into parts whose weights add up to at most `budget` (an item
    heavier than that has a part of its own). Always at least one part."""
    budget = budget or BUDGET  # read at call time: tests lower it to page small handbooks
    groups: list[list[Any]] = [[]]
    used = 0
    for item in items:
        w = weight(item)
        if groups[-1] and used + w > budget:
            groups.append([])
            used = 0
        groups[-1].append(item)
        used += w
    parts, first = [], 1
    for number, group in enumerate(groups, 1):
        parts.append(Part(number, part_src(base_src, number), first, first + len(group) - 1, tuple(group)))
        first += len(group)
    return parts


@dataclass(frozen=True)
class Pager:
    """The links between the parts of one page, as a page template prints them."""

    links: tuple[tuple[str, str], ...]  # (href or "" for the current part, range words)
    previous: str | None
    next: str | None

    def __bool__(self) -> bool:
        return len(self.links) > 1


def pager(ctx: Context, parts: Sequence[Part], here: str) -> Pager:
    """Every part labelled by the range of items it holds, seen from the part at `here`."""
    labels = ctx.labels

    def href(src: str) -> Markup:  # made by the renderer, so escaped as a URL, not as author text
        return Markup(url(ctx.site.href(here, src)))

    links, current = [], 0
    for n, part in enumerate(parts):
        words = labels["pager_range"].format(first=part.first, last=part.last)
        links.append(("" if part.src == here else href(part.src), words))
        if part.src == here:
            current = n
    previous = href(parts[current - 1].src) if current > 0 else None
    following = href(parts[current + 1].src) if current + 1 < len(parts) else None
    return Pager(tuple(links), previous, following)


def list_page(
    ctx: Context,
    parts: Sequence[Part],
    part: Part,
    *,
    template: str,
    kind: str,
    words: str,
    index: Markup,
    hide: tuple[str, ...] = ("toc",),
    searched: bool = False,
) -> Page:
    """A list page of an index (`kind`: "pain-points", "insights", "opportunities"): its title
    and description from the labels `<words>_title` and `<words>_description`, a link to the
    index's first page, the pager and `index`, the table of its rows. Left out of search unless
    its rows are at home there (`searched`: the pain-point index's)."""
    labels = ctx.labels
    title = labels[f"{words}_title"]
    span = labels["pager_range"].format(first=part.first, last=part.last)
    return ctx.page(
        part.src,
        template,
        title=labels["part_title"].format(title=title, range=span),
        description=labels[f"{words}_description"],
        hide=hide,
        search=None if searched else {"exclude": True},
        range=span,
        index_link=ctx.link(ctx.site.href(part.src, ctx.site.src(kind)), title),
        pager=pager(ctx, parts, part.src),
        index=index,
    )


# Estimated bytes an item adds to a page, measured on the benchmark's handbooks: a step of a
# stage (its table row and chart point), a team's touchpoint row, a persona's journey step, a pain-point index row per
# place, evidence, insight and opportunity it lists.
STEP_BYTES = 1_500
TOUCHPOINT_BYTES = 700
INDEX_ROW_BYTES = 500  # a row of the journeys index
HEALTH_CELL_BYTES = 280  # a journey's KPIs counted by health, in a row of the journeys index (map format 1.2)
HEATMAP_ROW_BYTES = 2_800  # a persona's row of the heat map, with its table row
SECTION_LINK_BYTES = 160  # an entry of the journeys index's contents list
PERSONA_STEP_BYTES = 1_000  # a step of a journey in a persona's chart: its point and table row
PAIN_ROW_BYTES = 900
PAIN_PLACE_BYTES = 520
# A row of the pain-point index lists at most this many places, and as many of its evidence
# entries, opportunities and personas; a pain point with more has a page of its own listing
# every place (`pain_places_src`), linked from its row, so a row is bounded whatever the data.
# A row of the portfolio lists as many places and pain points addressed, then a count.
ROW_LIMIT = 12


def pain_overflows(pain: MergedPainPoint) -> bool:
    """Whether its row shows only the first `ROW_LIMIT` of something: then it has a page of its own."""
    return max(len(pain.places), len(pain.evidence), len(pain.opportunities), len(pain.personas)) > ROW_LIMIT


def pain_weight(pain: MergedPainPoint) -> int:
    shown = (min(len(items), ROW_LIMIT) for items in (pain.places, pain.evidence, pain.opportunities))
    return PAIN_ROW_BYTES + PAIN_PLACE_BYTES * (sum(shown) + len(pain.insights))


def pain_places_src(site: Site, pain_id: str) -> str:
    """The page of a pain point with more places than its row shows: under a folder of its own,
    `pain-points/places/<id>.md`, which no pain point id (`index` included) and no part of the
    index (`pain-points/index/page-N.md`) can reach."""
    return site.src("pain-points/places", pain_id)


def pain_parts(handbook: Handbook, site: Site) -> list[Part]:
    return split(site.src("pain-points"), handbook.pain_points, pain_weight)


def pain_homes(parts: list[Part]) -> dict[str, str]:
    """Pain point id -> the source path of the index part that holds its row."""
    return homes(parts)


def homes(parts: list[Part]) -> dict[str, str]:
    """Item id -> the source path of the part that holds its row (pain points, opportunities)."""
    return {item.id: part.src for part in parts for item in part.items}


# A row of the insights index, and one of the portfolio with each place, pain point, ticket
# and insight it lists.
INSIGHT_ROW_BYTES = 900
OPPORTUNITY_ROW_BYTES = 1_300
OPPORTUNITY_ITEM_BYTES = 450


def listed_insights(handbook: Handbook) -> tuple:
    """Every insight as the index lists it: the valid ones newest first, then those with errors."""
    return handbook.valid_insights + tuple(i for i in handbook.insights if i.problems or not i.date)


def insight_parts(handbook: Handbook, site: Site) -> list[Part]:
    return split(site.src("insights"), listed_insights(handbook), lambda insight: INSIGHT_ROW_BYTES)


def opportunity_weight(opportunity: MergedOpportunity) -> int:
    shown = min(len(opportunity.places), ROW_LIMIT) + min(len(opportunity.addresses), ROW_LIMIT)
    listed = shown + len(opportunity.tickets) + len(opportunity.insights)
    return OPPORTUNITY_ROW_BYTES + OPPORTUNITY_ITEM_BYTES * listed


def opportunity_parts(handbook: Handbook, site: Site) -> list[Part]:
    return split(site.src("opportunities"), handbook.opportunities, opportunity_weight)
