"""The compatibility tests build the demo with other plugins from PyPI, the `compat` extra
(`pip install '.[test,compat]'`, as .ci/run does). Each is marked `compat`, so
`pytest -m "not compat"` leaves them out on a machine without it; selected without the extra,
they fail with the missing packages named, never skip."""

from __future__ import annotations

import importlib.util

import pytest

COMPAT_MODULES = {
    "mkdocs_static_i18n": "mkdocs-static-i18n",
    "mkdocs_git_revision_date_localized_plugin": "mkdocs-git-revision-date-localized-plugin",
    "mkdocs_gen_files": "mkdocs-gen-files",
    "mkdocs_literate_nav": "mkdocs-literate-nav",
    "mkdocs_macros": "mkdocs-macros-plugin",
}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "compat" in item.path.parts:
            item.add_marker(pytest.mark.compat)


@pytest.fixture(autouse=True)
def compat_extra_installed():
    missing = sorted(pkg for module, pkg in COMPAT_MODULES.items() if importlib.util.find_spec(module) is None)
    if missing:
        pytest.fail(
            f"the compat extra is not installed ({', '.join(missing)}): pip install '.[test,compat]', "
            "or leave these tests out with -m 'not compat'"
        )
