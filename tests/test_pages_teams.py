"""Team pages and the team index on a real build."""

from __future__ import annotations

from cross_map_handbook import page, section
from html_tree import article, headed


def test_team_index_lists_contact_and_counts(built):
    rows = {r[0].text: [c.text for c in r[1:]] for r in article(built, "teams/").find("table", cls="jm-index").rows()}
    # care: owns renew and claim; owns One-page checkout, Renewal letter, Claim hotline; supports Comparison site.
    assert rows["Customer care"] == ["", "2", "3", "1"]
    assert rows["Sales team"][0] == "#sales"


def test_team_page_shows_contact_and_journeys_it_owns(built):
    root = article(built, "teams/sales/")
    assert {term: dd.text for term, dd in root.find("dl", cls="jm-meta").terms().items()} == {"Contact": "#sales"}
    [owned] = headed(root, "Journeys it owns")
    assert owned.links() == [("../../journeys/buy/", "Buying online")]


def test_touchpoints_owned_and_supported_with_journey_and_stage(built):
    table = article(built, "teams/care/").find("table", cls="jm-team-touchpoints")
    first = table.rows()[0]
    assert [link for cell in first[:3] for link in cell.links()] == [
        ("../../journeys/buy/#step-discover-1", "Comparison site"),
        ("../../journeys/buy/", "Buying online"),
        ("../../stages/discover/", "Discover"),
    ]
    assert first[3].text == "supports" and "jm-role--supporting" in first[3].classes
    assert ("../../journeys/buy-future/#step-buy-1", "One-page checkout") in table.links()
    assert table.column("Role").count("owns") == 3


def test_team_and_touchpoint_link_both_ways(built):
    owners = article(built, "journeys/renew/").find_all("td", data_label="Owner")
    assert [owner.links() for owner in owners] == [[("../../teams/care/", "Customer care")]]
    assert ("../../journeys/renew/#step-buy-1", "Renewal letter") in article(built, "teams/care/").links()


def test_pain_points_and_kpis_at_the_teams_touchpoints(built):
    html = page(built, "teams/sales/")
    pains = section(html, "Pain points")
    # sales owns Comparison site and supports Renewal letter; the hotline is care's alone.
    assert "pain-points/#price-mismatch" in pains and "pain-points/#renew--buy-1-2" in pains
    assert "hold-music" not in pains
    kpis = article(built, "teams/sales/").find("table", cls="jm-kpis")
    assert [[c.text for c in r[:4]] for r in kpis.rows()] == [
        ["Comparison site", "Click-through rate", "", ""],
        ["Renewal letter", "Renewal rate", "70%", "80%"],
    ]
    assert "jm-num" in kpis.rows()[1][2].classes  # figures align right
