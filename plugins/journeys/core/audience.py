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
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

from journeys.core.handbook import Handbook
from journeys.core.model import Journey, Persona, Step
from journeys.core.options import Options
from journeys.core.problems import did_you_mean
from journeys.core.schema import (
    INTERNAL,
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


def public_field_choices(custom_keys: Iterable[str]) -> tuple[str, ...]:
    """What `public_fields` may name: every internal-facing key of the format (see `Key`), then
    the custom fields' keys. A name stands for every key of that name (`owner` of a journey and
    of a step)."""
    names = (key.name for record in (*records_in(_JOURNEY), TEAM) for key in record.keys if key.audience == INTERNAL)
    return tuple(dict.fromkeys(names)) + tuple(custom_keys)


def is_public(item: Journey | Persona) -> bool:
    return item.visibility == "public"


def public_view(handbook, public_fields: Iterable[str] = ()):
    """The handbook as a public build publishes it (see the module docstring)."""
    shown = frozenset(public_fields)
    personas = tuple(_projected(PERSONA, p, shown) for p in handbook.personas if is_public(p))
    journeys = _public_addresses(tuple(_projected(_JOURNEY, j, shown) for j in handbook.journeys if is_public(j)))
    used_stages = {block.stage for j in journeys for block in j.stages}
    stages = tuple(_projected(STAGE, s, shown) for s in handbook.stages if s.id in used_stages)
    named = {team for j in journeys for team in _references(_JOURNEY, j, "team")}
    teams = tuple(_projected(TEAM, t, shown) for t in handbook.teams if t.id in named)  # none unless owners are shown
    custom_fields = tuple((key, label) for key, label in handbook.custom_fields if key in shown)
    return Handbook(
        personas,
        journeys,
        stages,
        teams,
        handbook.problems,
        custom_fields,
        audience="public",
        warnings=handbook.warnings,
    )


def _projected(record: Record, item, shown: frozenset[str]):
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
        kept = tuple((key, values) for key, values in item.custom if key in shown)
        if kept != item.custom:
            changes["custom"] = kept
    return dataclasses.replace(item, **changes) if changes else item


def _references(record: Record, item, kind: str) -> set[str]:
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


def _public_addresses(journeys: tuple[Journey, ...]) -> tuple[Journey, ...]:
    """Opportunities keep only the pain point ids that public maps hold: the id of a pain
    point that only internal maps have is itself internal text. (An opportunity left with
    none is an error in a public build, see `public_problems`.)"""
    held = {p.key for j in journeys for _, s in j.steps for p in s.pain_points}

    def step(s: Step) -> Step:
        return dataclasses.replace(
            s,
            opportunities=tuple(
                dataclasses.replace(o, addresses=tuple(a for a in o.addresses if a in held)) for o in s.opportunities
            ),
        )

    return tuple(
        dataclasses.replace(
            j, stages=tuple(dataclasses.replace(b, steps=tuple(step(s) for s in b.steps)) for b in j.stages)
        )
        for j in journeys
    )


def linked_repository(options: Options) -> str | None:
    """The repository a build's pages link to (History's commits, "edit this page"): the
    site's `repo_url`, or in a public build `public_repo_url`; None for none."""
    return options.public_repo_url if options.audience == "public" else options.repo_url


def public_site_settings(settings: Mapping, public_repo_url: str | None) -> dict:
    """The site settings a public build changes, so that no internal address reaches a public
    page: `repo_url` (the theme's repository link) becomes `public_repo_url`, or none, and
    `repo_name`, which MkDocs derives from it, is cleared to be derived again. Without a public
    repository `edit_uri` and `edit_uri_template` go too ("edit this page"); with one, they go
    only if they name a host of their own. A value of None means "remove"."""
    changed: dict = {"repo_url": public_repo_url, "repo_name": None}
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


def for_audience(handbook, audience: str, public_fields: Iterable[str] = ()):
    """The handbook a build for `audience` renders."""
    return public_view(handbook, public_fields) if audience == "public" else handbook


# Changes that tell an internal-facing field (core/changes.py), by the field.
_INTERNAL_CHANGES = {"owner": "owner", "kpi": "kpis", "kpi_target": "kpis", "kpi_added": "kpis", "kpi_removed": "kpis"}


def public_version(journey: Journey, public_fields: Iterable[str] = ()) -> Journey | None:
    """A version of a journey (today's, or an old one from git) as a public build may show
    it: its public projection, or None when that version was not public."""
    return _projected(_JOURNEY, journey, frozenset(public_fields)) if is_public(journey) else None


def public_history(journeys: dict, public_fields: Iterable[str] = ()) -> dict:
    """The History sections of a public build, whose entries compare public versions only
    (core/history.py). Commit subjects and former file names are written for the team, not for
    the public, and may name anything in the repository, so they are left out (date and hash
    stay); an owner or KPI change shows only when that field does."""
    shown = frozenset(public_fields)

    def entry(e):
        commit = dataclasses.replace(e.commit, subject="") if e.commit else None
        changes = tuple(c for c in e.changes if _INTERNAL_CHANGES.get(c.kind, "") in ("", *shown))
        return dataclasses.replace(e, commit=commit, changes=changes, renamed_from=None)

    return {id_: dataclasses.replace(h, entries=tuple(entry(e) for e in h.entries)) for id_, h in journeys.items()}
