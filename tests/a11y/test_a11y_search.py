"""Material's search dialog answered by Pagefind, with its results and filter chips (one of
them pressed), passes axe-core's WCAG 2.2 A and AA rules in both palettes, on a wide screen and
a phone."""

from __future__ import annotations

import pytest

from a11y.axe_audit import axe_violations, describe, open_page

ANSWERED = "q => document.querySelector('.jm-search-filters')?.dataset.query === q"


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_the_search_dialog_has_no_wcag_violations(browser, base_url, axe_source, scheme, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = open_page(context, base_url, scheme)
        page.click("input.md-search__input" if width > 1000 else "label.md-header__button[for=__search]")
        page.fill("input.md-search__input", "renewal")
        page.dispatch_event("input.md-search__input", "keyup")
        page.wait_for_function(ANSWERED, arg="renewal", timeout=30000)
        page.locator(".jm-chip-group[aria-label=Kind] .jm-chip").first.click()
        page.wait_for_function("() => document.querySelector('.jm-chip[aria-pressed=true]')", timeout=30000)
        page.wait_for_selector(".md-search-result__item")
        violations = axe_violations(page, axe_source)
    finally:
        context.close()
    assert not violations, f"search dialog in the {scheme} palette at {width} px:\n{describe(violations)}"
