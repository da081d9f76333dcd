"""The journey page as a canvas, in Chromium: the whole journey fits a wide screen, the emotion
lane's points sit in their touchpoints' columns, headers and lane labels stay in view while a
long journey scrolls, and a phone reads the page top to bottom without sideways scrolling.

With UPDATE_SCREENSHOTS=1 the tests also refresh the pictures in docs/assets/; the committed
ones went through `pngquant --quality 80-95 --strip`, a third of the size."""

from __future__ import annotations

import itertools
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


def _shoot(page, name: str, artifacts: Path, selector: str = "article h1") -> None:
    """A picture from the element `selector` down (by default the page's title: the first
    screen a reader sees): into test-artifacts/, and into docs/assets/ on request."""
    page.evaluate(
        "s => window.scrollTo(0, document.querySelector(s).getBoundingClientRect().top + scrollY - 56)", selector
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


def test_a_journey_page_opens_on_its_map(opened, demo_handbook):
    """At 1440×900 the first screen shows the map, not only the journey's facts: the facts sit
    in a band above it and the measures come after it, as on a canvas."""
    screen = {"width": 1440, "height": 900}
    for journey in demo_handbook.valid_journeys:
        page = opened(f"journeys/{journey.id}/", screen)
        grid = page.locator(".jm-grid-scroll").bounding_box()
        assert grid["y"] < 0.6 * screen["height"], (journey.id, grid)
        # The stages, touchpoints and the first lanes are on it.
        lane = page.locator(".jm-lane").first.bounding_box()
        assert lane["y"] + lane["height"] < screen["height"], (journey.id, lane)


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
            _shoot(page, f"journey-phone-{scheme}.png", artifacts, f"#step-{painful.anchor}")


# A service blueprint (map format 1.2): the customer's lanes, then each group of lanes under
# the line above it. The demo's escape of water claim fills every group; its rows, top to bottom.
BLUEPRINT = "escape-of-water-claim"
BLUEPRINT_ROWS = [
    "Goal and expectations",
    "Channel",
    "Action",
    "Thinking",
    "Emotion",
    "In detail",
    "Pain points",
    "Line of interaction Frontstage",
    "In front of the customer",
    "Line of visibility Backstage",
    "Behind the scenes",
    "Owner",
    "Supporting teams",
    "Line of internal interaction Support",
    "Systems",
    "Tools",
    "Beyond the blueprint",
    "Opportunities",
    "Gaps",
    "Measures",
]
LINES = ("interaction", "visibility", "internal")
LINE_WORDS = {
    "interaction": "Line of interaction",
    "visibility": "Line of visibility",
    "internal": "Line of internal interaction",
    "beyond": "Beyond the blueprint",
}
# Each row of the grid's body that is drawn, in the order of the page, or only its cell in one
# step's card on a phone: [label, is a line, top, bottom, left, right, what a phone writes
# before the cell (a line's name)].
DRAWN_ROWS = """step => [...document.querySelectorAll('.jm-grid tbody tr')].flatMap(tr => {
  const cells = [...tr.querySelectorAll('td')].filter(td => step === null
    || td.style.getPropertyValue('--jm-step').trim() === String(step)).filter(td => td.getClientRects().length);
  if (!cells.length) return [];
  const boxes = cells.map(td => td.getBoundingClientRect());
  return [[tr.querySelector('th').textContent.replace(/\\s+/g, ' ').trim(), tr.classList.contains('jm-line'),
           Math.min(...boxes.map(b => b.top)), Math.max(...boxes.map(b => b.bottom)),
           Math.min(...boxes.map(b => b.left)), Math.max(...boxes.map(b => b.right)),
           getComputedStyle(cells[0], '::before').content]];
})"""


def _top_to_bottom(rows: list) -> None:
    """Each row starts where the one before it ends, or below: in the page's order on screen."""
    for above, below in itertools.pairwise(rows):
        assert above[3] <= below[2] + 0.5, (above, below)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_blueprint_lines_sit_between_their_groups_at_1440(opened, scheme):
    page = opened(f"journeys/{BLUEPRINT}/", DESKTOP, scheme)
    page.locator(".jm-grid-scroll").evaluate("el => { el.style.maxHeight = 'none'; }")  # all of it in view
    rows = page.evaluate(DRAWN_ROWS, None)
    assert [r[0] for r in rows] == BLUEPRINT_ROWS
    _top_to_bottom(rows)
    columns = page.evaluate(COLUMNS)
    first, last = columns[0]["x"], columns[-1]["x"] + columns[-1]["width"]
    for key in (*LINES, "beyond"):
        label, _, _, _, left, right, _ = next(r for r in rows if r[1] and r[0].startswith(LINE_WORDS[key]))
        # Across every step's column, and drawn: a pattern in each cell, not an empty row.
        assert abs(left - first) <= 1 and abs(right - last) <= 1, (label, left, right, first, last)
        image = page.evaluate("k => getComputedStyle(document.querySelector(`.jm-line--${k} td`)).backgroundImage", key)
        assert "gradient" in image, (key, image)
        assert page.locator(f".jm-line--{key} .jm-line__name").is_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_phone_card_keeps_the_blueprint_groups_in_order(opened, demo_handbook, scheme):
    journey = demo_handbook.journey_by_id[BLUEPRINT]
    page = opened(f"journeys/{BLUEPRINT}/", PHONE, scheme)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    steps = [step for _, step in journey.steps]
    for n, step in enumerate(steps):
        rows = page.evaluate(DRAWN_ROWS, n)
        labels = [r[0] for r in rows]
        # The card holds the step's lanes in the grid's order, the three lines always (an empty
        # group is two lines together), one under the other.
        assert labels == [label for label in BLUEPRINT_ROWS if label in labels], step.touchpoint
        assert [r[0] for r in rows if r[1]][:3] == [BLUEPRINT_ROWS[7], BLUEPRINT_ROWS[9], BLUEPRINT_ROWS[13]]
        _top_to_bottom(rows)
        # Each line names itself in the card (the row's label is not shown on a phone).
        names = [r[6] for r in rows if r[1]]
        assert names[:3] == [f'"{LINE_WORDS[k]}"' for k in LINES], names
        # Beyond the blueprint only above something.
        below = bool(step.opportunities or step.gaps or step.kpis)
        assert ('"Beyond the blueprint"' in names) == below, step.touchpoint
