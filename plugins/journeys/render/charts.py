"""Emotion charts as plain plotly specs (dicts), each with its text alternative.

Specs carry no colours, only colour roles such as "@jm-series-1" under colour keys; the shared
script `assets/journeys-charts.js` resolves them from CSS custom properties, so one spec
serves both palettes and re-themes live. Author text that plotly shows (names, hover text)
goes through `_plain`, because plotly reads a subset of HTML in every string it draws.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Iterable, Mapping, Sequence

from markupsafe import Markup

from journeys.core.handbook import Handbook
from journeys.core.model import Journey, Persona, Step
from journeys.render.context import Context
from journeys.render.fragments import (
    EMOTION_SCALE,
    emotion,
    emotion_word,
    journey_link,
    signed,
    stage_link,
    step_link,
    table,
)
from journeys.render.text import json_data

PLOTLY_ASSET = "assets/journeys/vendor/plotly-basic.min.js"
PLOTLY_LICENSE = "assets/journeys/vendor/plotly-LICENSE.txt"
SERIES = 8  # --jm-series-1 ... --jm-series-8 in journeys.css
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "cross", "x", "star", "hexagon")
EMOTION_RANGE = [-2.5, 2.5]


# --- shared pieces -------------------------------------------------------------------------


def _plain(value: str) -> str:
    """Author text for a plotly string: its tags and entities show as typed."""
    return html.escape(value, quote=False)


def _wrapped(value: str, width: int = 48) -> str:
    """Plotly hover labels never wrap on their own."""
    return "<br>".join(_plain(line) for line in textwrap.wrap(value, width)) or _plain(value)


score = signed  # charts write a score as the emotion chips do


def feeling(labels: Mapping[str, str], value: float) -> str:
    """A score with its word: "-1 negative"."""
    return f"{signed(value)} {emotion_word(labels, value)}"


def _emotion_axis(labels: Mapping[str, str]) -> dict:
    """The emotion scale, its tick labels a word a line ("+2", "very", "positive"): narrow
    enough for five side by side on a phone."""
    return {
        "range": EMOTION_RANGE,
        "fixedrange": True,
        "automargin": True,
        "tickvals": list(EMOTION_SCALE),
        "ticktext": [f"{score(v)}<br>{_plain(emotion_word(labels, v)).replace(' ', '<br>')}" for v in EMOTION_SCALE],
        "gridcolor": "@jm-chart-grid",
        "zeroline": True,
        "zerolinecolor": "@jm-chart-neutral",
        "zerolinewidth": 2,
    }


def _layout(height: int, **extra: object) -> dict:
    return {
        "height": height,
        "autosize": True,
        "dragmode": False,
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "font": {"color": "@jm-chart-fg", "size": 13},
        "hoverlabel": {"bgcolor": "@jm-chart-bg", "bordercolor": "@jm-chart-muted", "font": {"color": "@jm-chart-fg"}},
        "margin": {"l": 8, "r": 8, "t": 8, "b": 8},
        # Above the plot: below it, rotated tick labels would run into it.
        "legend": {"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
        **extra,
    }


def _spec(data: list, layout: dict) -> dict:
    return {
        "data": data,
        "layout": layout,
        # No mode bar: its buttons only show on hover, so keyboard focus on them is invisible,
        # and they would be controls inside the chart's role="img".
        "config": {"displaylogo": False, "responsive": True, "typesetMath": False, "displayModeBar": False},
    }


def _series(n: int) -> dict:
    """Colour, marker shape and dash differ together, so no curve is told apart by colour alone."""
    return {"color": f"@jm-series-{n % SERIES + 1}", "symbol": SYMBOLS[n % len(SYMBOLS)]}


def _curve(name: str, x: list, y: list, hover: list, n: int, dash: str = "solid") -> dict:
    look = _series(n)
    return {
        "type": "scatter",
        "mode": "lines+markers",
        "name": _plain(name),
        "x": x,
        "y": y,
        "hoverinfo": "text",
        "hovertext": hover,
        "line": {"color": look["color"], "width": 3, "dash": dash},
        "marker": {
            "color": look["color"],
            "symbol": look["symbol"],
            "size": 10,
            "line": {"color": "@jm-chart-bg", "width": 1},
        },
    }


def _step_hover(labels: Mapping[str, str], stage_name: str, step: Step, today: bool = False) -> str:
    touchpoint = labels["chart_today"].format(name=step.touchpoint) if today else step.touchpoint
    lines = [
        f"<b>{_plain(touchpoint)}</b>",
        _plain(stage_name) + (f" · {_plain(step.channel)}" if step.channel else ""),
        _plain(labels["chart_emotion"].format(feeling=feeling(labels, step.emotion))),
    ]
    if step.thinking:
        lines.append(f"<i>{_wrapped(step.thinking)}</i>")
    return "<br>".join(lines)


def stage_name(handbook: Handbook, stage_id: str) -> str:
    stage = handbook.stage_by_id.get(stage_id)
    return stage.name if stage else stage_id


def _bands(bands: Iterable[tuple[str, int, int]]) -> dict:
    """Shaded bands (every other stage) and dotted separators.
    `bands` are (stage id, first x, width) with one x unit a step."""
    shapes = []
    for n, (_, start, width) in enumerate(bands):
        left, right = start - 0.5, start + width - 0.5
        if n % 2 == 0:
            shapes.append(
                {
                    "type": "rect",
                    "xref": "x",
                    "yref": "paper",
                    "x0": left,
                    "x1": right,
                    "y0": 0,
                    "y1": 1,
                    "fillcolor": "@jm-chart-band",
                    "line": {"width": 0},
                    "layer": "below",
                }
            )
        if n:
            shapes.append(
                {
                    "type": "line",
                    "xref": "x",
                    "yref": "paper",
                    "x0": left,
                    "x1": left,
                    "y0": 0,
                    "y1": 1,
                    "line": {"color": "@jm-chart-muted", "width": 1, "dash": "dot"},
                    "layer": "below",
                }
            )
    return {"shapes": shapes}


def _within(start: float, width: float, count: int) -> list[float]:
    """`count` points spread evenly over a band, so curves with different step counts line up
    stage by stage."""
    return [start - 0.5 + (k + 0.5) * width / count for k in range(count)]


def _steps_by_stage(journey: Journey) -> dict[str, list[Step]]:
    found: dict[str, list[Step]] = {}
    for block, step in journey.steps:
        found.setdefault(block.stage, []).append(step)
    return found


def figure(
    ctx: Context, here: str, spec: dict, label: str, caption: str, tables: list[Markup], note: str | None = None
) -> Markup:
    """A plotly chart's container and its text alternative (the `chart` macro): `tables`
    carry the same data, after `note` if any."""
    return ctx.macros.chart(caption, label, plotly_src(ctx, here), json_data(spec), tables, note)


def plotly_src(ctx: Context, here: str) -> str:
    """The user's plotly.js URL, or the copy the site serves, relative to this page."""
    return ctx.plotly_js or ctx.site.script_asset(here, PLOTLY_ASSET)


