"""`journeys`: the editor's command line.

`check` is the pre-commit and pull-request check; `new` starts a persona or journey from a
commented template; `schema` prints the JSON Schema of front matter; `import-mermaid` and
`export-mermaid` turn a Mermaid journey diagram into a map and back; `diff` and `codeowners`
read the git history; `export` writes the handbook as plain Markdown for a site generator
without the plugin, or (`--standalone`) a whole project that one builds as is. Each command
lives in a module of its own and adds its own parser here. Each reads the plugin's options from
mkdocs.yml when there is one. Failures are one line on stderr, never a traceback: exit code 1
for the maps or the command's arguments, 2 for the site config.
"""

from __future__ import annotations

import argparse

from journeys.cli import check, export, git, mermaid, new, schema
from journeys.cli.errors import CANNOT_RUN, CommandError
from journeys.cli.output import say
from journeys.cli.site_config import ConfigError, find_config_file, read_options


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    config_file = args.config_file or find_config_file(getattr(args, "maps_dir", None))
    try:
        options = read_options(config_file, required=bool(args.config_file))
    except ConfigError as exc:
        # As for a wrong command line: the setup is wrong, not the maps.
        say(f"journeys {args.command}: {exc}", err=True)
        return CANNOT_RUN
    maps_dir = getattr(args, "maps_dir", None) or options.maps_dir
    try:
        return args.run(args, maps_dir, options)
    except CommandError as exc:
        say(f"journeys {args.command}: {exc}", err=True)
        return 1
    except ConfigError as exc:  # a config a command reads further (the parent a standalone export INHERITs)
        say(f"journeys {args.command}: {exc}", err=True)
        return CANNOT_RUN


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="journeys", description="Validate, start, import and export journey maps.")
    parser.add_argument(
        "-f",
        "--config-file",
        help="site config to read the plugin's options from (default: mkdocs.yml here, else beside the maps folder)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    maps_help = "the maps folder (default: the plugin's maps_dir, or maps)"
    check.add_parser(commands, maps_help)
    git.add_parsers(commands, maps_help)
    new.add_parser(commands, maps_help)
    schema.add_parser(commands, maps_help)
    mermaid.add_parsers(commands, maps_help)
    export.add_parser(commands, maps_help)
    return parser
