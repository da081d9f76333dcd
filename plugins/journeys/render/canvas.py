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
from journeys.core.index import Place, reading
from journeys.core.model import Journey, Opportunity, PainPoint, Step
from journeys.core.schema import CUSTOMER, LANE_GROUPS, CustomField, step_record
from journeys.render.backing import backing_line
from journeys.render.context import Context
from journeys.render.emotion_lane import lane as emotion_lane
from journeys.render.fragments import delivery_status, emotion, joined, opportunity_href, pain_point_href, team_link
from journeys.render.health import badge, health, kpi_name
from journeys.render.zoom import zoom_card

# The built-in lanes in reading order: the step fields declared with a lane (core/schema.py),
# whose labels render/labels.py takes from there as `journey_lane_<key>`.
_BUILT_IN = tuple(key for key in step_record().keys if key.lane)
# A lane's row is `jm-lane--<row key>`, its field key unless named here (kept for stylesheets).
_ROW_KEYS = {"pain_points": "pains"}
# A service blueprint's groups, top to bottom, each with the line drawn above it (map format
# 1.2, "Service blueprint lanes"); the lanes of no group follow below the blueprint.
LINES = dict(zip(LANE_GROUPS, ("interaction", "visibility", "internal")))

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
    kind: str = "lane"


class Line(NamedTuple):
    """A row of a service blueprint that is a line between two groups of lanes: `key` is
    `interaction`, `visibility` or `internal` (the lines above the frontstage, backstage and
    support groups) or `beyond` (above the lanes outside the blueprint); `group` names the group
    below it ("" for `beyond`); `shown` says, step by step, whether a phone's card draws it:
    the blueprint's lines always, `beyond` only above something."""

    key: str
    label: str
    css_label: str
    group: str
    shown: tuple[bool, ...]
    kind: str = "line"


class Row(NamedTuple):
    """A planned row of the grid: a lane (`key` its field, `custom` when the site declared it)
    or, with `line`, a line of the blueprint."""

    key: str
    label_key: str = ""  # a built-in lane's label in render/labels.py
    label: str = ""  # a custom lane's label, as the site declared it
    custom: bool = False
    line: bool = False


def css_string(value: str) -> str:
    """A CSS string of `value`: every character but letters, digits and spaces escaped, so a
    label cannot end the string or the declaration it sits in."""
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in value) + '"'


def own_words(handbook: Handbook, pain: PainPoint) -> bool:
    """Whether a pain point's occurrence is worded unlike its row in the pain-point index."""
    merged = handbook.pain_point_by_id.get(pain.key)
    return merged is None or merged.text != pain.text


def scored(handbook: Handbook, journey: Journey) -> bool:
    """Whether a card of the journey's map shows a priority (its legend goes with the map)."""
    keys = {p.key for _, s in journey.steps for p in s.pain_points}
    keys.update(k for _, s in journey.steps for o in s.opportunities for k in o.addresses)
    return any(k in handbook.pain_point_by_id for k in keys)


def _score(handbook: Handbook, key: str) -> int | None:
    merged = handbook.pain_point_by_id.get(key)
    return merged.score if merged else None


def pain_card(
    handbook: Handbook, ctx: Context, here: str, journey: Journey, pain: PainPoint, place: Markup | str = ""
) -> Markup:
    """A pain point's card; `place` (rendered) says where it occurs, for a card away from its grid.
    Its row in the pain-point index is its home in search, with its severity, status, score and
    every occurrence's evidence: the card is searched only for words of its own, an occurrence
    worded unlike its row."""
    href = pain_point_href(ctx, here, pain.key)
    backing = backing_line(handbook, ctx, handbook.pain_point_by_id.get(pain.key))
    return ctx.macros.pain_card(pain, href, _score(handbook, pain.key), own_words(handbook, pain), place, backing)


def own_wordings(journey: Journey) -> dict[str, str]:
    """How the journey words each pain point it names (core.index.reading of its occurrences)."""
    found: dict[str, list[tuple[Place, PainPoint]]] = {}
    for block, step in journey.steps:
        for pain in step.pain_points:
            found.setdefault(pain.key, []).append((Place(journey, block, step), pain))
    return {key: reading(seen).text for key, seen in found.items()}


def opportunity_card(
    handbook: Handbook, ctx: Context, here: str, journey: Journey, opportunity: Opportunity, place: Markup | str = ""
) -> Markup:
    """An opportunity's card, with the pain points it addresses in the words `journey` gives them
    (the row's wording where the journey does not name them)."""
    own = own_wordings(journey) if opportunity.addresses else {}
    targets = []
    for key in opportunity.addresses:
        merged = handbook.pain_point_by_id.get(key)
        words = own.get(key) or (merged.text if merged else key)
        targets.append({"href": pain_point_href(ctx, here, key), "text": words, "score": _score(handbook, key)})
    return ctx.macros.opportunity_card(opportunity, targets, place, managed(handbook, ctx, here, opportunity))


