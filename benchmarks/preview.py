"""Preview latency: how long after a one-map edit `mkdocs serve --dirty --livereload` shows it.

Generates a synthetic handbook (benchmarks/generate.py), starts the preview the README gives on
127.0.0.1, waits for the first build, changes one journey's title, and polls the journey page
and the journeys index until both show the new title. Prints the figures as one JSON line and,
with --report, writes them into docs/performance.md between the preview markers.

    python benchmarks/preview.py --journeys 1000 --report

With --breakdown it runs the same sequence in this process instead (what mkdocs/commands/serve.py
does: load the config, on_startup, build; for each edit load the config again and build dirty)
and times the parts of each rebuild: reloading the config, loading and validating the maps,
rendering (exports and pages), the plugin's other work in on_files, and MkDocs with the other
plugins (navigation, the rebuilt pages, the search index, the sitemap). What the real preview
adds is the watcher: MkDocs polls the watched folders every 0.5 s and waits 0.1 s more.

A benchmark, not a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPORT = HERE.parent / "docs" / "performance.md"
START, END = "<!-- preview:start -->", "<!-- preview:end -->"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def index_text(base: str) -> str:
    """The journeys index with its list pages: a large handbook's index is split, and the
    edited journey's row may be on any part (render/pagination.py)."""
    summary = fetch(base + "journeys/") or ""
    parts = sorted(set(re.findall(r'href="(index/page-\d+/)"', summary)))
    return summary + "".join(fetch(base + "journeys/" + part) or "" for part in parts)


def wait_until(condition, timeout: float, poll: float = 0.1) -> float:
    """Seconds until `condition()` holds; raises after `timeout`."""
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > timeout:
            raise TimeoutError(f"not seen within {timeout:.0f} s")
        time.sleep(poll)
    return time.monotonic() - start


def measure(journeys: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        map_file = generate(root, journeys)[journeys // 2]
        journey_id = map_file.stem
        port = free_port()
        base = f"http://127.0.0.1:{port}/"
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--livereload", "-a", f"127.0.0.1:{port}"],
            cwd=root,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            first = wait_until(lambda: fetch(base + f"journeys/{journey_id}/") is not None, timeout=1800, poll=0.5)
            time.sleep(2)  # let the watcher settle after the first build
            title = f"Edited title {int(time.time())}"
            retitle(map_file, title)
            page = wait_until(lambda: title in (fetch(base + f"journeys/{journey_id}/") or ""), timeout=600)
            index = wait_until(lambda: title in index_text(base), timeout=600)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return {
        "journeys": journeys,
        "first_build_s": round(first, 1),
        "edit_to_journey_page_s": round(page, 1),
        "edit_to_index_s": round(page + index, 1),
    }


def generate(root: Path, journeys: int) -> list[Path]:
    subprocess.run(
        [sys.executable, str(HERE / "generate.py"), str(root), "--journeys", str(journeys)],
        check=True,
        capture_output=True,
    )
    return sorted((root / "maps" / "journeys").rglob("*.md"))


def retitle(map_file: Path, title: str) -> None:
    text = map_file.read_text(encoding="utf-8")
    map_file.write_text(re.sub(r"^title: .*$", f"title: {title}", text, count=1, flags=re.M), encoding="utf-8")


def breakdown(journeys: int, edits: int = 3) -> dict:
    """Seconds of each part of a dirty rebuild after a one-map title edit (median of `edits`)."""
    import functools
    import logging
    import statistics
    from collections import defaultdict

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import CombinedEvent

    from journeys.plugin import plugin
    from journeys.render import site_files
    from measure import read_timed

    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # the dirty-build warning, every time
    spent: dict[str, float] = defaultdict(float)

    def timed(name: str, func):
        @functools.wraps(func)  # keeps `mkdocs_priority`
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - start

        return wrapper

    plugin.load_handbook = timed("load and validate", plugin.load_handbook)
    site_files.all_exports = timed("render exports", site_files.all_exports)

    def rendering(wall: float, _cpu: float) -> None:
        spent["render pages"] += wall

    site_files.all_pages = read_timed(site_files.all_pages, rendering)
    make_files, *others = plugin.JourneysPlugin.on_files.methods
    plugin.JourneysPlugin.on_files = CombinedEvent(timed("on_files", make_files), *others)
    runs: dict[str, list[float]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        map_file = generate(root, journeys)[journeys // 2]
        serve_url = "http://127.0.0.1:8000/"

        def config():
            return load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site"))

        first = config()
        first.plugins.on_startup(command="serve", dirty=True)
        build(first, serve_url=serve_url, dirty=True)
        for n in range(edits):
            retitle(map_file, f"Edited title {n}")
            spent.clear()
            start = time.perf_counter()
            again = config()
            spent["reload config"] = time.perf_counter() - start
            build(again, serve_url=serve_url, dirty=True)
            total = time.perf_counter() - start
            ours = spent.pop("on_files")
            rest = ours - spent["load and validate"] - spent["render exports"] - spent["render pages"]
            parts = dict(
                spent,
                **{"plugin, rest of on_files": rest, "MkDocs and other plugins": total - spent["reload config"] - ours},
            )
            for name, seconds in parts.items():
                runs[name].append(seconds)
            runs["rebuild"].append(total)
            rendered = again.plugins["journeys"].memo.rendered
            runs["pages rendered again"].append(sum(1 for path in rendered if path.endswith(".md")))
            runs["journeys.json items encoded again"].append(sum(1 for path in rendered if not path.endswith(".md")))
    return {name: round(statistics.median(values), 2) for name, values in runs.items()}


def write_report(figures: dict) -> None:
    table = (
        f"{START}\n| maps | first build | edit shown on its journey page | and on the journeys index |\n"
        f"| ---: | ---: | ---: | ---: |\n| {figures['journeys']:,} | {figures['first_build_s']} s | "
        f"{figures['edit_to_journey_page_s']} s | {figures['edit_to_index_s']} s |\n{END}"
    )
    text = REPORT.read_text(encoding="utf-8")
    if START in text:
        text = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: table, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n## Preview after a one-map edit\n\n" + table + "\n"
    REPORT.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--journeys", type=int, default=1000)
    parser.add_argument("--report", action="store_true", help="write the figures into docs/performance.md")
    parser.add_argument("--breakdown", action="store_true", help="time the parts of a rebuild, in this process")
    args = parser.parse_args()
    if args.breakdown:
        print(json.dumps(breakdown(args.journeys)))
        return
    figures = measure(args.journeys)
    print(json.dumps(figures))
    if args.report:
        write_report(figures)


if __name__ == "__main__":
    main()
