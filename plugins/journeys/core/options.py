"""The plugin's options: names, defaults, types and checks, declared once.

The MkDocs plugin builds its config schema from `Options` (plugin/config.py) and the command
line reads `mkdocs.yml` through it (site_config.py), so both accept the same values, with the
same messages. Adding an option is one field here: its default, a docstring, and in
`metadata` the `check` that turns what the editor wrote into the value (raising OptionError).

Fields with `site` in their metadata are not options of the plugin but settings of the site
config the handbook depends on; `site` is their key path in `mkdocs.yml`.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields, replace
from types import MappingProxyType
from typing import Any

from journeys.core.editor_option import Editor, EditorOptionError, check_editor
from journeys.core.ids import is_valid_id
from journeys.core.problems import did_you_mean, quoted
from journeys.core.schema import LANE_GROUPS, LANE_MEANINGS, CustomField, step_record, type_name
from journeys.core.schema import VISIBILITIES as AUDIENCES
from journeys.core.yaml_source import Path

CUSTOM_KEY_RE = re.compile(r"[a-z][a-z0-9_-]{0,62}\Z")


class OptionError(ValueError):
    """A value an option cannot take. `path` is the key path below the option, e.g.
    (1, "label") for the label of the second custom field; `at_key` when the key itself is
    the mistake (an unknown one), not its value."""

    def __init__(self, message: str, path: Path = (), at_key: bool = False) -> None:
        super().__init__(message)
        self.message, self.path, self.at_key = message, path, at_key


def _got(value: object) -> str:
    shown = f" {quoted(value)}" if isinstance(value, (str, int, float)) and not isinstance(value, bool) else ""
    return f"got {type_name(value)}{shown}"


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise OptionError(f"expected true or false, {_got(value)}")
    return value


def _text(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise OptionError(f"expected text, {_got(value)}")
    return value


def _optional_text(value: object) -> str | None:
    return None if value is None else _text(value)


def _optional_web_url(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not re.match(r"https?://[^\s/]", value):
        raise OptionError(f"expected an http(s) URL such as 'https://github.com/org/handbook', {_got(value)}")
    return value


def _prefix(value: object) -> str:
    if not isinstance(value, str):
        raise OptionError(f"expected text such as 'cx/', {_got(value)}")
    parts = value.strip().strip("/")
    if parts and not all(is_valid_id(part) for part in parts.split("/")):
        raise OptionError(f"'{value}' is not a URL prefix: use folder names of a-z, 0-9 and -, such as 'cx/'")
    return value


def _days(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise OptionError(f"expected a whole number of days, 0 or more, {_got(value)}")
    return value


def _count(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise OptionError(f"expected a whole number, 0 or more, {_got(value)}")
    return value


def _audience(value: object) -> str:
    if value not in AUDIENCES:
        raise OptionError(f"expected one of {', '.join(AUDIENCES)}, {_got(value)}{did_you_mean(value, AUDIENCES)}")
    return value


def _names(value: object) -> tuple[str, ...]:
    """A list of field names; which names exist depends on the custom fields, so
    `core.audience.unknown_public_fields` checks them against those."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise OptionError(f"expected a list of field names such as [owner, tools], {_got(value)}")
    for i, name in enumerate(value):
        if not isinstance(name, str):
            raise OptionError(f"expected a field name, {_got(name)}", (i,))
    return tuple(value)


SEARCHES = ("pagefind", "material")


def _search(value: object) -> str:
    if value not in SEARCHES:
        raise OptionError(f"expected one of {', '.join(SEARCHES)}, {_got(value)}{did_you_mean(value, SEARCHES)}")
    return value


