"""The editor's guide's screenshots of the form editor, taken from the real editor on a copy of
the demo, at 1440 px, with Debian's Chromium:

    python benchmarks/editor_screenshots.py        # writes docs/assets/editor-*.png

It builds the demo with the editor pointed at a decap-server of its own (npm, from `npm ci`),
as tests/browser/test_editor_in_browser.py does, and saves nothing."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from helpers import CHROMIUM, CHROMIUM_ARGS, build_config, copy_demo, serving  # noqa: E402

OUT = REPO / "docs" / "assets"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    from playwright.sync_api import sync_playwright

    root = Path(tempfile.mkdtemp())
    try:
        copy_demo(root)
        port = free_port()
        config = (root / "mkdocs.yml").read_text(encoding="utf-8")
        config = config.replace(
            "      review_after_days: 180\n",
            f"      review_after_days: 180\n      editor:\n        local_backend: http://127.0.0.1:{port}/api/v1\n",
            1,
        )
        (root / "mkdocs.yml").write_text(config, encoding="utf-8")
        assert build_config(root).ok
        env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(root)}
        server = subprocess.Popen(
            ["node", str(REPO / "node_modules/decap-server/dist/index.js")], env=env, stdout=subprocess.DEVNULL
        )
        time.sleep(2)
        try:
            with serving(root / "site") as web, sync_playwright() as playwright:
                shoot(playwright, f"http://127.0.0.1:{web.server_address[1]}/admin/")
        finally:
            server.terminate()
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
