"""The research behind the maps (map format 1.2, "Insights"): the insights index, every insight
newest first and filterable by kind, and a page for each insight with what it found and every
pain point, opportunity and journey it backs. A long index continues on list pages
(render/pagination.py); its filter (journeys-filter.js) then finds rows of every part in the
insights.json export."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from markupsafe import Markup

from journeys.core.handbook import Handbook
from journeys.core.index import Uses
from journeys.core.model import Insight
from journeys.core.schema import INSIGHT_KINDS
from journeys.render.backing import kinds_words, marks_unbacked, pain_backing
from journeys.render.context import Context
from journeys.render.data_files import INSIGHT_ROWS
from journeys.render.fragments import (
    Cell,
    Row,
    delivery_status,
    filter_attributes,
    filter_words,
    insight_kind,
    journey_link,
    opportunity_href,
    pain_point_href,
    problem_list,
    severity,
    status,
    table,
    team_link,
)
from journeys.render.generated_page import Page
from journeys.render.journey_page import starts_with_heading
from journeys.render.labels import counted, fill
from journeys.render.list_parts import filtered_index
from journeys.render.page_inputs import remember
from journeys.render.pagination import Part, insight_parts, list_page, pager
from journeys.render.text import number

LISTED = 100  # pain points, opportunities and journeys an insight's page lists of each; the rest are counted
RESULT_COLUMNS = [
    ["date", "col_date"],
    ["text", "col_insight"],
    ["kind", "col_kind"],
    ["participants", "col_participants"],
]
FILTER_WORDS = filter_words({"kind": "col_kind"}, "insights_caption", RESULT_COLUMNS)


def insight_pages(handbook: Handbook, ctx: Context) -> list[Page]:
    """The index and its list pages, then a page for each insight; none without insights."""
    if not handbook.insights:
        return []
    parts = insight_parts(handbook, ctx.site)
    options = filter_options(handbook, ctx)
    pages = filtered_index(ctx, parts, options, partial(_index_inputs, handbook), partial(_index_part, handbook, ctx))
    pages += [
        remember(
            ctx,
            ctx.site.src("insights", insight.id),
            partial(_insight_inputs, handbook, insight, ctx),
            partial(insight_page, handbook, insight, ctx),
        )
        for insight in handbook.insights
    ]
    return pages


def _uses(handbook: Handbook, insight_id: str) -> Uses:
    return handbook.insight_uses.get(insight_id, Uses())


def _index_inputs(handbook: Handbook, shape: tuple, part: Part) -> tuple:
    """A part shows its insights and what each backs, counted; the first part also counts the
    handbook's backed pain points."""
    counted = tuple((i, _counts(_uses(handbook, i.id))) for i in part.items)
    owners = any(i.owner for i in handbook.insights)  # whether the table has an owner column
    if part.number > 1:
        return shape, counted, owners
    backed = sum(1 for p in handbook.pain_points if pain_backing(handbook, p).backed)
    kinds = tuple(i.kind for i in handbook.valid_insights)
    return shape, counted, owners, backed, len(handbook.pain_points), kinds


def _counts(uses: Uses) -> tuple[int, int, int]:
    return len(uses.pains), len(uses.opportunities), len(uses.journeys)


def _insight_inputs(handbook: Handbook, insight: Insight, ctx: Context) -> tuple:
    uses = _uses(handbook, insight.id)
    pains = tuple((p.id, p.text, p.severity, p.status, p.score, ctx.pain_homes.get(p.id)) for p in uses.pains)
    opportunities = tuple(
        (o.id, o.text, o.status, o.score_text, ctx.opportunity_homes.get(o.id)) for o in uses.opportunities
    )
    journeys = tuple((j.id, j.title) for j in uses.journeys)
    return insight, pains, opportunities, journeys


def filter_options(handbook: Handbook, ctx: Context) -> dict[str, list[list[str]]]:
    """The kinds readers can filter by: those some insight has, in the format's order."""
    used = {i.kind for i in handbook.valid_insights}
    return {
        "kind": [[k, ctx.labels[f"insight_kind_{k.replace('-', '_')}"]] for k in INSIGHT_KINDS if k in used],
    }


def _index_part(handbook: Handbook, ctx: Context, parts: list[Part], part: Part, choices: str) -> Page:
    labels = ctx.labels
    here = part.src
    index = index_table(handbook, part.items, ctx, here, choices, paged=len(parts) > 1)
    if part.number > 1:
        return list_page(
            ctx, parts, part, template="insights_part.html", kind="insights", words="insights", index=index
        )
    valid = handbook.valid_insights
    kinds: dict[str, int] = {}
    for insight in valid:
        kinds[insight.kind] = kinds.get(insight.kind, 0) + 1
    ordered = sorted(kinds.items(), key=lambda pair: (-pair[1], INSIGHT_KINDS.index(pair[0])))
    pains = handbook.pain_points
    backed = sum(1 for p in pains if pain_backing(handbook, p).backed)
    pains_link = ctx.link(
        ctx.site.href(here, ctx.site.src("pain-points")) + "?backing=none", labels["insights_pains_link"]
    )
    return ctx.page(
        here,
        "insights_index.html",
        title=labels["insights_title"],
        description=labels["insights_description"],
        hide=("toc",),
        intro=counted(labels, "insights_intro", len(valid), kinds=kinds_words(labels, ordered)),
        backing={"backed": backed, "pains": len(pains), "unbacked": len(pains) - backed, "link": pains_link}
        if pains and marks_unbacked(handbook)
        else None,
        pager=pager(ctx, parts, here),
        index=index if part.items else None,
    )


