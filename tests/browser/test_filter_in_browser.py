"""The pain-point filters in Chromium: built by the script on a direct load and after instant
navigation, once each time, and they hide exactly the rows that do not match; on an index
over several pages they show the matching rows of every page, fetched from pain-points.json,
and a stage page's link arrives with its stage chosen."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from helpers import serving

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from generate import generate

VISIBLE_IDS = "() => [...document.querySelectorAll('.jm-pain-index tbody tr')].filter(r => !r.hidden).map(r => r.id)"
ROWS_WITH = "(sev) => [...document.querySelectorAll('.jm-pain-index tbody tr')].filter(r => r.dataset.severity === sev).map(r => r.id)"


def test_filters_hide_rows_that_do_not_match_and_reset_shows_all(watched, demo_handbook):
    watched.open("pain-points/")
    page = watched.page
    every = [p.id for p in demo_handbook.pain_points]
    assert page.evaluate(VISIBLE_IDS) == every
    assert page.locator("form.jm-filter select").count() == 6  # with backing (map format 1.2)
    page.select_option("form.jm-filter select[name=severity]", "critical")
    critical = [p.id for p in demo_handbook.pain_points if p.severity == "critical"]
    assert critical and page.evaluate(VISIBLE_IDS) == critical == page.evaluate(ROWS_WITH, "critical")
    assert page.locator(".jm-filter__count").inner_text() == f"Showing {len(critical)} of {len(every)}."
    team = demo_handbook.pain_points[0].teams[0]
    page.select_option("form.jm-filter select[name=team]", team)
    both = [p.id for p in demo_handbook.pain_points if p.severity == "critical" and team in p.teams]
    assert page.evaluate(VISIBLE_IDS) == both
    page.click("form.jm-filter button[type=reset]")
    page.wait_for_function(
        f"() => document.querySelectorAll('.jm-pain-index tbody tr:not([hidden])').length === {len(every)}"
    )
    assert watched.errors == []


def test_filters_appear_once_after_instant_navigation(watched):
    watched.open("")
    watched.page.locator(".md-content a[href$='pain-points/']").first.click()
    watched.page.wait_for_selector("form.jm-filter")
    assert watched.page.locator("form.jm-filter").count() == 1
    assert watched.errors == []


# --- an index over several pages ------------------------------------------------------------


@pytest.fixture(scope="module")
def paged_url(tmp_path_factory):
    """A 120-journey handbook built with a small page budget, so its pain-point index spreads
    over list pages, served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("paged-filter")
    generate(str(root), 120)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("journeys.render.pagination.BUDGET", 25_000)
        build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site"), strict=True))
    rows = json.loads((root / "site" / "pain-points.json").read_text(encoding="utf-8"))["rows"]
    with serving(root / "site") as server:
        yield f"http://127.0.0.1:{server.server_address[1]}/", rows


