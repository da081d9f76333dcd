"""The profile of one persona: who they are, every journey they take, how they feel at each
stage across those journeys, and the pain points that reach them. The chart of a persona with
many journeys continues on list pages (render/pagination.py), each charting some of them."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from markupsafe import Markup

from journeys.core.handbook import Handbook
from journeys.core.index import emotion_by_stage
from journeys.core.model import Journey, Persona
from journeys.render.charts import persona_figure
from journeys.render.context import Context
from journeys.render.fragments import (
    Listed,
    emotion_table,
    journey_link,
    journey_status,
    listed,
    pain_summary,
    problem_list,
    table,
    team_link,
)
from journeys.render.generated_page import Page, starts_with_heading
from journeys.render.health import counts, has_measures, journey_healths
from journeys.render.list_parts import list_part, paging
from journeys.render.measure_views import scope_charts, scope_inputs
from journeys.render.page_inputs import remember, summary_inputs, titles
from journeys.render.pagination import PERSONA_STEP_BYTES, Part, split
from journeys.render.text import url


def persona_pages(handbook: Handbook, ctx: Context) -> list[Page]:
    pages: list[Page] = []
    for persona in handbook.personas:
        here = ctx.site.src("personas", persona.id)
        pages += remember(
            ctx, here, partial(persona_inputs, handbook, persona, ctx), partial(_pages, handbook, persona, ctx)
        )
    return pages


def _pages(handbook: Handbook, persona: Persona, ctx: Context) -> list[Page]:
    here = ctx.site.src("personas", persona.id)
    journeys = () if persona.problems else handbook.journeys_by_persona.get(persona.id, ())
    parts = split(here, journeys, lambda j: PERSONA_STEP_BYTES * (1 + len(j.steps)))
    return [persona_page(handbook, persona, ctx, parts)] + [
        chart_part(handbook, persona, ctx, parts, part) for part in parts[1:]
    ]


def persona_inputs(handbook: Handbook, persona: Persona, ctx: Context) -> tuple:
    """What a persona's pages read besides the site-wide inputs (render/page_inputs.py): the persona,
    every journey it takes and the journeys they redesign, and the pain points that reach it."""
    journeys = tuple(j for j in handbook.journeys if persona.id in j.personas)
    baselines = titles(handbook.journey_by_id[j.baseline] for j in journeys if j.baseline in handbook.journey_by_id)
    return (
        persona,
        journeys,
        baselines,
        summary_inputs(ctx, persona_pains(handbook, persona)),
        scope_inputs(handbook, _scope(persona)),
    )


def persona_pains(handbook: Handbook, persona: Persona) -> Listed:
    """The pain points of the persona's journeys, each in the wording and severity written in
    them (a pain point shared with another persona's map reads as this persona's maps say)."""
    pains = [p for p in handbook.pain_points if persona.id in p.personas]
    return listed(pains, lambda place: persona.id in place.journey.personas)


def _scope(persona: Persona) -> tuple:
    """The scope of values for a persona's customers across journeys."""
    return (None, None, None, persona.id)


def chart_part(handbook: Handbook, persona: Persona, ctx: Context, parts: list[Part], part: Part) -> Page:
    """A list page of the persona's chart: some of its journeys, charted."""
    here = ctx.site.src("personas", persona.id)
    return list_part(
        ctx,
        parts,
        part,
        "persona_part.html",
        title=persona.name,
        description=persona.summary,
        persona=persona,
        persona_link=ctx.link(ctx.site.href(part.src, here), persona.name),
        figure=persona_figure(handbook, persona, part.items, ctx, part.src),
    )


