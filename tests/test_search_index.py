"""What Material's search indexes in a built handbook (`search: material`): each fact once, on
its home page (a touchpoint on its journey's page, a pain point in its index row, and where it
occurs in words of its own, a persona on its page), no chart-as-table text nor interface words,
and snippets whose words are separated. The same rules with Pagefind: test_pagefind_index.py."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from helpers import copy_demo, demo_custom_fields
from html_tree import parse
from journeys.core import load_handbook

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    """The demo handbook with Material's search, built strictly into `site`."""
    root = tmp_path_factory.mktemp("search")
    copy_demo(root)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("search: pagefind", "search: material"), "utf-8")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site"), strict=True))
    return root


@pytest.fixture(scope="module")
def built(root):
    docs = json.loads((root / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    handbook = load_handbook(str(root / "maps"), custom_fields=demo_custom_fields(), root=str(root))
    return docs, handbook


def plain(value: str) -> str:
    """An entry's text as a reader sees it: the tags Material keeps removed, entities decoded."""
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


def test_a_pain_point_is_indexed_in_its_row_and_where_it_is_worded_otherwise(built):
    docs, handbook = built
    varied = 0
    for pain in handbook.pain_points:
        assert "pain-points/" in pages_with(docs, pain.text), pain.id
        for place, own in zip(pain.places, pain.occurrences):
            # In its row's words the row is its only home; in words of its own (which the row
            # does not index), the journey page where it occurs is theirs.
            page = f"journeys/{place.journey.id}/"
            assert (page in pages_with(docs, own.text)) == (own.text != pain.text), (pain.id, page, own.text)
            varied += own.text != pain.text
    assert varied  # the demo has both kinds


def test_a_pain_points_severity_score_and_evidence_are_searched_in_its_row_only(built):
    docs, handbook = built
    journeys = [d for d in docs if re.fullmatch(r"journeys/[^/#]+/(#.*)?", d["location"])]
    journey_text = " ".join(plain(d["text"]) for d in journeys)
    pains = [p for p in handbook.pain_points if p.evidence]
    assert pains
    for pain in pains:
        assert f"priority {pain.score}" not in journey_text, pain.id
        for proof in pain.evidence:
            assert proof not in journey_text, (pain.id, proof)
            assert "pain-points/" in pages_with(docs, proof), (pain.id, proof)
    for label in ("Evidence (", "Open question", "Addresses:", "impact:"):
        assert label not in journey_text, label


def test_an_opportunity_and_a_gap_are_searched_on_their_journey_page(built):
    docs, handbook = built
    checked = 0
    for journey in handbook.valid_journeys:
        for _, step in journey.steps:
            for said in [o.text for o in step.opportunities] + list(step.gaps):
                assert f"journeys/{journey.id}/" in pages_with(docs, said), (journey.id, said)
                checked += 1
    assert checked >= 5


def map_entry(docs, journey) -> str:
    return plain(next(d["text"] for d in docs if d["location"] == f"journeys/{journey.id}/#map"))


def test_the_map_indexes_its_cells_not_the_interface_words(built):
    docs, handbook = built
    labels = (
        "Touchpoint",
        "Goal and expectations",
        "Channel",
        "Action",
        "Thinking",
        "Emotion",
        "Pain points",
        "Opportunities",
        "Gaps",
        "Measures",
    )
    assert handbook.valid_journeys
    for journey in handbook.valid_journeys:
        words = map_entry(docs, journey)
        # The caption repeats the page's title; the lane labels are on every map.
        assert "stages, touchpoints and lanes" not in words, journey.id
        assert not [label for label in labels if re.search(rf"\b{label}\b", words)], (journey.id, words[:200])
        # Emotion chips are scores and their words: not searched.
        assert not re.search(r"[+−-]?\d (very )?(positive|negative|neutral)\b", words), journey.id
        # The header keeps its summary, personas and owner, not its state, review date or tags
        # (Material's index gives every entry of the page its tags already).
        entry = next(d for d in docs if d["location"] == f"journeys/{journey.id}/")
        top = plain(entry["text"])
        assert "Current state" not in top and "Future state" not in top and "reviewed" not in top, top
        assert journey.summary in top, top
        assert not parse(entry["text"]).find_all("li") and entry["tags"] == list(journey.tags), entry


def test_map_cells_read_as_separated_words(built):
    docs, handbook = built
    assert handbook.valid_journeys
    for journey in handbook.valid_journeys:
        words = re.sub(r"\s+", " ", map_entry(docs, journey))
        steps = [step for _, step in journey.steps]
        assert " ".join(s.touchpoint for s in steps) in words, journey.id
        actions = [s.action for s in steps if s.action]
        assert " ".join(actions) in words, journey.id


def test_a_persona_ranks_first_by_its_name(built):
    docs, handbook = built
    assert handbook.personas
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
    # A journey whose KPIs name measures has its KPIs' scope, health and date too (map format 1.2).
    header = r"Measure\s+(Scope\s+)?Current\s+Target\s+Unit\s+(Health\s+As of\s+)?"
    assert re.search(header + re.escape(kpi.name.split()[0]), words), words
    assert f"{kpi.name}{kpi.current}" not in words


def test_published_pages_do_not_carry_the_search_attribute(root, built):
    # Material drops a valued data-search-* attribute once it has indexed the page, so what
    # search leaves out costs the published page nothing.
    _, handbook = built
    pages = [root / "site" / "journeys" / j.id / "index.html" for j in handbook.valid_journeys]
    pages += [root / "site" / kind / "index.html" for kind in ("journeys", "pain-points", "teams")]
    pages += [root / "site" / "stages" / handbook.stages[0].id / "index.html"]
    pages += [root / "site" / "personas" / handbook.personas[0].id / "index.html"]
    for page in pages:
        assert "data-search-exclude" not in page.read_text(encoding="utf-8"), page
    assert any("jm-card__head" in p.read_text(encoding="utf-8") for p in pages)  # what was left out is still shown


def test_a_label_and_its_value_read_as_two_words(built):
    """A persona's and a team's facts are a list of labels and values: Material joins the text
    of adjacent elements, so "Summary" and the summary would read "SummaryCouple…"."""
    docs, handbook = built
    entries = {d["location"]: plain(d["text"]) for d in docs}
    checked = 0
    for persona in handbook.personas:
        text = entries[f"personas/{persona.id}/"]
        for label, value in (("Summary", persona.summary), ("Segment", persona.segment)):
            if value:
                assert re.search(re.escape(label) + r"\s+" + re.escape(value[:20]), text), (persona.id, text[:200])
                checked += 1
    for team in handbook.teams:
        if team.description:
            text = entries[f"teams/{team.id}/"]
            assert re.search(r"About\s+" + re.escape(team.description[:20]), text), (team.id, text[:200])
            checked += 1
    assert checked > 8


def test_generated_pain_point_ids_are_neither_shown_nor_indexed(root, built):
    docs, handbook = built
    text = " ".join(plain(d["text"]) for d in docs)
    generated = [p for p in handbook.pain_points if not p.named]
    named = [p for p in handbook.pain_points if p.named]
    assert generated and named
    for pain in generated:
        assert pain.id not in text, pain.id
    index = (root / "site" / "pain-points" / "index.html").read_text(encoding="utf-8")
    codes = {html.unescape(c) for c in re.findall(r"<code>([^<]+)</code>", index)}
    assert {p.id for p in named} <= codes and not codes & {p.id for p in generated}
