"""The machine-readable exports written beside the pages: the whole normalised handbook as
JSON, the pain-point index and the opportunity portfolio as CSV, and the rows the filters of
paged lists fetch. All are deterministic: sorted keys, stable order and fixed line ends, so an
unchanged handbook exports byte for byte the same."""

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
from journeys.core.index import MergedOpportunity, MergedPainPoint, Place, Uses, backing
from journeys.core.measures import number_text
from journeys.core.model import Insight, Journey, Kpi, Measure, MeasureValue, Opportunity, Step
from journeys.core.schema import MEASURE_VALUE, CustomField
from journeys.core.tickets import ticket
from journeys.render.memo import Memo
from journeys.render.pagination import homes, insight_parts, opportunity_parts, pain_homes, pain_parts
from journeys.render.urls import Site

JSON_EXPORT = "journeys.json"
CSV_EXPORT = "pain-points.csv"
MEASURES_EXPORT = "measures.csv"  # written only by a handbook with measures (map format 1.2)
OPPORTUNITIES_CSV = "opportunities.csv"
# The pain-point index's rows, small, for its filter: it shows matching rows from every part
# of the index, fetched when a reader first filters. The same for the insights index and the
# opportunity portfolio, when the handbook has them.
ROWS_EXPORT = "pain-points.json"
INSIGHT_ROWS = "insights.json"
OPPORTUNITY_ROWS = "opportunities.json"
# 2 since map format 1.2 ("Exports in version 1.2"): `measures`, each KPI's measure and values,
# a journey's `parent` and each step's `details`, `insights` and `opportunities`.
FORMAT_VERSION = 2
ROWS_VERSION = 1  # of pain-points.json and the filters' row files, whose shape has not changed
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
    # The current-state journeys where it is not resolved, and their personas: what its priority counts.
    "reach_journeys",
    "reach_personas",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # tab and CR too: spreadsheets skip them, then see the formula


def all_exports(handbook: Handbook, site: Site, memo: Memo | None = None) -> dict[str, bytes]:
    """File name (before the prefix) -> content, as UTF-8 (a large handbook's journeys.json is
    hundreds of megabytes: see `journeys_json`); `memo` (render/memo.py) keeps each journey's
    and pain point's part of them across the builds of a preview."""
    found = pain_homes(pain_parts(handbook, site))
    rows = opportunity_homes(handbook, site)
    exports = {
        JSON_EXPORT: journeys_json(handbook, site, found, memo, rows),
        CSV_EXPORT: pain_points_csv(handbook, site, found, memo).encode("utf-8"),
        ROWS_EXPORT: pain_rows_json(handbook, site, found, memo).encode("utf-8"),
    }
    if handbook.has_portfolio:
        exports[OPPORTUNITIES_CSV] = opportunities_csv(handbook, site, rows).encode("utf-8")
        exports[OPPORTUNITY_ROWS] = opportunity_rows_json(handbook, site, rows).encode("utf-8")
    if handbook.insights:
        exports[INSIGHT_ROWS] = insight_rows_json(handbook, site).encode("utf-8")
    if handbook.measures:
        exports[MEASURES_EXPORT] = measures_csv(handbook).encode("utf-8")
    return exports


def opportunity_homes(handbook: Handbook, site: Site) -> dict[str, str]:
    """Opportunity id -> the part of the portfolio that holds its row; none without one."""
    return homes(opportunity_parts(handbook, site)) if handbook.has_portfolio else {}


def _kpi(k: Kpi) -> dict[str, str | None]:
    """A KPI as written or, naming a measure, with what the measure gives and the date of its
    latest value (`as_of`); its values are under the measure's, in `measures`."""
    return {
        "name": k.name,
        "current": k.current,
        "target": k.target,
        "unit": k.unit,
        "measure": k.measure,
        "as_of": k.latest.date.isoformat() if k.latest else None,
    }


def _value(v: MeasureValue) -> dict[str, Any]:
    return {
        "date": v.date.isoformat(),
        "value": v.value,
        "journey": v.journey,
        "stage": v.stage,
        "step": v.step,
        "persona": v.persona,
        "n": v.n,
        "source": v.source,
    }


def _measures(
    handbook: Handbook, site: Site, measure: Callable[[Measure, list[MeasureValue], Site], object]
) -> list[object]:
    """The catalogue, each measure with every value of it (by scope, then date)."""
    values: dict[str, list[MeasureValue]] = {m.id: [] for m in handbook.measures}
    for v in handbook.measure_values:
        values[v.measure].append(v)
    return [measure(m, values[m.id], site) for m in handbook.measures]


