"""What 1 MiB of hostile input costs: `journeys check` and a build of a small handbook with one
hostile file, for each kind of input that once made a check or a build slower than linear.

    python benchmarks/hostile.py [--only KIND ...] [--limit SECONDS] [--size BYTES]

Each kind writes a small valid handbook plus one hostile file of about `--size` bytes (1 MiB
by default): a narrative line of `[a`, a reviewer handle `a@b.b.b…@`, a huge heading on a page
with an embed, and the other shapes found in the audit of every regular expression that reads
author text. `journeys check` and `mkdocs build` each run in a child process, stopped after
`--limit` seconds (shown as "> limit"). Prints a Markdown table of wall-clock seconds, and the
CPU seconds of the command's processes (on a busy machine, the steadier of the two).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable

import yaml

MIB = 1024 * 1024

PERSONA = "---\nname: Maya\n---\n"
STAGES = "- id: discover\n- id: buy\n"
TEAMS = "- id: sales\n  name: Sales\n"


def journey(body: str = "", **extra) -> str:
    data = {
        "title": "Buying online",
        "personas": ["maya"],
        "owner": "sales",
        "stages": [{"stage": "discover", "steps": [{"touchpoint": "Quote form", "emotion": 0}]}],
        **extra,
    }
    return "---\n" + yaml.safe_dump(data, sort_keys=False) + "---\n" + body


def kinds(size: int) -> dict[str, Callable[[], dict[str, str | None]]]:
    """Kind -> what makes the files of its handbook (paths relative to the project)."""
    n = size - 4096  # room for the front matter: the whole file stays within the 1 MiB cap
    embed = "```journey-map\njourney: buy\n```\n"

    def backticks() -> str:  # runs of 1, 2, 3... backticks: none closes another
        runs, total = [], 0
        while total < n:
            runs.append("`" * (len(runs) + 1))
            total += len(runs) + 1
        return " ".join(runs)

    def steps(count: int, owners: bool = False) -> str:
        """Step lines of a journey's one stage block, written out (yaml.safe_dump is slow)."""
        owner = "    owner: team {n}\n" if owners else ""
        return "".join(f"  - touchpoint: Step\n    emotion: 0\n{owner}".format(n=i) for i in range(count))

    def stage_blocks(count: int) -> str:
        return "".join(f"- stage: s{i}\n  steps:\n  - touchpoint: t\n    emotion: 0\n" for i in range(count))

    first_step = "  - touchpoint: Quote form\n    emotion: 0\n"
    return {
        "narrative-brackets": lambda: {"maps/journeys/buy.md": journey("[a" * (n // 2 - 4) + "](x)\n")},
        "narrative-backticks": lambda: {"maps/journeys/buy.md": journey(backticks() + "\n")},
        "narrative-leading-space": lambda: {"maps/journeys/buy.md": journey(" " * n + "x\n")},
        "reviewer-handle": lambda: {
            "maps/teams.yml": f"- id: sales\n  reviewers: ['a@{'b.' * (n // 2)}@']\n",
        },
        "embed-heading": lambda: {"docs/page.md": "# a" + " " * n + "b\n\n" + embed},
        "embed-title-lines": lambda: {"docs/page.md": "---\n" + "title: x\n" * (n // 9) + embed},
        "front-matter-nesting": lambda: {
            "maps/journeys/buy.md": journey().replace("title:", "tags: " + "[" * n + "\ntitle:"),
        },
        "teams-catalogue": lambda: {"maps/teams.yml": "".join(f"- id: t{i}\n" for i in range(n // 14))},
        "derived-teams": lambda: {
            "maps/teams.yml": None,
            "maps/journeys/buy.md": journey().replace(first_step, first_step + steps(n // 62, owners=True)),
        },
        "derived-stages": lambda: {
            "maps/stages.yml": None,
            "maps/journeys/buy.md": journey().replace("stages:\n", "stages:\n" + stage_blocks(n // 60)),
        },
        # Committed once at 30 MB, then replaced: the History section reads old versions from git.
        "old-version-30-mb": lambda: {
            "maps/journeys/buy.md": journey(),
            GIT_HISTORY: journey().replace(first_step, first_step + steps(30 * MIB // 36)),
        },
    }


GIT_HISTORY = "old version of maps/journeys/buy.md"


def git(root: str, *args: str) -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env.update(GIT_AUTHOR_NAME="B", GIT_AUTHOR_EMAIL="b@example.com", GIT_COMMITTER_NAME="B")
    env.update(GIT_COMMITTER_EMAIL="b@example.com", GIT_CONFIG_NOSYSTEM="1", HOME=root)
    subprocess.run(["git", "-c", "init.defaultBranch=main", *args], cwd=root, env=env, check=True, capture_output=True)


def handbook(root: str, files: dict[str, str | None]) -> None:
    base = {
        "maps/stages.yml": STAGES,
        "maps/teams.yml": TEAMS,
        "maps/personas/maya.md": PERSONA,
        "maps/journeys/buy.md": journey(),
        "docs/index.md": "# Home\n",
        "mkdocs.yml": yaml.safe_dump(
            {"site_name": "Hostile", "theme": {"name": "material"}, "plugins": ["search", {"journeys": {}}]}
        ),
    }
    old = files.get(GIT_HISTORY)
    for rel, content in {**base, **files, **({"maps/journeys/buy.md": old} if old else {})}.items():
        if content is None or rel == GIT_HISTORY:
            continue
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(content)
    if old:
        git(root, "init", "-q")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "A 30 MB map")
        handbook(root, {key: value for key, value in files.items() if key != GIT_HISTORY})
        git(root, "commit", "-q", "-am", "Back to a small map")


def timed(command: list[str], cwd: str, limit: float) -> str:
    """Wall-clock and CPU seconds of `command` (its process and theirs), or "> limit"."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1767225600")
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    try:
        subprocess.run(command, cwd=cwd, env=env, capture_output=True, timeout=limit, check=False)
    except subprocess.TimeoutExpired:
        return f"> {limit:g}"
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return f"{time.perf_counter() - start:.2f} ({cpu:.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=textwrap.dedent(__doc__ or "").strip().splitlines()[0])
    parser.add_argument("--only", nargs="*", help="the kinds to run (default: all)")
    parser.add_argument("--limit", type=float, default=60, help="stop a command after this many seconds")
    parser.add_argument("--size", type=int, default=MIB, help="bytes of hostile input (default 1 MiB)")
    args = parser.parse_args()
    print("| input | hostile file | `journeys check`: wall s (CPU s) | `mkdocs build`: wall s (CPU s) |")
    print("|---|---|---|---|")
    for name, make in kinds(args.size).items():
        if args.only and name not in args.only:
            continue
        files = make()
        with tempfile.TemporaryDirectory() as root:
            handbook(root, files)
            hostile = max((f for f in files if files[f] is not None), key=lambda f: len(files[f] or ""))
            size = len((files[hostile] or "").encode())
            check = timed([sys.executable, "-m", "journeys.cli", "check", "maps"], root, args.limit)
            built = timed([sys.executable, "-m", "mkdocs", "build", "-q", "-d", "site"], root, args.limit)
            print(f"| {name} | {hostile} ({size:,} bytes) | {check} | {built} |", flush=True)


if __name__ == "__main__":
    main()
