"""One measured MkDocs build, run by `run.py` in a child process so that its peak memory is
its own. Prints one JSON line of figures on stdout.

The plugin's share is timed by wrapping, in this process only, the plugin's events and the two
calls `on_files` makes: `load_handbook` (reading and validation) and `all_pages` (rendering, through `site_files`).
The plugin itself is not changed.

    python benchmarks/measure.py build mkdocs.yml SITE_DIR [--profile FILE]
    python benchmarks/measure.py rebuild mkdocs.yml SITE_DIR MAP_FILE
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import io
import json
import logging
import os
import pstats
import resource
import time
from collections import defaultdict

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import CombinedEvent

# Wall and CPU seconds: other processes share the machine, and CPU time is what they
# disturb least, so the report compares CPU times.
TIMES: dict[str, float] = defaultdict(float)
CPU: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)


def timed(name: str, func):
    @functools.wraps(func)  # keeps `mkdocs_priority` set by @event_priority
    def wrapper(*args, **kwargs):
        start, cpu = time.perf_counter(), time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            TIMES[name] += time.perf_counter() - start
            CPU[name] += time.process_time() - cpu
            CALLS[name] += 1

    return wrapper


def read_timed(func, add):
    """`func` returns what is made as it is read (render/all_pages.py renders each page as it is
    asked for): `add(wall, cpu)` gets the seconds of making each item, as it is read."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        items = iter(func(*args, **kwargs))
        while True:
            start, cpu = time.perf_counter(), time.process_time()
            item = next(items, read_timed)  # the function itself marks the end: no item is it
            add(time.perf_counter() - start, time.process_time() - cpu)
            if item is read_timed:
                return
            yield item

    return wrapper


def _count(name: str):
    def add(wall: float, cpu: float) -> None:
        TIMES[name] += wall
        CPU[name] += cpu

    return add


def instrument() -> None:
    """Time every event the plugin defines, and inside on_files the load and render calls."""
    from journeys.core import handbook
    from journeys.plugin import pagefind_site, plugin
    from journeys.render import site_files

    for name, event in sorted(vars(plugin.JourneysPlugin).items()):
        if not name.startswith("on_"):
            continue
        if isinstance(event, CombinedEvent):  # on_files: each of its handlers, under the event's name
            setattr(plugin.JourneysPlugin, name, CombinedEvent(*(timed(f"event:{name}", m) for m in event.methods)))
        elif callable(event):
            setattr(plugin.JourneysPlugin, name, timed(f"event:{name}", event))
    plugin.load_handbook = timed("load_handbook", plugin.load_handbook)
    # search: pagefind: each page's copy for the index, and Pagefind's run after the build (its
    # own CPU time is a child process's: `children_cpu`).
    pagefind_site.PagefindSite.page = timed("pagefind_stage", pagefind_site.PagefindSite.page)
    pagefind_site.index_folder = timed("pagefind_index", pagefind_site.index_folder)
    site_files.all_pages = read_timed(site_files.all_pages, _count("all_pages"))
    handbook.parse_markdown_file = timed("parse_markdown_file", handbook.parse_markdown_file)


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def quiet() -> None:
    # Plain builds report every page outside the nav at INFO; only warnings matter here.
    logging.getLogger("mkdocs").setLevel(logging.WARNING)


def run_build(config_file: str, site_dir: str, profile: str | None) -> dict:
    config = load_config(config_file=config_file, site_dir=site_dir)
    profiler = cProfile.Profile() if profile else None
    start, cpu, children = time.perf_counter(), time.process_time(), resource.getrusage(resource.RUSAGE_CHILDREN)
    if profiler:
        profiler.enable()
    build(config)
    if profiler:
        profiler.disable()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    figures = {
        "wall": time.perf_counter() - start,
        "cpu": time.process_time() - cpu,
        # Pagefind's indexer and git, which the build waits for
        "children_cpu": after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime,
    }
    if profiler:
        write_profile(profiler, profile)
    return figures


def write_profile(profiler: cProfile.Profile, path: str) -> None:
    """The whole build by cumulative time, then the plugin's own functions by self time."""
    profiler.dump_stats(path + ".prof")
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(40)
    stats.sort_stats("tottime").print_stats("journeys", 40)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(out.getvalue())


def run_rebuild(config_file: str, site_dir: str, map_file: str) -> dict:
    """What `mkdocs serve` does (mkdocs/commands/serve.py): load the config, run on_startup
    once, build; after a change, load the config again and build again. Plugins that define
    on_startup are kept across the reloads, so the journeys parse cache survives."""

    def get_config():
        return load_config(config_file=config_file, site_dir=site_dir)

    serve_url = "http://127.0.0.1:8000/"
    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    config.site_url = serve_url
    start, cpu = time.perf_counter(), time.process_time()
    build(config, serve_url=serve_url)
    first, first_cpu = time.perf_counter() - start, time.process_time() - cpu
    first_parses = CALLS["parse_markdown_file"]

    stat = os.stat(map_file)
    with open(map_file, "a", encoding="utf-8") as handle:
        handle.write("\nEdited during the benchmark.\n")
    os.utime(map_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))

    start, cpu = time.perf_counter(), time.process_time()
    load_before = CPU["load_handbook"]
    config = get_config()
    config.site_url = serve_url
    build(config, serve_url=serve_url)
    again, again_cpu = time.perf_counter() - start, time.process_time() - cpu
    config.plugins.on_shutdown()
    return {
        "wall": first,
        "cpu": first_cpu,
        "rebuild": again,
        "rebuild_cpu": again_cpu,
        "rebuild_parses": CALLS["parse_markdown_file"] - first_parses,
        "first_parses": first_parses,
        "rebuild_load_handbook_cpu": CPU["load_handbook"] - load_before,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["build", "rebuild"])
    parser.add_argument("config_file")
    parser.add_argument("site_dir")
    parser.add_argument("map_file", nargs="?", help="the map to edit between the two builds (rebuild)")
    parser.add_argument("--profile", help="write a cProfile report of the build to this file")
    args = parser.parse_args()
    quiet()
    instrument()
    if args.mode == "build":
        figures = run_build(args.config_file, args.site_dir, args.profile)
    else:
        figures = run_rebuild(args.config_file, args.site_dir, args.map_file)
    figures.update({"times": dict(TIMES), "cpu_times": dict(CPU), "calls": dict(CALLS), "peak_mib": rss_mib()})
    print(json.dumps(figures, sort_keys=True))


if __name__ == "__main__":
    main()
