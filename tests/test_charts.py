"""Chart specs are plain data: checked directly, then on a real build (assets, plotly_js)."""

from __future__ import annotations

import datetime
import filecmp
import html
import json
import os
import re

import pytest

from helpers import build_site, write
from html_tree import parse
from journeys.core import load_handbook
from journeys.plugin.config import JourneysConfig
from journeys.render import charts, site_files
from journeys.render.context import Context
from journeys.render.labels import LABELS
from journeys.render.urls import Site

HOSTILE = "</script><img src=x onerror=alert(1)>\u2028%{y}&amp;"
HOSTILE_YAML = HOSTILE.replace("\u2028", "\\u2028")  # a YAML escape inside double quotes


def _handbook(root):
    return load_handbook(str(root / "maps"), custom_fields=[("backstage", "Behind the scenes")], root=str(root))


def _ctx(**kw):
    return Context(Site(), datetime.date(2026, 1, 1), **kw)


def _chart_json(html_text: str) -> list[dict]:
    """The specs of every chart in a page, as the browser reads them from the attribute."""
    return [json.loads(html.unescape(m)) for m in re.findall(r'data-chart="([^"]*)"', html_text)]


def _walk(value, key=""):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _walk(v, key)
    else:
        yield key, value


def test_journey_chart_has_one_point_per_step_in_time_order_under_stage_bands(handbook_dir):
    handbook = _handbook(handbook_dir)
    buy = handbook.journey_by_id["buy"]
    spec = charts.journey_chart(handbook, buy, LABELS)
    [curve] = spec["data"]
    assert curve["x"] == [0, 1] and curve["y"] == [-1, 1]
    assert "Comparison site" in curve["hovertext"][0] and "Web" in curve["hovertext"][0]
    assert "Which one is real?" in curve["hovertext"][0] and "Emotion: -1 negative" in curve["hovertext"][0]
    layout = spec["layout"]
    # The stages name their bands along the axis (plotly turns crowded labels upright).
    assert layout["xaxis"]["ticktext"] == ["Discover", "Buy"] and layout["xaxis"]["tickvals"] == [0, 1]
    assert "annotations" not in layout
    band = [s for s in layout["shapes"] if s["type"] == "rect"]
    assert [(s["x0"], s["x1"]) for s in band] == [(-0.5, 0.5)]  # every other stage is shaded
    assert [s["x0"] for s in layout["shapes"] if s["type"] == "line"] == [0.5]  # a separator between stages
    assert layout["yaxis"]["zeroline"] is True and layout["yaxis"]["tickvals"] == [-2, -1, 0, 1, 2]
    assert "0<br>neutral" in layout["yaxis"]["ticktext"]  # a word a line: narrow on a phone
    assert layout["showlegend"] is False


def test_future_state_overlays_its_baseline_stage_by_stage(handbook_dir):
    handbook = _handbook(handbook_dir)
    future = handbook.journey_by_id["buy-future"]
    spec = charts.journey_chart(handbook, future, LABELS)
    ours, baseline = spec["data"]
    assert ours["y"] == [2] and baseline["y"] == [1]  # only the stage the redesign covers
    assert baseline["x"] == [0] and baseline["line"]["dash"] == "dash"
    assert baseline["name"].startswith("Today: Buying online")
    assert spec["layout"]["showlegend"] is True
    assert "Today: Checkout" in baseline["hovertext"][0]


def test_baseline_steps_spread_evenly_over_the_band():
    assert charts._within(3, 2, 1) == [3.5]
    assert charts._within(0, 3, 2) == [0.25, 1.75]
    assert charts._within(0, 1, 2) == [-0.25, 0.25]


