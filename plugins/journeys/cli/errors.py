"""How a `journeys` command fails: one line on stderr, never a traceback, and an exit code that
tells a workflow what went wrong.

- 0: done, and the maps have no errors;
- 1: done, and the maps have errors (or, with `--strict`, warnings; `--fail-stale`, maps due
  for review; `codeowners --check`, an out-of-date block): the command reported them;
- 2: the command could not do what was asked: its arguments, a file it reads or writes, the
  site config or git. Each reason is one line.
"""

MAP_ERRORS = 1
CANNOT_RUN = 2


class CommandError(Exception):
    """The command cannot do what was asked: each of `lines` is printed on a line of its own
    and the exit code is 2."""

    def __init__(self, *lines: str):
        super().__init__(*lines)
        self.lines = lines


def cannot(doing: str, exc: OSError) -> CommandError:
    """The failure of an operating-system call, as one line: `cannot write out/x: Permission denied`."""
    where = f" {exc.filename}" if exc.filename else ""
    return CommandError(f"cannot {doing}{where}: {exc.strerror or exc}")
