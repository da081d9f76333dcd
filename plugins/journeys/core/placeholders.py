"""The texts `journeys new` writes where only the editor knows what is true.

They read as instructions, and `journeys check` reports any of them left in a map, so a
scaffold cannot be published unedited. scaffolds.py writes them from here, so the two cannot
drift.
"""

from __future__ import annotations

from collections.abc import Iterator

from journeys.core.yaml_source import Path

SUMMARY = "One line: from the first contact to the moment the customer is done."
GOAL = "What the customer wants to achieve in this stage."
TOUCHPOINT = "Where the customer meets us"
ACTION = "What the customer does here."
THINKING = "What is going through their mind?"
RESEARCH = (
    "Say what this map rests on: interviews, call listening, surveys, analytics, with dates and "
    "numbers of participants."
)
QUESTIONS = "What do we still need to find out?"
FINDING = "What did the research find? One sentence a finding."
METHOD = "Say how the research was done, who took part and how they were chosen, and what it did not cover."

VALUES = frozenset({SUMMARY, GOAL, TOUCHPOINT, ACTION, THINKING, FINDING})
NARRATIVE = (RESEARCH, QUESTIONS, METHOD)
MESSAGE = "placeholder text from 'journeys new' left in: write what is true for this map, or delete it"


def in_values(data: object) -> list[Path]:
    """Key paths of the placeholder texts in front-matter `data`."""
    found: list[Path] = []
    _walk(data, (), found)
    return found


def _walk(data: object, path: Path, found: list[Path]) -> None:
    # Runs over every value of every map: a plain loop, not generators.
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        if isinstance(value, str):
            if value.strip() in VALUES:
                found.append(path + (key,))
        elif isinstance(value, (dict, list)):
            _walk(value, path + (key,), found)


def in_narrative(body: str) -> Iterator[int]:
    """Offsets of the placeholder texts in a narrative."""
    for sentence in NARRATIVE:
        at = body.find(sentence)
        if at >= 0:
            yield at
