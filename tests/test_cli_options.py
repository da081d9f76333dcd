"""Every command reads mkdocs.yml through the one options object: a bad option or a broken
site config is one line with the file, line and key, exit code 2, never a traceback; and the
build rejects the same values with the same words."""

from __future__ import annotations

import os

import pytest
from mkdocs.exceptions import Abort

from helpers import BASE_CONFIG, build_site, write
from journeys.cli import main
from journeys.core.options import OptionError, Options, check, from_mapping

JOURNEYS = "plugins:\n  - search\n  - journeys:\n"

# mkdocs.yml -> the one line every command prints (after "journeys <command>: ")
BAD = {
    JOURNEYS
    + "      custom_fields:\n        - key: backstage\n": "mkdocs.yml:5:11: plugins[1].journeys.custom_fields[0]: missing 'label': every custom field needs a 'key' and a 'label'",
    JOURNEYS
    + "      custom_fields:\n        - key: channel\n          label: Channel\n": "mkdocs.yml:5:16: plugins[1].journeys.custom_fields[0].key: 'channel' is already a step key; choose another key",
    JOURNEYS
    + "      custom_fields:\n        - key: backstage\n          label: B\n          lane: backstge\n": "mkdocs.yml:7:17: plugins[1].journeys.custom_fields[0].lane: expected one of frontstage, backstage, support, got text 'backstge' (did you mean 'backstage'?): frontstage is what the customer sees staff or systems do, backstage is what staff do out of sight, support is the systems, partners and policies behind them",
    JOURNEYS
    + "      custom_fields:\n        - key: backstage\n          label: B\n          group: backstage\n": "mkdocs.yml:7:11: plugins[1].journeys.custom_fields[0].group: unknown key: a custom field has a 'key', a 'label' and, to draw it in a service blueprint, a 'lane'",
    JOURNEYS
    + "      review_after_days: soon\n": "mkdocs.yml:4:26: plugins[1].journeys.review_after_days: expected a whole number of days, 0 or more, got text 'soon'",
    JOURNEYS
    + "      prefix: ../outside\n": "mkdocs.yml:4:15: plugins[1].journeys.prefix: '../outside' is not a URL prefix: use folder names of a-z, 0-9 and -, such as 'cx/'",
    JOURNEYS
    + "      enabled: maybe\n": "mkdocs.yml:4:16: plugins[1].journeys.enabled: expected true or false, got text 'maybe'",
    JOURNEYS
    + "      map_dir: maps\n": "mkdocs.yml:4:7: plugins[1].journeys.map_dir: unknown option (did you mean 'maps_dir'?)",
    JOURNEYS
    + "      labels:\n        due_for_reveiw: later\n": "mkdocs.yml:5:25: plugins[1].journeys.labels.due_for_reveiw: unknown label 'due_for_reveiw' (did you mean 'due_for_review'?)",
    JOURNEYS
    + "      labels: [a]\n": "mkdocs.yml:4:15: plugins[1].journeys.labels: expected a mapping of label keys to words, got a list",
    JOURNEYS
    + "      labels:\n        priority_of: 'priority {score:>3000000000}'\n": "mkdocs.yml:5:22: plugins[1].journeys.labels.priority_of: '{score:>3000000000}' is not a plain placeholder: write {score}; a label fills in names only, without ':', '!', '.' or '['",
    JOURNEYS
    + "      labels:\n        priority_of: '{score!r}'\n": "mkdocs.yml:5:22: plugins[1].journeys.labels.priority_of: '{score!r}' is not a plain placeholder: write {score}; a label fills in names only, without ':', '!', '.' or '['",
    JOURNEYS
    + "      public_fields: [owner, Tools]\n": "mkdocs.yml:4:30: plugins[1].journeys.public_fields[1]: 'Tools' is not an internal-facing field (did you mean 'tools'?); the fields are owner, kpis, supporting, tools, gaps, evidence, tickets, reviewers, source, measures",
    "theme:\n  name: material\n  custom_dir: 3\n": "mkdocs.yml:3:15: theme.custom_dir: expected text, got a number '3'",
    "site_name: x\nnav: [a\n": "mkdocs.yml:3:1: YAML syntax error: expected ',' or ']', but got '<stream end>'",
    "- just\n- a list\n": "mkdocs.yml: expected a mapping of settings such as 'site_name'",
    "plugins:\n  - journeys: 3\n": "mkdocs.yml:2:15: plugins[0].journeys: expected a mapping of the plugin's options",
    "plugins:\n  journeys:\n    prefix: 3\n": "mkdocs.yml:3:13: plugins.journeys.prefix: expected text such as 'cx/', got a number '3'",
    "use_directory_urls: maybe\n": "mkdocs.yml:1:21: use_directory_urls: expected true or false, got text 'maybe'",
}

COMMANDS = [["check"], ["export", "out"], ["new", "persona", "zoe"], ["schema"], ["import-mermaid", "flow.mmd"]]


