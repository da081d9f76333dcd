"""One stage across every journey that passes through it: the steps, the pain points found
there and how customers feel there on average. The steps of a busy stage continue on list
pages (render/pagination.py), each charting its own journeys; the averages and the pain points
are on the first."""

from __future__ import annotations

from itertools import groupby

from markupsafe import Markup

from journeys.core.index import feeling_by_stage, pain_points_at, places_by_stage
from journeys.render.fragments import (
    NOT_SEARCHED,
    Cell,
    Row,
    emotion,
    journey_link,
    pain_summary,
    step_link,
    table,
    team_link,
)
from journeys.render.generated_page import Page
from journeys.render.memo import feelings, layout, remember, summary_inputs
from journeys.render.pagination import STEP_BYTES, pager, split
from journeys.render.stage_spread import stage_figure
from journeys.render.text import link, text


def stage_pages(handbook, ctx) -> list[Page]:
    by_stage = places_by_stage(handbook.valid_journeys)
    return [page for s in handbook.stages for page in stage_page(handbook, s, by_stage.get(s.id, ()), ctx)]


def stage_page(handbook, stage, places, ctx) -> list[Page]:
    """The stage's page and its list pages. `places` are this stage's steps in every valid
    journey, in journey order."""
    here = ctx.site.src("stages", stage.id)
    groups = [tuple(g) for _, g in groupby(places, key=lambda p: p.journey.id)]
    parts = split(here, groups, lambda group: STEP_BYTES * len(group))
    pains = pain_points_at(handbook.pain_points, places)
    journeys = list({p.journey.id: p.journey for p in places}.values())
    shape = layout(parts)

    def inputs(part) -> tuple:
        # The first part also sums up the whole stage.
        whole = (feelings(places), summary_inputs(ctx, pains)) if part.number == 1 else ()
        return stage, shape, part.items, whole

    return [
        remember(ctx, p.src, lambda p=p: inputs(p), lambda p=p: _part(handbook, stage, ctx, parts, p, journeys, pains))
        for p in parts
    ]


def _part(handbook, stage, ctx, parts, part, journeys, pains) -> Page:
    here = ctx.site.src("stages", stage.id)
    labels = ctx.labels
    src = part.src
    chosen = [place for group in part.items for place in group]
    values = part_values(handbook, stage, chosen, ctx, src)
    values["pager"] = pager(ctx, parts, src)
    values["range"] = labels["pager_range"].format(first=part.first, last=part.last) if len(parts) > 1 else ""
    if part.number == 1:
        return ctx.page(
            src,
            "stage_page.html",
            title=stage.name,
            description=stage.description,
            stage=stage,
            today=emotion_summary(labels, journeys, stage.id, "current"),
            future=emotion_summary(labels, journeys, stage.id, "future"),
            pains=Markup(pain_summary(ctx, src, pains, "stage", stage.id)) if pains else "",
            **values,
        )
    words = values["range"]
    return ctx.page(
        src,
        "stage_part.html",
        search={"exclude": True},
        title=labels["part_title"].format(title=stage.name, range=words),
        description=stage.description,
        stage=stage,
        stage_link=Markup(link(ctx.site.href(src, here), stage.name)),
        **values,
    )


def part_values(handbook, stage, places, ctx, here) -> dict:
    """The chart and tables of one part's journeys."""
    labels = ctx.labels
    current = [p for p in places if p.journey.state == "current"]
    tables = []
    for state, key in (("current", "state_current"), ("future", "state_future")):
        chosen = [p for p in places if p.journey.state == state]
        if chosen:
            tables.append((labels[key], Markup(steps_table(handbook, chosen, ctx, here, labels[key]))))
    return {"figure": Markup(stage_figure(handbook, stage, current, ctx, here)) if current else "", "tables": tables}


def emotion_summary(labels, journeys, stage_id: str, state: str) -> dict | None:
    """The values of an average-emotion sentence: the chip and what it averages over."""
    feeling = feeling_by_stage(journeys, state).get(stage_id)
    if feeling is None:
        return None
    return {
        "emotion": Markup(emotion(labels, feeling.average)),
        "touchpoints": feeling.steps,
        "journeys": feeling.journeys,
    }


def steps_table(handbook, places, ctx, here, state_words: str) -> str:
    labels = ctx.labels
    rows = []
    for _, grouped in groupby(places, key=lambda p: p.journey.id):
        group = list(grouped)
        journey, block = group[0].journey, group[0].block
        goal = f'<p class="jm-goal">{text(block.goal)}</p>' if block.goal else ""
        head = Cell(
            f"{journey_link(ctx, here, journey)}{goal}", f' scope="rowgroup" rowspan="{len(group)}"', header=True
        )
        for n, place in enumerate(group):
            step = place.step
            cells = (
                step_link(ctx, here, journey, step),
                text(step.channel or ""),
                emotion(ctx.labels, step.emotion),
                team_link(ctx, here, handbook, step.owner),
            )
            rows.append(Row((head, *cells)) if n == 0 else Row(cells, start=1))
    headers = [labels[k] for k in ("col_journey", "col_touchpoint", "col_channel", "col_emotion", "col_owner")]
    caption = labels["stage_steps_caption"].format(state=state_words)
    return table("jm-stage-steps", caption, headers, rows, NOT_SEARCHED)
