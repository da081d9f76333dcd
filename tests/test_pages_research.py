"""The pages of map format 1.2's insights and opportunities on real builds: the insights index
and an insight's page, how pain points are backed on the map's cards and in the pain-point
index, opportunity cards, the portfolio with its matrix and filters, a team's deliveries, the
exports, a public build of the same maps, and a version 1.1 handbook that publishes the pages
it always did."""

from __future__ import annotations

import csv
import io
import json
from html import unescape

import pytest

from helpers import build_site, write
from html_tree import article, headed, parse
from test_research_model import MAPS

FIXED = {k: v for k, v in MAPS.items() if k != "maps/insights/broken.md"}
# The broken insight is fixed here; the page of an insight with errors is tested on its own.
FIXED["maps/journeys/a.md"] = MAPS["maps/journeys/a.md"].replace("insights: [broken]", "insights: []")
PLUGIN = {"journeys": {}}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("research")
    write(root, FIXED)
    result = build_site(root, config={"plugins": ["search", PLUGIN]})
    assert result.ok, result.warnings
    return result


def rows_of(root, cls: str):
    return root.find("table", cls=cls).find("tbody").find_all("tr")


def test_the_insights_index_lists_every_insight_newest_first_with_its_kind(built):
    index = article(built, "insights/")
    rows = rows_of(index, "jm-insight-index")
    assert [(r.attrs["id"], r.attrs["data-kind"]) for r in rows] == [
        ("calls", "interview"),
        ("survey", "survey"),
        ("visits", "interview"),
    ]
    table = index.find("table", cls="jm-insight-index")
    assert table.column("Date") == ["2025-07-01", "2025-06-01", "2025-05-01"]
    assert table.column("Participants") == ["12", "400", ""]
    assert table.column("Backs") == [
        "1 pain point and 1 opportunity in 2 journeys",
        "1 pain point and 1 opportunity in 2 journeys",
        "1 pain point in 2 journeys",
    ]
    assert rows[0].find("a").attrs["href"] == "calls/"
    # The filter offers the kinds there are, in the format's order.
    assert json.loads(unescape(table.attrs["data-jm-filter"])) == {
        "kind": [["interview", "interview"], ["survey", "survey"]]
    }
    assert json.loads(unescape(table.attrs["data-jm-fields"])) == ["kind"]
    summary = index.find_all("p")[1]
    assert summary.text == (
        "1 of 3 pain points is backed by insights or evidence; 2 by nothing yet: they are marked in the "
        "pain-point index."
    )
    assert summary.links() == [("../pain-points/?backing=none", "pain-point index")]


def test_an_insights_page_shows_what_it_found_and_what_it_backs(built):
    page = article(built, "insights/calls/")
    assert page.find("dl", cls="jm-meta").terms()["Participants"].text == "12"
    [pains] = [t for t in page.find_all("table") if "jm-insight-pains" in t.classes]
    assert pains.links() == [("../../pain-points/#slow", "Slow.")]
    [opportunities] = [t for t in page.find_all("table") if "jm-insight-opportunities" in t.classes]
    assert opportunities.links() == [("../../opportunities/#faster", "Faster pages.")]
    assert opportunities.column("Score") == ["3.5"] and opportunities.column("Status") == ["planned"]
    assert page.find("p", cls="jm-insight-journeys").links() == [("../../journeys/a/", "A"), ("../../journeys/b/", "B")]
    survey = article(built, "insights/survey/")
    terms = {k: v for k, v in survey.find("dl", cls="jm-meta").terms().items()}
    assert terms["Source"].text == "Survey tool" and terms["Source"].links() == []  # text, not a link
    assert terms["Owner"].links() == [("../../teams/care/", "Care")]


def test_a_card_says_how_its_pain_point_is_backed_or_marks_it_backed_by_nothing(built):
    cards = article(built, "journeys/a/").find_all("li", cls="jm-card--pain")
    slow, unbacked = cards[0], cards[1]
    assert slow.find("p", cls="jm-backing").text == (
        "Backed by 3 insights: survey, 2 interviews; 412 participants; 1 piece of evidence"
    )
    # The occurrence's own evidence folds out; the insights are listed in the pain point's row.
    evidence = slow.find("details", cls="jm-card__evidence")
    assert evidence.find("summary").text == "Evidence (1)" and evidence.find("li").text == "Log 2025"
    assert unbacked.find("p", cls="jm-backing--none").text == "Backed by nothing yet"


