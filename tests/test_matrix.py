"""The prioritisation matrix on the pain-point index: severity against reach, the same
priority figures as pain-points.csv, every point linked to its row."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from html import unescape

from conftest import REPO
from journeys.core import load_handbook
from journeys.core.index import SEVERITY_WEIGHT
from journeys.render.charts import matrix_chart, matrix_figure, matrix_points
from journeys.render.exports import all_exports
from journeys.render.page import Context
from journeys.render.urls import Site

HERE = "pain-points/index.md"


def demo():
    return load_handbook(REPO / "maps", custom_fields=[("backstage", "Behind the scenes")], root=REPO)


def ctx():
    return Context(Site(), datetime.date(2026, 12, 1))


def test_every_pain_point_sits_at_its_reach_and_severity():
    handbook = demo()
    points = matrix_points(handbook)
    assert sorted(p.id for p, _, _ in points) == sorted(p.id for p in handbook.pain_points)
    for pain, x, y in points:
        reach = len(pain.journeys) + len(pain.personas)
        assert abs(x - reach) <= 0.3 + 1e-9 and y == SEVERITY_WEIGHT[pain.severity]
        assert pain.score == reach * y  # the priority is the product, so top right reads first
    assert len({(round(x, 6), y) for _, x, y in points}) == len(points)  # no two points on top of each other


def test_points_link_to_their_rows_and_the_top_ones_are_labelled():
    handbook = demo()
    spec = matrix_chart(handbook, ctx(), HERE)
    trace = spec["data"][0]
    assert trace["customdata"] == [f"./#{p.id}" for p, _, _ in matrix_points(handbook)]
    labelled = {point[0].id for point, label in zip(matrix_points(handbook), trace["text"]) if label}
    assert labelled == {p.id for p in handbook.pain_points[:5]}


def test_matrix_table_and_csv_give_the_same_priorities():
    handbook = demo()
    html = matrix_figure(handbook, ctx(), HERE)
    table = re.search(r'<table class="jm-chart-table">.*?</table>', html, re.S)[0]
    rows = re.findall(
        r'<tr><td data-label="Pain point"><a href="\./#([^"]+)">.*?</a></td> <td[^>]*>[^<]*</td> '
        r"<td[^>]*>(\d+)</td> <td[^>]*>(\d+)</td> <td[^>]*>(\d+)</td></tr>",
        table,
    )
    from_matrix = {id_: int(priority) for id_, _, _, priority in rows}
    exported = all_exports(handbook, Site())
    from_csv = {row["id"]: int(row["priority"]) for row in csv.DictReader(io.StringIO(exported["pain-points.csv"]))}
    assert from_matrix == from_csv
    assert len(from_matrix) == len(handbook.pain_points)
    # The chart's data attribute holds the same points, in JSON.
    spec = json.loads(unescape(re.search(r'data-chart="([^"]+)"', html)[1]))
    assert len(spec["data"][0]["x"]) == len(from_csv)
