"""Aggregate pages at any size: with a small page budget, a 120-journey handbook spreads its
stage, team, persona, journeys-index, pain-point-index, insights-index and portfolio lists over
list pages. Every list
page is linked from its summary page by its range, has previous and next links, every link
resolves (pain-point links reach the part that holds the row), and a small handbook keeps
its single pages."""

from __future__ import annotations

import html as html_lib
import json
import os
import posixpath
import re
import shutil
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from helpers import copy_demo
from html_tree import parse
from pagefind_bundle import records
from test_links import _parse, broken_links

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
import itertools  # noqa: E402 - after the path to the benchmarks' generator

from generate import generate  # noqa: E402

BUDGET = 25_000
PART = re.compile(r"(.+)/page-(\d+)/index\.html")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("paged")
    generate(str(root), 120)
    # Hand-written pages show journeys' pain points too: their links must reach the rows as well.
    ids = sorted(p.stem for p in (root / "maps" / "journeys").rglob("*.md"))[:30]
    blocks = "".join(f"```journey-map\njourney: {i}\nshow: [pain-points]\n```\n\n" for i in ids)
    (root / "docs" / "embedded.md").write_text("# Embedded\n\n" + blocks, encoding="utf-8")
    # Its 12 insights fill one part at their real weight: weighed heavier, they take two.
    return paged_build(root, INSIGHT_ROW_BYTES=3_000)


def paged_build(root: Path, **weights: int) -> Path:
    """A strict build of the handbook at `root` with the small page budget (and `weights`, other
    constants of render/pagination.py, changed): its site folder."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("journeys.render.pagination.BUDGET", BUDGET)
        for name, value in weights.items():
            patch.setattr(f"journeys.render.pagination.{name}", value)
        build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site"), strict=True))
    return root / "site"


def parts_of(site: Path) -> dict[str, list[str]]:
    """Summary page (site path of its index.html) -> its list pages, in order."""
    found: dict[str, list[tuple[int, str]]] = {}
    for path in site.rglob("page-*/index.html"):
        rel = path.relative_to(site).as_posix()
        base, number = PART.fullmatch(rel).groups()
        summary = (base[: -len("/index")] if base.endswith("/index") else base) + "/index.html"
        found.setdefault(summary, []).append((int(number), rel))
    return {summary: [rel for _, rel in sorted(pages)] for summary, pages in found.items()}


def pager_links(site: Path, page: str) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """The pager's (target page, words) links, and its rel=prev / rel=next targets."""
    html = (site / page).read_text(encoding="utf-8")
    navs = re.findall(r'<nav class="jm-pager".*?</nav>', html, re.S)
    assert navs, page
    here = posixpath.dirname(page)

    def target(href: str) -> str:
        return posixpath.normpath(posixpath.join(here, html_lib.unescape(href).split("#")[0])) + "/index.html"

    links = [(target(h), w) for h, w in re.findall(r'<a href="([^"]+)">([^<]+)</a>', navs[0])]
    steps = {rel: target(h) for h, rel in re.findall(r'<a href="([^"]+)" rel="(prev|next)">', navs[0])}
    return links, steps


def test_every_kind_of_aggregate_page_has_list_pages(site):
    kinds = {summary.split("/")[0] for summary in parts_of(site)}
    assert kinds == {"journeys", "stages", "teams", "personas", "pain-points", "measures", "insights", "opportunities"}


def test_the_summary_links_every_list_page_by_its_range_and_each_part_its_neighbours(site):
    assert parts_of(site)
    for summary, pages in parts_of(site).items():
        links, steps = pager_links(site, summary)
        assert [t for t, _ in links] == pages, summary
        assert all(re.fullmatch(r"\d+–\d+", words) for _, words in links)
        assert steps == {"next": pages[0]}
        chain = [summary, *pages]
        for n, page in enumerate(pages, 1):
            _, steps = pager_links(site, page)
            expected = {"prev": chain[n - 1]} | ({"next": chain[n + 1]} if n + 1 < len(chain) else {})
            assert steps == expected, page


def test_ranges_cover_every_item_once_in_order(site):
    assert parts_of(site)
    for summary, pages in parts_of(site).items():
        nav = parse((site / pages[0]).read_text(encoding="utf-8")).find("nav", cls="jm-pager")
        ranges = [tuple(int(n) for n in li.text.split("–")) for li in nav.find("ul").find_all("li")]
        assert len(ranges) == len(pages) + 1 and ranges[0][0] == 1
        assert nav.find("strong", aria_current="page")
        assert all(b[0] == a[1] + 1 for a, b in itertools.pairwise(ranges)), (summary, ranges)


