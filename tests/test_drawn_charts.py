"""The charts drawn at build time: the journeys index's heat map (a table), a stage's spread of
emotions and their markup; the prioritisation matrix has tests/test_matrix.py."""

from __future__ import annotations

import datetime
import re
from html import unescape

from helpers import write
from journeys.core import load_handbook
from journeys.core.index import places_by_stage
from journeys.render.context import Context
from journeys.render.heat_table import heat, heatmap_cells, heatmap_figure
from journeys.render.labels import LABELS
from journeys.render.stage_spread import stage_figure, track, x_percent
from journeys.render.urls import Site

HOSTILE = "<img src=x onerror=alert(1)>&amp;"


def _handbook(root):
    return load_handbook(str(root / "maps"), custom_fields=[("backstage", "Behind the scenes")], root=str(root))


def _ctx():
    return Context(Site(), datetime.date(2026, 1, 1))


def test_heatmap_averages_current_state_journeys_per_persona_and_stage(handbook_dir):
    personas, stages, z = heatmap_cells(_handbook(handbook_dir))
    assert [p.id for p in personas] == ["maya"]  # omar has no journey
    assert stages == ["discover", "buy"]
    assert z == [[-1, 1]]  # the future state's +2 is not how it feels today


def test_heat_steps_are_half_points_within_the_scale():
    assert [heat(v) for v in (-2, -1.75, -1.5, -0.2, 0, 0.33, 1, 2.5)] == [-4, -4, -3, 0, 0, 1, 2, 4]


def test_heatmap_is_a_table_of_coloured_cells_with_links_and_words(handbook_dir):
    out = heatmap_figure(_handbook(handbook_dir), _ctx(), "journeys/index.md")
    assert out.startswith('<figure class="jm-figure jm-heat" data-search-exclude="true">')
    assert '<caption class="jm-sr-only">' in out  # the table's own caption, for screen readers
    assert '<a href="../personas/maya/">' in out and '<a href="../stages/discover/">' in out
    cells = re.findall(r'<td class="jm-heat__cell" data-heat="(-?\d)" title="([^"]+)">(.*?)</td>', unescape(out))
    assert [(h, t) for h, t, _ in cells] == [
        ("-2", "Maya, first-time buyer · Discover: -1 negative"),
        ("2", "Maya, first-time buyer · Buy: +1 positive"),
    ]
    # The number and the word, so colour is never alone.
    assert 'jm-heat__score">-1</span> <span class="jm-heat__word">negative' in cells[0][2]
    assert "<script" not in out and "data-chart" not in out


def test_heatmap_leaves_out_personas_without_a_current_state_journey(handbook_dir):
    handbook = _handbook(handbook_dir)
    assert heatmap_figure(handbook, _ctx(), "journeys/index.md", [handbook.persona_by_id["omar"]]) == ""


def test_stage_spread_puts_each_journey_on_a_row_with_its_average(handbook_dir):
    handbook = _handbook(handbook_dir)
    places = places_by_stage(handbook.valid_journeys)["buy"]
    current = [p for p in places if p.journey.state == "current"]
    out = stage_figure(handbook, handbook.stage_by_id["buy"], current, _ctx(), "stages/buy.md")
    rows = re.findall(r'<li class="jm-spread__row">(.*?)</li>', out)
    assert len(rows) == len({p.journey.id for p in current})
    assert '<a href="../../journeys/buy/">Buying online</a>' in rows[0]
    assert 'class="jm-emotion" data-emotion="1"' in rows[0]  # its average, as a chip
    # One dot a step, at its emotion across the track, and the average as a diamond.
    assert re.findall(r'<circle class="jm-spread__step" cx="([\d.]+%)"', rows[0]) == [x_percent(1)]
    assert '<svg class="jm-spread__mean" x="70%"' in rows[0]
    assert out.count('<tspan x="') == 5 + 7  # five scores, and their words a line each


def test_stage_spread_sets_equal_steps_apart_and_positions_by_percent():
    class Step:
        def __init__(self, touchpoint, emotion):
            self.touchpoint, self.emotion = touchpoint, emotion

    row = track(LABELS, [Step("A", 0), Step("B", 0), Step("C", 1)], "Buy")
    assert row["height"] == 46  # one row of dots more
    assert [(dot["x"], dot["y"]) for dot in row["dots"]] == [("50%", "18"), ("50%", "28"), ("70%", "23")]
    assert [x_percent(v) for v in (-3, -2.5, -2, 0, 2, 9)] == ["0%", "0%", "10%", "50%", "90%", "100%"]


def test_author_text_stays_text_in_the_drawn_charts(handbook_dir):
    write(
        handbook_dir,
        {
            "maps/personas/maya.md": f"---\nname: '{HOSTILE}'\n---\n",
            "maps/stages.yml": f"- {{id: discover, name: '{HOSTILE}'}}\n- {{id: buy}}\n",
        },
    )
    handbook = _handbook(handbook_dir)
    places = [p for p in places_by_stage(handbook.valid_journeys)["discover"] if p.journey.state == "current"]
    for out in (
        heatmap_figure(handbook, _ctx(), "journeys/index.md"),
        stage_figure(handbook, handbook.stage_by_id["discover"], places, _ctx(), "stages/discover.md"),
    ):
        assert "<img" not in out and "&lt;img src&#61;x onerror&#61;alert&#40;1&#41;&gt;&amp;amp;" in out
