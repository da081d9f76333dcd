"""The pieces of pages that show measures (map format 1.2): a series' chart with its table, a
table of KPIs with their health, and the words for a KPI's scope. Journey, stage, team,
persona and measure pages put them together."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markupsafe import Markup

from journeys.core.handbook import Handbook
from journeys.core.measures import HEALTHS, STALE, KpiPlace, number_text, value_health
from journeys.core.model import Journey, Kpi, Measure, MeasureValue
from journeys.render.context import Context
from journeys.render.fragments import journey_link, persona_link, stage_link, step_link, table
from journeys.render.health import badge, counts, health, kpi_name
from journeys.render.labels import counted
from journeys.render.measure_chart import chart_values
from journeys.render.templating import fill_markup
from journeys.render.text import number


def scope_words(ctx: Context, here: str, handbook: Handbook, value: MeasureValue | tuple) -> Markup | str:
    """A series' scope in words, its items linked: "journey › stage › step", "Claim, every
    journey", "customers of Maya", "whole handbook"."""
    journey_id, stage, step_id, persona = value.scope if isinstance(value, MeasureValue) else value
    labels = ctx.labels
    parts: list[Markup | str] = []
    journey = handbook.journey_by_id.get(journey_id) if journey_id else None
    if journey_id:
        parts.append(journey_link(ctx, here, journey) if journey else journey_id)
    if stage:
        link = stage_link(ctx, here, handbook, stage)
        parts.append(link if journey_id else fill_markup(labels["scope_stage"], stage=link))
    if step_id and journey is not None:
        step = next((s for _, s in journey.steps if s.id == step_id), None)
        parts.append(step_link(ctx, here, journey, step) if step else step_id)
    if persona:
        parts.append(fill_markup(labels["scope_persona"], persona=persona_link(ctx, here, handbook, persona)))
    return Markup(" › ").join(parts) if parts else labels["scope_handbook"]


def place_words(ctx: Context, here: str, handbook: Handbook, journey: Journey, place: KpiPlace) -> Markup | str:
    """Where a KPI of the journey is, seen from the journey: the whole journey, a stage, a step."""
    if place.step is not None:
        return step_link(ctx, here, journey, place.step)
    if place.block is not None:
        return stage_link(ctx, here, handbook, place.block.stage)
    return ctx.labels["scope_journey"]


def kpi_rows(
    ctx: Context, here: str, handbook: Handbook, items: Sequence[tuple[Markup | str, Kpi]]
) -> list[tuple[object, ...]]:
    """Table rows of (scope, KPI) pairs: name, scope, current, target, unit, health, as of."""
    return [
        (
            kpi_name(ctx, here, handbook, kpi),
            scope,
            kpi.current or "",
            kpi.target or "",
            kpi.unit or "",
            badge(ctx, health(ctx, kpi)),
            kpi.latest.date.isoformat() if kpi.latest else "",
        )
        for scope, kpi in items
    ]


def kpi_health_table(
    ctx: Context,
    here: str,
    handbook: Handbook,
    items: Sequence[tuple[Markup | str, Kpi]],
    caption: str,
    scope_label: str | None = None,
    searched: bool = True,
    headed: bool = False,
) -> Markup:
    """KPIs with their scope, values and health (`scope_label` heads the scope column; `headed`:
    a heading names the table, so its caption is for screen readers)."""
    keys = ("col_measure", "col_scope", "col_current", "col_target", "col_unit", "col_health", "col_as_of")
    headers = [ctx.labels[k] for k in keys]
    if scope_label:
        headers[1] = scope_label
    rows = kpi_rows(ctx, here, handbook, items)
    return table(
        ctx, "jm-kpis jm-kpis--health", caption, headers, rows, numeric=(2, 3), searched=searched, headed=headed
    )


SUMMARY_KPIS = 20  # KPIs a stage or team page lists, worst health first; their measures' pages list every one
_ORDER = {state: n for n, state in enumerate(HEALTHS)}


def kpi_summary(
    ctx: Context,
    here: str,
    handbook: Handbook,
    items: Sequence[tuple[Markup | str, Kpi]],
    caption: str,
    scope_label: str | None = None,
) -> Markup:
    """KPIs counted by health, and the `SUMMARY_KPIS` with the worst health listed (those with
    a measure and a target first, then the others) with a note that says where the rest are."""
    states = [health(ctx, kpi) for _, kpi in items]
    ranked = sorted(range(len(items)), key=lambda n: _ORDER.get(states[n] or "", len(HEALTHS)))
    shown = [items[n] for n in sorted(ranked[:SUMMARY_KPIS])]
    listed = kpi_health_table(ctx, here, handbook, shown, caption, scope_label, searched=False)
    more = len(items) - len(shown)
    return ctx.macros.kpi_summary(counts(ctx, states), listed, more, len(items))


