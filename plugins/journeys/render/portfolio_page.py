"""The opportunity portfolio (map format 1.2, "Opportunities through to delivery"): every
opportunity of the handbook, merged by id and ranked by score, with its status, owner, the pain
points it addresses and their priority, its tickets and the research behind it; the
value-against-effort matrix of the highest scores; filters by status and team. A large
portfolio continues on list pages (render/pagination.py); its filter finds rows of every part
in the opportunities.json export. A handbook has a portfolio once an opportunity uses a key of
format 1.2 (core.index.managed)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from markupsafe import Markup

from journeys.core.handbook import Handbook
from journeys.core.index import MergedOpportunity
from journeys.core.schema import OPPORTUNITY_STATUSES
from journeys.core.tickets import ticket
from journeys.render.context import Context
from journeys.render.data_files import JSON_EXPORT, OPPORTUNITIES_CSV, OPPORTUNITY_ROWS
from journeys.render.effort_matrix import effort_figure
from journeys.render.fragments import (
    Cell,
    Row,
    delivery_status,
    download_links,
    filter_attributes,
    filter_words,
    insight_reference,
    pain_point_href,
    table,
    team_link,
)
from journeys.render.generated_page import Page
from journeys.render.labels import counted
from journeys.render.list_parts import filtered_index
from journeys.render.pagination import ROW_LIMIT, Part, list_page, opportunity_parts, pager
from journeys.render.pain_points_page import more, place_words
from journeys.render.text import number

# The table is wide: the page gives it the whole width, as a journey page its map.
HIDE = ("navigation", "toc")
# As the priority matrix: the chart and its table carry a few KB a point, so a large
# portfolio charts its highest scores.
MATRIX_POINTS = 40
FIELDS = ("status", "team")
RESULT_COLUMNS = [["score", "col_score"], ["text", "col_opportunity"], ["status", "col_status"]]
FILTER_WORDS = filter_words({"status": "col_status", "team": "col_team"}, "opportunities_caption", RESULT_COLUMNS)


def portfolio_pages(handbook: Handbook, ctx: Context) -> list[Page]:
    """The portfolio and its list pages; none in a handbook without one."""
    if not handbook.has_portfolio:
        return []
    parts = opportunity_parts(handbook, ctx.site)
    options = filter_options(handbook, ctx)
    return filtered_index(ctx, parts, options, partial(_inputs, handbook, ctx), partial(_part, handbook, ctx))


def _inputs(handbook: Handbook, ctx: Context, shape: tuple, part: Part) -> tuple:
    """A part shows its opportunities and the priority and row of each pain point they address;
    the first also counts and charts the highest scores."""
    keys = sorted({k for o in part.items for k in o.addresses})
    pains = tuple(
        (k, ctx.pain_homes.get(k), (p.text, p.score) if (p := handbook.pain_point_by_id.get(k)) else None) for k in keys
    )
    insights = tuple(sorted({i for o in part.items for i in o.insights}))
    named = tuple((i, handbook.insight_by_id[i].title) for i in insights if i in handbook.insight_by_id)
    found = (shape, part.items, pains, named, ctx.opportunity_homes)
    if part.number > 1:
        return found
    return (*found, handbook.opportunities[:MATRIX_POINTS], _counts(handbook))


def _counts(handbook: Handbook) -> tuple:
    opportunities = handbook.opportunities
    by_status = tuple((s, sum(1 for o in opportunities if o.status == s)) for s in OPPORTUNITY_STATUSES)
    journeys = len({j for o in opportunities for j in o.journeys})
    return len(opportunities), sum(1 for o in opportunities if o.score is not None), journeys, by_status


def filter_options(handbook: Handbook, ctx: Context) -> dict[str, list[list[str]]]:
    """Statuses in the order of delivery and teams by id; only values some row has."""
    statuses = {o.status for o in handbook.opportunities}
    teams = sorted({o.owner for o in handbook.opportunities if o.owner})
    return {
        "status": [
            [s, ctx.labels[f"opportunity_status_{s.replace('-', '_')}"]] for s in OPPORTUNITY_STATUSES if s in statuses
        ],
        "team": [[t, handbook.team_by_id[t].name if t in handbook.team_by_id else t] for t in teams],
    }


def _part(handbook: Handbook, ctx: Context, parts: list[Part], part: Part, choices: str) -> Page:
    labels = ctx.labels
    here = part.src
    index = portfolio_table(handbook, part.items, ctx, here, choices, paged=len(parts) > 1)
    if part.number > 1:
        return list_page(
            ctx,
            parts,
            part,
            template="opportunities_part.html",
            kind="opportunities",
            words="opportunities",
            index=index,
            hide=HIDE,
        )
    total, scored, journeys, by_status = _counts(handbook)
    charted = handbook.opportunities[:MATRIX_POINTS]
    downloads = download_links(ctx, here, (OPPORTUNITIES_CSV, JSON_EXPORT))
    return ctx.page(
        here,
        "opportunities.html",
        title=labels["opportunities_title"],
        description=labels["opportunities_description"],
        hide=HIDE,
        counts={
            "opportunities": counted(labels, "n_opportunities", total),
            "scored": scored,
            "journeys": counted(labels, "n_journeys", journeys),
        },
        statuses=[(delivery_status(ctx, s), number(n)) for s, n in by_status if n],
        matrix=effort_figure(ctx, here, charted) if scored else None,
        charted=min(scored, MATRIX_POINTS),
        downloads=downloads,
        pager=pager(ctx, parts, here),
        index=index,
    )


def portfolio_table(
    handbook: Handbook,
    opportunities: Sequence[MergedOpportunity],
    ctx: Context,
    here: str,
    choices: str,
    paged: bool = False,
) -> Markup:
    """The rows of `opportunities`; the filter's `choices` cover the whole portfolio, and with
    `paged` its rows come from the export, so a filter finds rows on every part."""
    labels = ctx.labels
    heads = [
        labels[k]
        for k in (
            "col_score",
            "col_opportunity",
            "col_status",
            "col_value_effort",
            "col_owner",
            "col_addresses",
            "col_tickets",
            "col_insights",
        )
    ]
    data = filter_attributes(
        ctx,
        here,
        choices=choices,
        fields=FIELDS,
        words=FILTER_WORDS,
        rows=OPPORTUNITY_ROWS,
        paged=paged,
        columns=RESULT_COLUMNS,
        results="jm-filter-results jm-opportunity-results",
    )
    rows = [row(handbook, o, ctx, here) for o in opportunities]
    # An opportunity's words are at home where a map names it (its card): not searched here.
    return ctx.macros.scroll_region(
        labels["opportunities_region"],
        table(
            ctx, "jm-portfolio", labels["opportunities_caption"], heads, rows, numeric=(0,), searched=False, data=data
        ),
    )


def row(handbook: Handbook, o: MergedOpportunity, ctx: Context, here: str) -> Row:
    labels = ctx.labels
    macros = ctx.macros
    # The places a map names it, marked where that map is a future-state design, as the
    # pain-point index marks its places: the first ROW_LIMIT, then how many more (every one is
    # on its journey's page, and in the opportunities export).
    places = [
        {
            "place": place_words(ctx, here, handbook, place),
            "wording": own.text if own.text != o.text else None,
            "design": place.journey.state == "future",
            "resolved": False,
        }
        for place, own in zip(o.places[:ROW_LIMIT], o.occurrences)
    ]
    addresses = []
    for key in o.addresses[:ROW_LIMIT]:
        pain = handbook.pain_point_by_id.get(key)
        addresses.append(
            {
                "link": ctx.link(pain_point_href(ctx, here, key), pain.text if pain else key),
                "score": pain.score if pain else None,
            }
        )
    insights = [
        insight_reference(ctx, here, handbook.insight_by_id[i]) for i in o.insights if i in handbook.insight_by_id
    ]
    figures = (
        labels["value_effort"].format(
            value=_figure(o.value), business=_figure(o.business_value), effort=_figure(o.effort)
        )
        if (o.value, o.business_value, o.effort) != (None, None, None)
        else ""
    )
    cells = (
        Cell(number(o.score_text) if o.score_text else labels["unscored"], classes="jm-score"),
        Cell(
            macros.opportunity_heading(o, macros.pain_places(places) + more(ctx, len(o.places))),
            classes="jm-opportunity-text",
        ),
        delivery_status(ctx, o.status),
        figures,
        team_link(ctx, here, handbook, o.owner),
        Cell(macros.addressed(addresses) + more(ctx, len(o.addresses)), classes="jm-addresses"),
        Cell(macros.link_list(ticket_links(ctx, o.tickets)), classes="jm-tickets"),
        macros.link_list(insights),
    )
    data = (("status", o.status), ("team", o.owner or ""))
    return Row(cells, id=o.id, data=data)


def ticket_links(ctx: Context, tickets: Sequence[str]) -> list[Markup]:
    """Each ticket by its tracker and key (core/tickets.py), linked."""
    return [ctx.macros.ticket(url, ticket(url).label) for url in tickets]


def _figure(value: int | None) -> str:
    return "–" if value is None else str(value)
