"""Real MkDocs builds of small handbooks: journey pages, links, edit links, invalid maps, nav."""

from __future__ import annotations

import re
from html import unescape

from helpers import build_site, write
from html_tree import article, headed, parse


def test_journey_page_shows_header_grid_ownership_and_narrative(handbook_dir):
    """What each part of the page holds; tests/golden/output/journeys/buy.md pins its exact markup."""
    built = build_site(handbook_dir)
    assert built.ok, built.warnings
    page = unescape(built.html("journeys/buy/"))
    root = article(built, "journeys/buy/")
    assert root.find("h1").text.startswith("Buying online")
    terms = root.find("dl", cls="jm-meta").terms()
    assert terms["Personas"].links() == [("../../personas/maya/", "Maya, first-time buyer")]
    assert terms["Owner"].links() == [("../../teams/sales/", "Sales team")]
    assert terms["State"].text == "Current state — redesigned by Buying online, redesigned"
    assert terms["State"].links() == [("../buy-future/", "Buying online, redesigned")]
    assert "due for review" in page  # reviewed 2020-01-01, older than 180 days
    # The grid: stages as column groups, touchpoints as column headers, lanes as rows.
    stage = root.find("th", id="stage-discover")
    assert (stage.attrs["scope"], stage.links()) == ("colgroup", [("../../stages/discover/", "Discover")])
    step = root.find("th", id="step-discover-1")
    assert (step.attrs["scope"], step.text) == ("col", "Comparison site")
    lanes = [th.text for th in root.find_all("th", scope="row")]
    for lane in (
        "Channel",
        "Action",
        "Thinking",
        "Emotion",
        "Pain points",
        "Opportunities",
        "Gaps",
        "Measures",
        "Behind the scenes",
    ):
        assert lane in lanes
    assert "Price feed refresh" in page
    # The emotion lane: a drawn curve piece and the chip in every step's cell; no plotly chart.
    assert len(root.find_all("svg", cls="jm-curve")) == 2 and not root.find_all(cls="jm-chart")
    cell = next(td for td in root.find_all("td") if td.find_all("svg", cls="jm-curve"))
    assert cell.find("span", cls="jm-emotion").attrs["data-emotion"] == "-1"
    # Cards: the pain point with its severity and priority, linked to its index row; the
    # opportunity with its impact and the priority of what it addresses; the gap as a question.
    pain = root.find("li", cls="jm-card--pain")
    assert pain.attrs["data-severity"] == "high"
    assert ("../../pain-points/#price-mismatch", "Price changes after click-through.") in pain.links()
    assert [s.text for s in root.find_all("span", cls="jm-score")] == [
        "priority 6"
    ] * 2  # high (3) x (1 journey + 1 persona)
    assert root.find("span", cls="jm-impact", data_impact="high").text == "impact: high"
    gap = root.find("li", cls="jm-card--gap")
    assert (gap.find(cls="jm-question").text, gap.find("p", cls="jm-card__text").text) == (
        "Open question",
        "Drop-off unknown",
    )
    # Ownership table links the owner and the supporting team.
    assert root.find("td", data_label="Supporting").links() == [("../../teams/care/", "Customer care")]
    # Evidence: only http(s) becomes a link.
    assert root.find("a", href="https://tickets.example.com/123").attrs["rel"] == "nofollow noopener"
    assert 'href="javascript' not in page
    assert "We interviewed six buyers." in page


def test_future_journey_links_its_baseline(handbook_dir):
    root = article(build_site(handbook_dir), "journeys/buy-future/")
    state = root.find("dl", cls="jm-meta").terms()["State"]
    assert (state.text, state.links()) == ("Future state — redesigns Buying online", [("../buy/", "Buying online")])
    # The plotly chart stays where it adds what the lane cannot: today's curve laid over it.
    assert len(root.find_all(cls="jm-chart")) == 1 and root.find("h2", id="compared-with-today")


def test_journey_page_shows_tags_step_measures_and_a_body_with_its_own_heading(handbook_dir):
    write(
        handbook_dir,
        {
            "maps/journeys/renew.md": """
        ---
        title: Renewing
        personas: [maya]
        tags: [renewal, web]
        stages:
          - stage: buy
            steps:
              - touchpoint: Renewal e-mail
                emotion: 0
                kpis:
                  - name: Open rate
                    current: "41"
                    target: "55"
                    unit: "%"
                  - Renewal rate
        ---
        ## What we heard

        Customers read the e-mail on their phones.
    """
        },
    )
    built = build_site(handbook_dir)
    assert built.ok, built.warnings
    page = built.html("journeys/renew/")
    root = article(built, "journeys/renew/")
    meta = root.find("dl", cls="jm-meta")
    terms = dict(zip((dt.text for dt in meta.find_all("dt")), meta.find_all("dd")))
    assert [li.text for li in terms["Tags"].find("ul", cls="jm-tags").find_all("li")] == ["renewal", "web"]
    kpis = [[(s.classes, s.text) for s in p.find_all("span")] for p in root.find_all("p", cls="jm-kpi")]
    assert kpis == [
        [(["jm-kpi__name"], "Open rate"), (["jm-kpi__value"], "now 41 %"), (["jm-kpi__value"], "target 55 %")],
        [(["jm-kpi__name"], "Renewal rate")],
    ]
    assert root.find("h2", id="what-we-heard") and ">Narrative<" not in page
    # Sidebars hidden: the map takes the width of the screen.
    assert 'data-md-component="sidebar" data-md-type="navigation" hidden' in page
    assert ">Narrative<" in built.html("journeys/buy/")  # a body without a heading gets one