def test_every_link_resolves_and_pain_point_links_reach_their_row(site):
    assert broken_links(site) == []
    rows = json.loads((site / "pain-points.json").read_text(encoding="utf-8"))["rows"]
    homes = {row["id"]: row["url"] for row in rows}
    assert [r["priority"] for r in rows] == sorted((r["priority"] for r in rows), reverse=True)
    assert len({url.split("#")[0] for url in homes.values()}) > 1
    for pain_id, url in homes.items():
        page, anchor = url.split("#")
        assert anchor == pain_id and pain_id in _parse(site / page / "index.html").ids
    # A journey page's link to a pain point names the part that holds its row.
    journey = next((site / "journeys").glob("journey-*/index.html"))
    linked = [
        html_lib.unescape(h)
        for h in re.findall(r'href="([^"]*pain-points/[^"#]*#[^"]+)"', journey.read_text(encoding="utf-8"))
        if not h.endswith("#jm-priority")  # the legend's link to how priority is computed
    ]
    assert linked
    for href in linked:
        pain_id = href.split("#")[1]
        target = posixpath.normpath(posixpath.join("journeys/x", href.split("#")[0])) + "/"
        assert target + "#" + pain_id == homes[pain_id]
    # So does a card in a hand-written page, rows on every part of the index among them.
    embedded = [
        h
        for h in re.findall(
            r'href="([^"]*pain-points/[^"#]*#[^"]+)"', (site / "embedded/index.html").read_text("utf-8")
        )
        if not h.endswith("#jm-priority")
    ]
    targets = {posixpath.normpath(posixpath.join("embedded", html_lib.unescape(h).split("#")[0])) for h in embedded}
    assert len(targets) > 1
    for href in map(html_lib.unescape, embedded):
        pain_id = href.split("#")[1]
        assert posixpath.normpath(posixpath.join("embedded", href.split("#")[0])) + "/#" + pain_id == homes[pain_id]


def test_opportunity_and_insight_links_reach_their_rows(site):
    """Every row of the portfolio and the insights index is where its export says, and a card
    on a journey page links the part of the portfolio that holds its opportunity's row."""
    for export, kind in (("opportunities.json", "opportunities"), ("insights.json", "insights")):
        rows = json.loads((site / export).read_text(encoding="utf-8"))["rows"]
        homes = {row["id"]: row["url"] for row in rows}
        assert len({url.split("#")[0] for url in homes.values()}) > 1, kind
        for item_id, url in homes.items():
            page, anchor = url.split("#")
            assert page.startswith(kind + "/") and anchor == item_id
            assert item_id in _parse(site / page / "index.html").ids
    homes = {r["id"]: r["url"] for r in json.loads((site / "opportunities.json").read_text("utf-8"))["rows"]}
    linked = [
        html_lib.unescape(h)
        for journey in sorted((site / "journeys").glob("journey-*/index.html"))
        for h in re.findall(r'href="([^"]*opportunities/[^"#]*#[^"]+)"', journey.read_text(encoding="utf-8"))
    ]
    assert {homes[h.split("#")[1]].split("#")[0] for h in linked} != {"opportunities/"}  # cards reach later parts
    for href in linked:
        target = posixpath.normpath(posixpath.join("journeys/x", href.split("#")[0])) + "/"
        assert target + "#" + href.split("#")[1] == homes[href.split("#")[1]]


def test_pages_stay_within_their_budget(site):
    # Weights are estimates from the model; a part may overshoot them a little, never grow with the handbook.
    assert parts_of(site)
    for summary, pages in parts_of(site).items():
        for page in [summary, *pages]:
            html = (site / page).read_text(encoding="utf-8")
            article = html[html.index("<article") : html.index("</article>")]
            assert len(article.encode()) < 3 * BUDGET, (page, len(article))


def test_list_pages_are_left_out_of_the_navigation_and_search(site):
    pages = [page for parts in parts_of(site).values() for page in parts]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "page-2" not in home
    searched = {record["meta"]["url"][1:].split("#")[0] for record in records(site)}
    for page in pages:
        url = page[: -len("index.html")]
        # The pain-point index is the home of its rows, so its parts are searched; no other list
        # page is, a pain point's page of its places included (render/pain_places.py).
        assert (url in searched) == url.startswith("pain-points/index/"), url


def test_a_small_handbook_keeps_its_single_pages(tmp_path):
    copy_demo(tmp_path)
    build(load_config(config_file=str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True))
    assert parts_of(tmp_path / "site") == {}
    for page in ("journeys/", "pain-points/", "stages/buy/", "teams/digital-sales/"):
        html = (tmp_path / "site" / page / "index.html").read_text(encoding="utf-8")
        assert "jm-pager" not in html and "jm-pains-more" not in html, page
