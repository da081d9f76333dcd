"""Benchmark the journeys plugin on synthetic handbooks and check the performance targets.

    python benchmarks/run.py [--sizes 200 1000 5000] [--rebuild-size 1000] [--profile-size 1000] [--zensical-size 1000] [--skew]

For each size: generate a handbook (generate.py), build it with MkDocs in a child process
(measure.py, which also times the plugin's share), write the same generated pages out as
Markdown and build them again without the plugin. Then, at one size, simulate a `mkdocs serve`
rebuild after a one-map edit, and profile a build; at one size, build the standalone export
(`journeys export --standalone`) with Zensical. With --skew, the handbooks are skewed (a few
pain points, opportunities and teams in most places: generate.py --skew). Prints a table and writes
benchmarks/out/report.md (report-skew.md with --skew).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from importlib import metadata

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from generate import MKDOCS_YML, WORDS, generate  # noqa: E402

FLOOR_RATIO = 1.5  # the handbook's build against the floor's, at 1,000 and 5,000 maps (issue 28)
FLOOR_WORDS = 60  # words of a floor page's paragraph
PAGE_LIMIT = 100 * 1024  # a journey page
AGGREGATE_LIMIT = 250 * 1024  # any generated page, aggregate and list pages included
MEMORY_LIMIT_MIB = 1.5 * 1024  # peak memory of the build at the largest size
SEARCH_LIMIT = 4 * 1024  # bytes of search_index.json a map, at 1,000 maps
KINDS = ("journeys", "personas", "stages", "teams", "pain-points", "measures", "insights", "opportunities")
# A fixed build date, so review status and every page are the same from run to run.
EPOCH = "1767225600"


@dataclass
class Result:
    size: int
    plugin: dict
    plain: dict | None
    site_bytes: int
    largest_page: tuple[int, str]
    largest_by_kind: dict = field(default_factory=dict)  # kind of page -> (bytes, path)
    search_bytes: int = 0
    search: str = "material"  # which search the site has (`site_search`)
    rebuild: dict | None = None
    zensical: dict | None = None
    floor: dict | None = None  # a plain Material site of as many pages (`floor_site`)
    pages: int = 0  # the handbook's pages: its index.html files
    notes: list[str] = field(default_factory=list)

    @property
    def per_map(self) -> float:
        return self.plugin["cpu"] / self.size

    @property
    def bytes_per_map(self) -> float:
        return self.site_bytes / self.size

    @property
    def peak_per_map(self) -> float:
        return self.plugin["peak_mib"] / self.size

    @property
    def search_per_map(self) -> float:
        return self.search_bytes / self.size

    @property
    def plugin_share(self) -> float:
        return sum(v for k, v in self.plugin["cpu_times"].items() if k.startswith("event:"))

    @property
    def floor_ratio(self) -> float | None:
        """The handbook's build, Pagefind's indexer included, against the floor's."""
        if not self.floor:
            return None
        return (self.plugin["cpu"] + self.plugin.get("children_cpu", 0.0)) / self.floor["cpu"]

    @property
    def ratio(self) -> float | None:
        return self.plugin["cpu"] / self.plain["cpu"] if self.plain else None


def child(args: list[str], cwd: str) -> dict:
    """Run measure.py in a fresh interpreter: its peak memory is that build's alone."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=EPOCH)
    done = subprocess.run(
        [sys.executable, os.path.join(HERE, "measure.py"), *args], cwd=cwd, env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        sys.exit(f"benchmark build failed in {cwd}:\n{done.stderr[-4000:]}")
    if done.stderr.strip():
        print(done.stderr.strip()[-2000:], file=sys.stderr)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"    {json.dumps(figures, sort_keys=True)}", flush=True)  # kept in the log if a later size fails
    return figures


def tree_bytes(folder: str) -> int:
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(folder) for f in files)


def site_search(site: str) -> tuple[str, int]:
    """The site's search and the bytes it keeps: Pagefind's bundle (`search: pagefind`, of which
    a reader fetches only what a query needs), or Material's index (fetched whole)."""
    bundle = os.path.join(site, "pagefind")
    if os.path.isdir(bundle):
        return "pagefind", tree_bytes(bundle)
    return "material", os.path.getsize(os.path.join(site, "search", "search_index.json"))


def largest_journey_page(site: str) -> tuple[int, str]:
    journeys = os.path.join(site, "journeys")
    found = [
        (os.path.getsize(os.path.join(journeys, name, "index.html")), f"journeys/{name}/")
        for name in sorted(os.listdir(journeys))
        if os.path.isfile(os.path.join(journeys, name, "index.html"))
    ]
    return max(found)


