"""The normalised, immutable handbook model that every page and export is rendered from."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from journeys.core.ids import slugify
from journeys.core.problems import Problem


@dataclass(frozen=True)
class Link:
    """A relative link of a narrative (resolved by core/narrative_links.py): where its target is written in the body, and the page
    it leads to: a persona, journey or insight (`kind`, `ref` the id) or a docs file (`kind` "docs",
    `ref` its path in the docs folder). `suffix` is the '#anchor' or '?query' as written."""

    start: int
    end: int
    kind: str
    ref: str
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class MeasureValue:
    """One row of maps/measures/*.csv (map format 1.2). `stage` is filled in from the step
    when the row names a step, so a series is found by its scope whatever columns it gave."""

    date: datetime.date
    measure: str
    value: float
    journey: str | None = None
    stage: str | None = None
    step: str | None = None
    persona: str | None = None
    n: int | None = None
    source: str | None = None

    @property
    def scope(self) -> tuple[str | None, str | None, str | None, str | None]:
        return (self.journey, self.stage, self.step, self.persona)


@dataclass(frozen=True)
class Measure:
    """An entry of measures.yml, with the kind's defaults filled in."""

    id: str
    name: str
    kind: str
    unit: str  # "" for none
    better: str  # "higher" or "lower"
    target: float | None = None
    owner: str | None = None  # team id
    description: str | None = None


@dataclass(frozen=True)
class Kpi:
    name: str
    current: str | None = None
    target: str | None = None
    unit: str | None = None
    measure: str | None = None  # a measure id: `current` is then the latest of `series`
    series: tuple[MeasureValue, ...] = ()  # the measure's values in the KPI's scope, oldest first
    better: str | None = None  # the measure's: "higher" or "lower"

    @property
    def latest(self) -> MeasureValue | None:
        return self.series[-1] if self.series else None


@dataclass(frozen=True)
class PainPoint:
    key: str  # the author's id, or a stable generated one
    text: str
    severity: str
    evidence: tuple[str, ...]
    status: str
    explicit_id: bool = False  # the author gave `id`: history matches it across versions by id, else by text
    insights: tuple[str, ...] = ()  # insight ids (map format 1.2)


@dataclass(frozen=True)
class Opportunity:
    text: str
    impact: str | None
    addresses: tuple[str, ...]
    # Map format 1.2, "Opportunities through to delivery": the author's id or a stable
    # generated one, as for pain points; the rest merges across the maps that share the id
    # (core/index.py).
    key: str = ""
    explicit_id: bool = False
    value: int | None = None
    business_value: int | None = None
    effort: int | None = None
    status: str = "idea"
    owner: str | None = None  # team id
    tickets: tuple[str, ...] = ()
    insights: tuple[str, ...] = ()


@dataclass(frozen=True)
class Step:
    touchpoint: str
    emotion: int
    id: str | None = None  # unique within its journey (map format 1.2, "Step ids")
    details: str | None = None  # the journey that zooms into this step (core/hierarchy.py checked it)
    channel: str | None = None
    action: str | None = None
    thinking: str | None = None
    owner: str | None = None  # team id
    supporting: tuple[str, ...] = ()
    tools: tuple[str, ...] = ()
    kpis: tuple[Kpi, ...] = ()
    pain_points: tuple[PainPoint, ...] = ()
    opportunities: tuple[Opportunity, ...] = ()
    gaps: tuple[str, ...] = ()
    custom: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (key, values) in declared order
    anchor: str = ""  # unique on the journey page: "<stage>-<n>"


@dataclass(frozen=True)
class StageBlock:
    stage: str
    steps: tuple[Step, ...]
    goal: str | None = None
    expectations: tuple[str, ...] = ()
    kpis: tuple[Kpi, ...] = ()  # this stage of the journey's (map format 1.2)


@dataclass(frozen=True)
class Persona:
    id: str
    name: str
    source: str  # path of the map file, relative to the folder of the site config
    summary: str | None = None
    segment: str | None = None
    goals: tuple[str, ...] = ()
    frustrations: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    quote: str | None = None
    image: str | None = None
    tags: tuple[str, ...] = ()
    body: str = ""
    problems: tuple[Problem, ...] = ()
    visibility: str = "internal"  # or "public": see core/audience.py
    links: tuple[Link, ...] = ()  # the body's relative links, resolved


@dataclass(frozen=True)
class Journey:
    id: str
    title: str
    source: str
    folder: str  # sub-folder under journeys/, "" at the top
    personas: tuple[str, ...] = ()
    stages: tuple[StageBlock, ...] = ()
    summary: str | None = None
    owner: str | None = None
    state: str = "current"
    baseline: str | None = None
    # The journey this one zooms into, its own `parent` or the journey of the step that names it
    # in `details`; None at the top, and where the check found the hierarchy broken.
    parent: str | None = None
    reviewed: datetime.date | None = None
    tags: tuple[str, ...] = ()
    kpis: tuple[Kpi, ...] = ()
    body: str = ""
    problems: tuple[Problem, ...] = ()
    visibility: str = "internal"
    links: tuple[Link, ...] = ()  # the body's relative links, resolved

    @property
    def folder_slug(self) -> str:
        """The sub-folder as ids, each part slugified ("Home Claims/2026" is
        "home-claims/2026"), for grouping and URLs; "" at the top."""
        return "/".join(slugify(part) for part in self.folder.split("/")) if self.folder else ""

    @property
    def steps(self) -> list[tuple[StageBlock, Step]]:
        """(stage block, step) pairs in time order."""
        return [(block, step) for block in self.stages for step in block.steps]


@dataclass(frozen=True)
class Insight:
    """One piece of research (map format 1.2, "Insights"): `file` is the path of its file,
    relative to the folder of the site config, as a persona's `source` is."""

    id: str
    title: str
    kind: str
    date: datetime.date | None  # None only in an insight with errors, which has no content to show
    file: str
    participants: int | None = None
    source: str | None = None  # where the raw material lives: text, or an https URL
    owner: str | None = None  # team id
    findings: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    body: str = ""
    problems: tuple[Problem, ...] = ()
    visibility: str = "internal"
    links: tuple[Link, ...] = ()  # the body's relative links, resolved


@dataclass(frozen=True)
class CatalogueEntry:
    """A stage or a team."""

    id: str
    name: str
    description: str | None = None
    contact: str | None = None
    reviewers: tuple[str, ...] = ()  # teams only: code-host handles, for CODEOWNERS
