"""Mermaid `journey` diagrams to journey maps.

A diagram is read the way Mermaid 11 reads it: its preprocessing (YAML front matter, `%%{...}%%`
directives, `%%` comment lines, `#name;` entity codes) and then a port of the lexer and grammar
of `journey.jison`, rule for rule and in its order, so that what Mermaid draws is what is
imported and what Mermaid refuses is refused. The diagram then becomes the front matter of a
map: sections become stages, tasks become steps with emotion = score - 3, actors become
personas. Anything that cannot become a valid map is a `MermaidError` with its line number;
anything the map does not keep is a notice.
"""

from __future__ import annotations

import bisect
import re
import textwrap
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import escape
from typing import Any, NoReturn

import yaml

from journeys.core.ids import humanize, slugify
from journeys.core.mermaid_text import decode, hide_entities
from journeys.core.problems import did_you_mean, quoted
from journeys.core.schema import EMOTION_MAX, EMOTION_MIN, Data
from journeys.core.yaml_source import MAX_DEPTH, Bounded

SCORE_OFFSET = 3  # Mermaid scores run 1 to 5; 3 is neutral
SCORE_MIN, SCORE_MAX = EMOTION_MIN + SCORE_OFFSET, EMOTION_MAX + SCORE_OFFSET
# ```mermaid, ~~~mermaid, and MyST's ```{mermaid}, with or without options after the name.
_FENCE = re.compile(r"^\s*(```+|~~~+)\s*(?:mermaid|\{mermaid\})(?:\s.*)?$")

# JavaScript's \s, which Mermaid's regular expressions mean; Python's lacks U+FEFF.
_JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
S = f"[{_JS_SPACE}]"
_JS_SPACE_CHARACTERS = _JS_SPACE.replace("\u2000-\u200a", "".join(map(chr, range(0x2000, 0x200B))))
_LEADING_SPACE = re.compile(f"{S}*")

# Mermaid's preprocessing (preprocess.ts, regexes.ts, comments.ts).
_FRONT_MATTER = re.compile(rf"-{{3}}{S}*[\n\r](.*?)[\n\r]-{{3}}{S}*[\n\r]+", re.DOTALL)
# Its `\s*[\n\r]` can end at any line break in the space after the opening `---`, and without a
# closing line the pattern scans on to the end from each of them: it runs only once a closing
# line is known to be there (then the first or second try finds it).
_FRONT_MATTER_END = re.compile(rf"[\n\r]-{{3}}{S}*[\n\r]")
_DIRECTIVE = re.compile(
    rf"%{{2}}\{{{S}*(?:(\w+){S}*:|(\w+)){S}*(?:(\w+)|((?:(?!\}}%{{2}}).|\r?\n)*))?{S}*(?:\}}%{{2}})?",
    re.IGNORECASE | re.ASCII,
)
# Mermaid's comment lines are `^\s*%%(?!{)[^\n]+\n?` (multiline). Its `\s*` runs over line breaks,
# so as a pattern it would scan a run of blank lines again from each of them (quadratic): what
# follows the `\s*` is found by this pattern, and the space before it by `_comment_lines`.
_COMMENT_TEXT = re.compile(r"%%(?!\{)[^\n]+\n?")

# The lexer of journey.jison: (pattern, token); the first rule that matches wins, as in
# jison without the `flex` option. None skips the text. `%options case-insensitive`.
_INITIAL = [
    (re.compile(pattern, re.IGNORECASE), token)
    for pattern, token in (
        (r"%%(?!\{)[^\n]*", None),
        (r"[^}]%%[^\n]*", None),
        (r"\n+", "NEWLINE"),
        (rf"{S}+", None),
        (r"#[^\n]*", None),
        (r"journey", "journey"),
        (rf"title{S}[^#\n;]+", "title"),
        (rf"accTitle{S}*:{S}*", "acc_title"),
        (rf"accDescr{S}*:{S}*", "acc_descr"),
        (rf"accDescr{S}*\{{{S}*", "acc_descr_open"),
        (rf"section{S}[^#:\n;]+", "section"),
        (r"[^#:\n;]+", "taskName"),
        (r":[^#\n;]+", "taskData"),
        (r":", ":"),
        (r".", "INVALID"),
    )
]
_TO_LINE_END = re.compile(r"[^\n]*")
_DESCRIPTION = re.compile(r"[^}]*")
_TASK_FORM = "a task is 'Task name: score: Actor, Actor'"


