"""The journey page as a canvas, in Chromium: the whole journey fits a wide screen, the emotion
lane's points sit in their touchpoints' columns, headers and lane labels stay in view while a
long journey scrolls, and a phone reads the page top to bottom without sideways scrolling.

With UPDATE_SCREENSHOTS=1 the tests also refresh the pictures in docs/assets/; the committed
ones went through `pngquant --quality 80-95 --strip`, a third of the size."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

DOCS_ASSETS = Path(__file__).resolve().parents[2] / "docs" / "assets"
DESKTOP = {"width": 1440, "height": 1080}
PHONE = {"width": 390, "height": 844}
MIN_COLUMN_PX = 130

COLUMNS = (
    "() => [...document.querySelectorAll('.jm-grid thead th[scope=col]')].map(c => c.getBoundingClientRect().toJSON())"
)
POINTS = "() => [...document.querySelectorAll('.jm-lane--emotion svg.jm-curve circle')].map(c => c.getBoundingClientRect().toJSON())"


def _with_steps(handbook, count: int):
    return next(j for j in handbook.valid_journeys if len(j.steps) == count)


def _longest(handbook):
    return max(handbook.valid_journeys, key=lambda j: len(j.steps))


@pytest.fixture
def opened(browser, base_url):
    """Opens a path at a viewport size and colour scheme; closes every context afterwards."""
    contexts = []

    def open_at(path: str, viewport: dict, scheme: str = "light"):
        context = browser.new_context(viewport=viewport, color_scheme=scheme)
        contexts.append(context)
        page = context.new_page()
        page.goto(base_url + path, wait_until="networkidle")
        return page

    yield open_at
    for context in contexts:
        context.close()


def _shoot(page, name: str, artifacts: Path, anchor: str = "map") -> None:
    """A picture from the element `anchor` down: into test-artifacts/, and into docs/assets/
    on request."""
    page.evaluate(
        "id => window.scrollTo(0, document.getElementById(id).getBoundingClientRect().top + scrollY - 56)", anchor
    )
    page.wait_for_timeout(400)  # Material's header swaps in the page title as it scrolls
    targets = [artifacts / name] + ([DOCS_ASSETS / name] if os.environ.get("UPDATE_SCREENSHOTS") else [])
    for target in targets:
        page.screenshot(path=str(target))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_eight_touchpoint_journey_shows_whole_at_1440(opened, demo_handbook, artifacts, scheme):
    journey = _with_steps(demo_handbook, 8)
    page = opened(f"journeys/{journey.id}/", DESKTOP, scheme)
    widths = [box["width"] for box in page.evaluate(COLUMNS)]
    assert len(widths) == 8
    assert min(widths) >= MIN_COLUMN_PX, widths
    grid = page.locator(".jm-grid-scroll")
    assert grid.evaluate("el => el.scrollWidth <= el.clientWidth"), "the grid scrolls sideways"
    assert page.evaluate("document.scrollingElement.scrollWidth") <= DESKTOP["width"]
    _shoot(page, f"journey-desktop-{scheme}.png", artifacts)


def test_each_emotion_point_sits_at_the_centre_of_its_touchpoint_column(opened, demo_handbook):
    for journey in (_with_steps(demo_handbook, 8), _longest(demo_handbook)):
        page = opened(f"journeys/{journey.id}/", DESKTOP)
        columns, points = page.evaluate(COLUMNS), page.evaluate(POINTS)
        assert len(points) == len(columns) == len(journey.steps), journey.id
        for n, (column, point) in enumerate(zip(columns, points)):
            centre = point["x"] + point["width"] / 2
            assert column["x"] < point["x"] and point["x"] + point["width"] < column["x"] + column["width"], (
                journey.id,
                n,
            )
            assert abs(centre - (column["x"] + column["width"] / 2)) <= 1.5, (journey.id, n, centre, column)
        # Higher emotion, higher point.
        tops = [p["y"] for p in points]
        for (_, a), (_, b), ya, yb in zip(journey.steps, journey.steps[1:], tops, tops[1:]):
            assert (a.emotion > b.emotion) == (ya < yb) or a.emotion == b.emotion, journey.id


def test_a_long_journey_scrolls_inside_the_grid_with_labels_and_headers_in_view(opened, demo_handbook):
    journey = _longest(demo_handbook)
    page = opened(f"journeys/{journey.id}/", DESKTOP)
    grid = page.locator(".jm-grid-scroll")
    assert grid.evaluate("el => el.scrollWidth > el.clientWidth"), f"{len(journey.steps)} steps should not fit"
    assert page.evaluate("document.scrollingElement.scrollWidth") <= DESKTOP["width"], (
        "the page itself scrolls sideways"
    )
    grid.scroll_into_view_if_needed()
    grid.evaluate("el => { el.scrollLeft = el.scrollWidth; el.scrollTop = 400; }")
    page.wait_for_function("el => el.scrollLeft > 0 && el.scrollTop > 0", arg=grid.element_handle())
    seen = page.evaluate("""() => {
      const box = document.querySelector('.jm-grid-scroll').getBoundingClientRect();
      const visible = el => { const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return {left: r.left, top: r.top, hit: !!hit && (el === hit || el.contains(hit))}; };
      const lane = visible(document.querySelector('.jm-lane--emotion th[scope=row]'));
      const stage = visible(document.querySelector('.jm-grid thead th[scope=colgroup]:last-child'));
      const step = visible(document.querySelector('.jm-grid thead th[scope=col]:last-child'));
      return {box: {left: box.left, top: box.top}, lane, stage, step};
    }""")
    assert abs(seen["lane"]["left"] - seen["box"]["left"]) <= 2 and seen["lane"]["hit"], seen
    assert abs(seen["stage"]["top"] - seen["box"]["top"]) <= 2 and seen["stage"]["hit"], seen
    assert seen["step"]["hit"] and seen["step"]["top"] > seen["stage"]["top"], seen


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_journey_reads_on_a_phone_without_sideways_scrolling(opened, demo_handbook, artifacts, scheme):
    assert demo_handbook.valid_journeys
    for journey in demo_handbook.valid_journeys:
        page = opened(f"journeys/{journey.id}/", PHONE, scheme)
        assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"], journey.id
        # Stage by stage, one touchpoint card under the other, each with its emotion.
        shown = page.evaluate("""() => [...document.querySelectorAll(
            '.jm-grid thead th[scope=colgroup], .jm-grid thead th[scope=col]')]
            .map(c => [c.getBoundingClientRect().top, c.scope === 'colgroup' ? 'stage' : c.textContent])
            .sort((a, b) => a[0] - b[0]).map(c => c[1])""")
        expected = []
        for block in journey.stages:
            expected += ["stage"] + [step.touchpoint for step in block.steps]
        assert shown == expected, journey.id
        chips = page.locator(".jm-lane--emotion .jm-emotion")
        assert chips.count() == len(journey.steps) and chips.first.is_visible()
        if journey.id == "buy-contents-online":
            painful = next(step for _, step in journey.steps if step.pain_points and step.opportunities)
            _shoot(page, f"journey-phone-{scheme}.png", artifacts, f"step-{painful.anchor}")
