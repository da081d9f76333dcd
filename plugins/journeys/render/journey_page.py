"""The page of one journey map: a canvas. Header, measures, then the whole journey left to
right (stages over their steps, one lane a row, the emotion curve as a lane, pain points and
opportunities as cards), ownership and the editor's narrative. The layout is the template
`journey.html`; this module gathers what it shows."""

from __future__ import annotations

import re

from markupsafe import Markup

from journeys.render import emotion_lane
from journeys.render.charts import baseline_of, journey_figure
from journeys.render.fragments import (
    emotion, joined, journey_link, kpi_table, pain_point_href, persona_link, problem_list,
    review_status, severity, stage_link, step_anchor, table, team_link,
)
from journeys.render.page import Markdown, Page
from journeys.render.text import evidence, text, url

STATE_WORDS = {"current": "Current state", "future": "Future state"}
# The template separates the parts of the page with this comment: headings stay Markdown (for
# the table of contents, anchors and search sections), the blocks between them stay HTML.
PART = Markup("<!--journeys:part-->")
NARRATIVE = "<!--journeys:narrative-->"
# A journey page is a canvas: the map takes the width of the screen.
HIDE = ("navigation", "toc")
_HEADING = re.compile(r"\A\s*(#{1,6}[ \t]|[^\n]+\n(=+|-+)[ \t]*(\n|\Z))")


def starts_with_heading(body: str) -> bool:
    """An ATX (`## …`) or setext (underlined) heading on the body's first line."""
    return _HEADING.match(body) is not None


def journey_page(handbook, journey, ctx) -> Page:
    here = ctx.site.src("journeys", journey.id)
    if journey.problems:
        parts = (f"# {text(journey.title)}", header(handbook, journey, ctx, here), problem_list(journey.problems))
        return Page(here, journey.title, parts, journey.summary, journey.tags, journey.source)
    labels = ctx.templates.labels
    baseline = baseline_of(handbook, journey)
    rendered = ctx.render(
        "journey.html",
        part=PART,
        narrative=Markup(NARRATIVE) if journey.body else "",
        journey=journey,
        header=Markup(header(handbook, journey, ctx, here)),
        kpis=Markup(kpi_table(journey.kpis, labels["journey_measures_caption"])) if journey.kpis else "",
        grid=Markup(grid(handbook, journey, ctx, here)),
        # The lane draws the curve; plotly only where it adds the baseline overlay and hover.
        compared=Markup(journey_figure(handbook, journey, ctx, here)) if baseline is not None else "",
        ownership=Markup(ownership(handbook, journey, ctx, here)),
        narrative_heading=bool(journey.body) and not starts_with_heading(journey.body),
    )
    parts = tuple(
        Markdown(journey.body) if part == NARRATIVE else part
        for part in (str(p).strip() for p in rendered.split(PART)) if part
    )
    return Page(here, journey.title, parts, journey.summary, journey.tags, journey.source, HIDE)


def header(handbook, journey, ctx, here) -> str:
    labels = ctx.templates.labels
    state = text(STATE_WORDS.get(journey.state, journey.state))
    if journey.baseline:
        baseline = handbook.journey_by_id.get(journey.baseline)
        state += f" — {text(labels['journey_redesigns'])} " + (
            journey_link(ctx, here, baseline) if baseline else text(journey.baseline))
    redesigns = handbook.redesigned_by.get(journey.id, ())
    if redesigns:
        state += f" — {text(labels['journey_redesigned_by'])} " + joined(journey_link(ctx, here, j) for j in redesigns)
    return ctx.render(
        "journey_header.html",
        journey=journey,
        personas=Markup(joined(persona_link(ctx, here, handbook, p) for p in journey.personas)),
        owner=Markup(team_link(ctx, here, handbook, journey.owner)),
        state=Markup(state),
        review=Markup(review_status(journey.reviewed, ctx)),
    )


def _pain(handbook, ctx, here, pain) -> dict:
    merged = handbook.pain_point_by_id.get(pain.key)
    return {
        "severity": pain.severity,
        "badge": Markup(severity(pain.severity)),
        "text": pain.text,
        "href": Markup(url(pain_point_href(ctx, here, pain.key))),
        "status": pain.status,
        "score": merged.score if merged else None,
        "evidence": [Markup(evidence(e)) for e in pain.evidence],
    }


