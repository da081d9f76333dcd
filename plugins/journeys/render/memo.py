"""Pages remembered across the builds of one `mkdocs serve`, each with the inputs it was
rendered from: a rebuild after a one-map edit renders again only the pages whose inputs
changed, and reuses the rest as they are.

A page's inputs are everything its renderer reads, in two layers. The site-wide ones (`base`:
the site's settings and labels, the build date, the stage and team catalogues, persona names,
custom fields) belong to every page: when one changes, nothing is reused. The rest are a page's
own (the functions below): its map, and the few facts of other maps it shows, such as the
title of a journey it links or the priority of a pain point it lists. A page whose inputs equal
the last build's is, by construction, the page this build would render.

Only a plugin kept across builds keeps a memo; a single build renders without one.
"""

from __future__ import annotations

import dataclasses
import os


class Memo:
    def __init__(self) -> None:
        self._base: object = None
        self._last: dict[str, tuple] = {}  # path -> (inputs, rendered) of the last build
        self._now: dict[str, tuple] = {}
        self._items: dict[tuple, object] = {}  # (kind, id) -> the model object of the last build
        self.rendered: list[str] = []  # the paths this build rendered again: for tests and the benchmark

    def start(self, base: object) -> None:
        """A new build: what the last one rendered is reused only if the site-wide inputs are
        the same. Only what this build uses is kept for the next, so a deleted map's page goes."""
        self._last = self._now if base == self._base else {}
        self._now, self._base, self.rendered = {}, base, []

    def get(self, path: str, inputs: object, render):
        hit = self._last.get(path)
        if hit is not None and hit[0] == inputs:
            value = hit[1]
        else:
            value = render()
            self.rendered.append(path)
        self._now[path] = (inputs, value)
        return value

    def interned(self, handbook):
        """The handbook with every journey and persona equal to the last build's replaced by that
        object. Every map is parsed into new objects on each build; with the old ones, the
        inputs of most pages compare by identity, which is quick."""
        last, self._items = self._items, {}

        def same(kind: str, item):
            old = last.get((kind, item.id))
            kept = old if old is not None and old == item else item
            self._items[(kind, item.id)] = kept
            return kept

        return dataclasses.replace(
            handbook,
            journeys=tuple(same("journey", j) for j in handbook.journeys),
            personas=tuple(same("persona", p) for p in handbook.personas),
        )


def remember(ctx, path: str, inputs, render):
    """`render()`, or the last build's result for `path` if `inputs()` are what they were."""
    memo = ctx.memo
    return render() if memo is None else memo.get(path, inputs(), render)


def override_files(folder: str | None) -> tuple:
    """Name, modification time and size of every template override: editing one while serving
    renders every page again."""
    if not folder or not os.path.isdir(folder):
        return ()
    found = []
    for name in sorted(os.listdir(folder)):
        stat = os.stat(os.path.join(folder, name))
        found.append((name, stat.st_mtime_ns, stat.st_size))
    return tuple(found)


def base(handbook, ctx) -> tuple:
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


def _pain_facts(handbook, ctx, keys) -> tuple:
    """What a page shows of merged pain points it links: text, priority and where its row is."""
    found = []
    for key in sorted(set(keys)):
        merged = handbook.pain_point_by_id.get(key)
        found.append((key, ctx.pain_homes.get(key), (merged.text, merged.score) if merged else None))
    return tuple(found)


def journey_inputs(handbook, journey, ctx) -> tuple:
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


def pains_inputs(ctx, pains) -> tuple:
    """Merged pain points whose rows a page shows, with where their rows are."""
    return tuple(pains), tuple(ctx.pain_homes.get(p.id) for p in pains)


def summary_inputs(ctx, pains) -> tuple:
    """What a list of pain points shows of each (fragments.pain_summary): a title edit that
    changes a merged pain point's places changes none of these."""
    return tuple((p.id, p.text, p.severity, p.status, p.score, ctx.pain_homes.get(p.id)) for p in pains)


def titles(journeys) -> tuple:
    """What a link to each journey shows."""
    return tuple((j.id, j.title) for j in journeys)


def feelings(places) -> tuple:
    """What the average emotion at a stage is made of (core.index.feeling_by_stage)."""
    return tuple((p.journey.id, p.journey.state, p.step.emotion) for p in places)


def layout(parts) -> tuple:
    """Where a page's parts begin and end: every part's pager shows them all."""
    return tuple((p.src, p.first, p.last) for p in parts)
