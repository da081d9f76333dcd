"""Who a build is for: the whole handbook, or the public part of it (map format 1.1,
"Visibility and public builds").

A public build renders from a projection of the handbook that holds only public journeys and
personas, with the internal-facing fields of those maps emptied. Every page, export, chart and
search entry is made from the projection, so a page type added later cannot leak what it never
receives. The checks that stop a public journey from pointing at internal maps run on the
located data, so they name file, line and key (core/public_checks.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from urllib.parse import urlsplit

from journeys.core.handbook import Handbook
from journeys.core.model import Insight, Journey, Kpi, Measure, MeasureValue, Persona, Step
from journeys.core.options import Options
from journeys.core.problems import did_you_mean
from journeys.core.schema import (
    INSIGHT,
    INTERNAL,
    MEASURE,
    PERSONA,
    PUBLIC,
    STAGE,
    TEAM,
    VISIBILITIES,
    ListOf,
    Record,
    Ref,
    held_record,
    journey_record,
    records_in,
)

AUDIENCES = VISIBILITIES  # who a build is for: the same two words
_JOURNEY = journey_record()

if TYPE_CHECKING:
    from _typeshed import DataclassInstance
# A model dataclass that a record builds (core/schema.py, `Record.model`).
_Model = TypeVar("_Model", bound="DataclassInstance")
# Files that are internal-facing as a whole: `measures` is measures.yml and every value of
# maps/measures/*.csv (map format 1.2), and with them every KPI's values and health.
FILE_FIELDS = ("measures",)


def public_field_choices(custom_keys: Iterable[str]) -> tuple[str, ...]:
    """What `public_fields` may name: every internal-facing key of the format (see `Key`), the
    internal-facing files, then the custom fields' keys. A name stands for every key of that
    name (`owner` of a journey, of a step, of a measure and of an insight)."""
    records = (*records_in(_JOURNEY), TEAM, MEASURE, INSIGHT)
    names = (key.name for record in records for key in record.keys if key.audience == INTERNAL)
    return tuple(dict.fromkeys(names)) + FILE_FIELDS + tuple(custom_keys)


def is_public(item: Journey | Persona | Insight) -> bool:
    return item.visibility == "public"


def public_view(handbook: Handbook, public_fields: Iterable[str] = ()) -> Handbook:
    """The handbook as a public build publishes it (see the module docstring)."""
    shown = frozenset(public_fields)
    personas = tuple(_projected(PERSONA, p, shown) for p in handbook.personas if is_public(p))
    # An internal insight is never published: its id goes from every pain point and
    # opportunity that names it, which then shows only its public evidence.
    insights = tuple(_projected(INSIGHT, i, shown) for i in handbook.insights if is_public(i))
    public_insights = {i.id for i in insights}
    journeys = _public_references(
        tuple(_projected(_JOURNEY, j, shown) for j in handbook.journeys if is_public(j)), public_insights
    )
    used_stages = {block.stage for j in journeys for block in j.stages}
    stages = tuple(_projected(STAGE, s, shown) for s in handbook.stages if s.id in used_stages)
    values: tuple[MeasureValue, ...] = ()
    measures: tuple[Measure, ...] = ()
    if "measures" in shown:
        public = {j.id for j in journeys} | {p.id for p in personas} | used_stages
        values = tuple(v for v in handbook.measure_values if all(part in public for part in v.scope if part))
        named_measures = {v.measure for v in values} | {k.measure for j in journeys for k in _kpis(j) if k.measure}
        measures = tuple(_projected(MEASURE, m, shown) for m in handbook.measures if m.id in named_measures)
    else:  # a KPI shown without its measure's values: its name, unit and target
        journeys = tuple(_with_kpis(j, _unmeasured) for j in journeys)
    named = {team for j in journeys for team in _references(_JOURNEY, j, "team")}
    named |= {m.owner for m in measures if m.owner}
    named |= {team for i in insights for team in _references(INSIGHT, i, "team")}
    teams = tuple(_projected(TEAM, t, shown) for t in handbook.teams if t.id in named)  # none unless owners are shown
    custom_fields = tuple(f for f in handbook.custom_fields if f.key in shown)
    return Handbook(
        personas,
        journeys,
        stages,
        teams,
        handbook.problems,
        custom_fields,
        audience="public",
        warnings=handbook.warnings,
        measures=measures,
        measure_values=values,
        measures_source=handbook.measures_source if measures else "",
        insights=insights,
    )


def _kpis(journey: Journey) -> Iterable[Kpi]:
    return (*journey.kpis, *(k for b in journey.stages for k in (*b.kpis, *(k for s in b.steps for k in s.kpis))))


def _unmeasured(kpi: Kpi) -> Kpi:
    return dataclasses.replace(kpi, measure=None, current=None, series=(), better=None) if kpi.measure else kpi


def _with_kpis(journey: Journey, change: Callable[[Kpi], Kpi]) -> Journey:
    """`journey` with `change` made to every KPI of it (or the journey itself, if none changes)."""
    if all(change(k) is k for k in _kpis(journey)):
        return journey

    def kpis(items: tuple[Kpi, ...]) -> tuple[Kpi, ...]:
        return tuple(change(k) for k in items)

    return dataclasses.replace(
        journey,
        kpis=kpis(journey.kpis),
        stages=tuple(
            dataclasses.replace(
                b, kpis=kpis(b.kpis), steps=tuple(dataclasses.replace(s, kpis=kpis(s.kpis)) for s in b.steps)
            )
            for b in journey.stages
        ),
    )


def _projected(record: Record[_Model], item: _Model, shown: frozenset[str]) -> _Model:
    """`item` (the model `record` builds) with every internal-facing field that `shown` does not
    name emptied, in the records it holds too; a key without an audience counts as
    internal-facing. Custom fields are internal-facing, each named by its key."""
    changes: dict[str, object] = {}
    for key in record.keys:
        value = None if key.custom else getattr(item, key.model_field)
        if value is None or value == ():
            continue  # nothing to hide; custom fields are all hidden at once, below
        if key.audience != PUBLIC and key.name not in shown:
            changes[key.model_field] = () if isinstance(key.type, ListOf) else None
        elif (inner := held_record(key.type)) is not None:
            projected = (
                tuple(_projected(inner, v, shown) for v in value)
                if isinstance(value, tuple)
                else _projected(inner, value, shown)
            )
            if projected != value:
                changes[key.model_field] = projected
    if "custom" in record.derived:
        custom = cast(Step, item).custom  # the step record is the one with custom fields
        kept = tuple((key, values) for key, values in custom if key in shown)
        if kept != custom:
            changes["custom"] = kept
    return dataclasses.replace(item, **changes) if changes else item


def _references(record: Record[Any], item: object, kind: str) -> set[str]:
    """The ids of `kind` that `item` (the model `record` builds) names, in the records it holds too."""
    found: set[str] = set()
    for key in record.keys:
        value = getattr(item, key.model_field, None) if not key.custom else None
        values = value if isinstance(value, tuple) else (value,)
        target = key.type.item if isinstance(key.type, ListOf) else key.type
        if isinstance(target, Ref) and target.kind == kind:
            found.update(v for v in values if v)
        elif (inner := held_record(key.type)) is not None:
            for v in values:
                if v is not None:
                    found |= _references(inner, v, kind)
    return found


def _public_references(journeys: tuple[Journey, ...], public_insights: set[str]) -> tuple[Journey, ...]:
    """References keep only what public maps hold. Opportunities keep the pain point ids of
    public maps: the id of a pain point that only internal maps have is itself internal text.
    (An opportunity left with none is an error in a public build, see `public_problems`.) Pain
    points and opportunities keep only the ids of public insights. A `parent` or a step's
    `details` naming an internal journey is left out, so a public child of an internal parent is
    a top-level journey here."""
    held = {p.key for j in journeys for _, s in j.steps for p in s.pain_points}
    published = {j.id for j in journeys}

    def step(s: Step) -> Step:
        return dataclasses.replace(
            s,
            pain_points=tuple(
                dataclasses.replace(p, insights=tuple(i for i in p.insights if i in public_insights))
                for p in s.pain_points
            ),
            opportunities=tuple(
                dataclasses.replace(
                    o,
                    addresses=tuple(a for a in o.addresses if a in held),
                    insights=tuple(i for i in o.insights if i in public_insights),
                )
                for o in s.opportunities
            ),
            details=s.details if s.details in published else None,
        )

    return tuple(
        dataclasses.replace(
            j,
            parent=j.parent if j.parent in published else None,
            stages=tuple(dataclasses.replace(b, steps=tuple(step(s) for s in b.steps)) for b in j.stages),
        )
        for j in journeys
    )


def linked_repository(options: Options) -> str | None:
    """The repository a build's pages link to (History's commits, "edit this page"): the
    site's `repo_url`, or in a public build `public_repo_url`; None for none."""
    return options.public_repo_url if options.audience == "public" else options.repo_url


