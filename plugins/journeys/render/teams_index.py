"""The team index: every team with its contact and how much of the handbook it owns."""

from __future__ import annotations

from markupsafe import Markup

from journeys.core.index import touchpoints_by_team
from journeys.render.fragments import NOT_SEARCHED, table, team_link
from journeys.render.generated_page import Page
from journeys.render.text import text


def teams_index(handbook, ctx, by_team=None) -> Page:
    """`by_team`: core.index.touchpoints_by_team of the valid journeys, if already found."""
    here = ctx.site.src("teams")
    labels = ctx.labels
    by_team = touchpoints_by_team(handbook.valid_journeys) if by_team is None else by_team
    rows = []
    for team in handbook.teams:
        roles = [role for _, role in by_team.get(team.id, ())]
        journeys = sum(1 for j in handbook.journeys if j.owner == team.id)
        rows.append(
            (
                team_link(ctx, here, handbook, team.id),
                text(team.contact or ""),
                str(journeys),
                str(roles.count("owner")),
                str(roles.count("supporting")),
            )
        )
    headers = [
        labels[k]
        for k in ("col_team", "col_contact", "col_journeys_owned", "col_touchpoints_owned", "col_touchpoints_supported")
    ]
    teams = Markup(table("jm-index", labels["teams_caption"], headers, rows, NOT_SEARCHED, numeric=(2, 3, 4)))
    return ctx.page(
        here, "teams_index.html", title=labels["teams_title"], description=labels["teams_description"], table=teams
    )
