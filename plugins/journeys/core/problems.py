"""What the loader and validator report: one Problem a mistake, with its location, and how
author text is quoted in any message.

Messages are read by people and by CI: GitHub Actions runs a log line that starts with `::` as
a workflow command. So author text (a value, a key, a file name) is quoted on one line with its
control characters shown escaped (`one_line`), and `Problem.__str__` applies the same to every
part it prints, whoever wrote the message.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

# C0 and C1 controls, and the characters that break or reorder a line on screen: line and
# paragraph separators, bidirectional overrides and isolates, the byte-order mark.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
MAX_QUOTED = 120  # characters of author text a message quotes; the rest is elided


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _NAMED.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def one_line(text: str) -> str:
    """`text` on one line: control, separator and direction characters shown as escapes."""
    return _UNSAFE.sub(_escape, text)


def quoted(value: object, limit: int = MAX_QUOTED) -> str:
    """Author text as a message quotes it: in single quotes, on one line, at most `limit`
    characters of it (a 1 MiB value must not flood a CI log)."""
    text = str(value)
    if len(text) > limit:
        text = text[:limit] + f"… ({len(text):,} characters)"
    return f"'{one_line(text)}'"


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one map file. Sorts by file, then position, so reports are stable.
    `level` "error" makes a map invalid and fails `journeys check`; "warning" is most likely a
    mistake (a near-duplicate id, a confusable name) that `--strict` fails on."""

    path: str
    line: int | None
    col: int | None
    key: str
    message: str
    level: str = "error"

    def __str__(self) -> str:
        where = one_line(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        if self.level != "error":
            where += f": {self.level}"
        key = one_line(self.key)
        message = one_line(self.message)
        return f"{where}: {key}: {message}" if key else f"{where}: {message}"


def did_you_mean(value: object, choices: Iterable[str]) -> str:
    """A ` (did you mean 'x'?)` suffix when one of `choices` is close to `value`, else ''."""
    if not isinstance(value, str):
        return ""
    close = difflib.get_close_matches(value, sorted(set(choices)), n=1, cutoff=0.6)
    return f" (did you mean {quoted(close[0])}?)" if close else ""
