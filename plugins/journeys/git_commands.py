"""`journeys diff`, `journeys codeowners` and what `journeys check` adds for review: the commands
of a handbook kept in git.

`diff BASE_REF` prints what a pull request changes in the maps, in the terms of the History
section (the same change engine), as text or as Markdown for a pull-request comment.
`codeowners` writes the marked CODEOWNERS block from the teams' `reviewers`. `check` warns
about journeys no team reviews and, with `--stale`, lists maps due for review.
"""

from __future__ import annotations

import datetime
import os
import sys

from journeys.core import load_handbook
from journeys.core.changes import (
    Change,
    catalogue_changes,
    catalogue_version,
    journey_changes,
    journey_version,
    persona_changes,
    persona_version,
)
from journeys.core.codeowners import codeowners_block, missing_reviewers, replace_block
from journeys.core.git_history import GitUnavailable, open_repository, printable
from journeys.core.options import Options
from journeys.core.schema import STAGE, TEAM
from journeys.render.history_section import change_text
from journeys.render.labels import LABELS
from journeys.render.text import text

CANNOT_RUN = 2  # distinct from 1 (errors in the maps), so a workflow can tell the two apart
CODEOWNERS_PLACES = ("CODEOWNERS", ".github/CODEOWNERS", ".gitlab/CODEOWNERS", "docs/CODEOWNERS")


# --- journeys diff ---------------------------------------------------------------------------


def _kind(rel: str) -> str | None:
    """What a file under the maps folder is, from its path relative to it; None: not a map."""
    parts = rel.split("/")
    if any(part.startswith(("_", ".")) for part in parts):
        return None
    if rel in ("stages.yml", "teams.yml"):
        return rel[:-5].rstrip("s")
    if parts[0] == "personas" and len(parts) == 2 and rel.endswith(".md"):
        return "persona"
    if parts[0] == "journeys" and len(parts) >= 2 and rel.endswith(".md"):
        return "journey"
    return None


def _version(kind: str, raw: bytes | None, path: str, custom_fields):
    if raw is None:
        return None
    if kind == "journey":
        return journey_version(raw, path, custom_fields)
    if kind == "persona":
        return persona_version(raw, path)
    return catalogue_version(raw, STAGE if kind == "stage" else TEAM)


def _compare(kind: str, old, new):
    if kind == "journey":
        return journey_changes(old, new)
    if kind == "persona":
        return persona_changes(old, new)
    return catalogue_changes(kind, old, new)


def map_changes(maps_dir: str, ref: str, custom_fields=()) -> tuple[str, list[dict]]:
    """(the commit `ref` names, one dict per changed map file: path, old_path, status, kind,
    changes), comparing that commit with the work tree. `GitUnavailable` when it cannot."""
    repo = open_repository(maps_dir)
    commit = repo.resolve(ref)
    maps_rel = repo.rel(maps_dir)
    found = []
    files = repo.changes_since(commit, maps_dir)
    old_blobs = repo.blobs([blob for _, _, _, blob in files if blob])
    for status, path, old_path, old_blob in files:
        rel = path if maps_rel == "." else path[len(maps_rel) + 1 :]
        kind = _kind(rel) or (
            _kind(old_path[len(maps_rel) + 1 :] if maps_rel != "." else old_path) if old_path else None
        )
        if kind is None:
            continue
        new_raw = None
        if status != "D":
            try:
                with open(os.path.join(repo.top, path), "rb") as handle:
                    new_raw = handle.read()
            except OSError:
                new_raw = None
        old = _version(kind, old_blobs.get(old_blob), old_path or path, custom_fields) if old_blob else None
        new = _version(kind, new_raw, path, custom_fields)
        unreadable = (old_blob is not None and old is None) or (status != "D" and new is None)
        # A version that cannot be parsed would otherwise read as a map added or removed.
        changes = (Change("unreadable"),) if unreadable else _compare(kind, old, new)
        found.append(
            {
                "path": printable(path),
                "old_path": printable(old_path) if old_path else None,
                "status": status,
                "kind": kind,
                "changes": changes,
            }
        )
    return commit, found


def _text_report(ref: str, commit: str, files: list[dict]) -> str:
    if not files:
        return f"No map changes since {ref} ({commit[:7]}).\n"
    lines = [f"Map changes since {ref} ({commit[:7]}):"]
    for entry in files:
        head = entry["path"] + (f" (renamed from {entry['old_path']})" if entry["old_path"] else "")
        lines.append(f"{head} [{entry['kind']}]")
        lines += [f"  - {change_text(c, LABELS)}" for c in entry["changes"]] or [f"  - {LABELS['history_no_change']}"]
    return "\n".join(lines) + "\n"


