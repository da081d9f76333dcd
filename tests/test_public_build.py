"""Public builds (map format 1.1, "Visibility and public builds"): nothing of an internal map
and no internal-facing field of a public map reaches any byte of the built site.

The leak test plants a sentinel in every field of every internal map and in every
internal-facing field of the public maps, builds for the public, and searches every file of
the output (gzip unpacked: sitemap.xml.gz, and Pagefind's search bundle, whose files are gzip
streams) for every sentinel, as written and in each escaped form it could take on the way: HTML, the renderer's Markdown-safe escaping, JSON and URL encoding.
"""

from __future__ import annotations

import csv
import datetime
import html
import json
import os
import re
import urllib.parse
from pathlib import Path

import pytest
import yaml

from helpers import EDITOR_COLLECTIONS, REPO, build_site, write
from html_tree import article, parse
from journeys.core.schema import (
    INSIGHT,
    INTERNAL,
    MEASURE,
    PERSONA,
    STAGE,
    TEAM,
    Handle,
    Image,
    ListOf,
    Record,
    Ref,
    Text,
    TextOrNumber,
    WebLink,
    held_record,
    journey_record,
)
from journeys.render.text import text
from pagefind_bundle import unpacked

CUSTOM_FIELDS = (("backstage", "Behind the scenes"),)
# The custom field is a blueprint lane too: a lane is as internal-facing as any custom field.
PUBLIC_CONFIG = {
    "plugins": [
        "search",
        {
            "journeys": {
                "audience": "public",
                "custom_fields": [{"key": "backstage", "label": "Behind the scenes", "lane": "backstage"}],
            }
        },
    ]
}


def sentinel(n: int) -> str:
    # Letters and digits only, so every escaping leaves it whole; forms() adds escaped variants
    # for the few sentinels that carry markup characters.
    return f"zqx{n:04d}leak"


class Planter:
    """Hands out a fresh sentinel for every planted field and remembers them all."""

    def __init__(self) -> None:
        self.planted: list[str] = []

    def __call__(self, extra: str = "") -> str:
        value = sentinel(len(self.planted)) + extra
        self.planted.append(value)
        return value

    def value(self) -> str:
        """A sentinel number, for a measure's value: digits no page holds otherwise."""
        value = f"98765{len(self.planted):04d}"
        self.planted.append(value)
        return value


def sample(kind, s: Planter):
    """A value of type `kind` made of fresh sentinels; None where the type cannot carry one (a
    number, a date, a choice, an id) or must name an item that exists (except a team: the
    public map's)."""
    if isinstance(kind, WebLink):  # before Text, which it is a kind of
        return f"https://tickets.example/{s()}"
    if isinstance(kind, (Text, TextOrNumber)):
        return s()
    if isinstance(kind, Image):
        return f"https://img.example/{s()}.png"
    if isinstance(kind, Handle):
        return "@" + s()
    if isinstance(kind, Ref):
        return "zqxteam3" if kind.kind == "team" else None
    if isinstance(kind, ListOf):
        if isinstance(kind.item, Text) and not isinstance(
            kind.item, WebLink
        ):  # a text and a URL, which pages may turn into a link
            return [s(), "https://e.example/" + s()]
        item = sample(kind.item, s)
        return None if item is None else [item]
    if isinstance(kind, Record):
        data = {}
        plant(kind, data, s, every=True)
        return data
    return None


def plant(record: Record, data: dict, s: Planter, *, every: bool) -> None:
    """Put a sentinel in every key of `data` (front matter of `record`) that has none yet and
    can carry one: every internal-facing key, or with `every` every key; the same inside the
    records it holds. With `every` false (a public map), a key the planter cannot fill fails
    here, so a new internal-facing key is covered or says why it is not."""
    for key in record.keys:
        inner = held_record(key.type)
        if key.name in data and inner is not None:
            for item in data[key.name] if isinstance(data[key.name], list) else [data[key.name]]:
                if isinstance(item, dict):
                    plant(inner, item, s, every=every)
        elif key.name not in data and (every or key.audience == INTERNAL):
            value = sample(key.type, s)
            if value is not None:
                data[key.name] = value
        if not every and key.audience == INTERNAL:
            assert key.name in data, f"no sentinel planted in {record.name}.{key.name}"