@pytest.fixture
def paged(browser, paged_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page, paged_url[0], paged_url[1], errors
    context.close()


RESULT_IDS = "() => [...document.querySelectorAll('.jm-pain-results tbody tr')].map(r => r.dataset.jmId)"


def test_a_filter_on_one_page_shows_matching_rows_of_every_page(paged):
    page, base, rows, errors = paged
    page.goto(base + "pain-points/index/page-2/", wait_until="networkidle")
    here = page.evaluate(VISIBLE_IDS)
    assert here and len(here) < len(rows)
    page.select_option("form.jm-filter select[name=severity]", "critical")
    critical = [r["id"] for r in rows if r["severity"] == "critical"]
    page.wait_for_selector(".jm-pain-results")
    assert page.evaluate(RESULT_IDS) == critical
    # Matches from other pages than this one: the filter reaches past the page.
    assert set(critical) - set(here)
    assert page.locator(".jm-table-scroll").is_hidden()
    assert page.locator(".jm-filter__count").inner_text() == f"Showing {len(critical)} of {len(rows)}."
    # A result far from here opens its row on the page that holds it.
    far = next(r for r in rows if r["severity"] == "critical" and r["id"] not in here)
    page.click(f".jm-pain-results tr[data-jm-id='{far['id']}'] a")
    page.wait_for_url(f"**/{far['url']}")
    assert page.locator(f"tr[id='{far['id']}']").count() == 1
    page.go_back(wait_until="networkidle")
    page.click("form.jm-filter button[type=reset]")
    page.wait_for_function("() => !document.querySelector('.jm-table-scroll').hidden")
    assert page.evaluate(VISIBLE_IDS) == here
    assert errors == []


def test_a_stage_page_links_the_index_filtered_to_its_stage(paged):
    page, base, rows, errors = paged
    stage = "onboard"
    page.goto(base + f"stages/{stage}/", wait_until="networkidle")
    more = page.locator(".jm-pains-more a")
    assert more.count() == 1
    more.click()
    page.wait_for_selector(".jm-pain-results")
    assert page.locator("form.jm-filter select[name=stage]").input_value() == stage
    assert page.evaluate(RESULT_IDS) == [r["id"] for r in rows if stage in r["stage"]]
    assert errors == []


# --- map format 1.2: the insights index and the opportunity portfolio -------------------------

VISIBLE = "(kind) => [...document.querySelectorAll(`table.${kind} tbody tr`)].filter(r => !r.hidden).map(r => r.id)"


def test_the_portfolio_filters_by_status_and_team(watched, demo_handbook):
    watched.open("opportunities/")
    page = watched.page
    every = [o.id for o in demo_handbook.opportunities]
    assert page.evaluate(VISIBLE, "jm-portfolio") == every
    assert page.locator("form.jm-filter select").count() == 2  # status, team
    page.select_option("form.jm-filter select[name=status]", "planned")
    planned = [o.id for o in demo_handbook.opportunities if o.status == "planned"]
    assert len(planned) > 1 and page.evaluate(VISIBLE, "jm-portfolio") == planned
    assert page.locator(".jm-filter__count").inner_text() == f"Showing {len(planned)} of {len(every)}."
    team = next(o.owner for o in demo_handbook.opportunities if o.status == "planned" and o.owner)
    page.select_option("form.jm-filter select[name=team]", team)
    both = [o.id for o in demo_handbook.opportunities if o.status == "planned" and o.owner == team]
    assert both and page.evaluate(VISIBLE, "jm-portfolio") == both
    page.click("form.jm-filter button[type=reset]")
    page.wait_for_function(
        f"() => document.querySelectorAll('.jm-portfolio tbody tr:not([hidden])').length === {len(every)}"
    )
    assert watched.errors == []


def test_the_insights_index_filters_by_kind_and_a_team_page_links_its_portfolio(watched, demo_handbook):
    watched.open("insights/")
    page = watched.page
    assert page.locator("form.jm-filter select").count() == 1
    page.select_option("form.jm-filter select[name=kind]", "interview")
    interviews = [i.id for i in demo_handbook.valid_insights if i.kind == "interview"]
    assert interviews and page.evaluate(VISIBLE, "jm-insight-index") == interviews
    # The insights index is reached by instant navigation too, and its filter is built once.
    watched.open("")
    page.locator(".md-tabs a[href$='insights/']").first.click()
    page.wait_for_selector("form.jm-filter")
    assert page.locator("form.jm-filter").count() == 1
    assert watched.errors == []


def test_a_filter_on_a_part_of_the_portfolio_shows_matching_rows_of_every_part(paged):
    page, base, _, errors = paged
    rows = page.request.get(base + "opportunities.json").json()["rows"]
    page.goto(base + "opportunities/index/page-2/", wait_until="networkidle")
    here = page.evaluate(VISIBLE, "jm-portfolio")
    assert here and len(here) < len(rows)
    # A status some rows of other parts have.
    status = next(r["status"] for r in rows if r["id"] not in here)
    page.select_option("form.jm-filter select[name=status]", status)
    matching = [r["id"] for r in rows if r["status"] == status]
    page.wait_for_selector(".jm-opportunity-results")
    assert (
        page.evaluate(
            "() => [...document.querySelectorAll('.jm-opportunity-results tbody tr')].map(r => r.dataset.jmId)"
        )
        == matching
    )
    assert set(matching) - set(here)  # rows of other parts are found
    far = next(r for r in rows if r["status"] == status and r["id"] not in here)
    page.click(f".jm-opportunity-results tr[data-jm-id='{far['id']}'] a")
    page.wait_for_url(f"**/{far['url']}")
    assert page.locator(f"tr[id='{far['id']}']").count() == 1
    assert errors == []
