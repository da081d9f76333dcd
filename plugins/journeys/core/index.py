"""Cross-map views that no single map shows: merged pain points with a priority score, and
what each persona, stage and team touches across every valid journey."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import cached_property
from typing import TypeVar

from journeys.core.model import Insight, Journey, Opportunity, PainPoint, StageBlock, Step

SEVERITY_WEIGHT = {"low": 1, "medium": 2, "high": 3, "critical": 4}
_STATUS_RANK = {"open": 0, "in-progress": 1, "resolved": 2}
IMPACT_RANK = {"low": 1, "medium": 2, "high": 3}
_T = TypeVar("_T")


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
    insights: tuple[str, ...] = ()  # insight ids any occurrence names, in order of first mention

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


def places(journeys: Iterable[Journey]) -> list[Place]:
    return [Place(j, block, step) for j in journeys for block, step in j.steps]


def merge_pain_points(journeys: Iterable[Journey]) -> tuple[MergedPainPoint, ...]:
    """One row per pain point id, highest priority first (ties by severity, then id): at the
    highest severity any occurrence gives it, worded as the first most severe; its status and
    priority come from the occurrences that count (`counts`) alone. Every occurrence stays in
    `places` and `occurrences`."""
    found: dict[str, list[tuple[Place, PainPoint]]] = defaultdict(list)
    addressed: dict[str, list[tuple[Place, Opportunity]]] = defaultdict(list)
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
                insights=tuple(dict.fromkeys(i for _, pain in seen for i in pain.insights)),
            )
        )
    return tuple(sorted(merged, key=by_priority))


def by_priority(pain: MergedPainPoint) -> tuple[int, int, str]:
    """The order of every pain-point list: priority, then severity, then id."""
    return (-pain.score, -SEVERITY_WEIGHT[pain.severity], pain.id)


@dataclass(frozen=True)
class Backing:
    """What a pain point rests on (map format 1.2, "Insights"): the insights it names that
    have a page, newest first, their kinds with how many of each (in order of first mention),
    the participants they give added up (None when none gives a number), and its evidence
    entries."""

    insights: tuple[Insight, ...]
    kinds: tuple[tuple[str, int], ...]
    participants: int | None
    evidence: int

    @property
    def backed(self) -> bool:
        return bool(self.insights or self.evidence)


def backing(insight_ids: Iterable[str], evidence: Sequence[str], insight_by_id: Mapping[str, Insight]) -> Backing:
    """The backing of a pain point (or an occurrence of one) that names `insight_ids` and has
    `evidence`; an insight with errors has no page and backs nothing until it is fixed."""
    found = [insight_by_id[i] for i in dict.fromkeys(insight_ids) if i in insight_by_id]
    found = [i for i in found if not i.problems and i.date]
    kinds = Counter(i.kind for i in found)
    numbers = [i.participants for i in found if i.participants is not None]
    newest = sorted(sorted(found, key=lambda i: i.id), key=lambda i: i.date or datetime.date.min, reverse=True)
    return Backing(
        tuple(newest),
        tuple((kind, kinds[kind]) for kind in dict.fromkeys(i.kind for i in found)),
        sum(numbers) if numbers else None,
        len(evidence),
    )


@dataclass(frozen=True)
class MergedOpportunity:
    """One opportunity of the handbook: the occurrences that share an id (an opportunity
    without one is its own). The keys that hold one value for the whole opportunity (value,
    business value, effort, status, owner) are taken from whichever occurrence gives them
    (core/opportunity_checks.py refuses maps that disagree); `impact` is the highest any
    occurrence gives; `addresses`, `tickets` and `insights` are every occurrence's, in order of
    first mention. Its wording is the first occurrence's."""

    id: str
    text: str
    places: tuple[Place, ...]
    occurrences: tuple[Opportunity, ...]
    impact: str | None
    value: int | None
    business_value: int | None
    effort: int | None
    status: str
    owner: str | None
    addresses: tuple[str, ...]
    tickets: tuple[str, ...]
    insights: tuple[str, ...]

    @property
    def score(self) -> Fraction | None:
        return opportunity_score(self.value, self.business_value, self.effort)

    @property
    def score_text(self) -> str:
        """The score with one decimal, or "" when it is unscored."""
        return score_text(self.score)

    @cached_property
    def journeys(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(place.journey.id for place in self.places))

    @property
    def explicit_id(self) -> bool:
        """Whether an author named it (an unnamed one has an id made from its place)."""
        return self.occurrences[0].explicit_id

    @property
    def wordings(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(o.text for o in self.occurrences))


def managed(opportunities: Iterable[MergedOpportunity]) -> bool:
    """Whether any opportunity uses a key of map format 1.2 (an id, a score, a status, an owner,
    tickets or insights): a handbook then has a portfolio. One whose opportunities are all of
    version 1.1 publishes the pages it always did."""
    return any(
        o.explicit_id
        or o.value
        or o.business_value
        or o.effort
        or o.status != "idea"
        or o.owner
        or o.tickets
        or o.insights
        for m in opportunities
        for o in m.occurrences
    )


@dataclass(frozen=True)
class Uses:
    """What names an insight: merged pain points (in priority order), merged opportunities (by
    score) and the journeys where either occurs (by id)."""

    pains: tuple[MergedPainPoint, ...] = ()
    opportunities: tuple[MergedOpportunity, ...] = ()
    journeys: tuple[Journey, ...] = ()


