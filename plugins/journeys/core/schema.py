"""The map format's keys and types, declared once.

The validator walks these declarations and the JSON Schema export describes them, so the two
cannot drift. Each type checks a value at a key path, reports problems to a `Checker` and
returns the value normalised (defaults filled in, shorthand strings expanded).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from journeys.core import model
from journeys.core.ids import ID_RE, is_valid_id
from journeys.core.problems import did_you_mean
from journeys.core.yaml_source import REJECTED

SEVERITIES = ("low", "medium", "high", "critical")
STATUSES = ("open", "in-progress", "resolved")
IMPACTS = ("low", "medium", "high")
STATES = ("current", "future")
VISIBILITIES = ("internal", "public")
INTERNAL, PUBLIC = VISIBILITIES  # a field's audience: see Key
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
    """One field of the map format, declared once; everything that knows about a field reads it
    here. The validator and `journeys schema` read `type`, `required`, `default`, `doc` and
    `label`; `build` fills the model's field `model_field` (default: the key); a public build
    empties a field whose `audience` is INTERNAL unless `public_fields` names it
    (core/audience.py); the map grid shows a step field with a `lane` as a lane with that
    label (render/canvas.py); `journeys new` writes `example` (cli/scaffolds.py); a form editor
    takes its widget from `type`, its label, `doc` as the hint and `required`."""

    name: str
    type: Type
    required: bool = False
    default: object = None
    doc: str = ""
    audience: str = ""  # INTERNAL (internal-facing) or PUBLIC; "" is no decision, which tests refuse
    label: str = ""  # the field's name for people; default: the key with spaces, capitalised
    lane: str = ""  # a step field shown as a lane of the map grid: the lane's label
    example: object = None  # what `journeys new` writes, commented out, when it writes no value
    model_field: str = ""  # the model's field, when it is not named as the key
    custom: bool = False  # one of the site's custom fields, kept in the model's `custom` pairs

    def __post_init__(self):
        if not self.label:
            object.__setattr__(self, "label", self.name.replace("_", " ").capitalize())
        if not self.model_field:
            object.__setattr__(self, "model_field", self.name)


@dataclass
class Record(Type):
    """A mapping with known keys; `shorthand` names the key a bare string stands for. `model`
    is the dataclass its validated data becomes (see `build`)."""

    name: str
    keys: tuple
    shorthand: str | None = None
    model: type | None = None
    derived: tuple[str, ...] = ()  # fields of `model` that no key gives: the builder fills them in
    body: str = ""  # a file with a Markdown body below this front matter: what the body holds

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
            props[key.name] = {
                "title": key.label,
                **key.type.json_schema(),
                **({"description": key.doc} if key.doc else {}),
            }
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
# Keys of both personas and journeys.
MAP_ID = Key("id", Id(), doc="only when the file name is not a valid id; defaults to the file name", audience=PUBLIC)
VISIBILITY = Key(
    "visibility",
    Choice(VISIBILITIES),
    default="internal",
    doc="public: also published by a public build",
    audience=PUBLIC,
    example="public",
)

PERSONA = Record(
    "persona",
    (
        Key("name", Text(), True, doc='display name, e.g. "Maya, first-time buyer"', audience=PUBLIC),
        MAP_ID,
        Key(
            "summary",
            Text(),
            doc="one line",
            audience=PUBLIC,
            example="Buys her first home insurance, online, on a budget.",
        ),
        Key("segment", Text(), doc="market segment or customer type", audience=PUBLIC, example="Direct, under 30"),
        Key(
            "goals",
            TEXTS,
            default=(),
            doc="what this customer wants to achieve",
            audience=PUBLIC,
            example=["Cover that fits a first flat"],
        ),
        Key(
            "frustrations",
            TEXTS,
            default=(),
            doc="what gets in their way",
            audience=PUBLIC,
            example=["Forms that ask the same thing twice"],
        ),
        Key(
            "needs", TEXTS, default=(), doc="what they need from us", audience=PUBLIC, example=["A price she can trust"]
        ),
        Key(
            "quote", Text(), doc="something this persona would say", audience=PUBLIC, example="I just want it to work."
        ),
        Key(
            "image",
            Image(),
            doc="path relative to the docs folder, or an https URL",
            audience=PUBLIC,
            example="images/personas/maya.jpg",
        ),
        Key("tags", TEXTS, default=(), doc="free-text labels", audience=PUBLIC, example=["direct"]),
        VISIBILITY,
    ),
    model=model.Persona,
    derived=("source", "body", "problems", "links"),
    body="who this persona is and what that rests on: interviews, surveys, analytics, with dates and numbers",
)

CATALOGUE_ENTRY_KEYS = (
    Key("id", Id(), True, doc="what maps write to name it", audience=PUBLIC),
    Key("name", Text(), doc="display name; default: the id with dashes as spaces, capitalised", audience=PUBLIC),
    Key("description", Text(), doc="one or two sentences", audience=PUBLIC),
)
# A catalogue entry is published when a public map names it (core/audience.py).
STAGE = Record("stage", CATALOGUE_ENTRY_KEYS, model=model.CatalogueEntry, derived=("contact", "reviewers"))


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
        Key("contact", Text(), doc="a channel or an e-mail address", audience=PUBLIC),
        Key(
            "reviewers",
            ListOf(Handle(), single_ok=True),
            default=(),
            doc="who must approve changes to this team's maps",
            audience=INTERNAL,
        ),
    ),
    model=model.CatalogueEntry,
)

KPI = Record(
    "KPI",
    (
        Key("name", Text(), True, doc="what is measured", audience=PUBLIC),
        Key("current", TextOrNumber(), doc="today's value", audience=PUBLIC, example="55%"),
        Key("target", TextOrNumber(), doc="the value we aim for", audience=PUBLIC, example="80%"),
        Key("unit", TextOrNumber(), doc="e.g. working days", audience=PUBLIC),
    ),
    shorthand="name",
    model=model.Kpi,
)

PAIN_POINT = Record(
    "pain point",
    (
        Key("text", Text(), True, doc="what goes wrong, from the customer's side", audience=PUBLIC),
        Key(
            "id",
            Id(),
            doc="pain points that share an id are one pain point seen in several places",
            audience=PUBLIC,
            model_field="key",
        ),
        Key("severity", Choice(SEVERITIES), default="medium", doc="the index ranks by it", audience=PUBLIC),
        Key("evidence", TEXTS, default=(), doc="quotes, figures or http(s) URLs", audience=INTERNAL),
        Key("status", Choice(STATUSES), default="open", doc="whether it is fixed yet", audience=PUBLIC),
    ),
    shorthand="text",
    model=model.PainPoint,
    derived=("explicit_id",),
)

OPPORTUNITY = Record(
    "opportunity",
    (
        Key("text", Text(), True, doc="what we could do", audience=PUBLIC),
        Key("impact", Choice(IMPACTS), doc="how much it would help", audience=PUBLIC),
        Key("addresses", ListOf(Ref("pain-point")), default=(), doc="pain point ids", audience=PUBLIC),
    ),
    shorthand="text",
    model=model.Opportunity,
)

TEAM_REF = Ref("team", free_text=True)


def step_record(custom_fields=()) -> Record:
    """The step type, with the site's declared custom lanes as extra keys."""
    custom = tuple(
        Key(
            key,
            ListOf(Text(), single_ok=True),
            doc=f'the custom lane "{label}": a sentence or a list of sentences',
            audience=INTERNAL,
            label=label,
            lane=label,
            example="What happens out of the customer's sight.",
            custom=True,
        )
        for key, label in custom_fields
    )
    return Record(
        "step",
        (
            Key("touchpoint", Text(), True, doc="where the customer meets the company", audience=PUBLIC),
            Key(
                "id",
                Id(),
                doc="only for a step something refers to (a measure's step column, a step's details); "
                "unique within the journey",
                audience=PUBLIC,
                example="quote-form",
            ),
            Key(
                "channel", Text(), doc="web, app, phone, store, e-mail, ...: free text", audience=PUBLIC, lane="Channel"
            ),
            Key("action", Text(), doc="what the customer does", audience=PUBLIC, lane="Action"),
            Key("thinking", Text(), doc="what the customer thinks or says", audience=PUBLIC, lane="Thinking"),
            Key(
                "emotion",
                Integer(EMOTION_MIN, EMOTION_MAX),
                True,
                doc="-2 very negative, 0 neutral, 2 very positive",
                audience=PUBLIC,
                lane="Emotion",
            ),
            Key("owner", TEAM_REF, doc="the team that owns this touchpoint", audience=INTERNAL),
            Key("supporting", ListOf(TEAM_REF), default=(), doc="teams that support the owner", audience=INTERNAL),
            Key("tools", TEXTS, default=(), doc="systems and processes used here", audience=INTERNAL, example=["CRM"]),
            Key(
                "pain_points",
                ListOf(PAIN_POINT),
                default=(),
                doc="what goes wrong for the customer here: a sentence, or a mapping; give the same id "
                "wherever the same problem appears",
                audience=PUBLIC,
                lane="Pain points",
                example=[
                    {
                        "id": "example-pain",
                        "text": "What goes wrong for the customer.",
                        "severity": "medium",
                        "evidence": ["Interview 3: it took me an hour"],
                    }
                ],
            ),
            Key(
                "opportunities",
                ListOf(OPPORTUNITY),
                default=(),
                doc="what we could do about it: a sentence, or a mapping",
                audience=PUBLIC,
                lane="Opportunities",
                example=[{"text": "What we could do about it.", "impact": "medium", "addresses": ["example-pain"]}],
            ),
            Key(
                "gaps",
                TEXTS,
                default=(),
                doc="what the company does not know yet here",
                audience=INTERNAL,
                lane="Gaps",
                example=["How many customers give up here?"],
            ),
            Key(
                "kpis",
                ListOf(KPI),
                default=(),
                doc="measures of this touchpoint: a name, or name, current, target and unit",
                audience=INTERNAL,
                label="KPIs",
                lane="Measures",
                example=["Click-through rate"],
            ),
        )
        + custom,
        model=model.Step,
        derived=("anchor", "custom"),
    )


