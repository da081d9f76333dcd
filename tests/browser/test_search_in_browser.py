"""Material's search box answered by Pagefind (search: pagefind), in Chromium, over the demo
handbook: each ranking rule for every item of the demo (a touchpoint's words find its journey,
a pain point's words its row in the index, a persona's name its profile), the result's place on
the page (journey › stage › touchpoint) and highlighted excerpt, the filter chips, Material's
keys, instant navigation, both palettes, author text shown as text, and a page opened from a
file saying why it cannot search. Screenshots go to test-artifacts/ for review."""

from __future__ import annotations

import json
import shutil

from helpers import build_site, serving

RESULTS = (
    "() => [...document.querySelectorAll('.md-search-result__item')].map(item =>"
    " [...item.querySelectorAll('a.md-search-result__link')].map(a => new URL(a.href).pathname + new URL(a.href).hash))"
)


def ask(page, query: str) -> None:
    """Give the search box `query` at once (Material searches on keyup) and wait for its answer:
    the chips' line for this very query, and Material's list once it stays put (the two come
    from the worker by different ways)."""
    page.fill("input.md-search__input", query)
    page.dispatch_event("input.md-search__input", "keyup")
    answered(page, query)


def answered(page, query: str) -> None:
    page.wait_for_function(
        "q => document.querySelector('.jm-search-filters')?.dataset.query === q", arg=query, timeout=30000
    )
    page.evaluate(SETTLED)


SETTLED = (
    "async () => { let last = null; for (;;) {"
    " const now = document.querySelector('.md-search-result__list').innerHTML;"
    " if (now === last) return; last = now; await new Promise(r => setTimeout(r, 250)); } }"
)


def stay_open(page) -> None:
    """Open the search box (again, if Material's page swap has closed it) until it stays open."""
    for _ in range(5):
        if not page.evaluate("() => document.getElementById('__search').checked"):
            # Material opens the box when its input gains focus: a focused input gains none.
            page.evaluate("() => document.activeElement?.blur()")
            page.click("input.md-search__input")
        page.wait_for_timeout(300)
        if page.evaluate("() => document.getElementById('__search').checked"):
            return
    raise AssertionError("the search box does not stay open")


def stay_closed(page) -> None:
    """Close the search box with Escape until it stays closed: Escape pressed while Material is
    still opening the box (it opens on focus) leaves it open over the page's links."""
    for _ in range(5):
        page.wait_for_timeout(300)
        if not page.evaluate("() => document.getElementById('__search').checked"):
            return
        page.keyboard.press("Escape")
    raise AssertionError("the search box does not close")


def opened(watched, path: str = ""):
    watched.open(path)
    watched.page.click("input.md-search__input")
    return watched.page


def results(watched) -> list[list[str]]:
    """Each result's links (its page, then its places), as paths from the site root."""
    root = watched.base_url.split("/", 3)[3]
    return [[href[len(root) + 1 :] for href in item] for item in watched.page.evaluate(RESULTS)]


def test_every_touchpoint_finds_its_journey_first(watched, demo_handbook):
    page = opened(watched)
    journeys: dict[str, set[str]] = {}
    for journey in demo_handbook.valid_journeys:
        for _, step in journey.steps:
            journeys.setdefault(step.touchpoint, set()).add(f"journeys/{journey.id}/")
    for touchpoint, pages in sorted(journeys.items()):
        ask(page, touchpoint)
        assert results(watched)[0][0] in pages, (touchpoint, results(watched)[:2])
    assert len(journeys) >= 40 and watched.errors == []


def test_every_pain_point_finds_its_row_first(watched, demo_handbook):
    page = opened(watched)
    for pain in demo_handbook.pain_points:
        ask(page, pain.text.rstrip("."))
        # The index page heads the result, its row is the place shown.
        assert results(watched)[0][:2] == ["pain-points/", f"pain-points/#{pain.id}"], (pain.id, results(watched)[:2])
    assert watched.errors == []


def test_every_persona_finds_its_profile_first(watched, demo_handbook):
    page = opened(watched)
    for persona in demo_handbook.personas:
        ask(page, persona.name)
        assert results(watched)[0][0] == f"personas/{persona.id}/", (persona.name, results(watched)[:2])
    assert watched.errors == []


