"""The team index: every team with its contact and how much of the handbook it owns."""

from __future__ import annotations

from markupsafe import Markup

from journeys.core.index import touchpoints_by_team
from journeys.render.fragments import table, team_link
from journeys.render.page import Page
from journeys.render.text import text


def teams_index(handbook, ctx) -> Page:
    here = ctx.site.src("teams")
    by_team = touchpoints_by_team(handbook.valid_journeys)
    rows = []
    for team in handbook.teams:
        roles = [role for _, role in by_team.get(team.id, ())]
        journeys = sum(1 for j in handbook.journeys if j.owner == team.id)
        rows.append(
            f"<tr><td>{team_link(ctx, here, handbook, team.id)}</td><td>{text(team.contact or '')}</td>"
            f"<td>{journeys}</td><td>{roles.count('owner')}</td><td>{roles.count('supporting')}</td></tr>"
        )
    headers = ("Team", "Contact", "Journeys owned", "Touchpoints owned", "Touchpoints supported")
    parts = ["# Teams", ctx.render("teams_index.html", table=Markup(table("jm-index", "Every team", headers, rows)))]
    return Page(here, "Teams", tuple(parts), "What each team owns and supports.")