def insight_uses(pains: Iterable[MergedPainPoint], opportunities: Iterable[MergedOpportunity]) -> dict[str, Uses]:
    """Insight id -> what names it, for the merged pain points and opportunities given."""
    found_pains: dict[str, list[MergedPainPoint]] = defaultdict(list)
    found_opportunities: dict[str, list[MergedOpportunity]] = defaultdict(list)
    journeys: dict[str, dict[str, Journey]] = defaultdict(dict)
    for pain in pains:
        for insight in pain.insights:
            found_pains[insight].append(pain)
            journeys[insight].update((p.journey.id, p.journey) for p in pain.places)
    for opportunity in opportunities:
        for insight in opportunity.insights:
            found_opportunities[insight].append(opportunity)
            journeys[insight].update((p.journey.id, p.journey) for p in opportunity.places)
    return {
        insight: Uses(
            tuple(found_pains.get(insight, ())),
            tuple(found_opportunities.get(insight, ())),
            tuple(j for _, j in sorted(journeys[insight].items())),
        )
        for insight in journeys
    }


def opportunity_score(value: int | None, business_value: int | None, effort: int | None) -> Fraction | None:
    """(value + business value) / effort, exact; None unless all three are given."""
    if value is None or business_value is None or effort is None:
        return None
    return Fraction(value + business_value, effort)


def score_text(score: Fraction | None) -> str:
    """A score as pages and exports show it: one decimal, halves rounded up (9/4 is 2.3), so
    the same score always reads the same; "" for none."""
    if score is None:
        return ""
    exact = Decimal(score.numerator) / Decimal(score.denominator)
    return str(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _first(values: Iterable[_T | None]) -> _T | None:
    """The first of `values` that is given."""
    return next((v for v in values if v is not None), None)


def merge_opportunities(journeys: Iterable[Journey]) -> tuple[MergedOpportunity, ...]:
    """One entry per opportunity id, highest score first; unscored ones after the scored, each
    group by id. Ties in score go by id, so the order is the same every build."""
    found: dict[str, list[tuple[Place, Opportunity]]] = defaultdict(list)
    for place in places(journeys):
        for opportunity in place.step.opportunities:
            found[opportunity.key].append((place, opportunity))
    merged = []
    for key, seen in found.items():
        occurrences = [o for _, o in seen]
        impacts = [o.impact for o in occurrences if o.impact]
        statuses = [o.status for o in occurrences if o.status != "idea"]
        merged.append(
            MergedOpportunity(
                id=key,
                text=occurrences[0].text,
                places=tuple(place for place, _ in seen),
                occurrences=tuple(occurrences),
                impact=max(impacts, key=IMPACT_RANK.__getitem__) if impacts else None,
                value=_first(o.value for o in occurrences),
                business_value=_first(o.business_value for o in occurrences),
                effort=_first(o.effort for o in occurrences),
                # Written on one map and left to its default on the others: the written one.
                status=statuses[0] if statuses else "idea",
                owner=_first(o.owner for o in occurrences),
                addresses=tuple(dict.fromkeys(a for o in occurrences for a in o.addresses)),
                tickets=tuple(dict.fromkeys(t for o in occurrences for t in o.tickets)),
                insights=tuple(dict.fromkeys(i for o in occurrences for i in o.insights)),
            )
        )
    merged.sort(key=lambda m: m.id)
    return tuple(sorted(merged, key=lambda m: (m.score is None, -(m.score or 0))))


def average(values: Iterable[float]) -> float | None:
    listed = list(values)
    return round(sum(listed) / len(listed), 2) if listed else None


@dataclass(frozen=True)
class Feeling:
    """How customers feel at one stage: the average emotion of `steps` steps in `journeys`
    journeys."""

    average: float
    steps: int
    journeys: int


def feeling_by_stage(journeys: Iterable[Journey], state: str = "current") -> dict[str, Feeling]:
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


def emotion_by_stage(journeys: Iterable[Journey], state: str = "current") -> dict[str, float]:
    """The average emotion at each stage (see `feeling_by_stage`)."""
    return {stage: feeling.average for stage, feeling in feeling_by_stage(journeys, state).items()}


def place_key(place: Place) -> tuple[str, str]:
    """What identifies a place without comparing whole journeys."""
    return place.journey.id, place.step.anchor


def places_by_stage(journeys: Iterable[Journey]) -> dict[str, tuple[Place, ...]]:
    """Every step at each stage, in journey order."""
    found: dict[str, list[Place]] = defaultdict(list)
    for place in places(journeys):
        found[place.block.stage].append(place)
    return {k: tuple(v) for k, v in found.items()}


def touchpoints_by_team(journeys: Iterable[Journey]) -> dict[str, tuple[tuple[Place, str], ...]]:
    """Every step each team owns ("owner") or supports ("supporting"), in journey order."""
    found: dict[str, list[tuple[Place, str]]] = defaultdict(list)
    for place in places(journeys):
        if place.step.owner:
            found[place.step.owner].append((place, "owner"))
        for team in dict.fromkeys(place.step.supporting):
            if team != place.step.owner:
                found[team].append((place, "supporting"))
    return {k: tuple(v) for k, v in found.items()}


def pain_points_at(merged: Iterable[MergedPainPoint], where: Iterable[Place]) -> tuple[MergedPainPoint, ...]:
    """The merged pain points that occur at any of the places `where`, in priority order."""
    keys = {place_key(place) for place in where}
    return tuple(m for m in merged if any(place_key(p) in keys for p in m.places))
