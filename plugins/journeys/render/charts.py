"""Emotion charts as plain plotly specs (dicts), each with its text alternative.

Specs carry no colours, only colour roles such as "@jm-series-1" under colour keys; the shared
script `assets/journeys-charts.js` resolves them from CSS custom properties, so one spec
serves both palettes and re-themes live. Author text that plotly shows (names, hover text)
goes through `_plain`, because plotly reads a subset of HTML in every string it draws.
"""

from __future__ import annotations

import html
import textwrap
from itertools import groupby

from markupsafe import Markup

from journeys.core.index import SEVERITY_WEIGHT, emotion_by_stage
from journeys.render.fragments import (
    EMOTION_WORDS,
    Cell,
    emotion,
    journey_link,
    nearest_emotion,
    pain_point_href,
    persona_link,
    signed,
    stage_link,
    step_link,
    table,
)
from journeys.render.text import json_attr, link, text, url

PLOTLY_ASSET = "assets/journeys/vendor/plotly-cartesian.min.js"
PLOTLY_LICENSE = "assets/journeys/vendor/plotly-LICENSE.txt"
SERIES = 8  # --jm-series-1 ... --jm-series-8 in journeys.css
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "cross", "x", "star", "hexagon")
EMOTION_RANGE = [-2.5, 2.5]


# --- shared pieces -------------------------------------------------------------------------


def _plain(value: str) -> str:
    """Author text for a plotly string: its tags and entities show as typed."""
    return html.escape(value, quote=False)


def _short(value: str, width: int = 22) -> str:
    return value if len(value) <= width else value[: width - 1].rstrip() + "…"


def _wrapped(value: str, width: int = 48) -> str:
    """Plotly hover labels never wrap on their own."""
    return "<br>".join(_plain(line) for line in textwrap.wrap(value, width)) or _plain(value)


score = signed  # charts write a score as the emotion chips do


def feeling(value: float) -> str:
    return f"{signed(value)} {EMOTION_WORDS[nearest_emotion(value)]}"


def _stacked_feelings() -> list[str]:
    """Emotion tick labels a word a line ("+2", "very", "positive"): narrow enough for five
    side by side on a phone."""
    return [f"{score(v)}<br>{EMOTION_WORDS[v].replace(' ', '<br>')}" for v in sorted(EMOTION_WORDS)]


def _emotion_axis(**extra) -> dict:
    return {
        "range": EMOTION_RANGE,
        "fixedrange": True,
        "automargin": True,
        "tickvals": sorted(EMOTION_WORDS),
        "ticktext": [feeling(v) for v in sorted(EMOTION_WORDS)],
        "gridcolor": "@jm-chart-grid",
        "zeroline": True,
        "zerolinecolor": "@jm-chart-neutral",
        "zerolinewidth": 2,
        **extra,
    }


def _layout(height: int, **extra) -> dict:
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


def _step_hover(stage_name: str, step, prefix: str = "") -> str:
    lines = [
        f"<b>{prefix}{_plain(step.touchpoint)}</b>",
        _plain(stage_name) + (f" · {_plain(step.channel)}" if step.channel else ""),
        f"Emotion: {feeling(step.emotion)}",
    ]
    if step.thinking:
        lines.append(f"<i>{_wrapped(step.thinking)}</i>")
    return "<br>".join(lines)


def _stage_name(handbook, stage_id: str) -> str:
    stage = handbook.stage_by_id.get(stage_id)
    return stage.name if stage else stage_id


def _bands(handbook, bands, names: bool = True) -> dict:
    """Shaded bands (every other stage) and dotted separators, with the stage names at the top
    inside the plot, above the highest emotion (the axis runs to 2.5).
    `bands` are (stage id, first x, width) with one x unit a step."""
    shapes, notes = [], []
    for n, (stage_id, start, width) in enumerate(bands):
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
        if names:
            notes.append(
                {
                    "x": (left + right) / 2,
                    "xref": "x",
                    "y": 1,
                    "yref": "paper",
                    "yanchor": "top",
                    "showarrow": False,
                    "text": _plain(_short(_stage_name(handbook, stage_id), 14 * width + 8)),
                    "font": {"color": "@jm-chart-muted"},
                }
            )
    return {"shapes": shapes, "annotations": notes}


