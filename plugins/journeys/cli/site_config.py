"""The handbook's options read from mkdocs.yml without building, for the command line.

Values are checked by `core/options.py`, as the plugin's are, and a mistake is one line with
the file, line, column and key path. mkdocs.yml may hold tags such as `!!python/name:`
(Material's emoji setup), which are read as nothing here since only the handbook's options
matter; `!ENV` is read as MkDocs reads it, since options such as `enabled` use it.
"""

from __future__ import annotations

import os
from dataclasses import replace

import yaml

from journeys.core.audience import unknown_public_fields
from journeys.core.documents import NotRead, read_bytes
from journeys.core.options import SITE_SETTINGS, OptionError, Options, from_mapping
from journeys.core.schema import format_path

CONFIG_NAMES = ("mkdocs.yml", "properdocs.yml")
PLUGIN = "journeys"


class ConfigError(Exception):
    """A site config that cannot be read, or an option it sets wrongly: one line."""


class _TolerantLoader(yaml.SafeLoader):
    pass


def _env(loader, node):
    """`!ENV NAME` or `!ENV [NAME, OTHER, default]`: the first variable set, read as YAML."""
    names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node)
    default = names.pop() if isinstance(node, yaml.SequenceNode) and len(names) > 1 else None
    for name in names:
        if isinstance(name, str) and name in os.environ:
            return yaml.safe_load(os.environ[name]) if os.environ[name] else None
    return default


_TolerantLoader.add_constructor("!ENV", _env)
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


def read_options(config_file: str, *, required: bool = False) -> Options:
    """The handbook's options in `config_file`, with defaults, and its paths (maps_dir,
    docs_dir, custom_dir) made relative to the working directory. A missing file gives the
    defaults unless `required`."""
    folder = os.path.dirname(os.path.abspath(config_file))
    if not config_file.endswith((".yml", ".yaml")):
        # zensical.toml holds no plugin options: Zensical drops plugins it does not re-implement.
        raise ConfigError(
            f"{config_file}: only a YAML site config (mkdocs.yml or properdocs.yml) is read; "
            "name the one with the journeys plugin's options"
        )
    if not os.path.isfile(config_file):
        if required:
            raise ConfigError(f"{config_file}: no such file")
        return _resolved(Options(), folder)
    try:
        text = config_text(config_file)
        tree = yaml.compose(text, Loader=_TolerantLoader)
        config = yaml.load(text, Loader=_TolerantLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise ConfigError(f"{config_file}{where}: YAML syntax error: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{config_file}: YAML error: {exc}") from None
    if config is None:
        return _resolved(Options(), folder)
    if not isinstance(config, dict):
        raise ConfigError(f"{config_file}: expected a mapping of settings such as 'site_name'")
    config = inherited(config, config_file, _TolerantLoader)
    try:
        plugin, plugin_path = _plugin_entry(config)
    except OptionError as exc:  # its path is the whole key path
        line, col = _position(tree, exc.path)
        raise ConfigError(f"{config_file}:{line}:{col}: {format_path(exc.path)}: {exc.message}") from None
    site = {}
    for setting in SITE_SETTINGS:
        value = _get(config, setting.metadata["site"])
        if value is not None:
            site[setting.name] = value
    try:
        options = from_mapping(plugin, site)
        _check_labels(options)
        _check_public_fields(options)
    except OptionError as exc:
        name, rest = exc.path[0], exc.path[1:]
        site_keys = {s.name: s.metadata["site"] for s in SITE_SETTINGS}
        path = (*site_keys[name], *rest) if name in site_keys else (*plugin_path, name, *rest)
        line, col = _position(tree, path, at_key=exc.at_key)
        where = f":{line}:{col}" if line else ""
        raise ConfigError(f"{config_file}{where}: {format_path(path)}: {exc.message}") from None
    return _resolved(options, folder)


def config_text(path: str) -> str:
    """A site config's text, capped like every file the tools read (core/documents.py)."""
    raw = read_bytes(path, kind="a site config")
    if isinstance(raw, NotRead):
        raise ConfigError(f"{path}: {raw.message}")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: is not UTF-8 text; save it as UTF-8") from None


def inherited(config: dict, config_file: str, loader, seen: tuple = ()) -> dict:
    """`config` with the config it `INHERIT`s merged under it, as MkDocs merges them
    (mkdocs/utils/yaml.py): mappings key by key, anything else (lists such as `plugins`)
    replaced by the child's. `loader` reads the parent the way the caller read the child.
    Positions in messages stay those of the file given, where an editor sets the options."""
    parent_name = config.get("INHERIT")
    if not isinstance(parent_name, str):
        return config
    parent_file = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(config_file)), parent_name))
    if parent_file in seen or not os.path.isfile(parent_file):
        raise ConfigError(
            f"{config_file}: INHERIT: '{parent_name}' is not a config file that can be read"
            + (" (a loop)" if parent_file in seen else "")
        )
    try:
        parent = yaml.load(config_text(parent_file), Loader=loader) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(yaml_error(parent_file, exc)) from None
    if not isinstance(parent, dict):
        raise ConfigError(f"{parent_file}: expected a mapping of settings such as 'site_name'")
    parent = inherited(parent, parent_file, loader, (*seen, parent_file))
    return _merged(parent, {k: v for k, v in config.items() if k != "INHERIT"})