def _match(pattern: re.Pattern[str], text: str, pos: int = 0) -> re.Match[str]:
    """`pattern.match` for the patterns above that match the empty string, so never fail."""
    match = pattern.match(text, pos)
    assert match is not None, f"{pattern.pattern!r} matches the empty string"
    return match


class MermaidError(Exception):
    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass(frozen=True)
class Notice:
    """Something of the diagram that the map does not keep as written."""

    line: int | None
    message: str


@dataclass
class Task:
    name: str
    score: int
    actors: list[str]
    line: int


@dataclass
class Section:
    name: str
    line: int
    tasks: list[Task] = field(default_factory=list)


@dataclass
class Diagram:
    title: str | None
    sections: list[Section]
    acc_title: str | None = None
    acc_description: str | None = None
    notices: list[Notice] = field(default_factory=list)

    @property
    def actors(self) -> list[str]:
        """Every actor once, in order of first appearance."""
        seen: dict[str, None] = {}
        for section in self.sections:
            for task in section.tasks:
                seen.update(dict.fromkeys(task.actors))
        return list(seen)


class _FrontMatterLoader(Bounded, yaml.SafeLoader):
    """Mermaid reads front matter with js-yaml's JSON schema: `yes` and `10:30` are strings,
    only true/false are booleans, and dates are strings. Unlike js-yaml, no aliases (a title
    made of nested aliases would print billions of items) and no deep nesting (Bounded)."""

    # A class attribute PyYAML copies per subclass; not ClassVar, as types-PyYAML declares it an
    # instance variable.
    yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012


for _tag, _pattern in (
    ("null", r"^(?:~|null|Null|NULL|)$"),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$"),
    ("int", r"^[-+]?[0-9]+$"),
    ("float", r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"),
):
    _FrontMatterLoader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), None)


def _diagram_block(text: str) -> tuple[int, str]:
    """(number of its first line, text) of the diagram: the first ```mermaid block of a
    Markdown file that is a journey, or else the whole text (a .mmd file)."""
    lines = text.split("\n")
    start = 0
    while start < len(lines):
        fence = _FENCE.match(lines[start])
        if not fence:
            start += 1
            continue
        end = next(
            (
                i
                for i in range(start + 1, len(lines))
                if lines[i].strip().startswith(fence.group(1)[:3]) and not lines[i].strip().strip(fence.group(1)[0])
            ),
            len(lines),
        )
        block = "\n".join(lines[start + 1 : end])
        # In any case, so that a block starting `JOURNEY` is the one whose error is shown.
        if re.match(rf"{S}*journey", _statements(_front_matter_span(block)[1]), re.IGNORECASE):
            return start + 2, block
        start = end + 1  # fences do not nest: a fence line inside this block is its text
    return 1, text


def _blank(pattern: re.Pattern[str], text: str) -> str:
    """`text` without the matches of `pattern`, each left as its line breaks, so that line
    numbers still count in the file."""
    return pattern.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def _statements(text: str) -> str:
    """The diagram without its directives and comment lines, as Mermaid's lexer gets it."""
    text = _blank(_DIRECTIVE, text)
    out, last = [], 0
    for start, end in _comment_lines(text):
        out += [text[last:start], "\n" * text.count("\n", start, end)]
        last = end
    return "".join(out) + text[last:]


