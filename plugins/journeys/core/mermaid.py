"""Mermaid `journey` diagrams to journey maps.

A diagram is read the way Mermaid's own grammar reads it (`title`, `section`,
`Task: score: Actor, Actor`, `%%` and `#` comments, `accTitle`/`accDescr` lines, an optional
YAML front matter block with `title:`), and is turned into the front matter of a map:
sections become stages, tasks become steps with emotion = score - 3, actors become personas.
Anything that cannot become a valid map is a `MermaidError` with its line number.
"""

from __future__ import annotations

import re
from html import escape
from dataclasses import dataclass, field

from journeys.core.ids import slugify
from journeys.core.problems import did_you_mean
from journeys.core.schema import EMOTION_MAX, EMOTION_MIN

SCORE_OFFSET = 3  # Mermaid scores run 1 to 5; 3 is neutral
SCORE_MIN, SCORE_MAX = EMOTION_MIN + SCORE_OFFSET, EMOTION_MAX + SCORE_OFFSET
_FENCE = re.compile(r"^\s*(```+|~~~+)\s*mermaid\s*$")
_KEYWORD = re.compile(r"^(title|section)(?:\s+(.*))?$", re.IGNORECASE)


class MermaidError(Exception):
    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line, self.message = line, message

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


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

    @property
    def actors(self) -> list[str]:
        """Every actor once, in order of first appearance."""
        seen: dict[str, None] = {}
        for section in self.sections:
            for task in section.tasks:
                seen.update(dict.fromkeys(task.actors))
        return list(seen)


def _diagram_lines(text: str) -> list[tuple[int, str]]:
    """(line number, line) of the diagram: the first ```mermaid block of a Markdown file
    whose diagram is a journey, or the whole text of a .mmd file."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    numbered = list(enumerate(lines, 1))
    starts = [i for i, line in numbered if _FENCE.match(line)]
    for start in starts:
        fence = _FENCE.match(lines[start - 1]).group(1)
        block = []
        for number, line in numbered[start:]:
            if line.strip().startswith(fence[:3]) and line.strip().strip(fence[0]) == "":
                break
            block.append((number, line))
        if any(line.strip().lower() == "journey" for _, line in block):
            return block
    return numbered


def _front_matter_title(lines: list[tuple[int, str]]) -> tuple[str | None, list[tuple[int, str]]]:
    """Mermaid accepts a `---` block with `title: ...` before the diagram."""
    content = [(n, line) for n, line in lines if line.strip()]
    if not content or content[0][1].strip() != "---":
        return None, lines
    title = None
    for i, (number, line) in enumerate(content[1:], 1):
        if line.strip() == "---":
            rest = [(n, text) for n, text in lines if n > number]
            return title, rest
        match = re.match(r"^\s*title:\s*(.*)$", line)
        if match:
            title = match.group(1).strip().strip("'\"") or None
    raise MermaidError(content[0][0], "the '---' block above the diagram is not closed: add a line '---'")


def parse(text: str) -> Diagram:
    """Read a Mermaid journey diagram (or a Markdown file holding one)."""
    title, lines = _front_matter_title(_diagram_lines(text))
    sections: list[Section] = []
    seen_header = False
    in_description = False
    for number, raw in lines:
        line = raw.strip()
        if in_description:
            in_description = "}" not in line
            continue
        if not line or line.startswith(("%%", "#")):
            continue
        if not seen_header:
            if line.lower() != "journey":
                raise MermaidError(number, f"expected 'journey' as the first line of the diagram, got '{line}': only Mermaid journey diagrams can be imported")
            seen_header = True
            continue
        line = re.split(r"#|;|%%", line, maxsplit=1)[0].strip()  # where Mermaid's grammar ends a statement
        if re.match(r"^acc(Title|Descr)\s*:", line):
            continue
        if re.match(r"^accDescr\s*\{", line):
            in_description = "}" not in line
            continue
        keyword = _KEYWORD.match(line)
        if keyword and keyword.group(1).lower() == "title":
            title = (keyword.group(2) or "").strip() or None
        elif keyword:
            name = (keyword.group(2) or "").strip()
            if not name or ":" in name:
                raise MermaidError(number, f"cannot read '{line}': a section is 'section <stage name>', without ':'")
            sections.append(Section(name, number))
        else:
            task = _task(line, number)
            if not sections:
                raise MermaidError(number, f"task '{task.name}' comes before the first section: add a line 'section <stage name>' above it")
            sections[-1].tasks.append(task)
    if not seen_header:
        raise MermaidError(None, "no Mermaid diagram found: the file should start with 'journey'")
    if not sections:
        raise MermaidError(None, "the diagram has no sections: add 'section <stage name>' and tasks below it")
    for section in sections:
        if not section.tasks:
            raise MermaidError(section.line, f"section '{section.name}' has no tasks: add 'Task name: score: Actor' lines below it")
    return Diagram(title, sections)


def _task(line: str, number: int) -> Task:
    parts = line.split(":", 2)
    if len(parts) < 2 or not parts[0].strip():
        raise MermaidError(number, f"cannot read '{line}': a task is 'Task name: score: Actor, Actor'")
    name, score_text = parts[0].strip(), parts[1].strip()
    if not re.fullmatch(r"[+-]?\d+", score_text):
        raise MermaidError(number, f"task '{name}': the score '{score_text}' is not a whole number from {SCORE_MIN} to {SCORE_MAX}")
    score = int(score_text)
    if not SCORE_MIN <= score <= SCORE_MAX:
        raise MermaidError(number, f"task '{name}': the score {score} is not between {SCORE_MIN} and {SCORE_MAX}")
    actors = [a.strip() for a in parts[2].split(",")] if len(parts) > 2 else []
    return Task(name, score, [a for a in actors if a], number)


def resolve_stage(section: Section, catalogue: list[tuple[str, str]] | None) -> str:
    """The stage id a section names. With a catalogue (id, name) the section must name a
    stage by its id or its display name (case and punctuation do not matter); without one,
    the slug of the section name is the new stage's id."""
    slug = slugify(section.name)
    if catalogue is None:
        if not slug:
            raise MermaidError(section.line, f"section '{section.name}' makes no stage id: use letters or digits")
        return slug
    for id_, name in catalogue:
        if slug in (id_, slugify(name)):
            return id_
    hint = did_you_mean(slug, [id_ for id_, _ in catalogue]) or did_you_mean(section.name, [name for _, name in catalogue])
    known = ", ".join(id_ for id_, _ in catalogue)
    raise MermaidError(section.line, f"section '{section.name}' is not a stage in stages.yml{hint}; rename the section to one of: {known}")


