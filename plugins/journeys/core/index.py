"""Cross-map views that no single map shows: merged pain points with a priority score, and
what each persona, stage and team touches across every valid journey."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
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


def counts(place: Place, pain: PainPoint) -> bool:
    """Whether an occurrence counts towards its pain point's priority, severity and status: one
    in a current-state map that is not resolved. A future-state map is a design, not how
    customers fare today, and a resolved occurrence no longer hurts anyone; both are shown,
    marked, but neither keeps a pain point open nor raises its priority."""
    return place.journey.state != "future" and pain.status != "resolved"


@dataclass(frozen=True)
class Reading:
    """What some occurrences of a pain point say together, as a page that shows them reads
    it: the wording and severity of the first most severe of those that count (`counts`), or
    of all when none does; `status` open while one that counts is open (then in progress),
    resolved when every current-state one is, and as the designs say when it occurs only in
    future-state designs; `today` whether any of them counts, `designs` whether they are all
    in future-state designs."""

    text: str
    severity: str
    status: str
    today: bool
    designs: bool
    heading: int  # the occurrence the wording and severity are from


def _most_severe(seen: Sequence[tuple[Place, PainPoint]], pool: Iterable[int]) -> int:
    """The first most severe occurrence of `pool`, one that counts before one that does not."""
    return max(pool, key=lambda n: (SEVERITY_WEIGHT[seen[n][1].severity], counts(*seen[n])))


def _status(seen: Sequence[tuple[Place, PainPoint]], counted: Sequence[int]) -> str:
    if counted:
        return min((seen[n][1].status for n in counted), key=_STATUS_RANK.__getitem__)
    if any(place.journey.state != "future" for place, _ in seen):
        return "resolved"
    return min((pain.status for _, pain in seen), key=_STATUS_RANK.__getitem__)


def reading(seen: Sequence[tuple[Place, PainPoint]]) -> Reading:
    """How `seen` (some occurrences of one pain point, at least one) read together."""
    counted = [n for n, (place, pain) in enumerate(seen) if counts(place, pain)]
    heading = _most_severe(seen, counted or range(len(seen)))
    designs = all(place.journey.state == "future" for place, _ in seen)
    text, severity = seen[heading][1].text, seen[heading][1].severity
    return Reading(text, severity, _status(seen, counted), bool(counted), designs, heading)


@dataclass(frozen=True)
class MergedPainPoint:
    id: str
    text: str  # the wording of occurrence `text_from`
    severity: str  # the highest any occurrence gives (map format: the index shows the row at it)
    status: str  # open while any occurrence that counts (`counts`) is open
    evidence: tuple[str, ...]
    places: tuple[Place, ...]
    journeys: tuple[str, ...]  # every journey it occurs in
    personas: tuple[str, ...]  # the personas of those journeys
    teams: tuple[str, ...]
    opportunities: tuple[tuple[Place, Opportunity], ...]
    # What each occurrence says, beside `places`: maps that share an id may word it, rate it
    # and track it differently, and the merged row must not lose any of it.
    occurrences: tuple[PainPoint, ...]
    # The occurrence whose wording heads the row: the first most severe, one that counts before
    # one that does not.
    text_from: int
    # The current-state journeys where it is not resolved, and their personas: its reach today.
    reached_journeys: tuple[str, ...] = ()
    reached_personas: tuple[str, ...] = ()

    @property
    def wordings(self) -> tuple[str, ...]:
        """The different wordings, the heading one first."""
        return tuple(dict.fromkeys([self.text, *(o.text for o in self.occurrences)]))

    @cached_property
    def today(self) -> Reading:
        """How it reads today: the wording and severity of its first most severe occurrence that
        counts (`counts`), with its status."""
        return reading(list(zip(self.places, self.occurrences)))

    @cached_property
    def score(self) -> int:
        """Its priority: the severity weight of the occurrences that count times the journeys
        and personas they reach; 0 for one that reaches no one today."""
        return priority_score(self.today.severity, len(self.reached_journeys), len(self.reached_personas))

    @cached_property  # every page listing the pain point and every export reads it
    def stages(self) -> tuple[str, ...]:
        """The stages it occurs at, in order of first occurrence."""
        return tuple(dict.fromkeys(place.block.stage for place in self.places))

    @property
    def named(self) -> bool:
        """Whether an author gave it its id; a generated id is an address, not a name."""
        return any(o.explicit_id for o in self.occurrences)

    def counted(self, n: int) -> bool:
        """Whether occurrence `n` counts towards priority, severity and status."""
        return counts(self.places[n], self.occurrences[n])

    def read_at(self, here: Callable[[Place], bool]) -> Reading:
        """How the occurrences at the places `here` accepts read together (at least one): the
        wording and severity written for a persona's journeys, a stage or a team's touchpoints,
        not another map's."""
        seen = [(place, own) for place, own in zip(self.places, self.occurrences) if here(place)]
        return reading(seen or list(zip(self.places, self.occurrences)))


def priority_score(severity: str, journeys: int, personas: int) -> int:
    """Severity weight (low 1 ... critical 4) times the journeys plus personas reached."""
    return SEVERITY_WEIGHT[severity] * (journeys + personas)


def places(journeys) -> list[Place]:
    return [Place(j, block, step) for j in journeys for block, step in j.steps]


def merge_pain_points(journeys) -> tuple[MergedPainPoint, ...]:
    """One row per pain point id, highest priority first (ties by severity, then id): at the
    highest severity any occurrence gives it, worded as the first most severe; its status and
    priority come from the occurrences that count (`counts`) alone. Every occurrence stays in
    `places` and `occurrences`."""
    found: dict[str, list[tuple[Place, PainPoint]]] = defaultdict(list)
    addressed: dict[str, list] = defaultdict(list)
    for place in places(journeys):
        for pain in place.step.pain_points:
            found[pain.key].append((place, pain))
        for opportunity in place.step.opportunities:
            for key in opportunity.addresses:
                addressed[key].append((place, opportunity))
    merged = []
    for key, seen in found.items():
        counted = [n for n, (place, pain) in enumerate(seen) if counts(place, pain)]
        heading = _most_severe(seen, range(len(seen)))
        reached = [seen[n][0].journey for n in counted]
        merged.append(
            MergedPainPoint(
                id=key,
                text=seen[heading][1].text,
                severity=seen[heading][1].severity,
                status=_status(seen, counted),
                evidence=tuple(dict.fromkeys(e for _, pain in seen for e in pain.evidence)),
                places=tuple(place for place, _ in seen),
                journeys=tuple(dict.fromkeys(place.journey.id for place, _ in seen)),
                personas=tuple(sorted({p for place, _ in seen for p in place.journey.personas})),
                teams=tuple(sorted({place.step.owner for place, _ in seen if place.step.owner})),
                opportunities=tuple(addressed.get(key, ())),
                occurrences=tuple(pain for _, pain in seen),
                text_from=heading,
                reached_journeys=tuple(dict.fromkeys(j.id for j in reached)),
                reached_personas=tuple(sorted({p for j in reached for p in j.personas})),
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
