"""What a reader downloads to search a large handbook with Pagefind, and what indexing costs.

    python benchmarks/search.py [--sizes 200 1000 5000] [--material]

For each size: generate a handbook (generate.py), build it with `search: pagefind` in a child
process (measure.py: build time, the Pagefind step's time, peak memory), serve the site with
`python -m http.server`'s handler on 127.0.0.1 (no compression, as benchmarks/lighthouse.py),
and search it in Debian's Chromium through Material's search box: a fresh browser, then one
query after another, as a reader would (the query typed at once, then one keyup). For each
search, the bytes of every response the page and its workers received from the moment the
query is given until the results stop changing; the first search includes Pagefind's script,
its WebAssembly and its page table. `--material` also builds each handbook with
`search: material` and measures the same searches with Material's own search, for comparison.
Prints a table and writes benchmarks/out/search.md. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import http.server
import json
import os
import statistics
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from generate import generate  # noqa: E402
from run import child, machine, tree_bytes  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu"]  # only the page's and its workers' requests are counted
FIRST_SEARCH_LIMIT = 300 * 1000  # bytes, at 5,000 maps


def queries(root: str) -> list[tuple[str, str]]:
    """(what, query): a reader's searches, taken from the generated maps so every size asks
    alike: a touchpoint's words, a pain point's words, a persona's name, the touchpoint again
    narrowed to journey pages, and a stage's name."""
    from journeys.core import load_handbook

    handbook = load_handbook(os.path.join(root, "maps"), root=root)
    journey = handbook.journey_by_id["journey-00004"]
    touchpoint = journey.steps[0][1].touchpoint
    pain = max(handbook.pain_points, key=lambda p: (len(p.places), p.id))
    persona = handbook.personas[0]
    stage = handbook.stages[2]
    return [
        ("a touchpoint's words", touchpoint),
        ("a pain point's words", pain.text.rstrip(".")),
        ("a persona's name", persona.name),
        ("the touchpoint, journeys only", f"{touchpoint} kind:Journey"),
        ("a stage's name", stage.name),
    ]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(site: str):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


LIST = "() => document.querySelector('.md-search-result__list').innerHTML"
# The answer to this query: with Pagefind, the chips' line names it; Material's list changes.
ANSWERED = """([query, previous]) => {
  const bar = document.querySelector('.jm-search-filters')
  if (bar) return bar.dataset.query === query
  const list = document.querySelector('.md-search-result__list').innerHTML
  return list !== previous && list !== ''
}"""
SETTLED = """async () => {
  let last = null
  for (;;) {
    const now = document.querySelector('.md-search-result__list').innerHTML
      + (document.querySelector('.jm-search-filters')?.innerText ?? '')
    if (now === last && now) return
    last = now
    await new Promise(r => setTimeout(r, 700))
  }
}"""


def search_bytes(site: str, asked: list[tuple[str, str]]) -> list[dict]:
    """Each query's downloaded bytes and requests, and the seconds until its results show."""
    from playwright.sync_api import sync_playwright

    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    got: list[tuple[str, int]] = []
    found = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 900})

            def received(response) -> None:
                try:
                    got.append((response.url, len(response.body())))
                except Exception:  # a redirect or an aborted request has no body
                    got.append((response.url, 0))

            page.on("response", received)
            page.goto(base, wait_until="networkidle")
            page.wait_for_timeout(1000)  # the theme's scripts start after the first paint
            page.wait_for_load_state("networkidle")
            # Material's own search fetches its whole index and its worker when the page loads:
            # that is its first search's download.
            loaded = [(url, size) for url, size in got if "/search/" in url or "/workers/" in url or "/lunr/" in url]
            previous = page.evaluate(LIST)
            for n, (what, query) in enumerate(asked):
                before = len(got)
                start = time.perf_counter()
                page.click("input.md-search__input")
                page.fill("input.md-search__input", query)
                page.dispatch_event("input.md-search__input", "keyup")
                page.wait_for_function(ANSWERED, arg=[query, previous], timeout=120000)
                seconds = time.perf_counter() - start
                page.evaluate(SETTLED)
                previous = page.evaluate(LIST)
                page.wait_for_load_state("networkidle")
                mine = got[before:] + (loaded if n == 0 else [])
                found.append(
                    {
                        "what": what,
                        "query": query,
                        "bytes": sum(size for _, size in mine),
                        "requests": len(mine),
                        "seconds": seconds,
                        "results": page.locator(".md-search-result__item").count(),
                        "files": sorted({url.rsplit("/", 1)[-1].split("?")[0].split(".")[-1] for url, _ in mine}),
                    }
                )
                print(f"    {what}: {found[-1]['bytes']:,} bytes in {len(mine)} requests", flush=True)
            browser.close()
    finally:
        server.shutdown()
    return found


