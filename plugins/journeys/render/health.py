"""How pages show measures (map format 1.2): the health of a KPI as a word and a shape, never
colour alone; a journey's KPIs counted by health; links to measure pages; a KPI's latest
value in words. The rules are core/measures.py's; the markup is templates/macros.html's."""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup

from journeys.core.handbook import Handbook
from journeys.core.measures import counted, kpi_health, kpi_places, stage_health
from journeys.core.model import Journey, Kpi, StageBlock
from journeys.render.context import Context


def health(ctx: Context, kpi: Kpi) -> str | None:
    """The KPI's health on the build date, or None (no measure, or no target)."""
    return kpi_health(kpi, ctx.today, ctx.measures_stale_after_days)


def health_word(ctx: Context, state: str) -> str:
    return ctx.labels[f"health_{state.replace('-', '_')}"]


def badge(ctx: Context, state: str | None) -> Markup:
    """The health as a shape and a word; nothing for None."""
    if state is None:
        return Markup()
    return ctx.templates.piece(("health", state), lambda: ctx.macros.health(state, health_word(ctx, state)))


def counts(ctx: Context, states: Iterable[str | None]) -> Markup:
    """How many KPIs have each health, worst first ("1 off target, 2 on target"); nothing when
    none has a health."""
    found = counted(states)
    if not found:
        return Markup()
    return ctx.macros.health_counts([(state, n, health_word(ctx, state)) for state, n in found])


def journey_healths(ctx: Context, journey: Journey) -> list[str | None]:
    """The health of every KPI of the journey: the journey's, its stages' and its steps'."""
    return [health(ctx, place.kpi) for place in kpi_places(journey)]


def stage_badge(ctx: Context, block: StageBlock) -> Markup:
    """The worst health of a stage of a journey, from its KPIs and its steps'."""
    return badge(ctx, stage_health(block, lambda kpi: health(ctx, kpi)))


def has_measures(handbook: Handbook) -> bool:
    """Whether the handbook has measure pages (a public build has them only when `public_fields`
    lists `measures`)."""
    return bool(handbook.measures)


def measure_link(
    ctx: Context, here: str, handbook: Handbook, measure_id: str, label: str | None = None
) -> Markup | str:
    """`label` (default: the measure's name) linked to the measure's page, or as text where the
    handbook has no such page."""
    measure = handbook.measure_by_id.get(measure_id)
    words = label or (measure.name if measure else measure_id)
    if measure is None:
        return words
    return ctx.link(ctx.site.href(here, ctx.site.src("measures", measure_id)), words)


def kpi_name(ctx: Context, here: str, handbook: Handbook, kpi: Kpi) -> Markup | str:
    """A KPI's name, linked to its measure's page when it names one."""
    return measure_link(ctx, here, handbook, kpi.measure, kpi.name) if kpi.measure else kpi.name
