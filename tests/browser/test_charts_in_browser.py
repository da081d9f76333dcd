"""The demo handbook in Chromium: charts draw on a direct load and after instant navigation,
follow the palette, and no page logs an error or asks another host for anything."""

from __future__ import annotations

PLOTLY = "assets/journeys/vendor/plotly-basic.min.js"

FIRST_LINE_COLOUR = "() => document.querySelector('.jm-chart .scatterlayer .js-line').style.stroke"
TICK_COLOUR = "() => document.querySelector('.jm-chart .ytick text').style.fill"


def _redesign(handbook):
    return next(j for j in handbook.valid_journeys if j.baseline)


def _shared(handbook):
    return next(j for j in handbook.valid_journeys if len(j.personas) > 1)


def _page_types(handbook):
    """(path, charts expected) for every page type the plugin and the docs make."""
    persona = next(p for p in handbook.personas if handbook.journeys_by_persona.get(p.id))
    stage = next(s for s in handbook.stages if any(b.stage == s.id for j in handbook.valid_journeys for b in j.stages))
    return [
        ("", 1),  # the home page embeds a journey's chart
        # The heat map, a stage's spread and the prioritisation matrix are drawn at build time.
        ("journeys/", 0),
        (f"journeys/{_redesign(handbook).id}/", 1),
        # A current-state journey draws its emotion curve in the map grid, without plotly.
        (f"journeys/{_shared(handbook).id}/", 0),
        (f"personas/{persona.id}/", 1),
        (f"stages/{stage.id}/", 0),
        (f"teams/{handbook.teams[0].id}/", 0),
        ("pain-points/", 0),
        ("personas/", 0),
        ("stages/", 0),
        ("teams/", 0),
    ]


def test_every_page_type_draws_its_charts_quietly_and_locally(watched, demo_handbook):
    for path, charts in _page_types(demo_handbook):
        watched.errors.clear()
        watched.requests.clear()
        watched.open(path)
        if charts:
            assert watched.wait_for_charts() == charts, path
            assert any(u.endswith(PLOTLY) for u in watched.requests), path
        else:
            assert watched.page.locator(".jm-chart").count() == 0, path
            assert not any(u.endswith(PLOTLY) for u in watched.requests), f"{path} fetched plotly.js without a chart"
        assert watched.errors == [], path
        assert watched.foreign == [], path


def test_chart_draws_after_instant_navigation_and_plotly_loads_once(watched, demo_handbook):
    journey = _redesign(demo_handbook)
    watched.open("")
    watched.page.evaluate("window.jmSamePage = true")
    assert watched.wait_for_charts() == 1  # the home page's embed
    watched.page.locator("a[href$='journeys/']").first.click()
    watched.page.wait_for_url("**/journeys/")
    watched.page.locator(f".jm-index a[href$='{journey.id}/']").first.click()
    watched.page.wait_for_url(f"**/journeys/{journey.id}/")
    watched.page.wait_for_selector(".jm-chart", state="attached")  # the new content is in
    assert watched.wait_for_charts() == 1
    # Still the first document: Material swapped the content instead of loading a page.
    assert watched.page.evaluate("window.jmSamePage") is True
    assert sum(u.endswith(PLOTLY) for u in watched.requests) == 1
    # The redesign and its baseline (plotly draws the traces just after the chart's frame).
    watched.page.wait_for_function("() => document.querySelectorAll('.jm-chart .scatterlayer .trace').length === 2")
    assert watched.errors == []
    assert watched.foreign == []


def _toggle_palette(page) -> None:
    page.locator("form[data-md-component='palette'] label:visible").first.click()


def test_chart_colours_follow_the_palette(watched, demo_handbook, artifacts):
    journey = _redesign(demo_handbook)
    watched.open(f"journeys/{journey.id}/")
    watched.wait_for_charts()
    light = watched.page.evaluate(f"[({FIRST_LINE_COLOUR})(), ({TICK_COLOUR})()]")
    watched.page.evaluate("document.getElementById('compared-with-today').scrollIntoView()")
    watched.page.wait_for_timeout(400)  # Material's header swaps in the page title as it scrolls
    watched.page.screenshot(path=str(artifacts / "journey-light.png"))
    _toggle_palette(watched.page)
    watched.page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    watched.page.wait_for_function(f"light => ({FIRST_LINE_COLOUR})() !== light", arg=light[0])
    dark = watched.page.evaluate(f"[({FIRST_LINE_COLOUR})(), ({TICK_COLOUR})()]")
    assert dark[0] != light[0] and dark[1] != light[1]
    watched.page.screenshot(path=str(artifacts / "journey-dark.png"))
    _toggle_palette(watched.page)
    watched.page.wait_for_function(f"light => ({FIRST_LINE_COLOUR})() === light", arg=light[0])
    assert watched.errors == []


