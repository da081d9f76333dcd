"""journeys.json and pain-points.csv, read back and compared with the pages."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from cross_map_handbook import CROSS_MAPS, build_cross_maps, page
from helpers import write
from html_tree import article
from journeys.core import load_handbook
from journeys.render.data_files import CSV_COLUMNS, defuse, journeys_json, pain_points_csv
from journeys.render.urls import Site


def test_json_holds_the_normalised_handbook(built):
    data = json.loads((built.site / "journeys.json").read_text(encoding="utf-8"))
    assert data["version"] == 2  # map format 1.2, "Exports in version 1.2"
    assert [p["id"] for p in data["personas"]] == ["maya", "omar"]
    assert data["personas"][0]["name"] == "Maya, first-time buyer" and data["personas"][0]["url"] == "personas/maya/"
    assert [s["id"] for s in data["stages"]] == ["discover", "buy"]
    assert {
        "id": "sales",
        "name": "Sales team",
        "description": None,
        "contact": "#sales",
        "url": "teams/sales/",
    } in data["teams"]
    buy = next(j for j in data["journeys"] if j["id"] == "buy")
    assert buy["personas"] == ["maya"] and buy["state"] == "current" and buy["reviewed"] == "2020-01-01"
    step = buy["stages"][0]["steps"][0]
    assert step["touchpoint"] == "Comparison site" and step["emotion"] == -1 and step["owner"] == "sales"
    assert step["pain_points"] == ["price-mismatch"] and step["custom"] == {"backstage": ["Price feed refresh"]}
    renew = next(j for j in data["journeys"] if j["id"] == "renew")
    assert renew["stages"][0]["steps"][0]["pain_points"] == ["price-mismatch", "renew--buy-1-2"]


def test_json_pain_points_match_the_index_page(built):
    data = json.loads((built.site / "journeys.json").read_text(encoding="utf-8"))
    html = page(built, "pain-points/")
    row_ids = re.findall(r'<tr id="([^"]+)"', html)
    assert [p["id"] for p in data["pain_points"]] == row_ids
    merged = data["pain_points"][0]
    assert merged["severity"] == "critical" and merged["priority"] == 20
    assert [{k: o[k] for k in ("journey", "stage", "touchpoint", "step")} for o in merged["occurrences"]] == [
        {"journey": "buy", "stage": "discover", "touchpoint": "Comparison site", "step": "discover-1"},
        {"journey": "claim", "stage": "discover", "touchpoint": "Claim hotline", "step": "discover-1"},
        {"journey": "renew", "stage": "buy", "touchpoint": "Renewal letter", "step": "buy-1"},
    ]
    index = article(built, "pain-points/")
    for p in data["pain_points"]:
        assert index.find("tr", id=p["id"]).find("td", cls="jm-score").text == str(p["priority"])


def test_both_exports_keep_every_occurrences_wording(built):
    data = json.loads((built.site / "journeys.json").read_text(encoding="utf-8"))
    merged = next(p for p in data["pain_points"] if p["id"] == "price-mismatch")
    assert [(o["text"], o["severity"]) for o in merged["occurrences"]] == [
        ("Price changes after click-through.", "high"),
        ("The excess differs from what the quote said.", "critical"),
        ("The renewal price differs from the quote.", "low"),
    ]
    assert merged["occurrences"][merged["text_from"]]["text"] == merged["text"]
    rows = {
        r["id"]: r for r in csv.DictReader(io.StringIO((built.site / "pain-points.csv").read_text(encoding="utf-8")))
    }
    assert rows["price-mismatch"]["text_from"] == "claim / discover / Claim hotline"
    assert rows["price-mismatch"]["wordings"] == (
        "The excess differs from what the quote said.; "
        "Price changes after click-through.; The renewal price differs from the quote."
    )
    assert rows["hold-music"]["wordings"] == rows["hold-music"]["text"]


def test_csv_reads_back_one_row_per_pain_point(built):
    raw = (built.site / "pain-points.csv").read_bytes()
    assert raw.endswith(b"\r\n") and raw.count(b"\r\n") == raw.count(b"\n")
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8"), newline=""))
    assert tuple(reader.fieldnames) == CSV_COLUMNS
    records = list(reader)
    data = json.loads((built.site / "journeys.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in records] == [p["id"] for p in data["pain_points"]]
    first = records[0]
    assert first["priority"] == "20" and first["severity"] == "critical" and first["occurrence_count"] == "3"
    assert (
        first["journeys"] == "buy claim renew" and first["personas"] == "maya omar" and first["teams"] == "care sales"
    )
    assert first["occurrences"].split("; ")[0] == "buy / discover / Comparison site"
    assert first["url"] == "pain-points/#price-mismatch"
    resolved = next(r for r in records if r["id"] == "renew--buy-1-2")
    assert resolved["text"] == "'=1+1 the letter is hard to read" and resolved["status"] == "resolved"


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Plain text", "Plain text"),
        ("", ""),
        ("a=b", "a=b"),
    ],
)
def test_defuse_prefixes_formula_starts(cell, expected):
    assert defuse(cell) == expected


def test_exports_are_deterministic(tmp_path):
    write(tmp_path, CROSS_MAPS)
    first = load_handbook(
        str(tmp_path / "maps"), custom_fields=[("backstage", "Behind the scenes")], root=str(tmp_path)
    )
    again = load_handbook(
        str(tmp_path / "maps"), custom_fields=[("backstage", "Behind the scenes")], root=str(tmp_path)
    )
    assert journeys_json(first, Site()) == journeys_json(again, Site())
    assert pain_points_csv(first, Site()) == pain_points_csv(again, Site())
    body = journeys_json(first, Site()).decode("utf-8")
    assert "\r" not in body and body.endswith("}\n")
    assert json.dumps(json.loads(body), sort_keys=True, indent=2, ensure_ascii=False) + "\n" == body


def test_prefix_moves_the_exports_and_their_links(tmp_path_factory):
    built = build_cross_maps(
        tmp_path_factory,
        plugins=[
            "search",
            {"journeys": {"prefix": "cx", "custom_fields": [{"key": "backstage", "label": "Behind the scenes"}]}},
        ],
    )
    assert (built.site / "cx/journeys.json").is_file() and (built.site / "cx/pain-points.csv").is_file()
    assert not (built.site / "journeys.json").exists()
    assert ("../journeys.json", "journeys.json") in article(built, "cx/pain-points/").links()
    data = json.loads((built.site / "cx/journeys.json").read_text(encoding="utf-8"))
    assert data["pain_points"][0]["url"] == "cx/pain-points/#price-mismatch"