def _markdown_report(ref: str, commit: str, files: list[dict]) -> str:
    # Every name and value goes through text(): a file name or a map's text with Markdown or
    # HTML in it shows as written in the pull-request comment, never as markup.
    lines = [f"### Journey map changes since {text(ref)} ({commit[:7]})", ""]
    if not files:
        return "\n".join(lines + ["No map changes.", ""])
    for entry in files:
        head = f"**{text(entry['path'])}**" + (
            f" (renamed from {text(entry['old_path'])})" if entry["old_path"] else ""
        )
        lines.append(f"- {head} — {text(entry['kind'])}")
        lines += [f"  - {text(change_text(c, LABELS))}" for c in entry["changes"]] or [
            f"  - {text(LABELS['history_no_change'])}"
        ]
    return "\n".join(lines) + "\n"


def run_diff(args, maps_dir: str, options: Options) -> int:
    try:
        commit, files = map_changes(maps_dir, args.base_ref, options.custom_fields)
    except GitUnavailable as exc:
        print(f"journeys diff: cannot compare with {args.base_ref}: {exc}", file=sys.stderr)
        return CANNOT_RUN
    report = _markdown_report if args.format == "markdown" else _text_report
    sys.stdout.write(report(args.base_ref, commit, files))
    return 0


# --- journeys codeowners ---------------------------------------------------------------------


def _top(maps_dir: str) -> str:
    try:
        return open_repository(maps_dir).top
    except GitUnavailable:
        return os.getcwd()


def run_codeowners(args, maps_dir: str, options: Options) -> int:
    handbook = load_handbook(maps_dir, custom_fields=options.custom_fields, docs_dir=options.docs_dir)
    top = _top(maps_dir)
    block = codeowners_block(handbook, maps_dir, top, os.getcwd())
    if args.print:
        sys.stdout.write(block)
        return 0
    target = args.output or next(
        (os.path.join(top, p) for p in CODEOWNERS_PLACES if os.path.isfile(os.path.join(top, p))),
        os.path.join(top, CODEOWNERS_PLACES[0]),
    )
    try:
        with open(target, encoding="utf-8", newline="") as handle:
            existing = handle.read()
    except FileNotFoundError:
        existing = ""
    except (OSError, UnicodeDecodeError) as exc:
        print(
            f"journeys codeowners: cannot read {target}: {getattr(exc, 'strerror', None) or 'not UTF-8 text'}",
            file=sys.stderr,
        )
        return 1
    try:
        updated = replace_block(existing, block)
    except ValueError as exc:
        print(f"journeys codeowners: {os.path.relpath(target)}: {exc}", file=sys.stderr)
        return 1
    shown = os.path.relpath(target)
    if args.check:
        if updated != existing:
            print(f"{shown} is out of date: run `journeys codeowners`", file=sys.stderr)
            return 1
        print(f"{shown} is up to date")
        return 0
    if updated != existing:
        os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
        with open(target, "w", encoding="utf-8", newline="") as handle:
            handle.write(updated)
    missing = len(missing_reviewers(handbook))
    print(
        f"wrote {shown}"
        + (f"; {missing} journey{'s' if missing != 1 else ''} without reviewers, listed in it" if missing else "")
    )
    return 0


# --- journeys check: reviewers and --stale ---------------------------------------------------


def review_warnings(handbook) -> list[str]:
    """Journeys no team reviews, once any team lists reviewers: a handbook that uses no
    CODEOWNERS is not nagged. Warnings, not errors: a new team may have no reviewers yet."""
    if not any(team.reviewers for team in handbook.teams):
        return []
    return [
        f"warning: {j.source}: "
        + (f"owner '{j.owner}' lists no reviewers in teams.yml" if j.owner else "no owner, so no reviewers")
        + ": changes to this map need no team's approval"
        for j in missing_reviewers(handbook)
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
    from journeys.cli import run_check as check_errors

    code = check_errors(maps_dir, options)
    if not (args.stale or args.fail_stale or os.path.isfile(os.path.join(maps_dir, "teams.yml"))):
        return code  # nothing to add: no reviewers can be declared, no listing asked for
    handbook = load_handbook(maps_dir, custom_fields=options.custom_fields, docs_dir=options.docs_dir)
    for warning in review_warnings(handbook):
        print(warning)
    if args.stale or args.fail_stale:
        from journeys.render.site_files import build_date  # the renderers' import, only when asked

        after = options.review_after_days
        stale = stale_maps(handbook, build_date(), after)
        for line in stale:
            print(f"due for review: {line}")
        count = len(stale)
        print(f"{count} map{'s' if count != 1 else ''} due for review (review_after_days: {after})")
        if stale and args.fail_stale:
            return code or 1
    return code
