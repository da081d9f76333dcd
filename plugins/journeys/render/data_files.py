"""The machine-readable exports written beside the pages: the whole normalised handbook as
JSON, and the pain-point index as CSV. Both are deterministic: sorted keys, stable order and
fixed line ends, so an unchanged handbook exports byte for byte the same."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from typing import Any

from journeys.core.handbook import Handbook
from journeys.core.index import MergedPainPoint, Place
from journeys.core.model import Journey, Kpi, Step
from journeys.render.memo import Memo
from journeys.render.pagination import pain_homes, pain_parts
from journeys.render.urls import Site

JSON_EXPORT = "journeys.json"
CSV_EXPORT = "pain-points.csv"
# The pain-point index's rows, small, for its filter: it shows matching rows from every part
# of the index, fetched when a reader first filters.
ROWS_EXPORT = "pain-points.json"
FORMAT_VERSION = 1
CSV_COLUMNS = (
    "priority",
    "id",
    "text",
    "severity",
    "status",
    "journey_count",
    "persona_count",
    "occurrence_count",
    "journeys",
    "personas",
    "teams",
    "stages",
    "occurrences",
    "evidence",
    "opportunities",
    "url",
    # Added after the first release, at the end so that columns read by position stay put.
    "text_from",
    "wordings",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # tab and CR too: spreadsheets skip them, then see the formula


def all_exports(handbook: Handbook, site: Site, memo: Memo | None = None) -> dict[str, str]:
    """File name (before the prefix) -> content; `memo` (render/memo.py) keeps each journey's
    and pain point's part of them across the builds of a preview."""
    homes = pain_homes(pain_parts(handbook, site))
    return {
        JSON_EXPORT: journeys_json(handbook, site, homes, memo),
        CSV_EXPORT: pain_points_csv(handbook, site, homes, memo),
        ROWS_EXPORT: pain_rows_json(handbook, site, homes, memo),
    }


def _kpi(k: Kpi) -> dict[str, str | None]:
    return {"name": k.name, "current": k.current, "target": k.target, "unit": k.unit}


# Step fields the export writes in a form of their own; every other field of the model goes
# out as it is (tuples as lists), so a field added to the schema and the model reaches
# journeys.json without an edit here.
_STEP_FIELDS: dict[str, tuple[str, Callable[[Step], Any]]] = {
    "anchor": ("step", lambda step: step.anchor),
    "kpis": ("kpis", lambda step: [_kpi(k) for k in step.kpis]),
    "pain_points": ("pain_points", lambda step: [p.key for p in step.pain_points]),
    "opportunities": (
        "opportunities",
        lambda step: [{"text": o.text, "impact": o.impact, "addresses": list(o.addresses)} for o in step.opportunities],
    ),
}


