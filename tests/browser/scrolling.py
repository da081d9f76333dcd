"""Bringing charts into view in a real browser, as a reader scrolls to them."""

from __future__ import annotations


def reach_charts(page) -> None:
    """Scroll to each chart in turn, as a reader does: plotly.js loads and a chart draws when it
    comes near. In the page's own script, so charts that instant navigation swaps in while it
    runs are the ones it reaches."""
    page.evaluate(
        "async () => { for (const chart of document.querySelectorAll('.jm-chart')) {"
        " chart.scrollIntoView({block: 'center'}); await new Promise(r => setTimeout(r, 150)); } }"
    )
