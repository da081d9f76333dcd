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
from journeys.core.schema import VISIBILITIES

AUDIENCES = VISIBILITIES  # who a build is for: the same two words
# Fields of a public map left out of a public build unless `public_fields` names them; custom
# fields are named by their keys.
INTERNAL_FIELDS = ("owner", "supporting", "tools", "kpis", "evidence", "gaps")


def public_field_choices(custom_keys: Iterable[str]) -> tuple[str, ...]:
    return INTERNAL_FIELDS + tuple(custom_keys)


def is_public(item: Journey | Persona) -> bool:
    return item.visibility == "public"


def public_view(handbook, public_fields: Iterable[str] = ()):
    """The handbook as a public build publishes it (see the module docstring)."""
    shown = frozenset(public_fields)
    personas = tuple(p for p in handbook.personas if is_public(p))
    journeys = _public_addresses(tuple(_public_journey(j, shown) for j in handbook.journeys if is_public(j)))
    used_stages = {block.stage for j in journeys for block in j.stages}
    stages = tuple(s for s in handbook.stages if s.id in used_stages)
    named = {team for j in journeys for team in _teams_named(j)}
    teams = tuple(t for t in handbook.teams if t.id in named)  # empty unless owners are shown
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


def _teams_named(journey: Journey) -> set[str]:
    named = {journey.owner} if journey.owner else set()
    for _, step in journey.steps:
        named.update(filter(None, (step.owner, *step.supporting)))
    return named


def _public_journey(journey: Journey, shown: frozenset[str]) -> Journey:
    blocks = tuple(
        dataclasses.replace(block, steps=tuple(_public_step(step, shown) for step in block.steps))
        for block in journey.stages
    )
    return dataclasses.replace(
        journey,
        stages=blocks,
        owner=journey.owner if "owner" in shown else None,
        kpis=journey.kpis if "kpis" in shown else (),
    )


def _public_step(step: Step, shown: frozenset[str]) -> Step:
    return dataclasses.replace(
        step,
        owner=step.owner if "owner" in shown else None,
        supporting=step.supporting if "supporting" in shown else (),
        tools=step.tools if "tools" in shown else (),
        kpis=step.kpis if "kpis" in shown else (),
        gaps=step.gaps if "gaps" in shown else (),
        custom=tuple((key, values) for key, values in step.custom if key in shown),
        pain_points=tuple(p if "evidence" in shown else dataclasses.replace(p, evidence=()) for p in step.pain_points),
    )


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


def public_version(journey: Journey, public_fields: Iterable[str] = ()) -> Journey | None:
    """A version of a journey (today's, or an old one from git) as a public build may show
    it: its public projection, or None when that version was not public."""
    return _public_journey(journey, frozenset(public_fields)) if is_public(journey) else None


def public_history(journeys: dict, public_fields: Iterable[str] = ()) -> dict:
    """The History sections of a public build, whose entries compare public versions only
    (core/history.py). Commit subjects and former file names are written for the team, not for
    the public, and may name anything in the repository, so they are left out (date and hash
    stay); an owner change shows only when owners do."""
    shown = frozenset(public_fields)

    def entry(e):
        commit = dataclasses.replace(e.commit, subject="") if e.commit else None
        changes = tuple(c for c in e.changes if c.kind != "owner" or "owner" in shown)
        return dataclasses.replace(e, commit=commit, changes=changes, renamed_from=None)

    return {id_: dataclasses.replace(h, entries=tuple(entry(e) for e in h.entries)) for id_, h in journeys.items()}
