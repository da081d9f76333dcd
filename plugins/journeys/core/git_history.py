"""Reading the maps folder's history from git, in a fixed handful of processes per build.

A handbook of a thousand maps must not start a thousand processes, so the whole folder is read
at once: one `git rev-parse` (where the work tree is, whether the clone is shallow), one
`git log --raw` over the maps folder (every commit that touched a map, with the blob ids of
each file before and after, renames found), one `git status` (what is not committed yet), and
for the old versions the history needs one `git cat-file --batch-check` (their sizes: a version
over the 1 MiB a map may be is never read) and one `git cat-file --batch`.

Git only ever reads here: no shell, argument lists only, optional locks off (so `status` never
rewrites the index), no lazy fetch of missing objects from a partial clone's remote, and the
caller's `GIT_*` variables dropped so a hook's or CI runner's environment cannot point git at
another repository. File names and commit subjects are data: they are parsed from NUL-separated
output and never reach a command line or a page unescaped.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from journeys.core.documents import MAX_FILE_BYTES

_HASH = re.compile(r"[0-9a-f]{40}([0-9a-f]{24})?\Z")  # SHA-1 or SHA-256 object names
_NULL = re.compile(r"0+\Z")
# Settings of the user's or system config that would change the output parsed here, or run a
# program (fsmonitor) on a read.
_CONFIG = (
    "core.quotepath=off",
    "log.showSignature=false",
    "color.ui=never",
    "core.fsmonitor=false",
    "diff.renames=true",
    "log.follow=false",
    "i18n.logOutputEncoding=UTF-8",
)


# How `git log` and `git diff` list changed files: NUL-separated raw records with full blob ids,
# renames followed, no colour or external tools. One list, as one parser reads both.
RAW_CHANGES = ("-z", "--raw", "--no-abbrev", "-M", "--no-color", "--no-ext-diff", "--no-textconv")


class GitUnavailable(Exception):
    """Why there is no history: no git, not a work tree, or git failed. One line."""


@dataclass(frozen=True)
class Commit:
    hash: str
    date: str  # YYYY-MM-DD, the committer's date as recorded (no clock, no time zone math)
    subject: str

    @property
    def short(self) -> str:
        # A fixed length, not git's %h: %h grows with the number of objects, so a full clone
        # and a shallow one of the same commit would print different pages.
        return self.hash[:7]


@dataclass(frozen=True)
class FileChange:
    """One commit's change to one file: status A (added), M, R (renamed) or D."""

    commit: Commit | None  # None in a diff against the work tree
    status: str
    path: str  # relative to the work tree's top, "/"-separated
    old_path: str | None  # the name before a rename
    old_blob: str | None  # None when the file did not exist before
    new_blob: str | None  # None when the commit deleted the file