def _measure(m: Measure, values: list[MeasureValue], site: Site) -> dict[str, Any]:
    return {
        "id": m.id,
        "name": m.name,
        "kind": m.kind,
        "unit": m.unit,
        "better": m.better,
        "target": m.target,
        "owner": m.owner,
        "description": m.description,
        "url": site.url(site.src("measures", m.id)),
        "values": [_value(v) for v in values],
    }


# Step fields the export writes in a form of their own; every other field of the model goes
# out as it is (tuples as lists), so a field added to the schema and the model reaches
# journeys.json without an edit here.
def _step_opportunity(o: Opportunity) -> dict[str, Any]:
    """An opportunity as its map writes it; its merged form, with the score, is under
    `opportunities` at the top."""
    return {
        "id": o.key,
        "text": o.text,
        "impact": o.impact,
        "addresses": list(o.addresses),
        "value": o.value,
        "business_value": o.business_value,
        "effort": o.effort,
        "status": o.status,
        "owner": o.owner,
        "tickets": list(o.tickets),
        "insights": list(o.insights),
    }


_STEP_FIELDS: dict[str, tuple[str, Callable[[Step], Any]]] = {
    "anchor": ("step", lambda step: step.anchor),
    "kpis": ("kpis", lambda step: [_kpi(k) for k in step.kpis]),
    "pain_points": ("pain_points", lambda step: [p.key for p in step.pain_points]),
    "opportunities": ("opportunities", lambda step: [_step_opportunity(o) for o in step.opportunities]),
}


def _step(step: Step, custom_fields: Iterable[CustomField]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for field in dataclasses.fields(step):
        if field.name == "custom":
            continue  # below: every declared custom field, empty where the step has none
        name, value = _STEP_FIELDS.get(field.name, (field.name, None))
        raw = getattr(step, field.name)
        data[name] = value(step) if value else (list(raw) if isinstance(raw, tuple) else raw)
    custom = dict(step.custom)
    data["custom"] = {f.key: list(custom.get(f.key, ())) for f in custom_fields}
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
        "parent": journey.parent,
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
                "kpis": [_kpi(k) for k in b.kpis],
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
        "insights": list(pain.insights),
        "journeys": list(pain.journeys),
        "personas": list(pain.personas),
        "reach": {"journeys": list(pain.reached_journeys), "personas": list(pain.reached_personas)},
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


def _insight(insight: Insight, site: Site, uses: Uses) -> dict[str, Any]:
    return {
        "id": insight.id,
        "title": insight.title,
        "kind": insight.kind,
        "date": insight.date.isoformat() if insight.date else None,
        "participants": insight.participants,
        "source": insight.source,
        "owner": insight.owner,
        "findings": list(insight.findings),
        "quotes": list(insight.quotes),
        "tags": list(insight.tags),
        "file": insight.file,
        "url": site.url(site.src("insights", insight.id)),
        "pain_points": [p.id for p in uses.pains],
        "opportunities": [o.id for o in uses.opportunities],
        "journeys": [j.id for j in uses.journeys],
    }


def _opportunity(opportunity: MergedOpportunity, site: Site, homes: Mapping[str, str]) -> dict[str, Any]:
    return {
        "id": opportunity.id,
        "text": opportunity.text,
        "status": opportunity.status,
        "score": float(opportunity.score_text) if opportunity.score is not None else None,
        "value": opportunity.value,
        "business_value": opportunity.business_value,
        "effort": opportunity.effort,
        "impact": opportunity.impact,
        "owner": opportunity.owner,
        "tickets": [{"url": t.url, "tracker": t.tracker, "key": t.key} for t in map(ticket, opportunity.tickets)],
        "insights": list(opportunity.insights),
        "addresses": list(opportunity.addresses),
        "journeys": list(opportunity.journeys),
        "occurrences": [
            {
                "journey": p.journey.id,
                "stage": p.block.stage,
                "touchpoint": p.step.touchpoint,
                "step": p.step.anchor,
                "text": o.text,
            }
            for p, o in zip(opportunity.places, opportunity.occurrences)
        ],
        "url": _opportunity_url(opportunity, site, homes),
    }


def _opportunity_url(opportunity: MergedOpportunity, site: Site, homes: Mapping[str, str]) -> str | None:
    home = homes.get(opportunity.id)
    return site.url(home) + "#" + opportunity.id if home else None


def handbook_data(
    handbook: Handbook,
    site: Site,
    homes: Mapping[str, str] | None = None,
    journey: Callable[[Journey, Handbook, Site], object] = _journey,
    pain_point: Callable[[MergedPainPoint, Site, Mapping[str, str]], object] = _pain_point,
    opportunity_homes: Mapping[str, str] | None = None,
    measure: Callable[[Measure, list[MeasureValue], Site], object] = _measure,
) -> dict[str, Any]:
    """The normalised handbook: valid journeys only, since an invalid map is not published;
    valid insights only, newest first, for the same reason."""
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
        "custom_fields": [{"key": f.key, "label": f.label, "lane": f.lane or None} for f in handbook.custom_fields],
        "journeys": [journey(j, handbook, site) for j in handbook.valid_journeys],
        "pain_points": [pain_point(p, site, homes or {}) for p in handbook.pain_points],
        "measures": _measures(handbook, site, measure),
        "insights": [_insight(i, site, handbook.insight_uses.get(i.id, Uses())) for i in handbook.valid_insights],
        "opportunities": [_opportunity(o, site, opportunity_homes or {}) for o in handbook.opportunities],
    }


