"""How a `journeys` command fails: one line on stderr, never a traceback, and an exit code that
tells a workflow what went wrong."""


class CommandError(Exception):
    """A failure the editor can fix (the maps or the command's arguments): exit code 1."""


CANNOT_RUN = 2  # the setup is wrong (site config, git), not the maps: distinct from 1
