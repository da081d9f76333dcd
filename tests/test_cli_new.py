"""`journeys new`: a template whose only errors are the placeholders left for the editor,
which guesses nothing (owner, personas) and never overwrites."""

from __future__ import annotations

import re

import pytest

from helpers import write
from journeys.cli import main
from journeys.core import load_handbook, placeholders
from journeys.core.documents import parse_markdown_file

CUSTOM = (("backstage", "Behind the scenes"),)
EXAMPLE = re.compile(r"^(\s*)# ( *(?:- )?[a-z_]+:(?: .*)?)$")  # a commented-out key, not prose


def new(tmp, *args):
    return main(["new", *args, "--maps-dir", str(tmp / "maps")])


PLACEHOLDER_KEYS = [
    "summary",
    "stages[0].goal",
    "stages[0].steps[0].touchpoint",
    "stages[0].steps[0].action",
    "stages[0].steps[0].thinking",
    "",
    "",
]


def fill_in(path):
    """What an editor does: replace every placeholder with what is true."""
    text = path.read_text()
    for sentence in placeholders.VALUES | set(placeholders.NARRATIVE):
        text = text.replace(sentence, "Written by the editor.")
    path.write_text(text)


def test_new_journey_in_the_demo_uses_its_catalogues_and_fails_check_until_edited(demo_copy, monkeypatch, capsys):
    monkeypatch.chdir(demo_copy)
    assert (
        main(
            [
                "new",
                "journey",
                "moving-home",
                "--folder",
                "service",
                "--title",
                "Moving home: the sequel",
                "--persona",
                "family-homeowner",
                "--owner",
                "contact-centre",
            ]
        )
        == 0
    )
    assert capsys.readouterr().out == "wrote maps/journeys/service/moving-home.md: edit it, then run `journeys check`\n"
    problems = load_handbook("maps", custom_fields=CUSTOM).problems
    assert [p.key for p in problems] == PLACEHOLDER_KEYS
    assert all(p.message == placeholders.MESSAGE and p.path == "maps/journeys/service/moving-home.md" for p in problems)
    assert main(["check"]) == 1
    fill_in(demo_copy / "maps/journeys/service/moving-home.md")
    handbook = load_handbook("maps", custom_fields=CUSTOM)
    assert handbook.problems == ()
    journey = handbook.journey_by_id["moving-home"]
    assert (journey.title, journey.folder, journey.personas) == (
        "Moving home: the sequel",
        "service",
        ("family-homeowner",),
    )
    assert [b.stage for b in journey.stages] == ["discover"]
    assert journey.owner == "contact-centre"
    text = (demo_copy / "maps/journeys/service/moving-home.md").read_text()
    assert '# backstage (optional): the custom lane "Behind the scenes"' in text
    capsys.readouterr()
    assert main(["check"]) == 0


def test_new_journey_guesses_no_owner_and_no_persona(handbook_dir):
    assert new(handbook_dir, "journey", "plain") == 0
    problems = load_handbook(handbook_dir / "maps", custom_fields=CUSTOM, root=handbook_dir).problems
    assert [str(p) for p in problems if p.message != placeholders.MESSAGE] == [
        "maps/journeys/plain.md:17:11: personas: needs at least 1 item"
    ]
    text = (handbook_dir / "maps/journeys/plain.md").read_text()
    assert "\n# owner: sales\n" in text
    assert "This handbook has: maya, omar." in text.replace("\n#   ", " ")  # a hint may wrap


def test_unknown_owner_and_persona_are_refused_with_the_choices(handbook_dir, capsys):
    assert new(handbook_dir, "journey", "x", "--owner", "sale") == 2
    assert (
        capsys.readouterr().err
        == "journeys new: --owner: unknown team 'sale' (did you mean 'sales'?): teams.yml has sales, care\n"
    )
    assert new(handbook_dir, "journey", "x", "--persona", "mya") == 2
    assert (
        capsys.readouterr().err
        == "journeys new: --persona: unknown persona 'mya' (did you mean 'maya'?): this handbook has maya, omar\n"
    )
    assert not (handbook_dir / "maps/journeys/x.md").exists()


def test_every_bad_argument_is_reported_at_once(handbook_dir, capsys):
    assert new(handbook_dir, "journey", "Bad Id", "--persona", "p", "--persona", "q", "--owner", "o") == 2
    assert capsys.readouterr().err.splitlines() == [
        "journeys new: 'Bad Id' is not a valid id: use 1 to 63 of a-z, 0-9 and -, e.g. 'bad-id'",
        "journeys new: --persona: unknown persona 'p': this handbook has maya, omar",
        "journeys new: --persona: unknown persona 'q': this handbook has maya, omar",
        "journeys new: --owner: unknown team 'o': teams.yml has sales, care",
    ]
    assert new(handbook_dir, "journey", "index") == 2
    assert capsys.readouterr().err == (
        "journeys new: 'index' is reserved: journeys/index.md is the page that lists every journey; choose another id\n"
    )
    assert not (handbook_dir / "maps/journeys/index.md").exists()


def test_new_persona_passes_check_and_keeps_a_quoted_name(handbook_dir, capsys):
    assert new(handbook_dir, "persona", "sam", "--title", 'Sam: "dad" # of two') == 0
    handbook = load_handbook(handbook_dir / "maps", custom_fields=CUSTOM)
    assert handbook.problems == ()
    assert handbook.persona_by_id["sam"].name == 'Sam: "dad" # of two'