def internal_journey(s: Planter, id_: str, persona: str, shared_pain: str) -> str:
    data = {
        "title": s(),
        "summary": s(),
        "personas": [persona],
        "owner": "zqxteam",
        "state": "current",
        "reviewed": datetime.date(2026, 1, 1),
        "tags": [s(), s()],
        "kpis": [{"name": s(), "current": s(), "target": s(), "unit": s()}],
        "stages": [
            {
                "stage": "zqxstage",
                "goal": s(),
                "expectations": [s()],
                "steps": [
                    {
                        "touchpoint": s(),
                        "channel": s(),
                        "action": s(),
                        "thinking": s("<b>&'\"</b>"),
                        "emotion": -2,
                        "owner": "zqxteam",
                        "supporting": ["zqxteam2"],
                        "tools": [s()],
                        "kpis": [s()],
                        "backstage": s(),
                        "pain_points": [
                            {
                                "id": shared_pain,
                                "text": s(),
                                "severity": "critical",
                                "evidence": [s(), "https://e.example/" + s()],
                                "insights": ["zqxinsight", "public-insight"],
                            },
                            {"id": s(), "text": s(), "severity": "high"},
                            s(),
                        ],
                        "opportunities": [
                            {
                                "text": s(),
                                "impact": "high",
                                "addresses": [shared_pain],
                                "id": "zqxopportunity" + id_[-1],
                                "value": 5,
                                "business_value": 4,
                                "effort": 1,
                                "status": "planned",
                                "insights": ["zqxinsight", "public-insight"],
                            },
                            s(),
                        ],
                        "gaps": [s()],
                    }
                ],
            }
        ],
    }
    plant(journey_record(CUSTOM_FIELDS), data, s, every=True)  # and in any key added since
    front = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    return f"---\n{front}---\n## {s()}\n\n{s()} with a [link](https://x.example/{s()}) and `{s()}`.\n"


def public_journey(s: Planter, shared_pain: str) -> str:
    """A public map whose internal-facing fields (owners aside, which name teams) the planter
    fills. It sits inside an internal journey, and an internal one zooms into its step."""
    data = {
        "title": "Public journey",
        "summary": "Published to everyone.",
        "personas": ["public-persona"],
        "owner": "zqxteam3",
        "visibility": "public",
        "state": "current",
        "parent": "zqxjourney2",
        "stages": [
            {
                "stage": "discover",
                "goal": "Find out.",
                "steps": [
                    {
                        "touchpoint": "Public page",
                        "channel": "Web",
                        "action": "Reads.",
                        "thinking": "Fine.",
                        "emotion": 1,
                        "owner": "zqxteam3",
                        "supporting": ["zqxteam4"],
                        "pain_points": [
                            {
                                "id": shared_pain,
                                "text": "Public wording of the shared pain.",
                                "severity": "low",
                                # An internal insight is never published: the pain point shows
                                # only the public one.
                                "insights": ["zqxinsight", "public-insight"],
                            },
                            {"text": "A public pain without id."},
                        ],
                        "opportunities": [
                            {
                                "text": "A public opportunity.",
                                "addresses": [shared_pain],
                                "id": "public-opportunity",
                                "value": 4,
                                "business_value": 2,
                                "effort": 3,
                                "status": "in-progress",
                                "insights": ["zqxinsight", "public-insight"],
                            }
                        ],
                        "details": "zqxjourney",
                    }
                ],
            }
        ],
        # A KPI that names a measure: its values are internal-facing (`measures`), like the KPI.
        "kpis": [{"measure": "public-measure", "name": s()}],
    }
    plant(journey_record(CUSTOM_FIELDS), data, s, every=False)
    return "---\n" + yaml.safe_dump(data, sort_keys=False) + "---\nThe public narrative.\n"


