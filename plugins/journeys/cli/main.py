"""`journeys`: the editor's command line.

`init` writes a new handbook; `check` is the pre-commit and pull-request check; `new` starts a persona or journey from a
commented template; `schema` prints the JSON Schema of front matter; `import-mermaid` and
`export-mermaid` turn a Mermaid journey diagram into a map and back; `diff` and `codeowners`
read the git history; `export` writes the handbook as plain Markdown for a site generator
without the plugin, or (`--standalone`) a whole project that one builds as is. Each command
lives in a module of its own and adds its own parser here. Each reads the plugin's options from
mkdocs.yml when there is one. Errors in the maps are reported with exit code 1; a command that
cannot do what was asked says why in one line on stderr, never a traceback, with exit code 2
(cli/errors.py).
"""

from __future__ import annotations

import argparse

from journeys.cli import check, export, git, init, mermaid, new, schema
from journeys.cli.errors import CANNOT_RUN, CommandError, cannot
from journeys.cli.output import say
from journeys.cli.site_config import ConfigError, find_config_file, read_options
from journeys.core.problems import one_line


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    config_file = args.config_file or find_config_file(getattr(args, "maps_dir", None))
    try:
        options = read_options(config_file, required=bool(args.config_file))
        return args.run(args, getattr(args, "maps_dir", None) or options.maps_dir, options)
    except CommandError as exc:
        return _failed(args.command, *exc.lines)
    except ConfigError as exc:  # the site config, or one a command reads further (an INHERITed parent)
        return _failed(args.command, str(exc))
    except OSError as exc:  # a file or folder the command found it cannot use where it was not expected
        return _failed(args.command, *cannot("use", exc).lines)


def _failed(command: str, *lines: str) -> int:
    for line in lines:
        say(f"journeys {command}: {line}", err=True)
    return CANNOT_RUN


class _Parser(argparse.ArgumentParser):
    """A wrong command line is one line too, as every other failure (argparse prints its usage
    first); its subcommands' parsers are of this class as well."""

    def error(self, message: str):
        self.exit(CANNOT_RUN, f"{self.prog}: {one_line(message)} (see `{self.prog} --help`)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="journeys", description="Validate, start, import and export journey maps.")
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
    init.add_parser(commands, maps_help)
    return parser