def _comment_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each match of Mermaid's comment line pattern (see `_COMMENT_TEXT`), in
    one pass: a match starts at the first line start in the space before its `%%`."""
    spans: list[tuple[int, int]] = []
    last = 0
    for found in _COMMENT_TEXT.finditer(text):
        start = found.start()
        while start > last and text[start - 1] in _JS_SPACE_CHARACTERS:
            start -= 1
        if start > 0 and text[start - 1] != "\n":  # not at a line start: the first one in the space
            line_start = text.find("\n", start, found.start()) + 1
            if not line_start:
                continue
            start = line_start
        spans.append((start, found.end()))
        last = found.end()
    return spans


def _front_matter_span(block: str) -> tuple[re.Match[str] | None, str]:
    """The front matter block of a diagram, as mermaid.run() reads a diagram in a page
    (dedented and trimmed), and the diagram with that block blanked out."""
    text = textwrap.dedent(block)
    start = _match(_LEADING_SPACE, text).end()
    closed = text.startswith("---", start) and _FRONT_MATTER_END.search(text, start + 3)
    match = _FRONT_MATTER.match(text, start) if closed else None
    if not match:
        return None, text
    return match, text[: match.start()] + "\n" * match.group(0).count("\n") + text[match.end() :]


def _front_matter_title(block: str, first_line: int) -> tuple[str | None, str]:
    """The title of the front matter, read as YAML, and the diagram without the block."""
    match, text = _front_matter_span(block)
    if not match:
        leading = _match(_LEADING_SPACE, text).end()
        if text.startswith("---", leading):
            line = first_line + text.count("\n", 0, leading)
            raise MermaidError(line, "the '---' block above the diagram is not closed: add a line '---'")
        return None, text
    try:
        data = yaml.load(match.group(1), Loader=_FrontMatterLoader)
    except RecursionError:
        line = first_line + match.string.count("\n", 0, match.start(1))
        raise MermaidError(line, f"the front matter is nested too deeply (more than {MAX_DEPTH} levels)") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first_line + match.string.count("\n", 0, match.start(1)) + (mark.line if mark else 0)
        raise MermaidError(
            line, f"the front matter is not valid YAML: {getattr(exc, 'problem', None) or exc}"
        ) from None
    title = data.get("title") if isinstance(data, dict) else None
    return (_js_string(title) if title else None), text


def _js_string(value: object) -> str:
    """What JavaScript's toString() makes of a YAML value."""
    if isinstance(value, bool):
        return "true"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _lex(text: str) -> Iterator[tuple[str, str, int]]:
    """(token, text, position) of journey.jison's lexer, including its states for accTitle,
    accDescr and accDescr {...}."""
    pos = 0
    while pos < len(text):
        # The first rule that matches; '\n+' and '.' match every character, so one always does.
        match, token = next((m, t) for pattern, t in _INITIAL if (m := pattern.match(text, pos)))
        pos = match.end()
        if token in ("acc_title", "acc_descr"):
            value = _match(_TO_LINE_END, text, pos)
            yield token, value.group(0), match.start()
            pos = value.end()
        elif token == "acc_descr_open":
            value = _match(_DESCRIPTION, text, pos)
            if value.end() == len(text):
                yield "unclosed_description", "", match.start()
            yield "acc_descr_multiline", value.group(0), match.start()
            pos = value.end() + 1
        elif token:
            yield token, match.group(0), match.start()


def parse(text: str) -> Diagram:
    """Read a Mermaid journey diagram (or a Markdown file holding one)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    first_line, block = _diagram_block(text)
    title, block = _front_matter_title(block, first_line)
    block = _statements(block)
    where = _Lines(first_line, block)
    _expect_journey(block, where)
    diagram = Diagram(title, [])
    _Statements(diagram, list(_lex(hide_entities(block))), where).read()
    _leave_out_empty_sections(diagram)
    return diagram


class _Lines:
    """Where a position in the diagram's statements is in the file: its line number, and the
    text of that line for messages."""

    def __init__(self, first_line: int, block: str) -> None:
        self.first_line, self.lines = first_line, block.split("\n")
        self.breaks = [i for i, c in enumerate(block) if c == "\n"]

    def number(self, position: int) -> int:
        return self.first_line + bisect.bisect_left(self.breaks, position)

    def source(self, position: int) -> str:
        return self.lines[bisect.bisect_left(self.breaks, position)].strip()


def _expect_journey(block: str, where: _Lines) -> None:
    """Refuse statements that do not start with Mermaid's `journey` keyword, as its detector does."""
    head = block[_match(_LEADING_SPACE, block).end() :]
    if not head:
        raise MermaidError(None, "no Mermaid diagram found: the file should start with 'journey'")
    if not head.startswith("journey"):
        found = head.split("\n", 1)[0].strip()
        hint = (
            ": Mermaid's keyword is 'journey', in lower case"
            if found.lower().startswith("journey")
            else ": only Mermaid journey diagrams can be imported"
        )
        raise MermaidError(
            where.number(len(block) - len(head)),
            f"expected 'journey' as the first line of the diagram, got {quoted(found)}{hint}",
        )