def test_edit_link_opens_the_map_source(handbook_dir):
    built = build_site(handbook_dir)
    assert 'href="https://example.com/org/handbook/edit/main/maps/journeys/sales/buy.md"' in built.html("journeys/buy/")
    assert 'href="https://example.com/org/handbook/edit/main/docs/index.md"' in built.html("")


def test_detail_pages_stay_out_of_the_navigation(handbook_dir):
    page = build_site(handbook_dir).html("")
    nav = page[
        page.find('<nav class="md-nav md-nav--primary"') : page.find(
            "</nav>", page.find('<nav class="md-nav md-nav--primary"')
        )
    ]
    assert "journeys/" in nav
    assert "journeys/buy/" not in nav and "journeys/buy-future/" not in nav


def test_hand_written_pages_link_to_generated_pages_and_mkdocs_checks_them(handbook_dir):
    good = build_site(
        handbook_dir, docs={"index.md": "# Home\n\nSee [buying](journeys/buy.md) and [all](journeys/index.md).\n"}
    )
    assert good.ok, good.warnings
    assert ("journeys/buy/", "buying") in article(good, "").links()
    bad = build_site(handbook_dir, docs={"index.md": "# Home\n\nSee [nothing](journeys/nope.md).\n"})
    assert not bad.ok
    assert any("journeys/nope.md" in w for w in bad.warnings)


def test_invalid_map_fails_strict_and_shows_its_errors_otherwise(handbook_dir):
    write(
        handbook_dir,
        {
            "maps/journeys/broken.md": "---\ntitle: Broken\npersonas: [maya]\nstages:\n  - stage: buy\n    steps:\n      - touchpoint: X\n        emotion: 7\n---\n"
        },
    )
    message = "maps/journeys/broken.md:8:18: stages[0].steps[0].emotion: 7 is not between -2 and 2"
    strict = build_site(handbook_dir)
    assert not strict.ok
    assert message in strict.warnings
    lenient = build_site(handbook_dir, strict=False)
    assert lenient.ok
    page = unescape(lenient.html("journeys/broken/"))
    assert "This map has errors" in page
    assert "7 is not between -2 and 2" in page
    assert 'id="step-' not in page  # the content is not published while it is wrong
    assert "has errors" in lenient.html("journeys/")
    assert "Buying online" in lenient.html("journeys/buy/")  # valid maps beside it still publish


def test_prefix_moves_every_generated_page(handbook_dir):
    built = build_site(
        handbook_dir,
        config={
            "plugins": [
                "search",
                {"journeys": {"prefix": "cx", "custom_fields": [{"key": "backstage", "label": "Backstage"}]}},
            ]
        },
    )
    assert built.ok, built.warnings
    links = article(built, "cx/journeys/buy/").links()
    assert ("../../personas/maya/", "Maya, first-time buyer") in links
    assert (built.site / "cx/journeys/index.html").is_file()


def test_disabled_plugin_builds_the_docs_alone(handbook_dir):
    built = build_site(handbook_dir, config={"plugins": ["search", {"journeys": {"enabled": False}}]})
    assert built.ok, built.warnings
    assert not (built.site / "journeys").exists()


def test_journeys_index_groups_by_persona_and_folder(handbook_dir):
    root = parse(build_site(handbook_dir).html("journeys/"))
    assert {"By persona", "By folder"} <= {h2.text for h2 in root.find_all("h2")}
    assert root.find("h3", id="folder-sales").text == "sales"
    assert root.find("h3", id="folder-top").text == "(top level)"
    table = next(e for e in headed(root, "sales") if e.find_all("table") or e.tag == "table")
    row = next(r for r in table.rows() if r[0].text == "Buying online")
    assert (row[0].attrs["data-label"], row[0].links()) == ("Journey", [("buy/", "Buying online")])
    assert (row[1].attrs["data-label"], row[1].text) == ("State", "Current state")


def test_journeys_index_heading_ids_are_unique_slugs_of_folder_names(handbook_dir):
    buy = (handbook_dir / "maps/journeys/sales/buy.md").read_text(encoding="utf-8")
    hostile = "<img src=x onerror=alert(1)>"
    for folder, name in ((hostile, "hostile"), ("Sales", "sales-2"), ("persona-maya", "p")):
        write(
            handbook_dir, {f"maps/journeys/{folder}/{name}.md": buy.replace("title: Buying online", f"title: {name}")}
        )
    from html_tree import article

    index = article(build_site(handbook_dir, strict=False), "journeys/")
    ids = [h.attrs["id"] for h in index.find_all("h3")]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9-]+", i) for i in ids), ids
    by_name = {h.text: h.attrs["id"] for h in index.find_all("h3")}
    assert by_name[hostile] == "folder-img-src-x-onerror-alert-1"
    assert {by_name["sales"], by_name["Sales"]} == {"folder-sales", "folder-sales-2"}
