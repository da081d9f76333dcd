"""Safe YAML that remembers where every value came from.

PyYAML's composer gives nodes with marks; we build plain Python values from them ourselves so
that every key path keeps its line and column, and so that nothing but plain data (text,
numbers, booleans, dates, lists, mappings) can come out of an editor's file.
"""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final, Literal, Protocol

import yaml
from yaml.constructor import SafeConstructor

MAX_DEPTH = 40
_TOO_DEEP = f"nested too deeply (more than {MAX_DEPTH} levels)"
_NO_ALIASES = "anchors and aliases (*name) are not supported; repeat the value"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_STR_TAG = "tag:yaml.org,2002:str"
_HINTS = {
    "mapping values are not allowed here": "text that contains ': ' must be put in quotes",
    "mapping values are not allowed in this context": "text that contains ': ' must be put in quotes",  # libyaml
    "found character '\\t' that cannot start any token": "indent with spaces, not tabs",
    "found undefined alias": "anchors and aliases are not supported; repeat the value",
    "expected <block end>, but found": "check the indentation of this line against the one above",
    "did not find expected key": "check the indentation of this line against the one above",  # libyaml
    "could not find expected ':'": "a key needs ': ' after it, or the line above needs quotes",
}

_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
Path = tuple[str | int, ...]  # ("stages", 0, "steps", 1, "emotion")


class YamlProblem(Exception):
    """A YAML document that cannot be read, with a 1-based position."""

    def __init__(self, message: str, line: int | None, col: int | None, path: Path = ()) -> None:
        super().__init__(message)
        self.message, self.line, self.col, self.path = message, line, col, path


class _Rejected:
    """Stands for a value YAML read but a map cannot hold (`.nan`, a tag, a date that is no
    date): its problem is reported once, and checking goes on around it."""

    def __repr__(self) -> str:
        return "REJECTED"


REJECTED = _Rejected()


@dataclass
class Located:
    """Plain data plus the position of every value and every mapping key, by key path.
    `problems` are the values that were rejected (each now REJECTED in `data`), in order."""

    data: object
    # Each position packed in one int (`_packed`), the key path shared by a key and its value:
    # every map is held until the cross-map checks end, and the positions were most of it.
    values: dict[Path, int] = field(default_factory=dict)
    keys: dict[Path, int] = field(default_factory=dict)
    problems: list[YamlProblem] = field(default_factory=list)
    # Items of a [flow, list] on one line that likely were one sentence, cut at its comma:
    # (path of the item, line, column, the item before it, the item) for each.
    splits: list[tuple[Path, int, int, str, str]] = field(default_factory=list)

    def where(self, path: Path, *, key: bool = False) -> tuple[int | None, int | None]:
        """Line and column of `path`, or of its nearest ancestor that has one."""
        table = self.keys if key and path in self.keys else self.values
        while path not in table and path:
            path = path[:-1]
            table = self.values
        packed = table.get(path)
        return (None, None) if packed is None else (packed >> _COLUMN_BITS, packed & _COLUMN_MASK)


class Bounded:
    """What a PyYAML loader of author text adds (before yaml.SafeLoader in the bases): no
    aliases, and flow collections (`[`, `{`) at most MAX_DEPTH deep. PyYAML's scanner checks
    every open collection at every token, so `[[[[…` takes time growing with the square of
    its depth (16 s for 5,000); libyaml stops at its own limit, but this parser reads every
    document libyaml rejects, to word the error."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        # An alias shares one node between two places, so positions and sizes would lie
        # (and "billion laughs" documents explode); maps never need them.
        if self.check_event(yaml.AliasEvent):  # type: ignore[attr-defined]
            mark = self.peek_event().start_mark  # type: ignore[attr-defined]
            raise yaml.composer.ComposerError(None, None, _NO_ALIASES, mark)
        node: yaml.Node | None = super().compose_node(parent, index)  # type: ignore[misc]
        return node

    def fetch_flow_collection_start(self, token_class: type[yaml.Token]) -> None:
        if self.flow_level >= MAX_DEPTH:  # type: ignore[attr-defined]
            raise yaml.scanner.ScannerError(
                None,
                None,
                f"nested too deeply (more than {MAX_DEPTH} levels)",
                self.get_mark(),  # type: ignore[attr-defined]
            )
        super().fetch_flow_collection_start(token_class)  # type: ignore[misc]


class _Loader(Bounded, yaml.SafeLoader):
    pass


# libyaml composes nodes about ten times faster than PyYAML's Python parser, which dominates
# loading a large handbook. It is used only where it cannot change the outcome: for documents
# without '*' (so without aliases, which only _Loader rejects) that it reads without error.
# PyYAML's parser reads a document only to word its error: 5 s for 1 MiB, so a document larger
# than this is worded by libyaml (the same positions, a few messages worded apart), and its
# aliases are found in libyaml's nodes.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


class _Composer(Protocol):
    """What `_compose` needs of a loader: PyYAML's (_Loader) or libyaml's (CSafeLoader)."""

    def get_single_node(self) -> yaml.Node | None: ...

    def dispose(self) -> None: ...


class _Slow(enum.Enum):
    """What `_compose_fast` gives when PyYAML's own parser must read (and word the error of) a document."""

    SLOW = enum.auto()