def _step(step: Step, custom_fields: Iterable[tuple[str, str]]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for field in dataclasses.fields(step):
        if field.name == "custom":
            continue  # below: every declared custom field, empty where the step has none
        name, value = _STEP_FIELDS.get(field.name, (field.name, None))
        raw = getattr(step, field.name)
        data[name] = value(step) if value else (list(raw) if isinstance(raw, tuple) else raw)
    custom = dict(step.custom)
    data["custom"] = {key: list(custom.get(key, ())) for key, _ in custom_fields}
    return data


def _journey(journey: Journey, handbook: Handbook, site: Site) -> dict[str, Any]:
    return {
        "id": journey.id,
        "title": journey.title,
        "summary": journey.summary,
        "personas": list(journey.personas),
        "owner": journey.owner,
        "state": journey.state,
        "baseline": journey.baseline,
        "reviewed": journey.reviewed.isoformat() if journey.reviewed else None,
        "tags": list(journey.tags),
        "kpis": [_kpi(k) for k in journey.kpis],
        "folder": journey.folder,
        "source": journey.source,
        "url": site.url(site.src("journeys", journey.id)),
        "stages": [
            {
                "stage": b.stage,
                "goal": b.goal,
                "expectations": list(b.expectations),
                "steps": [_step(s, handbook.custom_fields) for s in b.steps],
            }
            for b in journey.stages
        ],
    }


def _pain_point(pain: MergedPainPoint, site: Site, homes: Mapping[str, str]) -> dict[str, Any]:
    return {
        "id": pain.id,
        "text": pain.text,
        "severity": pain.severity,
        "status": pain.status,
        "priority": pain.score,
        "evidence": list(pain.evidence),
        "journeys": list(pain.journeys),
        "personas": list(pain.personas),
        "teams": list(pain.teams),
        "stages": list(pain.stages),
        "url": _pain_url(pain, site, homes),
        "occurrences": [
            {
                "journey": p.journey.id,
                "stage": p.block.stage,
                "touchpoint": p.step.touchpoint,
                "step": p.step.anchor,
                "text": own.text,
                "severity": own.severity,
                "status": own.status,
            }
            for p, own in zip(pain.places, pain.occurrences)
        ],
        "text_from": pain.text_from,
        "opportunities": [
            {"text": o.text, "impact": o.impact, "journey": p.journey.id, "step": p.step.anchor}
            for p, o in pain.opportunities
        ],
    }


def _pain_url(pain: MergedPainPoint, site: Site, homes: Mapping[str, str]) -> str:
    return site.url(homes.get(pain.id) or site.src("pain-points")) + "#" + pain.id


def handbook_data(
    handbook: Handbook,
    site: Site,
    homes: Mapping[str, str] | None = None,
    journey: Callable[[Journey, Handbook, Site], object] = _journey,
    pain_point: Callable[[MergedPainPoint, Site, Mapping[str, str]], object] = _pain_point,
) -> dict[str, Any]:
    """The normalised handbook: valid journeys only, since an invalid map is not published."""
    return {
        "version": FORMAT_VERSION,
        "personas": [
            {
                "id": p.id,
                "name": p.name,
                "summary": p.summary,
                "segment": p.segment,
                "goals": list(p.goals),
                "frustrations": list(p.frustrations),
                "needs": list(p.needs),
                "quote": p.quote,
                "image": p.image,
                "tags": list(p.tags),
                "source": p.source,
                "url": site.url(site.src("personas", p.id)),
            }
            for p in handbook.personas
        ],
        "stages": [
            {"id": s.id, "name": s.name, "description": s.description, "url": site.url(site.src("stages", s.id))}
            for s in handbook.stages
        ],
        "teams": [
            {
                "id": t.id,
                "name": t.name,
                "description": t.description,
                "contact": t.contact,
                "url": site.url(site.src("teams", t.id)),
            }
            for t in handbook.teams
        ],
        "custom_fields": [{"key": key, "label": label} for key, label in handbook.custom_fields],
        "journeys": [journey(j, handbook, site) for j in handbook.valid_journeys],
        "pain_points": [pain_point(p, site, homes or {}) for p in handbook.pain_points],
    }


def _dumps(data: object) -> str:
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False)


# A journey's or pain point's place in journeys.json while the rest is written: a string no map
# can hold (the model has no control characters), which the JSON encoder writes as "\u0000<n>".
_SLOT = "\x00"
_SLOT_RE = re.compile(r'"\\u0000(\d+)"')
_ITEM_INDENT = "\n    "  # an item of the list under "journeys" or "pain_points": two levels in


def journeys_json(
    handbook: Handbook, site: Site, homes: Mapping[str, str] | None = None, memo: Memo | None = None
) -> str:
    if memo is None:
        return _dumps(handbook_data(handbook, site, homes)) + "\n"
    # Most of the time goes into encoding journeys and pain points: each is encoded alone, kept
    # while what it is made of is unchanged, and put in its place, indented as the encoding of
    # the whole file would indent it.
    homes = homes or {}
    kept = memo  # for the closure below: not None from here on
    items: list[tuple[str, object, Callable[[], object]]] = []

    def slot(key: str, inputs: object, encode: Callable[[], object]) -> str:
        items.append((key, inputs, encode))
        return _SLOT + str(len(items) - 1)

    def journey(j: Journey, _handbook: Handbook, _site: Site) -> str:
        return slot(f"journey:{j.id}", j, lambda: _journey(j, handbook, site))

    def pain(p: MergedPainPoint, _site: Site, _homes: Mapping[str, str]) -> str:
        return slot(f"pain:{p.id}", (p, homes.get(p.id)), lambda: _pain_point(p, site, homes))

    slotted = _dumps(handbook_data(handbook, site, homes, journey, pain))

    def encoded(match: re.Match[str]) -> str:
        key, inputs, encode = items[int(match.group(1))]
        return kept.get(f"{JSON_EXPORT}:{key}", inputs, lambda: _dumps(encode()).replace("\n", _ITEM_INDENT))

    return _SLOT_RE.sub(encoded, slotted) + "\n"


