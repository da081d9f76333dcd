"""`journeys new`: a commented template for a new persona, journey or insight, which the check
then guides the editor through."""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping

from journeys.cli.errors import CommandError, cannot
from journeys.cli.output import say
from journeys.cli.scaffolds import insight_template, journey_template, persona_template
from journeys.core import load_handbook
from journeys.core.ids import humanize, is_valid_id, reserved, slugify
from journeys.core.model import Insight, Journey, Persona
from journeys.core.options import Options
from journeys.core.problems import did_you_mean, quoted
from journeys.core.schema import INSIGHT_KINDS, STATES


def add_parser(commands, maps_help: str) -> None:
    new = commands.add_parser("new", help="write a commented template for a new journey, persona or insight")
    new.add_argument("kind", choices=("journey", "persona", "insight"))
    new.add_argument("id", help="the new id: a-z, 0-9 and -; it becomes the file name and the URL")
    new.add_argument("--title", help="the journey's or insight's title, or the persona's name (default: from the id)")
    new.add_argument(
        "--kind",
        dest="insight_kind",
        help=f"an insight's kind of research (required for an insight): {', '.join(INSIGHT_KINDS)}",
    )
    new.add_argument("--folder", default="", help="a sub-folder of journeys/ to put a journey in, e.g. claims")
    new.add_argument(
        "--persona",
        action="append",
        default=[],
        dest="personas",
        help="a persona of the journey (repeat for more); default: none, to fill in",
    )
    new.add_argument("--owner", help="the team that owns the journey or keeps the insight; default: none, to fill in")
    new.add_argument("--state", choices=STATES, help="current (the default): how it works today; future: a design")
    new.add_argument("--baseline", help="with --state future: the current-state journey this one redesigns")
    new.add_argument("--parent", help="the journey this one zooms into (map format 1.2)")
    new.add_argument("--maps-dir", dest="maps_dir", help=maps_help)
    new.set_defaults(run=run_new)


def _catalogue_ids(maps_dir: str, name: str, entries) -> list[str] | None:
    """The ids of stages.yml or teams.yml, or None when the file does not exist."""
    return [e.id for e in entries] if os.path.isfile(os.path.join(maps_dir, name)) else None


def _write_new(path: str, text: str) -> None:
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise CommandError(
            f"{os.path.normpath(path)} exists already; not overwriting it: choose another id or edit that file"
        ) from None
    except OSError as exc:
        raise cannot("write", exc) from None


def _argument_errors(args) -> list[str]:
    """What is wrong with the id and folder, which need no handbook to check."""
    errors = []
    if not is_valid_id(args.id):
        errors.append(
            f"{quoted(args.id)} is not a valid id: use 1 to 63 of a-z, 0-9 and -, "
            f"e.g. '{slugify(args.id) or 'moving-home'}'"
        )
    elif why := reserved(args.kind, args.id):
        errors.append(f"'{args.id}' is reserved: {why}; choose another id")
    folder = args.folder.strip("/")
    if folder and not all(is_valid_id(part) for part in folder.split("/")):
        errors.append(
            f"folder {quoted(args.folder)}: use a-z, 0-9 and - in folder names, e.g. '{slugify(folder) or 'claims'}'"
        )
    return errors


# The options each kind of file takes besides --title and --maps-dir, by argparse dest and flag.
_OPTIONS = {
    "insight_kind": ("--kind", ("insight",)),
    "folder": ("--folder", ("journey",)),
    "personas": ("--persona", ("journey",)),
    "owner": ("--owner", ("journey", "insight")),
    "state": ("--state", ("journey",)),
    "baseline": ("--baseline", ("journey",)),
    "parent": ("--parent", ("journey",)),
}


def _misplaced_options(args) -> list[str]:
    """An option of another kind of file is reported, not ignored: `--kind` on a journey was
    meant for an insight, and `--state` on an insight would be lost without a word."""
    return [
        f"{flag} is an option of {' and '.join(kind + 's' for kind in kinds)}, not of {args.kind}s"
        for dest, (flag, kinds) in _OPTIONS.items()
        if args.kind not in kinds and getattr(args, dest) not in (None, "", [])
    ]


def _owner_errors(args, teams) -> list[str]:
    if args.owner is not None and (args.owner not in teams if teams is not None else not slugify(args.owner)):
        known = f": teams.yml has {', '.join(teams)}" if teams else ": a team name needs letters or digits"
        return [f"--owner: unknown team {quoted(args.owner)}{did_you_mean(args.owner, teams or ())}{known}"]
    return []


