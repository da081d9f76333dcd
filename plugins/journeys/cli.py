"""`journeys`: the editor's command line.

`check` is the pre-commit and pull-request check; `new` starts a persona or journey from a
commented template; `schema` prints the JSON Schema of front matter; `import-mermaid` and
`export-mermaid` (in `mermaid_commands.py`) turn a Mermaid journey diagram into a map and
back; `diff`, `codeowners` and `check --stale` (in `git_commands.py`) read the git history;
`export` writes the handbook as plain Markdown for a site generator without the plugin, or
(`--standalone`) a whole project that one builds as is. Each
reads the plugin's options from mkdocs.yml when there is one. Failures are one line on
stderr, never a traceback: exit code 1 for the maps or the command's arguments, 2 for the
site config.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import os
import sys

import yaml

from journeys import git_commands, mermaid_commands
from journeys.command_error import CommandError
from journeys.core import load_handbook
from journeys.core.audience import AUDIENCES, for_audience
from journeys.core.ids import humanize, is_valid_id, slugify
from journeys.core.options import Options
from journeys.core.problems import did_you_mean
from journeys.json_schema import KINDS, front_matter_schema
from journeys.scaffolds import journey_template, persona_template
from journeys.site_config import ConfigError, find_config_file, read_options


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    config_file = args.config_file or find_config_file(getattr(args, "maps_dir", None))
    try:
        options = read_options(config_file, required=bool(args.config_file))
    except ConfigError as exc:
        # Exit 2, as for a wrong command line: the setup is wrong, not the maps.
        print(f"journeys {args.command}: {exc}", file=sys.stderr)
        return 2
    maps_dir = getattr(args, "maps_dir", None) or options.maps_dir
    try:
        return args.run(args, maps_dir, options)
    except CommandError as exc:
        print(f"journeys {args.command}: {exc}", file=sys.stderr)
        return 1
    except ConfigError as exc:  # a config a command reads further (the parent a standalone export INHERITs)
        print(f"journeys {args.command}: {exc}", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="journeys", description="Validate, start, import and export journey maps.")
    parser.add_argument(
        "-f",
        "--config-file",
        help="site config to read the plugin's options from (default: mkdocs.yml here, else beside the maps folder)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    maps_help = "the maps folder (default: the plugin's maps_dir, or maps)"

    check = commands.add_parser("check", help="report every error in every map; exit 1 when there are any")
    check.add_argument("maps_dir", nargs="?", help=maps_help)
    check.add_argument(
        "--audience",
        choices=AUDIENCES,
        help="also check what a build for this audience needs (default: the plugin's audience option); "
        "public: no public journey may name an internal persona, baseline or pain point",
    )
    check.add_argument("--stale", action="store_true", help="also list maps due for review (past review_after_days)")
    check.add_argument("--fail-stale", action="store_true", help="like --stale, and exit 1 when any map is due")
    check.set_defaults(
        run=lambda args, maps_dir, options: git_commands.run_check(
            args, maps_dir, dataclasses.replace(options, audience=args.audience or options.audience)
        )
    )

    diff = commands.add_parser(
        "diff", help="what changed in the maps since a git ref (for pull requests); exit 2 without git"
    )
    diff.add_argument("base_ref", help="the commit, branch or tag to compare the work tree with, e.g. origin/main")
    diff.add_argument(
        "--format", choices=("text", "markdown"), default="text", help="markdown: for a pull-request comment"
    )
    diff.add_argument("--maps-dir", dest="maps_dir", help=maps_help)
    diff.set_defaults(run=git_commands.run_diff)

    owners = commands.add_parser("codeowners", help="write the CODEOWNERS block from the teams' reviewers")
    owners.add_argument(
        "-o", "--output", help="the CODEOWNERS file (default: the one in the repository, else CODEOWNERS at its top)"
    )
    owners.add_argument("--print", action="store_true", help="print the block instead of writing it")
    owners.add_argument(
        "--check", action="store_true", help="exit 1 when the file's block is out of date; write nothing"
    )
    owners.add_argument("--maps-dir", dest="maps_dir", help=maps_help)
    owners.set_defaults(run=git_commands.run_codeowners)

    new = commands.add_parser("new", help="write a commented template for a new journey or persona")
    new.add_argument("kind", choices=("journey", "persona"))
    new.add_argument("id", help="the new id: a-z, 0-9 and -; it becomes the file name and the URL")
    new.add_argument("--title", help="the journey's title or the persona's name (default: from the id)")
    new.add_argument("--folder", default="", help="a sub-folder of journeys/ to put a journey in, e.g. claims")
    new.add_argument(
        "--persona",
        action="append",
        default=[],
        dest="personas",
        help="a persona of the journey (repeat for more); default: none, to fill in",
    )
    new.add_argument("--owner", help="the team that owns the journey; default: none, to fill in")
    new.add_argument("--maps-dir", dest="maps_dir", help=maps_help)
    new.set_defaults(run=run_new)

    schema = commands.add_parser("schema", help="print the JSON Schema of journey or persona front matter")
    schema.add_argument("kind", nargs="?", choices=KINDS, default="journey")
    schema.add_argument("-o", "--output", help="write to this file instead of printing")
    schema.set_defaults(run=run_schema)

    mermaid_commands.add_parsers(commands, maps_help)

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
    return parser


def run_check(maps_dir: str, options: Options) -> int:
    handbook = load_handbook(
        maps_dir, custom_fields=options.custom_fields, docs_dir=options.docs_dir, audience=options.audience
    )
    for problem in handbook.problems:
        print(problem)
    if handbook.problems:
        count = len(handbook.problems)
        print(f"{count} error{'s' if count != 1 else ''} in {maps_dir}", file=sys.stderr)
        return 1
    counts = ", ".join(
        f"{n} {word}{'' if n == 1 else 's'}"
        for n, word in (
            (len(handbook.journeys), "journey"),
            (len(handbook.personas), "persona"),
            (len(handbook.pain_points), "pain point"),
        )
    )
    print(f"{os.path.normpath(maps_dir)}: {counts}: no errors")
    return 0


def _catalogue_ids(maps_dir: str, name: str, entries) -> list[str] | None:
    """The ids of stages.yml or teams.yml, or None when the file does not exist."""
    return [e.id for e in entries] if os.path.isfile(os.path.join(maps_dir, name)) else None


def _write_new(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    try:
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise CommandError(
            f"{os.path.normpath(path)} exists already; not overwriting it: choose another id or edit that file"
        ) from None


def run_new(args, maps_dir: str, options: Options) -> int:
    if not is_valid_id(args.id):
        raise CommandError(
            f"'{args.id}' is not a valid id: use 1 to 63 of a-z, 0-9 and -, e.g. '{slugify(args.id) or 'moving-home'}'"
        )
    folder = args.folder.strip("/")
    if folder and not all(is_valid_id(part) for part in folder.split("/")):
        raise CommandError(
            f"folder '{args.folder}': use a-z, 0-9 and - in folder names, e.g. '{slugify(folder) or 'claims'}'"
        )
    handbook = load_handbook(maps_dir, custom_fields=options.custom_fields, docs_dir=options.docs_dir)
    title = args.title or humanize(args.id)
    if args.kind == "persona":
        if args.id in handbook.persona_by_id:
            raise CommandError(f"a persona '{args.id}' exists already in {handbook.persona_by_id[args.id].source}")
        path = os.path.join(maps_dir, "personas", args.id + ".md")
        text = persona_template(args.id, title)
    else:
        if args.id in handbook.journey_by_id:
            raise CommandError(f"a journey '{args.id}' exists already in {handbook.journey_by_id[args.id].source}")
        if not handbook.personas:
            raise CommandError(
                f"{maps_dir} has no persona yet, and a journey needs one: run `journeys new persona <id>` first"
            )
        teams = _catalogue_ids(maps_dir, "teams.yml", handbook.teams)
        for persona in args.personas:
            if persona not in handbook.persona_by_id:
                raise CommandError(
                    f"--persona: unknown persona '{persona}'{did_you_mean(persona, handbook.persona_by_id)}: "
                    f"this handbook has {', '.join(handbook.persona_by_id)}"
                )
        if args.owner is not None and (args.owner not in teams if teams is not None else not slugify(args.owner)):
            known = f": teams.yml has {', '.join(teams)}" if teams else ": a team name needs letters or digits"
            raise CommandError(f"--owner: unknown team '{args.owner}'{did_you_mean(args.owner, teams or ())}{known}")
        path = os.path.join(maps_dir, "journeys", *folder.split("/"), args.id + ".md")
        text = journey_template(
            args.id,
            title,
            personas=args.personas,
            known_personas=[p.id for p in handbook.personas],
            owner=args.owner,
            stages=_catalogue_ids(maps_dir, "stages.yml", handbook.stages),
            teams=teams,
            custom_fields=handbook.custom_fields,
            today=datetime.date.today(),
        )
    _write_new(path, text)
    print(f"wrote {os.path.normpath(path)}: edit it, then run `journeys check`")
    return 0


def run_schema(args, maps_dir: str, options: Options) -> int:
    text = json.dumps(front_matter_schema(args.kind, options.custom_fields), indent=2, ensure_ascii=False) + "\n"
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        with open(args.output, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as exc:
        raise CommandError(f"cannot write {args.output}: {exc.strerror}") from None
    print(f"wrote {args.output}")
    return 0


def run_export(args, maps_dir: str, options: Options) -> int:
    # Imported here: the export renders pages, which `check` and `new` never need.
    from journeys.export import asset_links, write_export
    from journeys.render.labels import UnknownLabel
    from journeys.render.templating import TemplateProblem
    from journeys.standalone import StandaloneError, docs_dir_of, read_site_config, uses_plugin, write_standalone

    if args.target != "any" and not args.standalone:
        raise CommandError("--for chooses the kind of standalone project: add --standalone")
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
                print(problem, file=sys.stderr)
            for page in result.hidden:
                print(
                    f"{page} is written by hand and hides the page the journeys plugin generates there", file=sys.stderr
                )
            builders = (
                "`zensical build`"
                if args.target == "zensical"
                else "`mkdocs build`, `properdocs build` or `zensical build`"
            )
            print(f"wrote {len(result.files)} files to {args.dir}: build it there with {builders}")
            return 1 if result.problems or result.hidden else 0
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
        print(problem, file=sys.stderr)
    try:
        files = write_export(
            for_audience(handbook, options.audience, options.public_fields),
            args.dir,
            dataclasses.replace(options, maps_dir=maps_dir),
        )
    except (UnknownLabel, TemplateProblem) as exc:  # mkdocs.yml's labels or a custom_dir template
        raise CommandError(str(exc)) from None
    css, scripts = asset_links(files)
    print(
        f"wrote {len(files)} files to {args.dir}. A site config that publishes them without the journeys plugin "
        f"needs the lines below (or use --standalone, which writes that config for you):"
    )
    print(yaml.safe_dump({"extra_css": css, "extra_javascript": scripts}, sort_keys=False), end="")
    return 1 if handbook.problems else 0


if __name__ == "__main__":
    sys.exit(main())