def target_words(ctx: Context, target: float | None, better: str | None, unit: str) -> str:
    """ "target 20 or more", "target 2 d or less"; empty without a target."""
    if target is None:
        return ""
    key = "measure_target_lower" if better == "lower" else "measure_target_higher"
    return ctx.labels[key].format(target=_with_unit(number_text(target), unit))


def _with_unit(value: str, unit: str) -> str:
    return f"{value}{unit}" if unit == "%" else f"{value} {unit}" if unit else value


def latest_words(ctx: Context, values: Sequence[MeasureValue], unit: str) -> str:
    """ "Latest: 14 on 2026-11-30, 129 days ago"; or that there is none yet."""
    if not values:
        return ctx.labels["measure_no_values"]
    last = values[-1]
    age = (ctx.today - last.date).days
    return counted(
        ctx.labels, "measure_latest", age, value=_with_unit(number_text(last.value), unit), date=last.date.isoformat()
    )


def series_chart(
    ctx: Context,
    caption: str,
    values: Sequence[MeasureValue],
    *,
    target: float | None,
    better: str | None,
    unit: str,
    state: str | None,
) -> Markup:
    """A series over time with its target, its health and latest value in words, and its values
    as a table (render/measure_chart.py draws it)."""
    labels = ctx.labels
    drawn = chart_values(values, target, better, ctx.today, state == "stale") if values else None
    return ctx.render(
        "measure_chart.html",
        caption=caption,
        health=badge(ctx, state),
        latest=latest_words(ctx, values, unit),
        target=target_words(ctx, target, better, unit),
        chart=drawn,
        table=values_table(ctx, labels["measure_chart_table"].format(caption=caption), values) if values else "",
    )


def values_table(ctx: Context, caption: str, values: Sequence[MeasureValue]) -> Markup:
    """The values of a series as a table, newest first (as one reads back from today), folded
    under its chart: with their sample sizes where they have them, and their sources, said once
    above the table when every value has the same."""
    labels = ctx.labels
    sources = {v.source for v in values}
    show_n, show_source = any(v.n is not None for v in values), len(sources) > 1
    heads = [labels["col_date"], labels["col_value"]]
    heads += [labels["col_n"]] * show_n + [labels["col_source"]] * show_source
    rows = []
    for v in reversed(values):
        cells: list[object] = [number(v.date.isoformat()), number(number_text(v.value))]
        if show_n:
            cells.append("" if v.n is None else number(str(v.n)))
        if show_source:
            cells.append(ctx.macros.evidence(v.source) if v.source else "")
        rows.append(cells)
    [source] = sources if len(sources) == 1 else [None]
    note = fill_markup(labels["measure_chart_source"], source=ctx.macros.evidence(source)) if source else None
    numeric = 2 + show_n  # the value and the sample size
    return ctx.macros.chart_tables([ctx.macros.values_table(caption, heads, rows, numeric)], note)


def chart_legend(ctx: Context, states: Sequence[str | None]) -> Markup:
    """The key to the measure charts of a page, once: with the shading of a stale period when
    one of them is stale."""
    return ctx.macros.measure_legend(STALE in states)


def kpi_chart(ctx: Context, caption: str, kpi: Kpi, unit: str) -> Markup:
    """The chart of a KPI that names a measure: its series in its scope against its target."""
    target = float(kpi.target) if kpi.target is not None else None
    return series_chart(ctx, caption, kpi.series, target=target, better=kpi.better, unit=unit, state=health(ctx, kpi))


def scope_charts(ctx: Context, handbook: Handbook, scope: tuple, scope_name: str) -> dict[str, Any]:
    """A chart of every measure's values in `scope` (a stage across journeys, a persona), against
    the measure's target, in catalogue order (`charts`), and their key (`legend`)."""
    charts, states = [], []
    for measure in handbook.measures:
        values = handbook.series.get((measure.id, *scope), ())
        if values:
            chart, state = measure_chart(ctx, measure, values, scope_name)
            charts.append(chart)
            states.append(state)
    return {"charts": charts, "legend": chart_legend(ctx, states) if charts else ""}


def measure_chart(
    ctx: Context, measure: Measure, values: tuple[MeasureValue, ...], scope_name: str
) -> tuple[Markup, str | None]:
    """The chart of a measure's `values` in one scope (`scope_name` in its caption) against the
    measure's target, and the health of those values."""
    state = value_health(values, measure.target, measure.better, ctx.today, ctx.measures_stale_after_days)
    caption = ctx.labels["measure_chart_caption"].format(measure=measure.name, scope=scope_name)
    chart = series_chart(
        ctx, caption, values, target=measure.target, better=measure.better, unit=measure.unit, state=state
    )
    return chart, state


def scope_inputs(handbook: Handbook, scope: tuple) -> tuple:
    """What `scope_charts` shows, for a page's memo."""
    return tuple((m, handbook.series.get((m.id, *scope), ())) for m in handbook.measures)
