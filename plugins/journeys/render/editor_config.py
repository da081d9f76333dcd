"""The form editor's configuration (Decap CMS's `config.yml`), made from the map format's
records and the declared kinds of file, so a key added to the format is a field of the editor
with no edit here.

Every kind of file (core/file_kinds.py) is a collection; every key of its record a field whose
widget follows from the key's type: a choice is a select, a whole number in a small range a
select of labelled values, a date a date picker, a reference to a kind a relation to that
kind's collection, a list of records a list of forms, text a line. Labels, hints (the key's
`doc`) and required keys come from the record. Collections use the formats that
assets/editor/journeys-editor.js registers (`journeys-<collection>`): the front matter as
Decap writes it, and the forms it needs (see that file).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import urlsplit

from journeys.core.editor_option import Editor
from journeys.core.file_kinds import FILE_KINDS, FileKind, file_kind
from journeys.core.ids import ID_RE
from journeys.core.schema import (
    Choice,
    Date,
    Handle,
    Id,
    Image,
    Integer,
    Key,
    ListOf,
    Record,
    Ref,
    Text,
    TextOrNumber,
    Type,
)
from journeys.render.fragments import emotion_word

FORMAT_PREFIX = "journeys-"  # formats registered by journeys-editor.js, one per collection
MEDIA_FOLDER = "images"  # under the docs folder: an image path is relative to it (the persona's `image`)
SELECT_RANGE = 11  # a whole number with at most this many values is a select, else a number field
_ID_PATTERN = ["^" + ID_RE.pattern.replace("\\Z", "$"), "a-z, 0-9 and -, starting with a letter or digit"]
_HANDLE_PATTERN = ["^" + Handle.PATTERN.pattern.replace("\\Z", "$"), "a handle such as @maya or @org/cx-care"]
# Words for the values of a whole-number key, by key name: the handbook's own words, translated
# with the rest of its labels.
VALUE_WORDS = {"emotion": emotion_word}


def collection_name(kind: FileKind) -> str:
    return kind.label.lower().replace(" ", "-")


def editor_config(
    *,
    editor: Editor,
    custom_fields: Sequence[tuple[str, str]] = (),
    maps_path: str,
    docs_path: str,
    present: frozenset[str] | set[str],
    repo_url: str | None,
    site_url: str | None,
    labels: Mapping[str, str],
) -> tuple[dict, str | None]:
    """The configuration, and a note when `repo_url` names no code host the editor knows.
    `maps_path` and `docs_path` are the folders from the top of the repository; `present`
    holds the names of the kinds of file the maps folder has (a catalogue's collection needs
    its file, and a reference to a kind without one is text)."""
    backend, note = backend_settings(editor, repo_url)
    kinds = [kind for kind in FILE_KINDS if not kind.listed or kind.name in present]
    config: dict = {"backend": backend}
    if editor.local_backend:
        config["local_backend"] = (
            {"url": editor.local_backend} if isinstance(editor.local_backend, str) else editor.local_backend
        )
    config |= {
        "publish_mode": "editorial_workflow",
        "media_folder": _join(docs_path, MEDIA_FOLDER),
        "public_folder": MEDIA_FOLDER,
        "slug": {"encoding": "ascii", "clean_accents": True},
    }
    if site_url:
        config["site_url"] = config["display_url"] = site_url
    widgets = _Widgets({k.name for k in kinds}, labels)
    config["collections"] = [_collection(kind, custom_fields, maps_path, widgets) for kind in kinds]
    return config, note


def _join(*parts: str) -> str:
    return "/".join(part.strip("/") for part in parts if part.strip("/") not in ("", "."))


def _collection(kind: FileKind, custom_fields: Sequence[tuple[str, str]], maps_path: str, widgets: _Widgets) -> dict:
    record = kind.record(tuple(custom_fields))
    name = collection_name(kind)
    fields = [widgets.field(key) for key in record.keys]
    common = {
        "name": name,
        "label": kind.label,
        "label_singular": kind.label_singular,
        "format": FORMAT_PREFIX + name,
        "extension": kind.extension,
        "editor": {"preview": kind.body},
    }
    if kind.listed:
        entry = {
            "name": name,
            "label": kind.label,
            "file": _join(maps_path, kind.folder),
            "fields": [
                {
                    "name": name,
                    "label": kind.label,
                    "label_singular": kind.label_singular,
                    "widget": "list",
                    "summary": "{{fields.name}} ({{fields.id}})",
                    "hint": f"In this order everywhere: the first is the left-most. {record.name.capitalize()}s "
                    "that maps name must stay.",
                    "fields": fields,
                }
            ],
        }
        return {**common, "files": [entry]}
    if kind.body:
        fields.append(
            {
                "name": "body",
                "label": "Narrative",
                "widget": "markdown",
                "required": False,
                "hint": f"In Markdown: {record.body}. Links are relative to this file.",
                "modes": ["raw", "rich_text"],
            }
        )
    title = record.keys[0].name
    folder = {
        **common,
        "folder": _join(maps_path, kind.folder),
        "create": True,
        "identifier_field": title,
        "slug": "{{slug}}",
        "summary": "{{" + title + "}}",
        "sortable_fields": [title],
        "fields": fields,
    }
    if kind.nested:
        folder["nested"] = {"depth": 8, "summary": "{{" + title + "}}", "subfolders": False}
        folder["meta"] = {
            "path": {"widget": "string", "label": "Folder", "hint": f"The sub-folder of {kind.folder}/ that groups it"}
        }
    return folder


class _Widgets:
    """A field for each key, from its type; `kinds` are the names of the kinds with a collection."""

    def __init__(self, kinds: set[str], labels: Mapping[str, str]):
        self.kinds, self.labels = kinds, labels

    def field(self, key: Key) -> dict:
        out = {"name": key.name, "label": key.label, **self.widget(key.type, key.name)}
        out["required"] = key.required
        if key.doc:
            out["hint"] = key.doc[0].upper() + key.doc[1:]
        if key.default is not None and not isinstance(key.default, tuple):
            out["default"] = key.default
        elif out["widget"] == "list" and not key.required:
            # Else Decap starts a new entry with one item in every list whose items have a
            # default (a pain point's severity), an item the editor did not ask for.
            out["default"] = []
        return out

    def widget(self, kind: Type, name: str) -> dict:
        if isinstance(kind, ListOf):
            return self.list_widget(kind, name)
        if isinstance(kind, Ref):
            return self.relation(kind) or ({"widget": "string"} if kind.free_text else self.id_widget())
        if isinstance(kind, Choice):
            return {"widget": "select", "options": [{"label": c, "value": c} for c in kind.choices]}
        if isinstance(kind, Integer):
            if kind.high - kind.low < SELECT_RANGE:
                options = [{"label": self.value_label(name, v), "value": v} for v in range(kind.low, kind.high + 1)]
                return {"widget": "select", "options": options}
            return {"widget": "number", "value_type": "int", "min": kind.low, "max": kind.high}
        if isinstance(kind, Date):
            return {
                "widget": "datetime",
                "format": "YYYY-MM-DD",
                "date_format": "YYYY-MM-DD",
                "time_format": False,
                "picker_utc": True,
            }
        if isinstance(kind, Image):
            return {"widget": "image", "choose_url": True}
        if isinstance(kind, Id):
            return self.id_widget()
        if isinstance(kind, Handle):
            return {"widget": "string", "pattern": _HANDLE_PATTERN}
        if isinstance(kind, Record):
            return {"widget": "object", "fields": [self.field(k) for k in kind.keys]}
        if isinstance(kind, (Text, TextOrNumber)):
            return {"widget": "string"}
        raise TypeError(f"the form editor has no widget for {type(kind).__name__}: add one in {__name__}")

    def value_label(self, name: str, value: int) -> str:
        """`-2 very negative`: the value, signed, and the handbook's word for it where it has one."""
        shown = f"{value:+d}" if value else "0"
        words = VALUE_WORDS.get(name)
        return f"{shown} {words(self.labels, value)}" if words else shown

    @staticmethod
    def id_widget() -> dict:
        return {"widget": "string", "pattern": _ID_PATTERN}

    def relation(self, ref: Ref) -> dict | None:
        """A choice among the items of the kind `ref` names, when that kind has a collection."""
        kind = file_kind(ref.kind)
        if kind is None or kind.name not in self.kinds:
            return None
        name = collection_name(kind)
        title = kind.record(()).keys[0].name if not kind.listed else "name"
        if kind.listed:
            return {
                "widget": "relation",
                "collection": name,
                "file": name,
                "value_field": f"{name}.*.id",
                "search_fields": [f"{name}.*.id", f"{name}.*.name"],
                "display_fields": [f"{name}.*.name"],
            }
        return {
            "widget": "relation",
            "collection": name,
            "value_field": "{{filename}}",
            "search_fields": [title],
            "display_fields": [title],
        }

    def list_widget(self, kind: ListOf, name: str) -> dict:
        item = kind.item
        out: dict
        if isinstance(item, Record):
            out = {"widget": "list", "fields": [self.field(k) for k in item.keys]}
            if item.shorthand:
                # journeys-editor.js reads a bare string item as a mapping of its first field.
                assert item.keys[0].name == item.shorthand, f"{item.name}: the shorthand key must come first"
                out["journeys_shorthand"] = True
            out["summary"] = "{{fields." + item.keys[0].name + "}}"
        elif isinstance(item, Ref) and self.relation(item):
            out = {**self.relation(item), "multiple": True}  # type: ignore[dict-item]
        else:
            # Items of plain values open, one line each; a collapsed one shows its value.
            out = {
                "widget": "list",
                "field": {"name": "item", "label": "Item", **self.widget(item, name)},
                "collapsed": False,
                "summary": "{{fields.item}}",
            }
        if kind.single_ok:
            out["journeys_single"] = True  # a single value is read as a list of one
        if kind.min_items:
            out["min"] = kind.min_items
        return out