def test_the_pain_point_index_shows_backing_and_filters_by_it(built):
    index = article(built, "pain-points/").find("table", cls="jm-pain-index")
    row = index.find("tr", id="slow")
    assert row.attrs["data-backing"] == "backed"
    cell = row.find("td", cls="jm-evidence-cell")
    assert [text for _, text in cell.links()] == ["Calls", "Survey", "Visits"]  # newest first
    assert [k.text for k in cell.find_all("span", cls="jm-kind")] == ["interview", "survey", "interview"]
    assert index.find("tr", id="a--buy-1-2").attrs["data-backing"] == "none"
    choices = json.loads(unescape(index.attrs["data-jm-filter"]))
    assert choices["backing"] == [["backed", "backed"], ["none", "backed by nothing"]]
    # An opportunity that addresses it links its row in the portfolio.
    assert ("../opportunities/#faster", "Faster pages.") in row.links()


def test_an_opportunity_card_shows_its_status_and_score_and_links_its_row(built):
    cards = article(built, "journeys/b/").find_all("li", cls="jm-card--opportunity")
    [card] = cards
    assert card.find("span", cls="jm-delivery").text == "planned"
    assert card.find("p", cls="jm-card__head").find("span", cls="jm-score").text == "score 3.5"
    # Its owner, tickets and research are in its row of the portfolio: the map keeps its weight.
    assert card.links() == [("../../opportunities/#faster", "Make the pages faster.")]


def test_the_portfolio_lists_every_opportunity_by_score(built):
    page = article(built, "opportunities/")
    table = page.find("table", cls="jm-portfolio")
    rows = table.find("tbody").find_all("tr")
    assert [(r.attrs["id"], r.attrs["data-status"], r.attrs["data-team"]) for r in rows] == [
        ("cheap", "idea", ""),
        ("faster", "planned", "sales"),
        ("a--buy-1-2", "idea", ""),
    ]
    assert table.column("Score") == ["4.0", "3.5", "unscored"]
    assert table.column("Value, effort") == [
        "value 2, business 2, effort 1",
        "value 4, business 3, effort 2",
        "",
    ]
    faster = table.find("tr", id="faster")
    assert faster.find("td", cls="jm-addresses").text == "Slow. priority 8"
    assert [text for _, text in faster.find("td", cls="jm-tickets").links()] == ["Jira CX-1", "Jira CX-2"]
    opportunity = faster.find("td", cls="jm-opportunity-text")
    assert opportunity.find("code").text == "faster"
    assert opportunity.find("q", cls="jm-wording").text == "Make the pages faster."  # map B's own words
    assert not table.find("tr", id="a--buy-1-2").find("td", cls="jm-opportunity-text").find_all("code")
    assert json.loads(unescape(table.attrs["data-jm-filter"])) == {
        "status": [["idea", "idea"], ["planned", "planned"]],
        "team": [["sales", "Sales"]],
    }
    counts = page.find("p", cls="jm-status-counts")
    assert counts.text == "By status: idea 2 planned 1"
    assert [c.text for c in counts.find_all("span", cls="jm-status-count")] == ["idea 2", "planned 1"]


def test_the_matrix_charts_the_scored_opportunities_with_a_table(built):
    figure = article(built, "opportunities/").find("figure", cls="jm-effort")
    dots = figure.find_all("circle", cls="jm-effort__dot--top")
    assert [d.find("title").text for d in dots] == [
        "Cheap fix. (idea, score 4.0)",
        "Faster pages. (planned, score 3.5)",
    ]
    assert [li.text for li in figure.find("ol", cls="jm-matrix__top").find_all("li")] == [
        "Cheap fix. idea Score 4.0",
        "Faster pages. planned Score 3.5",
    ]
    chart = figure.find("table", cls="jm-chart-table")
    assert chart.column("Score") == ["4.0", "3.5"] and chart.column("Effort") == ["1", "2"]
    # Effort across (1 at the first tenth), value plus business value down (10 at the top).
    cheap = next(d for d in dots if d.find("title").text.startswith("Cheap"))
    assert (cheap.attrs["cx"], cheap.attrs["cy"]) == ("10.00%", "195.0")


def test_a_team_page_lists_the_opportunities_it_delivers(built):
    [listed, *_] = headed(article(built, "teams/sales/"), "Opportunities it delivers")[1:]
    assert listed.links() == [
        ("../../opportunities/#faster", "Faster pages."),
        ("../../journeys/a/", "A"),
        ("../../journeys/b/", "B"),
    ]
    assert "score 3.5" in listed.text