def _custom_fields(value: object) -> tuple[CustomField, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise OptionError(f"expected a list of mappings with 'key' and 'label', {_got(value)}")
    builtin = [key.name for key in step_record().keys]
    fields_: list[CustomField] = []
    for i, entry in enumerate(value):
        if not isinstance(entry, dict):
            raise OptionError(f"expected a mapping with 'key' and 'label', {_got(entry)}", (i,))
        for name in entry:
            if name not in _CUSTOM_FIELD_KEYS:
                raise OptionError(
                    f"unknown key{did_you_mean(name, _CUSTOM_FIELD_KEYS)}: a custom field has a 'key', a 'label' "
                    "and, to draw it in a service blueprint, a 'lane'",
                    (i, name),
                    at_key=True,
                )
        for name in ("key", "label"):
            if entry.get(name) is None:
                raise OptionError(f"missing '{name}': every custom field needs a 'key' and a 'label'", (i,))
        key = entry["key"]
        if not isinstance(key, str) or not CUSTOM_KEY_RE.match(key):
            raise OptionError(f"'{key}' is not a step key: use a-z, 0-9, _ and -, starting with a letter", (i, "key"))
        if key in builtin:
            raise OptionError(f"'{key}' is already a step key; choose another key", (i, "key"))
        if key in {f.key for f in fields_}:
            raise OptionError(f"'{key}' is declared twice", (i, "key"))
        try:
            label = _text(entry["label"])
        except OptionError as exc:
            raise OptionError(exc.message, (i, "label")) from None
        fields_.append(CustomField(key, label, _lane(entry.get("lane"), (i, "lane"))))
    return tuple(fields_)


_CUSTOM_FIELD_KEYS = ("key", "label", "lane")


def _lane(value: object, path: Path) -> str:
    """A custom field's blueprint group (map format 1.2, "Service blueprint lanes")."""
    if value is None:
        return ""
    if value not in LANE_GROUPS:
        hint = did_you_mean(value, LANE_GROUPS)
        raise OptionError(
            f"expected one of {', '.join(LANE_GROUPS)}, {_got(value)}{hint}: "
            + ", ".join(f"{group} is {meaning}" for group, meaning in LANE_MEANINGS.items()),
            path,
        )
    return value


# `{journeys|journey|journeys}` in a label: the first form when `journeys` is 1, the second
# otherwise. A form may hold other names (`{more|the other|the {more} others}`), not a choice.
_PLURAL = re.compile(r"\{(\w+)\|((?:[^{}|]|\{\w+\})*)\|((?:[^{}|]|\{\w+\})*)\}")


def plurals(words: str, values: Mapping[str, object]) -> str:
    """A label with each `{name|one|other}` choice made by the count `values` give `name`."""
    return _PLURAL.sub(lambda m: m[2] if values.get(m[1]) == 1 else m[3], words)


def label_fields(words: str) -> set[str]:
    """The `{name}` placeholders of a label, the names its plural choices count included. Only
    plain names are filled in: a format spec or a conversion (`{n:>3000000000}`, `{n!r}`,
    `{n.attr}`) would run Python's formatting on the build machine, so it is an OptionError, as
    is a lone brace."""
    counted = {m[1] for m in _PLURAL.finditer(words) if m[1].isidentifier()}
    words = _PLURAL.sub(lambda m: m[2] + m[3], words)
    try:
        parsed = list(string.Formatter().parse(words))
    except ValueError as exc:
        raise OptionError(f"{exc}; write {{{{ and }}}} for a brace") from None
    names = set()
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if spec or conversion or not name.isidentifier():
            written = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            plain = re.sub(r"\W.*", "", name) or "name"
            raise OptionError(
                f"{quoted(written)} is not a plain placeholder: write {{{plain}}}; a label fills in names only, "
                "without ':', '!', '.' or '['"
            )
        names.add(name)
    return names | counted


def _editor(value: object) -> Editor:
    try:
        return check_editor(value)
    except EditorOptionError as exc:
        raise OptionError(exc.message, exc.path, exc.at_key) from None


def _labels(value: object) -> Mapping[str, str]:
    if not isinstance(value, Mapping):
        raise OptionError(f"expected a mapping of label keys to words, {_got(value)}")
    for key, words in value.items():
        if not isinstance(words, str):
            raise OptionError(f"expected text, {_got(words)}", (key,))
        try:
            label_fields(words)
        except OptionError as exc:
            raise OptionError(exc.message, (key,)) from None
    return MappingProxyType(dict(sorted(value.items())))


@dataclass(frozen=True)
class Options:
    """Every option the handbook reads, with its default."""

    enabled: bool = field(default=True, metadata={"check": _flag})
    """Build the handbook pages. Turn off to build the hand-written docs alone, faster."""

    maps_dir: str = field(default="maps", metadata={"check": _text})
    """The folder of personas, journeys, stages.yml, teams.yml and the measures, relative to
    mkdocs.yml."""

    prefix: str = field(default="", metadata={"check": _prefix})
    """Put in front of every generated URL, e.g. "cx/" publishes journeys at cx/journeys/."""

    review_after_days: int = field(default=180, metadata={"check": _days})
    """A journey whose `reviewed` date is older than this is shown as due for review."""

    measures_stale_after_days: int = field(default=120, metadata={"check": _days})
    """A KPI whose measure's latest value is older than this many days is shown as stale rather
    than on or off target (map format 1.2, "Measures over time")."""

    history_depth: int = field(default=10, metadata={"check": _count})
    """How many commits each journey page's History section lists, from git; 0 turns it off."""

    custom_fields: tuple[CustomField, ...] = field(default=(), metadata={"check": _custom_fields})
    """Extra step keys, each rendered as a lane of the map grid, in this order: a list of
    `key` (what editors write in a step), `label` (the lane's title) and, optionally, `lane`
    (frontstage, backstage or support): when any field has a lane, the grid is drawn as a
    service blueprint, each such field in its group."""

    plotly_js: str | None = field(default=None, metadata={"check": _optional_text})
    """Where pages load plotly.js from, e.g. a CDN URL. Unset, the site serves the copy that
    ships with the installed `plotly` package, so charts work behind a firewall."""

    search: str = field(default="pagefind", metadata={"check": _search})
    """What answers Material's search box. `pagefind` (the default): an index built by Pagefind
    after the build, fetched a few small pieces a search, with filters; a reader of a 5,000-map
    handbook downloads a fraction of what Material's index weighs. `material`: Material's own
    search plugin, which every reader downloads whole on the first search. Sites that Pagefind
    cannot serve keep Material's (opened from file:// with the offline plugin, translated with
    mkdocs-static-i18n): docs/using-the-plugin.md#search."""

    scripts_after_paint: bool = field(default=True, metadata={"check": _flag})
    """Start the theme's scripts once the page's first frame is on screen, so a phone paints the
    page before it downloads and runs Material's 130 kB of script. Off: the scripts load at the
    end of the page, as Material writes them."""

    editor: Editor = field(default_factory=Editor, metadata={"check": _editor})
    """The form editor (Decap CMS) the site serves, by default at `admin/` for an internal build
    and not at all for a public one: `false` for none, a folder such as `cms/`, or a mapping of
    `path`, `backend` (github, gitlab, gitea, azure or bitbucket; default: from `repo_url`),
    `local_backend` (true, false, or the URL of decap-server) and the backend's own settings
    (`repo`, `branch`, `base_url`, `auth_endpoint`, `api_root`, `app_id`, `auth_type`,
    `tenant_id`). See docs/editors-guide.md."""

    audience: str = field(default="internal", metadata={"check": _audience})
    """Who the build is for: `internal` publishes every map; `public` only the journeys and
    personas marked `visibility: public`, without their internal-facing fields."""

    public_fields: tuple[str, ...] = field(default=(), metadata={"check": _names})
    """Internal-facing fields a public build keeps: any key the map format marks internal-facing
    (`owner`, `supporting`, `tools`, `kpis`, `evidence`, `gaps`, a team's `reviewers`),
    `measures` (measures.yml and the values of maps/measures/*.csv) and custom field keys. `owner`
    also publishes the team pages."""

    public_repo_url: str | None = field(default=None, metadata={"check": _optional_web_url})
    """The public repository a public build links to (the theme's repository link, "edit this
    page" and History's commits), e.g. a public mirror of the maps. Unset, a public build links
    to no repository at all: `repo_url` is the internal one and stays off the public site."""

    labels: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}), metadata={"check": _labels})
    """Interface words to replace, by key (see `render/labels.py`), e.g. `due_for_review: à revoir`
    to translate the handbook (read-only). Page layouts themselves are overridden by templates
    of the same name under the theme's `custom_dir`, in `journeys/`."""

    docs_dir: str = field(default="docs", metadata={"check": _text, "site": ("docs_dir",)})
    """The site's docs folder, which narrative links may point into."""

    use_directory_urls: bool = field(default=True, metadata={"check": _flag, "site": ("use_directory_urls",)})
    """The site's URL style, which links between generated pages follow."""

    custom_dir: str | None = field(default=None, metadata={"check": _optional_text, "site": ("theme", "custom_dir")})
    """The theme's `custom_dir`, whose `journeys/` folder overrides page templates."""

    repo_url: str | None = field(default=None, metadata={"check": _optional_text, "site": ("repo_url",)})
    """The site's repository, which History entries link commits to."""