def backs_words(ctx: Context, uses: Uses) -> str:
    """ "2 pain points and 1 opportunity in 3 journeys", or "nothing yet"."""
    labels = ctx.labels
    pains, opportunities, journeys = _counts(uses)
    named = [counted(labels, key, n) for key, n in (("n_pain_points", pains), ("n_opportunities", opportunities)) if n]
    if not named:
        return labels["insight_backs_nothing"]
    what = fill(labels["insight_backs_both"], pains=named[0], opportunities=named[1]) if len(named) == 2 else named[0]
    return fill(labels["insight_backs"], what=what, journeys=counted(labels, "n_journeys", journeys))


def index_table(
    handbook: Handbook, insights: Sequence[Insight], ctx: Context, here: str, choices: str, paged: bool = False
) -> Markup:
    labels = ctx.labels
    owners = any(i.owner for i in handbook.insights)
    keys = ["col_insight", "col_kind", "col_date", "col_participants", "col_backs"] + (["col_owner"] if owners else [])
    data = filter_attributes(
        ctx,
        here,
        choices=choices,
        fields=["kind"],
        words=FILTER_WORDS,
        rows=INSIGHT_ROWS,
        paged=paged,
        columns=RESULT_COLUMNS,
        results="jm-filter-results jm-insight-results",
    )
    rows = []
    for insight in insights:
        link = ctx.link(ctx.site.href(here, ctx.site.src("insights", insight.id)), insight.title)
        valid = not insight.problems and insight.date is not None
        cells = [
            Cell(link, classes="jm-insight-title"),
            insight_kind(ctx, insight.kind) if valid else "",
            number(insight.date.isoformat()) if valid and insight.date else labels["has_errors"],
            f"{insight.participants:,}" if insight.participants is not None else "",
            backs_words(ctx, _uses(handbook, insight.id)),
        ]
        if owners:
            cells.append(team_link(ctx, here, handbook, insight.owner))
        rows.append(Row(cells, id=insight.id, data=(("kind", insight.kind if valid else ""),)))
    return ctx.macros.scroll_region(
        labels["insights_region"],
        table(
            ctx,
            "jm-insight-index",
            labels["insights_caption"],
            [labels[k] for k in keys],
            rows,
            numeric=(2, 3),
            searched=False,
            data=data,
        ),
    )


def insight_page(handbook: Handbook, insight: Insight, ctx: Context) -> Page:
    here = ctx.site.src("insights", insight.id)
    labels = ctx.labels
    if insight.problems or insight.date is None:
        return ctx.page(
            here,
            "insight_page.html",
            title=insight.title,
            source=insight.file,
            insight=insight,
            problems=problem_list(ctx, insight.problems),
            meta=[],
            backs=None,
            narrative_heading=False,
        )
    source: Markup | str | None = insight.source
    if insight.source and insight.source.lower().startswith("https://"):
        source = ctx.macros.link(insight.source, insight.source, "nofollow noopener")
    meta = [
        (labels[key], value)
        for key, value in (
            ("insight_kind", insight_kind(ctx, insight.kind)),
            ("insight_date", number(insight.date.isoformat())),
            ("insight_participants", f"{insight.participants:,}" if insight.participants is not None else None),
            ("insight_owner", team_link(ctx, here, handbook, insight.owner) if insight.owner else None),
            ("insight_source", source),
            ("insight_tags", ", ".join(insight.tags)),
        )
        if value
    ]
    return ctx.page(
        here,
        "insight_page.html",
        title=insight.title,
        description=insight.findings[0] if insight.findings else None,
        tags=insight.tags,
        source=insight.file,
        markdown=insight.body,
        insight=insight,
        problems=None,
        meta=meta,
        backs=backs(handbook, _uses(handbook, insight.id), ctx, here),
        narrative_heading=bool(insight.body) and not starts_with_heading(insight.body),
    )


def backs(handbook: Handbook, uses: Uses, ctx: Context, here: str) -> dict | None:
    """What the insight backs: pain points and opportunities as tables (the highest `LISTED` of
    each), and the journeys where they occur; None when nothing names it."""
    if not (uses.pains or uses.opportunities):
        return None
    labels = ctx.labels
    pains = None
    if uses.pains:
        rows: list[tuple[object, ...]] = [
            (
                number(p.score),
                Cell(ctx.link(pain_point_href(ctx, here, p.id), p.text)),
                severity(ctx, p.severity),
                status(ctx, p.status),
            )
            for p in uses.pains[:LISTED]
        ]
        heads = [labels[k] for k in ("col_priority", "col_pain_point", "col_severity", "col_status")]
        pains = table(
            ctx, "jm-insight-pains", labels["insight_pains_caption"], heads, rows, numeric=(0,), searched=False
        )
    opportunities = None
    if uses.opportunities:
        rows = []
        for o in uses.opportunities[:LISTED]:
            href = opportunity_href(ctx, here, o.id)
            rows.append(
                (
                    number(o.score_text) if o.score_text else labels["unscored"],
                    ctx.link(href, o.text) if href else o.text,
                    delivery_status(ctx, o.status),
                )
            )
        heads = [labels[k] for k in ("col_score", "col_opportunity", "col_status")]
        opportunities = table(
            ctx,
            "jm-insight-opportunities",
            labels["insight_opportunities_caption"],
            heads,
            rows,
            numeric=(0,),
            searched=False,
        )
    more = max(0, len(uses.pains) - LISTED) + max(0, len(uses.opportunities) - LISTED)
    return {
        "pains": pains,
        "opportunities": opportunities,
        "journeys": [journey_link(ctx, here, j) for j in uses.journeys[:LISTED]],
        "more": labels["insight_more"].format(more=more + max(0, len(uses.journeys) - LISTED))
        if more or len(uses.journeys) > LISTED
        else "",
    }
