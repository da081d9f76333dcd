"""The editor's guide's screenshots of the form editor, taken from the real editor on a copy of
the demo, at 1440 px, with Debian's Chromium:

    python benchmarks/editor_screenshots.py        # writes docs/assets/editor-*.png

It builds a copy of the demo with the editor pointed at a decap-server of its own (npm, from
`npm ci`), as tests/browser/test_editor_in_browser.py does (tests/helpers.py, `editor_demo`),
and saves nothing."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from helpers import CHROMIUM, CHROMIUM_ARGS, editor_demo  # noqa: E402

OUT = REPO / "docs" / "assets"


def main() -> None:
    from playwright.sync_api import sync_playwright

    root = Path(tempfile.mkdtemp())
    try:
        with editor_demo(root) as admin, sync_playwright() as playwright:
            shoot(playwright, admin)
    finally:
        shutil.rmtree(root)


def shoot(playwright, admin: str) -> None:
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.goto(admin)
    page.get_by_role("button", name="Login").click()
    page.get_by_text("Personas", exact=True).first.wait_for()
    page.evaluate("location.hash = '#/collections/journeys/filter/sales'")
    page.get_by_text("Buying contents cover online").first.wait_for()
    page.wait_for_timeout(800)
    page.screenshot(path=str(OUT / "editor-journeys.png"))
    page.goto(admin + "?shot#/collections/journeys/entries/sales/buy-contents-online")
    page.get_by_label("Title", exact=True).wait_for()
    page.wait_for_timeout(1500)
    page.screenshot(path=str(OUT / "editor-journey.png"))
    label = page.locator("xpath=//div[normalize-space(text())='compare']").first
    label.locator("xpath=preceding-sibling::div[1]//button").first.click()
    step = page.locator("xpath=//div[normalize-space(text())='Click-through landing page']").first
    step.locator("xpath=preceding-sibling::div[1]//button").first.click()
    emotion = page.locator("input[id^=emotion-field]:visible").first
    emotion.scroll_into_view_if_needed()
    page.mouse.wheel(0, 250)
    emotion.click()
    page.wait_for_timeout(500)
    page.screenshot(path=str(OUT / "editor-emotion.png"))
    browser.close()


if __name__ == "__main__":
    main()
