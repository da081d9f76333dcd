"""The emotion lane's geometry, as a pure function: each step's piece of the curve meets its
neighbour's at their shared border, so the pieces join into one line."""

from __future__ import annotations

import datetime
import itertools
import re

from html_tree import parse
from journeys.render.context import Context
from journeys.render.emotion_lane import AXIS, Piece, height, lane, piece_svg, pieces
from journeys.render.urls import Site

CTX = Context(Site(), datetime.date(2026, 1, 1))


def test_height_runs_from_top_for_joy_to_bottom_for_distress():
    assert height(0) == 50
    assert height(AXIS) == 0 and height(-AXIS) == 100
    assert height(2) == 10 and height(-2) == 90 and height(1) == 30
    assert height(9) == 0 and height(-9) == 100  # never drawn outside the cell


def test_pieces_meet_halfway_at_every_border_and_stop_at_the_ends():
    scores = [0, 1, -2, -2, 2]
    cut = pieces(scores)
    assert [p.centre for p in cut] == [height(s) for s in scores]
    assert cut[0].left is None and cut[-1].right is None
    for before, after in itertools.pairwise(cut):
        assert before.right == after.left == (before.centre + after.centre) / 2
    assert pieces([]) == []
    assert pieces([1]) == [Piece(None, 30, None)]


def test_a_piece_draws_its_point_at_the_centre_and_a_half_line_to_each_neighbour():
    middle = parse(piece_svg(CTX, Piece(40, 30, 60), 1)).find("svg")
    assert middle.attrs["aria-hidden"] == "true"
    assert [c.attrs for c in middle.find_all("circle")] == [{"data-emotion": "1", "cx": "50%", "cy": "30%", "r": "6"}]
    assert [line.attrs for line in middle.find_all("line")] == [
        {"x1": "0", "y1": "40%", "x2": "50%", "y2": "30%"},
        {"x1": "50%", "y1": "30%", "x2": "100%", "y2": "60%"},
    ]
    first = parse(piece_svg(CTX, Piece(None, 90, 70), -2)).find("svg")
    assert [line.attrs for line in first.find_all("line")] == [{"x1": "50%", "y1": "90%", "x2": "100%", "y2": "70%"}]
    assert first.find("circle").attrs["data-emotion"] == "-2"


def test_lane_has_one_svg_a_step_in_order():
    drawn = lane(CTX, [2, 0, -1])
    assert len(drawn) == 3
    heights = [float(re.search(r'cy="([\d.]+)%"', svg).group(1)) for svg in drawn]
    assert heights == [10, 50, 70]
