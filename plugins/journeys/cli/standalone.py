"""A complete site project from a handbook, for a generator that runs no MkDocs plugins.

`journeys export --standalone OUT` writes `OUT/mkdocs.yml` (the site's own settings, less the
journeys plugin, plus the plugin's assets and a nav) and `OUT/docs/` (the site's hand-written
docs, the generated pages, exports and assets). MkDocs, ProperDocs and Zensical build OUT as
it is; the source config is only read, so the next export still has the plugin's options.

Links: generated pages are raw HTML, and the generators treat relative links in raw HTML
differently (MkDocs keeps them, Zensical rebases them as if relative to the source file). With
`use_directory_urls: false` the two readings agree, so that is what a standalone project for
any generator gets; `target="zensical"` keeps the site's directory URLs and writes the links
the way Zensical reads them. docs/zensical.md explains the trade-off.
"""

from __future__ import annotations

import html
import os
import posixpath
import re
import shutil
from dataclasses import dataclass, replace
from urllib.parse import quote, urljoin, urlsplit

import yaml

from journeys.cli import edit_url_hook
from journeys.cli.docs_export import write_export, write_inside
from journeys.cli.site_config import config_text, inherited, yaml_error
from journeys.core import load_handbook
from journeys.core.audience import for_audience, public_site_settings
from journeys.core.options import Options
from journeys.render.generated_page import Page
from journeys.render.site_files import INDEX_KINDS, SCRIPTS, STYLESHEET, normalise_prefix

MARKER = ".journeys-standalone"  # lists what the export wrote, so a re-export may replace it
HOOK = "journeys_edit_url.py"
# MkDocs' own defaults for an edit_uri left out (mkdocs/config/config_options.py, EditURI).
DEFAULT_EDIT_URIS = {
    "github.com": "edit/master/docs/",
    "gitlab.com": "edit/master/docs/",
    "bitbucket.org": "src/default/docs/",
}


class StandaloneError(Exception):
    """A reason the export cannot be written; one line for the editor."""