def test_journey_figure_says_when_personas_share_it_and_has_a_table(tmp_path, handbook_dir):
    write(
        handbook_dir,
        {
            "maps/journeys/sales/buy.md": (handbook_dir / "maps/journeys/sales/buy.md")
            .read_text()
            .replace("personas: [maya]", "personas: [maya, omar]")
        },
    )
    handbook = _handbook(handbook_dir)
    here = "journeys/buy.md"
    out = charts.journey_figure(handbook, handbook.journey_by_id["buy"], _ctx(), here)
    assert "shared by 2 personas&#58; Maya, first&#45;time buyer, Omar, landlord" in out
    assert 'role="img" aria-label="Line chart.' in out
    table = parse(out).find("details", cls="jm-chart-data", data_search_exclude="true")
    assert table.find("summary").text == "The chart as a table"
    assert ("./#step-discover-1", "Comparison site") in table.links()  # its column on the journey's own page
    assert 'data-plotly="../../assets/journeys/vendor/plotly-basic.min.js"' in out


def test_persona_chart_has_a_curve_per_journey_over_shared_stage_bands(handbook_dir):
    handbook = _handbook(handbook_dir)
    journeys = handbook.journeys_by_persona["maya"]
    spec = charts.persona_chart(handbook, journeys, LABELS)
    assert [t["name"] for t in spec["data"]] == ["Buying online", "Buying online, redesigned (future state)"]
    today, future = spec["data"]
    assert future["x"] == [1] and future["line"]["dash"] == "dash"
    assert today["x"] == [0, 1] and today["y"] == [-1, 1]
    assert future["line"]["color"] != today["line"]["color"]
    assert future["marker"]["symbol"] != today["marker"]["symbol"]
    # Stage names are whole axis labels under the bands (plotly stands them upright when
    # they would overlap), not notes inside the plot.
    assert spec["layout"]["xaxis"]["ticktext"] == ["Discover", "Buy"] and spec["layout"]["xaxis"]["tickvals"] == [0, 1]
    assert "annotations" not in spec["layout"] or not spec["layout"]["annotations"]


def test_specs_name_colour_roles_only_and_carry_no_template(handbook_dir):
    handbook = _handbook(handbook_dir)
    specs = [charts.journey_chart(handbook, j, LABELS) for j in handbook.journeys]
    specs.append(charts.persona_chart(handbook, handbook.journeys_by_persona["maya"], LABELS))
    assert len(specs) > 1
    for spec in specs:
        assert "template" not in spec["layout"]
        colours = [v for k, v in _walk(spec) if k.endswith("color") or k == "colorscale"]
        assert colours and all(
            isinstance(v, (int, float)) or v.startswith("@jm-") or v == "rgba(0,0,0,0)" for v in colours
        )


def test_hostile_author_text_stays_escaped_in_the_chart_attribute(handbook_dir):
    write(
        handbook_dir,
        {
            "maps/journeys/evil.md": f"""
        ---
        title: "{HOSTILE_YAML}"
        personas: [omar]
        stages:
          - stage: buy
            steps:
              - touchpoint: "{HOSTILE_YAML}"
                channel: "{HOSTILE_YAML}"
                thinking: "{HOSTILE_YAML}"
                emotion: -2
        ---
    """
        },
    )
    handbook = _handbook(handbook_dir)
    evil = handbook.journey_by_id["evil"]
    assert evil.title == HOSTILE and not evil.problems
    out = charts.journey_figure(handbook, evil, _ctx(), "journeys/evil.md")
    attribute = re.search(r'data-chart="([^"]*)"', out).group(1)
    for raw in ("</script", "<img", "\u2028", "<", ">", '"'):
        assert raw not in attribute
    assert "\u2028" not in out
    # The author's text is text: no element of it, and the table shows it as typed.
    assert not parse(out).find_all("img") and not parse(out).find_all("script")
    assert HOSTILE.split("\u2028")[0] in parse(out).text
    [spec] = _chart_json(out)
    # Plotly reads tags in strings: what it gets shows the author's text as typed, not as markup.
    hover = spec["data"][0]["hovertext"][0]
    assert html.escape(HOSTILE, quote=False) in hover
    assert set(re.findall(r"</?(\w+)", hover)) <= {"b", "i", "br"}  # plotly's formatting, no other tag
    assert spec["data"][0]["name"] == html.escape(HOSTILE, quote=False)
    assert spec["data"][0]["hoverinfo"] == "text"  # no template that would read %{y} in author text


