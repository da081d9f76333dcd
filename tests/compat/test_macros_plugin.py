"""mkdocs-macros renders every page as a Jinja template: the demo, whose security page shows
Jinja syntax, still builds strictly, and generated pages keep their author text as typed."""

from __future__ import annotations

from compat.demo import build_demo, demo_config, with_plugins

MAP = "maps/journeys/sales/buy-contents-online.md"


def test_demo_builds_strict_with_macros(demo_copy):
    with open(demo_copy / MAP, "a", encoding="utf-8") as handle:
        handle.write("\nThe survey form said {{ config.site_name }} and {% raw %} to us.\n")
    built = build_demo(demo_copy, with_plugins(demo_config(demo_copy), after=[{"macros": {"on_error_fail": True}}]))
    assert built.ok, built.warnings
    security = built.html("security/")
    assert "{{ … }}" in security and "{% … %}" in security
    assert len(list(built.site.glob("journeys/*/index.html"))) >= 8
    assert "The survey form said {{ config.site_name }} and {% raw %} to us." in built.html(
        "journeys/buy-contents-online/"
    )