class _Statements:
    """journey.jison's statements, a method a rule, read from the tokens after `journey` into
    `diagram`; a token no rule takes is a MermaidError naming its line."""

    def __init__(self, diagram: Diagram, tokens: list[tuple[str, str, int]], where: _Lines) -> None:
        self.diagram, self.tokens, self.where = diagram, tokens, where
        # The first token is `journey`, as _expect_journey has made sure.
        self.index = next(i for i, (token, _, _) in enumerate(tokens) if token != "NEWLINE") + 1
        self.title_line: int | None = None
        self.rules = {
            "title": self.title,
            "acc_title": self.acc_title,
            "acc_descr": self.acc_description,
            "acc_descr_multiline": self.acc_description,
            "unclosed_description": self.unclosed_description,
            "section": self.section,
            "taskName": self.task,
        }

    def read(self) -> None:
        while self.index < len(self.tokens):
            token, value, position = self.tokens[self.index]
            self.index += 1
            if token == "NEWLINE":
                continue
            rule = self.rules.get(token)
            if rule is None:
                self.unreadable(token, value, position)
            else:
                rule(value, position)

    def following(self) -> str | None:
        """The next token's kind, which decides the form of a section or task line."""
        return self.tokens[self.index][0] if self.index < len(self.tokens) else None

    def unreadable(self, token: str, value: str, position: int) -> NoReturn:
        raise MermaidError(self.where.number(position), _unreadable(token, value, self.where.source(position)))

    def title(self, value: str, position: int) -> None:
        number, new = self.where.number(position), decode(value[6:]).strip() or None
        if self.title_line is not None and new != self.diagram.title:
            self.diagram.notices.append(
                Notice(
                    number,
                    f"a second title {quoted(new)} replaces {quoted(self.diagram.title)} (line {self.title_line}), as in "
                    "Mermaid, which reads every line starting with 'title ' as the title",
                )
            )
        self.diagram.title, self.title_line = new, number

    def acc_title(self, value: str, position: int) -> None:
        self.diagram.acc_title = decode(value).strip() or None

    def acc_description(self, value: str, position: int) -> None:
        # Mermaid's setAccDescription: trimmed, each line's indent removed.
        self.diagram.acc_description = re.sub(r"\n\s+", "\n", decode(value).strip()) or None

    def unclosed_description(self, value: str, position: int) -> None:
        raise MermaidError(self.where.number(position), "'accDescr {' is not closed: add '}' after the description")

    def section(self, value: str, position: int) -> None:
        number = self.where.number(position)
        if self.following() in ("taskData", ":"):
            raise MermaidError(
                number,
                f"cannot read {quoted(self.where.source(position))}: a section is 'section <stage name>', without ':'",
            )
        self.diagram.sections.append(Section(decode(value[8:]).strip(), number))

    def task(self, value: str, position: int) -> None:
        if self.following() != "taskData":
            self.unreadable("taskName", value, position)
        number = self.where.number(position)
        task = _task(decode(value).strip(), self.tokens[self.index][1][1:], number, self.diagram.notices)
        self.index += 1
        if not self.diagram.sections:
            raise MermaidError(
                number,
                f"task {quoted(task.name)} comes before the first section: add a line 'section <stage name>' above it",
            )
        self.diagram.sections[-1].tasks.append(task)


def _leave_out_empty_sections(diagram: Diagram) -> None:
    """A section without tasks cannot become a stage, which needs a step: left out with a notice,
    or an error when no section has a task."""
    if not diagram.sections:
        raise MermaidError(None, "the diagram has no sections: add 'section <stage name>' and tasks below it")
    empty = [s for s in diagram.sections if not s.tasks]
    if len(empty) == len(diagram.sections):
        raise MermaidError(
            empty[0].line, f"section {quoted(empty[0].name)} has no tasks: add 'Task name: score: Actor' lines below it"
        )
    for section in empty:
        diagram.notices.append(
            Notice(
                section.line,
                f"section {quoted(section.name)} has no tasks, and a stage of a map needs a step: it is left out",
            )
        )
    diagram.sections = [s for s in diagram.sections if s.tasks]