def journey_record(custom_fields=()) -> Record:
    stage_block = Record(
        "stage block",
        (
            Key("stage", Ref("stage"), True, doc="which stage this block describes", audience=PUBLIC),
            Key("goal", Text(), doc="what the customer wants to achieve in this stage", audience=PUBLIC),
            Key(
                "expectations",
                TEXTS,
                default=(),
                doc="what the customer assumes will happen; in [brackets] a comma starts a new item, "
                "so quote an item that has one",
                audience=PUBLIC,
                example=["A clear answer", "Real prices, not teaser prices"],
            ),
            Key(
                "steps",
                ListOf(step_record(custom_fields), min_items=1),
                True,
                doc="the touchpoints of this stage, in time order",
                audience=PUBLIC,
            ),
        ),
        model=model.StageBlock,
    )
    return Record(
        "journey",
        (
            Key("title", Text(), True, doc="the name of the map as people say it", audience=PUBLIC),
            MAP_ID,
            Key("summary", Text(), doc="one line", audience=PUBLIC),
            Key(
                "personas",
                ListOf(Ref("persona"), min_items=1, single_ok=True),
                True,
                doc="who takes this journey: persona ids, or one",
                audience=PUBLIC,
            ),
            Key("owner", TEAM_REF, doc="who owns the journey as a whole", audience=INTERNAL),
            Key(
                "state",
                Choice(STATES),
                default="current",
                doc="current (how it works today) or future (a design)",
                audience=PUBLIC,
            ),
            Key(
                "baseline",
                Ref("journey"),
                doc="only with state: future: the current-state journey this one redesigns",
                audience=PUBLIC,
                example="another-journey-id",
            ),
            Key("reviewed", Date(), doc="date of the last review", audience=PUBLIC),
            Key("tags", TEXTS, default=(), doc="free-text labels", audience=PUBLIC, example=["example"]),
            Key(
                "kpis",
                ListOf(KPI),
                default=(),
                doc="journey-level measures: a name, or name, current, target and unit",
                audience=INTERNAL,
                label="KPIs",
                example=[{"name": "Completed in one contact", "current": "55%", "target": "80%"}],
            ),
            Key(
                "stages",
                ListOf(stage_block, min_items=1),
                True,
                doc="one block per stage, in the catalogue's order, each stage at most once",
                audience=PUBLIC,
            ),
            VISIBILITY,
        ),
        model=model.Journey,
        derived=("source", "folder", "body", "problems", "links"),
        body="what research this map rests on, who took part, open questions",
    )


