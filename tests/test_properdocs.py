"""ProperDocs, the maintained MkDocs fork, builds the demo handbook with the journeys plugin."""

from __future__ import annotations

import os
import subprocess
import sys

from properdocs.plugins import get_plugins


def test_the_plugin_is_registered_for_properdocs():
    entry = get_plugins()["journeys"]
    assert (entry.group, entry.value) == ("properdocs.plugins", "journeys.plugin:JourneysPlugin")


def test_properdocs_builds_the_demo_handbook_strictly(demo_copy):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", "site"],
        cwd=demo_copy,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    page = (demo_copy / "site/journeys/buy-contents-online/index.html").read_text(encoding="utf-8")
    assert "Buying contents cover online" in page
    assert (demo_copy / "site/personas/first-time-renter/index.html").is_file()
    assert (demo_copy / "site/journeys.json").is_file()
