"""The cross-map pain-point index: one row per pain point, merged by id, ranked by priority,
with every place it occurs, who it reaches and what addresses it. A large index continues on
list pages (render/pagination.py); readers filter the rows of every part with the shared
journeys-filter.js asset, which fetches them from the pain-points.json export. Without
JavaScript each part's table shows whole."""

from __future__ import annotations

from markupsafe import Markup

from journeys.core.index import SEVERITY_WEIGHT
from journeys.core.schema import STATUSES
from journeys.render.data_files import CSV_EXPORT, JSON_EXPORT, ROWS_EXPORT
from journeys.render.fragments import (
    NOT_SEARCHED,
    Cell,
    Row,
    joined,
    journey_link,
    persona_link,
    severity,
    stage_link,
    step_link,
    table,
    team_link,
)
from journeys.render.generated_page import Page
from journeys.render.memo import layout, pains_inputs, remember
from journeys.render.pagination import pager, pain_parts
from journeys.render.priority_matrix import matrix_figure
from journeys.render.templating import fill_markup
from journeys.render.text import evidence, json_attr, link, text

# The chart and its table carry about 4 KB a point: a large index charts its highest
# priorities, which are the ones the chart is there to single out.
MATRIX_POINTS = 40


def pain_points_pages(handbook, ctx) -> list[Page]:
    """The index, then its list pages: the summary and the highest priorities under the
    index's URL, the rest in priority order after it."""
    parts = pain_parts(handbook, ctx.site)
    shape = layout(parts)
    # Every part shows its own rows, and the filter's choices, which every row contributes to.
    choices = json_attr(filter_options(handbook, handbook.pain_points))
    pains = handbook.pain_points
    # The first also counts every pain point and charts the highest.
    whole = (len(pains), sum(len(p.places) for p in pains), len(handbook.valid_journeys))
    top = pains[:MATRIX_POINTS]
    pages = [
        remember(
            ctx,
            parts[0].src,
            lambda: (shape, pains_inputs(ctx, parts[0].items), choices, whole, pains_inputs(ctx, top)),
            lambda: pain_points_page(handbook, ctx, parts),
        )
    ]
    pages += [
        remember(
            ctx,
            part.src,
            lambda part=part: (shape, pains_inputs(ctx, part.items), choices),
            lambda part=part: _part(handbook, ctx, parts, part),
        )
        for part in parts[1:]
    ]
    return pages


def _part(handbook, ctx, parts, part) -> Page:
    labels = ctx.labels
    words = labels["pager_range"].format(first=part.first, last=part.last)
    return ctx.page(
        part.src,
        "pain_points_part.html",
        title=labels["part_title"].format(title=labels["pains_title"], range=words),
        description=labels["pains_description"],
        hide=("toc",),
        range=words,
        index_link=Markup(link(ctx.site.href(part.src, ctx.site.src("pain-points")), labels["pains_title"])),
        pager=pager(ctx, parts, part.src),
        index=Markup(index_table(handbook, part.items, ctx, part.src, paged=True)),
    )


def pain_points_page(handbook, ctx, parts) -> Page:
    here = ctx.site.src("pain-points")
    labels = ctx.labels
    pains = handbook.pain_points
    counts = {
        "pains": len(pains),
        "places": sum(len(p.places) for p in pains),
        "journeys": len(handbook.valid_journeys),
    }
    weights = ", ".join(f"{level} {weight}" for level, weight in SEVERITY_WEIGHT.items())
    downloads = Markup(
        joined(link(ctx.site.asset(here, ctx.site.prefix + name), name) for name in (CSV_EXPORT, JSON_EXPORT))
    )
    return ctx.page(
        here,
        "pain_points.html",
        title=labels["pains_title"],
        description=labels["pains_description"],
        # Without the table of contents (three headings) the index gets its width.
        hide=("toc",),
        counts=counts,
        weights=weights,
        downloads=downloads,
        matrix=Markup(matrix_figure(handbook, ctx, here, pains[:MATRIX_POINTS])) if pains else None,
        charted=min(len(pains), MATRIX_POINTS),
        pager=pager(ctx, parts, here),
        index=Markup(index_table(handbook, parts[0].items, ctx, here, len(parts) > 1)) if pains else None,
    )


