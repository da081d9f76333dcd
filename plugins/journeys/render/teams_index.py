"""The team index: every team with its contact and how much of the handbook it owns."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from journeys.core.handbook import Handbook
from journeys.core.index import Place, touchpoints_by_team
from journeys.render.context import Context
from journeys.render.fragments import table, team_link
from journeys.render.generated_page import Page


def teams_index(
    handbook: Handbook, ctx: Context, by_team: Mapping[str, Sequence[tuple[Place, str]]] | None = None
) -> Page:
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
                team.contact or "",
                str(journeys),
                str(roles.count("owner")),
                str(roles.count("supporting")),
            )
        )
    headers = [
        labels[k]
        for k in ("col_team", "col_contact", "col_journeys_owned", "col_touchpoints_owned", "col_touchpoints_supported")
    ]
    teams = table(ctx, "jm-index", labels["teams_caption"], headers, rows, searched=False, numeric=(2, 3, 4))
    return ctx.page(
        here, "teams_index.html", title=labels["teams_title"], description=labels["teams_description"], table=teams
    )
