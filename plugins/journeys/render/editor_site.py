"""The form editor's files in the site: a standalone page that loads Decap CMS, its
configuration made from the map format (render/editor_config.py), our formats and preview,
and the vendored CMS (assets/vendor/README.md). A page of its own, not a handbook page: Decap
CMS takes over the whole window, and it is never in the navigation, the search index or the
sitemap."""

from __future__ import annotations

import html
import os
from collections.abc import Mapping
from dataclasses import dataclass

import yaml

from journeys.core.editor_option import Editor
from journeys.render.editor_config import editor_config

ASSETS = os.path.join(os.path.dirname(os.path.dirname(__file__)), "assets")
SOURCES = {
    "": os.path.join(ASSETS, "editor"),  # ours: the formats, the start, the preview's style
    "decap-cms/": os.path.join(ASSETS, "vendor", "decap-cms"),
    "yaml/": os.path.join(ASSETS, "vendor", "yaml"),
}
CONFIG = "config.yml"

PAGE = """\
<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex, nofollow">
  <title>Edit: {title}</title>
  <link href="{config}" type="text/yaml" rel="cms-config-url">
  <script src="journeys-editor-first.js"></script>
  <script src="decap-cms/decap-cms.js"></script>
  <script type="module" src="journeys-editor.js"></script>
</head>
<body></body>
</html>
"""


class _Dumper(yaml.SafeDumper):
    """Every value written out where it is: the configuration is read by people too."""

    def ignore_aliases(self, data):
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
    custom_fields=(),
    maps_path: str,
    docs_path: str,
    present: frozenset[str] | set[str],
    repo_url: str | None,
    site_url: str | None,
    site_name: str,
    labels: Mapping[str, str],
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
        labels=labels,
    )
    header = "# The form editor's configuration, made by the journeys plugin from the map format\n"
    header += "# (render/editor_config.py) at every build: change the map format or the plugin's\n"
    header += "# `editor` option, not this file.\n"
    if note:
        header += f"# Note: {note}.\n"
    texts = {
        path + "index.html": PAGE.format(title=html.escape(site_name), config=CONFIG),
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
