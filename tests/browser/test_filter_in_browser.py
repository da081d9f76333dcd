"""The pain-point filters in Chromium: built by the script on a direct load and after instant
navigation, once each time, and they hide exactly the rows that do not match."""

from __future__ import annotations

VISIBLE_IDS = "() => [...document.querySelectorAll('.jm-pain-index tbody tr')].filter(r => !r.hidden).map(r => r.id)"
ROWS_WITH = "(sev) => [...document.querySelectorAll('.jm-pain-index tbody tr')].filter(r => r.dataset.severity === sev).map(r => r.id)"


def test_filters_hide_rows_that_do_not_match_and_reset_shows_all(watched, demo_handbook):
    watched.open("pain-points/")
    page = watched.page
    every = [p.id for p in demo_handbook.pain_points]
    assert page.evaluate(VISIBLE_IDS) == every
    assert page.locator("form.jm-filter select").count() == 5
    page.select_option("form.jm-filter select[name=severity]", "critical")
    critical = [p.id for p in demo_handbook.pain_points if p.severity == "critical"]
    assert critical and page.evaluate(VISIBLE_IDS) == critical == page.evaluate(ROWS_WITH, "critical")
    assert page.locator(".jm-filter__count").inner_text() == f"Showing {len(critical)} of {len(every)}."
    team = demo_handbook.pain_points[0].teams[0]
    page.select_option("form.jm-filter select[name=team]", team)
    both = [p.id for p in demo_handbook.pain_points if p.severity == "critical" and team in p.teams]
    assert page.evaluate(VISIBLE_IDS) == both
    page.click("form.jm-filter button[type=reset]")
    page.wait_for_function(f"() => document.querySelectorAll('.jm-pain-index tbody tr:not([hidden])').length === {len(every)}")
    assert watched.errors == []


def test_filters_appear_once_after_instant_navigation(watched):
    watched.open("")
    watched.page.locator(".md-content a[href$='pain-points/']").first.click()
    watched.page.wait_for_selector("form.jm-filter")
    assert watched.page.locator("form.jm-filter").count() == 1
    assert watched.errors == []
