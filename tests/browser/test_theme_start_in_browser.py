"""The demo's theme scripts start after the first paint (overrides/main.html and
overrides/assets/handbook/start-after-paint.js), in Chromium: the page is painted before
Material's script is even requested, Material then starts exactly once, and the scripts run in
their order, as they did from the end of the body."""

from __future__ import annotations

# Counts what Material's document$ emits, from the moment its script exports it.
COUNT_DOCUMENTS = """
Object.defineProperty(window, "document$", {
  configurable: true,
  get() { return this.__document$ },
  set(subject) {
    this.__document$ = subject
    window.__documents = 0
    subject.subscribe(() => { window.__documents += 1 })
  },
})
"""

TIMES = """() => {
  const paint = performance.getEntriesByName("first-contentful-paint")[0]
  const request = name => performance.getEntriesByType("resource").find(r => r.name.includes(name))
  return {
    paint: paint.startTime,
    bundle: request("/bundle.").startTime,
    filter: request("/journeys-filter.js").startTime,
  }
}"""


def test_the_page_is_painted_before_the_theme_script_is_requested(watched):
    watched.open("journeys/")
    times = watched.page.evaluate(TIMES)
    assert times["paint"] < times["bundle"] <= times["filter"], times
    # The page holds the starter, then the copies it made of the template's scripts, in order
    # (the template's own scripts are in its content, outside the document, and never run).
    scripts = watched.page.evaluate(
        "() => [...document.querySelectorAll('script[src]')]"
        ".map(s => new URL(s.src).pathname.split('/').slice(-2).join('/'))"
    )
    assert scripts[0] == "handbook/start-after-paint.js"
    assert scripts[1].startswith("javascripts/bundle."), scripts
    assert scripts[2:] == ["journeys/journeys-filter.js", "journeys/journeys-charts.js"]
    assert watched.errors == []


def test_material_starts_once_and_its_features_work(watched):
    watched.page.add_init_script(COUNT_DOCUMENTS)
    watched.open("pain-points/")
    page = watched.page
    # The filters are built by the plugin's script on document$: there, once.
    page.wait_for_selector(".jm-filter select")
    assert page.locator(".jm-filter").count() == 1
    assert page.evaluate("() => window.__documents") == 1
    # Material's own features: the palette toggle switches the scheme; below, search answers.
    scheme = page.evaluate("() => document.body.dataset.mdColorScheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function(f"() => document.body.dataset.mdColorScheme !== {scheme!r}")
    # Instant navigation hands the new page to document$ once more, and only once.
    page.click(".md-tabs a[href$='journeys/']")
    page.wait_for_function("() => location.pathname.endsWith('/journeys/')")
    page.wait_for_function("() => window.__documents === 2")
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__documents") == 2
    page.click("input.md-search__input")
    page.keyboard.type("claim")
    page.wait_for_selector(".md-search-result__item")
    assert watched.errors == []
