"""What one team owns and supports: its journeys, its touchpoints in every journey, and the
pain points and measures found at those touchpoints."""

from __future__ import annotations

from journeys.core.index import pain_points_at, touchpoints_by_team
from journeys.render.fragments import emotion, journey_link, pain_section, stage_link, step_link, table
from journeys.render.page import Page
from journeys.render.text import text

ROLE_WORDS = {"owner": "owns", "supporting": "supports"}


def team_pages(handbook, ctx) -> list[Page]:
    by_team = touchpoints_by_team(handbook.valid_journeys)
    return [team_page(handbook, t, by_team.get(t.id, ()), ctx) for t in handbook.teams]


def team_page(handbook, team, touchpoints, ctx) -> Page:
    """`touchpoints` are (place, role) pairs for every step the team owns or supports."""
    here = ctx.site.src("teams", team.id)
    parts = [f"# {text(team.name)}", contact_section(team)]
    parts += journeys_section(handbook, team, ctx, here)
    parts += touchpoints_section(handbook, touchpoints, ctx, here)
    parts += pain_points_section(handbook, touchpoints, ctx, here)
    parts += kpis_section(touchpoints, ctx, here)
    return Page(here, team.name, tuple(parts), team.description)


def contact_section(team) -> str:
    rows = [(label, value) for label, value in (("About", team.description), ("Contact", team.contact)) if value]
    items = "".join(f"<dt>{label}</dt><dd>{text(value)}</dd>" for label, value in rows)
    return f'<dl class="jm-meta">{items}</dl>' if rows else ""


def journeys_section(handbook, team, ctx, here) -> list[str]:
    owned = [j for j in handbook.journeys if j.owner == team.id]
    if not owned:
        return []
    items = "".join(f"<li>{journey_link(ctx, here, j)}</li>" for j in owned)
    return ["## Journeys it owns", f'<ul class="jm-list">{items}</ul>']


def touchpoints_section(handbook, touchpoints, ctx, here) -> list[str]:
    if not touchpoints:
        return ["## Touchpoints", "<p>No touchpoint names this team yet.</p>"]
    rows = [
        f"<tr><td>{step_link(ctx, here, place.journey, place.step)}</td>"
        f"<td>{journey_link(ctx, here, place.journey)}</td>"
        f"<td>{stage_link(ctx, here, handbook, place.block.stage)}</td>"
        f'<td class="jm-role jm-role--{role}">{ROLE_WORDS[role]}</td><td>{emotion(place.step.emotion)}</td></tr>'
        for place, role in touchpoints
    ]
    headers = ("Touchpoint", "Journey", "Stage", "Role", "Emotion")
    return ["## Touchpoints", table("jm-team-touchpoints", "Touchpoints this team owns or supports", headers, rows)]


def pain_points_section(handbook, touchpoints, ctx, here) -> list[str]:
    pains = pain_points_at(handbook.pain_points, [place for place, _ in touchpoints])
    return pain_section(ctx, here, pains, "At the touchpoints above, highest priority first.")


def kpis_section(touchpoints, ctx, here) -> list[str]:
    rows = [
        f"<tr><td>{step_link(ctx, here, place.journey, place.step)}</td><td>{text(k.name)}</td>"
        f"<td>{text(k.current or '')}</td><td>{text(k.target or '')}</td><td>{text(k.unit or '')}</td></tr>"
        for place, _ in touchpoints for k in place.step.kpis
    ]
    if not rows:
        return []
    headers = ("Touchpoint", "Measure", "Current", "Target", "Unit")
    return ["## Measures", table("jm-kpis", "Measures at these touchpoints", headers, rows)]
