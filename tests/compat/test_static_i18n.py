"""mkdocs-static-i18n: the handbook in two languages, with its charts in both."""

from __future__ import annotations

from compat.demo import build_demo, chart_pages, demo_config, missing_plotly, with_plugins
from helpers import serving

I18N = {
    "i18n": {
        "docs_structure": "suffix",
        # Its contextual language switcher does not work with navigation.instant, and it says so
        # with a warning; the handbook's pages do not depend on it.
        "reconfigure_material": False,
        "languages": [{"locale": "en", "default": True, "name": "English"}, {"locale": "fr", "name": "Français"}],
    }
}


def _build(demo_copy):
    (demo_copy / "docs" / "index.fr.md").write_text("# Parcours clients\n", encoding="utf-8")
    return build_demo(demo_copy, with_plugins(demo_config(demo_copy), before=[I18N]))


def test_both_languages_build_strict_with_every_generated_page(demo_copy):
    built = _build(demo_copy)
    assert built.ok, built.warnings
    english = {p.relative_to(built.site).as_posix() for p in built.site.glob("journeys/*/index.html")}
    french = {p.relative_to(built.site / "fr").as_posix() for p in (built.site / "fr").glob("journeys/*/index.html")}
    assert len(english) >= 8 and french == english
    assert "Parcours clients" in built.html("fr/")
    for page in ("personas/", "stages/", "teams/", "pain-points/"):
        assert 'class="md-content"' in built.html("fr/" + page), page
    assert (built.site / "fr" / "assets/journeys/vendor/plotly-basic.min.js").is_file()
    assert len(chart_pages(built.site / "fr")) >= 5  # the redesign and the persona pages
    assert missing_plotly(built.site) == []


def test_a_chart_draws_on_a_french_page(demo_copy, browser):
    built = _build(demo_copy)
    assert built.ok, built.warnings
    journey = "renewal-redesign-2027"  # a redesign keeps its plotly chart
    assert (built.site / "fr" / "journeys" / journey / "index.html").is_file()
    with serving(built.site) as server:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on(
            "response",
            lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 and "plotly" in r.url else None,
        )
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/fr/journeys/{journey}/", wait_until="load")
        page.locator(".jm-chart").scroll_into_view_if_needed()
        page.wait_for_selector(".jm-chart svg.main-svg .scatterlayer .trace", timeout=20000)
        context.close()
    assert errors == []