def persona_id(actor: str, personas: dict[str, str]) -> str:
    """An existing persona whose id or name the actor gives, else the actor's slug."""
    slug = slugify(actor)
    for id_, name in personas.items():
        if slug == id_ or actor.casefold() == name.casefold():
            return id_
    return slug


def to_map(
    diagram: Diagram, *, default_title: str, stages: list[tuple[str, str]] | None = None,
    personas: dict[str, str] | None = None,
) -> dict:
    """The front matter of the journey map: `stages` is the catalogue as (id, name) pairs or
    None, `personas` the handbook's persona names by id; `default_title` stands in for a
    diagram without `title`."""
    personas = personas or {}
    actor_ids = {actor: persona_id(actor, personas) for actor in diagram.actors}
    for actor, id_ in actor_ids.items():
        if not id_:
            line = next(t.line for s in diagram.sections for t in s.tasks if actor in t.actors)
            raise MermaidError(line, f"actor '{actor}' makes no persona id: use letters or digits in actor names")
    if not actor_ids:
        raise MermaidError(diagram.sections[0].line, "no task names an actor: write tasks as 'Task name: score: Actor' so the map has a persona")
    blocks, seen = [], {}
    order = {id_: n for n, (id_, _) in enumerate(stages or ())}
    for section in diagram.sections:
        stage = resolve_stage(section, stages)
        if stage in seen:
            raise MermaidError(section.line, f"section '{section.name}' is the stage '{stage}' again (line {seen[stage].line}): a map has each stage once, so merge the two sections")
        later = [s for s, other in seen.items() if order and order[s] > order[stage]]
        if later:
            raise MermaidError(section.line, f"section '{section.name}' comes after '{seen[later[0]].name}', but stages.yml puts '{stage}' before '{later[0]}': reorder the sections")
        seen[stage] = section
        blocks.append({"stage": stage, "steps": [_step(task) for task in section.tasks]})
    return {
        "title": diagram.title or default_title,
        "personas": list(dict.fromkeys(actor_ids.values())),
        "stages": blocks,
    }


def _step(task: Task) -> dict:
    return {"touchpoint": task.name, "emotion": task.score - SCORE_OFFSET}


def narrative(diagram: Diagram, source_name: str) -> str:
    """The map's Markdown body: where it came from and, since the map format has no
    per-step persona, who takes which step when the diagram has several actors."""
    # The body is Markdown, where raw HTML passes through: diagram text is escaped.
    body = f"Imported from the Mermaid diagram {escape(source_name)}.\n"
    if len(diagram.actors) > 1:
        body += "\n## Who takes each step\n\n"
        body += "".join(
            f"- {escape(task.name)}: {escape(', '.join(task.actors) or 'no actor named')}\n"
            for section in diagram.sections for task in section.tasks
        )
    return body
