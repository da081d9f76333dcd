"""What a `journeys` command prints, a line at a time. CI runs the commands and reads their
output: GitHub Actions takes a line that starts with `::` (after any spaces) as a workflow
command, so every line printed here is one line, whatever author text (a file name, a value,
a key) it holds: `one_line` shows its line breaks and control characters as escapes."""

from __future__ import annotations

import sys

from journeys.core.problems import one_line


def say(message: object, *, err: bool = False) -> None:
    """Print `message` (a Problem, or text that may quote author text) as one line, on stdout
    or (`err`) stderr."""
    print(one_line(str(message)), file=sys.stderr if err else sys.stdout)
