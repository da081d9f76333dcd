"""Every page type of the demo handbook passes axe-core's WCAG 2.2 A and AA rules in both
palettes."""

from __future__ import annotations

import pytest

from a11y.axe_audit import axe_violations, describe, open_page
from a11y.demo_pages import PAGE_TYPES


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_page_has_no_wcag_violations(browser, base_url, axe_source, kind, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = open_page(context, base_url + PAGE_TYPES[kind], scheme)
        violations = axe_violations(page, axe_source)
    finally:
        context.close()
    assert not violations, f"{kind} page in the {scheme} palette:\n{describe(violations)}"
