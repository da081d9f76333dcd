"""Reading one map file: bytes to text, text to front matter and body, with every failure
turned into a located Problem instead of an exception."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass

from journeys.core.problems import Problem, quoted
from journeys.core.schema import Report, format_path
from journeys.core.yaml_source import REJECTED, Located, Path, YamlProblem, parse_yaml

MAX_FILE_BYTES = 1024 * 1024  # a map past 1 MiB is a mistake (a pasted export, a binary)
_FENCE = "---"


@dataclass
class Document:
    """A parsed file: `located` is None when the front matter could not be read."""

    display: str
    located: Located | None
    body: str
    problems: list[Problem]
    body_line: int = 1  # the line of the file the body starts at


@dataclass(frozen=True)
class NotRead:
    """Why a file was not read: `kind` is "link_outside", "not_a_file", "too_large" or
    "cannot_read"; `message` says it in a Problem's words."""

    kind: str
    message: str


def leads_out(path: str, folder: str) -> bool:
    """Whether `path` is a link that leads out of `folder`. Such a file would be published
    (or quoted in an error or a pull-request comment) without any review of the maps covering
    it: a pull request could link a secret on the build machine into the handbook."""
    if not os.path.lexists(path):
        return False
    top = os.path.realpath(folder)
    return os.path.commonpath([os.path.realpath(path), top]) != top


def read_bytes(
    abs_path: str, *, within: str | None = None, kind: str = "a map", limit: int = MAX_FILE_BYTES
) -> bytes | NotRead:
    """A file's bytes, if it is a regular file of at most `limit` bytes (and, given `within`,
    not a link that leads out of that folder); else why not, where `kind` names what the file
    is. Never reads more than the cap: every file the tools read has it."""
    if within is not None and leads_out(abs_path, within):
        return NotRead("link_outside", "is a link to a file outside the maps folder: a map must be a file inside it")
    try:
        info = os.stat(abs_path)
        if not stat.S_ISREG(info.st_mode):  # a pipe or device would block or never end
            return NotRead("not_a_file", "is not a regular file")
        size = info.st_size
        if size > limit:
            return NotRead(
                "too_large", f"file is {size:,} bytes; {kind} may be at most {limit:,} bytes ({_size(limit)}): split it"
            )
        with open(abs_path, "rb") as handle:
            raw = handle.read(limit + 1)  # the size on disk can change or be wrong
    except OSError as exc:
        return NotRead("cannot_read", f"cannot be read: {exc.strerror}")
    if len(raw) > limit:
        return NotRead("too_large", f"file is over {limit:,} bytes; {kind} may be at most {_size(limit)}: split it")
    return raw


def read_text(
    abs_path: str,
    display: str,
    kind: str = "a map",
    *,
    limit: int = MAX_FILE_BYTES,
    text: str = "Markdown or YAML",
    keep_bom: bool = False,
) -> tuple[str | None, list[Problem]]:
    """The file's text, with Windows and old Mac line ends made "\n" and a byte-order mark
    dropped unless `keep_bom`; or None and why not. `limit` is the most bytes `kind` (a map)
    may have; `text` says what kind of text it is."""
    raw = read_bytes(abs_path, kind=kind, limit=limit)
    if isinstance(raw, NotRead):
        return None, [Problem(display, None, None, "", raw.message)]
    if b"\0" in raw:
        return None, [Problem(display, None, None, "", f"is a binary file, not {text} text")]
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw[:line_start].count(b"\n") + 1
        col = len(raw[line_start : exc.start].decode("utf-8", "replace")) + 1
        return None, [
            Problem(display, line, col, "", f"is not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")
        ]
    decoded = decoded if keep_bom else decoded.removeprefix("\ufeff")
    return decoded.replace("\r\n", "\n").replace("\r", "\n"), []


def _size(limit: int) -> str:
    """1 MiB, 16 MiB: a limit as people say it."""
    return f"{limit // (1024 * 1024)} MiB" if limit % (1024 * 1024) == 0 else f"{limit:,} bytes"


def parse_yaml_file(abs_path: str, display: str) -> Document:
    """A whole-file YAML document such as stages.yml."""
    text, problems = read_text(abs_path, display)
    if text is None:
        return Document(display, None, "", problems)
    return _parse(text, 1, display, "")


def parse_markdown_file(abs_path: str, display: str) -> Document:
    """A Markdown file with YAML front matter between two '---' lines."""
    text, problems = read_text(abs_path, display)
    if text is None:
        return Document(display, None, "", problems)
    return parse_markdown_text(text, display)


def parse_markdown_text(text: str, display: str) -> Document:
    """The same, for text already read (an old version of a map, from git)."""
    if not text.strip():
        return Document(
            display,
            None,
            "",
            [Problem(display, 1, None, "", "file is empty: a map starts with front matter between two '---' lines")],
        )
    lines = text.split("\n")
    if lines[0].rstrip() != _FENCE:
        return Document(
            display,
            None,
            "",
            [
                Problem(
                    display, 1, 1, "", "no front matter: the first line must be '---', then the map's keys, then '---'"
                )
            ],
        )
    for end in range(1, len(lines)):
        if lines[end].rstrip() in (_FENCE, "..."):
            break
    else:
        return Document(
            display,
            None,
            "",
            [Problem(display, 1, 1, "", "front matter is not closed: add a line '---' after the map's keys")],
        )
    rest = "\n".join(lines[end + 1 :])
    body = rest.strip("\n")
    doc = _parse("\n".join(lines[1:end]), 2, display, body + "\n" if body else "")
    doc.body_line = end + 2 + len(rest) - len(rest.lstrip("\n"))
    return doc


def _parse(text: str, first_line: int, display: str, body: str) -> Document:
    try:
        located = parse_yaml(text, first_line)
    except YamlProblem as exc:
        return Document(display, None, body, [Problem(display, exc.line, exc.col, "", exc.message)])
    problems = [Problem(display, p.line, p.col, format_path(p.path), p.message) for p in located.problems]
    if located.data is REJECTED:
        return Document(display, None, body, problems)
    if located.data is None:
        return Document(display, None, body, [Problem(display, first_line, None, "", "front matter is empty")])
    return Document(display, located, body, problems)


def checker_for(doc: Document) -> Report:
    """A report function that turns key paths into located Problems on `doc`."""

    def report(path: Path, message: str, key: bool = False) -> None:
        line, col = doc.located.where(path, key=key) if doc.located else (None, None)
        doc.problems.append(Problem(doc.display, line, col, format_path(path), message))

    return report


def split_list_warnings(doc: Document) -> list[Problem]:
    """A warning for each item of a one-line [list] that most likely continues the sentence of
    the item before it (see yaml_source._sentence_splits)."""
    if doc.located is None:
        return []
    return [
        Problem(
            doc.display,
            line,
            col,
            format_path(path),
            f"the brackets make {quoted(before)} and {quoted(item)} two items, split at the comma; if it is one "
            f"sentence, put it in double quotes: {_quoted_sentence(before, item)}",
            level="warning",
        )
        for path, line, col, before, item in doc.located.splits
    ]


def _quoted_sentence(before: str, item: str) -> str:
    sentence = f"{before}, {item}"
    return f'["{sentence}"]' if len(sentence) <= 80 and '"' not in sentence else '["..., ..."]'
