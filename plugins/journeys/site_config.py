"""The journeys plugin's options read from mkdocs.yml without building, for the CLI.

mkdocs.yml may hold tags such as `!ENV` or `!!python/name:` (Material's emoji setup); they
are read as nothing here, since only the plugin's own options matter.
"""

from __future__ import annotations

import os

import yaml

DEFAULTS = {"maps_dir": "maps", "prefix": "", "review_after_days": 180, "custom_fields": ()}


class _TolerantLoader(yaml.SafeLoader):
    pass


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_plugin_options(config_file: str) -> dict:
    """Options of the `journeys` plugin, with defaults; maps_dir made relative to the cwd."""
    options = dict(DEFAULTS)
    if not os.path.isfile(config_file):
        return options
    with open(config_file, encoding="utf-8") as handle:
        config = yaml.load(handle, Loader=_TolerantLoader) or {}
    for entry in config.get("plugins") or ():
        if isinstance(entry, dict) and "journeys" in entry:
            options.update(entry["journeys"] or {})
    options["maps_dir"] = os.path.relpath(os.path.join(os.path.dirname(os.path.abspath(config_file)), options["maps_dir"]))
    options["custom_fields"] = tuple((f["key"], f["label"]) for f in options.get("custom_fields") or ())
    return options
