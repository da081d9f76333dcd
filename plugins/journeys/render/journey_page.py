"""The page of one journey map: header, KPIs, emotion chart, the map grid, ownership, pain
points and opportunities, then the editor's narrative."""

from __future__ import annotations

from journeys.render.charts import journey_figure
from journeys.render.fragments import (
    emotion, joined, journey_link, kpi_table, pain_point_href, persona_link, problem_list,
    review_status, severity, stage_link, step_anchor, table, team_link,
)
from journeys.render.history_section import history_section
from journeys.render.page import Markdown, Page
from journeys.render.text import evidence, link, text, url

STATE_WORDS = {"current": "Current state", "future": "Future state"}


def journey_page(handbook, journey, ctx) -> Page:
    here = ctx.site.src("journeys", journey.id)
    parts = [f"# {text(journey.title)}", header(handbook, journey, ctx, here)]
    if journey.problems:
        parts.append(problem_list(journey.problems))
    else:
        if journey.kpis:
            parts += ["## Key measures", kpi_table(journey.kpis, "Journey-level measures")]
        parts += ["## Emotion", journey_figure(handbook, journey, ctx, here)]
        parts += ["## Map", grid(handbook, journey, ctx, here)]
        parts += ["## Ownership", ownership(handbook, journey, ctx, here)]
        pains = [(block, step, p) for block, step in journey.steps for p in step.pain_points]
        if pains:
            parts += ["## Pain points", pain_list(handbook, pains, ctx, here)]
        opportunities = [(block, step, o) for block, step in journey.steps for o in step.opportunities]
        if opportunities:
            parts += ["## Opportunities", opportunity_list(handbook, opportunities, ctx, here)]
        if journey.body:
            parts += ["## Narrative", Markdown(journey.body)]
    if journey.id in ctx.history:
        parts += [f"## {text(ctx.templates.labels['history_title'])}", history_section(ctx.history[journey.id], ctx, here)]
    return Page(here, journey.title, tuple(parts), journey.summary, journey.tags, journey.source)


def header(handbook, journey, ctx, here) -> str:
    rows = []
    if journey.summary:
        rows.append(("Summary", text(journey.summary)))
    rows.append(("Personas", joined(persona_link(ctx, here, handbook, p) for p in journey.personas)))
    if journey.owner:
        rows.append(("Owner", team_link(ctx, here, handbook, journey.owner)))
    state = text(STATE_WORDS.get(journey.state, journey.state))
    if journey.baseline:
        baseline = handbook.journey_by_id.get(journey.baseline)
        state += " — redesigns " + (journey_link(ctx, here, baseline) if baseline else text(journey.baseline))
    redesigns = handbook.redesigned_by.get(journey.id, ())
    if redesigns:
        state += " — redesigned by " + joined(journey_link(ctx, here, j) for j in redesigns)
    rows.append(("State", state))
    rows.append(("Review", review_status(journey.reviewed, ctx)))
    items = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows)
    return f'<dl class="jm-meta">{items}</dl>'


def _lanes(handbook, journey, ctx, here):
    """(label, cell renderer) for every lane that has content somewhere in this journey."""
    def pains(step):
        return "".join(
            f'<p>{severity(p.severity)} <a href="{url(pain_point_href(ctx, here, p.key))}">{text(p.text)}</a></p>'
            for p in step.pain_points
        )

    def opportunities(step):
        return "".join(f"<p>{text(o.text)}</p>" for o in step.opportunities)

    def listed(values):
        return "".join(f"<p>{text(v)}</p>" for v in values)

    lanes = [
        ("Channel", lambda s: text(s.channel or "")),
        ("Action", lambda s: text(s.action or "")),
        ("Thinking", lambda s: text(s.thinking or "")),
        ("Emotion", lambda s: emotion(s.emotion)),
        ("Pain points", pains),
        ("Opportunities", opportunities),
        ("Gaps", lambda s: listed(s.gaps)),
    ] + [
        (label, lambda s, key=key: listed(dict(s.custom).get(key, ())))
        for key, label in handbook.custom_fields
    ]
    steps = [step for _, step in journey.steps]
    return [(label, render) for label, render in lanes if label == "Emotion" or any(render(s) for s in steps)]


