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
from journeys.render.fragments import Listed
from journeys.render.pagination import Part
from journeys.render.zoom import hierarchy_facts, subtree_pains

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
        ctx.measures_stale_after_days,
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
        handbook.measures,
    )


def _pain_facts(handbook: Handbook, ctx: Context, keys: Iterable[str]) -> tuple:
    """What a page shows of merged pain points it links: text, priority, where its row is and
    what backs it."""
    found = []
    for key in sorted(set(keys)):
        merged = handbook.pain_point_by_id.get(key)
        shown = (merged.text, merged.score, merged.insights, len(merged.evidence)) if merged else None
        found.append((key, ctx.pain_homes.get(key), shown))
    return tuple(found)


def insight_facts(handbook: Handbook, ids: Iterable[str]) -> tuple:
    """What a page shows of the insights it names: title, kind, date, participants, validity."""
    found = []
    for key in sorted(set(ids)):
        i = handbook.insight_by_id.get(key)
        found.append((key, (i.title, i.kind, i.date, i.participants, bool(i.problems)) if i else None))
    return tuple(found)


def _opportunity_facts(handbook: Handbook, ctx: Context, keys: Iterable[str]) -> tuple:
    """What a page shows of merged opportunities it names: where its row is, status, score."""
    found = []
    for key in sorted(set(keys)):
        o = handbook.opportunity_by_id.get(key)
        found.append((key, ctx.opportunity_homes.get(key), (o.status, o.score_text) if o else None))
    return tuple(found)


def journey_inputs(handbook: Handbook, journey: Journey, ctx: Context) -> tuple:
    """What a journey's page reads besides `base`: the map itself, the journey it redesigns and
    those that redesign it, the journeys above and inside it, the pain points it links (its
    own, and those of the journeys inside it), the hand-written pages that show it and its
    history."""
    steps = [step for _, step in journey.steps]
    keys = [p.key for s in steps for p in s.pain_points] + [
        k for s in steps for o in s.opportunities for k in o.addresses
    ]
    if handbook.children.get(journey.id):
        keys += [p.id for p, _ in subtree_pains(handbook, journey)]
    pains = _pain_facts(handbook, ctx, keys)
    opportunities = _opportunity_facts(handbook, ctx, [o.key for s in steps for o in s.opportunities])
    named = [i for _, _, shown in pains if shown for i in shown[2]]  # what backs each pain point
    return (
        journey,
        handbook.journey_by_id.get(journey.baseline) if journey.baseline else None,
        handbook.redesigned_by.get(journey.id, ()),
        hierarchy_facts(handbook, journey),
        pains,
        opportunities,
        insight_facts(handbook, named),
        ctx.shown_in.get(journey.id, ()),
        ctx.history.get(journey.id),
    )


def pains_inputs(ctx: Context, pains: Sequence[MergedPainPoint], handbook: Handbook | None = None) -> tuple:
    """Merged pain points whose rows a page shows, with where their rows are (and, given the
    handbook, the insights that back them)."""
    named = insight_facts(handbook, (i for p in pains for i in p.insights)) if handbook is not None else ()
    rows = tuple(ctx.opportunity_homes.get(o.key) for p in pains for _, o in p.opportunities)
    return tuple(pains), tuple(ctx.pain_homes.get(p.id) for p in pains), named, rows


def summary_inputs(ctx: Context, pains: Listed) -> tuple:
    """What a list of pain points shows of each (fragments.pain_summary), and how many there
    are: a title edit that changes a merged pain point's places changes none of these."""
    return tuple((p.id, reading, p.score, ctx.pain_homes.get(p.id)) for p, reading in pains.shown), pains.total


def titles(journeys: Iterable[Journey]) -> tuple[tuple[str, str], ...]:
    """What a link to each journey shows."""
    return tuple((j.id, j.title) for j in journeys)


def feelings(places: Iterable[Place]) -> tuple:
    """What the average emotion at a stage is made of (core.index.feeling_by_stage)."""
    return tuple((p.journey.id, p.journey.state, p.step.emotion) for p in places)


def layout(parts: Sequence[Part]) -> tuple[tuple[str, int, int], ...]:
    """Where a page's parts begin and end: every part's pager shows them all."""
    return tuple((p.src, p.first, p.last) for p in parts)
