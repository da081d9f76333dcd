"""The texts `journeys new` writes where only the editor knows what is true.

They read as instructions, and `journeys check` reports any of them left in a map, so a
scaffold cannot be published unedited. scaffolds.py writes them from here, so the two cannot
drift.
"""

from __future__ import annotations

SUMMARY = "One line: from the first contact to the moment the customer is done."
GOAL = "What the customer wants to achieve in this stage."
TOUCHPOINT = "Where the customer meets us"
ACTION = "What the customer does here."
THINKING = "What is going through their mind?"
RESEARCH = ("Say what this map rests on: interviews, call listening, surveys, analytics, with dates and "
            "numbers of participants.")
QUESTIONS = "What do we still need to find out?"

VALUES = frozenset({SUMMARY, GOAL, TOUCHPOINT, ACTION, THINKING})
NARRATIVE = (RESEARCH, QUESTIONS)
MESSAGE = "placeholder text from 'journeys new' left in: write what is true for this map, or delete it"


def in_values(data, path: tuple = ()):
    """Key paths of the placeholder texts in front-matter `data`."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from in_values(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from in_values(value, path + (i,))
    elif isinstance(data, str) and data.strip() in VALUES:
        yield path


def in_narrative(body: str):
    """Offsets of the placeholder texts in a narrative."""
    for sentence in NARRATIVE:
        at = body.find(sentence)
        if at >= 0:
            yield at
