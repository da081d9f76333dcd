"""Page templates and interface labels as a site owner changes them: a template under the
theme's custom_dir replaces the package's, the `labels` option rewords pages, a mistake in
either is one clear error, and `journeys export` honours both."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest
import yaml

from helpers import BASE_CONFIG, build_site, write
from html_tree import article, parse
from journeys.cli import main
from journeys.render.templating import Templates

OVERRIDE = """\
{#- A house layout of the team index. -#}
# {{ labels.teams_title }}

<p class="house-intro">Our teams ({{ labels.teams_intro }})</p>

{{ table }}
"""


def plugin_config(**options) -> dict:
    journeys = dict(BASE_CONFIG["plugins"][1]["journeys"], **options)
    return {"plugins": ["search", {"journeys": journeys}]}


def test_a_template_in_custom_dir_replaces_the_package_layout(handbook_dir):
    write(handbook_dir, {"overrides/journeys/teams_index.html": OVERRIDE})
    config = {**plugin_config(), "theme": {**BASE_CONFIG["theme"], "custom_dir": "overrides"}}
    built = build_site(handbook_dir, config=config)
    assert built.ok, built.warnings
    teams = article(built, "teams/")
    assert (
        teams.find("p", cls="house-intro").text
        == "Our teams (Who owns and supports each part of the customer experience.)"
    )
    assert [row[0].text for row in teams.find("table", cls="jm-index").rows()] == ["Sales team", "Customer care"]
    # Other pages keep the package layout.
    assert article(built, "stages/").find("table", cls="jm-index")


FRAME = """\
{#- A house frame of every list page. -#}
<p class="house-part">{{ heading }}, {{ range }}: {{ intro }}</p>

{% block rows %}{% endblock %}
"""


def test_list_part_in_custom_dir_frames_every_list_page_and_each_kind_keeps_its_rows(tmp_path):
    write(tmp_path, {"journeys/list_part.html": FRAME})
    templates = Templates(str(tmp_path))
    persona = parse(
        templates.render(
            "persona_part.html",
            persona={"name": "Maya"},
            persona_link="Maya's page",
            range="3–4",
            pager=None,
            figure="The chart",
        )
    )
    assert persona.find("p", cls="house-part").text == "Maya, 3–4: Journeys 3–4 of Maya's page, charted step by step."
    assert "The chart" in persona.text
    index = parse(templates.render("insights_part.html", index_link="the index", range="5–6", pager=None, index="Rows"))
    assert index.find("p", cls="house-part").text.startswith("Insights, 5–6: ")
    assert "Rows" in index.text


def test_the_labels_option_rewords_every_page_type(handbook_dir):
    labels = {
        "due_for_review": "à revoir",
        "teams_title": "Équipes",
        "col_journey": "Parcours",
        "journeys_intro": "{journeys} parcours, {personas} personas.",
    }
    built = build_site(handbook_dir, config=plugin_config(labels=labels))
    assert built.ok, built.warnings
    journeys = article(built, "journeys/")
    assert journeys.find("p").text == "2 parcours, 2 personas."
    assert "à revoir" in [span.text for span in journeys.find_all("span", cls="jm-review--due")]
    assert {th.text for th in journeys.find_all("th")} >= {"Parcours"}
    assert article(built, "teams/").find("h1").text == "Équipes"


def test_the_emotion_words_and_chart_words_are_labels_too(handbook_dir):
    labels = {"emotion_negative": "négatif", "chart_emotion": "Émotion : {feeling}", "matrix_point": "{pain} — {score}"}
    built = build_site(handbook_dir, config=plugin_config(labels=labels))
    assert built.ok, built.warnings
    chips = {span.text for span in article(built, "journeys/buy/").find_all("span", cls="jm-emotion__word")}
    assert "négatif" in chips and "negative" not in chips
    heat = article(built, "journeys/").find("table", cls="jm-heat__table")
    assert "négatif" in {span.text for span in heat.find_all("span", cls="jm-heat__word")}
    [spec] = [json.loads(unescape(m)) for m in re.findall(r'data-chart="([^"]*)"', built.html("journeys/buy-future/"))]
    assert "Émotion : +2 very positive" in spec["data"][0]["hovertext"][0]
    matrix = parse(built.html("pain-points/")).find("svg", cls="jm-matrix__svg")
    assert "Price changes after click-through. — 6" in [title.text for title in matrix.find_all("title")]


@pytest.mark.parametrize(
    "labels, message",
    [
        ({"due_for_reveiw": "x"}, "unknown label 'due_for_reveiw' (did you mean 'due_for_review'?)"),
        (
            {"journeys_intro": "{count} maps"},
            "journeys_intro: unknown placeholder {count}; this label can use {journeys}, {personas}",
        ),
    ],
)
def test_a_mistake_in_labels_is_one_clear_error(handbook_dir, labels, message):
    built = build_site(handbook_dir, config=plugin_config(labels=labels))
    # MkDocs reports a PluginError as one logged error and aborts the build.
    assert not built.ok
    assert [w for w in built.warnings if w.startswith("journeys: labels: ")] == [built.warnings[-1]]
    assert message in built.warnings[-1]


def test_journeys_export_honours_the_override_and_the_labels(handbook_dir, monkeypatch, capsys):
    write(handbook_dir, {"overrides/journeys/teams_index.html": OVERRIDE})
    config = {
        "theme": {"name": "material", "custom_dir": "overrides"},
        "plugins": [{"journeys": {**BASE_CONFIG["plugins"][1]["journeys"], "labels": {"due_for_review": "à revoir"}}}],
    }
    (handbook_dir / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    monkeypatch.chdir(handbook_dir)
    assert main(["export", "out"]) == 0, capsys.readouterr().err
    teams = parse((handbook_dir / "out/teams/index.md").read_text(encoding="utf-8"))
    assert teams.find("p", cls="house-intro")
    journeys = parse((handbook_dir / "out/journeys/index.md").read_text(encoding="utf-8"))
    assert "à revoir" in [span.text for span in journeys.find_all("span", cls="jm-review--due")]


BROKEN_OVERRIDES = [
    ("# {{ labels.teams_title }}\n\n{% if %}\n", "teams_index.html:3: "),
    ("# {{ labels.teams_title }}\n\n{{ tabel }}\n", "teams_index.html:3: 'tabel' is undefined"),
    ("# {{ labels.teams_title }}\n\n{{ 1/0 }}\n", "teams_index.html:3: division by zero (ZeroDivisionError)"),
    (
        "# {{ labels.teams_title }}\n\n<p>{{ labels.journeys_intro | fill(journeys=1) }}</p>\n",
        "teams_index.html:3: a label names {personas}, which `fill` is not given here",
    ),
    (
        "# {{ labels.teams_title }}\n\n<p>Caf\xe9</p>\n".encode("latin-1"),
        "teams_index.html:3: is not UTF-8 text (byte 0xe9)",
    ),
]


@pytest.mark.parametrize("override, message", BROKEN_OVERRIDES)
def test_a_broken_override_is_one_clear_error(handbook_dir, override, message):
    path = handbook_dir / "overrides/journeys/teams_index.html"
    path.parent.mkdir(parents=True)
    path.write_bytes(override if isinstance(override, bytes) else override.encode("utf-8"))
    config = {**plugin_config(), "theme": {**BASE_CONFIG["theme"], "custom_dir": "overrides"}}
    built = build_site(handbook_dir, config=config)
    assert not built.ok
    assert built.warnings[-1].startswith("journeys: template ") and message in built.warnings[-1], built.warnings
    assert "\n" not in built.warnings[-1]


@pytest.mark.parametrize("override, message", BROKEN_OVERRIDES[2:])
def test_journeys_export_reports_a_broken_override_in_one_line(handbook_dir, monkeypatch, capsys, override, message):
    path = handbook_dir / "overrides/journeys/teams_index.html"
    path.parent.mkdir(parents=True)
    path.write_bytes(override if isinstance(override, bytes) else override.encode("utf-8"))
    config = {**plugin_config(), "theme": {**BASE_CONFIG["theme"], "custom_dir": "overrides"}}
    (handbook_dir / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    monkeypatch.chdir(handbook_dir)
    assert main(["export", "out"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("journeys export: template overrides/journeys/") and message in err
    assert len(err.splitlines()) == 1


def test_an_override_named_like_no_template_is_a_warning_with_a_suggestion(handbook_dir, monkeypatch, capsys):
    write(
        handbook_dir,
        {
            "overrides/journeys/teams_indx.html": OVERRIDE,
            # A partial that another override includes is no mistake.
            "overrides/journeys/teams_index.html": OVERRIDE + '{% include "house_footer.html" %}\n',
            "overrides/journeys/house_footer.html": "<p>Our house.</p>\n",
        },
    )
    config = {**plugin_config(), "theme": {**BASE_CONFIG["theme"], "custom_dir": "overrides"}}
    warning = (
        "overrides/journeys/teams_indx.html: warning: no template of the journeys plugin is called "
        "'teams_indx.html' (did you mean 'teams_index.html'?), and no template includes it, so it changes nothing"
    )
    built = build_site(handbook_dir, config=config)
    assert not built.ok and built.warnings == [warning]
    monkeypatch.chdir(handbook_dir)
    assert main(["check"]) == 0
    assert warning in capsys.readouterr().out.splitlines()
    assert main(["check", "--strict"]) == 1


def test_journeys_export_reports_a_mistake_in_labels_without_a_traceback(handbook_dir, monkeypatch, capsys):
    config = {"plugins": [{"journeys": {**BASE_CONFIG["plugins"][1]["journeys"], "labels": {"due_for_reveiw": "x"}}}]}
    (handbook_dir / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    monkeypatch.chdir(handbook_dir)
    assert main(["export", "out"]) != 0
    err = capsys.readouterr().err
    assert "unknown label 'due_for_reveiw' (did you mean 'due_for_review'?)" in err and "Traceback" not in err