def planted_handbook(root: Path) -> list[str]:
    s = Planter()
    # Catalogue entries that only internal maps use are internal as well.
    stages = [{"id": "discover", "name": "Discover"}, {"id": "zqxstage", "name": s(), "description": s()}]
    plant(STAGE, stages[1], s, every=True)
    teams = [
        {"id": t, "name": s(), "description": s(), "contact": s()}
        for t in ("zqxteam", "zqxteam2", "zqxteam3", "zqxteam4")
    ]
    for team in teams:
        plant(TEAM, team, s, every=True)
    persona = {
        "name": s(),
        "summary": s(),
        "segment": s(),
        "goals": [s()],
        "frustrations": [s()],
        "needs": [s()],
        "quote": s(),
        "image": f"https://img.example/{s()}.png",
        "tags": [s()],
    }
    plant(PERSONA, persona, s, every=True)
    measures = [{"id": "zqxmeasure", "kind": "score"}, {"id": "public-measure", "kind": "percent"}]
    for measure in measures:
        plant(MEASURE, measure, s, every=True)
    # Map format 1.2: an internal insight, every field planted; a public one, its
    # internal-facing fields planted.
    internal_insight = {"title": s(), "kind": "interview", "date": datetime.date(2026, 1, 2), "participants": 7}
    plant(INSIGHT, internal_insight, s, every=True)
    public_insight = {
        "title": "Public insight",
        "kind": "survey",
        "date": datetime.date(2026, 1, 3),
        "participants": 100,
        "visibility": "public",
        "findings": ["Published to everyone."],
    }
    plant(INSIGHT, public_insight, s, every=False)
    files = {
        "maps/insights/zqxinsight.md": "---\n" + yaml.safe_dump(internal_insight) + f"---\n{s()}\n",
        "maps/insights/public-insight.md": "---\n" + yaml.safe_dump(public_insight) + "---\nHow we did it.\n",
        "maps/stages.yml": yaml.safe_dump(stages),
        "maps/teams.yml": yaml.safe_dump(teams),
        "maps/personas/public-persona.md": "---\nname: Public persona\nvisibility: public\n---\nWho they are.\n",
        "maps/personas/zqxpersona.md": "---\n" + yaml.safe_dump(persona) + f"---\n{s()}\n",
        "maps/journeys/public-journey.md": public_journey(s, "shared-pain"),
        "maps/journeys/public-child.md": "---\ntitle: Public child\npersonas: [public-persona]\nvisibility: public\n"
        "parent: public-journey\nstages:\n  - stage: discover\n    steps:\n      - touchpoint: Child page\n"
        "        emotion: 0\n---\n",
        "maps/journeys/zqxfolder/zqxjourney.md": internal_journey(s, "zqxjourney", "zqxpersona", "shared-pain"),
        "maps/journeys/zqxjourney2.md": internal_journey(s, "zqxjourney2", "public-persona", "shared-pain"),
        "maps/measures.yml": yaml.safe_dump(measures, sort_keys=False),
        "maps/measures/values.csv": measure_values(s),
    }
    write(root, files)
    # Ids and names that come from file and folder names are planted too.
    return s.planted + [
        "zqxpersona",
        "zqxjourney",
        "zqxfolder",
        "zqxstage",
        "zqxteam",
        "zqxinsight",
        "zqxopportunity",
    ]


# Each row of the planted measure values: its scope, and whether a public build that lists
# `measures` in `public_fields` may show it (every scope it names is public).
VALUE_ROWS = (
    ("public-measure", "public-journey", "", "", True),
    ("public-measure", "zqxjourney", "", "", False),
    ("zqxmeasure", "", "", "", True),  # handbook-wide
    ("public-measure", "", "", "public-persona", True),
    ("public-measure", "", "", "zqxpersona", False),
    ("public-measure", "", "discover", "", True),
    ("public-measure", "", "zqxstage", "", False),
)


