"""The map format's keys and types, declared once.

The validator walks these declarations and the JSON Schema export describes them, so the two
cannot drift. Each type checks a value at a key path, reports problems to a `Checker` and
returns the value normalised (defaults filled in, shorthand strings expanded).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields

from journeys.core import model
from journeys.core.ids import ID_RE, is_valid_id
from journeys.core.problems import did_you_mean
from journeys.core.yaml_source import REJECTED

SEVERITIES = ("low", "medium", "high", "critical")
STATUSES = ("open", "in-progress", "resolved")
IMPACTS = ("low", "medium", "high")
STATES = ("current", "future")
VISIBILITIES = ("internal", "public")
EMOTION_MIN, EMOTION_MAX = -2, 2


def format_path(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def type_name(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, datetime.date):
        return "a date"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    return "text"


@dataclass
class Checker:
    """Collects problems and cross-file references while one document is checked."""

    report: Callable[..., None]  # (path: tuple, message: str, key: bool = False)
    refs: list = field(default_factory=list)  # (kind, value, path)


class Type:
    @property
    def description(self) -> str:
        """What the type accepts, in words for messages."""
        return ""

    def check(self, value, path: tuple, ck: Checker):
        raise NotImplementedError

    def json_schema(self) -> dict:
        raise NotImplementedError

    def wrong(self, value, path, ck: Checker):
        hint = " (put it in quotes)" if isinstance(self, Text) and not isinstance(value, (list, dict)) else ""
        ck.report(path, f"expected {self.description}, got {type_name(value)}{hint}")
        return None


@dataclass
class Text(Type):
    description = "text"

    def check(self, value, path, ck):
        if not isinstance(value, str):
            return self.wrong(value, path, ck)
        if not value.strip():
            ck.report(path, "is empty")
            return None
        return value

    def json_schema(self):
        return {"type": "string", "minLength": 1}


@dataclass
class TextOrNumber(Type):
    description = "text or a number"

    def check(self, value, path, ck):
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            return self.wrong(value, path, ck)
        return value if isinstance(value, str) else format(value, "g")

    def json_schema(self):
        return {"type": ["string", "number"]}


@dataclass
class Integer(Type):
    low: int
    high: int

    @property
    def description(self):
        return f"a whole number from {self.low} to {self.high}"

    def check(self, value, path, ck):
        if isinstance(value, bool) or not isinstance(value, int):
            return self.wrong(value, path, ck)
        if not self.low <= value <= self.high:
            ck.report(path, f"{value} is not between {self.low} and {self.high}")
            return None
        return value

    def json_schema(self):
        return {"type": "integer", "minimum": self.low, "maximum": self.high}


@dataclass
class Date(Type):
    description = "a date YYYY-MM-DD"

    def check(self, value, path, ck):
        if isinstance(value, datetime.date):
            return value
        return self.wrong(value, path, ck)

    def json_schema(self):
        return {"type": "string", "format": "date"}


@dataclass
class Image(Type):
    """An https URL, or a path relative to the docs folder; no other scheme can reach a page."""

    description = "an https URL or a path relative to the docs folder"

    def check(self, value, path, ck):
        value = Text().check(value, path, ck)
        if value is None:
            return None
        if value.lower().startswith("https://") or not (
            re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", value) or value.startswith(("//", "\\"))
        ):
            return value
        ck.report(path, f"'{value}' is not {self.description}")
        return None

    def json_schema(self):
        return {"type": "string", "minLength": 1, "pattern": "^(https://|(?![a-zA-Z][a-zA-Z0-9+.-]*:)(?!//))"}


@dataclass
class Choice(Type):
    choices: tuple

    @property
    def description(self):
        return "one of " + ", ".join(self.choices)

    def check(self, value, path, ck):
        if value in self.choices and isinstance(value, str):
            return value
        if isinstance(value, str):
            ck.report(path, f"'{value}' is not {self.description}{did_you_mean(value, self.choices)}")
            return None
        return self.wrong(value, path, ck)

    def json_schema(self):
        return {"enum": list(self.choices)}


@dataclass
class Id(Type):
    description = "an id (a-z, 0-9 and -, at most 63 characters)"

    def check(self, value, path, ck):
        if is_valid_id(value):
            return value
        if isinstance(value, str):
            ck.report(
                path, f"'{value}' is not a valid id: use 1 to 63 of a-z, 0-9 and -, starting with a letter or digit"
            )
            return None
        return self.wrong(value, path, ck)

    def json_schema(self):
        return {"type": "string", "pattern": "^" + ID_RE.pattern.replace("\\Z", "$")}


@dataclass
class Ref(Type):
    """A reference to another item, resolved once every file is loaded."""

    kind: str  # persona, stage, team, journey, pain-point
    free_text: bool = False  # teams may be free text when there is no teams.yml

    @property
    def description(self):
        return f"a {self.kind} id"

    def check(self, value, path, ck):
        value = (Text() if self.free_text else Id()).check(value, path, ck)
        if value is not None:
            ck.refs.append((self.kind, value, path))
        return value

    def json_schema(self):
        schema = (Text() if self.free_text else Id()).json_schema()
        return {**schema, "description": f"{self.kind} id"}


@dataclass
class ListOf(Type):
    item: Type
    min_items: int = 0
    single_ok: bool = False  # `personas: maya` means `personas: [maya]`

    @property
    def description(self):
        return f"a list (each item {self.item.description})"

    def check(self, value, path, ck):
        if value is REJECTED:  # reported already, when YAML was read
            return None
        if self.single_ok and not isinstance(value, (list, dict)) and value is not None:
            value = [value]
        if not isinstance(value, list):
            return self.wrong(value, path, ck)
        if len(value) < self.min_items:
            ck.report(path, f"needs at least {self.min_items} item{'s' if self.min_items > 1 else ''}")
        out = [self.item.check(item, path + (i,), ck) for i, item in enumerate(value) if item is not REJECTED]
        return [item for item in out if item is not None]

    def json_schema(self):
        schema: dict = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        if self.single_ok:
            return {"anyOf": [schema, self.item.json_schema()]}
        return schema


@dataclass(frozen=True)
class Key:
    name: str
    type: Type
    required: bool = False
    default: object = None
    doc: str = ""


@dataclass
class Record(Type):
    """A mapping with known keys; `shorthand` names the key a bare string stands for. `model`
    is the dataclass its validated data becomes (see `build`)."""

    name: str
    keys: tuple
    shorthand: str | None = None
    model: type | None = None

    @property
    def description(self):
        article = "an" if self.name[0] in "aeiouAEIOU" else "a"
        return f"{article} {self.name}" + (
            f" (text or a mapping with '{self.shorthand}')" if self.shorthand else " (a mapping)"
        )

    def check(self, value, path, ck):
        if value is REJECTED:
            return None
        if self.shorthand and isinstance(value, str):
            value = {self.shorthand: value}
        if not isinstance(value, dict):
            return self.wrong(value, path, ck)
        known = {k.name: k for k in self.keys}
        for name in value:
            if name not in known:
                ck.report(path + (name,), f"unknown key{did_you_mean(name, known)}", True)
        out: dict = {}
        for key in self.keys:
            if value.get(key.name) is REJECTED:
                out[key.name] = None
            elif key.name in value and value[key.name] is not None:
                out[key.name] = key.type.check(value[key.name], path + (key.name,), ck)
            elif key.required:
                ck.report(path, f"missing required key '{key.name}'")
                out[key.name] = None
            else:
                out[key.name] = list(key.default) if isinstance(key.default, tuple) else key.default
        return out

    def json_schema(self):
        props = {}
        for key in self.keys:
            props[key.name] = {**key.type.json_schema(), **({"description": key.doc} if key.doc else {})}
            if key.default not in (None, ()):
                props[key.name]["default"] = key.default
        schema = {
            "type": "object",
            "properties": props,
            "required": [k.name for k in self.keys if k.required],
            "additionalProperties": False,
        }
        if self.shorthand:
            return {"anyOf": [schema, {"type": "string", "minLength": 1}]}
        return schema


TEXTS = ListOf(Text())

PERSONA = Record(
    "persona",
    (
        Key("name", Text(), True, doc="display name"),
        Key("id", Id(), doc="defaults to the file name"),
        Key("summary", Text(), doc="one line"),
        Key("segment", Text(), doc="market segment or customer type"),
        Key("goals", TEXTS, default=()),
        Key("frustrations", TEXTS, default=()),
        Key("needs", TEXTS, default=()),
        Key("quote", Text(), doc="something this persona would say"),
        Key("image", Image(), doc="path relative to the docs folder, or an https URL"),
        Key("tags", TEXTS, default=()),
        Key("visibility", Choice(VISIBILITIES), default="internal", doc="public: also published by a public build"),
    ),
    model=model.Persona,
)

CATALOGUE_ENTRY_KEYS = (
    Key("id", Id(), True),
    Key("name", Text()),
    Key("description", Text()),
)
STAGE = Record("stage", CATALOGUE_ENTRY_KEYS)


@dataclass
class Handle(Type):
    """A code-host handle as CODEOWNERS takes it: @user, @org/team, or an e-mail address."""

    description = "a code-host handle such as @maya or @org/cx-care"
    # An e-mail address's domain holds a dot after its first character: written so that only
    # the first such dot can match, or `a@b.b.b…@` would be tried at every dot (quadratic).
    PATTERN = re.compile(
        r"(@[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?(?:/[A-Za-z0-9][A-Za-z0-9_.-]*)*|[^@\s]+@[^@\s][^@\s.]*\.[^@\s]+)\Z"
    )

    def check(self, value, path, ck):
        if isinstance(value, str) and self.PATTERN.match(value):
            return value
        if isinstance(value, str):
            hint = f" (did you mean '@{value}'?)" if self.PATTERN.match("@" + value) else ""
            ck.report(path, f"'{value}' is not a code-host handle: write @user or @org/team{hint}")
            return None
        return self.wrong(value, path, ck)

    def json_schema(self):
        return {"type": "string", "pattern": "^" + self.PATTERN.pattern.replace("\\Z", "$")}


TEAM = Record(
    "team",
    CATALOGUE_ENTRY_KEYS
    + (
        Key("contact", Text()),
        Key(
            "reviewers",
            ListOf(Handle(), single_ok=True),
            default=(),
            doc="who must approve changes to this team's maps",
        ),
    ),
)

KPI = Record(
    "KPI",
    (
        Key("name", Text(), True),
        Key("current", TextOrNumber()),
        Key("target", TextOrNumber()),
        Key("unit", TextOrNumber()),
    ),
    shorthand="name",
    model=model.Kpi,
)

PAIN_POINT = Record(
    "pain point",
    (
        Key("text", Text(), True),
        Key("id", Id(), doc="pain points that share an id are one pain point seen in several places"),
        Key("severity", Choice(SEVERITIES), default="medium"),
        Key("evidence", TEXTS, default=(), doc="quotes, figures or http(s) URLs"),
        Key("status", Choice(STATUSES), default="open"),
    ),
    shorthand="text",
    model=model.PainPoint,
)

OPPORTUNITY = Record(
    "opportunity",
    (
        Key("text", Text(), True),
        Key("impact", Choice(IMPACTS)),
        Key("addresses", ListOf(Ref("pain-point")), default=(), doc="pain point ids"),
    ),
    shorthand="text",
    model=model.Opportunity,
)

TEAM_REF = Ref("team", free_text=True)


def step_record(custom_fields=()) -> Record:
    """The step type, with the site's declared custom lanes as extra keys."""
    custom = tuple(
        Key(key, ListOf(Text(), single_ok=True), doc=f"custom lane: {label}") for key, label in custom_fields
    )
    return Record(
        "step",
        (
            Key("touchpoint", Text(), True, doc="where the customer meets the company"),
            Key("channel", Text()),
            Key("action", Text(), doc="what the customer does"),
            Key("thinking", Text(), doc="what the customer thinks or says"),
            Key("emotion", Integer(EMOTION_MIN, EMOTION_MAX), True, doc="-2 very negative, 0 neutral, 2 very positive"),
            Key("owner", TEAM_REF),
            Key("supporting", ListOf(TEAM_REF), default=()),
            Key("tools", TEXTS, default=()),
            Key("kpis", ListOf(KPI), default=()),
            Key("pain_points", ListOf(PAIN_POINT), default=()),
            Key("opportunities", ListOf(OPPORTUNITY), default=()),
            Key("gaps", TEXTS, default=(), doc="what the company does not know yet here"),
        )
        + custom,
        model=model.Step,
    )


