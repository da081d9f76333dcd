"""The form editor, driven as an editor would: Decap CMS from a real build of the demo, saving
through decap-server (npm) into a copy of the demo that is a git work tree. A journey is created
through the form (its persona and stage picked from the relations), one touchpoint's emotion of
a demo map is changed, and the files on disk must pass the check and show, in `journeys diff`,
exactly those changes."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
import yaml

from helpers import DECAP_SERVER, editor_demo
from journeys.cli import main
from journeys.core import load_handbook

CUSTOM = [("backstage", "Behind the scenes")]


@pytest.fixture
def editor_site(tmp_path):
    """The demo in a git work tree, built with the editor pointed at a decap-server of its own."""
    root = tmp_path / "handbook"
    root.mkdir()
    if not DECAP_SERVER.is_file():
        pytest.fail(f"{DECAP_SERVER} is missing: run `npm ci` (package.json lists decap-server)")
    with editor_demo(root) as admin:
        yield root, admin


def _choose(page, field, text: str) -> None:
    """Pick `text` in a react-select widget (relation or select), as a person types and chooses."""
    field.click()
    field.fill(text)
    page.locator("[id^=react-select][id*=-option-]").filter(has_text=text).first.click()


def _expand(page, summary: str) -> None:
    """Open the collapsed list item whose summary is `summary`."""
    label = page.locator(f"xpath=//div[normalize-space(text())={summary!r}]").first
    label.locator("xpath=preceding-sibling::div[1]//button").first.click()


def _publish(page) -> None:
    page.get_by_role("button", name="Publish").first.click()
    page.get_by_text("Publish now", exact=True).click()
    page.get_by_text("Entry saved").first.wait_for(timeout=20000)


def _front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def test_create_a_journey_and_change_an_emotion_through_the_form(editor_site, browser, capsys):
    root, admin = editor_site
    started = time.monotonic()
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(admin)
    page.get_by_role("button", name="Login").click()
    page.get_by_text("Personas", exact=True).first.wait_for()

    # A new journey in the sales folder: persona and stage chosen from what the handbook has.
    page.evaluate("location.hash = '#/collections/journeys/new'")
    page.get_by_label("Folder", exact=True).fill("sales")
    page.get_by_label("Title", exact=True).fill("Adding a bike to the policy")
    _choose(page, page.get_by_label("Personas", exact=True), "Priya, first-time renter")
    page.get_by_role("button", name="Add stages").click()
    _choose(page, page.locator("input[id^=stage-field]:visible").first, "Use & change")
    page.get_by_role("button", name="Add steps").click()
    page.locator("input[id^=touchpoint-field]:visible").first.fill("Add a bike in the app")
    _choose(page, page.locator("input[id^=emotion-field]:visible").first, "+1 positive")
    _publish(page)
    created = root / "maps/journeys/sales/adding-a-bike-to-the-policy.md"
    assert created.is_file(), sorted(p.name for p in (root / "maps/journeys/sales").iterdir())

    # One touchpoint's emotion of a demo map that has shorthand pain points and KPIs.
    page.goto(admin + "?again#/collections/journeys/entries/sales/buy-contents-online")
    page.get_by_label("Title", exact=True).wait_for()
    _expand(page, "compare")
    _expand(page, "Click-through landing page")
    emotion = page.locator("input[id^=emotion-field]:visible").first
    _choose(page, emotion, "-1 negative")
    _publish(page)
    elapsed = time.monotonic() - started
    context.close()
    assert not errors

    assert _front_matter(created) == {
        "title": "Adding a bike to the policy",
        "personas": ["first-time-renter"],
        "state": "current",
        "visibility": "internal",
        "stages": [{"stage": "manage", "steps": [{"touchpoint": "Add a bike in the app", "emotion": 1}]}],
    }
    handbook = load_handbook(str(root / "maps"), custom_fields=CUSTOM, root=str(root))
    assert handbook.problems == ()
    cwd = os.getcwd()
    os.chdir(root)
    try:
        assert main(["diff", "HEAD"]) == 0
    finally:
        os.chdir(cwd)
    out = capsys.readouterr().out.splitlines()
    assert out[1:] == [
        "maps/journeys/sales/adding-a-bike-to-the-policy.md [journey]",
        "  - Map added: Adding a bike to the policy",
        "maps/journeys/sales/buy-contents-online.md [journey]",
        "  - Emotion: Click-through landing page: -2 → -1",
    ]
    print(f"editor round in the browser: {elapsed:.1f} s")