def managed(handbook: Handbook, ctx: Context, here: str, opportunity: Opportunity) -> dict | None:
    """What a card shows of an opportunity in a handbook with a portfolio: its status and
    score, the merged opportunity's, so every map shows the one truth (core/index.py), and a
    link to its row, where its owner, tickets and research are. The map keeps to where each
    piece of work stands: a journey page stays within its 100 KB (docs/performance.md)."""
    href = opportunity_href(ctx, here, opportunity.key)
    merged = handbook.opportunity_by_id.get(opportunity.key)
    if href is None or merged is None:
        return None
    return {"href": href, "status": delivery_status(ctx, merged.status), "score": merged.score_text}


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
        "details": lambda n, s: zoom_card(handbook, ctx, here, s.details) if s.details else "",
        "owner": lambda n, s: team_link(ctx, here, handbook, s.owner),
        "supporting": lambda n, s: joined(team_link(ctx, here, handbook, t) for t in s.supporting),
        "pain_points": lambda n, s: _cards(ctx, [pain_card(handbook, ctx, here, journey, p) for p in s.pain_points]),
        "opportunities": lambda n, s: _cards(
            ctx, [opportunity_card(handbook, ctx, here, journey, o) for o in s.opportunities]
        ),
        "gaps": lambda n, s: _cards(ctx, [macros.gap_card(g) for g in s.gaps]),
        "kpis": lambda n, s: (
            macros.kpi_lines(
                [
                    {"kpi": k, "name": kpi_name(ctx, here, handbook, k), "health": badge(ctx, health(ctx, k))}
                    for k in s.kpis
                ]
            )
            if s.kpis
            else ""
        ),
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


# Lanes search leaves out. Emotion: scores and their words ("+1 positive"), nothing a reader
# searches for. In detail, owners and supporting teams: links to journeys and teams, which are
# found on their own pages.
_NOT_SEARCHED = frozenset(("emotion", "details", "owner", "supporting"))


def _searched(handbook: Handbook, key: str) -> Callable[[Step], bool] | None:
    """What search indexes of a lane, by step (every cell when None): nothing of the lanes of
    `_NOT_SEARCHED`; of pain points only an occurrence worded unlike its row, the home of the
    rest (pain_card)."""
    if key in _NOT_SEARCHED:
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


def plan(custom_fields: Sequence[CustomField]) -> list[Row]:
    """The rows of every grid of a handbook, in reading order. Without a custom field that has a
    lane: the built-in lanes outside the blueprint's groups (owners and tools are the ownership
    table's), then the custom lanes. With one, a service blueprint: the customer's lanes, then
    for each group the line above it, its custom lanes and its built-in lanes (owners and
    supporting teams backstage, tools in support), then the lanes of no group."""
    custom = [Row(f.key, label=f.label, custom=True) for f in custom_fields]
    if not any(f.lane for f in custom_fields):
        return [Row(k.name, f"journey_lane_{k.name}") for k in _BUILT_IN if k.blueprint not in LANE_GROUPS] + custom
    rows = [Row(k.name, f"journey_lane_{k.name}") for k in _BUILT_IN if k.blueprint == CUSTOMER]
    for group, line in LINES.items():
        rows.append(Row(line, line=True))
        rows += [row for row, f in zip(custom, custom_fields) if f.lane == group]
        rows += [Row(k.name, f"journey_lane_{k.name}") for k in _BUILT_IN if k.blueprint == group]
    rows.append(Row("beyond", line=True))
    rows += [Row(k.name, f"journey_lane_{k.name}") for k in _BUILT_IN if not k.blueprint]
    return rows + [row for row, f in zip(custom, custom_fields) if not f.lane]


def _line(ctx: Context, key: str, steps: int) -> Line:
    groups = {line: group for group, line in LINES.items()}
    label = ctx.labels[f"journey_line_{key}"]
    group = ctx.labels[f"journey_group_{groups[key]}"] if key in groups else ""
    return Line(key, label, css_string(label), group, (True,) * steps)


def lane_cells(handbook: Handbook, journey: Journey, ctx: Context, here: str) -> list[Lane | Line]:
    """Every lane with content somewhere in the journey (emotion always), in reading order; in
    a service blueprint, the lines between its groups (every one, so an empty group shows as
    two lines together), and the line above the lanes outside it when one of them has content."""
    steps = [step for _, step in journey.steps]
    starts = frozenset(block.steps[0].anchor for block in journey.stages if block.steps)
    contents = _contents(handbook, journey, ctx, here)
    rows: list[Lane | Line] = []
    below: list[bool] = []  # the steps with a cell in a lane since the last line
    for row in plan(handbook.custom_fields):
        if row.line:
            rows.append(_line(ctx, row.key, len(steps)))
            below = [False] * len(steps)
            continue
        if row.custom:
            key, label, content = "custom", row.label, _as_written(ctx, row.key, custom=True)
        else:
            key, label, content = row.key, ctx.labels[row.label_key], contents.get(row.key) or _as_written(ctx, row.key)
        cells = [content(i, s) for i, s in enumerate(steps)]
        if any(cells):
            rows.append(_lane(ctx, key, label, steps, cells, _searched(handbook, row.key), starts))
            below = [b or bool(c) for b, c in zip(below, cells)] if below else below
    last = rows[-1] if rows else None
    if isinstance(last, Line) and last.key == "beyond":
        rows.pop()  # nothing outside the blueprint
    for n, drawn in enumerate(rows):
        if isinstance(drawn, Line) and drawn.key == "beyond":
            rows[n] = drawn._replace(shown=tuple(below))
    return rows
