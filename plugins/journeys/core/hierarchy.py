"""Journeys at every zoom level (map format 1.2): a journey names its `parent`, a step names in
`details` the journey that zooms into it. The check runs on the located data of every journey
while the handbook loads, so each message names the file, line and key; what it finds broken is
left out of the model, whose hierarchy is then always a forest at most `MAX_LEVELS` deep. The
rest of this module answers questions about that forest.

Both links say the same thing from two ends: a step's `details` makes its journey the parent of
the journey it names, which may also say so with `parent` but not name another. A journey is
zoomed into from one step at most, so a child knows the step it details without a step id: a
step needs an `id` only for a measure's `step` column (docs/format-reference.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Protocol, TypeVar, cast

from journeys.core.model import Journey, StageBlock, Step
from journeys.core.schema import MAX_LEVELS, Data, Report
from journeys.core.yaml_source import Path

StepPlace = tuple[int, int]  # (stage block index, step index) as the front matter lists them


class Located(Protocol):
    """A journey file on its way to the model (core/handbook.py's `_Item`)."""

    id: str
    data: Data


_Journey = TypeVar("_Journey", bound=Located)


@dataclass(frozen=True)
class _Link:
    """Where a journey's parent is said: in the child's `parent`, or in a step's `details`."""

    parent: str
    child: str
    report: Report  # in the file that says it
    path: Path
    where: str  # `file:line` of that place, for messages about the other end


@dataclass(frozen=True)
class Checked:
    """The hierarchy the model keeps: each child's parent, and the `details` that stand."""

    parents: Mapping[str, str]
    details: Mapping[str, Mapping[StepPlace, str]]  # journey id -> step place -> journey id


def check(
    items: Iterable[_Journey],
    known: Iterable[str],
    report_for: Callable[[_Journey], Report],
    where_of: Callable[[_Journey, Path], str],
) -> Checked:
    """Check every `parent` and `details` of `items` (each journey once, in path order); `known`
    are the journey ids that exist (an unknown one was reported as an unknown reference),
    `report_for(item)` reports in an item's file, `where_of(item, path)` is its `file:line`."""
    items = list(items)
    known = set(known)
    declared: dict[str, _Link] = {}
    for item in items:
        parent = item.data.get("parent")
        if parent is None or parent not in known:
            continue
        if parent == item.id:
            report_for(item)(("parent",), "a journey cannot be its own parent: remove 'parent'")
            continue
        declared[item.id] = _Link(parent, item.id, report_for(item), ("parent",), where_of(item, ("parent",)))
    links = dict(declared)
    detailed: dict[str, _Link] = {}
    details: dict[str, dict[StepPlace, str]] = {}
    for item in items:
        for place, path, target in _details(item.data):
            if target not in known:
                continue
            report = report_for(item)
            if target == item.id:
                report(path, "a step cannot zoom into its own journey: name another journey in 'details'")
                continue
            if target in detailed:
                first = detailed[target]
                report(
                    path,
                    f"'{target}' zooms into a step already ({first.where}): a journey details one step, so "
                    "name it in one 'details' only",
                )
                continue
            named = declared.get(target)
            if named is not None and named.parent != item.id:
                report(
                    path,
                    f"'{target}' names '{named.parent}' as its parent ({named.where}), so it cannot zoom into a "
                    f"step of '{item.id}': change its parent to '{item.id}', or remove 'details' here",
                )
                continue
            link = _Link(item.id, target, report, path, where_of(item, path))
            detailed[target] = link
            links.setdefault(target, link)
            details.setdefault(item.id, {})[place] = target
    # A journey left without its place in the hierarchy is no step's detail either. Levels are
    # counted once no cycle is left.
    for broken in (_cycles, _too_deep):
        for link in broken(links):
            links.pop(link.child)
            step = detailed.get(link.child)
            if step is not None:
                # A step's `details` path is ("stages", i, "steps", n, "details"): its place is (i, n).
                details[step.parent].pop(cast(StepPlace, (step.path[1], step.path[3])), None)
    return Checked({child: link.parent for child, link in links.items()}, details)


def _details(data: Data) -> Iterator[tuple[StepPlace, Path, str]]:
    """(place, path, journey id) of every step that names `details`."""
    for i, block in enumerate(data.get("stages") or ()):
        if not isinstance(block, dict):
            continue
        for n, step in enumerate(block.get("steps") or ()):
            if isinstance(step, dict) and step.get("details") is not None:
                yield (i, n), ("stages", i, "steps", n, "details"), step["details"]


def _cycles(links: dict[str, _Link]) -> list[_Link]:
    """Every link on a cycle, each reported where it is written: no journey on a cycle has a
    place in the hierarchy. Each journey has one parent, so a walk up from each journey meets
    every journey once: linear in the number of journeys."""
    state: dict[str, int] = {}  # 1: on the current walk, 2: done
    found: list[_Link] = []
    for start in sorted(links):
        walk = []
        node: str | None = start
        while node is not None and node in links and node not in state:
            state[node] = 1
            walk.append(node)
            node = links[node].parent
        if node is not None and state.get(node) == 1:  # the walk came back to itself
            ring = walk[walk.index(node) :]
            for n, child in enumerate(ring):
                order = ring[n:] + ring[:n] + [child]
                chain = ", which is inside ".join(f"'{j}'" for j in order)
                link = links[child]
                link.report(
                    link.path, f"a cycle: {chain}; a journey cannot be inside itself, so remove one of these links"
                )
                found.append(link)
        for child in walk:
            state[child] = 2
    return found


def _too_deep(links: dict[str, _Link]) -> list[_Link]:
    """The links that would put a journey below `MAX_LEVELS` levels, each reported where it is
    written (the journeys below it then start a hierarchy of their own). Levels are counted
    from the top down, each once."""
    level: dict[str, int] = {}

    def level_of(child: str) -> int:
        chain = []
        node: str | None = child
        while node is not None and node not in level:
            chain.append(node)
            node = links[node].parent if node in links else None
        depth = level[node] if node is not None else 0
        for name in reversed(chain):
            depth += 1
            level[name] = depth
        return level[child]

    found = []
    for child in sorted(links):
        if level_of(child) == MAX_LEVELS + 1:
            link = links[child]
            path = [child]
            while path[-1] in links:
                path.append(links[path[-1]].parent)
            trail = " › ".join(f"'{j}'" for j in reversed(path))
            link.report(
                link.path,
                f"'{child}' would be at level {MAX_LEVELS + 1} ({trail}); journeys nest at most {MAX_LEVELS} "
                "levels deep (a lifecycle, macro journeys, micro journeys and one more): attach it higher up",
            )
            found.append(link)
    return found


# ---- The hierarchy of the model ------------------------------------------------------------


def detailing_steps(journeys: Iterable[Journey]) -> dict[str, tuple[Journey, StageBlock, Step]]:
    """Journey id -> the parent's step that zooms into it (its journey, block and step)."""
    found = {}
    for journey in journeys:
        for block, step in journey.steps:
            if step.details is not None:
                found[step.details] = (journey, block, step)
    return found


def children_by_parent(journeys: Iterable[Journey]) -> dict[str, tuple[Journey, ...]]:
    """Parent id -> its children: those its steps zoom into in the order of the steps, then
    the others by title (then id, so that the order is total)."""
    journeys = list(journeys)
    detailing = detailing_steps(journeys)
    order = {
        child: n
        for parent in journeys
        for n, child in enumerate(step.details for _, step in parent.steps if step.details is not None)
    }
    found: dict[str, list[Journey]] = {}
    for journey in journeys:
        if journey.parent is not None:
            found.setdefault(journey.parent, []).append(journey)
    for parent, children in found.items():
        children.sort(
            key=lambda j: (
                (0, order[j.id], "", "")
                if j.id in detailing and detailing[j.id][0].id == parent
                else (1, 0, j.title.casefold(), j.id)
            )
        )
    return {parent: tuple(children) for parent, children in found.items()}


def ancestors(journey: Journey, by_id: Mapping[str, Journey]) -> tuple[Journey, ...]:
    """The journeys above `journey`, from the top down (at most MAX_LEVELS - 1 of them)."""
    found: list[Journey] = []
    node = by_id.get(journey.parent) if journey.parent else None
    while node is not None and len(found) < MAX_LEVELS:
        found.append(node)
        node = by_id.get(node.parent) if node.parent else None
    return tuple(reversed(found))


def subtree(journey: Journey, children: Mapping[str, tuple[Journey, ...]]) -> list[Journey]:
    """`journey` and every journey below it, depth first in the children's order. Each journey
    is in the subtrees of at most MAX_LEVELS journeys, so all subtrees together stay linear."""
    found = [journey]
    for child in children.get(journey.id, ()):
        found += subtree(child, children)
    return found


def has_hierarchy(journeys: Iterable[Journey]) -> bool:
    return any(j.parent is not None for j in journeys)