def backend_settings(editor: Editor, repo_url: str | None) -> tuple[dict, str | None]:
    """Decap's `backend` from the editor's settings and `repo_url`; and a note when neither
    names a code host the editor knows, for the build log."""
    found = _from_repo_url(repo_url) if repo_url else None
    name = editor.backend or (found or {}).get("name")
    settings = dict(editor.settings)
    if name is None:
        note = (
            f"the editor cannot tell which code host {repo_url} is"
            if repo_url
            else "the site sets no repo_url, so the editor does not know the repository"
        )
        return (
            {"name": "proxy", "proxy_url": "http://localhost:8081/api/v1", "branch": settings.get("branch", "main")},
            note + ": set the plugin's editor backend (github, gitlab, gitea, azure or bitbucket) and its repo; "
            "until then it edits only through decap-server on this machine",
        )
    out = {"name": name, **(found if found and found["name"] == name else {}), **settings}
    out.setdefault("branch", "main")
    if "repo" not in out:
        return out, f"the editor needs the repository of its {name} backend: set the plugin's editor repo"
    return dict(sorted(out.items(), key=lambda item: (item[0] != "name", item[0]))), None


def _from_repo_url(repo_url: str) -> dict | None:
    """The code host and repository a repository URL names, as Decap's backend settings."""
    parts = urlsplit(repo_url.strip())
    host = (parts.hostname or "").lower()
    path = parts.path.strip("/").removesuffix(".git")
    if not host or not path:
        return None
    origin = f"https://{host}"
    segments = path.split("/")
    if host == "github.com":
        return {"name": "github", "repo": "/".join(segments[:2])}
    if host == "bitbucket.org":
        return {"name": "bitbucket", "repo": "/".join(segments[:2])}
    if host == "gitlab.com":
        return {"name": "gitlab", "repo": path.split("/-/")[0]}
    if host in ("dev.azure.com", "ssh.dev.azure.com") or host.endswith(".visualstudio.com"):
        if "_git" not in segments:
            return None
        at = segments.index("_git")
        org = segments[0] if host.startswith(("dev.", "ssh.")) else host.split(".")[0]
        project = segments[at - 1]
        return {"name": "azure", "repo": f"{org}/{project}/{segments[at + 1]}"}
    if host in ("gitea.com", "codeberg.org") or "gitea" in host or "forgejo" in host:
        return {"name": "gitea", "repo": "/".join(segments[:2]), "api_root": origin + "/api/v1", "base_url": origin}
    if "gitlab" in host:
        return {"name": "gitlab", "repo": path.split("/-/")[0], "api_root": origin + "/api/v4", "base_url": origin}
    if host.startswith("github."):  # GitHub Enterprise Server
        return {"name": "github", "repo": "/".join(segments[:2]), "api_root": origin + "/api/v3"}
    return None
