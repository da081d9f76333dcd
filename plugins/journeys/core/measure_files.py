"""Reading maps/measures/*.csv (map format 1.2, "Measures over time"): dated values of the
measures in measures.yml, any number of files, any split.

The columns are the keys of `schema.MEASURE_VALUE`, each cell read by its key's type, so the
format reference, `journeys schema` and this reader describe one declaration. Every problem is
located at file:line:column (the column where the cell starts on its line) and named by its
column; a row with a problem is left out and every other row is read, in every file.

Loading stays linear in what an author writes: each file is parsed once by the csv module;
dates repeat and are parsed once; a duplicate is found through a dict; and a suggestion for an
unknown id (difflib, whose cost grows with the ids it compares) is looked for once per distinct
value and for at most `SUGGESTED` distinct values of a kind: past them, messages list the
known ids instead.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from journeys.core.documents import read_text
from journeys.core.ids import is_valid_id
from journeys.core.measures import Scope
from journeys.core.model import MeasureValue
from journeys.core.problems import Problem, did_you_mean, quoted
from journeys.core.schema import MEASURE_VALUE, Date, Integer, Number, Ref

MAX_CSV_BYTES = 16 * 1024 * 1024  # about 300,000 rows a file; more rows go in more files
MAX_CELL_CHARS = 2_000  # a source or an id past this is a quote left open, or a pasted file
SUGGESTED = 100  # distinct unknown ids of one kind that get a "did you mean"
COLUMNS = tuple(key.name for key in MEASURE_VALUE.keys)
REQUIRED = tuple(key.name for key in MEASURE_VALUE.keys if key.required)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\Z")
_WHOLE = re.compile(r"\d+\Z")
# Values a kind cannot take (an NPS is a difference of two percentages).
_RANGES = {"nps": (-100.0, 100.0), "count": (0.0, None), "duration": (0.0, None)}


@dataclass(frozen=True)
class JourneyScope:
    """What a value may name within one journey."""

    stages: tuple[str, ...]  # in the journey's order
    steps: Mapping[str, str]  # step id -> its stage
    personas: tuple[str, ...]


@dataclass(frozen=True)
class Known:
    """The ids values may name: measure id -> its kind, the journeys, the stage ids (of
    stages.yml, or without it of the journeys) and the persona ids."""

    measures: Mapping[str, str]
    journeys: Mapping[str, JourneyScope]
    stages: Collection[str]
    personas: Collection[str]
    stage_catalogue: bool = True  # the stages are those of stages.yml


class Suggestions:
    """ " (did you mean 'x'?)" for unknown ids of one kind, or the ids there are: worked out once
    per distinct value, and by difflib for at most `SUGGESTED` of them."""

    def __init__(self, choices: Iterable[str]) -> None:
        self.choices = sorted(set(choices))
        self.found: dict[str, str] = {}
        self._listed: str | None = None

    def __call__(self, value: str) -> str:
        hint = self.found.get(value)
        if hint is None:
            close = did_you_mean(value, self.choices) if len(self.found) < SUGGESTED else ""
            hint = self.found[value] = close or self.listed()
        return hint

    def listed(self) -> str:
        if self._listed is None:
            shown = self.choices[:10]
            more = f" and {len(self.choices) - 10:,} more" if len(self.choices) > 10 else ""
            self._listed = f", which has {', '.join(shown)}{more}" if shown else ", which has none"
        return self._listed


@dataclass
class _Reading:
    """What reading the files has found so far; a duplicate may be in another file."""

    known: Known
    today: datetime.date
    values: list[MeasureValue] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # (date, measure, journey, stage, step, persona) -> (file, line)
    seen: dict[tuple[object, ...], tuple[str, int]] = field(default_factory=dict)
    dates: dict[str, datetime.date | str] = field(default_factory=dict)  # text -> date or why not
    hints: dict[str, Suggestions] = field(default_factory=dict)
    # The ids each kind of column may name; a step is checked within its journey.
    ids: Mapping[str, Collection[str]] = field(init=False)

    def __post_init__(self) -> None:
        known = self.known
        self.ids = {
            "measure": known.measures,
            "journey": known.journeys,
            "stage": known.stages,
            "persona": known.personas,
            "step": (),
        }

    def hint(self, kind: str, value: str) -> str:
        if kind not in self.hints:
            choices = {
                "measure": self.known.measures,
                "journey": self.known.journeys,
                "stage": self.known.stages,
                "persona": self.known.personas,
            }[kind]
            self.hints[kind] = Suggestions(choices)
        return self.hints[kind](value)


def read_values(
    files: Iterable[tuple[str, str]], known: Known, today: datetime.date
) -> tuple[list[MeasureValue], list[Problem]]:
    """(values, problems) of the CSV files (absolute path, path as messages name it), in order."""
    reading = _Reading(known, today)
    for abs_path, display in files:
        _read_file(reading, abs_path, display)
    return reading.values, reading.problems


def _read_file(reading: _Reading, abs_path: str, display: str) -> None:
    text, problems = read_text(abs_path, display, "a measures file", limit=MAX_CSV_BYTES, text="CSV", keep_bom=True)
    reading.problems += problems
    if text is None:
        return
    if text.startswith("\ufeff"):
        reading.problems.append(
            Problem(
                display,
                1,
                1,
                "",
                "starts with a byte-order mark (BOM), which Excel's 'CSV UTF-8' writes: it is read as if it "
                "were not there; save the file as plain UTF-8 CSV to silence this",
                level="warning",
            )
        )
        text = text[1:]
    if not text.strip():
        reading.problems.append(
            Problem(display, 1, None, "", "file is empty: a measures file starts with a header row: date,measure,value")
        )
        return
    _Sheet(reading, display, text).read()


class _Sheet:
    """One CSV file being read: the header, then every row."""

    def __init__(self, reading: _Reading, display: str, text: str) -> None:
        self.reading, self.display, self.text = reading, display, text
        self._lines: list[str] | None = None  # split only when a problem needs a column

    def report(self, line: int, col: int | None, key: str, message: str, level: str = "error") -> None:
        """A problem at `line` and `col`; a problem of the whole line (col None) is at its start,
        so every problem of a file has a line and a column and they sort among each other."""
        self.reading.problems.append(Problem(self.display, line, col or 1, key, message, level))

    def read(self) -> None:
        reader = csv.reader(io.StringIO(self.text))
        next_line = 1
        try:
            for row in reader:
                start, next_line = next_line, reader.line_num + 1
                if any(row):
                    break
            else:
                return
            columns = self.header(row, start)
            if columns is None:
                return
            readers = _readers(columns)
            width = len(row)
            rows = 0
            for row in reader:
                start, next_line = next_line, reader.line_num + 1
                if not row or (len(row) == 1 and not row[0].strip() and width > 1):
                    continue  # a blank line
                rows += 1
                if reader.line_num > start and self.quote_left_open(start, reader.line_num):
                    self.report(
                        start,
                        None,
                        "",
                        "a double quote opened on this line is never closed, so the rest of the file is one cell: "
                        'close it, or write a quote inside a quoted cell as two ("")',
                    )
                    return
                if len(row) != width:
                    self.ragged(row, width, start, reader.line_num)
                elif max(map(len, row)) > MAX_CELL_CHARS:
                    self.too_long(row, start)
                else:
                    self.row(row, columns, readers, start)
        except csv.Error as exc:  # a cell past csv's own limit, a quote never closed at the end
            self.report(next_line, None, "", f"cannot be read as CSV: {exc}; the rest of the file is not read")
            return
        if not rows:
            self.report(start, None, "", "has a header but no values: add rows below it, or delete the file", "warning")

    def header(self, row: list[str], line: int) -> dict[str, int] | None:
        """Column name -> index; None when a required column is missing (no row can be read)."""
        columns: dict[str, int] = {}
        for n, raw in enumerate(row):
            name = raw.strip()
            col = self.column(line, n)
            if not name:
                self.report(line, col, "", f"column {n + 1} has no name: name it, or delete the comma")
            elif name not in COLUMNS:
                hint = did_you_mean(name, COLUMNS) or f"; the columns are {', '.join(COLUMNS)}"
                self.report(line, col, "", f"unknown column {quoted(name)}{hint}")
            elif name in columns:
                self.report(line, col, "", f"column {quoted(name)} appears twice (also column {columns[name] + 1})")
            else:
                columns[name] = n
        missing = [name for name in REQUIRED if name not in columns]
        for name in missing:
            self.report(
                line,
                None,
                "",
                f"missing required column {quoted(name)}: the header row names {', '.join(REQUIRED)} "
                "and any of the other columns, in any order",
            )
        return None if missing else columns

    def ragged(self, row: list[str], width: int, line: int, end: int) -> None:
        if len(row) > width:
            self.report(
                line,
                self.column(line, width),
                "",
                f"has {len(row)} cells where the header has {width} columns: a comma too many, or a value "
                "holding a comma that needs double quotes around it",
            )
        else:
            self.report(
                line,
                len(self.lines()[end - 1]) + 1 if end == line else None,  # where the next cell would start
                "",
                f"has {len(row)} cells where the header has {width} columns: give every column a cell, an "
                "empty one too (two commas in a row)",
            )

    def too_long(self, row: list[str], line: int) -> None:
        n = max(range(len(row)), key=lambda i: len(row[i]))
        self.report(
            line,
            self.column(line, n),
            "",
            f"a cell of {len(row[n]):,} characters (at most {MAX_CELL_CHARS:,}): most likely a double quote that "
            "is never closed",
        )

    def row(self, row: list[str], columns: Mapping[str, int], readers: list[_Reader], line: int) -> None:
        found = _Row(self, columns, line)
        cells: dict[str, Any] = dict(_BLANK)
        for name, n, read in readers:
            text = row[n].strip()
            if text:
                cells[name] = read(found, text)
            elif name in REQUIRED:
                found.report(name, f"is empty: every row has a {name}")
        for name in REQUIRED:
            if name not in columns:  # not in the header: reported there, so no row gets this far
                found.bad.add(name)
        journey, stage, step, persona = found.scope(cells)
        date, measure, value = cells["date"], cells["measure"], cells["value"]
        if found.failed:
            return
        key = (date, measure, journey, stage, step, persona)
        first = self.reading.seen.get(key)
        if first is not None:
            where = f"line {first[1]}" if first[0] == self.display else f"{first[0]}:{first[1]}"
            self.report(
                line,
                self.column(line, columns["date"]),
                "date",
                f"a value of {quoted(measure)} for {date.isoformat()} in this scope is on {where} already: "
                "a series has one value a date",
            )
            return
        self.reading.seen[key] = (self.display, line)
        self.reading.values.append(
            MeasureValue(date, measure, value, journey, stage, step, persona, cells["n"], cells["source"])
        )

    def quote_left_open(self, start: int, end: int) -> bool:
        """Whether the record on lines `start` to `end` ends inside a quoted cell: it ran to the
        end of the file looking for the closing quote."""
        lines = self.lines()
        if end < len(lines) - (lines[-1] == ""):
            return False  # the file goes on: the quote closed on the record's last line
        quoted_ = False
        for text in lines[start - 1 : end]:
            quoted_ ^= text.count('"') % 2 == 1  # a doubled quote inside a quoted cell changes nothing
        return quoted_

    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.text.split("\n")
        return self._lines

    def column(self, line: int, n: int) -> int | None:
        """The column (1-based, in characters) where cell `n` of the row starting at `line` starts."""
        if n == 0:
            return 1
        lines = self.lines()
        col, cell, quoted_ = 1, 0, False
        while line - 1 < len(lines):
            text = lines[line - 1]
            i = col - 1
            while i < len(text):
                char = text[i]
                if quoted_:
                    if char == '"':
                        if i + 1 < len(text) and text[i + 1] == '"':
                            i += 1
                        else:
                            quoted_ = False
                elif char == '"':
                    quoted_ = True
                elif char == ",":
                    cell += 1
                    if cell == n:
                        return i + 2
                i += 1
            if not quoted_:
                return None
            line, col = line + 1, 1  # a quoted cell goes on: the count goes on on its next line
        return None


_BLANK: Mapping[str, Any] = {key.name: None for key in MEASURE_VALUE.keys}  # a row's cells, all empty


# (column name, its index in a row, what reads its cell's text)
_Reader = tuple[str, int, Callable[["_Row", str], Any]]


def _readers(columns: Mapping[str, int]) -> list[_Reader]:
    """(column, its index, how to read a cell of it) for the columns of a file, in declared
    order (the measure before the value its kind bounds), each read by its key's type: worked
    out once a file, so a row costs one call a cell."""
    found: list[tuple[str, int, Callable[[_Row, str], Any]]] = []
    for key in MEASURE_VALUE.keys:
        if key.name not in columns:
            continue
        kind = key.type
        read: Callable[[_Row, str], Any]
        if isinstance(kind, Date):
            read = _Row.date
        elif isinstance(kind, Number):
            read = _Row.number
        elif isinstance(kind, Integer):
            read = partial(_Row.whole, name=key.name, kind=kind)
        elif isinstance(kind, Ref):
            read = partial(_Row.ref, name=key.name, kind=kind.kind)
        else:  # Text: as written
            read = _as_written
        found.append((key.name, columns[key.name], read))
    return found


def _as_written(row: _Row, text: str) -> str:
    return text


class _Row:
    """Reads the cells of one row by their columns' types, reporting each mistake at its cell."""

    __slots__ = ("bad", "columns", "line", "measure", "reading", "sheet")

    def __init__(self, sheet: _Sheet, columns: Mapping[str, int], line: int) -> None:
        self.sheet, self.columns, self.line = sheet, columns, line
        self.reading = sheet.reading
        self.bad: set[str] = set()  # the columns whose cells have a problem
        self.measure: str | None = None  # read before the value, which its kind may bound

    @property
    def failed(self) -> bool:
        return bool(self.bad)

    def report(self, name: str, message: str) -> None:
        self.bad.add(name)
        self.sheet.report(self.line, self.sheet.column(self.line, self.columns[name]), name, message)

    def date(self, text: str) -> datetime.date | None:
        found = self.reading.dates.get(text)
        if found is None:
            found = self.reading.dates[text] = _date(text, self.reading.today)
        if isinstance(found, str):
            self.report("date", found)
            return None
        return found

    def number(self, text: str) -> float | None:
        if not _NUMBER.match(text):
            self.report("value", f"{quoted(text)} is not a number{_number_hint(text)}")
            return None
        value = float(text)
        measure = self.measure
        kind = self.reading.known.measures.get(measure or "")
        low, high = _RANGES.get(kind or "", (None, None))
        if (low is not None and value < low) or (high is not None and value > high):
            span = f"from {low:g} to {high:g}" if high is not None else f"{low:g} or more"
            self.report("value", f"{text} is out of range for {quoted(measure)}, a measure of kind {kind}: {span}")
            return None
        return value

    def whole(self, text: str, *, name: str, kind: Integer) -> int | None:
        if not _WHOLE.match(text) or not kind.low <= int(text) <= kind.high:
            self.report(name, f"{quoted(text)} is not {kind.description}")
            return None
        return int(text)

    def ref(self, text: str, *, name: str, kind: str) -> str | None:
        known = self.reading.ids[kind]
        if text in known:  # the common case: an id of the handbook, valid by construction
            if kind == "measure":
                self.measure = text
            return text
        if not is_valid_id(text):
            self.report(name, f"{quoted(text)} is not a valid id: use 1 to 63 of a-z, 0-9 and -")
            return None
        if kind == "step":
            return text  # a step id is one of its journey's: see `scope`
        where = {"measure": "in measures.yml", "stage": "in stages.yml"}.get(kind, "in this handbook")
        where = "in this handbook" if kind == "stage" and not self.reading.known.stage_catalogue else where
        self.report(name, f"unknown {kind} {quoted(text)}: no such id {where}{self.reading.hint(kind, text)}")
        return None

    def scope(self, cells: Mapping[str, Any]) -> Scope:
        """(journey, stage, step, persona) as the row's cells give them together: a stage, step and
        persona of the journey named; the stage of a step filled in."""
        journey, stage, step, persona = cells["journey"], cells["stage"], cells["step"], cells["persona"]
        within = self.reading.known.journeys.get(journey) if journey is not None else None
        if within is None:
            if step is not None and "journey" not in self.bad:
                self.report("step", "a step is named within its journey: fill in the journey column too")
            return journey, stage, None, persona
        if persona is not None and persona not in within.personas:
            self.report(
                "persona",
                f"journey {quoted(journey)} is not taken by persona {quoted(persona)}: its personas are "
                f"{', '.join(within.personas)}",
            )
        if stage is not None and stage not in within.stages:
            hint = did_you_mean(stage, within.stages) or f": its stages are {', '.join(within.stages)}"
            self.report("stage", f"journey {quoted(journey)} has no stage {quoted(stage)}{hint}")
            stage = None
        if step is None:
            return journey, stage, None, persona
        if step not in within.steps:
            ids = sorted(within.steps)
            hint = did_you_mean(step, ids) or (
                f": its step ids are {', '.join(ids)}" if ids else ": none of its steps has an id yet"
            )
            self.report("step", f"journey {quoted(journey)} has no step with the id {quoted(step)}{hint}")
            return journey, stage, None, persona
        home = within.steps[step]
        if stage is not None and stage != home:
            self.report(
                "stage",
                f"step {quoted(step)} of journey {quoted(journey)} is in stage {quoted(home)}, not "
                f"{quoted(stage)}: correct the stage, or leave it empty",
            )
        return journey, home, step, persona


def _date(text: str, today: datetime.date) -> datetime.date | str:
    """The date a cell gives, or why it gives none."""
    if not text:
        return "is empty: every row has a date"
    if not _DATE.match(text):
        return f"expected a date YYYY-MM-DD, got {quoted(text)}"
    try:
        found = datetime.date.fromisoformat(text)
    except ValueError:
        return f"{quoted(text)} is not a valid date (YYYY-MM-DD)"
    # A day's grace, as for `reviewed`: a value dated ahead of the build machine's time zone.
    if (found - today).days > 1:
        return f"{text} is after the build date {today.isoformat()}: a value covers a period that has ended"
    return found


def _number_hint(text: str) -> str:
    if text.endswith("%") or re.search(r"\d\s*[A-Za-z]+\Z", text):
        return ": write the number alone, without its unit (measures.yml gives the unit)"
    if "," in text:
        return ": write decimals with a point (0.42) and no thousands separators"
    if text.lower().strip("+-") in ("nan", "inf", "infinity", "n/a", "na", "-"):
        return ": leave out a row that has no value"
    return ""