@dataclass
class Repository:
    top: str  # the work tree's top folder
    shallow: bool
    shallow_commits: frozenset[str] = frozenset()
    git_dir: str = ""
    common_dir: str = ""
    _blobs: dict[str, bytes] = field(default_factory=dict)
    too_large: set[str] = field(default_factory=set)  # blobs over MAX_FILE_BYTES, never read

    def run(self, args: list[str], stdin: bytes | None = None) -> bytes:
        return _git(args, self.top, stdin)

    def rel(self, path: str) -> str:
        """`path` relative to the work tree's top, as git prints paths."""
        return os.path.relpath(os.path.realpath(path), os.path.realpath(self.top)).replace(os.sep, "/")

    def log(self, folder: str) -> list[tuple[Commit, list[FileChange]]]:
        """Every commit that changed a file under `folder`, newest first, with its changes."""
        out = self.run(
            [
                "log",
                *RAW_CHANGES,
                "--encoding=UTF-8",
                "--format=%x00%H%x00%cI%x00%s",
                "--",
                self.rel(folder),
            ]
        )
        return parse_log(out)

    def status(self, folder: str) -> dict[str, tuple[str, str | None]]:
        """Files under `folder` that differ from HEAD (staged or not, or untracked):
        path -> (two-letter status, the path before a staged rename)."""
        out = self.run(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", self.rel(folder)])
        tokens = out.decode("utf-8", "surrogateescape").split("\0")
        found = {}
        i = 0
        while i < len(tokens):
            token = tokens[i]
            i += 1
            if len(token) > 3:
                # A staged rename is followed by the name it had: `R  new\0old\0`.
                orig = tokens[i] if token[0] in "RC" and i < len(tokens) else None
                i += orig is not None
                found[token[3:]] = (token[:2], orig if token[0] == "R" else None)
        return found

    def blobs(self, hashes: Sequence[str]) -> dict[str, bytes]:
        """The contents of the given blobs, read in one `cat-file --batch`; missing ones (a
        partial clone) are left out, and so are those over MAX_FILE_BYTES, which a map may not
        be: their sizes come first from `cat-file --batch-check`, and they join `too_large`."""
        wanted = sorted({h for h in hashes if h and h not in self._blobs and h not in self.too_large})
        if wanted:
            sizes = parse_batch_check(self.run(["cat-file", "--batch-check"], _lines(wanted)))
            self.too_large.update(h for h in wanted if sizes.get(h, 0) > MAX_FILE_BYTES)
            small = [h for h in wanted if h in sizes and h not in self.too_large]
            if small:
                self._blobs.update(parse_batch(self.run(["cat-file", "--batch"], _lines(small))))
        return {h: self._blobs[h] for h in hashes if h in self._blobs}

    def resolve(self, ref: str) -> str:
        """The commit a ref names; `GitUnavailable` when it names none. `--end-of-options`
        (git 2.24+) keeps a ref such as `--output=x` from being read as an option. `REF...`
        names where the work tree's branch left REF (their merge base), as a pull request's
        diff does."""
        if ref.endswith("...") and len(ref) > 3:
            theirs = self.resolve(ref[:-3])
            try:
                base = self.run(["merge-base", theirs, "HEAD"]).decode("ascii", "replace").strip()
            except GitUnavailable:
                base = ""
            if not _HASH.match(base):
                raise GitUnavailable(f"'{ref[:-3]}' and HEAD have no commit in common")
            return base
        try:
            out = self.run(["rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"])
        except GitUnavailable:
            out = b""
        name = out.decode("ascii", "replace").strip()
        if not _HASH.match(name):
            raise GitUnavailable(f"'{ref}' names no commit here")
        return name

    def changes_since(self, commit: str, folder: str) -> list[tuple[str, str, str | None, str | None]]:
        """Files under `folder` that differ between `commit` and the work tree:
        (status, path, old path, old blob); untracked files included as added."""
        out = self.run(
            [
                "diff",
                *RAW_CHANGES,
                commit,
                "--",
                self.rel(folder),
            ]
        )
        found = [
            (c.status, c.path, c.old_path, c.old_blob)
            for c in _raw_changes(out.decode("utf-8", "surrogateescape").split("\0"), 0, None)[0]
        ]
        for path, (code, _) in sorted(self.status(folder).items()):
            if code == "??":
                found.append(("A", path, None, None))
        return sorted(found, key=lambda change: change[1])


def _env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    # GIT_NO_LAZY_FETCH (git 2.44+): a blobless clone would otherwise download missing blobs
    # from its remote during a build; older git ignores it.
    env.update(GIT_OPTIONAL_LOCKS="0", GIT_TERMINAL_PROMPT="0", GIT_NO_LAZY_FETCH="1", GIT_PAGER="cat")
    return env


def _git(args: list[str], cwd: str, stdin: bytes | None = None) -> bytes:
    command = ["git", "--no-pager", "--no-optional-locks"]
    for setting in _CONFIG:
        command += ["-c", setting]
    try:
        done = subprocess.run(command + args, cwd=cwd, input=stdin, capture_output=True, env=_env(), check=False)
    except FileNotFoundError:
        raise GitUnavailable("git is not on the PATH") from None
    except OSError as exc:
        raise GitUnavailable(f"git cannot run: {exc.strerror}") from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitUnavailable(reason[0].removeprefix("fatal: ") if reason else f"git {args[0]} failed")
    return done.stdout


def open_repository(folder: str) -> Repository:
    """The git work tree `folder` is in; `GitUnavailable` says why there is none."""
    if not os.path.isdir(folder):
        raise GitUnavailable(f"{folder} is not a folder")
    out = _git(
        [
            "rev-parse",
            "--is-inside-work-tree",
            "--is-shallow-repository",
            "--path-format=absolute",
            "--show-toplevel",
            "--git-dir",
            "--git-common-dir",
            "--git-path",
            "shallow",
        ],
        folder,
    )
    lines = out.decode("utf-8", "surrogateescape").splitlines()
    if len(lines) < 6 or lines[0] != "true":
        raise GitUnavailable(f"{folder} is not inside a git work tree")
    shallow = lines[1] == "true"
    commits: frozenset[str] = frozenset()
    if shallow:
        try:
            with open(lines[5], encoding="ascii") as handle:
                commits = frozenset(line.strip() for line in handle if _HASH.match(line.strip()))
        except (OSError, UnicodeDecodeError):
            pass
    return Repository(lines[2], shallow, commits, lines[3], lines[4])


def watched_paths(repo: Repository) -> list[str]:
    """What changes when a commit is made or checked out: HEAD and the branch refs. Watched by
    `mkdocs serve` so the History section follows a commit without an edit of a map."""
    candidates = [
        os.path.join(repo.git_dir, "HEAD"),
        os.path.join(repo.common_dir, "refs", "heads"),
        os.path.join(repo.common_dir, "packed-refs"),
    ]
    return [path for path in candidates if os.path.exists(path)]


def parse_log(out: bytes) -> list[tuple[Commit, list[FileChange]]]:
    """Parse `git log -z --raw --format=%x00%H%x00%cI%x00%s`. Every field is consumed by
    position, so no file name or subject can pass for a commit header or a change line."""
    tokens = out.decode("utf-8", "surrogateescape").split("\0")
    commits = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not token.strip():
            i += 1
            continue
        if not _HASH.match(token) or i + 2 >= len(tokens):
            raise GitUnavailable("git log printed something this version of the plugin cannot read")
        commit = Commit(token, tokens[i + 1][:10], printable(tokens[i + 2]))
        changes, i = _raw_changes(tokens, i + 3, commit)
        commits.append((commit, changes))
    return commits


def _raw_changes(tokens: list[str], i: int, commit: Commit | None) -> tuple[list[FileChange], int]:
    """The `:old-mode new-mode old-blob new-blob status` lines from position `i` on, each
    followed by one path (two for a rename or copy)."""
    changes = []
    while i < len(tokens):
        meta = tokens[i].lstrip("\n")
        if not meta.startswith(":"):
            if meta:
                break
            i += 1
            continue
        fields = meta[1:].split()
        if len(fields) < 5:
            break
        old_blob, new_blob, status = fields[2], fields[3], fields[4][:1]
        if status in "RC":
            old_path, path, i = tokens[i + 1], tokens[i + 2], i + 3
        else:
            old_path, path, i = None, tokens[i + 1], i + 2
        changes.append(
            FileChange(
                commit,
                status,
                path,
                old_path if status == "R" else None,
                None if _NULL.match(old_blob) or status in "AC" else old_blob,
                None if _NULL.match(new_blob) or status == "D" else new_blob,
            )
        )
        if status == "C":  # only with -C; a copy is an added file
            changes[-1] = FileChange(commit, "A", path, None, None, changes[-1].new_blob)
    return changes, i


def _lines(hashes: list[str]) -> bytes:
    return ("\n".join(hashes) + "\n").encode()


def parse_batch_check(out: bytes) -> dict[str, int]:
    """Parse `git cat-file --batch-check` output: `<hash> <type> <size>` per object (blobs
    only), `<name> missing` for one that is not there."""
    found = {}
    for line in out.decode("ascii", "replace").splitlines():
        fields = line.split()
        if len(fields) == 3 and fields[1] == "blob" and fields[2].isdigit():
            found[fields[0]] = int(fields[2])
    return found


def parse_batch(out: bytes) -> dict[str, bytes]:
    """Parse `git cat-file --batch` output: `<hash> <type> <size>\\n<content>\\n` per object,
    `<name> missing\\n` for one that is not there."""
    found = {}
    pos = 0
    while pos < len(out):
        end = out.index(b"\n", pos)
        header = out[pos:end].decode("ascii", "replace").split()
        pos = end + 1
        if len(header) != 3:
            continue
        size = int(header[2])
        if header[1] == "blob":
            found[header[0]] = out[pos : pos + size]
        pos += size + 1
    return found


def printable(value: str) -> str:
    """Bytes that are not UTF-8 (an old commit in another encoding, a file name) shown as
    escapes, so a page or a terminal can print them."""
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def file_histories(log: list[tuple[Commit, list[FileChange]]], paths: Iterable[str]) -> dict[str, list[FileChange]]:
    """For each path of a file in the work tree, the commits that changed it, newest first,
    following renames back to where the file was added."""
    wanted = {p: p for p in paths}  # the name at this point in history -> the name today
    found: dict[str, list[FileChange]] = {p: [] for p in paths}
    for _commit, changes in log:
        renames = {}
        for change in changes:
            today = wanted.get(change.path)
            if today is None or change.status == "D":
                continue
            found[today].append(change)
            if change.status == "R":
                renames[change.path] = (change.old_path, today)
            elif change.status == "A":
                renames[change.path] = (None, today)
        for path, (old_path, today) in renames.items():
            del wanted[path]
            if old_path is not None:
                wanted[old_path] = today
    return found