def public_site_settings(settings: Mapping[str, object], public_repo_url: str | None) -> dict[str, str | None]:
    """The site settings a public build changes, so that no internal address reaches a public
    page: `repo_url` (the theme's repository link) becomes `public_repo_url`, or none, and
    `repo_name`, which MkDocs derives from it, is cleared to be derived again. Without a public
    repository `edit_uri` and `edit_uri_template` go too ("edit this page"); with one, they go
    only if they name a host of their own. A value of None means "remove"."""
    changed: dict[str, str | None] = {"repo_url": public_repo_url, "repo_name": None}
    for key in ("edit_uri", "edit_uri_template"):
        value = settings.get(key)
        if isinstance(value, str) and value and (public_repo_url is None or urlsplit(value).netloc):
            changed[key] = None
    return changed


def unknown_public_fields(public_fields: Iterable[str], custom_keys: Iterable[str]) -> list[str]:
    """Messages for `public_fields` entries that name no internal-facing field."""
    choices = public_field_choices(custom_keys)
    return [
        f"public_fields: '{name}' is not an internal-facing field{did_you_mean(name, choices)}; "
        f"the fields are {', '.join(choices)}"
        for name in public_fields
        if name not in choices
    ]


def for_audience(handbook: Handbook, audience: str, public_fields: Iterable[str] = ()) -> Handbook:
    """The handbook a build for `audience` renders."""
    return public_view(handbook, public_fields) if audience == "public" else handbook


def public_version(journey: Journey, public_fields: Iterable[str] = ()) -> Journey | None:
    """A version of a journey (today's, or an old one from git) as a public build may show
    it: its public projection, or None when that version was not public."""
    return _projected(_JOURNEY, journey, frozenset(public_fields)) if is_public(journey) else None