def _table(ctx: Context, caption: str, heads: list[str], rows: list[list[Markup | str]]) -> Markup:
    return table(ctx, "jm-chart-table", caption, heads, rows)


def _lines(value: str, width: int) -> str:
    """A label broken over lines of about `width` characters, so it stays whole in a narrow
    chart instead of being cut short."""
    return "<br>".join(_plain(line) for line in textwrap.wrap(value, width, break_long_words=False)) or _plain(value)


def range_words(labels: Mapping[str, str], values: Iterable[float]) -> str:
    """ "from -2 very negative to +1 positive": the range of `values` in words."""
    values = list(values)
    if not values:
        return labels["chart_no_steps"]
    return labels["chart_range"].format(low=feeling(labels, min(values)), high=feeling(labels, max(values)))


# --- a journey's emotion curve --------------------------------------------------------------


def baseline_of(handbook: Handbook, journey: Journey) -> Journey | None:
    """The valid current-state journey a future-state journey redesigns, if any."""
    baseline = handbook.journey_by_id.get(journey.baseline) if journey.baseline else None
    return baseline if baseline is not None and not baseline.problems else None


def journey_chart(handbook: Handbook, journey: Journey, labels: Mapping[str, str]) -> dict:
    """One point per step in time order over its stage's band, and for a future state the
    baseline's curve laid over it stage by stage."""
    bands, x = [], 0
    for block in journey.stages:
        bands.append((block.stage, x, len(block.steps)))
        x += len(block.steps)
    steps = journey.steps
    data = [
        _curve(
            journey.title,
            list(range(len(steps))),
            [s.emotion for _, s in steps],
            [_step_hover(labels, stage_name(handbook, b.stage), s) for b, s in steps],
            0,
        )
    ]
    baseline = baseline_of(handbook, journey)
    if baseline is not None:
        theirs = _steps_by_stage(baseline)
        xs, ys, hover = [], [], []
        for stage_id, start, width in bands:
            old = theirs.get(stage_id, [])
            xs += _within(start, width, len(old))
            ys += [s.emotion for s in old]
            hover += [_step_hover(labels, stage_name(handbook, stage_id), s, today=True) for s in old]
        if xs:
            data.append(_curve(labels["chart_today"].format(name=baseline.title), xs, ys, hover, 1, dash="dash"))
    layout = _layout(
        400,
        showlegend=len(data) > 1,
        xaxis={
            "range": [-0.5, max(x, 1) - 0.5],
            "fixedrange": True,
            "automargin": True,
            "showgrid": False,
            "zeroline": False,
            # The stages under their bands, whole: upright when a phone has no room for them
            # side by side (plotly's other angle, 30 degrees, would push the last past the
            # edge). Each touchpoint is named on hover and in the table (and, on the journey's
            # page, in the map above).
            "tickvals": [start - 0.5 + width / 2 for _, start, width in bands],
            "autotickangles": [0, 90],
            "ticktext": [_lines(stage_name(handbook, stage_id), 12) for stage_id, _, _ in bands],
        },
        yaxis=_emotion_axis(labels),
        **_bands(bands),
    )
    return _spec(data, layout)