def grid(handbook, journey, ctx, here) -> str:
    """Stages as column groups, one column a step; lanes as rows. A screen reader hears the
    stage, then the lane, for every cell."""
    cols = "".join(f'<colgroup span="{len(b.steps)}"></colgroup>' for b in journey.stages)
    stage_row = "".join(
        f'<th scope="colgroup" colspan="{len(b.steps)}" id="stage-{b.stage}">{stage_link(ctx, here, handbook, b.stage)}</th>'
        for b in journey.stages
    )
    rows = [f'<tr><td class="jm-grid__corner"></td>{stage_row}</tr>']
    if any(b.goal or b.expectations for b in journey.stages):
        cells = "".join(
            f'<td colspan="{len(b.steps)}">'
            + (f"<p>{text(b.goal)}</p>" if b.goal else "")
            + "".join(f'<p class="jm-expectation">{text(e)}</p>' for e in b.expectations)
            + "</td>"
            for b in journey.stages
        )
        rows.append(f'<tr><th scope="row">Goal and expectations</th>{cells}</tr>')
    head = "".join(rows)
    touch = "".join(
        f'<th scope="col" id="{step_anchor(s)}">{text(s.touchpoint)}</th>' for _, s in journey.steps
    )
    body = [f'<tr><th scope="row">Touchpoint</th>{touch}</tr>']
    for label, render in _lanes(handbook, journey, ctx, here):
        cells = "".join(f"<td>{render(s)}</td>" for _, s in journey.steps)
        body.append(f'<tr><th scope="row">{text(label)}</th>{cells}</tr>')
    return ('<div class="jm-grid-scroll" role="region" tabindex="0" aria-label="Journey map, scrolls sideways">'
            f'<table class="jm-grid"><caption>{text(journey.title)}: stages, touchpoints and lanes</caption>'
            f'{cols}<thead>{head}</thead><tbody>{"".join(body)}</tbody></table></div>')


def ownership(handbook, journey, ctx, here) -> str:
    rows = []
    for block, step in journey.steps:
        kpis = "".join(f"<p>{text(k.name)}</p>" for k in step.kpis)
        rows.append(
            f"<tr><td>{stage_link(ctx, here, handbook, block.stage)}</td>"
            f'<td><a href="#{step_anchor(step)}">{text(step.touchpoint)}</a></td>'
            f"<td>{team_link(ctx, here, handbook, step.owner)}</td>"
            f"<td>{joined(team_link(ctx, here, handbook, t) for t in step.supporting)}</td>"
            f"<td>{joined(text(t) for t in step.tools)}</td><td>{kpis}</td></tr>"
        )
    headers = ("Stage", "Touchpoint", "Owner", "Supporting", "Tools", "KPIs")
    return table("jm-ownership", "Who owns each touchpoint", headers, rows)


def pain_list(handbook, pains, ctx, here) -> str:
    items = []
    for block, step, pain in pains:
        proof = "".join(f"<li>{evidence(e)}</li>" for e in pain.evidence)
        items.append(
            f'<li class="jm-pain">{severity(pain.severity)} '
            f'<a href="{url(pain_point_href(ctx, here, pain.key))}">{text(pain.text)}</a> '
            f'<span class="jm-status">{text(pain.status)}</span> — at '
            f'<a href="#{step_anchor(step)}">{text(step.touchpoint)}</a> ({stage_link(ctx, here, handbook, block.stage)})'
            + (f'<ul class="jm-evidence">{proof}</ul>' if proof else "")
            + "</li>"
        )
    return f'<ul class="jm-pains">{"".join(items)}</ul>'


def opportunity_list(handbook, opportunities, ctx, here) -> str:
    items = []
    for block, step, opp in opportunities:
        impact = f' <span class="jm-impact">impact: {text(opp.impact)}</span>' if opp.impact else ""
        targets = joined(
            link(pain_point_href(ctx, here, key), handbook.pain_point_by_id[key].text if key in handbook.pain_point_by_id else key)
            for key in opp.addresses
        )
        items.append(
            f"<li>{text(opp.text)}{impact} — at <a href=\"#{step_anchor(step)}\">{text(step.touchpoint)}</a>"
            + (f"; addresses {targets}" if targets else "") + "</li>"
        )
    return f'<ul class="jm-opportunities">{"".join(items)}</ul>'
