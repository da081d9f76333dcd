"""Names and ids that look the same to a reader but are different text: a team "Sales" beside
a team "Ѕales" with a Cyrillic Ѕ, or a name with an invisible direction override. Pages show
both as the same word, links lead to two different pages, and a reviewer cannot see why.

Two texts look alike when their skeletons are equal (after Unicode's UTS #39 idea): NFKC, then
invisible characters removed, then letters of other scripts drawn like Latin ones mapped to
those, then case folded. The table holds the look-alikes of a-z from Unicode's confusables.txt
that a handbook's names meet (Cyrillic, Greek, Roman numerals, digits), not the whole file,
which would be a dependency for the few scripts whose letters pass for Latin ones.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from journeys.core.problems import Problem, quoted

_LATIN = {
    "a": "аɑα",
    "b": "Ьᖯ",
    "c": "сϲⅽ",
    "d": "ԁⅾ",
    "e": "еҽ",
    "g": "ɡ",
    "h": "һ",
    "i": "іιⅰɩ",
    "j": "јϳ",
    "k": "κ",
    "l": "ӏⅼ1|",
    "m": "ⅿ",
    "n": "ո",
    "o": "оοσօ0",
    "p": "рρ",
    "q": "ԛ",
    "s": "ѕ",
    "u": "υս",
    "v": "νѵⅴ",
    "w": "ԝѡ",
    "x": "хχⅹ",
    "y": "уүγ",
    "A": "АΑ",
    "B": "ВΒ",
    "C": "СϹⅭ",
    "E": "ЕΕ",
    "H": "НΗ",
    "I": "ІΙⅠ",
    "J": "Ј",
    "K": "КΚ",
    "M": "МΜⅯ",
    "N": "Ν",
    "O": "ОΟ",
    "P": "РΡ",
    "S": "Ѕ",
    "T": "ТΤ",
    "X": "ХΧⅩ",
    "Y": "ҮΥ",
    "Z": "Ζ",
}
# Capital I is mapped to l, as confusables.txt does: "AI team" and "Al team" look the same.
_TABLE = str.maketrans({alike: latin.lower() for latin, alikes in _LATIN.items() for alike in alikes} | {"I": "l"})
_SPACES = re.compile(r"\s+")


def _invisible(char: str) -> bool:
    """Format characters (direction overrides, zero-width joiners, the byte-order mark) and
    the marks that draw nothing (the grapheme joiner, variation selectors)."""
    return unicodedata.category(char) == "Cf" or char == "\u034f" or "\ufe00" <= char <= "\ufe0f"


def skeleton(text: str) -> str:
    """What `text` looks like: texts with equal skeletons read the same on a page."""
    shown = "".join(c for c in unicodedata.normalize("NFKC", text) if not _invisible(c))
    return _SPACES.sub(" ", shown.translate(_TABLE).casefold().replace("rn", "m")).strip()


@dataclass(frozen=True)
class Named:
    """An item's id or name as readers see it, and where it is written."""

    kind: str  # persona, journey, stage, team
    id: str
    text: str
    what: str  # "name", "title" or "id"
    path: str
    line: int | None
    col: int | None
    key: str


def _character(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'an unnamed character')}"


def _difference(text: str, other: str) -> str:
    """Where `text` differs from `other`, which looks the same: an invisible character in
    either, or the first character that is another one drawn alike."""
    for holder, chars in (("it", text), ("the other", other)):
        hidden = next((c for c in chars if _invisible(c)), None)
        if hidden is not None:
            return f"{holder} holds the invisible {_character(hidden)}"
    for mine, theirs in zip(text, other):
        if mine != theirs:
            if unicodedata.normalize("NFKC", mine).casefold() == unicodedata.normalize("NFKC", theirs).casefold():
                return "they differ in case or form only"
            return f"it has {_character(mine)} where the other has {_character(theirs)}"
    return "they differ in spacing"


def look_alikes(named: Iterable[Named]) -> list[Problem]:
    """A warning for each id or name that looks like one of another item of its kind, at the
    later of the two; and for a name that holds an invisible character."""
    warnings = []
    first: dict[tuple[str, str, str], Named] = {}
    for item in sorted(named, key=lambda n: (n.path, n.line or 0, n.col or 0, n.key)):
        seen = first.setdefault((item.kind, item.what, skeleton(item.text)), item)
        hidden = next((c for c in item.text if _invisible(c)), None)
        if hidden is not None:
            message = (
                f"{item.what} {quoted(item.text)} holds the invisible {_character(hidden)}, which changes how it "
                "reads or displays: delete it"
            )
        elif seen.id != item.id and seen.text != item.text:
            where = f"{seen.path}:{seen.line}" if seen.line else seen.path
            message = (
                f"{item.what} {quoted(item.text)} looks the same as {quoted(seen.text)} of {item.kind} "
                f"{quoted(seen.id)} ({where}) but is other text ({_difference(item.text, seen.text)}): "
                f"readers cannot tell the two {item.kind}s apart; rename one"
            )
        else:
            continue
        warnings.append(Problem(item.path, item.line, item.col, item.key, message, level="warning"))
    return warnings
