"""The kinds of file a maps folder holds, declared once: where each lives, which record its
data follows, and whether it has a Markdown body.

What describes every kind of map reads this list rather than naming the kinds itself: the form
editor's configuration (render/editor_config.py) makes a collection of each kind, and a
reference to a kind (`Ref("persona")`) becomes a choice among the items of that kind's
collection. A new kind of file (as `insights/*.md` in map format 1.2) is one more entry here.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from journeys.core.schema import INSIGHT, MEASURE, PERSONA, STAGE, TEAM, CustomField, Record, journey_record


@dataclass(frozen=True)
class FileKind:
    """One kind of file under the maps folder. `name` is what a `Ref` names (`persona`);
    `pattern` is the path from the maps folder: `folder/*.md` one file an item,
    `folder/**/*.md` the same with sub-folders that group items, `name.yml` one file holding
    a YAML list of items (a catalogue). `record` makes the record of one item from the site's
    custom fields (`CustomField`s, or pairs of key and label); `body` says whether a Markdown body follows the
    front matter."""

    name: str
    label: str  # the kind's name for people, plural
    label_singular: str
    pattern: str
    record: Callable[[tuple[CustomField, ...]], Record[Any]]
    body: bool = False

    @property
    def listed(self) -> bool:
        """One file that holds every item as a YAML list (stages.yml), not a file an item."""
        return not self.pattern.endswith(".md")

    @property
    def nested(self) -> bool:
        """Items may sit in sub-folders, which group them."""
        return "/**/" in self.pattern

    @property
    def folder(self) -> str:
        """The folder of a file-an-item kind, or the file of a listed kind, from the maps folder."""
        return self.pattern if self.listed else self.pattern.split("/")[0]

    @property
    def extension(self) -> str:
        return self.pattern.rsplit(".", 1)[1]

    def exists(self, maps_dir: str) -> bool:
        """Whether the maps folder has this kind's file or folder."""
        return os.path.exists(os.path.join(maps_dir, self.folder))


FILE_KINDS: tuple[FileKind, ...] = (
    FileKind("journey", "Journeys", "Journey", "journeys/**/*.md", journey_record, body=True),
    FileKind("persona", "Personas", "Persona", "personas/*.md", lambda custom_fields: PERSONA, body=True),
    FileKind("insight", "Insights", "Insight", "insights/*.md", lambda custom_fields: INSIGHT, body=True),
    FileKind("stage", "Stages", "Stage", "stages.yml", lambda custom_fields: STAGE),
    FileKind("team", "Teams", "Team", "teams.yml", lambda custom_fields: TEAM),
    FileKind("measure", "Measures", "Measure", "measures.yml", lambda custom_fields: MEASURE),
)
# Not a kind here, so not in the form editor: the values of the measures, maps/measures/*.csv
# (map format 1.2). A survey tool or an analytics export writes them, a file a source and a row
# a scope and period (hundreds a file, 360,000 in the benchmark), which a spreadsheet edits and a
# form of one list item a row would not; Decap CMS has no CSV format either. They follow the
# MEASURE_VALUE record (core/measure_files.py), which `journeys schema` describes.


def file_kind(name: str) -> FileKind | None:
    return next((kind for kind in FILE_KINDS if kind.name == name), None)
