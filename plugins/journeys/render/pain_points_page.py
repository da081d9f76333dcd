"""The cross-map pain-point index: one row per pain point, merged by id, ranked by priority,
with every place it occurs, who it reaches and what addresses it. A large index continues on
list pages (render/pagination.py); readers filter the rows of every part with the shared
journeys-filter.js asset, which fetches them from the pain-points.json export. Without
JavaScript each part's table shows whole."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial

from markupsafe import Markup

from journeys.core.handbook import Handbook
from journeys.core.index import SEVERITY_WEIGHT, MergedPainPoint, Place
from journeys.core.schema import STATUSES
from journeys.render.backing import backing_line, marks_unbacked, pain_backing
from journeys.render.context import Context
from journeys.render.data_files import CSV_EXPORT, JSON_EXPORT, ROWS_EXPORT, backing_value
from journeys.render.fragments import (
    Cell,
    Row,
    download_links,
    filter_attributes,
    insight_reference,
    joined,
    journey_link,
    opportunity_href,
    persona_link,
    stage_link,
    status,
    step_link,
    table,
    team_link,
)
from journeys.render.generated_page import Page
from journeys.render.page_inputs import layout, pains_inputs, remember
from journeys.render.pagination import (
    ROW_LIMIT,
    Part,
    list_page,
    pager,
    pain_overflows,
    pain_parts,
    pain_places_src,
)
from journeys.render.priority_matrix import charted, matrix_figure
from journeys.render.text import json_data

# The chart and its table carry about 4 KB a point: a large index charts its highest
# priorities, which are the ones the chart is there to single out.
MATRIX_POINTS = 40
WIDE = ("navigation", "toc")  # Material's `hide` front matter


def pain_points_pages(handbook: Handbook, ctx: Context) -> list[Page]:
    """The index, then its list pages: the summary and the highest priorities under the
    index's URL, the rest in priority order after it."""
    parts = pain_parts(handbook, ctx.site)
    shape = layout(parts)
    # Every part shows its own rows, and the filter's choices, which every row contributes to.
    choices = json_data(filter_options(handbook, handbook.pain_points, ctx.labels))
    pains = handbook.pain_points
    # The first also counts every pain point and charts the highest.
    whole = (len(pains), sum(len(p.places) for p in pains), len(handbook.valid_journeys))
    top = charted(pains)[:MATRIX_POINTS]
    pages = [
        remember(
            ctx,
            parts[0].src,
            lambda: (shape, pains_inputs(ctx, parts[0].items, handbook), choices, whole, pains_inputs(ctx, top)),
            lambda: pain_points_page(handbook, ctx, parts, choices),
        )
    ]
    pages += [
        remember(
            ctx,
            part.src,
            partial(_part_inputs, handbook, ctx, shape, part, choices),
            partial(_part, handbook, ctx, parts, part, choices),
        )
        for part in parts[1:]
    ]
    return pages


def _part_inputs(handbook: Handbook, ctx: Context, shape: tuple, part: Part, choices: str) -> tuple:
    return shape, pains_inputs(ctx, part.items, handbook), choices


def _part(handbook: Handbook, ctx: Context, parts: list[Part], part: Part, choices: str) -> Page:
    # A pain point's row is its home in search, so its list pages are searched.
    index = index_table(handbook, part.items, ctx, part.src, choices, paged=True)
    return list_page(
        ctx,
        parts,
        part,
        template="pain_points_part.html",
        kind="pain-points",
        words="pains",
        index=index,
        hide=WIDE,
        searched=True,
    )