def journey_figure(
    handbook: Handbook, journey: Journey, ctx: Context, here: str, *, beside_lane: bool = True
) -> Markup:
    """The plotly curve of a journey. On its own page (`beside_lane`) it sits under the map's
    emotion lane, so its table adds only today's curve; embedded elsewhere, it carries both."""
    labels = ctx.labels
    names = [p.name if p else pid for pid, p in ((pid, handbook.persona_by_id.get(pid)) for pid in journey.personas)]
    caption = labels["journey_chart_caption"].format(journey=journey.title)
    if len(names) > 1:
        caption += labels["journey_chart_shared"].format(count=len(names), names=", ".join(names))
    baseline = baseline_of(handbook, journey)
    if baseline is not None:
        caption += labels["journey_chart_compared"].format(baseline=baseline.title)
    label = labels["journey_chart_label"].format(
        caption=caption,
        steps=len(journey.steps),
        stages=len(journey.stages),
        range=range_words(labels, (s.emotion for _, s in journey.steps)),
    )
    heads = [labels[k] for k in ("col_stage", "col_touchpoint", "col_channel", "col_emotion", "col_thinking")]

    def rows_of(j: Journey) -> list[list[Markup | str]]:
        return [
            [
                stage_link(ctx, here, handbook, b.stage),
                step_link(ctx, here, j, s),
                s.channel or "",
                emotion(ctx, s.emotion),
                s.thinking or "",
            ]
            for b, s in j.steps
        ]

    tables, note = [], None
    if baseline is not None and beside_lane:
        # The journey's own emotions are in its map's emotion lane, on the same page.
        note = labels["journey_compared_note"]
    else:
        tables.append(_table(ctx, labels["journey_chart_table"].format(journey=journey.title), heads, rows_of(journey)))
    if baseline is not None:
        today = labels["chart_today"].format(name=labels["journey_chart_table"].format(journey=baseline.title))
        tables.append(_table(ctx, today, heads, rows_of(baseline)))
    return figure(ctx, here, journey_chart(handbook, journey, labels), label, caption, tables, note)


