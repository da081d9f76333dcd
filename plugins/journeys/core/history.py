"""The History of every journey: its last commits, newest first, and what each changed.

`read_history` makes the one git pass of a build (see `git_history`) and the change engine
(`changes`) turns each pair of versions into changes. Nothing here reads a clock, so two builds
of the same commit give the same history.

A public build's history shows only what public versions hold (map format 1.1, "Visibility and
public builds"): each old version is shown as the public projection shows today's map, an entry
whose version was internal is left out, and the commit that made a map public says only that.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from dataclasses import dataclass

from journeys.core.audience import public_version
from journeys.core.changes import Change, journey_changes, journey_version
from journeys.core.git_history import (
    Commit,
    FileChange,
    GitUnavailable,
    Repository,
    file_histories,
    open_repository,
    printable,
    watched_paths,
)
from journeys.core.handbook import Handbook
from journeys.core.model import Journey
from journeys.core.schema import CustomField

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
    journeys: dict[str, JourneyHistory]  # by journey id
    shallow: bool
    watched: tuple[str, ...] = ()  # git's HEAD and refs, for `mkdocs serve`


@dataclass(frozen=True)
class Unread:
    """A version that was not parsed: `kind` "too_large" (over the 1 MiB a map may be, never
    read) or "unreadable" (its front matter cannot be read, or git does not have it)."""

    kind: str


TOO_LARGE, UNREADABLE = Unread("too_large"), Unread("unreadable")
Version = Journey | Unread | None  # None: no file (before it was added)
# Parsed versions by blob id, a table for each set of declared lanes (see `_Versions`).
VersionCache = dict[tuple[CustomField, ...], dict[str, Version]]


@dataclass(frozen=True)
class _Audience:
    """How the build shows a version: as it is, or (public) as its public projection; None
    when it may show nothing of it."""

    public: bool
    public_fields: tuple[str, ...] = ()

    def shown(self, version: Version) -> Journey | None:
        if not isinstance(version, Journey):
            return None
        return public_version(version, self.public_fields) if self.public else version


@dataclass(frozen=True)
class _Plan:
    """What one journey's history needs from git."""

    journey: Journey
    path: str  # the file today, relative to the work tree's top
    tracked: str  # the name git has its history under (the old name of a staged rename)
    changes: list[FileChange]  # every commit that changed it, newest first
    shown: list[FileChange]  # the newest `depth` of them
    dirty: bool  # the work tree differs from the last commit


def read_history(
    handbook: Handbook,
    maps_dir: str,
    root: str,
    depth: int = DEFAULT_DEPTH,
    cache: VersionCache | None = None,
    public_fields: Iterable[str] = (),
) -> History:
    """The history of every journey of `handbook`; `GitUnavailable` says why there is none.
    `root` is the folder journey sources are relative to. `cache` (blob id -> parsed version)
    lets `mkdocs serve` parse each old version once: a blob id names its content. A public
    handbook (core.audience.public_view) gets a public history, with `public_fields` shown."""
    repo = open_repository(maps_dir)
    plans = _plans(repo, handbook, maps_dir, root, depth)
    versions = _Versions(repo, plans, handbook.custom_fields, root, cache)
    audience = _Audience(handbook.audience == "public", tuple(public_fields))
    result = {}
    for plan in plans:
        history = _journey_history(plan, versions, repo, audience)
        if history is not None:
            result[plan.journey.id] = history
    if audience.public:
        result = public_history(result, public_fields)
    return History(result, repo.shallow, tuple(watched_paths(repo)))


def _plans(repo: Repository, handbook: Handbook, maps_dir: str, root: str, depth: int) -> list[_Plan]:
    """One plan a journey, in id order, from one `git log` and one `git status` of the folder."""
    log = repo.log(maps_dir)
    status = repo.status(maps_dir)
    paths = {j.id: repo.rel(os.path.join(root, j.source)) for j in handbook.journeys}
    # A staged rename (`git mv` not yet committed): the file's history is under its old name.
    before_rename = {path: orig for path, (code, orig) in status.items() if orig}
    tracked = {path: before_rename.get(path, path) for path in paths.values()}
    histories = file_histories(log, sorted(set(tracked.values())))
    plans = []
    for journey in sorted(handbook.journeys, key=lambda j: j.id):
        path = paths[journey.id]
        changes = histories[tracked[path]]
        plans.append(_Plan(journey, path, tracked[path], changes, changes[:depth], path in status))
    return plans