def _unreadable(token: str, value: str, line: str) -> str:
    if token == "INVALID" and value == ";":
        return f"cannot read {quoted(line)}: Mermaid's journey diagrams have no ';', so it cannot end a statement; put each task on a line of its own"
    if token == "journey":
        return (
            f"cannot read {quoted(line)}: 'journey' starts the diagram only; Mermaid reads a line starting with 'journey' as that keyword, "
            f"so write the first letter as its entity code, '#{ord(value[0])};'"
        )
    return f"cannot read {quoted(line)}: {_TASK_FORM}"


def _task(name: str, data: str, number: int, notices: list[Notice]) -> Task:
    """A task as journeyDb.addTask reads it: the score before the second ':', the actors
    between the second and the third."""
    pieces = data.split(":")
    score_text = decode(pieces[0]).strip(_JS_SPACE_CHARACTERS)
    score = _js_number(score_text)
    if score is None or not float(score).is_integer():
        raise MermaidError(
            number,
            f"task {quoted(name)}: the score {quoted(score_text)} is not a whole number from {SCORE_MIN} to {SCORE_MAX}",
        )
    score = int(score)
    if not SCORE_MIN <= score <= SCORE_MAX:
        raise MermaidError(number, f"task {quoted(name)}: the score {score} is not between {SCORE_MIN} and {SCORE_MAX}")
    actors = [decode(a).strip() for a in pieces[1].split(",")] if len(pieces) > 1 else []
    ignored = ":".join(pieces[2:]).strip()
    if ignored:
        notices.append(
            Notice(
                number,
                f"task {quoted(name)}: {quoted(decode(ignored))} after a third ':' is not read, as Mermaid does not read it; "
                "separate actors with ','",
            )
        )
    return Task(name, score, list(dict.fromkeys(a for a in actors if a)), number)