PLUGIN_OPTIONS = tuple(f for f in fields(Options) if "site" not in f.metadata)
SITE_SETTINGS = tuple(f for f in fields(Options) if "site" in f.metadata)
_FIELDS = {f.name: f for f in fields(Options)}


def default(name: str) -> object:
    option = _FIELDS[name]
    # A field without a default has a factory (every Options field has one or the other).
    return option.default_factory() if option.default is MISSING else option.default  # type: ignore[operator]


def check(name: str, value: object) -> object:
    """The value of option `name` as the handbook uses it; None is the default. MkDocs
    validates the default itself too, which is already the value as the handbook uses it."""
    if value is None or value is default(name):
        return default(name)
    return _FIELDS[name].metadata["check"](value)


def from_mapping(plugin: Mapping[str, object] | None, site: Mapping[str, object] | None = None) -> Options:
    """Options from the plugin's mapping in the site config and the site's own settings
    (by field name). An unknown plugin option is an error, as a typo would change nothing."""
    plugin = plugin or {}
    names = [f.name for f in PLUGIN_OPTIONS]
    for name in plugin:
        if name not in names:
            raise OptionError(f"unknown option{did_you_mean(name, names)}", (name,), at_key=True)
    values: dict[str, Any] = {}  # by field name: each as its field's `check` gives it
    for name, value in {**plugin, **(site or {})}.items():
        try:
            values[name] = check(name, value)
        except OptionError as exc:
            raise OptionError(exc.message, (name, *exc.path), exc.at_key) from None
    return replace(Options(), **values)