def _within(start: float, width: float, count: int) -> list[float]:
    """`count` points spread evenly over a band, so curves with different step counts line up
    stage by stage."""
    return [start - 0.5 + (k + 0.5) * width / count for k in range(count)]


def _steps_by_stage(journey) -> dict[str, list]:
    found: dict[str, list] = {}
    for block, step in journey.steps:
        found.setdefault(block.stage, []).append(step)
    return found


def figure(spec: dict, label: str, caption: str, table: str, plotly_src: str) -> str:
    """The chart container and its text alternative. The container stays empty without
    JavaScript (CSS hides it then); the table carries the same data."""
    return (
        '<figure class="jm-figure">'
        f"<figcaption>{text(caption)}</figcaption>"
        f'<div class="jm-chart" role="img" aria-label="{text(label)}" data-plotly="{url(plotly_src)}" '
        f'data-chart="{json_attr(spec)}"></div>'
        # Left out of search: the same facts are indexed once, on the pages they belong to.
        f'<details class="jm-chart-data" data-search-exclude><summary>The chart as a table</summary>{table}</details>'
        "</figure>"
    )


def plotly_src(ctx, here: str) -> str:
    """The user's plotly.js URL, or the copy the site serves, relative to this page."""
    return ctx.plotly_js or ctx.site.script_asset(here, PLOTLY_ASSET)


def _table(caption: str, heads: list[str], rows: list[list[str]]) -> str:
    return table("jm-chart-table", caption, heads, rows)


def _lines(value: str, width: int) -> str:
    """A label broken over lines of about `width` characters, so it stays whole in a narrow
    chart instead of being cut short."""
    return "<br>".join(_plain(line) for line in textwrap.wrap(value, width, break_long_words=False)) or _plain(value)


def _range_words(values) -> str:
    values = list(values)
    return f"from {feeling(min(values))} to {feeling(max(values))}" if values else "no steps"


# --- a journey's emotion curve --------------------------------------------------------------


def baseline_of(handbook, journey):
    """The valid current-state journey a future-state journey redesigns, if any."""
    baseline = handbook.journey_by_id.get(journey.baseline) if journey.baseline else None
    return baseline if baseline is not None and not baseline.problems else None


def journey_chart(handbook, journey) -> dict:
    """One point per step in time order, stage bands, and for a future state the baseline's
    curve laid over it stage by stage."""
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
            [_step_hover(_stage_name(handbook, b.stage), s) for b, s in steps],
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
            hover += [_step_hover(_stage_name(handbook, stage_id), s, "Today: ") for s in old]
        if xs:
            data.append(_curve(f"Today: {baseline.title}", xs, ys, hover, 1, dash="dash"))
    layout = _layout(
        400,
        showlegend=len(data) > 1,
        xaxis={
            "range": [-0.5, max(x, 1) - 0.5],
            "fixedrange": True,
            "automargin": True,
            "showgrid": False,
            "zeroline": False,
            "tickvals": list(range(len(steps))),
            "tickangle": -30,
            "ticktext": [_plain(_short(s.touchpoint)) for _, s in steps],
        },
        yaxis=_emotion_axis(),
        **_bands(handbook, bands),
    )
    return _spec(data, layout)