def test_a_result_says_where_in_the_map_and_marks_the_words(watched, artifacts):
    page = opened(watched)
    ask(page, "Loss adjuster visit")
    first = page.locator(".md-search-result__item").first
    assert results(watched)[0][:2] == [
        "journeys/escape-of-water-claim/",
        "journeys/escape-of-water-claim/#step-claim-2",
    ]
    # The journey heads the result; its best place, the step, is named by stage › touchpoint.
    assert first.locator("h1").inner_text() == "Escape of water claim"
    assert first.locator("h2").first.inner_text() == "Claim › Loss adjuster visit"
    # Its excerpt is the step's cell that holds most of the words, which are marked.
    shown = first.locator(":scope > a").nth(1).locator("article")
    assert "Walks the loss adjuster round the damage" in shown.inner_text()
    assert {"loss", "adjuster"} <= {word.lower() for word in shown.locator("mark").all_inner_texts()}
    # A journey that shares some of the words is found too, below.
    assert "journeys/landlord-tenant-damage-claim/" in [links[0] for links in results(watched)]
    # The line above the chips counts what was found.
    assert page.locator(".jm-search-filters__status").inner_text() == "2 matching documents"
    page.screenshot(path=str(artifacts / "search-result-1280-light.png"))
    assert watched.errors == []


def test_a_chip_narrows_the_results_and_a_second_click_takes_it_back(watched, artifacts):
    page = opened(watched)
    ask(page, "renewal")
    everything = results(watched)
    assert {links[0].split("/")[0] for links in everything} >= {"journeys", "pain-points"}
    chip = page.locator(".jm-chip-group[aria-label=Kind] .jm-chip", has_text="Pain point")
    assert chip.get_attribute("aria-pressed") == "false"
    chip.click()
    answered(page, 'renewal kind:"Pain point"')
    assert page.input_value("input.md-search__input") == 'renewal kind:"Pain point"'
    narrowed = results(watched)
    assert narrowed and all(links[1].startswith("pain-points/#") for links in narrowed), narrowed
    pressed = page.locator(".jm-chip[aria-pressed=true]")
    assert pressed.count() == 1 and pressed.inner_text().startswith("Pain point")
    assert page.locator("[data-md-toggle=search]").is_checked()  # the dialog stays open
    page.screenshot(path=str(artifacts / "search-chips-1280-light.png"))
    pressed.click()
    answered(page, "renewal")
    assert results(watched) == everything
    # A filter typed by hand, in any case, is the chip's.
    ask(page, "renewal severity:critical")
    assert page.locator(".jm-chip[aria-pressed=true]").inner_text().startswith("critical")
    assert all(links[0] for links in results(watched))
    assert watched.errors == []


def test_materials_keys_open_the_box_and_reach_the_chips(watched):
    watched.open("stages/")
    page = watched.page
    page.keyboard.press("/")  # Material's shortcut to the search box
    assert page.evaluate("() => document.activeElement.matches('input.md-search__input')")
    page.keyboard.type("claim handler")
    answered(page, "claim handler")
    page.keyboard.press("ArrowDown")  # Material's arrow keys walk the links below the box
    assert page.evaluate("() => document.activeElement.classList.contains('jm-chip')")
    chosen = page.evaluate("() => document.activeElement.textContent")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('.jm-search-filters').dataset.query !== 'claim handler'")
    answered(page, page.input_value("input.md-search__input"))
    assert page.input_value("input.md-search__input").startswith("claim handler ")
    assert page.locator(".jm-chip[aria-pressed=true]").first.inner_text().startswith(chosen.rstrip("×"))
    page.keyboard.press("Escape")
    assert not page.locator("[data-md-toggle=search]").is_checked()
    assert watched.errors == []


