"""The cross-map pain-point index on a real build: merge, ranking, links both ways, filters."""

from __future__ import annotations

import json
import re
from html import unescape

from cross_map_handbook import page, section
from html_tree import article, headed, parse
from journeys.core.index import priority_score


def rows(html: str) -> dict[str, str]:
    """Row id -> the row's HTML, in table order."""
    return {m.group(1): m.group(0) for m in re.finditer(r'<tr id="([^"]+)"[^>]*>.*?</tr>', html, re.S)}


def index_row(built, pain_id: str):
    return article(built, "pain-points/").find("tr", id=pain_id)


def test_same_id_in_three_journeys_is_one_row_at_the_highest_severity(built):
    row = index_row(built, "price-mismatch")
    assert row.attrs["data-severity"] == "critical"
    assert row.attrs["data-status"] == "open"  # open while any occurrence is open
    text = row.find("td", cls="jm-pain-text")
    assert "The excess differs from what the quote said." in text.text  # the critical occurrence's text
    places = row.find("ul", cls="jm-places").find_all("li")
    assert len(places) == 3
    assert places[0].links()[:3] == [
        ("../journeys/buy/", "Buying online"),
        ("../stages/discover/", "Discover"),
        ("../journeys/buy/#step-discover-1", "Comparison site"),
    ]
    assert ("../journeys/renew/#step-buy-1", "Renewal letter") in places[2].links()
    assert ("../journeys/claim/#step-discover-1", "Claim hotline") in places[1].links()
    assert row.find("td", cls="jm-score").text == "20"  # critical 4 x (3 journeys + 2 personas)


def test_every_occurrence_keeps_its_own_wording(built):
    row = index_row(built, "price-mismatch")
    places = row.find("ul", cls="jm-places").find_all("li")
    # buy and renew word it differently from the critical claim occurrence that heads the row.
    assert [li.find_all("q")[0].text if li.find_all("q") else None for li in places] == [
        "Price changes after click-through.",
        None,
        "The renewal price differs from the quote.",
    ]
    source = row.find("p", cls="jm-wording-from")
    assert ("../journeys/claim/#step-discover-1", "Claim hotline") in source.links()
    # A pain point that one map names has one wording, and no note about it.
    assert not index_row(built, "hold-music").find_all("p", cls="jm-wording-from")


def test_rows_are_sorted_by_documented_priority(built):
    html = page(built, "pain-points/")
    found = rows(html)
    assert list(found) == ["price-mismatch", "hold-music", "renew--buy-1-2"]
    scores = [int(index_row(built, pain_id).find("td", cls="jm-score").text) for pain_id in found]
    assert scores == [priority_score("critical", 3, 2), priority_score("high", 1, 2), priority_score("medium", 1, 1)]
    assert "priority = severity weight × (journeys + personas)" in section(html, "Priority")
    assert "low 1, medium 2, high 3, critical 4" in section(html, "Priority")


def test_rows_carry_filter_values_and_the_table_its_choices(built):
    raw = built.html("pain-points/")
    row = index_row(built, "price-mismatch")
    filters = {name: row.attrs[f"data-{name}"] for name in ("stage", "team", "persona", "status")}
    assert filters == {"stage": "discover buy", "team": "care sales", "persona": "maya omar", "status": "open"}
    choices = json.loads(unescape(re.search(r'data-jm-filter="([^"]*)"', raw).group(1)))
    assert choices["stage"] == [["discover", "Discover"], ["buy", "Buy"]]
    assert choices["severity"] == [["critical", "critical"], ["high", "high"], ["medium", "medium"]]
    assert choices["status"] == [["open", "open"], ["resolved", "resolved"]]
    # The controls come from the shared script, not from inline code in the page.
    assert "../assets/journeys/journeys-filter.js" in [s.attrs.get("src") for s in parse(raw).find_all("script")]
    assert (built.site / "assets/journeys/journeys-filter.js").is_file()
    assert not parse(raw).find_all("select")


def test_personas_teams_evidence_and_opportunities(built):
    cells = {td.attrs["data-label"]: td for td in index_row(built, "price-mismatch").find_all("td")}
    assert cells["Personas"].text == "Maya, first-time buyer, Omar, landlord"
    assert cells["Personas"].links() == [
        ("../personas/maya/", "Maya, first-time buyer"),
        ("../personas/omar/", "Omar, landlord"),
    ]
    assert cells["Teams"].text == "Customer care, Sales team"
    assert cells["Teams"].links() == [("../teams/care/", "Customer care"), ("../teams/sales/", "Sales team")]
    # Evidence: an http(s) URL is a link, anything else text.
    evidence = cells["Evidence"].find_all("li")
    assert [(li.text, li.links()) for li in evidence[1:3]] == [
        ("https://tickets.example.com/123", [("https://tickets.example.com/123", "https://tickets.example.com/123")]),
        ("javascript:alert(1)", []),
    ]
    assert evidence[1].find("a").attrs["rel"] == "nofollow noopener"
    opportunities = [(li.text, li.links()) for li in cells["Opportunities"].find_all("li")]
    assert opportunities == [
        ("Guarantee the listed price. — at Comparison site", [("../journeys/buy/#step-discover-1", "Comparison site")])
    ]


def test_pain_point_and_occurrence_link_both_ways(built):
    assert ("../../pain-points/#hold-music", "Long waits on hold.") in article(built, "journeys/claim/").links()
    assert ("../journeys/claim/#step-discover-1", "Claim hotline") in index_row(built, "hold-music").links()
    # An opportunity on a journey page links to the pain point it addresses.
    addresses = article(built, "journeys/buy/").find("p", cls="jm-card__addresses")
    assert addresses.text.startswith("Addresses: ")
    assert addresses.links()[0][0] == "../../pain-points/#price-mismatch"


def test_index_links_the_exports(built):
    downloads = [link for element in headed(article(built, "pain-points/"), "Downloads") for link in element.links()]
    assert downloads == [("../pain-points.csv", "pain-points.csv"), ("../journeys.json", "journeys.json")]