def pain_points_page(handbook: Handbook, ctx: Context, parts: list[Part], choices: str) -> Page:
    here = ctx.site.src("pain-points")
    labels = ctx.labels
    pains = handbook.pain_points
    top = charted(pains)[:MATRIX_POINTS]
    counts = {
        "pains": len(pains),
        "places": sum(len(p.places) for p in pains),
        "journeys": len(handbook.valid_journeys),
    }
    weights = ", ".join(f"{level} {weight}" for level, weight in SEVERITY_WEIGHT.items())
    downloads = download_links(ctx, here, (CSV_EXPORT, JSON_EXPORT))
    return ctx.page(
        here,
        "pain_points.html",
        title=labels["pains_title"],
        description=labels["pains_description"],
        # Without the navigation and the table of contents the index gets the width of the
        # screen, as a journey's map does (journeys.css).
        hide=WIDE,
        counts=counts,
        weights=weights,
        downloads=downloads,
        matrix=matrix_figure(handbook, ctx, here, top) if top else None,
        charted=len(top),
        pager=pager(ctx, parts, here),
        index=index_table(handbook, parts[0].items, ctx, here, choices, len(parts) > 1) if pains else None,
    )


def filter_options(
    handbook: Handbook, pains: Sequence[MergedPainPoint], labels: Mapping[str, str]
) -> dict[str, list[list[str]]]:
    """The values readers can filter by, as [value, label] pairs in display order; only values
    that some row has."""

    def used(values: Callable[[MergedPainPoint], Iterable[str]]) -> set[str]:
        return {v for p in pains for v in values(p)}

    stages, teams, personas = used(lambda p: p.stages), used(lambda p: p.teams), used(lambda p: p.personas)
    severities, statuses = used(lambda p: [p.severity]), used(lambda p: [p.status])
    backings = used(lambda p: [backing_value(handbook, p)]) if marks_unbacked(handbook) else set()
    return {
        "severity": [[s, s] for s in reversed(SEVERITY_WEIGHT) if s in severities],
        "stage": [[s.id, s.name] for s in handbook.stages if s.id in stages],
        "team": [[t, handbook.team_by_id[t].name if t in handbook.team_by_id else t] for t in sorted(teams)],
        "persona": [
            [i, handbook.persona_by_id[i].name if i in handbook.persona_by_id else i] for i in sorted(personas)
        ],
        "status": [[s, s] for s in STATUSES if s in statuses],
        # Map format 1.2: whether any insight or evidence backs it (not in a public build,
        # where evidence that is not public would read as none: render/backing.py).
        "backing": [[v, labels[k]] for v, k in BACKINGS if v in backings],
    }


BACKINGS = (("backed", "backing_backed"), ("none", "backing_none_value"))


FIELDS = ("severity", "stage", "team", "persona", "status", "backing")  # the filters, in order
FILTER_WORDS = {
    "severity": "col_severity",
    "stage": "col_stage",
    "team": "col_team",
    "persona": "col_persona",
    "status": "col_status",
    "backing": "col_backing",
    "all": "filter_all",
    "show_all": "filter_show_all",
    "form": "filter_form",
    "showing": "filter_showing",
    "everywhere": "filter_everywhere",
    "loading": "filter_loading",
    "failed": "filter_failed",
    "col_priority": "col_priority",
    "col_pain_point": "col_pain_point",
    "col_severity": "col_severity",
    "col_status": "col_status",
    "col_places": "col_places",
}


def index_table(
    handbook: Handbook, pains: Sequence[MergedPainPoint], ctx: Context, here: str, choices: str, paged: bool = False
) -> Markup:
    """The rows of `pains`; the filter's `choices` (JSON of `filter_options`) cover every pain
    point of the handbook, and its rows come from the export, so it finds rows on every part of
    the index."""
    labels = ctx.labels
    headers = [
        labels[k]
        for k in (
            "col_priority",
            "col_pain_point",
            "col_status",
            "col_where",
            "col_personas",
            "col_teams",
            "col_evidence",
            "col_opportunities",
        )
    ]
    data = filter_attributes(
        ctx, here, choices=choices, fields=FIELDS, words=FILTER_WORDS, rows=ROWS_EXPORT, paged=paged
    )
    rows = [row(handbook, p, ctx, here) for p in pains]
    return ctx.macros.scroll_region(
        labels["pains_region"],
        table(ctx, "jm-pain-index", labels["pains_caption"], headers, rows, numeric=(0,), data=data),
    )


