"""Time reading measure values (maps/measures/*.csv, map format 1.2) at growing sizes, to show
that loading stays linear in the rows an author writes.

    python benchmarks/measures_load.py [--journeys 1000] [--rows 100000 200000 400000] [--out DIR]

Generates the benchmark handbook (generate.py) once, reads its maps to know which journeys the
values may name, then writes values files of each size (every journey, each of the three
measures, as many months back as the size needs, in one file an area folder) and times
`read_values` over them: the whole of loading a values file, from bytes to checked values,
duplicates and references included. Each size is read three times; the fastest CPU time counts.
Prints a table, seconds per 100,000 rows among it.
"""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from generate import AREAS, MEASURES, generate  # noqa: E402
from journeys.core import Handbook, load_handbook  # noqa: E402
from journeys.core.measure_files import JourneyScope, Known, read_values  # noqa: E402

TODAY = datetime.date(2026, 1, 1)  # the benchmarks' build date (run.py's EPOCH)


def month_end(back: int) -> datetime.date:
    """The last day of the month `back` months before December 2025."""
    n = 2025 * 12 + 11 - back
    year, month = divmod(n + 1, 12)
    return datetime.date(year, month + 1, 1) - datetime.timedelta(days=1)


def write_values(folder: str, journeys: list[str], rows: int) -> int:
    """Files of about `rows` values; returns how many rows they hold."""
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    months = max(1, rows // (len(journeys) * len(MEASURES)))
    written = 0
    for n, area in enumerate(AREAS):
        lines = ["date,measure,value,journey,n,source"]
        for jid in journeys[n :: len(AREAS)]:
            for back in range(months):
                day = month_end(back).isoformat()
                for k, m in enumerate(MEASURES):
                    lines.append(f"{day},{m['id']},{(back * 7 + k * 13) % 60},{jid},{100 + back},Monthly survey")
                    written += 1
        with open(os.path.join(folder, f"{area}.csv"), "w", encoding="utf-8", newline="\n") as handle:
            handle.write("\n".join(lines) + "\n")
    return written


def known_ids(handbook: Handbook) -> Known:
    """What values may name, from the loaded handbook (as loading works it out from the maps)."""
    scopes = {
        j.id: JourneyScope(
            tuple(b.stage for b in j.stages),
            {s.id: b.stage for b, s in j.steps if s.id},
            j.personas,
        )
        for j in handbook.journeys
    }
    return Known(
        {m.id: m.kind for m in handbook.measures},
        scopes,
        frozenset(s.id for s in handbook.stages),
        frozenset(p.id for p in handbook.personas),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--journeys", type=int, default=1000)
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 200_000, 400_000])
    parser.add_argument("--out", default=os.path.join(HERE, "out", "measures-load"))
    args = parser.parse_args()
    root = os.path.abspath(args.out)
    os.makedirs(root, exist_ok=True)
    generate(root, args.journeys)
    os.environ["SOURCE_DATE_EPOCH"] = "1767225600"
    maps = os.path.join(root, "maps")
    handbook = load_handbook(maps, root=root)
    assert not handbook.problems, handbook.problems[:3]
    journeys = [j.id for j in handbook.journeys]
    known = known_ids(handbook)
    folder = os.path.join(root, "values")
    print("| rows | CPU s | CPU s per 100,000 rows | µs per row |")
    print("|---|---|---|---|")
    for rows in args.rows:
        written = write_values(folder, journeys, rows)
        paths = [(os.path.join(folder, f), f) for f in sorted(os.listdir(folder))]
        best = None
        for _ in range(3):
            start = time.process_time()
            values, problems = read_values(paths, known, TODAY)
            spent = time.process_time() - start
            best = spent if best is None else min(best, spent)
        assert not problems and len(values) == written, problems[:3]
        print(f"| {written:,} | {best:.2f} | {best / written * 100_000:.2f} | {best / written * 1e6:.1f} |", flush=True)


if __name__ == "__main__":
    main()
