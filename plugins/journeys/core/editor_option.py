"""The value of the plugin's `editor` option: where the site serves the form editor, and how
the editor reaches the repository. Declared as one option in core/options.py; the editor's
configuration is made from it by render/editor_config.py."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from journeys.core.git_history import GitUnavailable, open_repository
from journeys.core.ids import is_valid_id
from journeys.core.problems import did_you_mean
from journeys.core.schema import type_name
from journeys.core.yaml_source import Path

BACKENDS = ("github", "gitlab", "gitea", "azure", "bitbucket")
# Settings handed to Decap CMS's `backend` as written (https://decapcms.org/docs/backends-overview/).
BACKEND_SETTINGS = ("repo", "branch", "base_url", "auth_endpoint", "api_root", "app_id", "auth_type", "tenant_id")
DEFAULT_PATH = "admin/"


class EditorOptionError(ValueError):
    def __init__(self, message: str, path: Path = (), at_key: bool = False) -> None:
        super().__init__(message)
        self.message, self.path, self.at_key = message, path, at_key


@dataclass(frozen=True)
class Editor:
    """`path` is where the site serves the editor (None: no editor); `explicit` says the site
    config asked for it, which a public build needs before it serves one; `backend` is a
    code host of BACKENDS (None: from `repo_url`); `settings` go to Decap's `backend` as they
    are; `local_backend` is True, False or the URL of a `decap-server` to edit the work tree."""

    path: str | None = DEFAULT_PATH
    explicit: bool = False
    backend: str | None = None
    settings: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    local_backend: bool | str = True

    def served(self, audience: str) -> str | None:
        """The site path of the editor for a build for `audience`, or None: a public build has
        none unless the site config asks for one, as its configuration names the internal
        repository, folders and ids."""
        if self.path is None or (audience == "public" and not self.explicit):
            return None
        return self.path


def _got(value: object) -> str:
    shown = f" '{value}'" if isinstance(value, (str, int, float)) and not isinstance(value, bool) else ""
    return f"got {type_name(value)}{shown}"


def _path(value: object, where: Path = ()) -> str:
    if not isinstance(value, str) or not value.strip().strip("/"):
        raise EditorOptionError(f"expected a folder of the site such as 'admin/', {_got(value)}", where)
    parts = value.strip().strip("/").split("/")
    if not all(is_valid_id(part) for part in parts):
        raise EditorOptionError(f"'{value}' is not a folder of the site: use a-z, 0-9 and -, such as 'admin/'", where)
    return "/".join(parts) + "/"


def _text(value: object, where: Path) -> str:
    if not isinstance(value, str) or not value.strip():
        raise EditorOptionError(f"expected text, {_got(value)}", where)
    return value.strip()


def check_editor(value: object) -> Editor:
    """`false` (no editor), `true`, a folder such as `cms/`, or a mapping of `path`, `backend`,
    `local_backend` and the backend's settings."""
    if isinstance(value, Editor):  # the default, which MkDocs validates too
        return value
    if value is False:
        return Editor(path=None, explicit=True)
    if value is True:
        return Editor(explicit=True)
    if isinstance(value, str):
        return Editor(path=_path(value), explicit=True)
    if not isinstance(value, Mapping):
        raise EditorOptionError(f"expected false, a folder such as 'admin/' or a mapping of settings, {_got(value)}")
    known = ("path", "backend", "local_backend", *BACKEND_SETTINGS)
    for name in value:
        if name not in known:
            raise EditorOptionError(f"unknown setting{did_you_mean(name, known)}", (name,), at_key=True)
    path = value.get("path", DEFAULT_PATH)
    backend = value.get("backend")
    if backend is not None and backend not in BACKENDS:
        raise EditorOptionError(
            f"expected one of {', '.join(BACKENDS)}, {_got(backend)}{did_you_mean(backend, BACKENDS)}", ("backend",)
        )
    local = value.get("local_backend", True)
    if not isinstance(local, bool) and not (isinstance(local, str) and local.startswith(("http://", "https://"))):
        raise EditorOptionError(
            f"expected true, false or the URL of decap-server such as 'http://localhost:8081/api/v1', {_got(local)}",
            ("local_backend",),
        )
    settings = {name: _text(value[name], (name,)) for name in BACKEND_SETTINGS if value.get(name) is not None}
    return Editor(
        path=None if path is False else _path(path, ("path",)),
        explicit=True,
        backend=backend,
        settings=MappingProxyType(dict(sorted(settings.items()))),
        local_backend=local,
    )


def repository_paths(root: str, *folders: str) -> tuple[str, ...]:
    """`folders` (absolute) as the editor names them: from the top of the git work tree `root`
    is in, where Decap CMS and decap-server read paths from; from `root` outside git."""
    try:
        top = open_repository(root).top
    except GitUnavailable:
        top = root
    return tuple(os.path.relpath(os.path.realpath(f), os.path.realpath(top)).replace(os.sep, "/") for f in folders)