def measure_values(s: Planter) -> str:
    """A measures file whose every value and source is a sentinel (a value: a number no page
    holds otherwise), one row for each of `VALUE_ROWS`."""
    lines = ["date,measure,value,journey,stage,persona,source"]
    for measure, journey, stage, persona, _ in VALUE_ROWS:
        value = s.value()
        lines.append(f"2026-01-31,{measure},{value},{journey},{stage},{persona},{s()}")
    return "\n".join(lines) + "\n"


def never_shown(root: Path) -> set[str]:
    """Sentinels of fields no page or export shows, even in an internal build: the teams'
    reviewers, which only `journeys codeowners` writes."""
    teams = yaml.safe_load((root / "maps" / "teams.yml").read_text(encoding="utf-8"))
    return {handle.lstrip("@") for team in teams for handle in team.get("reviewers", ())}


def forms(value: str) -> set[str]:
    """Every way a value can be written into a built file."""
    return {
        value,
        html.escape(value),
        html.escape(value, quote=False),
        text(value),
        json.dumps(value)[1:-1],
        json.dumps(value, ensure_ascii=False)[1:-1],
        urllib.parse.quote(value),
        urllib.parse.quote_plus(value),
        value.lower(),
    }


def site_bytes(site: Path) -> dict[str, str]:
    found = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            raw = unpacked(path.read_bytes())
            found[str(path.relative_to(site))] = raw.decode("utf-8", "replace").lower()
    return found


def leaks(site: Path, planted: list[str]) -> list[str]:
    files = site_bytes(site)
    return sorted(
        f"{name}: {value}"
        for value in planted
        for form in forms(value)
        for name, content in files.items()
        if form.lower() in content
    )


def test_public_build_leaks_no_planted_sentinel(tmp_path):
    planted = planted_handbook(tmp_path)
    built = build_site(tmp_path, config=PUBLIC_CONFIG, docs={"index.md": "# Home\n\n[Journeys](journeys/index.md)\n"})
    assert built.ok, built.warnings
    assert leaks(built.site, planted) == []
    # The public map itself is published, and its shared pain point shows its public wording.
    page = built.html("journeys/public-journey/")
    assert "Public wording of the shared pain." in page and "A public opportunity." in page
    assert not (built.site / "teams").exists()
    assert not (built.site / "journeys" / "zqxjourney").exists()
    # Measures are internal-facing as a whole: no page, no export, no KPI value.
    assert not (built.site / "measures").exists() and not (built.site / "measures.csv").exists()
    assert json.loads((built.site / "journeys.json").read_text(encoding="utf-8"))["measures"] == []
    # The public insight, the portfolio's public opportunity and the public pain point's public
    # evidence are published; no internal one.
    assert sorted(p.name for p in (built.site / "insights").iterdir() if p.is_dir()) == ["public-insight"]
    # A card says how its pain point is backed in words, counting the public insight only (the
    # internal one had 7 participants); the pain-point index links it.
    card = parse(page).find("li", cls="jm-card--pain")
    assert card.find("p", cls="jm-backing").text == "Backed by 1 insight: survey; 100 participants"
    index = parse(built.html("pain-points/")).find("main")
    assert [text for href, text in index.links() if "insights/" in href] == ["Insights", "Public insight"]
    portfolio = parse(built.html("opportunities/")).find("table", cls="jm-portfolio")
    assert [row.attrs["id"] for row in portfolio.find("tbody").find_all("tr")] == ["public-opportunity"]
    # The form editor's configuration names the internal repository and folders: not served.
    assert not (built.site / "admin").exists()


def test_a_public_build_serves_the_editor_only_when_asked(tmp_path):
    planted = planted_handbook(tmp_path)
    plugin = {**PUBLIC_CONFIG["plugins"][1]["journeys"], "editor": "edit/"}
    built = build_site(tmp_path, config={"plugins": ["search", {"journeys": plugin}]})
    assert built.ok, built.warnings
    config = yaml.safe_load((built.site / "edit" / "config.yml").read_text(encoding="utf-8"))
    assert [c["name"] for c in config["collections"]] == EDITOR_COLLECTIONS
    assert config["collections"][0]["folder"] == "maps/journeys"
    assert not (built.site / "admin").exists()
    # Asked for, it still holds no map's content: forms and folders, not items.
    assert leaks(built.site, planted) == []


