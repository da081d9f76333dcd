"""The one kind of failure a `journeys` command reports: its own module, so that command
modules and `cli.py` share the class without importing each other."""


class CommandError(Exception):
    """A failure the editor can fix; printed as one line, exit code 1."""
