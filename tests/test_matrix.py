"""The prioritisation matrix on the pain-point index, drawn at build time: severity against
reach, the same priority figures as pain-points.csv, every point linked to its row."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from html import unescape

from helpers import REPO, demo_custom_fields
from html_tree import parse
from journeys.core import load_handbook
from journeys.core.index import SEVERITY_WEIGHT
from journeys.render.context import Context
from journeys.render.data_files import all_exports
from journeys.render.priority_matrix import LABELLED, matrix_figure, matrix_points, tick_step
from journeys.render.urls import Site

HERE = "pain-points/index.md"


def demo():
    return load_handbook(REPO / "maps", custom_fields=demo_custom_fields(), root=REPO)


def ctx():
    return Context(Site(), datetime.date(2026, 12, 1))


def test_every_pain_point_sits_at_its_reach_and_severity():
    handbook = demo()
    points = matrix_points(handbook)
    # Every pain point with a priority; one that reaches no one today has no place on it.
    assert sorted(p.id for p, _, _ in points) == sorted(p.id for p in handbook.pain_points if p.score)
    assert len(points) < len(handbook.pain_points)
    for pain, x, y in points:
        reach = len(pain.reached_journeys) + len(pain.reached_personas)
        assert abs(x - reach) <= 0.3 + 1e-9 and y == SEVERITY_WEIGHT[pain.today.severity]
        assert pain.score == reach * y  # the priority is the product, so top right reads first
    assert len({(round(x, 6), y) for _, x, y in points}) == len(points)  # no two points on top of each other


def test_points_name_their_pain_points_and_the_top_ones_are_numbered_and_linked():
    handbook = demo()
    figure = parse(matrix_figure(handbook, ctx(), HERE))
    # The drawing is for pointers; the numbered list carries the same links for everyone else.
    svg = figure.find(aria_hidden="true", cls="jm-matrix__plot").find("svg", cls="jm-matrix__svg")
    bubbles = [(c.classes, c.attrs["cx"], c.find("title").text.split(" (")[0]) for c in svg.find_all("circle")]
    assert sorted(name for _, _, name in bubbles) == sorted(p.today.text for p in handbook.pain_points if p.score)
    assert all(0 < float(x.rstrip("%")) < 100 for _, x, _ in bubbles)
    top = [p.id for p in handbook.pain_points[:LABELLED]]
    by_text = {p.today.text: p.id for p in handbook.pain_points}
    assert {by_text[name] for classes, _, name in bubbles if "jm-matrix__bubble--top" in classes} == set(top)
    numbers = [t.text for t in svg.find_all("text", cls="jm-matrix__number")]
    assert sorted(numbers) == [str(n) for n in range(1, LABELLED + 1)]
    listed = figure.find("ol", cls="jm-matrix__top").find_all("li")
    assert [(li.attrs["value"], li.find("a").attrs["href"]) for li in listed] == [
        (str(n), "./#" + id_) for n, id_ in enumerate(top, 1)
    ]


def test_reach_figures_stay_few_whatever_the_reach():
    assert [tick_step(n) for n in (3, 8, 9, 16, 17, 40, 41, 90, 200)] == [1, 1, 2, 2, 5, 5, 10, 20, 50]


def test_matrix_table_and_csv_give_the_same_priorities():
    handbook = demo()
    figure = parse(matrix_figure(handbook, ctx(), HERE))
    rows = figure.find("table", cls="jm-chart-table").rows()
    from_matrix = {row[0].find("a").attrs["href"].removeprefix("./#"): int(row[-1].text) for row in rows}
    assert [cell.attrs["data-label"] for cell in rows[0]] == [
        "Pain point",
        "Severity",
        "Journeys",
        "Personas",
        "Priority",
    ]
    exported = all_exports(handbook, Site())
    from_csv = {
        row["id"]: int(row["priority"])
        for row in csv.DictReader(io.StringIO(exported["pain-points.csv"].decode("utf-8")))
    }
    # The chart leaves out what reaches no one today; the export lists it at priority 0.
    assert from_matrix == {id_: score for id_, score in from_csv.items() if score}
    assert 0 < len(from_matrix) < len(handbook.pain_points) == len(from_csv)
    # The drawing has a point for each of them.
    assert len(figure.find_all("circle")) == len(from_matrix)