def journey_figure(handbook, journey, ctx, here: str, *, beside_lane: bool = True) -> str:
    """The plotly curve of a journey. On its own page (`beside_lane`) it sits under the map's
    emotion lane, so its table adds only today's curve; embedded elsewhere, it carries both."""
    names = [p.name if p else pid for pid, p in ((pid, handbook.persona_by_id.get(pid)) for pid in journey.personas)]
    caption = f"Emotion along “{journey.title}”, step by step"
    if len(names) > 1:
        caption += f" — one curve shared by {len(names)} personas: {', '.join(names)}"
    baseline = baseline_of(handbook, journey)
    if baseline is not None:
        caption += f", with today's “{baseline.title}” laid over it stage by stage"
    label = (
        f"Line chart. {caption}. {len(journey.steps)} steps in {len(journey.stages)} stages, "
        f"{_range_words(s.emotion for _, s in journey.steps)}."
    )
    heads = ["Stage", "Touchpoint", "Channel", "Emotion", "Thinking"]

    def rows_of(j):
        return [
            [
                stage_link(ctx, here, handbook, b.stage),
                step_link(ctx, here, j, s),
                text(s.channel or ""),
                emotion(s.emotion),
                text(s.thinking or ""),
            ]
            for b, s in j.steps
        ]

    table = ""
    if baseline is not None and beside_lane:
        # The journey's own emotions are in its map's emotion lane, on the same page.
        table = f"<p>{text(ctx.templates.labels['journey_compared_note'])}</p>"
    else:
        table = _table(f"Emotion at each step of {journey.title}", heads, rows_of(journey))
    if baseline is not None:
        table += _table(f"Today: emotion at each step of {baseline.title}", heads, rows_of(baseline))
    return figure(journey_chart(handbook, journey), label, caption, table, plotly_src(ctx, here))


# --- a persona's journeys, stage by stage ----------------------------------------------------


def _stages_used(handbook, journeys) -> list[str]:
    """Catalogue order, then any stage a catalogue does not list, in order of appearance."""
    used = dict.fromkeys(block.stage for j in journeys for block in j.stages)
    return [s.id for s in handbook.stages if s.id in used] + [s for s in used if s not in handbook.stage_by_id]


def persona_chart(handbook, journeys) -> dict:
    """Every journey of a persona as a curve over the shared stages, one stage a band."""
    stages = _stages_used(handbook, journeys)
    column = {stage_id: n for n, stage_id in enumerate(stages)}
    data = []
    for n, journey in enumerate(journeys):
        xs, ys, hover = [], [], []
        for stage_id, steps in sorted(_steps_by_stage(journey).items(), key=lambda item: column[item[0]]):
            xs += _within(column[stage_id], 1, len(steps))
            ys += [s.emotion for s in steps]
            hover += [
                f"<b>{_plain(journey.title)}</b><br>" + _step_hover(_stage_name(handbook, stage_id), s) for s in steps
            ]
        dash = "dash" if journey.state == "future" else "solid"
        name = journey.title + (" (future state)" if journey.state == "future" else "")
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
            "ticktext": [_lines(_stage_name(handbook, s), 12) for s in stages],
        },
        yaxis=_emotion_axis(ticktext=_stacked_feelings()),
        **_bands(handbook, [(s, n, 1) for n, s in enumerate(stages)], names=False),
    )
    return _spec(data, layout)


def persona_figure(handbook, persona, journeys, ctx, here: str) -> str:
    labels = ctx.labels
    designs = sum(1 for j in journeys if j.state == "future")
    caption = labels["persona_chart_caption"].format(persona=persona.name, journeys=len(journeys) - designs)
    if designs:
        caption += labels["persona_chart_designs"].format(designs=designs)
    label = (
        f"Line chart, one curve a journey. {caption}, {_range_words(s.emotion for j in journeys for _, s in j.steps)}."
    )
    rows = [
        [
            journey_link(ctx, here, j),
            stage_link(ctx, here, handbook, b.stage),
            step_link(ctx, here, j, s),
            emotion(s.emotion),
        ]
        for j in journeys
        for b, s in j.steps
    ]
    heads = [labels[k] for k in ("col_journey", "col_stage", "col_touchpoint", "col_emotion")]
    table = _table(labels["persona_chart_table"].format(persona=persona.name), heads, rows)
    return figure(persona_chart(handbook, journeys), label, caption, table, plotly_src(ctx, here))


# --- the spread of emotions at one stage ----------------------------------------------------


