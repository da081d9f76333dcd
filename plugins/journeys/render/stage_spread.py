"""The spread of emotions at one stage, drawn at build time: one row a journey, a dot a step
at its emotion, a diamond at the journey's average.

Each row is a list item (the journey's title, linked, and its average as a chip) over a small
SVG track. Across the track the emotion scale runs from -2.5 to +2.5 in percent of its width,
so the dots stay at their values whatever width the screen or the paper gives; heights are in
pixels, so dots stay round. The picture is decoration for assistive technology: the title and
the chip say the row's average, and the steps table under the chart lists every step.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import groupby

from markupsafe import Markup

from journeys.core.handbook import Handbook
from journeys.core.index import Place
from journeys.core.model import CatalogueEntry, Journey, Step
from journeys.render import emotion_lane
from journeys.render.charts import feeling, range_words
from journeys.render.context import Context
from journeys.render.fragments import EMOTION_SCALE, emotion, emotion_word, journey_link, signed
from journeys.render.text import number

ROW_PX = 36  # a track's height with every dot on one line
NUDGE_PX = 10  # between steps of one journey that feel the same, so none hides another


def x_percent(score: float) -> str:
    """Where a score sits across the track: -2.5 at 0 %, +2.5 at 100 %, the emotion lane's
    scale turned on its side."""
    return f"{100 - emotion_lane.height(score):g}%"


def average(steps: Sequence[Step]) -> float:
    """The mean emotion of `steps`, to two decimals, as the chip and the diamond show it."""
    return round(sum(s.emotion for s in steps) / len(steps), 2)


def _rows(places: Sequence[Place]) -> list[tuple[Journey, list[Step]]]:
    """(journey, its steps here) in the order of `places`."""
    return [
        (group[0].journey, [p.step for p in group])
        for group in (list(g) for _, g in groupby(places, key=lambda p: p.journey.id))
    ]


def track(labels: Mapping[str, str], steps: Sequence[Step], stage_name: str) -> dict[str, object]:
    """One journey's row of the chart, for the template: its `height` in px, a grid line at
    each point of the scale (`grid`: {x, zero}), the steps' `dots` ({x, y, touchpoint, stage, feeling}: steps of
    equal emotion side by side vertically), and the average (`mean`: {x, y, title})."""
    same = {value: sum(1 for s in steps if s.emotion == value) for value in {s.emotion for s in steps}}
    height = ROW_PX + NUDGE_PX * (max(same.values()) - 1)
    middle = height / 2
    seen: dict[int, int] = {}
    dots = []
    for step in steps:
        k = seen[step.emotion] = seen.get(step.emotion, -1) + 1
        y = middle + (k - (same[step.emotion] - 1) / 2) * NUDGE_PX
        dots.append(
            {
                "x": number(x_percent(step.emotion)),
                "y": number(f"{y:g}"),
                "touchpoint": step.touchpoint,
                "stage": stage_name,
                "feeling": feeling(labels, step.emotion),
            }
        )
    mean = average(steps)
    return {
        "height": height,
        "grid": [{"x": number(x_percent(v)), "zero": v == 0} for v in EMOTION_SCALE],
        "dots": dots,
        # A nested viewport placed at the average, so the diamond's corners are in pixels around it.
        "mean": {"x": number(x_percent(mean)), "y": number(f"{middle:g}"), "title": feeling(labels, mean)},
    }


def stage_figure(handbook: Handbook, stage: CatalogueEntry, places: Sequence[Place], ctx: Context, here: str) -> Markup:
    """The chart of the current-state `places` (steps at this stage, journey by journey)."""
    rows = [
        {
            "link": journey_link(ctx, here, journey),
            "mean": emotion(ctx, average(steps)),
            "track": track(ctx.labels, steps, stage.name),
        }
        for journey, steps in _rows(places)
    ]
    labels = ctx.labels
    return ctx.render(
        "stage_spread.html",
        caption=labels["stage_chart_caption"].format(stage=stage.name, journeys=len(rows)),
        summary=range_words(labels, (p.step.emotion for p in places)),
        rows=rows,
        ticks=[(number(x_percent(v)), number(signed(v)), emotion_word(labels, v).split()) for v in EMOTION_SCALE],
    )
