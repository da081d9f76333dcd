"""Measures over time (map format 1.2) in Chromium: each health has its shape beside its word in
both palettes, the charts keep their drawn height and their dots at every width, and a journey
page with charts is no wider than a phone."""

from __future__ import annotations

import pytest

JOURNEY = "journeys/escape-of-water-claim/"  # three KPIs off target, one stale, four charts

SHAPES = """() => [...document.querySelectorAll('.jm-health')].map(e => {
  const shape = getComputedStyle(e, '::before');
  return [e.dataset.health, e.textContent.trim(), shape.maskImage || shape.webkitMaskImage,
          parseFloat(shape.width), shape.backgroundColor, getComputedStyle(e).color];
})"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_health_has_its_shape_and_its_word(viewer, scheme):
    found = viewer(JOURNEY, scheme=scheme).evaluate(SHAPES)
    assert {state for state, *_ in found} == {"off-target", "stale"}
    words = {"off-target": "off target", "stale": "stale"}
    for state, text, mask, width, fill, colour in found:
        assert text.endswith(words[state]), (state, text)
        assert mask.startswith('url("data:image/svg+xml'), (state, mask)
        assert width >= 10, (state, width)
        assert fill == colour, (state, fill, colour)  # the shape takes the word's colour
    # Each health has a shape of its own, so a reader who cannot tell the colours apart tells
    # the shapes (the demo's measures index shows three of the four).
    shown = viewer("measures/", scheme=scheme).evaluate(SHAPES)
    shapes = {state: mask for state, _, mask, *_ in shown}
    assert len(shapes) >= 3 and len(set(shapes.values())) == len(shapes)


@pytest.mark.parametrize("width", [1440, 390])
def test_charts_keep_their_height_and_draw_every_value(viewer, width):
    page = viewer(JOURNEY, width=width)
    charts = page.evaluate("""() => [...document.querySelectorAll('.jm-mchart__svg')].map(svg => {
      const dots = [...svg.querySelectorAll('.jm-mchart__met, .jm-mchart__missed')].map(p => p.getBBox());
      return [svg.getBoundingClientRect().height, svg.getBoundingClientRect().width,
              svg.querySelectorAll('polyline').length, dots.length];
    })""")
    assert len(charts) == 4
    for height, across, lines, dots in charts:
        assert height == 140 and across > 200, (height, across)
        assert lines >= 1 and dots >= 1
    assert page.evaluate("document.documentElement.scrollWidth") <= width
