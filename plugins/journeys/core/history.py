"""The History of every journey: its last commits, newest first, and what each changed.

`read_history` makes the one git pass of a build (see `git_history`) and the change engine
(`changes`) turns each pair of versions into changes. Nothing here reads a clock, so two builds
of the same commit give the same history.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from journeys.core.changes import Change, journey_changes, journey_version
from journeys.core.git_history import Commit, GitUnavailable, file_histories, open_repository, printable, watched_paths

DEFAULT_DEPTH = 10


@dataclass(frozen=True)
class Entry:
    commit: Commit | None  # None: the changes in the work tree, not yet committed
    changes: tuple[Change, ...]
    renamed_from: str | None = None  # the file's name before this commit, relative to the maps' root
    shallow_start: bool = False  # the oldest commit of a shallow clone: what it changed is unknown


@dataclass(frozen=True)
class JourneyHistory:
    entries: tuple[Entry, ...]  # newest first
    truncated: bool  # a shallow clone: older commits exist but are not in it
    earlier: bool  # older commits exist beyond the depth shown


@dataclass(frozen=True)
class History:
    journeys: dict  # journey id -> JourneyHistory
    shallow: bool
    watched: tuple[str, ...] = ()  # git's HEAD and refs, for `mkdocs serve`


def read_history(handbook, maps_dir: str, root: str, depth: int = DEFAULT_DEPTH, cache: dict | None = None) -> History:
    """The history of every journey of `handbook`; `GitUnavailable` says why there is none.
    `root` is the folder journey sources are relative to. `cache` (blob id -> parsed version)
    lets `mkdocs serve` parse each old version once: a blob id names its content."""
    repo = open_repository(maps_dir)
    log = repo.log(maps_dir)
    status = repo.status(maps_dir)
    paths = {j.id: repo.rel(os.path.join(root, j.source)) for j in handbook.journeys}
    # A staged rename (`git mv` not yet committed): the file's history is under its old name.
    before_rename = {path: orig for path, (code, orig) in status.items() if orig}
    tracked = {path: before_rename.get(path, path) for path in paths.values()}
    histories = file_histories(log, sorted(set(tracked.values())))
    custom = handbook.custom_fields

    plans = {}
    needed: set[str] = set()
    for journey in handbook.journeys:
        path = paths[journey.id]
        changes = histories[tracked[path]]
        shown = changes[:depth]
        dirty = path in status
        for change in shown:
            needed.update(b for b in (change.old_blob, change.new_blob) if b)
        plans[journey.id] = (journey, path, changes, shown, dirty)
    # Today's version stands for the newest commit's when the file is clean: no blob to read.
    clean_heads = {shown[0].new_blob: journey for journey, _, _, shown, dirty in plans.values() if shown and not dirty}
    parsed = cache.setdefault(custom, {}) if cache is not None else {}  # versions parse by the declared lanes
    blobs = repo.blobs(sorted(needed - set(clean_heads) - set(parsed)))
    top_rel = os.path.relpath(root, repo.top).replace(os.sep, "/")

    def version(blob, path):
        if blob is None:
            return None
        if blob in clean_heads:
            return clean_heads[blob]
        if blob not in parsed:
            raw = blobs.get(blob)
            parsed[blob] = journey_version(raw, _display(path, top_rel), custom) if raw is not None else None
        return parsed[blob]

    result = {}
    for journey_id, (journey, path, changes, shown, dirty) in sorted(plans.items()):
        entries = []
        if dirty:
            last = version(shown[0].new_blob, shown[0].path) if shown else None
            renamed = _display(tracked[path], top_rel) if tracked[path] != path else None
            entries.append(Entry(None, journey_changes(last, journey), renamed))
        truncated = False
        for change in shown:
            # A file's log entries always have their commit; only a diff with the work tree has none.
            assert change.commit is not None
            boundary = repo.shallow and change.status == "A" and change.commit.hash in repo.shallow_commits
            truncated = truncated or boundary
            if boundary:
                # Git shows the oldest commit of a shallow clone as adding every file.
                entries.append(Entry(change.commit, (), shallow_start=True))
                continue
            old = version(change.old_blob, change.old_path or change.path)
            new = version(change.new_blob, change.path)
            renamed = _display(change.old_path, top_rel) if change.status == "R" and change.old_path else None
            entries.append(Entry(change.commit, _changes(change, old, new), renamed))
        if not entries:
            continue
        result[journey_id] = JourneyHistory(tuple(entries), truncated, len(changes) > len(shown))
    return History(result, repo.shallow, tuple(watched_paths(repo)))


def _changes(change, old, new) -> tuple[Change, ...]:
    """A version whose front matter cannot be read (or whose blob is missing) would otherwise
    make the map look added or removed."""
    if change.new_blob and new is None:
        return (Change("unreadable"),)
    if change.old_blob and old is None:
        return (Change("unreadable_before"),)
    return journey_changes(old, new)


def _display(path: str, top_rel: str) -> str:
    """A path from git (relative to the work tree's top) made relative to the site's folder."""
    shown = path if top_rel in ("", ".") else os.path.relpath(path, top_rel).replace(os.sep, "/")
    return printable(shown)


def try_history(
    handbook, maps_dir: str, root: str, depth: int, cache: dict | None = None
) -> tuple[History | None, str | None]:
    """(history, None), or (None, why there is none) for the build's info line."""
    if depth <= 0:
        return None, None
    try:
        return read_history(handbook, maps_dir, root, depth, cache), None
    except GitUnavailable as exc:
        return None, str(exc)
