"""What Material's search indexes in a built handbook: each fact once, on its home page (a
touchpoint on its journey's page, a pain point in its index row and where it occurs, a persona
on its page), no chart-as-table text, and snippets whose words are separated."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import copy_demo
from journeys.core import load_handbook

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("search")
    copy_demo(root)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site"), strict=True))
    docs = json.loads((root / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    handbook = load_handbook(str(root / "maps"), custom_fields=[("backstage", "Behind the scenes")], root=str(root))
    return docs, handbook


def plain(value: str) -> str:
    """An entry's text as a reader sees it: the tags Material keeps removed, entities decoded."""
    import html

    return html.unescape(re.sub(r"<[^>]+>", " ", value))


def pages_with(docs, phrase: str) -> set[str]:
    """The pages (locations without anchors) whose entries hold `phrase` in title or text."""
    return {d["location"].split("#")[0] for d in docs if phrase in plain(d["title"]) or phrase in plain(d["text"])}


def test_a_touchpoint_is_indexed_on_its_journey_page_only(built):
    docs, handbook = built
    counts: dict[str, set[str]] = {}
    for journey in handbook.valid_journeys:
        for _, step in journey.steps:
            counts.setdefault(step.touchpoint, set()).add(journey.id)
    checked = 0
    for touchpoint, journeys in sorted(counts.items()):
        found = pages_with(docs, touchpoint)
        assert {f"journeys/{j}/" for j in journeys} <= found, touchpoint
        # Journey pages only (a redesign names its baseline's touchpoints); no aggregate page.
        assert all(re.fullmatch(r"journeys/[^/]+/", page) for page in found), (touchpoint, found)
        checked += 1
    assert checked >= 10


def test_a_pain_point_is_indexed_in_its_row_and_where_it_occurs(built):
    docs, handbook = built
    for pain in handbook.pain_points:
        found = pages_with(docs, pain.text)
        assert "pain-points/" in found, pain.id
        for place, own in zip(pain.places, pain.occurrences):  # each occurrence in its own words
            assert f"journeys/{place.journey.id}/" in pages_with(docs, own.text), (pain.id, place.journey.id)
        # Besides its row, journey pages only (where it occurs, or an opportunity addresses it).
        assert all(re.fullmatch(r"journeys/[^/]+/", page) for page in found - {"pain-points/"}), (pain.id, found)


def test_a_persona_ranks_first_by_its_name(built):
    docs, handbook = built
    for persona in handbook.personas:
        titled = [d["location"] for d in docs if plain(d["title"]).strip() == persona.name]
        # Material's title field weighs 1,000 times its text: the page titled with the name ranks first.
        assert titled == [f"personas/{persona.id}/"], (persona.name, titled)
        # No aggregate page repeats it: journeys index, stage, team pages and the pain-point index leave it out.
        found = pages_with(docs, persona.name)
        assert not {p for p in found if p.split("/")[0] in ("stages", "teams", "pain-points")}, found
        assert "journeys/" not in found


def test_charts_as_tables_and_repeating_pages_are_not_indexed(built):
    docs, handbook = built
    locations = {d["location"].split("#")[0] for d in docs}
    assert "journeys/" not in locations  # every row repeats a journey page
    text = " ".join(plain(d["text"]) for d in docs)
    assert "The chart as a table" not in text
    stage = handbook.stages[0]
    stage_text = " ".join(plain(d["text"]) for d in docs if d["location"].startswith(f"stages/{stage.id}/"))
    for journey in handbook.valid_journeys:
        assert journey.title not in stage_text


def test_snippets_read_as_separated_words(built):
    docs, handbook = built
    kpi = next(k for j in handbook.valid_journeys for k in j.kpis if k.current)
    entry = next(d for d in docs if kpi.name in plain(d["text"]) and "Measure" in d["text"])
    words = plain(entry["text"])
    assert re.search(r"Measure\s+Current\s+Target\s+Unit\s+" + re.escape(kpi.name.split()[0]), words), words
    assert f"{kpi.name}{kpi.current}" not in words
