"""Small HTML pieces that every page type shares: links to items, emotion chips, severity
badges, KPI tables, review status. All author text is escaped through `text`."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup

from journeys.render.labels import LABELS
from journeys.render.templating import fill_markup
from journeys.render.text import link, text

SUMMARY_PAINS = 20  # pain points a persona, stage or team page lists; the index filters for the rest
# Each fact is searched on its home page only (a touchpoint on its journey's page, a pain point
# in its index row, a persona on its page); elsewhere Material's search leaves out elements
# with this attribute. Its parser tracks skipped elements by tag name, so the attribute goes
# on an element with no element of the same name inside it. With a value, Material removes the
# attribute from the page once it is indexed (mkdocs-material 9.x, search plugin's on_page_context),
# so it costs the published page nothing.
NOT_SEARCHED = ' data-search-exclude="true"'

EMOTION_SCALE = (-2, -1, 0, 1, 2)
# The label of each score's word (labels.py): "very negative" ... "very positive".
EMOTION_LABELS = {
    -2: "emotion_very_negative",
    -1: "emotion_negative",
    0: "emotion_neutral",
    1: "emotion_positive",
    2: "emotion_very_positive",
}


def persona_link(ctx, here: str, handbook, persona_id: str) -> str:
    persona = handbook.persona_by_id.get(persona_id)
    return link(ctx.site.href(here, ctx.site.src("personas", persona_id)), persona.name if persona else persona_id)


def stage_link(ctx, here: str, handbook, stage_id: str) -> str:
    stage = handbook.stage_by_id.get(stage_id)
    return link(ctx.site.href(here, ctx.site.src("stages", stage_id)), stage.name if stage else stage_id)


def team_link(ctx, here: str, handbook, team_id: str | None) -> str:
    if not team_id:
        return ""
    team = handbook.team_by_id.get(team_id)
    return link(ctx.site.href(here, ctx.site.src("teams", team_id)), team.name if team else team_id)


def journey_link(ctx, here: str, journey, anchor: str = "") -> str:
    return link(ctx.site.href(here, ctx.site.src("journeys", journey.id), anchor), journey.title)


def pain_point_href(ctx, here: str, pain_id: str) -> str:
    """The pain point's row in the index, on whichever part of the index holds it."""
    return ctx.site.href(here, ctx.pain_homes.get(pain_id) or ctx.site.src("pain-points"), pain_id)


def step_anchor(step) -> str:
    return f"step-{step.anchor}"


def signed(value: float) -> str:
    """+1, -0.5, 0: the sign always shown, on chips, charts and averages alike."""
    return f"{value:+g}" if value else "0"


def nearest_emotion(value: float) -> int:
    """The emotion score (-2 to 2) nearest to an average, for its word and colour."""
    return max(-2, min(2, round(value)))


def emotion_word(labels, score: float) -> str:
    """The word of the emotion score nearest to `score`."""
    return labels[EMOTION_LABELS[nearest_emotion(score)]]


def emotion(labels, score: int | float) -> str:
    """A chip that carries the number and a word, never colour alone."""
    rounded = round(score)
    shown = signed(score)
    word = text(emotion_word(labels, score))
    return (
        f'<span class="jm-emotion" data-emotion="{rounded}">'
        f'<span class="jm-emotion__score">{text(shown)}</span> '
        f'<span class="jm-emotion__word">{word}</span></span>'
    )


def severity(level: str) -> str:
    return f'<span class="jm-severity jm-severity--{text(level)}">{text(level)}</span>'


def joined(items) -> str:
    return ", ".join(items)


def kpi_table(kpis, caption: str, labels=LABELS) -> str:
    rows = [(text(k.name), text(k.current or ""), text(k.target or ""), text(k.unit or "")) for k in kpis]
    headers = [labels[k] for k in ("col_measure", "col_current", "col_target", "col_unit")]
    return table("jm-kpis", caption, headers, rows, numeric=(1, 2))


def review_status(reviewed: datetime.date | None, ctx) -> str:
    labels = ctx.labels
    if reviewed is None:
        return f'<span class="jm-review jm-review--unknown">{text(labels["never_reviewed"])}</span>'
    age = (ctx.today - reviewed).days
    if age > ctx.review_after_days:
        return (
            f'<span class="jm-review jm-review--due">{text(labels["due_for_review"])}</span> '
            f"({text(labels['last_reviewed'])} {reviewed.isoformat()}, {age} {text(labels['days_ago'])})"
        )
    return f'<span class="jm-review jm-review--ok">{text(labels["reviewed"])} {reviewed.isoformat()}</span>'


def journey_status(journey, ctx) -> str:
    """The review status of a journey, or that it has errors (and so no published content)."""
    if journey.problems:
        return f'<span class="jm-review jm-review--invalid">{text(ctx.labels["has_errors"])}</span>'
    return review_status(journey.reviewed, ctx)


def problem_list(problems, labels=LABELS) -> str:
    items = "".join(f"<li><code>{text(str(p))}</code></li>" for p in problems)
    hint = fill_markup(labels["problems_hint"], command=Markup("<code>journeys check</code>"))
    return (
        '<div class="admonition failure jm-problems" role="alert">'
        f'<p class="admonition-title">{text(labels["problems_title"])}</p>'
        f"<ul>{items}</ul><p>{hint}</p></div>"
    )


