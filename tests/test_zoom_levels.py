"""Journeys at every zoom level (map format 1.2) in real builds: the tree that opens the
journeys index, a child's breadcrumbs and the step it zooms into, a parent's children, its
"In detail" lane and the pain points of its whole subtree, `show: [children]` in an embed, and
`parent` and `details` in journeys.json. The validation messages are rows of
tests/broken_inputs.py; tests/golden/output/journeys/life.md pins a parent page's markup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import MINIMAL_MAPS, build_site, write
from html_tree import Element, article, headed, parse
from journeys.core import load_handbook
from journeys.core.hierarchy import ancestors, subtree

# Over the minimal handbook: a lifecycle whose second step zooms into `buy`, two journeys that
# sit inside it as a whole (listed by title after the detailed one), and a micro journey that
# zooms into buy's checkout: three levels.
ZOOMED = {
    "maps/journeys/life.md": """
        ---
        title: Life
        personas: [maya, omar]
        stages:
          - stage: discover
            steps:
              - touchpoint: Looks around
                emotion: 0
          - stage: buy
            steps:
              - touchpoint: Buys
                emotion: 1
                details: buy
        ---
    """,
    "maps/journeys/zoom/alpha.md": "---\ntitle: Alpha\npersonas: [omar]\nparent: life\nstages:\n"
    "  - stage: buy\n    steps:\n      - {touchpoint: A, emotion: 2}\n---\n",
    "maps/journeys/zoom/aardvark.md": "---\ntitle: Aardvark\npersonas: [omar]\nparent: life\nstages:\n"
    "  - stage: buy\n    steps:\n      - {touchpoint: B, emotion: -2}\n---\n",
    "maps/journeys/micro.md": """
        ---
        title: Micro
        personas: [maya]
        stages:
          - stage: buy
            steps:
              - touchpoint: Card form
                emotion: -2
                pain_points:
                  - text: The card form times out.
                    severity: critical
              - touchpoint: Receipt
                emotion: 1
        ---
    """,
    "docs/zoom.md": "# Zoom\n\n```journey-map\njourney: life\nshow: [children]\n```\n",
}


def zoomed_maps() -> dict[str, str]:
    maps = {**MINIMAL_MAPS, **{k: v for k, v in ZOOMED.items() if k.startswith("maps/")}}
    buy = maps["maps/journeys/sales/buy.md"]
    maps["maps/journeys/sales/buy.md"] = buy.replace(
        "touchpoint: Checkout\n                emotion: 1\n",
        "touchpoint: Checkout\n                emotion: 1\n                details: micro\n",
    )
    assert maps["maps/journeys/sales/buy.md"] != buy
    return maps


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("zoom")
    write(root, zoomed_maps())
    docs = {
        "index.md": "# Home\n\n[Journeys](journeys/index.md) and [the zoom](zoom.md).\n",
        "zoom.md": ZOOMED["docs/zoom.md"],
    }
    result = build_site(root, docs=docs)
    assert result.ok, result.warnings
    return result


def test_the_model_knows_each_journeys_place(tmp_path):
    write(tmp_path, zoomed_maps())
    handbook = load_handbook(tmp_path / "maps", root=tmp_path, custom_fields=[("backstage", "Behind the scenes")])
    assert handbook.problems == ()
    by_id = handbook.journey_by_id
    assert {j.id: j.parent for j in handbook.journeys if j.parent} == {
        "buy": "life",
        "alpha": "life",
        "aardvark": "life",
        "micro": "buy",
    }
    assert [j.id for j in handbook.children["life"]] == ["buy", "aardvark", "alpha"]
    assert [j.id for j in ancestors(by_id["micro"], by_id)] == ["life", "buy"]
    assert [j.id for j in subtree(by_id["life"], handbook.children)] == ["life", "buy", "micro", "aardvark", "alpha"]
    journey, block, step = handbook.detailing_step["micro"]
    assert (journey.id, block.stage, step.touchpoint) == ("buy", "buy", "Checkout")


def test_the_journeys_index_begins_with_the_tree(built):
    root = article(built, "journeys/")
    headings = [h.text.rstrip("¶ ") for h in root.find_all("h2")]
    assert headings[0] == "Journeys at every zoom level"
    tree = root.find("ul", cls="jm-tree")
    top = [li for li in tree.children if isinstance(li, Element)]
    # The top level by title: the future-state design has no parent, nor has Life.
    assert [li.find("a").text for li in top] == ["Buying online, redesigned", "Life"]
    assert top[0].find("span", cls="jm-tree__state").text == "Future state"
    life = top[1].find("details", cls="jm-tree__inside")
    assert "open" in life.attrs  # the top's children show without a click
    assert life.find("summary").text == "3 journeys inside: Life"
    children = [li for li in life.find("ul").children if isinstance(li, Element)]
    assert [li.links()[0] for li in children] == [
        ("buy/", "Buying online"),
        ("aardvark/", "Aardvark"),
        ("alpha/", "Alpha"),
    ]
    # Below the top's children, a list starts folded: readable without JavaScript all the same.
    buy = children[0].find("details", cls="jm-tree__inside")
    assert "open" not in buy.attrs
    assert buy.find("ul").links() == [("micro/", "Micro")]


def test_a_handbook_without_a_hierarchy_has_no_tree(handbook_dir):
    built = build_site(handbook_dir)
    assert built.ok, built.warnings
    assert not article(built, "journeys/").find_all(cls="jm-tree")


def test_a_child_shows_the_path_from_the_top_and_the_step_it_zooms_into(built):
    root = article(built, "journeys/micro/")
    crumbs = root.find("nav", cls="jm-breadcrumbs")
    assert crumbs.attrs["aria-label"] == "Where this journey sits among the others"
    assert crumbs.links() == [("../life/", "Life"), ("../buy/", "Buying online")]
    assert crumbs.find("li", aria_current="page").text == "Micro"
    zooms = root.find("dl", cls="jm-meta").terms()["Zooms into"]
    assert zooms.text == "Checkout in Buying online"
    assert zooms.links() == [("../buy/#step-buy-1", "Checkout"), ("../buy/", "Buying online")]
    # A journey inside another as a whole zooms into that journey.
    alpha = article(built, "journeys/alpha/").find("dl", cls="jm-meta").terms()["Zooms into"]
    assert alpha.links() == [("../life/", "Life")]
    # The top has no path to show.
    assert not article(built, "journeys/life/").find_all("nav", cls="jm-breadcrumbs")


def _lane(root: Element, label: str) -> list[Element]:
    row = next(
        tr
        for tr in root.find("table", cls="jm-grid").find_all("tr")
        if tr.find_all("th", scope="row") and tr.find("th", scope="row").text == label
    )
    return [td for td in row.children if isinstance(td, Element) and td.tag == "td"]


def test_a_step_with_details_links_its_journey_from_the_grid_with_its_emotion_beside(built):
    root = article(built, "journeys/life/")
    cells = _lane(root, "In detail")
    assert [bool(c.children) for c in cells] == [False, True]
    card = cells[1].find("div", cls="jm-zoom")
    assert card.find("p", cls="jm-zoom__title").links() == [("../buy/", "Buying online")]
    # Its emotion: buy's two steps, -1 and +1, average 0; its pain points with micro's.
    assert card.find("span", cls="jm-emotion").text == "0 neutral"
    assert len(card.find("svg", cls="jm-spark").find_all("circle")) == 2
    assert card.find("span", cls="jm-pain-counts").text == "2 pain points: critical 1 high 1"
    # The cell has a place on a phone's card: its step's column.
    assert cells[1].attrs["style"] == "--jm-step: 1"


def test_a_parent_lists_its_children_in_step_order_then_by_title(built):
    root = article(built, "journeys/life/")
    (intro, table) = headed(root, "Journeys inside this one")
    assert intro.text.startswith("Each of these journeys zooms into a step of this one")
    assert table.find("caption").text == "Journeys that zoom into Life"
    assert [c.text for c in table.find("thead").find_all("th")] == ["Journey", "Zooms into", "Emotion", "Pain points"]
    rows = table.rows()
    assert [r[0].text for r in rows] == ["Buying online", "Aardvark", "Alpha"]
    assert [r[1].text for r in rows] == ["Buys", "The whole journey", "The whole journey"]
    assert rows[0][1].links() == [("./#step-buy-1", "Buys")]
    assert [r[2].find("span", cls="jm-emotion").text for r in rows] == [
        "0 neutral",
        "-2 very negative",
        "+2 very positive",
    ]
    assert [r[3].text for r in rows] == ["2 pain points: critical 1 high 1", "0 pain points", "0 pain points"]


def test_a_parent_ranks_the_pain_points_of_its_whole_subtree(built):
    root = article(built, "journeys/life/")
    intro, pains = headed(root, "Pain points across these journeys")[:2]
    assert intro.text == "Every pain point of this journey and of the 4 journeys inside it, highest priority first."
    # Micro's critical, 4 × (1 journey + 1 persona), above buy's high, 3 × (1 + 1).
    assert [(li.find("span", cls="jm-severity").text, li.find("a").text) for li in pains.find_all("li")] == [
        ("critical", "The card form times out."),
        ("high", "Price changes after click-through."),
    ]
    assert pains.find_all("a")[0].attrs["href"] == "../../pain-points/#micro--buy-1-1"


def test_a_journey_without_children_lists_none(built):
    root = article(built, "journeys/micro/")
    assert not root.find_all("table", cls="jm-children")
    assert [h.text.rstrip("¶ ") for h in root.find_all("h2")][:2] == ["Map", "Ownership"]


def test_an_embed_shows_a_journeys_children(built):
    embed = article(built, "zoom/").find("section", cls="jm-embed")
    part = embed.find("div", cls="jm-embed__part--children")
    assert [r[0].text for r in part.find("table", cls="jm-children").rows()] == ["Buying online", "Aardvark", "Alpha"]
    assert part.find("table").rows()[0][1].links() == [("../journeys/life/#step-buy-1", "Buys")]


def test_journeys_json_carries_parent_and_details(built):
    data = json.loads((Path(built.site) / "journeys.json").read_text(encoding="utf-8"))
    assert data["version"] == 2
    journeys = {j["id"]: j for j in data["journeys"]}
    assert {k: j["parent"] for k, j in journeys.items()} == {
        "aardvark": "life",
        "alpha": "life",
        "buy": "life",
        "buy-future": None,
        "life": None,
        "micro": "buy",
    }
    steps = [s for block in journeys["life"]["stages"] for s in block["steps"]]
    assert [s["details"] for s in steps] == [None, "buy"]
    assert [s["details"] for b in journeys["buy"]["stages"] for s in b["steps"]] == [None, "micro"]


def _render(tmp_path, maps: dict[str, str]):
    """The handbook of `maps` and a context to render its pieces without MkDocs."""
    import datetime

    from journeys.render.context import Context
    from journeys.render.urls import Site

    write(tmp_path, maps)
    handbook = load_handbook(tmp_path / "maps", root=tmp_path, custom_fields=[("backstage", "Behind the scenes")])
    assert handbook.problems == ()
    return handbook, Context(Site(), datetime.date(2026, 1, 1))


def test_health_shows_as_a_column_once_a_journey_has_it(tmp_path, monkeypatch):
    """The seam for measures (map format 1.2, "Measures over time"): `zoom.health` gives a
    child's health; the children's table has a Health column only when one has any."""
    from journeys.render import zoom

    handbook, ctx = _render(tmp_path, zoomed_maps())
    life = handbook.journey_by_id["life"]
    table = parse(zoom.children_table(handbook, life, ctx, "journeys/life.md")).find("table")
    assert "Health" not in [th.text for th in table.find("thead").find_all("th")]
    monkeypatch.setattr(zoom, "health", lambda handbook, journey, ctx: "on target" if journey.id == "alpha" else None)
    table = parse(zoom.children_table(handbook, life, ctx, "journeys/life.md")).find("table")
    assert [th.text for th in table.find("thead").find_all("th")][-1] == "Health"
    assert table.column("Health") == ["", "", "on target"]


def test_a_tree_too_large_for_half_a_page_stops_at_a_level(tmp_path):
    """Levels are shown while the journeys in them fit the budget; a journey whose children are
    left out says how many it has, and its page lists them."""
    from journeys.render import zoom

    handbook, ctx = _render(tmp_path, zoomed_maps())
    assert zoom.tree_levels(handbook, 10**6) == (3, 6)  # life, buy-future; buy, aardvark, alpha; micro
    levels, shown = zoom.tree_levels(handbook, 5 * zoom.TREE_NODE_BYTES)
    assert (levels, shown) == (2, 5)
    nodes = zoom.tree(handbook, ctx, "journeys/index.md", levels)
    life = next(n for n in nodes if n.title == "Life")
    buy = life.children[0]
    assert (buy.title, buy.children, buy.inside) == ("Buying online", (), "1 journey inside")
    assert zoom.tree_levels(handbook, 1) == (1, 2)  # the top always


def test_many_children_continue_on_list_pages(tmp_path, monkeypatch):
    """A third of a page's budget of rows stays under the map; the others go on list pages
    beside the journey, each linking every part."""
    from journeys.render import zoom

    monkeypatch.setattr("journeys.render.pagination.BUDGET", 3 * zoom.CHILD_ROW_BYTES + 1)  # a row a part
    write(tmp_path, zoomed_maps())
    built = build_site(tmp_path)
    assert built.ok, built.warnings
    life = article(built, "journeys/life/")
    _, table, pager = headed(life, "Journeys inside this one")
    assert [r[0].text for r in table.rows()] == ["Buying online"]
    assert pager.links() == [("page-2/", "2–2"), ("page-3/", "3–3"), ("page-2/", "Next page →")]
    second = article(built, "journeys/life/page-2/")
    assert second.find("h1").text.startswith("Life: 2–2")
    assert [r[0].text for r in second.find("table", cls="jm-children").rows()] == ["Aardvark"]
    assert second.find("table", cls="jm-children").rows()[0][0].links() == [("../../aardvark/", "Aardvark")]
    assert ("../", "Life") in second.find("p").links()
