"""Opportunities that share an id are one opportunity (map format 1.2, "Opportunities through to
delivery"). Its value, business value, effort, status and owner are facts of the one piece of
work, not of the place a map names it, so the maps must not disagree on them: each may be
written on one map only, or the same wherever the opportunity is named. Checked on the located
data while the handbook loads, so a disagreement is an error at the key that disagrees, naming
where the value it contradicts is written (the first in path order)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from journeys.core.problems import quoted
from journeys.core.schema import Data, Report
from journeys.core.yaml_source import Located, Path

# The keys of an opportunity that hold one value for the whole opportunity; `impact`,
# `addresses`, `tickets` and `insights` may differ by place and merge (core/index.py).
SHARED = ("value", "business_value", "effort", "status", "owner")


def check_shared_opportunities(
    journeys: Iterable[tuple[Data, str, Report, Located | None]], team_id: Callable[[str], str] | None = None
) -> None:
    """`journeys` are (validated data, file as messages show it, report, located YAML) of
    every journey that has a page, in path order; `team_id` makes a team id of an owner
    written as free text (None: owners are catalogue ids)."""
    first: dict[tuple[str, str], tuple[object, str]] = {}  # (opportunity id, key) -> (value, where)
    for data, display, report, located in journeys:
        raw_data = located.data if located else None
        for path, opportunity in _opportunities(data):
            opportunity_id = opportunity.get("id")
            written = _raw(raw_data, path)
            if not opportunity_id or not isinstance(written, dict):
                continue
            for key in SHARED:
                if key not in written or opportunity.get(key) is None:
                    continue  # not written here: the status's default is no statement
                value = opportunity[key]
                same = team_id(value) if key == "owner" and team_id else value
                seen = first.get((opportunity_id, key))
                if seen is None:
                    line, _ = located.where(path + (key,)) if located else (None, None)
                    first[(opportunity_id, key)] = (same, f"{display}:{line}" if line else display)
                elif seen[0] != same:
                    report(
                        path + (key,),
                        f"opportunity {quoted(opportunity_id)} has {key} {_shown(value)} here but "
                        f"{_shown(seen[0])} at {seen[1]}: an opportunity has one {key}, so write it on one "
                        "map, or the same on every map that names it",
                    )


def _shown(value: object) -> str:
    """A score as written (3), a word or team quoted ('planned')."""
    return str(value) if isinstance(value, int) else quoted(value)


def _opportunities(data: Data) -> Iterator[tuple[Path, Data]]:
    for i, block in enumerate(data.get("stages") or ()):
        for j, step in enumerate(block.get("steps") or ()) if isinstance(block, dict) else ():
            for k, opportunity in enumerate(step.get("opportunities") or ()) if isinstance(step, dict) else ():
                if isinstance(opportunity, dict):
                    yield ("stages", i, "steps", j, "opportunities", k), opportunity


def _raw(data: object, path: Path) -> object:
    """The value at `path` in the YAML as written, or None."""
    for part in path:
        if isinstance(part, int) and isinstance(data, list) and part < len(data):
            data = data[part]
        elif isinstance(part, str) and isinstance(data, dict):
            data = data.get(part)
        else:
            return None
    return data
