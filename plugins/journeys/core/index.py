"""Cross-map views that no single map shows: merged pain points with a priority score, and
what each persona, stage and team touches across every valid journey."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from journeys.core.model import Journey, Opportunity, PainPoint, StageBlock, Step

SEVERITY_WEIGHT = {"low": 1, "medium": 2, "high": 3, "critical": 4}
_STATUS_RANK = {"open": 0, "in-progress": 1, "resolved": 2}


@dataclass(frozen=True)
class Place:
    """One step of one journey: where a pain point occurs, or a touchpoint a team owns."""

    journey: Journey
    block: StageBlock
    step: Step


@dataclass(frozen=True)
class MergedPainPoint:
    id: str
    text: str  # the wording of occurrence `text_from`
    severity: str  # the highest any occurrence gives
    status: str  # open while any occurrence is open
    evidence: tuple[str, ...]
    places: tuple[Place, ...]
    journeys: tuple[str, ...]
    personas: tuple[str, ...]
    teams: tuple[str, ...]
    opportunities: tuple[tuple[Place, Opportunity], ...]
    # What each occurrence says, beside `places`: maps that share an id may word it, rate it
    # and track it differently, and the merged row must not lose any of it.
    occurrences: tuple[PainPoint, ...]
    text_from: int  # the occurrence whose wording heads the row: the first most severe

    @property
    def wordings(self) -> tuple[str, ...]:
        """The different wordings, the heading one first."""
        return tuple(dict.fromkeys([self.text, *(o.text for o in self.occurrences)]))

    @property
    def score(self) -> int:
        return priority_score(self.severity, len(self.journeys), len(self.personas))

    @cached_property  # every page listing the pain point and every export reads it
    def stages(self) -> tuple[str, ...]:
        """The stages it occurs at, in order of first occurrence."""
        return tuple(dict.fromkeys(place.block.stage for place in self.places))


def priority_score(severity: str, journeys: int, personas: int) -> int:
    """Severity weight (low 1 ... critical 4) times the journeys plus personas reached."""
    return SEVERITY_WEIGHT[severity] * (journeys + personas)


def places(journeys) -> list[Place]:
    return [Place(j, block, step) for j in journeys for block, step in j.steps]


def merge_pain_points(journeys) -> tuple[MergedPainPoint, ...]:
    """One row per pain point id, highest priority first (ties by severity, then id)."""
    found: dict[str, list] = defaultdict(list)
    addressed: dict[str, list] = defaultdict(list)
    for place in places(journeys):
        for pain in place.step.pain_points:
            found[pain.key].append((place, pain))
        for opportunity in place.step.opportunities:
            for key in opportunity.addresses:
                addressed[key].append((place, opportunity))
    merged = []
    for key, seen in found.items():
        heading = max(range(len(seen)), key=lambda n: SEVERITY_WEIGHT[seen[n][1].severity])
        worst = seen[heading][1]
        evidence = dict.fromkeys(e for _, pain in seen for e in pain.evidence)
        journey_ids = dict.fromkeys(place.journey.id for place, _ in seen)
        persona_ids = sorted({p for place, _ in seen for p in place.journey.personas})
        teams = sorted({place.step.owner for place, _ in seen if place.step.owner})
        merged.append(
            MergedPainPoint(
                id=key,
                text=worst.text,
                severity=worst.severity,
                status=min((pain.status for _, pain in seen), key=_STATUS_RANK.__getitem__),
                evidence=tuple(evidence),
                places=tuple(place for place, _ in seen),
                journeys=tuple(journey_ids),
                personas=tuple(persona_ids),
                teams=tuple(teams),
                opportunities=tuple(addressed.get(key, ())),
                occurrences=tuple(pain for _, pain in seen),
                text_from=heading,
            )
        )
    return tuple(sorted(merged, key=by_priority))


def by_priority(pain: MergedPainPoint) -> tuple:
    """The order of every pain-point list: priority, then severity, then id."""
    return (-pain.score, -SEVERITY_WEIGHT[pain.severity], pain.id)


def average(values) -> float | None:
    values = list(values)
    return round(sum(values) / len(values), 2) if values else None


@dataclass(frozen=True)
class Feeling:
    """How customers feel at one stage: the average emotion of `steps` steps in `journeys`
    journeys."""

    average: float
    steps: int
    journeys: int


def feeling_by_stage(journeys, state: str = "current") -> dict[str, Feeling]:
    """How customers feel at each stage, from the journeys in `state` only. Every page that
    says how customers feel uses "current": a future-state map is a design, not a measurement,
    and pages show its figures apart, labelled, with state="future"."""
    scores: dict[str, list[int]] = defaultdict(list)
    seen: dict[str, set[str]] = defaultdict(set)
    for place in places(j for j in journeys if j.state == state):
        scores[place.block.stage].append(place.step.emotion)
        seen[place.block.stage].add(place.journey.id)
    # Every stage listed has at least one score, so its average is a number.
    return {stage: Feeling(average(values) or 0.0, len(values), len(seen[stage])) for stage, values in scores.items()}


def emotion_by_stage(journeys, state: str = "current") -> dict[str, float]:
    """The average emotion at each stage (see `feeling_by_stage`)."""
    return {stage: feeling.average for stage, feeling in feeling_by_stage(journeys, state).items()}


def place_key(place: Place) -> tuple[str, str]:
    """What identifies a place without comparing whole journeys."""
    return place.journey.id, place.step.anchor


def places_by_stage(journeys) -> dict[str, tuple[Place, ...]]:
    """Every step at each stage, in journey order."""
    found: dict[str, list[Place]] = defaultdict(list)
    for place in places(journeys):
        found[place.block.stage].append(place)
    return {k: tuple(v) for k, v in found.items()}


def touchpoints_by_team(journeys) -> dict[str, tuple[tuple[Place, str], ...]]:
    """Every step each team owns ("owner") or supports ("supporting"), in journey order."""
    found: dict[str, list[tuple[Place, str]]] = defaultdict(list)
    for place in places(journeys):
        if place.step.owner:
            found[place.step.owner].append((place, "owner"))
        for team in dict.fromkeys(place.step.supporting):
            if team != place.step.owner:
                found[team].append((place, "supporting"))
    return {k: tuple(v) for k, v in found.items()}


def pain_points_at(merged, where) -> tuple[MergedPainPoint, ...]:
    """The merged pain points that occur at any of the places `where`, in priority order."""
    keys = {place_key(place) for place in where}
    return tuple(m for m in merged if any(place_key(p) in keys for p in m.places))