class _Versions:
    """The versions the plans need, by blob id: read in one `cat-file` pass, parsed on demand.
    When a file is clean, today's journey stands for its newest commit's version: no blob."""

    def __init__(
        self,
        repo: Repository,
        plans: list[_Plan],
        custom_fields: tuple[CustomField, ...],
        root: str,
        cache: VersionCache | None,
    ) -> None:
        self.custom_fields = custom_fields
        self.top_rel = os.path.relpath(root, repo.top).replace(os.sep, "/")
        self.clean_heads = {p.shown[0].new_blob: p.journey for p in plans if p.shown and not p.dirty}
        # Versions parse by the declared lanes, so the cache keeps one table a set of lanes.
        self.parsed: dict[str, Version] = cache.setdefault(custom_fields, {}) if cache is not None else {}
        needed = {b for p in plans for c in p.shown for b in (c.old_blob, c.new_blob) if b}
        self.blobs = repo.blobs(sorted(needed - set(self.clean_heads) - set(self.parsed)))
        self.parsed.update(dict.fromkeys(repo.too_large & needed, TOO_LARGE))

    def get(self, blob: str | None, path: str) -> Version:
        if blob is None:
            return None
        if blob in self.clean_heads:
            return self.clean_heads[blob]
        if blob not in self.parsed:
            raw = self.blobs.get(blob)
            journey = journey_version(raw, self.display(path), self.custom_fields) if raw is not None else None
            self.parsed[blob] = journey if journey is not None else UNREADABLE
        return self.parsed[blob]

    def display(self, path: str) -> str:
        """A path from git (relative to the work tree's top) made relative to the site's folder."""
        shown = path if self.top_rel in ("", ".") else os.path.relpath(path, self.top_rel).replace(os.sep, "/")
        return printable(shown)


def _journey_history(plan: _Plan, versions: _Versions, repo: Repository, audience: _Audience) -> JourneyHistory | None:
    """The entries of one journey, newest first; None when it has none to show."""
    entries = []
    if plan.dirty:
        last = versions.get(plan.shown[0].new_blob, plan.shown[0].path) if plan.shown else None
        changes = _changes(last, plan.journey, audience)
        if changes is not None:
            renamed = versions.display(plan.tracked) if plan.tracked != plan.path else None
            entries.append(Entry(None, changes, renamed))
    truncated = False
    older_shown = True  # whether this build may say that older commits exist
    for change in plan.shown:
        # A file's log entries always have their commit; only a diff with the work tree has none.
        assert change.commit is not None
        new = versions.get(change.new_blob, change.path)
        if repo.shallow and change.status == "A" and change.commit.hash in repo.shallow_commits:
            # Git shows the oldest commit of a shallow clone as adding every file.
            truncated = True
            if audience.shown(new) is not None:
                entries.append(Entry(change.commit, (), shallow_start=True))
            continue
        old = versions.get(change.old_blob, change.old_path or change.path)
        changes = _changes(old, new, audience)
        older_shown = not audience.public or audience.shown(old) is not None
        if changes is None:
            continue
        renamed = versions.display(change.old_path) if change.status == "R" and change.old_path else None
        entries.append(Entry(change.commit, changes, renamed))
    if not entries:
        return None
    return JourneyHistory(tuple(entries), truncated, len(plan.changes) > len(plan.shown) and older_shown)


def _changes(old: Version, new: Version, audience: _Audience) -> tuple[Change, ...] | None:
    """What changed from `old` to `new` as the build may show it; None when it may show
    nothing of `new`. A version that was not read would otherwise make the map look added or
    removed. A version a public build may not show is never compared: the entry of the commit
    that made the map public says only that."""
    if isinstance(new, Unread):  # a public build cannot know whether that version was public
        return None if audience.public else (Change(new.kind),)
    shown_new = audience.shown(new)
    if shown_new is None:
        return None
    if isinstance(old, Unread):
        return (Change(old.kind + "_before"),)
    shown_old = audience.shown(old)
    if old is not None and shown_old is None:
        return (Change("made_public"),)
    return journey_changes(shown_old, shown_new)


# Changes that tell an internal-facing field (core/changes.py), by the field.
_INTERNAL_CHANGES = {"owner": "owner", "kpi": "kpis", "kpi_target": "kpis", "kpi_added": "kpis", "kpi_removed": "kpis"}


def public_history(journeys: dict[str, JourneyHistory], public_fields: Iterable[str] = ()) -> dict[str, JourneyHistory]:
    """The History sections of a public build, whose entries compare public versions only.
    Commit subjects and former file names are written for the team, not for the public, and may
    name anything in the repository, so they are left out (date and hash stay); an owner or KPI
    change shows only when that field does."""
    shown = frozenset(public_fields)

    def entry(e: Entry) -> Entry:
        commit = dataclasses.replace(e.commit, subject="") if e.commit else None
        changes = tuple(c for c in e.changes if _INTERNAL_CHANGES.get(c.kind, "") in ("", *shown))
        return dataclasses.replace(e, commit=commit, changes=changes, renamed_from=None)

    return {id_: dataclasses.replace(h, entries=tuple(entry(e) for e in h.entries)) for id_, h in journeys.items()}


def try_history(
    handbook: Handbook,
    maps_dir: str,
    root: str,
    depth: int,
    cache: VersionCache | None = None,
    public_fields: Iterable[str] = (),
) -> tuple[History | None, str | None]:
    """(history, None), or (None, why there is none) for the build's info line."""
    if depth <= 0:
        return None, None
    try:
        return read_history(handbook, maps_dir, root, depth, cache, public_fields), None
    except GitUnavailable as exc:
        return None, str(exc)