def place_words(ctx: Context, here: str, handbook: Handbook, place: Place) -> Markup:
    """Journey › stage › touchpoint, each a link."""
    return ctx.macros.place(
        journey_link(ctx, here, place.journey),
        stage_link(ctx, here, handbook, place.block.stage),
        step_link(ctx, here, place.journey, place.step),
    )


def row(handbook: Handbook, pain: MergedPainPoint, ctx: Context, here: str) -> Row:
    macros = ctx.macros
    data = (
        ("severity", pain.severity),
        ("stage", " ".join(pain.stages)),
        ("team", " ".join(pain.teams)),
        ("persona", " ".join(pain.personas)),
        ("status", pain.status),
        ("backing", backing_value(handbook, pain)),
    )
    # Each occurrence's own words under it, where they differ from the row's; those that add
    # nothing to its priority say why.
    places = [
        {
            "place": place_words(ctx, here, handbook, place),
            "wording": own.text if own.text != pain.text else None,
            "design": place.journey.state == "future",
            "resolved": own.status == "resolved",
        }
        for place, own in zip(pain.places[:ROW_LIMIT], pain.occurrences)
    ]
    wording_from = None
    if len(pain.wordings) > 1:
        source = pain.places[pain.text_from]
        wording_from = macros.journey_step(
            journey_link(ctx, here, source.journey), step_link(ctx, here, source.journey, source.step)
        )
    opportunities = []
    for place, opportunity in pain.opportunities[:ROW_LIMIT]:
        href = opportunity_href(ctx, here, opportunity.key)  # its row in the portfolio, if there is one
        text = ctx.link(href, opportunity.text) if href else opportunity.text
        opportunities.append({"text": text, "step": step_link(ctx, here, place.journey, place.step)})
    cells = (
        # The priority is a number of the ranking, not a word a reader looks for: a search
        # result that opens with it ("24. critical The renewal...") reads as noise.
        Cell(str(pain.score), searched=False, classes="jm-score"),
        Cell(macros.pain_heading(pain, wording_from), classes="jm-pain-text"),
        status(ctx, pain.status),
        # Places, personas, teams and opportunities have their own home pages: not searched here.
        Cell(macros.pain_places(places) + more_places(ctx, here, pain), searched=False, classes="jm-where"),
        Cell(
            joined(persona_link(ctx, here, handbook, p) for p in pain.personas[:ROW_LIMIT])
            + more(ctx, len(pain.personas)),
            searched=False,
        ),
        Cell(joined(team_link(ctx, here, handbook, t) for t in pain.teams), searched=False),
        Cell(
            backing_line(handbook, ctx, pain)
            + macros.evidence_list(
                pain.evidence[:ROW_LIMIT],
                [insight_reference(ctx, here, i) for i in pain_backing(handbook, pain).insights],
            )
            + more(ctx, len(pain.evidence)),
            classes="jm-evidence-cell",
        ),
        Cell(macros.opportunity_list(opportunities) + more(ctx, len(pain.opportunities)), searched=False),
    )
    return Row(cells, id=pain.id, data=data)


def more(ctx: Context, count: int) -> Markup:
    """How many more ("and 3 more") after a list a row cuts at ROW_LIMIT."""
    return ctx.macros.more_items(count - ROW_LIMIT) if count > ROW_LIMIT else Markup()


def more_places(ctx: Context, here: str, pain: MergedPainPoint) -> Markup:
    """The link from a row that lists the first places only to the page that lists them all."""
    if not pain_overflows(pain):
        return Markup()
    link = ctx.link(ctx.site.href(here, pain_places_src(ctx.site, pain.id)), ctx.labels["pain_places_more_link"])
    return ctx.macros.more_places(len(pain.places), link)
