"""The pain-point index's prioritisation matrix, drawn at build time: severity (rows) against
reach (across), each pain point a bubble sized by its priority and named on hover, the highest
priorities numbered and listed under the chart with links to their rows.

Across the plot, reach is in percent of its width and severity rows are in pixels, so bubbles
stay round and in place at any width and in print. The drawing is hidden from assistive
technology: the numbered list and the table under it say the same, with links. (Bubbles are not
links themselves: Material's instant navigation handles every link of a page as an HTML one,
and an SVG link's `href` is not a string.)
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from journeys.core.handbook import Handbook
from journeys.core.index import SEVERITY_WEIGHT, MergedPainPoint
from journeys.render.context import Context
from journeys.render.fragments import pain_point_href, severity, table
from journeys.render.text import number

LABELLED = 5  # the highest priorities carry a number on the chart and a line in its list
ROW_PX = 64  # one severity level; journeys.css gives .jm-matrix__level the same height
AXIS_PX = 28  # the reach figures under the rows
LEVELS = sorted(SEVERITY_WEIGHT, key=SEVERITY_WEIGHT.__getitem__, reverse=True)  # critical at the top


def matrix_points(
    handbook: Handbook, pains: Sequence[MergedPainPoint] | None = None
) -> list[tuple[MergedPainPoint, float, int]]:
    """(merged pain point, x, y) with x its reach (journeys plus personas it touches) and y its
    severity weight: priority is their product, so the top right reads first. Points sharing a
    cell are spread across it in priority order, the same way every build."""
    cells: dict[tuple[int, int], list[MergedPainPoint]] = {}
    for pain in handbook.pain_points if pains is None else pains:
        reach = len(pain.journeys) + len(pain.personas)
        cells.setdefault((reach, SEVERITY_WEIGHT[pain.severity]), []).append(pain)
    points = []
    for (reach, weight), sharing in sorted(cells.items()):
        for k, pain in enumerate(sharing):
            offset = 0.0 if len(sharing) == 1 else -0.3 + 0.6 * k / (len(sharing) - 1)
            points.append((pain, reach + offset, weight))
    return points


def tick_step(largest: float) -> int:
    """1, 2, 5, 10, 20, 50...: the first that leaves at most eight figures along the axis."""
    step, factors = 1, (2, 2.5, 2)
    n = 0
    while largest / step > 8:
        step = round(step * factors[n % 3])
        n += 1
    return step


def radius(score: int) -> int:
    return 5 + min(score, 12)


def matrix_figure(
    handbook: Handbook, ctx: Context, here: str, pains: Sequence[MergedPainPoint] | None = None
) -> Markup:
    """The matrix of `pains` (default: every pain point; a large index charts its highest
    priorities) and, as its table, each of them with the same figures in priority order."""
    pains = handbook.pain_points if pains is None else pains
    if not pains:
        return Markup()
    labels = ctx.labels
    points = matrix_points(handbook, pains)
    numbered = {p.id: n for n, p in enumerate(pains[:LABELLED], 1)}
    largest = max(x for _, x, _ in points)
    low, span = 0.3, largest + 0.4  # the axis runs from 0.3 to the largest reach + 0.7

    def across(x: float) -> Markup:
        return number(f"{(x - low) / span * 100:.2f}%")

    row = {SEVERITY_WEIGHT[level]: n for n, level in enumerate(LEVELS)}

    def down(weight: int) -> int:
        return row[weight] * ROW_PX + ROW_PX // 2

    bubbles = [
        {
            "x": across(x),
            "y": down(y),
            "r": radius(pain.score),
            "title": labels["matrix_point"].format(pain=pain.text, severity=pain.severity, score=pain.score),
            "number": numbered.get(pain.id),
        }
        # The numbered ones last, so they are drawn over their neighbours.
        for pain, x, y in sorted(points, key=lambda point: point[0].id in numbered)
    ]
    step = tick_step(largest)
    top = [
        {
            "number": n,
            "link": ctx.link(pain_point_href(ctx, here, pain.id), pain.text),
            "severity": severity(ctx, pain.severity),
            "score": number(pain.score),
        }
        for pain, n in ((p, numbered[p.id]) for p in pains[:LABELLED])
    ]
    rows = [
        [
            ctx.link(pain_point_href(ctx, here, p.id), p.text),
            p.severity,
            str(len(p.journeys)),
            str(len(p.personas)),
            str(p.score),
        ]
        for p in pains
    ]
    heads = [labels[k] for k in ("col_pain_point", "col_severity", "col_journeys", "col_personas", "col_priority")]
    return ctx.render(
        "priority_matrix.html",
        caption=labels["matrix_caption"],
        levels=LEVELS,
        row_px=ROW_PX,
        height=ROW_PX * len(LEVELS),
        axis_px=AXIS_PX,
        ticks=[(across(v), v) for v in range(step, int(largest) + 1, step)],
        bubbles=bubbles,
        top=top,
        table=ctx.macros.chart_tables(
            [table(ctx, "jm-chart-table", labels["matrix_table_caption"], heads, rows, numeric=(2, 3, 4))]
        ),
    )