def test_the_exports_hold_insights_and_opportunities(built):
    data = json.loads((built.site / "journeys.json").read_text(encoding="utf-8"))
    assert data["version"] == 2
    assert [i["id"] for i in data["insights"]] == ["calls", "survey", "visits"]
    calls = data["insights"][0]
    assert calls["kind"] == "interview" and calls["pain_points"] == ["slow"] and calls["journeys"] == ["a", "b"]
    faster = next(o for o in data["opportunities"] if o["id"] == "faster")
    assert faster["score"] == 3.5 and faster["status"] == "planned" and faster["url"] == "opportunities/#faster"
    assert faster["tickets"][0] == {"url": "https://jira.example.com/browse/CX-1", "tracker": "Jira", "key": "CX-1"}
    step = data["journeys"][0]["stages"][0]["steps"][0]
    assert step["opportunities"][0]["id"] == "faster" and step["opportunities"][0]["value"] == 4
    assert data["pain_points"][0]["insights"] == ["survey", "calls", "visits"]
    rows = list(csv.DictReader(io.StringIO((built.site / "opportunities.csv").read_text(encoding="utf-8"))))
    assert [(r["id"], r["score"], r["status"]) for r in rows] == [
        ("cheap", "4.0", "idea"),
        ("faster", "3.5", "planned"),
        ("a--buy-1-2", "", "idea"),
    ]
    assert rows[1]["tickets"] == "https://jira.example.com/browse/CX-1; https://jira.example.com/browse/CX-2"
    assert rows[1]["occurrences"] == "a / buy / Web; b / buy / Phone" and rows[1]["owner"] == "sales"
    filtered = json.loads((built.site / "opportunities.json").read_text(encoding="utf-8"))["rows"]
    assert filtered[1] == {
        "id": "faster",
        "text": "Faster pages.",
        "score": "3.5",
        "status": "planned",
        "team": ["sales"],
        "url": "opportunities/#faster",
    }
    insights = json.loads((built.site / "insights.json").read_text(encoding="utf-8"))["rows"]
    assert [(r["id"], r["kind"], r["url"]) for r in insights] == [
        ("calls", "interview", "insights/#calls"),
        ("survey", "survey", "insights/#survey"),
        ("visits", "interview", "insights/#visits"),
    ]


def test_a_public_build_shows_public_research_and_never_marks_a_pain_point_unbacked(tmp_path):
    write(tmp_path, FIXED)
    built = build_site(tmp_path, config={"plugins": ["search", {"journeys": {"audience": "public"}}]})
    assert built.ok, built.warnings
    assert sorted(p.name for p in (built.site / "insights").iterdir() if p.is_dir()) == ["survey"]
    journey = article(built, "journeys/b/")
    assert not journey.find_all("p", cls="jm-backing--none")
    card = journey.find("li", cls="jm-card--pain")
    assert card.find("p", cls="jm-backing").text == "Backed by 1 insight: survey; 400 participants"
    index = article(built, "pain-points/").find("table", cls="jm-pain-index")
    assert json.loads(unescape(index.attrs["data-jm-filter"]))["backing"] == []
    portfolio = article(built, "opportunities/").find("table", cls="jm-portfolio")
    assert [r.attrs["id"] for r in portfolio.find("tbody").find_all("tr")] == ["faster"]
    assert portfolio.column("Tickets") == [""] and portfolio.column("Owner") == [""]
    survey = article(built, "insights/survey/").find("dl", cls="jm-meta").terms()
    assert "Source" not in survey and "Owner" not in survey


def test_an_insight_with_errors_shows_them_on_its_page_and_backs_nothing(tmp_path):
    write(tmp_path, MAPS)
    built = build_site(tmp_path, strict=False)
    assert any("maps/insights/broken.md:3:7: kind: 'webinar' is not one of" in w for w in built.warnings)
    page = article(built, "insights/broken/")
    assert "jm-problems" in page.find("div", role="alert").classes
    row = article(built, "insights/").find("tr", id="broken")
    assert row.find("td", data_label="Date").text == "has errors"
    card = article(built, "journeys/a/").find_all("li", cls="jm-card--pain")[2]
    assert card.find("p", cls="jm-backing--none").text == "Backed by nothing yet"


def test_a_version_1_1_handbook_publishes_the_pages_it_always_did(handbook_dir):
    built = build_site(handbook_dir)
    assert built.ok, built.warnings
    assert not (built.site / "insights").exists() and not (built.site / "opportunities").exists()
    assert not (built.site / "opportunities.csv").exists() and not (built.site / "insights.json").exists()
    card = parse(built.html("journeys/buy/")).find("li", cls="jm-card--opportunity")
    assert not card.find_all("span", cls="jm-delivery") and card.find("p", cls="jm-card__text").links() == []
