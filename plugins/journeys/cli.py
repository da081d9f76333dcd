"""`journeys`: the editor's command line.

`check` is the pre-commit and pull-request check; `new` starts a persona or journey from a
commented template; `schema` prints the JSON Schema of front matter; `import-mermaid` turns a
Mermaid journey diagram into a map; `export` writes the handbook as plain Markdown for a site
generator without the plugin, or (`--standalone`) a whole project that one builds as is. Each reads the plugin's options from mkdocs.yml when there is
one. Failures are one line on stderr and exit code 1, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys

import yaml

from journeys.core import load_handbook
from journeys.core.audience import AUDIENCES, for_audience
from journeys.core.ids import humanize, is_valid_id, slugify
from journeys.core.mermaid import MermaidError, narrative, parse, persona_id, to_map
from journeys.json_schema import KINDS, front_matter_schema
from journeys.site_config import find_config_file, read_plugin_options
from journeys.scaffolds import journey_template, persona_template


class CommandError(Exception):
    """A failure the editor can fix; printed as one line, exit code 1."""


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    config_file = args.config_file or find_config_file(getattr(args, "maps_dir", None))
    options = read_plugin_options(config_file)
    maps_dir = getattr(args, "maps_dir", None) or options["maps_dir"]
    try:
        return args.run(args, maps_dir, options)
    except CommandError as exc:
        print(f"journeys {args.command}: {exc}", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="journeys", description="Validate, start, import and export journey maps.")
    parser.add_argument("-f", "--config-file", help="site config to read the plugin's options from "
                        "(default: mkdocs.yml here, else beside the maps folder)")
    commands = parser.add_subparsers(dest="command", required=True)
    maps_help = "the maps folder (default: the plugin's maps_dir, or maps)"

    check = commands.add_parser("check", help="report every error in every map; exit 1 when there are any")
    check.add_argument("maps_dir", nargs="?", help=maps_help)
    check.add_argument("--audience", choices=AUDIENCES,
                       help="also check what a build for this audience needs (default: the plugin's audience option); "
                       "public: no public journey may name an internal persona, baseline or pain point")
    check.set_defaults(run=lambda args, maps_dir, options: run_check(maps_dir, {**options, "audience": args.audience or options["audience"]}))

    new = commands.add_parser("new", help="write a commented template for a new journey or persona")
    new.add_argument("kind", choices=("journey", "persona"))
    new.add_argument("id", help="the new id: a-z, 0-9 and -; it becomes the file name and the URL")
    new.add_argument("--title", help="the journey's title or the persona's name (default: from the id)")
    new.add_argument("--folder", default="", help="a sub-folder of journeys/ to put a journey in, e.g. claims")
    new.add_argument("--maps-dir", dest="maps_dir", help=maps_help)
    new.set_defaults(run=run_new)

    schema = commands.add_parser("schema", help="print the JSON Schema of journey or persona front matter")
    schema.add_argument("kind", nargs="?", choices=KINDS, default="journey")
    schema.add_argument("-o", "--output", help="write to this file instead of printing")
    schema.set_defaults(run=run_schema)

    mermaid = commands.add_parser("import-mermaid", help="turn a Mermaid journey diagram into a journey map")
    mermaid.add_argument("file", help="a .mmd file, or a Markdown file with a ```mermaid journey block")
    mermaid.add_argument("--id", help="the journey's id (default: from the diagram's title)")
    mermaid.add_argument("--write", action="store_true",
                         help="write the map to journeys/<id>.md and stub personas for new actors (default: print the map)")
    mermaid.add_argument("--maps-dir", dest="maps_dir", help=maps_help)
    mermaid.set_defaults(run=run_import_mermaid)

    export = commands.add_parser("export", help="write the generated pages, exports and assets into a docs folder, "
                                 "or (--standalone) a whole site project that builds without the plugin")
    export.add_argument("dir", help="the folder to write into: a docs folder, e.g. out/docs; with --standalone, "
                        "the project folder (new, empty, or an earlier standalone export)")
    export.add_argument("--maps-dir", dest="maps_dir", help=maps_help)
    export.add_argument("--standalone", action="store_true",
                        help="write DIR/mkdocs.yml (the site config without the journeys plugin) and DIR/docs "
                        "(the site's docs and the generated pages); MkDocs, ProperDocs and Zensical build it as is")
    export.add_argument("--for", dest="target", choices=("any", "zensical"), default="any",
                        help="with --standalone: any (default) writes use_directory_urls: false, which every "
                        "generator links the same way; zensical keeps the site's directory URLs, with links only "
                        "Zensical resolves (see docs/zensical.md)")
    export.set_defaults(run=run_export)
    return parser


def run_check(maps_dir: str, options: dict) -> int:
    handbook = load_handbook(maps_dir, custom_fields=options["custom_fields"], audience=options["audience"])
    for problem in handbook.problems:
        print(problem)
    if handbook.problems:
        count = len(handbook.problems)
        print(f"{count} error{'s' if count != 1 else ''} in {maps_dir}", file=sys.stderr)
        return 1
    counts = ", ".join(
        f"{n} {word}{'' if n == 1 else 's'}"
        for n, word in ((len(handbook.journeys), "journey"), (len(handbook.personas), "persona"), (len(handbook.pain_points), "pain point"))
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
        raise CommandError(f"{os.path.normpath(path)} exists already; not overwriting it: choose another id or edit that file") from None


def run_new(args, maps_dir: str, options: dict) -> int:
    if not is_valid_id(args.id):
        raise CommandError(f"'{args.id}' is not a valid id: use 1 to 63 of a-z, 0-9 and -, e.g. '{slugify(args.id) or 'moving-home'}'")
    folder = args.folder.strip("/")
    if folder and not all(is_valid_id(part) for part in folder.split("/")):
        raise CommandError(f"folder '{args.folder}': use a-z, 0-9 and - in folder names, e.g. '{slugify(folder) or 'claims'}'")
    handbook = load_handbook(maps_dir, custom_fields=options["custom_fields"])
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
            raise CommandError(f"{maps_dir} has no persona yet, and a journey needs one: run `journeys new persona <id>` first")
        path = os.path.join(maps_dir, "journeys", *folder.split("/"), args.id + ".md")
        text = journey_template(
            args.id, title, personas=[p.id for p in handbook.personas],
            stages=_catalogue_ids(maps_dir, "stages.yml", handbook.stages),
            teams=_catalogue_ids(maps_dir, "teams.yml", handbook.teams),
            custom_fields=handbook.custom_fields, today=datetime.date.today(),
        )
    _write_new(path, text)
    print(f"wrote {os.path.normpath(path)}: edit it, then run `journeys check`")
    return 0


def run_schema(args, maps_dir: str, options: dict) -> int:
    text = json.dumps(front_matter_schema(args.kind, options["custom_fields"]), indent=2, ensure_ascii=False) + "\n"
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


def run_import_mermaid(args, maps_dir: str, options: dict) -> int:
    try:
        with open(args.file, encoding="utf-8") as handle:
            source = handle.read()
    except OSError as exc:
        raise CommandError(f"cannot read {args.file}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise CommandError(f"{args.file} is not UTF-8 text; save it as UTF-8") from None
    handbook = load_handbook(maps_dir, custom_fields=options["custom_fields"])
    names = {p.id: p.name for p in handbook.personas}
    stem = slugify(os.path.splitext(os.path.basename(args.file))[0]) or "imported-journey"
    try:
        diagram = parse(source)
        stages = os.path.isfile(os.path.join(maps_dir, "stages.yml"))
        data = to_map(diagram, default_title=humanize(stem), personas=names,
                      stages=[(s.id, s.name) for s in handbook.stages] if stages else None)
    except MermaidError as exc:
        where = f"{args.file}:{exc.line}" if exc.line else args.file
        raise CommandError(f"{where}: {exc.message}") from None
    id_ = args.id or slugify(data["title"]) or stem
    if not is_valid_id(id_):
        raise CommandError(f"'{id_}' is not a valid id: give one with --id, e.g. '{slugify(id_) or stem}'")
    front = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10**6)
    text = f"---\n# Imported from {os.path.basename(args.file)} by `journeys import-mermaid`.\n{front}---\n" + narrative(diagram, os.path.basename(args.file))
    stubs = {persona_id(actor, names): actor for actor in diagram.actors if persona_id(actor, names) not in names}
    if not args.write:
        sys.stdout.write(text)
        if stubs:
            print(f"new personas {', '.join(sorted(stubs))}: --write creates them as stubs", file=sys.stderr)
        return 0
    if id_ in handbook.journey_by_id:
        raise CommandError(f"a journey '{id_}' exists already in {handbook.journey_by_id[id_].source}: give another with --id")
    files = {os.path.join(maps_dir, "journeys", id_ + ".md"): text}
    files.update({os.path.join(maps_dir, "personas", stub + ".md"): persona_template(stub, actor) for stub, actor in sorted(stubs.items())})
    for path in files:  # all or nothing: an editor should not have to clean up half an import
        if os.path.exists(path):
            raise CommandError(f"{os.path.normpath(path)} exists already; not overwriting it: give another id with --id")
    for path, content in files.items():
        _write_new(path, content)
        print(f"wrote {os.path.normpath(path)}")
    return _report_problems_in(list(files), maps_dir, options)


def _report_problems_in(paths: list[str], maps_dir: str, options: dict) -> int:
    """Check the handbook and report the problems of the files just written."""
    mine = {os.path.abspath(p) for p in paths}
    problems = [p for p in load_handbook(maps_dir, custom_fields=options["custom_fields"]).problems
                if os.path.abspath(p.path) in mine]
    for problem in problems:
        print(problem)
    return 1 if problems else 0


def run_export(args, maps_dir: str, options: dict) -> int:
    # Imported here: the export renders pages, which `check` and `new` never need.
    from journeys.export import asset_links, write_export
    from journeys.standalone import StandaloneError, docs_dir_of, read_site_config, uses_plugin, write_standalone

    if args.target != "any" and not args.standalone:
        raise CommandError("--for chooses the kind of standalone project: add --standalone")
    config_file = args.config_file or find_config_file(args.maps_dir)
    if args.config_file and not os.path.isfile(config_file):
        raise CommandError(f"{config_file} not found: without it the plugin's options (custom_fields, prefix, ...) are unknown")
    try:
        config = read_site_config(config_file) if os.path.isfile(config_file) else {}
        if args.standalone and not config:
            raise CommandError(f"{config_file} not found: --standalone copies a site; name its config with -f")
        if args.standalone:
            result = write_standalone(config_file, args.dir, {**options, "maps_dir": maps_dir}, target=args.target)
            for problem in result.problems:
                print(problem, file=sys.stderr)
            for page in result.hidden:
                print(f"{page} is written by hand and hides the page the journeys plugin generates there", file=sys.stderr)
            builders = "`zensical build`" if args.target == "zensical" else "`mkdocs build`, `properdocs build` or `zensical build`"
            print(f"wrote {len(result.files)} files to {args.dir}: build it there with {builders}")
            return 1 if result.problems or result.hidden else 0
    except StandaloneError as exc:
        raise CommandError(str(exc)) from None
    if uses_plugin(config) and os.path.abspath(args.dir) == docs_dir_of(config_file, config):
        raise CommandError(f"{args.dir} is the docs folder of {config_file}, whose journeys plugin generates these pages "
                           f"itself: exported copies would hide them and fail a strict build. Export elsewhere, "
                           f"or write a whole project with --standalone")
    handbook = load_handbook(maps_dir, custom_fields=options["custom_fields"], audience=options["audience"])
    for problem in handbook.problems:
        print(problem, file=sys.stderr)
    files = write_export(for_audience(handbook, options["audience"], options["public_fields"]), args.dir, options)
    css, scripts = asset_links(files)
    print(f"wrote {len(files)} files to {args.dir}. A site config that publishes them without the journeys plugin "
          f"needs the lines below (or use --standalone, which writes that config for you):")
    print(yaml.safe_dump({"extra_css": css, "extra_javascript": scripts}, sort_keys=False), end="")
    return 1 if handbook.problems else 0


if __name__ == "__main__":
    sys.exit(main())
