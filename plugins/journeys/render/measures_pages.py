"""The measures index (`measures/`) and a page for each measure (`measures/<id>/`) with every
series of it: handbook-wide, by journey, stage, step and persona (map format 1.2). A measure
read by thousands of journeys has thousands of series: its list continues on list pages
(render/pagination.py), like the other aggregate pages."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from markupsafe import Markup

from journeys.core.handbook import Handbook
from journeys.core.measures import kpi_places, kpi_scope, number_text, value_health
from journeys.core.model import Kpi, Measure, MeasureValue
from journeys.render.context import Context
from journeys.render.fragments import Row, table, team_link
from journeys.render.generated_page import Page
from journeys.render.health import badge, counts, health, measure_link
from journeys.render.labels import counted, fill
from journeys.render.list_parts import list_part, paging
from journeys.render.measure_chart import spark_values
from journeys.render.measure_views import chart_legend, measure_chart, scope_words
from journeys.render.page_inputs import layout, remember
from journeys.render.pagination import Part, pager, split
from journeys.render.text import number

MEASURE_ROW_BYTES = 900  # a row of the measures index
SERIES_ROW_BYTES = 1_300  # a series' row: scope, figures, health, sparkline
VALUE_BYTES = 60  # each value listed under a series' row

Scope = tuple


@dataclass(frozen=True)
class Series:
    """One scope of a measure: its values (maybe none) and the KPIs that read it."""

    scope: Scope
    values: tuple[MeasureValue, ...]
    kpis: tuple[Kpi, ...] = ()

    @property
    def kpi(self) -> Kpi | None:
        return self.kpis[0] if self.kpis else None


def measure_series(handbook: Handbook) -> dict[str, list[Series]]:
    """Every series of every measure, handbook-wide first, then without a journey (a stage, a
    persona), then by journey and its stages in order; with the KPIs that read each, KPIs
    without values included."""
    found: dict[str, dict[Scope, list]] = {m.id: {} for m in handbook.measures}
    for series_key, values in handbook.series.items():
        if series_key[0] in found:
            found[series_key[0]][series_key[1:]] = [values, []]
    for journey in handbook.valid_journeys:
        for place in kpi_places(journey):
            kpi = place.kpi
            if kpi.measure in found:
                stage = place.block.stage if place.block else None
                scope = kpi_scope(journey.id, stage, place.step.id if place.step else None)
                found[kpi.measure].setdefault(scope, [(), []])[1].append(kpi)
    order = {s.id: n for n, s in enumerate(handbook.stages)}

    def key(scope: Scope) -> tuple:
        journey, stage, step, persona = scope
        return (journey or "", order.get(stage or "", -1), step or "", persona or "")

    return {
        m: [
            Series(scope, tuple(values), tuple(kpis))
            for scope, (values, kpis) in sorted(s.items(), key=lambda i: key(i[0]))
        ]
        for m, s in found.items()
    }


def measures_pages(handbook: Handbook, ctx: Context) -> list[Page]:
    """The index and every measure's pages; none for a handbook without measures.yml."""
    if not handbook.measures:
        return []
    every = measure_series(handbook)
    pages = measures_index(handbook, ctx, every)
    for measure in handbook.measures:
        pages += measure_pages(handbook, measure, every[measure.id], ctx)
    return pages


def _kpi_healths(ctx: Context, series: Sequence[Series]) -> list[str | None]:
    return [health(ctx, kpi) for s in series for kpi in s.kpis]


def measures_index(handbook: Handbook, ctx: Context, every: Mapping[str, list[Series]]) -> list[Page]:
    here = ctx.site.src("measures")
    parts = split(here, handbook.measures, lambda m: MEASURE_ROW_BYTES)
    shape = layout(parts)
    values = len(handbook.measure_values)

    def inputs(part: Part) -> tuple:
        return shape, values, tuple((m, tuple(every[m.id])) for m in part.items)

    return [
        remember(ctx, p.src, partial(inputs, p), partial(_index_part, handbook, ctx, parts, p, every)) for p in parts
    ]


def _index_part(
    handbook: Handbook, ctx: Context, parts: list[Part], part: Part, every: Mapping[str, list[Series]]
) -> Page:
    labels = ctx.labels
    here = ctx.site.src("measures")
    src = part.src
    rows = [
        (
            measure_link(ctx, src, handbook, m.id),
            labels[f"kind_{m.kind}"],
            m.unit,
            labels[f"better_{m.better}"],
            number(number_text(m.target)) if m.target is not None else "",
            team_link(ctx, src, handbook, m.owner),
            number(str(len(every[m.id]))),
            counts(ctx, _kpi_healths(ctx, every[m.id])),
        )
        for m in part.items
    ]
    keys = ("col_measure", "col_kind", "col_unit", "col_better", "col_target", "col_owner", "col_series", "col_kpis")
    # Not searched: each measure's home in search is its page.
    headers = [labels[k] for k in keys]
    measures = table(ctx, "jm-index", labels["measures_caption"], headers, rows, numeric=(4, 6), searched=False)
    common: dict[str, Any] = {
        "table": measures,
        "measures": len(handbook.measures),
        "values": len(handbook.measure_values),
        "days": ctx.measures_stale_after_days,
    }
    if part.number > 1:
        return list_part(
            ctx,
            parts,
            part,
            "measures_index.html",
            title=labels["measures_title"],
            description=labels["measures_description"],
            index_link=ctx.link(ctx.site.href(src, here), labels["measures_title"]),
            **common,
        )
    return ctx.page(
        here,
        "measures_index.html",
        title=labels["measures_title"],
        description=labels["measures_description"],
        source=handbook.measures_source or None,
        pager=pager(ctx, parts, src),
        range="",
        index_link="",
        **common,
    )


