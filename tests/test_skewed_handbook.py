"""Pages stay bounded whatever the data's shape, on the benchmark's skewed handbook
(generate.py --skew: a few pain point, opportunity and team ids in most places, a fifth of the
journeys inside the first), built with a small page budget as in test_pagination.py.

A pain point in many places keeps its row in the pain-point index bounded: the row lists its
first places (pagination.ROW_LIMIT), says how many more there are and links the pain point's
own page, which lists every place over as many parts as its budget needs. A portfolio row, a
team's opportunities and the journeys index's tree are cut the same way."""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest

from html_tree import Element, parse
from journeys.render.pagination import ROW_LIMIT
from pagefind_bundle import records
from test_links import broken_links
from test_pagination import generate, paged_build  # the benchmark's generator, a build with a small budget

STEP_HREF = re.compile(r"journeys/(journey-\d+)/#step-(.+)$")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("skewed")
    generate(str(root), 120, skew=True)
    return paged_build(root)


def hottest(site: Path) -> dict:
    """The pain point in the most places, from the journeys.json export."""
    pains = json.loads((site / "journeys.json").read_text(encoding="utf-8"))["pain_points"]
    return max(pains, key=lambda p: (len(p["occurrences"]), p["id"]))


def row_of(site: Path, folder: str, row_id: str) -> tuple[str, Element]:
    """The site path of the index part under `folder` that holds the row `row_id`, and the row."""
    for page in sorted((site / folder).glob("**/index.html")):
        if "places" in page.relative_to(site).parts:
            continue
        found = parse(page.read_text(encoding="utf-8")).find_all("tr", id=row_id)
        if found:
            return page.relative_to(site).as_posix(), found[0]
    raise AssertionError(f"no row for {row_id}")


def test_the_generator_makes_a_pain_point_in_many_places(site):
    assert len(hottest(site)["occurrences"]) > 4 * ROW_LIMIT


def test_the_row_lists_its_first_places_and_links_the_page_of_them_all(site):
    pain = hottest(site)
    where, row = row_of(site, "pain-points", pain["id"])
    assert len(row.find("ul", cls="jm-places").find_all("li")) == ROW_LIMIT
    assert f"All {len(pain['occurrences'])} places" in row.text
    links = [href for href, _ in row.links() if "places/" in href]
    assert len(links) == 1
    target = posixpath.normpath(posixpath.join(posixpath.dirname(where), links[0])) + "/index.html"
    assert target == f"pain-points/places/{pain['id']}/index.html"
    # Its personas, evidence and opportunities are cut at the same number, with a count of the rest.
    assert len([href for href, _ in row.links() if "personas/persona-" in href]) <= ROW_LIMIT
    assert any(p.text.endswith("more") for p in row.find_all("p"))


def test_the_pain_points_page_lists_every_place_once_over_its_parts(site):
    pain = hottest(site)
    folder = site / "pain-points" / "places" / pain["id"]
    pages = [folder / "index.html", *sorted(folder.glob("page-*/index.html"), key=lambda p: int(p.parent.name[5:]))]
    assert len(pages) > 1, "a budget this small needs several parts"
    listed = []
    for page in pages:
        table = parse(page.read_text(encoding="utf-8")).find("table", cls="jm-pain-places")
        listed += [m.groups() for href, _ in table.links() if (m := STEP_HREF.search(href))]
        assert page.stat().st_size < 250 * 1024
    assert listed == [(o["journey"], o["step"]) for o in pain["occurrences"]]


def test_every_link_resolves_and_the_new_pages_stay_out_of_search(site):
    pages = [p.relative_to(site).as_posix() for p in (site / "pain-points" / "places").rglob("index.html")]
    assert pages
    assert broken_links(site) == []
    indexed = {r["meta"]["url"].split("#")[0] for r in records(site)}
    assert not any("/places/" in url for url in indexed)


def test_a_portfolio_row_lists_its_first_places_and_counts_the_rest(site):
    opportunities = json.loads((site / "journeys.json").read_text(encoding="utf-8"))["opportunities"]
    widest = max(opportunities, key=lambda o: (len(o["occurrences"]), o["id"]))
    assert len(widest["occurrences"]) > ROW_LIMIT
    _, row = row_of(site, "opportunities", widest["id"])
    assert len(row.find("ul", cls="jm-places").find_all("li")) == ROW_LIMIT
    assert f"and {len(widest['occurrences']) - ROW_LIMIT} more" in row.text


def test_a_teams_opportunities_name_their_first_journeys_and_count_the_rest(site):
    counted = 0
    for page in sorted((site / "teams").glob("*/index.html")):
        for where in parse(page.read_text(encoding="utf-8")).find_all("span", cls="jm-team-opportunities__where"):
            assert len(where.links()) <= ROW_LIMIT
            counted += "more" in where.text
    assert counted, "the widest opportunities are named in more journeys than a team page lists"


def test_the_journeys_tree_shows_its_parents_first_and_says_how_many_it_leaves_out(site):
    page = parse((site / "journeys" / "index.html").read_text(encoding="utf-8"))
    tree = page.find("ul", cls="jm-tree")
    assert any(href.endswith("journey-00000/") for href, _ in tree.links()), "the parent is shown whatever its title"
    assert len(tree.find_all("li")) < 40
    text = page.text
    journeys = json.loads((site / "journeys.json").read_text(encoding="utf-8"))["journeys"]
    top = sum(1 for j in journeys if not j.get("parent"))
    shown = re.search(r"The tree shows (\d+) of the (\d+) top-level journeys", text)
    assert shown and int(shown.group(2)) == top and int(shown.group(1)) < top
