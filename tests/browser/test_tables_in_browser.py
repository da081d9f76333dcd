"""Generated tables on the aggregate pages in Chromium: ruled like Material's own in both
palettes, readable column widths in the pain-point index, cards on a phone, no page wider than
a phone, a linked pain point's row highlighted, and chart labels that stay whole."""

from __future__ import annotations

import pytest

from browser.scrolling import reach_charts

TABLES = ".md-typeset :is(.jm-index, .jm-kpis, .jm-emotions, .jm-stage-steps, .jm-team-touchpoints, .jm-pain-index, .jm-chart-table)"
CARDS = TABLES.replace(".jm-emotions, ", "")


def aggregate_pages(handbook) -> list[str]:
    """Every aggregate page type: the indexes, and a persona, stage and team page with tables."""
    persona = next(p for p in handbook.personas if handbook.journeys_by_persona.get(p.id))
    stage = next(s for s in handbook.stages if any(b.stage == s.id for j in handbook.valid_journeys for b in j.stages))
    team = next(t for t in handbook.teams if any(s.owner == t.id for j in handbook.valid_journeys for _, s in j.steps))
    return [
        "journeys/",
        "personas/",
        f"personas/{persona.id}/",
        "stages/",
        f"stages/{stage.id}/",
        "teams/",
        f"teams/{team.id}/",
        "pain-points/",
    ]


@pytest.fixture
def viewer(browser, base_url):
    """Open a path at a width and colour scheme; returns the page."""
    contexts = []

    def open_(path: str, width: int = 1440, scheme: str = "light"):
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        contexts.append(context)
        page = context.new_page()
        page.goto(base_url + path, wait_until="networkidle")
        return page

    yield open_
    for context in contexts:
        context.close()