def _opportunity(handbook, ctx, here, opp) -> dict:
    addresses = []
    for key in opp.addresses:
        merged = handbook.pain_point_by_id.get(key)
        addresses.append({
            "text": merged.text if merged else key,
            "href": Markup(url(pain_point_href(ctx, here, key))),
            "score": merged.score if merged else None,
        })
    return {"text": opp.text, "impact": opp.impact, "addresses": addresses}


def _step(handbook, ctx, here, index, step, curve, stage_start) -> dict:
    custom = dict(step.custom)
    return {
        "index": index,
        "stage_start": stage_start,
        "anchor": step_anchor(step),
        "touchpoint": step.touchpoint,
        "channel": step.channel or "",
        "action": step.action or "",
        "thinking": step.thinking or "",
        "emotion": Markup(emotion(step.emotion)),
        "curve": curve,
        "pains": [_pain(handbook, ctx, here, p) for p in step.pain_points],
        "opportunities": [_opportunity(handbook, ctx, here, o) for o in step.opportunities],
        "gaps": list(step.gaps),
        "kpis": list(step.kpis),
        "custom": {key: list(custom.get(key, ())) for key, _ in handbook.custom_fields},
    }


def _filled(step: dict, lane: str) -> bool:
    if lane.startswith("custom:"):
        return bool(step["custom"][lane[len("custom:"):]])
    return lane == "emotion" or bool(step[lane])


def lanes(handbook, steps: list[dict], labels) -> list[dict]:
    """The lanes with content somewhere in this journey (emotion always), in reading order."""
    builtin = [(key, labels[f"journey_lane_{name}"]) for key, name in (
        ("channel", "channel"), ("action", "action"), ("thinking", "thinking"), ("emotion", "emotion"),
        ("pains", "pain_points"), ("opportunities", "opportunities"), ("gaps", "gaps"), ("kpis", "kpis"),
    )]
    every = builtin + [(f"custom:{key}", label) for key, label in handbook.custom_fields]
    return [
        {"key": key, "label": label, "filled": [_filled(s, key) for s in steps]}
        for key, label in every if any(_filled(s, key) for s in steps)
    ]


def grid(handbook, journey, ctx, here) -> str:
    """Stages as column groups, one column a step; lanes as rows. A screen reader hears the
    stage, then the touchpoint, then the lane of every cell."""
    curve = emotion_lane.lane(s.emotion for _, s in journey.steps)
    starts = {block.steps[0].anchor for block in journey.stages if block.steps}
    steps = [_step(handbook, ctx, here, n, s, curve[n], s.anchor in starts) for n, (_, s) in enumerate(journey.steps)]
    stages, first = [], 0
    for block in journey.stages:
        stages.append({
            "id": block.stage, "span": len(block.steps), "first": first,
            "link": Markup(stage_link(ctx, here, handbook, block.stage)),
            "goal": block.goal or "", "expectations": list(block.expectations),
        })
        first += len(block.steps)
    return ctx.render(
        "journey_grid.html", journey=journey, stages=stages, steps=steps,
        lanes=lanes(handbook, steps, ctx.templates.labels),
        goals=any(s["goal"] or s["expectations"] for s in stages),
    )


def ownership(handbook, journey, ctx, here) -> str:
    labels = ctx.templates.labels
    rows = [
        f"<tr><td>{stage_link(ctx, here, handbook, block.stage)}</td>"
        f'<td><a href="#{step_anchor(step)}">{text(step.touchpoint)}</a></td>'
        f"<td>{team_link(ctx, here, handbook, step.owner)}</td>"
        f"<td>{joined(team_link(ctx, here, handbook, t) for t in step.supporting)}</td>"
        f"<td>{joined(text(t) for t in step.tools)}</td></tr>"
        for block, step in journey.steps
    ]
    headers = [labels[f"journey_col_{c}"] for c in ("stage", "touchpoint", "owner", "supporting", "tools")]
    return table("jm-ownership", labels["journey_ownership_caption"], headers, rows)