def _weight(series: Series) -> int:
    return SERIES_ROW_BYTES + VALUE_BYTES * len(series.values)


def measure_pages(handbook: Handbook, measure: Measure, series: list[Series], ctx: Context) -> list[Page]:
    """The measure's page and its list pages."""
    here = ctx.site.src("measures", measure.id)
    parts = split(here, series, _weight)
    shape = layout(parts)

    def inputs(part: Part) -> tuple:
        whole = (tuple(series[:1]), tuple(kpi for s in series for kpi in s.kpis)) if part.number == 1 else ()
        names = tuple((s.scope, _scope_names(handbook, s.scope)) for s in part.items)
        return measure, shape, part.items, names, whole

    return [
        remember(ctx, p.src, partial(inputs, p), partial(_measure_part, handbook, measure, series, ctx, parts, p))
        for p in parts
    ]


def _scope_names(handbook: Handbook, scope: Scope) -> tuple:
    """What a series' scope shows of other items: the journey's title and the step's touchpoint."""
    journey = handbook.journey_by_id.get(scope[0]) if scope[0] else None
    if journey is None:
        return ()
    return (journey.title, tuple((s.id, s.touchpoint, s.anchor) for _, s in journey.steps if s.id == scope[2]))


def _measure_part(
    handbook: Handbook,
    measure: Measure,
    series: list[Series],
    ctx: Context,
    parts: list[Part],
    part: Part,
) -> Page:
    labels = ctx.labels
    here = ctx.site.src("measures", measure.id)
    src = part.src
    values: dict[str, Any] = {
        "measure": measure,
        "table": series_table(handbook, measure, part.items, ctx, src) if part.items else "",
    }
    if part.number > 1:
        return list_part(
            ctx,
            parts,
            part,
            "measure_part.html",
            title=measure.name,
            description=measure.description,
            measure_link=ctx.link(ctx.site.href(src, here), measure.name),
            **values,
        )
    every = [v for s in series for v in s.values]
    meta = [
        (labels["measure_kind"], labels[f"kind_{measure.kind}"]),
        (labels["measure_unit"], measure.unit),
        (labels["measure_better"], labels[f"better_{measure.better}"]),
        (labels["measure_target"], number(number_text(measure.target)) if measure.target is not None else ""),
        (labels["measure_owner"], team_link(ctx, here, handbook, measure.owner)),
    ]
    if every:
        first, last = min(v.date for v in every), max(v.date for v in every)
        words_values = (
            fill(labels["measure_value_single"], first=first.isoformat())
            if len(every) == 1
            else counted(labels, "measure_values_range", len(every), first=first.isoformat(), last=last.isoformat())
        )
        meta.append((labels["measure_values"], words_values))
    wide = series[0] if series and series[0].scope == (None, None, None, None) else None
    chart = Markup()
    if wide is not None and wide.values:
        chart, state = measure_chart(ctx, measure, wide.values, labels["scope_handbook"])
        chart += chart_legend(ctx, [state])
    return ctx.page(
        here,
        "measure_page.html",
        title=measure.name,
        description=measure.description,
        source=handbook.measures_source or None,
        meta=[(label, value) for label, value in meta if value],
        chart=chart,
        kpis=counts(ctx, _kpi_healths(ctx, series)),
        **paging(ctx, parts, part),
        **values,
    )


def series_table(handbook: Handbook, measure: Measure, series: Sequence[Series], ctx: Context, here: str) -> Markup:
    """One row a series: its scope, latest value, target, health, trend and every value."""
    labels = ctx.labels
    rows = []
    for s in series:
        kpi = s.kpi
        target = float(kpi.target) if kpi is not None and kpi.target is not None else measure.target
        state = (
            health(ctx, kpi)
            if kpi is not None
            else value_health(s.values, target, measure.better, ctx.today, ctx.measures_stale_after_days)
        )
        latest = s.values[-1] if s.values else None
        rows.append(
            Row(
                (
                    scope_words(ctx, here, handbook, s.scope),
                    number(number_text(latest.value)) if latest else labels["measure_no_values"],
                    latest.date.isoformat() if latest else "",
                    number(number_text(target)) if target is not None else "",
                    badge(ctx, state),
                    ctx.macros.sparkline(spark_values(s.values, target, ctx.today)) if s.values else "",
                    ctx.macros.series_values(
                        counted(labels, "measure_values_count", len(s.values)),
                        [(number(v.date.isoformat()), number(number_text(v.value))) for v in reversed(s.values)],
                    )
                    if s.values
                    else "",
                )
            )
        )
    keys = ("col_scope", "col_latest", "col_as_of", "col_target", "col_health", "col_trend", "col_values")
    caption = labels["measure_series_caption"].format(measure=measure.name)
    headers = [labels[k] for k in keys]
    if measure.unit:
        headers[1] = f"{headers[1]} ({measure.unit})"
    return table(ctx, "jm-series", caption, headers, rows, numeric=(1, 3), searched=False)