def test_a_public_build_keeps_only_the_public_part_of_the_hierarchy(tmp_path):
    """The public journey's parent and the journey its step zooms into are internal: it is a
    top-level journey here, without breadcrumbs or a drill-down, and lists only its public
    child. Its blueprint lane is a custom field, so the grid is no blueprint either."""
    planted_handbook(tmp_path)
    built = build_site(tmp_path, config=PUBLIC_CONFIG)
    assert built.ok, built.warnings
    public = article(built, "journeys/public-journey/")
    assert not public.find_all("nav", cls="jm-breadcrumbs")
    assert "Zooms into" not in public.find("dl", cls="jm-meta").terms()
    assert [r[0].text for r in public.find("table", cls="jm-children").rows()] == ["Public child"]
    grid = public.find("table", cls="jm-grid")
    assert not grid.find_all("tr", cls="jm-lane--details") and not grid.find_all("tr", cls="jm-line")
    assert article(built, "journeys/public-child/").find("nav", cls="jm-breadcrumbs").links() == [
        ("../public-journey/", "Public journey")
    ]
    tree = article(built, "journeys/").find("ul", cls="jm-tree")
    assert tree.links() == [("public-journey/", "Public journey"), ("public-child/", "Public child")]
    exported = json.loads((built.site / "journeys.json").read_text(encoding="utf-8"))
    journeys = {j["id"]: j for j in exported["journeys"]}
    assert (journeys["public-journey"]["parent"], journeys["public-child"]["parent"]) == (None, "public-journey")
    assert journeys["public-journey"]["stages"][0]["steps"][0]["details"] is None
    assert exported["custom_fields"] == []


def test_public_fields_publish_a_blueprint_lane(tmp_path):
    """Named in `public_fields`, the lane's field is published, and the public grid is a blueprint."""
    planted_handbook(tmp_path)
    config = {"plugins": [{"journeys": {**PUBLIC_CONFIG["plugins"][1]["journeys"], "public_fields": ["backstage"]}}]}
    built = build_site(tmp_path, config=config)
    assert built.ok, built.warnings
    grid = article(built, "journeys/public-journey/").find("table", cls="jm-grid")
    lanes = [tr.find("th", scope="row").text for tr in grid.find("tbody").find_all("tr")]
    assert lanes.index("Line of visibility Backstage") < lanes.index("Behind the scenes")
    assert "Owner" not in lanes  # owners stay internal-facing: not named


def test_the_pagefind_bundle_indexes_only_what_is_published(tmp_path):
    """Search reads what the public pages say, and the bundle's files are read by the leak test
    (its fragments, a page or row each, are gzip streams)."""
    planted = planted_handbook(tmp_path)
    built = build_site(tmp_path, config=PUBLIC_CONFIG)
    assert built.ok, built.warnings
    bundle = {name: text for name, text in site_bytes(built.site).items() if name.startswith("pagefind/")}
    fragments = " ".join(text for name, text in bundle.items() if name.endswith(".pf_fragment"))
    assert "public wording of the shared pain." in fragments and "the public narrative." in fragments
    assert leaks(built.site, planted) == []
    internal = build_site(
        tmp_path,
        config={
            "plugins": ["search", {"journeys": PUBLIC_CONFIG["plugins"][1]["journeys"] | {"audience": "internal"}}]
        },
    )
    assert internal.ok, internal.warnings
    found = {entry.split(": ", 1)[1] for entry in leaks(internal.site, planted) if entry.startswith("pagefind/")}
    assert len(found) > len(planted) / 2  # the control: the bundle holds what it indexes


def test_the_same_handbook_built_internally_shows_the_sentinels(tmp_path):
    """The control: the planting works, so an empty leak list means something."""
    planted = planted_handbook(tmp_path)
    built = build_site(
        tmp_path,
        config={
            "plugins": PUBLIC_CONFIG["plugins"][:1]
            + [{"journeys": {"custom_fields": [{"key": "backstage", "label": "Behind the scenes"}]}}]
        },
    )
    assert built.ok, built.warnings
    found = {entry.split(": ", 1)[1] for entry in leaks(built.site, planted)}
    assert found == set(planted) - never_shown(tmp_path)


