"""The cells of the journey map grid: one lane's cells for every step, with the cards of pain
points, opportunities and open questions. This module decides what each cell holds and whether
search indexes it; the markup is the templates': the cards and a cell's start tag are macros of
templates/macros.html, the grid is `journey_grid.html`.

A grid has a cell for every lane and step (about 160,000 at 1,000 maps) and few kinds of
cells, so each kind's start tag is made once and put before every cell of its kind: the grid
renders as fast from templates as it did from Python strings (docs/performance.md)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import NamedTuple

from markupsafe import Markup

from journeys.core.handbook import Handbook
from journeys.core.model import Journey, Opportunity, PainPoint, Step
from journeys.core.schema import step_record
from journeys.render.context import Context
from journeys.render.emotion_lane import lane as emotion_lane
from journeys.render.fragments import emotion, pain_point_href

# The built-in lanes in reading order, (key, label key): the step fields declared with a lane
# (core/schema.py), whose labels render/labels.py takes from there; then every custom field.
LANES = tuple((key.name, f"journey_lane_{key.name}") for key in step_record().keys if key.lane)
# A lane's row is `jm-lane--<row key>`, its field key unless named here (kept for stylesheets).
_ROW_KEYS = {"pain_points": "pains"}

Content = Callable[[int, Step], object]  # a lane's cell for the step at an index: markup or text


class Lane(NamedTuple):
    """A row of the grid: `key` names the lane for the stylesheet, `css_label` is the label as
    a CSS string (a cell shows it on a phone in place of the row header), `cells` are each
    step's (start tag, content), `searched` false leaves the row out of search."""

    key: str
    label: str
    css_label: str
    cells: list[tuple[Markup, object]]
    searched: bool


def css_string(value: str) -> str:
    """A CSS string of `value`: every character but letters, digits and spaces escaped, so a
    label cannot end the string or the declaration it sits in."""
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in value) + '"'


def own_words(handbook: Handbook, pain: PainPoint) -> bool:
    """Whether a pain point's occurrence is worded unlike its row in the pain-point index."""
    merged = handbook.pain_point_by_id.get(pain.key)
    return merged is None or merged.text != pain.text


def _score(handbook: Handbook, key: str) -> int | None:
    merged = handbook.pain_point_by_id.get(key)
    return merged.score if merged else None


def pain_card(handbook: Handbook, ctx: Context, here: str, pain: PainPoint, place: Markup | str = "") -> Markup:
    """A pain point's card; `place` (rendered) says where it occurs, for a card away from its grid.
    Its row in the pain-point index is its home in search, with its severity, status, score and
    every occurrence's evidence: the card is searched only for words of its own, an occurrence
    worded unlike its row."""
    href = pain_point_href(ctx, here, pain.key)
    return ctx.macros.pain_card(pain, href, _score(handbook, pain.key), own_words(handbook, pain), place)


def opportunity_card(
    handbook: Handbook, ctx: Context, here: str, opportunity: Opportunity, place: Markup | str = ""
) -> Markup:
    targets = [
        {
            "href": pain_point_href(ctx, here, key),
            "text": handbook.pain_point_by_id[key].text if key in handbook.pain_point_by_id else key,
            "score": _score(handbook, key),
        }
        for key in opportunity.addresses
    ]
    return ctx.macros.opportunity_card(opportunity, targets, place)


def _cards(ctx: Context, items: list[Markup]) -> Markup | str:
    return ctx.macros.cards(items) if items else ""


def _contents(handbook: Handbook, journey: Journey, ctx: Context, here: str) -> dict[str, Content]:
    """What each built-in lane shows in a step's cell."""
    macros = ctx.macros
    curve = emotion_lane(ctx, [s.emotion for _, s in journey.steps])
    return {
        "channel": lambda n, s: s.channel or "",
        "action": lambda n, s: s.action or "",
        "thinking": lambda n, s: s.thinking or "",
        "emotion": lambda n, s: curve[n] + emotion(ctx, s.emotion),
        "pain_points": lambda n, s: _cards(ctx, [pain_card(handbook, ctx, here, p) for p in s.pain_points]),
        "opportunities": lambda n, s: _cards(ctx, [opportunity_card(handbook, ctx, here, o) for o in s.opportunities]),
        "gaps": lambda n, s: _cards(ctx, [macros.gap_card(g) for g in s.gaps]),
        "kpis": lambda n, s: macros.kpi_lines(s.kpis) if s.kpis else "",
    }


def _as_written(ctx: Context, key: str, custom: bool = False) -> Content:
    """The cells of a step field without a renderer of its own (a custom field, or a field
    declared with a lane in core/schema.py): its text, or each of its values as a paragraph."""

    def cell(n: int, step: Step) -> object:
        value = dict(step.custom).get(key, ()) if custom else getattr(step, key)
        if isinstance(value, tuple):
            return ctx.macros.lane_values(value) if value else ""
        return "" if value is None else str(value)

    return cell


def _searched(handbook: Handbook, key: str) -> Callable[[Step], bool] | None:
    """What search indexes of a lane, by step (every cell when None). Emotion: scores and their
    words ("+1 positive"), nothing a reader searches for. Pain points: only an occurrence
    worded unlike its row, the home of the rest (pain_card)."""
    if key == "emotion":
        return lambda step: False
    if key == "pain_points":
        return lambda step: any(own_words(handbook, p) for p in step.pain_points)
    return None


def _lane(
    ctx: Context,
    key: str,
    label: str,
    steps: Sequence[Step],
    contents: list[object],
    rule: Callable[[Step], bool] | None,
    starts: frozenset[str],
) -> Lane:
    """The row of one lane. A cell, not a card, is left out of search where it can be:
    Material's parser leaves an empty list item of a skipped card behind."""
    found = [bool(content) and (rule is None or rule(s)) for s, content in zip(steps, contents)]
    any_found = any(found)
    cells = []
    for n, (step, content) in enumerate(zip(steps, contents)):
        # A map has a cell for every lane and step, and few kinds of cells: the start tag of
        # each kind (the `grid_cell_start` macro) is made once and shared by every map.
        shape = (n, step.anchor in starts, bool(content), not (content and any_found and not found[n]))
        start = ctx.templates.piece(("grid_cell", *shape), partial(ctx.macros.grid_cell_start, *shape))
        cells.append((start, content))
    return Lane(_ROW_KEYS.get(key, key.split("-")[0]), label, css_string(label), cells, any_found)


def lane_cells(handbook: Handbook, journey: Journey, ctx: Context, here: str) -> list[Lane]:
    """Every lane with content somewhere in the journey (emotion always), in reading order."""
    steps = [step for _, step in journey.steps]
    starts = frozenset(block.steps[0].anchor for block in journey.stages if block.steps)
    contents = _contents(handbook, journey, ctx, here)
    lanes = [(key, ctx.labels[label], contents.get(key) or _as_written(ctx, key)) for key, label in LANES] + [
        (f"custom-{n}", label, _as_written(ctx, key, custom=True))
        for n, (key, label) in enumerate(handbook.custom_fields)
    ]
    rows = []
    for key, label, content in lanes:
        cells = [content(n, s) for n, s in enumerate(steps)]
        if any(cells):
            rows.append(_lane(ctx, key, label, steps, cells, _searched(handbook, key), starts))
    return rows