def stage_chart(stage, places) -> dict:
    """One row a journey, one marker a step at its emotion, and a diamond at the row's mean.
    Steps of one journey that feel the same are nudged apart vertically so none hides."""
    rows = [
        (group[0].journey, [p.step for p in group])
        for group in (list(g) for _, g in groupby(places, key=lambda p: p.journey.id))
    ]
    xs, ys, hover, mean_x, mean_hover = [], [], [], [], []
    for row, (journey, steps) in enumerate(rows):
        seen: dict[int, int] = {}
        same = {value: sum(1 for s in steps if s.emotion == value) for value in {s.emotion for s in steps}}
        for step in steps:
            k = seen[step.emotion] = seen.get(step.emotion, -1) + 1
            xs.append(step.emotion)
            ys.append(row + (k - (same[step.emotion] - 1) / 2) * 0.14)
            hover.append(f"<b>{_plain(journey.title)}</b><br>" + _step_hover(stage.name, step))
        mean = round(sum(s.emotion for s in steps) / len(steps), 2)
        mean_x.append(mean)
        mean_hover.append(f"<b>{_plain(journey.title)}</b><br>Average: {feeling(mean)} over {len(steps)} steps")
    look = _series(0), _series(1)
    data = [
        {
            "type": "scatter",
            "mode": "markers",
            "name": "A step",
            "x": xs,
            "y": ys,
            "hoverinfo": "text",
            "hovertext": hover,
            "marker": {
                "color": look[0]["color"],
                "symbol": "circle",
                "size": 11,
                "opacity": 0.85,
                "line": {"color": "@jm-chart-bg", "width": 1},
            },
        },
        {
            "type": "scatter",
            "mode": "markers",
            "name": "Average of the journey",
            "x": mean_x,
            "y": list(range(len(rows))),
            "hoverinfo": "text",
            "hovertext": mean_hover,
            "marker": {"color": look[1]["color"], "symbol": "diamond-open", "size": 16, "line": {"width": 3}},
        },
    ]
    # Journey titles sit above their rows across the whole width, whole: as axis labels they
    # would take the left of a phone's screen, or be cut short.
    titles = [
        {
            "x": EMOTION_RANGE[0],
            "xref": "x",
            "xanchor": "left",
            "y": row - 0.2,
            "yref": "y",
            "yanchor": "bottom",
            "showarrow": False,
            "align": "left",
            "text": _lines(journey.title, 40),
            "font": {"color": "@jm-chart-fg"},
            "bgcolor": "@jm-chart-bg",
        }
        for row, (journey, _) in enumerate(rows)
    ]
    layout = _layout(
        150 + 70 * len(rows),
        showlegend=True,
        annotations=titles,
        # Two-line emotion labels: five of them fit side by side on a phone.
        xaxis=_emotion_axis(ticktext=_stacked_feelings()),
        yaxis={
            "range": [len(rows) - 0.5, -0.5 - 0.3],
            "fixedrange": True,
            "zeroline": False,
            "showgrid": False,
            "showticklabels": False,
        },
    )
    return _spec(data, layout)


def stage_figure(handbook, stage, places, ctx, here: str) -> str:
    journeys = len({p.journey.id for p in places})
    labels = ctx.labels
    caption = labels["stage_chart_caption"].format(stage=stage.name, journeys=journeys)
    label = f"Dot chart, one row a journey. {caption}, {_range_words(p.step.emotion for p in places)}."
    rows = [
        [journey_link(ctx, here, p.journey), step_link(ctx, here, p.journey, p.step), emotion(p.step.emotion)]
        for p in places
    ]
    heads = [labels[k] for k in ("col_journey", "col_touchpoint", "col_emotion")]
    table = _table(labels["stage_chart_table"].format(stage=stage.name), heads, rows)
    return figure(stage_chart(stage, places), label, caption, table, plotly_src(ctx, here))


# --- persona × stage heatmap ----------------------------------------------------------------


def heatmap_cells(handbook, among=None) -> tuple[list, list[str], list[list]]:
    """(personas with a current-state journey, of `among` (default: all), stage ids used,
    average emotion per persona and stage or None). Future states are left out: the map says
    how it feels today."""
    personas, averages = [], []
    for persona in handbook.personas if among is None else among:
        current = [j for j in handbook.journeys_by_persona.get(persona.id, ()) if j.state != "future"]
        if current:
            personas.append(persona)
            averages.append(emotion_by_stage(current))
    stages = _stages_used(handbook, [j for j in handbook.valid_journeys if j.state != "future"])
    return personas, stages, [[row.get(s) for s in stages] for row in averages]