# --- a persona's journeys, stage by stage ----------------------------------------------------


def stages_used(handbook: Handbook, journeys: Iterable[Journey]) -> list[str]:
    """Catalogue order, then any stage a catalogue does not list, in order of appearance."""
    used = dict.fromkeys(block.stage for j in journeys for block in j.stages)
    return [s.id for s in handbook.stages if s.id in used] + [s for s in used if s not in handbook.stage_by_id]


def persona_chart(handbook: Handbook, journeys: Sequence[Journey], labels: Mapping[str, str]) -> dict:
    """Every journey of a persona as a curve over the shared stages, one stage a band."""
    stages = stages_used(handbook, journeys)
    column = {stage_id: n for n, stage_id in enumerate(stages)}
    data = []
    for n, journey in enumerate(journeys):
        xs, ys, hover = [], [], []
        for stage_id, steps in sorted(_steps_by_stage(journey).items(), key=lambda item: column[item[0]]):
            xs += _within(column[stage_id], 1, len(steps))
            ys += [s.emotion for s in steps]
            hover += [
                f"<b>{_plain(journey.title)}</b><br>" + _step_hover(labels, stage_name(handbook, stage_id), s)
                for s in steps
            ]
        dash = "dash" if journey.state == "future" else "solid"
        name = (
            labels["chart_future_state"].format(journey=journey.title) if journey.state == "future" else journey.title
        )
        data.append(_curve(name, xs, ys, hover, n, dash=dash))
    layout = _layout(
        360 + 22 * len(journeys),
        showlegend=True,
        # Stage names are axis labels, not notes in the plot: plotly turns axis labels upright
        # when a narrow screen has no room for them side by side, and notes would overlap.
        xaxis={
            "range": [-0.5, max(len(stages), 1) - 0.5],
            "fixedrange": True,
            "showgrid": False,
            "zeroline": False,
            "automargin": True,
            "tickvals": list(range(len(stages))),
            "autotickangles": [0, 90],
            "ticktext": [_lines(stage_name(handbook, s), 12) for s in stages],
        },
        yaxis=_emotion_axis(labels),
        **_bands([(s, n, 1) for n, s in enumerate(stages)]),
    )
    return _spec(data, layout)


def persona_figure(
    handbook: Handbook, persona: Persona, journeys: Sequence[Journey], ctx: Context, here: str
) -> Markup:
    labels = ctx.labels
    designs = sum(1 for j in journeys if j.state == "future")
    caption = labels["persona_chart_caption"].format(persona=persona.name, journeys=len(journeys) - designs)
    if designs:
        caption += labels["persona_chart_designs"].format(designs=designs)
    label = labels["persona_chart_label"].format(
        caption=caption, range=range_words(labels, (s.emotion for j in journeys for _, s in j.steps))
    )
    rows: list[list[Markup | str]] = [
        [
            journey_link(ctx, here, j),
            stage_link(ctx, here, handbook, b.stage),
            step_link(ctx, here, j, s),
            emotion(ctx, s.emotion),
        ]
        for j in journeys
        for b, s in j.steps
    ]
    heads = [labels[k] for k in ("col_journey", "col_stage", "col_touchpoint", "col_emotion")]
    table = _table(ctx, labels["persona_chart_table"].format(persona=persona.name), heads, rows)
    return figure(ctx, here, persona_chart(handbook, journeys, labels), label, caption, [table])
