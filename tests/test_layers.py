"""The core and render layers, and `journeys export`, must not depend on MkDocs: the handbook
should be able to move to another generator without touching them."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import journeys.core
import journeys.render


def test_core_render_and_export_import_no_mkdocs():
    modules = ["journeys.export", "journeys.standalone", "journeys.edit_url_hook", "journeys.cli"] + [
        f"{package.__name__}.{info.name}"
        for package in (journeys.core, journeys.render)
        for info in pkgutil.iter_modules(package.__path__)
    ]
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material', 'properdocs')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert len(modules) > 10
    assert result.stdout.strip() == "[]"