def step_link(ctx, here: str, journey, step) -> str:
    """The touchpoint, linked to its column on the journey page."""
    return link(ctx.site.href(here, ctx.site.src("journeys", journey.id), step_anchor(step)), step.touchpoint)


def emotion_table(ctx, here: str, handbook, averages: dict, caption: str, css_class: str = "jm-emotions") -> str:
    """Average emotion per stage, in catalogue order; stages without steps are left out. Not
    searched: figures, and stage names whose home is the stage's page."""
    rows = [
        (stage_link(ctx, here, handbook, s.id), emotion(ctx.labels, averages[s.id]))
        for s in handbook.stages
        if averages.get(s.id) is not None
    ]
    headers = (ctx.labels["col_stage"], ctx.labels["col_average_emotion"])
    return table(css_class, caption, headers, rows, NOT_SEARCHED, cards=False)


@dataclass(frozen=True)
class Cell:
    """A table cell: `content` is rendered markup, `classes` extra class names, `attrs`
    rendered extra attributes; a header cell is a `th` (its scope in `attrs`)."""

    content: str
    attrs: str = ""
    header: bool = False
    classes: str = ""


@dataclass(frozen=True)
class Row:
    """A table row of cells (`Cell`s or rendered strings); `start` is the column its first
    cell falls in, when a row header above spans into this row."""

    cells: tuple
    attrs: str = ""
    start: int = 0


NUMERIC = "jm-num"  # a column of numbers: aligned right, in tabular figures


def _cell(cell, header: str | None, numeric: bool) -> str:
    """A cell with its column header as `data-label`, which narrow screens show beside the
    value when the table becomes a list of cards."""
    cell = cell if isinstance(cell, Cell) else Cell(cell)
    tag = "th" if cell.header else "td"
    classes = " ".join(c for c in (cell.classes, NUMERIC if numeric else "") if c)
    label = f' data-label="{text(_plain_text(header))}"' if header and not cell.header else ""
    return f"<{tag}{cell.attrs}{_class_attr(classes)}{label}>{cell.content}</{tag}>"


def _plain_text(header) -> str:
    """A header as words: markup (a linked header) loses its tags."""
    return header.striptags() if isinstance(header, Markup) else str(header)


def _header(header) -> str:
    return str(header) if isinstance(header, Markup) else text(header)


def _class_attr(classes: str) -> str:
    return f' class="{classes}"' if classes else ""


def table(css_class: str, caption: str, headers, rows, attrs: str = "", numeric=(), cards: bool = True) -> str:
    """A table with a caption and column headers (plain text, or `Markup` such as a link);
    `rows` are `Row`s, sequences of cells, or
    rendered `<tr>` strings (left as they are); `attrs` are rendered extra attributes of the
    table; `numeric` the indexes of the columns that hold numbers; `cards` whether a phone
    shows the rows as cards. The classes `jm-table` and `jm-table--cards` are what the
    stylesheet styles; `css_class` names the kind of table."""
    headers = list(headers)
    # Spaces between cells and rows: Material's search index joins the text of adjacent
    # elements, and without them its snippets read "ChannelWebWeb".
    head = " ".join(
        f'<th scope="col"{_class_attr(NUMERIC if n in numeric else "")}>{_header(h)}</th>'
        for n, h in enumerate(headers)
    )
    body = []
    for row in rows:
        if isinstance(row, str):
            body.append(row)
            continue
        row = row if isinstance(row, Row) else Row(tuple(row))
        cells = " ".join(
            _cell(c, headers[row.start + n] if row.start + n < len(headers) else None, row.start + n in numeric)
            for n, c in enumerate(row.cells)
        )
        body.append(f"<tr{row.attrs}>{cells}</tr>")
    return (
        f'<table class="jm-table{" jm-table--cards" if cards else ""} {css_class}"{attrs}><caption>{text(caption)}</caption> '
        f"<thead><tr>{head}</tr></thead> <tbody>{' '.join(body)}</tbody></table>"
    )


def merged_pain_list(ctx, here: str, pains) -> str:
    """Merged pain points, each linked to its row in the pain-point index, in the given order;
    left out of search (the row is their home)."""
    items = "".join(
        f'<li class="jm-pain">{severity(p.severity)} {link(pain_point_href(ctx, here, p.id), p.text)} '
        f'<span class="jm-status">{text(p.status)}</span> '
        f'<span class="jm-score">{text(ctx.labels["priority_of"].format(score=p.score))}</span></li>'
        for p in pains
    )
    return f'<ul class="jm-pains"{NOT_SEARCHED}>{items}</ul>'


def pain_summary(ctx, here: str, pains, field: str, value: str) -> str:
    """The highest `SUMMARY_PAINS` of `pains`, and when there are more, a link to the index
    filtered by `field` (a filter of journeys-filter.js: stage, team, persona) = `value`."""
    shown = merged_pain_list(ctx, here, pains[:SUMMARY_PAINS])
    if len(pains) <= SUMMARY_PAINS:
        return shown
    labels = ctx.labels
    href = f"{ctx.site.href(here, ctx.site.src('pain-points'))}?{field}={quote(value)}"
    more = fill_markup(
        labels["pains_more"],
        more=len(pains) - SUMMARY_PAINS,
        pains=len(pains),
        index=Markup(link(href, labels["pains_more_link"])),
    )
    return f'{shown}<p class="jm-pains-more">{more}</p>'