def _dumps(data: object) -> str:
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False)


# A journey's or pain point's place in journeys.json while the rest is written: a string no map
# can hold (the model has no control characters), which the JSON encoder writes as "\u0000<n>".
_SLOT = "\x00"
_SLOT_RE = re.compile(r'"\\u0000(\d+)"')
_ITEM_INDENT = "\n    "  # an item of the list under "journeys" or "pain_points": two levels in


def journeys_json(
    handbook: Handbook,
    site: Site,
    homes: Mapping[str, str] | None = None,
    memo: Memo | None = None,
    opportunity_homes: Mapping[str, str] | None = None,
) -> bytes:
    """The handbook as JSON, in UTF-8.

    Each journey, pain point and measure is encoded alone and written in its place, indented as
    the encoding of the whole file would indent it. The encoder, which is Python's own when it
    indents, would otherwise hold a string for every token of the handbook at once, and the
    file is written out as it is made: at 5,000 maps it is 200 MB, which as one text, then its
    UTF-8, would be held two or three times over. A preview keeps each part (`memo`) while what
    it is made of is unchanged: most of the time goes into encoding journeys and pain points."""
    homes = homes or {}
    items: list[tuple[str, object, Callable[[], object]]] = []

    def slot(key: str, inputs: object, encode: Callable[[], object]) -> str:
        items.append((key, inputs, encode))
        return _SLOT + str(len(items) - 1)

    def journey(j: Journey, _handbook: Handbook, _site: Site) -> str:
        return slot(f"journey:{j.id}", j, lambda: _journey(j, handbook, site))

    def pain(p: MergedPainPoint, _site: Site, _homes: Mapping[str, str]) -> str:
        return slot(f"pain:{p.id}", (p, homes.get(p.id)), lambda: _pain_point(p, site, homes))

    def measure(m: Measure, values: list[MeasureValue], _site: Site) -> str:
        return slot(f"measure:{m.id}", (m, tuple(values)), lambda: _measure(m, values, site))

    slotted = _dumps(handbook_data(handbook, site, homes, journey, pain, opportunity_homes, measure))

    def encoded(match: re.Match[str]) -> str:
        key, inputs, encode = items[int(match.group(1))]

        def text() -> str:
            return _dumps(encode()).replace("\n", _ITEM_INDENT)

        return text() if memo is None else memo.get(f"{JSON_EXPORT}:{key}", inputs, text)

    out = io.BytesIO()
    start = 0
    for match in _SLOT_RE.finditer(slotted):
        out.write(slotted[start : match.start()].encode("utf-8"))
        out.write(encoded(match).encode("utf-8"))
        start = match.end()
    out.write(slotted[start:].encode("utf-8") + b"\n")
    return out.getvalue()


MEASURES_COLUMNS = tuple(key.name for key in MEASURE_VALUE.keys)  # the columns of maps/measures/*.csv


