"""A handbook in a temporary git repository whose history changes one map step by step, for
the History section and `journeys diff` tests."""

from __future__ import annotations

import html
import os
import re
import subprocess
from pathlib import Path

from helpers import MINIMAL_MAPS, write

BUY = "maps/journeys/sales/buy.md"
RENAMED = "maps/journeys/sales/buy-online.md"
# The subject of the commit that adds a pain point tries HTML, Markdown and an attribute break.
HOSTILE_SUBJECT = 'Checkout: <img src=x onerror=alert(1)> **bold** [link](javascript:alert(1)) "quote'


def git(root: Path, *args: str, day: int = 1) -> str:
    """Run git in `root` as a fixed author at a fixed time, so commits have fixed hashes."""
    stamp = f"2026-03-{day:02d}T12:00:00+00:00"
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        GIT_AUTHOR_NAME="Ed Itor",
        GIT_AUTHOR_EMAIL="ed@example.com",
        GIT_COMMITTER_NAME="Ed Itor",
        GIT_COMMITTER_EMAIL="ed@example.com",
        GIT_AUTHOR_DATE=stamp,
        GIT_COMMITTER_DATE=stamp,
        GIT_CONFIG_NOSYSTEM="1",
        HOME=str(root),
    )
    done = subprocess.run(
        ["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def edit(root: Path, path: str, old: str, new: str) -> None:
    file = root / path
    content = file.read_text(encoding="utf-8")
    assert old in content, (old, path)
    file.write_text(content.replace(old, new, 1), encoding="utf-8")


def make_history(root: Path) -> dict[str, str]:
    """Five commits, then an uncommitted edit; returns the commit hashes by step name."""
    maps = dict(MINIMAL_MAPS)
    # An explicit id, so the journey keeps its page when its file is renamed.
    maps[BUY] = maps[BUY].replace("title: Buying online\n", "id: buy\n        title: Buying online\n", 1)
    write(root, maps)
    git(root, "init", "-q")
    hashes = {}

    def commit(name: str, message: str, day: int) -> None:
        git(root, "add", "-A", day=day)
        git(root, "commit", "-q", "-m", message, day=day)
        hashes[name] = git(root, "rev-parse", "HEAD").strip()

    commit("start", "Add the first maps", 1)
    edit(root, BUY, "emotion: -1", "emotion: 0")
    commit("emotion", "Comparison site: the price is clearer now", 2)
    edit(
        root,
        BUY,
        "        gaps: [Drop-off unknown]\n",
        "        gaps: [Drop-off unknown]\n        pain_points:\n"
        "          - id: slow-card-form\n            text: The card form is slow.\n",
    )
    commit("pain", HOSTILE_SUBJECT, 3)
    edit(root, BUY, "            severity: high\n", "            severity: high\n            status: resolved\n")
    commit("resolved", "Price mismatch fixed by the feed change", 4)
    git(root, "mv", BUY, RENAMED)
    commit("renamed", "Rename the buying journey's file", 5)
    edit(root, RENAMED, "emotion: 1\n", "emotion: 2\n")
    return hashes


def section(page: str) -> str:
    """The History section of a built journey page."""
    start = page.index('<div class="jm-history">')
    return page[start : page.index("</div>", start) + len("</div>")]


def visible(fragment: str) -> str:
    """What a reader sees: tags removed, entities decoded, whitespace collapsed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", fragment))).strip()


def entries(fragment: str) -> list[str]:
    return [
        visible(item)
        for item in re.findall(
            r'<li class="jm-history__entry">(.*?)</li>\s*(?=<li class="jm-history__entry">|</ol>)', fragment, re.S
        )
    ]
