"""The plugin starts the theme's scripts after the first paint (scripts_after_paint, on by
default: plugin/material_page.py and assets/journeys-start.js), with no theme override: on the
demo and on a handbook whose mkdocs.yml has only `theme: material` and the plugin. In Chromium,
the page is painted before Material's script is even requested, Material then starts exactly
once, and the scripts run in their order, as they did from the end of the body. Turned off, the
page loads the scripts as Material writes them."""

from __future__ import annotations

import contextlib

import pytest

from helpers import MINIMAL_MAPS, build_site, serving, write

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

SCRIPTS = (
    "() => [...document.querySelectorAll('script[src]')]"
    ".map(s => new URL(s.src).pathname.split('/').slice(-2).join('/'))"
)


def test_the_page_is_painted_before_the_theme_script_is_requested(watched):
    watched.open("journeys/")
    times = watched.page.evaluate(TIMES)
    assert times["paint"] < times["bundle"] <= times["filter"], times
    # The page holds the starter, then the copies it made of the template's scripts, in order
    # (the template's own scripts are in its content, outside the document, and never run).
    scripts = watched.page.evaluate(SCRIPTS)
    assert scripts[0] == "journeys/journeys-start.js"
    assert scripts[1].startswith("javascripts/bundle."), scripts
    assert scripts[2:] == ["journeys/journeys-filter.js", "journeys/journeys-charts.js", "journeys/journeys-search.js"]
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
    page.wait_for_selector(".md-search-result__item", timeout=30000)
    assert watched.errors == []


@pytest.fixture(scope="module")
def plain_handbooks(tmp_path_factory):
    """The small handbook with a mkdocs.yml of `theme: material` and the plugin, nothing else
    (no custom_dir), built with the option's default and with it off."""
    lanes = [{"key": "backstage", "label": "Behind the scenes"}]
    built = {}
    for on in (True, False):
        root = tmp_path_factory.mktemp(f"plain-{on}")
        write(root, MINIMAL_MAPS)
        options = {"custom_fields": lanes} | ({} if on else {"scripts_after_paint": False})
        config = {"theme": {"name": "material"}, "plugins": ["search", {"journeys": options}]}
        result = build_site(root, config=config)
        assert result.ok, result.warnings
        built[on] = result
    return built


@contextlib.contextmanager
def served(browser, site, path: str):
    """A page of `site`, served, with every error it logs about the site. (With `theme:
    material` alone, Material asks Google Fonts for its font, which this sandbox cannot reach.)"""
    with serving(site) as server:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        errors: list[str] = []
        ours = f"http://127.0.0.1:{server.server_address[1]}/"
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on(
            "console",
            lambda m: errors.append(m.text) if m.type == "error" and m.location["url"].startswith(ours) else None,
        )
        page.add_init_script(COUNT_DOCUMENTS)
        try:
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/{path}", wait_until="networkidle")
            yield page, errors
        finally:
            context.close()


def test_a_handbook_with_only_material_and_the_plugin_starts_after_the_first_paint(browser, plain_handbooks):
    built = plain_handbooks[True]
    assert "custom_dir" not in (built.site.parent / "mkdocs.yml").read_text(encoding="utf-8")
    with served(browser, built.site, "journeys/") as (page, errors):
        times = page.evaluate(TIMES)
        assert times["paint"] < times["bundle"], times
        assert page.evaluate(SCRIPTS)[0] == "journeys/journeys-start.js"
        page.wait_for_function("() => window.__documents === 1")
        page.click("input.md-search__input")
        page.keyboard.type("comparison")
        page.wait_for_selector(".md-search-result__item", timeout=30000)
        assert errors == []


def test_turned_off_the_scripts_load_as_material_writes_them(browser, plain_handbooks):
    built = plain_handbooks[False]
    html = built.html("journeys/")
    assert '<template id="__scripts">' not in html and "journeys-start.js" not in html
    with served(browser, built.site, "journeys/") as (page, errors):
        scripts = page.evaluate(SCRIPTS)
        assert scripts[0].startswith("javascripts/bundle.") and "journeys/journeys-start.js" not in scripts
        page.wait_for_function("() => window.__documents === 1")
        assert errors == []
