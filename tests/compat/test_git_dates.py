"""git-revision-date-localized: a journey or persona page shows the last commit of its map as
"Last update", in a handbook that is a git repository (a temporary one here)."""

from __future__ import annotations

import os
import re
import subprocess

from compat.demo import build_demo, demo_config, with_plugins

FIRST, SECOND = "2024-03-05T12:00:00+00:00", "2024-06-01T12:00:00+00:00"
JOURNEY = "maps/journeys/sales/buy-contents-online.md"


def _commit(root, when: str, message: str) -> None:
    env = dict(
        os.environ,
        GIT_AUTHOR_DATE=when,
        GIT_COMMITTER_DATE=when,
        GIT_AUTHOR_NAME="Test",
        GIT_AUTHOR_EMAIL="test@example.com",
        GIT_COMMITTER_NAME="Test",
        GIT_COMMITTER_EMAIL="test@example.com",
    )
    subprocess.run(["git", "add", "-A"], cwd=root, check=True, env=env)
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=root, check=True, env=env)


def _last_update(html: str) -> str:
    """The date in Material's "Last update" line, as the plugin writes it."""
    found = re.findall(
        r'<span class="git-revision-date-localized-plugin git-revision-date-localized-plugin-date"[^>]*>([^<]*)<', html
    )
    assert len(found) == 1, found
    return found[0].strip()


def test_generated_pages_carry_their_maps_last_commit_date(demo_copy):
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=demo_copy, check=True)
    _commit(demo_copy, FIRST, "the handbook")
    with open(demo_copy / JOURNEY, "a", encoding="utf-8") as handle:
        handle.write("\nOne more interview.\n")
    _commit(demo_copy, SECOND, "one map edited")
    dates = {"git-revision-date-localized": {"type": "date", "locale": "en", "strict": True}}
    built = build_demo(demo_copy, with_plugins(demo_config(demo_copy), after=[dates]))
    assert built.ok, built.warnings
    assert _last_update(built.html("journeys/buy-contents-online/")) == "June 1, 2024"
    other = sorted(
        p.parent.name for p in built.site.glob("journeys/*/index.html") if p.parent.name != "buy-contents-online"
    )[0]
    assert _last_update(built.html(f"journeys/{other}/")) == "March 5, 2024"
    assert _last_update(built.html("personas/family-homeowner/")) == "March 5, 2024"