def page_kind(rel: str) -> str | None:
    """'stage page', 'stage list page', 'journeys index'... for a generated page's path."""
    parts = rel.split("/")
    if parts[0] not in KINDS or parts[-1] != "index.html":
        return None
    name = {
        "journeys": "journey",
        "personas": "persona",
        "stages": "stage",
        "teams": "team",
        "pain-points": "pain-point",
        "measures": "measure",
        "insights": "insight",
        "opportunities": "opportunity",
    }[parts[0]]
    if parts[0] == "pain-points" and len(parts) > 2 and parts[1] == "places":  # a pain point's own page
        return "pain-point places list page" if len(parts) > 4 else "pain-point places page"
    if any(p.startswith("page-") for p in parts[1:-1]):
        if parts[1] == "index":
            return f"{parts[0]} index list page"
        return "journey children list page" if name == "journey" else f"{name} list page"
    if len(parts) == 2:
        return f"{parts[0]} index"
    return f"{name} page"


def largest_by_kind(site: str) -> dict[str, tuple[int, str]]:
    found: dict[str, tuple[int, str]] = {}
    for folder, _, files in os.walk(site):
        for name in files:
            rel = os.path.relpath(os.path.join(folder, name), site).replace(os.sep, "/")
            kind = page_kind(rel)
            if kind:
                found[kind] = max(found.get(kind, (0, "")), (os.path.getsize(os.path.join(site, rel)), rel[:-10]))
    return dict(sorted(found.items()))


def plain_site(root: str, plain: str) -> None:
    """The same pages, assets and nav as the plugin build, written out by `journeys export`
    and configured as its output says, for a build without the plugin."""
    shutil.rmtree(plain, ignore_errors=True)
    docs = os.path.join(plain, "docs")
    shutil.copytree(os.path.join(root, "docs"), docs)
    done = subprocess.run(
        [sys.executable, "-m", "journeys.cli", "-f", "mkdocs.yml", "export", docs],
        cwd=root,
        env=dict(os.environ, SOURCE_DATE_EPOCH=EPOCH),
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        sys.exit(f"journeys export failed in {root}:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    links = yaml.safe_load(done.stdout.split("\n", 1)[1])  # after "wrote N files ...": extra_css, extra_javascript
    with open(os.path.join(root, "mkdocs.yml"), encoding="utf-8") as handle:
        config = yaml.safe_load(handle)
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "journeys" in p)]
    config.update(links)
    with open(os.path.join(plain, "mkdocs.yml"), "w", encoding="utf-8") as handle:
        yaml.safe_dump(config, handle, sort_keys=False)


def floor_site(folder: str, pages: int) -> None:
    """The floor of a build: a plain Material site (Material's own search, its defaults) of
    `pages` pages, each a heading and a paragraph, out of the navigation as the handbook's
    detail pages are, with the benchmark handbook's theme settings and nothing else."""
    shutil.rmtree(folder, ignore_errors=True)
    docs = os.path.join(folder, "docs")
    os.makedirs(os.path.join(docs, "pages"))
    with open(os.path.join(docs, "index.md"), "w", encoding="utf-8") as handle:
        handle.write("# Floor\n\nA plain Material site, as many pages as the handbook.\n")
    for n in range(pages - 1):
        text = " ".join(WORDS[(n + i) % len(WORDS)] for i in range(FLOOR_WORDS))  # the handbook's words
        with open(os.path.join(docs, "pages", f"{n:06d}.md"), "w", encoding="utf-8") as handle:
            handle.write(f"# Page {n}\n\n{text.capitalize()}.\n")
    config = {
        "site_name": "Floor",
        "theme": {"name": "material", "font": False, "features": MKDOCS_YML["theme"]["features"]},
        "plugins": ["search"],
        "nav": [{"Home": "index.md"}],
    }
    with open(os.path.join(folder, "mkdocs.yml"), "w", encoding="utf-8") as handle:
        yaml.safe_dump(config, handle, sort_keys=False)


def count_pages(site: str) -> int:
    return sum(1 for _, _, files in os.walk(site) for name in files if name == "index.html")


