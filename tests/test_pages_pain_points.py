"""The cross-map pain-point index on a real build: merge, ranking, links both ways, filters."""

from __future__ import annotations

import json
import re
from html import unescape

from cross_map_handbook import page, section
from html_tree import article
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
    # The last is resolved where it occurs: it reaches no one today.
    assert scores == [priority_score("critical", 3, 2), priority_score("high", 1, 2), 0]
    assert "priority = severity weight × (journeys + personas)" in section(html, "Priority")
    assert "low 1, medium 2, high 3, critical 4" in section(html, "Priority")


def test_rows_carry_filter_values_and_the_table_its_choices(built):
    raw = built.html("pain-points/")
    row = rows(page(built, "pain-points/"))["price-mismatch"]
    assert ' data-stage="discover buy" data-team="care sales" data-persona="maya omar" data-status="open"' in row
    choices = json.loads(unescape(re.search(r'data-jm-filter="([^"]*)"', raw).group(1)))
    assert choices["stage"] == [["discover", "Discover"], ["buy", "Buy"]]
    assert choices["severity"] == [["critical", "critical"], ["high", "high"], ["medium", "medium"]]
    assert choices["status"] == [["open", "open"], ["resolved", "resolved"]]
    # The controls come from the shared script, not from inline code in the page.
    assert '<script src="../assets/journeys/journeys-filter.js"></script>' in raw
    assert (built.site / "assets/journeys/journeys-filter.js").is_file()
    assert "<select" not in raw


def test_personas_teams_evidence_and_opportunities(built):
    row = rows(page(built, "pain-points/"))["price-mismatch"]
    assert (
        '<a href="../personas/maya/">Maya, first-time buyer</a>, <a href="../personas/omar/">Omar, landlord</a>' in row
    )
    assert '<a href="../teams/care/">Customer care</a>, <a href="../teams/sales/">Sales team</a>' in row
    assert (
        '<li><a href="https://tickets.example.com/123" rel="nofollow noopener">https://tickets.example.com/123</a></li>'
        in row
    )
    assert "<li>javascript:alert(1)</li>" in row and 'href="javascript' not in row
    assert (
        '<li>Guarantee the listed price. — at <a href="../journeys/buy/#step-discover-1">Comparison site</a></li>'
        in row
    )


def test_pain_point_and_occurrence_link_both_ways(built):
    assert '<a href="../../pain-points/#hold-music">Long waits on hold.</a>' in page(built, "journeys/claim/")
    assert (
        '<a href="../journeys/claim/#step-discover-1">Claim hotline</a>'
        in rows(page(built, "pain-points/"))["hold-music"]
    )
    # An opportunity on a journey page links to the pain point it addresses.
    assert 'Addresses: <a href="../../pain-points/#price-mismatch">' in page(built, "journeys/buy/")


def test_index_links_the_exports(built):
    html = section(page(built, "pain-points/"), "Downloads")
    assert '<a href="../pain-points.csv">pain-points.csv</a>' in html
    assert '<a href="../journeys.json">journeys.json</a>' in html