def defuse(cell: str) -> str:
    """A spreadsheet runs a cell that starts with = + - or @ as a formula; a leading ' stops it."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _occurrence(place: Place) -> str:
    return f"{place.journey.id} / {place.block.stage} / {place.step.touchpoint}"


def pain_points_csv(
    handbook: Handbook, site: Site, homes: Mapping[str, str] | None = None, memo: Memo | None = None
) -> str:
    """One row per merged pain point, highest priority first. List cells join ids with spaces
    and texts with "; ". With `memo`, each row is kept while its pain point is unchanged."""
    homes = homes or {}
    if memo is None:
        return _csv_lines([CSV_COLUMNS, *(_csv_cells(pain, site, homes) for pain in handbook.pain_points)])
    rows = [
        memo.get(f"{CSV_EXPORT}:{p.id}", (p, homes.get(p.id)), partial(_csv_row, p, site, homes))
        for p in handbook.pain_points
    ]
    return _csv_lines([CSV_COLUMNS]) + "".join(rows)


def _csv_row(pain: MergedPainPoint, site: Site, homes: Mapping[str, str]) -> str:
    return _csv_lines([_csv_cells(pain, site, homes)])


def _csv_lines(rows: Iterable[Iterable[object]]) -> str:
    out = io.StringIO()
    # RFC 4180 line ends: the writer quotes a cell that holds any character of the line
    # terminator, so with "\r\n" a carriage return in author text cannot start a new row.
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow(row)
    return out.getvalue()


def _csv_cells(pain: MergedPainPoint, site: Site, homes: Mapping[str, str]) -> list[str]:
    cells = (
        pain.score,
        pain.id,
        pain.text,
        pain.severity,
        pain.status,
        len(pain.journeys),
        len(pain.personas),
        len(pain.places),
        " ".join(pain.journeys),
        " ".join(pain.personas),
        " ".join(pain.teams),
        " ".join(pain.stages),
        "; ".join(_occurrence(p) for p in pain.places),
        "; ".join(pain.evidence),
        "; ".join(o.text for _, o in pain.opportunities),
        _pain_url(pain, site, homes),
        _occurrence(pain.places[pain.text_from]),
        "; ".join(pain.wordings),
    )
    return [defuse(str(c)) for c in cells]


def pain_rows_json(handbook: Handbook, site: Site, homes: Mapping[str, str], memo: Memo | None = None) -> str:
    """What the index filter needs of every row: its values, words and where the row lives.
    With `memo`, each row is encoded alone and kept while its pain point is unchanged."""
    pains = handbook.pain_points
    if memo is None:
        return _compact({"version": FORMAT_VERSION, "rows": [_filter_row(p, site, homes) for p in pains]}) + "\n"
    slotted = _compact({"version": FORMAT_VERSION, "rows": [_SLOT + str(n) for n in range(len(pains))]})

    def encoded(match: re.Match[str]) -> str:
        pain = pains[int(match.group(1))]
        inputs = (pain, homes.get(pain.id))
        return memo.get(f"{ROWS_EXPORT}:{pain.id}", inputs, lambda: _compact(_filter_row(pain, site, homes)))

    return _SLOT_RE.sub(encoded, slotted) + "\n"


def _compact(data: object) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _filter_row(p: MergedPainPoint, site: Site, homes: Mapping[str, str]) -> dict[str, Any]:
    return {
        "id": p.id,
        "text": p.text,
        "severity": p.severity,
        "status": p.status,
        "priority": p.score,
        "places": len(p.places),
        "stage": list(p.stages),
        "team": list(p.teams),
        "persona": list(p.personas),
        "url": _pain_url(p, site, homes),
    }
