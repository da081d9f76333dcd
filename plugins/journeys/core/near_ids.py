"""Pain-point ids one slip of the keyboard apart. Maps share a pain point by giving it the same
id; a misspelt one (`no-single-contacts` beside `no-single-contact`) silently splits one
problem in two, each with half its reach. Such pairs are warned about, not refused: `--strict`
fails on them, and two ids that are meant to differ can be told apart more.

A slip is one character more or less (a plural `s`, a doubled or missing letter or hyphen), two
neighbouring characters swapped, or a word's plural in -es or -ies (`mismatches`, `deliveries`). A different letter in the same place is not one: ids such
as `lost-card` and `lost-cars` name different things as often as not. Digits never make a
slip, as numbered ids (`delay-1`, `delay-2`) are meant to differ, and ids shorter than four
characters are left alone. Finding the pairs is linear in the number of ids: each id is
compared with its variants one slip away, looked up in a set, never with every other id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from journeys.core.problems import Problem, quoted

MIN_LENGTH = 4
Use = tuple[str, "int | None", "int | None", str]  # where a map gives an id: path, line, column, key


def _variants(id_: str) -> Iterable[str]:
    """Every id one deletion or one swap of neighbours away from `id_`, digits left alone, and
    its words' plurals in -es and -ies made singular."""
    for n, char in enumerate(id_):
        if not char.isdigit():
            yield id_[:n] + id_[n + 1 :]
        if n + 1 < len(id_) and char != id_[n + 1] and not (char.isdigit() or id_[n + 1].isdigit()):
            yield id_[:n] + id_[n + 1] + char + id_[n + 2 :]
    words = id_.split("-")
    for n, word in enumerate(words):
        for plural, singular in (("ies", "y"), ("es", "")):
            if word.endswith(plural) and len(word) > len(plural) + 1:
                yield "-".join([*words[:n], word[: -len(plural)] + singular, *words[n + 1 :]])


def near_pairs(ids: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs of distinct ids one slip apart, each pair once, sorted."""
    known = {i for i in ids if len(i) >= MIN_LENGTH}
    found: set[tuple[str, str]] = set()
    for id_ in known:
        for other in _variants(id_):
            if other != id_ and other in known:
                found.add((min(id_, other), max(id_, other)))
    return sorted(found)


def near_id_warnings(uses: Mapping[str, Sequence[Use]]) -> list[Problem]:
    """A warning at each use of the rarer id of every near pair. `uses`: each explicit
    pain-point id with every place a map gives it, in file order."""
    warnings = []
    for a, b in near_pairs(uses):
        # The rarer is the likely slip; between two as common, the one later in sort order.
        rare, common = (a, b) if len(uses[a]) < len(uses[b]) else (b, a)
        path, line, _, _ = uses[common][0]
        where = f"{path}:{line}" if line is not None else path
        more = len(uses[common]) - 1
        elsewhere = f" (and {more} more place{'s' if more != 1 else ''})" if more else ""
        message = (
            f"pain point id {quoted(rare)} is one slip away from {quoted(common)}, used at {where}{elsewhere}: "
            "give the same id to one pain point seen in several places; if they are two, tell the ids apart more"
        )
        for path, line, col, key in uses[rare]:
            warnings.append(Problem(path, line, col, key, message, level="warning"))
    return warnings
