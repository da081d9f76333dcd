"""The charts drawn at build time: the journeys index's heat map (a table), a stage's spread of
emotions and their markup; the prioritisation matrix has tests/test_matrix.py."""

from __future__ import annotations

import datetime
import re
from html import unescape

from helpers import write
from html_tree import parse
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
    [figure] = [e for e in parse(out).children if not isinstance(e, str)]
    assert (figure.tag, figure.classes, figure.attrs["data-search-exclude"]) == (
        "figure",
        ["jm-figure", "jm-heat"],
        "true",
    )
    assert figure.find("caption", cls="jm-sr-only")  # the table's own caption, for screen readers
    links = [href for href, _ in figure.links()]
    assert "../personas/maya/" in links and "../stages/discover/" in links
    cells = figure.find_all("td", cls="jm-heat__cell")
    assert [(c.attrs["data-heat"], c.attrs["title"]) for c in cells] == [
        ("-2", "Maya, first-time buyer · Discover: -1 negative"),
        ("2", "Maya, first-time buyer · Buy: +1 positive"),
    ]
    # The number and the word, so colour is never alone.
    score, word = cells[0].find(cls="jm-heat__score"), cells[0].find(cls="jm-heat__word")
    assert (score.text, word.text, cells[0].text) == ("-1", "negative", "-1 negative")
    assert not figure.find_all("script") and "data-chart" not in out


def test_heatmap_leaves_out_personas_without_a_current_state_journey(handbook_dir):
    handbook = _handbook(handbook_dir)
    assert heatmap_figure(handbook, _ctx(), "journeys/index.md", [handbook.persona_by_id["omar"]]) == ""


def test_stage_spread_puts_each_journey_on_a_row_with_its_average(handbook_dir):
    handbook = _handbook(handbook_dir)
    places = places_by_stage(handbook.valid_journeys)["buy"]
    current = [p for p in places if p.journey.state == "current"]
    out = stage_figure(handbook, handbook.stage_by_id["buy"], current, _ctx(), "stages/buy.md")
    figure = parse(out)
    rows = figure.find_all("li", cls="jm-spread__row")
    assert len(rows) == len({p.journey.id for p in current})
    assert ("../../journeys/buy/", "Buying online") in rows[0].links()
    assert rows[0].find("span", cls="jm-emotion", data_emotion="1")  # its average, as a chip
    # One dot a step, at its emotion across the track, and the average as a diamond.
    assert [c.attrs["cx"] for c in rows[0].find_all("circle", cls="jm-spread__step")] == [x_percent(1)]
    assert rows[0].find("svg", cls="jm-spread__mean").attrs["x"] == "70%"
    assert len([t for t in figure.find_all("tspan") if "x" in t.attrs]) == 5 + 7  # five scores, their words a line each


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
        assert not parse(out).find_all("img") and HOSTILE in parse(out).text