SLOW_PATH_LIMIT = 64 * 1024


def _compose(loader_class: Callable[[str], _Composer], text: str) -> yaml.Node | None:
    loader = loader_class(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _compose_fast(text: str) -> yaml.Node | Literal[_Slow.SLOW] | None:
    """The node tree from libyaml, or _SLOW when PyYAML's own parser must read (and word the
    error of) this document."""
    small = len(text) <= SLOW_PATH_LIMIT
    if _FAST_LOADER is None or ("*" in text and small):
        return _SLOW
    try:
        node = _compose(_FAST_LOADER, text)
    except yaml.YAMLError:
        if small:
            return _SLOW
        raise
    if "*" in text:
        _refuse_aliases(node)
    return node


def _refuse_aliases(node: yaml.Node | None) -> None:
    """libyaml gives an alias the node of its anchor: a node met twice is one."""
    seen: set[int] = set()
    stack = [node] if node is not None else []
    while stack:
        item = stack.pop()
        if id(item) in seen:
            raise yaml.composer.ComposerError(None, None, _NO_ALIASES, item.start_mark)
        seen.add(id(item))
        if isinstance(item, yaml.MappingNode):
            stack += [part for pair in reversed(item.value) for part in reversed(pair)]
        elif isinstance(item, yaml.SequenceNode):
            stack += reversed(item.value)


_SLOW: Final = _Slow.SLOW


def parse_yaml(text: str, first_line: int = 1) -> Located:
    """Parse one YAML document whose first line is line `first_line` of its file."""
    offset = first_line - 1
    try:
        node = _compose_fast(text)
        if node is _SLOW:
            node = _compose(_Loader, text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        problem = _TOO_DEEP if problem == "exceeded maximum nesting depth" else problem  # libyaml's words
        if mark is not None and (misplaced := _indentation(text, mark, problem, offset)):
            message, col = misplaced
            raise YamlProblem(f"YAML syntax error: {message}", mark.line + 1 + offset, col) from None
        hint = next((h for p, h in _HINTS.items() if problem.startswith(p)), "")
        context = exc.context_mark
        if not hint and exc.context and context is not None and mark is not None and context.line != mark.line:
            # The mistake is usually where the unclosed thing starts, not where YAML gave up.
            hint = f"{exc.context} that starts at line {context.line + 1 + offset}, column {context.column + 1}"
        message = f"YAML syntax error: {problem}" + (f" ({hint})" if hint else "")
        if mark is None:
            raise YamlProblem(message, None, None) from None
        raise YamlProblem(message, mark.line + 1 + offset, mark.column + 1) from None
    except yaml.reader.ReaderError as exc:
        line, col = _line_col(text, exc.position)
        raise YamlProblem(
            f"contains the control character U+{exc.character:04X}, which YAML does not allow; delete it",
            line + offset,
            col,
        ) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"YAML error: {exc}", first_line, None) from None
    except RecursionError:
        raise YamlProblem(_TOO_DEEP, first_line, None) from None
    located = Located(None)
    if node is not None:
        try:
            located.data = _build(node, (), located, yaml.constructor.SafeConstructor(), offset, 0, 0)
        except _TooDeep as deep:  # what Bounded says when PyYAML's parser reads the document
            line, col = _pos(deep.node, offset)
            raise YamlProblem(f"YAML syntax error: {_TOO_DEEP}", line, col) from None
    return located


# What YAML reads a line as: a list item (`- `, maybe with a key after it) or a key.
_ITEM = re.compile(r"-(?:[ \t]+|$)")
_KEY = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)")


@dataclass(frozen=True)
class _Column:
    """Where a line above starts something: a key, or the '-' of a list item."""

    col: int
    line: int  # index in the document
    key: str | None  # None: a list item's '-'

    def name(self) -> str:
        return f"'{self.key}'" if self.key else "the '-'"