@pytest.mark.parametrize("config", BAD, ids=[line.split(": ", 2)[-1][:40] for line in BAD.values()])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_every_command_reports_a_bad_option_in_one_line(handbook_dir, monkeypatch, capsys, config, command):
    write(handbook_dir, {"mkdocs.yml": config, "flow.mmd": "journey\n  title T\n  section S\n    Step: 3: Maya\n"})
    monkeypatch.chdir(handbook_dir)
    assert main(command) == 2
    captured = capsys.readouterr()
    assert captured.err == f"journeys {command[0]}: {BAD[config]}\n"
    assert captured.out == ""
    assert not os.path.exists(handbook_dir / "out") and not os.path.exists(handbook_dir / "maps/personas/zoe.md")


def test_a_missing_explicit_config_file_is_an_error(handbook_dir, monkeypatch, capsys):
    monkeypatch.chdir(handbook_dir)
    assert main(["-f", "nope.yml", "check"]) == 2
    assert capsys.readouterr().err == "journeys check: nope.yml: no such file\n"


def test_env_tags_are_read_as_mkdocs_reads_them(handbook_dir, monkeypatch, capsys):
    write(
        handbook_dir,
        {
            "mkdocs.yml": JOURNEYS + "      review_after_days: !ENV [JOURNEYS_DAYS, 30]\n"
            "      custom_fields: [{key: backstage, label: B}]\n"
            "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        },
    )
    monkeypatch.chdir(handbook_dir)
    from journeys.cli.site_config import read_options

    assert read_options("mkdocs.yml").review_after_days == 30
    monkeypatch.setenv("JOURNEYS_DAYS", "soon")
    assert main(["check"]) == 2
    assert "review_after_days: expected a whole number of days, 0 or more, got text 'soon'" in capsys.readouterr().err


def test_defaults_and_checks_live_in_one_place():
    assert Options().review_after_days == 180 and check("review_after_days", None) == 180
    assert from_mapping({"custom_fields": [{"key": "backstage", "label": "B"}]}).custom_fields == (
        ("backstage", "B", ""),
    )
    lanes = [
        {"key": "backstage", "label": "B", "lane": "backstage"},
        {"key": "systems", "label": "S", "lane": "support"},
    ]
    assert from_mapping({"custom_fields": lanes}).custom_fields == (
        ("backstage", "B", "backstage"),
        ("systems", "S", "support"),
    )
    with pytest.raises(OptionError) as caught:
        from_mapping({"custom_fields": [{"key": "a", "label": "A"}, {"key": "a", "label": "B"}]})
    assert (caught.value.path, caught.value.message) == (("custom_fields", 1, "key"), "'a' is declared twice")


@pytest.mark.parametrize(
    "options, message",
    [
        (
            {"custom_fields": [{"key": "channel", "label": "C"}]},
            "option 'custom_fields': [0].key: 'channel' is already a step key; choose another key",
        ),
        (
            {"custom_fields": [{"key": "backstage"}]},
            "option 'custom_fields': [0]: missing 'label': every custom field needs a 'key' and a 'label'",
        ),
        (
            {"custom_fields": [{"key": "backstage", "label": "B", "lane": "back"}]},
            "option 'custom_fields': [0].lane: expected one of frontstage, backstage, support, got text 'back' "
            "(did you mean 'backstage'?): frontstage is what the customer sees staff or systems do, backstage is "
            "what staff do out of sight, support is the systems, partners and policies behind them",
        ),
        (
            {"review_after_days": "soon"},
            "option 'review_after_days': expected a whole number of days, 0 or more, got text 'soon'",
        ),
        (
            {"search": "pagefnd"},
            "option 'search': expected one of pagefind, material, got text 'pagefnd' (did you mean 'pagefind'?)",
        ),
        (
            {"labels": {"priority_of": "{score:s}"}},
            "option 'labels': priority_of: '{score:s}' is not a plain placeholder: write {score}; a label fills in "
            "names only, without ':', '!', '.' or '['",
        ),
    ],
)
def test_the_build_rejects_the_same_values_with_the_same_words(handbook_dir, caplog, options, message):
    config = dict(BASE_CONFIG, plugins=["search", {"journeys": options}])
    with pytest.raises(Abort):
        build_site(handbook_dir, config=config)
    assert f"Plugin 'journeys' {message}" in caplog.text


def test_the_build_refuses_a_public_field_the_check_refuses_with_the_same_words(handbook_dir, monkeypatch, capsys):
    write(handbook_dir, {"mkdocs.yml": JOURNEYS + "      public_fields: [Owner]\n"})
    monkeypatch.chdir(handbook_dir)
    assert main(["check"]) == 2
    words = "'Owner' is not an internal-facing field (did you mean 'owner'?); the fields are "
    assert f"plugins[1].journeys.public_fields[0]: {words}" in capsys.readouterr().err
    built = build_site(
        handbook_dir, config=dict(BASE_CONFIG, plugins=["search", {"journeys": {"public_fields": ["Owner"]}}])
    )
    assert not built.ok and any(f"journeys: public_fields: {words}" in w for w in built.warnings)
