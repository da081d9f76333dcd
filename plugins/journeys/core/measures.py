"""Measures over time (map format 1.2): the catalogue's defaults, the series of each scope, KPIs
that name a measure, and their health.

A KPI that names a measure reads one series: the measure's values whose scope is exactly the
KPI's (the journey; the journey's stage; the step), for all of its customers (no persona).
Its health compares the latest of them with its target in the measure's better direction;
values older than the stale limit, or none at all, say so instead. Everything here works on
the model, so pages, exports and the checks read the same rules.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

from journeys.core.ids import humanize
from journeys.core.model import Journey, Kpi, Measure, MeasureValue, StageBlock, Step
from journeys.core.problems import quoted
from journeys.core.schema import KIND_UNITS, KPI, LOWER_IS_BETTER, Data, Record, Report, build
from journeys.core.yaml_source import Path

# Health of a KPI, worst first: a stage takes the worst of its KPIs'. A target missed is known
# to be bad; a measure never taken is unknown, and one not taken lately was known once.
ON_TARGET, OFF_TARGET, NO_DATA, STALE = "on-target", "off-target", "no-data", "stale"
HEALTHS = (OFF_TARGET, NO_DATA, STALE, ON_TARGET)
_RANK = {h: n for n, h in enumerate(HEALTHS)}

Scope = tuple[str | None, str | None, str | None, str | None]  # (journey, stage, step, persona), each an id or None
SeriesKey = tuple[str, str | None, str | None, str | None, str | None]  # (measure, journey, stage, step, persona)
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\Z")


def measure_model(data: Data, record: Record[Measure]) -> Measure:
    """A validated entry of measures.yml with its kind's defaults: the unit, the better
    direction, the name."""
    kind = data["kind"]
    unit = data.get("unit")
    return build(
        record,
        data,
        name=data.get("name") or humanize(data["id"]),
        unit=KIND_UNITS.get(kind, "") if unit is None else unit,
        better=data.get("better") or ("lower" if kind in LOWER_IS_BETTER else "higher"),
        target=None if data.get("target") is None else float(data["target"]),
    )


def number_text(value: float) -> str:
    """A value as pages and exports write it: 74, -8, 0.42 (ten significant digits at most)."""
    return format(value, ".10g")


def target_number(target: str, unit: str) -> float | None:
    """A KPI's target as a number: `25`, or with the measure's unit after it (`25%`, `3 d`)."""
    text = target.strip()
    if unit and text.endswith(unit):
        text = text[: -len(unit)].rstrip()
    return float(text) if _PLAIN_NUMBER.match(text) else None


def series_index(values: Iterable[MeasureValue]) -> dict[SeriesKey, tuple[MeasureValue, ...]]:
    """Every series: the values of one measure and scope, oldest first."""
    found: dict[SeriesKey, list[MeasureValue]] = {}
    for value in values:
        found.setdefault((value.measure, *value.scope), []).append(value)
    return {key: tuple(sorted(series, key=lambda v: v.date)) for key, series in found.items()}


def sort_key(value: MeasureValue) -> tuple[str | datetime.date, ...]:
    """Measure, then scope (handbook-wide first), then date: the order of exports and pages."""
    return (value.measure, *(part or "" for part in value.scope), value.date)


# --- KPIs that name a measure ---------------------------------------------------------------


@dataclass(frozen=True)
class KpiPlace:
    """Where a KPI of a journey is: the journey as a whole, a stage block, or a step."""

    kpi: Kpi
    block: StageBlock | None = None
    step: Step | None = None

    @property
    def level(self) -> str:
        return "step" if self.step is not None else "stage" if self.block is not None else "journey"


def kpi_places(journey: Journey) -> Iterator[KpiPlace]:
    """Every KPI of a journey in reading order: the journey's, then each stage's and its steps'."""
    for kpi in journey.kpis:
        yield KpiPlace(kpi)
    for block in journey.stages:
        for kpi in block.kpis:
            yield KpiPlace(kpi, block)
        for step in block.steps:
            for kpi in step.kpis:
                yield KpiPlace(kpi, block, step)


def kpi_scope(journey_id: str, stage: str | None = None, step: str | None = None) -> Scope:
    """The scope a KPI reads: the journey, a stage of it, or a step of it (whose stage the
    values carry too), for all of its customers."""
    return (journey_id, stage, step, None)


