"""`journeys import-mermaid` and `journeys export-mermaid`: Mermaid `journey` diagrams to maps
and back. The diagram work is in `journeys.core.mermaid` and `journeys.core.mermaid_export`;
this module reads and writes the files and reports."""

from __future__ import annotations

import dataclasses
import functools
import os
import shutil
import sys
import tempfile

import yaml

from journeys.cli.errors import MAP_ERRORS, CommandError, cannot
from journeys.cli.output import say
from journeys.cli.scaffolds import persona_template
from journeys.core import load_handbook
from journeys.core.documents import read_text
from journeys.core.ids import humanize, is_valid_id, slugify
from journeys.core.mermaid import SCORE_MAX, SCORE_MIN, SCORE_OFFSET, MermaidError, narrative, parse, to_map
from journeys.core.mermaid_export import to_mermaid
from journeys.core.options import Options
from journeys.core.problems import did_you_mean, one_line

SCALE = (
    f"Mermaid scores run from {SCORE_MIN} to {SCORE_MAX}, map emotions from {SCORE_MIN - SCORE_OFFSET} "
    f"to {SCORE_MAX - SCORE_OFFSET}: emotion = score - {SCORE_OFFSET}, so 1 is -2, 3 is 0 (neutral) and 5 is 2."
)


def add_parsers(commands, maps_help: str) -> None:
    """The two subcommands, on the `journeys` parser's subparsers."""
    importer = commands.add_parser(
        "import-mermaid",
        help="turn a Mermaid journey diagram into a journey map",
        description=f"Turn a Mermaid journey diagram into a journey map. {SCALE}",
    )
    importer.add_argument("file", help="a .mmd file, or a Markdown file with a ```mermaid journey block")
    importer.add_argument("--id", help="the journey's id (default: from the diagram's title)")
    importer.add_argument(
        "--write",
        action="store_true",
        help="write the map to journeys/<id>.md and stub personas for new actors, "
        "after checking them; all or nothing (default: print the map)",
    )
    importer.add_argument("--maps-dir", dest="maps_dir", help=maps_help)
    importer.set_defaults(run=run_import_mermaid)

    exporter = commands.add_parser(
        "export-mermaid",
        help="write a journey map as a Mermaid journey diagram",
        description=f"Write journey maps as Mermaid journey diagrams. {SCALE}",
    )
    which = exporter.add_mutually_exclusive_group(required=True)
    which.add_argument("journey", nargs="?", help="the id of the journey to print")
    which.add_argument("--all", metavar="OUT_DIR", help="write every journey to OUT_DIR/<id>.mmd instead")
    exporter.add_argument("--maps-dir", dest="maps_dir", help=maps_help)
    exporter.set_defaults(run=run_export_mermaid)


def run_import_mermaid(args, maps_dir: str, options: Options) -> int:
    if not os.path.exists(args.file):
        raise CommandError(f"cannot read {args.file}: No such file or directory")
    # As a map is read: a regular file of at most 1 MiB (not /dev/zero or a pipe), UTF-8 text.
    source, problems = read_text(args.file, args.file, kind="a diagram")
    if source is None:
        raise CommandError(*(str(problem) for problem in problems))
    handbook = load_handbook(maps_dir, custom_fields=options.custom_fields, docs_dir=options.docs_dir)
    names = {p.id: p.name for p in handbook.personas}
    stem = slugify(os.path.splitext(os.path.basename(args.file))[0]) or "imported-journey"
    try:
        diagram = parse(source)
        has_catalogue = os.path.isfile(os.path.join(maps_dir, "stages.yml"))
        draft = to_map(
            diagram,
            default_title=humanize(stem),
            personas=names,
            stages=[(s.id, s.name) for s in handbook.stages] if has_catalogue else None,
        )
    except MermaidError as exc:
        raise CommandError(f"{_where(args.file, exc.line)}: {exc.message}") from None
    id_ = args.id or slugify(draft.data["title"]) or stem
    if not is_valid_id(id_):
        raise CommandError(f"'{id_}' is not a valid id: give one with --id, e.g. '{slugify(id_) or stem}'")
    front = yaml.dump(draft.data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10**6)
    name = os.path.basename(args.file)
    # On one line: a file name with a line break would otherwise add keys to the map.
    text = f"---\n# Imported from {one_line(name)} by `journeys import-mermaid`.\n{front}---\n" + narrative(
        diagram, name
    )
    for notice in draft.notices:
        say(f"{_where(args.file, notice.line)}: notice: {notice.message}", err=True)
    if not args.write:
        sys.stdout.write(text)
        if draft.stubs:
            say(f"new personas {', '.join(sorted(draft.stubs))}: --write creates them as stubs", err=True)
        return 0
    if id_ in handbook.journey_by_id:
        raise CommandError(
            f"a journey '{id_}' exists already in {handbook.journey_by_id[id_].source}: give another with --id"
        )
    files = {os.path.join("journeys", id_ + ".md"): text}
    files.update(
        {
            os.path.join("personas", stub + ".md"): persona_template(stub, actor)
            for stub, actor in sorted(draft.stubs.items())
        }
    )
    for path in files:
        if os.path.exists(os.path.join(maps_dir, path)):
            raise CommandError(
                f"{os.path.normpath(os.path.join(maps_dir, path))} exists already; not overwriting it: give another id with --id"
            )
    problems = _problems_if_written(files, maps_dir, options)
    if problems:
        for problem in problems:
            say(problem)
        say(
            f"journeys import-mermaid: nothing written: the map would not pass `journeys check` ({len(problems)} "
            f"error{'s' if len(problems) != 1 else ''} above)",
            err=True,
        )
        return MAP_ERRORS
    try:
        for path, content in files.items():
            _write(os.path.join(maps_dir, path), content)
            say(f"wrote {os.path.normpath(os.path.join(maps_dir, path))}")
    except OSError as exc:
        raise cannot("write", exc) from None
    return 0