def test_figure_output_is_stable(handbook_dir):
    handbook = _handbook(handbook_dir)
    journey = handbook.journey_by_id["buy-future"]
    assert charts.journey_figure(handbook, journey, _ctx(), "journeys/buy-future.md") == charts.journey_figure(
        _handbook(handbook_dir), journey, _ctx(), "journeys/buy-future.md"
    )


def test_plotly_src_is_relative_per_page_or_the_users_url():
    assert charts.plotly_src(_ctx(), "journeys/buy.md") == "../../assets/journeys/vendor/plotly-basic.min.js"
    assert (
        charts.plotly_src(Context(Site("cx/"), datetime.date(2026, 1, 1)), "cx/journeys/index.md")
        == "../../assets/journeys/vendor/plotly-basic.min.js"
    )
    assert (
        charts.plotly_src(Context(Site(use_directory_urls=False), datetime.date(2026, 1, 1)), "journeys/buy.md")
        == "../assets/journeys/vendor/plotly-basic.min.js"
    )
    assert (
        charts.plotly_src(_ctx(plotly_js="https://cdn.example/plotly.js"), "journeys/buy.md")
        == "https://cdn.example/plotly.js"
    )


def test_build_serves_the_packaged_plotly_and_one_chart_script(handbook_dir):
    built = build_site(handbook_dir)
    assert built.ok, built.warnings
    served = built.site / "assets/journeys/vendor/plotly-basic.min.js"
    assert filecmp.cmp(served, os.path.join(site_files.VENDOR, "plotly-basic.min.js"), shallow=False)
    assert (built.site / "assets/journeys/vendor/plotly-LICENSE.txt").is_file()
    # A current-state journey draws its curve in the map grid; only a redesign laid over its
    # baseline keeps a plotly chart.
    assert _chart_json(built.html("journeys/buy/")) == []
    page = built.html("journeys/buy-future/")
    assert "../../assets/journeys/journeys-charts.js" in [s.attrs.get("src") for s in parse(page).find_all("script")]
    assert 'data-plotly="../../assets/journeys/vendor/plotly-basic.min.js"' in page
    assert len(_chart_json(page)) == 1
    assert len(_chart_json(built.html("personas/maya/"))) == 1
    # The heat map, a stage's spread and the pain-point matrix are drawn at build time.
    for path, drawn in (("journeys/", "jm-heat"), ("stages/buy/", "jm-spread"), ("pain-points/", "jm-matrix")):
        assert _chart_json(built.html(path)) == [] and f'class="jm-figure {drawn}"' in built.html(path), path
    assert _chart_json(built.html("teams/sales/")) == []
    # No inline script anywhere in the generated content: every <script> has a src.
    assert parse(page).find("article").find_all("script") == []


def test_plotly_js_option_points_pages_at_the_users_copy(handbook_dir):
    config = {
        "plugins": [
            "search",
            {
                "journeys": {
                    "plotly_js": "https://cdn.example/plotly-3.js",
                    "custom_fields": [{"key": "backstage", "label": "Backstage"}],
                }
            },
        ]
    }
    built = build_site(handbook_dir, config=config)
    assert built.ok, built.warnings
    assert 'data-plotly="https://cdn.example/plotly-3.js"' in built.html("journeys/buy-future/")
    assert not (built.site / "assets/journeys/vendor").exists()


@pytest.mark.parametrize("value", [3, ["a"]])
def test_plotly_js_option_must_be_a_string(value):
    config = JourneysConfig()
    config.load_dict({"plotly_js": value})
    errors, _ = config.validate()
    assert [name for name, _ in errors] == ["plotly_js"]


def test_persona_chart_keeps_every_stage_name_whole(handbook_dir):
    """Stage names on the persona chart are wrapped, never cut short."""
    name = "Comparing every quote the market has to offer"
    write(handbook_dir, {"maps/stages.yml": f"- {{id: discover, name: {name}}}\n- {{id: buy, name: Buy}}\n"})
    handbook = _handbook(handbook_dir)
    persona = charts.persona_chart(handbook, handbook.journeys_by_persona["maya"], LABELS)["layout"]
    assert not [label for label in persona["xaxis"]["ticktext"] if "…" in label]
    assert name in [label.replace("<br>", " ") for label in persona["xaxis"]["ticktext"]]