def zensical_build(root: str, project: str) -> dict:
    """`journeys export --standalone` of the handbook, then a strict `zensical build` of that
    project (Zensical runs no MkDocs plugin: docs/zensical.md). Zensical builds on several
    threads, so its CPU seconds may exceed the wall seconds."""
    shutil.rmtree(project, ignore_errors=True)  # and Zensical's cache with it: a cold build
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "journeys.cli", "-f", "mkdocs.yml", "export", "--standalone", project],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    export_wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"journeys export --standalone failed in {root}:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--strict"], cwd=project, env=env, capture_output=True, text=True
    )
    wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"zensical build failed in {project}:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    figures = {
        "export_wall": export_wall,
        "wall": wall,
        "cpu": after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime,
        "site_bytes": tree_bytes(os.path.join(project, "site")),
    }
    print(f"    {json.dumps(figures, sort_keys=True)}", flush=True)
    return figures


def measure(
    size: int,
    out: str,
    plain: bool,
    rebuild: bool,
    profile: bool,
    zensical: bool = False,
    skew: bool = False,
    floor: bool = True,
) -> Result:
    root = os.path.join(out, f"n{size}" + ("-skew" if skew else ""))
    os.makedirs(root, exist_ok=True)
    generate(root, size, skew=skew)
    print(f"[{size}] plugin build ...", flush=True)
    site = os.path.join(root, "site")
    shutil.rmtree(site, ignore_errors=True)
    plugin = child(["build", "mkdocs.yml", site], root)
    result = Result(
        size,
        plugin,
        None,
        tree_bytes(site),
        largest_journey_page(site),
        largest_by_kind(site),
    )
    result.search, result.search_bytes = site_search(site)
    result.pages = count_pages(site)
    if floor:
        print(f"[{size}] the floor: a plain Material site of {result.pages:,} pages ...", flush=True)
        floor_root = os.path.join(out, f"floor-{result.pages}")
        floor_site(floor_root, result.pages)
        result.floor = child(["build", "mkdocs.yml", os.path.join(floor_root, "site")], floor_root)
    if plain:
        print(f"[{size}] plain build of the same pages ...", flush=True)
        plain_root = root + "-plain"
        plain_site(root, plain_root)
        result.plain = child(["build", "mkdocs.yml", os.path.join(plain_root, "site")], plain_root)
    if rebuild:
        print(f"[{size}] serve: build, edit one map, rebuild ...", flush=True)
        edited = os.path.join(root, "maps", "journeys", "sales", "journey-00004.md")
        result.rebuild = child(["rebuild", "mkdocs.yml", root + "-serve", edited], root)
        generate(root, size, skew=skew)  # undo the edit
    if zensical:
        print(f"[{size}] standalone export, built by Zensical ...", flush=True)
        result.zensical = zensical_build(root, root + "-zensical")
    if profile:
        print(f"[{size}] profiled build ...", flush=True)
        report = os.path.join(out, f"profile-{size}.txt")
        child(["build", "mkdocs.yml", root + "-profiled", "--profile", report], root)
        result.notes.append(f"cProfile report: `{os.path.relpath(report, out)}` (and `.prof` for snakeviz/pstats)")
    return result


def mib(n: float) -> str:
    return f"{n / 1024 / 1024:.1f} MiB"


def table(results: list[Result]) -> list[str]:
    head = [
        "maps",
        "CPU s (wall s)",
        "CPU per map",
        "site bytes/map",
        "largest journey page",
        "peak MiB (per map)",
        "search bundle per map",
        "plugin s (load / render / other)",
        "MkDocs s",
        "plain build s",
        "plugin ÷ plain",
        "floor s (pages)",
        "÷ floor",
    ]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in results:
        t = r.plugin["cpu_times"]
        load, render = t.get("load_handbook", 0.0), t.get("all_pages", 0.0)
        other = r.plugin_share - load - render
        rows.append(
            "| "
            + " | ".join(
                [
                    f"{r.size:,}",
                    f"{r.plugin['cpu']:.1f} ({r.plugin['wall']:.1f})",
                    f"{r.per_map * 1000:.1f} ms",
                    f"{r.bytes_per_map / 1024:.1f} KiB",
                    f"{r.largest_page[0] / 1024:.1f} KiB ({r.largest_page[1]})",
                    f"{r.plugin['peak_mib']:.0f} ({r.peak_per_map * 1024:.0f} KiB)",
                    f"{r.search_per_map / 1024:.1f} KiB ({r.search})",
                    f"{r.plugin_share:.2f} ({load:.2f} / {render:.2f} / {other:.2f}) = {r.plugin_share / r.plugin['cpu']:.0%}",
                    f"{r.plugin['cpu'] - r.plugin_share:.1f}",
                    f"{r.plain['cpu']:.1f} ({r.plain['wall']:.1f}), peak {r.plain['peak_mib']:.0f} MiB"
                    if r.plain
                    else "—",
                    f"{r.ratio:.2f}×" if r.ratio else "—",
                    f"{r.floor['cpu']:.1f} ({r.pages:,})" if r.floor else "—",
                    f"{r.floor_ratio:.2f}×" if r.floor_ratio else "—",
                ]
            )
            + " |"
        )
    return rows


