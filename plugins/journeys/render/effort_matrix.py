"""The portfolio's value-against-effort matrix, drawn at build time as the pain-point index's
priority matrix is (render/priority_matrix.py): effort across (1 to 5, cheap on the left),
value down (value plus business value, 2 to 10, the most valuable at the top), so quick wins
sit top left. Each scored opportunity is a dot in its cell, coloured and shaped by its status,
named on hover; the highest scores are numbered and listed under the chart with links to their
rows, and the table under it gives every charted opportunity's figures.

Across the plot positions are percentages and down they are pixels, so dots keep their place
at any width and in print. The drawing is hidden from assistive technology: the list and the
table say the same, with links.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from markupsafe import Markup

from journeys.core.index import MergedOpportunity
from journeys.core.schema import OPPORTUNITY_STATUSES, SCORE_MAX, SCORE_MIN
from journeys.render.context import Context
from journeys.render.fragments import delivery_status, opportunity_href, table
from journeys.render.text import number

LABELLED = 5  # the highest scores carry a number on the chart and a line in its list
ROW_PX = 30  # one value level (value + business value); journeys.css gives the level names the same height
AXIS_PX = 28  # the effort figures under the plot
VALUES = list(range(2 * SCORE_MAX, 2 * SCORE_MIN - 1, -1))  # 10 at the top ... 2 at the bottom
EFFORTS = list(range(SCORE_MIN, SCORE_MAX + 1))
CELL = 0.5  # of a cell's width and height that its dots spread over: they stay by their column's figure
QUICK_EFFORT = 2  # the most effort a quick win takes
HIGH_VALUE = 7  # the least value (value + business value) a quick win or a big bet gives


def cell(o: MergedOpportunity) -> tuple[int, int]:
    """(effort, value + business value) of a scored opportunity: where it goes on the chart."""
    assert o.value is not None and o.business_value is not None and o.effort is not None  # scored
    return o.effort, o.value + o.business_value


def positions(opportunities: Sequence[MergedOpportunity]) -> list[tuple[MergedOpportunity, float, float]]:
    """(opportunity, x, y) for each scored one: x from 0 to 1 across the plot, y in rows from
    the top. Opportunities sharing a cell are laid out in a small grid inside it, in score
    order, the same way every build."""
    cells: dict[tuple[int, int], list[MergedOpportunity]] = {}
    for o in opportunities:
        if o.score is not None:
            cells.setdefault(cell(o), []).append(o)
    found = []
    width = 1 / len(EFFORTS)
    for (effort, value), sharing in sorted(cells.items()):
        columns = math.ceil(math.sqrt(len(sharing)))
        rows = math.ceil(len(sharing) / columns)
        for k, o in enumerate(sharing):
            across, down = k % columns, k // columns
            dx = 0.0 if columns == 1 else (across / (columns - 1) - 0.5) * CELL
            dy = 0.0 if rows == 1 else (down / (rows - 1) - 0.5) * CELL
            x = (EFFORTS.index(effort) + 0.5 + dx) * width
            y = VALUES.index(value) + 0.5 + dy
            found.append((o, x, y))
    return found


def radius(count: int) -> int:
    """Smaller dots where a cell is crowded, so they stay apart."""
    return 7 if count <= 4 else 5 if count <= 16 else 3


def effort_figure(ctx: Context, here: str, opportunities: Sequence[MergedOpportunity]) -> Markup:
    """The matrix of the scored ones of `opportunities` (a large portfolio charts its highest
    scores), with its numbered list and its table."""
    scored = [o for o in opportunities if o.score is not None]
    if not scored:
        return Markup()
    labels = ctx.labels
    numbered = {o.id: n for n, o in enumerate(scored[:LABELLED], 1)}
    crowd: dict[tuple[int, int], int] = {}
    for o in scored:
        crowd[cell(o)] = crowd.get(cell(o), 0) + 1

    def status_word(status: str) -> str:
        return labels[f"opportunity_status_{status.replace('-', '_')}"]

    dots = [
        {
            "x": number(f"{x * 100:.2f}%"),
            "y": number(f"{y * ROW_PX:.1f}"),
            "r": radius(crowd[cell(o)]),
            "status": o.status,
            "title": labels["effort_point"].format(
                opportunity=o.text, status=status_word(o.status), score=o.score_text
            ),
            "number": numbered.get(o.id),
        }
        # The numbered ones last, so they are drawn over their neighbours.
        for o, x, y in sorted(positions(scored), key=lambda found: found[0].id in numbered)
    ]

    def linked(o: MergedOpportunity) -> Markup:
        href = opportunity_href(ctx, here, o.id)
        return ctx.link(href, o.text) if href else Markup.escape(o.text)

    top = [
        {
            "number": numbered[o.id],
            "link": linked(o),
            "status": delivery_status(ctx, o.status),
            "score": number(o.score_text),
        }
        for o in scored[:LABELLED]
    ]
    rows = [
        [linked(o), status_word(o.status), str(o.value), str(o.business_value), str(o.effort), number(o.score_text)]
        for o in scored
    ]
    heads = [
        labels[k]
        for k in ("col_opportunity", "col_status", "col_value", "col_business_value", "col_effort", "col_score")
    ]
    used = [s for s in OPPORTUNITY_STATUSES if any(o.status == s for o in scored)]
    height = ROW_PX * len(VALUES)
    return ctx.render(
        "effort_matrix.html",
        caption=labels["effort_caption"],
        values=VALUES,
        row_px=ROW_PX,
        height=height,
        axis_px=AXIS_PX,
        efforts=[(number(f"{(n + 0.5) / len(EFFORTS) * 100:.2f}%"), effort) for n, effort in enumerate(EFFORTS)],
        columns=[number(f"{n / len(EFFORTS) * 100:.2f}%") for n in range(1, len(EFFORTS))],
        # The quadrants: cheap (effort 1 and 2) or not, worth much (value 7 and up) or not.
        split_x=number(f"{(EFFORTS.index(QUICK_EFFORT) + 1) / len(EFFORTS) * 100:.2f}%"),
        split_y=(VALUES.index(HIGH_VALUE) + 1) * ROW_PX,
        # Where a score of 2 lies (value twice the effort): above it an opportunity is worth more
        # than it costs. From effort 1 at value 2 to effort 5 at value 10, a straight line.
        even=(
            number(f"{0.5 / len(EFFORTS) * 100:.2f}%"),
            (VALUES.index(2 * SCORE_MIN) + 0.5) * ROW_PX,
            number(f"{(len(EFFORTS) - 0.5) / len(EFFORTS) * 100:.2f}%"),
            (VALUES.index(2 * SCORE_MAX) + 0.5) * ROW_PX,
        ),
        dots=dots,
        legend=[(s, status_word(s)) for s in used],
        top=top,
        table=ctx.macros.chart_tables(
            [table(ctx, "jm-chart-table", labels["effort_table_caption"], heads, rows, numeric=(2, 3, 4, 5))]
        ),
    )