@dataclass(frozen=True)
class Tagged:
    """A YAML value under a tag such as `!ENV` or `!!python/name:`, kept to be written back."""

    tag: str
    value: object


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _construct_tagged(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return Tagged(node.tag, value)


def _represent_tagged(dumper, data: Tagged):
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_Loader.add_multi_constructor("!", _construct_tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)
_Dumper.add_representer(Tagged, _represent_tagged)


def read_site_config(config_file: str) -> dict:
    """The site config as written, tags kept, with the config it INHERITs merged in as MkDocs
    does (mkdocs/utils/yaml.py: mappings merged key by key, the child's values win, lists are
    replaced); relative paths in either are relative to `config_file`, as for MkDocs."""
    if not config_file.endswith((".yml", ".yaml")):
        raise StandaloneError(
            f"{config_file}: only a YAML site config (mkdocs.yml or properdocs.yml) holds the journeys plugin's options"
        )
    try:
        config = yaml.load(config_text(config_file), Loader=_Loader) or {}
    except yaml.YAMLError as exc:
        raise StandaloneError(yaml_error(config_file, exc)) from None
    if not isinstance(config, dict):
        raise StandaloneError(f"{config_file}: a site config is a mapping of settings")
    return inherited(config, config_file, _Loader)


def docs_dir_of(config_file: str, config: dict) -> str:
    return os.path.normpath(
        os.path.join(os.path.dirname(os.path.abspath(config_file)), config.get("docs_dir") or "docs")
    )


def uses_plugin(config: dict) -> bool:
    return any(_plugin_name(entry) == "journeys" for entry in config.get("plugins") or ())


@dataclass(frozen=True)
class Export:
    files: list[str]  # relative to OUT, sorted
    problems: list  # the maps' problems, exported as error pages
    hidden: list[str]  # hand-written pages and files that hide generated ones, as in a plugin build


def write_standalone(config_file: str, out_dir: str, options: Options, *, target: str = "any") -> Export:
    """Write the standalone project of the site `config_file` into `out_dir`. `options` are
    the plugin's options from that config (`site_config.read_options`)."""
    config = read_site_config(config_file)
    if options.audience == "public":  # as the plugin's public build: no internal address in the project
        changed = public_site_settings(config, options.public_repo_url)
        config = {key: value for key, value in {**config, **changed}.items() if key not in changed or value}
    root = os.path.dirname(os.path.abspath(config_file))
    docs_src = docs_dir_of(config_file, config)
    if not os.path.isdir(docs_src):
        raise StandaloneError(f"{os.path.relpath(docs_src)}: the docs folder of {config_file} does not exist")
    beside = _paths_beside(config, root)
    _prepare(out_dir, (docs_src, os.path.abspath(options.maps_dir)))
    # Written first, so that an export that stops half-way can still be replaced by the next.
    entries = {"docs", "mkdocs.yml", HOOK, *(path.split("/")[0] for path in beside)}
    os.makedirs(out_dir, exist_ok=True)
    _write(out_dir, MARKER, "".join(f"{entry}\n" for entry in sorted(entries)))

    directory_urls = config.get("use_directory_urls", True) is not False and target == "zensical"
    render_options = replace(options, use_directory_urls=directory_urls)
    handbook = load_handbook(
        options.maps_dir,
        custom_fields=options.custom_fields,
        root=root,
        docs_dir=options.docs_dir,
        audience=options.audience,
    )
    handbook_out = for_audience(handbook, options.audience, options.public_fields)

    docs_out = os.path.join(out_dir, "docs")
    shutil.copytree(docs_src, docs_out)
    hand_written = set(_files_under(docs_out))
    written = [posixpath.join("docs", rel) for rel in sorted(hand_written)]
    docs_rel = os.path.relpath(docs_src, root).replace(os.sep, "/")
    edit_url = _edit_url_maker(config, docs_rel)

    def front_matter(page: Page) -> dict:
        keys = {"edit_url": quote_path(edit_url, page.source) if page.source else ""} if edit_url else {}
        return keys | ({"search": {"exclude": True}} if too_long_for_search(page.body) else {})

    generated = write_export(
        handbook_out,
        docs_out,
        render_options,
        root=root,
        keep=hand_written,
        front_matter=front_matter,
        source_relative=directory_urls,
    )
    hidden = sorted(hand_written & set(generated))  # pages and exports alike
    written += [posixpath.join("docs", rel) for rel in generated if rel not in hand_written]

    settings = _settings(config, root, out_dir, hand_written, normalise_prefix(options.prefix), directory_urls, written)
    header = _HEADER.format(source=os.path.basename(config_file)) + (_FOR_ZENSICAL if directory_urls else "")
    _write(
        out_dir,
        "mkdocs.yml",
        header + yaml.dump(settings, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10**6),
    )
    written.append("mkdocs.yml")
    return Export(sorted(written), list(handbook.problems), hidden)


_HEADER = "# Written by `journeys export --standalone` from {source}: change that file and export again.\n"
_FOR_ZENSICAL = (
    "# --for zensical: links in the generated pages are written the way Zensical resolves them;\n"
    "# MkDocs and ProperDocs would break them. Export without --for to build with those.\n"
)


def _prepare(out_dir: str, sources: tuple[str, ...]) -> None:
    """Refuse an OUT inside the folders the export reads, or that holds anything but an
    earlier standalone export; clear that one."""
    out = os.path.abspath(out_dir)
    for inside in sources:
        if out == inside or out.startswith(inside + os.sep):
            raise StandaloneError(
                f"{out_dir} is inside {os.path.relpath(inside)}: export the project to a folder of its own"
            )
    if not os.path.isdir(out) or not os.listdir(out):
        return
    marker = os.path.join(out, MARKER)
    if not os.path.isfile(marker) or os.path.islink(marker):
        raise StandaloneError(
            f"{out_dir} exists and is not an earlier standalone export; choose an empty or new folder"
        )
    with open(marker, encoding="utf-8") as handle:
        entries = [line.strip() for line in handle if line.strip()]
    for entry in entries:
        path = os.path.join(out, entry)
        if os.path.dirname(os.path.abspath(path)) != out:
            continue  # a marker names only entries of OUT itself; anything else is not ours to delete
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        elif os.path.lexists(path):
            os.remove(path)


def _settings(
    config: dict, root: str, out_dir: str, hand_written: set[str], prefix: str, directory_urls: bool, written: list[str]
) -> dict:
    settings = {key: value for key, value in config.items() if key not in ("docs_dir", "site_dir", "watch")}
    settings["plugins"] = [entry for entry in config.get("plugins") or () if _plugin_name(entry) != "journeys"]
    if not directory_urls:
        settings["use_directory_urls"] = False
    # What the plugin's on_config adds, in its order.
    settings["extra_css"] = _add(config.get("extra_css") or [], [STYLESHEET])
    settings["extra_javascript"] = _add(config.get("extra_javascript") or [], list(SCRIPTS))
    if not config.get("nav"):
        settings["nav"] = _nav(hand_written, prefix)
    theme = config.get("theme")
    if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):
        settings["theme"] = {**theme, "custom_dir": _copy_beside(theme["custom_dir"], root, out_dir, written)}
    hooks = [_copy_beside(hook, root, out_dir, written) for hook in config.get("hooks") or () if isinstance(hook, str)]
    if not directory_urls:  # only MkDocs and ProperDocs run hooks, and they build only this kind of export
        with open(edit_url_hook.__file__, encoding="utf-8") as handle:
            _write(out_dir, HOOK, handle.read())
        written.append(HOOK)
        hooks.append(HOOK)
    if hooks:
        settings["hooks"] = hooks
    return settings


