"""The journeys plugin's options read from mkdocs.yml without building, for the CLI.

mkdocs.yml may hold tags such as `!ENV` or `!!python/name:` (Material's emoji setup); they
are read as nothing here, since only the plugin's own options matter.
"""

from __future__ import annotations

import os

import yaml

DEFAULTS = {"maps_dir": "maps", "prefix": "", "review_after_days": 180, "custom_fields": (), "use_directory_urls": True,
            "labels": {}, "custom_dir": None, "audience": "internal", "public_fields": ()}
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
    if not config_file.endswith((".yml", ".yaml")):
        # zensical.toml holds no plugin options: Zensical drops plugins it does not re-implement.
        raise SystemExit(f"journeys: {config_file}: only a YAML site config (mkdocs.yml or properdocs.yml) is read; "
                         "name the one with the journeys plugin's options")
    with open(config_file, encoding="utf-8") as handle:
        try:
            config = yaml.load(handle, Loader=_TolerantLoader) or {}
        except yaml.YAMLError as exc:
            raise SystemExit(f"journeys: {yaml_error(config_file, exc)}") from None
    options["use_directory_urls"] = config.get("use_directory_urls", True) is not False
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        options["custom_dir"] = os.path.join(os.path.dirname(os.path.abspath(config_file)), theme["custom_dir"])
    for entry in config.get("plugins") or ():
        if isinstance(entry, dict) and "journeys" in entry:
            options.update(entry["journeys"] or {})
    options["maps_dir"] = os.path.relpath(os.path.join(os.path.dirname(os.path.abspath(config_file)), options["maps_dir"]))
    options["custom_fields"] = tuple((f["key"], f["label"]) for f in options.get("custom_fields") or ())
    return options


def yaml_error(path: str, exc: yaml.YAMLError) -> str:
    """`path:line:column: what is wrong`, from PyYAML's error."""
    mark = getattr(exc, "problem_mark", None)
    where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else path
    return f"{where}: not valid YAML: {getattr(exc, 'problem', None) or exc}"