def measure(size: int, out: str, search: str) -> dict:
    root = os.path.join(out, f"search-n{size}")
    os.makedirs(root, exist_ok=True)
    generate(root, size)
    config = os.path.join(root, f"mkdocs-{search}.yml")
    with open(os.path.join(root, "mkdocs.yml"), encoding="utf-8") as handle:
        text = handle.read()
    with open(config, "w", encoding="utf-8") as handle:
        handle.write(text.replace("    maps_dir: maps\n", f"    maps_dir: maps\n    search: {search}\n"))
    site = os.path.join(root, f"site-{search}")
    print(f"[{size}] build with search: {search} ...", flush=True)
    figures = child(["build", config, site], root)
    asked = queries(root)
    figures["searches"] = search_bytes(site, asked)
    figures["bundle_bytes"] = tree_bytes(os.path.join(site, "pagefind"))
    figures["size"] = size
    figures["search"] = search
    return figures


def kib(n: float) -> str:
    return f"{n / 1024:,.1f} KiB"


def table(results: list[dict]) -> list[str]:
    rows = [
        "| maps | search | build CPU s (wall s) | Pagefind step wall s | child CPU s | peak memory | first search | each next search: median (highest) | bundle on disk |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        first, rest = r["searches"][0], r["searches"][1:]
        nexts = [s["bytes"] for s in rest]
        rows.append(
            f"| {r['size']:,} | {r['search']} | {r['cpu']:.1f} ({r['wall']:.1f}) | "
            f"{r['times'].get('pagefind_index', 0.0):.1f} | {r.get('children_cpu', 0.0):.1f} | {r['peak_mib']:.0f} MiB | "
            f"{kib(first['bytes'])} ({first['requests']} requests) | "
            f"{kib(statistics.median(nexts))} ({kib(max(nexts))}) | {kib(r['bundle_bytes'])} |"
        )
    return rows


def queries_table(results: list[dict]) -> list[str]:
    rows = ["| maps | search | query | bytes | requests | seconds to results |", "|---|---|---|---|---|---|"]
    for r in results:
        for n, s in enumerate(r["searches"]):
            label = f"{s['what']}: `{s['query']}`" + (" (first)" if n == 0 else "")
            rows.append(
                f"| {r['size']:,} | {r['search']} | {label} | {kib(s['bytes'])} | {s['requests']} | {s['seconds']:.2f} |"
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000, 5000])
    parser.add_argument("--material", action="store_true", help="also measure search: material")
    parser.add_argument("--out", default=os.path.join(HERE, "out"))
    args = parser.parse_args()
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    load = [os.getloadavg()[0]]
    results = []
    for size in sorted(args.sizes):
        for search in ("pagefind", "material") if args.material else ("pagefind",):
            results.append(measure(size, out, search))
            load.append(os.getloadavg()[0])
    largest = max(r["size"] for r in results)
    first = max(r["searches"][0]["bytes"] for r in results if r["size"] == largest and r["search"] == "pagefind")
    lines = [
        "# Search benchmark",
        "",
        f"Run {datetime.date.today().isoformat()} on {machine()}; load average {min(load):.1f} to {max(load):.1f}.",
        "",
        *table(results),
        "",
        *queries_table(results),
        "",
        f"- First search at {largest:,} maps: {kib(first)} (target ≤ 300 KB): "
        f"{'**met**' if first <= FIRST_SEARCH_LIMIT else '**not met**'}",
        "",
    ]
    report = "\n".join(lines)
    with open(os.path.join(out, "search.md"), "w", encoding="utf-8") as handle:
        handle.write(report)
    with open(os.path.join(out, "search.json"), "w", encoding="utf-8") as handle:
        json.dump(results, handle, indent=1, sort_keys=True)
    print(report)


if __name__ == "__main__":
    main()
