"""The commented files `journeys new` writes: valid as written, so an editor starts from a
green check and changes one value at a time.

The front matter is written from the map format's declarations (core/schema.py): every key in
its order with its hint, then its value where the scaffold has one, or else its example,
commented out. A key added to the format appears here with no edit. Values are written by the
YAML emitter, which quotes what needs quoting, so a title the editor gave reads back verbatim.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

import yaml

from journeys.core import placeholders
from journeys.core.schema import PERSONA, Key, ListOf, Record, Ref, held_record, journey_record

_HEADER = """\
# Map format v1. The file name (without .md) is the {kind}'s id and the last part of its URL.
# Replace the example values (`journeys check` points at any left) and delete the optional
# keys you do not need, then run
# `journeys check` and preview with `mkdocs serve --livereload`.
# Strings are plain text: no Markdown, no HTML. Quote a string that contains ": " or " #",
# or starts with a quote, bracket, brace, "*", "&", "!", "%", "@" or "?".
# Indent with 2 spaces, never tabs. Lines starting with "#" are comments.
"""
_BODY = "Below the closing line, in Markdown: {}. Links are relative to this file."
_WIDTH = 96

JOURNEY_BODY = """\
## Research basis

{research}

## Open questions

- {questions}
"""


class _Dumper(yaml.SafeDumper):
    """Mappings as blocks, lists of plain values on one line, as the editor's guide writes them."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)  # a list indented under its key


_Dumper.add_representer(
    dict, lambda dumper, data: dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=False)
)
_Dumper.add_representer(
    list,
    lambda dumper, data: dumper.represent_sequence(
        "tag:yaml.org,2002:seq", data, flow_style=not any(isinstance(v, (dict, list)) for v in data)
    ),
)


def _yaml(name: str, value) -> list[str]:
    return yaml.dump({name: value}, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1 << 16).splitlines()


def _ref_kind(key: Key) -> str | None:
    kind = key.type.item if isinstance(key.type, ListOf) else key.type
    return kind.kind if isinstance(kind, Ref) else None


def _comment(indent: str, text: str) -> list[str]:
    """`text` as comment lines; no line but the first starts with a word and a colon, which
    would read as a key to uncomment."""
    words = text.split(" ")
    lines: list[list[str]] = [[]]
    for word in words:
        if lines[-1] and len(indent) + 4 + len(" ".join(lines[-1] + [word])) > _WIDTH:
            lines.append([])
        lines[-1].append(word)
    for n in range(len(lines) - 1, 0, -1):
        if lines[n][0].endswith(":") and len(lines[n - 1]) > 1:
            lines[n].insert(0, lines[n - 1].pop())
    return [indent + ("# " if n == 0 else "#   ") + " ".join(line) for n, line in enumerate(lines)]


def _keys(record: Record, values: Mapping, indent: str, refs: Mapping[str, str], hints: Mapping[str, str]) -> list[str]:
    """The lines of `record` at `indent`: each key's hint, then its value from `values`, or its
    example commented out. An example of a key that names a team or persona is one of the
    handbook's (`refs`, by kind); `hints` (by kind) say which ids the handbook has."""
    lines: list[str] = []
    for key in record.keys:
        kind = _ref_kind(key)
        need = "required" if key.required else "optional"
        lines += _comment(indent, f"{key.name} ({need}): {key.doc}{hints.get(kind or '', '')}.")
        inner = held_record(key.type)
        if key.name in values and inner is not None and isinstance(values[key.name], list):
            lines.append(f"{indent}{key.name}:")
            for item in values[key.name]:
                lines += _item(_keys(inner, item, indent + "    ", refs, hints), indent + "  ")
        elif key.name in values:
            lines += [indent + line for line in _yaml(key.name, values[key.name])]
        else:
            example = refs.get(kind, key.example) if kind else key.example
            if example is not None:
                example = [example] if isinstance(key.type, ListOf) and not isinstance(example, list) else example
                lines += [f"{indent}# {line}" for line in _yaml(key.name, example)]
    return lines


def _item(lines: list[str], indent: str) -> list[str]:
    """A record's lines as one item of a list: its first value line starts with "- ", and the
    hints above it line up with the dash."""
    inner = indent + "  "
    first = next(n for n, line in enumerate(lines) if not line.startswith(inner + "#"))
    return (
        [indent + line[len(inner) :] for line in lines[:first]]
        + [indent + "- " + lines[first][len(inner) :]]
        + lines[first + 1 :]
    )


def persona_template(id_: str, name: str) -> str:
    front = _keys(PERSONA, {"name": name}, "", {}, {})
    end = _comment("", _BODY.format(PERSONA.body))
    return "\n".join(["---", _HEADER.format(kind="persona"), *front, *end, "---", ""])


def journey_template(
    id_: str,
    title: str,
    *,
    personas: list[str],
    known_personas: list[str],
    owner: str | None,
    state: str = "current",
    baseline: str | None = None,
    parent: str | None = None,
    stages: list[str] | None,
    teams: list[str] | None,
    custom_fields=(),
    today: datetime.date,
) -> str:
    """`personas` and `owner` are what the editor gave (none: the key is left for them to
    fill in), as are `state`, `baseline` and `parent` (a key the map format has from version
    1.2); `known_personas` the handbook's, for the hint. `stages`/`teams` are the
    catalogue ids, or None when the handbook has no catalogue file (then any stage id and
    free-text owners are valid)."""
    if stages:
        stage, stage_hint = stages[0], ", using ids from stages.yml in its order: " + ", ".join(stages)
    else:
        stage, stage_hint = "discover", ": any id you choose (a-z, 0-9 and -)"
    if teams:
        team_example, team_hint = teams[0], "; ids from teams.yml: " + ", ".join(teams)
    else:
        team_example, team_hint = "Customer care", " (free text: there is no teams.yml)"
    step = {
        "touchpoint": placeholders.TOUCHPOINT,
        "channel": "Web",
        "action": placeholders.ACTION,
        "thinking": placeholders.THINKING,
        "emotion": 0,
    }
    values = {
        "title": title,
        "summary": placeholders.SUMMARY,
        "personas": personas,
        **({"owner": owner} if owner else {}),
        "state": state,
        **({"baseline": baseline} if baseline else {}),
        **({"parent": parent} if parent else {}),
        "reviewed": today,
        "stages": [{"stage": stage, "goal": placeholders.GOAL, "steps": [step]}],
    }
    hints = {"persona": ". This handbook has: " + ", ".join(known_personas), "team": team_hint, "stage": stage_hint}
    record = journey_record(custom_fields)
    front = _keys(record, values, "", {"team": team_example}, hints)
    body = JOURNEY_BODY.format(research=placeholders.RESEARCH, questions=placeholders.QUESTIONS)
    end = _comment("", _BODY.format(record.body))
    return "\n".join(["---", _HEADER.format(kind="journey"), *front, *end, "---", body])