def _reference_errors(args, handbook, teams) -> list[str]:
    """What is wrong with --persona and --owner, against the handbook's personas and teams."""
    errors = [
        f"--persona: unknown persona {quoted(persona)}{did_you_mean(persona, handbook.persona_by_id)}: "
        f"this handbook has {', '.join(handbook.persona_by_id)}"
        for persona in dict.fromkeys(args.personas)
        if persona not in handbook.persona_by_id
    ]
    return errors + _owner_errors(args, teams)


def _insight_kind_errors(args) -> list[str]:
    kind = args.insight_kind
    if kind is None:
        return [f"--kind: an insight needs its kind of research: one of {', '.join(INSIGHT_KINDS)}"]
    if kind not in INSIGHT_KINDS:
        return [
            f"--kind: {quoted(kind)} is not a kind of insight{did_you_mean(kind, INSIGHT_KINDS)}: "
            f"one of {', '.join(INSIGHT_KINDS)}"
        ]
    return []


def _journey_ref_errors(args, handbook) -> list[str]:
    """What is wrong with --baseline and --parent: each names a journey that exists; a
    baseline is a current-state journey that a future-state one redesigns."""
    errors = []
    for flag, value in (("--baseline", args.baseline), ("--parent", args.parent)):
        if value is not None and value not in handbook.journey_by_id:
            known = ", ".join(sorted(handbook.journey_by_id)) or "none yet"
            errors.append(
                f"{flag}: unknown journey {quoted(value)}{did_you_mean(value, handbook.journey_by_id)}: "
                f"this handbook has {known}"
            )
    if args.baseline is not None and args.state != "future":
        errors.append("--baseline: only a future-state journey has a baseline: add --state future")
    elif args.baseline in handbook.journey_by_id and handbook.journey_by_id[args.baseline].state == "future":
        errors.append(
            f"--baseline: {quoted(args.baseline)} is a future-state journey; a baseline is a current-state one"
        )
    return errors


def run_new(args, maps_dir: str, options: Options) -> int:
    """Every bad argument is reported at once, each on a line of its own."""
    errors = _argument_errors(args) + _misplaced_options(args)
    handbook = load_handbook(maps_dir, custom_fields=options.custom_fields, docs_dir=options.docs_dir)
    title = args.title or humanize(args.id)
    by_kind: dict[str, Mapping[str, Persona | Insight | Journey]] = {
        "persona": handbook.persona_by_id,
        "insight": handbook.insight_by_id,
    }
    existing = by_kind.get(args.kind, handbook.journey_by_id)
    if args.id in existing:
        found = existing[args.id]
        errors.append(
            f"a {args.kind} '{args.id}' exists already in {found.file if isinstance(found, Insight) else found.source}"
        )
    if args.kind == "persona":
        if errors:
            raise CommandError(*errors)
        path = os.path.join(maps_dir, "personas", args.id + ".md")
        text = persona_template(args.id, title)
    elif args.kind == "insight":
        teams = _catalogue_ids(maps_dir, "teams.yml", handbook.teams)
        errors += _insight_kind_errors(args) + _owner_errors(args, teams)
        if errors:
            raise CommandError(*errors)
        path = os.path.join(maps_dir, "insights", args.id + ".md")
        text = insight_template(
            args.id, title, kind=args.insight_kind, owner=args.owner, teams=teams, today=datetime.date.today()
        )
    else:
        if not handbook.personas:
            errors.append(
                f"{maps_dir} has no persona yet, and a journey needs one: run `journeys new persona <id>` first"
            )
        teams = _catalogue_ids(maps_dir, "teams.yml", handbook.teams)
        errors += _reference_errors(args, handbook, teams) if handbook.personas else []
        errors += _journey_ref_errors(args, handbook)
        if errors:
            raise CommandError(*errors)
        path = os.path.join(maps_dir, "journeys", *args.folder.strip("/").split("/"), args.id + ".md")
        text = journey_template(
            args.id,
            title,
            personas=args.personas,
            known_personas=[p.id for p in handbook.personas],
            owner=args.owner,
            state=args.state or "current",
            baseline=args.baseline,
            parent=args.parent,
            stages=_catalogue_ids(maps_dir, "stages.yml", handbook.stages),
            teams=teams,
            custom_fields=handbook.custom_fields,
            today=datetime.date.today(),
            measures=[m.id for m in handbook.measures],
        )
    _write_new(path, text)
    say(f"wrote {os.path.normpath(path)}: edit it, then run `journeys check`")
    return 0