def complete(record: Record, data) -> bool:
    """Whether validated `data` has every required value: an entry that lacks one was reported
    and has nothing to show, so it is left out of the model."""
    return isinstance(data, dict) and all(data.get(k.name) is not None for k in record.keys if k.required)


def build(record: Record, data: dict, **fields_):
    """The record's model from its validated `data`: each key fills the model's field of its
    `model_field`, lists as tuples, nested records built in turn (the incomplete left out), and the
    custom keys fill `custom` with (key, values) pairs. `fields_` are the model's fields the
    data does not give as they are (context, resolved references); they win over keys."""
    model = record.model
    assert model is not None, f"the {record.name} record names no model dataclass"  # every record built names one
    values = {}
    custom = []
    for k in record.keys:
        if k.custom:
            if data.get(k.name):
                custom.append((k.name, tuple(data[k.name])))
        elif k.model_field not in fields_:
            values[k.model_field] = _built(k.type, data.get(k.name))
    if custom:
        values["custom"] = tuple(custom)
    return model(**values, **fields_)


def _built(kind: Type, value):
    if isinstance(kind, ListOf):
        item = kind.item
        if isinstance(item, Record) and item.model is not None:
            return tuple(build(item, v) for v in value or () if complete(item, v))
        return tuple(value or ())
    return value


def held_record(kind: Type) -> Record | None:
    """The record a key of this type holds (itself or as list items), if any."""
    kind = kind.item if isinstance(kind, ListOf) else kind
    return kind if isinstance(kind, Record) else None


def records_in(record: Record) -> list[Record]:
    """`record` and every record its keys hold, depth first."""
    found = [record]
    for key in record.keys:
        inner = held_record(key.type)
        if inner is not None:
            found += records_in(inner)
    return found