def test_page_reads_without_javascript(browser, base_url, demo_handbook):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + f"journeys/{_redesign(demo_handbook).id}/")
    assert not page.locator(".jm-chart").is_visible()
    page.locator(".jm-chart-data summary").click()
    assert page.locator(".jm-chart-data table").first.is_visible()
    # The redesign's own emotions are in its map grid; the table holds today's curve.
    today = demo_handbook.journey_by_id[_redesign(demo_handbook).baseline]
    assert page.locator(".jm-chart-data table").first.locator("tbody tr").count() == len(today.steps)
    context.close()


def test_map_fits_a3_landscape_in_print(watched, demo_handbook):
    longest = max(demo_handbook.valid_journeys, key=lambda j: len(j.steps))
    watched.open(f"journeys/{longest.id}/")
    watched.page.emulate_media(media="print")
    # A3 landscape less 10 mm margins, in CSS pixels (96 per inch).
    watched.page.set_viewport_size({"width": round(400 / 25.4 * 96), "height": round(277 / 25.4 * 96)})
    fits = watched.page.evaluate(
        "() => { const s = document.querySelector('.jm-grid-scroll'), t = s.querySelector('table');"
        " return t.getBoundingClientRect().right <= window.innerWidth && s.scrollWidth <= s.clientWidth + 1; }"
    )
    assert fits, f"the map of {longest.id} ({len(longest.steps)} steps) is wider than A3 landscape"


def test_hover_names_the_touchpoint_channel_and_thought(watched, demo_handbook):
    journey = _redesign(demo_handbook)
    _block, step = journey.steps[0]
    watched.open(f"journeys/{journey.id}/")
    watched.wait_for_charts()
    watched.page.evaluate("document.getElementById('compared-with-today').scrollIntoView()")
    box = watched.page.locator(".jm-chart .scatterlayer .trace .points path").first.bounding_box()
    watched.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    label = watched.page.locator(".jm-chart .hoverlayer .hovertext")
    label.wait_for()
    shown = label.text_content()
    assert step.touchpoint in shown and step.channel in shown and step.thinking.split()[0] in shown
    assert watched.errors == []


def test_plotly_loads_only_when_a_chart_comes_near(watched, demo_handbook):
    journey = _redesign(demo_handbook)  # its chart sits below the map grid
    # A screen so short that the chart starts more than the 400 px look-ahead below it.
    watched.page.set_viewport_size({"width": 1280, "height": 200})
    watched.open(f"journeys/{journey.id}/")
    chart = watched.page.locator(".jm-chart")
    top = chart.evaluate("el => el.getBoundingClientRect().top")
    assert top > 200 + 400, top
    watched.page.wait_for_timeout(500)
    assert not any(u.endswith(PLOTLY) for u in watched.requests)
    # Its place is held at the chart's height, so the page does not jump when it is drawn.
    assert chart.evaluate("el => el.getBoundingClientRect().height") >= 360
    chart.scroll_into_view_if_needed()
    watched.page.wait_for_selector(".jm-chart svg.main-svg", timeout=20000)
    assert sum(u.endswith(PLOTLY) for u in watched.requests) == 1
    assert watched.errors == []


def test_a_numbered_matrix_point_opens_its_row_of_the_index(watched):
    watched.open("pain-points/")
    bubble = watched.page.locator(".jm-matrix__bubble--top").first
    bubble.scroll_into_view_if_needed()
    name = bubble.locator("title").text_content()  # what hovering shows
    number = bubble.locator("xpath=following-sibling::*[1]").text_content()
    watched.page.locator(f".jm-matrix__top li[value='{number}'] a").click()
    watched.page.wait_for_function("() => location.hash.length > 1", timeout=10000)
    target = watched.page.evaluate("() => decodeURIComponent(location.hash.slice(1))")
    row = watched.page.locator(f"[id='{target}']")
    assert row.count() == 1 and name.split(" (")[0] in row.locator(".jm-pain-text").text_content()
    assert watched.errors == []