def filter_options(handbook, pains) -> dict:
    """The values readers can filter by, as [value, label] pairs in display order; only values
    that some row has."""

    def used(values):
        return {v for p in pains for v in values(p)}

    stages, teams, personas = used(lambda p: p.stages), used(lambda p: p.teams), used(lambda p: p.personas)
    return {
        "severity": [[s, s] for s in reversed(SEVERITY_WEIGHT) if s in used(lambda p: [p.severity])],
        "stage": [[s.id, s.name] for s in handbook.stages if s.id in stages],
        "team": [[t, handbook.team_by_id[t].name if t in handbook.team_by_id else t] for t in sorted(teams)],
        "persona": [
            [i, handbook.persona_by_id[i].name if i in handbook.persona_by_id else i] for i in sorted(personas)
        ],
        "status": [[s, s] for s in STATUSES if s in used(lambda p: [p.status])],
    }


FILTER_WORDS = {
    "severity": "col_severity",
    "stage": "col_stage",
    "team": "col_team",
    "persona": "col_persona",
    "status": "col_status",
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


def index_table(handbook, pains, ctx, here, paged: bool = False) -> str:
    """The rows of `pains`; the filter's choices cover every pain point of the handbook, and
    its rows come from the export, so it finds rows on every part of the index."""
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
    words = {key: labels[label] for key, label in FILTER_WORDS.items()}
    filters = (
        f' data-jm-filter="{json_attr(filter_options(handbook, handbook.pain_points))}"'
        f' data-jm-words="{json_attr(words)}"'
    )
    if paged:  # the rows of the other parts come from the export
        filters += (
            f' data-jm-rows="{text(ctx.site.asset(here, ctx.site.prefix + ROWS_EXPORT))}"'
            f' data-jm-root="{text(ctx.site.asset(here, "") or ".")}"'
        )
    rows = [row(handbook, p, ctx, here) for p in pains]
    # A region of its own: on a wide screen a long index may still be wider than the column,
    # and a keyboard user needs a focus stop to scroll it.
    return (
        f'<div class="jm-table-scroll" role="region" tabindex="0" aria-label="{text(labels["pains_region"])}">'
        f"{table('jm-pain-index', labels['pains_caption'], headers, rows, filters, numeric=(0,))}</div>"
    )


def place_words(ctx, here, handbook, place) -> str:
    """Journey › stage › touchpoint, each a link."""
    return (
        f"{journey_link(ctx, here, place.journey)} › {stage_link(ctx, here, handbook, place.block.stage)} › "
        f"{step_link(ctx, here, place.journey, place.step)}"
    )


def row(handbook, pain, ctx, here) -> Row:
    labels = ctx.labels
    attrs = {
        "severity": pain.severity,
        "stage": " ".join(pain.stages),
        "team": " ".join(pain.teams),
        "persona": " ".join(pain.personas),
        "status": pain.status,
    }
    data = "".join(f' data-{key}="{text(value)}"' for key, value in attrs.items())
    varied = len(pain.wordings) > 1
    where = []
    for place, own in zip(pain.places, pain.occurrences):
        # Each occurrence's own words under it, where they differ from the row's.
        quote = f'<q class="jm-wording">{text(own.text)}</q>' if own.text != pain.text else ""
        where.append(f"<li>{place_words(ctx, here, handbook, place)}{quote}</li>")
    heading = ""
    if varied:
        source = pain.places[pain.text_from]
        words = fill_markup(
            labels["wording_from"],
            place=Markup(
                f"{journey_link(ctx, here, source.journey)} › {step_link(ctx, here, source.journey, source.step)}"
            ),
        )
        heading = f'<p class="jm-wording-from"{NOT_SEARCHED}>{words}</p>'
    proof = "".join(f"<li>{evidence(e)}</li>" for e in pain.evidence)
    opportunities = "".join(
        f"<li>{text(opp.text)} — {text(labels['opportunity_at'])} {step_link(ctx, here, place.journey, place.step)}</li>"
        for place, opp in pain.opportunities
    )
    cells = (
        Cell(str(pain.score), classes="jm-score"),
        Cell(
            f"{severity(pain.severity)} {text(pain.text)}<br><code>{text(pain.id)}</code>{heading}",
            classes="jm-pain-text",
        ),
        f'<span class="jm-status">{text(pain.status)}</span>',
        # Places, personas, teams and opportunities have their own home pages: not searched here.
        Cell(f'<ul class="jm-places">{"".join(where)}</ul>', NOT_SEARCHED, classes="jm-where"),
        Cell(joined(persona_link(ctx, here, handbook, p) for p in pain.personas), NOT_SEARCHED),
        Cell(joined(team_link(ctx, here, handbook, t) for t in pain.teams), NOT_SEARCHED),
        f'<ul class="jm-evidence">{proof}</ul>' if proof else "",
        Cell(f'<ul class="jm-opportunities">{opportunities}</ul>' if opportunities else "", NOT_SEARCHED),
    )
    return Row(cells, f' id="{text(pain.id)}"{data}')
