"""What the loader and validator report: one Problem a mistake, with its location."""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One error in one map file. Sorts by file, then position, so reports are stable."""

    path: str
    line: int | None
    col: int | None
    key: str
    message: str

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


def did_you_mean(value: object, choices) -> str:
    """A ` (did you mean 'x'?)` suffix when one of `choices` is close to `value`, else ''."""
    if not isinstance(value, str):
        return ""
    close = difflib.get_close_matches(value, sorted(set(choices)), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
