"""The markup of every generated page is in templates a site overrides: no render module
writes HTML, the shared pieces are macros a site replaces one by one, and they speak the
site's words (a translated handbook's KPI table and error box are translated too)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import journeys.render
from helpers import BASE_CONFIG, build_site, write
from html_tree import article, parse

RENDER = Path(journeys.render.__file__).parent
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9-]*)")
# Plotly draws its own labels from a small text format that borrows these tags (a line break,
# bold, italic): they are data of a chart spec (render/charts.py), which plotly reads, never HTML
# of a page.
PLOTLY_TEXT = {"charts.py": {"br", "b", "i"}}


def _docstrings(tree: ast.Module) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def test_no_render_module_writes_html():
    modules = sorted(RENDER.glob("*.py"))
    assert len(modules) > 25
    found = []
    for path in modules:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = _docstrings(tree)
        allowed = PLOTLY_TEXT.get(path.name, set())
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                tags = {t.lower() for t in TAG.findall(node.value)}
                if tags - allowed:
                    found.append(f"{path.name}:{node.lineno}: {node.value[:60]!r}")
    assert found == []


def test_the_scan_finds_html_where_there_is_some():
    """The test above would see markup written the way the render modules used to write it."""
    tree = ast.parse("x = f'<td{attrs}>{content}</td>'\ny = '<span class=\"jm-status\">'\n")
    assert sum(1 for n in ast.walk(tree) if isinstance(n, ast.Constant) and TAG.search(str(n.value))) == 3


TRANSLATED = {
    "col_measure": "Indicateur",
    "col_current": "Actuel",
    "col_target": "Cible",
    "col_unit": "Unité",
    "journey_measures_caption": "Indicateurs du parcours",
    "problems_title": "Cette carte a des erreurs",
    "problems_hint": "Lancez {command} pour les voir.",
}
BROKEN = """
    ---
    title: Broken map
    personas: [maya]
    stages:
      - stage: buy
        steps:
          - touchpoint: Checkout
            emotion: 7
    ---
"""


def config(**options) -> dict:
    journeys = dict(BASE_CONFIG["plugins"][1]["journeys"], **options)
    return {"plugins": ["search", {"journeys": journeys}]}


def with_overrides(**options) -> dict:
    return {**config(**options), "theme": {**BASE_CONFIG["theme"], "custom_dir": "overrides"}}


def test_the_kpi_table_and_the_error_box_follow_translated_labels(handbook_dir):
    write(
        handbook_dir,
        {"maps/journeys/broken.md": BROKEN, "maps/personas/lost.md": "---\nname: Lost\nsegment: [x]\n---\n"},
    )
    built = build_site(handbook_dir, strict=False, config=config(labels=TRANSLATED))
    kpis = article(built, "journeys/buy/").find("table", cls="jm-kpis")
    assert [th.text for th in kpis.find("thead").find_all("th")] == ["Indicateur", "Actuel", "Cible", "Unité"]
    assert kpis.find("caption").text == "Indicateurs du parcours"
    assert [c.attrs["data-label"] for c in kpis.rows()[0]] == ["Indicateur", "Actuel", "Cible", "Unité"]
    for url in ("journeys/broken/", "personas/lost/"):
        box = article(built, url).find("div", cls="jm-problems")
        assert box.find("p", cls="admonition-title").text == "Cette carte a des erreurs"
        assert box.find_all("p")[-1].text == "Lancez journeys check pour les voir."
        assert "This map has errors" not in built.html(url)


SEVERITY = """
{#- A house badge: severity as a word in capitals. -#}
{% macro severity(level) %}<strong class="house-severity">{{ level|upper }}</strong>{% endmacro %}
"""


def test_a_site_overrides_one_macro_and_keeps_the_others(handbook_dir):
    write(handbook_dir, {"overrides/journeys/macros.html": SEVERITY})
    built = build_site(handbook_dir, config=with_overrides())
    assert built.ok, built.warnings
    # The badge everywhere a severity shows: a card on the map, a row of the index, a list.
    card = article(built, "journeys/buy/").find("li", cls="jm-card--pain")
    assert card.find("strong", cls="house-severity").text == "HIGH"
    row = article(built, "pain-points/").find("tr", id="price-mismatch")
    assert row.find("strong", cls="house-severity").text == "HIGH"
    assert article(built, "personas/maya/").find("ul", cls="jm-pains").find("strong", cls="house-severity")
    assert "jm-severity" not in built.html("journeys/buy/")
    # The rest is the package's: links, chips, tables, cards.
    assert card.find("p", cls="jm-card__text").links() == [
        ("../../pain-points/#price-mismatch", "Price changes after click-through.")
    ]
    assert article(built, "journeys/buy/").find("span", cls="jm-emotion")


def test_an_override_may_wrap_the_package_macro(handbook_dir):
    wrapper = """
    {% import "journeys-package/macros.html" as package %}
    {% macro status(value) %}<span class="house-status">{{ package.status(value) }}</span>{% endmacro %}
    """
    write(handbook_dir, {"overrides/journeys/macros.html": wrapper})
    built = build_site(handbook_dir, config=with_overrides())
    assert built.ok, built.warnings
    status = article(built, "journeys/buy/").find("span", cls="house-status")
    assert status.find("span", cls="jm-status").text == "open"


@pytest.mark.parametrize(
    "override, message",
    [
        (
            "{% macro pain_crad(pain) %}x{% endmacro %}",
            "macros.html: unknown macro 'pain_crad' (did you mean 'pain_card'?)",
        ),
        ("{% macro severity(level) %}{{ colour }}{% endmacro %}", "macros.html:1: 'colour' is undefined"),
    ],
)
def test_a_mistake_in_a_macro_override_is_one_clear_error(handbook_dir, override, message):
    write(handbook_dir, {"overrides/journeys/macros.html": override})
    built = build_site(handbook_dir, config=with_overrides())
    assert not built.ok
    assert any(message in w and "overrides/journeys/macros.html" in w for w in built.warnings), built.warnings


def test_a_macro_escapes_author_text_and_keeps_markup(handbook_dir):
    from journeys.render.templating import Templates

    macros = Templates().macros
    label = "<b>R&D</b> *x*"
    link = macros.link("a/?x=1&y=2", label)
    # The text is text (no <b> element) and stays out of Markdown's reach (`*` as a reference).
    assert parse(link).links() == [("a/?x=1&y=2", label)] and parse(link).find_all("b") == []
    assert "&#42;x&#42;" in link
    assert parse(macros.evidence("javascript:alert(1)")).find_all("a") == []
    assert parse(macros.evidence("https://tickets.example.com/1")).links() == [
        ("https://tickets.example.com/1", "https://tickets.example.com/1")
    ]