def kinds_table(results: list[Result]) -> list[str]:
    """The largest page of each kind at each size."""
    kinds = sorted({k for r in results for k in r.largest_by_kind})
    rows = ["| page | " + " | ".join(f"{r.size:,} maps" for r in results) + " |", "|" + "---|" * (len(results) + 1)]
    for kind in kinds:
        cells = []
        for r in results:
            size, path = r.largest_by_kind.get(kind, (0, ""))
            cells.append(f"{size / 1024:.1f} KiB (`{path}`)" if size else "—")
        rows.append(f"| {kind} | " + " | ".join(cells) + " |")
    return rows


def verdict(ok: bool) -> str:
    return "**met**" if ok else "**not met**"


def targets(results: list[Result]) -> list[str]:
    by_size = {r.size: r for r in results}
    lines = []
    small, large = by_size.get(200), by_size[max(by_size)]
    if small and large is not small:
        t, b = large.per_map / small.per_map, large.bytes_per_map / small.bytes_per_map
        lines.append(
            f"- Linear time: time per map at {large.size:,} ÷ at 200 = {t:.2f} (target ≤ 1.2): {verdict(t <= 1.2)}"
        )
        lines.append(
            f"- Linear size: site bytes per map at {large.size:,} ÷ at 200 = {b:.2f} (target ≤ 1.2): {verdict(b <= 1.2)}"
        )
    else:
        lines.append("- Linear time and size: needs size 200 and a larger one (not run)")
    peak = large.plugin["peak_mib"]
    lines.append(
        f"- Peak memory at {large.size:,} maps: {peak:.0f} MiB (target < {MEMORY_LIMIT_MIB:.0f} MiB): "
        f"{verdict(peak < MEMORY_LIMIT_MIB)}"
    )
    biggest = max((page for r in results for page in r.largest_by_kind.values()), default=(0, ""))
    lines.append(
        f"- Largest generated page: {biggest[0] / 1024:.1f} KiB, `{biggest[1]}` (target ≤ 250 KB): "
        f"{verdict(biggest[0] <= AGGREGATE_LIMIT)}"
    )
    per_map = by_size[1000].search_per_map if 1000 in by_size else None
    if per_map is not None and by_size[1000].search == "material":
        lines.append(
            f"- Search index at 1,000 maps: {per_map / 1024:.1f} KiB a map (target ≤ 4 KB): "
            f"{verdict(per_map <= SEARCH_LIMIT)}"
        )
    elif per_map is not None:
        lines.append(
            f"- Search at 1,000 maps: Pagefind's bundle, {per_map / 1024:.1f} KiB a map on disk, of which a reader "
            "fetches only what a query needs (`benchmarks/search.py` measures it); the 4 KB a map target is "
            "for Material's index, which a reader fetches whole"
        )
    for r in results:
        if r.ratio:
            lines.append(
                f"- Plugin build ÷ plain build at {r.size:,}: {r.ratio:.2f} (target ≤ 1.10): {verdict(r.ratio <= 1.10)}"
            )
    worst = max(r.largest_page for r in results)
    lines.append(
        f"- Largest journey page: {worst[0] / 1024:.1f} KiB, {worst[1]} (target ≤ 100 KB): {verdict(worst[0] <= PAGE_LIMIT)}"
    )
    for r in results:
        if r.floor:
            children = r.plugin.get("children_cpu", 0.0)
            lines.append(
                f"- Build against the floor at {r.size:,} maps: {r.plugin['cpu']:.1f} s of CPU + {children:.1f} s in "
                f"Pagefind's indexer, against {r.floor['cpu']:.1f} s for a plain Material site of {r.pages:,} pages "
                f"(peak {r.floor['peak_mib']:.0f} MiB) = {r.floor_ratio:.2f}× (target ≤ {FLOOR_RATIO}): "
                f"{verdict(r.floor_ratio <= FLOOR_RATIO)}"
            )
    if small and large is not small:
        per_map = (large.plugin["cpu"] + large.plugin.get("children_cpu", 0.0)) / large.size
        small_per_map = (small.plugin["cpu"] + small.plugin.get("children_cpu", 0.0)) / small.size
        lines.append(
            f"- Time per map, Pagefind included, at {large.size:,} ÷ at 200: {per_map * 1000:.1f} ÷ "
            f"{small_per_map * 1000:.1f} ms = {per_map / small_per_map:.2f} (target ≤ 1.2): "
            f"{verdict(per_map / small_per_map <= 1.2)}"
        )
    for r in results:
        lines.append(
            f"- Peak memory at {r.size:,} maps: {r.plugin['peak_mib']:.0f} MiB, {r.peak_per_map * 1024:.0f} KiB a map"
        )
    for r in results:
        if r.rebuild:
            rb = r.rebuild
            lines.append(
                f"- Serve rebuild after a one-map edit at {r.size:,} maps: {rb['rebuild_cpu']:.1f} s CPU, "
                f"{rb['rebuild']:.1f} s wall (first build {rb['cpu']:.1f} s CPU); maps re-parsed: "
                f"{rb['rebuild_parses']} of {rb['first_parses']}; loading and validation took "
                f"{rb['rebuild_load_handbook_cpu']:.2f} s CPU"
            )
    for r in results:
        if r.zensical:
            z = r.zensical
            lines.append(
                f"- Zensical build of the standalone export at {r.size:,} maps: {z['cpu']:.1f} s CPU, "
                f"{z['wall']:.1f} s wall (the export itself {z['export_wall']:.1f} s wall), "
                f"{z['site_bytes'] / r.size / 1024:.1f} KiB of site per map; MkDocs with the plugin: "
                f"{r.plugin['cpu']:.1f} s CPU, {r.plugin['wall']:.1f} s wall (reported, no target)"
            )
    return lines


