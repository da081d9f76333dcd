"""What a public build must refuse rather than leak or silently drop (map format 1.1,
"Visibility and public builds"): checked on the located data while the handbook loads, so each
message names the file, line and key. The projection itself is `core/audience.py`.

A public map's messages show on its page when the map is invalid, so they name only what the
public site shows: a suggestion comes from public ids, and an id that names an internal map
gets the same message as one that names nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from journeys.core.problems import did_you_mean, quoted
from journeys.core.schema import Data, Report
from journeys.core.yaml_source import Path

NO_PUBLIC_JOURNEY = (
    "this is a public build, and no journey is marked 'visibility: public', so the site would "
    "publish none: mark the journeys to publish, or build with 'audience: internal'"
)
# pymdownx.snippets includes a file (or a URL) for a line `--8<-- "path"` (any number of dashes
# on either side, any indentation, quotes ' or ", `:3:5` line ranges and `:name` sections
# after the path) and for each line between two lines `--8<--`; it reads them before Markdown
# does, so inside code blocks as well. A public map's narrative may hold neither: it would copy
# any file the build can read (another map, .git/config) into the public site. `;--8<--` is the
# extension's escape, shown as `--8<--`, and is left alone.
_SNIPPET = re.compile(r"^[ \t]*-+8<-+(?=[ \t]|$)", re.M)
SNIPPET_MESSAGE = (
    "a snippet line (--8<--) in the narrative of a public map: a public build includes no file "
    "into a public page; delete the line, or write ';--8<--' to show it as text"
)


def snippet_includes(body: str) -> list[int]:
    """Offsets of the snippet lines of a narrative (see `_SNIPPET`)."""
    return [found.start() for found in _SNIPPET.finditer(body)] if "8<-" in body else []


def public_problems(personas: Iterable[tuple[str, Data]], journeys: Iterable[tuple[str, Data, Report]]) -> None:
    """Report, for a public build, what would otherwise leak or vanish: a public journey naming
    a persona or baseline that is not public, and an `addresses` entry that no public journey
    holds (whether the id names something internal or nothing at all).

    `personas` are (id, validated data); `journeys` are (id, validated data, report), where
    `report(path, message)` locates a message in that journey's file."""
    journeys = list(journeys)
    public = {id_ for id_, data in personas if data.get("visibility") == "public"}
    public_journeys = {id_ for id_, data, _ in journeys if data.get("visibility") == "public"}
    held = {
        pain["id"]
        for id_, data, _ in journeys
        if id_ in public_journeys
        for _, _, _, pain in _pains(data)
        if pain.get("id")
    }
    for id_, data, report in journeys:
        if id_ not in public_journeys:
            continue
        for n, persona in enumerate(data.get("personas") or ()):
            if persona not in public:
                report(
                    ("personas", n),
                    f"{quoted(persona)} is not a public persona{did_you_mean(persona, public)}: a public "
                    "journey may name only personas marked 'visibility: public'",
                )
        baseline = data.get("baseline")
        if baseline and baseline not in public_journeys:
            report(
                ("baseline",),
                f"{quoted(baseline)} is not a public journey{did_you_mean(baseline, public_journeys)}: "
                "a public journey's baseline must be marked 'visibility: public' too",
            )
        for path, opportunity in _opportunities(data):
            for n, key in enumerate(opportunity.get("addresses") or ()):
                if key not in held:
                    report(
                        path + ("addresses", n),
                        f"no public journey has the pain point {quoted(key)}{did_you_mean(key, held)}: a "
                        "public opportunity must address a pain point of a public journey",
                    )


def _pains(data: Data) -> Iterator[tuple[int, int, int, Data]]:
    for i, block in enumerate(data.get("stages") or ()):
        for j, step in enumerate(block.get("steps") or ()):
            for k, pain in enumerate(step.get("pain_points") or ()):
                yield i, j, k, pain


def _opportunities(data: Data) -> Iterator[tuple[Path, Data]]:
    for i, block in enumerate(data.get("stages") or ()):
        for j, step in enumerate(block.get("steps") or ()):
            for k, opportunity in enumerate(step.get("opportunities") or ()):
                yield ("stages", i, "steps", j, "opportunities", k), opportunity
