"""The pages and exports of measures over time (map format 1.2), on a real build of the handbook
of tests/measures_handbook.py: health on the journey page (header, stages, KPIs), a chart for
each KPI that names a measure, the journeys index, the measure pages, stage, team and persona
pages, journeys.json and measures.csv."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil

import pytest

from broken_inputs import CUSTOM_FIELDS
from helpers import build_site, write
from html_tree import article, headed
from journeys.core import load_handbook
from journeys.core.options import OptionError, from_mapping
from journeys.render import pagination
from journeys.render.context import Context
from journeys.render.site_files import site_files
from journeys.render.urls import Site
from measures_handbook import EPOCH, FILES, TODAY

CUSTOM = [{"key": key, "label": label} for key, label in CUSTOM_FIELDS]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("measures")
    write(root, FILES)
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        result = build_site(root)
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before
    assert result.ok, result.warnings
    return result


def healths(element) -> list[str]:
    return [e.attrs["data-health"] for e in element.find_all("span", cls="jm-health")]


def test_the_journey_header_counts_its_kpis_by_health_worst_first(built):
    health = article(built, "journeys/buy/").find("dl", cls="jm-meta").terms()["Health"]
    assert health.text == "1 off target · 1 no data · 1 stale · 2 on target"
    # Never colour alone: each count has its word, and the stylesheet draws its shape from
    # data-health (tests/browser/test_measures_in_browser.py looks at it).
    assert healths(health) == ["off-target", "no-data", "stale", "on-target"]


def test_the_key_measures_list_every_kpi_with_its_scope_values_and_health(built):
    table = article(built, "journeys/buy/").find("table", cls="jm-kpis--health")
    rows = [[c.text for c in row] for row in table.rows()]
    assert rows == [
        ["Buying NPS", "whole journey", "22", "20", "", "on target", "2026-05-31"],
        ["Conversion", "whole journey", "27", "30", "%", "off target", "2026-05-31"],
        ["Conversion", "whole journey", "18%", "25%", "", "", ""],
        ["Days waiting", "Discover", "2.5", "3", "d", "on target", "2026-05-31"],
        ["Buying effort", "Buy", "4", "3", "", "stale", "2026-01-31"],
        ["Conversion", "Checkout", "", "25", "%", "no data", ""],
    ]
    # A measure's name links to its page; a scope to the stage or the step.
    assert table.rows()[0][0].links() == [("../../measures/nps/", "Buying NPS")]
    assert table.rows()[5][1].links() == [("./#step-buy-1", "Checkout")]


def test_each_stage_of_the_map_shows_its_worst_health(built):
    stages = article(built, "journeys/buy/").find("tr", cls="jm-grid__stages")
    by_stage = {th.attrs["id"]: healths(th) for th in stages.find_all("th")}
    # discover: its KPI on target (the step's KPI is typed by hand); buy: stale and no data.
    assert by_stage == {"stage-discover": ["on-target"], "stage-buy": ["no-data"]}


def test_a_chart_over_time_for_each_kpi_that_names_a_measure(built):
    root = article(built, "journeys/buy/")
    charts, legend = headed(root, "Measures over time")
    # One key for every chart of the page, with the shading of a stale period: one is stale.
    assert "jm-mchart__legend" in legend.classes and legend.attrs["aria-hidden"] == "true"
    assert legend.text == "meets the target misses it target no value since the latest, to the build date"
    figures = charts.find_all("figure", cls="jm-mchart")
    assert [f.find("figcaption").text for f in figures] == [
        "Buying NPS, whole journey",
        "Conversion, whole journey",
        "Days waiting, Discover",
        "Buying effort, Buy",
        "Conversion, Checkout",
    ]
    nps = figures[0]
    assert nps.find("p", cls="jm-mchart__summary").text == (
        "on target latest 22 on 2026-05-31 (15 days ago); target 20 or more"
    )
    # Drawn at build time: an SVG, hidden from assistive technology, and its values as a table.
    frame = nps.find("div", cls="jm-mchart__frame")
    assert frame.attrs["aria-hidden"] == "true" and frame.find("svg").find_all("polyline")
    assert not root.find_all("script")
    table = nps.find("details", cls="jm-chart-data").find("table")
    assert [[c.text for c in row] for row in table.rows()] == [
        ["2026-05-31", "22", "125", "https://survey.example.com/nps"],
        ["2026-04-30", "15", "130", "Survey"],
        ["2026-03-31", "10", "120", "Survey"],
    ]
    # Lower is better: the side that meets the target is below it; a miss is a square dot.
    wait = figures[2].find("svg", cls="jm-mchart__svg")
    assert wait.find("rect", cls="jm-mchart__goal") and wait.find("path", cls="jm-mchart__missed")


def test_stale_and_missing_values_are_shown_as_such_never_as_zero(built):
    figures = article(built, "journeys/buy/").find_all("figure", cls="jm-mchart")
    stale, missing = figures[3], figures[4]
    assert stale.find("p", cls="jm-mchart__summary").text.startswith("stale latest 4 on 2026-01-31 (135 days ago)")
    assert stale.find("rect", cls="jm-mchart__stale")
    assert stale.find("span", cls="jm-mchart__stale-label").text == "no data"
    assert missing.find("p", cls="jm-mchart__summary").text == "no data no values yet in this scope; target 25% or more"
    assert not missing.find_all("svg", cls="jm-mchart__svg") and not missing.find_all("table")


def test_the_journeys_index_shows_each_journeys_health(built):
    table = article(built, "journeys/").find("table", cls="jm-index")
    health = dict(zip(table.column("Journey"), table.column("Health")))
    assert health["Buying online"] == "1 off target · 1 no data · 1 stale · 2 on target"
    assert health["Buying online, redesigned"] == ""


def test_the_measures_index_lists_every_measure(built):
    table = article(built, "measures/").find("table", cls="jm-index")
    rows = [[c.text for c in row] for row in table.rows()]
    assert rows[0] == ["Buying NPS", "NPS", "", "higher is better", "20", "Sales team", "5", "1 on target"]
    assert [r[0] for r in rows] == ["Buying NPS", "Conversion", "Days waiting", "Buying effort"]
    assert rows[1][-1] == "1 off target · 1 no data"
    assert table.rows()[3][0].links() == [("effort/", "Buying effort")]


def test_a_measure_page_shows_every_series_of_the_measure(built):
    root = article(built, "measures/nps/")
    terms = {t: dd.text for t, dd in root.find("dl", cls="jm-meta").terms().items()}
    assert terms == {
        "Kind": "NPS",
        "Better": "higher is better",
        "Target": "20",
        "Owner": "Sales team",
        "Values": "10 values from 2026-03-31 to 2026-05-31",
        "KPIs that name it": "1 on target",
    }
    chart, legend = headed(root, "Across the handbook")
    assert chart.find("figcaption").text == "Buying NPS, whole handbook"
    assert "no value since" not in legend.text  # its one chart is not stale
    # Every value of the series has the same source: said once, above its table.
    values = chart.find("details", cls="jm-chart-data")
    assert values.find("p").text == "Source of every value: Survey."
    assert [th.text for th in values.find("table").find_all("th")] == ["Date", "Value", "Sample"]
    table = root.find("table", cls="jm-series")
    scopes = [row[0].text for row in table.rows()]
    assert scopes == [
        "whole handbook",
        "customers of Maya, first-time buyer",
        "Discover, every journey",
        "Buying online",
        "Buying online › Discover › Comparison site",
    ]
    journey = table.rows()[3]
    assert [c.text for c in journey[1:5]] == ["22", "2026-05-31", "20", "on target"]
    assert journey[5].find("svg", cls="jm-spark").attrs["aria-hidden"] == "true"
    assert journey[6].find("details").find("dl").terms()["2026-03-31"].text == "10"


def test_stage_team_and_persona_pages_show_their_measures(built):
    found = headed(article(built, "stages/discover/"), "Measures")
    kpis = next(e for e in found if e.tag == "table")
    assert [[c.text for c in row][:6] for row in kpis.rows()] == [
        ["Days waiting", "Buying online", "2.5", "3", "d", "on target"]
    ]
    charts = next(e for e in found if "jm-mcharts" in e.classes)
    assert charts.find("figcaption").text == "Buying NPS, Discover, every journey"
    team = article(built, "teams/sales/")
    [owned, summary, *_] = headed(team, "Measures")
    assert owned.links() == [("../../measures/nps/", "Buying NPS")]
    # sales owns buy: its journey's and stages' KPIs, counted by health (its steps' are below).
    assert "jm-kpi-counts" in summary.classes
    assert healths(summary) == ["off-target", "stale", "on-target"]
    persona = article(built, "personas/maya/")
    assert "Health" in [th.text for th in persona.find("table", cls="jm-index").find_all("th")]
    chart, _ = headed(persona, "Measures")
    assert chart.find("figcaption").text == "Buying NPS, customers of Maya, first-time buyer"


def test_journeys_json_version_2_holds_the_catalogue_every_value_and_each_kpis_measure(built):
    data = json.loads((built.site / "journeys.json").read_text(encoding="utf-8"))
    assert data["version"] == 2
    nps = data["measures"][0]
    assert {k: nps[k] for k in ("id", "kind", "unit", "better", "target", "owner", "url")} == {
        "id": "nps",
        "kind": "nps",
        "unit": "",
        "better": "higher",
        "target": 20.0,
        "owner": "sales",
        "url": "measures/nps/",
    }
    assert sum(len(m["values"]) for m in data["measures"]) == 14
    assert nps["values"][0] == {
        "date": "2026-03-31",
        "value": 8.0,
        "journey": None,
        "stage": None,
        "step": None,
        "persona": None,
        "n": 900,
        "source": "Survey",
    }
    buy = next(j for j in data["journeys"] if j["id"] == "buy")
    assert buy["kpis"][0] == {
        "name": "Buying NPS",
        "measure": "nps",
        "current": "22",
        "target": "20",
        "unit": None,
        "as_of": "2026-05-31",
    }
    assert buy["stages"][0]["kpis"][0]["measure"] == "wait"


def test_measures_csv_is_every_value_in_the_columns_of_a_measures_file(built, tmp_path, monkeypatch):
    text = (built.site / "measures.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == ["date", "measure", "value", "journey", "stage", "step", "persona", "n", "source"]
    assert len(rows) == 14
    step = next(r for r in rows if r["step"])
    assert (step["journey"], step["stage"], step["step"], step["value"]) == ("buy", "discover", "comparison", "18")
    # It reads back as a measures file, the same values.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    write(tmp_path, FILES)
    for name in ("values.csv", "more.csv"):
        (tmp_path / "maps" / "measures" / name).unlink()
    shutil.copy(built.site / "measures.csv", tmp_path / "maps" / "measures" / "all.csv")
    again = load_handbook(tmp_path / "maps", root=tmp_path, custom_fields=CUSTOM_FIELDS)
    assert again.problems == () and len(again.measure_values) == 14


def test_a_mistake_in_a_values_file_fails_a_strict_build_and_the_rest_publishes(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    write(tmp_path, FILES)
    with open(tmp_path / "maps" / "measures" / "values.csv", "a", encoding="utf-8") as handle:
        handle.write("2026-05-31,nps,twenty,buy,,,,,\n")
    strict = build_site(tmp_path)
    assert not strict.ok
    assert any("maps/measures/values.csv:15:16: value: 'twenty' is not a number" in w for w in strict.warnings)
    lenient = build_site(tmp_path, strict=False)
    assert lenient.ok and (lenient.site / "measures" / "nps" / "index.html").is_file()


def test_the_series_of_a_measure_continue_on_list_pages(tmp_path, monkeypatch):
    """A measure read by many journeys pages its series like the other aggregate pages."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    write(tmp_path, FILES)
    handbook = load_handbook(tmp_path / "maps", root=tmp_path, custom_fields=CUSTOM_FIELDS)
    monkeypatch.setattr(pagination, "BUDGET", 3_000)
    pages = {p.src: p for p in site_files(handbook, Context(Site(), TODAY)).pages}
    parts = sorted(src for src in pages if src.startswith("measures/nps"))
    assert parts == ["measures/nps.md", "measures/nps/page-2.md", "measures/nps/page-3.md"]
    assert "jm-pager" in pages["measures/nps/page-2.md"].body
    assert pages["measures/nps/page-2.md"].search == {"exclude": True}


def test_measures_stale_after_days_decides_what_is_stale(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    write(tmp_path, FILES)
    config = {"plugins": [{"journeys": {"measures_stale_after_days": 200, "custom_fields": list(CUSTOM)}}]}
    built = build_site(tmp_path, config=config)
    assert built.ok, built.warnings
    # The effort value is 135 days old: not stale within 200 days, and 4 misses the target 3.
    health = article(built, "journeys/buy/").find("dl", cls="jm-meta").terms()["Health"]
    assert healths(health) == ["off-target", "no-data", "on-target"]
    assert health.text == "2 off target · 1 no data · 2 on target"
    with pytest.raises(OptionError, match="expected a whole number of days"):
        from_mapping({"measures_stale_after_days": -1})
