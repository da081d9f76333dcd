"""`journeys export`: the generated pages, exports and assets written into a docs folder
(`docs_export.py`), or (`--standalone`) a whole site project that builds without the plugin
(`standalone.py`)."""

from __future__ import annotations

import dataclasses
import os

import yaml

from journeys.cli.errors import MAP_ERRORS, CommandError, cannot
from journeys.cli.output import say
from journeys.cli.site_config import find_config_file
from journeys.core import load_handbook
from journeys.core.audience import for_audience
from journeys.core.options import Options


def add_parser(commands, maps_help: str) -> None:
    export = commands.add_parser(
        "export",
        help="write the generated pages, exports and assets into a docs folder, "
        "or (--standalone) a whole site project that builds without the plugin",
    )
    export.add_argument(
        "dir",
        help="the folder to write into: a docs folder, e.g. out/docs; with --standalone, "
        "the project folder (new, empty, or an earlier standalone export)",
    )
    export.add_argument("--maps-dir", dest="maps_dir", help=maps_help)
    export.add_argument(
        "--standalone",
        action="store_true",
        help="write DIR/mkdocs.yml (the site config without the journeys plugin) and DIR/docs "
        "(the site's docs and the generated pages); MkDocs, ProperDocs and Zensical build it as is",
    )
    export.add_argument(
        "--for",
        dest="target",
        choices=("any", "zensical"),
        default="any",
        help="with --standalone: any (default) writes use_directory_urls: false, which every "
        "generator links the same way; zensical keeps the site's directory URLs, with links only "
        "Zensical resolves (see docs/zensical.md)",
    )
    export.set_defaults(run=run_export)


def run_export(args, maps_dir: str, options: Options) -> int:
    # Imported here: the export renders pages, which `check` and `new` never need.
    from journeys.render.labels import UnknownLabel
    from journeys.render.templating import TemplateProblem

    if args.target != "any" and not args.standalone:
        raise CommandError("--for chooses the kind of standalone project: add --standalone")
    if os.path.exists(args.dir) and not os.path.isdir(args.dir):
        raise CommandError(f"{args.dir} is a file, not a folder: name a folder to export into")
    try:
        return _export(args, maps_dir, options)
    except (UnknownLabel, TemplateProblem) as exc:  # mkdocs.yml's labels or a custom_dir template
        raise CommandError(str(exc)) from None
    except OSError as exc:
        raise cannot("write", exc) from None


def _export(args, maps_dir: str, options: Options) -> int:
    from journeys.cli.docs_export import asset_links, write_export
    from journeys.cli.standalone import StandaloneError, docs_dir_of, read_site_config, uses_plugin, write_standalone
    from journeys.render.templating import override_warnings

    for warning in override_warnings(options.custom_dir):
        say(warning, err=True)
    config_file = args.config_file or find_config_file(args.maps_dir)  # main() has read it, or it is absent
    try:
        config = read_site_config(config_file) if os.path.isfile(config_file) else {}
        if args.standalone and not config:
            raise CommandError(f"{config_file} not found: --standalone copies a site; name its config with -f")
        if args.standalone:
            result = write_standalone(
                config_file, args.dir, dataclasses.replace(options, maps_dir=maps_dir), target=args.target
            )
            for problem in result.problems:
                say(problem, err=True)
            for path in result.hidden:
                say(_hides(path), err=True)
            builders = (
                "`zensical build`"
                if args.target == "zensical"
                else "`mkdocs build`, `properdocs build` or `zensical build`"
            )
            say(f"wrote {len(result.files)} files to {args.dir}: build it there with {builders}")
            return MAP_ERRORS if result.problems or result.hidden else 0
    except StandaloneError as exc:
        raise CommandError(str(exc)) from None
    if uses_plugin(config) and os.path.abspath(args.dir) == docs_dir_of(config_file, config):
        raise CommandError(
            f"{args.dir} is the docs folder of {config_file}, whose journeys plugin generates these pages "
            f"itself: exported copies would hide them and fail a strict build. Export elsewhere, "
            f"or write a whole project with --standalone"
        )
    handbook = load_handbook(
        maps_dir, custom_fields=options.custom_fields, docs_dir=options.docs_dir, audience=options.audience
    )
    for problem in handbook.problems:
        say(problem, err=True)
    files = write_export(
        for_audience(handbook, options.audience, options.public_fields),
        args.dir,
        dataclasses.replace(options, maps_dir=maps_dir),
    )
    css, scripts = asset_links(files)
    say(
        f"wrote {len(files)} files to {args.dir}. A site config that publishes them without the journeys plugin "
        f"needs the lines below (or use --standalone, which writes that config for you):"
    )
    print(yaml.safe_dump({"extra_css": css, "extra_javascript": scripts}, sort_keys=False), end="")
    return MAP_ERRORS if handbook.problems else 0


def _hides(path: str) -> str:
    kind = "page" if path.endswith(".md") else "file"
    return f"{path} is written by hand and hides the {kind} the journeys plugin generates there"
