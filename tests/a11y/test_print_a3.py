"""Journey maps are printed for workshops: a journey page printed from Chromium comes out on A3
landscape, and its map grid fits whole and legible on one sheet."""

from __future__ import annotations

import re

from a11y.demo_pages import BROKEN_ID, JOURNEY

A3_LANDSCAPE = (1190.55, 841.89)  # points
# Chromium rounds the sheet to whole CSS pixels, about half a point off.
TOLERANCE = 1.0
# 400 mm of A3's 420 mm width is left inside the 10 mm margins of the print stylesheet.
PRINTABLE_WIDTH_PX = round(400 / 25.4 * 96)
SMALLEST_PRINT_PT = 7
# Sheet 1 the title and measures; sheet 2 the map, its emotion lane and cards; then ownership
# and the narrative.
MOST_SHEETS = 5
ONLY_THE_MAP = ".md-content__inner > :not(.jm-grid-scroll) { display: none !important; }"


def sheets(pdf: bytes) -> list[tuple[float, float]]:
    """The width and height of every page of a PDF, read from its MediaBoxes (Chromium writes one
    per page)."""
    count = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
    boxes = [tuple(float(v) for v in box.split()) for box in re.findall(rb"/MediaBox\s*\[([^\]]*)\]", pdf)]
    assert len(boxes) == count, f"{count} pages but {len(boxes)} MediaBoxes"
    return [(x1 - x0, y1 - y0) for x0, y0, x1, y1 in boxes]


def is_a3_landscape(size: tuple[float, float]) -> bool:
    return all(abs(got - want) <= TOLERANCE for got, want in zip(size, A3_LANDSCAPE))


def print_pdf(page) -> bytes:
    # The sheet size comes from the stylesheet's @page rule, as it does for a reader's Ctrl+P.
    return page.pdf(prefer_css_page_size=True, print_background=True)


def open_journey(browser, url: str):
    context = browser.new_context(viewport={"width": PRINTABLE_WIDTH_PX, "height": 900})
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    return context, page


def test_journey_page_prints_on_a3_landscape(browser, base_url):
    context, page = open_journey(browser, base_url + JOURNEY)
    try:
        page.wait_for_selector(".jm-lane--emotion svg.jm-curve")
        sizes = sheets(print_pdf(page))
    finally:
        context.close()
    assert 1 <= len(sizes) <= MOST_SHEETS, f"{len(sizes)} sheets"
    assert all(is_a3_landscape(s) for s in sizes), sizes


def test_every_demo_map_fits_one_sheet_and_stays_legible(browser, base_url, demo_site):
    journeys = sorted(
        p.parent.name for p in (demo_site / "journeys").glob("*/index.html") if p.parent.name != BROKEN_ID
    )
    assert len(journeys) >= 2
    problems = []
    for journey in journeys:
        context, page = open_journey(browser, f"{base_url}journeys/{journey}/")
        try:
            page.emulate_media(media="print")
            layout = page.evaluate("""() => {
              const box = document.querySelector('.jm-grid-scroll'), table = box.querySelector('table');
              const sizes = [...table.querySelectorAll('th, td')].map(c => parseFloat(getComputedStyle(c).fontSize));
              return {overflow: table.scrollWidth - box.clientWidth, right: table.getBoundingClientRect().right,
                      smallest: Math.min(...sizes) * 0.75};
            }""")
            page.add_style_tag(content=ONLY_THE_MAP)
            sizes = sheets(print_pdf(page))
        finally:
            context.close()
        if layout["overflow"] > 1 or layout["right"] > PRINTABLE_WIDTH_PX + 1:
            problems.append(f"{journey}: the grid is wider than the sheet ({layout})")
        if round(layout["smallest"], 1) < SMALLEST_PRINT_PT:
            problems.append(f"{journey}: grid text prints at {layout['smallest']:.1f} pt")
        if len(sizes) != 1 or not is_a3_landscape(sizes[0]):
            problems.append(f"{journey}: the map alone prints on {sizes}, not one A3 landscape sheet")
    assert not problems, "\n".join(problems)