def test_shared_pain_point_priority_counts_public_occurrences_only(tmp_path):
    planted_handbook(tmp_path)
    built = build_site(tmp_path, config=PUBLIC_CONFIG)
    with open(built.site / "pain-points.csv", encoding="utf-8", newline="") as handle:
        shared = next(row for row in csv.DictReader(handle) if row["id"] == "shared-pain")
    # One public journey and one persona at the public occurrence's severity (low = 1); the
    # internal occurrences (critical, two journeys) do not count.
    assert shared["severity"] == "low"
    assert shared["priority"] == "2"
    exported = json.loads((built.site / "journeys.json").read_text(encoding="utf-8"))
    assert [j["id"] for j in exported["journeys"]] == ["public-child", "public-journey"]
    assert [p["id"] for p in exported["personas"]] == ["public-persona"]
    assert exported["teams"] == []


def test_public_fields_publish_owners_and_team_pages(tmp_path):
    planted_handbook(tmp_path)
    config = {
        "plugins": [
            "search",
            {
                "journeys": {
                    "audience": "public",
                    "public_fields": ["owner", "supporting", "tools"],
                    "custom_fields": [{"key": "backstage", "label": "Behind the scenes"}],
                }
            },
        ]
    }
    built = build_site(tmp_path, config=config)
    assert built.ok, built.warnings
    teams = sorted(p.name for p in (built.site / "teams").iterdir() if p.is_dir())
    assert teams == ["zqxteam3", "zqxteam4"]  # the teams public maps name, no other