def test_without_catalogues_the_template_uses_free_stage_and_owner(tmp_path):
    write(tmp_path, {"maps/personas/maya.md": "---\nname: Maya\n---\n"})
    assert new(tmp_path, "journey", "buy", "--persona", "maya", "--owner", "Customer care") == 0
    fill_in(tmp_path / "maps/journeys/buy.md")
    handbook = load_handbook(tmp_path / "maps")
    assert handbook.problems == ()
    assert [s.id for s in handbook.stages] == ["discover"]
    assert handbook.journey_by_id["buy"].title == "Buy"
    assert [t.name for t in handbook.teams] == ["Customer care"]


def test_every_documented_key_in_the_templates_is_a_real_key(handbook_dir):
    """Uncommenting an example must not introduce an unknown key."""
    new(handbook_dir, "journey", "full")
    new(handbook_dir, "persona", "full")
    for path in ("maps/journeys/full.md", "maps/personas/full.md"):
        text = (handbook_dir / path).read_text()
        front = text.split("---\n")[1]
        uncommented = "\n".join(EXAMPLE.sub(r"\1\2", line) for line in front.splitlines())
        (handbook_dir / path).write_text("---\n" + uncommented + "\n---\n")
    problems = load_handbook(handbook_dir / "maps", custom_fields=CUSTOM).problems
    assert [str(p) for p in problems if "unknown key" in p.message or "YAML" in p.message] == []


@pytest.mark.parametrize("kind", ["journey", "persona"])
def test_new_refuses_to_overwrite(handbook_dir, capsys, kind):
    assert new(handbook_dir, kind, "fresh") == 0
    path = handbook_dir / "maps" / f"{kind}s" / "fresh.md"
    path.write_text(path.read_text() + "\nedited\n")
    capsys.readouterr()
    assert new(handbook_dir, kind, "fresh") == 2
    assert "exists already" in capsys.readouterr().err
    assert path.read_text().endswith("\nedited\n")


def test_an_existing_id_in_another_file_is_refused(handbook_dir, capsys):
    assert new(handbook_dir, "journey", "buy") == 2  # maps/journeys/sales/buy.md has it
    assert capsys.readouterr().err.startswith("journeys new: a journey 'buy' exists already in ")


def test_invalid_ids_and_folders_get_a_suggestion(handbook_dir, capsys):
    assert new(handbook_dir, "journey", "Moving Home") == 2
    assert "e.g. 'moving-home'" in capsys.readouterr().err
    assert new(handbook_dir, "journey", "ok", "--folder", "Claims Team") == 2
    assert "e.g. 'claims-team'" in capsys.readouterr().err


def test_a_journey_needs_a_persona_first(tmp_path, capsys):
    assert new(tmp_path, "journey", "buy") == 2
    assert "run `journeys new persona <id>` first" in capsys.readouterr().err
    assert not (tmp_path / "maps/journeys").exists()


def test_the_narrative_body_starts_after_the_front_matter(handbook_dir):
    new(handbook_dir, "journey", "plain")
    doc = parse_markdown_file(str(handbook_dir / "maps/journeys/plain.md"), "plain.md")
    assert doc.problems == []
    assert doc.body.startswith("## Research basis\n")
    assert (handbook_dir / "maps/journeys/plain.md").read_text().split("\n")[doc.body_line - 1] == "## Research basis"


def test_a_future_state_journey_names_its_baseline(handbook_dir, capsys):
    assert new(handbook_dir, "journey", "buy-2027", "--persona", "maya", "--state", "future", "--baseline", "buy") == 0
    path = handbook_dir / "maps/journeys/buy-2027.md"
    doc = parse_markdown_file(str(path), "buy-2027.md")
    assert (doc.located.data["state"], doc.located.data["baseline"]) == ("future", "buy")
    fill_in(path)
    assert load_handbook(str(handbook_dir / "maps"), custom_fields=CUSTOM).problems == ()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--state", "future", "--baseline", "bye"], "--baseline: unknown journey 'bye' (did you mean 'buy'?): "),
        (["--baseline", "buy"], "--baseline: only a future-state journey has a baseline: add --state future"),
        (["--state", "future", "--baseline", "buy-future"], "'buy-future' is a future-state journey"),
        (
            ["--parent", "bye"],
            "--parent: unknown journey 'bye' (did you mean 'buy'?): this handbook has buy, buy-future",
        ),
    ],
)
def test_baseline_and_parent_must_be_journeys_that_fit(handbook_dir, capsys, args, message):
    assert new(handbook_dir, "journey", "x", "--persona", "maya", *args) == 2
    assert message in capsys.readouterr().err
    assert not (handbook_dir / "maps/journeys/x.md").exists()


def test_parent_is_written_where_the_format_has_the_key(handbook_dir, monkeypatch):
    """`parent` comes with map format 1.2 (another branch adds the key); the scaffold writes it as
    any key of the record, so here the key is added to the record as that branch does."""
    import dataclasses

    from journeys.cli import new as new_command
    from journeys.cli import scaffolds
    from journeys.core.schema import PUBLIC, Key, Ref, journey_record

    def with_parent(custom_fields=()):
        record = journey_record(custom_fields)
        parent = Key("parent", Ref("journey"), doc="the journey this one zooms into", audience=PUBLIC)
        return dataclasses.replace(record, keys=(*record.keys[:7], parent, *record.keys[7:]))

    monkeypatch.setattr(scaffolds, "journey_record", with_parent)
    monkeypatch.setattr(new_command, "journey_record", with_parent)
    assert new(handbook_dir, "journey", "pay", "--persona", "maya", "--parent", "buy") == 0
    text = (handbook_dir / "maps/journeys/pay.md").read_text(encoding="utf-8")
    assert "\nparent: buy\n" in text
