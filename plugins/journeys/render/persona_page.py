"""The profile of one persona: who they are, every journey they take, how they feel at each
stage across those journeys, and the pain points that reach them."""

from __future__ import annotations

from journeys.core.index import emotion_by_stage
from journeys.render.charts import persona_figure
from journeys.render.fragments import (
    emotion_table, journey_link, pain_section, problem_list, review_status, table, team_link,
)
from journeys.render.page import Markdown, Page
from journeys.render.text import text, url

def persona_pages(handbook, ctx) -> list[Page]:
    return [persona_page(handbook, p, ctx) for p in handbook.personas]


def persona_page(handbook, persona, ctx) -> Page:
    here = ctx.site.src("personas", persona.id)
    parts = [f"# {text(persona.name)}", *profile(persona, ctx, here)]
    if persona.problems:
        parts.append(problem_list(persona.problems))
    else:
        journeys = [j for j in handbook.journeys if persona.id in j.personas]
        parts += journeys_section(handbook, journeys, ctx, here)
        parts += emotion_section(handbook, persona, ctx, here)
        parts += pain_points_section(handbook, persona, ctx, here)
        if persona.body:
            parts += ["## Narrative", Markdown(persona.body)]
    return Page(here, persona.name, tuple(parts), persona.summary, persona.tags, persona.source)


def image_src(image: str, ctx, here: str) -> str:
    """An https URL as written, or a path under the docs folder made relative to this page
    (the validator lets no other kind of value into the model)."""
    if image.lower().startswith("https://"):
        return image
    return ctx.site.asset(here, image.lstrip("/"))


def profile(persona, ctx, here) -> list[str]:
    parts = []
    src = image_src(persona.image, ctx, here) if persona.image else None
    if src:
        parts.append(f'<img class="jm-persona__image" src="{url(src)}" alt="{text(persona.name)}">')
    rows = [(label, text(value)) for label, value in (("Summary", persona.summary), ("Segment", persona.segment)) if value]
    if rows:
        parts.append('<dl class="jm-meta">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>")
    if persona.quote:
        parts.append(f'<blockquote class="jm-quote"><p>{text(persona.quote)}</p></blockquote>')
    lists = []
    for label, values in (("Goals", persona.goals), ("Frustrations", persona.frustrations), ("Needs", persona.needs)):
        if values:
            items = "".join(f"<li>{text(v)}</li>" for v in values)
            lists += [f"## {label}", f'<ul class="jm-list">{items}</ul>']
    return [f'<div class="jm-persona">{"".join(parts)}</div>', *lists]


def journeys_section(handbook, journeys, ctx, here) -> list[str]:
    parts = ["## Journeys"]
    if not journeys:
        return parts + ["<p>No journeys yet.</p>"]
    for state, heading in (("current", "Current state"), ("future", "Future state")):
        chosen = [j for j in journeys if j.state == state]
        if chosen:
            parts += [f"### {heading}", _journey_table(handbook, chosen, ctx, here, heading)]
    return parts


def _journey_table(handbook, journeys, ctx, here, caption) -> str:
    rows = []
    for journey in journeys:
        baseline = handbook.journey_by_id.get(journey.baseline) if journey.baseline else None
        note = f" — redesigns {journey_link(ctx, here, baseline)}" if baseline else ""
        status = ('<span class="jm-review jm-review--invalid">has errors</span>' if journey.problems
                  else review_status(journey.reviewed, ctx))
        rows.append(
            f"<tr><td>{journey_link(ctx, here, journey)}{note}</td><td>{text(journey.summary or '')}</td>"
            f"<td>{team_link(ctx, here, handbook, journey.owner)}</td><td>{status}</td></tr>"
        )
    return table("jm-index", caption, ("Journey", "Summary", "Owner", "Review"), rows)


def emotion_section(handbook, persona, ctx, here) -> list[str]:
    journeys = handbook.journeys_by_persona.get(persona.id, ())
    averages = emotion_by_stage(journeys)
    if not averages:
        return []
    caption = f"Average emotion of {persona.name} at each stage, across every journey"
    return ["## Emotion by stage", persona_figure(handbook, persona, journeys, ctx, here),
            emotion_table(ctx, here, handbook, averages, caption)]


def pain_points_section(handbook, persona, ctx, here) -> list[str]:
    pains = [p for p in handbook.pain_points if persona.id in p.personas]
    return pain_section(ctx, here, pains, "Highest priority first.")
