"""Small pieces every page type shares, as Python gathers them: links to items (their addresses
are the site's to work out), emotion chips, severity badges, review status, tables, the KPI
table, the error box and pain-point lists. Their markup is in the macros of
templates/macros.html (a site overrides them there); author text goes in as it is and is
escaped on output."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import quote

from markupsafe import Markup

from journeys.core.handbook import Handbook
from journeys.core.index import SEVERITY_WEIGHT, MergedPainPoint, Place, Reading
from journeys.core.model import Insight, Journey, Kpi, Step
from journeys.core.problems import Problem
from journeys.render.context import Context
from journeys.render.text import json_data, number

SUMMARY_PAINS = 20  # pain points a persona, stage or team page lists; the index filters for the rest
PRIORITY_ANCHOR = "jm-priority"  # the pain-point index's explanation of priority

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


def insight_link(ctx: Context, here: str, handbook: Handbook, insight_id: str) -> Markup:
    insight = handbook.insight_by_id.get(insight_id)
    href = ctx.site.href(here, ctx.site.src("insights", insight_id))
    return ctx.link(href, insight.title if insight else insight_id)


def insight_kind(ctx: Context, kind: str) -> Markup:
    word = ctx.labels[f"insight_kind_{kind.replace('-', '_')}"]
    return ctx.templates.piece(("insight_kind", kind), lambda: ctx.macros.insight_kind(kind, word))


def insight_reference(ctx: Context, here: str, insight: Insight) -> Markup:
    """An insight named as evidence: its title, linked to its page, and its kind."""
    link = ctx.link(ctx.site.href(here, ctx.site.src("insights", insight.id)), insight.title)
    return ctx.macros.insight_reference(link, insight_kind(ctx, insight.kind))


def opportunity_href(ctx: Context, here: str, opportunity_id: str) -> str | None:
    """The opportunity's row in the portfolio, on whichever part holds it; None without a
    portfolio (a handbook whose opportunities use no key of map format 1.2)."""
    home = ctx.opportunity_homes.get(opportunity_id)
    return ctx.site.href(here, home, opportunity_id) if home else None


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


def delivery_status(ctx: Context, value: str) -> Markup:
    """An opportunity's status (map format 1.2) as a chip with its word."""
    word = ctx.labels[f"opportunity_status_{value.replace('-', '_')}"]
    return ctx.templates.piece(("delivery", value), lambda: ctx.macros.opportunity_status(value, word))


def joined(items: Iterable[Markup]) -> Markup:
    """Rendered pieces (links), comma-separated."""
    return Markup(", ").join(items)


def download_links(ctx: Context, here: str, names: Iterable[str]) -> Markup:
    """Links to exports (site-root files such as `pain-points.csv`), comma-separated."""
    return joined(ctx.link(ctx.site.asset(here, ctx.site.prefix + name), name) for name in names)


def filter_words(fields: Mapping[str, str], everywhere: str, columns: Sequence[Sequence[str]]) -> dict[str, str]:
    """The interface words of journeys-filter.js (key -> label key) for an index filtered by
    `fields` (field -> the label of its column): its own controls, `everywhere` the caption of
    the table of matches from every part, and the heading of each of its `columns`."""
    return {
        **fields,
        "all": "filter_all",
        "show_all": "filter_show_all",
        "form": "filter_form",
        "showing": "filter_showing",
        "everywhere": everywhere,
        "loading": "filter_loading",
        "failed": "filter_failed",
        **{label: label for _, label in columns},
    }


def filter_attributes(
    ctx: Context,
    here: str,
    *,
    choices: str,
    fields: Sequence[str],
    words: Mapping[str, str],
    rows: str,
    paged: bool,
    columns: Sequence[Sequence[str]] = (),
    results: str = "",
) -> list[tuple[str, str]]:
    """The data attributes of a table that journeys-filter.js filters: the `choices` (JSON) of
    each of its `fields`, the interface `words` (key -> label key), and on an index spread over
    list pages the export of every row (`rows`) with the site root its addresses start from.
    `columns` and `results` name the columns and class of the table of matches from every part,
    where they are not the pain-point index's."""
    data = [
        ("jm-filter", choices),
        ("jm-fields", json_data(list(fields))),
        ("jm-words", json_data({key: ctx.labels[label] for key, label in words.items()})),
    ]
    if columns:
        data += [("jm-columns", json_data([list(c) for c in columns])), ("jm-results", results)]
    if paged:
        data += [
            ("jm-rows", ctx.site.asset(here, ctx.site.prefix + rows)),
            ("jm-root", ctx.site.asset(here, "") or "."),
        ]
    return data


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
    headed: bool = False,
) -> Markup:
    """A table (the `table` macro) with a caption and column headers; `kind` names the kind of
    table; `numeric` the indexes of the columns that hold numbers; `cards` whether a phone
    shows the rows as cards; `searched` false leaves it out of search; `data` its data
    attributes; `headed` that a heading right above names it (the caption is then for screen
    readers only, not the heading's words twice)."""
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
    return macros.table(kind, caption, columns, placed, cards, searched, tuple(data), headed)


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


Shown = tuple[MergedPainPoint, Reading]  # a pain point and how it reads on a page


class Listed(NamedTuple):
    """What a persona, stage or team page lists of the pain points at its places: the highest
    `SUMMARY_PAINS`, each with how it reads there, and how many there are in all."""

    shown: list[Shown]
    total: int


def listed(pains: Sequence[MergedPainPoint], here: Callable[[Place], bool]) -> Listed:
    """`pains` (in priority order) as a page lists them: the first ones, each with how its
    occurrences at the places `here` accepts read (a persona's journeys, a stage, a team's
    touchpoints)."""
    return Listed([(p, p.read_at(here)) for p in pains[:SUMMARY_PAINS]], len(pains))


def priority_legend(ctx: Context, page: str) -> Markup:
    """What a priority figure means, linked to how it is computed, for a page that shows one."""
    weights = ", ".join(f"{level} {weight}" for level, weight in SEVERITY_WEIGHT.items())
    href = ctx.site.href(page, ctx.site.src("pain-points"), PRIORITY_ANCHOR)
    return ctx.macros.priority_legend(weights, href)


def pain_list(ctx: Context, page: str, shown: Iterable[Shown]) -> Markup:
    """Pain points in the given order, each in the wording and severity written for this
    page's places and linked to its row in the pain-point index; left out of search (the row
    is their home)."""
    return ctx.macros.pain_list(
        [{"pain": p, "reading": reading, "href": pain_point_href(ctx, page, p.id)} for p, reading in shown]
    )


def pain_summary(ctx: Context, page: str, pains: Listed, field: str, value: str) -> Markup:
    """The pain points a page lists, what their priority means, and when there are more, a link
    to the index filtered by `field` (a filter of journeys-filter.js: stage, team, persona) =
    `value`."""
    shown = pain_list(ctx, page, pains.shown)
    if pains.total > len(pains.shown):
        href = f"{ctx.site.href(page, ctx.site.src('pain-points'))}?{field}={quote(value)}"
        shown += ctx.macros.pains_more(pains.total - len(pains.shown), pains.total, href)
    return shown + priority_legend(ctx, page)
