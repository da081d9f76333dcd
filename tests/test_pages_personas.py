"""Persona pages and the persona index on a real build."""

from __future__ import annotations

import pytest

from cross_map_handbook import CROSS_DOCS, CROSS_MAPS, page, section
from helpers import BASE_CONFIG, build_site, write
from html_tree import article, headed
from journeys.render.context import Context
from journeys.render.persona_page import image_src
from journeys.render.urls import Site


def test_persona_page_shows_every_field(built):
    html = page(built, "personas/maya/")
    root = article(built, "personas/maya/")
    assert root.find("h1", id="maya-first-time-buyer").text.startswith("Maya, first-time buyer")
    for value in (
        "Buys her first policy.",
        "Renters under 30",
        "Cheap cover",
        "Jargon",
        "A clear price",
        "Just tell me what it costs.",
    ):
        assert value in html
    for heading in ("Goals", "Frustrations", "Needs"):
        assert section(html, heading)
    assert [img.attrs for img in root.find_all("img")] == [
        {"class": "jm-persona__image", "src": "../../img/maya.png", "alt": "Maya, first-time buyer"}
    ]


def test_image_with_another_scheme_is_an_error_not_an_img(tmp_path):
    write(tmp_path, {**CROSS_MAPS, "maps/personas/omar.md": "---\nname: Omar\nimage: 'javascript:alert(1)'\n---\n"})
    built = build_site(tmp_path, strict=False, docs=CROSS_DOCS)
    assert "This map has errors" in page(built, "personas/omar/")
    assert not article(built, "personas/omar/").find_all("img")


@pytest.mark.parametrize(
    "image, expected",
    [
        ("https://cdn.example.com/maya.png", "https://cdn.example.com/maya.png"),
        ("img/maya.png", "../../img/maya.png"),
        ("/img/maya.png", "../../img/maya.png"),
    ],
)
def test_image_src_keeps_https_and_resolves_docs_paths(image, expected):
    ctx = Context(Site(), None)
    assert image_src(image, ctx, "personas/maya.md") == expected


def test_journeys_current_and_future_apart_and_linked(built):
    root = article(built, "personas/maya/")
    [current], [future] = headed(root, "Current state"), headed(root, "Future state")
    assert current.column("Journey") == ["Buying online", "Claiming"]
    assert [row[0].links() for row in current.rows()] == [
        [("../../journeys/buy/", "Buying online")],
        [("../../journeys/claim/", "Claiming")],
    ]
    [redesign] = future.rows()
    assert redesign[0].text == "Buying online, redesigned — redesigns Buying online"
    assert redesign[0].links() == [
        ("../../journeys/buy-future/", "Buying online, redesigned"),
        ("../../journeys/buy/", "Buying online"),
    ]
    # ...and each journey links back to the persona.
    assert ("../../personas/maya/", "Maya, first-time buyer") in article(built, "journeys/claim/").links()


def test_average_emotion_per_stage_from_current_state_maps_in_catalogue_order(built):
    today, designed = article(built, "personas/maya/").find_all("table", cls="jm-emotions")
    # discover: buy -1, claim -1; buy: buy +1. The redesign buy-future (+2 at buy) is kept apart.
    assert [(row[0].text, row[1].find("span", cls="jm-emotion__score").text) for row in today.rows()] == [
        ("Discover", "-1"),
        ("Buy", "+1"),
    ]
    assert "current-state" in today.find("caption").text
    assert "jm-emotions--future" in designed.classes and "Future-state designs" in designed.find("caption").text
    assert [(row[0].text, row[1].find("span", cls="jm-emotion__score").text) for row in designed.rows()] == [
        ("Buy", "+2")
    ]


def test_persona_page_and_heatmap_give_the_same_averages(built):
    """One function computes how a persona feels at a stage for every page."""
    heat = article(built, "journeys/").find("table", cls="jm-heat__table")
    stages = [th.text for th in heat.find("thead").find_all("th")][1:]
    assert len(heat.rows()) == 2  # Maya and Omar
    for row in heat.rows():
        persona_link = row[0].find("a").attrs["href"]  # ../personas/<id>/
        table = article(built, "journeys/" + persona_link).find("table", cls="jm-emotions")
        on_page = {r[0].text: r[1].find("span", cls="jm-emotion__score").text for r in table.rows()}
        in_heatmap = {
            stage: cell.find("span", cls="jm-heat__score").text
            for stage, cell in zip(stages, row[1:])
            if cell.find_all("span", cls="jm-heat__score")
        }
        assert on_page == in_heatmap, persona_link


def test_persona_tags_show_on_the_page(built):
    meta = article(built, "personas/maya/").find("dl", cls="jm-meta")
    terms = [e.text for e in meta.children if getattr(e, "tag", None) in ("dt", "dd")]
    assert terms[terms.index("Tags") + 1] == "buyers, online"


def test_pain_points_reaching_the_persona_highest_priority_first(built):
    html = page(built, "personas/omar/")
    pains = section(html, "Pain points")
    # price-mismatch (critical, 3 journeys, 2 personas: 20) before hold-music (high, 1 journey, 2 personas: 9).
    assert (
        pains.index("pain-points/#price-mismatch")
        < pains.index("pain-points/#hold-music")
        < pains.index("pain-points/#renew--buy-1-2")
    )
    assert "Comparison site" not in pains


def test_narrative_comes_last_and_edit_link_opens_the_persona_file(built):
    raw = built.html("personas/maya/")
    html = page(built, "personas/maya/")
    assert html.index("Pain points") < html.index("Maya's research notes.")
    assert 'href="https://example.com/org/handbook/edit/main/maps/personas/maya.md"' in raw


def test_persona_index_lists_every_persona_with_counts(built):
    table = article(built, "personas/").find("table", cls="jm-index")
    assert [r[0].links() for r in table.rows()] == [
        [("maya/", "Maya, first-time buyer")],
        [("omar/", "Omar, landlord")],
    ]
    assert [(c.text, c.classes) for c in table.rows()[1][1:]] == [
        ("", []),
        ("", []),
        ("2", ["jm-num"]),
        ("0", ["jm-num"]),
    ]


def test_tags_reach_materials_tags_plugin(tmp_path):
    write(tmp_path, CROSS_MAPS)
    config = {"plugins": ["search", "tags", BASE_CONFIG["plugins"][1]]}
    built = build_site(tmp_path, config=config, docs=CROSS_DOCS)
    assert built.ok, built.warnings
    for url, tags in (("personas/maya/", ("buyers", "online")), ("journeys/claim/", ("claims",))):
        html = built.html(url)
        assert 'class="md-tag' in html
        for tag in tags:
            assert f">{tag}<" in html