def yaml_error(path: str, exc: yaml.YAMLError) -> str:
    """`path:line:column: what is wrong`, from PyYAML's error."""
    mark = getattr(exc, "problem_mark", None)
    where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else path
    return f"{where}: YAML syntax error: {getattr(exc, 'problem', None) or exc}"


def _merged(base: dict, child: dict) -> dict:
    out = dict(base)
    for key, value in child.items():
        out[key] = _merged(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def _plugin_entry(config: dict) -> tuple[dict | None, tuple]:
    """The plugin's own mapping and its key path; `plugins` may be a list or a mapping."""
    plugins = config.get("plugins")
    if isinstance(plugins, dict):
        return _mapping(plugins.get(PLUGIN), ("plugins", PLUGIN))
    for i, entry in enumerate(plugins if isinstance(plugins, list) else ()):
        if isinstance(entry, dict) and PLUGIN in entry:
            return _mapping(entry[PLUGIN], ("plugins", i, PLUGIN))
    return None, ("plugins", PLUGIN)


def _mapping(value, path: tuple) -> tuple[dict | None, tuple]:
    if value is not None and not isinstance(value, dict):
        raise OptionError("expected a mapping of the plugin's options", path)
    return value, path


def _check_labels(options: Options) -> None:
    # The label keys are the templates' (render/labels.py): core cannot know them.
    from journeys.core.problems import did_you_mean
    from journeys.render.labels import LABELS

    for key in options.labels:
        if key not in LABELS:
            raise OptionError(f"unknown label '{key}'{did_you_mean(key, LABELS)}", ("labels", key))


def _check_public_fields(options: Options) -> None:
    """As the plugin's on_config does (which fields exist depends on the custom fields), so a
    `public_fields` entry that the build refuses fails the check too, with the same words."""
    for i, name in enumerate(options.public_fields):
        for message in unknown_public_fields([name], (key for key, _ in options.custom_fields)):
            raise OptionError(message.removeprefix("public_fields: "), ("public_fields", i))


def _get(config: dict, path: tuple):
    value: object = config
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _position(node, path: tuple, *, at_key: bool = False) -> tuple[int | None, int | None]:
    """Line and column of `path` in the composed document (of its last key when `at_key`),
    or of its deepest part found."""
    found = node
    for n, key in enumerate(path):
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == str(key)), None)
            last_key = at_key and n == len(path) - 1
            node = None if pair is None else pair[0] if last_key else pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            node = None
        if node is None:
            break
        found = node
    return (found.start_mark.line + 1, found.start_mark.column + 1) if found is not None else (None, None)


def _resolved(options: Options, folder: str) -> Options:
    def here(path: str) -> str:
        return os.path.relpath(os.path.join(folder, path))

    custom_dir = here(options.custom_dir) if options.custom_dir else None
    return replace(options, maps_dir=here(options.maps_dir), docs_dir=here(options.docs_dir), custom_dir=custom_dir)