def test_public_fields_measures_publish_the_values_of_public_scopes_only(tmp_path):
    """With `measures` (and `kpis`) in `public_fields`: the values whose every scope is public,
    the measures they and public KPIs name (without their owner), and nothing of a value of an
    internal journey, persona or stage."""
    planted = planted_handbook(tmp_path)
    with open(tmp_path / "maps" / "measures" / "values.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(VALUE_ROWS)
    hidden = {
        cell for row, (*_, public) in zip(rows, VALUE_ROWS) if not public for cell in (row["value"], row["source"])
    }
    shown = {cell for row, (*_, public) in zip(rows, VALUE_ROWS) if public for cell in (row["value"], row["source"])}
    config = {
        "plugins": [
            "search",
            {
                "journeys": {
                    "audience": "public",
                    "public_fields": ["kpis", "measures"],
                    "custom_fields": [{"key": "backstage", "label": "Behind the scenes"}],
                }
            },
        ]
    }
    built = build_site(tmp_path, config=config)
    assert built.ok, built.warnings
    leaked = {entry.split(": ", 1)[1] for entry in leaks(built.site, planted)}
    assert leaked & hidden == set()
    assert shown <= leaked  # the control: the public scopes' values and sources are published
    assert sorted(p.name for p in (built.site / "measures").iterdir() if p.is_dir()) == [
        "public-measure",
        "zqxmeasure",
    ]
    exported = json.loads((built.site / "journeys.json").read_text(encoding="utf-8"))
    assert {m["id"]: m["owner"] for m in exported["measures"]} == {"zqxmeasure": None, "public-measure": None}
    # The public journey's KPI reads its public value.
    kpis = parse(built.html("journeys/public-journey/")).find("table", cls="jm-kpis--health")
    assert rows[0]["journey"] == "public-journey" and rows[0]["value"] in kpis.column("Current")


def test_unknown_public_field_is_a_config_error(tmp_path):
    planted_handbook(tmp_path)
    config = {"plugins": [{"journeys": {"audience": "public", "public_fields": ["owners"]}}]}
    built = build_site(tmp_path, config=config)
    assert not built.ok
    assert any(
        "public_fields: 'owners' is not an internal-facing field (did you mean 'owner'?)" in w for w in built.warnings
    )


@pytest.mark.parametrize("catalogues", [True, False], ids=["catalogues", "free-text"])
def test_hostile_corpus_public_build_leaks_nothing_internal(tmp_path, catalogues):
    """The hostile corpus, all internal, beside one public map: none of its fields, each
    marked with a sentinel in front of the hostile text, reaches the public site."""
    from test_hostile import EXTENSIONS, HOSTILE, corpus, write_raw

    planted: list[str] = []

    def say(label: str) -> str:
        marker = "zqxh" + re.sub(r"[^a-z0-9]", "", label.lower())
        # The public journey passes through the catalogue's "discover" stage, so that entry is
        # published; every other field belongs to internal maps or unused catalogue entries.
        if not label.startswith("stage discover"):
            planted.append(marker)
        return f"{marker} {HOSTILE}"

    write_raw(tmp_path, corpus(say, catalogues))
    write(
        tmp_path,
        {
            "maps/personas/public-persona.md": "---\nname: Public persona\nvisibility: public\n---\nWho they are.\n",
            "maps/journeys/public-journey.md": "---\ntitle: Public journey\npersonas: [public-persona]\n"
            "visibility: public\nstages:\n  - stage: discover\n    steps:\n      - touchpoint: Page\n"
            "        emotion: 0\n---\n",
        },
    )
    built = build_site(
        tmp_path,
        config={
            "markdown_extensions": EXTENSIONS,
            "plugins": [
                "search",
                {
                    "journeys": {
                        "audience": "public",
                        "custom_fields": [{"key": "backstage", "label": "Behind the scenes"}],
                    }
                },
            ],
        },
    )
    assert built.ok, built.warnings
    assert len(planted) > 40
    assert leaks(built.site, planted) == []
    assert "Public journey" in built.html("journeys/public-journey/")


@pytest.mark.parametrize(
    ("change", "where", "message"),
    [
        ("personas: [zqxpersona]", "personas[0]", "'zqxpersona' is not a public persona"),
        ("baseline: zqxjourney2\nstate: future", "baseline", "'zqxjourney2' is not a public journey"),
        (
            "ONLY_INTERNAL_ADDRESS",
            "stages[0].steps[0].opportunities[0].addresses[0]",
            "no public journey has the pain point 'only-internal'",
        ),
    ],
)
def test_public_journey_pointing_at_internal_maps_fails_strict(tmp_path, change, where, message):
    planted_handbook(tmp_path)
    path = tmp_path / "maps" / "journeys" / "public-journey.md"
    source = path.read_text(encoding="utf-8")
    if change == "ONLY_INTERNAL_ADDRESS":
        internal = tmp_path / "maps" / "journeys" / "zqxjourney2.md"
        internal.write_text(
            internal.read_text(encoding="utf-8").replace("- id: shared-pain", "- id: only-internal", 1),
            encoding="utf-8",
        )
        source, count = re.subn(r"(addresses:\n\s*- )shared-pain", r"\1only-internal", source)
        assert count == 1
    else:
        source = source.replace("personas:\n- public-persona\n", "") if change.startswith("personas") else source
        source = source.replace("state: current\n", "") if "state" in change else source
        source = source.replace("visibility: public\n", f"visibility: public\n{change}\n")
    path.write_text(source, encoding="utf-8")
    built = build_site(tmp_path, config=PUBLIC_CONFIG)
    assert not built.ok
    located = [w for w in built.warnings if w.startswith("maps/journeys/public-journey.md:") and message in w]
    assert located, built.warnings
    assert re.match(r"maps/journeys/public-journey\.md:\d+:\d+: " + re.escape(where) + ": ", located[0])
    # The same handbook builds for the internal audience: these are public-build errors only.
    internal = build_site(
        tmp_path,
        config={"plugins": [{"journeys": {"custom_fields": [{"key": "backstage", "label": "Behind the scenes"}]}}]},
    )
    assert internal.ok, internal.warnings


def test_internal_build_is_byte_identical_without_visibility_keys(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")  # 2027-01-01: after the demo's review dates
    with_keys, without = tmp_path / "with", tmp_path / "without"
    for target in (with_keys, without):
        for name in ("docs", "maps"):
            import shutil

            shutil.copytree(REPO / name, target / name)
    for path in (without / "maps").rglob("*.md"):
        path.write_text(
            re.sub(r"^visibility: .*\n", "", path.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8"
        )
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("nav")
    sites = []
    for target in (with_keys, without):
        built = build_site(
            target,
            config={k: v for k, v in config.items() if k in ("plugins", "markdown_extensions")},
            docs={"index.md": "# Home\n"},
        )
        assert built.ok, built.warnings
        sites.append(
            {
                name: (built.site / name).read_bytes()
                for name in sorted(os.path.relpath(p, built.site) for p in built.site.rglob("*") if p.is_file())
            }
        )
    assert sites[0].keys() == sites[1].keys()
    assert [name for name in sites[0] if sites[0][name] != sites[1][name]] == []
    assert any(
        re.search(r"^visibility: public", p.read_text(encoding="utf-8"), re.M)
        for p in (with_keys / "maps").rglob("*.md")
    )


def test_demo_public_build(tmp_path):
    """The demo's mkdocs.public.yml: strict, only the public maps, no team pages."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(REPO / "mkdocs.public.yml"), strict=True, site_dir=str(tmp_path / "site"))
    build(config)
    site = tmp_path / "site"
    assert sorted(p.name for p in (site / "journeys").iterdir() if p.is_dir()) == [
        "buy-contents-online",
        "contents-theft-claim",
    ]
    assert sorted(p.name for p in (site / "personas").iterdir() if p.is_dir()) == ["first-time-renter"]
    assert not (site / "teams").exists()
    internal_titles = [
        "Escape of water claim",
        "Buying home insurance by phone",
        "Renewing with confidence",
        "Being a Harbour Mutual customer",
        "Reporting a burst pipe at night",
    ]
    content = site_bytes(site)
    assert [t for t in internal_titles for c in content.values() if t.lower() in c] == []


def test_public_history_shows_no_commit_subject_file_name_or_owner(tmp_path):
    """History entries of a public map in a public build: dates, hashes and what changed in
    public fields; commit subjects, former file names and owner changes stay out."""
    from history_repo import git

    planted = planted_handbook(tmp_path)
    (tmp_path / "docs").mkdir(exist_ok=True)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "zqxsubject1leak: start", day=1)
    public = tmp_path / "maps" / "journeys" / "public-journey.md"
    moved = tmp_path / "maps" / "journeys" / "zqxoldname.md"
    public.rename(moved)
    git(tmp_path, "add", "-A", day=2)
    git(tmp_path, "commit", "-q", "-m", "zqxsubject2leak: move", day=2)
    moved.write_text(
        moved.read_text(encoding="utf-8")
        .replace("owner: zqxteam3", "owner: zqxteam4")
        .replace("emotion: 1", "emotion: 2"),
        encoding="utf-8",
    )
    moved.rename(public)
    git(tmp_path, "add", "-A", day=3)
    git(tmp_path, "commit", "-q", "-m", "zqxsubject3leak: owner and feeling", day=3)
    built = build_site(tmp_path, config=PUBLIC_CONFIG)
    assert built.ok, built.warnings
    page = built.html("journeys/public-journey/")
    assert "jm-history" in page and "2026-03-03" in html.unescape(page)  # the section is there, with its dates
    assert leaks(built.site, planted + ["zqxsubject1leak", "zqxsubject2leak", "zqxsubject3leak", "zqxoldname"]) == []


def test_a_hand_written_link_to_an_internal_journey_fails_the_public_build(tmp_path):
    planted_handbook(tmp_path)
    docs = {"index.md": "# Home\n\nSee [the internal map](journeys/zqxjourney2.md).\n"}
    built = build_site(tmp_path, config=PUBLIC_CONFIG, docs=docs)
    assert not built.ok
    assert any("index.md" in w and "journeys/zqxjourney2.md" in w for w in built.warnings), built.warnings
