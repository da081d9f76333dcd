"""Using the plugin's screenshots of Material's search box answered by Pagefind, taken from a
build of the demo with Debian's Chromium:

    python benchmarks/search_screenshots.py        # writes docs/assets/search-*.png

The dialog at 1440 px in the light palette (the part of the window it covers), and a 390 px
phone in the dark one. It builds a copy of the demo in a temporary folder and saves nothing
else."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from helpers import CHROMIUM, CHROMIUM_ARGS, build_config, copy_demo, serving  # noqa: E402

OUT = REPO / "docs" / "assets"
PAGE = "journeys/policy-year-and-renewal/"
QUERY = "renewal price"
# (file, viewport width, height, palette, the part of the page kept)
SHOTS = (
    ("search-desktop-light.png", 1440, 900, "light", {"x": 470, "y": 0, "width": 720, "height": 720}),
    ("search-phone-dark.png", 390, 844, "dark", None),
)


def main() -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        built = build_config(copy_demo(Path(tmp)))
        if not built.ok:
            sys.exit("\n".join(built.warnings))
        with serving(built.site) as server, sync_playwright() as playwright:
            base = f"http://127.0.0.1:{server.server_address[1]}/"
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for name, width, height, palette, clip in SHOTS:
                context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=palette)
                page = context.new_page()
                page.goto(base + PAGE, wait_until="networkidle")
                # On a phone the box is behind the header's search button.
                page.click("label.md-header__button[for=__search]" if width < 960 else "input.md-search__input")
                page.fill("input.md-search__input", QUERY)
                page.dispatch_event("input.md-search__input", "keyup")  # Material searches on keyup
                page.wait_for_function(
                    "q => document.querySelector('.jm-search-filters')?.dataset.query === q", arg=QUERY
                )
                page.wait_for_timeout(800)  # Material's list settles after the chips
                page.screenshot(path=str(OUT / name), clip=clip)
                context.close()
            browser.close()


if __name__ == "__main__":
    main()