def machine() -> str:
    names = ("mkdocs", "mkdocs-material", "zensical", "Markdown", "PyYAML")
    versions = ", ".join(f"{name} {_version(name)}" for name in names)
    libyaml = "with libyaml" if yaml.__with_libyaml__ else "without libyaml"
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    return (
        f"{platform.machine()}, {os.cpu_count()} cores, {memory:.0f} GiB, Python {platform.python_version()}, "
        f"{versions} ({libyaml})"
    )


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "(not installed)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000, 5000])
    parser.add_argument(
        "--rebuild-size", type=int, default=1000, help="size at which to time a serve rebuild (0: skip)"
    )
    parser.add_argument(
        "--profile-size", type=int, default=0, help="size at which to write a cProfile report (0: skip)"
    )
    parser.add_argument(
        "--zensical-size",
        type=int,
        default=1000,
        help="size at which to build the standalone export with Zensical (0: skip)",
    )
    parser.add_argument("--no-plain", action="store_true", help="skip the plain builds without the plugin")
    parser.add_argument("--skew", action="store_true", help="skewed handbooks (generate.py --skew)")
    parser.add_argument(
        "--no-floor", action="store_true", help="skip the floor builds (a plain Material site of as many pages)"
    )
    parser.add_argument("--out", default=os.path.join(HERE, "out"))
    args = parser.parse_args()
    args.out = os.path.abspath(args.out)  # the builds run in the handbook's folder
    os.makedirs(args.out, exist_ok=True)
    results = [
        measure(
            size,
            args.out,
            not args.no_plain,
            size == args.rebuild_size,
            size == args.profile_size,
            size == args.zensical_size,
            args.skew,
            not args.no_floor,
        )
        for size in sorted(args.sizes)
    ]
    lines = [
        "# Journeys plugin benchmark",
        "",
        f"Run {datetime.date.today().isoformat()} on {machine()}.",
        "Other processes share this machine, so wall times are noisy; the figures and targets use the "
        "CPU time of the build process (user + system), which they disturb much less.",
        "",
        *table(results),
        "",
        "The largest page of each kind (HTML bytes):",
        "",
        *kinds_table(results),
        "",
        "Plugin seconds are the plugin's events (`on_files` and the rest); load is `load_handbook` "
        "(reading and validation), render is `all_pages`. MkDocs seconds are the rest of the build: "
        "Markdown, theme templates, search index, writing files.",
        "",
        "## Targets",
        "",
        *targets(results),
        *[f"- {note}" for r in results for note in r.notes],
        "",
    ]
    report = "\n".join(lines)
    with open(os.path.join(args.out, "report-skew.md" if args.skew else "report.md"), "w", encoding="utf-8") as handle:
        handle.write(report)
    print(report)


if __name__ == "__main__":
    main()
