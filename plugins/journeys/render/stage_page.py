"""One stage across every journey that passes through it: the steps, the pain points found
there and how customers feel there on average."""

from __future__ import annotations

from itertools import groupby

from markupsafe import Markup

from journeys.core.index import feeling_by_stage, pain_points_at, places_by_stage
from journeys.render.charts import stage_figure
from journeys.render.fragments import Cell, Row, emotion, journey_link, merged_pain_list, step_link, table, team_link
from journeys.render.page import Page
from journeys.render.text import text


def stage_pages(handbook, ctx) -> list[Page]:
    by_stage = places_by_stage(handbook.valid_journeys)
    return [stage_page(handbook, s, by_stage.get(s.id, ()), ctx) for s in handbook.stages]


def stage_page(handbook, stage, places, ctx) -> Page:
    """`places` are this stage's steps in every valid journey, in journey order."""
    here = ctx.site.src("stages", stage.id)
    pains = pain_points_at(handbook.pain_points, places)
    journeys = list({p.journey.id: p.journey for p in places}.values())
    current = [p for p in places if p.journey.state == "current"]
    tables = []
    for state, key in (("current", "state_current"), ("future", "state_future")):
        chosen = [p for p in places if p.journey.state == state]
        if chosen:
            tables.append((ctx.labels[key], Markup(steps_table(handbook, chosen, ctx, here, ctx.labels[key]))))
    return ctx.page(
        here, "stage_page.html", title=stage.name, description=stage.description, stage=stage,
        today=emotion_summary(journeys, stage.id, "current"), future=emotion_summary(journeys, stage.id, "future"),
        figure=Markup(stage_figure(handbook, stage, current, ctx, here)) if current else "",
        tables=tables, pains=Markup(merged_pain_list(ctx, here, pains)) if pains else "",
    )


def emotion_summary(journeys, stage_id: str, state: str) -> dict | None:
    """The values of an average-emotion sentence: the chip and what it averages over."""
    feeling = feeling_by_stage(journeys, state).get(stage_id)
    if feeling is None:
        return None
    return {"emotion": Markup(emotion(feeling.average)), "touchpoints": feeling.steps, "journeys": feeling.journeys}


def steps_table(handbook, places, ctx, here, state_words: str) -> str:
    labels = ctx.labels
    rows = []
    for _, group in groupby(places, key=lambda p: p.journey.id):
        group = list(group)
        journey, block = group[0].journey, group[0].block
        goal = f'<p class="jm-goal">{text(block.goal)}</p>' if block.goal else ""
        head = Cell(f"{journey_link(ctx, here, journey)}{goal}", f' scope="rowgroup" rowspan="{len(group)}"', header=True)
        for n, place in enumerate(group):
            step = place.step
            cells = (step_link(ctx, here, journey, step), text(step.channel or ""), emotion(step.emotion),
                     team_link(ctx, here, handbook, step.owner))
            rows.append(Row((head, *cells)) if n == 0 else Row(cells, start=1))
    headers = [labels[k] for k in ("col_journey", "col_touchpoint", "col_channel", "col_emotion", "col_owner")]
    caption = labels["stage_steps_caption"].format(state=state_words)
    return table("jm-stage-steps", caption, headers, rows)
