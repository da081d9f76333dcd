"""The CODEOWNERS block that sends a change of a map to the reviewers of the team that owns it.

One marked block, written in the syntax GitHub and GitLab share (a path from the repository's
top, then owners; `#` comments). Only the block is ever replaced, so hand-written rules around
it stay. Rules are for exact files, so their order inside the block does not matter; a rule
after the block that matches a map (`* @everyone`) wins over it, as code hosts read the last
match, which is why a new block goes at the end of the file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from journeys.core.handbook import Handbook
from journeys.core.model import Journey

BEGIN = "# BEGIN journeys codeowners: written by `journeys codeowners` from maps/teams.yml; do not edit by hand"
END = "# END journeys codeowners"
_SPECIAL = re.compile(r"([\\\s#*?\[\]!])")


def _pattern(path: str) -> str | None:
    """A CODEOWNERS path for one file: anchored at the top, glob and comment characters and
    spaces escaped. None for a name no CODEOWNERS line can hold (a control character)."""
    if any(ord(c) < 32 or ord(c) == 127 for c in path):
        return None
    return "/" + _SPECIAL.sub(r"\\\1", path)


def _printable(path: str) -> str:
    return path.encode("unicode_escape", "backslashreplace").decode("ascii")


def _reviewers(handbook: Handbook, team_ids: Iterable[str]) -> list[str]:
    found = {
        handle
        for team_id in team_ids
        if team_id in handbook.team_by_id
        for handle in handbook.team_by_id[team_id].reviewers
    }
    return sorted(found, key=str.lower)


def missing_reviewers(handbook: Handbook) -> list[Journey]:
    """Journeys whose owner team lists no reviewers (or that have no owner), by source."""
    return sorted(
        (j for j in handbook.journeys if not _reviewers(handbook, [j.owner] if j.owner else [])), key=lambda j: j.source
    )


def codeowners_block(handbook: Handbook, maps_dir: str, top: str, root: str) -> str:
    """The block for `handbook`, with paths relative to the repository's `top`. `root` is the
    folder map sources are relative to; `maps_dir` holds the catalogues."""

    def rel(path: str) -> str:
        return os.path.relpath(os.path.join(root, path), top).replace(os.sep, "/")

    rules: list[tuple[str, list[str]]] = []
    unwritable: list[str] = []
    for journey in sorted(handbook.journeys, key=lambda j: j.source):
        rules.append((rel(journey.source), _reviewers(handbook, [journey.owner] if journey.owner else [])))
    owners_of: dict[str, set[str]] = {}
    for journey in handbook.journeys:
        for persona_id in journey.personas:
            owners_of.setdefault(persona_id, set()).update([journey.owner] if journey.owner else [])
    for persona in sorted(handbook.personas, key=lambda p: p.source):
        rules.append((rel(persona.source), _reviewers(handbook, sorted(owners_of.get(persona.id, ())))))
    # Map format 1.2: an insight goes to the reviewers of the team that keeps it.
    for insight in sorted(handbook.insights, key=lambda i: i.file):
        rules.append((rel(insight.file), _reviewers(handbook, [insight.owner] if insight.owner else [])))
    everyone = _reviewers(handbook, [t.id for t in handbook.teams])
    for name in ("stages.yml", "teams.yml"):
        path = os.path.join(maps_dir, name)
        if os.path.isfile(path):
            rules.append((os.path.relpath(path, top).replace(os.sep, "/"), everyone))
    lines = [BEGIN]
    for path, handles in rules:
        pattern = _pattern(path)
        if pattern is None:
            unwritable.append(path)
        elif handles:
            lines.append(f"{pattern} {' '.join(handles)}")
    missing = missing_reviewers(handbook)
    if missing:
        lines.append(
            "# Journeys whose owner team lists no reviewers in teams.yml (changes to them need no team's approval):"
        )
        lines += [
            f"#   {_printable(rel(j.source))} (owner: {_printable(j.owner) if j.owner else 'none'})" for j in missing
        ]
    if unwritable:
        lines.append("# Files whose names no CODEOWNERS line can hold (rename them):")
        lines += [f"#   {_printable(path)}" for path in unwritable]
    lines.append(END)
    return "\n".join(lines) + "\n"


def replace_block(existing: str, block: str) -> str:
    """`existing` CODEOWNERS text with its journeys block replaced by `block`, or `block`
    appended when it has none; every other line is kept as it was. ValueError for a block
    whose end marker is gone, rather than guess where it ended."""
    lines = existing.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.startswith("# BEGIN journeys codeowners")), None)
    if start is not None:
        end = next((i for i in range(start, len(lines)) if lines[i].rstrip("\r\n") == END), None)
        if end is None:
            raise ValueError(
                f"line {start + 1} starts the journeys block but no line '{END}' ends it: "
                "add that line where the block ends, or delete the block"
            )
        return "".join(lines[:start]) + block + "".join(lines[end + 1 :])
    if not existing:
        return block
    return existing + ("" if existing.endswith("\n") else "\n") + ("" if existing.endswith("\n\n") else "\n") + block
