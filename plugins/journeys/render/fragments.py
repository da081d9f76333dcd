"""Small pieces every page type shares, as Python gathers them: links to items (their addresses
are the site's to work out), emotion chips, severity badges, review status, tables, the KPI
table, the error box and pain-point lists. Their markup is in the macros of
templates/macros.html (a site overrides them there); author text goes in as it is and is
escaped on output."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup

from journeys.core.handbook import Handbook
from journeys.core.index import MergedPainPoint
from journeys.core.model import Journey, Kpi, Step
from journeys.core.problems import Problem
from journeys.render.context import Context
from journeys.render.text import number

SUMMARY_PAINS = 20  # pain points a persona, stage or team page lists; the index filters for the rest

EMOTION_SCALE = (-2, -1, 0, 1, 2)
# The label of each score's word (labels.py): "very negative" ... "very positive".
EMOTION_LABELS = {
    -2: "emotion_very_negative",
    -1: "emotion_negative",
    0: "emotion_neutral",
    1: "emotion_positive",
    2: "emotion_very_positive",
}


def persona_link(ctx: Context, here: str, handbook: Handbook, persona_id: str) -> Markup:
    persona = handbook.persona_by_id.get(persona_id)
    href = ctx.site.href(here, ctx.site.src("personas", persona_id))
    return ctx.link(href, persona.name if persona else persona_id)


def stage_link(ctx: Context, here: str, handbook: Handbook, stage_id: str) -> Markup:
    stage = handbook.stage_by_id.get(stage_id)
    return ctx.link(ctx.site.href(here, ctx.site.src("stages", stage_id)), stage.name if stage else stage_id)


def team_link(ctx: Context, here: str, handbook: Handbook, team_id: str | None) -> Markup:
    if not team_id:
        return Markup()
    team = handbook.team_by_id.get(team_id)
    return ctx.link(ctx.site.href(here, ctx.site.src("teams", team_id)), team.name if team else team_id)


def journey_link(ctx: Context, here: str, journey: Journey, anchor: str = "") -> Markup:
    return ctx.link(ctx.site.href(here, ctx.site.src("journeys", journey.id), anchor), journey.title)


def pain_point_href(ctx: Context, here: str, pain_id: str) -> str:
    """The pain point's row in the index, on whichever part of the index holds it."""
    return ctx.site.href(here, ctx.pain_homes.get(pain_id) or ctx.site.src("pain-points"), pain_id)


def step_anchor(step: Step) -> str:
    return f"step-{step.anchor}"


def step_link(ctx: Context, here: str, journey: Journey, step: Step) -> Markup:
    """The touchpoint, linked to its column on the journey page."""
    href = ctx.site.href(here, ctx.site.src("journeys", journey.id), step_anchor(step))
    return ctx.link(href, step.touchpoint)


def signed(value: float) -> str:
    """+1, -0.5, 0: the sign always shown, on chips, charts and averages alike."""
    return f"{value:+g}" if value else "0"


def nearest_emotion(value: float) -> int:
    """The emotion score (-2 to 2) nearest to an average, for its word and colour."""
    return max(-2, min(2, round(value)))


def emotion_word(labels: Mapping[str, str], score: float) -> str:
    """The word of the emotion score nearest to `score`."""
    return labels[EMOTION_LABELS[nearest_emotion(score)]]


def emotion(ctx: Context, score: float) -> Markup:
    """A chip that carries the number and a word, never colour alone."""
    return ctx.templates.piece(
        ("emotion", score),
        lambda: ctx.macros.emotion(number(round(score)), signed(score), emotion_word(ctx.labels, score)),
    )


def severity(ctx: Context, level: str) -> Markup:
    return ctx.templates.piece(("severity", level), lambda: ctx.macros.severity(level))


def status(ctx: Context, value: str) -> Markup:
    return ctx.templates.piece(("status", value), lambda: ctx.macros.status(value))


def joined(items: Iterable[Markup]) -> Markup:
    """Rendered pieces (links), comma-separated."""
    return Markup(", ").join(items)


def review_status(reviewed: datetime.date | None, ctx: Context) -> Markup:
    if reviewed is None:
        return ctx.templates.piece(("review", "unknown"), lambda: ctx.macros.review("unknown"))
    age = (ctx.today - reviewed).days
    state = "due" if age > ctx.review_after_days else "ok"
    return ctx.macros.review(state, number(reviewed.isoformat()), number(age))


def journey_status(journey: Journey, ctx: Context) -> Markup:
    """The review status of a journey, or that it has errors (and so no published content)."""
    if journey.problems:
        return ctx.templates.piece(("review", "invalid"), lambda: ctx.macros.review("invalid"))
    return review_status(journey.reviewed, ctx)


def problem_list(ctx: Context, problems: Iterable[Problem]) -> Markup:
    """The error box of an invalid map, in the site's words."""
    return ctx.macros.problems([str(p) for p in problems])


