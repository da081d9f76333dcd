"""`journeys`: the editor's command line. `journeys check` is the pre-commit and pull-request
check; it reads the plugin's options from mkdocs.yml when there is one."""

from __future__ import annotations

import argparse
import os
import sys

from journeys.core import load_handbook
from journeys.site_config import read_plugin_options


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="journeys", description="Validate and publish journey maps.")
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="site config to read the plugin's options from")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="report every error in every map; exit 1 when there are any")
    check.add_argument("maps_dir", nargs="?", help="the maps folder (default: the plugin's maps_dir, or maps)")
    args = parser.parse_args(argv)
    options = read_plugin_options(args.config_file)
    if args.command == "check":
        return run_check(args.maps_dir or options["maps_dir"], options)
    return 2


def run_check(maps_dir: str, options: dict) -> int:
    handbook = load_handbook(maps_dir, custom_fields=options["custom_fields"])
    for problem in handbook.problems:
        print(problem)
    if handbook.problems:
        count = len(handbook.problems)
        print(f"{count} error{'s' if count != 1 else ''} in {maps_dir}", file=sys.stderr)
        return 1
    print(f"{os.path.normpath(maps_dir)}: {len(handbook.journeys)} journeys, {len(handbook.personas)} personas, "
          f"{len(handbook.pain_points)} pain points: no errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
