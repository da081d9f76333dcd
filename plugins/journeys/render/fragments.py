"""Small HTML pieces that every page type shares: links to items, emotion chips, severity
badges, KPI tables, review status. All author text is escaped through `text`."""

from __future__ import annotations

import datetime

from journeys.render.text import link, text

EMOTION_WORDS = {-2: "very negative", -1: "negative", 0: "neutral", 1: "positive", 2: "very positive"}


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
    return ctx.site.href(here, ctx.site.src("pain-points"), pain_id)


def step_anchor(step) -> str:
    return f"step-{step.anchor}"


def emotion(score: int | float) -> str:
    """A chip that carries the number and a word, never colour alone."""
    rounded = round(score)
    shown = f"{score:+g}" if score else "0"
    word = EMOTION_WORDS[max(-2, min(2, rounded))]
    return (f'<span class="jm-emotion" data-emotion="{rounded}">'
            f'<span class="jm-emotion__score">{text(shown)}</span> '
            f'<span class="jm-emotion__word">{word}</span></span>')


def severity(level: str) -> str:
    return f'<span class="jm-severity jm-severity--{text(level)}">{text(level)}</span>'


def joined(items) -> str:
    return ", ".join(items)


def kpi_table(kpis, caption: str) -> str:
    rows = [
        f"<tr><td>{text(k.name)}</td><td>{text(k.current or '')}</td><td>{text(k.target or '')}</td><td>{text(k.unit or '')}</td></tr>"
        for k in kpis
    ]
    return table("jm-kpis", caption, ("Measure", "Current", "Target", "Unit"), rows)


def review_status(reviewed: datetime.date | None, ctx) -> str:
    if reviewed is None:
        return '<span class="jm-review jm-review--unknown">never reviewed</span>'
    age = (ctx.today - reviewed).days
    if age > ctx.review_after_days:
        return (f'<span class="jm-review jm-review--due">due for review</span> '
                f'(last reviewed {reviewed.isoformat()}, {age} days ago)')
    return f'<span class="jm-review jm-review--ok">reviewed {reviewed.isoformat()}</span>'


def problem_list(problems) -> str:
    items = "".join(f"<li><code>{text(str(p))}</code></li>" for p in problems)
    return ('<div class="admonition failure jm-problems" role="alert">'
            '<p class="admonition-title">This map has errors and is not published until they are fixed</p>'
            f"<ul>{items}</ul>"
            "<p>Run <code>journeys check</code> to see them without building the site.</p></div>")


def step_link(ctx, here: str, journey, step) -> str:
    """The touchpoint, linked to its column on the journey page."""
    return link(ctx.site.href(here, ctx.site.src("journeys", journey.id), step_anchor(step)), step.touchpoint)


def emotion_table(ctx, here: str, handbook, averages: dict, caption: str) -> str:
    """Average emotion per stage, in catalogue order; stages without steps are left out."""
    rows = [
        f"<tr><td>{stage_link(ctx, here, handbook, s.id)}</td><td>{emotion(averages[s.id])}</td></tr>"
        for s in handbook.stages if averages.get(s.id) is not None
    ]
    return table("jm-emotions", caption, ("Stage", "Average emotion"), rows)


def table(css_class: str, caption: str, headers, rows, attrs: str = "") -> str:
    """A table with a caption and column headers; `rows` are rendered `<tr>` strings and
    `attrs` rendered extra attributes."""
    head = "".join(f'<th scope="col">{text(h)}</th>' for h in headers)
    return (f'<table class="{css_class}"{attrs}><caption>{text(caption)}</caption>'
            f'<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')


def merged_pain_list(ctx, here: str, pains) -> str:
    """Merged pain points, each linked to its row in the pain-point index, in the given order."""
    items = "".join(
        f'<li class="jm-pain">{severity(p.severity)} {link(pain_point_href(ctx, here, p.id), p.text)} '
        f'<span class="jm-status">{text(p.status)}</span> '
        f'<span class="jm-score">priority {p.score}</span></li>'
        for p in pains
    )
    return f'<ul class="jm-pains">{items}</ul>'


def pain_section(ctx, here: str, pains, note: str) -> list[str]:
    """The "Pain points" section of a persona, stage or team page; none when there are none."""
    if not pains:
        return []
    return ["## Pain points", f"<p>{text(note)}</p>", merged_pain_list(ctx, here, pains)]