def _js_number(text: str) -> float | None:
    """JavaScript's Number() of a score, or None for NaN."""
    if not text:
        return 0
    if re.fullmatch(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", text):
        return float(text)
    for prefix, base in (("0x", 16), ("0o", 8), ("0b", 2)):
        if text.lower().startswith(prefix):
            try:
                return int(text[2:], base)
            except ValueError:
                return None
    return None


def resolve_stage(section: Section, catalogue: list[tuple[str, str]] | None, number: int) -> str:
    """The stage id a section names. With a catalogue (id, name) the section must name a
    stage by its id or its display name (case and punctuation do not matter); without one,
    the slug of the section name is the new stage's id, or `stage-<n>` for a name without
    ASCII letters or digits."""
    slug = slugify(section.name)
    if catalogue is None:
        return slug or f"stage-{number}"
    for id_, name in catalogue:
        if (slug and slug in (id_, slugify(name))) or section.name.casefold() == name.casefold():
            return id_
    hint = did_you_mean(slug, [id_ for id_, _ in catalogue]) or did_you_mean(
        section.name, [name for _, name in catalogue]
    )
    known = ", ".join(f"{name} ({id_})" for id_, name in catalogue)
    raise MermaidError(
        section.line,
        f"section {quoted(section.name)} is not a stage in stages.yml{hint}; rename the section to one of: {known}",
    )


def _folded(text: str) -> str:
    """`text` compared as people read it: case, accents and spacing do not matter."""
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def _existing_persona(actor: str, personas: dict[str, str]) -> str | None:
    """The persona an actor names: by id, by name, or by the name's first part ("Maya" for
    "Maya, first-time buyer") when only one persona's name starts so."""
    slug, folded = slugify(actor), _folded(actor)
    for id_, name in personas.items():
        if slug == id_ or folded == _folded(name):
            return id_
    first = [id_ for id_, name in personas.items() if folded == _folded(name.split(",")[0])]
    return first[0] if len(first) == 1 else None


def persona_ids(actors: list[str], personas: dict[str, str]) -> dict[str, str]:
    """The persona id of each actor: an existing persona whose id or name the actor gives (case
    and accents ignored), else the actor's slug, or `actor-<n>` for a name without ASCII
    letters or digits."""
    ids: dict[str, str] = {}
    taken = set(personas)
    for actor in actors:
        slug = slugify(actor)
        known = _existing_persona(actor, personas)
        if known is None and not slug:
            slug = next(f"actor-{n}" for n in range(1, len(actors) + len(taken) + 2) if f"actor-{n}" not in taken)
        ids[actor] = known or slug
        taken.add(ids[actor])
    return ids


@dataclass
class Draft:
    """What an import makes: the map's front matter, the new personas (id -> name) to stub,
    and notices of what the map does not keep as written."""

    data: Data  # front matter to write
    stubs: dict[str, str]
    notices: list[Notice]


def to_map(
    diagram: Diagram,
    *,
    default_title: str,
    stages: list[tuple[str, str]] | None = None,
    personas: dict[str, str] | None = None,
) -> Draft:
    """The journey map of a diagram: `stages` is the catalogue as (id, name) pairs or None,
    `personas` the handbook's persona names by id; `default_title` stands in for a diagram
    without `title` (or `accTitle`)."""
    personas = personas or {}
    if not diagram.actors:
        raise MermaidError(
            diagram.sections[0].line,
            "no task names an actor: write tasks as 'Task name: score: Actor' so the map has a persona",
        )
    actor_ids = persona_ids(diagram.actors, personas)
    notices = list(diagram.notices)
    blocks: list[Data] = []
    seen: dict[str, Section] = {}
    order = {id_: n for n, (id_, _) in enumerate(stages or ())}
    for number, section in enumerate(diagram.sections, 1):
        stage = resolve_stage(section, stages, number)
        if stage in seen:
            raise MermaidError(
                section.line,
                f"section {quoted(section.name)} is the stage {quoted(stage)} again (line {seen[stage].line}): a map has each stage once, so merge the two sections",
            )
        later = [s for s in seen if order and order[s] > order[stage]]
        if later:
            raise MermaidError(
                section.line,
                f"section {quoted(section.name)} comes after {quoted(seen[later[0]].name)}, but stages.yml puts {quoted(stage)} before {quoted(later[0])}: reorder the sections",
            )
        if stages is None and humanize(stage) != section.name:
            notices.append(
                Notice(
                    section.line,
                    f"section {quoted(section.name)} becomes the stage {quoted(stage)}, shown as {quoted(humanize(stage))}: "
                    "without a stages.yml a stage's name is made from its id; to keep the spelling, "
                    f"list the handbook's stages in stages.yml with '- id: {stage}' and 'name: {section.name}'",
                )
            )
        seen[stage] = section
        blocks.append({"stage": stage, "steps": [_step(task) for task in section.tasks]})
    data: Data = {"title": diagram.title or diagram.acc_title or default_title}
    if diagram.acc_description:
        data["summary"] = " ".join(diagram.acc_description.split("\n"))
    data["personas"] = list(dict.fromkeys(actor_ids.values()))
    data["stages"] = blocks
    stubs = {id_: actor for actor, id_ in actor_ids.items() if id_ not in personas}
    return Draft(data, stubs, notices)


def _step(task: Task) -> Data:
    return {"touchpoint": task.name, "emotion": task.score - SCORE_OFFSET}


def narrative(diagram: Diagram, source_name: str) -> str:
    """The map's Markdown body: where it came from, the diagram's accessible title, and,
    since the map format has no per-step persona, who takes which step when the diagram has
    several actors."""
    body = f"Imported from the Mermaid diagram {_plain(source_name)}.\n"
    if diagram.acc_title:
        body += f"\nAccessible title of the diagram: {_plain(diagram.acc_title)}\n"
    if len(diagram.actors) > 1:
        body += "\n## Who takes each step\n\n"
        body += "".join(
            f"- {_plain(task.name)}: {_plain(', '.join(task.actors) or 'no actor named')}\n"
            for section in diagram.sections
            for task in section.tasks
        )
    return body


def _plain(text: str) -> str:
    """Diagram text as plain text in Markdown, where raw HTML passes through and brackets
    make links: HTML escaped, Markdown's marks backslash-escaped, on one line."""
    return escape(re.sub(r"([\\`*_\[\]])", r"\\\1", " ".join(text.split("\n"))))