def _nav(hand_written: set[str], prefix: str) -> list:
    """Without a nav of its own, the site lists its pages, and the plugin's index pages; the
    detail pages stay out of it, as the plugin keeps them (docs/using-the-plugin.md says why)."""
    pages = sorted((rel for rel in hand_written if rel.endswith(".md")), key=lambda rel: (rel != "index.md", rel))
    indexes = [prefix + kind + "/index.md" for kind in INDEX_KINDS]
    return pages + [page for page in indexes if page not in hand_written]


def _add(entries: list, paths: list[str]) -> list:
    have = {
        entry if isinstance(entry, str) else entry.get("path") for entry in entries if isinstance(entry, (str, dict))
    }
    return list(entries) + [path for path in paths if path not in have]


def _paths_beside(config: dict, root: str) -> list[str]:
    """The files and folders the config names (custom_dir, hooks), relative to its folder;
    the export copies them to the same place under OUT, so the config's paths still hold."""
    theme = config.get("theme")
    named = [theme["custom_dir"]] if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str) else []
    named += [hook for hook in config.get("hooks") or () if isinstance(hook, str)]
    paths = []
    for rel in named:
        source = os.path.normpath(os.path.join(root, rel))
        if not source.startswith(root + os.sep):
            raise StandaloneError(
                f"{rel}: the config names a path outside its folder; the export copies only what is inside it"
            )
        paths.append(os.path.relpath(source, root).replace(os.sep, "/"))
    return paths


def _copy_beside(rel: str, root: str, out_dir: str, written: list[str]) -> str:
    source = os.path.normpath(os.path.join(root, rel))
    target = os.path.join(out_dir, os.path.relpath(source, root))
    os.makedirs(os.path.dirname(target), exist_ok=True)
    if os.path.isdir(source):
        shutil.copytree(source, target, dirs_exist_ok=True)
    else:
        shutil.copyfile(source, target)
    written.append(os.path.relpath(source, root).replace(os.sep, "/"))
    return rel


def _edit_url_maker(config: dict, docs_rel: str):
    """What MkDocs would make "edit this page" of a page at the map's path: the plugin sets
    the same path (plugin.py, on_files), and the shipped hook applies it."""
    repo_url = config.get("repo_url") if isinstance(config.get("repo_url"), str) else None
    template = config.get("edit_uri_template") if isinstance(config.get("edit_uri_template"), str) else None
    edit_uri = config.get("edit_uri")
    if edit_uri is None and repo_url and not template:
        edit_uri = DEFAULT_EDIT_URIS.get(urlsplit(repo_url).hostname or "")
    if not (template or (isinstance(edit_uri, str) and edit_uri)) or not repo_url:
        return None
    base = repo_url if repo_url.endswith("/") else repo_url + "/"

    def edit_url(source: str) -> str:
        path = posixpath.relpath(source, docs_rel)
        if template:
            return urljoin(base, template.format(path=path, path_noext=posixpath.splitext(path)[0]))
        return urljoin(base, (edit_uri or "").rstrip("/") + "/" + path)

    return edit_url


def quote_path(edit_url, source: str) -> str:
    # Quoted: Material writes page.edit_url into an href unescaped, and a folder of maps may
    # have any name.
    return edit_url(quote(source, safe="/"))


# Zensical refuses to build a site whose search index has a section longer than it can address:
# 65,536 token positions once the site has a few hundred sections ("exceeds the search index
# limit"). The pain-point index, one table, passes that at about 350 maps. A page with such a
# section is left out of search (`search: exclude`, which Material's search honours too); each
# pain point is still found on its journey's page. Counted in words, with a margin for
# Zensical's tokenizer, which splits some words further.
SEARCH_SECTION_WORDS = 50_000
_HEADING = re.compile(r"<h[1-6][\s>]|^#{1,6} ", re.M)
_TAG = re.compile(r"<[^<>]*>")  # not `<[^>]*>`: each of many '<' would scan on to the end
_WORD = re.compile(r"[^\s-]+")


def too_long_for_search(body: str) -> bool:
    if len(body) < 2 * SEARCH_SECTION_WORDS:  # a word and a separator take two characters at least
        return False
    return any(
        len(_WORD.findall(html.unescape(_TAG.sub(" ", section)))) > SEARCH_SECTION_WORDS
        for section in _HEADING.split(body)
    )


def _plugin_name(entry) -> str | None:
    if isinstance(entry, str):
        return entry
    if isinstance(entry, dict) and len(entry) == 1:
        return next(iter(entry))
    return None


def _files_under(folder: str) -> list[str]:
    found = []
    for parent, dirs, files in os.walk(folder):
        dirs.sort()
        found += [os.path.relpath(os.path.join(parent, name), folder).replace(os.sep, "/") for name in sorted(files)]
    return found


def _write(out_dir: str, rel: str, text: str) -> None:
    write_inside(out_dir, rel, text.encode("utf-8"))
