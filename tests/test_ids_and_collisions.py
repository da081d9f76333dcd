"""Ids and names that would collide with what the plugin generates, or with each other in a
reader's eyes: a reserved id keeps its index page, a hand-written export is reported, a review
date in the future is refused, and look-alike names are warned of (issue 24, section 2)."""

from __future__ import annotations

import datetime

import yaml

from broken_inputs import GOOD
from helpers import BASE_CONFIG, MINIMAL_MAPS, build_site, write
from journeys.cli import main
from journeys.core import load_handbook
from journeys.core.look_alike import skeleton

CUSTOM = (("backstage", "B"),)


def messages(root) -> list[str]:
    handbook = load_handbook(root / "maps", root=root, custom_fields=CUSTOM)
    return [str(p) for p in handbook.problems + handbook.warnings]


def test_an_id_index_never_replaces_an_index_page(handbook_dir):
    write(
        handbook_dir,
        {
            "maps/journeys/index.md": GOOD.format(title="A journey called index"),
            "maps/personas/ix.md": "---\nname: Ixora Example\nid: index\n---\n",
        },
    )
    strict = build_site(handbook_dir)
    assert not strict.ok
    assert any(
        "maps/journeys/index.md:2:1: the file name gives the id 'index', which is reserved" in w
        for w in strict.warnings
    )
    built = build_site(handbook_dir, strict=False)
    journeys = built.html("journeys/")
    assert "jm-index" in journeys and "A journey called index" not in journeys
    assert "Ixora Example" not in built.html("personas/") and "jm-" in built.html("personas/")


def test_without_catalogues_a_stage_or_owner_making_index_is_refused(handbook_dir):
    (handbook_dir / "maps/stages.yml").unlink()
    (handbook_dir / "maps/teams.yml").unlink()
    write(
        handbook_dir,
        {
            "maps/journeys/x.md": GOOD.format(title="X")
            .replace("stage: discover", "stage: index")
            .replace("owner: sales", "owner: Index")
        },
    )
    found = messages(handbook_dir)
    assert (
        "maps/journeys/x.md:5:12: stages[0].stage: 'index' is reserved: stages/index.md is the page that lists "
        "every stage; choose another id" in found
    )
    assert (
        "maps/journeys/x.md:9:16: stages[0].steps[0].owner: 'Index' makes the team id 'index', which is reserved: "
        "teams/index.md is the page that lists every team; name it otherwise" in found
    )
    handbook = load_handbook(handbook_dir / "maps", root=handbook_dir, custom_fields=CUSTOM)
    assert "index" not in handbook.stage_by_id and "index" not in handbook.team_by_id
    built = build_site(handbook_dir, strict=False)
    assert "jm-" in built.html("stages/") and "jm-" in built.html("teams/")


def test_a_hand_written_export_wins_and_is_reported(handbook_dir):
    docs = {"index.md": "# Home\n", "journeys.json": '{"mine": true}\n', "pain-points.csv": "mine\n"}
    strict = build_site(handbook_dir, docs=docs)
    assert not strict.ok
    for name in ("journeys.json", "pain-points.csv"):
        assert f"docs/{name} is written by hand and hides the file the journeys plugin generates there" in (
            strict.warnings
        )
    lenient = build_site(handbook_dir, strict=False, docs=docs)
    assert (lenient.site / "journeys.json").read_text(encoding="utf-8") == '{"mine": true}\n'


def test_a_review_date_counts_from_the_build_date(handbook_dir, monkeypatch):
    day = datetime.date(2026, 3, 1)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime.datetime(2026, 3, 1, 12).timestamp())))
    path = "maps/journeys/sales/buy.md"
    for reviewed, refused in ((day + datetime.timedelta(days=1), False), (day + datetime.timedelta(days=2), True)):
        write(handbook_dir, {path: MINIMAL_MAPS[path].replace("2020-01-01", reviewed.isoformat())})
        found = [m for m in messages(handbook_dir) if "is in the future" in m]
        assert found == (
            [
                f"{path}:6:11: reviewed: {reviewed.isoformat()} is in the future: write the date the map was last reviewed"
            ]
            if refused
            else []
        )


