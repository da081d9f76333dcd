"""A measure's values over time, drawn at build time: a line through the values, the target as
a dashed line with the side that meets it shaded, and the time since the latest value shaded as
"no data" when the series is stale. No JavaScript: it prints, follows the palette, and the same
values are a table under it.

The drawing is one SVG stretched across the width (`preserveAspectRatio="none"`) with lines
that keep their width (`vector-effect`), so it is a few hundred bytes whatever the screen: time
runs across in thousandths of the width, values down in pixels. Each value is a dot drawn as a
line of no length with round ends (square ends where it misses the target), so dots stay round
however the drawing is stretched, and whether a value meets the target is a shape as well as a
colour. Axis labels are HTML placed over it, so text is never stretched. The drawing is
decoration for assistive technology: the summary line says the latest value and its health in
words, and the table says every value.
"""

from __future__ import annotations

import datetime
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from journeys.core.measures import meets, number_text
from journeys.core.model import MeasureValue
from journeys.render.text import number

WIDTH = 1000  # viewBox units across
HEIGHT_PX = 140
PAD_PX = 10  # above the highest and below the lowest tick
SPARK_WIDTH, SPARK_HEIGHT = 100, 24
GAP_FACTOR = 2.0  # a step between values this many times the usual one is drawn as a gap
MAX_TIME_TICKS = 6


def nice_step(raw: float) -> float:
    """1, 2, 2.5 or 5 times a power of ten: the first at least `raw`."""
    if raw <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(raw))
    return next(f * power for f in (1, 2, 2.5, 5, 10) if f * power >= raw)


@dataclass(frozen=True)
class ValueAxis:
    low: float
    high: float
    ticks: tuple[float, ...]

    def y(self, value: float, height: float = HEIGHT_PX, pad: float = PAD_PX) -> float:
        """Pixels from the top."""
        return round(pad + (self.high - value) / (self.high - self.low) * (height - 2 * pad), 1)


def value_axis(values: Sequence[float], target: float | None = None) -> ValueAxis:
    """About four round steps that hold every value and the target."""
    found = [*values, *([target] if target is not None else [])]
    low, high = min(found), max(found)
    if low == high:
        low, high = low - 1, high + 1
    step = nice_step((high - low) / 4)
    low, high = math.floor(low / step) * step, math.ceil(high / step) * step
    count = round((high - low) / step)
    return ValueAxis(low, high, tuple(round(low + k * step, 10) for k in range(count + 1)))


@dataclass(frozen=True)
class TimeAxis:
    start: datetime.date
    end: datetime.date

    def x(self, day: datetime.date, width: float = WIDTH) -> float:
        span = (self.end - self.start).days or 1
        return round((day - self.start).days / span * width, 1)

    def ticks(self) -> list[datetime.date]:
        """First days of months, every 1, 2, 3, 6 or 12 months: at most six along the axis."""
        months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month
        every = next((m for m in (1, 2, 3, 6, 12, 24, 60) if months / m < MAX_TIME_TICKS), 120)
        first = self.start.replace(day=1)
        if first < self.start:
            first = _months_after(first, 1)
        found = []
        day = first
        while day <= self.end:
            if (day.year * 12 + day.month - 1) % every == 0:
                found.append(day)
            day = _months_after(day, 1)
        return found