def _starts(line: str, index: int) -> list[_Column]:
    """What a line starts, innermost first: `  - stage: buy` starts the key 'stage' at column
    4 and a list item at column 2."""
    indent = len(line) - len(line.lstrip(" "))
    rest, found = line[indent:], []
    item = _ITEM.match(rest)
    if item:
        found.append(_Column(indent, index, None))
        indent, rest = indent + item.end(), rest[item.end() :]
    key = _KEY.match(rest)
    if key:
        found.insert(0, _Column(indent, index, key.group(1)))
    return found


def _indentation(text: str, mark: yaml.Mark, problem: str, offset: int) -> tuple[str, int] | None:
    """For a line indented more or less than its neighbours, what PyYAML words as "mapping
    values are not allowed here" (the line reads as the text above going on) or "expected
    <block end>, but found '?'": the same problem in an editor's words, comparing the line with
    the nearest line above whose key (or list item, for an item) it should line up with; and
    the column the line's key or item starts at."""
    lines = text.split("\n")
    if not (problem.startswith("expected <block end>") or problem.startswith("mapping values are not allowed")):
        return None
    if mark.line >= len(lines) or lines[mark.line].startswith("\t"):
        return None
    here = _starts(lines[mark.line], mark.line)
    if not here:
        return None
    mine = here[-1]  # the line's own start: its '-', or its key
    if problem.startswith("mapping values") and (mine.key is None or mark.column != mine.col + len(mine.key)):
        return None  # a ': ' inside a value, on the line of its key: quoting is the fix
    # The columns still open above the line: each line up the document that starts left of
    # everything seen so far (its parents, and the siblings of those).
    open_columns: list[_Column] = []
    for index in range(mark.line - 1, -1, -1):
        stripped = lines[index].strip()
        if not stripped or stripped.startswith("#"):
            continue
        for column in _starts(lines[index], index):
            if not open_columns or column.col < open_columns[-1].col:
                open_columns.append(column)
        if open_columns and open_columns[-1].col == 0:
            break
    same_kind = [c for c in open_columns if (c.key is None) == (mine.key is None)] or open_columns
    if any(c.col == mine.col for c in same_kind):
        return None
    above = min((c for c in same_kind if c.col > mine.col), key=lambda c: c.col, default=None)
    below = max((c for c in same_kind if c.col < mine.col), key=lambda c: c.col, default=None)
    if above is None and below is None:
        return None
    if above is not None and (below is None or above.col - mine.col <= mine.col - below.col):
        other, distance, way = above, above.col - mine.col, "less"
    else:
        assert below is not None
        other, distance, way = below, mine.col - below.col, "more"
    subject = f"'{mine.key}'" if mine.key else "this list item"
    where = "on the line above" if other.line == mark.line - 1 else f"on line {other.line + 1 + offset}"
    spaces = "space" if distance == 1 else "spaces"
    return (
        f"{subject} is indented {distance} {spaces} {way} than {other.name()} {where}: line it up with it",
        mine.col + 1,
    )


class _TooDeep(Exception):
    """A flow collection (`[`, `{`) more than MAX_DEPTH deep in what libyaml read: the whole
    document is refused, as PyYAML's parser refuses it (Bounded), so both read it alike."""

    def __init__(self, node: yaml.Node) -> None:
        super().__init__()
        self.node = node


def _deep_flow(node: yaml.Node, flow: int) -> None:
    """Raise _TooDeep at the first flow collection (in the document's order) under `node`, keys
    included, deeper than MAX_DEPTH; `flow` counts the flow collections around `node`."""
    stack = [(node, flow)]
    while stack:
        item, around = stack.pop()
        if not isinstance(item, yaml.CollectionNode):
            continue
        around += bool(item.flow_style)
        if around > MAX_DEPTH:
            raise _TooDeep(item)
        children = [part for pair in item.value for part in pair] if isinstance(item, yaml.MappingNode) else item.value
        stack += [(child, around) for child in reversed(children)]


def _line_col(text: str, position: int) -> tuple[int, int]:
    before = text[:position]
    return before.count("\n") + 1, position - before.rfind("\n")


def _pos(node: yaml.Node, offset: int) -> tuple[int, int]:
    return node.start_mark.line + 1 + offset, node.start_mark.column + 1


_COLUMN_BITS = 32  # a line of a capped file is far shorter than 2**32 characters
_COLUMN_MASK = (1 << _COLUMN_BITS) - 1


def _packed(node: yaml.Node, offset: int) -> int:
    """`_pos` as one int, a third of the memory of the pair (Located.where unpacks it)."""
    return (node.start_mark.line + 1 + offset) << _COLUMN_BITS | (node.start_mark.column + 1)


