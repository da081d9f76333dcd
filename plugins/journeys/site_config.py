"""The journeys plugin's options read from mkdocs.yml without building, for the CLI.

mkdocs.yml may hold tags such as `!ENV` or `!!python/name:` (Material's emoji setup); they
are read as nothing here, since only the plugin's own options matter.
"""

from __future__ import annotations

import os

import yaml

DEFAULTS = {"maps_dir": "maps", "prefix": "", "review_after_days": 180, "custom_fields": (), "use_directory_urls": True,
            "labels": {}, "custom_dir": None, "audience": "internal", "public_fields": (), "history_depth": 10,
            "repo_url": None}
CONFIG_NAMES = ("mkdocs.yml", "properdocs.yml")


class _TolerantLoader(yaml.SafeLoader):
    pass


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def find_config_file(maps_dir: str | None = None) -> str:
    """The site config in the working directory or, for `journeys check path/to/maps` run
    from elsewhere, beside the maps folder; "mkdocs.yml" (absent) when there is none."""
    folders = ["."] + ([os.path.dirname(os.path.abspath(maps_dir))] if maps_dir else [])
    for folder in folders:
        for name in CONFIG_NAMES:
            if os.path.isfile(os.path.join(folder, name)):
                return os.path.relpath(os.path.join(folder, name))
    return CONFIG_NAMES[0]


def read_plugin_options(config_file: str) -> dict:
    """Options of the `journeys` plugin, with defaults; maps_dir made relative to the cwd.
    `use_directory_urls` is the site's own setting, which generated links depend on."""
    options = dict(DEFAULTS)
    if not os.path.isfile(config_file):
        return options
    with open(config_file, encoding="utf-8") as handle:
        config = yaml.load(handle, Loader=_TolerantLoader) or {}
    options["use_directory_urls"] = config.get("use_directory_urls", True) is not False
    options["repo_url"] = config.get("repo_url") if isinstance(config.get("repo_url"), str) else None
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        options["custom_dir"] = os.path.join(os.path.dirname(os.path.abspath(config_file)), theme["custom_dir"])
    for entry in config.get("plugins") or ():
        if isinstance(entry, dict) and "journeys" in entry:
            options.update(entry["journeys"] or {})
    options["maps_dir"] = os.path.relpath(os.path.join(os.path.dirname(os.path.abspath(config_file)), options["maps_dir"]))
    options["custom_fields"] = tuple((f["key"], f["label"]) for f in options.get("custom_fields") or ())
    return options
