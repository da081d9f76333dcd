"""`journeys diff` and `journeys codeowners`: the commands of a handbook kept in git.

`diff BASE_REF` prints what a pull request changes in the maps, in the terms of the History
section (the same change engine), as text or as Markdown for a pull-request comment.
`codeowners` writes the marked CODEOWNERS block from the teams' `reviewers`.
"""

from __future__ import annotations

import os
import sys

from journeys.cli.errors import CANNOT_RUN, CommandError, cannot
from journeys.cli.output import say
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
from journeys.core.documents import NotRead, read_bytes
from journeys.core.git_history import GitUnavailable, open_repository, printable
from journeys.core.options import Options
from journeys.core.problems import one_line
from journeys.core.schema import STAGE, TEAM
from journeys.render.history_section import change_text
from journeys.render.labels import LABELS
from journeys.render.text import github_text

NOT_READ = ("link_outside", "too_large")  # reasons a work-tree file was not read that a change names
CODEOWNERS_PLACES = ("CODEOWNERS", ".github/CODEOWNERS", ".gitlab/CODEOWNERS", "docs/CODEOWNERS")
# GitHub reads at most 3 MB of a CODEOWNERS file; one longer than that is not one (and reading
# `-o /dev/zero` must end).
MAX_CODEOWNERS_BYTES = 3 * 1024 * 1024


def add_parsers(commands, maps_help: str) -> None:
    diff = commands.add_parser(
        "diff", help="what changed in the maps since a git ref (for pull requests); exit 2 without git"
    )
    diff.add_argument("base_ref", help="the commit, branch or tag to compare the work tree with, e.g. origin/main")
    diff.add_argument(
        "--format", choices=("text", "markdown"), default="text", help="markdown: for a pull-request comment"
    )
    diff.add_argument("--maps-dir", dest="maps_dir", help=maps_help)
    diff.set_defaults(run=run_diff)

    owners = commands.add_parser("codeowners", help="write the CODEOWNERS block from the teams' reviewers")
    owners.add_argument(
        "-o", "--output", help="the CODEOWNERS file (default: the one in the repository, else CODEOWNERS at its top)"
    )
    owners.add_argument("--print", action="store_true", help="print the block instead of writing it")
    owners.add_argument(
        "--check", action="store_true", help="exit 1 when the file's block is out of date; write nothing"
    )
    owners.add_argument("--maps-dir", dest="maps_dir", help=maps_help)
    owners.set_defaults(run=run_codeowners)


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
        # The work tree's file as the maps are read: capped, and never through a link out of
        # the maps folder, whose target would be quoted into the pull-request comment.
        new_raw = read_bytes(os.path.join(repo.top, path), within=maps_dir) if status != "D" else None
        old = _version(kind, old_blobs.get(old_blob), old_path or path, custom_fields) if old_blob else None
        new = _version(kind, new_raw, path, custom_fields) if not isinstance(new_raw, NotRead) else None
        if isinstance(new_raw, NotRead):
            changes: tuple[Change, ...] = (Change(new_raw.kind if new_raw.kind in NOT_READ else "unreadable"),)
        elif old_blob in repo.too_large:
            changes = (Change("too_large_before"),)
        elif (old_blob is not None and old is None) or (status != "D" and new is None):
            # A version that cannot be parsed would otherwise read as a map added or removed.
            changes = (Change("unreadable"),)
        else:
            changes = _compare(kind, old, new)
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


# Both reports put every file name and every text of a map on one line (one_line): CI prints
# them, and the Markdown one becomes a pull-request comment.


def _text_report(ref: str, commit: str, files: list[dict]) -> str:
    if not files:
        return one_line(f"No map changes since {ref} ({commit[:7]}).") + "\n"
    lines = [one_line(f"Map changes since {ref} ({commit[:7]}):")]
    for entry in files:
        head = entry["path"] + (f" (renamed from {entry['old_path']})" if entry["old_path"] else "")
        lines.append(one_line(f"{head} [{entry['kind']}]"))
        lines += [f"  - {one_line(change_text(c, LABELS))}" for c in entry["changes"]] or [
            f"  - {LABELS['history_no_change']}"
        ]
    return "\n".join(lines) + "\n"


def _markdown_report(ref: str, commit: str, files: list[dict]) -> str:
    # Every name and value goes through github_text(), on one line: a file name or a map's text
    # with Markdown, HTML, a mention or a reference in it shows as written in the pull-request
    # comment, the raw comment still reads as plain words, and no line starts a workflow command.
    def shown(value: str) -> str:
        return github_text(one_line(value))

    lines = [f"### Journey map changes since {shown(ref)} ({commit[:7]})", ""]
    if not files:
        return "\n".join(lines + ["No map changes.", ""])
    for entry in files:
        head = f"**{shown(entry['path'])}**" + (
            f" (renamed from {shown(entry['old_path'])})" if entry["old_path"] else ""
        )
        lines.append(f"- {head} — {shown(entry['kind'])}")
        lines += [f"  - {shown(change_text(c, LABELS))}" for c in entry["changes"]] or [
            f"  - {shown(LABELS['history_no_change'])}"
        ]
    return "\n".join(lines) + "\n"


def run_diff(args, maps_dir: str, options: Options) -> int:
    try:
        commit, files = map_changes(maps_dir, args.base_ref, options.custom_fields)
    except GitUnavailable as exc:
        say(f"journeys diff: cannot compare with {args.base_ref}: {exc}", err=True)
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
            existing = handle.read(MAX_CODEOWNERS_BYTES + 1)
    except FileNotFoundError:
        existing = ""
    except UnicodeDecodeError:
        raise CommandError(f"cannot read {target}: it is not UTF-8 text") from None
    except OSError as exc:
        raise cannot("read", exc) from None
    if len(existing) > MAX_CODEOWNERS_BYTES:
        raise CommandError(
            f"cannot read {target}: it is over {MAX_CODEOWNERS_BYTES:,} characters, too long for CODEOWNERS"
        )
    try:
        updated = replace_block(existing, block)
    except ValueError as exc:
        raise CommandError(f"{os.path.relpath(target)}: {exc}") from None
    shown = os.path.relpath(target)
    if args.check:
        if updated != existing:
            say(f"{shown} is out of date: run `journeys codeowners`", err=True)
            return 1
        say(f"{shown} is up to date")
        return 0
    if updated != existing:
        try:
            os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
            with open(target, "w", encoding="utf-8", newline="") as handle:
                handle.write(updated)
        except OSError as exc:
            raise cannot("write", exc) from None
    missing = len(missing_reviewers(handbook))
    say(
        f"wrote {shown}"
        + (f"; {missing} journey{'s' if missing != 1 else ''} without reviewers, listed in it" if missing else "")
    )
    return 0