def _build(
    node: yaml.Node, path: Path, out: Located, constructor: SafeConstructor, offset: int, depth: int, flow: int
) -> object:
    """The plain value of `node`. A part that cannot be one is REJECTED and its problem kept,
    so the rest of the document is still read and checked. `flow` counts the flow collections
    around `node`."""
    try:
        out.values[path] = _packed(node, offset)
        if depth > MAX_DEPTH:
            _deep_flow(node, flow)
            raise YamlProblem(_TOO_DEEP, *_pos(node, offset))
        if isinstance(node, yaml.CollectionNode) and node.flow_style and flow >= MAX_DEPTH:
            raise _TooDeep(node)
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP_TAG:
                raise YamlProblem(f"YAML tags such as '{node.tag}' are not allowed", *_pos(node, offset))
            return _mapping(node, path, out, constructor, offset, depth, flow + bool(node.flow_style))
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ_TAG:
                raise YamlProblem(f"YAML tags such as '{node.tag}' are not allowed", *_pos(node, offset))
            if node.flow_style:
                _sentence_splits(node, path, out, offset)
            inside = flow + bool(node.flow_style)
            return [
                _build(item, path + (i,), out, constructor, offset, depth + 1, inside)
                for i, item in enumerate(node.value)
            ]
        return _scalar(node, constructor, offset)
    except YamlProblem as problem:
        out.problems.append(YamlProblem(problem.message, problem.line, problem.col, path))
        return REJECTED


def _sentence_splits(node: yaml.SequenceNode, path: Path, out: Located, offset: int) -> None:
    """`[Real prices, not teaser prices]` is two items to YAML; an editor most likely meant one
    sentence. An unquoted item on the line of the one before it, starting with a lower-case
    word and holding more than one word, after an item that starts with a capital, reads as
    the rest of that sentence. Ids and tags (one lower-case word) never do."""
    items = node.value
    for i in range(1, len(items)):
        before, item = items[i - 1], items[i]
        if not (isinstance(before, yaml.ScalarNode) and isinstance(item, yaml.ScalarNode)) or item.style:
            continue
        if (
            item.start_mark.line == before.end_mark.line
            and before.value[:1].isupper()
            and item.value[:1].islower()
            and " " in item.value
        ):
            out.splits.append((path + (i,), *_pos(item, offset), before.value, item.value))


def _mapping(
    node: yaml.MappingNode, path: Path, out: Located, constructor: SafeConstructor, offset: int, depth: int, flow: int
) -> dict[str, object]:
    result: dict[str, object] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            _deep_flow(key_node, flow)  # a key that is a collection is refused below, unread
        try:
            key = _scalar(key_node, constructor, offset) if isinstance(key_node, yaml.ScalarNode) else None
        except YamlProblem as problem:
            out.problems.append(YamlProblem(problem.message, problem.line, problem.col, path))
            continue
        if not isinstance(key, str):
            out.problems.append(YamlProblem("keys must be plain text", *_pos(key_node, offset), path))
            continue
        if key in result:
            # The first value stays: that is the one an editor reading from the top sees.
            out.problems.append(YamlProblem(f"duplicate key '{key}'", *_pos(key_node, offset), path + (key,)))
            continue
        inside = path + (key,)
        out.keys[inside] = _packed(key_node, offset)
        result[key] = _build(value_node, inside, out, constructor, offset, depth + 1, flow)
    return result


def _scalar(node: yaml.Node, constructor: SafeConstructor, offset: int) -> object:
    # Most scalars are text, and text is the node's value as it stands: what the constructor
    # returns for it, without the bookkeeping it does for every node.
    value = node.value if node.tag == _STR_TAG else _construct(node, constructor, offset)
    if isinstance(value, str) and (bad := _UNPRINTABLE.search(value)):
        # Escapes in double quotes ("\\0", "\\ud800") reach what the reader lets through:
        # control characters have no place in text, and a lone surrogate cannot be written
        # out as UTF-8 at all.
        raise YamlProblem(
            f"contains the character U+{ord(bad.group()):04X}, which is not text; delete it", *_pos(node, offset)
        )
    return value


def _construct(node: yaml.Node, constructor: SafeConstructor, offset: int) -> object:
    try:
        value = constructor.construct_object(node)
    except yaml.constructor.ConstructorError:
        raise YamlProblem(f"YAML tags such as '{node.tag}' are not allowed", *_pos(node, offset)) from None
    except (ValueError, OverflowError):
        # A date-shaped value that is no date, such as 2026-02-30.
        raise YamlProblem(f"'{node.value}' is not a valid date (YYYY-MM-DD)", *_pos(node, offset)) from None
    if isinstance(value, (bytes, datetime.datetime)) or (isinstance(value, float) and value != value):
        # !!binary, timestamps with a time of day and .nan have no meaning in a map.
        raise YamlProblem(f"'{node.value}' is not a value a map can hold; put it in quotes", *_pos(node, offset))
    return value
