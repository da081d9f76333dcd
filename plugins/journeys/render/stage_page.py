"""One stage across every journey that passes through it: the steps, the pain points found
there and how customers feel there on average."""

from __future__ import annotations

from itertools import groupby

from journeys.core.index import average, pain_points_at, places_by_stage
from journeys.render.charts import stage_figure
from journeys.render.fragments import emotion, journey_link, pain_section, step_link, table, team_link
from journeys.render.page import Page
from journeys.render.text import text


def stage_pages(handbook, ctx) -> list[Page]:
    by_stage = places_by_stage(handbook.valid_journeys)
    return [stage_page(handbook, s, by_stage.get(s.id, ()), ctx) for s in handbook.stages]


def stage_page(handbook, stage, places, ctx) -> Page:
    """`places` are this stage's steps in every valid journey, in journey order."""
    here = ctx.site.src("stages", stage.id)
    parts = [f"# {text(stage.name)}"]
    if stage.description:
        parts.append(f'<p class="jm-description">{text(stage.description)}</p>')
    parts += emotion_section(places)
    if places:
        parts.append(stage_figure(handbook, stage, places, ctx, here))
    parts += journeys_section(handbook, places, ctx, here)
    parts += pain_points_section(handbook, places, ctx, here)
    return Page(here, stage.name, tuple(parts), stage.description)


def emotion_section(places) -> list[str]:
    mean = average(p.step.emotion for p in places)
    if mean is None:
        return []
    journeys = len({p.journey.id for p in places})
    return ["## Average emotion",
            f"<p>{emotion(mean)} across {len(places)} touchpoints in {journeys} journeys.</p>"]


def journeys_section(handbook, places, ctx, here) -> list[str]:
    if not places:
        return ["## Journeys", "<p>No journey passes through this stage yet.</p>"]
    rows = []
    for _, group in groupby(places, key=lambda p: p.journey.id):
        group = list(group)
        journey, block = group[0].journey, group[0].block
        goal = f'<p class="jm-goal">{text(block.goal)}</p>' if block.goal else ""
        head = f'<th scope="rowgroup" rowspan="{len(group)}">{journey_link(ctx, here, journey)}{goal}</th>'
        for n, place in enumerate(group):
            step = place.step
            rows.append(
                f"<tr>{head if n == 0 else ''}<td>{step_link(ctx, here, journey, step)}</td>"
                f"<td>{text(step.channel or '')}</td><td>{emotion(step.emotion)}</td>"
                f"<td>{team_link(ctx, here, handbook, step.owner)}</td></tr>"
            )
    headers = ("Journey", "Touchpoint", "Channel", "Emotion", "Owner")
    return ["## Journeys", table("jm-stage-steps", "Every journey through this stage, step by step", headers, rows)]


def pain_points_section(handbook, places, ctx, here) -> list[str]:
    return pain_section(ctx, here, pain_points_at(handbook.pain_points, places), "Found at this stage, highest priority first.")
