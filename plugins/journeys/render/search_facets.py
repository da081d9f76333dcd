"""What a search index knows of each generated page besides its words: the kind of thing the
page (or a row on it) shows, and the personas, stages, teams, severities, states and tags it is
about, as Pagefind's filters. Values are the words a reader sees (names, not ids), since the
search box shows them as they are.

A kind is one declaration in `KINDS`: its key, the label of its name, and where its items are
(a page each, or a row each on the pages of an index). A handbook without insights or measures
(map format 1.2) has no item of those kinds, so the search box offers no chip for them. An
opportunity has no kind: its words are at home on the card of the journey that names it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from journeys.core.handbook import Handbook
from journeys.render.context import Context

# The filters, in the order the search box offers them; a reader may also type them as
# `key:value` (`stage:Claim`, `persona:"Dan and Leah"`).
FILTERS = ("kind", "persona", "stage", "team", "severity", "state", "tag")

Filters = tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Item:
    """A search result of its own: a page (`anchor` None), or a row of a page, with the id of
    its element and the title it is found under."""

    src: str
    filters: Filters
    anchor: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Kind:
    key: str
    label: str  # the key of its name in labels.py
    items: Callable[[Handbook, Context, str], Iterable[Item]]  # (handbook, ctx, name of the kind) -> its items


def _filters(**values: Iterable[str | None]) -> Filters:
    """Each filter's distinct values, sorted; filters without a value left out."""
    found = ((key, tuple(sorted({v for v in vals if v}))) for key, vals in values.items())
    return tuple((key, vals) for key, vals in found if vals)


def _names(by_id: dict, ids: Iterable[str | None]) -> list[str]:
    return [by_id[i].name if i in by_id else i for i in ids if i]


def _journeys(handbook: Handbook, ctx: Context, kind: str) -> Iterable[Item]:
    labels = ctx.labels
    for journey in handbook.valid_journeys:
        steps = [step for _, step in journey.steps]
        teams = [journey.owner, *(s.owner for s in steps), *(t for s in steps for t in s.supporting)]
        yield Item(
            ctx.site.src("journeys", journey.id),
            _filters(
                kind=[kind],
                persona=_names(handbook.persona_by_id, journey.personas),
                stage=_names(handbook.stage_by_id, (block.stage for block in journey.stages)),
                team=_names(handbook.team_by_id, teams),
                severity=[p.severity for s in steps for p in s.pain_points],
                state=[labels.get(f"state_{journey.state}", journey.state)],
                tag=journey.tags,
            ),
        )


def _personas(handbook: Handbook, ctx: Context, kind: str) -> Iterable[Item]:
    for persona in handbook.personas:
        yield Item(
            ctx.site.src("personas", persona.id), _filters(kind=[kind], persona=[persona.name], tag=persona.tags)
        )


def _stages(handbook: Handbook, ctx: Context, kind: str) -> Iterable[Item]:
    for stage in handbook.stages:
        yield Item(ctx.site.src("stages", stage.id), _filters(kind=[kind], stage=[stage.name]))


def _teams(handbook: Handbook, ctx: Context, kind: str) -> Iterable[Item]:
    for team in handbook.teams:
        yield Item(ctx.site.src("teams", team.id), _filters(kind=[kind], team=[team.name]))


def _pain_points(handbook: Handbook, ctx: Context, kind: str) -> Iterable[Item]:
    """A row each, on the part of the index that holds it: a pain point is at home in its row."""
    for pain in handbook.pain_points:
        yield Item(
            ctx.pain_homes.get(pain.id) or ctx.site.src("pain-points"),
            _filters(
                kind=[kind],
                persona=_names(handbook.persona_by_id, pain.personas),
                stage=_names(handbook.stage_by_id, (place.block.stage for place in pain.places)),
                team=_names(handbook.team_by_id, pain.teams),
                severity=[pain.severity],
            ),
            anchor=pain.id,
            title=pain.text,
        )


def _insights(handbook: Handbook, ctx: Context, kind: str) -> Iterable[Item]:
    for insight in handbook.valid_insights:
        yield Item(
            ctx.site.src("insights", insight.id),
            _filters(kind=[kind], team=_names(handbook.team_by_id, [insight.owner]), tag=insight.tags),
        )


def _measures(handbook: Handbook, ctx: Context, kind: str) -> Iterable[Item]:
    for measure in handbook.measures:
        yield Item(
            ctx.site.src("measures", measure.id),
            _filters(kind=[kind], team=_names(handbook.team_by_id, [measure.owner])),
        )


KINDS = (
    Kind("journey", "search_kind_journey", _journeys),
    Kind("persona", "search_kind_persona", _personas),
    Kind("stage", "search_kind_stage", _stages),
    Kind("team", "search_kind_team", _teams),
    Kind("pain-point", "search_kind_pain_point", _pain_points),
    Kind("insight", "search_kind_insight", _insights),
    Kind("measure", "search_kind_measure", _measures),
)


def search_items(handbook: Handbook, ctx: Context) -> list[Item]:
    """Every item of every kind, by kind in `KINDS` order. Read after the pages are rendered:
    a pain point's row is on the part of the index the rendering put it on (ctx.pain_homes)."""
    return [item for kind in KINDS for item in kind.items(handbook, ctx, ctx.labels[kind.label])]


SETTING_WORDS = ("search_filters", "search_remove", "search_found", "search_unavailable", "search_unavailable_why")


def search_settings(labels: Mapping[str, str]) -> str:
    """What the search box's worker and script read (assets/journeys/search.json): the filters
    with their names, in order, and the interface's words."""
    settings = {
        "filters": [[key, labels[f"search_filter_{key}"]] for key in FILTERS],
        "words": {key: labels[key] for key in SETTING_WORDS},
    }
    return json.dumps(settings, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
