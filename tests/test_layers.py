"""The layers a newcomer sees at once, kept apart: `core` (model, loading, validation) imports
no other layer, `render` (pages and exports) only core, `plugin` (MkDocs events) and `cli` (the
`journeys` command) sit on top; only `plugin` imports MkDocs, so the handbook can move to
another generator without touching the rest. No module imports one that imports it back."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import journeys
import journeys.cli
import journeys.core
import journeys.render

PACKAGE = Path(journeys.__file__).parent
LAYERS = ("core", "render", "plugin", "cli")
# What each layer may import of the others.
ALLOWED = {"core": set(), "render": {"core"}, "plugin": {"core", "render"}, "cli": {"core", "render"}}


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports(path: Path, known: dict[str, Path]) -> set[str]:
    """Every module of the package that `path` imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "journeys":
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.add(full if full in known else node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.split(".")[0] == "journeys")
    return {name for name in found if name in known}


def layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def test_the_package_root_holds_only_the_layers():
    entries = sorted(p.name for p in PACKAGE.iterdir() if p.name != "__pycache__" and not p.name.endswith(".typed"))
    assert entries == sorted(["__init__.py", "assets", "templates", *LAYERS])


def test_each_layer_imports_only_the_layers_below_it():
    known = modules()
    wrong = []
    for name, path in known.items():
        here = layer(name)
        for target in imports(path, known):
            there = layer(target)
            if here and there and there != here and there not in ALLOWED[here]:
                wrong.append(f"{name} imports {target}")
    assert len(known) > 60
    assert wrong == []


def test_no_import_cycle():
    known = modules()
    graph = {name: imports(path, known) - {name} for name, path in known.items()}
    cycles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph[name]):
            if state.get(target) == 1:
                cycles.append(" -> ".join([*path[path.index(target) :], target]))
            elif target not in state:
                visit(target, [*path, target])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_core_render_and_cli_import_no_mkdocs():
    names = [
        f"{package.__name__}.{info.name}"
        for package in (journeys.core, journeys.render, journeys.cli)
        for info in pkgutil.iter_modules(package.__path__)
        if info.name != "__main__"
    ]
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in names)
        + "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material', 'properdocs')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert len(names) > 50
    assert result.stdout.strip() == "[]"
