"""A keyboard reader reaches every link and control, sees where focus is, and scrolls the map
grid without a mouse."""

from __future__ import annotations

import pytest

from a11y.axe_audit import open_page
from a11y.demo_pages import JOURNEY, PAGE_TYPES

# Enough presses to cycle through the longest demo page; the walk stops once focus comes back.
MAX_TABS = 600

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  // Material's palette switch is a hidden radio that shows its focus on the label after it.
  const next = el.nextElementSibling;
  const shown = !el.getBoundingClientRect().width && next && next.matches('label') ? next : el;
  const box = shown.getBoundingClientRect();
  const style = getComputedStyle(shown);
  // WCAG 2.4.11: focus may be partly covered, never entirely; probe a few points of the part
  // of the box inside the viewport.
  const left = Math.max(box.left, 0), top = Math.max(box.top, 0);
  const width = Math.min(box.right, innerWidth) - left, height = Math.min(box.bottom, innerHeight) - top;
  const probes = [.1, .3, .5, .7, .9].flatMap(y => [.1, .5, .9].map(x => [x, y]));
  const seen = probes.some(([x, y]) => {
    const hit = document.elementFromPoint(left + width * x, top + height * y);
    return hit && (shown.contains(hit) || hit.contains(shown));
  });
  return {
    key: el.dataset.jmKey || null,
    html: el.outerHTML.slice(0, 120),
    ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    sized: box.width > 0 && box.height > 0,
    covered: !seen,
  };
}"""

# Every link and control in the page's content that a reader can see, each tagged so the walk
# can tell which ones it reached.
TAG_CONTENT_CONTROLS = """() => {
  const all = [...document.querySelectorAll(
    '.md-content a[href], .md-content button, .md-content select, .md-content input, .md-content summary, .md-content [tabindex="0"]')]
    .filter(el => el.getClientRects().length && el.checkVisibility({visibilityProperty: true}));
  all.forEach((el, i) => { el.dataset.jmKey = String(i); });
  return all.map(el => el.outerHTML.slice(0, 120));
}"""


def walk(page) -> list[dict]:
    """Press Tab until focus returns to where it started; every stop, in order."""
    stops = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if stop is None:
            continue
        if stops and stop["html"] == stops[0]["html"] and stop["key"] == stops[0]["key"]:
            return stops
        stops.append(stop)
    raise AssertionError(f"focus did not cycle within {MAX_TABS} presses")


@pytest.mark.parametrize(
    "kind",
    ["journey", "future-state journey", "pain-point index", "invalid map", "insights index", "opportunity portfolio"],
)
def test_every_content_control_is_reached_and_shows_focus(browser, base_url, kind):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = open_page(context, base_url + PAGE_TYPES[kind], "default")
        controls = page.evaluate(TAG_CONTENT_CONTROLS)
        stops = walk(page)
    finally:
        context.close()
    reached = {s["key"] for s in stops if s["key"] is not None}
    missed = [html for key, html in enumerate(controls) if str(key) not in reached]
    assert controls and not missed, f"never focused with Tab: {missed}"
    no_ring = [s["html"] for s in stops if not (s["ring"] and s["sized"])]
    assert not no_ring, f"focused without a visible focus indicator: {no_ring}"
    covered = [s["html"] for s in stops if s["covered"]]
    assert not covered, f"focused but hidden under something else: {covered}"


def test_map_grid_scrolls_with_the_arrow_keys(browser, base_url):
    # Narrower than the journey's ten columns, wider than a phone (where the grid stacks).
    context = browser.new_context(viewport={"width": 1024, "height": 900})
    try:
        page = open_page(context, base_url + JOURNEY, "default")
        grid = page.locator(".jm-grid-scroll")
        assert grid.evaluate("el => el.scrollWidth > el.clientWidth"), "the grid must overflow on a narrower screen"
        for _ in range(MAX_TABS):
            page.keyboard.press("Tab")
            if grid.evaluate("el => el === document.activeElement"):
                break
        else:
            raise AssertionError("Tab never reached the map grid")
        assert grid.get_attribute("role") == "region" and grid.get_attribute("aria-label")
        before = grid.evaluate("el => el.scrollLeft")
        for _ in range(5):
            page.keyboard.press("ArrowRight")
        page.wait_for_function("el => el.scrollLeft > 0", arg=grid.element_handle())
        assert grid.evaluate("el => el.scrollLeft") > before
    finally:
        context.close()
