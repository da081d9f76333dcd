"""The form editor's files in the site: a standalone page that loads Decap CMS, its
configuration made from the map format (render/editor_config.py), our formats and preview,
and the vendored CMS (assets/vendor/README.md). A page of its own, not a handbook page: Decap
CMS takes over the whole window, and it is never in the navigation, the search index or the
sitemap."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

import yaml

from journeys.core.editor_option import Editor
from journeys.render.editor_config import editor_config
from journeys.render.templating import Templates

ASSETS = os.path.join(os.path.dirname(os.path.dirname(__file__)), "assets")
SOURCES = {
    "": os.path.join(ASSETS, "editor"),  # ours: the formats, the start, the preview's style
    "decap-cms/": os.path.join(ASSETS, "vendor", "decap-cms"),
    "yaml/": os.path.join(ASSETS, "vendor", "yaml"),
}
CONFIG = "config.yml"


class _Dumper(yaml.SafeDumper):
    """Every value written out where it is: the configuration is read by people too."""

    def ignore_aliases(self, data: object) -> bool:
        return True


@dataclass(frozen=True)
class EditorSite:
    path: str  # the site folder, e.g. "admin/"
    texts: dict[str, str]  # site path -> content: the page and the configuration
    copies: dict[str, str]  # site path -> file to copy
    note: str | None  # what the build log says about the backend, if anything


def editor_site(
    *,
    editor: Editor,
    audience: str,
    custom_fields: Sequence[tuple[str, str]] = (),
    maps_path: str,
    docs_path: str,
    present: frozenset[str] | set[str],
    repo_url: str | None,
    site_url: str | None,
    site_name: str,
    templates: Templates,
) -> EditorSite | None:
    """The editor's files for a build for `audience`, or None when it serves no editor."""
    path = editor.served(audience)
    if path is None:
        return None
    config, note = editor_config(
        editor=editor,
        custom_fields=custom_fields,
        maps_path=maps_path,
        docs_path=docs_path,
        present=present,
        repo_url=repo_url,
        site_url=site_url,
        labels=templates.labels,
    )
    header = "# The form editor's configuration, made by the journeys plugin from the map format\n"
    header += "# (render/editor_config.py) at every build: change the map format or the plugin's\n"
    header += "# `editor` option, not this file.\n"
    if note:
        header += f"# Note: {note}.\n"
    texts = {
        path + "index.html": templates.render("editor_page.html", title=site_name, config=CONFIG) + "\n",
        path + CONFIG: header + config_text(config),
    }
    copies = {
        path + prefix + name: os.path.join(folder, name)
        for prefix, folder in SOURCES.items()
        for name in sorted(os.listdir(folder))
        if os.path.isfile(os.path.join(folder, name))
    }
    return EditorSite(path, texts, copies, note)


def config_text(config: dict) -> str:
    return yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
