"""What each page is rendered from, for the memo of a preview (render/memo.py): the site-wide
inputs every page shares (`base`) and the few facts of other maps each kind of page shows."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from journeys.core.handbook import Handbook
from journeys.core.index import MergedPainPoint, Place
from journeys.core.model import Journey
from journeys.render.context import Context
from journeys.render.pagination import Part

T = TypeVar("T")


def remember(ctx: Context, path: str, inputs: Callable[[], object], render: Callable[[], T]) -> T:
    """`render()`, or the last build's result for `path` if `inputs()` are what they were."""
    memo = ctx.memo
    return render() if memo is None else memo.get(path, inputs(), render)


def override_files(folder: str | None) -> tuple[tuple[str, int, int], ...]:
    """Name, modification time and size of every template override: editing one while serving
    renders every page again."""
    if not folder or not os.path.isdir(folder):
        return ()
    found = []
    for name in sorted(os.listdir(folder)):
        stat = os.stat(os.path.join(folder, name))
        found.append((name, stat.st_mtime_ns, stat.st_size))
    return tuple(found)


def base(handbook: Handbook, ctx: Context) -> tuple:
    templates = ctx.templates
    return (
        ctx.site,
        ctx.today,
        ctx.review_after_days,
        ctx.plotly_js,
        ctx.repo_url,
        tuple(sorted(templates.labels.items())),
        templates.overrides,
        override_files(templates.overrides),
        handbook.audience,
        handbook.custom_fields,
        handbook.stages,
        handbook.teams,
        tuple((p.id, p.name) for p in handbook.personas),
    )


def _pain_facts(handbook: Handbook, ctx: Context, keys: Iterable[str]) -> tuple:
    """What a page shows of merged pain points it links: text, priority and where its row is."""
    found = []
    for key in sorted(set(keys)):
        merged = handbook.pain_point_by_id.get(key)
        found.append((key, ctx.pain_homes.get(key), (merged.text, merged.score) if merged else None))
    return tuple(found)


def journey_inputs(handbook: Handbook, journey: Journey, ctx: Context) -> tuple:
    """What a journey's page reads besides `base`: the map itself, the journey it redesigns and
    those that redesign it, the pain points it links, the hand-written pages that show it and
    its history."""
    steps = [step for _, step in journey.steps]
    keys = [p.key for s in steps for p in s.pain_points] + [
        k for s in steps for o in s.opportunities for k in o.addresses
    ]
    return (
        journey,
        handbook.journey_by_id.get(journey.baseline) if journey.baseline else None,
        handbook.redesigned_by.get(journey.id, ()),
        _pain_facts(handbook, ctx, keys),
        ctx.shown_in.get(journey.id, ()),
        ctx.history.get(journey.id),
    )


def pains_inputs(ctx: Context, pains: Sequence[MergedPainPoint]) -> tuple:
    """Merged pain points whose rows a page shows, with where their rows are."""
    return tuple(pains), tuple(ctx.pain_homes.get(p.id) for p in pains)


def summary_inputs(ctx: Context, pains: Iterable[MergedPainPoint]) -> tuple:
    """What a list of pain points shows of each (fragments.pain_summary): a title edit that
    changes a merged pain point's places changes none of these."""
    return tuple((p.id, p.text, p.severity, p.status, p.score, ctx.pain_homes.get(p.id)) for p in pains)


def titles(journeys: Iterable[Journey]) -> tuple[tuple[str, str], ...]:
    """What a link to each journey shows."""
    return tuple((j.id, j.title) for j in journeys)


def feelings(places: Iterable[Place]) -> tuple:
    """What the average emotion at a stage is made of (core.index.feeling_by_stage)."""
    return tuple((p.journey.id, p.journey.state, p.step.emotion) for p in places)


def layout(parts: Sequence[Part]) -> tuple[tuple[str, int, int], ...]:
    """Where a page's parts begin and end: every part's pager shows them all."""
    return tuple((p.src, p.first, p.last) for p in parts)