class _Dumper(yaml.SafeDumper):
    """Text with a line break or a control character (a name with `<br>` in the diagram) is
    written in double quotes, with escapes, so that every line of the printed map is a line of
    YAML: in a folded scalar, a line could start with `::`, which CI runs as a command."""

    def represent_str(self, data: str) -> yaml.ScalarNode:
        return self.represent_scalar("tag:yaml.org,2002:str", data, style='"' if one_line(data) != data else None)


_Dumper.add_representer(str, _Dumper.represent_str)


def _where(path: str, line: int | None) -> str:
    return f"{path}:{line}" if line else path


def _problems_if_written(files: dict[str, str], maps_dir: str, options: Options) -> list:
    """The problems `files` (paths inside the maps folder) would have, found in a copy of
    the maps folder, so that a failed check leaves the editor's folder as it was."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = os.path.join(scratch, "maps")
        if os.path.isdir(maps_dir):
            shutil.copytree(maps_dir, copy, symlinks=True)
        for path, content in files.items():
            _write(os.path.join(copy, path), content)
        found = load_handbook(copy, custom_fields=options.custom_fields, root=scratch).problems
    shown = os.path.relpath(maps_dir)
    mine = {os.path.join("maps", path) for path in files}
    return [
        dataclasses.replace(p, path=os.path.join(shown, os.path.relpath(p.path, "maps")))
        for p in found
        if os.path.normpath(p.path) in mine
    ]


def _write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def run_export_mermaid(args, maps_dir: str, options: Options) -> int:
    """A map with problems is not exported: the diagram would silently lack what did not load."""
    handbook = load_handbook(maps_dir, custom_fields=options.custom_fields, docs_dir=options.docs_dir)
    export = functools.partial(
        to_mermaid,
        stage_names={s.id: s.name for s in handbook.stages},
        persona_names={p.id: p.name for p in handbook.personas},
        custom_fields=handbook.custom_fields,
    )
    if args.all is None:
        journey = handbook.journey_by_id.get(args.journey)
        if journey is None:
            hint = did_you_mean(args.journey, handbook.journey_by_id)
            raise CommandError(f"no journey '{args.journey}' in {maps_dir}{hint}")
        if journey.problems:
            _print_problems(journey.problems)
            say(
                f"journeys export-mermaid: {journey.source} has problems (above): fix them, then export it",
                err=True,
            )
            return MAP_ERRORS
        sys.stdout.write(export(journey))
        return 0
    valid = [j for j in sorted(handbook.journeys, key=lambda j: j.id) if not j.problems]
    try:
        os.makedirs(args.all, exist_ok=True)
        for journey in valid:
            with open(os.path.join(args.all, journey.id + ".mmd"), "w", encoding="utf-8", newline="\n") as handle:
                handle.write(export(journey))
    except OSError as exc:
        raise CommandError(f"cannot write to {args.all}: {exc.strerror}") from None
    say(f"wrote {len(valid)} diagram{'s' if len(valid) != 1 else ''} to {args.all}")
    broken = [j for j in handbook.journeys if j.problems]
    if broken:
        _print_problems([p for j in broken for p in j.problems])
        say(
            "journeys export-mermaid: not exported, because of the problems above: "
            + ", ".join(sorted(j.source for j in broken)),
            err=True,
        )
        return MAP_ERRORS
    return 0


def _print_problems(problems) -> None:
    for problem in sorted(problems):
        say(problem, err=True)
