"""The map format's keys and types, declared once.

The validator walks these declarations and the JSON Schema export describes them, so the two
cannot drift. Each type checks a value at a key path, reports problems to a `Checker` and
returns the value normalised (defaults filled in, shorthand strings expanded).
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, NamedTuple, Protocol, TypeVar

from journeys.core import model
from journeys.core.ids import ID_RE, is_valid_id
from journeys.core.problems import did_you_mean, quoted
from journeys.core.yaml_source import REJECTED, Path

SEVERITIES = ("low", "medium", "high", "critical")
STATUSES = ("open", "in-progress", "resolved")
IMPACTS = ("low", "medium", "high")
STATES = ("current", "future")
# Map format 1.2: what kind of research an insight is, and where an opportunity is on its way
# to delivery.
INSIGHT_KINDS = (
    "interview",
    "survey",
    "analytics",
    "support-tickets",
    "usability-test",
    "review",
    "observation",
    "other",
)
OPPORTUNITY_STATUSES = ("idea", "planned", "in-progress", "shipped", "dropped")
SCORE_MIN, SCORE_MAX = 1, 5  # value, business_value and effort of an opportunity
MAX_PARTICIPANTS = 1_000_000_000
VISIBILITIES = ("internal", "public")
# Measures (map format 1.2, "Measures over time"): how each kind is read by default.
MEASURE_KINDS = ("nps", "csat", "ces", "percent", "count", "duration", "score")
BETTER = ("higher", "lower")
KIND_UNITS = {"percent": "%", "duration": "d"}  # every other kind: no unit
LOWER_IS_BETTER = ("ces", "duration")
INTERNAL, PUBLIC = VISIBILITIES  # a field's audience: see Key
EMOTION_MIN, EMOTION_MAX = -2, 2
# The groups of a service blueprint (map format 1.2, "Service blueprint lanes"), top to bottom:
# the customer's lanes, then the three a custom field's `lane` may name.
CUSTOMER = "customer"
LANE_GROUPS = ("frontstage", "backstage", "support")
# What each group holds, in the words of the option's error and of a lane's hint in the editor.
LANE_MEANINGS = {
    "frontstage": "what the customer sees staff or systems do",
    "backstage": "what staff do out of sight",
    "support": "the systems, partners and policies behind them",
}
MAX_LEVELS = 4  # journeys at every zoom level: lifecycle, macro, micro and one more, at most


class CustomField(NamedTuple):
    """A step key the site declares (the plugin option `custom_fields`): `label` titles its
    lane of the map grid, `lane` is the blueprint group it is drawn in (one of LANE_GROUPS),
    or "" for none."""

    key: str
    label: str
    lane: str = ""


# The custom fields a site declares, as `step_record` and `custom_fields_of` take them.
CustomFields = Iterable[CustomField | tuple[str, str]]
# Front matter as a Record's `check` returns it: the schema declares its shape, per record.
Data = dict[str, Any]


def custom_fields_of(declared: CustomFields) -> tuple[CustomField, ...]:
    """Declared custom fields as `CustomField`s; (key, label) pairs are fields without a lane."""
    return tuple(CustomField(*entry) for entry in declared)


def format_path(path: Path) -> str:
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


class Report(Protocol):
    """Reports a problem at a key path of one document; `key`: at the key itself, not its value."""

    def __call__(self, path: Path, message: str, key: bool = False, /) -> None: ...


@dataclass
class Checker:
    """Collects problems and cross-file references while one document is checked."""

    report: Report
    refs: list[tuple[str, str, Path]] = field(default_factory=list)  # (kind, value, path)


class Type:
    @property
    def description(self) -> str:
        """What the type accepts, in words for messages."""
        return ""

    def check(self, value: object, path: Path, ck: Checker) -> object:
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def wrong(self, value: object, path: Path, ck: Checker) -> None:
        hint = " (put it in quotes)" if isinstance(self, Text) and not isinstance(value, (list, dict)) else ""
        ck.report(path, f"expected {self.description}, got {type_name(value)}{hint}")
        return None


@dataclass
class Text(Type):
    blank: bool = False  # "" is a value (a measure's unit: none)
    description = "text"

    def check(self, value: object, path: Path, ck: Checker) -> str | None:
        if not isinstance(value, str):
            self.wrong(value, path, ck)
            return None
        if not value.strip() and not self.blank:
            ck.report(path, "is empty")
            return None
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string"} if self.blank else {"type": "string", "minLength": 1}


@dataclass
class TextOrNumber(Type):
    description = "text or a number"

    def check(self, value: object, path: Path, ck: Checker) -> str | None:
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.wrong(value, path, ck)
            return None
        return value if isinstance(value, str) else format(value, "g")

    def json_schema(self) -> dict[str, Any]:
        return {"type": ["string", "number"]}


@dataclass
class Number(Type):
    """A number a page compares and draws: a whole number or a decimal, never true/false."""

    description = "a number"

    def check(self, value: object, path: Path, ck: Checker) -> float | None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.wrong(value, path, ck)
            return None
        if not math.isfinite(value):
            ck.report(path, f"{value} is not a number a page can show")
            return None
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "number"}


@dataclass
class Integer(Type):
    low: int
    high: int

    @property
    def description(self) -> str:
        return f"a whole number from {self.low} to {self.high}"

    def check(self, value: object, path: Path, ck: Checker) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.wrong(value, path, ck)
            return None
        if not self.low <= value <= self.high:
            ck.report(path, f"{value} is not between {self.low} and {self.high}")
            return None
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": self.low, "maximum": self.high}


@dataclass
class Date(Type):
    description = "a date YYYY-MM-DD"

    def check(self, value: object, path: Path, ck: Checker) -> datetime.date | None:
        if isinstance(value, datetime.date):
            return value
        self.wrong(value, path, ck)
        return None

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "date"}


@dataclass
class Image(Type):
    """An https URL, or a path relative to the docs folder; no other scheme can reach a page."""

    description = "an https URL or a path relative to the docs folder"

    def check(self, value: object, path: Path, ck: Checker) -> str | None:
        value = Text().check(value, path, ck)
        if value is None:
            return None
        if value.lower().startswith("https://") or not (
            re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", value) or value.startswith(("//", "\\"))
        ):
            return value
        ck.report(path, f"'{value}' is not {self.description}")
        return None

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "minLength": 1, "pattern": "^(https://|(?![a-zA-Z][a-zA-Z0-9+.-]*:)(?!//))"}


_URL_RE = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://\S*\Z")


@dataclass
class WebLink(Text):
    """An https URL: the address of a work item (an opportunity's ticket). A form editor shows
    it as text."""

    description = "an https URL"

    def check(self, value: object, path: Path, ck: Checker) -> str | None:
        value = Text().check(value, path, ck)
        if value is None:
            return None
        if _URL_RE.match(value) and value.lower().startswith("https://"):
            return value
        hint = f" (did you mean {quoted('https://' + value.split('://', 1)[1])}?)" if _URL_RE.match(value) else ""
        ck.report(path, f"{quoted(value)} is not {self.description}{hint}")
        return None

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": "^https://\\S+$"}


@dataclass
class TextOrLink(Text):
    """Plain text, or an https URL, which pages show as a link. A URL of another scheme is
    refused rather than shown as text that looks like a broken link."""

    description = "text, or an https URL"

    def check(self, value: object, path: Path, ck: Checker) -> str | None:
        value = Text().check(value, path, ck)
        if value is None:
            return None
        if _URL_RE.match(value) and not value.lower().startswith("https://"):
            ck.report(
                path,
                f"{quoted(value)} is a link but not an https one: write {quoted('https://' + value.split('://', 1)[1])}, "
                "or the place as plain text",
            )
            return None
        return value

    def json_schema(self) -> dict[str, Any]:
        return {
            "type": "string",
            "minLength": 1,
            "not": {"pattern": "^(?![hH][tT][tT][pP][sS]://)[a-zA-Z][a-zA-Z0-9+.-]*://\\S*$"},
        }


@dataclass
class Choice(Type):
    choices: tuple[str, ...]

    @property
    def description(self) -> str:
        return "one of " + ", ".join(self.choices)

    def check(self, value: object, path: Path, ck: Checker) -> str | None:
        if value in self.choices and isinstance(value, str):
            return value
        if isinstance(value, str):
            ck.report(path, f"'{value}' is not {self.description}{did_you_mean(value, self.choices)}")
            return None
        self.wrong(value, path, ck)
        return None

    def json_schema(self) -> dict[str, Any]:
        return {"enum": list(self.choices)}


@dataclass
class Id(Type):
    description = "an id (a-z, 0-9 and -, at most 63 characters)"

    def check(self, value: object, path: Path, ck: Checker) -> str | None:
        if is_valid_id(value):
            return value
        if isinstance(value, str):
            ck.report(
                path, f"'{value}' is not a valid id: use 1 to 63 of a-z, 0-9 and -, starting with a letter or digit"
            )
            return None
        self.wrong(value, path, ck)
        return None

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": "^" + ID_RE.pattern.replace("\\Z", "$")}


@dataclass
class Ref(Type):
    """A reference to another item, resolved once every file is loaded."""

    kind: str  # persona, stage, team, journey, pain-point
    free_text: bool = False  # teams may be free text when there is no teams.yml

    @property
    def description(self) -> str:
        return f"a {self.kind} id"

    def check(self, value: object, path: Path, ck: Checker) -> str | None:
        value = (Text() if self.free_text else Id()).check(value, path, ck)
        if value is not None:
            ck.refs.append((self.kind, value, path))
        return value

    def json_schema(self) -> dict[str, Any]:
        schema = (Text() if self.free_text else Id()).json_schema()
        return {**schema, "description": f"{self.kind} id"}


@dataclass
class ListOf(Type):
    item: Type
    min_items: int = 0
    single_ok: bool = False  # `personas: maya` means `personas: [maya]`

    @property
    def description(self) -> str:
        return f"a list (each item {self.item.description})"

    def check(self, value: object, path: Path, ck: Checker) -> list[Any] | None:
        if value is REJECTED:  # reported already, when YAML was read
            return None
        if self.single_ok and not isinstance(value, (list, dict)) and value is not None:
            value = [value]
        if not isinstance(value, list):
            self.wrong(value, path, ck)
            return None
        if len(value) < self.min_items:
            ck.report(path, f"needs at least {self.min_items} item{'s' if self.min_items > 1 else ''}")
        out = [self.item.check(item, path + (i,), ck) for i, item in enumerate(value) if item is not REJECTED]
        return [item for item in out if item is not None]

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        if self.single_ok:
            return {"anyOf": [schema, self.item.json_schema()]}
        return schema


@dataclass(frozen=True)
class Key:
    """One field of the map format, declared once; everything that knows about a field reads it
    here. The validator and `journeys schema` read `type`, `required` (waived when the key
    `unless` names is given), `default`, `doc` and `label`; `build` fills the model's field
    `model_field` (default: the key); a public build
    empties a field whose `audience` is INTERNAL unless `public_fields` names it
    (core/audience.py); the map grid shows a step field with a `lane` as a lane with that
    label (render/canvas.py), in its `blueprint` group when the grid is a service blueprint;
    `journeys new` writes `example` (cli/scaffolds.py); a form editor takes its widget from
    `type`, its label, `doc` as the hint and `required`."""

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
    unless: str = ""  # a required key that may be left out when this other key is given
    # A step field's group on a grid drawn as a service blueprint: CUSTOMER or one of
    # LANE_GROUPS; a lane without one is drawn below the blueprint. A field of a LANE_GROUPS
    # group is a lane of the blueprint only: a grid without lanes leaves it to the ownership table.
    blueprint: str = ""

    def __post_init__(self) -> None:
        if not self.label:
            object.__setattr__(self, "label", self.name.replace("_", " ").capitalize())
        if not self.model_field:
            object.__setattr__(self, "model_field", self.name)


_M = TypeVar("_M")  # the model dataclass a record builds


@dataclass
class Record(Type, Generic[_M]):
    """A mapping with known keys; `shorthand` names the key a bare string stands for. `model`
    is the dataclass its validated data becomes (see `build`)."""

    name: str
    keys: tuple[Key, ...]
    shorthand: str | None = None
    model: type[_M] | None = None
    derived: tuple[str, ...] = ()  # fields of `model` that no key gives: the builder fills them in
    body: str = ""  # a file with a Markdown body below this front matter: what the body holds

    @property
    def description(self) -> str:
        article = "an" if self.name[0] in "aeiouAEIOU" else "a"
        return f"{article} {self.name}" + (
            f" (text or a mapping with '{self.shorthand}')" if self.shorthand else " (a mapping)"
        )

    def check(self, value: object, path: Path, ck: Checker) -> Data | None:
        if value is REJECTED:
            return None
        if self.shorthand and isinstance(value, str):
            value = {self.shorthand: value}
        if not isinstance(value, dict):
            self.wrong(value, path, ck)
            return None
        known = {k.name: k for k in self.keys}
        for name in value:
            if name not in known:
                ck.report(path + (name,), f"unknown key{did_you_mean(name, known)}", True)
        out: Data = {}
        for key in self.keys:
            if value.get(key.name) is REJECTED:
                out[key.name] = None
            elif key.name in value and value[key.name] is not None:
                out[key.name] = key.type.check(value[key.name], path + (key.name,), ck)
            elif key.required and not (key.unless and value.get(key.unless) is not None):
                either = f" or '{key.unless}'" if key.unless else ""
                ck.report(path, f"missing required key '{key.name}'{either}")
                out[key.name] = None
            else:
                out[key.name] = list(key.default) if isinstance(key.default, tuple) else key.default
        return out

    def json_schema(self) -> dict[str, Any]:
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
            "required": [k.name for k in self.keys if k.required and not k.unless],
            "additionalProperties": False,
        }
        either = [k for k in self.keys if k.required and k.unless]
        if either:
            schema["allOf"] = [{"anyOf": [{"required": [k.name]}, {"required": [k.unless]}]} for k in either]
        if self.shorthand:
            return {"anyOf": [schema, {"type": "string", "minLength": 1}]}
        return schema


TEXTS = ListOf(Text())
TEAM_REF = Ref("team", free_text=True)
INSIGHT_REFS = ListOf(Ref("insight"))
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

INSIGHT = Record(
    "insight",
    (
        Key("title", Text(), True, doc="what the research was, as people name it", audience=PUBLIC),
        MAP_ID,
        Key(
            "kind",
            Choice(INSIGHT_KINDS),
            True,
            doc="what kind of research it is",
            audience=PUBLIC,
        ),
        Key("date", Date(), True, doc="when the research ended, not in the future", audience=PUBLIC),
        Key(
            "participants",
            Integer(1, MAX_PARTICIPANTS),
            doc="how many people or responses it rests on",
            audience=PUBLIC,
            example=12,
        ),
        Key(
            "source",
            TextOrLink(),
            doc="where the raw material lives: plain text, or an https URL",
            audience=INTERNAL,
            example="https://research.example.com/studies/2026-claims",
        ),
        Key("owner", TEAM_REF, doc="the team that ran the research or keeps it", audience=INTERNAL),
        Key(
            "findings",
            TEXTS,
            default=(),
            doc="what it found, a sentence each",
            audience=PUBLIC,
            example=["Most customers retell their claim to four people"],
        ),
        Key(
            "quotes",
            TEXTS,
            default=(),
            doc="customers' own words",
            audience=PUBLIC,
            example=["I must have told it five times."],
        ),
        Key("tags", TEXTS, default=(), doc="free-text labels", audience=PUBLIC, example=["claims"]),
        VISIBILITY,
    ),
    model=model.Insight,
    derived=("file", "body", "problems", "links"),
    body="how the research was done, who took part, what it found and what it did not cover",
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

    def check(self, value: object, path: Path, ck: Checker) -> str | None:
        if isinstance(value, str) and self.PATTERN.match(value):
            return value
        if isinstance(value, str):
            hint = f" (did you mean '@{value}'?)" if self.PATTERN.match("@" + value) else ""
            ck.report(path, f"'{value}' is not a code-host handle: write @user or @org/team{hint}")
            return None
        self.wrong(value, path, ck)
        return None

    def json_schema(self) -> dict[str, Any]:
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
        Key(
            "name",
            Text(),
            True,
            unless="measure",
            doc="what is measured; with a measure, default: the measure's name",
            audience=PUBLIC,
        ),
        Key(
            "measure",
            Ref("measure"),
            doc="a measure id from measures.yml: the KPI's current value is then the latest of its values "
            "in the KPI's scope (the journey, the stage or the step), from maps/measures/*.csv",
            audience=PUBLIC,
            example="claim-nps",
        ),
        Key(
            "current",
            TextOrNumber(),
            doc="today's value, typed by hand; a KPI with a measure takes it from the measure's values",
            audience=PUBLIC,
            example="55%",
        ),
        Key(
            "target",
            TextOrNumber(),
            doc="the value we aim for; with a measure, a number in its unit, default: the measure's target",
            audience=PUBLIC,
            example="80%",
        ),
        Key(
            "unit",
            TextOrNumber(),
            doc="e.g. working days; with a measure, default: the measure's unit",
            audience=PUBLIC,
        ),
    ),
    shorthand="name",
    model=model.Kpi,
    # What the measure gives (core/measures.py): its values in the KPI's scope, which direction is better.
    derived=("series", "better"),
)
KPIS_DOC = "a name, or a mapping: name, current, target and unit typed by hand, or a measure and a target"


def kpis_key(doc: str, *, lane: str = "", example: object = None) -> Key:
    """The `kpis` of a journey, a stage block or a step: internal-facing, as every KPI is."""
    return Key(
        "kpis",
        ListOf(KPI),
        default=(),
        doc=f"{doc}: {KPIS_DOC}",
        audience=INTERNAL,
        label="KPIs",
        lane=lane,
        example=example,
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
        # Public: a public build keeps only the ids of public insights (core/audience.py).
        Key(
            "insights",
            INSIGHT_REFS,
            default=(),
            doc="ids of the insights (insights/<id>.md) that back it: the research behind it",
            audience=PUBLIC,
            example=["claims-interviews-2026"],
        ),
    ),
    shorthand="text",
    model=model.PainPoint,
    derived=("explicit_id",),
)

SCORE = Integer(SCORE_MIN, SCORE_MAX)
OPPORTUNITY = Record(
    "opportunity",
    (
        Key("text", Text(), True, doc="what we could do", audience=PUBLIC),
        Key("impact", Choice(IMPACTS), doc="how much it would help", audience=PUBLIC),
        Key("addresses", ListOf(Ref("pain-point")), default=(), doc="pain point ids", audience=PUBLIC),
        Key(
            "id",
            Id(),
            doc="unique in the handbook; opportunities that share an id are one opportunity named on several maps",
            audience=PUBLIC,
            model_field="key",
            example="one-claim-summary",
        ),
        Key("value", SCORE, doc="value to customers, 1 (little) to 5 (a lot)", audience=PUBLIC, example=4),
        Key("business_value", SCORE, doc="value to the company, 1 (little) to 5 (a lot)", audience=PUBLIC, example=3),
        Key("effort", SCORE, doc="cost to deliver, 1 (days) to 5 (quarters)", audience=PUBLIC, example=2),
        Key(
            "status",
            Choice(OPPORTUNITY_STATUSES),
            default="idea",
            doc="where it is on its way to delivery",
            audience=PUBLIC,
            example="planned",
        ),
        Key("owner", TEAM_REF, doc="the team that delivers it", audience=INTERNAL),
        Key(
            "tickets",
            ListOf(WebLink()),
            default=(),
            doc="the https URLs of the work items that deliver it (issues, pull requests, epics)",
            audience=INTERNAL,
            example=["https://tracker.example.com/browse/CX-101"],
        ),
        Key(
            "insights",
            INSIGHT_REFS,
            default=(),
            doc="ids of the insights behind it",
            audience=PUBLIC,
            example=["claims-interviews-2026"],
        ),
    ),
    shorthand="text",
    model=model.Opportunity,
    derived=("explicit_id",),
)

# measures.yml (map format 1.2, "Measures over time"): what is measured and how. The file as a
# whole is internal-facing: a public build shows it only when `public_fields` lists `measures`
# (core/audience.py); within an entry it publishes, `owner` is internal-facing as everywhere.
MEASURE = Record(
    "measure",
    (
        Key("id", Id(), True, doc="what KPIs and the values' measure column write to name it", audience=PUBLIC),
        Key("name", Text(), doc="display name; default: the id with dashes as spaces, capitalised", audience=PUBLIC),
        Key(
            "kind",
            Choice(MEASURE_KINDS),
            True,
            doc="how it is measured; it gives the unit (% for percent, d for duration) and which direction is "
            "better (lower for ces and duration)",
            audience=PUBLIC,
        ),
        Key(
            "unit",
            Text(blank=True),
            doc='shown after values; "" for none; default: the kind\'s',
            audience=PUBLIC,
            example="%",
        ),
        Key("better", Choice(BETTER), doc="which direction is better; default: the kind's", audience=PUBLIC),
        Key("target", Number(), doc="the default target of every KPI that names this measure", audience=PUBLIC),
        Key("owner", TEAM_REF, doc="the team that owns the measure", audience=INTERNAL),
        Key("description", Text(), doc="how and when it is measured", audience=PUBLIC),
    ),
    model=model.Measure,
)

# A row of maps/measures/*.csv: the columns, each as a cell of text (core/measure_files.py reads
# each by its type). Every value is internal-facing, as the catalogue is.
MEASURE_VALUE = Record(
    "measure value",
    (
        Key("date", Date(), True, doc="the end of the period the value covers", audience=PUBLIC, example="2026-06-30"),
        Key(
            "measure", Ref("measure"), True, doc="a measure id from measures.yml", audience=PUBLIC, example="claim-nps"
        ),
        Key("value", Number(), True, doc="a number such as -8, 0.42 or 74: no unit, no %", audience=PUBLIC, example=12),
        Key("journey", Ref("journey"), doc="the value belongs to that journey", audience=PUBLIC),
        Key(
            "stage",
            Ref("stage"),
            doc="with journey, that stage of the journey; alone, the stage across all journeys",
            audience=PUBLIC,
        ),
        Key("step", Ref("step"), doc="a step id of the journey (with journey)", audience=PUBLIC),
        Key("persona", Ref("persona"), doc="the value is for that persona's customers", audience=PUBLIC),
        Key("n", Integer(1, 10**9), doc="sample size: responses, cases or sessions", audience=PUBLIC),
        Key("source", Text(), doc="where the value comes from: text or an https URL", audience=PUBLIC),
    ),
    model=model.MeasureValue,
)


def _blueprint_group(lane: str) -> str:
    return f", in the service blueprint's {lane} group ({LANE_MEANINGS[lane]})" if lane else ""


def step_record(custom_fields: CustomFields = ()) -> Record[model.Step]:
    """The step type, with the site's declared custom lanes as extra keys (`CustomField`s, or
    (key, label) pairs)."""
    custom = tuple(
        Key(
            f.key,
            ListOf(Text(), single_ok=True),
            doc=f'the custom lane "{f.label}"{_blueprint_group(f.lane)}: a sentence or a list of sentences',
            audience=INTERNAL,
            label=f.label,
            lane=f.label,
            example="What happens out of the customer's sight.",
            custom=True,
            blueprint=f.lane,
        )
        for f in custom_fields_of(custom_fields)
    )
    return Record(
        "step",
        (
            Key("touchpoint", Text(), True, doc="where the customer meets the company", audience=PUBLIC),
            Key(
                "id",
                Id(),
                doc="only for a step something refers to (a measure's step column); unique within the "
                "journey. A step with details needs none",
                audience=PUBLIC,
                example="quote-form",
            ),
            Key(
                "channel",
                Text(),
                doc="web, app, phone, store, e-mail, ...: free text",
                audience=PUBLIC,
                lane="Channel",
                blueprint=CUSTOMER,
            ),
            Key("action", Text(), doc="what the customer does", audience=PUBLIC, lane="Action", blueprint=CUSTOMER),
            Key(
                "thinking",
                Text(),
                doc="what the customer thinks or says",
                audience=PUBLIC,
                lane="Thinking",
                blueprint=CUSTOMER,
            ),
            Key(
                "emotion",
                Integer(EMOTION_MIN, EMOTION_MAX),
                True,
                doc="-2 very negative, 0 neutral, 2 very positive",
                audience=PUBLIC,
                lane="Emotion",
                blueprint=CUSTOMER,
            ),
            Key(
                "details",
                Ref("journey"),
                doc="the journey that zooms into this step; that journey's parent is then this journey",
                audience=PUBLIC,
                lane="In detail",
                example="another-journey-id",
                blueprint=CUSTOMER,
            ),
            Key(
                "owner",
                TEAM_REF,
                doc="the team that owns this touchpoint",
                audience=INTERNAL,
                lane="Owner",
                blueprint="backstage",
            ),
            Key(
                "supporting",
                ListOf(TEAM_REF),
                default=(),
                doc="teams that support the owner",
                audience=INTERNAL,
                lane="Supporting teams",
                blueprint="backstage",
            ),
            Key(
                "tools",
                TEXTS,
                default=(),
                doc="systems and processes used here",
                audience=INTERNAL,
                lane="Tools",
                example=["CRM"],
                blueprint="support",
            ),
            Key(
                "pain_points",
                ListOf(PAIN_POINT),
                default=(),
                doc="what goes wrong for the customer here: a sentence, or a mapping; give the same id "
                "wherever the same problem appears",
                audience=PUBLIC,
                lane="Pain points",
                blueprint=CUSTOMER,
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
            kpis_key(
                "measures of this touchpoint (a measure's values name the step by its id)",
                lane="Measures",
                example=["Click-through rate"],
            ),
        )
        + custom,
        model=model.Step,
        derived=("anchor", "custom"),
    )


def journey_record(custom_fields: CustomFields = ()) -> Record[model.Journey]:
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
            kpis_key("measures of this stage of the journey", example=[{"measure": "claim-nps", "target": 20}]),
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
            Key(
                "parent",
                Ref("journey"),
                doc="the journey this one zooms into: a lifecycle journey above a macro one, a macro journey "
                "above a micro one",
                audience=PUBLIC,
                example="another-journey-id",
            ),
            Key("reviewed", Date(), doc="date of the last review", audience=PUBLIC),
            Key("tags", TEXTS, default=(), doc="free-text labels", audience=PUBLIC, example=["example"]),
            kpis_key(
                "journey-level measures",
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


def complete(record: Record[Any], data: object) -> bool:
    """Whether validated `data` has every required value: an entry that lacks one was reported
    and has nothing to show, so it is left out of the model."""
    return isinstance(data, dict) and all(
        data.get(k.name) is not None or (k.unless and data.get(k.unless) is not None) for k in record.keys if k.required
    )


def build(record: Record[_M], data: Data, **fields_: object) -> _M:
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


def _built(kind: Type, value: Any) -> object:
    if isinstance(kind, ListOf):
        item = kind.item
        if isinstance(item, Record) and item.model is not None:
            return tuple(build(item, v) for v in value or () if complete(item, v))
        return tuple(value or ())
    return value


def held_record(kind: Type) -> Record[Any] | None:
    """The record a key of this type holds (itself or as list items), if any."""
    kind = kind.item if isinstance(kind, ListOf) else kind
    return kind if isinstance(kind, Record) else None


def records_in(record: Record[Any]) -> list[Record[Any]]:
    """`record` and every record its keys hold, depth first."""
    found = [record]
    for key in record.keys:
        inner = held_record(key.type)
        if inner is not None:
            found += records_in(inner)
    return found
