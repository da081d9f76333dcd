"""`journeys check`: every error in every map, for pre-commit and pull-request checks; and
what it adds for review: journeys no team reviews, and (`--stale`) maps due for review."""

from __future__ import annotations

import dataclasses
import datetime
import os

from journeys.cli.output import say
from journeys.core import load_handbook
from journeys.core.audience import AUDIENCES
from journeys.core.build_date import build_date
from journeys.core.codeowners import missing_reviewers
from journeys.core.options import Options
from journeys.core.problems import quoted


def add_parser(commands, maps_help: str) -> None:
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
    check.add_argument(
        "--strict", action="store_true", help="exit 1 on warnings too, as `mkdocs build --strict` fails on them"
    )
    check.set_defaults(
        run=lambda args, maps_dir, options: run_check(
            args, maps_dir, dataclasses.replace(options, audience=args.audience or options.audience)
        )
    )


def report(handbook, maps_dir: str, *, strict: bool = False) -> int:
    """Every error and warning in every map, one a line, in file order; 1 when there are
    errors (or, with `strict`, warnings), as `mkdocs build --strict` fails on both."""
    found = sorted(handbook.problems + handbook.warnings)
    for problem in found:
        say(problem)
    errors, warnings = len(handbook.problems), len(handbook.warnings)
    if errors or (strict and warnings):
        counts = [f"{n} {word}{'s' if n != 1 else ''}" for n, word in ((errors, "error"), (warnings, "warning")) if n]
        say(f"{' and '.join(counts)} in {maps_dir}", err=True)
        return 1
    summary = ", ".join(
        f"{n} {word}{'' if n == 1 else 's'}"
        for n, word in (
            (len(handbook.journeys), "journey"),
            (len(handbook.personas), "persona"),
            (len(handbook.pain_points), "pain point"),
        )
    )
    tail = f", {warnings} warning{'s' if warnings != 1 else ''}" if warnings else ""
    say(f"{os.path.normpath(maps_dir)}: {summary}: no errors{tail}")
    return 0


def review_warnings(handbook) -> list[str]:
    """Journeys no team reviews, once any team lists reviewers: a handbook that uses no
    CODEOWNERS is not nagged. Warnings, not errors: a new team may have no reviewers yet."""
    if not any(team.reviewers for team in handbook.teams):
        return []
    return [
        f"warning: {j.source}: "
        + (f"owner {quoted(j.owner)} lists no reviewers in teams.yml" if j.owner else "no owner, so no reviewers")
        + ": changes to this map need no team's approval"
        for j in missing_reviewers(handbook)
        # An invalid map without an owner may have one its errors hide (a YAML error hides all).
        if j.owner or not j.problems
    ]


def stale_maps(handbook, today: datetime.date, after_days: int) -> list[str]:
    """Journeys reviewed more than `after_days` days before `today`, or never, by source."""
    found = []
    for journey in sorted(handbook.journeys, key=lambda j: j.source):
        if journey.reviewed is None:
            found.append(f"{journey.source}: never reviewed")
        elif (today - journey.reviewed).days > after_days:
            found.append(
                f"{journey.source}: reviewed {journey.reviewed.isoformat()}, {(today - journey.reviewed).days} days ago"
            )
    return found


def run_check(args, maps_dir: str, options: Options) -> int:
    handbook = load_handbook(
        maps_dir, custom_fields=options.custom_fields, docs_dir=options.docs_dir, audience=options.audience
    )
    if options.custom_dir:  # a misspelt template override, which the build warns of too
        from journeys.render.templating import override_warnings  # the check renders nothing else

        found = override_warnings(options.custom_dir)
        handbook = dataclasses.replace(handbook, warnings=tuple(sorted(handbook.warnings + tuple(found))))
    code = report(handbook, maps_dir, strict=args.strict)
    for warning in review_warnings(handbook):
        say(warning)
    if args.stale or args.fail_stale:
        after = options.review_after_days
        stale = stale_maps(handbook, build_date(), after)
        for line in stale:
            say(f"due for review: {line}")
        count = len(stale)
        say(f"{count} map{'s' if count != 1 else ''} due for review (review_after_days: {after})")
        if stale and args.fail_stale:
            return code or 1
    return code
