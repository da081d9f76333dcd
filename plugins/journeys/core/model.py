"""The normalised, immutable handbook model that every page and export is rendered from."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from journeys.core.ids import slugify
from journeys.core.problems import Problem


@dataclass(frozen=True)
class Kpi:
    name: str
    current: str | None = None
    target: str | None = None
    unit: str | None = None


@dataclass(frozen=True)
class PainPoint:
    key: str  # the author's id, or a stable generated one
    text: str
    severity: str
    evidence: tuple[str, ...]
    status: str
    explicit_id: bool = False  # the author gave `id`: history matches it across versions by id, else by text


@dataclass(frozen=True)
class Opportunity:
    text: str
    impact: str | None
    addresses: tuple[str, ...]


@dataclass(frozen=True)
class Step:
    touchpoint: str
    emotion: int
    id: str | None = None  # unique within its journey (map format 1.2, "Step ids")
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
    links: tuple = ()  # narrative_links.Link: the body's relative links, resolved


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
    reviewed: datetime.date | None = None
    tags: tuple[str, ...] = ()
    kpis: tuple[Kpi, ...] = ()
    body: str = ""
    problems: tuple[Problem, ...] = ()
    visibility: str = "internal"
    links: tuple = ()  # narrative_links.Link: the body's relative links, resolved

    @property
    def folder_slug(self) -> str:
        """The sub-folder as ids, each part slugified ("Home Claims/2026" is
        "home-claims/2026"), for grouping and URLs; "" at the top."""
        return "/".join(slugify(part) for part in self.folder.split("/")) if self.folder else ""

    @property
    def steps(self):
        """(stage block, step) pairs in time order."""
        return [(block, step) for block in self.stages for step in block.steps]


@dataclass(frozen=True)
class CatalogueEntry:
    """A stage or a team."""

    id: str
    name: str
    description: str | None = None
    contact: str | None = None
    reviewers: tuple[str, ...] = ()  # teams only: code-host handles, for CODEOWNERS
