"""The `journeys` command line: one module a command (check, new, schema, mermaid, git, export
and standalone), the site config they read, and how they fail (errors)."""

from journeys.cli.main import main

__all__ = ["main"]
