"""The form editor's configuration is made from the map format's records and the declared kinds
of file: each key becomes the field its type calls for, a key or a kind of file added to the
format appears with no edit to the generator, and the backend follows `repo_url`."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import pytest

from helpers import EDITOR_COLLECTIONS, REPO
from journeys.core import file_kinds
from journeys.core.editor_option import Editor, EditorOptionError, check_editor
from journeys.core.file_kinds import FileKind
from journeys.core.options import OptionError, from_mapping
from journeys.core.schema import (
    INSIGHT,
    INSIGHT_KINDS,
    INTERNAL,
    OPPORTUNITY,
    OPPORTUNITY_STATUSES,
    PUBLIC,
    Choice,
    CustomField,
    Date,
    Integer,
    Key,
    ListOf,
    Record,
    Ref,
    Text,
    journey_record,
    step_record,
)
from journeys.render import editor_config as generator
from journeys.render.editor_config import backend_settings, editor_config
from journeys.render.labels import LABELS

ALL = frozenset({"journey", "persona", "insight", "stage", "team", "measure"})
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
    assert [c["name"] for c in made["collections"]] == EDITOR_COLLECTIONS
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


def test_the_measure_catalogue_is_a_list_that_kpis_choose_from():
    made = config()
    measures = collection(made, "measures")["files"][0]
    assert measures["file"] == "maps/measures.yml" and measures["fields"][0]["widget"] == "list"
    measure = fields_of(measures["fields"][0]["fields"])
    assert list(measure) == ["id", "name", "kind", "unit", "better", "target", "owner", "description"]
    assert measure["target"] == {**measure["target"], "widget": "number", "value_type": "float"}
    assert [o["value"] for o in measure["kind"]["options"]][:3] == ["nps", "csat", "ces"]
    assert measure["owner"]["collection"] == "teams"
    assert measure["unit"]["journeys_blank"] is True  # `unit: ""` (none) is written as it is
    # A KPI of the journey, of a stage block and of a step names a measure of the catalogue.
    journey = fields_of(collection(made, "journeys")["fields"])
    stage_block = fields_of(journey["stages"]["fields"])
    for kpis in (journey["kpis"], stage_block["kpis"], step_fields(made)["kpis"]):
        kpi = fields_of(kpis["fields"])
        assert kpi["measure"]["value_field"] == "measures.*.id"
        assert kpi["name"]["required"] is False  # with a measure, its name is the measure's


def test_insights_are_a_collection_and_opportunities_carry_their_delivery_keys():
    """Map format 1.2: insights/<id>.md is a kind of file with its own forms; pain points and
    opportunities choose their insights among them; an opportunity's score, status, owner and
    tickets are fields of its form in the journey."""
    made = config()
    insights = collection(made, "insights")
    assert (insights["folder"], insights["format"], insights["create"]) == (
        "maps/insights",
        "journeys-insights",
        True,
    )
    assert insights["editor"] == {"preview": True} and insights["identifier_field"] == "title"
    found = fields_of(insights["fields"])
    assert list(found) == [key.name for key in INSIGHT.keys] + ["body"]
    assert [o["value"] for o in found["kind"]["options"]] == list(INSIGHT_KINDS) and found["kind"]["required"]
    assert found["date"]["widget"] == "datetime" and found["participants"]["widget"] == "number"
    assert found["owner"]["collection"] == "teams" and found["source"]["widget"] == "string"
    assert found["visibility"]["default"] == "internal"
    step = step_fields(made)
    backed_by = {
        "widget": "relation",
        "collection": "insights",
        "value_field": "{{filename}}",
        "display_fields": ["title"],
        "multiple": True,
    }
    pain = fields_of(step["pain_points"]["fields"])
    assert pain["insights"] == {**pain["insights"], **backed_by}
    opportunity = fields_of(step["opportunities"]["fields"])
    assert list(opportunity) == [key.name for key in OPPORTUNITY.keys]
    assert opportunity["insights"] == {**opportunity["insights"], **backed_by}
    # Scores are 1 to 5, unsigned (emotions, around zero, are signed).
    for name in ("value", "business_value", "effort"):
        assert [o["label"] for o in opportunity[name]["options"]] == ["1", "2", "3", "4", "5"], name
    assert [o["value"] for o in opportunity["status"]["options"]] == list(OPPORTUNITY_STATUSES)
    assert opportunity["status"]["default"] == "idea"
    assert opportunity["owner"]["collection"] == "teams"
    assert opportunity["tickets"]["widget"] == "list" and opportunity["tickets"]["default"] == []


def test_without_catalogues_stages_are_ids_and_teams_free_text():
    made = config(present={"journey", "persona"})
    assert [c["name"] for c in made["collections"]] == ["journeys", "personas", "insights"]
    step = step_fields(made)
    assert step["owner"]["widget"] == "string" and "pattern" not in step["owner"]
    stages = fields_of(collection(made, "journeys")["fields"])["stages"]
    assert fields_of(stages["fields"])["stage"]["pattern"][0].startswith("^[a-z0-9]")
    assert fields_of(fields_of(collection(made, "journeys")["fields"])["kpis"]["fields"])["measure"]["pattern"]


def test_a_new_key_and_a_new_kind_of_file_need_no_edit_here(monkeypatch):
    """A reference to a kind added to a record, and a kind of file the format may gain (as
    insights came with map format 1.2) with its record, become a relation and a collection."""
    workshop = Record(
        "workshop",
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

    def with_research(custom_fields=()):
        record = original(custom_fields)
        research = Key("research", ListOf(Ref("insight")), default=(), doc="the research it rests on", audience=PUBLIC)
        return dataclasses.replace(record, keys=(*record.keys, research))

    kinds = (
        dataclasses.replace(file_kinds.FILE_KINDS[0], record=with_research),
        *file_kinds.FILE_KINDS[1:],
        FileKind("workshop", "Workshops", "Workshop", "workshops/*.md", lambda custom: workshop, body=True),
    )
    monkeypatch.setattr(file_kinds, "FILE_KINDS", kinds)
    monkeypatch.setattr(generator, "FILE_KINDS", kinds)
    made = config(present=ALL | {"workshop"})
    research = fields_of(collection(made, "journeys")["fields"])["research"]
    assert (research["widget"], research["collection"], research["multiple"], research["hint"]) == (
        "relation",
        "insights",
        True,
        "The research it rests on",
    )
    workshops = collection(made, "workshops")
    assert workshops["folder"] == "maps/workshops" and workshops["format"] == "journeys-workshops"
    found = fields_of(workshops["fields"])
    assert found["kind"]["widget"] == "select" and found["date"]["widget"] == "datetime"
    assert found["participants"]["widget"] == "number" and found["participants"]["max"] == 10**6
    assert found["body"]["hint"].startswith("In Markdown: the research itself")


def test_zoom_levels_and_blueprint_lanes_come_from_the_records():
    """A journey's `parent` and a step's `details` are choices among the journeys; a custom
    field's blueprint `lane` is said in its hint, in the step's fields in the record's order."""
    custom = (CustomField("backstage", "Behind the scenes", "backstage"), CustomField("notes", "Notes"))
    made = config(custom=custom)
    journey = fields_of(collection(made, "journeys")["fields"])
    step = step_fields(made)
    for field, key in ((journey["parent"], journey_key("parent")), (step["details"], step_key("details"))):
        assert field == {
            **field,
            "widget": "relation",
            "collection": "journeys",
            "value_field": "{{filename}}",
            "required": False,
            "hint": key.doc[0].upper() + key.doc[1:],
        }
        assert "multiple" not in field
    assert list(step) == [key.name for key in step_record(custom).keys]
    assert step["backstage"]["hint"] == (
        'The custom lane "Behind the scenes", in the service blueprint\'s backstage group (what staff do out of '
        "sight): a sentence or a list of sentences"
    )
    assert step["notes"]["hint"] == 'The custom lane "Notes": a sentence or a list of sentences'


def journey_key(name: str) -> Key:
    return next(key for key in journey_record().keys if key.name == name)


def step_key(name: str) -> Key:
    return next(key for key in step_record().keys if key.name == name)


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