def measures_csv(handbook: Handbook) -> str:
    """Every value, one row each, in the columns of maps/measures/*.csv in their declared order
    (a step's stage filled in), by measure, scope and date: the file reads back as a measures
    file. Values are numbers the loader read, so only the author's text is defused."""
    rows = (
        (
            v.date.isoformat(),
            v.measure,
            number_text(v.value),
            v.journey or "",
            v.stage or "",
            v.step or "",
            v.persona or "",
            "" if v.n is None else str(v.n),
            defuse(v.source or ""),
        )
        for v in handbook.measure_values
    )
    return _csv_lines([MEASURES_COLUMNS, *rows])


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
        " ".join(pain.reached_journeys),
        " ".join(pain.reached_personas),
    )
    return [defuse(str(c)) for c in cells]


def pain_rows_json(handbook: Handbook, site: Site, homes: Mapping[str, str], memo: Memo | None = None) -> str:
    """What the index filter needs of every row: its values, words and where the row lives.
    With `memo`, each row is encoded alone and kept while its pain point is unchanged."""
    pains = handbook.pain_points
    if memo is None:
        rows = [_filter_row(handbook, p, site, homes) for p in pains]
        return _compact({"version": ROWS_VERSION, "rows": rows}) + "\n"
    slotted = _compact({"version": ROWS_VERSION, "rows": [_SLOT + str(n) for n in range(len(pains))]})

    def encoded(match: re.Match[str]) -> str:
        pain = pains[int(match.group(1))]
        inputs = (pain, homes.get(pain.id))
        return memo.get(f"{ROWS_EXPORT}:{pain.id}", inputs, lambda: _compact(_filter_row(handbook, pain, site, homes)))

    return _SLOT_RE.sub(encoded, slotted) + "\n"


def _compact(data: object) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def backing_value(handbook: Handbook, pain: MergedPainPoint) -> str:
    """ "backed" or "none", for the index's backing filter; "" in a public build, whose pages
    never mark a pain point as backed by nothing (render/backing.py)."""
    if handbook.audience == "public":
        return ""
    return "backed" if backing(pain.insights, pain.evidence, handbook.insight_by_id).backed else "none"


def _filter_row(handbook: Handbook, p: MergedPainPoint, site: Site, homes: Mapping[str, str]) -> dict[str, Any]:
    return {
        "backing": backing_value(handbook, p),
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


OPPORTUNITY_COLUMNS = (
    "score",
    "id",
    "text",
    "status",
    "value",
    "business_value",
    "effort",
    "impact",
    "owner",
    "addresses",
    "journeys",
    "occurrences",
    "tickets",
    "insights",
    "url",
)


def opportunities_csv(handbook: Handbook, site: Site, homes: Mapping[str, str]) -> str:
    """One row per opportunity, highest score first; an unscored one has an empty score. List
    cells join ids with spaces, texts and URLs with "; "."""
    rows = [
        (
            o.score_text,
            o.id,
            o.text,
            o.status,
            *("" if v is None else v for v in (o.value, o.business_value, o.effort)),
            o.impact or "",
            o.owner or "",
            " ".join(o.addresses),
            " ".join(o.journeys),
            "; ".join(_occurrence(p) for p in o.places),
            "; ".join(o.tickets),
            " ".join(o.insights),
            _opportunity_url(o, site, homes) or "",
        )
        for o in handbook.opportunities
    ]
    return _csv_lines([OPPORTUNITY_COLUMNS, *([defuse(str(c)) for c in row] for row in rows)])


def opportunity_rows_json(handbook: Handbook, site: Site, homes: Mapping[str, str]) -> str:
    """What the portfolio's filter needs of every row."""
    rows = [
        {
            "id": o.id,
            "text": o.text,
            "score": o.score_text,
            "status": o.status,
            "team": [o.owner] if o.owner else [],
            "url": _opportunity_url(o, site, homes),
        }
        for o in handbook.opportunities
    ]
    return _compact({"version": ROWS_VERSION, "rows": rows}) + "\n"


def insight_rows_json(handbook: Handbook, site: Site) -> str:
    """What the insights index's filter needs of every row, with where the row lives."""
    found = homes(insight_parts(handbook, site))
    rows = [
        {
            "id": i.id,
            "text": i.title,
            "kind": i.kind,
            "date": i.date.isoformat() if i.date else "",
            "participants": i.participants,
            "url": site.url(found[i.id]) + "#" + i.id,
        }
        for i in handbook.valid_insights
    ]
    return _compact({"version": ROWS_VERSION, "rows": rows}) + "\n"