RULES = f"""() => [...document.querySelectorAll(`{TABLES}`)].map(t => {{
  const head = getComputedStyle(t.querySelector('thead tr'));
  const rows = [...t.querySelectorAll('tbody tr')].map(r => getComputedStyle(r));
  return {{cls: t.className, head: [head.borderBottomStyle, parseFloat(head.borderBottomWidth)],
          rows: rows.map(r => [r.borderBottomStyle, parseFloat(r.borderBottomWidth), r.borderBottomColor]),
          bold: getComputedStyle(t.querySelector('thead th')).fontWeight}};
}})"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_generated_table_is_ruled_between_rows(viewer, demo_handbook, scheme):
    assert aggregate_pages(demo_handbook)
    for path in aggregate_pages(demo_handbook):
        tables = viewer(path, 1440, scheme).evaluate(RULES)
        assert tables, f"{path}: no generated table"
        for table in tables:
            where = f"{path} {table['cls']} ({scheme})"
            assert table["head"][0] == "solid" and table["head"][1] >= 1.5, where
            assert all(style == "solid" and width >= 0.9 for style, width, _ in table["rows"]), where
            assert all(colour not in ("rgba(0, 0, 0, 0)", "transparent") for *_, colour in table["rows"]), where
            assert int(table["bold"]) >= 700, where


def test_numeric_columns_align_right(viewer):
    cells = viewer("teams/").evaluate(
        "() => [...document.querySelectorAll('.jm-index td')].map(c => [c.classList.contains('jm-num'), getComputedStyle(c).textAlign])"
    )
    assert {align for numeric, align in cells if numeric} == {"right"}
    assert {align for numeric, align in cells if not numeric} == {"left"}


def test_no_text_cell_of_the_pain_point_index_is_narrower_than_72_px(viewer):
    widths = viewer("pain-points/").evaluate(
        "() => [...document.querySelectorAll('.jm-pain-index tbody td:not(.jm-num)')]"
        ".map(c => [c.dataset.label, c.getBoundingClientRect().width])"
    )
    assert len(widths) > 50
    narrow = [(label, round(w)) for label, w in widths if w < 72]
    assert not narrow, narrow


def test_no_aggregate_page_is_wider_than_a_phone(viewer, demo_handbook):
    assert aggregate_pages(demo_handbook)
    for path in aggregate_pages(demo_handbook):
        page = viewer(path, 390)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path


def test_tables_become_cards_below_600_px(viewer, demo_handbook):
    assert aggregate_pages(demo_handbook)
    for path in aggregate_pages(demo_handbook):
        for width, cards in ((390, True), (800, False)):
            shown = viewer(path, width).evaluate(f"""() => [...document.querySelectorAll(`{CARDS}`)]
              .filter(t => t.offsetParent !== null).map(t => {{
                const row = t.querySelector('tbody tr'), cell = t.querySelector('tbody td[data-label]');
                return [getComputedStyle(row).display, t.querySelector('thead').getBoundingClientRect().height,
                        getComputedStyle(cell, '::before').content, cell.dataset.label];
              }})""")
            assert shown, path
            for display, head_height, label, expected in shown:
                if cards:
                    assert display == "block" and head_height <= 1, (path, display, head_height)
                    assert label == f'"{expected}"', (path, label)
                else:
                    assert display == "table-row" and head_height > 1 and label == "none", path


def test_a_link_to_a_pain_point_lands_on_a_highlighted_row(viewer, demo_handbook):
    first, second = (p.id for p in demo_handbook.pain_points[:2])
    page = viewer(f"pain-points/#{second}")
    background, shadow = page.evaluate(
        "id => [getComputedStyle(document.getElementById(id)).backgroundColor,"
        " getComputedStyle(document.getElementById(id)).boxShadow]",
        second,
    )
    other = page.evaluate("id => getComputedStyle(document.getElementById(id)).backgroundColor", first)
    assert background != other and background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert shadow != "none"  # a bar too, not colour alone
    top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", second)
    assert 0 <= top < 900


OVERLAPS = """() => [...document.querySelectorAll('.jm-chart')].map(chart => {
  const boxes = [...chart.querySelectorAll('.xtick text, .ytick text, .annotation-text, .cbaxis text')]
    .filter(t => t.textContent.trim()).map(t => t.getBoundingClientRect());
  const svg = chart.querySelector('svg.main-svg').getBoundingClientRect();
  let overlaps = 0, outside = 0;
  boxes.forEach((a, i) => {
    if (a.left < svg.left - 1 || a.right > svg.right + 1) outside++;
    boxes.slice(i + 1).forEach(b => {
      if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) overlaps++;
    });
  });
  return {labels: boxes.length, overlaps, outside};
})"""


DRAWN_OVERLAPS = """() => [...document.querySelectorAll('.jm-heat, .jm-spread, .jm-matrix')].map(chart => {
  const labels = '.jm-heat__table th, .jm-heat__score, .jm-spread__axis text, .jm-spread__title,'
    + ' .jm-matrix__level, .jm-matrix__tick, .jm-matrix__number';
  const boxes = [...chart.querySelectorAll(labels)].filter(t => t.textContent.trim()).map(t => t.getBoundingClientRect());
  // A heat map wider than a phone scrolls inside its own box: its labels count within that.
  const scroll = chart.querySelector('.jm-heat__scroll');
  const frame = chart.getBoundingClientRect();
  const right = frame.left + (scroll ? scroll.scrollWidth : frame.width);
  let overlaps = 0, outside = 0;
  boxes.forEach((a, i) => {
    if (a.left < frame.left - 1 || a.right > right + 1) outside++;
    boxes.slice(i + 1).forEach(b => {
      if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) overlaps++;
    });
  });
  return {kind: chart.className, labels: boxes.length, overlaps, outside};
})"""


def _redesign(handbook) -> str:
    return "journeys/" + next(j for j in handbook.valid_journeys if j.baseline).id + "/"


@pytest.mark.parametrize("width", [1440, 390])
def test_plotly_chart_labels_stay_whole_and_apart(viewer, demo_handbook, width):
    persona = aggregate_pages(demo_handbook)[2]
    for path in ("", _redesign(demo_handbook), persona):
        page = viewer(path, width)
        reach_charts(page)
        page.wait_for_function(
            "() => [...document.querySelectorAll('.jm-chart')].every(c => c.querySelector('svg.main-svg'))",
            timeout=20000,
        )
        charts = page.evaluate(OVERLAPS)
        assert charts, path
        for chart in charts:
            assert chart["labels"] > 4, path
            assert chart["overlaps"] == 0 and chart["outside"] == 0, (path, width, chart)


@pytest.mark.parametrize("width", [1440, 390])
def test_drawn_chart_labels_stay_whole_and_apart(viewer, demo_handbook, width):
    stage = aggregate_pages(demo_handbook)[4]
    for path in ("journeys/", stage, "pain-points/"):
        charts = viewer(path, width).evaluate(DRAWN_OVERLAPS)
        assert len(charts) == 1, path
        for chart in charts:
            assert chart["labels"] > 4, path
            assert chart["overlaps"] == 0 and chart["outside"] == 0, (path, width, chart)


def test_heat_map_cells_keep_a_readable_width_on_a_phone(viewer):
    page = viewer("journeys/", 390)
    cells = page.evaluate(
        "() => [...document.querySelectorAll('.jm-heat__cell')].map(c => c.getBoundingClientRect().width)"
    )
    assert cells and min(cells) >= 36, cells
    # Wider than the screen, the map scrolls inside its box with the persona names in view.
    scroll = page.locator(".jm-heat__scroll")
    scroll.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    name = page.locator(".jm-heat__table tbody th").first.bounding_box()
    assert name["x"] >= 0 and name["x"] + name["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
