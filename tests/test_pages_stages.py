"""Stage pages and the stage index on a real build."""

from __future__ import annotations

from cross_map_handbook import page, section
from html_tree import article, headed


def test_stage_index_follows_the_catalogue(built):
    index = article(built, "stages/")
    stages = [link for link in index.links() if link[0] in ("discover/", "buy/")]
    assert stages == [("discover/", "Discover"), ("buy/", "Buy")]
    assert "Looks around." in index.text


def test_stage_page_lists_every_journey_with_its_steps(built):
    html = article(built, "stages/discover/")
    assert html.find("p", cls="jm-description").text == "Looks around."
    table = html.find("table", cls="jm-stage-steps")
    first, second = table.rows()
    assert first[0].tag == "th" and first[0].attrs == {"scope": "rowgroup", "rowspan": "1"}
    assert first[0].links() == [("../../journeys/buy/", "Buying online")]
    assert first[0].find("p", cls="jm-goal").text == "Find cover."
    assert [(c.attrs["data-label"], c.text) for c in first[1:]] == [
        ("Touchpoint", "Comparison site"),
        ("Channel", "Web"),
        ("Emotion", "-1 negative"),
        ("Owner", "Sales team"),
    ]
    assert first[1].links() == [("../../journeys/buy/#step-discover-1", "Comparison site")]
    assert (
        second[1].links() == [("../../journeys/claim/#step-discover-1", "Claim hotline")] and second[2].text == "Phone"
    )
    assert "renew" not in str(table.links())  # it does not pass through discover


def test_future_state_steps_are_listed_apart(built):
    html = article(built, "stages/buy/")
    current, future = headed(html, "Current state")[0], headed(html, "Future state")[0]
    assert "../../journeys/buy-future/" not in str(current.links())
    assert future.rows()[0][0].links() == [("../../journeys/buy-future/", "Buying online, redesigned")]


def test_journey_and_stage_link_both_ways(built):
    assert ("../../stages/buy/", "Buy") in article(built, "journeys/renew/").links()
    assert ("../../journeys/renew/#step-buy-1", "Renewal letter") in article(built, "stages/buy/").links()


def test_stage_page_shows_pain_points_found_there_and_average_emotion(built):
    html = page(built, "stages/buy/")
    pains = section(html, "Pain points")
    assert "pain-points/#price-mismatch" in pains and "pain-points/#renew--buy-1-2" in pains
    assert "hold-music" not in pains
    # Current-state maps: +1 (buy), -2 (renew); the redesign buy-future (+2) only in its own sentence.
    html = article(built, "stages/buy/")
    today, designed = html.find("p", cls="jm-feeling"), html.find("p", cls="jm-feeling--future")
    assert today.find("span", cls="jm-emotion__score").text == "-0.5"
    assert "across 2 touchpoints in 2 current-state journeys" in today.text
    assert designed.find("span", cls="jm-emotion__score").text == "+2" and "Future-state designs" in designed.text


def test_stage_index_averages_current_state_maps_only(built):
    table = article(built, "stages/").find("table", cls="jm-index")
    averages = dict(zip([r[0].text for r in table.rows()], table.column("Average emotion")))
    assert averages == {"Discover": "-1 negative", "Buy": "-0.5 neutral"}
