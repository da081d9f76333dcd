"""The form editor's configuration is made from the map format's records and the declared kinds
of file: each key becomes the field its type calls for, a key or a kind of file added to the
format appears with no edit to the generator, and the backend follows `repo_url`."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import pytest

from helpers import REPO
from journeys.core import file_kinds
from journeys.core.editor_option import Editor, EditorOptionError, check_editor
from journeys.core.file_kinds import FileKind
from journeys.core.options import OptionError, from_mapping
from journeys.core.schema import INTERNAL, PUBLIC, Choice, Date, Integer, Key, ListOf, Record, Ref, Text
from journeys.render import editor_config as generator
from journeys.render.editor_config import backend_settings, editor_config
from journeys.render.labels import LABELS

ALL = frozenset({"journey", "persona", "stage", "team"})
DEFAULT = Editor()


def config(present=ALL, custom=(("backstage", "Behind the scenes"),), editor=DEFAULT, repo="https://github.com/o/r"):
    made, _ = editor_config(
        editor=editor,
        custom_fields=custom,
        maps_path="maps",
        docs_path="docs",
        present=present,
        repo_url=repo,
        site_url=None,
        labels=LABELS,
    )
    return made


def fields_of(fields: list[dict]) -> dict[str, dict]:
    return {f["name"]: f for f in fields}


def collection(made: dict, name: str) -> dict:
    return next(c for c in made["collections"] if c["name"] == name)


def step_fields(made: dict) -> dict[str, dict]:
    stages = fields_of(collection(made, "journeys")["fields"])["stages"]
    return fields_of(fields_of(stages["fields"])["steps"]["fields"])


def test_each_kind_of_file_is_a_collection():
    made = config()
    assert [c["name"] for c in made["collections"]] == ["journeys", "personas", "stages", "teams"]
    journeys = collection(made, "journeys")
    assert journeys["folder"] == "maps/journeys" and journeys["nested"]["subfolders"] is False
    assert journeys["format"] == "journeys-journeys" and journeys["identifier_field"] == "title"
    assert collection(made, "personas")["folder"] == "maps/personas"
    stages = collection(made, "stages")["files"][0]
    assert stages["file"] == "maps/stages.yml"
    assert stages["fields"][0]["widget"] == "list"
    assert [f["name"] for f in stages["fields"][0]["fields"]] == ["id", "name", "description"]
    assert made["publish_mode"] == "editorial_workflow"


def test_widgets_follow_the_types():
    made = config()
    step = step_fields(made)
    assert step["emotion"]["widget"] == "select" and step["emotion"]["required"] is True
    assert [o["label"] for o in step["emotion"]["options"]] == [
        "-2 very negative",
        "-1 negative",
        "0 neutral",
        "+1 positive",
        "+2 very positive",
    ]
    assert [o["value"] for o in step["emotion"]["options"]] == [-2, -1, 0, 1, 2]
    pain = fields_of(step["pain_points"]["fields"])
    assert [o["value"] for o in pain["severity"]["options"]] == ["low", "medium", "high", "critical"]
    assert pain["severity"]["default"] == "medium" and pain["text"]["required"] is True
    assert step["pain_points"]["journeys_shorthand"] is True and step["pain_points"]["default"] == []
    assert fields_of(step["opportunities"]["fields"])["impact"]["widget"] == "select"
    assert step["owner"] == {**step["owner"], "widget": "relation", "collection": "teams", "file": "teams"}
    assert step["supporting"]["multiple"] is True and step["supporting"]["value_field"] == "teams.*.id"
    assert step["tools"]["field"]["widget"] == "string"
    # The site's custom field, with its label and its hint.
    assert step["backstage"]["label"] == "Behind the scenes" and step["backstage"]["journeys_single"] is True
    journey = fields_of(collection(made, "journeys")["fields"])
    assert journey["personas"] == {
        **journey["personas"],
        "widget": "relation",
        "collection": "personas",
        "value_field": "{{filename}}",
        "multiple": True,
        "min": 1,
        "required": True,
    }
    assert journey["baseline"]["collection"] == "journeys" and journey["baseline"]["required"] is False
    assert journey["state"]["default"] == "current" and journey["visibility"]["options"][1]["value"] == "public"
    assert journey["reviewed"]["widget"] == "datetime" and journey["reviewed"]["time_format"] is False
    assert journey["body"]["widget"] == "markdown" and journey["body"]["required"] is False
    assert journey["title"]["hint"] == "The name of the map as people say it"
    stage = fields_of(fields_of(collection(made, "journeys")["fields"])["stages"]["fields"])["stage"]
    assert stage["value_field"] == "stages.*.id" and stage["display_fields"] == ["stages.*.name"]
    assert fields_of(collection(made, "personas")["fields"])["image"]["widget"] == "image"


def test_without_catalogues_stages_are_ids_and_teams_free_text():
    made = config(present={"journey", "persona"})
    assert [c["name"] for c in made["collections"]] == ["journeys", "personas"]
    step = step_fields(made)
    assert step["owner"]["widget"] == "string" and "pattern" not in step["owner"]
    stages = fields_of(collection(made, "journeys")["fields"])["stages"]
    assert fields_of(stages["fields"])["stage"]["pattern"][0].startswith("^[a-z0-9]")


def test_a_new_key_and_a_new_kind_of_file_need_no_edit_here(monkeypatch):
    """What issue 27's `parent` and issue 26's insights will add: a reference to a kind, and a
    kind of file with its record, become a relation and a collection."""
    insight = Record(
        "insight",
        (
            Key("title", Text(), True, doc="what the research is called", audience=PUBLIC),
            Key("kind", Choice(("interview", "survey")), True, doc="how it was done", audience=PUBLIC),
            Key("date", Date(), True, doc="when it ended", audience=PUBLIC),
            Key("participants", Integer(0, 10**6), doc="how many", audience=PUBLIC),
            Key("findings", ListOf(Text()), default=(), doc="what it found", audience=INTERNAL),
        ),
        body="the research itself",
    )
    original = file_kinds.journey_record

    def with_parent(custom_fields=()):
        record = original(custom_fields)
        parent = Key("parent", Ref("journey"), doc="the journey this one zooms into", audience=PUBLIC)
        return dataclasses.replace(record, keys=(*record.keys, parent))

    kinds = (
        dataclasses.replace(file_kinds.FILE_KINDS[0], record=with_parent),
        *file_kinds.FILE_KINDS[1:],
        FileKind("insight", "Insights", "Insight", "insights/*.md", lambda custom: insight, body=True),
    )
    monkeypatch.setattr(file_kinds, "FILE_KINDS", kinds)
    monkeypatch.setattr(generator, "FILE_KINDS", kinds)
    made = config(present=ALL | {"insight"})
    parent = fields_of(collection(made, "journeys")["fields"])["parent"]
    assert (parent["widget"], parent["collection"], parent["hint"]) == (
        "relation",
        "journeys",
        "The journey this one zooms into",
    )
    insights = collection(made, "insights")
    assert insights["folder"] == "maps/insights" and insights["format"] == "journeys-insights"
    found = fields_of(insights["fields"])
    assert found["kind"]["widget"] == "select" and found["date"]["widget"] == "datetime"
    assert found["participants"]["widget"] == "number" and found["participants"]["max"] == 10**6
    assert found["body"]["hint"].startswith("In Markdown: the research itself")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://github.com/harbour/journeys", {"name": "github", "repo": "harbour/journeys"}),
        ("https://gitlab.com/harbour/cx/journeys.git", {"name": "gitlab", "repo": "harbour/cx/journeys"}),
        ("https://bitbucket.org/harbour/journeys/src/main/", {"name": "bitbucket", "repo": "harbour/journeys"}),
        ("https://dev.azure.com/harbour/cx/_git/journeys", {"name": "azure", "repo": "harbour/cx/journeys"}),
        (
            "https://codeberg.org/harbour/journeys",
            {
                "name": "gitea",
                "repo": "harbour/journeys",
                "api_root": "https://codeberg.org/api/v1",
                "base_url": "https://codeberg.org",
            },
        ),
        (
            "https://gitlab.harbour.example/cx/journeys",
            {
                "name": "gitlab",
                "repo": "cx/journeys",
                "api_root": "https://gitlab.harbour.example/api/v4",
                "base_url": "https://gitlab.harbour.example",
            },
        ),
    ],
)
def test_backend_from_repo_url(url, expected):
    backend, note = backend_settings(Editor(), url)
    assert (backend, note) == ({**expected, "branch": "main"}, None)


def test_an_unknown_host_is_a_note_and_settings_win():
    backend, note = backend_settings(Editor(), "https://git.harbour.example/cx/journeys")
    assert backend["name"] == "proxy"
    assert note is not None and "cannot tell which code host" in note and "set the plugin's editor backend" in note
    chosen = check_editor({"backend": "gitlab", "repo": "cx/journeys", "app_id": "abc", "branch": "trunk"})
    assert backend_settings(chosen, "https://git.harbour.example/cx/journeys") == (
        {"name": "gitlab", "app_id": "abc", "branch": "trunk", "repo": "cx/journeys"},
        None,
    )


def test_the_editor_option():
    assert from_mapping({}).editor == Editor()
    assert from_mapping({"editor": False}).editor.served("internal") is None
    assert from_mapping({"editor": "cms"}).editor.path == "cms/"
    assert Editor().served("public") is None and check_editor(True).served("public") == "admin/"
    assert check_editor({"local_backend": "http://127.0.0.1:9000/api/v1"}).local_backend.endswith("/api/v1")
    with pytest.raises(OptionError, match=r"unknown setting \(did you mean 'backend'\?\)"):
        from_mapping({"editor": {"backnd": "github"}})
    with pytest.raises(EditorOptionError, match="expected one of github, gitlab"):
        check_editor({"backend": "svn"})
    with pytest.raises(EditorOptionError, match="is not a folder of the site"):
        check_editor("Admin Pages/")


def test_the_vendored_bundle_is_the_installed_package():
    """The round trip runs Decap's formats from node_modules: they must be the vendored CMS's."""
    vendored = REPO / "plugins/journeys/assets/vendor/decap-cms/decap-cms.js"
    installed = REPO / "node_modules/decap-cms/dist/decap-cms.js"
    if not installed.is_file():
        pytest.fail("node_modules/decap-cms is missing: run `npm ci`")
    digest = hashlib.sha256
    assert digest(vendored.read_bytes()).hexdigest() == digest(installed.read_bytes()).hexdigest()
    readme = (REPO / "plugins/journeys/assets/vendor/README.md").read_text(encoding="utf-8")
    assert digest(vendored.read_bytes()).hexdigest() in readme
    chunks = {p.name for p in Path(installed.parent).glob("*.decap-cms.js")}
    assert chunks == {p.name for p in vendored.parent.glob("*.decap-cms.js")}