@dataclass(frozen=True)
class Cell:
    """A table cell: `content` is markup or plain text (escaped on output), `classes` extra
    class names; a header cell is a `th` heading `rowspan` rows; `searched` false leaves the
    cell out of search."""

    content: object
    header: bool = False
    rowspan: int = 1
    classes: str = ""
    searched: bool = True

    @property
    def shown(self) -> Cell:
        """How the cell is shown, without what it holds: cells shown alike share their tags."""
        return Cell("", self.header, self.rowspan, self.classes, self.searched)


_PLAIN = Cell("")  # how a cell given as bare content is shown


@dataclass(frozen=True)
class Row:
    """A table row of cells (`Cell`s or bare content); `start` is the column its first cell
    falls in, when a row header above spans into this row; `id` and `data` (name, value pairs)
    become the row's attributes."""

    cells: Sequence[object]
    start: int = 0
    id: str | None = None
    data: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Column:
    """A column's header (text, or markup such as a link), its words for the phone's cards,
    and whether it holds numbers (aligned right, in tabular figures)."""

    head: object
    label: str
    numeric: bool


def table(
    ctx: Context,
    kind: str,
    caption: str,
    headers: Iterable[object],
    rows: Iterable[Row | Sequence[object]],
    *,
    numeric: Iterable[int] = (),
    cards: bool = True,
    searched: bool = True,
    data: Iterable[tuple[str, str]] = (),
) -> Markup:
    """A table (the `table` macro) with a caption and column headers; `kind` names the kind of
    table; `numeric` the indexes of the columns that hold numbers; `cards` whether a phone
    shows the rows as cards; `searched` false leaves it out of search; `data` its data
    attributes."""
    macros = ctx.macros
    wide = set(numeric)
    columns = [Column(h, _plain_text(h), n in wide) for n, h in enumerate(headers)]
    # A table has tens of thousands of cells and a few kinds of them: each kind's start and end
    # tags are made once (table_cell_start and table_cell_end), then put around every cell.
    ends: dict[tuple[int, Cell, bool], tuple[Markup, Markup]] = {}
    placed = []
    for row in rows:
        row = row if isinstance(row, Row) else Row(row)
        cells = []
        for n, cell in enumerate(row.cells, row.start):
            shown = _PLAIN if not isinstance(cell, Cell) else cell.shown
            key = (n, shown, n == row.start)
            found = ends.get(key)
            if found is None:
                column = columns[n] if n < len(columns) else None
                found = ends[key] = (macros.table_cell_start(column, shown, key[2]), macros.table_cell_end(shown))
            cells.append((found[0], cell.content if isinstance(cell, Cell) else cell, found[1]))
        placed.append((row, cells))
    return macros.table(kind, caption, columns, placed, cards, searched, tuple(data))


def _plain_text(header: object) -> str:
    """A header as words: markup (a linked header) loses its tags."""
    return header.striptags() if isinstance(header, Markup) else str(header)


def kpi_table(ctx: Context, kpis: Iterable[Kpi], caption: str) -> Markup:
    """Measures with their current and target values, headed in the site's words."""
    rows = [(k.name, k.current or "", k.target or "", k.unit or "") for k in kpis]
    headers = [ctx.labels[k] for k in ("col_measure", "col_current", "col_target", "col_unit")]
    return table(ctx, "jm-kpis", caption, headers, rows, numeric=(1, 2))


def emotion_table(
    ctx: Context, here: str, handbook: Handbook, averages: Mapping[str, float], caption: str, kind: str = "jm-emotions"
) -> Markup:
    """Average emotion per stage, in catalogue order; stages without steps are left out. Not
    searched: figures, and stage names whose home is the stage's page."""
    rows = [
        (stage_link(ctx, here, handbook, s.id), emotion(ctx, averages[s.id]))
        for s in handbook.stages
        if averages.get(s.id) is not None
    ]
    headers = (ctx.labels["col_stage"], ctx.labels["col_average_emotion"])
    return table(ctx, kind, caption, headers, rows, searched=False, cards=False)


def merged_pain_list(ctx: Context, here: str, pains: Iterable[MergedPainPoint]) -> Markup:
    """Merged pain points, each linked to its row in the pain-point index, in the given order;
    left out of search (the row is their home)."""
    return ctx.macros.pain_list([{"pain": p, "href": pain_point_href(ctx, here, p.id)} for p in pains])


def pain_summary(ctx: Context, here: str, pains: Sequence[MergedPainPoint], field: str, value: str) -> Markup:
    """The highest `SUMMARY_PAINS` of `pains`, and when there are more, a link to the index
    filtered by `field` (a filter of journeys-filter.js: stage, team, persona) = `value`."""
    shown = merged_pain_list(ctx, here, pains[:SUMMARY_PAINS])
    if len(pains) <= SUMMARY_PAINS:
        return shown
    href = f"{ctx.site.href(here, ctx.site.src('pain-points'))}?{field}={quote(value)}"
    return shown + ctx.macros.pains_more(len(pains) - SUMMARY_PAINS, len(pains), href)
