"""The journeys index's heat map: personas by stages, each cell a persona's average emotion at
a stage, drawn at build time as a table.

A heat map is a table whose cells are coloured, so it is one: it reads without JavaScript,
prints, needs no second copy for screen readers, and its cells keep their width on a phone (the
table scrolls sideways inside its box, the persona column staying in view). The colour comes
from the cell's `data-heat` (the average in half points, -4 to +4) through the stylesheet, so
both palettes and printing choose their own colours; the number and the word say the same
without colour.
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup

from journeys.core.handbook import Handbook
from journeys.core.index import emotion_by_stage
from journeys.core.model import Persona
from journeys.render.charts import range_words, stage_name, stages_used
from journeys.render.context import Context
from journeys.render.fragments import EMOTION_SCALE, emotion_word, persona_link, signed, stage_link
from journeys.render.text import number


def heatmap_cells(
    handbook: Handbook, among: Iterable[Persona] | None = None
) -> tuple[list[Persona], list[str], list[list[float | None]]]:
    """(personas with a current-state journey, of `among` (default: all), stage ids used,
    average emotion per persona and stage or None). Future states are left out: the map says
    how it feels today."""
    personas, averages = [], []
    for persona in handbook.personas if among is None else among:
        current = [j for j in handbook.journeys_by_persona.get(persona.id, ()) if j.state != "future"]
        if current:
            personas.append(persona)
            averages.append(emotion_by_stage(current))
    stages = stages_used(handbook, [j for j in handbook.valid_journeys if j.state != "future"])
    return personas, stages, [[row.get(s) for s in stages] for row in averages]


def heat(value: float) -> int:
    """The cell's colour step: the average in half points, so -1.5 and -1.75 are both -3."""
    return max(-4, min(4, round(value * 2)))


def heatmap_figure(handbook: Handbook, ctx: Context, here: str, among: Iterable[Persona] | None = None) -> Markup:
    """The heat map of the personas in `among` (default: all) with a current-state journey;
    empty when there is none."""
    personas, stages, z = heatmap_cells(handbook, among)
    if not personas:
        return Markup()
    rows = [
        {
            "persona": persona_link(ctx, here, handbook, persona.id),
            "cells": [
                None
                if value is None
                else {
                    "heat": number(heat(value)),
                    "score": number(signed(value)),
                    "word": emotion_word(ctx.labels, value),
                    "title": f"{persona.name} · {stage_name(handbook, stage)}",
                }
                for stage, value in zip(stages, row)
            ],
        }
        for persona, row in zip(personas, z)
    ]
    return ctx.render(
        "heat_table.html",
        caption=ctx.labels["heatmap_caption"],
        stages=[stage_link(ctx, here, handbook, s) for s in stages],
        rows=rows,
        key=[(number(heat(v)), number(signed(v)), emotion_word(ctx.labels, v)) for v in EMOTION_SCALE],
        summary=range_words(ctx.labels, (v for row in z for v in row if v is not None)),
    )