def persona_page(handbook: Handbook, persona: Persona, ctx: Context, parts: list[Part]) -> Page:
    here = ctx.site.src("personas", persona.id)
    labels = ctx.labels
    src = image_src(persona.image, ctx, here) if persona.image else None
    meta = [
        (labels[key], value)
        for key, value in (
            ("persona_summary", persona.summary),
            ("persona_segment", persona.segment),
            ("persona_tags", ", ".join(persona.tags)),
        )
        if value
    ]
    lists = [
        (labels[key], values)
        for key, values in (
            ("persona_goals", persona.goals),
            ("persona_frustrations", persona.frustrations),
            ("persona_needs", persona.needs),
        )
        if values
    ]
    values: dict[str, Any] = {
        "persona": persona,
        "image": Markup(url(src)) if src else None,
        "meta": meta,
        "lists": lists,
        "problems": problem_list(ctx, persona.problems) if persona.problems else None,
        "journey_tables": [],
        "emotion": None,
        "pains": "",
        "measures": None,
        **paging(ctx, parts, parts[0]),
    }
    if not persona.problems:
        journeys = [j for j in handbook.journeys if persona.id in j.personas]
        values["journey_tables"] = journey_tables(handbook, persona, journeys, ctx, here)
        values["emotion"] = emotion_section(handbook, persona, parts[0].items, ctx, here)
        pains = persona_pains(handbook, persona)
        values["pains"] = pain_summary(ctx, here, pains, "persona", persona.id) if pains.total else ""
        scope = ctx.labels["scope_persona"].format(persona=persona.name)
        values["measures"] = {"kpis": "", **scope_charts(ctx, handbook, _scope(persona), scope)}
    values["narrative_heading"] = bool(persona.body) and not starts_with_heading(persona.body)
    return ctx.page(
        here,
        "persona_page.html",
        title=persona.name,
        description=persona.summary,
        tags=persona.tags,
        source=persona.source,
        markdown=persona.body,
        **values,
    )


def image_src(image: str, ctx: Context, here: str) -> str:
    """An https URL as written, or a path under the docs folder made relative to this page
    (the validator lets no other kind of value into the model)."""
    if image.lower().startswith("https://"):
        return image
    return ctx.site.asset(here, image.lstrip("/"))


def journey_tables(
    handbook: Handbook, persona: Persona, journeys: Sequence[Journey], ctx: Context, here: str
) -> list[tuple[str, Markup]]:
    """(heading, table) for current-state journeys, then future-state designs; the heading
    says what the table is, its caption says it to screen readers."""
    found = []
    for state, key in (("current", "state_current"), ("future", "state_future")):
        chosen = [j for j in journeys if j.state == state]
        if chosen:
            heading = ctx.labels[key]
            caption = ctx.labels["persona_journeys_caption"].format(state=heading, persona=persona.name)
            found.append((heading, _journey_table(handbook, chosen, ctx, here, caption)))
    return found


def _journey_table(handbook: Handbook, journeys: Sequence[Journey], ctx: Context, here: str, caption: str) -> Markup:
    labels = ctx.labels
    healthy = has_measures(handbook)  # map format 1.2: each journey's KPIs counted by health
    rows = []
    for journey in journeys:
        baseline = handbook.journey_by_id.get(journey.baseline) if journey.baseline else None
        rows.append(
            (
                ctx.macros.redesign(
                    journey_link(ctx, here, journey), journey_link(ctx, here, baseline) if baseline else None
                ),
                journey.summary or "",
                team_link(ctx, here, handbook, journey.owner),
                journey_status(journey, ctx),
                *([counts(ctx, journey_healths(ctx, journey))] if healthy else []),
            )
        )
    keys = ("col_journey", "col_summary", "col_owner", "col_review") + (("col_health",) if healthy else ())
    headers = [labels[k] for k in keys]
    return table(ctx, "jm-index", caption, headers, rows, searched=False, headed=True)


def emotion_section(
    handbook: Handbook, persona: Persona, charted: Sequence[Journey], ctx: Context, here: str
) -> Markup | None:
    """The `charted` journeys of the persona (all, or the first part of many), how the persona
    feels at each stage today across every journey (current-state maps, the figure every page
    gives) and, apart, what future-state designs promise."""
    journeys = handbook.journeys_by_persona.get(persona.id, ())
    today, designed = emotion_by_stage(journeys), emotion_by_stage(journeys, "future")
    if not today and not designed:
        return None
    parts = [persona_figure(handbook, persona, charted, ctx, here)]
    if today:
        caption = ctx.labels["persona_emotion_caption"].format(persona=persona.name)
        parts.append(emotion_table(ctx, here, handbook, today, caption))
    if designed:
        caption = ctx.labels["persona_future_caption"].format(persona=persona.name)
        parts.append(emotion_table(ctx, here, handbook, designed, caption, "jm-emotions jm-emotions--future"))
    return Markup("\n\n").join(parts)
