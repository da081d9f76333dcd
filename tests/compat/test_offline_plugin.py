"""Material's offline plugin, listed before or after journeys: every link resolves in a site
read from the file system, over file:// the charts draw and the filters are built, and
Material's own search answers (Pagefind's pieces cannot be fetched from file://)."""

from __future__ import annotations

import shutil

import pytest

from compat.demo import build_demo, chart_pages, demo_config, missing_plotly, with_plugins
from helpers import REPO
from test_links import broken_links

# Material's search runs in a web worker, which a file:// page may not start; Material's
# offline plugin loads iframe-worker's shim for it from unpkg unless the site names its own copy
# (any polyfill whose URL says "iframe-worker"). npm ci installs it; docs/compatibility.md says how.
SHIM = REPO / "node_modules" / "iframe-worker" / "shim" / "index.js"


def _offline_with_own_shim(root) -> dict:
    shutil.copy(SHIM, root / "docs" / "assets" / "iframe-worker-shim.js")
    config = with_plugins(demo_config(root), after=["offline"])
    config["extra"] = {"polyfills": ["assets/iframe-worker-shim.js"]}
    return config


@pytest.mark.parametrize("where", ["before", "after"])
def test_offline_in_either_order_builds_a_site_whose_links_resolve(demo_copy, where):
    built = build_demo(demo_copy, with_plugins(demo_config(demo_copy), **{where: ["offline"]}))
    assert built.ok, built.warnings
    assert (built.site / "journeys" / "index.html").is_file()
    pages = list(built.site.glob("journeys/*.html"))
    assert len(pages) >= 8, "use_directory_urls off: one .html file a journey"
    assert broken_links(built.site) == []
    assert len(chart_pages(built.site)) >= 6  # the home page, the redesign, the persona pages
    assert missing_plotly(built.site) == []
    # A site read from file:// cannot fetch Pagefind's pieces: the demo's `search: pagefind`
    # keeps Material's own search there, whose offline index is one script.
    assert not (built.site / "pagefind").exists()
    assert '"location":"journeys/escape-of-water-claim.html"' in (built.site / "search" / "search_index.js").read_text(
        encoding="utf-8"
    )


def test_charts_and_filters_work_over_file_urls(demo_copy, browser):
    built = build_demo(demo_copy, _offline_with_own_shim(demo_copy))
    assert built.ok, built.warnings
    assert "navigation.instant" in demo_config(demo_copy)["theme"]["features"]
    journey = built.site / "journeys" / "renewal-redesign-2027.html"  # a redesign keeps its plotly chart
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(journey.as_uri(), wait_until="load")
    page.locator(".jm-chart").scroll_into_view_if_needed()
    page.wait_for_selector(".jm-chart svg.main-svg .scatterlayer .trace", timeout=20000)
    page.goto((built.site / "pain-points" / "index.html").as_uri(), wait_until="load")
    page.wait_for_selector("form.jm-filter select", timeout=10000)
    rows = page.locator("table[data-jm-filter] tbody tr")
    total = rows.count()
    select = page.locator("form.jm-filter select").first
    select.select_option(index=1)
    assert 0 < page.locator("table[data-jm-filter] tbody tr:not([hidden])").count() < total
    page.locator(".md-search__input").click()
    page.keyboard.type("renewal", delay=20)  # Material searches on key events
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    context.close()
    assert errors == []
    assert "unpkg.com" not in journey.read_text(encoding="utf-8")