def test_search_answers_after_instant_navigation_and_a_result_opens_its_place(watched):
    page = opened(watched)
    page.keyboard.press("Escape")
    stay_closed(page)
    page.click(".md-tabs a[href$='personas/']")
    page.wait_for_function("() => location.pathname.endsWith('/personas/')")
    # Material swaps the page in after the address changes, and the swap closes a search box
    # opened before it ends: wait for the new page's heading, then for the box to stay open.
    page.wait_for_function("() => document.querySelector('.md-content h1')?.textContent.startsWith('Personas')")
    stay_open(page)
    ask(page, "Loss adjuster visit")
    stay_open(page)
    page.locator(".md-search-result__item").first.locator("a").nth(1).click()
    page.wait_for_function("() => location.pathname.endsWith('/journeys/escape-of-water-claim/')")
    assert page.evaluate("() => location.hash") == "#step-claim-2"
    assert page.locator("#step-claim-2").is_visible()
    # The page came by instant navigation: the box is the same and answers again.
    page.click("input.md-search__input")
    ask(page, "Dan and Leah")
    assert results(watched)[0][0] == "personas/family-homeowner/"
    assert page.evaluate("() => performance.getEntriesByType('navigation').length") == 1
    assert watched.errors == [] and watched.foreign == []


def test_the_dark_palette_and_a_phone(browser, base_url, artifacts):
    for width, scheme in ((390, "dark"), (1440, "dark"), (390, "light")):
        context = browser.new_context(viewport={"width": width, "height": 844}, color_scheme=scheme)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
        page.goto(base_url, wait_until="networkidle")
        page.click("label.md-header__button[for=__search]" if width < 1220 else "input.md-search__input")
        ask(page, "renewal")
        page.locator(".jm-chip-group[aria-label=Kind] .jm-chip").first.click()
        page.wait_for_function("() => document.querySelector('.jm-chip[aria-pressed=true]')")
        body = page.evaluate("() => document.body.dataset.mdColorScheme")
        assert body == ("slate" if scheme == "dark" else "default")
        # A pressed chip reads in the palette's own colours, not the light ones.
        colours = page.evaluate(
            "() => { const s = getComputedStyle(document.querySelector('.jm-chip[aria-pressed=true]'));"
            " return [s.color, s.backgroundColor] }"
        )
        assert colours[0] != colours[1]
        page.screenshot(path=str(artifacts / f"search-{width}-{scheme}.png"))
        context.close()
        assert errors == []


def test_author_text_in_a_result_is_shown_as_text(browser, handbook_dir):
    image, words = '<img src=x onerror="window.__hacked=1">', "Broken <b>quote</b> step"
    hostile = f"{image} {words}"
    source = handbook_dir / "maps" / "journeys" / "sales" / "buy.md"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("touchpoint: Comparison site", f"touchpoint: {json.dumps(hostile)}", 1), "utf-8")
    lanes = [{"key": "backstage", "label": "Behind the scenes"}]
    built = build_site(handbook_dir, config={"plugins": ["search", {"journeys": {"custom_fields": lanes}}]})
    assert built.ok, built.warnings
    with serving(built.site) as server:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/", wait_until="networkidle")
        page.click("input.md-search__input")
        ask(page, "Broken quote step")
        item = page.locator(".md-search-result__item").first
        shown = item.inner_text()
        assert words in shown and image.split()[0] in shown
        assert item.locator("img, b").count() == 0
        assert page.evaluate("() => window.__hacked") is None
        context.close()


def test_a_page_opened_from_a_file_says_why_it_cannot_search(browser, demo_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(demo_site, site)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto((site / "index.html").as_uri(), wait_until="load")
    field = page.locator("input.md-search__input")
    field.wait_for(state="visible")
    page.wait_for_function("() => document.querySelector('input.md-search__input').disabled")
    assert field.get_attribute("placeholder") == "Search needs the handbook on a web server"
    assert "cannot load the search index" in field.get_attribute("title")
    context.close()


def test_a_site_served_under_a_path_links_its_results_there(browser, demo_site, tmp_path):
    shutil.copytree(demo_site, tmp_path / "handbook")
    with serving(tmp_path) as server:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/handbook/journeys/", wait_until="networkidle")
        page.click("input.md-search__input")
        ask(page, "Loss adjuster visit")
        first = page.locator(".md-search-result__item a.md-search-result__link").first.get_attribute("href")
        assert first.startswith(f"http://127.0.0.1:{server.server_address[1]}/handbook/journeys/escape-of-water-claim/")
        context.close()
