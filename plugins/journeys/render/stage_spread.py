"""The spread of emotions at one stage, drawn at build time: one row a journey, a dot a step
at its emotion, a diamond at the journey's average.

Each row is a list item (the journey's title, linked, and its average as a chip) over a small
SVG track. Across the track the emotion scale runs from -2.5 to +2.5 in percent of its width,
so the dots stay at their values whatever width the screen or the paper gives; heights are in
pixels, so dots stay round. The picture is decoration for assistive technology: the title and
the chip say the row's average, and the steps table under the chart lists every step.
"""

from __future__ import annotations

from itertools import groupby

from markupsafe import Markup

from journeys.render import emotion_lane
from journeys.render.charts import feeling, range_words
from journeys.render.fragments import EMOTION_SCALE, emotion, emotion_word, journey_link, signed
from journeys.render.text import number, text

ROW_PX = 36  # a track's height with every dot on one line
NUDGE_PX = 10  # between steps of one journey that feel the same, so none hides another


def x_percent(score: float) -> str:
    """Where a score sits across the track: -2.5 at 0 %, +2.5 at 100 %, the emotion lane's
    scale turned on its side."""
    return f"{100 - emotion_lane.height(score):g}%"


def average(steps) -> float:
    """The mean emotion of `steps`, to two decimals, as the chip and the diamond show it."""
    return round(sum(s.emotion for s in steps) / len(steps), 2)


def _rows(places) -> list[tuple]:
    """(journey, its steps here) in the order of `places`."""
    return [
        (group[0].journey, [p.step for p in group])
        for group in (list(g) for _, g in groupby(places, key=lambda p: p.journey.id))
    ]


def track(labels, steps, stage_name: str) -> tuple[int, Markup]:
    """(height in px, the SVG's content) of one journey's row: grid lines at each point of the
    scale, the steps' dots, steps of equal emotion side by side vertically, and the average."""
    same = {value: sum(1 for s in steps if s.emotion == value) for value in {s.emotion for s in steps}}
    height = ROW_PX + NUDGE_PX * (max(same.values()) - 1)
    middle = height / 2
    parts = [
        f'<line class="jm-spread__grid{" jm-spread__grid--zero" * (v == 0)}" x1="{x_percent(v)}" '
        f'x2="{x_percent(v)}" y1="0" y2="100%"/>'
        for v in EMOTION_SCALE
    ]
    seen: dict[int, int] = {}
    for step in steps:
        k = seen[step.emotion] = seen.get(step.emotion, -1) + 1
        y = middle + (k - (same[step.emotion] - 1) / 2) * NUDGE_PX
        parts.append(
            f'<circle class="jm-spread__step" cx="{x_percent(step.emotion)}" cy="{y:g}" r="6">'
            f"<title>{text(step.touchpoint)} ({text(stage_name)}): {text(feeling(labels, step.emotion))}</title></circle>"
        )
    mean = average(steps)
    # A nested viewport placed at the average, so the diamond's corners are in pixels around it.
    parts.append(
        f'<svg class="jm-spread__mean" x="{x_percent(mean)}" y="{middle:g}" overflow="visible">'
        f'<path d="M0 -8 L8 0 L0 8 L-8 0 Z"/><title>{text(feeling(labels, mean))}</title></svg>'
    )
    return height, Markup("".join(parts))


def stage_figure(handbook, stage, places, ctx, here: str) -> str:
    """The chart of the current-state `places` (steps at this stage, journey by journey)."""
    rows = []
    for journey, steps in _rows(places):
        height, drawing = track(ctx.labels, steps, stage.name)
        rows.append(
            {
                "link": Markup(journey_link(ctx, here, journey)),
                "mean": Markup(emotion(ctx.labels, average(steps))),
                "height": height,
                "track": drawing,
            }
        )
    labels = ctx.labels
    return ctx.render(
        "stage_spread.html",
        caption=labels["stage_chart_caption"].format(stage=stage.name, journeys=len(rows)),
        summary=range_words(labels, (p.step.emotion for p in places)),
        rows=rows,
        ticks=[(number(x_percent(v)), number(signed(v)), emotion_word(labels, v).split()) for v in EMOTION_SCALE],
    )
