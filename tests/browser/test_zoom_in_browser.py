"""Journeys at every zoom level in Chromium: the journeys index's tree folds and unfolds without
JavaScript, a parent's drill-down cards and children read at 1440 px and on a phone, a child's
breadcrumbs lead back up. With UPDATE_SCREENSHOTS=1 the tests also refresh the pictures of a
parent page, a child page and a blueprint grid in docs/assets/ (then `pngquant --quality 80-95
--strip`, as for the others)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

DOCS_ASSETS = Path(__file__).resolve().parents[2] / "docs" / "assets"
DESKTOP = {"width": 1440, "height": 1080}
PHONE = {"width": 390, "height": 844}
PARENT, MACRO, MICRO = "being-a-customer", "escape-of-water-claim", "burst-pipe-at-night"


def _shoot(page, name: str, artifacts: Path, selector: str, inside: str | None = None, docs: bool = True) -> None:
    """A picture from the element `selector` down (scrolled to inside the grid with `inside`):
    into test-artifacts/, and into docs/assets/ on request when the docs show it (`docs`)."""
    page.evaluate(
        """([selector, inside]) => {
          const el = document.querySelector(selector);
          window.scrollTo(0, el.getBoundingClientRect().top + scrollY - 64);
          if (inside) {
            const grid = document.querySelector('.jm-grid-scroll'), row = document.querySelector(inside);
            const head = grid.querySelector('thead').getBoundingClientRect().height;
            grid.scrollTop = row.getBoundingClientRect().top - grid.getBoundingClientRect().top - head - 8;
          }
        }""",
        [selector, inside],
    )
    page.wait_for_timeout(400)  # Material's header swaps in the page title as it scrolls
    targets = [artifacts / name] + ([DOCS_ASSETS / name] if docs and os.environ.get("UPDATE_SCREENSHOTS") else [])
    for target in targets:
        page.screenshot(path=str(target))


def test_the_tree_folds_without_javascript(opened):
    page = opened("journeys/", DESKTOP, script=False)
    micro = page.locator(f'.jm-tree a[href="{MICRO}/"]')
    macro = page.locator(f'.jm-tree a[href="{MACRO}/"]')
    assert macro.is_visible() and not micro.is_visible()  # the top's children show, theirs wait
    page.locator(".jm-tree details:not([open]) > summary", has_text="1 journey inside").first.click()
    assert micro.is_visible()
    page.locator(".jm-tree details[open] > summary").first.click()
    assert not macro.is_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_parent_page_reads_at_1440(opened, demo_handbook, artifacts, scheme):
    page = opened(f"journeys/{PARENT}/", DESKTOP, scheme)
    # Ten steps scroll inside the grid; the page itself does not scroll sideways.
    assert page.evaluate("document.scrollingElement.scrollWidth") <= DESKTOP["width"]
    # Each card sits in the column of the step it details, with the child's curve and average.
    page.locator(".jm-grid-scroll").evaluate("el => { el.style.overflow = 'visible'; el.style.maxHeight = 'none'; }")
    placed = page.evaluate("""() => {
      const columns = [...document.querySelectorAll('.jm-grid thead th[scope=col]')].map(c => c.getBoundingClientRect());
      return [...document.querySelectorAll('.jm-lane--details .jm-zoom')].map(card => {
        const step = Number(card.closest('td').style.getPropertyValue('--jm-step')), box = card.getBoundingClientRect();
        const column = columns[step];
        return [step, column.left <= box.left && box.right <= column.right,
                !!card.querySelector('svg.jm-spark circle') && !!card.querySelector('.jm-emotion')];
      });
    }""")
    steps = [step for _, step in demo_handbook.journey_by_id[PARENT].steps]
    assert [p[0] for p in placed] == [n for n, step in enumerate(steps) if step.details]
    assert all(inside and glance for _, inside, glance in placed), placed
    assert page.locator("table.jm-children tbody tr").count() == len(placed)
    page.reload(wait_until="networkidle")
    _shoot(page, f"zoom-parent-{scheme}.png", artifacts, "#map", docs=scheme == "light")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_parent_and_its_children_read_on_a_phone(opened, artifacts, scheme):
    page = opened(f"journeys/{PARENT}/", PHONE, scheme)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    card = page.locator(".jm-lane--details .jm-zoom").first
    assert card.is_visible() and card.locator("a").inner_text() == "Buying contents cover online"
    row = page.locator("table.jm-children tbody tr").first
    assert row.is_visible() and row.bounding_box()["width"] <= PHONE["width"]
    _shoot(
        page, f"zoom-parent-phone-{scheme}.png", artifacts, ".jm-lane--details td[style*='--jm-step: 1']", docs=False
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_child_leads_back_up_and_shows_its_blueprint(opened, base_url, artifacts, scheme):
    page = opened(f"journeys/{MICRO}/", DESKTOP, scheme)
    crumbs = page.locator("nav.jm-breadcrumbs a")
    assert crumbs.all_inner_texts() == ["Being a Harbour Mutual customer", "Escape of water claim"]
    assert page.locator("nav.jm-breadcrumbs [aria-current=page]").inner_text() == "Reporting a burst pipe at night"
    _shoot(page, f"zoom-child-{scheme}.png", artifacts, ".md-content__inner", docs=scheme == "light")
    crumbs.last.click()
    page.wait_for_url(f"{base_url}journeys/{MACRO}/")
    page.locator("h1", has_text="Escape of water claim").wait_for()  # instant navigation swaps the content in


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_blueprint_grid_at_1440(opened, artifacts, scheme):
    page = opened(f"journeys/{MACRO}/", DESKTOP, scheme)
    assert page.locator(".jm-line--visibility .jm-line__name").is_visible()
    _shoot(page, f"blueprint-{scheme}.png", artifacts, "#map", ".jm-lane--pains")
    line = page.locator(".jm-line--interaction td").first.bounding_box()
    grid = page.locator(".jm-grid-scroll").bounding_box()
    assert grid["y"] < line["y"] < grid["y"] + grid["height"], "the picture shows the lines"