def heatmap_chart(handbook, among=None) -> dict:
    personas, stages, z = heatmap_cells(handbook, among)
    hover = [
        [
            f"<b>{_plain(p.name)}</b><br>{_plain(_stage_name(handbook, s))}<br>"
            + (f"Average emotion: {feeling(v)}" if v is not None else "No steps here")
            for s, v in zip(stages, row)
        ]
        for p, row in zip(personas, z)
    ]
    data = [
        {
            "type": "heatmap",
            "x": list(range(len(stages))),
            "y": list(range(len(personas))),
            "z": z,
            "zmin": -2,
            "zmax": 2,
            "xgap": 3,
            "ygap": 3,
            "hoverinfo": "text",
            "hovertext": hover,
            "text": [["" if v is None else score(v) for v in row] for row in z],
            "texttemplate": "%{text}",
            "colorscale": [[0, "@jm-heat-neg"], [0.5, "@jm-heat-mid"], [1, "@jm-heat-pos"]],
            # The scale lies under the map, not beside it: beside it, it would take a third of a
            # phone's width from the cells.
            "colorbar": {
                "orientation": "h",
                "x": 0.5,
                "xanchor": "center",
                "y": -0.08,
                "yanchor": "top",
                "len": 0.8,
                "lenmode": "fraction",
                "tickvals": sorted(EMOTION_WORDS),
                "ticktext": _stacked_feelings(),
                "outlinewidth": 0,
                "thickness": 12,
            },
        }
    ]
    # Names broken over short lines, never cut: the persona names take a narrow left column
    # and leave the cells most of a phone's width.
    layout = _layout(
        200 + 56 * len(personas),
        margin={"l": 8, "r": 8, "t": 8, "b": 8},
        xaxis={
            "fixedrange": True,
            "automargin": True,
            "showgrid": False,
            "zeroline": False,
            "side": "top",
            "tickvals": list(range(len(stages))),
            "ticktext": [_lines(_stage_name(handbook, s), 10) for s in stages],
        },
        yaxis={
            "fixedrange": True,
            "automargin": True,
            "showgrid": False,
            "zeroline": False,
            "autorange": "reversed",
            "tickvals": list(range(len(personas))),
            "ticktext": [_lines(p.name, 16) for p in personas],
        },
    )
    return _spec(data, layout)


def heatmap_figure(handbook, ctx, here: str, among=None) -> str:
    personas, stages, z = heatmap_cells(handbook, among)
    if not personas:
        return ""
    caption = ctx.labels["heatmap_caption"]
    label = (
        f"Heat map, personas by stages. {caption}: {len(personas)} personas, {len(stages)} stages, "
        f"{_range_words(v for row in z for v in row if v is not None)}."
    )
    heads = [ctx.labels["col_persona"], *(Markup(stage_link(ctx, here, handbook, s)) for s in stages)]
    rows = [
        [
            Cell(persona_link(ctx, here, handbook, p.id), ' scope="row"', header=True),
            *(emotion(v) if v is not None else "—" for v in row),
        ]
        for p, row in zip(personas, z)
    ]
    table_html = table("jm-chart-table", caption, heads, rows)
    return figure(heatmap_chart(handbook, among), label, caption, table_html, plotly_src(ctx, here))


# --- prioritisation matrix of pain points ----------------------------------------------------

LABELLED = 5  # the highest priorities carry their text on the chart; hover names every point


def matrix_points(handbook, pains=None) -> list[tuple]:
    """(merged pain point, x, y) with x its reach (journeys plus personas it touches) and y its
    severity weight: priority is their product, so the top right reads first. Points sharing a
    cell are spread across it in priority order, the same way every build."""
    cells: dict[tuple[int, int], list] = {}
    for pain in handbook.pain_points if pains is None else pains:
        reach = len(pain.journeys) + len(pain.personas)
        cells.setdefault((reach, SEVERITY_WEIGHT[pain.severity]), []).append(pain)
    points = []
    for (reach, weight), pains in sorted(cells.items()):
        for k, pain in enumerate(pains):
            offset = 0.0 if len(pains) == 1 else -0.3 + 0.6 * k / (len(pains) - 1)
            points.append((pain, reach + offset, weight))
    return points