def _months_after(day: datetime.date, months: int) -> datetime.date:
    n = day.year * 12 + day.month - 1 + months
    return datetime.date(n // 12, n % 12 + 1, 1)


def time_axis(values: Sequence[MeasureValue], today: datetime.date) -> TimeAxis:
    """From the first value to the build date (or the last value, if later), so a series
    that stopped shows the time since."""
    start, end = values[0].date, max(values[-1].date, today)
    if (end - start).days < 28:  # one value, or a few close together: a month around them
        start, end = start - datetime.timedelta(days=14), end + datetime.timedelta(days=14)
    return TimeAxis(start, end)


def runs(values: Sequence[MeasureValue]) -> list[list[MeasureValue]]:
    """The values cut where the step to the next is far longer than usual (a missing period),
    so the line does not pretend to know what happened there."""
    if len(values) < 3:
        return [list(values)]
    steps = sorted((b.date - a.date).days for a, b in itertools.pairwise(values))
    usual = steps[len(steps) // 2]
    found: list[list[MeasureValue]] = [[values[0]]]
    for before, value in itertools.pairwise(values):
        if (value.date - before.date).days > GAP_FACTOR * usual and (value.date - before.date).days > 45:
            found.append([])
        found[-1].append(value)
    return found


def _dots(points: Sequence[tuple[float, float]]) -> Markup:
    """A path of dots: `M x y h0` for each, drawn by the stroke's round or square ends."""
    return number(" ".join(f"M{x:g} {y:g}h0" for x, y in points))


def _points(points: Sequence[tuple[float, float]]) -> Markup:
    return number(" ".join(f"{x:g},{y:g}" for x, y in points))


def chart_values(
    values: Sequence[MeasureValue], target: float | None, better: str | None, today: datetime.date, stale: bool
) -> dict[str, object]:
    """What the `measure_chart` template draws of a series (one value or more): `height`, `width`;
    `yticks` {y, label}; `xticks` {x (percent), label}; `lines` (points of each run of values);
    `gaps` {x1, y1, x2, y2} between runs; `met` and `missed` (the dots' paths); `target` {y,
    label} and `goal` {y, height} (the side that meets it), or none; `stale` {x, width, left
    (percent)} from the latest value to the build date, or none."""
    axis = value_axis([v.value for v in values], target)
    time = time_axis(values, today)

    def at(value: MeasureValue) -> tuple[float, float]:
        return time.x(value.date), axis.y(value.value)

    cut = runs(values)
    gaps = []
    for before, after in itertools.pairwise(cut):
        (x1, y1), (x2, y2) = at(before[-1]), at(after[0])
        gaps.append(
            {"x1": number(f"{x1:g}"), "y1": number(f"{y1:g}"), "x2": number(f"{x2:g}"), "y2": number(f"{y2:g}")}
        )
    chart: dict[str, object] = {
        "height": HEIGHT_PX,
        "width": WIDTH,
        "yticks": [{"y": number(f"{axis.y(t):g}"), "label": number_text(t)} for t in axis.ticks],
        "xticks": [_tick(time.x(d) / 10, d) for d in time.ticks()],
        "lines": [_points([at(v) for v in run]) for run in cut],
        "gaps": gaps,
        "met": _dots([at(v) for v in values if target is None or meets(v.value, target, better)]),
        "missed": _dots([at(v) for v in values if target is not None and not meets(v.value, target, better)]),
        "target": None,
        "goal": None,
        "stale": None,
    }
    if target is not None:
        y = axis.y(target)
        chart["target"] = {"y": number(f"{y:g}"), "label": number_text(target)}
        top, bottom = (0.0, y) if better != "lower" else (y, float(HEIGHT_PX))
        chart["goal"] = {"y": number(f"{top:g}"), "height": number(f"{bottom - top:g}")}
    if stale:
        x = time.x(values[-1].date)
        chart["stale"] = {"x": number(f"{x:g}"), "width": number(f"{WIDTH - x:g}"), "left": number(f"{x / 10:g}")}
    return chart


def _tick(percent: float, day: datetime.date) -> dict[str, object]:
    """A date on the time axis: a label near an end of it is aligned to that end, not centred."""
    edge = "start" if percent < 6 else "end" if percent > 94 else ""
    return {"x": number(f"{percent:g}"), "label": day.strftime("%Y-%m"), "edge": edge}


def spark_values(values: Sequence[MeasureValue], target: float | None, today: datetime.date) -> dict[str, object]:
    """A series as a sparkline (the `sparkline` macro): `line` points, the `last` dot and the
    `target` height (or none), in a 100 × 24 box; time runs to the build date."""
    axis = value_axis([v.value for v in values], target)
    time = time_axis(values, today)

    def at(value: MeasureValue) -> tuple[float, float]:
        return time.x(value.date, SPARK_WIDTH), axis.y(value.value, SPARK_HEIGHT, 3)

    return {
        "line": _points([at(v) for v in values]),
        "last": _dots([at(values[-1])]),
        "target": None if target is None else number(f"{axis.y(target, SPARK_HEIGHT, 3):g}"),
    }
