"""What a public build must refuse rather than leak or silently drop (map format 1.1,
"Visibility and public builds"): checked on the located data while the handbook loads, so each
message names the file, line and key. The projection itself is `core/audience.py`."""

from __future__ import annotations

from collections.abc import Callable, Iterable


def public_problems(
    personas: Iterable[tuple[str, dict]], journeys: Iterable[tuple[str, dict, Callable[..., None]]]
) -> None:
    """Report, for a public build, what would otherwise leak or vanish: a public journey naming
    an internal persona or baseline, and an `addresses` entry that only internal maps hold.

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
                    f"'{persona}' is an internal persona: a public journey may name only "
                    "public personas (add 'visibility: public' to the persona, or leave it out here)",
                )
        baseline = data.get("baseline")
        if baseline and baseline not in public_journeys:
            report(
                ("baseline",),
                f"'{baseline}' is an internal journey: a public journey's baseline must be "
                "public too (add 'visibility: public' to it, or remove the baseline)",
            )
        for path, opportunity in _opportunities(data):
            for n, key in enumerate(opportunity.get("addresses") or ()):
                if key not in held:
                    report(
                        path + ("addresses", n),
                        f"pain point '{key}' occurs only in internal journeys: a public "
                        "opportunity must address a pain point of a public journey",
                    )


def _pains(data: dict):
    for i, block in enumerate(data.get("stages") or ()):
        for j, step in enumerate(block.get("steps") or ()):
            for k, pain in enumerate(step.get("pain_points") or ()):
                yield i, j, k, pain


def _opportunities(data: dict):
    for i, block in enumerate(data.get("stages") or ()):
        for j, step in enumerate(block.get("steps") or ()):
            for k, opportunity in enumerate(step.get("opportunities") or ()):
                yield ("stages", i, "steps", j, "opportunities", k), opportunity
