"""Service blueprint lanes (map format 1.2) in real builds: a custom field with a `lane` turns
every map grid into a blueprint, the customer's lanes, then the frontstage, backstage and
support groups with the three labelled lines between them, owners and supporting teams
backstage and tools in support; the ownership table stays. Without a lane the grid is as in
1.1 (tests/golden/output/journeys/buy.md); tests/golden/output/blueprint/journeys/buy.md pins
a blueprint's markup, tests/browser/test_canvas.py where its lines are drawn."""

from __future__ import annotations

import pytest

from helpers import MINIMAL_MAPS, build_site, write
from html_tree import Element, article

LANES = {
    "plugins": [
        "search",
        {
            "journeys": {
                "custom_fields": [
                    {"key": "backstage", "label": "Behind the scenes", "lane": "backstage"},
                    {"key": "systems", "label": "Systems", "lane": "support"},
                    {"key": "notes", "label": "Notes"},
                ]
            }
        },
    ]
}


def rows(root: Element) -> list[str]:
    """Each row of the map grid's body, by its header: a lane's label, or a line's words."""
    body = root.find("table", cls="jm-grid").find("tbody")
    return [tr.find("th", scope="row").text for tr in body.find_all("tr")]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("blueprint")
    maps = dict(MINIMAL_MAPS)
    maps["maps/journeys/sales/buy.md"] = maps["maps/journeys/sales/buy.md"].replace(
        "backstage: Price feed refresh\n",
        "backstage: Price feed refresh\n                systems: [Rating engine]\n                notes: A note\n",
    )
    write(root, maps)
    result = build_site(root, config=LANES)
    assert result.ok, result.warnings
    return result


def test_the_grid_is_a_blueprint_with_its_groups_in_order(built):
    root = article(built, "journeys/buy/")
    assert rows(root) == [
        "Goal and expectations",
        "Channel",
        "Action",
        "Thinking",
        "Emotion",
        "Pain points",
        "Line of interaction Frontstage",
        "Line of visibility Backstage",
        "Behind the scenes",
        "Owner",
        "Supporting teams",
        "Line of internal interaction Support",
        "Systems",
        "Tools",
        "Beyond the blueprint",
        "Opportunities",
        "Gaps",
        "Measures",
        "Notes",
    ]


def test_each_line_is_drawn_across_every_step_and_named(built):
    root = article(built, "journeys/buy/")
    grid = root.find("table", cls="jm-grid")
    for key, name, group in (
        ("interaction", "Line of interaction", "Frontstage"),
        ("visibility", "Line of visibility", "Backstage"),
        ("internal", "Line of internal interaction", "Support"),
    ):
        line = grid.find("tr", cls=f"jm-line--{key}")
        assert line.find("span", cls="jm-line__name").text == name
        assert line.find("span", cls="jm-line__group").text == group
        cells = [c for c in line.children if isinstance(c, Element) and c.tag == "td"]
        # A cell in each step's column, so a phone's card draws the line too.
        assert [c.attrs["style"] for c in cells] == ["--jm-step: 0", "--jm-step: 1"]
        assert f'--jm-label: "{name}"' in line.attrs["style"]


def test_owners_and_tools_are_lanes_and_the_ownership_table_stays(built):
    root = article(built, "journeys/buy/")
    body = root.find("table", cls="jm-grid").find("tbody")
    owner = body.find("tr", cls="jm-lane--owner")
    assert owner.links() == [("../../teams/sales/", "Sales team"), ("../../teams/sales/", "Sales team")]
    assert body.find("tr", cls="jm-lane--supporting").links() == [("../../teams/care/", "Customer care")]
    assert body.find("tr", cls="jm-lane--tools").find("td").text == "Price feed"
    ownership = root.find("table", cls="jm-ownership")
    assert ownership.column("Owner") == ["Sales team", "Sales team"]
    assert ownership.column("Tools") == ["Price feed", ""]


def test_an_empty_group_is_two_lines_together_and_nothing_beyond_is_no_last_line(built):
    """buy-future has an owner and nothing else below the customer's lanes: the frontstage
    group is empty on every map here, and the lines above and below it meet."""
    root = article(built, "journeys/buy-future/")
    assert rows(root) == [
        "Emotion",
        "Line of interaction Frontstage",
        "Line of visibility Backstage",
        "Owner",
        "Line of internal interaction Support",
    ]