def journey_record(custom_fields=()) -> Record:
    stage_block = Record(
        "stage block",
        (
            Key("stage", Ref("stage"), True),
            Key("goal", Text()),
            Key("expectations", TEXTS, default=()),
            Key("steps", ListOf(step_record(custom_fields), min_items=1), True),
        ),
        model=model.StageBlock,
    )
    return Record(
        "journey",
        (
            Key("title", Text(), True),
            Key("id", Id(), doc="defaults to the file name"),
            Key("summary", Text(), doc="one line"),
            Key("personas", ListOf(Ref("persona"), min_items=1, single_ok=True), True),
            Key("owner", TEAM_REF, doc="who owns the journey as a whole"),
            Key("state", Choice(STATES), default="current"),
            Key("baseline", Ref("journey"), doc="only with state: future"),
            Key("reviewed", Date(), doc="date of the last review"),
            Key("tags", TEXTS, default=()),
            Key("kpis", ListOf(KPI), default=()),
            Key("stages", ListOf(stage_block, min_items=1), True),
            Key("visibility", Choice(VISIBILITIES), default="internal", doc="public: also published by a public build"),
        ),
        model=model.Journey,
    )


def complete(record: Record, data) -> bool:
    """Whether validated `data` has every required value: an entry that lacks one was reported
    and has nothing to show, so it is left out of the model."""
    return isinstance(data, dict) and all(data.get(k.name) is not None for k in record.keys if k.required)


def build(record: Record, data: dict, **fields_):
    """The record's model from its validated `data`: every key that names a field of the
    model, lists as tuples, nested records built in turn (the incomplete left out). `fields_`
    are the model's fields the data does not give as they are (context, resolved references);
    they win over keys of the same name."""
    model = record.model
    assert model is not None, f"the {record.name} record names no model dataclass"  # every record built names one
    names = _field_names(model)
    values = {
        k.name: _built(k.type, data.get(k.name)) for k in record.keys if k.name in names and k.name not in fields_
    }
    return model(**values, **fields_)


def _built(kind: Type, value):
    if isinstance(kind, ListOf):
        item = kind.item
        if isinstance(item, Record) and item.model is not None:
            return tuple(build(item, v) for v in value or () if complete(item, v))
        return tuple(value or ())
    return value


_FIELDS: dict = {}


def _field_names(model_class) -> frozenset:
    if model_class not in _FIELDS:
        _FIELDS[model_class] = frozenset(f.name for f in fields(model_class))
    return _FIELDS[model_class]