def test_free_text_owners_that_look_alike_are_warned_of_once(handbook_dir, capsys, monkeypatch):
    (handbook_dir / "maps/teams.yml").unlink()
    write(
        handbook_dir,
        {
            "maps/journeys/x.md": GOOD.format(title="X").replace("owner: sales", "owner: \u0405ales"),
            "maps/journeys/y.md": GOOD.format(title="Y").replace("owner: sales", "owner: \u0405ales"),
        },
    )
    warnings = [m for m in messages(handbook_dir) if ": warning: " in m]
    assert warnings == [
        "maps/journeys/x.md:9:16: warning: stages[0].steps[0].owner: name '\u0405ales' looks the same as 'sales' of "
        "team 'sales' (maps/journeys/sales/buy.md:5) but is other text (it has U+0405 CYRILLIC CAPITAL LETTER DZE "
        "where the other has U+0073 LATIN SMALL LETTER S): readers cannot tell the two teams apart; rename one"
    ]
    write(handbook_dir, {"mkdocs.yml": yaml.safe_dump(BASE_CONFIG)})
    monkeypatch.chdir(handbook_dir)
    assert main(["check"]) == 0
    assert warnings[0] in capsys.readouterr().out.splitlines()
    assert main(["check", "--strict"]) == 1


def test_skeletons():
    assert skeleton("\u0405ales  Team") == skeleton("sales team") == "sales team"
    assert skeleton("Sales\u200b") == skeleton("Sales")
    assert skeleton("team-1") == skeleton("team-l") and skeleton("modern") == skeleton("modem")
    assert skeleton("Café") != skeleton("Cafe")
    # Mixed scripts: a Cyrillic word with Latin look-alikes in it reads as the Cyrillic word.
    assert skeleton("Пpoдaжи") == skeleton("Продажи")


def test_look_alike_persona_ids_and_journey_titles(handbook_dir):
    write(
        handbook_dir,
        {
            "maps/personas/omar-1.md": "---\nname: Omar, tenant\nsummary: Rents a flat.\n---\n",
            "maps/personas/omar-l.md": "---\nname: Omar, student\nsummary: Rents a room.\n---\n",
            "maps/journeys/x.md": GOOD.format(title="Buying onIine"),
        },
    )
    warnings = [m for m in messages(handbook_dir) if ": warning: " in m]
    assert [w.split(": warning: ")[0] for w in warnings] == ["maps/journeys/x.md:2:8", "maps/personas/omar-l.md:2:1"]
    assert "title 'Buying onIine' looks the same as 'Buying online' of journey 'buy'" in warnings[0]
    assert "id 'omar-l' looks the same as 'omar-1' of persona 'omar-1'" in warnings[1]


def test_a_yaml_error_brings_no_follow_on_warnings_and_no_empty_facts(handbook_dir, capsys, monkeypatch):
    write(
        handbook_dir,
        {
            "maps/teams.yml": "- id: sales\n  reviewers: ['@org/sales']\n- id: care\n  reviewers: ['@org/care']\n",
            "maps/journeys/x.md": GOOD.format(title="X").replace("        emotion: 1", "         emotion: 1"),
        },
    )
    write(handbook_dir, {"mkdocs.yml": yaml.safe_dump(BASE_CONFIG)})
    monkeypatch.chdir(handbook_dir)
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert [line for line in out.splitlines() if "maps/journeys/x.md" in line] == [
        "maps/journeys/x.md:8:10: YAML syntax error: 'emotion' is indented 1 space more than 'touchpoint' on the line "
        "above: line it up with it"
    ]
    page = build_site(handbook_dir, strict=False).html("journeys/x/")
    assert "jm-problems" in page and 'class="jm-meta"' not in page
