"""The demo handbook built with other MkDocs plugins installed from PyPI (the `compat` extra).

`demo_config(root)` reads the copied demo's mkdocs.yml; a test changes it and `build_demo`
builds it with MkDocs, strict, collecting every warning."""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

import yaml

from helpers import Build, build_config


def demo_config(root: Path) -> dict:
    return yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))


def journeys_entry(config: dict) -> dict:
    return next(p for p in config["plugins"] if isinstance(p, dict) and "journeys" in p)


def with_plugins(config: dict, before: list = (), after: list = ()) -> dict:
    """The demo's plugins with `before` inserted ahead of journeys and `after` behind it."""
    plugins = list(config["plugins"])
    at = plugins.index(journeys_entry(config))
    config["plugins"] = plugins[:at] + list(before) + [plugins[at]] + list(after) + plugins[at + 1 :]
    return config


def build_demo(root: Path, config: dict, *, strict: bool = True, **overrides) -> Build:
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return build_config(root, strict=strict, **overrides)


def missing_plotly(site: Path) -> list[str]:
    """'page: data-plotly' for every chart whose plotly.js is not where the page points."""
    missing = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        for src in re.findall(r'data-plotly="([^"]*)"', page.read_text(encoding="utf-8")):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), html.unescape(src)))
            if not (site / target).is_file():
                missing.append(f"{rel}: {src}")
    return missing


def chart_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if 'class="jm-chart"' in p.read_text(encoding="utf-8"))