def measured_kpi(
    data: Data, scope: Scope, measures: Mapping[str, Measure], series: Mapping[SeriesKey, tuple[MeasureValue, ...]]
) -> Kpi:
    """The KPI of validated `data`: as written, or, naming a measure, with what the measure
    gives (name, unit and target unless written; its values in `scope`; the better direction)."""
    measure = measures.get(data.get("measure") or "")
    if measure is None:
        return build(KPI, data)
    values = series.get((measure.id, *scope), ())
    target = data.get("target")
    if target is not None:
        number = target_number(target, measure.unit)
        target = number_text(number) if number is not None else target
    elif measure.target is not None:
        target = number_text(measure.target)
    unit = data.get("unit")
    return Kpi(
        name=data.get("name") or measure.name,
        current=number_text(values[-1].value) if values else None,
        target=target,
        unit=(measure.unit or None) if unit is None else unit,
        measure=measure.id,
        series=values,
        better=measure.better,
    )


def kpi_problems(data: Data, report: Report, units: Mapping[str, str]) -> None:
    """What is wrong with the KPIs of validated journey `data` that name a measure (`units`:
    the unit of each measure id): a current value typed beside the measure's, a target that is
    not a number, and a step KPI on a step without the id that its values would name."""
    for path, kpi, step in _kpis(data):
        measure = kpi.get("measure")
        if measure is None or measure not in units:
            continue  # no measure, or an unknown one: reported where references are resolved
        if kpi.get("current") is not None:
            report(
                path + ("current",),
                f"a KPI that names a measure takes its current value from the measure's values "
                f"(maps/measures/*.csv): remove 'current', or the measure {quoted(measure)}",
            )
        target = kpi.get("target")
        if target is not None and target_number(target, units[measure]) is None:
            unit = f" ({units[measure]})" if units[measure] else ""
            report(
                path + ("target",),
                f"{quoted(target)} is not a number: a KPI that names a measure has a number for its target, "
                f"in the measure's unit{unit}",
            )
        if step is not None and not step.get("id"):
            report(
                path + ("measure",),
                "a step's KPI reads the measure's values of this step, which name it by its id: give the step "
                "an 'id' (e.g. 'id: quote-form'), and write it in the step column of the values",
            )


def _kpis(data: Data) -> Iterator[tuple[Path, Data, Data | None]]:
    """(path, KPI, its step or None) for every KPI mapping of validated journey `data`."""
    for k, kpi in enumerate(data.get("kpis") or ()):
        yield ("kpis", k), kpi, None
    for i, block in enumerate(data.get("stages") or ()):
        if not isinstance(block, dict):
            continue
        for k, kpi in enumerate(block.get("kpis") or ()):
            yield ("stages", i, "kpis", k), kpi, None
        for n, step in enumerate(block.get("steps") or ()):
            if isinstance(step, dict):
                for k, kpi in enumerate(step.get("kpis") or ()):
                    yield ("stages", i, "steps", n, "kpis", k), kpi, step


# --- Health ---------------------------------------------------------------------------------


def meets(value: float, target: float, better: str | None) -> bool:
    return value <= target if better == "lower" else value >= target


def value_health(
    values: tuple[MeasureValue, ...],
    target: float | None,
    better: str | None,
    today: datetime.date,
    stale_after_days: int,
) -> str | None:
    """The health of a series against a target; None without a target."""
    if target is None:
        return None
    if not values:
        return NO_DATA
    latest = values[-1]
    if (today - latest.date).days > stale_after_days:
        return STALE
    return ON_TARGET if meets(latest.value, target, better) else OFF_TARGET


def kpi_health(kpi: Kpi, today: datetime.date, stale_after_days: int) -> str | None:
    """On target, off target, no data or stale: for a KPI with a measure and a target, else None."""
    if kpi.measure is None or kpi.target is None:
        return None
    return value_health(kpi.series, float(kpi.target), kpi.better, today, stale_after_days)


def worst(healths: Iterable[str | None]) -> str | None:
    """The worst of some healths (None where none has one): a stage's, from its KPIs'."""
    found = [h for h in healths if h is not None]
    return min(found, key=_RANK.__getitem__) if found else None


def counted(healths: Iterable[str | None]) -> list[tuple[str, int]]:
    """(health, how many) worst first, for the healths there are: a journey's KPIs by health."""
    counts = Counter(h for h in healths if h is not None)
    return [(h, counts[h]) for h in HEALTHS if counts[h]]


def stage_health(block: StageBlock, health: Callable[[Kpi], str | None]) -> str | None:
    """A stage of a journey takes the worst health of its KPIs: the stage's and its steps'."""
    return worst(health(k) for k in (*block.kpis, *(k for s in block.steps for k in s.kpis)))
