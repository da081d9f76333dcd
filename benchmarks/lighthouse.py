"""Lighthouse on a handbook: one page of every page type, as a phone reader loads it.

    python benchmarks/lighthouse.py [--handbook demo|plain] [--without-starter] [--runs 5] [--only TYPE ...] [--no-write]

Builds a handbook of the demo's docs/ and maps/ into a temporary folder: `demo` with the repo's
mkdocs.yml, `plain` with a mkdocs.yml of nothing but a site name, `theme: material` and the
plugins (search, and journeys with the demo's custom lane), as a company that installs the
plugin starts; `--without-starter` turns the plugin's `scripts_after_paint` off. It serves it with
`python -m http.server` on 127.0.0.1 (no compression, as the plainest web server sends it),
and runs Lighthouse from node_modules (`npm ci` installs it; package.json pins the version;
Lighthouse 13 asks for Node 22.19 and runs on Debian's Node 20, npm only warning) with Debian's
Chromium and Lighthouse's defaults: mobile form factor, simulated throttling, performance
category only. Each page is measured `--runs` times and the median run is kept, with the lowest
and highest score and blocking time beside it: a page's score is not one number (see "Why runs used to differ" in
docs/performance.md). The figures replace the section between the handbook's markers in
docs/performance.md (`<!-- lighthouse:start -->`, or `lighthouse-plain`, `lighthouse-plain-off`
...); `--only` measures some page types and writes nothing. A benchmark, not a test: nothing
fails on a score.

The plain handbook's theme has `font: false`: Material's default font comes from Google Fonts,
which the machine this runs on cannot reach (a failed request would be measured instead), and a
handbook behind a firewall sets it so too.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu"
PERFORMANCE_MD = REPO / "docs" / "performance.md"
EPOCH = "1798761600"  # a fixed build date (2027-01-01, after the demo's review dates): every run builds the same pages
TARGET_SCORE, TARGET_TBT_MS, TARGET_LCP_MS = 95, 150, 2500
# A handbook as a company that installs the plugin writes it first: the demo's maps need their
# custom lane declared.
PLAIN_CONFIG = {
    "site_name": "Harbour Mutual customer journeys",
    "theme": {"name": "material", "font": False},
    "plugins": ["search", {"journeys": {"custom_fields": [{"key": "backstage", "label": "Behind the scenes"}]}}],
}


def page_types(site: Path) -> list[tuple[str, str]]:
    """(page type, URL path): the first page of each kind, by name, so reruns compare alike."""

    def first(kind: str) -> str:
        pages = sorted(p.parent.name for p in (site / kind).glob("*/index.html"))
        if not pages:
            sys.exit(f"the demo has no {kind} page")
        return f"{kind}/{pages[0]}/"

    return [
        ("home (hand-written)", ""),
        ("journeys index", "journeys/"),
        ("journey", first("journeys")),
        ("personas index", "personas/"),
        ("persona", first("personas")),
        ("stages index", "stages/"),
        ("stage", first("stages")),
        ("teams index", "teams/"),
        ("team", first("teams")),
        ("pain points", "pain-points/"),
    ]


def build_handbook(root: Path, handbook: str, starter: bool) -> Path:
    for name in ("docs", "maps"):
        shutil.copytree(REPO / name, root / name)
    if handbook == "plain":
        config = json.loads(json.dumps(PLAIN_CONFIG))
    else:
        config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    if not starter:
        journeys = next(p["journeys"] for p in config["plugins"] if isinstance(p, dict) and "journeys" in p)
        journeys["scripts_after_paint"] = False
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, NO_MKDOCS_2_WARNING="1")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml"), "-d", str(root / "site")],
        check=True,
        env=env,
        cwd=root,
    )
    return root / "site"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def lighthouse(url: str, out: Path) -> dict:
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--only-categories=performance",
            "--output=json",
            f"--output-path={out}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--quiet",
        ],
        check=True,
        env=dict(os.environ, CHROME_PATH=CHROME),
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    return {
        "score": round(report["categories"]["performance"]["score"] * 100),
        "tbt": audits["total-blocking-time"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "bytes": audits["total-byte-weight"]["numericValue"],
        "version": report["lighthouseVersion"],
    }


def median_run(runs: list[dict]) -> dict:
    """The run with the median score (ties: the lower TBT), so its figures belong together."""
    ordered = sorted(runs, key=lambda r: (r["score"], -r["tbt"]))
    return ordered[(len(ordered) - 1) // 2]


def table(results: list[tuple[str, str, dict, list[dict]]], runs: int, load: list[float], command: str) -> str:
    version = results[0][2]["version"]
    lines = [
        f"Measured on {datetime.date.today():%-d %B %Y} with `{command}`"
        f" (Lighthouse {version}, mobile, simulated throttling, median of {runs} run{'s' if runs > 1 else ''};"
        " served by `python -m http.server`, without compression; the machine's load average, on"
        f" {os.cpu_count()} cores, went from {min(load):.1f} to {max(load):.1f} during the runs):",
        "",
        "| page type | page | performance | lowest–highest | total blocking time | lowest–highest |"
        " largest contentful paint | layout shift | transferred |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for kind, path, r, all_runs in results:
        scores = sorted(run["score"] for run in all_runs)
        blocking = sorted(run["tbt"] for run in all_runs)
        lines.append(
            f"| {kind} | `/{path}` | {r['score']} | {scores[0]}–{scores[-1]} | {r['tbt']:,.0f} ms |"
            f" {blocking[0]:,.0f}–{blocking[-1]:,.0f} ms | {r['lcp'] / 1000:.1f} s | {r['cls']:.3f} |"
            f" {r['bytes'] / 1024:,.0f} KiB |"
        )
    met = [
        r["score"] >= TARGET_SCORE and r["tbt"] < TARGET_TBT_MS and r["lcp"] < TARGET_LCP_MS for _, _, r, _ in results
    ]
    lines += [
        "",
        f"Targets: performance ≥ {TARGET_SCORE}, total blocking time under {TARGET_TBT_MS} ms and largest"
        f" contentful paint under {TARGET_LCP_MS / 1000:.1f} s on every page type (medians): met on {sum(met)}"
        f" of {len(met)}.",
    ]
    return "\n".join(lines)


def markers(name: str) -> tuple[str, str]:
    return f"<!-- {name}:start -->", f"<!-- {name}:end -->"


def write_section(text: str, name: str) -> None:
    start, end = markers(name)
    doc = PERFORMANCE_MD.read_text(encoding="utf-8")
    if start not in doc or end not in doc:
        sys.exit(f"{PERFORMANCE_MD} has no {start} … {end} section")
    head, rest = doc.split(start, 1)
    _, tail = rest.split(end, 1)
    PERFORMANCE_MD.write_text(f"{head}{start}\n{text}\n{end}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--handbook", choices=["demo", "plain"], default="demo", help="which mkdocs.yml (see above)")
    parser.add_argument("--without-starter", action="store_true", help="build with scripts_after_paint: false")
    parser.add_argument("--runs", type=int, default=5, help="Lighthouse runs per page; the median is kept")
    parser.add_argument("--only", nargs="+", metavar="TYPE", help="page types to measure (words of their names)")
    parser.add_argument("--no-write", action="store_true", help="print the table, leave docs/performance.md alone")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        sys.exit("lighthouse is missing: run `npm ci` first")
    with tempfile.TemporaryDirectory(prefix="journeys-lighthouse-") as tmp:
        root = Path(tmp)
        port = free_port()
        base = f"http://127.0.0.1:{port}/"
        site = build_handbook(root, args.handbook, not args.without_starter)
        server = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(site)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(base)
            results, load = [], [os.getloadavg()[0]]
            for kind, path in page_types(site):
                if args.only and not any(word in kind for word in args.only):
                    continue
                runs = [lighthouse(base + path, root / f"report-{n}.json") for n in range(args.runs)]
                load.append(os.getloadavg()[0])
                results.append((kind, path, median_run(runs), runs))
                r = results[-1][2]
                print(f"{kind:22} {r['score']:4d} {r['tbt']:8.0f} ms {r['bytes'] / 1024:8.0f} KiB", flush=True)
        finally:
            server.terminate()
            server.wait()
    name = "lighthouse" if args.handbook == "demo" else "lighthouse-plain"
    name += "-off" if args.without_starter else ""
    command = shlex.join(["python", "benchmarks/lighthouse.py", *(argv if argv is not None else sys.argv[1:])])
    text = table(results, args.runs, load, command)
    print(text)
    if not (args.no_write or args.only):
        write_section(text, name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