def _label_sides(points, labelled: set) -> list[str]:
    """Above, below, above...: along each severity row, for its labelled points in order of
    reach; every other point above (it has no label)."""
    sides = ["top center"] * len(points)
    rows: dict[float, list[tuple[float, int]]] = {}
    for n, (pain, x, y) in enumerate(points):
        if pain.id in labelled:
            rows.setdefault(y, []).append((x, n))
    for row in rows.values():
        for k, (_, n) in enumerate(sorted(row)):
            sides[n] = "top center" if k % 2 == 0 else "bottom center"
    return sides


def matrix_chart(handbook, ctx, here: str, pains=None) -> dict:
    pains = handbook.pain_points if pains is None else pains
    points = matrix_points(handbook, pains)
    top = {p.id for p in pains[:LABELLED]}
    hover = [
        f"<b>{_wrapped(p.text)}</b><br>Severity: {p.severity} · priority {p.score}<br>"
        f"{len(p.journeys)} journey{'s' * (len(p.journeys) != 1)}, {len(p.personas)} persona{'s' * (len(p.personas) != 1)}"
        for p, _, _ in points
    ]
    data = [
        {
            "type": "scatter",
            "mode": "markers+text",
            "x": [x for _, x, _ in points],
            "y": [y for _, _, y in points],
            "text": [_plain(_short(p.text, 22)) if p.id in top else "" for p, _, _ in points],
            # Neighbouring labels alternate above and below their points, so they do not overlap.
            "textposition": _label_sides(points, top),
            "textfont": {"color": "@jm-chart-fg", "size": 11},
            "hoverinfo": "text",
            "hovertext": hover,
            # Each point opens its row of the index: the chart script follows `customdata` on click.
            "customdata": [pain_point_href(ctx, here, p.id) for p, _, _ in points],
            "marker": {
                "color": "@jm-series-2",
                "size": [10 + 2 * min(p.score, 12) for p, _, _ in points],
                "opacity": 0.85,
                "line": {"color": "@jm-chart-bg", "width": 1},
            },
            "showlegend": False,
        }
    ]
    reach = [x for _, x, _ in points] or [1]
    levels = sorted(SEVERITY_WEIGHT, key=SEVERITY_WEIGHT.__getitem__)
    layout = _layout(
        420,
        margin={"l": 8, "r": 8, "t": 24, "b": 8},
        xaxis={
            "title": {"text": _plain(ctx.labels["matrix_reach_axis"])},
            "fixedrange": True,
            "automargin": True,
            "range": [0.3, max(reach) + 0.7],
            "dtick": 1,
            "gridcolor": "@jm-chart-grid",
            "zeroline": False,
        },
        yaxis={
            "title": {"text": _plain(ctx.labels["matrix_severity_axis"])},
            "fixedrange": True,
            "automargin": True,
            "range": [0.5, 4.6],
            "tickvals": [SEVERITY_WEIGHT[s] for s in levels],
            "ticktext": levels,
            "gridcolor": "@jm-chart-grid",
            "zeroline": False,
        },
    )
    return _spec(data, layout)


def matrix_figure(handbook, ctx, here: str, pains=None) -> str:
    """The matrix of `pains` (default: every pain point; a large index charts its highest
    priorities) and, as its table, each of them with the same figures in priority order."""
    pains = handbook.pain_points if pains is None else pains
    if not pains:
        return ""
    caption = ctx.labels["matrix_caption"]
    top = pains[0]
    label = f"Scatter chart. {caption}. {len(pains)} pain points; the highest priority is “{top.text}” at {top.score}."
    rows = [
        [
            link(pain_point_href(ctx, here, p.id), p.text),
            text(p.severity),
            str(len(p.journeys)),
            str(len(p.personas)),
            str(p.score),
        ]
        for p in pains
    ]
    heads = [ctx.labels[k] for k in ("col_pain_point", "col_severity", "col_journeys", "col_personas", "col_priority")]
    table_html = table("jm-chart-table", ctx.labels["matrix_table_caption"], heads, rows, numeric=(2, 3, 4))
    return figure(matrix_chart(handbook, ctx, here, pains), label, caption, table_html, plotly_src(ctx, here))
