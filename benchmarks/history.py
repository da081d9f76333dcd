"""What the History sections cost: the same handbook in a git repository, built with
`history_depth: 10` and with `history_depth: 0`.

    python benchmarks/history.py [--journeys 1000] [--out benchmarks/out]

The handbook is generate.py's, made a repository with `add_git_history` (a first commit, five
commits each editing a tenth of the journeys, one moving a tenth of them). Each build runs in
its own process (measure.py); its CPU time here includes the git processes it starts, which
the build process's own clock would not see. Then the git pass alone (`read_history`) is timed
in this process. Prints the figures as a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from generate import add_git_history, generate  # noqa: E402
from run import EPOCH  # noqa: E402


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(root: str, depth: int) -> dict:
    """One build of `root` with `history_depth: depth`, in a child process."""
    with open(os.path.join(root, "mkdocs.yml"), encoding="utf-8") as handle:
        config = yaml.safe_load(handle)
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "journeys" in plugin:
            plugin["journeys"]["history_depth"] = depth
    name = f"mkdocs-depth-{depth}.yml"
    with open(os.path.join(root, name), "w", encoding="utf-8") as handle:
        yaml.safe_dump(config, handle, sort_keys=False)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=EPOCH)
    before, start = children_cpu(), time.perf_counter()
    done = subprocess.run(
        [sys.executable, os.path.join(HERE, "measure.py"), "build", name, os.path.join(root, f"site-{depth}")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        sys.exit(f"build failed:\n{done.stderr[-4000:]}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["cpu_with_children"] = children_cpu() - before
    figures["wall_outside"] = time.perf_counter() - start
    print(f"  depth {depth}: {json.dumps(figures, sort_keys=True)}", flush=True)
    return figures


def git_pass(root: str) -> dict:
    """The history read alone, on the loaded handbook: wall, and CPU of this process and git's."""
    from journeys.core import load_handbook
    from journeys.core.history import read_history

    handbook = load_handbook(os.path.join(root, "maps"), root=root)
    before, cpu, start = children_cpu(), time.process_time(), time.perf_counter()
    history = read_history(handbook, os.path.join(root, "maps"), root, 10)
    return {
        "wall": time.perf_counter() - start,
        "cpu": time.process_time() - cpu,
        "git_cpu": children_cpu() - before,
        "entries": sum(len(h.entries) for h in history.journeys.values()),
        "journeys": len(history.journeys),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--journeys", type=int, default=1000)
    parser.add_argument("--out", default=os.path.join(HERE, "out"))
    args = parser.parse_args()
    root = os.path.join(os.path.abspath(args.out), f"history-n{args.journeys}")
    os.makedirs(root, exist_ok=True)
    print(f"[{args.journeys}] handbook with git history in {root} ...", flush=True)
    generate(root, args.journeys)
    add_git_history(root)
    off = build(root, 0)
    on = build(root, 10)
    alone = git_pass(root)
    share = on["cpu_with_children"] / off["cpu_with_children"] - 1
    print()
    print(
        "| maps | history entries | build CPU s, history off | build CPU s, history on | added | git pass alone: wall s (CPU s, of which git) |"
    )
    print("|---|---|---|---|---|---|")
    print(
        f"| {args.journeys:,} | {alone['entries']:,} | {off['cpu_with_children']:.1f} | {on['cpu_with_children']:.1f} | "
        f"{share:+.1%} | {alone['wall']:.2f} ({alone['cpu'] + alone['git_cpu']:.2f}, {alone['git_cpu']:.2f}) |"
    )


if __name__ == "__main__":
    main()
